"""Who walks or rides their own bicycles in a column besides its vehicles: a parade on foot or by bicycle, and how
many take part, read as a document says them (folded-text patterns, kept as data)."""

from __future__ import annotations

import re
from dataclasses import dataclass

#: How a column travels when its people walk or ride ("đi bộ đồng hành", "diễu hành bộ", "đạp xe cổ động")
#: (folded) → the plan's group kind for them.
MODES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("marching_group", re.compile(r"\b(?:di bo|dieu hanh bo|dien hanh bo|chay bo|dieu binh)\b")),
    ("bicycle", re.compile(r"\b(?:dap xe|xe dap)\b")),
)
#: How many people take part ("khoảng 160 em", "250 đoàn viên, thanh niên", "tối thiểu 300 người") (folded).
_PEOPLE = re.compile(
    r"(?<![\d/.,:])\b(\d{2,5})\s+(?:em|nguoi|doan vien|hoc sinh|thanh nien|hoi vien|ban|can bo|giao vien"
    r"|van dong vien|tinh nguyen vien|dai bieu|cong chuc|vien chuc|sinh vien|thieu nhi|doi vien)\b"
)
#: Words before a count that is no one taking part now: last year's figure, a target, a capacity (folded).
_NOT_NOW = re.compile(r"\b(?:nam\s+\d{4}|nam ngoai|nam truoc|chi tieu|toi da|suc chua)\b[^.;]{0,60}$")
#: People in a walking column per group of the plan (a block of about 20 m, five abreast).
PEOPLE_PER_BLOCK = 50


@dataclass(frozen=True)
class Participants:
    """The column's own people: the group kind they travel as and how many (None when not said)."""

    kind: str
    people: int | None
    said: str
    """The sentence that tells it."""


def travel_mode(low: str) -> str | None:
    """The group kind a text's column travels as when it is on foot or by bicycle, else None."""
    return next((kind for kind, rx in MODES if rx.search(low)), None)


def people_count(lows: list[str]) -> int | None:
    """How many take part: the first count of people the texts give for now (not last year's, not a target, not
    a time's minutes: "lúc 7 giờ 40 học sinh …")."""
    for low in lows:
        for m in _PEOPLE.finditer(low):
            if not _NOT_NOW.search(low[: m.start()]) and not re.search(r"\d\s*(?:gio|h|g|:)\s*$", low[: m.start()]):
                return int(m.group(1))
    return None
