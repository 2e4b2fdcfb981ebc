"""Word paragraphs: the one helper that adds a paragraph (justified, indented, bold…) to a python-docx document."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any


def para(
    doc: Any,
    text: str = "",
    *,
    bold: bool = False,
    italic: bool = False,
    center: bool = False,
    indent: bool = True,
    size: int | None = None,
    cell: Any = None,
    after: int | None = None,
) -> Any:
    """Add a paragraph to ``doc`` (or to a table ``cell``, filling its empty first paragraph) and return it.

    Body text is justified with the Normal style's first-line indent; ``center`` centres it, ``indent=False``
    and cells drop the indent (cells are left-aligned). ``text`` becomes one run (none when empty), ``bold``,
    ``italic``, in ``size`` points when given; ``after`` sets the space after in points.
    """
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    if cell is not None:
        first = cell.paragraphs[0]
        p = first if not first.text and not first.runs else cell.add_paragraph()
    else:
        p = doc.add_paragraph()
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    else:
        p.alignment = WD_ALIGN_PARAGRAPH.LEFT if cell is not None else WD_ALIGN_PARAGRAPH.JUSTIFY
    if not indent or center or cell is not None:
        p.paragraph_format.first_line_indent = Cm(0)
    if after is not None:
        p.paragraph_format.space_after = Pt(after)
    if text:
        r = p.add_run(text)
        r.bold, r.italic = bold, italic
        if size:
            r.font.size = Pt(size)
    return p


#: Word keeps at most this many characters in a document property (python-docx refuses more).
PROPERTY_MAX = 255


def property_text(text: str) -> str:
    """A document property's text: a longer one cut to :data:`PROPERTY_MAX` characters, ending with '…'."""
    return text if len(text) <= PROPERTY_MAX else text[: PROPERTY_MAX - 1].rstrip() + "…"


def set_properties(doc: Any, title: str, subject: str, day: date) -> None:
    """Set a Word file's properties: written by paradeplan, ``title`` and ``subject`` (cut by
    :func:`property_text`), created and modified on ``day`` (same input, same bytes), revision 1."""
    stamp = datetime(day.year, day.month, day.day)
    cp = doc.core_properties
    cp.author = cp.last_modified_by = "paradeplan"
    cp.title = property_text(title)
    cp.subject = property_text(subject)
    cp.created = cp.modified = stamp
    cp.revision = 1
