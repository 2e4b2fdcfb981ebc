"""Layouts met on the blind sets heldout37 and heldout38, each written here in variants (other names, days and
wording; no corpus document): a notice that changes a ceremony's time and venue, officials who send their apologies,
ceremonies dated only by the letter's one event day, a topic line "Về Lễ …:", counts written "x5" and totals after
their parts, and a parade in two legs."""

from __future__ import annotations

import pytest

from imported import WARD, ceremonies_of, plan_data, route_of, wishes_of

COMMUNE = "UBND HUYỆN CHÂU THÀNH\nỦY BAN NHÂN DÂN XÃ {name}\nSố: 41/TB-UBND\n{name_t}, ngày 26 tháng 9 năm {year}\n"


# -- a notice that changes a ceremony ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("label_when", "label_where"),
    [("Thời gian (mới)", "Địa điểm (mới)"), ("Thời gian (điều chỉnh)", "Địa điểm (điều chỉnh)")],
)
def test_a_notice_changing_a_ceremony_keeps_only_the_new_time_and_venue(label_when: str, label_where: str) -> None:
    text = (
        COMMUNE.format(name="VĨNH AN", name_t="Vĩnh An", year=2025)
        + "THÔNG BÁO\nVề việc thay đổi thời gian, địa điểm tổ chức Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời\n"
        "Ngày 15/9/2025, Ủy ban nhân dân xã ban hành Kế hoạch số 80/KH-UBND, theo đó Lễ khai mạc dự kiến tổ chức "
        "lúc 7 giờ 30 ngày 01/10/2025 tại sân Trường Tiểu học Vĩnh An.\n"
        "Do mưa lớn kéo dài, Ủy ban nhân dân xã thông báo điều chỉnh như sau:\n"
        "1. Lễ khai mạc\n"
        f"- {label_when}: lúc 14 giờ, thứ Sáu, ngày 3 tháng 10 năm 2025 (thay cho 7 giờ 30 ngày 01/10/2025).\n"
        f"- {label_where}: Hội trường Trung tâm học tập cộng đồng xã Vĩnh An, thay cho sân Trường Tiểu học Vĩnh An.\n"
        "- Thành phần: ông Lê Văn Hòa, Chủ tịch UBND xã; bà Trần Thị Mai, Phó Chủ tịch UBND xã.\n"
    )
    held = ceremonies_of(plan_data(text))
    assert held == [("2025-10-03", "14:00", "Hội trường Trung tâm học tập cộng đồng xã Vĩnh An")]


# -- officials who do not attend --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("absent", "substitute"),
    [
        (
            "- Riêng ông Phạm Văn Tư báo vắng (đi công tác tỉnh), ủy quyền bà Ngô Thị Lan, Phó Chủ tịch Hội, "
            "dự thay.\n",
            "Ngô Thị Lan",
        ),
        ("- Ông Phạm Văn Tư không dự; bà Ngô Thị Lan, Phó Chủ tịch Hội Khuyến học xã, dự thay.\n", "Ngô Thị Lan"),
    ],
)
def test_an_official_who_sends_apologies_misses_that_ceremony_only(absent: str, substitute: str) -> None:
    text = (
        COMMUNE.format(name="VĨNH AN", name_t="Vĩnh An", year=2024)
        + "KẾ HOẠCH\nTổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2024\n"
        "1. Lễ khai mạc\n- Thời gian: 7 giờ 30, ngày 01/10/2024.\n"
        "- Địa điểm: Trung tâm học tập cộng đồng xã Vĩnh An.\n"
        "- Thành phần: ông Lê Văn Hòa, Chủ tịch UBND xã; ông Phạm Văn Tư, Chủ tịch Hội Khuyến học xã.\n"
        + absent
        + "2. Lễ bế mạc\n- Thời gian: 16 giờ 00, ngày 07/10/2024.\n- Địa điểm: Nhà văn hóa xã Vĩnh An.\n"
        "- Thành phần: ông Phạm Văn Tư, Chủ tịch Hội Khuyến học xã.\n"
    )
    wishes = wishes_of(plan_data(text))
    tu = next(v for k, v in wishes.items() if "Phạm Văn Tư" in k)
    assert tu == ["Nhà văn hóa xã Vĩnh An"]
    assert any(substitute in k and v == ["Trung tâm học tập cộng đồng xã Vĩnh An"] for k, v in wishes.items())
    assert any("Lê Văn Hòa" in k for k in wishes)


# -- ceremonies dated by the letter's one event day -------------------------------------------------------------------
@pytest.mark.parametrize("day", ["sáng Thứ Bảy, ngày 05 tháng 10 năm 2024", "sáng Chủ nhật, 06/10/2024"])
def test_ceremonies_without_a_date_take_the_letters_one_event_day(day: str) -> None:
    expected = "2024-10-05" if "05" in day else "2024-10-06"
    text = (
        "ỦY BAN NHÂN DÂN\nQUẬN GÒ VẤP\nSố: 702/GM-UBND                    Gò Vấp, ngày 27 tháng 9 năm 2024\n"
        "GIẤY MỜI\nDự Lễ khai mạc và Lễ phát động hưởng ứng Tuần lễ học tập suốt đời năm 2024\n"
        "Thực hiện Kế hoạch số 2876/KH-UBND ngày 10/9/2024 của Ủy ban nhân dân quận, Ủy ban nhân dân quận trân trọng "
        f"kính mời các đồng chí dự các hoạt động trong buổi {day}:\n"
        "1. Lễ khai mạc Tuần lễ: lúc 7g00, tại Trung tâm Văn hóa quận Gò Vấp.\n"
        "2. Lễ phát động: lúc 9g00, tại Công viên Làng Hoa Gò Vấp.\n"
        "Đề nghị các đồng chí xác nhận tham dự về Văn phòng trước 16g00 ngày 02/10/2024.\n"
        "Ghi chú: chạy thử lộ trình đoàn xe lúc 15g30 ngày 03/10/2024.\n"
    )
    held = ceremonies_of(plan_data(text))
    assert [(d, t) for d, t, _v in held] == [(expected, "07:00"), (expected, "09:00")]


# -- a topic line ----------------------------------------------------------------------------------------------------
def test_a_topic_line_about_a_ceremony_is_that_ceremony() -> None:
    text = (
        "UBND TỈNH QUẢNG NGÃI\nỦY BAN NHÂN DÂN HUYỆN SƠN TỊNH\nSố: 300/TB-UBND\nSơn Tịnh, ngày 25 tháng 9 năm 2023\n"
        "THÔNG BÁO\nKết luận của Chủ tịch UBND huyện về Tuần lễ hưởng ứng học tập suốt đời năm 2023\n"
        "Về Lễ khai mạc cấp huyện: thống nhất tổ chức lúc 15 giờ ngày thứ Hai, 02/10/2023 tại Nhà văn hóa huyện Sơn "
        "Tịnh; đồng chí Võ Văn Nam, Chủ tịch UBND huyện dự và phát biểu.\n"
    )
    assert ceremonies_of(plan_data(text)) == [("2023-10-02", "15:00", "Nhà văn hóa huyện Sơn Tịnh")]


# -- vehicle counts --------------------------------------------------------------------------------------------------
ROUTE_DOC = (
    WARD.format(ward="AN PHÚ ĐÔNG", ward_t="An Phú Đông", year=2024)
    + "Diễu hành cổ động hưởng ứng Tuần lễ học tập suốt đời năm 2024\n"
    "- Thời gian: tập trung 6 giờ 30, xuất phát 7 giờ 00, Chủ nhật ngày 06/10/2024.\n"
    "- Lộ trình: Trường THCS An Phú Đông → Nguyễn Thị Nhuần → Hà Huy Giáp → Vườn Lài → Chợ Vườn Lài.\n"
)


@pytest.mark.parametrize(
    "vehicles",
    [
        "- Phương tiện: xe hoa x4, xe loa x1, 02 xe mô tô CSGT dẫn đoàn.\n",
        "- Xe: 4 xe hoa (các trường), 1 xe loa, Công an phường 2 mô tô dẫn đường => tổng 7 xe.\n",
    ],
)
def test_counts_after_their_kind_and_totals_after_their_parts(vehicles: str) -> None:
    data = plan_data(ROUTE_DOC + vehicles)
    fleet: dict[str, int] = {}
    for g in data["parades"][0]["groups"]:
        fleet[g["kind"]] = fleet.get(g["kind"], 0) + g["count"]
    assert fleet == {"flower_float": 4, "loudspeaker": 1, "police_motorbike": 2}


def test_a_school_named_by_its_level_alone_is_the_school() -> None:
    data = plan_data(ROUTE_DOC.replace("Trường THCS An Phú Đông →", "THCS An Phú Đông →") + "- 04 xe hoa.\n")
    assert route_of(data)[0] == "Trường THCS An Phú Đông"


# -- a parade in two legs --------------------------------------------------------------------------------------------
def test_a_parade_in_two_legs_is_two_parades_the_second_from_the_stop() -> None:
    text = (
        WARD.format(ward="ĐÔNG HƯNG THUẬN", ward_t="Đông Hưng Thuận", year=2024)
        + "Đạp xe cổ động hưởng ứng Tuần lễ học tập suốt đời năm 2024\nII. NỘI DUNG\n"
        "1. Đạp xe cổ động (Chủ nhật, 06/10/2024), hai chặng\n"
        "a) Chặng 1:\n- Tập trung: 6h15 tại Chợ Lạc Quang.\n- Xuất phát: 6h45.\n"
        "- Lộ trình: Chợ Lạc Quang - Trường Chinh - Phan Văn Hớn - Trường THCS Nguyễn Ảnh Thủ.\n"
        "b) Chặng 2:\n- Xuất phát: 8h15 từ Trường THCS Nguyễn Ảnh Thủ.\n- Lộ trình:\n"
        "  + Phan Văn Hớn;\n  + Nguyễn Văn Quá;\n  + kết thúc, giải tán tại khu vực Chợ Cầu.\n"
        "2. Phương tiện: Công an phường bố trí 02 xe mô tô dẫn đoàn; 01 xe loa đi đầu.\n"
    )
    data = plan_data(text)
    first, second = data["parades"]
    names = {p["id"]: p["name"] for p in data["places"]}
    assert names[first["route"][-1]["place"]] == names[second["route"][0]["place"]] == "Trường THCS Nguyễn Ảnh Thủ"
    assert str(second["departure_time"])[:5] == "08:15"
    assert [s.get("street") for s in second["route"][1:3]] == ["Phan Văn Hớn", "Nguyễn Văn Quá"]
    assert "Chợ Cầu" in names[second["route"][-1]["place"]]
