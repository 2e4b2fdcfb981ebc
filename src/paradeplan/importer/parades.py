"""Several parades one document plans, each in a section of its own: each read from its section alone."""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING

from paradeplan.importer.events import PARADE_WORDS
from paradeplan.importer.text import BULLET_MARK, fold

if TYPE_CHECKING:
    from paradeplan.importer.extract import Extraction, Force, RouteItem
    from paradeplan.importer.structure import Document, Section
    from paradeplan.importer.text import Folded

#: A section's title that names a column of its own ("2. Diễu hành cổ động bằng xe hoa (thứ Tư, 01/10)", "3. Diễu
#: hành xe đạp …", "Đoàn rước …"), a leg of one ("a) Chặng 1:", "c) Chặng 2:"), or one of the blocks that set off
#: from places of their own ("a) Khối 1 (các phường …):", "Nhánh 2:", "Cánh thứ hai") (folded).
_PARADE_TITLE = re.compile(
    PARADE_WORDS + r"|\b(?:dieu hanh|dien hanh)\b|^chang\s+(?:\d|mot|hai|ba)\b"
    r"|^(?:khoi|nhanh|canh)\s+(?:thu\s+)?(?:\d|mot|hai|ba|nhat)\b"
)
#: What a parade's reading holds of its own: its route, times, place, vehicles, forces on foot and the units on the
#: traffic (the rest of the document is read once, whole).
PARADE_FIELDS = (
    "parade_name",
    "assembly_date",
    "assembly_time",
    "assembly_place",
    "departure_date",
    "departure_time",
    "route",
    "route_text",
    "forces",
    "marshals",
    "duties",
    "speed_limit_kmh",
    "no_leaving_before_end",
)


def parade_sections(doc: Document, routed: set[int]) -> list[set[int]]:
    """The lines of each section titled as a parade that holds a route of its own (``routed``: the lines a route
    is read from), when a document has two such sections or more, none inside another; [] otherwise."""
    found: list[tuple[int, set[int]]] = []
    for _path, sec in doc.sections():
        if not _PARADE_TITLE.search(sec.title.low) and not _opened_by_a_parade(sec):
            continue
        lines = (
            {sec.line}
            | {b.line for _p, s in sec.walk() for b in s.blocks}
            | {s.line for _p, s in sec.walk() if s.line >= 0}
        )
        if lines & routed:
            found.append((sec.line, lines))
    inner = [(at, lines) for at, lines in found if not any(at2 != at and lines2 < lines for at2, lines2 in found)]
    return [lines for _at, lines in inner] if len(inner) >= 2 else []


def _opened_by_a_parade(sec: Section) -> bool:
    """A section whose title names no parade but whose first paragraph opens one over the lines below it ("II. HOẠT
    ĐỘNG CỦA TRƯỜNG HỌC" / "Trường A tổ chức diễu hành xe đạp cổ động của học sinh:")."""
    first = sec.blocks[0].body.low.rstrip() if sec.blocks else ""
    return first.endswith(":") and _PARADE_TITLE.search(first) is not None


def _without_grand_total(readings: list[Extraction]) -> list[Extraction]:
    """The readings without a count of bare vehicles that adds up every parade's ("Tổng cộng phương tiện cơ giới
    của hai hoạt động: 11 xe"): a total, no vehicles of the section it is told in."""
    every = [f for r in readings for f in r.forces]

    def grand(f: Force) -> bool:
        bare = (
            f.kind == "other" and re.fullmatch(r"(?:cac\s+)?(?:xe|phuong tien|chiec)", fold(f.label or "")) is not None
        )
        return bare and f.count == sum(g.count for g in every if g is not f)

    readings = [dataclasses.replace(r, forces=[f for f in r.forces if not grand(f)]) for r in readings]
    return [dataclasses.replace(r, forces=_without_kind_totals(readings, k)) for k, r in enumerate(readings)]


def _without_kind_totals(readings: list[Extraction], at: int) -> list[Force]:
    """The forces of reading ``at`` without a kind's total over the parades before it ("Tổng số phương tiện: 05 xe
    hoa, 03 xe CSGT" after Khối 1's 03 and Khối 2's 02 floats): a count that is the sum of its kind's groups told
    above it, in two readings or more (the police's cars and motorbikes for a bare "xe CSGT")."""
    from paradeplan.importer.extract import of_police

    out: list[Force] = []
    for j, f in enumerate(readings[at].forces):
        police = f.kind == "police_car" and not re.search(r"\bo ?to\b", fold(f.label or ""))
        parts = [
            (k, g.count)
            for k, r in enumerate(readings[: at + 1])
            for g in (r.forces if k < at else r.forces[:j])
            if (of_police(g) if police else g.kind == f.kind)
        ]
        if len({k for k, _n in parts}) < 2 or sum(n for _k, n in parts) != f.count:
            out.append(f)
    return out


def without_lines(lines: list[Folded], drop: set[int]) -> str:
    """The document's text without some of its logical lines (the other parades' sections)."""
    return "\n".join(f.text for i, f in enumerate(lines) if i not in drop)


def each_parade(whole: Extraction, readings: list[Extraction]) -> Extraction | None:
    """The document's facts with the first parade's own (``readings``: each parade read from its section with the
    others' left out) and the others as ``more_parades``; None when a reading has no route or no day (the
    sections are then no parades of their own)."""
    if len(readings) < 2 or any(not r.route or (r.assembly_date or r.departure_date) is None for r in readings):
        return None
    if len({tuple(s.name for s in r.route) for r in readings}) < len(readings):
        return None  # the same route read twice: one parade told in two places
    readings = _without_grand_total(readings)
    first = dataclasses.replace(whole, **{f: getattr(readings[0], f) for f in PARADE_FIELDS})
    first.more_parades = readings[1:]
    first.unresolved = [u for u in whole.unresolved if not u.startswith("route: ")]
    return first


#: A paragraph on the way the blocks go together once they have met ("c) Sau khi hợp đoàn (dự kiến 7h40 tại A):
#: toàn đoàn tiếp tục theo đường B …", "Sau khi nhập đoàn tại A, cả đoàn đi theo …") (folded): its moves follow.
_JOINED = re.compile(
    r"^(?:[a-z\d]{1,2}[.)]\s*|" + BULLET_MARK + r"\s*)?(?:sau khi|khi)\s+(?:(?:hai|cac|ba)\s+(?:khoi|nhanh|canh)\s+)?"
    r"(?:hop doan|nhap doan|hop nhat|gap nhau)\b(?:\([^()]*\)|[^:,()]){0,80}[:,]\s*"
)


def joined_leg(lines: list[Folded]) -> tuple[str, str] | None:
    """The paragraph that tells where the blocks go once joined: what it says of where they meet, and the moves
    after (as written); None when no line says so."""
    for f in lines:
        m = _JOINED.match(f.low)
        if m is not None:
            return f.low[: m.end()], f.text[m.end() :]
    return None


def with_joined_leg(reading: Extraction, met: str, leg: list[RouteItem]) -> Extraction:
    """A block's reading whose route ends at the place the blocks meet (named in ``met``), going on along the
    common leg ``leg``; the reading as it is otherwise."""
    route = reading.route
    if not route or route[-1].kind != "place" or not leg or fold(route[-1].name) not in met:
        return reading
    meet = dataclasses.replace(route[-1], end=False)
    return dataclasses.replace(reading, route=[*route[:-1], meet, *(dataclasses.replace(s) for s in leg)])
