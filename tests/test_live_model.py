"""The re-timing model on its own: the Quận 12 plan's posts, units and reserves moved by reports."""

from __future__ import annotations

import math
from dataclasses import replace

import pytest

from live_support import planned
from paradeplan.live.folder import LiveFolder, load_folder
from paradeplan.live.model import LiveState, Report, Reserve, RouteLine, passage_of, retime
from paradeplan.parade.schedule import Post


@pytest.fixture(scope="module")
def folder() -> LiveFolder:
    return load_folder(planned())


def _post(folder: LiveFolder, post_id: str) -> Post:
    post = folder.schedule.post(post_id)
    assert post is not None
    return post


def _by_id(state: LiveState) -> dict[str, tuple[int, int, int, int]]:
    return {
        p.id: (p.close_s - p.planned_close_s, p.reopen_s - p.planned_reopen_s, p.close_s, p.reopen_s)
        for p in state.posts
    }


def _report(seq: int, kind: str, time_s: int, at_m: int | None = None, post: str | None = None) -> Report:
    return Report(seq, kind, time_s, at_m, post, "2023-10-02T00:00:00+07:00")  # type: ignore[arg-type]


def _single_pass_junction(folder: LiveFolder, after_m: int = 8000) -> Post:
    return next(
        p
        for p in sorted(folder.schedule.posts, key=lambda p: p.passages[0].at_m)
        if len(p.passages) == 1 and p.kind == "junction" and p.passages[0].at_m >= after_m
    )


def test_without_reports_everything_is_as_planned(folder: LiveFolder) -> None:
    s = folder.schedule
    for now in (s.parade.departure_s - 3600, s.parade.departure_s + 1800, s.parade.finish_tail_s + 600):
        state = retime(folder.plan, [], now)
        assert all(d[0] == 0 and d[1] == 0 for d in _by_id(state).values())
        assert not any(u.at_risk for u in state.units), [u.unit for u in state.units if u.at_risk]
        assert not state.proposals
        assert [(x.close_s, x.reopen_s) for x in state.stretches] == [
            (x.close_s, x.reopen_s) for x in s.closures.stretches
        ]
    assert retime(folder.plan, [], s.parade.departure_s - 60).head is None  # not started
    assert retime(folder.plan, [], s.parade.finish_tail_s + 600).head is None  # over
    # the planned post windows are the plan's lead before the first head and clearance after the last tail (to the
    # second: the schedule rounds each time on its own), so moving them with their passages keeps lead and clearance
    for p in s.posts:
        assert abs(p.open_s - (min(x.head_s for x in p.passages) - folder.plan.lead_s)) <= 1, p.id
        assert abs(p.close_s - (max(x.tail_s for x in p.passages) + folder.plan.clearance_s)) <= 1, p.id


def test_head_where_the_plan_puts_it(folder: LiveFolder) -> None:
    s = folder.schedule
    point = next(t for t in s.timetable if t.at_m > 10000)
    state = retime(folder.plan, [], point.head_s)
    assert state.head is not None and state.tail is not None
    assert state.head.at_m == pytest.approx(point.at_m, abs=6)  # the timetable and posts round to the second
    assert state.tail.at_m < state.head.at_m
    assert state.head.at_m - state.tail.at_m == pytest.approx(s.parade.column_length_m, rel=0.2)
    # the route line puts the metre at the timetable point's place (within a few metres)
    lat, lon = folder.plan.line.point(point.at_m)
    assert math.dist((lat, lon), (point.lat, point.lon)) < 0.0005


def test_head_ten_minutes_late_moves_later_posts_only(folder: LiveFolder) -> None:
    junction = _single_pass_junction(folder)
    passage = junction.passages[0]
    late = passage.head_s + 600
    state = retime(folder.plan, [_report(1, "head", late, passage.at_m, junction.id)], late + 60)
    shifts = _by_id(state)
    assert shifts[junction.id][2] == late - folder.plan.lead_s  # the reported post closes lead before the head
    for p in folder.schedule.posts:
        first, last = p.passages[0].at_m, p.passages[-1].at_m
        if first >= passage.at_m:
            assert shifts[p.id][:2] == (600, 600), p.id
        elif last < passage.at_m:
            assert shifts[p.id][:2] == (0, 0), p.id
    assert state.head is not None and state.head.delay_s == 600
    assert state.head.at_m > passage.at_m
    moved = [x for x in state.stretches if x.close_s != x.planned_close_s]
    assert moved and all(x.start_m >= passage.at_m for x in moved)


def test_a_post_passed_twice_keeps_its_close_when_the_second_passage_moves(folder: LiveFolder) -> None:
    twice = next(
        p for p in folder.schedule.posts if len(p.passages) == 2 and p.passages[1].head_s - p.passages[0].tail_s > 300
    )
    first, second = twice.passages
    between = (first.at_m + second.at_m) // 2
    t = first.tail_s + 120
    # the head passed a point between the two passages five minutes late
    head_then = retime(folder.plan, [], t).head
    assert head_then is not None
    state = retime(folder.plan, [_report(1, "head", t + 300, int(head_then.at_m))], t + 400)
    if head_then.at_m <= first.at_m or head_then.at_m >= second.at_m:
        pytest.skip("no time between the passages")
    post = next(p for p in state.posts if p.id == twice.id)
    assert post.close_s == post.planned_close_s
    assert post.reopen_s - post.planned_reopen_s == 300
    assert between  # the two passages are distinct metres


def test_later_reports_override_and_passed_posts_keep_their_times(folder: LiveFolder) -> None:
    a = _single_pass_junction(folder, 5000)
    b = _single_pass_junction(folder, a.passages[0].at_m + 3000)
    ra = _report(1, "head", a.passages[0].head_s + 600, a.passages[0].at_m, a.id)
    rb = _report(2, "head", b.passages[0].head_s + 240, b.passages[0].at_m, b.id)
    one = _by_id(retime(folder.plan, [ra], rb.time_s))
    two = _by_id(retime(folder.plan, [ra, rb], rb.time_s))
    for p in folder.schedule.posts:
        m = p.passages[0].at_m
        if len(p.passages) > 1:
            continue
        if m < a.passages[0].at_m:
            assert two[p.id][:2] == (0, 0)
        elif m < b.passages[0].at_m:
            # already passed when the second report came: its reopen is unchanged; its close follows the head,
            # which passed it before it passed b (a post behind a reported head is passed, always)
            head_shift = min(600, rb.time_s - p.passages[0].head_s)
            assert two[p.id][1] == one[p.id][1] == 600, p.id
            assert two[p.id][0] == head_shift, p.id
        else:
            assert two[p.id][:2] == (240, 240), p.id  # the column made up six minutes
    # the same two reports stored the other way round (time order decides, not arrival)
    swapped = _by_id(retime(folder.plan, [replace(rb, seq=1), replace(ra, seq=2)], rb.time_s))
    assert swapped == two


def test_a_pause_holds_the_head_and_resume_moves_what_is_ahead(folder: LiveFolder) -> None:
    junction = _single_pass_junction(folder)
    t = junction.passages[0].head_s + 30
    held = retime(folder.plan, [_report(1, "pause", t)], t + 900)
    assert held.paused_since_s == t
    assert held.head is not None
    at = held.head.at_m
    assert at == pytest.approx(junction.passages[0].at_m + 30 * folder.schedule.parade.column_speed_kmh / 3.6, abs=5)
    assert held.head.delay_s == 900
    later = retime(folder.plan, [_report(1, "pause", t)], t + 1500)
    assert later.head is not None and later.head.at_m == at and later.head.delay_s == 1500
    resumed = retime(folder.plan, [_report(1, "pause", t), _report(2, "resume", t + 420)], t + 1500)
    assert resumed.paused_since_s is None
    shifts = _by_id(resumed)
    for p in folder.schedule.posts:
        if p.passages[0].at_m > at:
            assert shifts[p.id][:2] == (420, 420), p.id
        elif p.passages[-1].at_m < at - folder.schedule.parade.column_length_m * 2:
            assert shifts[p.id][:2] == (0, 0), p.id
    # the tail, behind the head when it stopped, is held as long
    assert resumed.tail is not None and resumed.tail.delay_s == 420


def _tightest_move(folder: LiveFolder) -> tuple[str, Post, Post, int]:
    """The unit, the two posts and the slack of the move between posts with the least slack in the plan."""
    best: tuple[int, str, str, str] | None = None
    for u in folder.schedule.units:
        runs = sorted(u.runs, key=lambda r: r.seq)
        for prev, run in zip(runs, runs[1:], strict=False):
            if best is None or run.slack_s < best[0]:
                best = (run.slack_s, u.unit, prev.post, run.post)
    assert best is not None
    return best[1], _post(folder, best[2]), _post(folder, best[3]), best[0]


def _tightest_leg(folder: LiveFolder) -> tuple[str, Post, int]:
    """The unit, previous post and slack of the move between two posts with the least slack in the plan."""
    unit, prev, _, slack = _tightest_move(folder)
    return unit, prev, slack


def test_a_stretched_column_puts_units_at_risk_and_reserves_are_proposed(folder: LiveFolder) -> None:
    plan = folder.plan
    unit_id, prev, slack = _tightest_leg(folder)
    passage = prev.passages[-1]
    # the tail passes the previous post of the tightest move ten minutes more than its slack late
    now = passage.tail_s + slack + 600
    state = retime(plan, [_report(1, "tail", now, passage.at_m, prev.id)], now)
    risky = [(u, r) for u in state.units for r in u.runs if r.at_risk]
    assert unit_id in {u.unit for u, _ in risky}
    # still holding the post before (its next one to reach is the one at risk): the unit shows at risk already
    assert next(u for u in state.units if u.unit == unit_id).at_risk
    inst = {p.id: p for p in plan.instance.posts}
    speeds = {u.id: u.speed_kmh for u in plan.instance.units}
    for unit, run in risky:
        i = unit.runs.index(run)
        assert i > 0
        before = unit.runs[i - 1]
        move = plan.instance.travel_s(before.post, before.lat, before.lon, inst[run.post], speeds[unit.unit])
        assert run.earliest_arrival_s == before.release_s + round(move)
        assert run.earliest_arrival_s > run.hold_from_s
    at_risk_posts = {p.id for p in state.posts if p.at_risk}
    assert at_risk_posts == {r.post for u, r in risky if r.release_s > now}
    # the reserves are proposed, most urgent first, each once; the arrival is the formula's move from the station
    reserves = {r.unit: r for r in plan.reserves}
    assert reserves and state.proposals
    sent = [p.reserve for p in state.proposals if p.reserve]
    assert len(sent) == len(set(sent)) == min(len(reserves), len(state.proposals))
    assert [p.hold_from_s for p in state.proposals] == sorted(p.hold_from_s for p in state.proposals)
    for p in state.proposals:
        if p.reserve is None:
            continue
        r = reserves[p.reserve]
        d_km = _haversine_km(r.lat, r.lon, inst[p.post].lat, inst[p.post].lon)
        assert p.arrival_s == now + round(d_km * plan.instance.detour_factor / r.speed_kmh * 3600)
        assert p.spare_s == p.hold_from_s - p.arrival_s


def test_the_reserve_that_can_make_it_is_proposed(folder: LiveFolder) -> None:
    """Of two reserves, the one that is there in time is sent, even when the other is of the unit's kind."""
    unit_id, prev, slack = _tightest_leg(folder)
    passage = prev.passages[-1]
    now = passage.tail_s + slack + 600
    state = retime(folder.plan, [_report(1, "tail", now, passage.at_m, prev.id)], now)
    first = state.proposals[0]
    target = _post(folder, first.post)
    unit = next(u for u in state.units if u.unit == first.unit)
    far = Reserve("far", "far", unit.kind, 35.0, "far away", target.lat + 0.5, target.lon, None)
    near = Reserve("near", "near", "other-kind", 35.0, "next door", target.lat + 0.0005, target.lon, None)
    same = Reserve("same", "same", unit.kind, 35.0, "close", target.lat + 0.002, target.lon, None)
    for reserves, chosen in (((far, near), "near"), ((far, near, same), "same"), ((far,), "far")):
        plan = replace(folder.plan, reserves=reserves)
        got = retime(plan, [_report(1, "tail", now, passage.at_m, prev.id)], now).proposals[0]
        assert (got.post, got.reserve) == (first.post, chosen), reserves
        assert (got.spare_s is not None and got.spare_s >= 0) == (chosen != "far")


def test_an_early_column_catches_units_on_their_way(folder: LiveFolder) -> None:
    """Ahead of the plan from a point between a unit's two posts, its next post closes sooner: within the plan's
    early tolerance nobody is at risk, beyond the move's slack its unit is."""
    early_min = folder.schedule.escort.delay_tolerance.early_min
    unit_id, prev, nxt, slack = _tightest_move(folder)
    at = nxt.passages[0]
    assert prev.passages[-1].at_m < at.at_m
    within = at.head_s - max(0, early_min - 1) * 60
    state = retime(folder.plan, [_report(1, "head", within, at.at_m, nxt.id)], within)
    assert not any(r.at_risk for u in state.units for r in u.runs)
    beyond = at.head_s - slack - 300
    state = retime(folder.plan, [_report(1, "head", beyond, at.at_m, nxt.id)], beyond)
    unit = next(u for u in state.units if u.unit == unit_id)
    run = next(r for r in unit.runs if r.post == nxt.id)
    assert run.at_risk and run.earliest_arrival_s - run.hold_from_s == 300
    assert next(p for p in state.posts if p.id == nxt.id).at_risk


def test_no_reserve_left_is_said(folder: LiveFolder) -> None:
    _, prev, slack = _tightest_leg(folder)
    now = prev.passages[-1].tail_s + slack + 600
    bare = replace(folder.plan, reserves=())
    state = retime(bare, [_report(1, "tail", now, prev.passages[-1].at_m)], now)
    assert state.proposals and all(p.reserve is None for p in state.proposals)


def test_passage_of_a_post_passed_twice_is_the_one_nearest_the_time(folder: LiveFolder) -> None:
    twice = next(
        p for p in folder.schedule.posts if len(p.passages) == 2 and p.passages[1].head_s - p.passages[0].head_s > 120
    )
    first, second = twice.passages
    assert passage_of(twice, None, "head", first.head_s + 10) == first.at_m
    assert passage_of(twice, None, "head", second.head_s - 10) == second.at_m
    assert passage_of(twice, None, "tail", second.tail_s) == second.at_m


def test_route_line_measures_each_stretch_by_its_length() -> None:
    line = RouteLine.from_stretches(
        [(((10.0, 106.0), (10.0, 106.01)), 1000.0), (((10.0, 106.01), (10.01, 106.01)), 500.0)]
    )
    assert line.at_m == (0.0, 1000.0, 1000.0, 1500.0)
    assert line.point(500) == (10.0, 106.005)
    assert line.point(1250) == (10.005, 106.01)
    assert line.point(-5) == (10.0, 106.0) and line.point(99999) == (10.01, 106.01)


def _haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The contract's great circle, written again here (R = 6371.0088 km)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(a))


def test_posts_behind_a_reported_head_are_passed(folder: LiveFolder) -> None:
    """Issue 27: head reports at km 6.9 (late) and then at P007 (less late); P006 between them was passed by the
    head before it reached P007, whatever delay the earlier report gave it."""
    posts = sorted((p for p in folder.schedule.posts if len(p.passages) == 1), key=lambda p: p.passages[0].at_m)
    between, beyond = next(
        (a, b)
        for a, b in zip(posts, posts[1:], strict=False)
        if a.passages[0].at_m > 5000 and 0 < b.passages[0].head_s - a.passages[0].head_s < 600
    )
    m0 = between.passages[0].at_m - 2300
    from paradeplan.live.model import expected_at

    first = _report(1, "head", expected_at(folder.plan, [], "head", m0) + 1200, m0)
    second = _report(2, "head", beyond.passages[0].head_s + 300, beyond.passages[0].at_m, beyond.id)
    now = second.time_s + 60
    state = retime(folder.plan, [first, second], now)
    p = next(x for x in state.posts if x.id == between.id)
    assert p.passages[0].head_s <= second.time_s  # the head passed it before it passed the next post
    assert p.passages[0].head_s < between.passages[0].head_s + 1200
    # and once the tail is reported beyond it, it is passed: its units are released once its clearance is over,
    # not told to be there later
    tail = _report(3, "tail", now - 30, beyond.passages[0].at_m + 100)
    state = retime(folder.plan, [first, second, tail], now)
    p = next(x for x in state.posts if x.id == between.id)
    assert all(x.tail_s <= now for x in p.passages)
    clearance = between.close_s - between.passages[-1].tail_s
    assert p.reopen_s <= tail.time_s + clearance
    now = tail.time_s + clearance + 1
    state = retime(folder.plan, [first, second, tail], now)
    for u in state.units:
        if u.next_run is not None:
            assert u.runs[u.next_run].post != between.id, u.unit
