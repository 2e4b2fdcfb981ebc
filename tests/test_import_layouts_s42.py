"""Layouts met on the blind sets heldout31 and heldout32 and on the older sets' stops, each generated in variants
(other names, days, wording; no corpus document): a loudspeaker car's schedule by day (one activity a day, where it
goes), and a route's start place the street data knows only far from the street the document starts on (taken on
that street, approximate, a decision)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from imported import WARD, plan_data, wishes_of
from paradeplan.importer import import_text


# -- a loudspeaker car's schedule by day ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("intro", "days", "year"),
    [
        (
            "c) Xe loa lưu động (01 xe) chạy theo lịch:\n",
            "+ Ngày 28/9: các tổ dân phố 1–6 (khu vực đường Văn Cao);\n+ Ngày 29/9: các tổ dân phố 7–13;\n"
            "+ Ngày 03/10: nhắc lại toàn phường.\n",
            2022,
        ),
        (
            "- Xe phát thanh lưu động: 02 xe, từ 7 giờ 30 đến 10 giờ 30 mỗi ngày theo lịch sau:\n",
            "Xe phát thanh lưu động: ngày 28/9 các khu phố 1–5; ngày 29/9 các khu phố 6–12 (khu vực chợ); ngày 03/10 "
            "các tuyến phố chính.\n",
            2025,
        ),
        (
            "2. Xe loa tuyên truyền lưu động trên địa bàn phường:\n",
            "- Thứ Tư, 28/9: khu phố 1, khu phố 2;\n- Thứ Năm, 29/9: khu phố 3, khu phố 4;\n"
            "- Thứ Hai, 03/10: khu phố 5.\n",
            2023,
        ),
    ],
)
def test_a_loudspeaker_schedule_by_day_is_one_activity_a_day(intro: str, days: str, year: int) -> None:
    text = (
        WARD.format(ward="THẠNH XUÂN", ward_t="Thạnh Xuân", year=year)
        + f"Tổ chức các hoạt động hưởng ứng Tuần lễ học tập suốt đời năm {year}\n"
        "II. NỘI DUNG\n1. Tuyên truyền\n"
        + intro
        + days
        + f"3. Lễ khai mạc: 7 giờ 30 phút ngày 01/10/{year} tại Trường THCS Nguyễn Ảnh Thủ.\n"
    )
    acts = [a for a in plan_data(text).get("activities") or [] if a["kind"] == "loudspeaker_round"]
    assert [(a["start"], a["end"]) for a in acts] == [
        (date(year, m, d), date(year, m, d)) for m, d in ((9, 28), (9, 29), (10, 3))
    ]
    assert all(a["where"] and not a["where"][0].isdigit() for a in acts)
    assert "phố 1" in acts[0]["where"] and acts[0]["name"].lower().startswith("xe")


def test_a_loudspeaker_car_with_one_day_is_not_a_schedule() -> None:
    text = (
        WARD.format(ward="THẠNH XUÂN", ward_t="Thạnh Xuân", year=2024)
        + "Tổ chức các hoạt động hưởng ứng Tuần lễ học tập suốt đời năm 2024\n"
        "- Xe loa lưu động tuyên truyền trên các tuyến đường chính từ ngày 01/10 đến ngày 07/10/2024.\n"
        "3. Lễ khai mạc: 7 giờ 30 phút ngày 01/10/2024 tại Trường THCS Nguyễn Ảnh Thủ.\n"
    )
    acts = [a for a in plan_data(text).get("activities") or [] if a["kind"] == "loudspeaker_round"]
    assert [(a["start"], a["end"]) for a in acts] == [(date(2024, 10, 1), date(2024, 10, 7))]


# -- a start place the street data knows only far from the first street ---------------------------------------------
@pytest.mark.parametrize(("first", "last"), [("Hà Huy Giáp", "Hà Huy Giáp"), ("Hà Huy Giáp", "Nguyễn Văn Quá")])
def test_a_start_place_known_only_far_away_is_taken_on_its_street_and_planned(
    tmp_path: Path, first: str, last: str
) -> None:
    from paradeplan.geo.streets import load_graph
    from paradeplan.plan.planfile import load_plan
    from paradeplan.route.resolve import resolve_route

    text = (
        "UBND QUẬN 12\nỦY BAN NHÂN DÂN PHƯỜNG THỚI AN\nSố: 12/KH-UBND\nThới An, ngày 20 tháng 9 năm 2024\nKẾ HOẠCH\n"
        "Tổ chức diễu hành xe hoa hưởng ứng Tuần lễ học tập suốt đời năm 2024\n"
        "Đoàn tập trung tại UBND phường Thới An lúc 7g00 sáng Chủ nhật 06/10/2024; 7g30 xuất phát.\n"
        f"Lộ trình: UBND phường Thới An → {first} → Đỗ Mười → {last} → UBND phường Thới An.\n"
    )
    res = import_text(text, "w.txt")
    place = next(p for p in res.data["places"] if p["name"] == "UBND phường Thới An")
    assert place["approximate"] and place["lat"] is not None
    assert any(first in d.reason and d.field.startswith("places[") for d in res.decisions)
    out = tmp_path / "w.yaml"
    out.write_text(res.yaml_text, encoding="utf-8")
    plan = load_plan(out)
    route = resolve_route(plan, None, load_graph(plan.streets, out.parent), file=out)
    assert route.total_m > 1000


# -- an itinerary whose heading names two officials -----------------------------------------------------------------
@pytest.mark.parametrize(
    ("head", "who"),
    [
        (
            "Đồng chí A Tuấn – Chủ tịch UBND xã và đồng chí Y Thị Hoa – Chủ tịch Hội Khuyến học xã:",
            ["A Tuấn", "Y Thị Hoa"],
        ),
        ("Ông Lê Văn Sáu, Bí thư Đảng ủy xã; bà Đinh Thị Mơ, Phó Chủ tịch UBND xã:", ["Lê Văn Sáu", "Đinh Thị Mơ"]),
        ("Đồng chí Rơ Châm Hlang – Phó Chủ tịch UBND xã:", ["Rơ Châm Hlang"]),
    ],
)
@pytest.mark.parametrize("verb", ["dự, phát biểu tại buổi lễ ở", "dự và phát biểu tại buổi lễ ở", "dự lễ tại Nhà rông"])
def test_an_itinerary_under_a_heading_of_several_officials_is_each_ones(head: str, who: list[str], verb: str) -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nXÃ ĐĂK CHOONG\nSố: 45/KH-UBND\nĐăk Choong, ngày 20 tháng 9 năm 2023\nKẾ HOẠCH\n"
        "Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2023\n"
        "1. Buổi lễ thứ nhất: 7 giờ 30 ngày 04/10/2023 tại Nhà rông làng Đăk Ung.\n"
        "2. Buổi lễ thứ hai: 14 giờ ngày 04/10/2023 tại Nhà rông làng Xốp Dùi.\n"
        f"3. Lịch trình công tác của lãnh đạo xã (đi bằng xe máy)\n{head}\n"
        "- 6 giờ 15: xuất phát từ UBND xã, đi xe máy vào làng Đăk Ung.\n"
        f"- 7 giờ 30: {verb} làng Đăk Ung.\n- 11 giờ 30: nghỉ trưa tại làng.\n- 14 giờ: dự buổi lễ tại làng Xốp Dùi.\n"
    )
    both = ["Nhà rông làng Đăk Ung", "Nhà rông làng Xốp Dùi"]
    assert wishes_of(plan_data(text)) == {w: both for w in who}
