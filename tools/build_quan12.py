"""Build the embedded Quận 12 street data (data/streets/) from the OSM-derived extracts in ../shared/osm/.

Run from the repository root::

    python tools/build_quan12.py [--src ../shared/osm] [--out data/streets]

The output is deterministic: the same extracts give byte-identical files.
"""

from __future__ import annotations

import argparse
import json
import logging
from pathlib import Path

from paradeplan.geo.bridge import bridge_graph
from paradeplan.geo.distance import haversine_m
from paradeplan.geo.streets import (
    NamedPoint,
    add_street_edge,
    best_class,
    new_graph,
    save_graph,
    save_named_points,
)

EXTRACTS = (
    "map_district_12.json",
    "named_map_district_12.json",
    "named_map_go_vap_district.json",
    "named_map_tan_binh_district.json",
)
#: Road classes kept whatever their name; other classes are kept only when named.
MAJOR = {"motorway", "trunk", "primary", "secondary", "tertiary"}
KEEP = MAJOR | {"unclassified", "residential", "living_street"}
SKIP_NAMES = {"", "Unknown Road"}

log = logging.getLogger("build_quan12")


def _highway(value: str) -> str:
    if value.startswith("["):
        parts = [p.strip(" '\"") for p in value.strip("[]").split(",")]
        return best_class(parts) or "road"
    return value


def build(src: Path, out: Path) -> dict[str, int]:
    """Read the extracts, keep the streets, bridge the gaps, write GraphML + named points."""
    g = new_graph(
        name="Quận 12 (TP. Hồ Chí Minh) and neighbouring Gò Vấp / Tân Bình streets",
        source="OpenStreetMap via osmnx extracts published in NartHnad/hcmus-ai-route-optimization "
        "(commit 8027d3ef04c41a4cbd7e828d81aa98cfa9e326b0), July 2026; built by tools/build_quan12.py",
        bridging="chain: pieces of one named street joined closest-first (gap <= 2500 m on trunk..tertiary, "
        "<= 300 m otherwise); join: nodes of different streets within 30 m; such edges have bridged=True",
    )
    points: list[NamedPoint] = []
    labels: dict[str, list[str]] = {}
    nodes: dict[str, tuple[float, float]] = {}
    edges: list[dict[str, object]] = []
    for fname in EXTRACTS:
        data = json.loads((src / fname).read_text(encoding="utf-8"))
        for n in data["nodes"]:
            nodes.setdefault(str(n["id"]), (float(n["lat"]), float(n["lon"])))
            label = str(n.get("name") or "")
            if n.get("node_type") == "intersection" and label.startswith("Giao "):
                labels[str(n["id"])] = [x.strip() for x in label.removeprefix("Giao ").split("×")]
            if n.get("node_type", "intersection") != "intersection" and n.get("name"):
                points.append(
                    NamedPoint(
                        str(n["name"]).strip(),
                        round(float(n["lat"]), 7),
                        round(float(n["lon"]), 7),
                        str(n["node_type"]),
                        str(n["id"]),
                    )
                )
        edges.extend(data["edges"])
    kept = 0
    for e in edges:
        highway = _highway(str(e["road_type"]))
        name = str(e.get("note") or "").strip()
        if highway.removesuffix("_link") not in KEEP or name in SKIP_NAMES or name.startswith("POI access"):
            continue
        if highway.removesuffix("_link") not in MAJOR and not name:
            continue
        u, v = str(e["from"]), str(e["to"])
        for nid in (u, v):
            if nid not in g:
                lat, lon = nodes[nid]
                g.add_node(nid, x=round(lon, 7), y=round(lat, 7), osmid=nid)
        la, lo = nodes[u]
        lb, lob = nodes[v]
        # The extract's distance is the OSM edge length (km, 3 decimals); never shorter than the straight line.
        length = max(float(e["distance"]) * 1000.0, haversine_m(la, lo, lb, lob))
        add_street_edge(g, u, v, name=name, highway=highway, oneway=bool(e.get("is_one_way")), length=length)
        kept += 1
    # Junction labels ("Giao A × B") name streets whose edges at that node the extract dropped: chain the node
    # into those streets too.
    street_names = {d["name"] for _, _, d in g.edges(data=True)}
    members: dict[str, set[str]] = {}
    for nid, names in labels.items():
        if nid in g:
            for name in names:
                if name in street_names:
                    members.setdefault(name, set()).add(nid)
    counts = bridge_graph(g, members=members)
    # one-way edges listed in both directions by the extract are two-way in fact
    out.mkdir(parents=True, exist_ok=True)
    save_graph(g, out / "quan12.graphml.gz")
    seen: dict[tuple[str, int, int], NamedPoint] = {}
    for p in points:
        seen.setdefault((p.name, round(p.lat * 2e4), round(p.lon * 2e4)), p)
    save_named_points(seen.values(), out / "quan12-places.csv")
    stats = {
        "nodes": g.number_of_nodes(),
        "edges": g.number_of_edges(),
        "kept_extract_edges": kept,
        "points": len(seen),
        **counts,
    }
    log.info("built %s", stats)
    return stats


def main() -> None:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--src", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "osm")
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "data" / "streets")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    print(json.dumps(build(args.src, args.out), ensure_ascii=False))


if __name__ == "__main__":
    main()
