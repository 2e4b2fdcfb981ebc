"""Files paradeplan reads: the shipped ones (embedded data set, gazetteer, example plans) and users' UTF-8 text."""

from __future__ import annotations

from pathlib import Path

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
