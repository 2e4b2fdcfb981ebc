"""Word paragraphs: the one helper that adds a paragraph (justified, indented, bold…) to a python-docx document."""

from __future__ import annotations

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
