"""Property-based tests of the posts/1 loader and ``posts solve``: any input is a valid instance or a clean refusal."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from paradeplan.cli.posts import app
from paradeplan.errors import InputError
from paradeplan.posts import check, load_instance, solve

runner = CliRunner()

BASE: dict[str, Any] = {
    "format": "paradeplan.posts/1",
    "name": "fuzz",
    "date": "2023-10-02",
    "timezone": "Asia/Ho_Chi_Minh",
    "detour_factor": 1.3,
    "posts": [
        {
            "id": "P1",
            "name": "A × B",
            "lat": 10.86,
            "lon": 106.65,
            "open": "08:00",
            "close": "08:30",
            "need": {"motorbike": 1},
            "priority": 1,
        },
        {
            "id": "P2",
            "name": "C × D",
            "lat": 10.87,
            "lon": 106.66,
            "open": "08:40:00",
            "close": "09:00:00",
            "need": {"motorbike": 2, "car": 1},
            "priority": 2,
        },
    ],
    "units": [
        {
            "id": "MB1",
            "kind": "motorbike",
            "speed_kmh": 30,
            "lat": 10.86,
            "lon": 106.65,
            "ready": "07:00",
            "until": "12:00",
        },
        {"id": "CAR1", "kind": "car", "speed_kmh": 25, "lat": 10.85, "lon": 106.64, "ready": "07:00", "until": "12:00"},
    ],
}

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=True),
    st.text(max_size=12),
    st.sampled_from(
        [
            "07:30",
            "25:00",
            "8h00",
            "23:59:60",
            "2023-02-30",
            "paradeplan.posts/1",
            "motorbike",
            "<img src=x onerror=alert(1)>",
            "=HYPERLINK(1)",
            "Mars/Olympus",
        ]
    ),
)
keys = st.sampled_from(
    [
        "format",
        "name",
        "date",
        "timezone",
        "detour_factor",
        "posts",
        "units",
        "id",
        "lat",
        "lon",
        "open",
        "close",
        "need",
        "priority",
        "kind",
        "speed_kmh",
        "ready",
        "until",
        "motorbike",
        "car",
        "bogus",
    ]
)
structures = st.recursive(
    scalars,
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(keys, children, max_size=6)),
    max_leaves=30,
)


def _clean_refusal(err: InputError, file: str | None = None) -> None:
    lines = err.lines()
    assert lines
    for line in lines:
        assert "\n" not in line and "Traceback" not in line
        if file is not None:
            assert line.startswith(file), line


def _load_or_refuse(data: Any) -> None:
    try:
        inst = load_instance(data) if isinstance(data, dict) else load_instance({"not": "a dict"})
    except InputError as err:
        _clean_refusal(err)
        return
    # a valid instance must also solve, and the solution must pass the independent checker
    sol = solve(inst)
    assert check(inst, sol) == []


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(structures)
def test_any_structure_is_an_instance_or_a_clean_refusal(data: Any) -> None:
    if isinstance(data, dict):
        _load_or_refuse(data)
    else:
        try:
            load_instance({"format": "paradeplan.posts/1", "date": "2023-10-02", "posts": data, "units": data})
        except InputError as err:
            _clean_refusal(err)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_mutated_instance_is_valid_or_refused(data: st.DataObject) -> None:
    doc = copy.deepcopy(BASE)

    def mutate(node: Any) -> Any:
        if isinstance(node, dict) and node:
            key = data.draw(st.sampled_from(sorted(node)))
            action = data.draw(st.sampled_from(["drop", "replace", "descend", "rename", "structure"]))
            if action == "drop":
                node.pop(key)
            elif action == "replace":
                node[key] = data.draw(scalars)
            elif action == "rename":
                node[key + "x"] = node.pop(key)
            elif action == "structure":
                node[key] = data.draw(structures)
            else:
                node[key] = mutate(node[key])
        elif isinstance(node, list) and node:
            i = data.draw(st.integers(0, len(node) - 1))
            if data.draw(st.booleans()):
                node.append(copy.deepcopy(node[i]))  # duplicate ids
            else:
                node[i] = mutate(node[i])
        return node

    for _ in range(data.draw(st.integers(1, 3))):
        doc = mutate(doc)
    _load_or_refuse(doc)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(raw=st.one_of(st.binary(max_size=200), structures.map(lambda d: json.dumps(d, allow_nan=True).encode())))
def test_any_file_gives_exit_0_2_or_3_and_no_traceback(tmp_path: Path, raw: bytes) -> None:
    f = tmp_path / "i.json"
    f.write_bytes(raw)
    out = tmp_path / "s.json"
    out.unlink(missing_ok=True)
    r = runner.invoke(app, ["solve", str(f), "--out", str(out), "--quiet"])
    assert r.exit_code in (0, 2, 3), (r.exit_code, r.output, r.exception)
    assert "Traceback" not in r.output
    if r.exit_code == 2:
        assert r.stderr.startswith(str(f)) and not out.exists()
    else:
        doc = json.loads(out.read_text(encoding="utf-8"))
        assert doc["format"] == "paradeplan.posts-solution/1"
        assert runner.invoke(app, ["check", str(f), str(out)]).exit_code == 0
