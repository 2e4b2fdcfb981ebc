"""Street graphs: load/save GraphML (osmnx/QGIS-readable), import OSM files, fetch online, bridge gaps."""

from __future__ import annotations

import contextlib
import csv
import gzip
import io
import logging
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx

from paradeplan.errors import InputError, Problem
from paradeplan.geo.distance import haversine_m
from paradeplan.i18n import _, number
from paradeplan.outputs import write_file_atomic
from paradeplan.resources import data_path

log = logging.getLogger(__name__)

#: Spec of the embedded Quận 12 street data.
BUILTIN_QUAN12 = "builtin:quan12"
ATTRIBUTION = "© OpenStreetMap contributors"
LICENSE = "ODbL-1.0"

#: Road classes from the most to the least important (``*_link`` count as their road).
ROAD_CLASSES = (
    "motorway",
    "trunk",
    "primary",
    "secondary",
    "tertiary",
    "unclassified",
    "residential",
    "living_street",
    "service",
    "road",
    "track",
)

_NODE_FLOAT = ("x", "y")
_EDGE_FLOAT = ("length",)
_EDGE_BOOL = ("oneway", "bridged", "reversed")
_TRUE = {"true", "yes", "1", "-1"}

_BUILTIN_CACHE: dict[str, nx.MultiDiGraph] = {}

#: Largest GraphML street graph read (bytes, once unpacked when gzipped; the file itself too): about 30 times the
#: embedded Quận 12 graph (4.6 MB), a city's drivable streets. A gzip member is unpacked in 1 MB chunks and
#: refused as soon as it passes this, so a small file that unpacks to gigabytes costs at most this much memory.
MAX_GRAPHML_BYTES = 150_000_000
_CHUNK = 1 << 20


@dataclass(frozen=True)
class NamedPoint:
    """A named point of the street data (a POI such as a bus stop, office or pagoda)."""

    name: str
    lat: float
    lon: float
    kind: str = "other"
    osmid: str = ""


# --------------------------------------------------------------------------------------------- geometry


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


def clean_highway(value: Any) -> str:
    """An OSM highway value as one class; osmnx lists such as "['tertiary', 'secondary']" give the best one."""
    if isinstance(value, list | tuple):
        return best_class(str(v) for v in value) or "road"
    text = str(value or "road")
    if text.startswith("["):
        parts = [p.strip(" '\"") for p in text.strip("[]").split(",")]
        return best_class(parts) or "road"
    return text


def clean_name(value: Any) -> str:
    """An OSM name value as one NFC string; osmnx lists such as "['A', 'B']" give the first one."""
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


def add_street_edge(
    g: nx.MultiDiGraph,
    u: str,
    v: str,
    *,
    name: str,
    highway: str,
    oneway: bool,
    length: float,
    osmid: str | None = None,
    bridged: bool = False,
    bridge: str | None = None,
) -> None:
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
        attrs: dict[str, Any] = {
            "name": name,
            "highway": highway,
            "oneway": oneway,
            "length": round(length, 2),
            "bridged": bridged,
        }
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
    edges = sorted(
        g.edges(keys=True, data=True),
        key=lambda e: (str(e[0]), str(e[1]), str(e[3].get("name", "")), str(e[3].get("bridged", "")), e[2]),
    )
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
        raise InputError(
            problems=[
                Problem(_("street data file not found"), str(path), hint=_("give a GraphML file, or `builtin:quan12`"))
            ]
        )
    limit_hint = _("check that it is the right street data file; limits: docs/limits.md")
    try:
        size = p.stat().st_size
        if size > MAX_GRAPHML_BYTES:
            raise InputError(
                problems=[
                    Problem(
                        _("street data file is {size} MB, more than the limit of {limit} MB").format(
                            size=number(size / 1e6, None, 1), limit=number(MAX_GRAPHML_BYTES / 1e6)
                        ),
                        str(path),
                        hint=limit_hint,
                    )
                ]
            )
        raw = p.read_bytes()
        cached = _cache_get(raw)
        if cached is not None:
            return cached
        digest_of = raw
        if raw[:2] == b"\x1f\x8b":
            raw = _gunzip_bounded(raw, str(path))
        g0 = _fast_graphml(raw)
        if g0 is None:
            g0 = nx.read_graphml(io.BytesIO(raw), node_type=str, force_multigraph=True)
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - any parse failure is a bad input file
        from defusedxml import DefusedXmlException

        if isinstance(exc, DefusedXmlException):
            raise InputError(
                problems=[
                    Problem(
                        _("street data declares XML entities or a DTD ({kind}), refused: GraphML needs none").format(
                            kind=type(exc).__name__
                        ),
                        str(path),
                        hint=_("create the file with `paradeplan streets import`"),
                    )
                ]
            ) from None
        raise InputError(
            problems=[
                Problem(
                    _("cannot read street data as GraphML: {error}").format(error=exc),
                    str(path),
                    hint=_("create one with `paradeplan streets import`"),
                )
            ]
        ) from None
    g = _typed_graph(g0, str(path))
    _cache_put(digest_of, g)
    return g


def _typed_graph(g0: nx.Graph, name: str) -> nx.MultiDiGraph:
    """A graph read from GraphML with its attributes typed: float coordinates and lengths (measured when
    missing), bool flags, cleaned names and road classes. ``InputError`` naming ``name`` without coordinates."""
    g = nx.MultiDiGraph(g0) if not g0.is_directed() else g0
    problems = []
    for n, d in g.nodes(data=True):
        try:
            for k in _NODE_FLOAT:
                d[k] = float(d[k])
        except (KeyError, ValueError):
            problems.append(
                Problem(
                    _("node {node} has no numeric x/y coordinates").format(node=n),
                    name,
                    hint=_("the graph must carry lon/lat as x/y node attributes"),
                )
            )
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
        d["name"] = clean_name(d.get("name"))
        d["highway"] = clean_highway(d.get("highway"))
    return g


def _gunzip_bounded(raw: bytes, name: str) -> bytes:
    """Unpack gzip bytes in chunks, refusing them once more than :data:`MAX_GRAPHML_BYTES` come out."""
    import zlib

    too_big = InputError(
        problems=[
            Problem(
                _("street data unpacks to more than the limit of {limit} MB (a gzip bomb?)").format(
                    limit=number(MAX_GRAPHML_BYTES / 1e6)
                ),
                name,
                hint=_("check that it is the right street data file; limits: docs/limits.md"),
            )
        ]
    )
    if len(raw) >= 18 and int.from_bytes(raw[-4:], "little") > MAX_GRAPHML_BYTES:
        raise too_big  # the size the gzip trailer declares (mod 4 GiB); a lie is caught below
    out = bytearray()
    data = raw
    while data:  # one gzip member after another (``cat a.gz b.gz`` is valid gzip)
        d = zlib.decompressobj(zlib.MAX_WBITS | 16)
        while True:
            chunk = d.decompress(data, _CHUNK)
            out += chunk
            if len(out) > MAX_GRAPHML_BYTES:
                raise too_big
            data = d.unconsumed_tail
            if d.eof or (not chunk and not data):
                break
        if not d.eof:
            raise ValueError("truncated gzip data")
        data = d.unused_data
    return bytes(out)


def _cache_file(raw: bytes) -> Path:
    import hashlib

    h = hashlib.sha256(raw)
    # parsed graphs carry derived indexes: a change of the code that builds them invalidates the cache
    root = Path(__file__).parents[1]
    for mod in ("geo/streets.py", "geo/index.py"):
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
    """Read plain GraphML with string-keyed data quickly; None when the file needs networkx's full reader.

    Parsed by defusedxml: a file declaring entities (an entity-expansion bomb) or external references is refused
    here, before networkx's reader (which would parse it again) ever sees it.
    """
    from defusedxml.ElementTree import fromstring

    root = fromstring(raw)
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
        edges.append(
            (e.attrib["source"], e.attrib["target"], {keys[d.attrib["key"]][0]: d.text or "" for d in e.iter(data_tag)})
        )
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
            raise InputError(
                problems=[
                    Problem(
                        _("unknown embedded street data '{spec}'").format(spec=spec),
                        hint=_("use builtin:quan12 or a GraphML file path"),
                    )
                ]
            )
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
                out.append(
                    NamedPoint(
                        row["name"],
                        float(row["lat"]),
                        float(row["lon"]),
                        row.get("kind") or "other",
                        row.get("osmid") or "",
                    )
                )
            except (KeyError, ValueError):
                continue
    return tuple(out)


def save_named_points(points: Iterable[NamedPoint], path: Path) -> Path:
    """Write named points as CSV with an attribution comment line, sorted and deterministic."""
    buf = io.StringIO()
    buf.write(f"# {ATTRIBUTION}, {LICENSE} (Open Database License)\n")  # words as data: the licence's name
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["name", "lat", "lon", "kind", "osmid"])
    for p in sorted(set(points), key=lambda p: (p.name, p.lat, p.lon, p.kind, p.osmid)):
        w.writerow([p.name, f"{p.lat:.7f}", f"{p.lon:.7f}", p.kind, p.osmid])
    path.parent.mkdir(parents=True, exist_ok=True)
    write_file_atomic(path, buf.getvalue().encode("utf-8"))
    return path


def cache_dir() -> Path:
    """paradeplan's on-disk cache folder: ``$PARADEPLAN_CACHE``, else ``$XDG_CACHE_HOME/paradeplan``, else
    ``~/.cache/paradeplan``."""
    env = os.environ.get("PARADEPLAN_CACHE")
    if env:
        return Path(env).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg).expanduser() if xdg else Path.home() / ".cache") / "paradeplan"


def write_street_data(g: nx.MultiDiGraph, points: Iterable[NamedPoint], out: str | Path) -> list[Path]:
    """Save a graph and, when there are any, its named points beside it (see :func:`places_path_for`)."""
    outp = Path(out)
    written = [save_graph(g, outp)]
    pts = list(points)
    if pts:
        written.append(save_named_points(pts, places_path_for(outp)))
    return written
