"""Tests of route resolution on the embedded Quận 12 data and the tiny OSM fixture (offline)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from paradeplan.errors import InputError
from paradeplan.geo.osm import import_osm
from paradeplan.geo.streets import load_graph
from paradeplan.geo.travel import travel_path
from paradeplan.plan.planfile import load_plan, plan_from_data
from paradeplan.route.exports import itinerary_rows, route_to_geojson
from paradeplan.route.resolve import resolve_route, resolve_steps

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "data" / "quan12-2023" / "plan.yaml"
FIXTURE = Path(__file__).parent / "data" / "osm" / "tiny.osm"
SEED_ORDER = [
    "Lê Thị Riêng",
    "Quốc lộ 1",
    "Lê Văn Khương",
    "Nguyễn Ảnh Thủ",
    "Tô Ký",
    "Nguyễn Văn Quá",
    "Phan Văn Hớn",
    "Quốc lộ 1",
    "Trường Chinh",
    "Trường Chinh",
    "Quốc lộ 1",
    "Quốc lộ 1",
    "Hà Huy Giáp",
    "Tô Ngọc Vân",
    "Quốc lộ 1",
]


@pytest.fixture(scope="module")
def graph() -> Any:
    return load_graph("builtin:quan12")


@pytest.fixture(scope="module")
def demo(graph: Any) -> Any:
    plan = load_plan(DEMO)
    return plan, resolve_route(plan, None, graph, file=str(DEMO))


def test_demo_route_order_uturns_length(demo: Any) -> None:
    _, route = demo
    streets = [s.street for s in route.stretches if not s.connector]
    assert streets == SEED_ORDER
    assert [u.name for u in route.uturns] == ["Ngã 3 Tham Lương", "Ngã 4 Chùa Khánh An"]
    assert 39_000 <= route.total_m <= 44_000
    assert abs(sum(s.length_m for s in route.stretches) - route.total_m) < 1.0
    # the connector between Nguyễn Văn Quá and Phan Văn Hớn runs on Trường Chinh
    conn = [s for s in route.stretches if s.connector]
    assert len(conn) == 1 and conn[0].street == "Trường Chinh" and conn[0].length_m < 400
    # Quốc lộ 1 resolves to its current OSM names
    assert {n for s in route.stretches if s.street == "Quốc lộ 1" for n in s.osm_names} >= {"Đỗ Mười", "Lê Đức Anh"}
    uturn_j = [j for j in route.junctions if j.uturn]
    assert len(uturn_j) == 2
    assert any(j.road_class == "trunk" for j in route.junctions)
    dists = [j.dist_m for j in route.junctions]
    assert dists == sorted(dists)


def test_itinerary_rows(demo: Any) -> None:
    rows = itinerary_rows(demo[1])
    assert rows[0]["from"] == "Trụ sở Ủy ban nhân dân Quận 12"
    assert sum(r["uturn"] for r in rows) == 2
    assert rows[-1]["cum_km"] == pytest.approx(demo[1].total_m / 1000, abs=0.02)


def test_geojson_structure_and_determinism(demo: Any, graph: Any) -> None:
    plan, route = demo
    gj = route_to_geojson(route)
    assert gj["type"] == "FeatureCollection" and gj["license"] == "ODbL-1.0"
    assert gj["attribution"] == "© OpenStreetMap contributors"
    lines = [f for f in gj["features"] if f["geometry"]["type"] == "LineString"]
    assert [f["properties"]["seq"] for f in lines] == list(range(1, len(lines) + 1))
    for f in lines:
        assert {"seq", "street", "length_m", "from", "to"} <= set(f["properties"])
    kinds = {f["properties"]["kind"] for f in gj["features"] if f["geometry"]["type"] == "Point"}
    assert {"start", "end", "uturn", "assembly", "junction"} <= kinds
    again = route_to_geojson(resolve_route(plan, None, graph, file=str(DEMO)))
    assert json.dumps(gj, ensure_ascii=False) == json.dumps(again, ensure_ascii=False)


def test_ward_onward_routes_resolve(demo: Any, graph: Any) -> None:
    plan, route = demo
    end = route.points[-1]
    n = 0
    for group in plan.parades[0].groups:
        for v in group.vehicles:
            if v.after_end and v.after_end.route:
                onward = resolve_steps(graph, v.after_end.route, plan, (end.lat, end.lon))
                street = v.after_end.route[0].street
                assert any(s.street == street and not s.connector for s in onward.stretches)
                assert onward.total_m > 0
                n += 1
    assert n == 10


def test_travel_path_gathering_to_hq(graph: Any) -> None:
    length, coords, names = travel_path(graph, (10.836, 106.6659), (10.86327, 106.65467))
    assert 4_000 < length < 12_000
    assert len(coords) > 2 and names


def _demo_data() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(DEMO.read_text(encoding="utf-8"))
    return data


def _resolve(data: dict[str, Any], graph: Any) -> Any:
    return resolve_route(plan_from_data(data), None, graph)


@pytest.mark.usefixtures("english")  # matches the English message
def test_unknown_street_names_candidates(graph: Any) -> None:
    data = _demo_data()
    data["parades"][0]["route"][3] = {"street": "Lê Văn Khươnq"}
    with pytest.raises(InputError) as exc:
        _resolve(data, graph)
    msg = "\n".join(exc.value.lines())
    assert len(exc.value.problems) == 1
    assert "unknown street 'Lê Văn Khươnq'" in msg and "Lê Văn Khương" in msg and "instead of" in msg


@pytest.mark.usefixtures("english")  # matches the English message
def test_streets_that_never_meet(graph: Any) -> None:
    data = _demo_data()
    data["parades"][0]["route"] = [
        {"place": "ubnd_q12"},
        {"street": "Lê Thị Riêng"},
        {"street": "Quốc lộ 1"},
        {"street": "Hà Huy Giáp"},
        {"street": "Lê Văn Khương"},
        {"place": "ubnd_q12", "end": True},
    ]
    with pytest.raises(InputError) as exc:
        _resolve(data, graph)
    msg = exc.value.lines()[0]
    assert "never meet" in msg and " m of each other" in msg and "street:" in msg


@pytest.mark.usefixtures("english")  # matches the English message
def test_uturn_place_far_from_street(graph: Any) -> None:
    data = _demo_data()
    route = data["parades"][0]["route"]
    idx = next(i for i, s in enumerate(route) if s.get("place") == "nga_3_tham_luong")
    route[idx] = {"place": "p_thanh_loc", "uturn": True}
    with pytest.raises(InputError) as exc:
        _resolve(data, graph)
    assert "U-turn place" in exc.value.lines()[0] and "m from the street" in exc.value.lines()[0]


@pytest.mark.usefixtures("english")
def test_unpinned_ambiguous_place_lists_both(graph: Any) -> None:
    data = _demo_data()
    for p in data["places"]:
        if p["id"] == "nga_3_tham_luong":
            p.pop("lat")
            p.pop("lon")
    with pytest.raises(InputError) as exc:
        _resolve(data, graph)
    msg = exc.value.lines()[0]
    assert "ambiguous" in msg and "10.826140" in msg and "10.823530" in msg and "lat:" in msg


@pytest.mark.usefixtures("english")
def test_place_not_found_offline(graph: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PARADEPLAN_CACHE", str(tmp_path))
    data = _demo_data()
    data["places"].append({"id": "nowhere", "name": "Chợ Không Có Thật"})
    route = data["parades"][0]["route"]
    idx = next(i for i, s in enumerate(route) if s.get("place") == "nga_3_tham_luong")
    route[idx] = {"place": "nowhere", "uturn": True}
    with pytest.raises(InputError) as exc:
        _resolve(data, graph)
    assert "not found offline" in exc.value.lines()[0] and "--online" in exc.value.lines()[0]


@pytest.mark.usefixtures("english")  # matches the English message
def test_route_cli_exit_2_writes_nothing(tmp_path: Path) -> None:
    import typer

    from paradeplan.cli.streets import route_command

    data = _demo_data()
    data["parades"][0]["route"][3] = {"street": "Đường Không Tên Gì"}
    plan = tmp_path / "plan.yaml"
    plan.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    app = typer.Typer()
    app.command()(route_command)
    res = CliRunner().invoke(app, [str(plan)])
    assert res.exit_code == 2
    assert "unknown street" in res.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.yaml"]


def test_route_cli_prints_itinerary() -> None:
    import typer

    from paradeplan.cli.streets import route_command

    app = typer.Typer()
    app.command()(route_command)
    res = CliRunner().invoke(app, [str(DEMO)])
    assert res.exit_code == 0, res.output
    assert "Lộ trình" in res.output and "Quay đầu" in res.output


@pytest.mark.usefixtures("english")  # matches the English message
def test_fixture_imports_and_routes(tmp_path: Path) -> None:
    g, points = import_osm(FIXTURE)
    g.graph["_named_points"] = points
    data = {
        "event": {"name": "Thử"},
        "places": [{"id": "start", "name": "UBND Phường Thử"}, {"id": "school", "name": "Trường Tiểu học Thử"}],
        "parades": [
            {
                "id": "p",
                "name": "P",
                "date": "2024-01-01",
                "assembly_place": "start",
                "assembly_time": "07:00",
                "departure_time": "07:30",
                "route": [
                    {"place": "start"},
                    {"street": "Alpha"},
                    {"street": "beta"},
                    {"street": "Gamma"},
                    {"place": "school", "end": True},
                ],
                "groups": [{"id": "g", "kind": "car", "count": 1}],
            }
        ],
    }
    route = resolve_route(plan_from_data(data), None, g)
    assert [s.street for s in route.stretches] == ["Alpha", "beta", "Gamma"]
    assert [s.osm_names[0] for s in route.stretches] == ["Đường Alpha", "Beta", "Gamma"]
    assert 600 < route.total_m < 700  # 218 + 222 + 218 m
    data["parades"][0]["route"][3] = {"street": "Delta"}
    with pytest.raises(InputError, match="never meet"):
        resolve_route(plan_from_data(data), None, g)
