"""Place resolution: plan coordinates, gazetteer, street-data points, then Nominatim (online only, cached)."""

from __future__ import annotations

import difflib
import json
import logging
import math
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from paradeplan.errors import InputError, NetworkError, ParadeplanError, Problem
from paradeplan.geo.distance import haversine_m
from paradeplan.geo.gazetteer import Gazetteer, exact_key, loose_key
from paradeplan.geo.names import accent_blind_equal, nfc
from paradeplan.geo.streets import NamedPoint, cache_dir
from paradeplan.i18n import N_, _, number
from paradeplan.outputs import write_file_atomic
from paradeplan.plan.model import Place, Plan

log = logging.getLogger(__name__)

USER_AGENT = "paradeplan/0.1 (+https://github.com/paradeplan/paradeplan)"
#: Nominatim's usage policy: at most one request a second (for the whole process, see ``_nominatim``).
MIN_DELAY_S = 1.0
#: Candidates closer than this are one place (both sides of a street, carriageway nodes).
SAME_PLACE_M = 300.0
#: Largest geocoding cache read (bytes): an entry is about 200 bytes, so some 100,000 lookups (a day and more of
#: Nominatim at one request a second). A larger (or too deeply nested) cache is moved aside, like a corrupted one.
MAX_CACHE_BYTES = 20_000_000


@dataclass(frozen=True)
class ResolvedPlace:
    """A place with coordinates and where they came from (plan, gazetteer, street data, nominatim)."""

    id: str
    name: str
    lat: float
    lon: float
    source: str
    approximate: bool = False
    ref: str = ""
    """What the coordinates come from, when known (the street data's OSM objects, e.g. ``relation/2919121``)."""


def _cluster(cands: Sequence[tuple[str, float, float, str]]) -> list[list[tuple[str, float, float, str]]]:
    clusters: list[list[tuple[str, float, float, str]]] = []
    for c in sorted(cands, key=lambda c: (c[1], c[2], c[0])):
        for cl in clusters:
            if haversine_m(cl[0][1], cl[0][2], c[1], c[2]) <= SAME_PLACE_M:
                cl.append(c)
                break
        else:
            clusters.append([c])
    return clusters


def _ambiguous(
    place: Place,
    clusters: list[list[tuple[str, float, float, str]]],
    where: str,
    file: str | None,
    field: str | None,
    line: int | None = None,
) -> InputError:
    lines = "; ".join(
        _("{name} at lat {lat}, lon {lon}").format(name=cl[0][0], lat=f"{cl[0][1]:.6f}", lon=f"{cl[0][2]:.6f}")
        + (f" ({cl[0][3]})" if cl[0][3] else "")
        for cl in clusters
    )
    return InputError(
        problems=[
            Problem(
                _("place '{name}' is ambiguous: {n} candidates in the {where}: {lines}").format(
                    name=place.name, n=len(clusters), where=_(WHERE[where]), lines=lines
                ),
                file,
                line,
                None,
                field,
                _("pin the one you mean with lat: and lon: under places (id {id})").format(id=place.id),
            )
        ]
    )


def _names(place: Place) -> list[str]:
    return [place.name, *place.aliases]


def _cache_path() -> Path:
    return cache_dir() / "geocode.json"


def _valid_answer(value: Any) -> bool:
    """Whether a cache entry is a list of ``[lat, lon, display name]`` triples."""

    def number(x: Any) -> bool:
        return isinstance(x, (int, float)) and not isinstance(x, bool) and math.isfinite(x)

    return isinstance(value, list) and all(
        isinstance(r, list)
        and len(r) == 3
        and number(r[0])
        and number(r[1])
        and isinstance(r[2], str)
        and -90 <= r[0] <= 90
        and -180 <= r[1] <= 180
        for r in value
    )


def _read_cache() -> dict[str, Any]:
    """The geocoding cache; an unreadable one is moved aside (``geocode.json.corrupt``) with a warning."""
    path = _cache_path()
    try:
        size = path.stat().st_size
        if size > MAX_CACHE_BYTES:
            limit = MAX_CACHE_BYTES / 1e6
            why = f"{size / 1e6:,.1f} MB, more than the limit of {limit:.0f} MB"  # words as data: for the log only
            _set_aside(path, why)
            return {}
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except OSError as exc:
        log.warning("cannot read the geocoding cache %s (%s); going on without it", path, exc.strerror or exc)
        return {}
    except ValueError as exc:  # truncated or garbled JSON, or not UTF-8
        _set_aside(path, f"not valid JSON: {exc}")  # words as data: a reason for the log only
        return {}
    except RecursionError:  # "[[[[…": the cache is three levels deep
        _set_aside(  # words as data: a reason for the log only
            path,
            f"JSON nested deeper than the limit of {sys.getrecursionlimit():,} levels Python reads; "
            "a cache is 3 levels deep",
        )
        return {}
    if not isinstance(data, dict):
        _set_aside(path, f"a JSON {type(data).__name__}, not an object")  # words as data: a reason for the log only
        return {}
    good = {k: v for k, v in data.items() if _valid_answer(v)}
    if len(good) < len(data):
        log.warning(
            "ignoring %d malformed entries of the geocoding cache %s (the next online lookup drops them)",
            len(data) - len(good),
            path,
        )
    return good


def _set_aside(path: Path, why: str) -> None:
    aside = path.with_name(path.name + ".corrupt")
    try:
        os.replace(path, aside)
    except OSError:
        log.warning("the geocoding cache %s is corrupted (%s); ignoring it", path, why)
    else:
        log.warning(
            "the geocoding cache %s was corrupted (%s); moved it to %s and going on without it", path, why, aside
        )


def _write_cache(cache: dict[str, Any]) -> None:
    """Replace the cache file atomically (temporary file + ``os.replace``): readers see the old or the new one."""
    write_file_atomic(_cache_path(), json.dumps(cache, ensure_ascii=False, sort_keys=True, indent=1) + "\n")


def cached_geocode(query: str) -> list[tuple[float, float, str]] | None:
    """Results of an earlier online lookup of ``query`` from the on-disk cache, or None if never looked up."""
    hit = _read_cache().get(nfc(query))
    if hit is None:
        return None
    return [(float(r[0]), float(r[1]), str(r[2])) for r in hit]


_lookup: Callable[..., Any] | None = None
_WHAT_TO_DO = N_(
    "Retry later, or pin the place with lat: and lon: under places in the plan (or add it to a gazetteer) "
    "and run without --online"
)
STREET_DATA = "street data"  # words as data: a source's key (ResolvedPlace.source)
#: Where a place's coordinates came from, as its note says (by the source's key).
NOTES = {
    "plan": N_("coordinates from the plan"),
    STREET_DATA: N_("coordinates from the street data"),
    "gazetteer": N_("coordinates from the gazetteer"),
    "nominatim": N_("coordinates from OpenStreetMap Nominatim"),
}
#: Where a place was looked for, as an ambiguity names it.
WHERE = {"gazetteer": N_("gazetteer"), STREET_DATA: N_("street data")}


def _nominatim() -> Callable[..., Any]:
    """Nominatim's geocode behind one RateLimiter for the whole process (one request a second, no retries)."""
    global _lookup
    if _lookup is None:
        from geopy.extra.rate_limiter import RateLimiter
        from geopy.geocoders import Nominatim

        geocoder = Nominatim(user_agent=USER_AGENT)
        _lookup = RateLimiter(geocoder.geocode, min_delay_seconds=MIN_DELAY_S, max_retries=0, swallow_exceptions=False)
    return _lookup


def _lookup_failed(query: str, exc: Exception, timeout: float) -> NetworkError:
    """One clear message for every way an online lookup fails: what happened and what to do."""
    from geopy import exc as gx

    if isinstance(exc, gx.GeocoderTimedOut):
        why = _("Nominatim did not answer within {s} s (timeout, or the service is overloaded)").format(
            s=number(timeout, None, 1, fixed=False)
        )
    elif isinstance(exc, gx.GeocoderInsufficientPrivileges):
        why = _("Nominatim refused the request (HTTP 403: access denied under its usage policy)")
    elif isinstance(exc, gx.GeocoderQuotaExceeded):  # GeocoderRateLimited too
        after = getattr(exc, "retry_after", None)
        why = _("Nominatim is limiting requests (HTTP 429: too many requests)")
        if isinstance(after, (int, float)):
            why = _("Nominatim is limiting requests (HTTP 429: too many requests; retry after {s} s)").format(
                s=number(after, None, 1, fixed=False)
            )
    elif isinstance(exc, (gx.GeocoderUnavailable, OSError)):  # geopy's wrapper, or a socket/URLError it missed
        why = _("Nominatim could not be reached (no network connection, or the service is down)")
    elif isinstance(exc, gx.GeocoderServiceError):
        why = _("Nominatim answered with an error ({error})").format(error=exc)
    else:
        why = f"{type(exc).__name__}: {exc}"
    log.debug("Nominatim lookup of %r failed", query, exc_info=exc)
    failed = _("online lookup of place '{query}' failed: {why}. {what}")
    return NetworkError(failed.format(query=query, why=" ".join(why.split()), what=_(_WHAT_TO_DO)))


def geocode_online(query: str, *, online: bool = False, timeout: float = 10.0) -> list[tuple[float, float, str]]:
    """Look up ``query`` with OpenStreetMap Nominatim (geopy), at most one request a second, cached on disk.

    Parameters
    ----------
    query : str
        Free-text place query (address or name with district and city).
    online : bool
        Must be True to touch the network; cached answers are returned either way.
    timeout : float
        Seconds to wait for Nominatim.

    Returns
    -------
    list of (lat, lon, display name)
        Up to 5 results, best first (empty when Nominatim knows none).

    Raises
    ------
    NetworkError
        Offline without a cached answer, or Nominatim unreachable, refusing (403/429) or timing out.

    Notes
    -----
    Only complete answers are cached; the cache file is replaced atomically, so a failed lookup or an
    interrupted write leaves it as it was. A cache that cannot be saved is logged, not raised.
    """
    cached = cached_geocode(query)
    if cached is not None:
        return cached
    if not online:
        raise NetworkError(
            _("'{query}' is not in the geocoding cache and looking it up needs --online").format(query=query)
        )
    from geopy.exc import GeopyError

    try:
        found = _nominatim()(nfc(query), exactly_one=False, limit=5, language="vi", timeout=timeout)
        results = [(round(float(r.latitude), 7), round(float(r.longitude), 7), str(r.address)) for r in (found or [])]
    except (GeopyError, OSError) as exc:
        raise _lookup_failed(query, exc, timeout) from None
    except (TypeError, ValueError, AttributeError) as exc:  # an answer we cannot read: not cached
        unread = _("online lookup of place '{query}' failed: Nominatim's answer could not be read ({error}). {what}")
        raise NetworkError(unread.format(query=query, error=exc, what=_(_WHAT_TO_DO))) from None
    cache = _read_cache()
    cache[nfc(query)] = [list(r) for r in results]
    try:
        _write_cache(cache)
    except (OSError, ParadeplanError) as exc:
        log.warning("could not save the answer for '%s' to the geocoding cache %s: %s", query, _cache_path(), exc)
    return results


#: Plan place kinds (``kind:``, free text) and the OSM kinds (``key=value``, or ``key=`` for any value) that fit.
KIND_TAGS: dict[str, tuple[str, ...]] = {
    "school": (
        "amenity=school",
        "amenity=college",
        "amenity=university",
        "amenity=kindergarten",
        "building=school",
        "building=college",
        "building=university",
        "building=kindergarten",
    ),
    "office": (
        "office=",
        "amenity=townhall",
        "amenity=courthouse",
        "amenity=police",
        "building=office",
        "building=government",
        "building=public",
        "building=civic",
    ),
    "square": ("place=square", "highway=pedestrian", "amenity=marketplace"),
    "park": ("leisure=park", "leisure=garden"),
    "roundabout": ("junction=roundabout", "junction=circular"),
    "junction": ("junction=", "highway=traffic_signals", "highway=crossing"),
    "pagoda": ("amenity=place_of_worship", "building=temple", "building=church", "building=cathedral"),
    "market": ("amenity=marketplace", "shop=mall", "shop=supermarket", "building=retail"),
    "stadium": ("leisure=stadium", "leisure=sports_centre", "building=stadium"),
    "hospital": ("amenity=hospital", "amenity=clinic", "healthcare=", "building=hospital"),
    "community_centre": ("amenity=community_centre", "amenity=arts_centre", "amenity=library", "amenity=theatre"),
    "station": ("public_transport=station", "railway=station", "amenity=bus_station"),
    "stop": ("highway=bus_stop", "public_transport=", "railway=tram_stop", "railway=halt"),
    "bridge": ("man_made=bridge", "bridge="),
}
_KIND_SYNONYMS = {
    "temple": "pagoda",
    "church": "pagoda",
    "place_of_worship": "pagoda",
    "university": "school",
    "college": "school",
    "kindergarten": "school",
    "community_learning_centre": "community_centre",
    "cultural_centre": "community_centre",
    "culture_house": "community_centre",
    "town_hall": "office",
    "townhall": "office",
    "ward_office": "office",
    "bus_stop": "stop",
    "bus_station": "station",
    "plaza": "square",
    "garden": "park",
}
#: Street furniture and transport stops that often carry the name of the place they serve (a stop "Kauppatori"
#: at the Kauppatori square): used only when nothing else of that name fits.
_TRANSIT = (
    "highway=",
    "public_transport=",
    "railway=tram_stop",
    "railway=subway_entrance",
    "railway=halt",
    "railway=platform",
    "amenity=taxi",
    "amenity=bicycle_rental",
    "amenity=parking",
    "amenity=bus_station",
    "entrance=",
)


def _fits(kind: str, tags: tuple[str, ...]) -> bool:
    return any(kind == t or (t.endswith("=") and kind.startswith(t)) for t in tags)


def _plan_kind(place: Place) -> str | None:
    k = place.kind.strip().lower().replace(" ", "_").replace("-", "_")
    k = _KIND_SYNONYMS.get(k, k)
    return k if k in KIND_TAGS else None


def _rank(place_kind: str | None, point: NamedPoint) -> int:
    """0: fits the plan's kind; 1: a place (area, office, school, shop…); 2: a stop or street furniture."""
    if place_kind is not None and _fits(point.kind, KIND_TAGS[place_kind]):
        return 0
    is_square = _fits(point.kind, KIND_TAGS["square"])  # a pedestrian square is a place, not street furniture
    return 2 if _fits(point.kind, _TRANSIT) and not is_square else 1


def resolve_named_point(
    place: Place,
    named_points: Sequence[NamedPoint],
    *,
    file: str | None = None,
    field: str | None = None,
    line: int | None = None,
) -> ResolvedPlace | None:
    """A plan place found by name among the street data's named points (nodes, ways and areas of the OSM data).

    Names match exactly (case, spaces and Unicode form aside) first, else loosely (diacritics and the
    "đường" prefix aside). Candidates within :data:`SAME_PLACE_M` of each other are one place. Among several
    places, the one whose OSM kind fits the plan's ``kind:`` wins (``school`` → ``amenity=school`` or a school
    building, ``square`` → ``place=square``, …, see :data:`KIND_TAGS`), else the one that is a place rather
    than a stop or street furniture (a bus stop is often named after the square it serves). Inside the chosen
    place its best-fitting objects are averaged.

    Parameters
    ----------
    place : Place
        The plan's place (name, aliases, kind).
    named_points : sequence of NamedPoint
        The street data's named points.
    file, field, line : optional
        Where the place is referred to, for error messages.

    Returns
    -------
    ResolvedPlace or None
        None when no named point has the name.

    Raises
    ------
    InputError
        Several places fit equally: the message lists each with its coordinates, OSM kind and id, and says how
        to choose (``kind:``, or ``lat:``/``lon:``).
    """
    names = _names(place)
    wanted = _plan_kind(place)
    for keyf in (exact_key, loose_key):
        keys = {keyf(n) for n in names}
        hits = [p for p in named_points if keyf(p.name) in keys]
        if keyf is loose_key:  # ignoring accents only where one side is written without any
            hits = [p for p in hits if any(accent_blind_equal(n, p.name) for n in names)]
        if not hits:
            continue
        clusters: list[list[NamedPoint]] = []
        for p in sorted(hits, key=lambda p: (_rank(wanted, p), p.lat, p.lon, p.osmid)):
            for cl in clusters:
                if any(haversine_m(q.lat, q.lon, p.lat, p.lon) <= SAME_PLACE_M for q in cl):
                    cl.append(p)
                    break
            else:
                clusters.append([p])
        ranked = sorted(clusters, key=lambda cl: (min(_rank(wanted, p) for p in cl), cl[0].lat, cl[0].lon))
        best = min(_rank(wanted, p) for p in ranked[0])
        tied = [cl for cl in ranked if min(_rank(wanted, p) for p in cl) == best]
        if len(tied) > 1:
            raise _ambiguous_points(place, tied, wanted, file, field, line)
        members = [p for p in tied[0] if _rank(wanted, p) == best]
        lat = sum(p.lat for p in members) / len(members)
        lon = sum(p.lon for p in members) / len(members)
        what = ", ".join(sorted({f"{_osm_ref(p)} ({p.kind})" for p in members})[:3])
        log.debug("place %s found in the street data: %s", place.id, what)
        return ResolvedPlace(place.id, place.name, round(lat, 7), round(lon, 7), STREET_DATA, ref=what)
    return None


def _osm_ref(p: NamedPoint) -> str:
    """``node/ID``, ``way/ID`` or ``relation/ID`` of a named point (nodes are stored with their bare id)."""
    return p.osmid if "/" in p.osmid or not p.osmid else f"node/{p.osmid}"


def pin_places(plan: Plan, *, gazetteer: Gazetteer | None = None, named_points: Sequence[NamedPoint] = ()) -> Plan:
    """The plan with each place that has no ``lat``/``lon`` pinned where the gazetteer or the street data names it.

    Offline only (nothing is looked up online here): a place found in neither keeps no coordinates, and the
    stage that needs them says so. The note of a pinned place says where its coordinates come from.

    Parameters
    ----------
    plan : Plan
        The plan.
    gazetteer : Gazetteer, optional
        Known places.
    named_points : sequence of NamedPoint
        The street data's named points (:func:`resolve_named_point`).

    Returns
    -------
    Plan
        The same plan when nothing was pinned.

    Raises
    ------
    InputError
        A place whose name fits several places equally (field ``places[i].name``).
    """
    import dataclasses

    places = list(plan.places)
    changed = False
    for i, place in enumerate(places):
        if place.lat is not None and place.lon is not None:
            continue
        field = f"places[{i}].name"
        found: ResolvedPlace | None = None
        if gazetteer is not None and (hits := gazetteer.find_places(_names(place))):
            clusters = _cluster([(p.name, p.lat, p.lon, p.source or "") for p in hits])
            if len(clusters) > 1:
                raise _ambiguous(place, clusters, "gazetteer", None, field)
            found = ResolvedPlace(place.id, place.name, hits[0].lat, hits[0].lon, "gazetteer", hits[0].approximate)
        if found is None:
            found = resolve_named_point(place, named_points, field=field)
        if found is None:
            continue
        note = _(NOTES.get(found.source, NOTES["plan"])) + (f": OSM {found.ref}" if found.ref else "")
        places[i] = dataclasses.replace(
            place,
            lat=found.lat,
            lon=found.lon,
            approximate=place.approximate or found.approximate,
            note=f"{place.note}; {note}" if place.note else note,
        )
        changed = True
        log.info("place %s (%s) pinned at %.6f, %.6f, %s", place.id, place.name, found.lat, found.lon, note)
    return dataclasses.replace(plan, places=tuple(places)) if changed else plan


def _ambiguous_points(
    place: Place,
    clusters: list[list[NamedPoint]],
    wanted: str | None,
    file: str | None,
    field: str | None,
    line: int | None,
) -> InputError:
    def osm_ref(p: NamedPoint) -> str:
        return f", OSM {_osm_ref(p)}" if p.osmid else ""

    def more(cl: list[NamedPoint]) -> str:
        return _(", +{n} more within {m} m").format(n=len(cl) - 1, m=f"{SAME_PLACE_M:.0f}") if len(cl) > 1 else ""

    lines = "; ".join(
        _("{name} at lat {lat}, lon {lon}").format(name=cl[0].name, lat=f"{cl[0].lat:.6f}", lon=f"{cl[0].lon:.6f}")
        + f" ({cl[0].kind}{osm_ref(cl[0])}{more(cl)})"
        for cl in clusters
    )
    kinds = sorted({k for k, tags in KIND_TAGS.items() for cl in clusters if any(_fits(p.kind, tags) for p in cl)})
    hint = _("pin the one you mean with lat: and lon: under places (id {id})").format(id=place.id)
    if kinds and wanted is None:
        hint = _("pin the one you mean with lat: and lon: under places (id {id}), or give its kind: ({kinds})").format(
            id=place.id, kinds=", ".join(kinds)
        )
    return InputError(
        problems=[
            Problem(
                _("place '{name}' is ambiguous: {n} places of that name in the street data: {lines}").format(
                    name=place.name, n=len(clusters), lines=lines
                ),
                file,
                line,
                None,
                field,
                hint,
            )
        ]
    )


def resolve_place(
    place: Place,
    *,
    gazetteer: Gazetteer | None = None,
    named_points: Sequence[NamedPoint] = (),
    online: bool = False,
    area: str | None = None,
    file: str | None = None,
    field: str | None = None,
    line: int | None = None,
) -> ResolvedPlace:
    """Coordinates of a plan's place: pinned in the plan, else gazetteer, else street-data points, else Nominatim.

    Parameters
    ----------
    place : Place
        The plan's place.
    gazetteer : Gazetteer, optional
        Known places (by name and aliases).
    named_points : sequence of NamedPoint
        Named points of the street data.
    online : bool
        Allow a Nominatim lookup (its cache is read offline too).
    area : str, optional
        Appended to the online query when the place has no address ("Quận 12, Thành phố Hồ Chí Minh").
    file, field, line : optional
        Where the place is referred to, for error messages.

    Returns
    -------
    ResolvedPlace
        Coordinates and their source.

    Raises
    ------
    InputError
        Ambiguous (lists candidates with coordinates and how to pin) or not found.
    NetworkError
        The online lookup failed.
    """
    if place.lat is not None and place.lon is not None:
        return ResolvedPlace(place.id, place.name, place.lat, place.lon, "plan", place.approximate)
    names = _names(place)
    if gazetteer is not None:
        found = gazetteer.find_places(names)
        if found:
            clusters = _cluster([(p.name, p.lat, p.lon, p.source or "") for p in found])
            if len(clusters) > 1:
                raise _ambiguous(place, clusters, "gazetteer", file, field, line)
            best = found[0]
            return ResolvedPlace(place.id, place.name, best.lat, best.lon, "gazetteer", best.approximate)
    found_point = resolve_named_point(place, named_points, file=file, field=field, line=line)
    if found_point is not None:
        return found_point
    looked_up = _nominatim_place(place, online, area, file, field, line)
    if looked_up is not None:
        return looked_up
    raise _not_found(place, gazetteer, named_points, online, file, field, line)


def _nominatim_place(
    place: Place, online: bool, area: str | None, file: str | None, field: str | None, line: int | None
) -> ResolvedPlace | None:
    """The place by its address (or name and ``area``) from Nominatim's cache, or online when allowed; None when
    neither has it."""
    query = place.address or (f"{place.name}, {area}" if area else place.name)
    cached = cached_geocode(query)
    if not (cached or online):
        return None
    try:
        results = cached if cached is not None else geocode_online(query, online=online)
    except NetworkError as err:
        if file is None:
            raise
        raise NetworkError(problems=[Problem(str(err), file, line, None, field)]) from None
    if not results:
        return None
    lat, lon, _ = results[0]
    return ResolvedPlace(place.id, place.name, lat, lon, "nominatim", True)


def _not_found(
    place: Place,
    gazetteer: Gazetteer | None,
    named_points: Sequence[NamedPoint],
    online: bool,
    file: str | None,
    field: str | None,
    line: int | None,
) -> InputError:
    """A place nobody knows: where it was looked for, similar known names, and how to pin it."""
    known = [n for p in (gazetteer.places if gazetteer else ()) for n in (p.name, *p.aliases)]
    known += [p.name for p in named_points]
    by_key = {loose_key(k): k for k in sorted(set(known))}
    close = difflib.get_close_matches(loose_key(place.name), list(by_key), n=3, cutoff=0.75)
    hint = _("pin it with lat: and lon: under places, or add it to a gazetteer")
    if not online:
        hint = _(
            "pin it with lat: and lon: under places, add it to a gazetteer, "
            "or run with --online to look it up on OpenStreetMap Nominatim"
        )
    similar = _("; similar known names: {names}").format(names=", ".join(by_key[c] for c in close)) if close else ""
    if online:
        missing = _(
            "place '{name}' not found (no lat/lon in the plan, not in the gazetteer, not a named point of the street "
            "data, no Nominatim result)"
        )
    else:
        missing = _(
            "place '{name}' not found offline (no lat/lon in the plan, not in the gazetteer, not a named point of "
            "the street data)"
        )
    return InputError(
        problems=[
            Problem(
                missing.format(name=place.name) + similar,
                file,
                line,
                None,
                field,
                hint,
            )
        ]
    )


def nearest_distance_m(lat: float, lon: float, points: Sequence[tuple[float, float]]) -> float:
    """Distance in metres from a point to the nearest of ``points`` (inf when empty)."""
    return min((haversine_m(lat, lon, a, b) for a, b in points), default=math.inf)
