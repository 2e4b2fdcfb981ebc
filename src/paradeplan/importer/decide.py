"""What the document's context decides (street data, a place among several candidates), each decision listed for
the user to overturn; what it cannot decide stays an open question with its candidates."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import Any, Literal

from paradeplan.geo.distance import haversine_m
from paradeplan.geo.names import accent_blind_equal, name_key
from paradeplan.importer.context import RETURN_NOTE, WAY_OUT_NOTE, context_decisions
from paradeplan.importer.extract import Extraction, place_key, where_at
from paradeplan.importer.text import slug
from paradeplan.plan.rules import asks_coordinates

log = logging.getLogger(__name__)

#: The embedded street data and the box it covers (lat, lon min/max; Quận 12, Gò Vấp, Tân Bình of HCMC).
BUILTIN = "builtin:quan12"
#: Candidates closer than this are one place (both sides of a street, carriageway nodes).
SAME_PLACE_M = 300.0
#: Two streets whose nodes come this close (m) meet (a dual carriageway's two ways), as the route check counts them.
CROSSING_M = 40.0
#: A candidate nearer the route's neighbouring streets by at least this much is taken (metres).
NEIGHBOUR_MARGIN_M = 200.0
#: Points of one name closer than this to each other are parts of one place (a park's gates, its bus stops).
ONE_PLACE_M = 1000.0
#: A ceremony venue is a named point of the street data only that near its unit's seat (metres).
NEAR_SEAT_M = 10_000.0
#: Named points of these kinds only serve a place (a bus stop named after a school): used when nothing else fits.
_TRANSIT = ("transit", "highway", "public_transport", "railway", "amenity=bus_station")


@dataclass(frozen=True)
class Candidate:
    """A place that may be meant, with where it is."""

    name: str
    lat: float
    lon: float
    note: str = ""
    units: tuple[str, ...] = ()
    """The administrative units it lies in, when known (narrowest first)."""

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "lat": round(self.lat, 6), "lon": round(self.lon, 6)}
        if self.note:
            out["note"] = self.note
        return out


@dataclass(frozen=True)
class Decision:
    """A choice the importer took from the context: what, why, the other candidates and the source sentence."""

    id: str
    field: str
    chosen: str
    reason: str
    alternatives: tuple[Candidate, ...] = ()
    """The chosen candidate first, then the others."""
    source: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """As written under ``decisions:`` in the plan file (and in ``import --json``)."""
        out: dict[str, Any] = {"id": self.id, "field": self.field, "chosen": self.chosen, "reason": self.reason}
        if self.alternatives:
            out["alternatives"] = [c.as_dict() for c in self.alternatives]
        if self.source:
            out["source"] = self.source[:400]
        return out


@dataclass(frozen=True)
class OpenQuestion:
    """Something the document leaves open: what to ask, whether a plan needs it, and how it is answered."""

    id: str
    field: str
    question: str
    source: str | None = None
    required: bool = False
    """True when ``plan`` cannot run until it is answered (a placeholder otherwise stands in)."""
    kind: Literal["choose", "pin", "value"] = "value"
    """``choose`` one of ``candidates``, ``pin`` a place on the map, or give a ``value``."""
    candidates: tuple[Candidate, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "field": self.field,
            "question": self.question,
            "required": self.required,
            "kind": self.kind,
        }
        if self.source:
            out["source"] = self.source[:400]
        if self.candidates:
            out["candidates"] = [c.as_dict() for c in self.candidates]
        return out


@dataclass
class _Context:
    """What the document says about where it happens."""

    area: Any = None
    """The issuing unit (:class:`paradeplan.geo.admin.Unit`) or None."""
    decisions: list[Decision] = field(default_factory=list)
    questions: list[OpenQuestion] = field(default_factory=list)
    on_route: set[str] = field(default_factory=set)
    """Ids of places pinned on the street the document's route puts them on (not moved again)."""

    def area_names(self) -> list[str]:
        if self.area is None:
            return []
        return [self.area.name, self.area.short]

    def area_label(self) -> str:
        if self.area is None:
            return "?"
        return ", ".join([self.area.name, *reversed(self.area.parents)][:2])


def _area_unit(ex: Extraction) -> Any:
    from datetime import date

    from paradeplan.importer.places import Resolver

    day0 = ex.document_date or ex.week_start or (date(ex.year, 10, 1) if ex.year else None)
    try:
        return Resolver.for_document(ex.events, ex.area, day0, lambda: route_point(ex)).area
    except Exception:  # noqa: BLE001 - the dataset missing or unreadable: no area, nothing decided by it
        log.debug("no administrative area for %s", ex.source, exc_info=True)
        return None


def route_point(ex: Extraction) -> tuple[float, float] | None:
    """A point of the document's route the embedded street data knows by name (its first such place, one place
    of that name), or None: where a unit the document names without its province must lie."""
    names = [s.name for s in ex.route if s.kind == "place"] + ([ex.assembly_place] if ex.assembly_place else [])
    graph = _embedded() if names else None
    for name in names if graph is not None else []:
        found = _cluster(_known([name], graph))
        if len(found) == 1:
            return found[0][0].lat, found[0][0].lon
    return None


def _builtin_graph() -> Any:
    from paradeplan.geo.streets import load_graph

    return load_graph(BUILTIN)


def _covers(graph: Any, lat: float, lon: float) -> bool:
    """Whether the point lies in the street data's box (a unit's seat inside the data)."""
    box = graph.graph.get("_i24_box")
    if box is None:
        lats = [float(d["y"]) for _n, d in graph.nodes(data=True)]
        lons = [float(d["x"]) for _n, d in graph.nodes(data=True)]
        box = (min(lats), max(lats), min(lons), max(lons))
        graph.graph["_i24_box"] = box
    return bool(box[0] <= lat <= box[1] and box[2] <= lon <= box[3])


def decide(data: dict[str, Any], ex: Extraction) -> tuple[list[Decision], list[OpenQuestion]]:
    """Take the decisions the document's context allows on the plan data (changed in place).

    - A parade gets street data: the embedded Quận 12 data when the issuing unit's seat lies in it; else a
      GraphML file named after the area, with a required open question saying how to get it
      (``paradeplan streets fetch "AREA" --online`` or ``streets import``): the route is kept as written.
    - A route or gathering place that the gazetteer or the street data name several times is taken in the
      issuing unit's area, else next to the route's neighbouring streets; a place known only by a longer name
      that contains the document's (one candidate) is taken. Each becomes a :class:`Decision`; a choice the
      context cannot make stays an open question (``kind: choose``, with the candidates).

    Returns
    -------
    (list of Decision, list of OpenQuestion)
        Also written into ``data["decisions"]`` and ``data["open_items"]``.
    """
    ctx = _Context(area=_area_unit(ex))
    for said in data.pop("decisions", []):  # the writer's own (the route's start as the assembly place …)
        _note(ctx, said["field"], said["chosen"], said["reason"], said.get("source"))
    context_decisions(data, ex, lambda fld, chosen, why, src: _note(ctx, fld, chosen, why, src))
    graph = None
    if data.get("parades"):
        graph = _streets(data, ex, ctx)
        if graph is not None:
            _places(data, ex, ctx, graph)
            _way_out_legs(data, ex, ctx, graph)
            _return_legs(data, ex, ctx, graph)
            _turning_places(data, ex, ctx, graph)
    graph = graph if graph is not None or not data.get("ceremonies") else _embedded()
    if graph is not None:
        _venues(data, ex, ctx, graph)
    if ctx.decisions:
        data["decisions"] = [d.as_dict() for d in ctx.decisions]
    return ctx.decisions, ctx.questions


def _note(ctx: _Context, field_: str, chosen: str, reason: str, source: str | None) -> None:
    """Record a decision taken from the context or the policy (no candidates to choose among)."""
    ctx.decisions.append(Decision(f"d{len(ctx.decisions) + 1}", field_, chosen, reason, (), source))


def _streets(data: dict[str, Any], ex: Extraction, ctx: _Context) -> Any:
    from paradeplan.i18n import _

    area = ctx.area
    source = ex.route_text
    try:
        graph = _builtin_graph()
    except Exception:  # noqa: BLE001 - without the embedded data nothing is decided here
        log.debug("embedded street data unavailable", exc_info=True)
        return None
    if area is None:  # no issuing unit read ("UBND P.16" in a forwarded message): the route's own streets decide
        if not _route_in_data(data, graph):
            return None
        data["streets"] = BUILTIN
        why = _(
            "the document names no issuing unit, but every street of the route is in the embedded street data and "
            "they meet one after another (Quận 12, Gò Vấp, Tân Bình; © OpenStreetMap contributors)"
        )
        label = _("the embedded street data (Quận 12, Gò Vấp, Tân Bình)")
        ctx.decisions.append(Decision(f"d{len(ctx.decisions) + 1}", "streets", label, why, (), source))
        return graph
    label = ctx.area_label()
    inside = _covers(graph, area.lat, area.lon)
    if inside or _route_in_data(data, graph):
        data["streets"] = BUILTIN
        why = (
            _("{area} lies in the embedded street data (Quận 12, Gò Vấp, Tân Bình; © OpenStreetMap contributors)")
            if inside
            else _(
                "{area}'s seat lies outside the embedded street data, but every street of the route is in it and "
                "they meet one after another (Quận 12, Gò Vấp, Tân Bình; © OpenStreetMap contributors)"
            )
        )
        ctx.decisions.append(
            Decision(
                f"d{len(ctx.decisions) + 1}",
                "streets",
                _("the embedded street data (Quận 12, Gò Vấp, Tân Bình)"),  # the file's name is no words for people
                why.format(area=label),
                (Candidate(area.name, area.lat, area.lon, _("seat of the issuing unit")),),
                source,
            )
        )
        return graph
    fname = f"{slug(area.name, '-', 40)}.graphml"
    data["streets"] = fname
    question = _(
        "The route lies in {area}, outside the street data at hand: get it with "
        '`paradeplan streets fetch "{area}" --online --out {file}` (or build it from an OpenStreetMap extract '
        "with `paradeplan streets import SOURCE.osm.pbf --out {file}`), next to this plan file."
    ).format(area=label, file=fname)
    data["open_items"].insert(0, {"field": "streets", "question": question})
    ctx.questions.append(OpenQuestion("", "streets", question, source, True, "value"))
    return None


def _embedded() -> Any:
    """The embedded street data, or None when it cannot be read."""
    try:
        return _builtin_graph()
    except Exception:  # noqa: BLE001 - without the embedded data nothing is located here
        log.debug("embedded street data unavailable", exc_info=True)
        return None


def _near_seat(entry: dict[str, Any], c: Candidate) -> bool:
    """Whether a named point lies near where the venue was placed (its unit's seat): the same place, not a
    namesake in another city. A place not placed at all is the parade's, whose street data it is."""
    if entry.get("lat") is None:
        return True
    return haversine_m(float(entry["lat"]), float(entry["lon"]), c.lat, c.lon) <= NEAR_SEAT_M


def _venues(data: dict[str, Any], ex: Extraction, ctx: _Context, graph: Any) -> None:
    """Each ceremony venue placed at its unit's seat (approximate, or not located) that the street data names as
    one place: pinned there (a :class:`Decision`); its "named but not located" items are answered."""
    from paradeplan.i18n import _

    ceremonies = data.get("ceremonies") or []
    venues = {str(c.get("venue")) for c in ceremonies}
    for i, entry in enumerate(data.get("places", [])):
        if entry["id"] not in venues or (entry.get("lat") is not None and not entry.get("approximate")):
            continue
        if entry["id"] in ctx.on_route:
            continue
        clusters = _cluster(_known([str(entry["name"]), *[str(a) for a in entry.get("aliases", [])]], graph))
        ending = not clusters  # "sân Nhà văn hóa A": the known place its name ends with
        clusters = clusters or _cluster(_ending(str(entry["name"]), graph))
        if len(clusters) != 1 or not _near_seat(entry, clusters[0][0]):
            continue  # unknown to the street data, several places, or a namesake elsewhere: left as written
        chosen = clusters[0][0]
        for k in ("approximate", "source", "unit"):
            entry.pop(k, None)
        reason = _("the only place of this name in the street data, near the seat of its unit")
        if ending:
            reason = _("'{known}', the known place its name ends with (the words before it say where at it)").format(
                known=chosen.name
            )
        _decided(data, ex, ctx, f"places[{i}]", entry, chosen, reason, [chosen], clusters[0])
        held = {f"ceremonies[{k}].venue" for k, c in enumerate(ceremonies) if c.get("venue") == entry["id"]}
        data["open_items"] = [
            o for o in data["open_items"] if not (o["field"] in held and entry["name"] in o["question"])
        ]


def _route_in_data(data: dict[str, Any], graph: Any) -> bool:
    """Whether a route issued from outside the street data runs inside it: three streets or more, each named in
    the data, every two in a row meeting there (one pair may meet over an unnamed join); common names that the
    data also has ("Quang Trung") rarely meet one after another as the route says."""
    from paradeplan.geo.index import street_index

    streets = [str(s["street"]) for p in data.get("parades", []) for s in p["route"] if "street" in s]
    if len(set(streets)) < 3:
        return False
    idx = street_index(graph)
    names = [_street_names(idx, s) for s in streets]
    if not all(names):
        return False
    pairs = [(a, b) for a, b in zip(names, names[1:], strict=False) if a != b]
    apart = sum(1 for a, b in pairs if not idx.nodes_of(a) & idx.nodes_of(b))
    return apart <= 1


def _neighbour_streets(data: dict[str, Any], place_id: str) -> list[str]:
    out: list[str] = []
    for parade in data.get("parades", []):
        steps = parade.get("route", [])
        for i, s in enumerate(steps):
            if s.get("place") != place_id:
                continue
            for j in (i - 1, i + 1, i - 2, i + 2):
                if 0 <= j < len(steps) and "street" in steps[j]:
                    out.append(str(steps[j]["street"]))
    return list(dict.fromkeys(out))


def _one_place(cands: list[Candidate]) -> bool:
    """Several points of one name all within :data:`ONE_PLACE_M` of each other: parts of one place (a park's
    gates, the stops in front of it), not places of the same name elsewhere."""
    return len(cands) > 1 and all(
        haversine_m(a.lat, a.lon, b.lat, b.lon) <= ONE_PLACE_M for a in cands for b in cands if a is not b
    )


def _used_by_parades(data: dict[str, Any]) -> set[str]:
    used: set[str] = set()
    for parade in data.get("parades", []):
        used.add(str(parade.get("assembly_place")))
        used |= {str(s["place"]) for s in parade.get("route", []) if "place" in s}
    used |= {str(g.get("place")) for g in data.get("gatherings", [])}
    return used


def _cluster(cands: list[Candidate]) -> list[list[Candidate]]:
    clusters: list[list[Candidate]] = []
    for c in cands:
        for cl in clusters:
            if haversine_m(cl[0].lat, cl[0].lon, c.lat, c.lon) <= SAME_PLACE_M:
                cl.append(c)
                break
        else:
            clusters.append([c])
    return clusters


def _lies_in(units: tuple[str, ...]) -> str:
    """A gazetteer place's note for the user: the unit it lies in, in the user's language (its ``source`` is the
    data's provenance, for the data's maintainers)."""
    from paradeplan.i18n import _

    return _("in {unit}").format(unit=units[0]) if units else ""


def _known(names: list[str], graph: Any) -> list[Candidate]:
    """Gazetteer places, else the street data's named places, with one of these names."""
    from paradeplan.geo.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    hits = gaz.find_places(names)
    if hits:
        return [Candidate(p.name, p.lat, p.lon, _lies_in(p.unit), p.unit) for p in hits]
    keys = {name_key(n) for n in names}
    points = graph.graph.get("_named_points") or ()
    found = [p for p in points if name_key(p.name) in keys]
    if not found:
        found = [p for p in points if any(accent_blind_equal(n, p.name) for n in names)]
    return _points(found)


def _named_points(names: list[str], graph: Any) -> list[Candidate]:
    """Every named point of the street data with one of these names (stops and stations included)."""
    from paradeplan.i18n import point_kind_name

    keys = {name_key(n) for n in names}
    return [
        Candidate(p.name, p.lat, p.lon, point_kind_name(str(p.kind)))
        for p in graph.graph.get("_named_points") or ()
        if name_key(p.name) in keys
    ]


def _points(found: list[Any]) -> list[Candidate]:
    from paradeplan.i18n import point_kind_name

    places = [p for p in found if not any(str(p.kind).startswith(t) for t in _TRANSIT)] or found
    return [
        Candidate(
            p.name,
            p.lat,
            p.lon,
            f"OSM {p.osmid} ({point_kind_name(str(p.kind))})" if p.osmid else point_kind_name(str(p.kind)),
        )
        for p in places
    ]


def _containing(name: str, graph: Any) -> list[Candidate]:
    """Known places whose name contains the document's whole name ("Công viên Làng Hoa" → "… Gò Vấp")."""
    from paradeplan.geo.gazetteer import load_gazetteer

    key = name_key(name)
    if len(key) < 8:
        return []

    def contains(other: str) -> bool:
        k = name_key(other)
        return k != key and (k.startswith(key + " ") or f" {key} " in f" {k} ")

    gaz = load_gazetteer()
    out = [Candidate(p.name, p.lat, p.lon, _lies_in(p.unit), p.unit) for p in gaz.places if contains(p.name)]
    if out:
        return out
    return _points([p for p in graph.graph.get("_named_points") or () if contains(p.name)])


def _ending(name: str, graph: Any) -> list[Candidate]:
    """Known places whose whole name ends the document's longer one ("bãi đậu xe Chợ Bến Cát" → "Chợ Bến Cát"): the
    words before a known place say where at it (its car park, its gate, the ground beside it)."""
    from paradeplan.geo.gazetteer import load_gazetteer

    key = name_key(name)

    def ends(other: str) -> bool:
        k = name_key(other)
        return (len(k) >= 8 or len(k.split()) >= 2) and k != key and key.endswith(" " + k)  # "Chợ Cầu" too

    gaz = load_gazetteer()
    out = [Candidate(p.name, p.lat, p.lon, _lies_in(p.unit), p.unit) for p in gaz.places if ends(p.name)]
    out = out or _points([p for p in graph.graph.get("_named_points") or () if ends(p.name)])
    longest = max((len(name_key(c.name)) for c in out), default=0)  # "Chợ Thạnh Xuân", not the ward's "Thạnh Xuân"
    return [c for c in out if len(name_key(c.name)) == longest]


#: A junction named by the two streets that cross there ("ngã tư Lê Văn Khương × Lê Thị Riêng", "giao lộ A – B",
#: "nút giao A và B", "A giao với B"): its two streets.
_CROSSING = re.compile(
    r"^(?:(?:ngã\s+(?:ba|tư|năm|sáu|[3-6])|giao lộ|nút giao|vòng xoay|bùng binh)\s+)?(?:đường\s+)?(?P<a>[^×–—/,;()]+?)"
    r"\s*(?:×|–|—|\s-\s|/|\svà\s|\sgiao với\s|\sgiao\s|\sx\s)\s*(?:đường\s+)?(?P<b>[^×–—/,;()]+?)\s*$",
    re.IGNORECASE,
)


def _crossing(name: str, graph: Any) -> Candidate | None:
    """Where the two streets a junction's name gives meet in the street data (the mean of the nodes they share, or
    of their closest pair within :data:`CROSSING_M`); None when the name is no such
    junction or the streets do not meet."""
    from paradeplan.geo.gazetteer import load_gazetteer
    from paradeplan.geo.index import street_index

    m = _CROSSING.match(name.strip())
    if m is None:
        return None
    idx = street_index(graph)
    gaz = load_gazetteer()
    sides = []
    for side in (m.group("a"), m.group("b")):
        osm: set[str] = set()
        for n in (side, *gaz.street_names(side)):
            osm |= idx.exact.get(name_key(n), set())
        if not osm:
            return None
        sides.append(idx.nodes_of(osm))
    shared = sides[0] & sides[1]
    if not shared:
        best = min(
            ((haversine_m(*idx.latlon(a), *idx.latlon(b)), a, b) for a in sides[0] for b in sides[1]),
            default=None,
        )
        if best is None or best[0] > CROSSING_M:
            return None
        shared = {best[1], best[2]}
    points = [idx.latlon(n) for n in sorted(shared)]
    if max(haversine_m(*p, *points[0]) for p in points) > SAME_PLACE_M:
        return None  # the two streets cross more than once: the name does not say where
    lat = sum(p[0] for p in points) / len(points)
    lon = sum(p[1] for p in points) / len(points)
    return Candidate(name, lat, lon)


def _at_crossing(data: dict[str, Any], ex: Extraction, ctx: _Context, i: int, graph: Any) -> bool:
    """A junction named by its two streets ("ngã tư A × B"): where they meet, as a decision; whether it was."""
    from paradeplan.i18n import _

    entry = data["places"][i]
    found = _crossing(str(entry["name"]), graph)
    if found is None:
        return False
    why = _("where the two streets its name gives meet in the street data")
    _decided(data, ex, ctx, f"places[{i}]", entry, found, why, [found], [found])
    return True


def _at_known_place(data: dict[str, Any], ex: Extraction, ctx: _Context, i: int, graph: Any) -> None:
    """A place written as a known place with words before it ("bãi đậu xe Chợ Bến Cát"): at that place, when the
    known places so named are one place or the context decides which (:func:`_choose`)."""
    from paradeplan.i18n import _

    entry = data["places"][i]
    clusters = _cluster(_ending(str(entry["name"]), graph))
    if not clusters:
        return
    reps = [cl[0] for cl in clusters]
    known, how = (reps[0], "") if len(reps) == 1 else _choose(data, entry, reps, False, ctx, graph)
    if known is None:
        return  # several places so named, none the context decides: validate lists them
    why = _("'{known}', the known place its name ends with (the words before it say where at it)").format(
        known=known.name
    )
    why = f"{why}; {how}" if how else why
    _decided(data, ex, ctx, f"places[{i}]", entry, known, why, reps, next(c for c in clusters if c[0] is known))


def _described_here(data: dict[str, Any], ex: Extraction, ctx: _Context, i: int) -> None:
    """The names of a place that describe where at it ("khu vực chợ A" for the route's "chợ A"), merged into that
    place by the writer: each a decision the user can overturn."""
    from paradeplan.i18n import _

    entry = data["places"][i]
    name = str(entry["name"])
    for alias in entry.get("aliases", []):
        if where_at(str(alias), place_key(str(alias)), place_key(name)):
            why = _(
                "'{written}' is taken as '{place}', a place this document names: the words before it say where at it"
            )
            ctx.decisions.append(
                Decision(f"d{len(ctx.decisions) + 1}", f"places[{i}]", name, why.format(written=alias, place=name))
            )


def _in_area(c: Candidate, ctx: _Context) -> bool:
    names = {name_key(n) for n in ctx.area_names()}
    if c.units:
        return any(name_key(u) in names or name_key(u).endswith(" " + n) for u in c.units for n in names)
    return any(n and f" {n}" in f" {name_key(c.name)}" for n in {name_key(ctx.area.short)} if ctx.area)


def _distance_to_streets(graph: Any, c: Candidate, streets: list[str]) -> float:
    from paradeplan.geo.index import street_index

    idx = street_index(graph)
    total = 0.0
    for s in streets:
        names = idx.exact.get(name_key(s), set())
        total += idx.segment_distance(c.lat, c.lon, names) if names else 0.0
    return total


def _places(data: dict[str, Any], ex: Extraction, ctx: _Context, graph: Any) -> None:
    """Each place of the parades that the gazetteer or the street data name several times: decided by the
    context (a :class:`Decision`), or asked (an open question with the candidates)."""
    used = _used_by_parades(data)
    for i, entry in enumerate(data.get("places", [])):
        _described_here(data, ex, ctx, i)
        if entry.get("lat") is not None or entry["id"] not in used:
            continue
        names = [str(entry["name"]), *[str(a) for a in entry.get("aliases", [])]]
        cands = _known(names, graph)
        contained = False
        if not cands:
            cands = _containing(str(entry["name"]), graph)
            contained = True
        if not cands and _CITY_AFTER.search(str(entry["name"])):  # "Trường Đại học A TP. Hồ Chí Minh": "… A"
            cands = _known([_CITY_AFTER.sub("", str(entry["name"]))], graph)
        if not cands and _at_crossing(data, ex, ctx, i, graph):
            continue
        if not cands:
            _at_known_place(data, ex, ctx, i, graph)
            continue
        clusters = _cluster(cands)
        stops = len(clusters) == 1 and not contained and len(_cluster(_named_points(names, graph))) > 1
        if not clusters or (len(clusters) == 1 and not contained and not stops):
            continue  # unknown (validate says so), or one place that validate and plan find by name
        reps = [cl[0] for cl in clusters]
        chosen, reason = _choose(data, entry, reps, stops, ctx, graph)
        if chosen is None:
            _ask_which(data, ex, ctx, f"places[{i}]", entry, reps)
            continue
        _decided(
            data, ex, ctx, f"places[{i}]", entry, chosen, reason, reps, next(c for c in clusters if c[0] is chosen)
        )


#: The city or province a place's name ends with ("Trường Đại học Công nghiệp TP. Hồ Chí Minh", "… Thành phố Hồ
#: Chí Minh", "… tỉnh Bình Dương"): the street data's places are all in it, so it is no part of the name to look up.
_CITY_AFTER = re.compile(r"\s+(?:TP\.\s*|Tp\.\s*|[Tt]hành phố\s+|[Tt]ỉnh\s+)[^\W\d_][^,;()]{1,30}$")


def _choose(
    data: dict[str, Any], entry: dict[str, Any], reps: list[Candidate], stops: bool, ctx: _Context, graph: Any
) -> tuple[Candidate | None, str]:
    """The candidate the context decides and why (in the user's language), or None."""
    from paradeplan.i18n import _

    area = ctx.area_label()
    if stops:  # the park itself, where the street data also names stops after it: pinned, so none is taken
        return reps[0], _("the place itself, not the stops or stations named after it")
    if len(reps) == 1:
        if ctx.area is not None and _in_area(reps[0], ctx):
            return reps[0], _("the only known place whose name contains '{name}', in {area}, the issuing unit").format(
                name=entry["name"], area=area
            )
        return reps[0], _("the only known place whose name contains '{name}'").format(name=entry["name"])
    inside = [c for c in reps if ctx.area is not None and _in_area(c, ctx)]
    if len(inside) == 1:
        return inside[0], _("in {area}, the issuing unit").format(area=area)
    pool = inside or reps
    near = _neighbour_streets(data, str(entry["id"]))
    if not near:
        return None, ""
    one = _one_place(pool)
    scored = sorted((_distance_to_streets(graph, c, near), k, c) for k, c in enumerate(pool))
    if len(scored) > 1 and scored[1][0] - scored[0][0] < NEIGHBOUR_MARGIN_M and not one:
        return None, ""
    streets = ", ".join(near)
    if one:
        return scored[0][2], _(
            "points of one place (all within {m} m of each other); the one next to the route's neighbouring streets "
            "({streets})"
        ).format(m=int(ONE_PLACE_M), streets=streets)
    return scored[0][2], _("next to the route's neighbouring streets ({streets})").format(streets=streets)


def _at(c: Candidate) -> str:
    """A candidate with its coordinates (and where it comes from)."""
    from paradeplan.i18n import _

    said = _("{name} at {lat}, {lon}").format(name=c.name, lat=f"{c.lat:.6f}", lon=f"{c.lon:.6f}")
    return f"{said} ({c.note})" if c.note else said


def _ask_which(
    data: dict[str, Any], ex: Extraction, ctx: _Context, field_: str, entry: dict[str, Any], reps: list[Candidate]
) -> None:
    """An open question: which of the candidates the document means."""
    from paradeplan.i18n import _

    question = _(
        "'{name}' may be {n} places; the document's context does not say which: {candidates}. Choose one (pin it)."
    ).format(name=entry["name"], n=len(reps), candidates="; ".join(_at(c) for c in reps))
    ctx.questions.append(OpenQuestion("", field_, question, ex.route_text, True, "choose", tuple(reps)))
    data["open_items"].append({"field": field_, "question": question})


def _decided(
    data: dict[str, Any],
    ex: Extraction,
    ctx: _Context,
    field_: str,
    entry: dict[str, Any],
    chosen: Candidate,
    reason: str,
    reps: list[Candidate],
    cluster: list[Candidate],
) -> None:
    """Pin the chosen place (the mean of its cluster), note why, record the decision, drop its pin question."""
    from paradeplan.i18n import _

    lat = round(sum(c.lat for c in cluster) / len(cluster), 6)
    lon = round(sum(c.lon for c in cluster) / len(cluster), 6)
    others = [c for c in reps if c is not chosen]
    entry["lat"], entry["lon"] = lat, lon
    note = _("chosen by import: {chosen}; {reason}").format(
        chosen=f"{chosen.name} ({chosen.note})" if chosen.note else chosen.name, reason=reason
    )
    if others:
        note += "; " + _("other: {others}").format(others="; ".join(_at(c) for c in others))
    entry["note"] = note
    ctx.decisions.append(
        Decision(
            f"d{len(ctx.decisions) + 1}",
            field_,
            _("{name} at {lat}, {lon}").format(name=chosen.name, lat=f"{lat:.6f}", lon=f"{lon:.6f}"),
            reason,
            (Candidate(chosen.name, lat, lon, chosen.note), *others),
            ex.route_text,
        )
    )
    _coordinates_answered(data, field_)
    log.info("%s: %s: %s (%s)", ex.source, field_, chosen.name, reason)


#: How far an end place may lie from the route's last street before the way to it must be found (the route
#: check's tolerance for a place on its street).
RETURN_M = 300.0
#: A street the way back follows for less than this is a corner, not a step.
RETURN_STEP_M = 60.0
#: Farther than this from the street the document starts or ends the route on, a place the street data knows by
#: the name is not believed to be where the document puts it (a building of the same name elsewhere, a bus stop
#: named after it, a street the data has only part of): no way is made up over the streets …
FAR_M = 1000.0
#: … when the way there would take more streets than this (one street farther on is a plausible way out).
FAR_STREETS = 2


def _on_its_street(
    data: dict[str, Any], ex: Extraction, ctx: _Context, entry: dict[str, Any], street: str, near: tuple[float, float]
) -> None:
    """Pin a route's start or end place that the street data knows only far from the street the document puts it
    on: at that street's point nearest the data's place, approximate, as a decision the user may overturn (the
    document's own words on where the column sets off win over a name matched far away)."""
    from paradeplan.i18n import _

    entry["lat"], entry["lon"] = round(near[0], 6), round(near[1], 6)
    entry["approximate"] = True
    ctx.on_route.add(str(entry["id"]))
    i = data["places"].index(entry)
    _coordinates_answered(data, f"places[{i}]")
    why = _(
        "the street data knows a place of this name only far from {street}, where the document puts it: taken on "
        "{street} at its point nearest that place (approximate); pin the place if it is elsewhere"
    ).format(street=street)
    _note(ctx, f"places[{i}]", str(entry["name"]), why, ex.route_text)


def _names_its_street(idx: Any, ex: Extraction, entry: dict[str, Any], names: set[str]) -> bool:
    """Whether the document writes the place's address on the street the route takes from it or back to it
    ("Sân vận động A (đường B, Phường 11)" and the route "Sân vận động A → B → …"): the place is on that street,
    however far the street data knows a place of its name."""
    said = ex.addresses.get(str(entry["name"]))
    return said is not None and bool(_street_names(idx, said) & names)


def _far_off(idx: Any, names: set[str], metres: float, way: list[str], at: tuple[float, float]) -> Any:
    """Where on the street a place too far from it to join them by a made-up way (farther than :data:`FAR_M`
    over more than :data:`FAR_STREETS` streets) is taken: the street's node nearest the place; else None."""
    if metres <= FAR_M or 0 < len(way) <= FAR_STREETS:
        return None  # (no way at all over the named streets: the place is taken on the street all the same)
    return _nearest_on(idx, names, at)


def _nearest_on(idx: Any, names: set[str], at: tuple[float, float]) -> tuple[float, float]:
    """The point of a street (its node) nearest a place."""
    node, _d = idx.nearest(at[0], at[1], idx.nodes_of(names))
    return idx.latlon(node)  # type: ignore[no-any-return]


def _return_legs(data: dict[str, Any], ex: Extraction, ctx: _Context, graph: Any) -> None:
    """A route that ends "… và trở về X" where X is off its last street: the way back is the shortest one over the
    streets (inserted as steps, a decision the user may overturn); X is pinned where it is known, or on the last
    street when the data knows it only far away."""
    from paradeplan.geo.index import street_index
    from paradeplan.i18n import _

    idx = street_index(graph)
    places = {p["id"]: p for p in data.get("places", [])}
    for k, parade in enumerate(data.get("parades", [])):
        steps = parade["route"]
        if len(steps) < 2 or "place" not in steps[-1] or "street" not in steps[-2]:
            continue
        entry = places.get(str(steps[-1]["place"]))
        names = _street_names(idx, str(steps[-2]["street"]))
        at = _where(entry, graph) if entry is not None else None
        metres = idx.segment_distance(at[0], at[1], names) if at is not None and names else 0.0
        if at is None or not names or metres <= RETURN_M:
            continue
        assert entry is not None
        if _names_its_street(idx, ex, entry, names):  # "… trở về Sân vận động A (đường B, …)": on B
            _on_its_street(data, ex, ctx, entry, str(steps[-2]["street"]), _nearest_on(idx, names, at))
            continue
        way = _way_back(idx, names, at)
        near = _far_off(idx, names, metres, way, at)
        if near is not None:
            _on_its_street(data, ex, ctx, entry, str(steps[-2]["street"]), near)
            continue
        if not way:
            continue
        steps[-1:-1] = [{"street": w, "note": RETURN_NOTE} for w in way]
        _pin(data, entry, at)
        street = str(steps[-len(way) - 2]["street"])
        why = _(
            "the document says only that the column returns to {place}, which is not on {street}: the shortest way "
            "back over the streets"
        ).format(place=entry["name"], street=street)
        _note(ctx, f"parades[{k}].route", " → ".join([street, *way, str(entry["name"])]), why, ex.route_text)


def _way_out_legs(data: dict[str, Any], ex: Extraction, ctx: _Context, graph: Any) -> None:
    """A route that starts at a place off its first street ("Từ UBND phường A, đoàn ra đường B"): the way out to
    B is the shortest one over the streets (inserted as steps, a decision the user may overturn); the place is
    pinned where it is known, or on B when the data knows it only far away."""
    from paradeplan.geo.index import street_index
    from paradeplan.i18n import _

    idx = street_index(graph)
    places = {p["id"]: p for p in data.get("places", [])}
    for k, parade in enumerate(data.get("parades", [])):
        steps = parade["route"]
        if len(steps) < 2 or "place" not in steps[0] or "street" not in steps[1]:
            continue
        entry = places.get(str(steps[0]["place"]))
        names = _street_names(idx, str(steps[1]["street"]))
        at = _where(entry, graph) if entry is not None else None
        metres = idx.segment_distance(at[0], at[1], names) if at is not None and names else 0.0
        if at is None or not names or metres <= RETURN_M:
            continue
        assert entry is not None
        if _names_its_street(idx, ex, entry, names):  # "tập trung tại Sân vận động A (đường B, …)" → B → …: on B
            _on_its_street(data, ex, ctx, entry, str(steps[1]["street"]), _nearest_on(idx, names, at))
            continue
        way = list(reversed(_way_back(idx, names, at)))
        near = _far_off(idx, names, metres, way, at)
        if near is not None:
            _on_its_street(data, ex, ctx, entry, str(steps[1]["street"]), near)
            continue
        if not way:
            continue
        steps[1:1] = [{"street": w, "note": WAY_OUT_NOTE} for w in way]
        _pin(data, entry, at)
        street = str(steps[len(way) + 1]["street"])
        why = _(
            "the route starts at {place}, which is not on {street}, and the document does not say how the "
            "column gets there: the shortest way out over the streets"
        ).format(place=entry["name"], street=street)
        _note(ctx, f"parades[{k}].route", " → ".join([str(entry["name"]), *way, street]), why, ex.route_text)


def _turning_places(data: dict[str, Any], ex: Extraction, ctx: _Context, graph: Any) -> None:
    """A place inside a route (a U-turn, a waypoint) that the street data knows farther from the street the column
    reaches it on than the route check allows: taken on that street at its point nearest the known place,
    approximate, as a decision (the document says the column turns there, on that street)."""
    from paradeplan.geo.index import street_index

    idx = street_index(graph)
    places = {p["id"]: p for p in data.get("places", [])}
    for parade in data.get("parades", []):
        steps = parade["route"]
        for k in range(1, len(steps) - 1):
            if "place" not in steps[k] or "street" not in steps[k - 1]:
                continue
            entry = places.get(str(steps[k]["place"]))
            names = _street_names(idx, str(steps[k - 1]["street"]))
            at = _where(entry, graph) if entry is not None and str(entry["id"]) not in ctx.on_route else None
            if at is None or not names or idx.segment_distance(at[0], at[1], names) <= RETURN_M:
                continue
            assert entry is not None
            _on_its_street(data, ex, ctx, entry, str(steps[k - 1]["street"]), _nearest_on(idx, names, at))


def _street_names(idx: Any, street: str) -> set[str]:
    """The street data's names of a route street, as the route check finds them (the gazetteer's aliases, then
    the same letters without accents)."""
    from paradeplan.geo.gazetteer import exact_key, load_gazetteer, loose_key

    group = load_gazetteer().street_names(street)
    found: set[str] = set()
    for n in group:
        found |= idx.exact.get(exact_key(n), set())
    if not found:
        for n in group:
            found |= {m for m in idx.loose.get(loose_key(n), set()) if accent_blind_equal(n, m)}
    return found


def _where(entry: dict[str, Any], graph: Any) -> tuple[float, float] | None:
    """A place's coordinates: as pinned, else the one place the gazetteer or the street data know by its name (also
    before a pin that is only its administrative unit's seat, a guess)."""
    pinned = entry.get("lat") is not None and entry.get("lon") is not None
    if pinned and not entry.get("unit"):
        return float(entry["lat"]), float(entry["lon"])
    names = [str(entry["name"]), *[str(a) for a in entry.get("aliases", [])]]
    clusters = _cluster(_known(names, graph))
    if len(clusters) != 1:
        return (float(entry["lat"]), float(entry["lon"])) if pinned else None
    cl = clusters[0]
    return sum(c.lat for c in cl) / len(cl), sum(c.lon for c in cl) / len(cl)


def _way_back(idx: Any, names: set[str], at: tuple[float, float]) -> list[str]:
    """The named streets of the shortest way from a street to a point, in order (corners left out)."""
    import networkx as nx

    target, _d = idx.nearest(at[0], at[1])
    try:
        _dist, path = nx.multi_source_dijkstra(idx.u, idx.nodes_of(names), target=target, weight="weight")
    except nx.NetworkXNoPath:
        return []
    runs: list[list[Any]] = []  # [name, metres]
    for a, b in zip(path, path[1:], strict=False):
        edge = idx.u[a][b]
        own = sorted(edge["names"] - names)
        # one street the data names two ways ("Đường Nguyễn Thị Đặng", "Nguyễn Thị Đặng") is one run
        same = runs and any(name_key(runs[-1][0]) == name_key(o) for o in own)
        name = runs[-1][0] if same else (own[0] if own else "")
        if runs and runs[-1][0] == name:
            runs[-1][1] += edge["weight"]
        else:
            runs.append([name, edge["weight"]])
    way = [str(n) for n, m in runs if n and m >= RETURN_STEP_M]
    return [w for i, w in enumerate(way) if i == 0 or name_key(way[i - 1]) != name_key(w)]


def _pin(data: dict[str, Any], entry: dict[str, Any], at: tuple[float, float]) -> None:
    """Pin a place where it is known (its "no coordinates" item is then answered)."""
    if entry.get("lat") is not None:
        return
    entry["lat"], entry["lon"] = round(at[0], 6), round(at[1], 6)
    _coordinates_answered(data, f"places[{data['places'].index(entry)}]")


def _coordinates_answered(data: dict[str, Any], field_: str) -> None:
    """Drop the open items that ask for the coordinates of the place at ``field_`` (they are given now)."""
    data["open_items"] = [
        o for o in data["open_items"] if not (o["field"] == field_ and asks_coordinates(o["field"], o["question"]))
    ]
