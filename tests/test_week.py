"""The week's calendar: Quận 12 rounds placed without clashes; an over-full week is reported clearly."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from paradeplan.app import run_plan
from paradeplan.ceremonies.week import schedule_week
from paradeplan.ceremonies.week_checker import check_week
from paradeplan.cli.ceremonies import week_command
from paradeplan.plan.planfile import load_plan, plan_from_text
from paradeplan.render.week import week_ics, week_to_json

DATA = Path(__file__).resolve().parents[1] / "data"

FULL = """
format: paradeplan.plan/1
event: {name: Full week, week_start: 2023-10-02, week_end: 2023-10-03}
places:
  - {id: w1, name: Ward 1, lat: 10.86, lon: 106.65}
  - {id: w2, name: Ward 2, lat: 10.88, lon: 106.67}
teams:
  - {id: van, name: Loudspeaker van, speed_kmh: 25}
rounds:
  - {id: r1, name: Round 1, start_place: w1, days: [2023-10-02], window_start: "07:00", window_end: "11:00",
     duration_min: 150, uses: [van]}
  - {id: r2, name: Round 2, start_place: w2, days: [2023-10-02], window_start: "07:00", window_end: "11:00",
     duration_min: 150, uses: [van]}
  - {id: r3, name: Round 3, start_place: w2, days: [2023-10-02, 2023-10-03], window_start: "07:00",
     window_end: "11:00", duration_min: 60, uses: [van]}
"""


def _app() -> typer.Typer:
    app = typer.Typer()
    app.command("week")(week_command)
    app.command("other")(lambda: None)
    return app


def test_quan12_week_places_every_round_without_clash() -> None:
    plan = load_plan(DATA / "quan12-2023-week" / "plan.yaml")
    week = schedule_week(plan)
    assert len(week.placed) == 11 and not week.unplaced
    assert check_week(week) == []
    by_day: dict[str, list] = {}
    for r in week.placed:
        by_day.setdefault(r.start.date().isoformat(), []).append(r)
        assert r.start.date().isoformat() != "2023-10-02"
    for rows in by_day.values():
        rows.sort(key=lambda r: r.start)
        for a, b in zip(rows, rows[1:], strict=False):
            assert a.end <= b.start
    data = week_to_json(week)
    assert data["format"] == "paradeplan.week/1" and len(data["rounds"]) == 11
    assert week_ics(week) == week_ics(schedule_week(plan))
    assert json.dumps(data) == json.dumps(week_to_json(schedule_week(plan)))
    # one definition (ceremonies.files): read back and written again, the same data
    from paradeplan.ceremonies.files import read_week, week_json

    plain = json.loads(json.dumps(data))
    assert week_json(read_week(plain)) == plain


@pytest.mark.usefixtures("english")  # matches the English message
def test_over_full_week_is_reported() -> None:
    plan = plan_from_text(FULL)
    week = schedule_week(plan)
    err = week.shortfall
    assert err is not None and err.exit_code == 3
    text = str(err)
    assert "could not be placed" in text
    assert "fix:" in text and ("allow another day" in text or "widen the window" in text)
    assert "another van" in text
    assert week.status == "TOO_FULL"
    assert len(week.placed) == 2 and len(week.unplaced) == 1
    assert check_week(week) == []


@pytest.mark.usefixtures("english")  # matches the English message
def test_week_cli(tmp_path: Path) -> None:
    runner = CliRunner()
    res = runner.invoke(_app(), ["week", str(DATA / "quan12-2023-week" / "plan.yaml"), "--out", str(tmp_path / "w")])
    assert res.exit_code == 0, res.output
    assert (tmp_path / "w" / "week.json").exists() and (tmp_path / "w" / "week.ics").exists()
    book = (tmp_path / "w" / "index.html").read_text(encoding="utf-8")
    week = json.loads((tmp_path / "w" / "week.json").read_text(encoding="utf-8"))
    assert week["rounds"] and all(r["start"][11:16] in book for r in week["rounds"])
    bad = tmp_path / "full.yaml"
    bad.write_text(FULL, encoding="utf-8")
    res = runner.invoke(_app(), ["week", str(bad), "--out", str(tmp_path / "w2")])
    assert res.exit_code == 3
    assert "could not be placed" in res.output
    assert (tmp_path / "w2" / "week.md").exists()


def test_plan_book_shows_the_week(tmp_path: Path) -> None:
    out = tmp_path / "week-plan"
    run_plan(DATA / "quan12-2023-week" / "plan.yaml", out)
    page = (out / "index.html").read_text(encoding="utf-8")
    data = json.loads((out / "week" / "week.json").read_text(encoding="utf-8"))
    section = page.split('<section id="week"', 1)[1].split("</section>", 1)[0]
    assert "Lịch tuần" in section and "<script" not in page and 'href="week/week.ics"' in page
    for day in sorted({r["date"] for r in data["rounds"]}):
        assert f"Ngày {day[8:10]} tháng {day[5:7]} năm {day[:4]}" in section
    rows = [
        (html.unescape(when), html.unescape(name))
        for when, name in re.findall(r"<tr><td[^>]*>(.*?)</td><td[^>]*>(.*?)</td>", section)
    ]
    assert rows == [(f"{r['start'][11:16]}–{r['end'][11:16]}", r["name"]) for r in data["rounds"]]
    again = tmp_path / "again"
    run_plan(DATA / "quan12-2023-week" / "plan.yaml", again, lang="en")
    en = (again / "index.html").read_text(encoding="utf-8")
    assert "Week calendar" in en and "3 October 2023" in en
    run_plan(DATA / "quan12-2023-week" / "plan.yaml", again)
    assert (again / "index.html").read_bytes() == page.encode("utf-8")


def test_week_checker_catches_a_broken_calendar() -> None:
    from dataclasses import replace
    from datetime import timedelta

    plan = load_plan(DATA / "quan12-2023-week" / "plan.yaml")
    week = schedule_week(plan)
    a = week.placed[0]
    b = next(p for p in week.placed[1:] if set(p.uses) & set(a.uses))
    clash = replace(b, start=a.start, end=a.start + (b.end - b.start))  # one unit in two rounds at once
    shifted = replace(a, start=a.start.replace(hour=3), end=a.start.replace(hour=3) + (a.end - a.start))
    wrong_day = replace(a, start=a.start + timedelta(days=30), end=a.end + timedelta(days=30))
    for broken, words in (
        ([a, clash], "but the move takes"),
        ([shifted], "outside"),
        ([wrong_day], "not an allowed day"),
    ):
        found = check_week(replace(week, placed=broken))
        assert any(words in f for f in found), (words, found)


def test_checkers_load_no_solver() -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "import paradeplan.parade.checker, paradeplan.posts.checker, paradeplan.ceremonies.checker\n"
        "import paradeplan.ceremonies.week_checker, paradeplan.parade.schedule_json\n"
        "bad = sorted(m for m in sys.modules if m.startswith('ortools') or m in (\n"
        "    'paradeplan.posts.solver', 'paradeplan.ceremonies.solver', 'paradeplan.ceremonies.week',\n"
        "    'paradeplan.parade.assembly', 'paradeplan.parade.escort', 'paradeplan.parade.lineup',\n"
        "    'paradeplan.parade.onward', 'paradeplan.cpsat'))\n"
        "print(bad)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]", out
