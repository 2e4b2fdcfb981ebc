"""Layouts read at session 59 (b), from what the public reads (other names, days, places and wording than any corpus
document): a U-turn told in a street's bracket ("A (tới Công viên X rồi quay đầu)"), "để trở về" after the last
street of a prose route, "qua các tuyến đường của phường" naming no street, "bãi xe của X", a departure told after the
ceremony ("xuất phát ngay sau lễ khai mạc, khoảng 8g20") in the sentence of the assembly, a headline's total over the
body's owned groups, a news item told after the day under a portal's dateline, a day's timetable table that names
the ceremony in one row, a gathering placed by "trước cổng …" without "tại", a bare "Cổng chính" cell, a ceremony's
hour under its heading and day line, a unit asked to act before a date, "báo số lượng … về", a date given to
parents, and last year's figures over ";"."""

from __future__ import annotations

from typing import Any

import pytest

from imported import plan_data, route_of
from paradeplan.errors import InputError
from paradeplan.importer import import_text

HEAD = (
    "ỦY BAN NHÂN DÂN QUẬN GÒ VẤP\nỦY BAN NHÂN DÂN PHƯỜNG 16\nSố: 57/TB-UBND\n"
    "Gò Vấp, ngày 20 tháng 9 năm 2024\nTHÔNG BÁO\nLễ khai mạc và diễu hành xe hoa Tuần lễ học tập suốt đời năm 2024\n"
)


def _groups(data: dict[str, Any]) -> list[tuple[str, int]]:
    return [(g["kind"], int(g["count"])) for g in data["parades"][0].get("groups") or []]


def _dues(data: dict[str, Any]) -> list[str]:
    return [str(d["due"]) for d in data.get("deadlines") or []]


# -- a U-turn told in a street's bracket: "A (tới Ngã ba X thì quay đầu)" -------------------------------------------
def test_a_u_turn_told_in_a_streets_bracket_as_reaching_a_place_turns_back_there() -> None:
    text = HEAD + (
        "1. Lễ khai mạc lúc 07 giờ 00 ngày 02/10/2024 tại sân Trường Tiểu học Lê Thị Hồng.\n"
        "2. Đoàn 05 xe hoa tập trung lúc 07 giờ 40 tại sân Trường Tiểu học Lê Thị Hồng, xuất phát lúc 08 giờ 00.\n"
        "- Lộ trình: Trường Tiểu học Lê Thị Hồng - Thống Nhất - Quang Trung (tới Công viên Làng Hoa rồi quay đầu) - "
        "Quang Trung - Lê Đức Thọ - về lại Trường Tiểu học Lê Thị Hồng. Dự kiến đoàn xe kết thúc lúc 09 giờ 40.\n"
    )
    steps = route_of(plan_data(text))  # (the street data may add the street the school lies on before the first)
    at = steps.index("Công viên Làng Hoa")
    assert steps[at - 2 :] == ["Thống Nhất", "Quang Trung", "Công viên Làng Hoa", "Quang Trung", "Lê Đức Thọ", steps[0]]


# -- a news item before the day: "để trở về", "bãi xe của X", a departure after the ceremony, a headline's total ---
NEWS_BEFORE = (
    "THỜI SỰ > Giáo dục\nThứ Hai, 23/9/2024, 09:10 (GMT+7)\n\n"
    "Phường 16 sẽ diễu hành 9 xe hoa trong Tuần lễ học tập suốt đời\n\n"
    "Sáng thứ Tư tới (2/10), Phường 16 khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2024 tại Nhà văn hóa "
    "Phường 16, sau đó đoàn xe hoa sẽ diễu hành qua các tuyến đường của phường.\n\n"
    "Theo kế hoạch của UBND Phường 16, lễ khai mạc sẽ bắt đầu lúc 7g00 ngày 2/10.\n\n"
    "Đoàn diễu hành gồm 2 xe hoa của phường, 7 xe hoa của 7 trường học và 1 xe loa tuyên truyền. Các xe tập trung "
    "tại bãi xe của Nhà văn hóa phường từ 6g30 và xuất phát ngay sau lễ khai mạc, khoảng 8g20.\n\n"
    "Từ Nhà văn hóa Phường 16, đoàn xe sẽ đi theo đường Thống Nhất, rẽ vào đường Lê Đức Thọ, rồi chạy dọc đường "
    "Quang Trung để trở về Nhà văn hóa Phường 16.\n\nHoài An\n"
)


def test_the_purpose_word_before_the_way_back_is_no_part_of_the_last_street() -> None:
    assert route_of(plan_data(NEWS_BEFORE)) == [
        "Nhà văn hóa Phường 16",
        "Thống Nhất",
        "Lê Đức Thọ",
        "Quang Trung",
        "Nhà văn hóa Phường 16",
    ]


def test_streets_of_the_ward_said_in_general_are_no_route() -> None:
    text = NEWS_BEFORE.replace("Quang Trung để trở về", "Quang Trung, trở về")  # "… diễu hành qua các tuyến
    assert route_of(plan_data(text)) == [  # đường của phường" in the lead names no street
        "Nhà văn hóa Phường 16",
        "Thống Nhất",
        "Lê Đức Thọ",
        "Quang Trung",
        "Nhà văn hóa Phường 16",
    ]


def test_the_car_park_of_a_place_is_that_place() -> None:
    data = plan_data(NEWS_BEFORE)
    names = {p["id"]: p["name"] for p in data["places"]}
    assert names[data["parades"][0]["assembly_place"]] == "Nhà văn hóa Phường 16"


def test_a_departure_told_after_the_ceremony_takes_its_own_clock_time_not_the_assemblys() -> None:
    parade = plan_data(NEWS_BEFORE)["parades"][0]
    assert (str(parade["assembly_time"]), str(parade["departure_time"])) == ("06:30", "08:20")


def test_a_headlines_total_of_the_bodys_owned_groups_is_no_group() -> None:
    assert _groups(plan_data(NEWS_BEFORE)) == [("flower_float", 2), ("flower_float", 7), ("loudspeaker", 1)]


# -- a news item after the day under a portal's dateline ----------------------------------------------------------
def test_a_news_item_told_after_the_day_under_a_portals_dateline_has_nothing_to_plan() -> None:
    text = (
        "TRANG TIN PHƯỜNG 16 - QUẬN GÒ VẤP\nHoạt động cơ sở | Thứ Năm, 03/10/2024\n\n"
        "Sắc màu xe hoa chào mừng Tuần lễ học tập suốt đời\n\n"
        "Sáng ngày 02/10/2024, tại sân Trường Tiểu học Lê Thị Hồng, UBND Phường 16 đã trọng thể tổ chức Lễ khai mạc "
        "Tuần lễ hưởng ứng học tập suốt đời năm 2024. Đây là năm thứ ba phường tổ chức sau khi sắp xếp lại các khu "
        "phố.\n\n"
        "Ngay sau buổi lễ, 6 xe hoa đã xuất phát từ cổng trường lúc 8 giờ 00, đi qua các đường Thống Nhất, Lê Đức "
        "Thọ, Quang Trung rồi trở về trường lúc 9 giờ 20.\n\n"
        "Tuần lễ trên địa bàn phường kéo dài đến hết ngày 08/10/2024. Kết quả sẽ được tổng hợp trong báo cáo quý "
        "IV.\n"
    )
    with pytest.raises(InputError) as err:
        import_text(text, "tin.txt")
    assert "không có gì để lập kế hoạch" in str(err.value.problems[0].message)


# -- a school's letter: a day's timetable table, "trước cổng …" without "tại", a bare "Cổng chính" cell --------------
LETTER = (
    "ỦY BAN NHÂN DÂN QUẬN GÒ VẤP\nTRƯỜNG TIỂU HỌC LÊ THỊ HỒNG\nSố: 41/TB-THLTH\n"
    "Gò Vấp, ngày 23 tháng 9 năm 2024\nTHƯ GỬI CHA MẸ HỌC SINH\n"
    "V/v học sinh tham gia Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2024\n"
    "Kính gửi: Quý Cha mẹ học sinh khối 4, khối 5.\n"
    "Năm nay trường được chọn tổ chức Lễ khai mạc Tuần lễ của Phường 16 vào sáng thứ Tư, ngày 02/10/2024. Nhà "
    "trường xin gửi Quý Cha mẹ lịch hoạt động của buổi sáng hôm đó như sau:\n"
    "| Thời gian | Nội dung | Địa điểm |\n"
    "| 6 giờ 45 | Học sinh có mặt tại lớp để điểm danh | Sân trường |\n"
    "| 7 giờ 15 | Lễ khai mạc Tuần lễ học tập suốt đời của Phường 16 | Sân trường |\n"
    "| 8 giờ 10 | Đoàn xe hoa của phường xuất phát | Cổng chính |\n"
    "| 8 giờ 30 - 10 giờ 30 | Học sinh học theo thời khóa biểu | Các phòng học |\n"
    "| 10 giờ 40 | Học sinh ra về | Cổng phụ |\n"
    "Đoàn xe gồm 02 xe hoa và 01 xe loa. Lộ trình: Trường Tiểu học Lê Thị Hồng → Thống Nhất → Lê Đức Thọ → "
    "Quang Trung → Trường Tiểu học Lê Thị Hồng.\n"
    "Lưu ý:\n"
    "1. Các xe hoa tập kết trước cổng chính của trường từ 6 giờ 20 phút.\n"
    "2. Quý Cha mẹ vui lòng ký phiếu đồng ý và gửi lại cho giáo viên chủ nhiệm trước ngày 27/9/2024.\n"
    "HIỆU TRƯỞNG\nĐào Thị Mến\n"
)


def test_a_days_timetable_that_names_the_ceremony_in_one_row_holds_no_other_instance_of_it() -> None:
    data = plan_data(LETTER)
    names = {p["id"]: p["name"] for p in data["places"]}
    assert [(str(c["window_start"])[:5], names[c["venue"]]) for c in data["ceremonies"]] == [
        ("07:15", "Trường Tiểu học Lê Thị Hồng")
    ]


def test_a_gathering_before_the_gate_without_tai_gives_the_assembly_time() -> None:
    parade = plan_data(LETTER)["parades"][0]
    assert (str(parade["assembly_time"]), str(parade["departure_time"])) == ("06:20", "08:10")


def test_a_bare_main_gate_cell_is_the_place_the_route_starts_from() -> None:
    data = plan_data(LETTER)
    names = {p["id"]: p["name"] for p in data["places"]}
    assert names[data["parades"][0]["assembly_place"]] == "Trường Tiểu học Lê Thị Hồng"


def test_a_date_given_to_parents_is_no_units_term() -> None:
    assert _dues(plan_data(LETTER)) == []


# -- a post: the ceremony's hour under its heading and day line ---------------------------------------------------
def test_a_ceremonys_hour_under_its_heading_and_day_line_is_not_the_columns() -> None:
    text = (
        "Phường 16 - Quận Gò Vấp\n28 tháng 9 lúc 20:05\n"
        "📣 THÔNG TIN ĐẾN BÀ CON: TUẦN LỄ HỌC TẬP SUỐT ĐỜI 2024 📚\n"
        "🔹 LỄ KHAI MẠC TUẦN LỄ\n🗓 Thứ Tư, 02/10/2024\n⏰ 6h45 (bà con đến trước 6h30 nha)\n"
        "📍 Sân Nhà văn hóa Phường 16\n"
        "🔹 DIỄU HÀNH XE HOA 🌸\n✅ 03 xe hoa của các khu phố\n✅ 01 xe loa\n"
        "⏰ Tập trung 7h15, lăn bánh lúc 7h45\n🛣 Lộ trình:\n"
        "Nhà văn hóa Phường 16 ➡️ Thống Nhất ➡️ Lê Đức Thọ ➡️ Quang Trung ➡️ về lại Nhà văn hóa Phường 16 🏁\n"
    )
    parade = plan_data(text)["parades"][0]
    assert (str(parade["assembly_time"]), str(parade["departure_time"])) == ("07:15", "07:45")


# -- terms: a unit asked to act before a date; "báo số lượng … về" -----------------------------------------------
NOTICE = HEAD + (
    "1. Lễ khai mạc lúc 07 giờ 00 ngày 02/10/2024 tại sân Nhà văn hóa Phường 16.\n"
    "2. Đoàn 04 xe hoa tập trung lúc 07 giờ 30 tại sân Nhà văn hóa Phường 16, xuất phát lúc 08 giờ 00, lộ trình: "
    "Nhà văn hóa Phường 16 - Thống Nhất - Lê Đức Thọ - Quang Trung - Nhà văn hóa Phường 16.\n"
    "3. Đề nghị Ban điều hành các khu phố vận động hội viên tham dự và báo số lượng người về Văn phòng UBND phường "
    "trước ngày 26/9/2024.\n"
    "4. Đề nghị Trường Tiểu học Lê Thị Hồng niêm yết thông báo này tại bảng tin của trường trước ngày 25/9/2024.\n"
)


def test_a_unit_asked_to_act_before_a_date_and_a_count_to_report_have_terms() -> None:
    assert _dues(plan_data(NOTICE)) == ["2024-09-26", "2024-09-25"]


# -- last year's figures over ";" ----------------------------------------------------------------------------------
def test_last_years_sentence_goes_on_over_a_semicolon() -> None:
    text = NOTICE + ("Năm 2023, Tuần lễ của phường đã thu hút hơn 5.000 lượt người; đoàn diễu hành có 11 xe hoa.\n")
    assert _groups(plan_data(text)) == [("flower_float", 4)]
