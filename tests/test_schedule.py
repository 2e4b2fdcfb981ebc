"""Convoy timing, posts, escort assignment, line-up, marshalling and onward slots on the real Quận 12 plan."""

from __future__ import annotations

import csv
import json
import re
from datetime import time
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from paradeplan import posts
from paradeplan.app import run_plan
from paradeplan.cli import app
from paradeplan.parade.checker import check_onward, check_schedule
from paradeplan.parade.schedule import ParadeSchedule
from paradeplan.parade.schedule_json import from_json, to_json, validate_shape
from paradeplan.parade.timing import (
    Stretch,
    build_timetable,
    column_length_m,
    column_members,
    expand_vehicles,
    uturn_extra_s,
)
from paradeplan.plan.model import Parade, RouteStep, VehicleGroup

runner = CliRunner()


def _sec(text: str) -> int:
    h, m, *rest = (int(x) for x in text.split(":"))
    return h * 3600 + m * 60 + (rest[0] if rest else 0)


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from paradeplan.resources import demo_plan_path

    out = tmp_path_factory.mktemp("demo") / "out"
    result = run_plan(demo_plan_path(), out)
    assert not result.shortfall, result.shortfall
    return out


def _load(out: Path, name: str) -> dict:
    return json.loads((out / name).read_text(encoding="utf-8"))


def _typed(out: Path) -> tuple[ParadeSchedule, posts.Instance]:
    """schedule.json and posts.json of a results folder, read back into their types."""
    return from_json(_load(out, "schedule.json")), posts.load_instance(out / "posts.json")


def test_full_schedule_is_checked_and_complete(demo_run: Path) -> None:
    s = _load(demo_run, "schedule.json")
    inst = _load(demo_run, "posts.json")
    sol = _load(demo_run, "posts-solution.json")
    validate_shape(s)
    typed, instance = _typed(demo_run)
    assert check_schedule(typed, instance) == []
    assert check_onward(typed) == []
    # the contract's own loader and checker accept what the pipeline wrote
    i = posts.load_instance(inst)
    assert len(i.posts) == len(s["posts"]) >= 15
    assert sol["format"] == "paradeplan.posts-solution/1"
    assert sol["uncovered"] == [] and sol["covered"] == sol["required"]
    assert sol["status"] == "optimal"
    assert sum(sol["lower_bound"].values()) <= sol["units_used"]
    p = s["parade"]
    assert 39.0 <= p["total_km"] <= 44.0
    assert p["assembly"]["time"] == "07:30:00" and p["departure"] == "08:00:00"
    # every police unit of the seed appears: 2 lead + 4 route-guard cars, 20 motorbikes
    kinds = [(u["kind"], u["role"]) for u in s["units"]]
    assert kinds.count(("police_car", "lead")) == 2
    assert kinds.count(("police_car", "route_guard")) == 4
    assert kinds.count(("police_motorbike", "route_guard")) == 20
    assert [u["ride"] for u in s["units"] if u["role"] == "lead"] == ["head", "head"]


def test_timetable_and_posts_follow_the_column(demo_run: Path) -> None:
    s = _load(demo_run, "schedule.json")
    heads = [_sec(r["head"]) for r in s["timetable"]]
    assert heads == sorted(heads)
    kinds = [r["kind"] for r in s["timetable"]]
    assert kinds[0] == "start" and kinds[-1] == "end" and kinds.count("uturn") == 2
    uturn_posts = [p for p in s["posts"] if p["kind"] == "uturn"]
    assert len(uturn_posts) == 2
    for p in uturn_posts:  # lanes must be blocked at U-turns: a car and two motorbikes, all held
        assert p["need"] == {"police_car": 1, "police_motorbike": 2}
        assert len(p["units"]) == 3
    for p in s["posts"]:
        for pas in p["passages"]:
            assert _sec(p["open"]) <= _sec(pas["head"]) - 3 * 60 + 1  # lead time 3 min
            assert _sec(p["close"]) >= _sec(pas["tail"]) + 60 - 1  # clearance 1 min
    closures = s["closures"]
    assert len(closures["posts"]) == len(s["posts"])
    assert [c["seq"] for c in closures["stretches"]] == sorted(c["seq"] for c in closures["stretches"])


def test_motorbikes_leapfrog_ahead_of_the_column(demo_run: Path) -> None:
    s = _load(demo_run, "schedule.json")
    multi = [u for u in s["units"] if u["kind"] == "police_motorbike" and len(u["runs"]) > 1]
    assert multi, "no motorbike holds more than one post"
    for u in multi:
        releases = [_sec(r["release_at"]) for r in u["runs"]]
        holds = [_sec(r["hold_from"]) for r in u["runs"]]
        assert all(h2 >= r1 for r1, h2 in zip(releases, holds[1:], strict=False))


def test_lineup_and_marshalling(demo_run: Path) -> None:
    rows = list(csv.DictReader((demo_run / "lineup.csv").open(encoding="utf-8")))
    assert [r["role"] for r in rows[:2]] == ["lead", "lead"]
    assert rows[2]["unit"] == "xe-hoa-quan"  # the district float heads the floats
    assert rows[-1]["kind"] == "police_car" and rows[-1]["role"] == "route_guard"  # a guard car closes
    assert sum(1 for r in rows if r["kind"] == "flower_float") == 12
    assert any(r["kind"] == "loudspeaker" for r in rows)
    slots: dict[str, int] = {}
    prev = ""
    for r in rows:
        assert r["arrive_to"] <= "07:30"  # everyone in place by the assembly time
        assert r["arrive_from"] >= prev  # further forward arrives no later: nobody passes
        prev = r["arrive_from"]
        slots[r["arrive_from"]] = slots.get(r["arrive_from"], 0) + 1
        assert float(r["staging_to_m"]) <= 450
    assert max(slots.values()) <= 8  # entrance limit per slot


def test_onward_parading_never_shares_a_segment(demo_run: Path) -> None:
    s = _load(demo_run, "schedule.json")
    users: dict[str, set[str]] = {}
    for o in s["onward"]:
        for leg in o["legs"]:
            if leg["mode"] == "parade":
                users.setdefault(leg["segment"], set()).add(o["unit"])
    assert any(len(v) > 1 for v in users.values()), "the demo should exercise shared segments"
    assert check_onward(from_json(s)) == []
    rows = list(csv.DictReader((demo_run / "onward.csv").open(encoding="utf-8")))
    assert set(rows[0]) == {"unit", "seq", "mode", "segment", "street", "enter", "leave"}
    ward_units = {o["unit"] for o in s["onward"] if o["unit"].startswith("XH-")}
    assert len(ward_units) == 11


def test_checker_catches_a_broken_schedule(demo_run: Path) -> None:
    s = _load(demo_run, "schedule.json")
    instance = posts.load_instance(demo_run / "posts.json")
    post = next(p for p in s["posts"] if p["units"])
    post["units"].append(post["units"][0])  # over-fill
    unit = next(u for u in s["units"] if len(u["runs"]) > 1)
    unit["runs"][1]["hold_from"] = unit["runs"][0]["hold_from"]  # two places at once
    s["timetable"][3]["tail"] = "00:00:00"
    found = "\n".join(check_schedule(from_json(s), instance))
    assert "but the need is" in found
    assert "cannot reach" in found
    assert "before head" in found


def test_onward_checker_catches_a_shared_segment(demo_run: Path) -> None:
    s = _load(demo_run, "schedule.json")
    shared: dict[str, list[tuple[dict, dict]]] = {}
    for o in s["onward"]:
        for leg in o["legs"]:
            if leg["mode"] == "parade":
                shared.setdefault(leg["segment"], []).append((o, leg))
    seg, users = next((k, v) for k, v in shared.items() if len({o["unit"] for o, _ in v}) > 1)
    (o1, first), (o2, second) = users[0], next(x for x in users if x[0]["unit"] != users[0][0]["unit"])
    second["enter"], second["leave"] = first["enter"], first["leave"]  # both on one segment at once
    back = next(i for i, leg in enumerate(o2["legs"]) if leg is second)
    if back:
        o2["legs"][back - 1]["leave"] = first["enter"]
    found = check_onward(from_json(s))
    assert any(f"parade on segment {seg} at the same time" in f for f in found), found
    o1["legs"][1]["enter"] = "00:00:00"  # a leg that starts before the previous one ends
    assert any("starts before the previous one ends" in f for f in check_onward(from_json(s)))


def test_schedule_json_round_trip(demo_run: Path) -> None:
    data = _load(demo_run, "schedule.json")
    typed = from_json(data)
    assert to_json(typed) == data
    assert from_json(to_json(typed)) == typed
    assert (demo_run / "schedule.json").read_text(encoding="utf-8") == json.dumps(
        to_json(typed), ensure_ascii=False, indent=2
    ) + "\n"


def test_deterministic_outputs(demo_run: Path, tmp_path: Path) -> None:
    from paradeplan.resources import demo_plan_path

    again = tmp_path / "again"
    run_plan(demo_plan_path(), again)
    for name in (
        "schedule.json",
        "posts.json",
        "posts-solution.json",
        "route.geojson",
        "lineup.csv",
        "onward.csv",
        "plan.json",
    ):
        assert (again / name).read_bytes() == (demo_run / name).read_bytes(), name


def _variant(tmp_path: Path, demo_plan: Path, edit) -> Path:  # type: ignore[no-untyped-def]
    data = yaml.safe_load(demo_plan.read_text(encoding="utf-8"))
    edit(data)
    p = tmp_path / "plan.yaml"
    p.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return p


def test_too_few_units_exit_3_with_fixes(tmp_path: Path, demo_plan: Path) -> None:
    def edit(d: dict) -> None:
        for g in d["parades"][0]["groups"]:
            if g["id"] == "mo-to":
                g["count"] = 2
            if g["id"] == "csgt-bao-ve":
                g["count"] = 1

    plan = _variant(tmp_path, demo_plan, edit)
    out = tmp_path / "out"
    r = runner.invoke(app, ["plan", str(plan), "--out", str(out)])
    assert r.exit_code == 3, r.output
    # in the user's language (Vietnamese by default), kinds in words, never the plan file's value
    assert re.search(r"chưa có lực lượng giữ: .*× Xe mô tô", r.stderr), r.stderr
    assert re.search(r"cách khắc phục: thêm \d+ Xe mô tô", r.stderr), r.stderr
    assert "police_motorbike" not in r.stderr
    sol = json.loads((out / "posts-solution.json").read_text(encoding="utf-8"))
    assert sol["uncovered"]
    s = json.loads((out / "schedule.json").read_text(encoding="utf-8"))
    assert s["escort"]["fixes"]
    assert "Traceback" not in r.output


@pytest.mark.usefixtures("english")  # matches the English message
def test_staging_too_short_is_reported(tmp_path: Path, demo_plan: Path) -> None:
    def edit(d: dict) -> None:
        d["parades"][0]["staging"]["length_m"] = 120

    plan = _variant(tmp_path, demo_plan, edit)
    out = tmp_path / "out"
    r = runner.invoke(app, ["plan", str(plan), "--out", str(out)])
    assert r.exit_code == 3, r.output
    assert re.search(
        r"staging stretch is too short: the column needs [\d,]+ m, the stretches give 120 m — "
        r"\d+ m short",
        r.stderr,
    )
    assert not out.exists()


def test_contradictory_lineup_rules_named(tmp_path: Path, demo_plan: Path) -> None:
    def edit(d: dict) -> None:
        d["parades"][0]["lineup"]["order"] = ["xe-hoa-quan", "csgt-mo-duong", "csgt-bao-ve", "xe-loa"]

    plan = _variant(tmp_path, demo_plan, edit)
    r = runner.invoke(app, ["plan", str(plan), "--out", str(tmp_path / "out")])
    assert r.exit_code == 2, r.output
    assert "xe dẫn đoàn đi đầu" in r.stderr  # the rule named in the user's language (Vietnamese by default)
    assert "tail_group" in r.stderr
    for line in r.stderr.strip().splitlines():  # FILE:LINE:COL: field: message (found when the plan is read,
        # so that `validate` refuses it too: the field by position)
        assert re.match(rf"{re.escape(str(plan))}:\d+:\d+: parades(?:\[0\]|\.xe-hoa-2023)\.lineup\.", line), line
    assert not (tmp_path / "out").exists()


def _parade(groups: tuple[VehicleGroup, ...]) -> Parade:
    return Parade(
        id="p",
        name="p",
        date=__import__("datetime").date(2023, 10, 2),
        assembly_place="a",
        assembly_time=time(7, 30),
        departure_time=time(8, 0),
        route=(RouteStep(place="a"), RouteStep(street="X")),
        groups=groups,
        speed_limit_kmh=15,
    )


def test_timing_rules() -> None:
    small = _parade((VehicleGroup(id="f", kind="flower_float", count=2, length_m=8),))
    big = _parade((VehicleGroup(id="f", kind="flower_float", count=2, length_m=16),))
    ms = column_members(small, expand_vehicles(small))
    mb = column_members(big, expand_vehicles(big))
    assert column_length_m(ms) == pytest.approx(8 + 8 + 10)
    assert uturn_extra_s(mb) > uturn_extra_s(ms)  # U-turns cost more with longer vehicles
    stretches = [Stretch(1, "X", 0.0, 1500.0, "trunk"), Stretch(2, "Y", 1500.0, 1500.0, "residential")]
    tt = build_timetable(small, stretches, [1500.0], ms)
    v = 15 / 3.6
    assert tt.head_s(1500.0, after=False) == pytest.approx(8 * 3600 + 1500 / v)
    assert tt.head_s(1500.0) == pytest.approx(8 * 3600 + 1500 / v + uturn_extra_s(ms))
    assert tt.tail_s(0.0) == pytest.approx(8 * 3600 + 26 / v)
    assert tt.finish_head_s == pytest.approx(8 * 3600 + 3000 / v + uturn_extra_s(ms))


def test_lineup_csv_neutralises_formulas(tmp_path: Path, demo_plan: Path) -> None:
    def edit(d: dict) -> None:
        for g in d["parades"][0]["groups"]:
            if g["id"] == "xe-hoa-quan":
                g["owner"] = '=HYPERLINK("http://x","y")'

    plan = _variant(tmp_path, demo_plan, edit)
    out = tmp_path / "out"
    run_plan(plan, out)
    rows = list(csv.DictReader((out / "lineup.csv").open(encoding="utf-8")))
    owner = next(r["owner"] for r in rows if r["unit"] == "xe-hoa-quan")
    assert owner == '\'=HYPERLINK("http://x","y")'


def test_staging_paths_published(demo_run: Path) -> None:
    from paradeplan.geo.distance import haversine_m
    from paradeplan.geo.streets import load_graph

    s = _load(demo_run, "schedule.json")
    paths = s["staging_paths"]
    keys = [(p["from"], p["via"] or "") for p in paths]
    assert keys == sorted(set(keys))  # one per (base, gathering), sorted
    wanted = {(r["from"], (r["via"] or {}).get("place") or "") for r in s["staging"] if r["from"]}
    assert set(keys) == wanted
    graph = load_graph("builtin:quan12")
    nodes = {(round(float(d["y"]), 6), round(float(d["x"]), 6)) for _, d in graph.nodes(data=True)}
    for p in paths:
        assert len(p["coords"]) >= 2
        for lat, lon in p["coords"]:
            assert (lat, lon) in nodes and round(lat, 6) == lat and round(lon, 6) == lon
        assert all(a != b for a, b in zip(p["coords"], p["coords"][1:], strict=False))  # no repeated points
    # the loudspeaker's trip passes its gathering square; its length matches travel_km
    loa = next(p for p in paths if p["via"])
    place = next(q for q in _load(demo_run, "plan.json")["places"] if q["id"] == loa["via"])
    assert min(haversine_m(place["lat"], place["lon"], la, lo) for la, lo in loa["coords"]) < 300
    row = next(r for r in s["staging"] if r["via"])
    metres = sum(haversine_m(*a, *b) for a, b in zip(loa["coords"], loa["coords"][1:], strict=False))
    assert abs(metres / 1000 - row["travel_km"]) < 0.15 * row["travel_km"]
    schema = _load(demo_run, "schedule.schema.json")
    assert "staging_paths" in schema["required"]
    broken = dict(s, staging_paths=[{"from": "x", "via": None}])
    with pytest.raises(ValueError):
        from_json(broken)


def test_staging_paths_leave_out_straight_fallbacks() -> None:
    from paradeplan.parade.assembly import _Gathered, _join, _street_path, _Trip, staging_paths
    from paradeplan.parade.schedule import StagingPath

    a, b = (10.1, 106.1), (10.2, 106.2)
    assert _street_path([a, b], a, b) is None  # the travel function's "no street path" answer
    street = _street_path([(10.1000004, 106.1), (10.15, 106.15), (10.2, 106.2)], a, b)
    assert street == [(10.1, 106.1), (10.15, 106.15), (10.2, 106.2)]
    assert _join(street, [(10.2, 106.2), (10.3, 106.3)]) == (
        (10.1, 106.1),
        (10.15, 106.15),
        (10.2, 106.2),
        (10.3, 106.3),
    )
    assert _join(street, None) is None and _join([(10.1, 106.1)]) is None
    path_b = ((1.0, 2.0), (1.5, 2.5))
    trips = {
        "v2": _Trip("b", 1.0, 1.0, None, None, path_b),
        "v1": _Trip("a", 1.0, 1.0, _Gathered("x", "g", 0, 0, 0), 0, ((0.0, 0.0), (0.5, 0.5))),
        "v3": _Trip("b", 1.0, 1.0, None, None, path_b),
        "v4": _Trip("c", 1.0, 1.0, None, None, None),
        "v5": _Trip(None, None, None, None, None, None),
    }
    assert staging_paths(trips) == (StagingPath("a", "g", ((0.0, 0.0), (0.5, 0.5))), StagingPath("b", None, path_b))


def test_the_fleet_given_every_unit_a_duty(demo_run: Path) -> None:
    s = _load(demo_run, "schedule.json")
    units = s["units"]
    assert all(u["duty"] in ("lead", "column", "posts", "reserve") for u in units)
    by = {d: [u for u in units if u["duty"] == d] for d in ("lead", "column", "posts", "reserve")}
    assert len(by["lead"]) == 2
    escort = [u for u in units if u["role"] == "route_guard"]
    assert len(escort) == 24  # the seed's 20 motorbikes and 4 route-protection cars
    assert all(u["duty"] in ("posts", "reserve") or u["unit"] in {c["unit"] for c in s["column"]} for u in escort)
    motorbikes = [u for u in escort if u["kind"] == "police_motorbike"]
    assert all(u["duty"] == "posts" for u in motorbikes)  # nobody idle while posts need motorbikes
    for u in by["reserve"]:
        st = u["station"]
        assert st and {"name", "lat", "lon", "post"} <= set(st) and any(p["id"] == st["post"] for p in s["posts"])
    assert all(u["station"] is None for u in units if u["duty"] != "reserve")
    esc = s["escort"]
    assert esc["min_slack_s"] >= 120  # at least two minutes at every post
    assert esc["min_slack_s"] == min(r["slack_s"] for u in units for r in u["runs"])
    assert esc["units_needed"] == esc["lower_bound"]  # the proven minimum (units objective)
    tol = esc["delay_tolerance_min"]
    assert tol["early"] == esc["min_slack_s"] // 60 and tol["late"] > 0
    text = (demo_run / "index.html").read_text(encoding="utf-8")
    assert f"sớm đến {tol['early']} phút, muộn đến {tol['late']} phút" in text
    assert "Chưa được phân công" not in text
    inst = _load(demo_run, "posts.json")
    assert inst["objective"] == "slack" and inst["travel"]


def test_posts_hold_their_approaches(demo_run: Path) -> None:
    s = _load(demo_run, "schedule.json")
    junctions = [p for p in s["posts"] if p["kind"] == "junction"]
    assert junctions and all(p["approaches"] for p in junctions)
    turns = [p for p in junctions if p["turn"]]
    assert len(turns) >= 5  # the route turns onto another street at least this often
    for p in junctions:
        for a in p["approaches"]:
            assert 0 <= a["bearing"] < 360 and a["class"]


def test_checker_catches_wrong_duties_and_moves_faster_than_streets(demo_run: Path) -> None:
    from paradeplan.geo.streets import load_graph

    graph = load_graph("builtin:quan12")
    instance = posts.load_instance(demo_run / "posts.json")
    s = _load(demo_run, "schedule.json")
    assert check_schedule(from_json(s), instance, graph) == []
    holder = next(u for u in s["units"] if u["runs"])
    holder["duty"] = "reserve"  # says reserve but holds posts, and has no station
    reserve = next(u for u in s["units"] if u["duty"] == "reserve" and u is not holder)
    reserve["station"] = None
    s["escort"]["delay_tolerance_min"]["early"] += 30
    chained = next(u for u in s["units"] if len(u["runs"]) > 1)
    second = chained["runs"][1]
    second["arrive"] = chained["runs"][0]["release_at"]  # arrives the moment it leaves the previous post
    second["slack_s"] = posts_seconds(second["hold_from"]) - posts_seconds(second["arrive"])
    found = "\n".join(check_schedule(from_json(s), instance, graph))
    assert "duty reserve, but it holds posts" in found
    assert "a reserve without a station" in found
    assert "early tolerance" in found
    assert "faster than" in found and "of streets" in found


def posts_seconds(text: str) -> int:
    return _sec(text)


def test_what_if_delay_and_speed(tmp_path: Path) -> None:
    from paradeplan.resources import demo_plan_path

    out = tmp_path / "late"
    r = runner.invoke(app, ["plan", str(demo_plan_path()), "--out", str(out), "--delay", "20", "--speed", "12"])
    assert r.exit_code == 0, r.output
    assert "giả định: xuất phát muộn 20 phút, đoàn đi 12 km/h" in r.output
    s = _load(out, "schedule.json")
    assert s["parade"]["departure"] == "08:20:00" and s["parade"]["column_speed_kmh"] == 12.0
    bad = runner.invoke(app, ["plan", str(demo_plan_path()), "--out", str(tmp_path / "x"), "--speed", "0"])
    assert bad.exit_code == 2 and "--speed" in bad.stderr and not (tmp_path / "x").exists()
