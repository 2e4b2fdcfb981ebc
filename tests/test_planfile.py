"""The plan file: the shipped plan validates; each kind of bad input gets FILE:LINE:COL: field: message, exit 2."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from paradeplan.cli import app
from paradeplan.errors import InputError
from paradeplan.plan.planfile import load_plan, plan_schema, plan_to_dict

#: These tests match the messages' English text (the catalogue's source); Vietnamese is tested in test_words.
pytestmark = pytest.mark.usefixtures("english")

runner = CliRunner()

MINIMAL = """\
event:
  name: Tuần lễ thử
places:
  - id: a
    name: Điểm A
    lat: 10.86327
    lon: 106.65467
parades:
  - id: p1
    name: Diễu hành
    date: 2023-10-02
    assembly_place: a
    assembly_time: "07:30"
    departure_time: "08:00"
    route:
      - place: a
      - street: Lê Thị Riêng
    groups:
      - id: g
        kind: flower_float
        count: 1
"""


def write(tmp_path: Path, text: str | bytes, name: str = "plan.yaml") -> Path:
    p = tmp_path / name
    if isinstance(text, bytes):
        p.write_bytes(text)
    else:
        p.write_text(text, encoding="utf-8")
    return p


def refuse(tmp_path: Path, plan: Path) -> list[str]:
    """Run validate and plan on a bad file: both exit 2, no traceback, nothing written; return the lines."""
    out = tmp_path / "out"
    r1 = runner.invoke(app, ["validate", str(plan)])
    r2 = runner.invoke(app, ["plan", str(plan), "--out", str(out)])
    for r in (r1, r2):
        assert r.exit_code == 2, r.output
        assert "Traceback" not in r.output
    assert not out.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out")]
    lines = [ln for ln in r1.stderr.splitlines() if ln.strip()]
    assert lines
    return lines


def test_shipped_plan_is_faithful(demo_plan: Path) -> None:
    plan = load_plan(demo_plan)
    parade = plan.parades[0]
    assert len(parade.route) == 19
    assert [s.place for s in parade.route if s.uturn] == ["nga_3_tham_luong", "nga_4_chua_khanh_an"]
    assert parade.route[-1].end and parade.route[-1].place == "ubnd_q12"
    streets = [s.street for s in parade.route if s.street]
    assert streets[:3] == ["Lê Thị Riêng", "Quốc lộ 1", "Lê Văn Khương"]
    counts = {(g.kind, g.role): g.count for g in parade.groups}
    assert counts[("police_car", "lead")] == 2
    assert counts[("police_car", "route_guard")] == 4
    assert counts[("police_motorbike", "route_guard")] == 20
    assert sum(g.count for g in parade.groups if g.kind == "flower_float") == 12
    assert parade.assembly_time.strftime("%H:%M") == "07:30"
    assert str(parade.date) == "2023-10-02"
    assert parade.no_leaving_before_end
    ward = next(g for g in parade.groups if g.id == "xe-hoa-phuong")
    assert ward.after_end.action == "own_route" and len(ward.vehicles) == 11
    assert plan.gatherings[0].time.strftime("%H:%M") == "06:30"
    assert plan.gatherings[0].place == "quang_truong_hoa_binh"
    assert {str(d.due) for d in plan.deadlines} >= {"2023-10-11"}


def test_nfc_normalisation(tmp_path: Path) -> None:
    decomposed = MINIMAL.replace("Điểm A", "Đie\u0302\u0309m A")  # NFD form of "Điểm"
    plan = load_plan(write(tmp_path, decomposed))
    assert plan.places[0].name == "Điểm A"


def test_validate_ok_and_plan_writes_plan_json(tmp_path: Path) -> None:
    p = write(tmp_path, MINIMAL)
    r = runner.invoke(app, ["validate", str(p)])
    assert r.exit_code == 0, r.output
    out = tmp_path / "res"
    r = runner.invoke(app, ["plan", str(p), "--out", str(out)])
    assert r.exit_code == 3, r.output  # the minimal plan has no police: its posts stay unheld
    assert "stay unheld" in r.stderr
    data = json.loads((out / "plan.json").read_text(encoding="utf-8"))
    assert data["event"]["timezone"] == "Asia/Ho_Chi_Minh"
    assert data["parades"][0]["assembly_time"] == "07:30"


def test_broken_yaml(tmp_path: Path) -> None:
    lines = refuse(tmp_path, write(tmp_path, "event:\n  name: [unclosed\nplaces: x\n"))
    assert re.match(r".*plan\.yaml:\d+:\d+: broken YAML", lines[0])


@pytest.mark.parametrize(
    "content,needle",
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00binary", "binary"),
        ("event:\n  name: Tu\xe1n\n".encode("latin-1"), "UTF-8"),
    ],
)
def test_empty_binary_non_utf8(tmp_path: Path, content: bytes, needle: str) -> None:
    lines = refuse(tmp_path, write(tmp_path, content))
    assert needle in lines[0]
    assert "plan.yaml" in lines[0]


def test_not_a_mapping(tmp_path: Path) -> None:
    lines = refuse(tmp_path, write(tmp_path, "- just\n- a list\n"))
    assert "mapping" in lines[0]


def test_wrong_type_names_line_and_field(tmp_path: Path) -> None:
    bad = MINIMAL.replace("count: 1", "count: many")
    lines = refuse(tmp_path, write(tmp_path, bad))
    line_no = bad.splitlines().index("        count: many") + 1
    assert any(
        ln.startswith(f"{tmp_path / 'plan.yaml'}:{line_no}:")
        and "parades[0].groups[0].count" in ln
        and "whole number" in ln
        for ln in lines
    ), lines


def test_unknown_key_suggests_near_spelling(tmp_path: Path) -> None:
    bad = MINIMAL.replace("assembly_time:", "asembly_time:")
    lines = refuse(tmp_path, write(tmp_path, bad))
    assert any("unknown key 'asembly_time'" in ln and "did you mean 'assembly_time'" in ln for ln in lines), lines
    assert any("parades[0].assembly_time: required field is missing" in ln for ln in lines), lines


def test_undefined_place(tmp_path: Path) -> None:
    bad = MINIMAL.replace("assembly_place: a", "assembly_place: ubnd")
    lines = refuse(tmp_path, write(tmp_path, bad))
    line_no = bad.splitlines().index("    assembly_place: ubnd") + 1
    assert any(f":{line_no}:" in ln and "place 'ubnd' is not defined" in ln for ln in lines), lines


def test_window_ends_before_it_starts(tmp_path: Path) -> None:
    bad = (
        MINIMAL
        + """ceremonies:
  - id: c1
    name: Lễ khai mạc
    venue: a
    date: 2023-10-02
    window_start: "09:00"
    window_end: "07:45"
"""
    )
    lines = refuse(tmp_path, write(tmp_path, bad))
    assert any("ceremonies[0].window_end" in ln and "ends (07:45) before it starts (09:00)" in ln for ln in lines), (
        lines
    )


def test_bad_clock_time(tmp_path: Path) -> None:
    lines = refuse(tmp_path, write(tmp_path, MINIMAL.replace('"07:30"', '"25:30"')))
    assert any("assembly_time" in ln and "not a clock time" in ln for ln in lines), lines


def test_every_problem_reported_at_once(tmp_path: Path) -> None:
    bad = (
        MINIMAL.replace("count: 1", "count: -3")
        .replace("assembly_place: a", "assembly_place: zz")
        .replace("lat: 10.86327", "lat: 99.0")
    )
    lines = refuse(tmp_path, write(tmp_path, bad))
    joined = "\n".join(lines)
    assert "count must be at least 1" in joined
    assert "place 'zz' is not defined" in joined
    assert "latitude 99.0 is out of range" in joined
    assert len(lines) >= 3


def test_previous_results_survive_a_refusal(tmp_path: Path) -> None:
    good = write(tmp_path, MINIMAL, "good.yaml")
    out = tmp_path / "out"
    first = runner.invoke(app, ["plan", str(good), "--out", str(out)])
    assert first.exit_code == 3, first.output  # no escort units: results written, posts unheld
    before = (out / "plan.json").read_bytes()
    bad = write(tmp_path, "event: [", "bad.yaml")
    r = runner.invoke(app, ["plan", str(bad), "--out", str(out)])
    assert r.exit_code == 2
    assert (out / "plan.json").read_bytes() == before


def test_schema_is_generated_from_the_model() -> None:
    r = runner.invoke(app, ["schema"])
    assert r.exit_code == 0
    schema = json.loads(r.stdout)
    assert schema == json.loads(json.dumps(plan_schema()))
    parade = schema["$defs"]["Parade"]
    assert "assembly_time" in parade["required"]
    assert parade["additionalProperties"] is False
    assert "description" in parade["properties"]["route"]


def test_plan_round_trips_through_json(demo_plan: Path) -> None:
    from paradeplan.plan.planfile import plan_from_data

    plan = load_plan(demo_plan)
    again = plan_from_data(json.loads(json.dumps(plan_to_dict(plan))))
    assert again == plan


def test_version_and_help() -> None:
    r = runner.invoke(app, ["--version"])
    assert r.exit_code == 0 and r.stdout.startswith("paradeplan ")
    r = runner.invoke(app, ["--help"])
    for cmd in ("validate", "schema", "plan", "demo"):
        assert cmd in r.stdout


def test_error_lines_are_single_lines(tmp_path: Path) -> None:
    with pytest.raises(InputError) as exc:
        load_plan(write(tmp_path, MINIMAL.replace("count: 1", "count: 0")))
    for line in exc.value.lines():
        assert "\n" not in line


def test_plan_format_doc_is_current() -> None:
    import importlib.util

    root = Path(__file__).resolve().parents[1]
    spec = importlib.util.spec_from_file_location("gen", root / "tools" / "gen_plan_format.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    assert (root / "docs" / "plan-format.md").read_text(encoding="utf-8") == mod.render(), (
        "run: python tools/gen_plan_format.py"
    )


def test_clock_time_with_offset_refused_alone(tmp_path: Path) -> None:
    from paradeplan.errors import InputError

    plan = tmp_path / "p.yaml"
    plan.write_text(
        "format: paradeplan.plan/1\nevent: {name: x}\nplaces: [{id: a, name: A, lat: 10.8, lon: 106.6}]\n"
        'ceremonies: [{id: c, name: C, venue: a, date: 2023-10-02, window_start: "07:00:00+07:00", '
        'window_end: "09:00"}]\n',
        encoding="utf-8",
    )
    with pytest.raises(InputError) as exc:
        load_plan(plan)
    assert [p.field for p in exc.value.problems] == ["ceremonies[0].window_start"]
    assert "UTC offset" in str(exc.value) and f"{plan}:4:" in str(exc.value)
