"""How a counted group of vehicles breaks down in its bracket: one reading for every kind.

"12 xe hoa (01 xe của UBND quận, 11 xe của 11 phường)", "02 xe loa (01 …, 01 …)", "04 xe ô tô (01 xe dẫn đoàn,
03 xe bảo vệ)" and "03 xe hoa (khối 6: 01 xe; khối 8: 01 xe; …)" are read as their parts when the parts add up to
the total (a total is never added to its parts); "mỗi khu phố 01 xe hoa (09 xe)" is the whole count of a per-unit
group. Rules are folded-text patterns (no accents, lower case), kept as data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from paradeplan.importer.events import NUMWORDS
from paradeplan.importer.text import tidy

_NUMBER = r"\d{1,3}|" + "|".join(sorted(NUMWORDS, key=lambda w: (-len(w), w)))
#: A part's count, followed by the vehicle word ("khối 6 và khối 7: 01 xe": the 01, not the 6).
PART_WITH_VEHICLE = re.compile(r"(?<![\d/.,:])\b(" + _NUMBER + r")\s*(?:chiec\s+|cai\s+)?xe\b")
#: A part's count at its head ("01 của phường", "01 dẫn đoàn").
PART_AT_HEAD = re.compile(r"^\s*(" + _NUMBER + r")\b\s*(?:chiec\b|cai\b)?")
#: Where a bracket's parts are separated.
PART_SPLIT = re.compile(r"\s*[;,]\s*|\s+va\s+(?=(?:" + _NUMBER + r")\b)")
#: Who a part belongs to ("01 xe của Ủy ban nhân dân quận", "02 xe do Công an phường bố trí").
PART_OWNER = re.compile(r"\b(?:cua|thuoc|do)\s+")
#: Where the owner's name ends: the part's task or a verb after it.
PART_OWNER_END = re.compile(r"\s+(?:ho tro|bo tri|cung cap|dam nhan|phu trach|dan doan|dan duong|bao ve)\b")


@dataclass(frozen=True)
class Part:
    """One part of a counted group: how many, what is said of it (its task or owner), and its owner."""

    count: int
    text: str
    owner: str | None


def _count(word: str, numwords: dict[str, int]) -> int:
    return int(word) if word.isdigit() else numwords.get(word, 0)


def _part(text: str, low: str, numwords: dict[str, int]) -> Part | None:
    m = PART_WITH_VEHICLE.search(low) or PART_AT_HEAD.match(low)
    if m is None:
        return None
    said = tidy(text[m.end() :]) or tidy(text[: m.start()].rstrip(" :"))
    owner = None
    o = PART_OWNER.search(low, m.end())
    if o is not None:
        end = PART_OWNER_END.search(low, o.end())
        owner = tidy(text[o.end() : end.start() if end else len(text)]) or None
    return Part(_count(m.group(1), numwords), said, owner)


def bracket_parts(text: str, low: str, total: int, numwords: dict[str, int]) -> list[Part] | None:
    """The parts a bracket lists, when each part is counted and they add up to the group's total.

    Parameters
    ----------
    text, low : str
        The bracket's content as written and folded (same length).
    total : int
        The group's count.
    numwords : dict
        Folded number words ("hai" → 2).

    Returns
    -------
    list of Part or None
        None when the bracket is no breakdown (a remark, a single count, parts that do not add up).
    """
    parts: list[Part] = []
    start = 0
    for m in [*PART_SPLIT.finditer(low), None]:
        end = m.start() if m is not None else len(low)
        if low[start:end].strip():
            p = _part(text[start:end], low[start:end], numwords)
            if p is None:
                return None
            parts.append(p)
        start = m.end() if m is not None else len(low)
    if len(parts) < 2 or sum(p.count for p in parts) != total:
        return None
    return parts


def whole_count(low: str, numwords: dict[str, int]) -> int | None:
    """The whole count a per-unit group's bracket states ("mỗi khu phố 01 xe hoa (09 xe)" → 9), or None."""
    m = re.fullmatch(r"\s*(?:tong (?:so|cong)\s*:?\s*)?(" + _NUMBER + r")\s*(?:chiec\s+)?(?:xe\b[^;,]*)?\s*", low)
    return _count(m.group(1), numwords) if m else None
