"""Find files shipped with paradeplan (the embedded data set, gazetteer, example plans)."""

from __future__ import annotations

from pathlib import Path

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
