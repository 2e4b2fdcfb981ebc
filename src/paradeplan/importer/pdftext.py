"""The text layer of a PDF, extracted in a child process whose memory and CPU time are capped.

pdfminer unpacks every compressed (Flate, LZW, …) stream whole, so a 1 MB PDF whose content stream inflates to
gigabytes cannot be refused from inside the reading process. :func:`extract_pdf_text` therefore runs this file as
a script (``python pdftext.py FILE``; the script imports nothing of paradeplan, only the standard library and
pdfplumber) in a child whose address space and CPU time are limited with :mod:`resource` (where the platform has
it) and whose wall time is limited by the parent. The child writes one JSON object on its standard output:
``{"text": ...}``, or ``{"error": KIND, "detail": ...}`` with KIND one of ``pages``, ``chars``, ``memory``,
``stream``, ``broken``. In the child (only there), pdfminer's ``PDFStream.decode`` is wrapped to refuse a stream
that unpacks to more than :data:`MAX_PDF_STREAM_BYTES` before it is parsed.

Limits (the constants below) are listed in ``docs/limits.md``.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import signal
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from typing import Any

#: Largest address space of the child (bytes). Python with pdfplumber maps about 60 MB; reading a 180-page
#: manual peaks at 71 MB (pages are closed once read); a stream that unpacks to more stops here.
MAX_PDF_MEMORY = 256 * 1024 * 1024
#: Largest unpacked stream (bytes). A page's content stream is some kilobytes, an embedded font a few MB;
#: pdfminer parses content at about 1.5 MB/s, so a larger stream would also be a CPU bomb.
MAX_PDF_STREAM_BYTES = 8 * 1024 * 1024
#: Most CPU seconds the child may use (a 180-page manual takes 6 s).
MAX_PDF_CPU_S = 20
#: Most wall-clock seconds the parent waits for the child.
MAX_PDF_WALL_S = 45


@dataclass(frozen=True)
class PdfText:
    """What the child returned: the text, or the kind of failure and its detail."""

    text: str | None
    error: str | None = None
    detail: str = ""


def extract_pdf_text(path: str, max_pages: int, max_chars: int) -> PdfText:
    """Extract the text of the PDF at ``path`` in a capped child process.

    Parameters
    ----------
    path : str
        The PDF file.
    max_pages : int
        A PDF with more pages is refused (``error="pages"``) before any text is extracted.
    max_chars : int
        Extraction stops with ``error="chars"`` once the text is longer.

    Returns
    -------
    PdfText
        ``text`` set on success; otherwise ``error`` is ``pages``, ``chars``, ``memory`` (the child ran out of
        its memory cap), ``stream`` (a stream unpacks to more than :data:`MAX_PDF_STREAM_BYTES`), ``time``
        (out of CPU or wall time) or ``broken`` (not a readable PDF; ``detail`` names pdfminer's exception).
    """
    cmd = [sys.executable, os.path.abspath(__file__), path, str(max_pages), str(max_chars)]
    try:
        done = subprocess.run(cmd, capture_output=True, timeout=MAX_PDF_WALL_S, check=False)
    except subprocess.TimeoutExpired:
        return PdfText(None, "time", f"{MAX_PDF_WALL_S} s")
    try:
        answer = json.loads(done.stdout.decode("ascii"))
    except (UnicodeDecodeError, ValueError):
        answer = None
    if isinstance(answer, dict):
        if isinstance(answer.get("text"), str):
            return PdfText(answer["text"])
        if isinstance(answer.get("error"), str):
            return PdfText(None, answer["error"], str(answer.get("detail", "")))
    # No answer: the child was killed (SIGXCPU or SIGKILL past its CPU limit) or died allocating.
    if done.returncode < 0 and -done.returncode in (getattr(signal, "SIGXCPU", -1), signal.SIGKILL):
        return PdfText(None, "time", f"{MAX_PDF_CPU_S} s of CPU")
    return PdfText(None, "memory", f"{MAX_PDF_MEMORY // (1024 * 1024)} MB")


def _cap_child() -> None:
    """Cap this (child) process's address space and CPU time, where the platform allows it."""
    try:
        import resource
    except ImportError:  # pragma: no cover - Windows: only the parent's wall-time limit applies
        return
    for limit, value in ((resource.RLIMIT_AS, MAX_PDF_MEMORY), (resource.RLIMIT_CPU, MAX_PDF_CPU_S)):
        try:
            _soft, hard = resource.getrlimit(limit)
            cap = value if hard == resource.RLIM_INFINITY else min(value, hard)
            resource.setrlimit(limit, (cap, hard))
        except (ValueError, OSError):  # pragma: no cover - a platform that refuses the limit
            pass


_LIST_ITEM = re.compile(r"^\s*(?:\d+(?:\.\d+)*[.)]|[a-zđ][.)]|[IVXLC]+\.|[-+•–*·])\s")
_SENTENCE_END = re.compile(r"[.:!?]\W*$")
#: A line starting this far (points) right of the page's left text edge is a paragraph's indented first line
#: (Decree 30/2020/NĐ-CP asks 1–1.27 cm, some 28–36 pt).
_INDENT_PT = 14.0


@dataclass(frozen=True)
class _Line:
    """One text line of a page, with what deciding whether it continues the line before needs (points)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    first_word_w: float  # width of the line's first word
    space_w: float  # about one space at the line's font size
    right: float  # the page's right text edge (its widest line's end; a full page's is used if wider)
    page: int
    size: float = 0.0  # the font size of the line's first character
    cells: tuple[
        tuple[float, str], ...
    ] = ()  # where each column of a row laid out without borders starts, and its text

    @property
    def columns(self) -> bool:
        """Whether the line holds a column gap (a row of a table or a programme laid out without borders)."""
        return len(self.cells) > 1


#: Paragraph spacing (in line pitches) is less than this; a wider gap is a jump of the layout (a table or a
#: paragraph kept on the next page), no paragraph of its own.
_PARAGRAPH_GAP = 2.5
#: A gap between two words this wide (in ems of the line's font) parts two columns: three spaces or a tab stop,
#: wider than the widest space a justified line stretches to (about 0.45 em).
_COLUMN_GAP_EM = 0.75
#: The width (in ems) of one character of the text a row of columns is written as: no wider than the narrowest
#: letters, so that each column starts at the character its distance from the margin gives, whatever the font.
_GRID_EM = 0.3


def _cells(text: str, chars: list[dict[str, Any]]) -> tuple[tuple[float, str], ...]:
    """The line's columns: where each starts (points) and its words, cut at each gap wider than
    :data:`_COLUMN_GAP_EM` and than twice the line's usual space (a justified line stretches all its spaces alike:
    no column). ``chars`` are the line's characters without its spaces; a line whose characters do not match its
    text is one column."""
    words = text.split()
    if not chars or sum(map(len, words)) != len(chars):
        return ()
    starts = list(itertools.accumulate(len(w) for w in words[:-1]))
    gaps = [float(chars[k]["x0"]) - float(chars[k - 1]["x1"]) for k in starts]
    usual = sorted(gaps)[(len(gaps) - 1) // 2] if gaps else 0.0
    cells: list[tuple[float, list[str]]] = [(float(chars[0]["x0"]), [words[0]])]
    for word, k, gap in zip(words[1:], starts, gaps, strict=True):
        if gap >= _COLUMN_GAP_EM * float(chars[k].get("size") or 10.0) and gap >= 2 * usual:
            cells.append((float(chars[k]["x0"]), []))
        cells[-1][1].append(word)
    return tuple((x, " ".join(got)) for x, got in cells)


def _on_grid(cells: list[tuple[float, str]], size: float, left: float) -> str:
    """A row of columns written as a table laid out with spaces reads: each column at the character its distance
    from the margin gives (``cells``: where each begins, points, and its text), three spaces between at least."""
    unit = max(size, 1.0) * _GRID_EM
    out = ""
    for x, words in cells:
        at = round((x - left) / unit)
        out += " " * (max(at - len(out), 3) if out else at) + words
    return out


#: A cell whose text ends so goes on in the next line of its column ("06:45 –" / "07:00").
_CELL_GOES_ON = re.compile(r"[-–—,(&/]\s*$")


def _rows(above: str, grid: bool, line: _Line) -> bool:
    """Whether a line and the text line above it (``grid``: a row of columns) are rows of one table (columns, or
    cells drawn with bars): spaced apart by the cells' padding, not by a paragraph's."""
    return (grid or above.lstrip()[:1] in ("|", "+")) and (line.columns or line.text.lstrip()[:1] in ("|", "+"))


def _nearest(starts: list[float], x: float) -> int:
    """The index of the start nearest ``x``."""
    return min(range(len(starts)), key=lambda j: abs(starts[j] - x))


def _row_goes_on(row: list[list[Any]], line: _Line, left: float) -> bool:
    """Join ``line`` to the row of columns above it (``row``: each cell's start and text) when it leaves the row's
    first column empty (or that cell ends open, "06:45 –"), each of its cells falling in a column of its own; the
    row is updated."""
    cells = list(line.cells or ((line.x0, line.text.strip()),))
    if line.x0 - left <= _INDENT_PT and not _CELL_GOES_ON.search(str(row[0][1])):
        return False
    to = [_nearest([float(c[0]) for c in row], x) for x, _w in cells]
    if len(set(to)) != len(to):
        return False
    for k, (_x, words) in zip(to, cells, strict=True):
        row[k][1] = f"{row[k][1]} {words}"
    return True


def _page_lines(page: Any, number: int) -> list[_Line]:
    """The text lines of one page, top to bottom."""
    raw = page.extract_text_lines(return_chars=True)
    if not raw:
        return []
    right = max(float(ln["x1"]) for ln in raw)
    out = []
    for ln in raw:
        text, chars = ln["text"], ln["chars"]  # chars hold no spaces
        cells = _cells(text, chars)
        first = len(text.lstrip().split(" ", 1)[0])
        end = float(chars[min(first, len(chars)) - 1]["x1"]) if chars else float(ln["x1"])
        space = float(chars[0]["size"]) * 0.3 if chars else 3.0
        out.append(
            _Line(
                text,
                float(ln["x0"]),
                float(ln["x1"]),
                float(ln["top"]),
                float(ln["bottom"]),
                end - float(ln["x0"]),
                space,
                right,
                number,
                float(chars[0]["size"]) if chars else 0.0,
                cells if len(cells) > 1 else (),
            )
        )
    return out


def _continues(prev: _Line, line: _Line, right: float, pitch: float | None, left: float, cues: bool) -> bool:
    """Whether ``line`` continues the paragraph of ``prev`` (the PDF wrapped it at the margin).

    It does not when the line's first word would have fitted after ``prev`` before the right text edge, when it
    starts a list item (``1.``, ``a)``, ``-``, ``II.``), when ``prev`` is a table row closed by its bar, when (on
    the same page) it stands further below ``prev`` than the usual line pitch (paragraph spacing), or when it is
    indented as a paragraph's first line. A capital or digit after a sentence's end starts a paragraph only in a
    document that shows neither cue (Vietnamese official documents must indent paragraphs and space them, Decree
    30/2020/NĐ-CP).
    """
    if prev.x1 + 2 * prev.space_w + line.first_word_w <= right or line.columns:
        return False  # (a space's width of doubt; a row of columns starts a line)
    if prev.columns and line.x0 - left > _INDENT_PT:
        return False  # a line under a row of columns goes on one of its cells, not on its last
    if _LIST_ITEM.match(line.text):
        return False
    if prev.text.rstrip().endswith("|") and prev.text.lstrip().startswith("|") and "|" not in line.text:
        return False  # a table row written with bars ("| 6 | đường A | về B |") is closed: a line without a bar is
        # not its (a row wrapped at a cell's bar goes on with the rest of its cells, "… | C |")
    if pitch is not None and line.page == prev.page and line.top - prev.top > pitch * 1.25:
        return False
    if line.x0 - left > _INDENT_PT and line.x0 - prev.x0 > _INDENT_PT / 2:
        return False
    head = line.text.lstrip()[:1]
    return cues or not (_SENTENCE_END.search(prev.text) and (head.isupper() or head.isdigit()))


_PAGE_NUMBER = re.compile(r"^\s*(?:(?:trang|page)\s*)?[-–(]?\s*\d{1,4}\s*(?:/\s*\d{1,4}|[-–)])?\s*$", re.I)
#: Lines of a page's top or bottom band (this many lines) may be a running header or footer.
_BAND = 2


def _running_key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.split())).casefold()


def drop_running(lines: list[_Line]) -> list[_Line]:
    """The lines without the pages' running headers and footers: a page number ("Trang 3", "- 3 -", "3/5")
    in a page's top or bottom band, or a line of that band repeated (digits aside) in the band of another page or
    as the first page's title wrapped over two or three lines, or set in small print (:func:`_small_print`), or
    naming the document's own number (:func:`_own_numbers`).
    Page 1 keeps its top band unless it is a page number (its header is the document's own)."""
    pages: dict[int, list[_Line]] = {}
    for ln in lines:
        pages.setdefault(ln.page, []).append(ln)
    if len(pages) < 2:
        return lines
    band: dict[int, set[int]] = {}
    seen: Counter[str] = Counter()
    for page, got in pages.items():
        idx = set(range(min(_BAND, len(got)))) | set(range(max(0, len(got) - _BAND), len(got)))
        band[page] = idx
        for key in {_running_key(got[i].text) for i in idx}:
            seen[key] += 1
    for key in _title_keys(pages[min(pages)]):
        seen[key] += 1
    small = _small_print(lines)
    own = _own_numbers(pages[min(pages)])
    drop: set[int] = set()
    for page, got in pages.items():
        top = set(range(min(_BAND, len(got))))
        for i in band[page]:
            text, first_top = got[i].text, page == min(pages) and i in top
            named = page != min(pages) and any(n in text for n in own)  # "… Thông báo số 1147/TB-CAQ ngày …"
            if (
                _PAGE_NUMBER.match(text)
                or (seen[_running_key(text)] >= 2 or got[i].size < small or named)
                and not first_top
            ):
                drop.add(id(got[i]))
    return [ln for ln in lines if id(ln) not in drop]


#: A document's own number as its first page writes it ("Số: 1147/TB-CAQ", "Số 25/KH-UBND").
_OWN_NUMBER = re.compile(r"^\s*S[ốỐ]\s*:?\s*(\d{1,6}\s*/\s*[A-ZĐ][\w&.\-]*(?:/[\w&.\-]+)*)", re.I)


def _own_numbers(first: list[_Line]) -> set[str]:
    """The document's own number from its first page's opening lines: a line of another page's top or bottom band
    that names it is a running header ("CÔNG AN QUẬN … – Thông báo số 1147/TB-CAQ ngày …"), whatever its print."""
    out: set[str] = set()
    for ln in first[:16]:
        m = _OWN_NUMBER.match(ln.text)
        if m:
            out.add(re.sub(r"\s+", "", m.group(1)))
    return out


def _small_print(lines: list[_Line]) -> float:
    """The font size below which a line of a page's top or bottom band is running print, not text: four fifths of
    the body's size (the size most lines are set in); a header the document prints once (on a second page only)
    is set smaller than its text."""
    sizes = Counter(round(ln.size, 1) for ln in lines if ln.size > 0)
    return sizes.most_common(1)[0][0] * 0.8 if sizes else 0.0


def _title_keys(first: list[_Line]) -> set[str]:
    """The first page's opening lines, alone and joined in runs of two or three (a running header repeats the
    document's title line, which the first page may wrap: "CÔNG AN QUẬN … PHÂN LUỒNG GIAO" / "THÔNG NGÀY …")."""
    head = [ln.text for ln in first[: 2 * _BAND + 2]]
    return {_running_key(" ".join(head[k : k + n])) for k in range(len(head)) for n in (2, 3) if k + n <= len(head)}


def _unwrap(lines: list[_Line]) -> str:
    """The document's text with the lines the PDF wrapped at the margin joined back into their paragraphs.

    Word keeps paragraphs, a PDF keeps lines: joined, a sentence such as "các sở ngành … báo cáo kết quả thực
    hiện về Sở Giáo dục và / Đào tạo trước ngày …" (over a page break too) reads the same from both.
    """
    pitches: dict[int, float] = {}
    lefts: dict[int, float] = {}
    steps: dict[int, list[float]] = {}
    for line in lines:
        lefts[line.page] = min(lefts.get(line.page, line.x0), line.x0)
    for prev, line in zip(lines, lines[1:], strict=False):
        if line.page == prev.page and line.top > prev.top:
            steps.setdefault(line.page, []).append(line.top - prev.top)
    for page, found in steps.items():
        pitches[page] = sorted(found)[len(found) // 4]  # the tighter quartile: a line step, not a paragraph's
    spaced = sum(1 for page, found in steps.items() for step in found if step > pitches[page] * 1.25)
    indented = sum(1 for ln in lines if ln.x0 - lefts[ln.page] > _INDENT_PT)
    cues = min(spaced, indented) >= max(2, len(lines) // 40)
    per_page = Counter(ln.page for ln in lines)
    rights: dict[int, float] = {}  # each page's text edge, from the lines kept (a running header may stick out)
    for ln in lines:
        rights[ln.page] = max(rights.get(ln.page, 0.0), ln.x1)
    full = sorted(r for page, r in rights.items() if per_page[page] >= 8)
    right = full[len(full) // 2] if full else max(rights.values(), default=0.0)  # a short page's too
    out: list[str] = []
    row: list[list[Any]] | None = None  # the row of columns the last line written holds: each cell's start, text
    began: set[float] = set()  # where the lines of that row begin
    for i, line in enumerate(lines):
        edge = max(rights[lines[i - 1].page], right) if i else right  # the page's own edge, when wider
        left = lefts[line.page]
        pitch = pitches.get(line.page)
        step = line.top - lines[i - 1].top if i and line.page == lines[i - 1].page else 0.0
        spaced = pitch is not None and pitch * 1.25 < step
        # a line set further down goes on the row only where a line of the row began (a page broken in the row)
        starts = [c[0] for c in line.cells] or [line.x0]
        near = not spaced or any(abs(x - b) < 2 for x in starts for b in began)
        if row is not None and near and _row_goes_on(row, line, left):  # (over a page break too)
            out[-1] = _on_grid([(float(x), str(w)) for x, w in row], line.size, left)
            began |= set(starts)
            continue
        if i and _continues(lines[i - 1], line, edge, pitches.get(line.page), left, cues):
            if row is not None:  # a row's last cell wrapped at the margin
                row[-1][1] = f"{row[-1][1]} {line.text.strip()}"
                out[-1] = _on_grid([(float(x), str(w)) for x, w in row], line.size, left)
            else:
                out[-1] = f"{out[-1].rstrip()} {line.text.lstrip()}"
            continue
        table = bool(out) and _rows(out[-1], row is not None, line)
        row = [[x, w] for x, w in line.cells] if line.columns else None
        began = {c[0] for c in line.cells}
        if spaced and pitch is not None and step < pitch * _PARAGRAPH_GAP and not table:
            out.append("")  # paragraph spacing: a blank line, as a text file parts its blocks
        out.append(_on_grid(list(line.cells), line.size, left) if row is not None else line.text)
    return "\n".join(out)


class _StreamTooLarge(Exception):
    """A PDF stream unpacked to more than :data:`MAX_PDF_STREAM_BYTES`."""


def _bound_streams() -> None:
    """Make pdfminer refuse, right after unpacking it, a stream larger than :data:`MAX_PDF_STREAM_BYTES`."""
    from pdfminer.pdftypes import PDFStream

    unpack = PDFStream.decode

    def decode(self: PDFStream) -> None:
        unpack(self)
        if self.data is not None and len(self.data) > MAX_PDF_STREAM_BYTES:
            self.data = b""
            raise _StreamTooLarge

    PDFStream.decode = decode  # type: ignore[method-assign]


def _cause(exc: BaseException) -> BaseException:
    """The innermost exception behind ``exc`` (pdfplumber wraps pdfminer's in its own)."""
    seen = {id(exc)}
    while True:
        inner = exc.__cause__ or exc.__context__
        if inner is None and exc.args and isinstance(exc.args[0], BaseException):
            inner = exc.args[0]
        if inner is None or id(inner) in seen:
            return exc
        seen.add(id(inner))
        exc = inner


def _child(path: str, max_pages: int, max_chars: int) -> dict[str, object]:
    """Read the PDF (in the capped child) and say what came of it."""
    import itertools

    import pdfplumber
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    _bound_streams()
    try:
        with open(path, "rb") as fh:
            doc = PDFDocument(PDFParser(fh))
            count = sum(1 for _ in itertools.islice(PDFPage.create_pages(doc), max_pages + 1))
        if count > max_pages:
            return {"error": "pages", "detail": str(max_pages)}
        lines: list[_Line] = []
        size = 0
        with pdfplumber.open(path) as pdf:
            for number, page in enumerate(pdf.pages):
                got = _page_lines(page, number)
                size += sum(len(ln.text) + 1 for ln in got)
                if size > max_chars:
                    return {"error": "chars", "detail": str(max_chars)}
                lines += got
                page.close()  # drops the page's layout and text map: memory stays flat over pages
        text = _unwrap(drop_running(lines))  # (rows of columns are written with their gaps: longer than read)
        if len(text) > max_chars:
            return {"error": "chars", "detail": str(max_chars)}
        return {"text": text}
    except Exception as exc:  # pdfminer raises many unrelated classes on broken files
        return _failure(exc)
    except MemoryError as exc:
        return _failure(exc)


def _failure(exc: BaseException) -> dict[str, object]:
    """What went wrong, from the exception that stopped the reading."""
    root = _cause(exc)
    if isinstance(root, MemoryError):
        return {"error": "memory", "detail": f"{MAX_PDF_MEMORY // (1024 * 1024)} MB"}
    if isinstance(root, _StreamTooLarge):
        return {"error": "stream", "detail": f"{MAX_PDF_STREAM_BYTES // (1024 * 1024)} MB"}
    return {"error": "broken", "detail": type(root).__name__}


if __name__ == "__main__":
    _cap_child()
    try:
        result = _child(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
    except MemoryError:
        result = {"error": "memory", "detail": f"{MAX_PDF_MEMORY // (1024 * 1024)} MB"}
    sys.stdout.write(json.dumps(result, ensure_ascii=True))
    sys.stdout.flush()
