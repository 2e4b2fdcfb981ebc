"""posts/1 instances on a real street graph: posts at the junctions that parades pass, timed along the streets.

Usage::

    python benchmarks/posts_osm.py 10000 --streets builtin:quan12 --out DIR [--seed 1]
    python benchmarks/posts_osm.py 10000 --osm PATH/TO/extract.osm.pbf --out DIR

Written apart from the solver and from ``generate.py`` (it shares neither's code), so that the solver is not tuned
to one generator's shapes. Each parade goes along the shortest street path (by length, networkx) between two random
junctions of the graph; a post stands at every junction it passes (a node where three or more streets meet) from
ten minutes before the head arrives until five minutes after the tail has passed, at the column's own speed (a
walking parade 3-6 km/h or a vehicle convoy 15-30 km/h, 200-1,500 m long). A junction on a primary, secondary or
trunk road also needs a car, a junction of four or more streets two motorbikes. Start times fall between 06:00 and
10:00; the units start from four to six depots (junctions of the graph) at 05:30, the fleet about 0.45 units per
slot. Many parades pass the same junctions at different times, so posts share places as on a real event day.
The street data carries "© OpenStreetMap contributors" (ODbL).
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path
from typing import Any

MAJOR = {"primary", "secondary", "trunk", "primary_link", "secondary_link", "trunk_link"}


def street_graph(streets: str | None, osm: Path | None) -> Any:
    """The street graph of a plan's ``streets`` spec, or of an OSM extract when ``osm`` is given."""
    if osm is not None:
        from paradeplan.geo.osm import import_osm

        return import_osm(osm)[0]
    from paradeplan.geo.streets import load_graph

    return load_graph(streets or "builtin:quan12")


def _hms(s: float) -> str:
    t = int(round(s))
    return f"{t // 3600:02d}:{t % 3600 // 60:02d}:{t % 60:02d}"


def build(n_posts: int, g: Any, seed: int, name: str) -> dict[str, Any]:
    """An instance of about ``n_posts`` posts on the street graph ``g`` (a networkx MultiDiGraph with x/y)."""
    import networkx as nx

    rng = random.Random(seed)
    und = nx.Graph()
    major: set[Any] = set()
    for u, v, d in g.edges(data=True):
        length = float(d.get("length", 1.0))
        if not und.has_edge(u, v) or und[u][v]["length"] > length:
            und.add_edge(u, v, length=length)
        hw = d.get("highway")
        if any(h in MAJOR for h in (hw if isinstance(hw, list) else [hw])):
            major.update((u, v))
    und = und.subgraph(max(nx.connected_components(und), key=len)).copy()
    nodes = sorted(und.nodes)
    degree = dict(und.degree())
    posts: list[dict[str, Any]] = []
    route = 0
    while len(posts) < n_posts:
        a, b = rng.sample(nodes, 2)
        path = nx.shortest_path(und, a, b, weight="length")
        if len(path) < 4:
            continue
        route += 1
        walking = rng.random() < 0.6
        speed = rng.uniform(3, 6) if walking else rng.uniform(15, 30)  # km/h
        column_m = rng.uniform(200, 1500)
        start = rng.uniform(6 * 3600, 10 * 3600)
        along = 0.0
        k = 0
        for i, node in enumerate(path):
            if i:
                along += und[path[i - 1]][node]["length"]
            if degree[node] < 3 or len(posts) >= n_posts:
                continue
            head = start + along / 1000 / speed * 3600
            tail = head + column_m / 1000 / speed * 3600
            need = {"motorbike": 2 if degree[node] >= 4 else 1}
            if node in major:
                need["car"] = 1
            k += 1
            posts.append(
                {
                    "id": f"P{route:04d}-{k:03d}",
                    "name": f"junction {node}",
                    "lat": round(float(g.nodes[node]["y"]), 7),
                    "lon": round(float(g.nodes[node]["x"]), 7),
                    "open": _hms(head - 600),
                    "close": _hms(tail + 300),
                    "need": need,
                    "priority": 3 if node in major else 1,
                }
            )
    depots = rng.sample(nodes, rng.randint(4, 6))
    slots = {kind: sum(p["need"].get(kind, 0) for p in posts) for kind in ("motorbike", "car")}
    units = []
    for kind, speed, prefix in (("motorbike", 30.0, "MB"), ("car", 25.0, "CAR")):
        for i in range(max(1, round(slots[kind] * 0.45))):
            d = depots[i % len(depots)]
            units.append(
                {
                    "id": f"{prefix}{i + 1:05d}",
                    "kind": kind,
                    "speed_kmh": speed,
                    "lat": round(float(g.nodes[d]["y"]), 7),
                    "lon": round(float(g.nodes[d]["x"]), 7),
                    "ready": "05:30:00",
                    "until": "23:00:00",
                }
            )
    return {
        "format": "paradeplan.posts/1",
        "name": f"{name}: {len(posts)} junction posts of {route} parades (street data © OpenStreetMap contributors)",
        "date": "2026-11-20",
        "timezone": "Asia/Ho_Chi_Minh",
        "detour_factor": 1.3,
        "posts": posts,
        "units": units,
    }


def main() -> None:
    """Write one instance per size."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sizes", nargs="+", type=int)
    ap.add_argument("--streets", help="a plan's streets: builtin:quan12 (default) or a GraphML file")
    ap.add_argument("--osm", type=Path, help="an OSM extract (.osm or .osm.pbf) instead of --streets")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args()
    g = street_graph(args.streets, args.osm)
    name = args.osm.name.split(".")[0] if args.osm else (args.streets or "builtin:quan12").split(":")[-1]
    args.out.mkdir(parents=True, exist_ok=True)
    for n in args.sizes:
        path = args.out / f"posts-{n}-osm-{name}-seed{args.seed}.json"
        path.write_text(json.dumps(build(n, g, args.seed, name), ensure_ascii=False, indent=1) + "\n")
        print(path)


if __name__ == "__main__":
    main()
