"""Text out of a plan document: UTF-8 text, Word (.docx) or a PDF with a text layer."""

from __future__ import annotations

import logging
import re
import zipfile
import zlib
from pathlib import Path
from typing import Any

from paradeplan.errors import InputError, Problem, TooLarge
from paradeplan.i18n import _, number, os_error
from paradeplan.resources import decode_utf8

log = logging.getLogger(__name__)

#: Largest document read (bytes); larger files are refused before reading.
MAX_DOCUMENT_BYTES = 20_000_000
#: Largest amount of text kept from a document (characters); plans are a few pages.
MAX_TEXT_CHARS = 2_000_000
#: Largest plain-text document (bytes): a UTF-8 character takes at most 4 bytes, so a larger file cannot hold
#: :data:`MAX_TEXT_CHARS` characters or fewer; refused before reading.
MAX_TEXT_BYTES = 4 * MAX_TEXT_CHARS
#: Most characters of text the importer's rules read (about 25 pages; the longest of the 830 documents and seeds in
#: ``benchmarks/import_corpus`` holds 12,721): their cost grows faster than the text (each ceremony is compared with
#: each other one and each line with each ceremony), so a longer text is refused before the rules start.
MAX_IMPORT_CHARS = 80_000
#: Most characters of one paragraph (a line of the text; a table row with its cells) the rules read, white space
#: counted once (the corpus's longest is 886); a longer one is refused, naming it, before the rules start.
MAX_LINE_CHARS = 5_000
#: Most PDF pages: a longer PDF is refused (its pages are counted before any text is extracted).
MAX_PDF_PAGES = 200
#: Most members of a .docx archive (a Word file has a few dozen parts, a few hundred with many pictures).
MAX_DOCX_MEMBERS = 1000
#: Largest declared uncompressed size of one .docx member (bytes); a plan's ``word/document.xml`` is well under
#: 1 MB, and reading a 10 MB one takes python-docx about 150 MB and 2 s.
MAX_DOCX_MEMBER_BYTES = 10_000_000
#: Largest declared uncompressed size of all .docx members together (bytes).
MAX_DOCX_TOTAL_BYTES = 40_000_000
#: Largest compression ratio (uncompressed / compressed size) of a .docx member over 1 MB; Word's XML packs
#: about 10 to 30 times, a zip bomb about 1,000 times.
MAX_DOCX_RATIO = 100
#: Most XML elements in ``word/document.xml`` (a 20-page plan has some tens of thousands).
MAX_DOCX_ELEMENTS = 300_000
#: Most paragraphs (``w:p``, inside tables too) in ``word/document.xml``.
MAX_DOCX_PARAGRAPHS = 20_000
#: Most table cells (``w:tc``) in ``word/document.xml``.
MAX_DOCX_CELLS = 20_000
#: Deepest XML nesting in ``word/document.xml`` (tables in tables; Word's own files stay far below).
MAX_DOCX_DEPTH = 64

_RATIO_FROM_BYTES = 1_000_000
_WORD_MAIN = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

TEXT_SUFFIXES = (".txt", ".text", ".md", "")


def _fail(name: str, message: str, hint: str, line: int | None = None, col: int | None = None) -> InputError:
    """A refusal of the document ``name`` (a catalogue message and what to do)."""
    return InputError(problems=[Problem(message, name, line, col, hint=hint)])


def _too_large(name: str, message: str, hint: str) -> TooLarge:
    """A refusal of the document ``name`` for crossing one of the limits (docs/limits.md)."""
    return TooLarge(problems=[Problem(message, name, hint=hint)])


def _limits_hint() -> str:
    return _("check that it is the plan document; limits: docs/limits.md")


def _export_again() -> str:
    return _("export the document to PDF again, or give the .docx or .txt; limits: docs/limits.md")


def _save_again() -> str:
    return _("open and save it again as .docx")


def _not_docx(name: str, why: object) -> InputError:
    """A .docx that zipfile or python-docx cannot read; their words (English) go to the log, not the message."""
    log.debug("%s: not a readable .docx: %s", name, why)
    return _fail(name, _("not a readable Word (.docx) file"), _save_again())


def decode_text(data: bytes, name: str) -> str:
    """Decode the bytes of a text document, refusing empty, binary and non-UTF-8 content.

    Parameters
    ----------
    data : bytes
        The file's content.
    name : str
        The file name used in messages.

    Returns
    -------
    str
        The text (a UTF-8 or UTF-16 byte-order mark is honoured).

    Raises
    ------
    InputError
        Naming the file.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise _fail(name, _("broken UTF-16 text"), _("save the document as UTF-8 text")) from None
    else:
        if b"\x00" in data:
            raise _fail(
                name,
                _("document is binary, not text"),
                _("give a .txt (UTF-8), .docx or .pdf file with the right extension"),
                1,
                1,
            )
        text = decode_utf8(data, name, _("save the document as UTF-8 text"))
    if not text.strip():
        raise _fail(name, _("document is empty"), _("give the plan document's text"), 1, 1)
    bad = sum(1 for c in text[:20000] if ord(c) < 32 and c not in "\n\r\t\f")
    if bad > 20:
        raise _fail(
            name,
            _("document holds control characters, it is not plain text"),
            _("give a .txt (UTF-8), .docx or .pdf file with the right extension"),
        )
    return text


def _check_docx_archive(path: Path, name: str) -> None:
    """Refuse a .docx whose zip directory is absurd, before anything is decompressed, then stream-check its body.

    The zip directory gives every member's declared sizes: too many members, a member or a total too large, or a
    member packed far tighter than Word's XML ever is (a zip bomb) are refused from the directory alone. Then
    ``word/document.xml`` is read in chunks through a stream that never yields more than the member's declared
    size (CRC-checked), and parsed by a SAX parser that forbids entity declarations (defusedxml), counting
    elements, paragraphs, table cells and depth; the first limit crossed stops it.
    """
    hint = _limits_hint()
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise _not_docx(name, exc) from None
    with zf:
        members = zf.infolist()
        if len(members) > MAX_DOCX_MEMBERS:
            raise _too_large(
                name,
                _("the .docx archive holds {n} members, more than the limit of {limit}").format(
                    n=number(len(members)), limit=number(MAX_DOCX_MEMBERS)
                ),
                hint,
            )
        total = 0
        for m in members:
            total += m.file_size
            if m.file_size > MAX_DOCX_MEMBER_BYTES:
                raise _too_large(
                    name,
                    _(
                        "the .docx member {member} unpacks to {size} MB, more than the limit of {limit} MB per member"
                    ).format(
                        member=m.filename,
                        size=number(m.file_size / 1e6, digits=1),
                        limit=number(MAX_DOCX_MEMBER_BYTES / 1e6),
                    ),
                    hint,
                )
            if m.file_size > _RATIO_FROM_BYTES and m.file_size > MAX_DOCX_RATIO * max(m.compress_size, 1):
                ratio = m.file_size / max(m.compress_size, 1)
                raise _too_large(
                    name,
                    _(
                        "the .docx member {member} is packed {ratio} times, "
                        "more than the limit of {limit} (a zip bomb?)"
                    ).format(member=m.filename, ratio=number(ratio), limit=number(MAX_DOCX_RATIO)),
                    hint,
                )
        if total > MAX_DOCX_TOTAL_BYTES:
            raise _too_large(
                name,
                _("the .docx archive unpacks to {size} MB, more than the limit of {limit} MB").format(
                    size=number(total / 1e6, digits=1), limit=number(MAX_DOCX_TOTAL_BYTES / 1e6)
                ),
                hint,
            )
        try:
            info = zf.getinfo("word/document.xml")
        except KeyError:
            return  # python-docx finds the main part through the relationships and says what is wrong
        _scan_document_xml(zf, info, name)


class _TooMuch(Exception):
    """A limit crossed while scanning ``word/document.xml``."""


def _check_counts(elements: int, paragraphs: int, cells: int, depth: int) -> None:
    """Raise :class:`_TooMuch` at the first of ``word/document.xml``'s limits crossed so far."""
    if elements > MAX_DOCX_ELEMENTS:
        raise _TooMuch(
            _("word/document.xml holds more than the limit of {n} XML elements").format(n=number(MAX_DOCX_ELEMENTS))
        )
    if paragraphs > MAX_DOCX_PARAGRAPHS:
        raise _TooMuch(
            _("word/document.xml holds more than the limit of {n} paragraphs").format(n=number(MAX_DOCX_PARAGRAPHS))
        )
    if cells > MAX_DOCX_CELLS:
        raise _TooMuch(
            _("word/document.xml holds more than the limit of {n} table cells").format(n=number(MAX_DOCX_CELLS))
        )
    if depth > MAX_DOCX_DEPTH:
        raise _TooMuch(
            _("word/document.xml holds XML nested deeper than the limit of {n} levels").format(n=number(MAX_DOCX_DEPTH))
        )


def _scan_document_xml(zf: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> None:
    """Stream ``word/document.xml`` through a defused SAX parser, refusing it at the first limit crossed."""
    import xml.sax
    import xml.sax.handler

    from defusedxml import DefusedXmlException
    from defusedxml.sax import make_parser

    class Counter(xml.sax.handler.ContentHandler):
        def __init__(self) -> None:
            super().__init__()
            self.elements = self.paragraphs = self.cells = self.depth = 0

        def startElementNS(self, name: tuple[str | None, str], qname: str | None, attrs: Any) -> None:  # noqa: N802
            self.elements += 1
            self.depth += 1
            uri, local = name
            if uri == _WORD_MAIN[1:-1]:
                if local == "p":
                    self.paragraphs += 1
                elif local == "tc":
                    self.cells += 1
            _check_counts(self.elements, self.paragraphs, self.cells, self.depth)

        def endElementNS(self, name: tuple[str | None, str], qname: str | None) -> None:  # noqa: N802
            self.depth -= 1

    parser = make_parser()
    parser.setFeature(xml.sax.handler.feature_namespaces, True)
    parser.setContentHandler(Counter())
    left = info.file_size
    try:
        with zf.open(info) as stream:  # zipfile yields at most the declared size and checks the CRC at the end
            while True:
                chunk = stream.read(1 << 20)
                if not chunk:
                    break
                left -= len(chunk)
                if left < 0:  # belt and braces: never read past the declared size
                    raise _TooMuch(
                        _("word/document.xml holds more data than its declared {n} bytes").format(
                            n=number(info.file_size)
                        )
                    )
                parser.feed(chunk)
        parser.close()
    except _TooMuch as exc:
        raise _too_large(name, str(exc), _limits_hint()) from None
    except DefusedXmlException as exc:
        log.debug("%s: %s", name, type(exc).__name__)
        raise _fail(name, _("word/document.xml declares XML entities or a DTD, refused"), _save_again()) from None
    except zipfile.BadZipFile as exc:  # zipfile's words (English) to the log: a bad CRC, a stream past its size
        log.debug("%s: word/document.xml: %s", name, exc)
        raise _fail(
            name,
            _("word/document.xml does not match the size or checksum (CRC) the archive declares for it"),
            _save_again(),
        ) from None
    except (xml.sax.SAXException, zlib.error, EOFError, OSError, ValueError) as exc:
        log.debug("%s: broken word/document.xml: %s", name, exc)
        raise _fail(
            name, _("not a readable Word (.docx) file: its word/document.xml is broken"), _save_again()
        ) from None


def _read_docx(path: Path, name: str) -> str:
    try:
        import docx  # lazy: python-docx is only needed for Word files
    except ImportError:  # pragma: no cover - a declared dependency
        raise _fail(name, _("python-docx is not installed"), _("pip install python-docx")) from None
    _check_docx_archive(path, name)
    try:
        document = docx.Document(str(path))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise _not_docx(name, exc) from None
    except Exception as exc:  # python-docx raises its own classes on broken parts
        raise _not_docx(name, type(exc).__name__) from None
    parts: list[str] = []
    for block in document.iter_inner_content():  # paragraphs and tables in the order of the document
        if isinstance(block, docx.table.Table):
            parts += table_lines(block)
        else:
            parts.append(block.text)
    return "\n".join(parts)


#: Column headings of the tables official plans use (folded); a first row made of them is a header row.
_HEADINGS = (
    "stt",
    "tt",
    "noi dung",
    "noi dung cong viec",
    "hoat dong",
    "thoi gian",
    "dia diem",
    "thanh phan",
    "chu tri",
    "don vi chu tri",
    "don vi thuc hien",
    "phoi hop",
    "ghi chu",
    "lo trinh",
    "chi tiet",
    "thoi luong",
    "luc luong",
    "phuong tien",
    "ngay",
    "gio",
    "ngay gio",
    "thoi diem",
    "don vi",
    "don vi to chuc",
    "dia phuong",
    "dia diem to chuc",
    "thoi gian to chuc",
    "nguoi thuc hien",
    "nguoi phu trach",
    "phu trach",
    "cap",
    "cap to chuc",
    "lanh dao du",
    "lanh dao tham du",
    "dai bieu du",
    "thanh phan du",
    "lanh dao",
    "thu, ngay",
    "thu ngay",
    "ngay, thu",
    "ngay thang",
    "bo phan",
    "nhiem vu",
    "cong viec",
    "thoi han",
    "han hoan thanh",
    "thoi gian hoan thanh",
    "phan cong",
    "phan cong thuc hien",
    "phan cong nhiem vu",
)
#: Two column names written as one heading ("Thời gian - Địa điểm", "Thời gian, địa điểm", "Ngày giờ và địa
#: điểm", "Chủ trì/Phối hợp") (folded): the separators between them.
_JOINED_HEADS = re.compile(r"\s*(?:[,/–—]|\s-\s|\bva\b)\s*")
#: Columns naming what a row is about, in order of preference: what is done, else who holds it (a schedule's
#: "Đơn vị | Thời gian | Địa điểm").
_SUBJECT_HEADS = (
    ("noi dung", "noi dung cong viec", "hoat dong"),
    ("don vi", "don vi to chuc", "don vi chu tri", "dia phuong"),
    # a column of the units that each hold one ("Phường | Ngày | Giờ | Địa điểm"): the row's unit, named by its kind
    ("phuong", "xa", "phuong, xa", "xa, phuong", "xa, thi tran", "cum", "cum truong"),
)
#: The columns above whose cells the column's name is the unit's kind ("Phường" over "An Hải Bắc").
_UNIT_KIND_HEADS = frozenset({"phuong", "xa", "cum"})
#: Columns that together say when (a calendar's "Ngày | Giờ"): one "Thời gian: giờ, ngày" field of the row.
_WHEN_HEADS = {
    "gio": 0,
    "thoi diem": 0,
    "ngay": 1,
    "ngay gio": 0,
    "thu, ngay": 1,
    "thu ngay": 1,
    "ngay, thu": 1,
    "ngay thang": 1,
}
#: Columns a schedule names so that a row's line says them as the labels the readers know: a work schedule's
#: "Lãnh đạo" column lists who attends the row's event.
_LABEL_AS = {"lanh dao": "Lãnh đạo dự"}


#: A column that names the street of each leg of a route ("Tuyến đường | Từ | Đến"), folded.
_LEG_STREET_HEADS = (
    "tuyen duong",
    "duong",
    "ten duong",
    "tuyen",
    "tuyen pho",
    "duong pho",
    "theo duong",
    "di theo duong",
    "theo tuyen",
    "theo tuyen duong",  # "Từ | Theo tuyến đường | Đến"
    "di theo tuyen duong",
    "duong di",
    "qua duong",  # "Đoạn | Từ | Đến | Qua đường"
    "di qua duong",
    "qua tuyen",
)
#: A column that holds a whole route ("Lộ trình", "Lộ trình / ghi chú"), folded.
_ROUTE_HEAD = re.compile(r"^(?:lo trinh|hanh trinh|tuyen dieu hanh|tuyen dien hanh)\b")


def _table_rows(table: Any) -> list[list[str]]:
    """The text of a Word table's cells, row by row (a merged cell, repeated by python-docx, kept once)."""
    rows: list[list[str]] = []
    for row in table.rows:
        cells: list[str] = []
        seen: list[Any] = []
        for cell in row.cells:
            if seen and cell._tc is seen[-1]:  # one merged cell; two cells that read alike ("-", "-") stay two
                continue
            seen.append(cell._tc)
            cells.append(" ".join(cell.text.split()))
        rows.append(cells)
    return rows


def table_lines(table: Any) -> list[str]:
    """A Word table as lines the rules read like the text: a table of a route's legs ("Tuyến đường | Từ | Đến")
    becomes one stretch line per leg (:func:`leg_lines`); each row of a table with a header row becomes one
    labelled line ("Lễ khai mạc — Thời gian: 7 giờ 30, ngày 02/10/2023; Địa điểm: …; Thành phần: …"); a
    two-column table of labels and values becomes "Label: value" lines; any other row its cells joined."""
    return rows_lines(_table_rows(table))


def rows_lines(rows: list[list[str]]) -> list[str]:
    """A table's rows (cell texts, the first row perhaps a header) as the lines :func:`table_lines` describes:
    for Word tables and for tables written in text (``importer.tables``)."""
    from paradeplan.importer.tables import leader_columns, marked_officials, matrix_officials, official_lines
    from paradeplan.importer.text import fold
    from paradeplan.importer.vehicles import matrix_lines

    if not rows:
        return []
    caption = day_caption(rows)
    if caption is not None:
        return caption
    head = [_same_heading(_one_language(fold(c).strip(" :."))) for c in rows[0]]
    legs = (
        amended_lines(head, rows[1:])
        or official_lines(head, rows[1:])
        or leader_columns(rows[0], rows[1:])
        or matrix_officials(rows[0], rows[1:])
        or marked_officials(rows[0], rows[1:])
        or direction_lines(head, rows[1:])
        or leg_lines(head, rows[1:])
        or chained_stage_lines(head, rows[1:])
        or checkpoint_lines(head, rows[1:])
        or role_lines(rows[1:])
        or step_lines(head, rows[1:])
        or stage_lines(head, rows[1:])
        or move_lines(head, rows[1:])
        or cost_lines(head, rows[0], rows[1:])
        or count_lines(head, rows[1:])
        or matrix_lines(rows[0], rows[1:])
    )
    if legs:
        return legs
    known = sum(is_column_heading(h) or any(h in names for names in _SUBJECT_HEADS) for h in head)
    # most columns named as official tables name them, or a column of when and one of where ("Cụm | Các tổ dân phố |
    # Thời gian | Địa điểm | …": each row an event)
    header = (
        len(rows) > 1 and len(head) >= 2 and (known >= max(2, len(head) - 1) or {"thoi gian", "dia diem"} <= set(head))
    )
    if header and len(head) == 2 and head[1] in ("chi tiet", "noi dung", "thong tin", "ghi chu"):
        header, rows = False, rows[1:]  # "Nội dung | Chi tiết": a table of labels and their values
    if header:
        return [line for cells in rows[1:] if (line := _row_line(head, rows[0], cells))]
    out: list[str] = []
    for cells in rows:
        if len(cells) == 2 and len(cells[0]) <= 60 and cells[1]:
            out.append(f"{cells[0].rstrip(' :')}: {cells[1]}")
        else:
            out.append("\t".join(c for c in cells if c))  # a cell gap for importer.shape; clean() makes it a space
    return out


#: A programme table's first cell that is its caption, not a column's name (folded): the day the programme runs on,
#: perhaps its weekday and part of the day before the date, then perhaps its place after a dash, a colon or "tại"
#: ("Thứ Bảy, 04.10.2025 — tại Hội trường A", "Chủ nhật - 05/10/2025", "Sáng thứ Hai (06/10): Sân vận động B").
_CAPTION_DAY = re.compile(
    r"^(?:(?:sang|chieu|toi)\s+)?(?:(?:thu (?:hai|ba|tu|nam|sau|bay|[2-7])|chu nhat)[\s,–—-]*)?(?:ngay\s+)?\(?$"
)
_CAPTION_PLACE = re.compile(r"^\)?[\s,.:;–—-]*(?:tai\s+)?")


def day_caption(rows: list[list[str]]) -> list[str] | None:
    """A programme table whose first row is its caption, the day (and place) of the rows below, each of which opens
    with a clock time ("Thứ Bảy, 04.10.2025 — tại Hội trường A | Nội dung | Đơn vị" over "7g00 | Khai mạc | …", or
    "Chủ nhật - 05/10/2025 | Sân vận động B" over "6g30 | Đón tiếp đại biểu"): the caption as the labelled line
    "Thời gian: day; Địa điểm: place", then the rows, their first column named "Thời gian"; None for another table."""
    from paradeplan.importer.dates import find_dates, find_times
    from paradeplan.importer.text import fold

    first, below = rows[0], rows[1:]
    low = fold(first[0])
    days = find_dates(low, 2000)  # (any year: a caption may write none)
    if len(below) < 2 or len(days) != 1 or not _CAPTION_DAY.match(low[: days[0].start].strip()):
        return None
    if not all(c and (t := find_times(fold(c[0]))) and t[0].start <= 4 for c in below):
        return None  # every row below opens with its hour
    rest = first[0][days[0].end :]
    lead = _CAPTION_PLACE.match(fold(rest))
    place = rest[lead.end() if lead else 0 :].strip(" .;")
    heads = [fold(c).strip(" :.") for c in first[1:]]
    named = all(is_column_heading(h) or any(h in names for names in _SUBJECT_HEADS) for h in heads)
    placed = not named and len(first) == 2 and not place and not find_times(heads[0])
    if not named and not placed:
        return None
    place = first[1].strip(" .;") if placed else place  # "Chủ nhật - 05/10/2025 | Sân vận động B": the row's place
    day = first[0][: days[0].end].strip(" ,–—-")
    caption = f"Thời gian: {day}" + (f"; Địa điểm: {place}" if place else "") + "."
    return [caption, *rows_lines([["Thời gian", *first[1:]], *below] if named else below)]


#: An amended plan's columns: what the plan it amends said, and what it says now ("Theo Kế hoạch số 205 |
#: Điều chỉnh") (folded).
_OLD_HEAD = re.compile(r"^(?:theo\s+)?(?:ke hoach|cu|truoc (?:day|dieu chinh)|du kien)\b")
_NEW_HEAD = re.compile(r"^(?:dieu chinh|sau (?:khi )?dieu chinh|moi|nay|thay doi|doi thanh)\b")


#: A column of when a row's ceremony starts, named by the ceremony ("Giờ khai mạc", "Thời gian khai mạc", "Ngày tổ
#: chức", "Giờ bắt đầu") (folded): the plain column it is ("Giờ", "Thời gian", "Ngày").
_WHEN_OF_EVENT = re.compile(
    r"^(gio|thoi gian|ngay|ngay gio)\s+"
    r"(?:khai mac|to chuc|bat dau|phat dong|dien ra|(?:to chuc\s+)?le(?:\s+khai mac)?)$"
)


def _same_heading(h: str) -> str:
    """A folded column name as the known heading it says in other words ("gio khai mac" → "gio"), else as is."""
    m = _WHEN_OF_EVENT.match(h)
    return m.group(1) if m and h not in _HEADINGS else h


def _one_language(h: str) -> str:
    """A bilingual column name ("date / ngay", "venue / dia diem") as the part the rules know, else as written."""
    parts = [p.strip() for p in h.split(" / ")]
    return next((p for p in parts if is_column_heading(p)), h) if len(parts) > 1 else h


def amended_lines(head: list[str], rows: list[list[str]]) -> list[str]:
    """A table of an amended plan's changes ("Nội dung | Theo Kế hoạch số 205 | Điều chỉnh" / "Lễ ra quân | 6 giờ 30,
    sân A | 7 giờ 00, sân A"), as the new facts only: "Lễ ra quân: 7 giờ 00, sân A"; [] for another table."""
    new = next((k for k, h in enumerate(head) if _NEW_HEAD.match(h)), None)
    if new is None or new == 0 or not any(_OLD_HEAD.match(h) for h in head[1:new]):
        return []
    return [f"{cells[0].rstrip(' :')}: {cells[new]}" for cells in rows if new < len(cells) and cells[0] and cells[new]]


#: A column of who attends, named by their level ("Lãnh đạo Sở dự", "Lãnh đạo tỉnh tham dự", "Đại biểu huyện dự")
#: (folded).
_ATTENDING_HEAD = re.compile(r"^(?:lanh dao|dai bieu|thanh phan)(?:\s+\w+){0,2}\s+(?:tham\s+)?du$")


#: A column of who leads, attends or prepares, however the office words it ("Lãnh đạo chủ trì/dự", "Đơn vị chuẩn
#: bị", "Bộ phận phụ trách") (folded).
_WHO_HEAD = re.compile(r"^(?:lanh dao|don vi|bo phan|can bo|nguoi|chu tri|thanh phan)\b[^0-9]{0,30}$")


def is_column_heading(h: str) -> bool:
    """True for a folded column name official tables use ("thoi gian", "dia diem", "lo trinh", …), or two of them
    written as one ("thoi gian - dia diem")."""
    if h in _HEADINGS or _ROUTE_HEAD.match(h) or _ATTENDING_HEAD.match(h) or _WHO_HEAD.match(h):
        return True
    parts = [p for p in _JOINED_HEADS.split(h) if p]
    return len(parts) >= 2 and all(p in _HEADINGS for p in parts)


def _route_cell(value: str) -> str:
    """A route column's cell: its steps separated by ";" (a cell's own separator, not the row's) joined by
    arrows, so that they stay one route in the row's line."""
    parts = [p.strip() for p in value.split(";") if p.strip()]
    return " → ".join(parts) if len(parts) >= 3 else value


def _row_line(head: list[str], labels: list[str], cells: list[str]) -> str:
    """One row of a table with a header row as a labelled line: "subject — Label: value; Label: value."."""
    from paradeplan.importer.text import fold

    fields: list[str] = []
    subject = ""
    when: list[tuple[int, str]] = []
    subject_col = next((k for names in _SUBJECT_HEADS for k, h in enumerate(head) if h in names), None)
    # a work schedule's "Thứ, ngày | Thời gian | …": the day and the hour are one "Thời gian" field
    hours = {"thoi gian": 0} if any(h in _WHEN_HEADS for h in head) else {}
    for k, (h, label, value) in enumerate(zip(head, labels, cells, strict=False)):
        if not value or h in ("stt", "tt"):
            continue
        if k == subject_col:
            subject = value.rstrip(" .;:")
            if h in _UNIT_KIND_HEADS and not fold(subject).startswith(h):
                subject = f"{label.strip(' :')} {subject}"  # "Phường | An Hải Bắc": "Phường An Hải Bắc"
        elif h in _WHEN_HEADS or h in hours:
            when.append(({**_WHEN_HEADS, **hours}[h], value.rstrip(" .;")))
        elif _ROUTE_HEAD.match(h):
            fields.append(f"{label.strip(' :')}: {_route_cell(value.rstrip(' .;'))}")
        elif (
            ";" in value
            and h.startswith("dia diem")
            and subject_col is not None
            and _each_said(value, cells[subject_col])
        ):
            continue  # "A; B" where the row's work says "… tại A, sau đó dự … tại B": the work says which is where
        else:
            fields.append(f"{_LABEL_AS.get(h, label.strip(' :'))}: {value.rstrip(' .;')}")
    if when:
        fields.insert(0, "Thời gian: " + ", ".join(v for _k, v in sorted(when, key=lambda w: w[0])))
    if subject and fields:
        return f"{subject} — " + "; ".join(fields) + "."
    return subject or ("; ".join(fields) + "." if fields else "")


def _each_said(places: str, work: str) -> bool:
    """Whether every place of a cell ("A; B") is written in the row's work cell as well."""
    from paradeplan.importer.text import fold

    low = fold(work)
    return all(fold(p.strip(" .")) in low for p in places.split(";") if p.strip(" ."))


#: A count table's columns (folded): what is counted, how many, who provides it.
_COUNT_KIND_HEADS = ("loai phuong tien", "phuong tien", "loai xe", "ten phuong tien", "noi dung", "luc luong")
#: Where a column's heading joins two of those ("Lực lượng, phương tiện", "Phương tiện / lực lượng", "Lực lượng và
#: phương tiện"), folded.
_HEADS_JOINED = re.compile(r"\s*(?:[,/&;+]|\s-\s|\bva\b)\s*")


def _count_kind_heading(h: str) -> bool:
    """Whether a folded column heading names what a count table counts ("Loại phương tiện"), alone or two such
    names joined ("Lực lượng, phương tiện": a table of the forces and vehicles a unit puts in)."""
    return all(part in _COUNT_KIND_HEADS for part in _HEADS_JOINED.split(h))


_TOTAL_ROW = re.compile(r"^(?:tong cong|tong so|cong|tong)\b")


def count_lines(head: list[str], rows: list[list[str]]) -> list[str]:
    """A table counting vehicles or forces ("Loại phương tiện | Số lượng | Đơn vị bố trí") as the lines documents
    write: "- 06 Xe hoa (Các khu phố)"; a total row ("Tổng cộng") is no group of its own and is left out; [] for
    another table."""
    from paradeplan.importer.text import fold
    from paradeplan.importer.vehicles import count_cell

    kind = next((k for k, h in enumerate(head) if _count_kind_heading(h)), None)
    count = next((k for k, h in enumerate(head) if h in ("so luong", "so xe")), None)
    if kind is None or count is None or len(rows) < 1:
        return []
    unit = next((k for k, h in enumerate(head) if h.startswith("don vi")), None)
    note = next((k for k, h in enumerate(head) if h.startswith(("ghi chu", "chi tiet", "bao gom"))), None)
    out: list[str] = []
    for cells in rows:
        if len(cells) <= max(kind, count):
            continue
        what, n = cells[kind], count_cell(cells[count])  # "06", "10 chiếc"
        if not what or _TOTAL_ROW.match(fold(what)) or n is None:
            continue
        # who provides them, and a note ("Gồm 01 xe ô tô CSGT và 02 xe mô tô CSGT": the row's breakdown)
        said = "; ".join(cells[k] for k in (unit, note) if k is not None and k < len(cells) and cells[k].strip())
        out.append(f"- {n} {what}" + (f" ({said})" if said else "") + ";")
    return out


#: A column of money (folded): a table with one is an estimate of costs.
_MONEY_HEAD = re.compile(r"^(?:don gia|thanh tien|so tien|kinh phi|du toan|gia tien)\b")


def cost_lines(head: list[str], labels: list[str], rows: list[list[str]]) -> list[str]:
    """A table of costs (a column "Đơn giá", "Thành tiền", "Kinh phí") as one priced line a row ("Thuê xe hoa:
    05 xe, Đơn giá (đồng): 8.000.000, Thành tiền (đồng): 40.000.000"): what it counts is paid for, not planned, and
    the rules read it so; [] for another table."""
    money = [k for k, h in enumerate(head) if _MONEY_HEAD.match(h)]
    if not money or len(rows) < 1:
        return []
    out: list[str] = []
    for cells in rows:
        priced = [f"{labels[k].strip(' :')}: {cells[k]}" for k in money if k < len(cells) and cells[k]]
        rest = [c for k, c in enumerate(cells) if c and k not in money and not re.fullmatch(r"\d{1,3}", c)]
        if rest or priced:
            out.append(", ".join(rest + priced) + ".")
    return out


#: A leg's number before its street in one cell ("1 – đường Nguyễn Văn Lượng", "2. Dương Quảng Hàm") (as written).
_NUMBERED_STREET = re.compile(r"^\s*\d{1,2}\s*[-–—.:)]\s*", re.I)
#: A row that adds the legs up ("Cộng: 04 đoạn, khoảng 3,2 km", "Tổng cộng") (folded, its head).
_TOTAL_HEAD = re.compile(r"^(?:tong cong\b|(?:cong|tong|cong lai)\s*(?::|$|\d))")  # not "Cộng Hòa"


def _numbered_street_column(head: list[str], rows: list[list[str]]) -> int | None:
    """The column of legs ("Đoạn", "Chặng") whose cells each give the leg's number and its street, or None."""
    from paradeplan.importer.text import fold

    for k, h in enumerate(head):
        cells = [fold(r[k]) for r in rows if k < len(r) and r[k].strip() and not _TOTAL_HEAD.match(fold(r[k]))]
        if h in ("doan", "chang") and len(cells) >= 2 and all(_NUMBERED_STREET.match(c) for c in cells):
            return k
    return None


#: The first cell of a legs table's row that names where the route starts or ends instead of a leg ("Xuất phát |
#: Trụ sở UBND Quận A | Cổng chính", "Kết thúc | Công viên B | |") (folded).
_END_ROW = re.compile(r"^(?:diem\s+)?(?:xuat phat|khoi hanh|bat dau|ket thuc|giai tan|ve dich)$")


def leg_lines(head: list[str], rows: list[list[str]]) -> list[str]:
    """A table of a route's legs (a street column, "Từ" and "Đến" columns, perhaps notes) as the stretch lines
    documents write: "- Quốc lộ 1: đoạn từ A đến B, quay đầu tại B" (the notes' U-turn kept); [] for another
    table."""
    from paradeplan.importer.text import fold

    ends = [r for r in rows if r and _END_ROW.match(fold(r[0]).strip(" :."))]
    rows = [r for r in rows if r not in ends]
    street = next((k for k, h in enumerate(head) if h in _LEG_STREET_HEADS), None)
    start = next((k for k, h in enumerate(head) if h in ("tu", "diem dau", "tu diem")), None)
    end = next((k for k, h in enumerate(head) if h in ("den", "diem cuoi", "den diem")), None)
    if street is None and start is not None and end is not None:  # "Đoạn | Từ | Đến" / "1 – đường A | …": the
        street = _numbered_street_column(head, rows)  # legs' numbers beside their streets
        rows = [[_NUMBERED_STREET.sub("", c) if k == street else c for k, c in enumerate(r)] for r in rows]
    if street is not None and (start is None or end is None):
        start = end = _span_column(rows, street)  # one column of "Từ A đến B" cells ("Đoạn", "Phạm vi")
    if street is None or start is None or end is None or len(rows) < 2:
        return []
    notes = next((k for k, h in enumerate(head) if h in ("ghi chu", "ghi chu khac", "huong di", "huong")), None)
    out: list[str] = []
    out_end: str | None = None
    for cells in rows:
        if len(cells) <= max(street, start, end) or not cells[street] or _TOTAL_HEAD.match(fold(cells[street])):
            continue  # (not "Cộng: 04 đoạn, khoảng 3,2 km")
        a, b = (cells[start], cells[end]) if start != end else _span(cells[start])
        a = a or (out_end or "")  # "đến B" after a row that ended where this one starts
        out_end = b
        line = f"- {cells[street]}: đoạn từ {a} đến {b}"
        note = cells[notes] if notes is not None and notes < len(cells) else ""
        uturn = uturn_in_note(note)
        if uturn:
            line += f", quay đầu tại {uturn}"
        elif re.match(r"^(?:điểm\s+)?quay đầu(?:\s+xe)?\W*$", note.strip(), flags=re.I):
            line += ", quay đầu"  # a note "Quay đầu" alone: the column turns at the stretch's end
        out.append(line + ";")
    return _with_ends(out, ends, street)


def _with_ends(legs: list[str], ends: list[list[str]], street: int) -> list[str]:
    """A legs table's lines with its start and end rows as the fields documents write ("Điểm xuất phát: A")."""
    from paradeplan.importer.text import fold

    out = list(legs)
    for cells in ends:
        place = cells[street].strip(" .;") if street < len(cells) else ""
        if not legs or not place:
            continue
        label = "Điểm kết thúc" if re.search(r"ket thuc|giai tan|ve dich", fold(cells[0])) else "Điểm xuất phát"
        out = [f"{label}: {place}.", *out] if label == "Điểm xuất phát" else [*out, f"{label}: {place}."]
    return out


#: The arrows between a route's steps in one cell ("A → B → C").
_CELL_ARROW = re.compile(r"\s*(?:→|->|=>|⟶|➝|➔|➜)\s*")


def chained_stage_lines(head: list[str], rows: list[list[str]]) -> list[str]:
    """A table of a route's stages, a numbered row each whose route cell is a chain of arrows ("Chặng | Lộ trình" /
    "1 | A → B → C" / "2 | C → D → E"), as the one route line documents write: "Lộ trình: A → B → C → D → E" (a
    stage's first step, where the one before ended, kept once; a note's U-turn marked on its step); [] for another
    table."""
    order = next((k for k, h in enumerate(head) if h in _ORDER_HEADS), None)
    route = next((k for k, h in enumerate(head) if k != order and _ROUTE_HEAD.match(h)), None)
    streets = any(_STREET_HEAD.match(h) or h in _LEG_STREET_HEADS for h in head)  # "Chặng | Tuyến đường": step_lines'
    route = route if route is not None or streets else chain_column(rows, order)
    if order is None or route is None or any(h in _STAGE_FROM or h in _STAGE_TO for h in head):
        return []  # (a stage's ends in columns of their own: stage_lines)
    notes = next((k for k, h in enumerate(head) if h in _NOTE_HEADS), None)
    chains = [
        _stage_steps(cells[route], cells[notes] if notes is not None and notes < len(cells) else "")
        for cells in rows
        if route < len(cells) and cells[route].strip()
    ]
    if len(chains) < 2 or any(len(c) < 2 for c in chains):
        return []
    steps: list[str] = []
    for chain in chains:
        steps += chain[1:] if steps and _bare_step(chain[0]) == _bare_step(steps[-1]) else chain
    last = rows[-1][notes] if notes is not None and notes < len(rows[-1]) else ""
    end = _note_place(last, _NOTE_ENDS[1][1]) if last else ""
    if end and _bare_step(end) != _bare_step(steps[-1]):  # "… → đường B | Kết thúc tại Trung tâm A": it ends there
        steps.append(f"{end} (kết thúc)")
    return ["Lộ trình: " + " → ".join(steps) + "."]


def chain_column(rows: list[list[str]], order: int | None) -> int | None:
    """The column, other than the rows' numbers, whose every cell is a chain of steps joined by arrows ("Đoạn" /
    "A → đường B" / "B → đường C"): a route's stages whatever its heading says; None when there is none."""
    width = max((len(r) for r in rows), default=0)
    for k in range(width):
        cells = [r[k] for r in rows if k < len(r) and r[k].strip()]
        if k != order and len(cells) >= 2 and len(cells) == len(rows) and all(_CELL_ARROW.search(c) for c in cells):
            return k
    return None


def _stage_steps(cell: str, note: str) -> list[str]:
    """A stage's steps, split at its arrows, the place its note says the column turns back at marked "(quay đầu)"
    ("Quay đầu tại Ngã tư A")."""
    steps = [p.strip(" .;") for p in _CELL_ARROW.split(cell) if p.strip(" .;")]
    turn = _bare_step(uturn_in_note(note) or "")
    return [f"{p} (quay đầu)" if turn and _bare_step(p) == turn and "(" not in p else p for p in steps]


def _bare_step(step: str) -> str:
    """A step folded without its bracketed notes, to tell the same step written twice."""
    from paradeplan.importer.text import fold

    return re.sub(r"^(?:duong|pho)\s+", "", fold(re.sub(r"\([^()]*\)", "", step)).strip())


#: Columns of a route's directions side by side, read one after the other ("Lượt đi | Lượt về", "Chiều đi |
#: Chiều về", "Tuyến đi | Tuyến về") (folded): the way out, then the way back.
_DIRECTION_HEAD = re.compile(r"^(?:luot|chieu|tuyen|duong|huong)\s+(?P<d>di|ve)\b")


def direction_lines(head: list[str], rows: list[list[str]]) -> list[str]:
    """A table of a route written in direction columns ("STT | Lượt đi | Lượt về"), one step a cell, as the route
    line documents write: "Lộ trình: A → B → … → Z", read down the way out then down the way back; a step that
    ends one column and starts the next (the U-turn place) is one step; [] for another table."""
    from paradeplan.importer.text import fold

    cols = [(k, m.group("d")) for k, h in enumerate(head) if (m := _DIRECTION_HEAD.match(h))]
    if [d for _k, d in cols] != ["di", "ve"] or len(rows) < 2:
        return []
    steps: list[str] = []
    for k, _d in cols:
        for cells in rows:
            value = cells[k].strip(" .;") if k < len(cells) else ""
            if not value or len(value) > 80:
                continue
            bare = fold(re.sub(r"\([^()]*\)", "", value)).strip()
            if steps and fold(re.sub(r"\([^()]*\)", "", steps[-1])).strip() == bare:
                continue  # the U-turn place ends the way out and starts the way back
            steps.append(value)
    return ["Lộ trình: " + " → ".join(steps)] if len(steps) >= 3 else []


#: A column of the points a column passes at the times beside them ("Điểm qua", "Các điểm đi qua", "Địa điểm đi
#: qua", "Nơi đoàn đi qua") (folded): a table of timed checkpoints when its cells write the moves made there (not
#: "Vị trí đầu đoàn", the street the column's head is on).
_CHECKPOINT_HEAD = re.compile(r"^(?:cac\s+)?(?:diem|dia diem|vi tri|noi)\s+(?:(?:doan|doan xe)\s+)?(?:di\s+)?qua\b")
#: A move written in a checkpoint's cell after its point, or alone ("…, rẽ trái vào đường B", "đi theo đường A")
#: (folded): a turn, or a street followed.
_CHECKPOINT_MOVE = re.compile(
    r"(?:^|,\s*)(?=(?:(?:di|chay)\s+)?(?:(?:re|queo|ngoat)\s+(?:tay\s+)?(?:trai|phai)|(?:doc\s+)?theo\s+(?:duong|pho)"
    r"|quay dau|(?:re|queo)\s+vao)\b)"
)


def checkpoint_lines(head: list[str], rows: list[list[str]]) -> list[str]:
    """A table of a route's timed checkpoints ("Thời gian | Điểm qua" / "07 giờ 25 | Giao lộ A – B, rẽ trái vào
    đường B") as the route in prose documents write: "Lộ trình: Từ X, đi theo đường A; đến Giao lộ A – B, rẽ trái
    vào đường B; …; về X" (a landmark passed with no move is no step; the times are when it passes, no start);
    [] for another table, or one with notes (the turns may be written there: :func:`step_lines` reads it)."""
    from paradeplan.importer.text import fold

    clock = next((k for k, h in enumerate(head) if _PASS_HEAD.match(h)), None)
    point = next((k for k, h in enumerate(head) if k != clock and _CHECKPOINT_HEAD.match(h)), None)
    others = [h for k, h in enumerate(head) if k not in (clock, point)]
    if clock is None or point is None or len(rows) < 3 or any(h not in _ORDER_HEADS for h in others):
        return []
    cells = [cells[point].strip(" .;") for cells in rows if point < len(cells) and cells[point].strip(" .;")]
    parts = [_checkpoint(c, k == 0, k == len(cells) - 1) for k, c in enumerate(cells)]
    if sum(bool(_CHECKPOINT_MOVE.search(fold(c))) for c in cells) < 2:
        return []
    return ["Lộ trình: " + "; ".join(p for p in parts if p) + "."]


def _checkpoint(cell: str, first: bool, last: bool) -> str:
    """One checkpoint as prose: the start "Từ X, …", the end "về X", a junction "đến Giao lộ A – B, rẽ …", a
    landmark the column passes only its move ("Chợ A, rẽ trái vào đường B" → "rẽ trái vào đường B"), or ""."""
    from paradeplan.importer.text import fold

    low = fold(cell)
    m = _CHECKPOINT_MOVE.search(low)
    at, move = (cell[: m.start()].strip(" ,"), cell[m.start() :].strip(" ,")) if m else (cell, "")
    if first:
        return f"Từ {at}, {move}" if at and move else f"Từ {cell}"
    if last and not move:
        said = re.match(r"(?:(?:tro|quay)\s+)?ve\b|ket thuc\b|diem (?:cuoi|ket thuc)\b", low)
        return cell if said else f"về {cell}"
    if at and _JUNCTION_CELL.match(fold(at)):
        return f"đến {at}, {move}" if move else f"đến {at}"
    return move


#: A table's column of route steps, one street or place a row ("Tuyến đường đi qua", "Lộ trình", "Điểm") (folded).
_STEP_HEAD = re.compile(
    r"^(?:cac\s+)?(?:tuyen duong|tuyen pho|tuyen|duong|lo trinh|hanh trinh|diem|dia diem|vi tri(?: doan xe)?)\b"
)
_ORDER_HEADS = ("stt", "tt", "thu tu", "so tt", "doan", "chang", "buoc")
_NOTE_HEADS = (
    "ghi chu",
    "huong di",
    "huong",
    "ghi chu khac",
    "huong di chuyen",
    "huong re",
    "huong dan",
    "chieu",  # "Tuyến đường | Chiều": "Chiều đi: từ Ngã tư A hướng về …", "Chiều về: trở lại A (kết thúc)"
    "chieu di",
)
#: A column of the street a row follows, beside a column of positions ("Tuyến đường đang đi") (folded).
_STREET_HEAD = re.compile(r"^(?:cac\s+)?(?:tuyen duong|tuyen pho|duong)\b")
#: A cell naming a junction, no place to start from ("Ngã ba A – B", "Giao lộ …") (folded).
_JUNCTION_CELL = re.compile(r"^(?:nga\s+(?:ba|tu|nam|sau|\d)|giao lo|nut giao|vong xoay|bung binh)\b")


#: A table's column of a route's moves, a leg a row ("Chặng | Hướng đi | Ghi chú" / "1 | Ra cổng trường, rẽ phải vào
#: đường A | …") (folded heads).
_MOVES_HEADS = ("huong di", "dien giai", "mo ta", "noi dung", "lo trinh", "cach di", "huong dan")
#: The same column named with what it is of ("Hướng đi của đoàn", "Lộ trình của đoàn xe", "Hướng di chuyển") (folded).
_MOVES_HEAD = re.compile(r"^(?:" + "|".join(_MOVES_HEADS) + r"|huong di chuyen)(?:\s+cua\s+(?:doan|doan xe|xe)\b.*)?$")
#: A column of the point each row's move is made at, beside the moves ("Nút giao / điểm", "Vị trí", "Giao lộ",
#: "Điểm chốt") (folded): the column sets off from the first, turns at the next, ends at the last.
_POINT_HEAD = re.compile(r"^(?:nut giao|giao lo|diem|vi tri|dia diem|chot|diem chot)\b")
#: Words of a move in a cell (folded).
_MOVE_WORDS = re.compile(r"\b(?:re (?:trai|phai)|di thang|quay dau|theo|vao|ra|den|di het|tiep tuc)\b")


#: The columns of a table of a route's stages, each row from a point along streets to a point ("Chặng | Điểm đi |
#: Lộ trình | Điểm đến") (folded): where the stage sets off, the streets it follows, where it arrives.
_STAGE_FROM = ("diem di", "diem xuat phat", "noi xuat phat", "tu diem", "xuat phat")
_STAGE_TO = ("diem den", "noi den", "den diem", "diem ket thuc")
_STAGE_WAY = ("lo trinh", "tuyen duong", "cac tuyen duong", "hanh trinh", "duong di")


def stage_lines(head: list[str], rows: list[list[str]]) -> list[str]:
    """A table of a route's stages ("Điểm đi | Lộ trình | Điểm đến", the streets joined by arrows) as the route line
    documents write: "Lộ trình: A → đường B → … → Z (kết thúc)"; a stage's end where the next one sets off is a
    point passed (no step) unless its cell says the column turns back there; [] for another table."""
    from paradeplan.importer.text import fold

    start = next((k for k, h in enumerate(head) if h in _STAGE_FROM), None)
    way = next((k for k, h in enumerate(head) if h in _STAGE_WAY), None)
    end = next((k for k, h in enumerate(head) if h in _STAGE_TO), None)
    if start is None or way is None or end is None or len(rows) < 2:
        return []
    stages = [[c.strip(" .;") for c in (r[start], r[way], r[end])] for r in rows if len(r) > max(start, way, end)]
    if len(stages) < 2 or not all(w for _a, w, _b in stages):
        return []
    steps = [stages[0][0]]
    for k, (_a, w, b) in enumerate(stages):
        cut = r"\s*(?:→|->|=>)\s*" if re.search(r"→|->|=>", w) else r"\s[–—-]\s"  # (not "Văn hóa - Thể thao")
        steps += [x.strip() for x in re.split(cut, w) if x.strip()]
        if k == len(stages) - 1:
            steps.append(b if re.search(r"ket thuc|giai tan", fold(b)) else f"{b} (kết thúc)")
        elif re.search(r"quay dau", fold(b)):
            steps.append(b)  # "Chợ A (quay đầu)": the column turns back where the stage ends
    return ["Lộ trình: " + " → ".join(steps)]


def move_lines(head: list[str], rows: list[list[str]]) -> list[str]:
    """A table of a route's moves, a leg a row with its number ("Chặng | Hướng đi | Ghi chú"), as the route
    documents write in prose: "Lộ trình: Ra cổng trường A, rẽ phải vào đường B; Đến ngã ba B – C, rẽ trái vào C;
    …" (the notes left out); [] for another table."""
    from paradeplan.importer.text import fold

    order = next((k for k, h in enumerate(head) if h in _ORDER_HEADS), None)
    moves = next((k for k, h in enumerate(head) if _MOVES_HEAD.match(h)), None)
    if order is None or moves is None or len(rows) < 2:
        return []
    bare = [cells[moves].strip(" .;") for cells in rows if moves < len(cells) and cells[moves].strip()]
    if len(bare) < 2 or sum(bool(_MOVE_WORDS.search(fold(x))) for x in bare) * 2 < len(bare):
        return []
    point = next((k for k, h in enumerate(head) if k != moves and _POINT_HEAD.match(h)), None)
    said = [x for k, cells in enumerate(rows) if (x := _move_at(cells, moves, point, k == 0))]
    return ["Lộ trình: " + "; ".join(said) + "."]


def _move_at(cells: list[str], moves: int, point: int | None, first: bool) -> str:
    """A row's move as prose, said at its point when the table has a column of them ("Cổng UBND A | Xuất phát, đi
    theo đường B" → "Từ Cổng UBND A, Xuất phát, đi theo đường B"; "Giao lộ B – C | Rẽ phải vào đường C" → "đến
    Giao lộ B – C, Rẽ phải vào đường C")."""
    from paradeplan.importer.text import fold

    move = cells[moves].strip(" .;") if moves < len(cells) else ""
    at = cells[point].strip(" .;") if point is not None and point < len(cells) else ""
    if not move or not at:
        return move
    if not first and _CORNER_CELL.match(fold(re.sub(r"\([^()]*\)", "", at)).strip()):
        at = f"nút giao {at}"  # "Hoàng Văn Thụ - Út Tịch" in a "Nút giao" column: the junction, no step of its own
    return f"{'Từ' if first else 'đến'} {at}, {move}"


#: A cell naming a junction by its two streets alone ("Hoàng Văn Thụ - Út Tịch", "Cộng Hòa / Trường Chinh"), folded:
#: the column reads it as the junction the row's move is made at.
_CORNER_CELL = re.compile(
    r"^(?!(?:nga|giao lo|nut giao|vong xoay|bung binh)\b)[a-z][^–—×/,;:-]{1,40}\s[–—×/-]\s[a-z][^–—×/,;:-]{1,40}$"
)


#: A cell naming a step of a route by its role, not by its name ("Xuất phát", "Chặng đi", "Điểm quay đầu", "Chặng
#: về", "Về đích", "Điểm kết thúc") (folded): the start, a leg, the place the column turns back at, the end.
_ROLE_CELL = re.compile(
    r"^(?:(?P<start>(?:diem\s+)?(?:xuat phat|khoi hanh|bat dau))"
    r"|(?P<leg>(?:chang|luot|chieu|doan)\s+(?:di|ve|\d{1,2})|duong (?:di|ve))"
    r"|(?P<turn>(?:diem\s+)?quay dau)"
    r"|(?P<end>(?:diem\s+)?(?:ve dich|dich|ket thuc|ve|cuoi|giai tan)|diem (?:ve|den) dich))$"
)


def role_lines(rows: list[list[str]]) -> list[str]:
    """A table of a route's steps named by their roles in one column and written in the next ("Điểm | Vị trí | Ghi
    chú" / "Xuất phát | Cổng Công viên A | …" / "Chặng đi | Đường B, hướng về … | …" / "Điểm quay đầu | Trước cổng
    Trường C" / "Chặng về | Đường B, chiều ngược lại" / "Về đích | Công viên A"), as the route line documents write:
    "Lộ trình: Công viên A → Đường B → Trường C (quay đầu) → Đường B → Công viên A (kết thúc)" (what a cell adds
    after its name, a direction or a side, left out); [] for another table: every row's first cell a role, the first
    the start, the last the end."""
    from paradeplan.importer.routes import place_phrase
    from paradeplan.importer.text import fold

    roles = [_ROLE_CELL.match(fold(r[0]).strip(" .:;")) if len(r) >= 2 else None for r in rows]
    if (
        len(rows) < 3
        or not all(roles)
        or not roles[0]
        or not roles[0]["start"]
        or not roles[-1]
        or not roles[-1]["end"]
    ):
        return []
    steps: list[str] = []
    for cells, m in zip(rows, roles, strict=True):
        value = place_phrase(cells[1].strip(" .;"))
        if not value or len(value) > 80 or m is None:
            return []
        steps.append(f"{value} (quay đầu)" if m["turn"] else f"{value} (kết thúc)" if m is roles[-1] else value)
    return ["Lộ trình: " + " → ".join(steps)]


def step_lines(head: list[str], rows: list[list[str]]) -> list[str]:
    """A table of a route's steps in order, one street or place a row ("Thứ tự | Tuyến đường đi qua | Ghi chú"),
    as the route line documents write: "Lộ trình: A → B (quay đầu) → C (kết thúc)" (a note saying where the
    column starts, turns back or ends kept beside its step); [] for another table."""
    from paradeplan.importer.routes import STEP_LABEL
    from paradeplan.importer.text import fold

    step = next((k for k, h in enumerate(head) if _STEP_HEAD.match(h)), None)
    # "Vị trí đầu đoàn | Tuyến đường đang đi": the street each row follows; the positions give its start and end
    street = next((k for k, h in enumerate(head) if _STREET_HEAD.match(h)), None)
    where = step if street is not None and step is not None and step != street else None
    step = street if where is not None else step
    others = [h for k, h in enumerate(head) if k not in (step, where)]
    if (
        step is None
        or len(rows) < 3
        or any(
            h not in _ORDER_HEADS + _NOTE_HEADS and not _PASS_HEAD.match(h) and not _LENGTH_HEAD.match(h)
            for h in others
        )
    ):
        return []
    if any(_PASS_HEAD.match(h) for h in others) and head[step].startswith(("diem", "dia diem")):
        return []  # "Địa điểm | Thời gian": a table of events, not the steps of a route with passing times
    notes = next((k for k, h in enumerate(head) if h in _NOTE_HEADS), None)
    clock = next((k for k, h in enumerate(head) if k != step and _PASS_HEAD.match(h)), None)
    parts: list[str] = []
    told: list[str] = []  # "07:30 | Xuất phát, chạy theo đường A": the departure's time, said as documents say it
    first = rows[0][where].strip(" .;") if where is not None and where < len(rows[0]) else ""
    if first and not _JUNCTION_CELL.match(fold(first)):
        parts.append(first)  # "Cổng Trường A" where the column sets off
    for k, cells in enumerate(rows):
        if where is not None and where < len(cells) and not cells[step].strip(" .;–—-") and k == len(rows) - 1:
            cells = [*cells[:step], cells[where] + " (kết thúc)", *cells[step + 1 :]]  # "Công viên B | –": the end
        said = _STEP_TIME.match(fold(cells[step])) if step < len(cells) else None
        if said and clock is not None and clock < len(cells) and cells[clock].strip():
            told.append(f"{cells[step][: said.end()].strip()} lúc {cells[clock].strip()}.")
        value = cells[step].strip(" .;") if step < len(cells) else ""
        if _TOTAL_ROW.match(fold(value)):
            continue  # "| | Cộng | 3,9 | Điểm cuối: B |": the route's length; its note is read below
        label = STEP_LABEL.match(fold(value))
        value = value[label.end() :] if label else value
        if not value or len(value) > 80 or ":" in value or _SPAN.match(fold(value)):
            return []
        note = fold(cells[notes]) if notes is not None and notes < len(cells) else ""
        turned_at = uturn_in_note(cells[notes]) if notes is not None and notes < len(cells) else None
        if turned_at is not None:  # "Quốc lộ 1A | Quay đầu tại Ngã 4 B": the street, then where it turns back
            parts += [value, f"{turned_at} (quay đầu)"]
            continue
        if re.search(r"quay dau", note) and not re.search(r"quay dau", fold(value)):
            value += " (quay đầu)"
        elif re.search(r"ket thuc|diem cuoi|diem ve", note) or (label and label.group("end")):
            value += " (kết thúc)"
        parts.append(value)
    if notes is not None and where is None:  # "Xuất phát từ cổng UBND phường, …" / "…, về điểm kết thúc tại B"
        start, end = (_note_place(rows[k][notes], rx) if notes < len(rows[k]) else "" for k, rx in _NOTE_ENDS)
        if end:  # "Lê Thị Riêng | Rẽ trái, về điểm kết thúc tại UBND phường": the street goes there, the place ends
            parts[-1] = parts[-1].removesuffix(" (kết thúc)")
        parts = [start] * bool(start) + parts + [end + " (kết thúc)"] * bool(end)
    return ["Lộ trình: " + " → ".join(parts), *told]


def uturn_in_note(note: str) -> str | None:
    """The place a note says the column turns back at ("Quay đầu tại Ngã 4 A", "quay đầu xe tại vòng xoay B"), as
    written; None when the note names none."""
    m = re.search(r"quay (?:đầu|lại)(?:\s+xe)?\s+(?:tại|ở)\s+([^,;.()]+)", note, flags=re.I)
    m = m or _roundabout_turn(note)
    return m.group(1).strip() if m and m.group(1).strip() else None


def _roundabout_turn(note: str) -> re.Match[str] | None:
    """A note naming the roundabout the column goes round to come back ("Vòng xoay A quay lại", "vòng qua bùng binh
    B quay về"): the roundabout, as written, in group 1."""
    return re.search(
        r"((?:vòng xoay|bùng binh)\s+[^,;.()]+?)\s+(?:để\s+)?(?:quay (?:lại|đầu|về)|vòng lại)\b", note, flags=re.I
    )


#: Where the first row's note says the column sets off and the last row's says it ends (folded): the route's start
#: and end places, said beside a street ("Lê Thị Riêng | Xuất phát từ cổng UBND phường, đi về hướng …").
_NOTE_ENDS = (
    (
        0,
        re.compile(
            r"(?:\b(?:xuat phat|khoi hanh|bat dau)\s+(?:tu|tai)|^(?:chieu di\s*:\s*)?tu)"
            r"\s+(?:cong\s+(?:chinh\s+)?|san\s+)?"
        ),
    ),
    (
        -1,
        re.compile(
            r"(?:\b(?:ket thuc|giai tan|dung lai)(?:\s+(?:lo trinh|hanh trinh))?\s+(?:tai|o)"
            r"|\b(?:tro lai|tro ve|quay ve|ve lai)(?:\s+(?:den|tai))?"
            r"|\bdiem (?:cuoi|ket thuc|giai tan)\s*:)"
            r"\s+(?:cong\s+|san\s+)?"
        ),
    ),
)


def _note_place(note: str, rx: re.Pattern[str]) -> str:
    """The place a note names after ``rx`` (up to a comma, a full stop or a bracket), "" when it names none."""
    from paradeplan.importer.text import Folded

    f = Folded.of(note)
    m = rx.search(f.low)
    if m is None:
        return ""
    rest = f.text[m.end() :]
    stop = re.search(r"[,;.()]|\s(?:hướng|theo|rồi|qua)\s", rest)  # "từ Ngã tư A hướng về phía phường B"
    place = rest[: stop.start() if stop else len(rest)].strip()
    return place if place[:1].isupper() else ""


#: A step that is the column's assembly or departure ("Tập trung tại A", "Xuất phát, chạy theo …") (folded).
_STEP_TIME = re.compile(r"^\s*(?:tap trung|tap ket|xuat phat|khoi hanh)\b")


#: A column of the time the column passes each step ("Thời gian dự kiến", "Giờ qua"): beside a table of steps.
_PASS_HEAD = re.compile(r"^(?:thoi gian|thoi diem|gio)\b")
#: A column of each step's length ("Chiều dài (km)", "Cự ly"), and the row that adds them up ("Cộng", "Tổng") (folded).
_LENGTH_HEAD = re.compile(r"^(?:chieu dai|cu ly|do dai|khoang cach|quang duong|km)\b")
_TOTAL_ROW = re.compile(r"^(?:tong cong|cong|tong|cong lai|tong chieu dai)\s*:?\s*$")


#: A cell naming a stretch by its two ends: "Từ A đến B", "Đoạn từ A tới B" (folded).
_SPAN = re.compile(r"^(?:doan\s+)?tu\s+(?P<a>.+?)\s+(?:den|toi)\s+(?P<b>.+)$")
#: A cell naming a stretch by its two ends with one dash between them: "Chợ A - Ngã tư B" (folded).
_SPAN_DASH = re.compile(r"^(?P<a>[^–—-]{2,80}?)\s+[-–—]\s+(?P<b>[^–—-]{2,80})$")
#: A cell "A đến B" without "Từ" (folded).
_SPAN_BARE = re.compile(r"^(?P<a>.+?)\s+(?:den|toi)\s+(?P<b>.+)$")
#: A cell naming only where a stretch goes, from where the row before ended: "đến B", "về B", "dọc kênh C đến B"
#: (folded).
_SPAN_ON = re.compile(r"(?:^|\s)(?:den|toi|ve(?:\s+lai)?)\s+(?P<b>.+)$")


def _span(cell: str) -> tuple[str, str]:
    """The two ends of a "Từ A đến B" cell, as written; ("", B) for "đến B" (the stretch goes on from where the
    row before ended)."""
    from paradeplan.importer.text import fold

    low = fold(cell).strip()
    text = cell.strip()
    dashed = _SPAN_DASH.match(low)
    # "Công viên A đến ngã ba B – C": the dash joins a junction's two streets, "đến" parts the ends
    m = _SPAN.match(low) or (_SPAN_BARE.match(low) if dashed else None) or dashed
    if m:
        return text[m.start("a") : m.end("a")], text[m.start("b") : m.end("b")].rstrip(" .;")
    on = _SPAN_ON.search(low)
    return ("", text[on.start("b") : on.end("b")].rstrip(" .;")) if on else (text, "")


def _span_column(rows: list[list[str]], street: int) -> int | None:
    """The column whose cells each name a stretch by its two ends ("Từ A đến B"), or None."""
    from paradeplan.importer.text import fold

    width = max((len(r) for r in rows), default=0)
    for k in range(width):
        cells = [fold(r[k]).strip() for r in rows if k < len(r) and r[k].strip()]
        if k == street or len(cells) < 2:
            continue
        if all(_SPAN_DASH.match(c) for c in cells):  # "Chợ A - Ngã tư B" in every row
            return k
        if not _SPAN.match(cells[0]):
            continue
        # every cell "Từ A đến B", or the first one so and the others "đến C" on from the row before
        if all(_SPAN.match(c) or _SPAN_ON.search(c) for c in cells[1:]):
            return k
    return None


def _read_pdf(path: Path, name: str) -> str:
    """The text layer of a PDF, read in a child process capped in memory and time (see ``importer/pdftext.py``)."""
    from paradeplan.importer.pdftext import (
        MAX_PDF_CPU_S,
        MAX_PDF_MEMORY,
        MAX_PDF_STREAM_BYTES,
        MAX_PDF_WALL_S,
        extract_pdf_text,
    )

    got = extract_pdf_text(str(path), MAX_PDF_PAGES, MAX_TEXT_CHARS)
    if got.text is not None:
        if not got.text.strip():
            raise _fail(
                name, _("the PDF has no text layer (a scan?)"), _("give the .docx, or run OCR first and give the text")
            )
        return got.text
    log.debug("%s: PDF refused: %s (%s)", name, got.error, got.detail)
    if got.error == "pages":
        raise _too_large(
            name,
            _("the PDF has more than the limit of {n} pages").format(n=number(MAX_PDF_PAGES)),
            _("give the plan itself (a plan is a few pages); limits: docs/limits.md"),
        )
    if got.error == "chars":
        raise _too_large(
            name,
            _("the PDF holds more than the limit of {n} characters of text").format(n=number(MAX_TEXT_CHARS)),
            _limits_hint(),
        )
    if got.error == "memory":
        raise _too_large(
            name,
            _(
                "reading the PDF needs more than the limit of {n} MB of memory "
                "(a compressed stream that unpacks to far more than a plan holds?)"
            ).format(n=number(MAX_PDF_MEMORY // 2**20)),
            _export_again(),
        )
    if got.error == "stream":
        raise _too_large(
            name,
            _("a compressed stream in the PDF unpacks to more than the limit of {n} MB").format(
                n=number(MAX_PDF_STREAM_BYTES // 2**20)
            ),
            _export_again(),
        )
    if got.error == "time":
        raise _too_large(
            name,
            _("reading the PDF takes longer than the limit of {cpu} s of processor time or {wall} s in all").format(
                cpu=number(MAX_PDF_CPU_S), wall=number(MAX_PDF_WALL_S)
            ),
            _export_again(),
        )
    raise _fail(name, _("not a readable PDF file"), _("export the document to PDF again, or give a .docx or .txt"))


def read_document(path: str | Path) -> str:
    """The text of a plan document.

    Parameters
    ----------
    path : str or Path
        A ``.txt`` (UTF-8), ``.docx`` or ``.pdf`` (with a text layer) file; other suffixes are read as text.

    Returns
    -------
    str
        The raw extracted text.

    Raises
    ------
    InputError
        When the file is missing, a folder, too large, empty, binary, not UTF-8 or a broken .docx/.pdf;
        the problem names the file.
    """
    p = Path(path)
    name = str(path)
    try:
        if p.is_dir():
            raise _fail(name, _("is a folder, not a document"), _("give the document's path"))
        size = p.stat().st_size
    except OSError as exc:
        raise _fail(name, _("cannot read document: {error}").format(error=os_error(exc)), _("check the path")) from None
    if size > MAX_DOCUMENT_BYTES:
        raise _too_large(
            name,
            _("document is {size} MB, larger than the {limit} MB limit").format(
                size=number(size / 1e6, digits=1), limit=number(MAX_DOCUMENT_BYTES / 1e6)
            ),
            _("check that it is the plan document"),
        )
    if size == 0:
        raise _fail(name, _("document is empty"), _("give the plan document"), 1, 1)
    suffix = p.suffix.lower()
    try:
        if suffix == ".docx":
            text = _read_docx(p, name)
        elif suffix == ".pdf":
            text = _read_pdf(p, name)
        elif suffix in (".doc", ".odt", ".rtf", ".xls", ".xlsx"):
            raise _fail(
                name,
                _("'{suffix}' documents are not read").format(suffix=suffix),
                _("save it as .docx, .pdf or UTF-8 .txt"),
            )
        else:
            if size > MAX_TEXT_BYTES:
                raise _too_large(
                    name,
                    _("text document is {size} MB, larger than the {limit} MB limit").format(
                        size=number(size / 1e6, digits=1), limit=number(MAX_TEXT_BYTES / 1e6)
                    ),
                    _("check that it is the plan document"),
                )
            text = decode_text(p.read_bytes(), name)
    except OSError as exc:
        raise _fail(name, _("cannot read document: {error}").format(error=os_error(exc)), _("check the path")) from None
    if not text.strip():
        raise _fail(name, _("document holds no text"), _("give the plan document's text"))
    if len(text) > MAX_TEXT_CHARS:
        raise _too_large(
            name,
            _("document holds {n} characters, more than the {limit} limit").format(
                n=number(len(text)), limit=number(MAX_TEXT_CHARS)
            ),
            _("check that it is the plan document"),
        )
    check_readable(text, name)
    log.debug("%s: %d characters of text", name, len(text))
    return text


def check_readable(text: str, name: str) -> None:
    """Refuse a text the importer's rules would take too long on: longer than :data:`MAX_IMPORT_CHARS` or with a
    paragraph longer than :data:`MAX_LINE_CHARS` (naming its line), before any rule reads it.

    Raises
    ------
    TooLarge
        Naming the document (and the line), the size and the limit.
    """
    if len(text) > MAX_IMPORT_CHARS:
        raise _too_large(
            name,
            _("the document holds {n} characters of text, more than the {limit} a plan document may hold").format(
                n=number(len(text)), limit=number(MAX_IMPORT_CHARS)
            ),
            _("import only the plan's own part (leave out annexes and report forms); limits: docs/limits.md"),
        )
    for k, line in enumerate(text.splitlines(), 1):
        if len(line) > MAX_LINE_CHARS and len(" ".join(line.split())) > MAX_LINE_CHARS:
            raise TooLarge(
                problems=[
                    Problem(
                        _("paragraph of {n} characters, more than the {limit} a paragraph may hold").format(
                            n=number(len(" ".join(line.split()))), limit=number(MAX_LINE_CHARS)
                        ),
                        name,
                        k,
                        1,
                        hint=_("break it into shorter paragraphs (one per sentence or item); limits: docs/limits.md"),
                    )
                ]
            )
