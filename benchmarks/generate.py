"""Generate realistic, seeded posts/1 instances of a city-scale parade day in Ho Chi Minh City.

Two shapes: ``city`` (the default) spreads routes with U-turns over the whole city (20 × 22 km); ``grid`` packs many
routes onto a Manhattan grid of streets 100–200 m apart in the old District 1/3 centre (about 3 × 3 km), so posts
sit at shared junctions, their windows overlap heavily and many need two units: the hard case for the solver's
sparse network.

Two province shapes (issue 28), written apart from the solver and sharing none of its code: ``wide`` spreads routes
over a region some 60 km across (about 2.6 hours across at a motorbike's speed) and ``clustered`` puts every convoy
on one of a few long corridors that meet in a town centre (its densest ten-minute cell holding several hundred posts);
both have short windows (5-13 min), a single depot and a fleet sized close to the optimum (a first-fit chain cover
computed here, plus 2 %).
"""

from __future__ import annotations

import argparse
import json
import math
import random
from pathlib import Path
from typing import Any

BBOX = (10.70, 10.90, 106.60, 106.80)  # lat_min, lat_max, lon_min, lon_max
KM_PER_DEG_LAT = 111.32


def _clock(seconds: float) -> str:
    s = int(round(seconds))
    return f"{s // 3600:02d}:{s % 3600 // 60:02d}:{s % 60:02d}"


def _step(lat: float, lon: float, heading: float, km: float) -> tuple[float, float]:
    dlat = km * math.cos(heading) / KM_PER_DEG_LAT
    dlon = km * math.sin(heading) / (KM_PER_DEG_LAT * math.cos(math.radians(lat)))
    return lat + dlat, lon + dlon


def _inside(lat: float, lon: float) -> bool:
    return BBOX[0] <= lat <= BBOX[1] and BBOX[2] <= lon <= BBOX[3]


def generate(n_posts: int, seed: int = 1, units_factor: float = 0.45) -> dict[str, Any]:
    """Build an instance with about ``n_posts`` posts.

    Parameters
    ----------
    n_posts : int
        Number of posts.
    seed : int
        Random seed; the same seed gives the same instance.
    units_factor : float
        Motorbikes per motorbike slot (cars get 1.5 times this ratio).

    Returns
    -------
    dict
        A paradeplan.posts/1 instance.
    """
    rng = random.Random(seed)
    posts: list[dict[str, Any]] = []
    route = 0
    while len(posts) < n_posts:
        route += 1
        lat = rng.uniform(BBOX[0] + 0.02, BBOX[1] - 0.02)
        lon = rng.uniform(BBOX[2] + 0.02, BBOX[3] - 0.02)
        heading = rng.uniform(0, 2 * math.pi)
        start = rng.uniform(6 * 3600, 10 * 3600)
        speed = rng.uniform(10, 20)  # column km/h
        column_km = rng.uniform(0.3, 2.0)
        lead = rng.uniform(10, 20) * 60
        clear = rng.uniform(3, 8) * 60
        length = rng.uniform(3, 12)
        uturn_at = length * rng.uniform(0.4, 0.7) if rng.random() < 0.4 else None
        s = 0.0
        k = 0
        turned = False
        while s <= length and len(posts) < n_posts:
            head = start + s / speed * 3600
            tail = start + (s + column_km) / speed * 3600
            need: dict[str, int] = {"motorbike": 1 if rng.random() < 0.7 else 2}
            if rng.random() < 0.15:
                need["car"] = 1
            k += 1
            posts.append(
                {
                    "id": f"R{route:04d}-{k:02d}",
                    "name": f"Route {route} post {k}",
                    "lat": round(lat, 6),
                    "lon": round(lon, 6),
                    "open": _clock(head - lead),
                    "close": _clock(min(tail + clear, 23 * 3600 + 3599)),
                    "need": need,
                    "priority": rng.choice([1, 1, 1, 2, 2, 3]),
                }
            )
            gap = rng.uniform(0.3, 0.8)
            if uturn_at is not None and not turned and s + gap > uturn_at:
                heading += math.pi
                lat, lon = _step(lat, lon, heading + math.pi / 2, 0.03)
                turned = True
            else:
                heading += rng.gauss(0, 0.25)
            nlat, nlon = _step(lat, lon, heading, gap)
            if not _inside(nlat, nlon):
                heading += math.pi / 2
                nlat, nlon = _step(lat, lon, heading, gap)
            lat, lon = nlat, nlon
            s += gap
    depots = [(rng.uniform(BBOX[0], BBOX[1]), rng.uniform(BBOX[2], BBOX[3])) for _ in range(rng.randint(3, 6))]
    return _instance(f"HCMC synthetic parade day, {n_posts} posts, seed {seed}", posts, depots, units_factor)


def _instance(
    name: str, posts: list[dict[str, Any]], depots: list[tuple[float, float]], units_factor: float
) -> dict[str, Any]:
    """The posts/1 instance of these posts, with a fleet sized to their slots and spread over the depots in turn."""
    mb_slots = sum(p["need"].get("motorbike", 0) for p in posts)
    car_slots = sum(p["need"].get("car", 0) for p in posts)
    units: list[dict[str, Any]] = []
    for kind, count, speed in (
        ("motorbike", int(mb_slots * units_factor) + 2, 30),
        ("car", int(car_slots * units_factor * 1.5) + 1, 25),
    ):
        for i in range(count):
            d = depots[i % len(depots)]
            units.append(
                {
                    "id": f"{'MB' if kind == 'motorbike' else 'CAR'}{i + 1:05d}",
                    "kind": kind,
                    "speed_kmh": speed,
                    "lat": round(d[0], 6),
                    "lon": round(d[1], 6),
                    "ready": "05:30:00",
                    "until": "16:00:00",
                }
            )
    return {
        "format": "paradeplan.posts/1",
        "name": name,
        "date": "2024-04-30",
        "timezone": "Asia/Ho_Chi_Minh",
        "detour_factor": 1.3,
        "posts": posts,
        "units": units,
    }


GRID_ORIGIN = (10.7700, 106.6800)  # south-west corner of the grid (old District 3 / District 1)
GRID_KM = 3.0


def _streets(rng: random.Random, km: float) -> list[float]:
    """Positions (km from the origin) of parallel streets 100–200 m apart."""
    out = [0.0]
    while out[-1] < km:
        out.append(out[-1] + rng.uniform(0.1, 0.2))
    return [x for x in out if x <= km]


def generate_grid(n_posts: int, seed: int = 1, units_factor: float = 0.45) -> dict[str, Any]:
    """Build a dense city-centre instance with about ``n_posts`` posts on a Manhattan street grid.

    Routes start at a junction and walk the grid (turning at a junction with probability 0.3, never straight back),
    with a post every one to three blocks; posts of different routes share junctions (the same coordinates). Columns
    are slow (4–10 km/h), start between 06:00 and 11:00, and 45 % of the posts need two motorbikes (5 % three), 20 %
    also a car, so the time windows of nearby posts overlap heavily.

    Parameters
    ----------
    n_posts : int
        Number of posts.
    seed : int
        Random seed; the same seed gives the same instance.
    units_factor : float
        Motorbikes per motorbike slot (cars get 1.5 times this ratio).

    Returns
    -------
    dict
        A paradeplan.posts/1 instance.
    """
    rng = random.Random(seed)
    xs = _streets(rng, GRID_KM)  # north-south streets (east offsets)
    ys = _streets(rng, GRID_KM)  # east-west streets (north offsets)
    lat0, lon0 = GRID_ORIGIN
    km_lon = KM_PER_DEG_LAT * math.cos(math.radians(lat0))

    def where(i: int, j: int) -> tuple[float, float]:
        return round(lat0 + ys[j] / KM_PER_DEG_LAT, 6), round(lon0 + xs[i] / km_lon, 6)

    moves = ((1, 0), (0, 1), (-1, 0), (0, -1))
    posts: list[dict[str, Any]] = []
    route = 0
    while len(posts) < n_posts:
        route += 1
        i, j = rng.randrange(len(xs)), rng.randrange(len(ys))
        d = rng.randrange(4)
        start = rng.uniform(6 * 3600, 11 * 3600)
        speed = rng.uniform(4, 10)  # column km/h
        column_km = rng.uniform(0.2, 1.2)
        lead = rng.uniform(10, 20) * 60
        clear = rng.uniform(3, 8) * 60
        length = rng.uniform(1.5, 5.0)
        s = 0.0
        k = 0
        next_post = 0.0
        while s <= length and len(posts) < n_posts:
            if s >= next_post:
                head = start + s / speed * 3600
                tail = start + (s + column_km) / speed * 3600
                r = rng.random()
                need: dict[str, int] = {"motorbike": 1 if r < 0.5 else 2 if r < 0.95 else 3}
                if rng.random() < 0.2:
                    need["car"] = 1
                k += 1
                lat, lon = where(i, j)
                posts.append(
                    {
                        "id": f"G{route:04d}-{k:02d}",
                        "name": f"Grid route {route} junction {k}",
                        "lat": lat,
                        "lon": lon,
                        "open": _clock(head - lead),
                        "close": _clock(min(tail + clear, 23 * 3600 + 3599)),
                        "need": need,
                        "priority": rng.choice([1, 1, 1, 2, 2, 3]),
                    }
                )
                next_post = s + rng.choice([0.1, 0.2, 0.3])
            if rng.random() < 0.3:
                d = (d + rng.choice([1, 3])) % 4
            ni, nj = i + moves[d][0], j + moves[d][1]
            if not (0 <= ni < len(xs) and 0 <= nj < len(ys)):
                d = (d + 2) % 4
                ni, nj = i + moves[d][0], j + moves[d][1]
            s += abs(xs[ni] - xs[i]) + abs(ys[nj] - ys[j])
            i, j = ni, nj
    depots = [where(rng.randrange(len(xs)), rng.randrange(len(ys))) for _ in range(rng.randint(3, 6))]
    return _instance(f"HCMC centre grid parade day, {n_posts} posts, seed {seed}", posts, depots, units_factor)


PROVINCE_CENTRE = (10.80, 106.70)
PROVINCE_KM = 60.0


def _province_post(
    rng: random.Random, pid: str, name: str, lat: float, lon: float, head: float, car_share: float
) -> dict[str, Any]:
    """A post held for 5-13 minutes around the column's passage (opening 5-10 minutes before the head)."""
    opens = head - rng.uniform(5, 10) * 60
    close = min(opens + rng.uniform(5, 13) * 60, 23 * 3600 + 3599)
    need: dict[str, int] = {"motorbike": 1 if rng.random() < 0.75 else 2}
    if rng.random() < car_share:
        need["car"] = 1
    return {
        "id": pid,
        "name": name,
        "lat": round(lat, 6),
        "lon": round(lon, 6),
        "open": _clock(opens),
        "close": _clock(close),
        "need": need,
        "priority": rng.choice([1, 1, 1, 2, 2, 3]),
    }


def _in_province(lat: float, lon: float) -> bool:
    half = PROVINCE_KM / 2
    dy = (lat - PROVINCE_CENTRE[0]) * KM_PER_DEG_LAT
    dx = (lon - PROVINCE_CENTRE[1]) * KM_PER_DEG_LAT * math.cos(math.radians(PROVINCE_CENTRE[0]))
    return abs(dx) <= half and abs(dy) <= half


def generate_wide(n_posts: int, seed: int = 1, units_factor: float = 0.0) -> dict[str, Any]:
    """A province-wide morning: about ``n_posts`` posts on routes anywhere in a region 60 km across.

    Routes of 8-30 km wander from a random start (columns at 15-35 km/h, starting 06:00-10:30), a post every
    0.3-1 km; one depot at the provincial centre; the fleet is a first-fit chain cover plus 2 %
    (``units_factor`` > 0 sizes it per slot instead, like the city shapes).
    """
    rng = random.Random(seed)
    posts: list[dict[str, Any]] = []
    route = 0
    half_deg = PROVINCE_KM / 2 / KM_PER_DEG_LAT
    while len(posts) < n_posts:
        route += 1
        lat = PROVINCE_CENTRE[0] + rng.uniform(-0.9, 0.9) * half_deg
        lon = PROVINCE_CENTRE[1] + rng.uniform(-0.9, 0.9) * half_deg / math.cos(math.radians(PROVINCE_CENTRE[0]))
        heading = rng.uniform(0, 2 * math.pi)
        start = rng.uniform(6 * 3600, 10.5 * 3600)
        speed = rng.uniform(15, 35)
        length = rng.uniform(8, 30)
        s, k = 0.0, 0
        while s <= length and len(posts) < n_posts:
            k += 1
            posts.append(
                _province_post(
                    rng,
                    f"W{route:04d}-{k:03d}",
                    f"Province route {route} post {k}",
                    lat,
                    lon,
                    start + s / speed * 3600,
                    0.12,
                )
            )
            gap = rng.uniform(0.3, 1.0)
            heading += rng.gauss(0, 0.2)
            nlat, nlon = _step(lat, lon, heading, gap)
            if not _in_province(nlat, nlon):
                heading += math.pi / 2
                nlat, nlon = _step(lat, lon, heading, gap)
            lat, lon = nlat, nlon
            s += gap
    return _province_instance(f"Province-wide morning, {n_posts} posts, seed {seed}", posts, seed, units_factor)


def generate_clustered(n_posts: int, seed: int = 1, units_factor: float = 0.0) -> dict[str, Any]:
    """A province morning on a few long corridors: about ``n_posts`` posts, most of them near one town centre.

    Four to six corridors of 25-45 km leave the town centre (each a gently bending line of junctions 250-500 m
    apart, denser near the centre); convoys (15-35 km/h, starting 06:00-10:30) run along a stretch of one corridor,
    inward or outward, with a post at every junction they pass, so many posts of different convoys share the same
    junctions and the centre holds several hundred posts within a few minutes' travel. One depot on the ring; the
    fleet is a first-fit chain cover plus 2 %.
    """
    rng = random.Random(seed)
    corridors: list[list[tuple[float, float]]] = []
    for c in range(rng.randint(4, 6)):
        heading = 2 * math.pi * c / 6 + rng.uniform(-0.3, 0.3)
        lat, lon = PROVINCE_CENTRE
        pts = [(lat, lon)]
        s, length = 0.0, rng.uniform(25, 45)
        while s < length:
            gap = rng.uniform(0.25, 0.5) * (1 + s / 15)  # junctions thin out away from the centre
            heading += rng.gauss(0, 0.08)
            lat, lon = _step(lat, lon, heading, gap)
            pts.append((lat, lon))
            s += gap
        corridors.append(pts)
    posts: list[dict[str, Any]] = []
    convoy = 0
    while len(posts) < n_posts:
        convoy += 1
        line = corridors[rng.randrange(len(corridors))]
        span = rng.randint(15, 60)
        first = min(int(rng.expovariate(1 / 8)), len(line) - 2)
        stretch = line[first : first + span]
        if rng.random() < 0.5:
            stretch = stretch[::-1]
        start = rng.uniform(6 * 3600, 10.5 * 3600)
        speed = rng.uniform(15, 35)
        s = 0.0
        for k, (lat, lon) in enumerate(stretch, start=1):
            if len(posts) >= n_posts:
                break
            if k > 1:
                plat, plon = stretch[k - 2]
                s += math.hypot(
                    (lat - plat) * KM_PER_DEG_LAT, (lon - plon) * KM_PER_DEG_LAT * math.cos(math.radians(lat))
                )
            posts.append(
                _province_post(
                    rng,
                    f"C{convoy:04d}-{k:03d}",
                    f"Convoy {convoy} junction {k}",
                    lat,
                    lon,
                    start + s / speed * 3600,
                    0.15,
                )
            )
    return _province_instance(f"Province corridors morning, {n_posts} posts, seed {seed}", posts, seed, units_factor)


def _province_instance(name: str, posts: list[dict[str, Any]], seed: int, units_factor: float) -> dict[str, Any]:
    """One depot (the provincial police headquarters, near the centre); units ready at 05:30 until 16:00."""
    rng = random.Random(seed * 7919 + 1)
    depot = _step(*PROVINCE_CENTRE, rng.uniform(0, 2 * math.pi), rng.uniform(1, 4))
    if units_factor > 0:
        return _instance(name, posts, [depot], units_factor)
    inst = _instance(name, posts, [depot], 1.0)
    fleet = {kind: int(n * 1.02) + 2 for kind, n in _first_fit(posts, depot, inst["detour_factor"]).items()}
    kept, seen = [], dict.fromkeys(fleet, 0)
    for u in inst["units"]:
        if seen[u["kind"]] < fleet[u["kind"]]:
            seen[u["kind"]] += 1
            kept.append(u)
    return dict(inst, units=kept)


SPEEDS = {"motorbike": 30.0, "car": 25.0}


def _first_fit(posts: list[dict[str, Any]], depot: tuple[float, float], detour: float) -> dict[str, int]:
    """Units a first-fit chain cover uses per kind from the one depot (an upper bound on the optimum, found here
    without the solver): slots by open time, each to the busy unit free latest that still arrives by the open,
    else to a new unit from the depot if it can get there (slots no one can reach are skipped)."""
    import numpy as np

    def secs(s: str) -> int:
        h, m, x = map(int, s.split(":"))
        return h * 3600 + m * 60 + x

    out: dict[str, int] = {}
    for kind, speed in SPEEDS.items():
        slots = sorted(
            (
                (secs(p["open"]), secs(p["close"]), p["lat"], p["lon"])
                for p in posts
                for _ in range(p["need"].get(kind, 0))
            ),
        )
        free = np.zeros(len(slots))
        lat = np.zeros(len(slots))
        lon = np.zeros(len(slots))
        used = 0
        k = detour / speed * 3600 * 2 * 6371.0088
        for op, cl, plat, plon in slots:
            a, b = np.radians(lat[:used]), np.radians(plat)
            h = np.sin((b - a) / 2) ** 2 + np.cos(a) * np.cos(b) * np.sin(np.radians(plon - lon[:used]) / 2) ** 2
            arrive = free[:used] + k * np.arcsin(np.sqrt(np.minimum(h, 1.0)))
            ok = np.flatnonzero(arrive <= op)
            if len(ok):
                j = int(ok[np.argmax(free[ok])])
            else:
                a0, b0 = math.radians(depot[0]), math.radians(plat)
                h0 = (
                    math.sin((b0 - a0) / 2) ** 2
                    + math.cos(a0) * math.cos(b0) * math.sin(math.radians(plon - depot[1]) / 2) ** 2
                )
                if 5.5 * 3600 + k * math.asin(math.sqrt(min(h0, 1.0))) > op:
                    continue
                j, used = used, used + 1
            free[j], lat[j], lon[j] = cl, plat, plon
        out[kind] = used
    return out


SHAPES = {"city": generate, "grid": generate_grid, "wide": generate_wide, "clustered": generate_clustered}


def instance_name(n: int, seed: int = 1, shape: str = "city") -> str:
    """File name of a generated instance (the default shape and seed keep the historical ``posts-N.json``)."""
    return f"posts-{n}{'' if shape == 'city' else '-' + shape}{'' if seed == 1 else f'-seed{seed}'}.json"


def main() -> None:
    """Command line: ``python benchmarks/generate.py SIZE [SIZE...] [--shape city|grid] [--seed N] --out DIR``."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("sizes", nargs="*", type=int, default=[100, 1000, 3000, 10000])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--shape", choices=sorted(SHAPES), default="city")
    ap.add_argument("--out", type=Path, default=Path("benchmarks/instances"))
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for n in args.sizes:
        path = args.out / instance_name(n, args.seed, args.shape)
        path.write_text(json.dumps(SHAPES[args.shape](n, args.seed), ensure_ascii=False), encoding="utf-8")
        print(path)


if __name__ == "__main__":
    main()
