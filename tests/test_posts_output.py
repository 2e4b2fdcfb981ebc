"""Tests of the posts solver's output side: the fast JSON writer gives json.dumps's bytes, and the distance stage's
timeline tie-break stays within the bound its docstring states."""

from __future__ import annotations

import json
from typing import Any

import numpy as np
from tests.posts_classes import generator

from paradeplan.posts import flows, load_instance, solution_to_json, solve
from paradeplan.posts.solution import dumps


def _reference(doc: dict[str, Any]) -> bytes:
    return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def test_dumps_gives_json_dumps_bytes_on_a_solved_instance() -> None:
    data = generator().SHAPES["grid"](400, 5)
    inst = load_instance(dict(data, objective="slack"))
    doc = solution_to_json(inst, solve(inst))
    assert doc["assignments"] and isinstance(doc["travel_km"], float)
    assert dumps(doc) == _reference(doc)


def test_dumps_gives_json_dumps_bytes_on_awkward_values() -> None:
    doc = {
        "format": "paradeplan.posts-solution/1",
        "travel_km": 12345.678,
        "lower_bound": {"xe máy": 3, "ô tô": 0},
        "assignments": [
            {"unit": 'Mô tô "CSGT" 01\\', "post": "ngã tư\t/ \x1f \x7f \u2028 😀", "arrive": "07:00:00"},
            {"unit": "", "post": "x", "slack_s": -5},
        ],
        "uncovered": [],
        "empty": {},
        "min_slack_s": None,
        "small": [0.001, 0.0, 0.1, 1e15 + 0.5, 9999999.999],
    }
    assert dumps(doc) == _reference(doc)


def _stage_b_inputs() -> tuple[Any, Any, Any]:
    """A class network with hubs (more posts than one cell holds), its sparse network and stage A's flows."""
    data = generator().SHAPES["city"](1700, 4)
    inst = load_instance(data)
    seen: list[tuple[Any, Any, Any]] = []
    real = flows.distance_flows

    def spy(net: Any, sp: Any, flow: Any, stats: dict[str, Any], **kw: Any) -> Any:
        seen.append((net, sp, flow))
        return real(net, sp, flow, stats, **kw)

    flows.distance_flows = spy  # type: ignore[assignment]
    try:
        solve(inst)
    finally:
        flows.distance_flows = real  # type: ignore[assignment]
    with_hubs = [s for s in seen if s[1].n_hub]
    assert with_hubs, "no class network with hubs: the instance is too small for this test"
    return max(with_hubs, key=lambda s: len(s[0].tails))


def test_timeline_tie_break_stays_within_its_bound() -> None:
    net, sp, flow = _stage_b_inputs()
    off = net.off
    metres = np.zeros(len(net.tails), dtype=np.int64)
    metres[off[4] : off[5]] = np.rint(sp.d_km * (1000.0 / flows.DIST_UNIT_M))
    metres[off[5] : off[6]] = np.rint(sp.e_km * (1000.0 / flows.DIST_UNIT_M))
    exact = flows.distance_flows(net, sp, flow, {}, tie=False)
    tied = flows.distance_flows(net, sp, flow, {})
    for f in (exact, tied):  # same cover and units as stage A
        assert (f[off[2] : off[3]] == flow[off[2] : off[3]]).all()
        assert f[off[1] : off[2]].sum() == flow[off[1] : off[2]].sum()
    chain_exact = int(exact[off[6] : off[7]].sum())
    assert chain_exact > 0
    cost_exact, cost_tied = int((metres * exact).sum()), int((metres * tied).sum())
    assert cost_exact <= cost_tied <= cost_exact + chain_exact / flows.TIMELINE_TIE
    # the tie-break's own objective (TIMELINE_TIE × metres + timeline arcs): never worse than the exact flow's
    chain = np.zeros(len(metres), dtype=np.int64)
    chain[off[6] : off[7]] = 1
    tie_cost = flows.TIMELINE_TIE * metres + chain
    assert int((tie_cost * tied).sum()) <= int((tie_cost * exact).sum())
