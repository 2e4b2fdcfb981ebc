"""Text PDFs for the importer's tests: a route line typeset over the page break, under a running header (fpdf2)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

#: A Unicode TTF font that typesets Vietnamese text (Debian's fonts-dejavu-core).
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
#: Body text size and line height (pt, mm).
SIZE, LINE = 13, 6.5


def _first_page(pdf: Any, head: list[str]) -> None:
    """Set up an A4 document in the Decree 30 margins with the body font, and write the ``head`` lines on page 1."""
    pdf.set_margins(30, 20, 20)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.add_page()
    pdf.set_font("DejaVu", size=SIZE)
    for line in head:
        pdf.multi_cell(0, LINE, line, new_x="LMARGIN", new_y="NEXT")


def route_over_page_break(
    path: Path, head: list[str], route: str, running: str, running_size: int = SIZE, running_line: float = LINE
) -> Path:
    """Write ``path``: the ``head`` lines, then ``route`` starting on the last line of page 1 so that it runs onto
    page 2, whose top carries ``running`` (in ``running_size`` print) as every later page's header."""
    fpdf = pytest.importorskip("fpdf")

    class Doc(fpdf.FPDF):  # type: ignore[misc,name-defined]
        def header(self) -> None:
            if self.page_no() > 1:
                self.set_font("DejaVu", size=running_size)
                self.cell(0, running_line, running, align="C", new_x="LMARGIN", new_y="NEXT")
                self.set_font("DejaVu", size=SIZE)

    pdf = Doc(format="A4")
    _first_page(pdf, head)
    pdf.set_y(pdf.h - pdf.b_margin - LINE * 1.6)
    pdf.multi_cell(0, LINE, route, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


def borderless_table(path: Path, head: list[str], rows: list[tuple[str, ...]], widths: tuple[float, ...]) -> Path:
    """Write ``path``: the ``head`` lines, then a table without borders, each row's cells typeset side by side in
    columns of ``widths`` (mm) and wrapped inside them, as Word prints a programme laid out in a borderless table."""
    fpdf = pytest.importorskip("fpdf")

    pdf = fpdf.FPDF(format="A4")
    _first_page(pdf, head)
    for row in rows:
        top, x, bottom = pdf.get_y(), pdf.l_margin, pdf.get_y()
        for cell, width in zip(row, widths, strict=True):
            pdf.set_xy(x, top)
            lines = pdf.multi_cell(width, LINE, cell, align="L", new_x="RIGHT", new_y="TOP", output="LINES")
            bottom = max(bottom, top + LINE * len(lines))
            x += width + 4
        pdf.set_xy(pdf.l_margin, bottom)
    pdf.output(str(path))
    return path
