"""Text out of a plan document: UTF-8 text, Word (.docx) or a PDF with a text layer."""

from __future__ import annotations

import logging
import zipfile
from pathlib import Path

from paradeplan.errors import InputError, Problem

log = logging.getLogger(__name__)

#: Largest document read (bytes); larger files are refused before reading.
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
#: Largest amount of text kept from a document (characters); plans are a few pages.
MAX_TEXT_CHARS = 2_000_000
#: Most PDF pages read.
MAX_PDF_PAGES = 200

TEXT_SUFFIXES = (".txt", ".text", ".md", "")


def _fail(name: str, message: str, hint: str, line: int | None = None, col: int | None = None) -> InputError:
    return InputError(problems=[Problem(message, name, line, col, hint=hint)])


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
            raise _fail(name, "broken UTF-16 text", "save the document as UTF-8 text") from None
    else:
        if b"\x00" in data:
            raise _fail(
                name,
                "document is binary, not text",
                "give a .txt (UTF-8), .docx or .pdf file with the right extension",
                1,
                1,
            )
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
            raise _fail(
                name,
                f"not valid UTF-8 (byte 0x{data[exc.start]:02x})",
                "save the document as UTF-8 text",
                line,
                col,
            ) from None
    if not text.strip():
        raise _fail(name, "document is empty", "give the plan document's text", 1, 1)
    bad = sum(1 for c in text[:20000] if ord(c) < 32 and c not in "\n\r\t\f")
    if bad > 20:
        raise _fail(
            name,
            "document holds control characters, it is not plain text",
            "give a .txt (UTF-8), .docx or .pdf file with the right extension",
        )
    return text


def _read_docx(path: Path, name: str) -> str:
    try:
        import docx  # lazy: python-docx is only needed for Word files
    except ImportError:  # pragma: no cover - a declared dependency
        raise _fail(name, "python-docx is not installed", "pip install python-docx") from None
    try:
        document = docx.Document(str(path))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise _fail(
            name, f"not a readable Word (.docx) file: {exc}", "open and save it again as .docx"
        ) from None
    except Exception as exc:  # python-docx raises its own classes on broken parts
        raise _fail(
            name, f"not a readable Word (.docx) file: {type(exc).__name__}", "open and save it again as .docx"
        ) from None
    parts: list[str] = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            cells: list[str] = []
            for cell in row.cells:
                if cell.text not in cells:
                    cells.append(cell.text)
            parts.append(" ".join(c.strip() for c in cells))
    return "\n".join(parts)


def _read_pdf(path: Path, name: str) -> str:
    try:
        import pdfplumber  # lazy: only needed for PDF files
    except ImportError:  # pragma: no cover - a declared dependency
        raise _fail(name, "pdfplumber is not installed", "pip install pdfplumber") from None
    pages: list[str] = []
    try:
        with pdfplumber.open(str(path)) as pdf:
            for i, page in enumerate(pdf.pages):
                if i >= MAX_PDF_PAGES:
                    log.warning("%s: only the first %d pages are read", name, MAX_PDF_PAGES)
                    break
                pages.append(page.extract_text() or "")
    except Exception as exc:  # pdfminer raises many unrelated classes on broken files
        raise _fail(
            name,
            f"not a readable PDF file: {type(exc).__name__}",
            "export the document to PDF again, or give a .docx or .txt",
        ) from None
    text = "\n".join(pages)
    if not text.strip():
        raise _fail(
            name, "the PDF has no text layer (a scan?)", "give the .docx, or run OCR first and give the text"
        )
    return text


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
            raise _fail(name, "is a folder, not a document", "give the document's path")
        size = p.stat().st_size
    except OSError as exc:
        raise _fail(name, f"cannot read document: {exc.strerror or exc}", "check the path") from None
    if size > MAX_DOCUMENT_BYTES:
        raise _fail(
            name,
            f"document is {size / 1e6:.1f} MB, larger than the {MAX_DOCUMENT_BYTES / 1e6:.0f} MB limit",
            "check that it is the plan document",
        )
    if size == 0:
        raise _fail(name, "document is empty", "give the plan document", 1, 1)
    suffix = p.suffix.lower()
    try:
        if suffix == ".docx":
            text = _read_docx(p, name)
        elif suffix == ".pdf":
            text = _read_pdf(p, name)
        elif suffix in (".doc", ".odt", ".rtf", ".xls", ".xlsx"):
            raise _fail(name, f"'{suffix}' documents are not read", "save it as .docx, .pdf or UTF-8 .txt")
        else:
            text = decode_text(p.read_bytes(), name)
    except OSError as exc:
        raise _fail(name, f"cannot read document: {exc.strerror or exc}", "check the path") from None
    if not text.strip():
        raise _fail(name, "document holds no text", "give the plan document's text")
    if len(text) > MAX_TEXT_CHARS:
        raise _fail(
            name,
            f"document holds {len(text)} characters, more than the {MAX_TEXT_CHARS} limit",
            "check that it is the plan document",
        )
    log.debug("%s: %d characters of text", name, len(text))
    return text
