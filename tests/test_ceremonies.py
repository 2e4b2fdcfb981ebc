"""Ceremony scheduling: example plans pass the independent checker, wishes are explained, requirements enforced."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from paradeplan.app import run_ceremonies, run_plan
from paradeplan.ceremonies.checker import check_ceremonies
from paradeplan.ceremonies.solver import schedule_ceremonies
from paradeplan.cli.ceremonies import ceremonies_command
from paradeplan.plan.planfile import load_plan, plan_from_text
from paradeplan.render.ceremonies import (
    ceremonies_map_data,
    ceremonies_to_json,
    itineraries_ics,
    run_of_show_all,
    solver_report,
)
from paradeplan.render.planbook import planbook_html

DATA = Path(__file__).resolve().parents[1] / "data"
PLANS = ["longan-2021", "longbien-2023", "bachsam-2024"]

SMALL = """
format: paradeplan.plan/1
event: {{name: Test, week_start: 2023-10-02, week_end: 2023-10-08}}
places:
  - {{id: a, name: Venue A, lat: 10.80, lon: 106.60}}
  - {{id: b, name: Venue B, lat: 10.90, lon: 106.70}}
  - {{id: base, name: Base, lat: 10.80, lon: 106.61}}
people:
  - {{id: boss, name: Boss, base: base, available_from: "07:00", available_until: "{until}", speed_kmh: 30}}
  - {{id: guest, name: Guest, base: base, available_from: "07:00", speed_kmh: 30, wishes: [ca, cb]}}
ceremonies:
  - {{id: ca, name: Ceremony A, venue: a, date: 2023-10-02, window_start: "07:00", window_end: "08:10",
     duration_min: 60, required: [boss]}}
  - {{id: cb, name: Ceremony B, venue: b, date: 2023-10-02, window_start: "08:10", window_end: "09:20",
     duration_min: 60, required: [{req_b}]}}
"""


def _app() -> typer.Typer:
    app = typer.Typer()
    app.command("ceremonies")(ceremonies_command)
    app.command("other")(lambda: None)
    return app


@pytest.fixture(scope="module")
def solved() -> dict[str, tuple[object, dict]]:
    out = {}
    for name in PLANS:
        plan = load_plan(DATA / name / "plan.yaml")
        sched = schedule_ceremonies(plan)
        out[name] = (plan, sched)
    return out


@pytest.mark.parametrize("name", PLANS)
def test_example_plan_passes_checker(solved, name: str) -> None:
    plan, sched = solved[name]
    result = ceremonies_to_json(sched)
    assert result["format"] == "paradeplan.ceremonies/1"
    assert set(result) == {"format", "ceremonies", "people", "attendance", "unmet"}
    assert check_ceremonies(plan, result, sched.instance.travel_raw) == []
    assert solver_report(sched)["status"] == "OPTIMAL"
    assert solver_report(sched)["gap"] == 0.0
    for row in result["attendance"]:
        assert set(row) == {"person", "ceremony", "arrive", "leave", "travel_min"}


@pytest.mark.parametrize("name", PLANS)
def test_ceremonies_json_comes_from_one_definition_and_reads_back(solved, name: str) -> None:
    """ceremonies.json is written and read by one TypeAdapter (ceremonies.files): reading it back and writing it
    again gives the same data; the schema names the format; a wrong document is refused."""
    from paradeplan.ceremonies.files import ceremonies_json, ceremonies_schema, read_ceremonies

    _plan, sched = solved[name]
    data = json.loads(json.dumps(ceremonies_to_json(sched)))
    assert ceremonies_json(read_ceremonies(data)) == data
    assert ceremonies_schema()["properties"]["format"]["const"] == "paradeplan.ceremonies/1"
    with pytest.raises(ValueError, match="format"):
        read_ceremonies({**data, "format": "paradeplan.ceremonies/2"})
    with pytest.raises(ValueError, match="arrive"):
        read_ceremonies({**data, "attendance": [{**data["attendance"][0], "arrive": "at nine"}]})


def test_longan_has_15_ceremonies_and_provincial_leaders_at_tan_an(solved) -> None:
    plan, sched = solved["longan-2021"]
    result = ceremonies_to_json(sched)
    assert len(result["ceremonies"]) == 15
    at_tan_an = {r["person"] for r in result["attendance"] if r["ceremony"] == "kd-tan-an"}
    assert {"pct_tinh", "gd_so_gddt", "ct_hkh_tinh"} <= at_tan_an


def test_infeasible_wish_is_explained_not_dropped(solved) -> None:
    _plan, sched = solved["longan-2021"]
    unmet = {(u["person"], u["ceremony"]): u for u in ceremonies_to_json(sched)["unmet"]}
    far = unmet[("ct_hkh_tinh", "kd-tan-hung")]
    assert not far["required"]
    assert "di chuyển" in far["reason"] and "phút" in far["reason"]  # in the user's language (Vietnamese)
    assert all(u["reason"] for u in unmet.values())


def test_simultaneous_launch_holds(solved) -> None:
    _plan, sched = solved["longbien-2023"]
    starts = {c["start"] for c in ceremonies_to_json(sched)["ceremonies"] if c["id"].startswith("cc-")}
    assert len(starts) == 1
    assert next(iter(starts)).startswith("2023-10-02T07:")


def test_checker_catches_violations(solved) -> None:
    plan, sched = solved["bachsam-2024"]
    result = json.loads(json.dumps(ceremonies_to_json(sched)))
    row = next(r for r in result["attendance"] if r["person"] == "hkh_phuong")
    others = [r for r in result["attendance"] if r["person"] == "hkh_phuong" and r is not row]
    row["arrive"], row["leave"] = others[0]["arrive"], others[0]["leave"]
    result["unmet"] = []
    result["ceremonies"][0]["start"] = result["ceremonies"][0]["start"][:-5] + "03:00"
    problems = check_ceremonies(plan, result, sched.instance.travel_raw)
    assert any("two places" in p or "not within" in p for p in problems)
    assert any("grid" in p or "lasts" in p for p in problems)


@pytest.mark.usefixtures("english")  # matches the English message
def test_required_person_who_cannot_make_it_exit_3() -> None:
    plan = plan_from_text(SMALL.format(until="08:30", req_b="boss"))
    relaxed = schedule_ceremonies(plan)
    failure = relaxed.shortfall
    assert failure is not None and failure.exit_code == 3
    text = str(failure)
    assert "boss at cb" in text
    assert "available only until 08:30" in text or "travel" in text
    assert relaxed.relaxed
    assert any(u.required and u.attendee == "boss" for u in relaxed.unmet)


def test_required_travel_too_long_is_explained() -> None:
    plan = plan_from_text(SMALL.format(until="12:00", req_b="boss"))
    failure = schedule_ceremonies(plan).shortfall
    assert failure is not None
    assert "di chuyển từ Venue" in str(failure) and "mất" in str(failure)


def test_feasible_small_plan_lists_guest_wish(tmp_path: Path) -> None:
    plan = plan_from_text(SMALL.format(until="12:00", req_b="guest"))
    sched = schedule_ceremonies(plan)
    result = ceremonies_to_json(sched)
    assert check_ceremonies(plan, result, sched.instance.travel_raw) == []
    assert ("guest", "cb") in {(r["person"], r["ceremony"]) for r in result["attendance"]}
    unmet = {(u["person"], u["ceremony"]): u["reason"] for u in result["unmet"]}
    assert "mất" in unmet[("guest", "ca")] and "chỉ có" in unmet[("guest", "ca")]


def test_deterministic_json(solved) -> None:
    plan, _ = solved["longbien-2023"]
    a = json.dumps(ceremonies_to_json(schedule_ceremonies(plan)), ensure_ascii=False)
    b = json.dumps(ceremonies_to_json(schedule_ceremonies(plan)), ensure_ascii=False)
    assert a == b
    s1, s2 = schedule_ceremonies(plan), schedule_ceremonies(plan)
    assert itineraries_ics(s1) == itineraries_ics(s2)


def test_outputs_render(solved) -> None:
    _plan, sched = solved["bachsam-2024"]
    text = run_of_show_all(sched, "en")
    assert "07:" in text and "Program" in text
    ics = itineraries_ics(sched)
    assert b"BEGIN:VCALENDAR" in ics and b"DTSTAMP:20241001T000000Z" in ics
    from paradeplan.maps.ceremonies import render_ceremonies_map

    html = render_ceremonies_map(ceremonies_map_data(sched), lang="en")
    assert "OpenStreetMap contributors" in html and "Ceremony venues" in html


@pytest.mark.usefixtures("english")  # matches the English message
def test_cli_writes_folder_and_exit_3(tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "out"
    res = runner.invoke(_app(), ["ceremonies", str(DATA / "bachsam-2024" / "plan.yaml"), "--out", str(out)])
    assert res.exit_code == 0, res.output
    assert (out / "ceremonies.json").exists() and (out / "runofshow.md").exists()
    assert (out / "itineraries" / "all.ics").exists() and (out / "map.html").exists()
    book = (out / "index.html").read_text(encoding="utf-8")  # the plan book with every itinerary
    doc = json.loads((out / "ceremonies.json").read_text(encoding="utf-8"))
    for person in doc["people"]:
        assert html.escape(person["name"]) in book
    assert 'href="map.html"' in book or "map.html" in book
    bad = tmp_path / "bad.yaml"
    bad.write_text(SMALL.format(until="08:30", req_b="boss"), encoding="utf-8")
    res = runner.invoke(_app(), ["ceremonies", str(bad), "--out", str(tmp_path / "out2")])
    assert res.exit_code == 3
    assert "boss at cb" in res.output


def _person_rows(page: str, person: str) -> list[list[str]]:
    """The itinerary rows (cells unescaped) of one person's block in the plan book."""
    block = re.search(rf'<div class="unit" id="person-{re.escape(person)}">(.*?)</div>', page, re.S)
    assert block, person
    body = block.group(1).split("<tbody>")[-1]
    return [
        [html.unescape(c) for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
        for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)
    ]


@pytest.fixture(scope="module")
def planned(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("plan") / "longan"
    run_plan(DATA / "longan-2021" / "plan.yaml", out)
    return out


def test_plan_book_shows_every_itinerary(planned: Path) -> None:
    page = (planned / "index.html").read_text(encoding="utf-8")
    result = json.loads((planned / "ceremonies" / "ceremonies.json").read_text(encoding="utf-8"))
    cers = {c["id"]: c for c in result["ceremonies"]}
    assert page.startswith("<!DOCTYPE html>") and "<script" not in page and 'lang="vi"' in page
    assert "Lịch trình từng đại biểu" in page and 'href="ceremonies/ceremonies.json"' in page
    assert 'href="map-public.html"' not in page
    for c in result["ceremonies"]:
        block = page.split(f'id="ceremony-{c["id"]}">', 1)[1].split("</div>", 1)[0]
        assert f"{c['start'][11:16]}–{c['end'][11:16]}" in block
    attended = 0
    for person in result["people"]:
        stops = sorted(
            (r for r in result["attendance"] if r["person"] == person["id"]), key=lambda r: (r["arrive"], r["ceremony"])
        )
        rows = _person_rows(page, person["id"])
        if not stops:
            assert rows == []
            continue
        assert len(rows) == len(stops), person["id"]
        for i, (row, stop) in enumerate(zip(rows, stops, strict=True), start=1):
            day = stop["arrive"][:10]
            assert row[:4] == [str(i), f"{day[8:10]}/{day[5:7]}/{day[:4]}", stop["arrive"][11:16], stop["leave"][11:16]]
            assert row[4] == cers[stop["ceremony"]]["name"]
            assert row[6] == ("" if stop["travel_min"] is None else str(stop["travel_min"]))
        attended += len(rows)
    assert attended == len(result["attendance"]) > 0
    assert result["unmet"]
    unmet = page.split('id="unmet"', 1)[1]
    for u in result["unmet"]:
        assert html.escape(u["reason"], quote=True) in unmet


def test_plan_book_english_and_plain_values() -> None:
    plan = load_plan(DATA / "bachsam-2024" / "plan.yaml")
    book = run_ceremonies(plan, "en").book
    page = planbook_html(None, None, plan, lang="en", ceremonies=book)
    assert 'lang="en"' in page and "Itineraries" in page and "Lịch trình" not in page
    assert "Arrive" in page and "Travel (min)" in page and "1 October 2024" in page
    assert "Every required and wished attendance is met." in page
    assert page == planbook_html(None, None, plan, lang="en", ceremonies=run_ceremonies(plan, "en").book)


HOSTILE = "<img src=x onerror=alert(1)>"


def test_plan_book_escapes_hostile_names(tmp_path: Path) -> None:
    text = SMALL.format(until="12:00", req_b="guest").replace("name: Boss,", f"name: '{HOSTILE} & \"Boss\"',")
    text = text.replace("name: Venue A,", f"name: '{HOSTILE}',").replace("name: Base,", f"name: '{HOSTILE} base',")
    text = text.replace("name: Ceremony A,", "name: '<script>alert(2)</script>',")
    assert text.count(HOSTILE) == 3
    plan_file = tmp_path / "plan.yaml"
    plan_file.write_text(text, encoding="utf-8")
    run_plan(plan_file, tmp_path / "out")
    page = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert "<img" not in page and "<script" not in page
    assert "&lt;img src=x onerror=alert(1)&gt; &amp; &quot;Boss&quot;" in page
    rows = _person_rows(page, "boss")
    assert rows and rows[0][4] == "<script>alert(2)</script>" and rows[0][5] == HOSTILE
    assert rows[0][7] == f"{HOSTILE} base"


def test_plan_book_is_byte_identical_across_runs(planned: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    run_plan(DATA / "longan-2021" / "plan.yaml", again)
    assert (again / "index.html").read_bytes() == (planned / "index.html").read_bytes()
    assert (again / "ceremonies" / "ceremonies.json").read_bytes() == (
        planned / "ceremonies" / "ceremonies.json"
    ).read_bytes()
