"""How a counted group of vehicles breaks down in its bracket: one reading for every kind.

"12 xe hoa (01 xe của UBND quận, 11 xe của 11 phường)", "04 xe ô tô (01 xe dẫn đoàn, 03 xe bảo vệ)" and "03 xe
hoa (khối 6: 01 xe; khối 8: 01 xe; …)" are read as their parts when the parts add up to the total (a total is never
added to its parts); a bracket naming only each single vehicle's owner ("02 xe loa (01 xe của A, 01 xe của B)") is
no breakdown; "mỗi khu phố 01 xe hoa (09 xe)" is the whole count of a per-unit group. Rules are folded-text
patterns (no accents, lower case), kept as data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from paradeplan.importer.events import NUMWORDS
from paradeplan.importer.text import BULLET_CHARS, BULLET_MARK, Folded, fold, tidy

_NUMBER = r"\d{1,3}|" + "|".join(sorted(NUMWORDS, key=lambda w: (-len(w), w)))
#: A part's count, followed by the vehicle word ("khối 6 và khối 7: 01 xe": the 01, not the 6).
PART_WITH_VEHICLE = re.compile(r"(?<![\d/.,:])\b(" + _NUMBER + r")\s*(?:chiec\s+|cai\s+)?xe\b")
#: A part's count at its head ("01 của phường", "01 dẫn đoàn"), not a count of the units that bring the vehicles
#: ("08 xe hoa (06 trường THCS, 02 trường THPT)": the schools, no breakdown of the floats).
PART_AT_HEAD = re.compile(
    r"^\s*(" + _NUMBER + r")\b"
    r"(?!\s*(?:truong|phuong|xa|thi tran|khu pho|to dan pho|ap|don vi|co so|lop|hoi|doan)\b)"
    r"\s*(?:chiec\b|cai\b)?"
)
#: Where a bracket's parts are separated.
PART_SPLIT = re.compile(r"\s*[;,]\s*|\s+va\s+(?=(?:" + _NUMBER + r")\b)")
#: Who a part belongs to ("01 xe của Ủy ban nhân dân quận", "02 xe do Công an phường bố trí").
PART_OWNER = re.compile(r"\b(?:cua|thuoc|do)\s+")
#: A part's task in the column, said after its owner ("01 xe của Công an phường dẫn đoàn"), folded.
PART_TASK = re.compile(
    r"\b(?:dan doan|dan duong|dan dau|mo duong|di dau|di cuoi|khoa duoi|khep doan|bao ve|ho tong|chi huy)\b"
)
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


#: A count the text calls a total right before it ("tổng cộng 16 xe hoa (01 xe của quận, 15 xe của 15 phường)",
#: "Tổng số: 07 xe mô tô (…)") (folded): its bracket says where the vehicles come from, the group is the total.
TOTAL_SAID = re.compile(r"\btong\s+(?:cong|so)\s*:?\s*$")


def owners_only(parts: list[Part]) -> bool:
    """Whether a bracket names the owner of each single vehicle and nothing else ("02 xe hoa (01 của UBND phường, 01
    của Trường THCS A)", "02 xe loa (01 xe của phường, 01 xe do Trung tâm Văn hóa hỗ trợ)", "(01 do Hội Khuyến học,
    01 thuộc Đoàn Thanh niên)"): whose each is, one group as written; not a part with a task ("01 xe dẫn đoàn") or
    of another making ("01 xe thuê")."""
    return all(p.count == 1 and PART_OWNER.match(fold(p.text)) and not PART_TASK.search(fold(p.text)) for p in parts)


#: A part that says only where its vehicles go in the column, no task ("01 xe đầu đoàn", "01 xe ở cuối đoàn", "01
#: chiếc giữa đoàn") (folded, the part's words after its count).
PLACE_IN_COLUMN = re.compile(r"\s*(?:o\s+|nam\s+)?(?:dau|cuoi|giua)\s+(?:doan|doi hinh)(?:\s+xe)?\s*")


def places_only(parts: list[Part]) -> bool:
    """Whether a bracket only places each part in the column ("02 xe loa (01 xe đầu đoàn, 01 xe cuối đoàn)"): one
    group as written, its parts told apart by nothing the plan keeps."""
    return all(p.owner is None and PLACE_IN_COLUMN.fullmatch(fold(p.text)) for p in parts)


def whole_count(low: str, numwords: dict[str, int]) -> int | None:
    """The whole count a per-unit group's bracket states ("mỗi khu phố 01 xe hoa (09 xe)" → 9), or None."""
    m = re.fullmatch(r"\s*(?:tong (?:so|cong)\s*:?\s*)?(" + _NUMBER + r")\s*(?:chiec\s+)?(?:xe\b[^;,]*)?\s*", low)
    return _count(m.group(1), numwords) if m else None


# ---------------------------------------------------------------------------------------------- count and kind
# A count and the kind it counts pair in either order within a clause: "08 xe hoa", "08 chiếc xe hoa" (count first,
# read by ``importer.extract``), and "xe hoa 08 chiếc", "xe mô tô dẫn đoàn của Công an phường 02 chiếc" (kind first,
# the count closed by its classifier). A count for each of N units is the whole ("Xe hoa của 9 khu phố, mỗi khu phố
# một xe": 9). Kind-first clauses are rewritten count first, so that one reader reads both orders.

#: Where a vehicle kind is named (folded): the head of its phrase ("xe hoa", "xe mô tô", "ô tô", "mô tô").
KIND_HEAD = re.compile(r"(?<!\w)(?:xe|o ?to|oto|mo ?to|mo-to)\b")
#: A count written after its kind: digits and their classifier ("chiếc", "cái", not before a kind of its own: "08
#: chiếc xe hoa" is count first), or "xe" at the clause's end, a bracket, a punctuation or a table column's gap.
COUNT_AFTER = re.compile(
    r"(?<![\d/.,:])\b(\d{1,3})\s*(?:(?:chiec|cai|phuong tien)\b(?!\s*(?:xe|o ?to|oto|mo ?to)\b)"
    r"|xe(?=\s*(?:$|[();,.])|\s{2,}|\t))"  # "… 12 xe" closes a kind only at the clause's or a column's end
)
#: A count written as a multiplier after its kind, "xe hoa x5", "xe loa × 01", "xe loa x1 đi đầu" (folded).
TIMES_AFTER = re.compile(r"(?<=\s)[x×]\s?(\d{1,3})(?=\s*(?:$|[();,.])|\s+[^\W\d])")
#: Where a kind-first phrase starts at the latest: after a clause's punctuation, a bracket, or the verb that lists
#: a column's parts ("Đoàn xe gồm xe hoa 08 chiếc").
PHRASE_START = re.compile(r"[;:()]|,\s|\.\s|\b(?:gom|bao gom|co|trong do)\b")
#: What may join a kind to its count across such a cut: "Xe hoa (08 chiếc)", "Xe hoa, số lượng 08 chiếc", "Xe hoa
#: gồm 08 chiếc", "Xe hoa – 08 chiếc" (a colon is a label's, read as such).
CONNECTOR = re.compile(r"[\s(,–—-]*(?:\b(?:gom|bao gom|so luong|la|co)\b[\s:]*)?$")
#: A number between a kind and its count that names a unit ("của Quận 12", "khu phố 3"), not a count.
NAME_NUMBER = re.compile(r"\b(?:quan|phuong|khu pho|khom|ap|to|xa|so|khoi|lop|doi|cum|tuyen|nam)\s+\d{1,4}\b")
#: Counts in words a per-unit count is written with ("mỗi khu phố một xe").
PER_UNIT_WORDS = {"mot": 1, "hai": 2, "ba": 3}
#: A count for each of N units after the units' count: "9 khu phố, mỗi khu phố một xe" (the unit said twice).
PER_UNIT = re.compile(
    r"\b(?P<n>\d{1,3})\s+(?P<unit>[a-z][a-z ]{1,28}?)\s*,?\s*(?:va\s+)?moi\s+(?P<again>[a-z][a-z ]{0,28}?)\s+"
    r"(?P<m>\d{1,2}|mot|hai|ba)\s*(?:chiec\s+|cai\s+)?(?:xe\b)?"
)


def _same_unit(unit: str, again: str) -> bool:
    """Whether a unit said again is the same: the same words, or their initials ("khu phố" and "KP", "tổ dân phố"
    and "TDP")."""
    return again == unit or again.replace(" ", "") == "".join(w[0] for w in unit.split())


def per_unit(low: str) -> re.Match[str] | None:
    """The first "9 khu phố, mỗi khu phố (KP) 01 xe" in a folded clause, or None."""
    return next((m for m in PER_UNIT.finditer(low) if _same_unit(m.group("unit"), m.group("again"))), None)


def _moved_first(text: str, low: str, start: int, count: re.Match[str]) -> tuple[str, str]:
    """``text[start:count.end()]`` ("xe hoa 08 chiếc") as "08 xe hoa" padded to the same length."""

    joined = CONNECTOR.search(low, start, count.start())  # "Xe hoa (08 chiếc)": "08 Xe hoa"
    end = joined.start() if joined else count.start()

    def move(s: str) -> str:
        said = f"{s[count.start(1) : count.end(1)]} {s[start:end].rstrip()}"
        return s[:start] + said.ljust(count.end() - start) + s[count.end() :]

    return move(text), move(low)


def _kind_before(low: str, count: re.Match[str]) -> int | None:
    """Where the kind phrase a count written after it closes starts; None when the count closes no such phrase
    (another count or a kind of its own before it, no kind, a label's colon)."""
    cuts = [m for m in PHRASE_START.finditer(low, 0, count.start())]
    start = cuts[-1].end() if cuts else 0
    head = KIND_HEAD.search(low, start, count.start())
    joins = cuts and ":" not in cuts[-1].group() and CONNECTOR.fullmatch(low[cuts[-1].start() : count.start()])
    if head is None and joins:
        start = cuts[-2].end() if len(cuts) > 1 else 0  # the kind before a bracket, "gồm", "số lượng"
        head = KIND_HEAD.search(low, start, cuts[-1].start())
    if head is None:
        return None
    between = NAME_NUMBER.sub(" ", low[head.start() : count.start()])
    if re.search(r"\d", between) or re.search(r"\d", low[start : head.start()]):
        return None
    return head.start()


def _per_unit_whole(text: str, low: str, m: re.Match[str]) -> tuple[str, str]:
    """ "Xe hoa của 9 khu phố, mỗi khu phố một xe" as "9 Xe hoa của 9 khu phố"; "9 khu phố, mỗi khu phố 01 xe hoa"
    as "9 khu phố, 9 xe hoa" (padded to the same length)."""
    each = m.group("m")
    whole = int(m.group("n")) * (int(each) if each.isdigit() else PER_UNIT_WORDS[each])
    head = KIND_HEAD.search(low, 0, m.start())
    if head is not None and low[m.end() :].strip(" .;,") == "":

        def move(s: str) -> str:
            said = f"{whole} {s[head.start() : m.end('unit')]}"
            return s[: head.start()] + said.ljust(m.end() - head.start()) + s[m.end() :]

        return move(text), move(low)
    if KIND_HEAD.match(low, m.end("m") + 1) or re.match(r"(?:mot|hai|ba)\s+xe\b", low[m.start("m") :]):
        start = low.index("moi", m.end("unit"))

        def put(s: str) -> str:
            return s[:start] + f"{whole}".ljust(m.end("m") - start) + s[m.end("m") :]

        return put(text), put(low)
    return text, low


def count_first(text: str, low: str) -> tuple[str, str]:
    """A clause with each count written after its kind moved before it, and each count for every one of N units
    made the whole; text and folded text keep their length and stay aligned.

    Parameters
    ----------
    text, low : str
        A clause as written and folded (same length).

    Returns
    -------
    tuple of str
        The clause as written and folded, counts first ("xe hoa 08 chiếc (…)" → "08 xe hoa (…)", "xe hoa x8" →
        "8 xe hoa").
    """
    counts = [*COUNT_AFTER.finditer(low), *TIMES_AFTER.finditer(low)]
    for count in sorted(counts, key=lambda m: m.start(), reverse=True):
        start = _kind_before(low, count)
        if start is not None:
            text, low = _moved_first(text, low, start, count)
    m = per_unit(low)
    if m is not None:
        text, low = _per_unit_whole(text, low, m)
    return text, low


#: Group kinds that carry the column itself: a task written after the next group is never theirs.
COLUMN_KINDS = ("float", "loudspeaker")
#: The rest of a group said together with the next one: its kind words, then "và", "," or "cùng" (folded).
TOGETHER = re.compile(
    r"\s*(?:chiec\s+|cai\s+)?(?:xe\s+)?(?:o ?to|oto|mo ?to|mo-to|may|con)?\s*(?:,|va|cung|cung voi)\s*"
)


def coordinated(scope: str, kind: str, role: str | None) -> bool:
    """Whether a group's words (after its count) only join it to the next group ("01 xe ô tô và …"), so that the
    owner and task said after the next are its own too; never for the column's own floats and loudspeakers."""
    return kind not in COLUMN_KINDS and role is None and TOGETHER.fullmatch(scope) is not None


# ---------------------------------------------------------------------------------------------- tables
#: A table's total row ("Tổng cộng", "Tổng số", "Cộng"), folded: no group of its own ("Công an phường" is a unit).
TOTAL_ROW = re.compile(r"^(?:tong cong|tong so|tong)\b|^cong\s*(?::|$)")
#: A cell that counts nothing ("-", "–", "0", "x", empty).
EMPTY_CELL = re.compile(r"^[\s\-–—x0.]*$")
#: A cell's count: digits, perhaps with their classifier ("06", "10 chiếc", "02 xe").
COUNT_CELL = re.compile(r"^\s*(\d{1,4})\s*(?:chiec|cai|xe|phuong tien)?\s*\.?$")


def matrix_lines(head: list[str], rows: list[list[str]]) -> list[str]:
    """A table of vehicles as the lines documents write, one per counted cell ("- 06 Xe hoa (Các khu phố);"), read
    from its shape: a matrix with the kinds across its header (one row a unit, "-" for none, perhaps a total row),
    the same matrix turned (the kinds down its first column, one column a unit), or a kind in one column and its
    count in another on each row; [] for another table.

    Parameters
    ----------
    head : list of str
        The header row as written.
    rows : list of list of str
        The rows below it, as written.

    Returns
    -------
    list of str
    """
    if len(rows) < 1 or len(head) < 2:
        return []
    head, rows = _side_by_side(head, rows)
    turned = [list(col) for col in zip(head, *rows, strict=False)] if all(len(r) == len(head) for r in rows) else []
    return _across(head, rows) or (_across(turned[0], turned[1:]) if turned else []) or _row_pairs(head, rows)


def _side_by_side(head: list[str], rows: list[list[str]]) -> tuple[list[str], list[list[str]]]:
    """A table written twice side by side to save room ("Đơn vị | Số xe hoa | Đơn vị | Số xe hoa") as one table,
    each row's halves one after the other; any other table as it is."""
    half = len(head) // 2
    if half < 2 or len(head) % 2 or [fold(h) for h in head[:half]] != [fold(h) for h in head[half:]]:
        return head, rows
    if any(len(r) != len(head) for r in rows):
        return head, rows
    return head[:half], [side for r in rows for side in (r[:half], r[half:]) if any(c.strip() for c in side)]


#: A column named as the count of a kind ("Số xe hoa", "Số lượng xe loa", "SL xe hoa (chiếc)") (folded): group 1 the
#: kind it counts, never a bare "xe" ("Số xe (chiếc)" counts a kind another column names).
COUNTED_KIND = re.compile(r"^(?:so luong|so|sl)\s+((?:xe\s+[a-z]\w*|o ?to|mo ?to)\b[^()]*?)\s*(?:\(.*\))?$")


def _kind_columns(head: list[str]) -> dict[int, str]:
    """The columns of a table that count a kind, each with the kind as written: "Xe loa", or "xe hoa" of a column
    "Số xe hoa"; one counted column is enough, kinds named bare need two (a table of vehicles, not a list)."""
    bare = {k: h.strip() for k, h in enumerate(head) if k > 0 and KIND_HEAD.match(fold(h).strip())}
    counted = {
        k: h.strip()[m.start(1) : m.end(1)]
        for k, h in enumerate(head)
        if k > 0 and (m := COUNTED_KIND.match(fold(h).strip()))
    }
    return {**bare, **counted} if counted or len(bare) >= 2 else {}


def _across(head: list[str], rows: list[list[str]]) -> list[str]:
    """The kinds across the header, a unit a row: one line per counted cell, none for a total row."""
    kinds = _kind_columns(head)
    if not kinds:
        return []
    out: list[str] = []
    for cells in rows:
        name = next((c for c in cells if c and not COUNT_CELL.match(fold(c)) and not EMPTY_CELL.match(c)), "")
        if len(cells) != len(head) or TOTAL_ROW.match(fold(name)):
            continue
        for k in sorted(kinds):
            m = COUNT_CELL.match(fold(cells[k]))
            if m is None and not EMPTY_CELL.match(cells[k]):
                return []  # a cell that is no count: another kind of table
            if m is not None and int(m.group(1)) > 0:
                out.append(f"- {m.group(1)} {kinds[k]}" + (f" ({name})" if name else "") + ";")
    return out


def _count_column(head: list[str], rows: list[list[str]], kind: int) -> int | None:
    """The column of counts beside a column of kinds: every cell a count or empty, not a row number (1, 2, 3 …)."""
    for k in range(len(head)):
        cells = [r[k] for r in rows if k < len(r)]
        said = [COUNT_CELL.match(fold(c)) for c in cells if not EMPTY_CELL.match(c)]
        if k == kind or not said or not all(said) or fold(head[k]).strip(" .:") in ("stt", "tt", "thu tu"):
            continue
        if [int(m.group(1)) for m in said if m] != list(range(1, len(said) + 1)):
            return k
    return None


def _row_pairs(head: list[str], rows: list[list[str]]) -> list[str]:
    """A kind in one column and its count in another, row by row, whatever the columns are called; the first other
    column of words names who brings them."""
    if len(head) < 2:
        return []
    kind = next(
        (
            k
            for k in range(len(head))
            if sum(bool(KIND_HEAD.match(fold(r[k]).strip())) for r in rows if k < len(r)) * 2 > len(rows)
        ),
        None,
    )
    count = _count_column(head, rows, kind) if kind is not None else None
    if kind is None or count is None:
        return []
    who = next(
        (
            k
            for k in range(len(head))
            if k not in (kind, count) and any(k < len(r) and r[k] and not COUNT_CELL.match(fold(r[k])) for r in rows)
        ),
        None,
    )
    out: list[str] = []
    for cells in rows:
        m = COUNT_CELL.match(fold(cells[count])) if count < len(cells) else None
        if m is None or int(m.group(1)) == 0 or TOTAL_ROW.match(fold(cells[kind])):
            continue
        by = cells[who] if who is not None and who < len(cells) and cells[who] else ""
        out.append(f"- {m.group(1)} {cells[kind].strip()}" + (f" ({by})" if by else "") + ";")
    return out


def count_cell(cell: str) -> str | None:
    """The digits of a count table's cell ("06", "10 chiếc"), or None for a cell that is no count."""
    m = COUNT_CELL.match(fold(cell))
    return m.group(1) if m else None


#: A line that is only a vehicle kind ("Xe hoa", "Xe mô tô dẫn đoàn"), folded: a table cell set on a line of its own.
KIND_ONLY = re.compile(r"^\s*" + BULLET_MARK + r"?\s*(?:xe|o ?to|mo ?to)\b[^\d:;,.()]{0,40}$")
#: A line that opens with a count and its classifier ("12 chiếc các khu phố"), folded: the next cell of that row.
COUNT_LEAD = re.compile(r"^\s*(\d{1,3})\s*(chiec|cai|xe|phuong tien)\b\s*")


def kind_count_rows(lines: list[Folded]) -> list[Folded]:
    """Lines with each table row laid out in columns and set one cell a line (``pdftotext -layout`` text: "Xe hoa",
    then "12 chiếc các khu phố") joined back into one, count first: "12 Xe hoa (các khu phố)"."""
    out: list[Folded] = []
    k = 0
    while k < len(lines):
        f = lines[k]
        nxt = lines[k + 1] if k + 1 < len(lines) else None
        m = COUNT_LEAD.match(nxt.low) if nxt is not None and KIND_ONLY.match(f.low) else None
        if nxt is None or m is None:
            out.append(f)
            k += 1
            continue
        rest = nxt.text[m.end() :].strip()
        said = f"{m.group(1)} {f.text.strip(' ' + BULLET_CHARS)}" + (f" ({rest})" if rest else "")
        out.append(Folded.of(said))
        k += 2
    return out
