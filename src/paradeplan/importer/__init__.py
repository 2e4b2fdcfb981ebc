"""Import an official Vietnamese plan document (.txt, .docx, .pdf) into a plan file."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from paradeplan.importer.decide import Candidate, Decision, OpenQuestion, decide
from paradeplan.importer.extract import Extraction, extract
from paradeplan.importer.reader import check_readable, read_document
from paradeplan.importer.refuse import refuse_unplannable
from paradeplan.importer.writer import build_plan_data, plan_yaml, validated, write_atomic
from paradeplan.plan.model import Plan
from paradeplan.plan.planfile import plan_from_text
from paradeplan.plan.rules import asks_coordinates

log = logging.getLogger(__name__)

__all__ = [
    "Candidate",
    "Decision",
    "ImportResult",
    "OpenQuestion",
    "import_document",
    "import_text",
    "write_atomic",
]

#: The plan file's top-level keys in the order they are written.
_ORDER = (
    "format",
    "event",
    "streets",
    "places",
    "parades",
    "gatherings",
    "ceremonies",
    "people",
    "activities",
    "deadlines",
    "open_items",
    "decisions",
)


@dataclass
class ImportResult:
    """What an import produced: the facts, the validated plan and the plan file's text."""

    extraction: Extraction
    plan: Plan
    data: dict[str, Any]
    yaml_text: str
    decisions: list[Decision] = field(default_factory=list)
    """What the importer decided from the document's context (each may be overturned)."""
    questions: list[OpenQuestion] = field(default_factory=list)
    """Open questions with candidates, from the decisions step (see :meth:`open_items`)."""

    def open_items(self) -> list[OpenQuestion]:
        """Every open item of the plan file as structured data: id (``o1``…), field, question, the source
        sentence, whether ``plan`` needs it answered, how it is answered (choose, pin, value), candidates."""
        rich = {q.field: q for q in self.questions}
        out: list[OpenQuestion] = []
        for k, item in enumerate(self.data.get("open_items", []), start=1):
            fld, question = str(item["field"]), str(item["question"])
            q = rich.get(fld)
            if q is not None and q.question == question:
                out.append(OpenQuestion(f"o{k}", fld, question, q.source, q.required, q.kind, q.candidates))
                continue
            pin = asks_coordinates(fld, question)
            route = fld.startswith("parades") or pin
            out.append(
                OpenQuestion(
                    f"o{k}",
                    fld,
                    question,
                    self.extraction.route_text if route else None,
                    pin or fld == "streets",
                    "pin" if pin else "value",
                )
            )
        return out

    def summary(self) -> dict[str, Any]:
        """The normalized JSON summary (see :meth:`Extraction.summary`; its ceremony clauses as ``ceremony_clauses``,
        ``ceremonies`` what the plan file holds, :meth:`written_ceremonies`), with the decisions taken and the open
        items (:meth:`open_items`)."""
        said = self.extraction.summary()
        out = {k: self.written_ceremonies() if k == "ceremonies" else v for k, v in said.items()}
        out["ceremony_clauses"] = said["ceremonies"]
        out["decisions"] = [d.as_dict() for d in self.decisions]
        out["open_items"] = [q.as_dict() for q in self.open_items()]
        return out

    def written_ceremonies(self) -> list[dict[str, Any]]:
        """The ceremonies the plan file holds, as the writer wrote them (one per holder, placeholders included):
        name, date, start and end, and the venue's name; ``ceremony_clauses`` in :meth:`summary` keeps the clauses
        as the text states them."""
        places = {str(p["id"]): str(p["name"]) for p in self.data.get("places") or []}
        return [
            {
                "name": c["name"],
                "date": str(c["date"]),
                "time": str(c["window_start"])[:5],
                "end": str(c["window_end"])[:5],
                "place": places.get(str(c["venue"]), str(c["venue"])),
            }
            for c in self.data.get("ceremonies") or []
        ]

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
        When the text has nothing to plan ("nothing to plan in FILE: …"), or the plan built from it cannot be
        validated at all; :class:`~paradeplan.errors.TooLarge` when it is longer than the rules read
        (:func:`~paradeplan.importer.reader.check_readable`).
    """
    check_readable(text, source or "<document>")
    ex = extract(text, source)
    data = build_plan_data(ex)
    refuse_unplannable(ex, data, source or "<document>")
    decisions, questions = decide(data, ex)
    data = {k: data[k] for k in sorted(data, key=lambda k: _ORDER.index(k) if k in _ORDER else 99)}
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
    return ImportResult(ex, plan, data, yaml_text, decisions, questions)


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
