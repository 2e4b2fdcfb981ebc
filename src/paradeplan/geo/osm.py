"""OpenStreetMap street data into a street graph: import an .osm/.osm.pbf file (pyosmium), or fetch online (osmnx)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import networkx as nx

from paradeplan.errors import InputError, NetworkError, Problem
from paradeplan.geo.distance import geodesic_m
from paradeplan.geo.streets import NamedPoint, _clean_highway, _clean_name, add_street_edge, cache_dir, new_graph

log = logging.getLogger(__name__)

#: Largest OpenStreetMap file imported (bytes, as stored: .osm, .osm.pbf, .osm.gz, .osm.bz2); refused before
#: reading. A district's extract is a few MB, a large city's ``.osm.pbf`` some tens of MB.
MAX_OSM_BYTES = 250_000_000
#: Most OSM nodes read (the count is checked as they stream in, so a small ``.osm.gz`` or ``.osm.bz2`` that
#: unpacks to gigabytes is refused after this many): about a large city's worth.
MAX_OSM_NODES = 5_000_000


def import_osm(source: str | Path) -> tuple[nx.MultiDiGraph, tuple[NamedPoint, ...]]:
    """Read an OpenStreetMap ``.osm`` (XML) or ``.osm.pbf`` file into a street graph, with pyosmium.

    Every way with a ``highway`` tag becomes edges between its consecutive nodes (two-way unless ``oneway``),
    with the way's ``name``, ``highway`` class, OSM way id and geodesic length. Named nodes that are not only
    part of a street (shops, offices, stops…) become named points.

    Parameters
    ----------
    source : str or Path
        The OSM file.

    Returns
    -------
    (networkx.MultiDiGraph, tuple of NamedPoint)
        The graph and the named points.

    Raises
    ------
    InputError
        Missing, unreadable or street-less file.
    """
    import osmium

    src = Path(source)
    if not src.is_file():
        raise InputError(problems=[Problem("OSM file not found", str(source), hint="give an .osm or .osm.pbf file")])
    limit_hint = "import a smaller extract (a district or a city); limits: docs/limits.md"
    size = src.stat().st_size
    if size > MAX_OSM_BYTES:
        raise InputError(problems=[Problem(f"OSM file is {size / 1e6:,.1f} MB, more than the limit of "
                                           f"{MAX_OSM_BYTES / 1e6:.0f} MB", str(source), hint=limit_hint)])

    class _TooMany(Exception):
        pass

    class _Handler(osmium.SimpleHandler):
        def __init__(self) -> None:
            super().__init__()
            self.ways: list[tuple[str, list[tuple[str, float, float]], dict[str, str]]] = []
            self.points: list[NamedPoint] = []
            self.nodes = 0

        def node(self, n: Any) -> None:
            self.nodes += 1
            if self.nodes > MAX_OSM_NODES:
                raise _TooMany
            tags = {t.k: t.v for t in n.tags}
            if "name" in tags and n.location.valid():
                kind = next((f"{k}={tags[k]}" for k in ("amenity", "shop", "office", "highway", "public_transport",
                                                         "tourism", "place", "building") if k in tags), "other")
                self.points.append(NamedPoint(tags["name"], round(n.location.lat, 7), round(n.location.lon, 7),
                                              kind, str(n.id)))

        def way(self, w: Any) -> None:
            tags = {t.k: t.v for t in w.tags}
            if "highway" not in tags or tags.get("area") == "yes":
                return
            pts = [(str(nd.ref), nd.location.lat, nd.location.lon) for nd in w.nodes if nd.location.valid()]
            if len(pts) >= 2:
                self.ways.append((str(w.id), pts, tags))

    h = _Handler()
    try:
        h.apply_file(str(src), locations=True)
    except _TooMany:
        raise InputError(problems=[Problem(f"OSM file holds more than the limit of {MAX_OSM_NODES:,} nodes",
                                           str(source), hint=limit_hint)]) from None
    except RuntimeError as exc:
        raise InputError(problems=[Problem(f"cannot read OSM data: {exc}", str(source),
                                           hint="give a valid .osm (XML) or .osm.pbf file")]) from None
    if not h.ways:
        raise InputError(problems=[Problem("the OSM file holds no streets (no way with a highway tag)", str(source),
                                           hint="export an area with roads")])
    g = new_graph(source=src.name)
    for wid, pts, tags in h.ways:
        oneway_tag = tags.get("oneway", "").lower()
        oneway = oneway_tag in {"yes", "true", "1", "-1"} or tags.get("junction") == "roundabout"
        if oneway_tag == "-1":
            pts = pts[::-1]
        for ref, lat, lon in pts:
            if ref not in g:
                g.add_node(ref, x=round(lon, 7), y=round(lat, 7), osmid=ref)
        for (a, alat, alon), (b, blat, blon) in zip(pts, pts[1:], strict=False):
            add_street_edge(g, a, b, name=_clean_name(tags.get("name", "")), highway=_clean_highway(tags["highway"]),
                            oneway=oneway, length=geodesic_m(alat, alon, blat, blon), osmid=wid)
    log.info("imported %d nodes, %d edges, %d named points", g.number_of_nodes(), g.number_of_edges(),
             len(h.points))
    return g, tuple(h.points)


def fetch_osm(place: str, *, online: bool = False) -> tuple[nx.MultiDiGraph, tuple[NamedPoint, ...]]:
    """Download the drivable streets of a place with osmnx (only with ``online=True``), cached on disk.

    Parameters
    ----------
    place : str
        A place query such as "Quận 12, Thành phố Hồ Chí Minh, Việt Nam".
    online : bool
        Must be True: paradeplan never touches the network otherwise.

    Returns
    -------
    (networkx.MultiDiGraph, tuple of NamedPoint)
        The graph in paradeplan's schema, and no named points.

    Raises
    ------
    NetworkError
        Offline, osmnx missing, or the download failed.
    """
    if not online:
        raise NetworkError(f"downloading '{place}' needs the network: pass --online "
                           "(or import a downloaded .osm/.osm.pbf file with `paradeplan streets import`)")
    try:
        import osmnx as ox
    except ImportError:
        raise NetworkError("downloading street data needs osmnx, which is not installed: "
                           "`pip install osmnx` (or import an .osm/.osm.pbf file with `paradeplan streets import`)"
                           ) from None
    folder = cache_dir() / "osmnx"
    folder.mkdir(parents=True, exist_ok=True)
    ox.settings.use_cache = True
    ox.settings.cache_folder = str(folder)
    try:
        raw = ox.graph_from_place(place, network_type="drive", simplify=True)
    except Exception as exc:  # noqa: BLE001 - network and geocoding failures all become NetworkError
        raise NetworkError(f"could not download '{place}' from OpenStreetMap: {exc}") from None
    g = new_graph(source=f"osmnx graph_from_place({place!r})")
    for n, d in raw.nodes(data=True):
        g.add_node(str(n), x=round(float(d["x"]), 7), y=round(float(d["y"]), 7), osmid=str(n))
    for u, v, d in raw.edges(data=True):
        osmid = d.get("osmid")
        osmid_s = str(osmid[0] if isinstance(osmid, list) else osmid) if osmid is not None else None
        add_street_edge(g, str(u), str(v), name=_clean_name(d.get("name", "")),
                        highway=_clean_highway(d.get("highway")), oneway=True,
                        length=float(d.get("length") or 0.0), osmid=osmid_s)
        g.edges[str(u), str(v), max(g[str(u)][str(v)])]["oneway"] = bool(d.get("oneway", False))
    return g, ()
