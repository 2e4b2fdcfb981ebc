"""Tests of street data: OSM import, GraphML round trip, embedded data, gazetteer matching."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from typer.testing import CliRunner

from paradeplan.errors import InputError, NetworkError
from paradeplan.geo.gazetteer import load_gazetteer, loose_key
from paradeplan.geo.osm import fetch_osm, import_osm
from paradeplan.geo.streets import (
    load_graph,
    load_named_points,
    places_path_for,
    read_graph,
    save_graph,
)

FIXTURE = Path(__file__).parent / "data" / "osm" / "tiny.osm"


def test_import_fixture_has_names_oneway_lengths() -> None:
    g, points = import_osm(FIXTURE)
    assert g.graph["license"] == "ODbL-1.0" and "OpenStreetMap" in g.graph["attribution"]
    names = {d["name"] for _, _, d in g.edges(data=True)}
    assert {"Đường Alpha", "Beta", "Gamma", "Delta"} <= names
    assert g.has_edge("4", "5") and not g.has_edge("5", "4")  # Gamma is one-way
    assert g.has_edge("2", "1") and g.has_edge("1", "2")
    length = g["1"]["2"][0]["length"]
    assert 215 < length < 222  # 0.002° of longitude at 10.86° N
    assert g["1"]["2"][0]["osmid"] == "10"
    assert {p.name for p in points} == {"UBND Phường Thử", "Trường Tiểu học Thử"}


def test_graphml_round_trip_gz(tmp_path: Path) -> None:
    g, _ = import_osm(FIXTURE)
    out = save_graph(g, tmp_path / "tiny.graphml.gz")
    assert gzip.decompress(out.read_bytes()).startswith(b"<?xml")
    h = read_graph(out)
    assert h.number_of_edges() == g.number_of_edges()
    assert isinstance(h.nodes["1"]["x"], float) and h.graph["crs"] == "EPSG:4326"
    d = h["4"]["5"][0]
    assert d["oneway"] is True and d["bridged"] is False and d["name"] == "Gamma"
    again = save_graph(h, tmp_path / "again.graphml.gz")
    assert again.read_bytes() == out.read_bytes()  # deterministic


def test_import_cli_writes_graph_and_places(tmp_path: Path) -> None:
    from paradeplan.cli.streets import app

    out = tmp_path / "tiny.graphml"
    res = CliRunner().invoke(app, ["import", str(FIXTURE), "--out", str(out)])
    assert res.exit_code == 0, res.output
    assert out.is_file()
    pts = load_named_points(places_path_for(out))
    assert any(p.name == "UBND Phường Thử" for p in pts)


def test_import_missing_file_exit_2(tmp_path: Path) -> None:
    from paradeplan.cli.streets import app

    res = CliRunner().invoke(app, ["import", str(tmp_path / "nope.osm"), "--out", str(tmp_path / "x.graphml")])
    assert res.exit_code == 2
    assert not (tmp_path / "x.graphml").exists()


def test_fetch_needs_online() -> None:
    with pytest.raises(NetworkError, match="--online"):
        fetch_osm("Quận 12", online=False)


def test_builtin_graph_is_attributed_and_bridged() -> None:
    g = load_graph("builtin:quan12")
    assert g.graph["license"] == "ODbL-1.0"
    assert any(d["bridged"] for _, _, d in g.edges(data=True))
    assert any(d["name"] == "Đỗ Mười" for _, _, d in g.edges(data=True))
    assert load_graph("builtin:quan12") is g  # cached in-process
    assert len(g.graph["_named_points"]) > 100


def test_builtin_data_is_small() -> None:
    from paradeplan.resources import data_path

    assert data_path("streets", "quan12.graphml.gz").stat().st_size < 3_000_000


def test_load_graph_unknown_builtin_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        load_graph("builtin:hanoi")
    with pytest.raises(InputError):
        load_graph("missing.graphml", tmp_path)


def test_matching_ignores_prefix_case_diacritics() -> None:
    assert loose_key("Đường Tô Ký") == loose_key("to ky") == "to ky"
    assert loose_key("ĐỖ MƯỜI") == "do muoi"
    gaz = load_gazetteer()
    names = gaz.street_names("QL1A")
    assert "Đỗ Mười" in names and "Lê Đức Anh" in names and "Quốc lộ 1" in names
    assert "Đỗ Mười" in gaz.street_names("quoc lo 1")


def test_gazetteer_lists_both_tham_luong_candidates() -> None:
    found = load_gazetteer().find_places(["Ngã ba Tham Lương"])
    assert len(found) == 2
