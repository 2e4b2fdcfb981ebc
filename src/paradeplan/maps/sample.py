"""A small schedule and route built on the embedded Quận 12 streets, for map tests and benchmarks."""

from __future__ import annotations

from typing import Any

from paradeplan.geo.distance import EARTH_RADIUS_KM, haversine_m


def _nearest(graph: Any, lat: float, lon: float) -> Any:
    return min(graph.nodes, key=lambda n: (graph.nodes[n]["y"] - lat) ** 2 + (graph.nodes[n]["x"] - lon) ** 2)


def _clock(s: float) -> str:
    s = int(round(s))
    return f"{s // 3600:02d}:{s % 3600 // 60:02d}:{s % 60:02d}"


def sample_inputs(graph: Any, *, mark: str = "") -> tuple[dict[str, Any], dict[str, Any]]:
    """A schedule (``paradeplan.schedule/1`` shape) and a route FeatureCollection along real streets.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        The street graph (node attrs ``x``, ``y``; edge attrs ``name``, ``length``).
    mark : str
        Text added to every place, unit and event name (e.g. an HTML payload for escaping tests).

    Returns
    -------
    tuple of dict
        ``(schedule, route_geojson)``.
    """
    import networkx as nx

    ug = nx.Graph()
    for u, v, d in graph.edges(data=True):
        w = float(d.get("length") or 1.0)
        if not ug.has_edge(u, v) or ug[u][v]["length"] > w:
            ug.add_edge(u, v, length=w, name=str(d.get("name") or ""))
    hq = _nearest(graph, 10.86327, 106.65467)
    turn = _nearest(graph, 10.85935, 106.7053)
    path = nx.shortest_path(ug, hq, turn, weight="length")
    back = nx.shortest_path(ug, turn, hq, weight="length")
    nodes = path + back[1:]
    # stretches: runs of one street name
    runs: list[tuple[str, list[Any]]] = []
    for a, b in zip(nodes, nodes[1:], strict=False):
        name = ug[a][b]["name"] or "—"
        if runs and runs[-1][0] == name and a != turn:
            runs[-1][1].append(b)
        else:
            runs.append((name, [a, b]))
    merged: list[tuple[str, list[Any]]] = []
    for name, ns in runs:  # fold very short runs into the previous stretch
        if merged and len(ns) <= 2 and ns[0] != turn:
            merged[-1][1].extend(ns[1:])
        else:
            merged.append((name, list(ns)))
    speed_kmh, col_m, dep = 15.0, 260.0, 8 * 3600
    feats: list[dict[str, Any]] = []
    timetable: list[dict[str, Any]] = []
    stretches: list[dict[str, Any]] = []
    km = 0.0
    pauses = 0.0

    def pt(n: Any) -> tuple[float, float]:
        return float(graph.nodes[n]["y"]), float(graph.nodes[n]["x"])

    def add_tt(n: Any, kind: str, name: str) -> None:
        lat, lon = pt(n)
        head = dep + km / speed_kmh * 3600 + pauses
        tail = head + col_m / 1000 / speed_kmh * 3600
        timetable.append({"seq": len(timetable) + 1, "key": str(n), "name": name + mark, "kind": kind,
                          "lat": round(lat, 6), "lon": round(lon, 6), "km": round(km, 3),
                          "head": _clock(head), "tail": _clock(tail), "cross_class": "primary"})

    add_tt(nodes[0], "start", "Trụ sở UBND Quận 12")
    for i, (name, ns) in enumerate(merged):
        coords = [pt(n) for n in ns]
        length = sum(haversine_m(*a, *b, radius=EARTH_RADIUS_KM) for a, b in zip(coords, coords[1:], strict=False))
        frm = timetable[-1]["name"]
        km += length
        last = i == len(merged) - 1
        kind = "end" if last else "uturn" if ns[-1] == turn else "junction"
        to = ("Trụ sở UBND Quận 12" if last else "Ngã 4 Chùa Khánh An" if kind == "uturn"
              else f"{name} × {merged[i + 1][0]}")
        add_tt(ns[-1], kind, to)
        if kind == "uturn":
            pauses += 120
        stretches.append({"seq": i + 1, "street": name, "from": frm, "to": timetable[-1]["name"],
                          "length_m": round(length * 1000, 1), "close": timetable[-2]["head"],
                          "reopen": timetable[-1]["tail"]})
        feats.append({"type": "Feature", "geometry": {"type": "LineString",
                                                      "coordinates": [[lon, lat] for lat, lon in coords]},
                      "properties": {"seq": i + 1, "street": name, "length_m": round(length * 1000, 1),
                                     "from": frm, "to": timetable[-1]["name"]}})
    for row in timetable:
        kind = row["kind"]
        feats.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]},
                      "properties": {"kind": kind, "name": row["name"]}})
    feats.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [106.65467, 10.86327]},
                  "properties": {"kind": "assembly", "name": "Trụ sở Ủy ban nhân dân Quận 12" + mark}})
    units: list[dict[str, Any]] = [
        {"unit": f"MB{i:02d}", "name": f"Mô tô {i}{mark}", "kind": "police_motorbike", "role": "route_guard",
         "group": "mo-to", "owner": "Công an Quận 12" + mark,
         "base": {"place": "cong_an_q12", "name": "Công an Quận 12" + mark, "lat": 10.8643, "lon": 106.6562},
         "ride": "posts", "runs": []} for i in range(1, 5)
    ] + [
        {"unit": f"XH-{i}", "name": f"Xe hoa phường {i}{mark}", "kind": "flower_float", "role": "in_column",
         "group": "xe-hoa-phuong", "owner": f"Phường {i}{mark}",
         "base": {"place": f"p{i}", "name": f"UBND phường {i}{mark}", "lat": 10.87 - 0.01 * i,
                  "lon": 106.63 + 0.004 * i}, "ride": "column", "runs": []} for i in range(1, 4)
    ]
    posts = []
    for j, row in enumerate(r for r in timetable if r["kind"] in ("junction", "uturn")):
        unit = units[j % 4]["unit"] if j < 6 else None
        need = {"police_motorbike": 1}
        post = {"id": f"P{j + 1:03d}", "name": row["name"], "kind": row["kind"], "lat": row["lat"],
                "lon": row["lon"], "open": row["head"], "close": row["tail"], "need": need, "priority": 1,
                "cross_class": "primary", "units": [unit] if unit else [],
                "uncovered": {} if unit else {"police_motorbike": 1},
                "passages": [{"head": row["head"], "tail": row["tail"], "km": row["km"]}]}
        posts.append(post)
        if unit:
            u = next(x for x in units if x["unit"] == unit)
            u["runs"].append({"seq": len(u["runs"]) + 1, "post": post["id"], "name": post["name"],
                              "lat": post["lat"], "lon": post["lon"], "arrive": post["open"],
                              "hold_from": post["open"], "release_at": post["close"]})
    staging = [{"unit": u["unit"], "kind": u["kind"], "from": u["base"]["place"], "leave_base": "07:05:00",
                "arrive": "07:25:00", "travel_km": 2.0, "via": None, "late_s": 0} for u in units[4:]]
    end = timetable[-1]
    onward = [{"unit": u["unit"], "name": u["name"], "legs": [
        {"seq": 1, "mode": "parade", "street": "Lê Văn Khương" + mark, "segment": 1, "enter": end["tail"],
         "leave": "10:45:00", "coords": [[end["lat"], end["lon"]], [u["base"]["lat"], u["base"]["lon"]]]}]}
        for u in units[4:]]
    schedule = {
        "format": "paradeplan.schedule/1", "attribution": "© OpenStreetMap contributors",
        "event": {"name": "Tuần lễ hưởng ứng học tập suốt đời năm 2023" + mark, "theme": "Chủ đề" + mark,
                  "timezone": "Asia/Ho_Chi_Minh", "language": "vi"},
        "parade": {"id": "xe-hoa-2023", "name": "Điều hành xe hoa" + mark, "date": "2023-10-02",
                   "assembly": {"place": "ubnd_q12", "name": "Trụ sở UBND Quận 12" + mark, "lat": 10.86327,
                                "lon": 106.65467, "time": "07:30:00"},
                   "departure": _clock(dep), "finish_head": end["head"], "finish_tail": end["tail"],
                   "total_km": round(km, 3), "column_length_m": col_m, "column_speed_kmh": speed_kmh,
                   "uturn_extra_s": 120, "no_leaving_before_end": True},
        "column": [{"position": i + 1, "unit": u["unit"], "name": u["name"], "kind": u["kind"], "role": u["role"],
                    "group": u["group"], "owner": u["owner"], "length_m": 10.0} for i, u in enumerate(units[4:])],
        "timetable": timetable, "posts": posts,
        "closures": {"posts": [{"post": p["id"], "street": p["name"], "cross_street": "", "lat": p["lat"],
                                "lon": p["lon"], "close": p["open"], "reopen": p["close"], "units": p["units"]}
                               for p in posts],
                     "stretches": stretches},
        "units": units, "staging": staging, "onward": onward,
        "escort": {"status": "optimal", "units_used": 4, "lower_bound": {"police_motorbike": 4}, "covered": 6,
                   "required": len(posts), "travel_km": 3.0, "uncovered": [], "fixes": []},
    }
    return schedule, {"type": "FeatureCollection", "features": feats}
