"""Spreadsheet formula neutralising: text from user data never runs as a formula in Excel or LibreOffice."""

from __future__ import annotations

from typing import Any

#: Leading characters that make a spreadsheet treat a cell as a formula (or DDE) when typed or imported.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def is_risky(value: Any) -> bool:
    """True for a string a spreadsheet could run as a formula."""
    return isinstance(value, str) and value.startswith(FORMULA_START)


def neutralise(value: Any) -> Any:
    """The value made safe for a CSV cell: risky strings get a leading apostrophe; other values unchanged.

    Parameters
    ----------
    value : Any
        A cell value.

    Returns
    -------
    Any
        ``"'" + value`` for strings starting with ``=``, ``+``, ``-``, ``@``, tab or CR (and their full-width
        forms); the value itself otherwise.
    """
    if is_risky(value):
        return "'" + value
    return value


def set_text_cell(cell: Any, value: Any) -> None:
    """Put ``value`` into an openpyxl cell so that it is always stored as text, never as a formula.

    Strings are stored as strings (data type ``s``); risky ones also get the "quote prefix" cell style, which is
    how Excel itself marks text typed with a leading apostrophe. Numbers, times and None are stored as is.

    Parameters
    ----------
    cell : openpyxl.cell.Cell
        The cell.
    value : Any
        The value.
    """
    if isinstance(value, str):
        cell.value = value
        cell.data_type = "s"
        if is_risky(value):
            cell.quotePrefix = True
    else:
        cell.value = value
