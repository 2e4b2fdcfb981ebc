"""Place resolution: plan coordinates, gazetteer, street-data points, then Nominatim (online only, cached)."""

from __future__ import annotations

import difflib
import json
import logging
import math
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import InputError, NetworkError, Problem
from .gazetteer import Gazetteer, exact_key, loose_key, nfc
from .model import Place
from .streets import NamedPoint, cache_dir, haversine_m

log = logging.getLogger(__name__)

USER_AGENT = "paradeplan/0.1 (+https://github.com/paradeplan/paradeplan)"
#: Candidates closer than this are one place (both sides of a street, carriageway nodes).
SAME_PLACE_M = 300.0


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


def _read_cache() -> dict[str, Any]:
    try:
        data = json.loads(_cache_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write_cache(cache: dict[str, Any]) -> None:
    path = _cache_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".geocode.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(cache, fh, ensure_ascii=False, sort_keys=True, indent=1)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def cached_geocode(query: str) -> list[tuple[float, float, str]] | None:
    """Results of an earlier online lookup of ``query`` from the on-disk cache, or None if never looked up."""
    hit = _read_cache().get(nfc(query))
    if hit is None:
        return None
    return [(float(r[0]), float(r[1]), str(r[2])) for r in hit]


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
    """
    cached = cached_geocode(query)
    if cached is not None:
        return cached
    if not online:
        raise NetworkError(f"'{query}' is not in the geocoding cache and looking it up needs --online")
    from geopy.exc import GeopyError
    from geopy.extra.rate_limiter import RateLimiter
    from geopy.geocoders import Nominatim

    geocoder = Nominatim(user_agent=USER_AGENT, timeout=timeout)
    lookup = RateLimiter(geocoder.geocode, min_delay_seconds=1.0, max_retries=1, swallow_exceptions=False)
    try:
        found = lookup(nfc(query), exactly_one=False, limit=5, language="vi")
    except GeopyError as exc:
        raise NetworkError(f"Nominatim lookup of '{query}' failed ({type(exc).__name__}: {exc}); "
                           "check the network, wait if rate-limited, or pin lat:/lon: in the plan") from None
    except OSError as exc:
        raise NetworkError(f"no network for the Nominatim lookup of '{query}': {exc}") from None
    results = [(round(float(r.latitude), 7), round(float(r.longitude), 7), str(r.address)) for r in (found or [])]
    cache = _read_cache()
    cache[nfc(query)] = [list(r) for r in results]
    _write_cache(cache)
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
        results = cached if cached is not None else geocode_online(query, online=online)
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
