"""What the document's context and the plan's policy decide (importer.context, importer.duties): who holds the posts
and the barrier points, the column's speed, staying together and line-up, a postponement; each decision is listed
under ``decisions`` with its reason, and only what the context cannot decide stays an open item. Every text here is
written for these tests, in several offices' wordings (none is a corpus document)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from paradeplan.cli import app
from paradeplan.errors import InputError
from paradeplan.importer import import_text
from paradeplan.importer.extract import extract

DISTRICT = "ỦY BAN NHÂN DÂN\nQUẬN 12\nSố: {no}\nQuận 12, ngày 16 tháng 9 năm 2024\nKẾ HOẠCH\n{title}\n"
LOOP = (
    "Ủy ban nhân dân Quận 12 → đường Lê Thị Riêng → Quốc lộ 1 → Ngã tư Ga (quay đầu) → Quốc lộ 1 → "
    "đường Lê Thị Riêng → Ủy ban nhân dân Quận 12"
)
TITLE = "Diễu hành xe hoa hưởng ứng Tuần lễ học tập suốt đời năm 2024"


def _doc(*lines: str, title: str = TITLE) -> str:
    return DISTRICT.format(no="301/KH-UBND", title=title) + "\n".join(lines) + "\n"


CHARGED = _doc(
    "1. Thời gian: tập trung lúc 14 giờ 30, xuất phát lúc 15 giờ 00, ngày 01/10/2024.",
    "2. Phương tiện: 08 xe hoa của 08 phường; 01 xe ô tô Cảnh sát giao thông dẫn đoàn.",
    f"3. Lộ trình: {LOOP}.",
    "4. Phân công:",
    "- Công an Quận 12 chủ trì, phối hợp các phường bảo đảm an ninh trật tự, an toàn giao thông trên lộ trình.",
    "- Ủy ban nhân dân các phường: chuẩn bị xe hoa.",
)


def _groups(data: dict[str, Any]) -> list[dict[str, Any]]:
    return list(data["parades"][0]["groups"])


def _fields(data: dict[str, Any], key: str) -> set[str]:
    return {str(o["field"]) for o in data.get(key) or []}


# ------------------------------------------------------------------------------------------ who holds the traffic
@pytest.mark.parametrize(
    ("line", "unit"),
    [
        ("2. Công an phường: phân luồng, điều tiết giao thông tại các giao lộ trên lộ trình.", "Công an phường"),
        ("- Công an xã xây dựng phương án bảo đảm trật tự, an toàn giao thông dọc tuyến diễu hành.", "Công an xã"),
        ("Đội Cảnh sát giao thông - Trật tự Công an huyện hướng dẫn giao thông tại các ngã tư.", "Đội Cảnh sát"),
        ("+ Công an thị trấn: giữ gìn an ninh, trật tự và an toàn giao thông.", "Công an thị trấn"),
        ("Lực lượng Cảnh sát giao thông sẽ tạm dừng các phương tiện tại các giao lộ trên tuyến.", "Lực lượng Cảnh"),
    ],
)
def test_the_unit_charged_with_the_traffic_is_read_in_several_wordings(line: str, unit: str) -> None:
    ex = extract(_doc("I. TỔ CHỨC THỰC HIỆN", line), "x.txt")
    assert [d.unit[: len(unit)] for d in ex.duties] == [unit]
    assert ex.duties[0].police


def test_a_heading_names_the_unit_of_the_lines_under_it() -> None:
    ex = extract(_doc("III. PHÂN CÔNG", "2. Công an phường", "- Phân luồng giao thông trên các tuyến diễu hành."), "x")
    assert [d.unit for d in ex.duties] == ["Công an phường"]


def test_a_request_to_the_public_and_a_column_charge_no_one() -> None:
    ex = extract(
        _doc(
            "Đề nghị Nhân dân chấp hành sự hướng dẫn của lực lượng Cảnh sát giao thông làm nhiệm vụ trên tuyến.",
            "Đoàn xe chấp hành nghiêm Luật Giao thông đường bộ, bảo đảm an toàn giao thông.",
        ),
        "x.txt",
    )
    assert ex.duties == []


def test_a_militia_unit_charged_with_order_is_no_police() -> None:
    ex = extract(_doc("- Ban Chỉ huy Quân sự phường: bảo đảm trật tự, an toàn giao thông tại các hẻm."), "x")
    assert [(d.unit, d.police) for d in ex.duties] == [("Ban Chỉ huy Quân sự phường", False)]


# --------------------------------------------------------------------------------------------------- the plan file
@pytest.fixture(scope="module")
def charged() -> dict[str, Any]:
    return import_text(CHARGED, "charged.txt").data


def test_the_police_charged_with_the_traffic_hold_the_posts_as_many_as_they_need(charged: dict[str, Any]) -> None:
    groups = _groups(charged)
    guards = [(g["kind"], g["role"], g["owner"]) for g in groups if g["role"] == "route_guard"]
    # a motorbike group, and a car group because the route turns at Ngã tư Ga (a U-turn post needs a car)
    assert guards == [
        ("police_motorbike", "route_guard", "Công an Quận 12"),
        ("police_car", "route_guard", "Công an Quận 12"),
    ]
    marshals = [g for g in groups if g["role"] == "marshal"]
    assert [g["owner"] for g in marshals] == ["Công an Quận 12"]
    j = [i for i, g in enumerate(groups) if g["role"] in ("route_guard", "marshal")]
    assert {f"parades[0].groups[{i}].count" for i in j} <= _fields(charged, "open_items")  # counts left to `plan`
    decided = {str(d["field"]): d for d in charged["decisions"]}
    for i in j:
        d = decided[f"parades[0].groups[{i}]"]
        assert "Công an Quận 12" in d["reason"] and "lộ trình" in d["source"]
    assert "parades[0].groups" not in _fields(charged, "open_items")  # "nobody holds the barrier points" answered


def test_policy_defaults_are_decisions_not_questions(charged: dict[str, Any]) -> None:
    decided = {str(d["field"]): d for d in charged["decisions"]}
    for key in ("speed_limit_kmh", "no_leaving_before_end", "staging"):
        assert f"parades[0].{key}" in decided and f"parades[0].{key}" not in _fields(charged, "open_items")
    assert decided["parades[0].speed_limit_kmh"]["chosen"] == "20 km/giờ"  # the floats' default speed
    assert "speed_limit_kmh" not in charged["parades"][0]  # the model's default stands: nothing written over it
    assert decided["parades[0].staging"]["chosen"] == "Ủy ban nhân dân Quận 12"
    assert [d["id"] for d in charged["decisions"]] == [f"d{k}" for k in range(1, len(charged["decisions"]) + 1)]


def test_a_stated_speed_and_stated_route_guards_are_kept() -> None:
    text = CHARGED.replace(
        "01 xe ô tô Cảnh sát giao thông dẫn đoàn.",
        "01 xe ô tô Cảnh sát giao thông dẫn đoàn, 04 xe mô tô Cảnh sát giao thông bảo vệ lộ trình; tốc độ không quá "
        "15 km/giờ.",
    )
    data = import_text(text, "stated.txt").data
    motorbikes = [g for g in _groups(data) if g["kind"] == "police_motorbike" and g["role"] == "route_guard"]
    assert [g["count"] for g in motorbikes] == [4]  # no group "as many as needed" beside the stated one
    assert data["parades"][0]["speed_limit_kmh"] == 15.0
    assert "parades[0].speed_limit_kmh" not in _fields(data, "decisions")


def test_police_that_only_lead_the_column_are_not_given_the_posts() -> None:
    text = _doc(
        "1. Thời gian: 15 giờ 00, ngày 01/10/2024.",
        "2. Phương tiện: 08 xe hoa; Công an Quận 12 bố trí 02 xe mô tô dẫn đường.",
        f"3. Lộ trình: {LOOP}.",
    )
    data = import_text(text, "lead.txt").data
    assert not [g for g in _groups(data) if g["role"] in ("route_guard", "marshal")]
    assert "parades[0].groups" in _fields(data, "open_items")  # nobody ordered for the barrier points: still asked


def test_police_vehicles_listed_with_no_task_hold_the_posts() -> None:
    text = _doc(
        "1. Thời gian: xuất phát lúc 15 giờ 00, ngày 01/10/2024.",
        "2. Tham gia: 06 xe hoa của các phường và 05 xe mô tô của Công an quận.",
        f"3. Lộ trình: {LOOP}.",
    )
    data = import_text(text, "notask.txt").data
    [(j, g)] = [(j, g) for j, g in enumerate(_groups(data)) if g["kind"] == "police_motorbike"]
    assert (g["role"], g["count"]) == ("route_guard", 5)  # the stated count, kept
    [d] = [d for d in data["decisions"] if d["field"] == f"parades[0].groups[{j}].role"]
    assert d["chosen"] == "giữ chốt" and "không giao nhiệm vụ" in d["reason"]


# ------------------------------------------------------------------------------------------------------ planning
def _run(tmp: Path, text: str) -> tuple[Any, Any, Any]:
    runner = CliRunner()
    (tmp / "doc.txt").write_text(text, encoding="utf-8")
    imp = runner.invoke(app, ["import", str(tmp / "doc.txt"), "-o", str(tmp / "plan.yaml")])
    assert imp.exit_code == 0, imp.output
    val = runner.invoke(app, ["validate", str(tmp / "plan.yaml")])
    res = runner.invoke(app, ["plan", str(tmp / "plan.yaml"), "--out", str(tmp / "out")])
    return imp, val, res


def test_an_imported_plan_whose_traffic_the_police_hold_plans_with_exit_0(tmp_path: Path) -> None:
    _imp, val, res = _run(tmp_path, CHARGED)
    assert val.exit_code == 0 and "đã quyết định" in val.output
    assert res.exit_code == 0, res.output  # the posts and the barrier points are all held
    assert "Xe mô tô công an giữ chốt (Công an Quận 12): số xe chưa xác định — kế hoạch cần" in res.output
    book = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert 'id="decided"' in book and "Những điều đã quyết định theo ngữ cảnh văn bản" in book
    plan = yaml.safe_load((tmp_path / "plan.yaml").read_text(encoding="utf-8"))
    assert all(d["reason"] for d in plan["decisions"])


def test_without_anyone_charged_the_posts_stay_short_with_exit_3(tmp_path: Path) -> None:
    text = CHARGED.replace(
        "- Công an Quận 12 chủ trì, phối hợp các phường bảo đảm an ninh trật tự, an toàn giao thông trên lộ trình.\n",
        "",
    )
    _imp, _val, res = _run(tmp_path, text)
    assert res.exit_code == 3  # nothing invented: the plan says how many are short


# ------------------------------------------------------------------------------------------------- refusals, notes
def test_vehicles_and_a_parade_title_without_a_route_are_refused() -> None:
    text = _doc(
        "1. Thời gian: 15 giờ 00, ngày 01/10/2024.",
        "2. Phương tiện: 08 xe hoa của 08 phường; 02 xe mô tô Cảnh sát giao thông dẫn đoàn.",
        "3. Đoàn xe đi qua các khu dân cư trên địa bàn quận.",
    )
    with pytest.raises(InputError) as err:
        import_text(text, "noroute.txt")
    problem = err.value.problems[0]
    assert "không đọc được lộ trình" in problem.message and "8 xe hoa của 08 phường" in problem.message
    assert "Lộ trình:" in str(problem.hint) and err.value.exit_code == 2


def test_the_import_command_stops_with_exit_2_on_a_parade_without_a_route(tmp_path: Path) -> None:
    (tmp_path / "doc.txt").write_text(
        _doc("Thời gian: 15 giờ, ngày 01/10/2024. Tham gia: 05 xe hoa."), encoding="utf-8"
    )
    res = CliRunner().invoke(app, ["import", str(tmp_path / "doc.txt"), "-o", str(tmp_path / "p.yaml")])
    assert res.exit_code == 2 and not (tmp_path / "p.yaml").exists()


def test_a_route_with_no_date_anywhere_is_refused() -> None:
    title = "Diễu hành xe hoa chào mừng Đại hội Đoàn"  # no week whose first day could stand in (a placeholder)
    text = _doc("Phương tiện: 06 xe hoa.", f"Lộ trình: {LOOP}.", title=title).replace("ngày 16 tháng 9 năm 2024", "")
    with pytest.raises(InputError) as err:
        import_text(text, "nodate.txt")
    assert "không nêu ngày diễu hành" in err.value.problems[0].message


def test_a_postponement_is_a_decision_in_the_plan() -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nPHƯỜNG TÂN THỚI HIỆP\nSố: 95/UBND-VX\nTân Thới Hiệp, ngày 28 tháng 9 năm 2024\n"
        "V/v tạm hoãn diễu hành xe hoa\nKính gửi: Các khu phố\n"
        "Theo Kế hoạch số 70/KH-UBND, đoàn 06 xe hoa diễu hành lúc 15 giờ ngày 29/9/2024 theo lộ trình "
        f"{LOOP}.\n"
        "Do mưa lớn kéo dài, Ủy ban nhân dân phường thông báo tạm hoãn buổi diễu hành sang 15 giờ ngày 05/10/2024.\n"
    )
    data = import_text(text, "moved.txt").data
    [d] = [d for d in data["decisions"] if d["field"] == "parades[0].date"]
    assert d["chosen"] == "2024-10-05" and "05/10/2024" in d["reason"] and "tạm hoãn" in d["source"]
    assert str(data["parades"][0]["date"]) == "2024-10-05"


def test_the_routes_start_as_assembly_place_is_a_decision() -> None:
    data = import_text(
        _doc("Đoàn xuất phát lúc 15 giờ 00 ngày 01/10/2024. Phương tiện: 06 xe hoa.", f"Lộ trình: {LOOP}."), "a"
    ).data
    decided = {str(d["field"]): d for d in data["decisions"]}
    assert decided["parades[0].assembly_place"]["chosen"] == "Ủy ban nhân dân Quận 12"
    assert decided["parades[0].assembly_time"]["chosen"] == "15:00"
    assert not {"parades[0].assembly_place", "parades[0].assembly_time"} & _fields(data, "open_items")


def test_a_ceremony_with_its_start_only_starts_then_for_the_usual_length() -> None:
    text = _doc(
        "1. Lễ khai mạc Tuần lễ: lúc 8 giờ 00 ngày 01/10/2024 tại Hội trường Ủy ban nhân dân Quận 12.",
        "2. Thành phần: lãnh đạo quận, đại diện các phường.",
        title="Tổ chức Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2024",
    )
    data = import_text(text, "ceremony.txt").data
    [c] = data["ceremonies"]
    assert (str(c["window_start"]), str(c["window_end"]), c["duration_min"]) == ("08:00", "09:00", 60)
    [d] = [d for d in data["decisions"] if d["field"] == "ceremonies[0].window_end"]
    assert d["chosen"] == "08:00–09:00" and "60 phút" in d["reason"]
    assert "ceremonies[0].window_end" not in _fields(data, "open_items")


def test_a_step_read_from_the_context_is_listed_as_a_decision() -> None:
    text = _doc(
        "Thời gian: xuất phát lúc 15 giờ 00, ngày 01/10/2024. Phương tiện: 06 xe hoa.",
        "Đoàn xe xuất phát từ Ủy ban nhân dân Quận 12, đi qua các tuyến đường: Lê Thị Riêng, Quốc lộ 1, Tô Ký, "
        "Quốc lộ 1, Lê Thị Riêng và trở về điểm xuất phát.",
    )
    data = import_text(text, "back.txt").data
    last = len(data["parades"][0]["route"]) - 1
    [d] = [d for d in data["decisions"] if d["field"] == f"parades[0].route[{last}]"]
    assert d["chosen"] == "Ủy ban nhân dân Quận 12" and "điểm xuất phát" in d["reason"]


@pytest.mark.parametrize(
    ("line", "unit"),
    [
        ("3. Đề nghị Công an quận hỗ trợ xe dẫn đường và điều tiết giao thông tại các giao lộ lớn.", "Công an quận"),
        ("- Giao Công an xã phân luồng tại các ngã ba trên tuyến.", "Công an xã"),
        ("2. Công an phường: giữ gìn an ninh trật tự tại buổi lễ và dọc các tuyến đường diễu hành.", "Công an phường"),
    ],
)
def test_a_request_to_the_police_and_order_along_the_route_charge_the_police(line: str, unit: str) -> None:
    assert [d.unit for d in extract(_doc(line), "x.txt").duties] == [unit]


def test_order_at_a_venue_is_no_duty_on_the_route() -> None:
    assert extract(_doc("4. Công an phường: bảo đảm an ninh trật tự khu vực Nhà văn hóa phường."), "x").duties == []


def test_a_police_letterheads_own_unit_is_its_last_part() -> None:
    from paradeplan.importer.duties import narrowest

    assert narrowest("Công An Thành Phố Hà Nội Công An Quận Đống Đa") == "Công An Quận Đống Đa"
    assert narrowest("Công an Tỉnh Bình Dương Phòng Cảnh sát giao thông") == "Phòng Cảnh sát giao thông"
    assert narrowest("Đội Cảnh sát giao thông - Trật tự") == "Đội Cảnh sát giao thông - Trật tự"


def test_an_officials_start_is_the_issuers_seat_as_a_decision() -> None:
    text = _doc(
        "1. Lễ khai mạc cấp quận: lúc 8 giờ 00 ngày 01/10/2024 tại Hội trường Ủy ban nhân dân Quận 12.",
        "2. Thành phần: đồng chí Chủ tịch Ủy ban nhân dân quận dự và phát biểu khai mạc.",
        title="Tổ chức Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2024",
    )
    data = import_text(text, "officials.txt").data
    [person] = data["people"]
    [d] = [d for d in data["decisions"] if d["field"] == "people[0].base"]
    assert person["base"] and "rảnh cả ngày" in d["reason"] and "people[0]" not in _fields(data, "open_items")


def test_a_route_without_vehicles_or_a_date_is_refused_too() -> None:
    title = "Diễu hành chào mừng Đại hội Đoàn"
    text = _doc(f"Lộ trình: {LOOP}.", title=title).replace("ngày 16 tháng 9 năm 2024", "")
    with pytest.raises(InputError) as err:
        import_text(text, "bare.txt")
    assert "không nêu ngày diễu hành" in err.value.problems[0].message


def test_police_vehicles_the_document_puts_at_the_tail_ride_there() -> None:
    text = _doc(
        "1. Thời gian: xuất phát lúc 15 giờ 00, ngày 01/10/2024.",
        "2. Tham gia: 06 xe hoa; 02 xe mô tô của Công an quận đi cuối đoàn.",
        f"3. Lộ trình: {LOOP}.",
        "4. Công an Quận 12: phân luồng giao thông trên lộ trình.",
    )
    groups = _groups(import_text(text, "tail.txt").data)
    assert [(g["count"], g["role"]) for g in groups if g["kind"] == "police_motorbike"] == [
        (2, "tail"),
        (1, "route_guard"),
    ]


def test_a_post_group_whose_count_is_answered_is_not_sized(tmp_path: Path) -> None:
    data = import_text(CHARGED, "charged.txt").data
    data["open_items"] = [o for o in data["open_items"] if not o["field"].endswith(".count")]  # counts "answered": 1
    (tmp_path / "plan.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    res = CliRunner().invoke(app, ["plan", str(tmp_path / "plan.yaml"), "--out", str(tmp_path / "out")])
    assert res.exit_code == 3 and "kế hoạch cần" not in res.output  # one motorbike, one car, one person: short
