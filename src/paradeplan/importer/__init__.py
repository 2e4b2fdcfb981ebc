"""Import an official Vietnamese plan document (.txt, .docx, .pdf) into a plan file."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from paradeplan.errors import InputError, Problem
from paradeplan.importer.decide import Candidate, Decision, OpenQuestion, decide
from paradeplan.importer.extract import Extraction, extract
from paradeplan.importer.reader import read_document
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


#: What a plan can be made of; a document with none of these is refused.
_PLANNABLE = ("parades", "gatherings", "ceremonies", "rounds", "activities", "deadlines")


def _not_called_off(ex: Extraction, file: str) -> None:
    """Refuse a report written after the fact and a letter that calls its event off without a new date."""
    said = ex.events.stance
    if said is None or said.kind == "moved":
        return
    from paradeplan.i18n import _

    if said.kind == "report":
        why = _("nothing to plan in {file}: the document reports on what was done (read: {title})")
    else:
        why = _(
            "nothing to plan in {file}: the document postpones or cancels the event without a new date (read: {title})"
        )
    hint = _("give the plan (Kế hoạch, Phương án) that describes the parade or the ceremonies")
    raise InputError(problems=[Problem(why.format(file=file, title=said.said[:120]), file, hint=hint)])


#: Words of a title that describe a vehicle parade (folded).
PARADE_WORDS = r"\b(?:dieu hanh|dien hanh|xe hoa|doan xe|ruoc|xe loa|xe tuyen truyen)\b"  # words as data: titles


def _parade_not_written(ex: Extraction, data: dict[str, Any], file: str) -> None:
    """Refuse a document that describes a vehicle parade (vehicles, and a parade title or floats) the plan cannot
    hold: no route could be read, or no date is given anywhere; a plan without it would pass for complete."""
    import re

    from paradeplan.i18n import _
    from paradeplan.importer.text import fold

    if data.get("parades") or not (ex.forces or ex.route):
        return
    title = fold(" ".join(x for x in (ex.parade_name, ex.event) if x))
    if not (ex.route or re.search(PARADE_WORDS, title) or any(f.kind == "float" for f in ex.forces)):
        return
    listed = "; ".join(f"{f.count} {f.label}" for f in ex.forces)[:300] or (ex.route_text or "")[:200]
    if not ex.route:
        why = _("the document describes a vehicle parade ({vehicles}) but no route could be read from it").format(
            vehicles=listed
        )
        hint = _(
            'write the route as one line of steps from the start to the end ("Lộ trình: A – đường B – đường C – D"), '
            'or one street per line after "Lộ trình:", then import again'
        )
        if ex.route_text:
            why += " " + _("(route text read: {text})").format(text=ex.route_text[:200])
    else:
        why = _("the document describes a vehicle parade ({vehicles}) but gives no date for it").format(vehicles=listed)
        hint = _('write the parade\'s date in the document ("ngày 02/10/2025"), then import again')
    raise InputError(problems=[Problem(why, file, hint=hint)])


def _something_to_plan(ex: Extraction, data: dict[str, Any], file: str) -> None:
    """Refuse a document with no parade, ceremony, week activity or deadline: an empty plan helps no one; and one
    whose parade cannot be written."""
    _not_called_off(ex, file)
    _parade_not_written(ex, data, file)
    if ex.route or ex.forces or any(data.get(k) for k in _PLANNABLE if k != "ceremonies"):
        return
    # A ceremony named without a date, time or venue of its own ("xây dựng chương trình Lễ khai mạc", a board's
    # duty) is a mention, not an event to plan.
    stated = any(c.date or c.time or c.place or c.choice or c.flag_time for c in ex.events.ceremonies)
    if data.get("ceremonies") and stated:
        return
    from paradeplan.i18n import _

    said = ex.event or _("no title")
    raise InputError(
        problems=[
            Problem(
                _("nothing to plan in {file}: no parade, ceremony, week activity or deadline (read: {title})").format(
                    file=file, title=said
                ),
                file,
                hint=_("give the plan (Kế hoạch, Phương án) that describes the parade or the ceremonies"),
            )
        ]
    )


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
        validated at all.
    """
    ex = extract(text, source)
    data = build_plan_data(ex)
    _something_to_plan(ex, data, source or "<document>")
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
