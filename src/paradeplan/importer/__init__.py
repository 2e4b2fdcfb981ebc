"""Import an official Vietnamese plan document (.txt, .docx, .pdf) into a plan file."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from paradeplan.importer.extract import Extraction, extract
from paradeplan.importer.reader import read_document
from paradeplan.importer.writer import build_plan_data, plan_yaml, validated, write_atomic
from paradeplan.plan.model import Plan
from paradeplan.plan.planfile import plan_from_text

log = logging.getLogger(__name__)

__all__ = ["ImportResult", "import_document", "import_text", "write_atomic"]


@dataclass
class ImportResult:
    """What an import produced: the facts, the validated plan and the plan file's text."""

    extraction: Extraction
    plan: Plan
    data: dict[str, Any]
    yaml_text: str

    def summary(self) -> dict[str, Any]:
        """The normalized JSON summary (see :meth:`Extraction.summary`)."""
        return self.extraction.summary()

    def write(self, path: str | Path) -> None:
        """Write the plan file atomically (nothing is written on failure)."""
        write_atomic(Path(path), self.yaml_text)


def import_text(text: str, source: str | None = None) -> ImportResult:
    """Build a plan from a document's text.

    Parameters
    ----------
    text : str
        The document's text.
    source : str, optional
        The document's file name (kept as ``event.source`` and used in messages).

    Returns
    -------
    ImportResult

    Raises
    ------
    InputError
        Only if the plan built from the text cannot be validated at all.
    """
    ex = extract(text, source)
    data = build_plan_data(ex)
    file = source or "<document>"
    plan = validated(data, ex, file)
    yaml_text = plan_yaml(data, source)
    plan = plan_from_text(yaml_text, file)  # the written text itself must validate
    log.info(
        "%s: %d route steps, %d force entries, %d open items",
        file,
        len(ex.route),
        len(ex.forces),
        len(data["open_items"]),
    )
    return ImportResult(ex, plan, data, yaml_text)


def import_document(path: str | Path) -> ImportResult:
    """Read a plan document and build a plan from it.

    Parameters
    ----------
    path : str or Path
        A ``.txt`` (UTF-8), ``.docx`` or text-layer ``.pdf`` file.

    Returns
    -------
    ImportResult

    Raises
    ------
    InputError
        When the file cannot be read (missing, empty, binary, not UTF-8, too large, broken), naming it.
    """
    p = Path(path)
    return import_text(read_document(p), p.name)
