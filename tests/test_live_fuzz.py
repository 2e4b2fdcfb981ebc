"""Fuzz `POST /api/reports` on the real server: any body gets 201, 413, 415 or 422 with the field and reason, never
a server error, and a refused report stores nothing."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from live_support import LiveServer, fresh_folder

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
clock_text = st.builds(
    lambda h, m, s: f"{h:02d}:{m:02d}:{s:02d}", st.integers(0, 30), st.integers(0, 70), st.integers(0, 70)
)
reports = st.fixed_dictionaries(
    {},
    optional={
        "kind": st.sampled_from(["head", "tail", "pause", "resume"]) | json_values,
        "km": st.floats(-5, 50) | st.integers(-10, 10**12) | json_values,
        "post": st.sampled_from(["P001", "P008", "P027", "P999", ""]) | json_values,
        "time": clock_text | st.sampled_from(["08:30", "8:30:00", "08:30:00.5", "T08:30:00"]) | json_values,
        "extra": json_values,
    },
)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    with LiveServer(fresh_folder(tmp_path_factory.mktemp("live-fuzz")), rehearse="12:00:00") as s:
        yield s


def _count(server: LiveServer) -> int:
    return len(server.police()["reports"])


def _check(server: LiveServer, r: httpx.Response, before: int) -> None:
    assert r.status_code in (201, 409, 413, 415, 422), (r.status_code, r.text)
    after = _count(server)
    if r.status_code == 201:
        stored = r.json()
        assert after == before + 1 and stored["kind"] in ("head", "tail", "pause", "resume")
        assert stored == server.police()["reports"][-1]
    else:
        assert after == before
        detail = r.json()["detail"]
        if r.status_code in (409, 415, 422):
            (item,) = detail
            assert isinstance(item["field"], str) and item["field"] and isinstance(item["reason"], str)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=reports)
def test_any_report_object(server: LiveServer, body: dict[str, Any]) -> None:
    before = _count(server)
    text = json.dumps(body, allow_nan=True)
    r = httpx.post(
        server.base + "/api/reports",
        content=text.encode(),
        headers=server.headers() | {"Content-Type": "application/json"},
        timeout=10,
    )
    _check(server, r, before)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    raw=st.binary(max_size=3000) | json_values.map(lambda v: json.dumps(v).encode()),
    ctype=st.sampled_from(["application/json", "application/json; charset=utf-8", "text/plain", ""]),
)
def test_any_bytes(server: LiveServer, raw: bytes, ctype: str) -> None:
    before = _count(server)
    headers = server.headers() | ({"Content-Type": ctype} if ctype else {})
    r = httpx.post(server.base + "/api/reports", content=raw, headers=headers, timeout=10)
    _check(server, r, before)
    assert server.get("/api/state", auth=False).status_code == 200
