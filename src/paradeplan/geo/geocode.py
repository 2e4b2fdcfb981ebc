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
from paradeplan.geo.gazetteer import Gazetteer, exact_key, loose_key, nfc
from paradeplan.geo.streets import NamedPoint, cache_dir
from paradeplan.outputs import write_file_atomic
from paradeplan.plan.model import Place

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


def _ambiguous(place: Place, clusters: list[list[tuple[str, float, float, str]]], where: str,
               file: str | None, field: str | None, line: int | None = None) -> InputError:
    lines = "; ".join(f"{cl[0][0]} at lat {cl[0][1]:.6f}, lon {cl[0][2]:.6f}"
                      + (f" ({cl[0][3]})" if cl[0][3] else "") for cl in clusters)
    return InputError(problems=[Problem(
        f"place '{place.name}' is ambiguous: {len(clusters)} candidates in the {where}: {lines}", file, line,
        None, field, f"pin the one you mean with lat: and lon: under places (id {place.id})")])


def _names(place: Place) -> list[str]:
    return [place.name, *place.aliases]


def _cache_path() -> Path:
    return cache_dir() / "geocode.json"


def _valid_answer(value: Any) -> bool:
    """Whether a cache entry is a list of ``[lat, lon, display name]`` triples."""
    def number(x: Any) -> bool:
        return isinstance(x, (int, float)) and not isinstance(x, bool) and math.isfinite(x)

    return isinstance(value, list) and all(
        isinstance(r, list) and len(r) == 3 and number(r[0]) and number(r[1]) and isinstance(r[2], str)
        and -90 <= r[0] <= 90 and -180 <= r[1] <= 180 for r in value)


def _read_cache() -> dict[str, Any]:
    """The geocoding cache; an unreadable one is moved aside (``geocode.json.corrupt``) with a warning."""
    path = _cache_path()
    try:
        size = path.stat().st_size
        if size > MAX_CACHE_BYTES:
            _set_aside(path, f"{size / 1e6:,.1f} MB, more than the limit of {MAX_CACHE_BYTES / 1e6:.0f} MB")
            return {}
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except OSError as exc:
        log.warning("cannot read the geocoding cache %s (%s); going on without it", path, exc.strerror or exc)
        return {}
    except ValueError as exc:  # truncated or garbled JSON, or not UTF-8
        _set_aside(path, f"not valid JSON: {exc}")
        return {}
    except RecursionError:  # "[[[[…": the cache is three levels deep
        _set_aside(path, f"JSON nested deeper than the limit of {sys.getrecursionlimit():,} levels Python reads; "
                   "a cache is 3 levels deep")
        return {}
    if not isinstance(data, dict):
        _set_aside(path, f"a JSON {type(data).__name__}, not an object")
        return {}
    good = {k: v for k, v in data.items() if _valid_answer(v)}
    if len(good) < len(data):
        log.warning("ignoring %d malformed entries of the geocoding cache %s (the next online lookup drops them)",
                    len(data) - len(good), path)
    return good


def _set_aside(path: Path, why: str) -> None:
    aside = path.with_name(path.name + ".corrupt")
    try:
        os.replace(path, aside)
    except OSError:
        log.warning("the geocoding cache %s is corrupted (%s); ignoring it", path, why)
    else:
        log.warning("the geocoding cache %s was corrupted (%s); moved it to %s and going on without it",
                    path, why, aside)


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
_WHAT_TO_DO = ("Retry later, or pin the place with lat: and lon: under places in the plan (or add it to a gazetteer) "
               "and run without --online")


def _nominatim() -> Callable[..., Any]:
    """Nominatim's geocode behind one RateLimiter for the whole process (one request a second, no retries)."""
    global _lookup
    if _lookup is None:
        from geopy.extra.rate_limiter import RateLimiter
        from geopy.geocoders import Nominatim

        geocoder = Nominatim(user_agent=USER_AGENT)
        _lookup = RateLimiter(geocoder.geocode, min_delay_seconds=MIN_DELAY_S, max_retries=0,
                              swallow_exceptions=False)
    return _lookup


def _lookup_failed(query: str, exc: Exception, timeout: float) -> NetworkError:
    """One clear message for every way an online lookup fails: what happened and what to do."""
    from geopy import exc as gx

    if isinstance(exc, gx.GeocoderTimedOut):
        why = f"Nominatim did not answer within {timeout:g} s (timeout, or the service is overloaded)"
    elif isinstance(exc, gx.GeocoderInsufficientPrivileges):
        why = "Nominatim refused the request (HTTP 403: access denied under its usage policy)"
    elif isinstance(exc, gx.GeocoderQuotaExceeded):  # GeocoderRateLimited too
        after = getattr(exc, "retry_after", None)
        why = "Nominatim is limiting requests (HTTP 429: too many requests"
        why += f"; retry after {after:g} s)" if isinstance(after, (int, float)) else ")"
    elif isinstance(exc, (gx.GeocoderUnavailable, OSError)):  # geopy's wrapper, or a socket/URLError it missed
        why = "Nominatim could not be reached (no network connection, or the service is down)"
    elif isinstance(exc, gx.GeocoderServiceError):
        why = f"Nominatim answered with an error ({exc})"
    else:
        why = f"{type(exc).__name__}: {exc}"
    log.debug("Nominatim lookup of %r failed", query, exc_info=exc)
    return NetworkError(f"online lookup of place '{query}' failed: {' '.join(why.split())}. {_WHAT_TO_DO}")


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
        raise NetworkError(f"'{query}' is not in the geocoding cache and looking it up needs --online")
    from geopy.exc import GeopyError

    try:
        found = _nominatim()(nfc(query), exactly_one=False, limit=5, language="vi", timeout=timeout)
        results = [(round(float(r.latitude), 7), round(float(r.longitude), 7), str(r.address))
                   for r in (found or [])]
    except (GeopyError, OSError) as exc:
        raise _lookup_failed(query, exc, timeout) from None
    except (TypeError, ValueError, AttributeError) as exc:  # an answer we cannot read: not cached
        raise NetworkError(f"online lookup of place '{query}' failed: Nominatim's answer could not be read "
                           f"({exc}). {_WHAT_TO_DO}") from None
    cache = _read_cache()
    cache[nfc(query)] = [list(r) for r in results]
    try:
        _write_cache(cache)
    except (OSError, ParadeplanError) as exc:
        log.warning("could not save the answer for '%s' to the geocoding cache %s: %s", query, _cache_path(), exc)
    return results


def resolve_place(place: Place, *, gazetteer: Gazetteer | None = None, named_points: Sequence[NamedPoint] = (),
                  online: bool = False, area: str | None = None, file: str | None = None,
                  field: str | None = None, line: int | None = None) -> ResolvedPlace:
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
    for keyf in (exact_key, loose_key):
        keys = {keyf(n) for n in names}
        hits = [(p.name, p.lat, p.lon, p.kind) for p in named_points if keyf(p.name) in keys]
        if hits:
            clusters = _cluster(hits)
            if len(clusters) > 1:
                raise _ambiguous(place, clusters, "street data's named points", file, field, line)
            lat = sum(h[1] for h in clusters[0]) / len(clusters[0])
            lon = sum(h[2] for h in clusters[0]) / len(clusters[0])
            return ResolvedPlace(place.id, place.name, round(lat, 7), round(lon, 7), "street data")
    query = place.address or (f"{place.name}, {area}" if area else place.name)
    cached = cached_geocode(query)
    if cached or online:
        try:
            results = cached if cached is not None else geocode_online(query, online=online)
        except NetworkError as err:
            if file is None:
                raise
            raise NetworkError(problems=[Problem(str(err), file, line, None, field)]) from None
        if results:
            lat, lon, _ = results[0]
            return ResolvedPlace(place.id, place.name, lat, lon, "nominatim", True)
    known = [n for p in (gazetteer.places if gazetteer else ()) for n in (p.name, *p.aliases)]
    known += [p.name for p in named_points]
    by_key = {loose_key(k): k for k in sorted(set(known))}
    close = difflib.get_close_matches(loose_key(place.name), list(by_key), n=3, cutoff=0.75)
    hint = "pin it with lat: and lon: under places, add it to a gazetteer"
    hint += ", or run with --online to look it up on OpenStreetMap Nominatim" if not online else ""
    similar = f"; similar known names: {', '.join(by_key[c] for c in close)}" if close else ""
    where = "offline " if not online else ""
    raise InputError(problems=[Problem(
        f"place '{place.name}' not found {where}(no lat/lon in the plan, not in the gazetteer, not a named point "
        f"of the street data{', no Nominatim result' if online else ''}){similar}", file, line, None, field, hint)])


def nearest_distance_m(lat: float, lon: float, points: Sequence[tuple[float, float]]) -> float:
    """Distance in metres from a point to the nearest of ``points`` (inf when empty)."""
    return min((haversine_m(lat, lon, a, b) for a, b in points), default=math.inf)
