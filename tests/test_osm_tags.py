"""`streets import` on OSM tagging cases the real extracts lack: roundabouts, oneway=-1, cut ways and areas."""

from __future__ import annotations

from pathlib import Path

from paradeplan.geo.osm import direction, import_osm

FIXTURE = Path(__file__).parent / "data" / "osm" / "tags.osm"


def test_direction_tags() -> None:
    assert direction({"highway": "primary", "oneway": "-1"}) == (True, True)
    assert direction({"highway": "primary", "oneway": "yes"}) == (True, False)
    assert direction({"highway": "primary", "junction": "roundabout"}) == (True, False)
    assert direction({"highway": "primary", "junction": "roundabout", "oneway": "no"}) == (False, False)
    assert direction({"highway": "motorway"}) == (True, False)
    assert direction({"highway": "tertiary", "oneway": "reversible"}) == (False, False)
    assert direction({"highway": "residential"}) == (False, False)


def test_import_tag_cases() -> None:
    g, points = import_osm(FIXTURE)
    assert g.has_edge("1", "2") and g.has_edge("2", "1")  # roundabout with oneway=no
    assert g.has_edge("5", "6") and not g.has_edge("6", "5")  # roundabout: one-way as drawn
    assert g.has_edge("5", "4") and not g.has_edge("4", "5")  # oneway=-1: against the drawing
    assert g.has_edge("8", "9") and g.has_edge("9", "8")  # reversible
    assert g.has_edge("10", "7") and not g.has_edge("9", "10")  # cut way: no jump over the missing node
    assert not g.has_edge("2", "6") and not g.has_edge("3", "6") and not g.has_edge("3", "7")
    names = {d["name"] for _, _, d in g.edges(data=True)}
    assert "Lối đi" not in names and "Quảng trường Thử" not in names
    by_name = {p.name: p for p in points}
    assert by_name["Vòng xoay Thử"].kind == "junction=roundabout" and by_name["Vòng xoay Thử"].osmid == "way/100"
    assert abs(by_name["Vòng xoay Thử"].lat - 10.8605) < 1e-6 and abs(by_name["Vòng xoay Thử"].lon - 106.6505) < 1e-6
    assert by_name["Quảng trường Thử"].kind == "highway=pedestrian"
    school = by_name["Trường Thử"]  # cut multipolygon: at the centroid of its outer way inside the extract
    assert (school.kind, school.osmid) == ("amenity=school", "relation/200")
    assert 10.8599 < school.lat < 10.8621 and 106.6499 < school.lon < 106.6511
    assert "Tuyến 01" not in by_name
