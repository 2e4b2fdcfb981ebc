"""What an imported plan holds, read the way the importer tests compare it: ceremonies by date, time and venue name,
each person's ceremonies by venue name, a parade's steps by name."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from paradeplan.importer import import_text

_ROOT = Path(__file__).resolve().parents[1]
#: The five seed documents (../shared/seeds beside the repository, or two levels up in a worktree).
SEEDS = next(
    (p for p in (_ROOT.parent / "shared" / "seeds", _ROOT.parents[1] / "shared" / "seeds") if p.is_dir()),
    _ROOT.parent / "shared" / "seeds",
)
#: Seed 000: Quận 12's loudspeaker and float parade (2023), as the ward wrote it; None without the seeds.
SEED000 = next(iter(sorted(SEEDS.glob("000_*.txt"))), None) if SEEDS.is_dir() else None

#: A ward plan's letterhead (old Quận 12), its ward, the ward as the place line writes it, and the year to fill in.
WARD = "UBND QUẬN 12\nỦY BAN NHÂN DÂN PHƯỜNG {ward}\nSố: 88/KH-UBND\n{ward_t}, ngày 18 tháng 9 năm {year}\nKẾ HOẠCH\n"


def plan_data(text: str, source: str = "p.txt") -> dict[str, Any]:
    """The plan file's data the importer writes for a document's text."""
    return import_text(text, source).data


def place_names(data: dict[str, Any]) -> dict[str, str]:
    """Each place's name by its id."""
    return {p["id"]: p["name"] for p in data.get("places") or []}


def ceremonies_of(data: dict[str, Any]) -> list[tuple[str, str, str]]:
    """The ceremonies as (date, "HH:MM", venue name), sorted."""
    names = place_names(data)
    return sorted(
        (str(c["date"]), str(c["window_start"])[:5], names.get(c["venue"], c["venue"]))
        for c in data.get("ceremonies") or []
    )


def wishes_of(data: dict[str, Any]) -> dict[str, list[str]]:
    """Each person's ceremonies, by venue name, in their order."""
    names = place_names(data)
    venue = {c["id"]: names.get(c["venue"], c["venue"]) for c in data.get("ceremonies") or []}
    return {p["name"]: [venue[w] for w in p["wishes"]] for p in data.get("people") or []}


def route_of(data: dict[str, Any]) -> list[str]:
    """The first parade's steps: each street's name, each place's name."""
    names = place_names(data)
    return [s.get("street") or names.get(s.get("place"), "") for s in data["parades"][0]["route"]]
