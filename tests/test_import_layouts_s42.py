"""Layouts met on the blind sets heldout31 and heldout32 and on the older sets' stops, each generated in variants
(other names, days, wording; no corpus document): a loudspeaker car's schedule by day (one activity a day, where it
goes), and a route's start place the street data knows only far from the street the document starts on (taken on
that street, approximate, a decision)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from imported import WARD, ceremonies_of, plan_data, wishes_of
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


# -- programmes and labelled fields ----------------------------------------------------------------------------------
SCHOOL = (
    "PHÒNG GD&ĐT QUẬN {district}\nTRƯỜNG THCS {school_up}\nSố: 58/KH-THCS\n{district_t}, ngày 24 tháng 9 năm 2024\n"
)


@pytest.mark.parametrize(
    ("district", "school", "street"),
    [("CẦU GIẤY", "Nghĩa Tân", "Tô Hiệu"), ("HOÀN KIẾM", "Ngô Sĩ Liên", "Hàng Bài")],
)
def test_a_schools_programme_titled_buoi_le_is_its_ceremony_with_its_guests(
    district: str, school: str, street: str
) -> None:
    text = SCHOOL.format(district=district, school_up=school.upper(), district_t=district.title()) + (
        "CHƯƠNG TRÌNH BUỔI LỄ\nHưởng ứng Tuần lễ học tập suốt đời năm 2024\n"
        f"Trường THCS {school} xây dựng chương trình buổi lễ như sau:\n"
        "Thời gian: 7g30, thứ Ba ngày 01/10/2024.\n"
        f"Địa điểm: Sân trường THCS {school}, số 3 phố {street}.\n"
        "Khách mời: Bà Nguyễn Thị Thanh Hà – Phó Chủ tịch UBND phường; ông Đỗ Văn Khải – Chủ tịch Hội Khuyến học "
        "phường; đại diện Ban đại diện cha mẹ học sinh.\n"
        "CHƯƠNG TRÌNH CỤ THỂ\n| Thời gian | Nội dung | Người thực hiện |\n"
        "| 7g15 – 7g30 | Đón tiếp đại biểu | Ban Giám hiệu |\n| 7g30 – 7g40 | Chào cờ | Liên đội |\n"
    )
    data = plan_data(text)
    assert ceremonies_of(data) == [("2024-10-01", "07:30", f"Trường THCS {school}")]
    assert data["ceremonies"][0]["name"].startswith("Buổi lễ hưởng ứng Tuần lễ")
    assert {"Nguyễn Thị Thanh Hà", "Đỗ Văn Khải"} <= set(wishes_of(data))
    place = next(p for p in data["places"] if p["name"] == f"Trường THCS {school}")
    assert place["address"] == f"số 3 phố {street}"
    assert data["event"].get("issuer", "").startswith(f"Trường THCS {school}")


@pytest.mark.parametrize("numbered", ["1. Thời gian: {t}\n2. Địa điểm: {v}\n", "a) Thời gian: {t}\nb) Địa điểm: {v}\n"])
def test_label_fields_numbered_each_on_its_own_line_under_a_label_heading(numbered: str) -> None:
    text = (
        WARD.format(ward="TRUNG HÒA", ward_t="Trung Hòa", year=2024)
        + "Tổ chức Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2024\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n- Buổi lễ ngắn gọn, trang trọng.\nII. THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN\n"
        + numbered.format(t="07:30 thứ Ba, ngày 01/10/2024", v="Trường THCS Nguyễn Ảnh Thủ, số 35 đường Lê Thị Riêng.")
    )
    assert ceremonies_of(plan_data(text)) == [("2024-10-01", "07:30", "Trường THCS Nguyễn Ảnh Thủ")]


@pytest.mark.parametrize(
    ("words", "clock"),
    [("bảy giờ ba mươi phút", "07:30"), ("tám giờ mười lăm", "08:15"), ("mười bốn giờ", "14:00")],
)
def test_a_time_in_words_and_a_venue_said_before_who_holds_the_ceremony(words: str, clock: str) -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nXÃ NGHI PHONG\nSố: 12/KH-UBND\nNghi Phong, ngày 18 tháng 9 năm 2023\nKẾ HOẠCH\n"
        "Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2023\n1. Lễ khai mạc Tuần lễ\n"
        f"Sáng thứ Hai, mùng 2 tháng 10, vào lúc {words}, tại Hội trường UBND xã Nghi Phong, Ủy ban nhân dân xã "
        "tổ chức Lễ khai mạc Tuần lễ. Kính mời đồng chí Nguyễn Thị Hoài, Phó Chủ tịch UBND huyện Nghi Lộc, về dự.\n"
    )
    data = plan_data(text)
    assert ceremonies_of(data) == [("2023-10-02", clock, "Hội trường UBND xã Nghi Phong")]
    person = next(p for p in data["people"] if p["name"] == "Nguyễn Thị Hoài")
    assert person["role"] == "Phó Chủ tịch UBND huyện Nghi Lộc"


def test_a_duration_in_words_is_no_clock_time() -> None:
    from paradeplan.importer.text import spelled_times

    assert spelled_times("buổi lễ kéo dài hai giờ, bây giờ") == "buổi lễ kéo dài hai giờ, bây giờ"


# -- invitations and amended plans -----------------------------------------------------------------------------------
def test_an_invitation_to_two_ceremonies_lists_each_ones_invitees() -> None:
    text = (
        "UBND PHƯỜNG HÒA CƯỜNG\nSố: 51/GM-UBND\nHòa Cường, ngày 25 tháng 9 năm 2025\nGIẤY MỜI\n"
        "Dự Lễ khai mạc và Lễ tuyên dương trong Tuần lễ hưởng ứng học tập suốt đời năm 2025\n"
        "Ủy ban nhân dân phường trân trọng kính mời:\n1. Dự Lễ khai mạc Tuần lễ\nKính mời:\n"
        "- Đồng chí Lê Văn Thành – Phó Bí thư Đảng ủy phường;\n- Ông Võ Minh Tuấn – Chủ tịch Hội Khuyến học phường;\n"
        "Thời gian: 7 giờ 30 phút, thứ Tư, ngày 01 tháng 10 năm 2025.\nĐịa điểm: Hội trường UBND phường Hòa Cường.\n"
        "2. Dự Lễ tuyên dương gia đình học tập tiêu biểu\nKính mời:\n- Đồng chí Lê Văn Thành – Phó Bí thư Đảng ủy "
        "phường;\n- Bà Đặng Thị Mỹ Linh – Hiệu trưởng Trường THCS Nguyễn Huệ;\nThời gian: 14 giờ, thứ Bảy, ngày "
        "04/10/2025.\nĐịa điểm: Trường THCS Nguyễn Huệ.\nGhi chú:\n- Lễ khai mạc có chương trình văn nghệ do học "
        "sinh biểu diễn từ 7 giờ 10 phút.\n"
    )
    data = plan_data(text)
    hall, school = "Hội trường UBND phường Hòa Cường", "Trường THCS Nguyễn Huệ"
    assert ceremonies_of(data) == [("2025-10-01", "07:30", hall), ("2025-10-04", "14:00", school)]
    assert wishes_of(data) == {"Lê Văn Thành": [hall, school], "Võ Minh Tuấn": [hall], "Đặng Thị Mỹ Linh": [school]}


@pytest.mark.parametrize("old", ["- Nội dung đã ban hành (điểm a khoản 1 mục II): ", "- Nội dung cũ: "])
def test_an_amended_plan_plans_the_new_time_and_venue_not_the_old(old: str) -> None:
    text = (
        WARD.format(ward="CẦU GIẤY", ward_t="Cầu Giấy", year=2025).replace("KẾ HOẠCH", "KẾ HOẠCH ĐIỀU CHỈNH")
        + "Một số nội dung tại Kế hoạch số 377/KH-UBND ngày 15/9/2025\nI. NỘI DUNG ĐIỀU CHỈNH\n"
        "1. Điều chỉnh thời gian, địa điểm Lễ khai mạc Tuần lễ\n"
        + old
        + "Lễ khai mạc tổ chức lúc 8 giờ 00 phút, thứ Năm ngày 02/10/2025, tại sân Công viên Cầu Giấy.\n"
        "- Nay điều chỉnh như sau:\n+ Thời gian: 14 giờ 00 phút, thứ Năm ngày 02/10/2025 (giữ nguyên ngày).\n"
        "+ Địa điểm: Hội trường tầng 3, Trung tâm Văn hóa - Thông tin và Thể thao phường Cầu Giấy.\n"
    )
    assert ceremonies_of(plan_data(text)) == [
        ("2025-10-02", "14:00", "Trung tâm Văn hóa - Thông tin và Thể thao phường Cầu Giấy")
    ]


@pytest.mark.parametrize("duty", ["báo cáo UBND thành phố trước ngày 14/10/2022", "trình UBND phường trước 22/9/2022"])
def test_a_committees_founding_decision_with_its_members_deadlines_is_nothing_to_plan(duty: str) -> None:
    from paradeplan.errors import InputError

    text = (
        "ỦY BAN NHÂN DÂN\nPHƯỜNG HƯNG DŨNG\nSố: 88/QĐ-UBND\nHưng Dũng, ngày 15 tháng 9 năm 2022\nQUYẾT ĐỊNH\n"
        "Về việc thành lập Ban Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2022\n"
        "Điều 1. Thành lập Ban Tổ chức gồm các ông (bà) có tên sau:\n1. Ông Trần Văn Nam, Chủ tịch UBND phường – "
        "Trưởng ban.\nĐiều 2. Nhiệm vụ của Ban Tổ chức\n1. Trưởng ban: chỉ đạo chung; xây dựng chương trình Lễ "
        f"khai mạc.\n2. Ủy viên thường trực: tổng hợp kết quả, {duty}.\n"
    )
    with pytest.raises(InputError, match="thành lập một ban"):
        import_text(text, "qd.txt")


# -- routes written as junctions, steps and arrows ----------------------------------------------------------------
def test_a_notice_lists_its_route_by_the_junctions_it_turns_at() -> None:
    from imported import route_of

    text = (
        "CÔNG AN QUẬN 12\nSố: 1128/TB-CAQ\nQuận 12, ngày 25 tháng 9 năm 2024\nTHÔNG BÁO\nPhân luồng giao thông phục vụ "
        "diễu hành xe hoa hưởng ứng Tuần lễ học tập suốt đời năm 2024\n1. Thời gian\n- Đoàn diễu hành xuất phát từ "
        "UBND Quận 12 lúc 07:45 ngày 01/10/2024.\n- Đội hình: 02 xe ô tô CSGT dẫn đoàn; 10 xe hoa.\n"
        "2. Lộ trình (theo thứ tự các nút giao đoàn đi qua)\n- Điểm xuất phát: UBND Quận 12, đường Lê Thị Riêng;\n"
        "- Nút giao Lê Thị Riêng – Quốc lộ 1A (đường Đỗ Mười): rẽ trái vào Quốc lộ 1A;\n"
        "- Nút giao Quốc lộ 1A – Lê Văn Khương: rẽ phải vào đường Lê Văn Khương;\n"
        "- Nút giao Lê Văn Khương – Nguyễn Ảnh Thủ: rẽ trái vào đường Nguyễn Ảnh Thủ;\n"
        "- Điểm kết thúc: Nhà Văn hóa Lao động Quận 12.\n3. Thời gian phong tỏa\n| Tuyến đường | Thời gian |\n"
        "| Lê Thị Riêng | 06:30 – 08:15 |\n"
    )
    assert route_of(plan_data(text))[1:6] == [
        "Lê Thị Riêng",
        "Đỗ Mười",
        "Lê Văn Khương",
        "Nguyễn Ảnh Thủ",
        "Nhà Văn hóa Lao động Quận 12",
    ]


@pytest.mark.parametrize("mark", ["Bước {n}.", "Bước {n}:", "Bước {n})"])
def test_numbered_steps_of_a_route(mark: str) -> None:
    from imported import route_of

    lines = [
        "Từ Trung tâm Văn hóa Quận 12 ra đường Tô Ký, rẽ trái.",
        "Theo đường Tô Ký đến ngã ba Nguyễn Ảnh Thủ, rẽ phải.",
        "Theo đường Nguyễn Ảnh Thủ, rẽ trái vào đường Hiệp Thành 13.",
        "Hết đường Hiệp Thành 13, đoàn quay đầu.",
        "Trở ra đường Nguyễn Ảnh Thủ, rẽ phải, đi về hướng Tô Ký.",
        "Rẽ trái vào đường Tô Ký, về lại Trung tâm Văn hóa Quận 12, kết thúc.",
    ]
    text = (
        WARD.format(ward="TRUNG MỸ TÂY", ward_t="Trung Mỹ Tây", year=2025)
        + "Tổ chức diễu hành xe hoa hưởng ứng Tuần lễ học tập suốt đời năm 2025\n1. Lễ phát động\n"
        "- Thời gian: 07g30, thứ Năm, 02/10/2025.\n- Địa điểm: Hội trường Trung tâm Văn hóa Quận 12.\n"
        "2. Diễu hành cổ động bằng xe hoa\n- Tập trung: 08g45 cùng ngày tại Trung tâm Văn hóa Quận 12.\n"
        "- Xuất phát: 09g00.\n- Lộ trình (theo thứ tự):\n"
        + "".join(mark.format(n=k + 1) + " " + line + "\n" for k, line in enumerate(lines))
        + "III. TIẾN ĐỘ\n| Nội dung | Đơn vị | Thời hạn |\n| Đăng ký số lượng xe hoa | Các trường | 26/9/2025 |\n"
    )
    data = plan_data(text)
    assert [s for s in route_of(data) if "Trung tâm" not in s] == [
        "Tô Ký",
        "Nguyễn Ảnh Thủ",
        "Hiệp Thành 13",
        "Nguyễn Ảnh Thủ",
        "Tô Ký",
    ]
    assert str(data["parades"][0]["date"]) == "2025-10-02"


@pytest.mark.parametrize("reach", ["về đến Chợ Hạnh Thông Tây thì giải tán", "đến Chợ Hạnh Thông Tây thì giải tán"])
def test_ve_den_a_place_reaches_it_and_does_not_go_back(reach: str) -> None:
    from imported import route_of

    text = (
        "UBND QUẬN GÒ VẤP\nỦY BAN NHÂN DÂN PHƯỜNG 16\nSố: 88/KH-UBND\nPhường 16, ngày 18 tháng 9 năm 2024\nKẾ HOẠCH\n"
        "Tổ chức diễu hành hưởng ứng Tuần lễ học tập suốt đời năm 2024\nĐoàn tập trung lúc 7g30 ngày 02/10/2024.\n"
        "1. Lộ trình\nĐoàn xuất phát từ UBND Phường 16 → đường Lê Đức Thọ → đường Phạm Văn Chiêu → đường Quang "
        f"Trung → {reach} (khoảng 4 km).\n2. Phương tiện\n- 03 xe hoa.\n"
    )
    route = route_of(plan_data(text))
    assert route[-1] == "Chợ Hạnh Thông Tây" and "UBND Phường 16" not in route[1:]


@pytest.mark.parametrize("water", ["trên sông Tiền", "dọc kênh Xáng"])
def test_a_parade_of_boats_on_the_water_is_an_activity_of_its_day_not_a_route(water: str) -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nXÃ LONG ĐIỀN A\nSố: 66/KH-UBND\nLong Điền A, ngày 16 tháng 9 năm 2024\nKẾ HOẠCH\n"
        "Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2024\n1. Lễ khai mạc: 7h00 ngày 01/10/2024 tại Trường THCS "
        f"Long Điền A.\n2. Diễu hành ghe, xuồng cổ động {water}: 8h30 cùng ngày, 12 ghe máy treo băng rôn xuất phát "
        "từ bến đò Long Điền A, chạy qua các ấp Long Thạnh, Long Mỹ, Long Hòa rồi quay về bến đò.\n"
    )
    data = plan_data(text)
    assert not data.get("parades")
    boats = [a for a in data.get("activities") or [] if "ghe" in a["name"]]
    assert len(boats) == 1 and boats[0]["kind"] == "other" and str(boats[0]["start"]) == "2024-10-01"
    assert not any(a["kind"] == "banners" for a in data.get("activities") or [])


# -- seen on heldout35/36: stretches on one line, a forwarded message, a name that folds like a time of day ---------
def test_stretches_on_one_line_each_with_its_street_in_brackets() -> None:
    from imported import route_of

    text = (
        "CÔNG AN PHƯỜNG AN NHƠN\nSố: 21/PA-CAP\nAn Nhơn, ngày 20 tháng 9 năm 2025\nPHƯƠNG ÁN\nBảo đảm trật tự an toàn "
        "giao thông phục vụ diễu hành hưởng ứng Tuần lễ học tập suốt đời năm 2025\nĐoàn xuất phát lúc 07h30 ngày "
        "02/10/2025, gồm 03 xe hoa.\nĐoàn diễu hành đi qua các đoạn đường sau: đoạn từ Công viên Phần mềm Quang Trung "
        "đến giao lộ Quang Trung – Nguyễn Oanh (đường Quang Trung); đoạn từ giao lộ Quang Trung – Nguyễn Oanh đến "
        "giao lộ Nguyễn Oanh – Phan Văn Trị (đường Nguyễn Oanh); đoạn từ giao lộ Nguyễn Oanh – Phan Văn Trị đến Chợ "
        "An Nhơn (đường Phan Văn Trị), giải tán tại Chợ An Nhơn.\n"
    )
    assert route_of(plan_data(text)) == [
        "Công viên Phần mềm Quang Trung",
        "Quang Trung",
        "Nguyễn Oanh",
        "Phan Văn Trị",
        "Chợ An Nhơn",
    ]


def test_a_forwarded_message_without_letterhead_gets_the_street_data_its_route_runs_in() -> None:
    from imported import route_of

    text = (
        "[Chuyển tiếp từ nhóm Zalo UBND P.16]\nCác đ/c lưu ý kế hoạch diễu hành hưởng ứng Tuần lễ học tập suốt đời "
        "2023 nha:\n* Tập trung: 6g45 sáng 07/10/2023 tại CV Làng Hoa, xuất phát 7g15.\n"
        "* Lộ trình: CV Làng Hoa -> Nguyễn Văn Lượng -> Lê Đức Thọ -> Thống Nhất -> Phạm Văn Chiêu -> về Trường "
        "Tiểu học Phạm Văn Chiêu thì giải tán.\n* Xe hoa x5, 02 xe mô tô CSGT dẫn đoàn.\n"
        "Sau diễu hành có buổi lễ phát động nhỏ lúc 9g00 tại Trường Tiểu học Phạm Văn Chiêu, đ/c Nguyễn Hoàng Nam "
        "phát biểu phát động.\n"
    )
    res = import_text(text, "zalo.txt")
    route = route_of(res.data)
    assert route[0].startswith("Công viên Làng Hoa") and route[-1] == "Trường Tiểu học Phạm Văn Chiêu"
    assert res.data["streets"] == "builtin:quan12" and any(d.field == "streets" for d in res.decisions)
    assert [c[1:] for c in ceremonies_of(res.data)] == [("09:00", "Trường Tiểu học Phạm Văn Chiêu")]


@pytest.mark.parametrize(("gather", "start"), [("7 giờ kém 15", "7 giờ"), ("6g30", "7g00")])
def test_a_ceremony_starts_when_it_begins_not_when_people_gather(gather: str, start: str) -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nXÃ NGHI PHONG\nSố: 12/KH-UBND\nNghi Phong, ngày 18 tháng 9 năm 2023\nKẾ HOẠCH\n"
        "Tổ chức các hoạt động hưởng ứng Tuần lễ học tập suốt đời năm 2023\nII. NỘI DUNG\n1. Lễ phát động Tuần lễ\n"
        "Buổi lễ được tổ chức vào sáng thứ Hai, ngày 2/10 tại sân Trung tâm học tập cộng đồng xã Nghi Phong. Đại "
        f"biểu và nhân dân các thôn tập trung lúc {gather}; buổi lễ bắt đầu đúng {start}.\n"
        "2. Lễ tuyên dương, khen thưởng\nThời gian: 14g ngày 6/10 (thứ Sáu).\n"
        "Địa điểm: Hội trường UBND xã Nghi Phong.\n"
    )
    assert ceremonies_of(plan_data(text)) == [
        ("2023-10-02", "07:00", "Trung tâm học tập cộng đồng xã Nghi Phong"),
        ("2023-10-06", "14:00", "Hội trường UBND xã Nghi Phong"),
    ]


@pytest.mark.parametrize(("gather", "leave"), [("06:30", "07:00"), ("6:45", "7:15")])
def test_a_line_that_opens_with_tap_trung_luc_and_a_clock_time_is_no_label(gather: str, leave: str) -> None:
    text = (
        WARD.format(ward="ĐÔNG HƯNG THUẬN", ward_t="Đông Hưng Thuận", year=2025)
        + "Tổ chức diễu hành xe hoa hưởng ứng Tuần lễ học tập suốt đời năm 2025\n2. Diễu hành\n"
        f"- Tập trung lúc {gather}, xuất phát lúc {leave} Chủ nhật, ngày 05/10/2025 tại bãi xe Chợ Lạc Quang.\n"
        "- Lộ trình: Chợ Lạc Quang – Tân Thới Nhất 1 – Phan Văn Hớn – Trường Chinh – Chợ Lạc Quang.\n"
        "- Phương tiện: 05 xe hoa.\n"
    )
    parade = plan_data(text)["parades"][0]
    assert str(parade["assembly_time"])[:5] == gather.zfill(5) and str(parade["departure_time"])[:5] == leave.zfill(5)
