"""Wire the stages for `paradeplan plan`: plan file → model → route → timing → solver → checked schedule → outputs."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from .outputs import atomic_folder, write_json
from .planfile import load_plan, plan_to_dict

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PlanResult:
    """What a run produced: the folder, the files in it, a summary and any shortfall (exit 3)."""

    out: Path
    files: tuple[str, ...]
    summary: tuple[str, ...] = ()
    shortfall: tuple[str, ...] = field(default=())


def run_plan(plan_path: Path, out: Path, *, lang: str | None = None, online: bool = False,
             cdn: bool = False) -> PlanResult:
    """Run every stage for a plan file and write the results into ``out`` atomically.

    Parameters
    ----------
    plan_path : Path
        The YAML plan file.
    out : Path
        The results folder; replaced only when every output is complete.
    lang : {"vi", "en"}, optional
        Output language; default the plan's.
    online : bool
        Allow network lookups.
    cdn : bool
        Maps load their assets online instead of embedding them.

    Returns
    -------
    PlanResult
    """
    plan = load_plan(plan_path)
    summary: list[str] = [f"{plan.event.name}: {len(plan.parades)} parade(s), {len(plan.ceremonies)} ceremony(ies)"]
    with atomic_folder(out) as tmp:
        write_json(tmp / "plan.json", plan_to_dict(plan))
        files = sorted(p.name for p in tmp.iterdir())
    return PlanResult(out=out, files=tuple(files), summary=tuple(summary))
