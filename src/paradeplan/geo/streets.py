"""Street graphs: load/save GraphML (osmnx/QGIS-readable), import OSM files, fetch online, bridge gaps."""

from __future__ import annotations

import contextlib
import csv
import gzip
import io
import logging
import math
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx
import numpy as np

from paradeplan.errors import InputError, NetworkError, Problem
from paradeplan.outputs import write_file_atomic
from paradeplan.resources import data_path

log = logging.getLogger(__name__)

#: Spec of the embedded Quận 12 street data.
BUILTIN_QUAN12 = "builtin:quan12"
ATTRIBUTION = "© OpenStreetMap contributors"
LICENSE = "ODbL-1.0"
EARTH_RADIUS_M = 6_371_008.8

#: Road classes from the most to the least important (``*_link`` count as their road).
ROAD_CLASSES = ("motorway", "trunk", "primary", "secondary", "tertiary", "unclassified", "residential",
                "living_street", "service", "road", "track")

_NODE_FLOAT = ("x", "y")
_EDGE_FLOAT = ("length",)
_EDGE_BOOL = ("oneway", "bridged", "reversed")
_TRUE = {"true", "yes", "1", "-1"}

_BUILTIN_CACHE: dict[str, nx.MultiDiGraph] = {}


@dataclass(frozen=True)
class NamedPoint:
    """A named point of the street data (a POI such as a bus stop, office or pagoda)."""

    name: str
    lat: float
    lon: float
    kind: str = "other"
    osmid: str = ""


# --------------------------------------------------------------------------------------------- geometry

def haversine_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in metres between two WGS84 points.

    Parameters
    ----------
    lat1, lon1, lat2, lon2 : float
        Coordinates in degrees.

    Returns
    -------
    float
        Distance in metres (spherical earth, within 0.5 % of the geodesic).
    """
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(a)))


def haversine_many(lat: float, lon: float, lats: np.ndarray, lons: np.ndarray) -> np.ndarray:
    """Distances in metres from one point to many (vectorised :func:`haversine_m`)."""
    p1, p2 = np.radians(lat), np.radians(lats)
    dp, dl = p2 - p1, np.radians(lons - lon)
    a = np.sin(dp / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    return np.asarray(2 * EARTH_RADIUS_M * np.arcsin(np.minimum(1.0, np.sqrt(a))))


def geodesic_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Geodesic (WGS84 ellipsoid) distance in metres, via geopy."""
    from geopy.distance import geodesic

    return float(geodesic((lat1, lon1), (lat2, lon2)).meters)


def road_rank(highway: str | None) -> int:
    """Rank of an OSM ``highway`` value: 0 for motorway, larger for less important, 99 for unknown."""
    if not highway:
        return 99
    base = str(highway).removesuffix("_link")
    return ROAD_CLASSES.index(base) if base in ROAD_CLASSES else 99


def best_class(values: Iterable[str | None]) -> str | None:
    """The most important road class among ``values`` (``*_link`` reported as its road), or None."""
    best: str | None = None
    for v in values:
        if v and road_rank(v) < road_rank(best):
            best = str(v).removesuffix("_link")
    return best


def _clean_highway(value: Any) -> str:
    """An OSM highway value as one class; osmnx lists such as "['tertiary', 'secondary']" give the best one."""
    if isinstance(value, list | tuple):
        return best_class(str(v) for v in value) or "road"
    text = str(value or "road")
    if text.startswith("["):
        parts = [p.strip(" '\"") for p in text.strip("[]").split(",")]
        return best_class(parts) or "road"
    return text


def _clean_name(value: Any) -> str:
    import unicodedata

    if isinstance(value, list | tuple):
        value = value[0] if value else ""
    text = str(value or "").strip()
    if text.startswith("[") and text.endswith("]"):
        text = text.strip("[]").split(",")[0].strip(" '\"")
    return unicodedata.normalize("NFC", text)


# --------------------------------------------------------------------------------------------- graph

def new_graph(**attrs: Any) -> nx.MultiDiGraph:
    """An empty street graph with the standard graph attributes (crs, licence, attribution)."""
    g = nx.MultiDiGraph()
    g.graph.update({"crs": "EPSG:4326", "license": LICENSE, "attribution": ATTRIBUTION})
    g.graph.update(attrs)
    return g


def add_street_edge(g: nx.MultiDiGraph, u: str, v: str, *, name: str, highway: str, oneway: bool,
                    length: float, osmid: str | None = None, bridged: bool = False,
                    bridge: str | None = None) -> None:
    """Add one street edge (and its reverse when two-way), keeping one edge per direction and street name.

    Parameters
    ----------
    g : networkx.MultiDiGraph
        The graph; ``u`` and ``v`` must already be nodes.
    u, v : str
        Node ids.
    name, highway : str
        Street name (NFC) and OSM road class.
    oneway : bool
        When False the reverse edge is added too.
    length : float
        Length in metres.
    osmid : str, optional
        OSM way id.
    bridged : bool
        True for edges added to close gaps of a thinned extract; ``bridge`` says how ("chain" or "join").
    """
    for a, b, rev in ((u, v, False), (v, u, True)):
        if rev and oneway:
            break
        if a == b:
            continue
        existing = g.get_edge_data(a, b) or {}
        if any(d.get("name", "") == name and bool(d.get("bridged")) == bridged for d in existing.values()):
            continue
        attrs: dict[str, Any] = {"name": name, "highway": highway, "oneway": oneway, "length": round(length, 2),
                                 "bridged": bridged}
        if osmid:
            attrs["osmid"] = osmid
        if bridge:
            attrs["bridge_kind"] = bridge
        if oneway:
            attrs["reversed"] = False
        g.add_edge(a, b, **attrs)


def _stringify(value: Any) -> str:
    if isinstance(value, float):
        return repr(round(value, 7))
    return str(value)


def save_graph(g: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write a street graph as GraphML (gzipped when the name ends in ``.gz``), atomically and deterministically.

    All attributes are written as strings, as osmnx does, so that ``osmnx.load_graphml`` and QGIS read the file.

    Parameters
    ----------
    g : networkx.MultiDiGraph
        The graph.
    path : str or Path
        Output file (``.graphml`` or ``.graphml.gz``).

    Returns
    -------
    Path
        The written path.
    """
    out = Path(path)
    h = nx.MultiDiGraph()
    h.graph.update({k: _stringify(v) for k, v in sorted(g.graph.items()) if not str(k).startswith("_")})
    for n in sorted(g.nodes, key=str):
        h.add_node(str(n), **{k: _stringify(v) for k, v in sorted(g.nodes[n].items())})
    edges = sorted(g.edges(keys=True, data=True), key=lambda e: (str(e[0]), str(e[1]), str(e[3].get("name", "")),
                                                                   str(e[3].get("bridged", "")), e[2]))
    for u, v, _k, d in edges:
        h.add_edge(str(u), str(v), **{k: _stringify(val) for k, val in sorted(d.items())})
    buf = io.BytesIO()
    nx.write_graphml(h, buf, encoding="utf-8", prettyprint=False)
    data = buf.getvalue()
    out.parent.mkdir(parents=True, exist_ok=True)
    if out.name.endswith(".gz"):
        data = gzip.compress(data, compresslevel=9, mtime=0)
    write_file_atomic(out, data)
    return out


def read_graph(path: str | Path) -> nx.MultiDiGraph:
    """Read a GraphML street graph (plain or gzipped) written by paradeplan or osmnx.

    Parameters
    ----------
    path : str or Path
        The GraphML file.

    Returns
    -------
    networkx.MultiDiGraph
        Nodes with float ``x`` (lon) and ``y`` (lat); edges with float ``length`` (m), ``name`` (NFC str),
        ``highway`` (str), and bool ``oneway``/``bridged``.

    Raises
    ------
    InputError
        When the file is missing or not a street graph.
    """
    p = Path(path)
    if not p.is_file():
        raise InputError(problems=[Problem("street data file not found", str(path),
                                           hint="give a GraphML file, or `builtin:quan12`")])
    try:
        raw = p.read_bytes()
        cached = _cache_get(raw)
        if cached is not None:
            return cached
        digest_of = raw
        if raw[:2] == b"\x1f\x8b":
            raw = gzip.decompress(raw)
        g0 = _fast_graphml(raw)
        if g0 is None:
            g0 = nx.read_graphml(io.BytesIO(raw), node_type=str, force_multigraph=True)
    except Exception as exc:  # noqa: BLE001 - any parse failure is a bad input file
        raise InputError(problems=[Problem(f"cannot read street data as GraphML: {exc}", str(path),
                                           hint="create one with `paradeplan streets import`")]) from None
    g = nx.MultiDiGraph(g0) if not g0.is_directed() else g0
    problems = []
    for n, d in g.nodes(data=True):
        try:
            for k in _NODE_FLOAT:
                d[k] = float(d[k])
        except (KeyError, ValueError):
            problems.append(Problem(f"node {n} has no numeric x/y coordinates", str(path),
                                    hint="the graph must carry lon/lat as x/y node attributes"))
            break
    if problems:
        raise InputError(problems=problems)
    for u, v, d in g.edges(data=True):
        length = d.get("length")
        try:
            d["length"] = float(length) if length is not None else None
        except ValueError:
            d["length"] = None
        if d["length"] is None:
            a, b = g.nodes[u], g.nodes[v]
            d["length"] = haversine_m(a["y"], a["x"], b["y"], b["x"])
        for k in ("oneway", "bridged", "reversed"):
            if k == "reversed" and k not in d:
                continue
            val = d.get(k, False)
            d[k] = val if isinstance(val, bool) else str(val).strip().lower() in _TRUE
        d["name"] = _clean_name(d.get("name"))
        d["highway"] = _clean_highway(d.get("highway"))
    _cache_put(digest_of, g)
    return g


def _cache_file(raw: bytes) -> Path:
    import hashlib

    h = hashlib.sha256(raw)
    # parsed graphs carry derived indexes: a change of the code that builds them invalidates the cache
    root = Path(__file__).parents[1]
    for mod in ("geo/streets.py", "route/routing.py"):
        with contextlib.suppress(OSError):
            h.update(str((root / mod).stat().st_mtime_ns).encode())
    return cache_dir() / "graphs" / f"{h.hexdigest()[:32]}.pickle"


def _cache_get(raw: bytes) -> nx.MultiDiGraph | None:
    """The graph parsed earlier from the same bytes (a pickle in the cache folder), if any."""
    import pickle

    f = _cache_file(raw)
    try:
        g = pickle.loads(f.read_bytes())
    except Exception:  # noqa: BLE001 - a missing or stale cache entry is simply rebuilt
        return None
    return g if isinstance(g, nx.MultiDiGraph) else None


def _cache_put(raw: bytes, g: nx.MultiDiGraph) -> None:
    import pickle

    f = _cache_file(raw)
    g.graph["_cache_file"] = str(f)
    try:
        f.parent.mkdir(parents=True, exist_ok=True)
        write_file_atomic(f, pickle.dumps(g, protocol=pickle.HIGHEST_PROTOCOL))
    except (OSError, InputError) as exc:
        log.debug("cannot cache parsed graph: %s", exc)


_GML = "{http://graphml.graphdrawing.org/xmlns}"


def _fast_graphml(raw: bytes) -> nx.MultiDiGraph | None:
    """Read plain GraphML with string-keyed data quickly; None when the file needs networkx's full reader."""
    import xml.etree.ElementTree as ET

    root = ET.fromstring(raw)
    keys: dict[str, tuple[str, str]] = {}
    for k in root.iter(f"{_GML}key"):
        keys[k.attrib["id"]] = (k.attrib.get("attr.name", k.attrib["id"]), k.attrib.get("for", ""))
        if k.find(f"{_GML}default") is not None:
            return None
    graphs = root.findall(f"{_GML}graph")
    if len(graphs) != 1 or graphs[0].attrib.get("edgedefault") != "directed":
        return None
    gr = graphs[0]
    g = nx.MultiDiGraph()
    data_tag, node_tag, edge_tag = f"{_GML}data", f"{_GML}node", f"{_GML}edge"
    for d in gr.findall(data_tag):
        g.graph[keys[d.attrib["key"]][0]] = d.text or ""
    nodes = []
    for n in gr.iter(node_tag):
        if n.find(f"{_GML}graph") is not None:
            return None
        nodes.append((n.attrib["id"], {keys[d.attrib["key"]][0]: d.text or "" for d in n.iter(data_tag)}))
    g.add_nodes_from(nodes)
    edges = []
    for e in gr.iter(edge_tag):
        if e.attrib.get("directed") == "false":
            return None
        edges.append((e.attrib["source"], e.attrib["target"],
                      {keys[d.attrib["key"]][0]: d.text or "" for d in e.iter(data_tag)}))
    g.add_edges_from(edges)
    return g


def refresh_cache(g: nx.MultiDiGraph) -> None:
    """Re-save a graph read from a file to its on-disk parse cache (e.g. with derived indexes attached)."""
    import pickle

    f = g.graph.get("_cache_file")
    if not f:
        return
    try:
        write_file_atomic(Path(f), pickle.dumps(g, protocol=pickle.HIGHEST_PROTOCOL))
    except (OSError, InputError, pickle.PicklingError, TypeError) as exc:
        log.debug("cannot cache graph: %s", exc)


def load_graph(spec: str, base_dir: Path | None = None) -> nx.MultiDiGraph:
    """Load street data given as in a plan's ``streets:`` field.

    Parameters
    ----------
    spec : str
        ``"builtin:quan12"`` (the embedded Quận 12 data) or a path to a GraphML (or ``.graphml.gz``) file,
        relative to ``base_dir`` when not absolute.
    base_dir : Path, optional
        Folder of the plan file.

    Returns
    -------
    networkx.MultiDiGraph
        The street graph. Its named points (POIs) are in ``graph.graph["_named_points"]``. The embedded graph is
        loaded once per process and shared: do not modify it.

    Raises
    ------
    InputError
        Unknown ``builtin:`` name or unreadable file.
    """
    spec = spec.strip()
    if spec.startswith("builtin:"):
        name = spec.split(":", 1)[1]
        if name != "quan12":
            raise InputError(problems=[Problem(f"unknown embedded street data '{spec}'",
                                               hint="use builtin:quan12 or a GraphML file path")])
        if name not in _BUILTIN_CACHE:
            g = read_graph(data_path("streets", "quan12.graphml.gz"))
            g.graph["_named_points"] = load_named_points(data_path("streets", "quan12-places.csv"))
            _BUILTIN_CACHE[name] = g
        return _BUILTIN_CACHE[name]
    p = Path(spec).expanduser()
    if not p.is_absolute() and base_dir is not None:
        p = base_dir / p
    g = read_graph(p)
    g.graph["_named_points"] = load_named_points(places_path_for(p))
    return g


def places_path_for(graph_path: Path) -> Path:
    """The named-points CSV kept beside a graph file (``x.graphml.gz`` → ``x-places.csv``)."""
    name = graph_path.name
    for suffix in (".gz", ".graphml", ".xml"):
        name = name.removesuffix(suffix)
    return graph_path.with_name(f"{name}-places.csv")


def load_named_points(path: Path) -> tuple[NamedPoint, ...]:
    """Read a named-points CSV (columns name, lat, lon, kind, osmid; ``#`` lines are comments); () if missing."""
    if not path.is_file():
        return ()
    out = []
    with path.open(encoding="utf-8", newline="") as fh:
        rows = csv.DictReader(line for line in fh if not line.startswith("#"))
        for row in rows:
            try:
                out.append(NamedPoint(row["name"], float(row["lat"]), float(row["lon"]),
                                      row.get("kind") or "other", row.get("osmid") or ""))
            except (KeyError, ValueError):
                continue
    return tuple(out)


def save_named_points(points: Iterable[NamedPoint], path: Path) -> Path:
    """Write named points as CSV with an attribution comment line, sorted and deterministic."""
    buf = io.StringIO()
    buf.write(f"# {ATTRIBUTION}, {LICENSE} (Open Database License)\n")
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["name", "lat", "lon", "kind", "osmid"])
    for p in sorted(set(points), key=lambda p: (p.name, p.lat, p.lon, p.kind, p.osmid)):
        w.writerow([p.name, f"{p.lat:.7f}", f"{p.lon:.7f}", p.kind, p.osmid])
    path.parent.mkdir(parents=True, exist_ok=True)
    write_file_atomic(path, buf.getvalue().encode("utf-8"))
    return path


# --------------------------------------------------------------------------------------------- bridging

def _coords(g: nx.MultiDiGraph, nodes: list[Any]) -> tuple[np.ndarray, np.ndarray]:
    return (np.array([g.nodes[n]["y"] for n in nodes], dtype=float),
            np.array([g.nodes[n]["x"] for n in nodes], dtype=float))


def _find(parent: list[int], x: int) -> int:
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


def bridge_graph(g: nx.MultiDiGraph, *, join_m: float = 30.0, chain_gap_major_m: float = 2500.0,
                 chain_gap_minor_m: float = 300.0,
                 members: dict[str, set[str]] | None = None, end_join_m: float = 350.0) -> dict[str, int]:
    """Close the gaps of a thinned extract by adding edges marked ``bridged=True`` (in place).

    1. *Chain* each named street: the pieces (connected parts) of the edges bearing one name are joined,
       closest pieces first (Kruskal over the pieces, by the shortest node-to-node distance), which links them
       in order along the street. Gaps are allowed up to ``chain_gap_major_m`` on trunk…tertiary streets and
       ``chain_gap_minor_m`` on smaller ones, so that distinct streets sharing a generic name stay apart.
       Chain edges carry the street's name and class, ``bridge_kind="chain"``.
    2. *Join* nodes of different streets lying within ``join_m`` of each other that are not yet linked:
       unnamed two-way edges with ``bridge_kind="join"`` and ``highway="bridge_join"``.
    3. *Dead ends*: a trunk…tertiary street ending (degree 1) within ``end_join_m`` of another main street that
       the graph cannot reach in less than three times the straight distance (a dropped bridge) is linked to
       its nearest node there (``bridge_kind="end"``).

    Parameters
    ----------
    g : networkx.MultiDiGraph
        Street graph (modified).
    join_m, chain_gap_major_m, chain_gap_minor_m, end_join_m : float
        Distances in metres, see above.
    members : dict, optional
        Street name → further nodes known to lie on that street (e.g. junction labels of a thinned extract
        whose edges of that street were dropped); they are chained into the street like its pieces.

    Returns
    -------
    dict
        Counts of added ``chain`` and ``join`` edges (each direction counted once).
    """
    by_name: dict[str, list[tuple[Any, Any, str]]] = {}
    for u, v, d in g.edges(data=True):
        if d.get("name") and not d.get("bridged"):
            by_name.setdefault(d["name"], []).append((u, v, d.get("highway", "road")))
    chains = 0
    for name in sorted(by_name):
        edges = by_name[name]
        klass = best_class(h for _, _, h in edges) or "road"
        gap = chain_gap_major_m if road_rank(klass) <= road_rank("tertiary") else chain_gap_minor_m
        sub = nx.Graph()
        sub.add_edges_from((u, v) for u, v, _ in edges)
        sub.add_nodes_from(n for n in (members or {}).get(name, set()) if n in g)
        pieces = [sorted(c, key=str) for c in nx.connected_components(sub)]
        if len(pieces) < 2:
            continue
        pieces.sort(key=lambda c: str(c[0]))
        coords = [_coords(g, c) for c in pieces]
        cand: list[tuple[float, int, int, Any, Any]] = []
        for i in range(len(pieces)):
            for j in range(i + 1, len(pieces)):
                best = (math.inf, None, None)
                for a_idx, a in enumerate(pieces[i]):
                    dists = haversine_many(coords[i][0][a_idx], coords[i][1][a_idx], coords[j][0], coords[j][1])
                    k = int(np.argmin(dists))
                    if dists[k] < best[0]:
                        best = (float(dists[k]), a, pieces[j][k])
                if best[0] <= gap:
                    cand.append((best[0], i, j, best[1], best[2]))
        cand.sort(key=lambda c: (c[0], c[1], c[2]))
        parent = list(range(len(pieces)))
        for dist, i, j, a, b in cand:
            ri, rj = _find(parent, i), _find(parent, j)
            if ri == rj:
                continue
            parent[ri] = rj
            add_street_edge(g, a, b, name=name, highway=klass, oneway=False, length=dist, bridged=True,
                            bridge="chain")
            chains += 1
    # joins between different streets
    nodes = sorted(g.nodes, key=str)
    lats, lons = _coords(g, nodes)
    names = [frozenset(d.get("name", "") for _, _, d in g.edges(n, data=True)) |
             frozenset(d.get("name", "") for _, _, d in g.in_edges(n, data=True)) for n in nodes]
    order = np.argsort(lats)
    sorted_lats = lats[order]
    dlat = join_m / 111_000.0
    joins = 0
    for idx in range(len(nodes)):
        lo = np.searchsorted(sorted_lats, lats[idx] - dlat)
        hi = np.searchsorted(sorted_lats, lats[idx] + dlat, side="right")
        cands = order[lo:hi]
        cands = cands[cands > idx]
        if not len(cands):
            continue
        dists = haversine_many(lats[idx], lons[idx], lats[cands], lons[cands])
        for c, dist in zip(cands, dists, strict=True):
            if dist > join_m:
                continue
            a, b = nodes[idx], nodes[int(c)]
            if names[idx] & names[int(c)] - {""} or g.has_edge(a, b) or g.has_edge(b, a):
                continue
            add_street_edge(g, a, b, name="", highway="bridge_join", oneway=False, length=float(dist),
                            bridged=True, bridge="join")
            joins += 1
    ends = _bridge_dead_ends(g, end_join_m) if end_join_m > 0 else 0
    log.info("bridged: %d chain edges, %d join edges, %d dead-end edges", chains, joins, ends)
    return {"chain": chains, "join": joins, "end": ends}


def _bridge_dead_ends(g: nx.MultiDiGraph, max_m: float) -> int:
    """Link dead ends of trunk…tertiary streets to the nearest main-street node within ``max_m`` when the graph
    offers no way there shorter than three times the straight line (bridges the extract dropped)."""
    und = nx.Graph()
    for u, v, d in g.edges(data=True):
        w = float(d.get("length") or 0.0)
        if not und.has_edge(u, v) or und[u][v]["weight"] > w:
            und.add_edge(u, v, weight=w)
    major_rank = road_rank("tertiary")
    major: dict[Any, set[str]] = {}
    for u, v, d in g.edges(data=True):
        if road_rank(d.get("highway")) <= major_rank and d.get("name"):
            major.setdefault(u, set()).add(d["name"])
            major.setdefault(v, set()).add(d["name"])
    street_deg: dict[tuple[Any, str], set[Any]] = {}
    for u, v, d in g.edges(data=True):
        if d.get("name") and road_rank(d.get("highway")) <= major_rank:
            street_deg.setdefault((u, d["name"]), set()).add(v)
            street_deg.setdefault((v, d["name"]), set()).add(u)
    street_ends = {n for (n, _), nb in street_deg.items() if len(nb) == 1}
    nodes = sorted(major, key=str)
    lats, lons = _coords(g, nodes)
    added = 0
    for i, n in enumerate(nodes):
        if n not in street_ends:
            continue
        dists = haversine_many(lats[i], lons[i], lats, lons)
        order = np.argsort(dists, kind="stable")
        for k in order:
            dist = float(dists[k])
            if dist > max_m:
                break
            m = nodes[int(k)]
            if m == n or major[m] & major[n]:
                continue
            try:
                graph_d = nx.dijkstra_path_length(und, n, m, weight="weight")
            except nx.NetworkXNoPath:
                graph_d = math.inf
            if graph_d > 3 * dist + 200:
                add_street_edge(g, n, m, name="", highway="bridge_join", oneway=False, length=dist, bridged=True,
                                bridge="end")
                und.add_edge(n, m, weight=dist)
                added += 1
            break
    return added


# --------------------------------------------------------------------------------------------- OSM import

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

    class _Handler(osmium.SimpleHandler):  # type: ignore[misc]
        def __init__(self) -> None:
            super().__init__()
            self.ways: list[tuple[str, list[tuple[str, float, float]], dict[str, str]]] = []
            self.points: list[NamedPoint] = []

        def node(self, n: Any) -> None:
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


def cache_dir() -> Path:
    """paradeplan's on-disk cache folder: ``$PARADEPLAN_CACHE``, else ``$XDG_CACHE_HOME/paradeplan``, else
    ``~/.cache/paradeplan``."""
    env = os.environ.get("PARADEPLAN_CACHE")
    if env:
        return Path(env).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg).expanduser() if xdg else Path.home() / ".cache") / "paradeplan"


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


def write_street_data(g: nx.MultiDiGraph, points: Iterable[NamedPoint], out: str | Path) -> list[Path]:
    """Save a graph and, when there are any, its named points beside it (see :func:`places_path_for`)."""
    outp = Path(out)
    written = [save_graph(g, outp)]
    pts = list(points)
    if pts:
        written.append(save_named_points(pts, places_path_for(outp)))
    return written
