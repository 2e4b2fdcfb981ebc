"""A document parsed once into its structure: sections (I., II., 1., 1.1, a)) holding blocks (paragraphs, bullets,
table rows), each block with its clauses and labelled fields ("Thời gian: …", "Địa điểm: …")."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from paradeplan.importer.dates import CLOCK_COLON, find_times, label_colon
from paradeplan.importer.text import BULLET_CHARS, BULLET_MARK, Folded, fold

#: A heading's numbering: "II.", "3.", "2.1", "2.1.", "a)", and a message's "1/" ("1/ Lễ phát động …:"; a slash
#: with a space after it, never a date's "2/10").
#: (a bare number before an hour's unit is the hour of a programme's row, "06 giờ 30   Tập trung …", no numbering)
_NUMBERED = re.compile(
    r"^\s*(?:[ivxlc]+\.|\d{1,2}(?:\.\d{1,2})+\.?|\d{1,2}\.|\d{1,2}(?!\s*(?:gio|h|g|phut)\b)|\d{1,2}/|[a-zđ]\))"
    r"\s+(?=\S)"
)
#: A count before a vehicle's word written in lower case, the head of a line of vehicles ("02 xe ô tô dẫn đầu; 06
#: xe mô tô …"), as written: no numbering (a table's row number stands before a capital, "2 Xe hoa diễu hành").
_COUNT_FIRST = re.compile(r"^\s*\d{1,2}\s+(?:chiếc\s+|cái\s+)?(?:xe|ô ?tô|mô ?tô)\b")
#: A number in brackets heading an item ("(2) Lễ ra mắt …" over its "- Thời gian: …"): a numbering on a heading only,
#: not on an item of a list ("(1) 7 giờ 30: Chào cờ …").
BRACKET_NUMBER = re.compile(r"^\s*\(\d{1,2}\)\s+(?=\S)")
_BULLET = re.compile(r"^\s*(?:" + BULLET_MARK + r"\s*)+")
#: A part lettered in capitals ("A. LỄ KHAI MẠC CẤP QUẬN", "B. DIỄU HÀNH"), matched on the original text: a lower
#: case "b." is an item ("b. Địa điểm: …"), not a part.
_LETTER_PART = re.compile(r"^\s*[A-HĐ]\.\s+(?=\S)")
#: A table row as the reader writes it: "subject — Thời gian: …; Địa điểm: …".
ROW = re.compile(r"^(?P<subject>(?:[^:—–]|" + CLOCK_COLON + r"){2,200}?)\s[—–]\s(?=[^:]{2,40}:)")


@dataclass(frozen=True)
class Block:
    """A paragraph, bullet or table row: where it is, its text, its clauses and its labelled fields."""

    line: int
    """Index of its logical line."""
    kind: str
    """paragraph, bullet, numbered (a numbered paragraph that is no heading) or row."""
    body: Folded
    """Its text without numbering or bullet."""
    clauses: tuple[Folded, ...]
    fields: tuple[tuple[str, Folded], ...]
    """Labelled fields in order: field name (see ``events.EVENT_FIELDS``) → value."""
    subject: Folded | None = None
    """A row's subject ("Tập trung đoàn xe" in "Tập trung đoàn xe — Thời gian: …"), or a label's name."""

    def field(self, name: str) -> Folded | None:
        """The first labelled field of that name, or None."""
        return next((v for k, v in self.fields if k == name), None)


@dataclass(frozen=True)
class Section:
    """A numbered heading and what it holds: its own blocks, then its subsections."""

    number: str
    """"II.", "2.1", "a)"; empty for the document itself."""
    depth: int
    title: Folded
    line: int
    """Index of the heading's logical line (-1 for the document)."""
    blocks: tuple[Block, ...] = ()
    sections: tuple[Section, ...] = ()

    def field(self, name: str) -> Folded | None:
        """The first labelled field of that name among the section's own blocks (not its subsections')."""
        return next((v for b in self.blocks for k, v in b.fields if k == name), None)

    def heading(self) -> Folded:
        """What titles the section: its heading's words, or for an annex headed by "PHỤ LỤC" alone the title lines
        in capitals right under it ("PHỤ LỤC" / "LỊCH TỔ CHỨC LỄ KHAI MẠC …")."""
        if self.title.low.strip() or not ANNEX.match(fold(self.number)):
            return self.title
        caps = list(itertools.takewhile(lambda b: b.kind == "paragraph" and b.body.text.isupper(), self.blocks))
        return Folded(" ".join(b.body.text for b in caps[:3]), " ".join(b.body.low for b in caps[:3]))

    def walk(self) -> Iterator[tuple[tuple[Section, ...], Section]]:
        """Every section under this one (itself first), with the path of sections that enclose it."""
        yield (), self
        for s in self.sections:
            for path, sub in s.walk():
                yield (self, *path), sub


@dataclass(frozen=True)
class Document:
    """The parsed document: its sections and, for each logical line, the sections that hold it and its block."""

    root: Section
    lines: tuple[Folded, ...]
    where: tuple[tuple[tuple[Section, ...], Block | None], ...] = ()
    """Per logical line: the sections that hold it (outermost first, the document excluded) and its block."""

    def path(self, line: int) -> tuple[Section, ...]:
        """The sections that hold a line, outermost first (a heading's own section last)."""
        return self.where[line][0] if 0 <= line < len(self.where) else ()

    def block(self, line: int) -> Block | None:
        """The block of a line (None for a heading)."""
        return self.where[line][1] if 0 <= line < len(self.where) else None

    def field_near(self, line: int, name: str) -> Folded | None:
        """A labelled field for what a line says: the line's own, else its innermost section's own blocks'."""
        b = self.block(line)
        if b is not None and b.field(name) is not None:
            return b.field(name)
        for s in reversed(self.path(line)):
            v = s.field(name)
            if v is not None:
                return v
        return None

    def labelled_line(self, line: int) -> Folded:
        """A line as a labelled line: "Label: value" for the first paragraph under a heading that is a label
        (:data:`LABEL_TITLE`), else the line itself."""
        path = self.path(line)
        b = self.block(line)
        sec = path[-1] if path else None
        if b is None or sec is None or not sec.blocks or sec.blocks[0] is not b or not LABEL_TITLE.match(sec.title.low):
            return self.lines[line]
        if _OWN_LABEL.match(self.lines[line].low):
            return self.lines[line]
        return labelled(sec.title, b.body)

    def label_fields(self, skip: re.Pattern[str] | None = None) -> dict[str, Folded]:
        """The fields the document's label headings state ("II. THỜI GIAN, ĐỊA ĐIỂM" / "Thứ Tư, ngày 01/10/2025,
        tại Nhà văn hóa …"), first of each name: what an event that states none of its own takes (a block whose text
        ``skip`` matches, as a schedule's row of a rehearsal, is left out)."""
        out: dict[str, Folded] = {}
        for _path, sec in self.sections():
            blocks = [b for b in sec.blocks if skip is None or not skip.match(b.body.low)]
            if not LABEL_TITLE.match(sec.title.low) or not blocks:
                continue
            # its first block, and the fields numbered on their own below it ("1. Thời gian: …" / "2. Địa điểm: …")
            first, *more = blocks
            for b in [first, *(b for b in more if b.kind != "row" and _FIELD_LINE.match(b.body.low))]:
                for k, v in b.fields:
                    out.setdefault(k, v)
        return out

    def own_fields(self, line: int, skip: re.Pattern[str] | None = None) -> dict[str, Folded]:
        """The labelled fields of the innermost section holding a line (its own blocks', first of each name; a table
        row's fields are that row's, not its section's; a block whose text ``skip`` matches is left out)."""
        path = self.path(line)
        out: dict[str, Folded] = {}
        for b in path[-1].blocks if path else ():
            if b.kind == "row" or (skip is not None and skip.match(b.body.low)):
                continue
            for k, v in b.fields:
                out.setdefault(k, v)
        return out

    def fields_below(self, line: int, lines: int = 3) -> dict[str, Folded]:
        """The labelled fields of the lines right below a line (first of each name): an invitation's "Thời gian:"
        and "Địa điểm:" under its sentence in a letter with no heading."""
        out: dict[str, Folded] = {}
        for k in range(line + 1, min(line + 1 + lines, len(self.lines))):
            b = self.block(k)
            for name, v in b.fields if b is not None else ():
                out.setdefault(name, v)
        return out

    def sections(self) -> Iterator[tuple[tuple[Section, ...], Section]]:
        """Every section with the sections that enclose it (the document excluded)."""
        for path, s in self.root.walk():
            if s.line >= 0:
                yield path[1:], s


#: An annex's heading alone on its line ("PHỤ LỤC II", "Phụ lục 1:"), folded: a part of the document of its own.
ANNEX = re.compile(r"^\s*phu luc(?:\s+(?:[ivxlc]+|\d{1,2}))?\s*[:.]?\s*$")


#: A block's heading that is a word and its number alone on the line ("Hoạt động 3", "Nội dung 2:", "Sự kiện 1"),
#: folded: the labelled lines under it ("Tên hoạt động: …" / "Thời gian: …" / "Địa điểm: …") are that block's own.
NAMED_NUMBER = re.compile(r"^\s*(?:hoat dong|noi dung|su kien)\s+\d{1,2}\s*[:.]?\s*$")


def numbering(f: Folded) -> re.Match[str] | None:
    """A line's numbering ("II.", "3.", "2.1", "a)", "(1)", a capital part letter "A.", an annex "PHỤ LỤC II", a
    block's "Hoạt động 3"), or None."""
    found = None if _COUNT_FIRST.match(f.text) else _NUMBERED.match(f.low)
    found = found or _LETTER_PART.match(f.text) or ANNEX.match(f.low) or NAMED_NUMBER.match(f.low)
    if found is None and (bracket := BRACKET_NUMBER.match(f.low)) is not None:
        body = Folded(f.text[bracket.end() :], f.low[bracket.end() :])
        return bracket if is_heading(body) and not find_times(body.low) else None
    return found


def depth_of(numbering: str) -> int:
    """Nesting of a numbering: "II." and "A." 1, "3." 2, "5.2." 3, "a)" and "(1)" 4."""
    n = numbering.strip()
    if re.fullmatch(r"[ivxlcIVXLC]+\.|[A-HĐ]\.", n) or n.startswith("phu luc"):
        return 1
    if NAMED_NUMBER.match(n):
        return 2  # "Hoạt động 3": a block under the part that lists them
    if n.endswith(")"):
        return 4
    return 1 + len([p for p in n.rstrip(".").split(".") if p])


def is_heading(body: Folded) -> bool:
    """A numbered line that is a heading: short, one phrase (no sentence inside), not a labelled field's line."""
    text = body.text.rstrip()
    if len(text) > 160 or re.search(r"\.\s+\S", text.rstrip(".")):
        return False
    if text.endswith(".") and not text.isupper():
        return False
    colon = label_colon(text)  # a clock's "07:30" is no label: "1. Khai mạc (07:05 – 07:10)" heads as "(07h05 …)"
    return colon < 0 or colon == len(text) - 1


#: A labelled field's line ("Thời gian: …", "Địa điểm tổ chức: …"), folded.
_FIELD_LINE = re.compile(r"^(?:thoi gian|dia diem|ngay gio|thanh phan|chu tri|thoi luong|lo trinh)\b[^:;.]{0,30}:")


def _titled_item(body: Folded, below: list[Folded]) -> bool:
    """A numbered line with a colon inside that titles what follows: a name after the colon ("2. Cấp xã, phường: Lễ
    hưởng ứng tại điểm phường Hội Phú"), or the labelled fields under it ("1. Buổi sáng: Lễ hưởng ứng" over "Thời
    gian: 7 giờ 30 phút."; a paragraph or two may come first); "1. Thời gian: 7h30" is a field."""
    text = body.text.strip()
    colon = label_colon(text)
    if colon <= 0 or len(text) > 120 or ";" in text or _FIELD_LINE.match(body.low):
        return False
    after = text[colon + 1 :].strip()
    if colon <= 40 and after[:1].isupper() and not text.endswith((".", ";")) and not re.search(r"\d", after):
        return True  # "2. Cấp xã, phường: Lễ hưởng ứng tại điểm phường Hội Phú": a level, then the title
    for f in below:
        if _FIELD_LINE.match(f.low.lstrip(" " + BULLET_CHARS)):
            return True
        if numbering(f) is not None:
            return False
    return False


#: A heading that is a label ("1. Thời gian", "II. THỜI GIAN, ĐỊA ĐIỂM", "2. Địa điểm tập kết"), folded: the
#: paragraph under it is that label's value.
LABEL_TITLE = re.compile(r"^(?:thoi gian|dia diem|ngay gio|thanh phan|chu tri|thoi luong)\b[^:;.]{0,40}$")


#: A line that is no label's value under a heading that is a label: one with a label of its own ("Thời gian: …"),
#: a bullet ("- Tập trung lúc 7h00 …", an item of a list with its own words) or a numbered line.
_OWN_LABEL = re.compile(r"^\s*(?:" + BULLET_MARK + r"|\d{1,2}[.)]\s|[^:]{2,40}:\s)")


def labelled(title: Folded, f: Folded) -> Folded:
    """The first paragraph under a heading that is a label, written as "Label: value"."""
    head = title.text.strip().rstrip(" :").capitalize() + ": "
    return Folded(head + f.text, fold(head) + f.low)


def _block(i: int, f: Folded, label: Folded | None = None) -> Block:
    from paradeplan.importer.events import clauses, labelled_fields

    bm = _BULLET.match(f.low)
    nm = None if bm else numbering(f)
    m = bm or nm
    body = Folded(f.text[m.end() :], f.low[m.end() :]) if m else f
    fields = tuple(labelled_fields(labelled(label, body) if label is not None else body).items())
    row = ROW.match(body.low)
    kind = "row" if row and fields else "bullet" if bm else "numbered" if nm else "paragraph"
    subject = Folded(body.text[: row.end("subject")], body.low[: row.end("subject")]) if kind == "row" and row else None
    return Block(i, kind, body, tuple(clauses(body)), fields, subject)


@dataclass
class _Open:
    number: str
    depth: int
    title: Folded
    line: int
    blocks: list[Block]
    sections: list[Section]

    def close(self) -> Section:
        return Section(self.number, self.depth, self.title, self.line, tuple(self.blocks), tuple(self.sections))


def parse(lines: list[Folded]) -> Document:
    """Parse logical lines into sections and blocks (numbered headings nest by their numbering's depth)."""
    stack = [_Open("", 0, Folded("", ""), -1, [], [])]
    for i, f in enumerate(lines):
        nm = None if _BULLET.match(f.low) else numbering(f)
        body = Folded(f.text[nm.end() :], f.low[nm.end() :]) if nm else f
        if nm and (is_heading(body) or _titled_item(body, lines[i + 1 : i + 4])):
            depth = depth_of(nm.group(0))
            while len(stack) > 1 and stack[-1].depth >= depth:
                done = stack.pop().close()
                stack[-1].sections.append(done)
            title = Folded(body.text.rstrip(" :"), body.low.rstrip(" :"))
            stack.append(_Open(f.text[nm.start() : nm.end()].strip(), depth, title, i, [], []))
            continue
        top = stack[-1]
        first = not top.blocks and top.line >= 0 and LABEL_TITLE.match(top.title.low) is not None
        top.blocks.append(_block(i, f, top.title if first and not _OWN_LABEL.match(f.low) else None))
    while len(stack) > 1:
        done = stack.pop().close()
        stack[-1].sections.append(done)
    root = stack[0].close()
    where: list[tuple[tuple[Section, ...], Block | None]] = [((), None)] * len(lines)
    for path, sec in root.walk():
        inner = (*path[1:], sec) if sec.line >= 0 else ()
        if sec.line >= 0:
            where[sec.line] = (inner, None)
        for b in sec.blocks:
            where[b.line] = (inner, b)
    return Document(root, tuple(lines), tuple(where))
