"""OpenStreetMap street data into a street graph: import an .osm/.osm.pbf file (pyosmium), or fetch online (osmnx)."""

from __future__ import annotations

import logging
import math
from collections import Counter
from pathlib import Path
from typing import Any

import networkx as nx

from paradeplan.errors import InputError, NetworkError, Problem
from paradeplan.geo.distance import geodesic_m
from paradeplan.geo.streets import NamedPoint, add_street_edge, cache_dir, clean_highway, clean_name, new_graph
from paradeplan.i18n import _, number

log = logging.getLogger(__name__)

#: Largest OpenStreetMap file imported (bytes, as stored: .osm, .osm.pbf, .osm.gz, .osm.bz2); refused before
#: reading. A district's extract is a few MB, a large city's ``.osm.pbf`` some tens of MB.
MAX_OSM_BYTES = 250_000_000
#: Most OSM nodes read (the count is checked as they stream in, so a small ``.osm.gz`` or ``.osm.bz2`` that
#: unpacks to gigabytes is refused after this many): about a large city's worth.
MAX_OSM_NODES = 5_000_000


class _TooManyNodes(Exception):
    """Raised from the node callback past :data:`MAX_OSM_NODES` (pyosmium passes it out of ``apply_file``)."""


_MAIN = ("motorway", "trunk", "primary", "secondary", "tertiary")
#: ``highway`` values imported as streets: roads a column, an escort or a float can use. Footways, paths,
#: cycleways, steps, platforms, corridors, construction and proposed roads are left out.
STREET_HIGHWAYS = frozenset(
    {
        *_MAIN,
        *(f"{c}_link" for c in _MAIN),
        "unclassified",
        "residential",
        "living_street",
        "service",
        "road",
        "track",
        "pedestrian",
        "busway",
    }
)
#: ``service`` values left out: parking aisles and driveways are no streets.
SKIP_SERVICE = frozenset({"parking_aisle", "driveway", "drive-through", "emergency_access"})
#: Tags that make a named object a *place* (checked in this order for its kind, e.g. ``amenity=school``).
PLACE_KEYS = (
    "place",
    "amenity",
    "office",
    "shop",
    "leisure",
    "tourism",
    "historic",
    "healthcare",
    "emergency",
    "craft",
    "public_transport",
    "railway",
    "aeroway",
    "man_made",
    "building",
    "landuse",
    "junction",
    "highway",
)
#: Tags of the places ``streets fetch`` downloads besides the streets (osmnx ``features`` query, OR of the tags).
FETCH_PLACE_TAGS: dict[str, bool | str | list[str]] = {
    "place": True,
    "amenity": True,
    "office": True,
    "tourism": True,
    "historic": True,
    "shop": True,
    "leisure": ["park", "garden", "stadium", "sports_centre", "playground"],
    "building": [
        "school",
        "university",
        "college",
        "kindergarten",
        "public",
        "government",
        "civic",
        "office",
        "hospital",
        "train_station",
        "temple",
        "church",
        "cathedral",
        "stadium",
    ],
    "public_transport": "station",
    "railway": "station",
    "junction": "roundabout",
}
#: Named ways and areas with only these keys are not places (rivers, railway lines, boundaries, routes).
_LINEAR_RAILWAY = frozenset(
    {
        "rail",
        "tram",
        "subway",
        "light_rail",
        "narrow_gauge",
        "monorail",
        "funicular",
        "abandoned",
        "disused",
        "construction",
        "miniature",
    }
)


def place_kind(tags: dict[str, str]) -> str:
    """The kind of a named object from its tags: the first of :data:`PLACE_KEYS` it has (``other`` if none)."""
    return next((f"{k}={tags[k]}" for k in PLACE_KEYS if tags.get(k)), "other")


def street_name(tags: dict[str, str]) -> str:
    """A street's name: its ``name``, else its road number (``ref``, e.g. "QL1A" or "170"), else ""."""
    return clean_name(tags.get("name") or tags.get("ref") or "")


def direction(tags: dict[str, str]) -> tuple[bool, bool]:
    """(one-way, drawn against the traffic) of a street: ``oneway=yes|-1|no``, implied by roundabouts/motorways.

    ``oneway=-1`` means the way is drawn against the direction of travel; ``reversible`` and ``alternating``
    roads are open both ways (at different times) and count as two-way.
    """
    value = tags.get("oneway", "").strip().lower()
    if value in {"-1", "reverse"}:
        return True, True
    if value in {"yes", "true", "1"}:
        return True, False
    if value in {"no", "false", "0", "reversible", "alternating"}:
        return False, False
    implied = tags.get("junction") in {"roundabout", "circular"} or tags.get("highway") == "motorway"
    return implied, False


def is_street(tags: dict[str, str]) -> bool:
    """Whether a way is a street of the graph (see :data:`STREET_HIGHWAYS`); areas (``area=yes``) are not."""
    return (
        tags.get("highway") in STREET_HIGHWAYS
        and tags.get("area") != "yes"
        and tags.get("service") not in SKIP_SERVICE
        and tags.get("access") != "private"
    )


def _is_place(tags: dict[str, str], area: bool) -> bool:
    """Whether a named way or area is a place people name in a plan (school, office, square, park, station…)."""
    if not tags.get("name") or "boundary" in tags or tags.get("type") in {"route", "route_master", "boundary"}:
        return False
    if "highway" in tags:
        # a square mapped as a pedestrian area, a named roundabout; not the street itself
        return (area and tags.get("junction") in {"roundabout", "circular"}) or (
            area and (tags.get("area") == "yes" or tags.get("type") == "multipolygon")
        )
    if tags.get("railway") in _LINEAR_RAILWAY or "waterway" in tags or "power" in tags:
        return False
    return any(tags.get(k) for k in PLACE_KEYS if k not in {"highway", "junction"})


def _rings_centroid(rings: list[list[tuple[float, float]]], signs: list[float]) -> tuple[float, float] | None:
    """Area-weighted centroid (lat, lon) of polygon rings (outer +1, inner -1), in a local flat projection."""
    pts = [p for r in rings for p in r]
    if not pts:
        return None
    lat0, lon0 = pts[0]
    kx = math.cos(math.radians(lat0))
    total = cx = cy = 0.0
    for ring, sign in zip(rings, signs, strict=True):
        xy = [((lon - lon0) * kx, lat - lat0) for lat, lon in ring]
        a = sx = sy = 0.0
        for (x1, y1), (x2, y2) in zip(xy, xy[1:] + xy[:1], strict=True):
            cross = x1 * y2 - x2 * y1
            a += cross
            sx += (x1 + x2) * cross
            sy += (y1 + y2) * cross
        if a == 0:
            continue
        a /= 2.0
        sign_a = sign * abs(a)
        total += sign_a
        cx += sign_a * sx / (6.0 * a)
        cy += sign_a * sy / (6.0 * a)
    if total <= 0:
        return (sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts))
    return (lat0 + cy / total, lon0 + cx / total / kx)


def _midpoint(pts: list[tuple[float, float]]) -> tuple[float, float]:
    """The point halfway along a polyline (lat, lon)."""
    legs = [geodesic_m(a[0], a[1], b[0], b[1]) for a, b in zip(pts, pts[1:], strict=False)]
    half, run = sum(legs) / 2.0, 0.0
    for (a, b), leg in zip(zip(pts, pts[1:], strict=False), legs, strict=True):
        if leg > 0 and run + leg >= half:
            t = (half - run) / leg
            return (a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]))
        run += leg
    return pts[0]


def _point(name: str, lat: float, lon: float, kind: str, osmid: str) -> NamedPoint:
    return NamedPoint(clean_name(name), round(lat, 7), round(lon, 7), kind, osmid)


class _Reader:
    """Collects streets and named places from one pass of pyosmium over an OSM file (areas in a second pass)."""

    def __init__(self) -> None:
        self.ways: list[tuple[str, list[tuple[str, float, float]], dict[str, str]]] = []
        self.points: list[NamedPoint] = []
        self.skipped: Counter[str] = Counter()
        #: named multipolygons that are places: relation id -> (tags, outer way ids), until assembled
        self.relations: dict[int, tuple[dict[str, str], list[int]]] = {}
        self.assembled: set[int] = set()
        self.nodes = 0

    def node(self, n: Any) -> None:
        self.nodes += 1
        if self.nodes > MAX_OSM_NODES:
            raise _TooManyNodes
        if "name" not in n.tags or not n.location.valid():
            return
        tags = {t.k: t.v for t in n.tags}
        self.points.append(_point(tags["name"], n.location.lat, n.location.lon, place_kind(tags), str(n.id)))

    def way(self, w: Any) -> None:
        tags = {t.k: t.v for t in w.tags}
        if "highway" in tags and not is_street(tags):
            self.skipped[tags["highway"] if tags.get("area") != "yes" else "area"] += 1
        closed = len(w.nodes) >= 4 and w.nodes[0].ref == w.nodes[-1].ref
        if tags.get("name") and _is_place(tags, area=closed and (tags.get("area") != "no")):
            ring = [(nd.location.lat, nd.location.lon) for nd in w.nodes if nd.location.valid()]
            if ring:
                where = _rings_centroid([ring], [1.0]) if closed else _midpoint(ring)
                if where is not None:
                    self.points.append(_point(tags["name"], where[0], where[1], place_kind(tags), f"way/{w.id}"))
        if not is_street(tags):
            return
        # a way cut by the extract's border misses node locations: keep the runs of located nodes
        run: list[tuple[str, float, float]] = []
        for nd in w.nodes:
            if nd.location.valid():
                run.append((str(nd.ref), nd.location.lat, nd.location.lon))
                continue
            if len(run) >= 2:
                self.ways.append((str(w.id), run, tags))
            run = []
        if len(run) >= 2:
            self.ways.append((str(w.id), run, tags))

    def relation(self, r: Any) -> None:
        if r.tags.get("type") != "multipolygon" or "name" not in r.tags:
            return
        tags = {t.k: t.v for t in r.tags}
        if _is_place(tags, area=True):
            self.relations[r.id] = (tags, [m.ref for m in r.members if m.type == "w" and m.role in {"outer", ""}])

    def area(self, a: Any) -> None:
        if a.from_way():  # closed ways are handled in way()
            return
        tags = {t.k: t.v for t in a.tags}
        if not _is_place(tags, area=True):
            return
        self.assembled.add(a.orig_id())
        rings: list[list[tuple[float, float]]] = []
        signs: list[float] = []
        for outer in a.outer_rings():
            rings.append([(nd.lat, nd.lon) for nd in outer if nd.location.valid()])
            signs.append(1.0)
            for inner in a.inner_rings(outer):
                rings.append([(nd.lat, nd.lon) for nd in inner if nd.location.valid()])
                signs.append(-1.0)
        where = _rings_centroid(rings, signs)
        if where is not None:
            self.points.append(_point(tags["name"], where[0], where[1], place_kind(tags), f"relation/{a.orig_id()}"))


def _clipped_areas(src: Path, reader: _Reader) -> None:
    """Named multipolygons the extract cut (members or nodes outside it): placed at their outer ways' centroid."""
    import osmium

    missing = {rid: v for rid, v in reader.relations.items() if rid not in reader.assembled}
    wanted = {wid for _, outers in missing.values() for wid in outers}
    if not wanted:
        return
    coords: dict[int, list[tuple[float, float]]] = {}
    for w in osmium.FileProcessor(str(src), osmium.osm.NODE | osmium.osm.WAY).with_locations():
        if isinstance(w, osmium.osm.Way) and w.id in wanted:
            coords[w.id] = [(nd.location.lat, nd.location.lon) for nd in w.nodes if nd.location.valid()]
    for rid, (tags, outers) in sorted(missing.items()):
        ring = [p for wid in outers for p in coords.get(wid, [])]
        where = _rings_centroid([ring], [1.0]) if len(ring) >= 3 else None
        if where is not None:
            reader.points.append(_point(tags["name"], where[0], where[1], place_kind(tags), f"relation/{rid}"))
    log.debug("placed %d multipolygons cut by the extract's border", len(missing))


#: A way read: its OSM id, its located nodes (id, lat, lon) and its tags.
Way = tuple[str, list[tuple[str, float, float]], dict[str, str]]


def _street_graph(source: str, ways: list[Way]) -> nx.MultiDiGraph:
    """The street graph of the ways read: an edge per pair of consecutive nodes, one-way as tagged."""
    g = new_graph(source=source)
    for wid, pts, tags in ways:
        oneway, reverse = direction(tags)
        if reverse:
            pts = pts[::-1]
        for ref, lat, lon in pts:
            if ref not in g:
                g.add_node(ref, x=round(lon, 7), y=round(lat, 7), osmid=ref)
        name, highway = street_name(tags), clean_highway(tags["highway"])
        for (a, alat, alon), (b, blat, blon) in zip(pts, pts[1:], strict=False):
            add_street_edge(
                g, a, b, name=name, highway=highway, oneway=oneway, length=geodesic_m(alat, alon, blat, blon), osmid=wid
            )
    return g


def import_osm(source: str | Path) -> tuple[nx.MultiDiGraph, tuple[NamedPoint, ...]]:
    """Read an OpenStreetMap ``.osm`` (XML) or ``.osm.pbf`` file into a street graph, with pyosmium.

    Every street (a way whose ``highway`` is in :data:`STREET_HIGHWAYS`; not an area, a parking aisle, a
    driveway or a private road) becomes edges between its consecutive nodes, with the way's name (its road
    number ``ref`` when it has no name), ``highway`` class, OSM way id and geodesic length; two-way unless
    one-way (``oneway=yes``/``-1``, roundabouts, motorways; see :func:`direction`). A way cut by the extract's
    border keeps its located pieces.

    Named places become named points: named nodes (offices, schools, shops, stops…), named closed ways
    (a school's building, a park, a named roundabout) and named multipolygons (a square mapped as a pedestrian
    area) at their area's centroid, and other named features drawn as lines (a station platform) at their
    midpoint. Streets, railway lines, rivers, boundaries and routes are not places.

    Parameters
    ----------
    source : str or Path
        The OSM file.

    Returns
    -------
    (networkx.MultiDiGraph, tuple of NamedPoint)
        The graph and the named points (nodes keep their OSM id as ``osmid``; ways and areas have
        ``way/ID`` or ``relation/ID``).

    Raises
    ------
    InputError
        Missing, unreadable or street-less file.
    """

    src = Path(source)
    if not src.is_file():
        raise InputError(
            problems=[Problem(_("OSM file not found"), str(source), hint=_("give an .osm or .osm.pbf file"))]
        )
    limit_hint = _("import a smaller extract (a district or a city); limits: docs/limits.md")
    size = src.stat().st_size
    if size > MAX_OSM_BYTES:
        raise InputError(
            problems=[
                Problem(
                    _("OSM file is {size} MB, more than the limit of {limit} MB").format(
                        size=number(size / 1e6, None, 1), limit=number(MAX_OSM_BYTES / 1e6)
                    ),
                    str(source),
                    hint=limit_hint,
                )
            ]
        )

    reader = _read_osm(src, str(source), limit_hint)
    if not reader.ways:
        none = _("the OSM file holds no streets")
        if reader.skipped:
            none = _("the OSM file holds no streets (only {kinds})").format(kinds=", ".join(sorted(reader.skipped)))
        raise InputError(
            problems=[
                Problem(
                    none,
                    str(source),
                    hint=_(
                        "export an area with roads (highway=primary … residential, "
                        "service, pedestrian); footways, paths and steps are no streets"
                    ),
                )
            ]
        )
    g = _street_graph(src.name, reader.ways)
    if reader.skipped:
        log.info(
            "left out ways that are no streets: %s", ", ".join(f"{n} {k}" for k, n in sorted(reader.skipped.items()))
        )
    log.info(
        "imported %d nodes, %d edges, %d named places", g.number_of_nodes(), g.number_of_edges(), len(reader.points)
    )
    return g, tuple(reader.points)


def _read_osm(src: Path, name: str, limit_hint: str) -> _Reader:
    """Every way, node, relation and area of an OSM file read with pyosmium (bounded: :data:`MAX_OSM_NODES`)."""
    import osmium

    reader = _Reader()

    class _Handler(osmium.SimpleHandler):
        node = staticmethod(reader.node)
        way = staticmethod(reader.way)
        relation = staticmethod(reader.relation)
        area = staticmethod(reader.area)

    try:
        _Handler().apply_file(str(src), locations=True)
        _clipped_areas(src, reader)
    except _TooManyNodes:
        raise InputError(
            problems=[
                Problem(
                    _("OSM file holds more than the limit of {n} nodes").format(n=number(MAX_OSM_NODES)),
                    name,
                    hint=limit_hint,
                )
            ]
        ) from None
    except RuntimeError as exc:
        raise InputError(
            problems=[
                Problem(
                    _("cannot read OSM data: {error}").format(error=exc),
                    name,
                    hint=_("give a valid .osm (XML) or .osm.pbf file"),
                )
            ]
        ) from None
    return reader


def _from_osmnx(raw: Any, source: str) -> nx.MultiDiGraph:
    """An osmnx graph in paradeplan's schema (string node ids, cleaned names and classes, lengths, one-way)."""
    g = new_graph(source=source)
    for n, d in raw.nodes(data=True):
        g.add_node(str(n), x=round(float(d["x"]), 7), y=round(float(d["y"]), 7), osmid=str(n))
    for u, v, d in raw.edges(data=True):
        osmid = d.get("osmid")
        osmid_s = str(osmid[0] if isinstance(osmid, list) else osmid) if osmid is not None else None
        name = d.get("name") if d.get("name") is not None else d.get("ref")
        add_street_edge(
            g,
            str(u),
            str(v),
            name=clean_name(name),
            highway=clean_highway(d.get("highway")),
            oneway=True,
            length=float(d.get("length") or 0.0),
            osmid=osmid_s,
        )
        g.edges[str(u), str(v), max(g[str(u)][str(v)])]["oneway"] = bool(d.get("oneway", False))
    return g


def fetch_osm(place: str, *, online: bool = False) -> tuple[nx.MultiDiGraph, tuple[NamedPoint, ...]]:
    """Download a place's drivable streets and named places with osmnx (only with ``online=True``), cached on disk.

    osmnx asks Nominatim for the place's outline, then Overpass for its ``drive`` street network and for the
    features tagged as in :data:`FETCH_PLACE_TAGS` (offices, schools, squares, parks…). Answers are cached in
    the cache folder's ``osmnx`` directory, so a second fetch of the same place needs no network.

    Parameters
    ----------
    place : str
        A place query such as "Quận 12, Thành phố Hồ Chí Minh, Việt Nam".
    online : bool
        Must be True: paradeplan never touches the network otherwise.

    Returns
    -------
    (networkx.MultiDiGraph, tuple of NamedPoint)
        The graph in paradeplan's schema, and the named places (as :func:`import_osm` makes them).

    Raises
    ------
    NetworkError
        Offline, osmnx missing, or the download failed (the place unknown to Nominatim, a service error).
    """
    from paradeplan.geo.geocode import USER_AGENT

    if not online:
        raise NetworkError(
            f"downloading '{place}' needs the network: pass --online "
            "(or import a downloaded .osm/.osm.pbf file with `paradeplan streets import`)"
        )
    try:
        import osmnx as ox
        from osmnx._errors import InsufficientResponseError
    except ImportError:
        raise NetworkError(
            "downloading street data needs osmnx, which is not installed: "
            "`pip install 'paradeplan[online]'` (or import an .osm/.osm.pbf file with "
            "`paradeplan streets import`)"
        ) from None
    folder = cache_dir() / "osmnx"
    folder.mkdir(parents=True, exist_ok=True)
    ox.settings.use_cache = True
    ox.settings.cache_folder = str(folder)
    ox.settings.http_user_agent = f"{USER_AGENT} osmnx/{ox.__version__}"  # Nominatim's usage policy
    try:
        outline = ox.geocode_to_gdf(place)
        polygon = outline.geometry.iloc[0]
        raw = ox.graph_from_polygon(polygon, network_type="drive", simplify=True)
    except Exception as exc:  # noqa: BLE001 - network and geocoding failures all become NetworkError
        failed = _(
            "could not download '{place}' from OpenStreetMap: {error} (check the place's spelling "
            "on openstreetmap.org, retry later, or import an .osm.pbf extract with "
            "`paradeplan streets import`)"
        )
        raise NetworkError(failed.format(place=place, error=exc)) from None
    try:
        features = ox.features_from_polygon(polygon, tags=FETCH_PLACE_TAGS)
    except InsufficientResponseError:
        features = None  # an area without any such feature
    except Exception as exc:  # noqa: BLE001
        failed = _("could not download the places of '{place}' from OpenStreetMap: {error} (retry later)")
        raise NetworkError(failed.format(place=place, error=exc)) from None
    g = _from_osmnx(raw, f"osmnx graph_from_place({place!r})")  # words as data: the graph's source (code)
    points = _feature_points(features) if features is not None else ()
    log.info("downloaded %d nodes, %d edges, %d named places", g.number_of_nodes(), g.number_of_edges(), len(points))
    return g, points


def _feature_points(features: Any) -> tuple[NamedPoint, ...]:
    """Named places from an osmnx features GeoDataFrame (index: element type, OSM id; columns: tags)."""
    out: list[NamedPoint] = []
    for (element, osmid), row in features.iterrows():
        tags = {str(k): v for k, v in row.items() if k != "geometry" and isinstance(v, str)}
        geom = row["geometry"]
        if not tags.get("name") or geom is None or geom.is_empty:
            continue
        if geom.geom_type in ("Polygon", "MultiPolygon"):
            where, area = geom.centroid, True
        elif geom.geom_type in ("LineString", "MultiLineString"):
            where, area = geom.interpolate(0.5, normalized=True), False
        else:
            where, area = geom.representative_point(), False
        if element != "node" and not _is_place(tags, area=area):
            continue
        ref = str(osmid) if element == "node" else f"{element}/{osmid}"
        out.append(_point(tags["name"], float(where.y), float(where.x), place_kind(tags), ref))
    return tuple(out)
