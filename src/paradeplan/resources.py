"""Files paradeplan reads: the shipped ones (embedded data set, gazetteer, example plans) and users' UTF-8 text."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from paradeplan.errors import InputError, Problem

_PKG_DATA = Path(__file__).parent / "data"


def data_dir() -> Path:
    """The folder holding the shipped data (``src/paradeplan/data`` links to the checkout's ``data/``)."""
    return _PKG_DATA


def data_path(*parts: str) -> Path:
    """Path of a shipped data file, e.g. ``data_path("quan12-2023", "plan.yaml")``."""
    return data_dir().joinpath(*parts)


def demo_plan_path() -> Path:
    """The embedded Quận 12 2023 plan."""
    return data_path("quan12-2023", "plan.yaml")


def decode_utf8(data: bytes, file: str | None, hint: str, message: str | None = None) -> str:
    """A user's file as text (UTF-8, a byte-order mark allowed); an ``InputError`` naming the file, the line and
    the column of the first byte that is not UTF-8 otherwise (``"<message> (byte 0xNN)"``, with ``hint``)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        from paradeplan.i18n import _

        what = message or _("not valid UTF-8")
        problem = Problem(
            _("{what} (byte 0x{byte:02x})").format(what=what, byte=data[exc.start]), file, line, col, hint=hint
        )
        raise InputError(problems=[problem]) from None


#: A JSON escape of a UTF-16 surrogate (``\ud800``): valid JSON, but alone it is no character.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def lone_surrogate(text: str, data: Any) -> tuple[str, int] | None:
    """Where parsed JSON holds half of a UTF-16 pair (no character: it cannot be written as UTF-8), as (the key
    path, e.g. ``posts[0].id``, with such halves shown escaped; the half's code), or None. ``text`` is the JSON it
    was parsed from: without a surrogate escape in it there is nothing to look for."""
    if not _SURROGATE_ESCAPE.search(text):
        return None
    stack: list[tuple[str, Any]] = [("", data)]  # a loop, not recursion: a body may nest as deep as json allows
    while stack:
        where, value = stack.pop()
        if isinstance(value, str):
            half = next((ord(c) for c in value if 0xD800 <= ord(c) <= 0xDFFF), None)
            if half is not None:
                return where.encode("utf-8", "backslashreplace").decode("utf-8"), half
        elif isinstance(value, dict):
            paths = [f"{where}.{k}" if where else str(k) for k in value]
            stack += [(path, v) for path, v in zip(paths, value.values(), strict=True)][::-1]
            stack += [(path, k) for path, k in zip(paths, value, strict=True)][::-1]  # keys before values
        elif isinstance(value, list):
            stack += [(f"{where}[{i}]", v) for i, v in enumerate(value)][::-1]
    return None
