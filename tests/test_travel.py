"""Travel between venues: the street graph where it covers both ends, straight line × detour elsewhere."""

from __future__ import annotations

from paradeplan.geo.distance import haversine_m
from paradeplan.geo.streets import load_graph
from paradeplan.geo.travel import geodesic_travel, street_travel

HQ = (10.86327, 106.65467)
THOI_AN = (10.87537, 106.64910)
HANOI = (21.0278, 105.8342)


def test_street_graph_where_it_covers_fallback_elsewhere() -> None:
    calls: list[tuple[float, float]] = []

    def fallback(a: tuple[float, float], b: tuple[float, float], speed: float) -> float:
        calls.append(b)
        return geodesic_travel(1.3)(a, b, speed)

    travel = street_travel(load_graph("builtin:quan12"), fallback)
    minutes = travel(HQ, THOI_AN, 30.0)
    straight = haversine_m(*HQ, *THOI_AN) / 1000 / 30 * 60
    assert minutes >= straight  # roads are never shorter than the straight line
    assert minutes != geodesic_travel(1.3)(HQ, THOI_AN, 30.0)
    assert calls == []
    far = travel(HQ, HANOI, 30.0)
    assert calls == [HANOI]
    assert far == geodesic_travel(1.3)(HQ, HANOI, 30.0)
    assert travel(HQ, HQ, 30.0) == 0.0
