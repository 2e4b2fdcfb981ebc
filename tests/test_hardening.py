"""Hardening: fuzzed plan files, interrupted runs, determinism across hash seeds, the demo with no network."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from paradeplan.app import fork_helps
from paradeplan.cli import app
from paradeplan.errors import InputError
from paradeplan.plan.planfile import plan_from_text

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[1]
#: Tests of the side process that writes documents beside the main one: they need a run that forks it.
side_process = pytest.mark.skipif(not fork_helps(), reason="no second CPU (or not Linux): every run is in one process")

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=True),
    st.text(max_size=20),
    st.sampled_from(["07:30", "25:99", "2023-10-02", "<img src=x>", "=1+1"]),
)
keys = st.sampled_from(
    [
        "event",
        "name",
        "places",
        "parades",
        "id",
        "route",
        "street",
        "place",
        "groups",
        "kind",
        "count",
        "lat",
        "lon",
        "date",
        "assembly_time",
        "departure_time",
        "assembly_place",
        "ceremonies",
        "window_start",
        "window_end",
        "traffic",
        "need",
        "bogus",
        "format",
    ]
)
structures = st.recursive(
    scalars,
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(keys, children, max_size=5)),
    max_leaves=25,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(structures)
@example({"event": None, "name": None, "places": None, "format": "\n"})  # a value with a line break, quoted
def test_any_structure_is_a_plan_or_a_clean_refusal(data: Any) -> None:
    text = yaml.safe_dump(data, allow_unicode=True)
    try:
        plan_from_text(text, "fuzz.yaml")
    except InputError as err:
        for line in err.lines():
            assert line.startswith("fuzz.yaml"), line
            assert "\n" not in line


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(st.data())
def test_mutated_demo_plan_is_valid_or_refused(demo_plan: Path, data: st.DataObject) -> None:
    base = yaml.safe_load(demo_plan.read_text(encoding="utf-8"))

    def mutate(node: Any, depth: int = 0) -> Any:
        if isinstance(node, dict) and node:
            key = data.draw(st.sampled_from(sorted(node)))
            action = data.draw(st.sampled_from(["drop", "replace", "descend", "rename"]))
            if action == "drop":
                node.pop(key)
            elif action == "replace":
                node[key] = data.draw(scalars)
            elif action == "rename":
                node[key + "x"] = node.pop(key)
            else:
                node[key] = mutate(node[key], depth + 1)
        elif isinstance(node, list) and node:
            i = data.draw(st.integers(0, len(node) - 1))
            node[i] = mutate(node[i], depth + 1)
        return node

    text = yaml.safe_dump(mutate(base), allow_unicode=True, sort_keys=False)
    try:
        plan_from_text(text, "m.yaml")
    except InputError as err:
        assert all(line.startswith("m.yaml") for line in err.lines())


@pytest.mark.parametrize(
    "text",
    ["a: [b", "\t- x", "{{{{", "- - - - -\n" * 3, "a: *unknown", "!!python/object:os.system x", "[" * 200 + "]" * 200],
)
def test_hostile_yaml_is_refused_cleanly(tmp_path: Path, text: str) -> None:
    p = tmp_path / "p.yaml"
    p.write_text(text, encoding="utf-8")
    r = runner.invoke(app, ["validate", str(p)])
    assert r.exit_code == 2, r.output
    assert "Traceback" not in r.output and str(p) in r.stderr


@pytest.mark.usefixtures("english")  # matches the English message
def test_huge_plan_refused_before_parsing(tmp_path: Path) -> None:
    p = tmp_path / "big.yaml"
    p.write_bytes(b"# " + b"x" * (6 * 1024 * 1024))
    r = runner.invoke(app, ["validate", str(p)])
    assert r.exit_code == 2 and "larger than" in r.stderr


def test_interrupted_run_leaves_previous_results(
    tmp_path: Path, demo_plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from paradeplan.outputs import MARKER

    out = tmp_path / "out"
    out.mkdir()
    (out / MARKER).write_text("previous run", encoding="utf-8")  # a folder an earlier run wrote
    (out / "schedule.json").write_text("previous", encoding="utf-8")
    (out / "live.sqlite").write_text("reports", encoding="utf-8")
    import paradeplan.maps as maps

    def boom(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(maps, "write_maps", boom)  # while the side process writes the documents
    r = runner.invoke(app, ["plan", str(demo_plan), "--out", str(out)])
    assert r.exit_code == 130
    assert (out / "schedule.json").read_text(encoding="utf-8") == "previous"
    assert (out / "live.sqlite").read_text(encoding="utf-8") == "reports"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]  # no partial folder left behind


def _digests(folder: Path) -> dict[str, str]:
    import hashlib

    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@side_process
def test_side_process_writes_the_same_bytes_as_one_process(
    tmp_path: Path, demo_plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import paradeplan.app as pipeline

    r = runner.invoke(app, ["plan", str(demo_plan), "--out", str(tmp_path / "two")])
    assert r.exit_code == 0, r.output
    monkeypatch.setattr(pipeline, "fork_helps", lambda: False)
    r = runner.invoke(app, ["plan", str(demo_plan), "--out", str(tmp_path / "one")])
    assert r.exit_code == 0, r.output
    two, one = _digests(tmp_path / "two"), _digests(tmp_path / "one")
    assert len(one) > 50 and two == one


@side_process
def test_error_in_the_side_process_reaches_the_command(
    tmp_path: Path, demo_plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import paradeplan.render as render
    from paradeplan.errors import Problem

    parent = os.getpid()

    def full(folder: Path, *args: object, **kwargs: object) -> list[str]:
        where = "side" if os.getpid() != parent else "main"
        raise InputError(problems=[Problem(f"disk full ({where})", str(folder / "runsheets.xlsx"), hint="free space")])

    monkeypatch.setattr(render, "write_documents", full)  # the forked process inherits it
    out = tmp_path / "out"
    r = runner.invoke(app, ["plan", str(demo_plan), "--out", str(out)])
    assert r.exit_code == 2, r.output
    assert "disk full (side)" in r.stderr and "runsheets.xlsx" in r.stderr and "free space" in r.stderr
    assert "Traceback" not in r.output
    assert list(tmp_path.iterdir()) == []  # nothing written, no partial folder


@pytest.mark.usefixtures("english")  # matches the English message
@side_process
def test_side_process_dying_is_one_clear_error(
    tmp_path: Path, demo_plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import paradeplan.render as render

    def killed(*args: object, **kwargs: object) -> list[str]:
        os._exit(137)  # as the out-of-memory killer would end it

    monkeypatch.setattr(render, "write_documents", killed)
    r = runner.invoke(app, ["plan", str(demo_plan), "--out", str(tmp_path / "out")])
    assert r.exit_code == 1, r.output
    assert "the process writing the results stopped unexpectedly" in r.stderr
    assert "Traceback" not in r.output
    assert list(tmp_path.iterdir()) == []


@side_process
@pytest.mark.timeout(60)
def test_side_process_survives_garbage_left_by_a_threaded_library() -> None:
    # An OSM reader (pyosmium) left half-read in a reference cycle: garbage holding a condition variable of
    # osmium's C++ worker threads, which a forked child does not have. Were the child's collector to finalize
    # it, the child would wait forever (seen in the suite, after the OSM tests had run in the same process).
    import functools
    import gc

    import osmium
    from tests.osm_extracts import HELSINKI, shipped_extract

    from paradeplan.app import SideWriter

    reader = iter(osmium.FileProcessor(str(shipped_extract(HELSINKI)), osmium.osm.NODE))
    next(reader)
    cycle: list[object] = [reader]
    cycle.append(cycle)
    keep = [cycle]
    gc.collect()  # the cycle, still reachable, moves to the oldest generation
    del reader, cycle, keep  # garbage now, left for a later full collection
    with SideWriter(lambda: None) as side:
        collected = side.run(functools.partial(gc.collect))  # the side process's full collection
        assert collected() >= 0
    gc.collect()


def test_one_process_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    from paradeplan.app import ONE_PROCESS_ENV, SideWriter

    monkeypatch.setenv(ONE_PROCESS_ENV, "1")
    assert not fork_helps()
    with SideWriter(lambda: None) as side:
        pid = side.run(os.getpid)
        assert pid() == os.getpid()


@pytest.mark.usefixtures("english")  # matches the English message
@side_process
@pytest.mark.timeout(60)
def test_a_stuck_side_process_is_ended_with_one_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import functools
    import time

    import paradeplan.app as pipeline
    from paradeplan.errors import ParadeplanError

    monkeypatch.setattr(pipeline, "JOB_TIMEOUT_S", 1.0)
    t0 = time.monotonic()
    with pipeline.SideWriter(lambda: None) as side:
        pids = [p.pid for p in side._processes]
        stuck = side.run(functools.partial(time.sleep, 120))
        with pytest.raises(ParadeplanError, match="did not finish in 1 s; run again with PARADEPLAN_PROCESSES=1"):
            stuck()
    assert time.monotonic() - t0 < 20 and len(pids) == 1 and _gone(pids, 5)


class TwoArgError(Exception):
    """An exception whose pickle cannot rebuild it (its constructor wants two arguments)."""

    def __init__(self, what: str, why: str) -> None:
        super().__init__(f"{what}: {why}")


@side_process
def test_an_error_that_cannot_cross_the_process_boundary_keeps_its_message(
    tmp_path: Path, demo_plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import paradeplan.render as render

    def broken(*args: object, **kwargs: object) -> list[str]:
        raise TwoArgError("title", "bad value")

    monkeypatch.setattr(render, "write_documents", broken)
    r = runner.invoke(app, ["plan", str(demo_plan), "--out", str(tmp_path / "out")])
    assert r.exit_code == 1, r.output
    assert "TwoArgError: title: bad value" in r.stderr and "stopped unexpectedly" not in r.stderr
    assert list(tmp_path.iterdir()) == []


@side_process
@pytest.mark.timeout(60)
def test_interrupted_run_ends_a_busy_side_process_before_removing_its_folder(
    tmp_path: Path, demo_plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    import paradeplan.maps as maps
    import paradeplan.outputs as outputs
    import paradeplan.render as render

    def busy(folder: Path, *args: object, **kwargs: object) -> list[str]:
        for i in range(10_000):  # a long job that keeps writing into the staging folder
            (folder / "calendars").mkdir(exist_ok=True)
            outputs.write_file_atomic(folder / "calendars" / f"{i % 7}.ics", b"x" * 1000)
            time.sleep(0.005)
        return []

    def interrupted(*args: object, **kwargs: object) -> None:
        time.sleep(0.5)  # the side process is writing by now
        raise KeyboardInterrupt

    monkeypatch.setattr(render, "write_documents", busy)
    monkeypatch.setattr(maps, "write_maps", interrupted)
    t0 = time.monotonic()
    r = runner.invoke(app, ["plan", str(demo_plan), "--out", str(tmp_path / "out")])
    assert r.exit_code == 130, r.output
    assert time.monotonic() - t0 < 30  # the job (50 s) was not waited for
    time.sleep(0.3)  # nothing is written after the command returned
    assert list(tmp_path.iterdir()) == []


_CTRL_C_DURING_SOLVE = """
import os, signal, sys, threading, time
from ortools.sat.python import cp_model
from paradeplan.cpsat import solve
model = cp_model.CpModel()
xs = [model.new_int_var(0, 60, f"x{i}") for i in range(60)]
model.add_all_different(xs)
for a, b in zip(xs, xs[1:]):
    model.add(a + b != 60)
model.maximize(sum((i % 7) * x for i, x in enumerate(xs)))
threading.Timer(1.0, os.kill, (os.getpid(), signal.SIGINT)).start()
t0 = time.monotonic()
try:
    print("finished", solve(model, time_limit_s=30).status)
except KeyboardInterrupt:
    print(f"KeyboardInterrupt after {time.monotonic() - t0:.1f} s")
"""


def test_ctrl_c_stops_a_long_cp_sat_search_at_once() -> None:
    r = subprocess.run([sys.executable, "-c", _CTRL_C_DURING_SOLVE], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    words = r.stdout.split()
    assert words[0] == "KeyboardInterrupt" and float(words[2]) < 5, r.stdout  # not the 30 s limit


def test_side_writer_keeps_a_callers_gc_freeze() -> None:
    import gc

    from paradeplan.app import SideWriter

    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with SideWriter(lambda: None) as side:
            side.run(os.getpid)()
        assert gc.get_freeze_count() >= frozen > 0
    finally:
        gc.unfreeze()


def test_errors_cross_a_process_boundary_whole() -> None:
    import pickle

    from paradeplan.errors import InfeasibleError, Problem, Shortfall

    err = InputError(problems=[Problem("bad time", "plan.yaml", line=4, field="parades[0].departure", hint="HH:MM")])
    back = pickle.loads(pickle.dumps(err))
    assert type(back) is InputError and back.problems == err.problems and str(back) == str(err)
    short = InfeasibleError("too few units", [Shortfall("motorbikes", 3, "units", "add 3 motorbikes")])
    again = pickle.loads(pickle.dumps(short))
    assert again.shortfalls == short.shortfalls and again.exit_code == 3 and str(again) == "too few units"


_OFFLINE_RUN = """
import sys
sys.path.insert(0, {tests!r})
import conftest
conftest._install_network_block()
from paradeplan.cli import main
sys.argv = ["paradeplan", "demo", "--out", {out!r}]
main()
"""


def _demo_subprocess(out: Path, seed: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    code = _OFFLINE_RUN.format(tests=str(ROOT / "tests"), out=str(out))
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=600, check=False
    )


def test_demo_offline_and_byte_identical_across_hash_seeds(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    ra = _demo_subprocess(a, "1")
    assert ra.returncode == 0, ra.stderr
    assert "index.html" in ra.stdout  # the last line says which file to open first
    rb = _demo_subprocess(b, "4242")
    assert rb.returncode == 0, rb.stderr
    names = sorted(str(p.relative_to(a)) for p in a.rglob("*") if p.is_file())
    assert names == sorted(str(p.relative_to(b)) for p in b.rglob("*") if p.is_file())
    compared = [
        n
        for n in names
        if n.rsplit(".", 1)[-1] in ("json", "csv", "geojson", "xlsx", "ics", "gpx", "kml", "docx", "html")
    ]
    assert len(compared) >= 10 and "map.html" in compared and "map-public.html" in compared
    for n in compared:
        assert (a / n).read_bytes() == (b / n).read_bytes(), n


_CTRL_C_AFTER_SOLVE = """
import os, signal, time
from ortools.sat.python import cp_model
from paradeplan.cpsat import solve
model = cp_model.CpModel()
model.maximize(model.new_int_var(0, 5, "x"))
assert solve(model, time_limit_s=5).optimal
try:
    os.kill(os.getpid(), signal.SIGINT)
    time.sleep(2)
except KeyboardInterrupt:
    print("KeyboardInterrupt")
"""


def test_ctrl_c_after_a_cp_sat_solve_still_raises_keyboard_interrupt() -> None:
    # OR-Tools' own SIGINT handler leaves the system default behind it: the process would die silently
    r = subprocess.run([sys.executable, "-c", _CTRL_C_AFTER_SOLVE], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and r.stdout.strip() == "KeyboardInterrupt", (r.returncode, r.stderr)


def _children(pid: int) -> list[int]:
    """Processes whose parent is ``pid`` (from /proc)."""
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.append(int(stat.parent.name))
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _demo_until_side_process(out: Path) -> tuple[subprocess.Popen[str], list[int]]:
    """Start the demo and wait until its side process is running (its children, listed)."""
    import time

    code = _OFFLINE_RUN.format(tests=str(ROOT / "tests"), out=str(out))
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        kids = _children(proc.pid)
        if kids:
            return proc, kids
        time.sleep(0.01)
    proc.kill()
    raise AssertionError(f"no side process appeared: {proc.communicate()}")


def _gone(pids: list[int], within_s: float) -> bool:
    import time

    deadline = time.monotonic() + within_s
    while time.monotonic() < deadline:
        if not any(_alive(p) for p in pids):
            return True
        time.sleep(0.05)
    return False


@side_process
@pytest.mark.parametrize("after_s", [0.0, 0.3])
def test_ctrl_c_during_a_run_with_its_side_process(tmp_path: Path, after_s: float) -> None:
    import signal
    import time

    out = tmp_path / "out"
    proc, kids = _demo_until_side_process(out)
    time.sleep(after_s)  # while the parade is solved, or while the documents are written
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode in (0, 130), err  # 0: the run had finished
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
    assert not [p for p in tmp_path.iterdir() if p.name != "out"]  # no staging folder left behind
    assert proc.returncode == 0 or not out.exists()
    assert _gone(kids, 5), "the side process outlived the command"


@side_process
def test_side_process_ends_when_the_command_is_killed(tmp_path: Path) -> None:
    proc, kids = _demo_until_side_process(tmp_path / "out")
    proc.kill()
    proc.communicate(timeout=60)
    assert _gone(kids, 10), "the side process outlived a killed command"


# ---------------------------------------------------------------- every command, hostile files

_HOSTILE_FILES: dict[str, bytes | None] = {
    "missing": None,
    "empty": b"",
    "binary": bytes(range(256)) * 4,
    "not-utf8": b"event:\n  name: Qu\xe1n 12\n",
    "broken-yaml": b"event: [unclosed\n  name: x\n",
    "broken-json": b'{"format": "paradeplan.posts/1", "posts": [',
    "html-name": b'{"format": "paradeplan.posts/1", "name": "<img src=x onerror=alert(1)>"}',
}


def _commands(f: Path, out: Path) -> dict[str, list[str]]:
    return {
        "validate": ["validate", str(f)],
        "plan": ["plan", str(f), "--out", str(out)],
        "route": ["route", str(f)],
        "ceremonies": ["ceremonies", str(f), "--out", str(out)],
        "week": ["week", str(f), "--out", str(out)],
        "import": ["import", str(f), "--out", str(out / "plan.yaml")],
        "posts solve": ["posts", "solve", str(f), "--out", str(out / "s.json")],
        "posts check": ["posts", "check", str(f), str(f)],
        "posts map": ["posts", "map", str(f), str(f), "--out", str(out / "m.html")],
        "streets import": ["streets", "import", str(f), "--out", str(out / "g.graphml")],
    }


@pytest.mark.parametrize("kind", sorted(_HOSTILE_FILES))
def test_every_command_refuses_hostile_files_cleanly(tmp_path: Path, kind: str) -> None:
    """Missing, empty, binary, non-UTF-8 and broken files: exit 2, a message naming the file, nothing written."""
    content = _HOSTILE_FILES[kind]
    f = tmp_path / ("in.json" if "json" in kind or "html" in kind else "in.yaml")
    if content is not None:
        f.write_bytes(content)
    out = tmp_path / "out"
    for name, argv in _commands(f, out).items():
        r = runner.invoke(app, argv)
        if name == "import" and content and kind != "binary" and kind != "not-utf8":
            # any UTF-8 text is a document to read: a plan with open items, or a refusal naming the file
            out.mkdir(exist_ok=True)
            r = runner.invoke(app, argv)
            assert r.exit_code in (0, 2) and "Traceback" not in r.output, (name, kind, r.output)
            shutil.rmtree(out)
            continue
        assert r.exit_code == 2, (name, kind, r.exit_code, r.output, r.exception)
        assert "Traceback" not in r.output, (name, kind)
        assert str(f) in r.stderr, (name, kind, r.stderr)
        assert not out.exists() or not any(out.iterdir()), (name, kind)
