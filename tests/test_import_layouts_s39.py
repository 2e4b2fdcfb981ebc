"""Layouts met on the blind sets heldout16 and heldout19, each generated in variants (other names, streets, years,
wording; no corpus document): a numbered list of movements under the sentence the column sets off in, a route that
starts at a place named by its kind and comes back "theo đúng lộ trình đã đi", a street renamed since ("Quốc lộ 1
(nay là đường Đỗ Mười)"), a stretch whose street carries a remark in brackets, commendation and launch ceremonies
("Lễ tuyên dương", "Lễ ra mắt", "Lễ trao tặng"), a hall named before its building, an officials' table with a column a
day, a "Thành phần:" label over "+" lines, persons named after their title, an invitation's addressees at every
ceremony it tells, a rehearsal that is no parade time, last year's floats and a unit's share of the column's floats,
buses that only bring people, and names that join words with a dash."""

from __future__ import annotations

from datetime import date, time

import pytest

from imported import WARD, ceremonies_of, plan_data, route_of, wishes_of
from paradeplan.geo.names import name_key
from paradeplan.importer import import_text
from paradeplan.importer.extract import extract
from paradeplan.importer.prose import prose_steps


# -- routes ------------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("start", "streets", "end", "marker"),
    [
        ("Trường THCS An Phú Đông", ["Vườn Lài", "Hà Huy Giáp", "Thạnh Lộc 16"], "Đình An Phú Đông", "1)"),
        ("Nhà văn hóa Thới An", ["Lê Thị Riêng", "Thới An 11", "Lê Văn Khương"], "Chợ Thới An", "-"),
        ("Trường Tiểu học Nguyễn Trãi", ["Tô Ký", "Nguyễn Ảnh Thủ", "Dương Thị Mười"], "Công viên Tô Ký", "a)"),
    ],
)
def test_a_numbered_list_of_movements_under_the_sentence_the_column_sets_off_in(
    start: str, streets: list[str], end: str, marker: str
) -> None:
    def item(k: int, text: str) -> str:
        label = f"{k}{marker[-1]}" if marker[0] == "1" else ("-" if marker == "-" else f"{'abcde'[k - 1]})")
        return f"{label} {text}\n"

    text = (
        WARD.format(ward="AN PHÚ ĐÔNG", ward_t="An Phú Đông", year=2025)
        + "Tổ chức diễu hành cổ động Tuần lễ hưởng ứng học tập suốt đời năm 2025\n"
        f"Đoàn diễu hành xuất phát lúc 8 giờ 00 phút ngày 06/10/2025 từ cổng {start} và đi theo trình tự sau:\n"
        + item(1, f"Từ cổng trường rẽ phải ra đường {streets[0]};")
        + item(2, f"Đi hết đường {streets[0]}, rẽ trái vào đường {streets[1]};")
        + item(3, f"Tiếp tục rẽ vào đường {streets[2]};")
        + item(4, f"Kết thúc tại sân {end} (khoảng 9 giờ 30).")
    )
    ex = extract(text, "k.txt")
    assert [s.name for s in ex.route] == [start, *streets, end]
    assert ex.departure_time == time(8, 0)


@pytest.mark.parametrize(
    ("school", "out", "turn_at"),
    [
        ("Trường THCS An Phú Đông", ["Vườn Lài", "Hà Huy Giáp"], "Đình thần Giao Khẩu"),
        ("Trường THCS Nguyễn Trung Trực", ["Lê Thị Riêng", "Thới An 11"], "Chợ Thới An"),
    ],
)
def test_a_start_named_by_its_kind_and_the_way_back_along_the_way_out(
    school: str, out: list[str], turn_at: str
) -> None:
    text = (
        WARD.format(ward="AN PHÚ ĐÔNG", ward_t="An Phú Đông", year=2025)
        + "Tổ chức Lễ ra quân và diễu hành hưởng ứng Tuần lễ học tập suốt đời năm 2025\n"
        f"II. LỄ RA QUÂN\nLễ ra quân tổ chức lúc 6g45 sáng Chủ nhật, ngày 05/10/2025 tại sân {school}.\n"
        "III. DIỄU HÀNH\n1. Thời gian: đoàn xe xuất phát lúc 7g30 cùng ngày.\n"
        f"2. Lộ trình: từ cổng trường ra đường {out[0]}, quẹo phải vào đường {out[1]}, chạy thẳng đến trước "
        f"{turn_at} thì quay đầu, trở về theo đúng lộ trình đã đi đến điểm xuất phát và giải tán.\n"
    )
    ex = extract(text, "k.txt")
    assert [s.name for s in ex.route] == [school, *out, turn_at, *reversed(out), school]
    assert ex.route[len(out) + 1].uturn


@pytest.mark.parametrize(
    ("old", "now"), [("Quốc lộ 1", "Đỗ Mười"), ("Tỉnh lộ 15", "Nguyễn Văn Khạ"), ("đường 26", "Tô Ngọc Vân")]
)
def test_a_street_renamed_since_is_its_name_now(old: str, now: str) -> None:
    text = f"Xuất phát từ Chợ A, rẽ ra {old} (nay là đường {now}), rẽ phải vào đường Hà Huy Giáp và về lại Chợ A."
    assert [s.name for s in prose_steps(text)] == ["Chợ A", now, "Hà Huy Giáp", "Chợ A"]


@pytest.mark.parametrize("remark", ["(đi bên phải, làn sát lề)", "(hướng Quốc lộ)", "(một chiều, đi chậm)"])
def test_a_stretch_whose_street_carries_a_remark_in_brackets(remark: str) -> None:
    text = (
        WARD.format(ward="THỚI AN", ward_t="Thới An", year=2024)
        + "Tổ chức diễu hành cổ động Tuần lễ hưởng ứng học tập suốt đời năm 2024\n"
        "Thời gian: xuất phát lúc 7 giờ 45, ngày 05/10/2024.\n2. Lộ trình\n"
        "- Lê Thị Riêng: đoạn từ Cổng UBND phường Thới An đến Ngã ba Lê Thị Riêng - Thới An 8;\n"
        "- Thới An 8: đoạn từ Ngã ba Lê Thị Riêng - Thới An 8 đến Giao lộ với đường Trần Thị Cờ;\n"
        f"- Đỗ Mười {remark}: đoạn từ Trần Thị Cờ đến Ngã ba Đỗ Mười - Lê Thị Riêng;\n"
        "- Lê Thị Riêng: đoạn từ Ngã ba Đỗ Mười - Lê Thị Riêng đến Về lại sân UBND phường Thới An, giải tán;\n"
    )
    ex = extract(text, "k.txt")
    names = [s.name for s in ex.route]
    assert names[0] == "UBND phường Thới An" and names[-1] == "UBND phường Thới An"
    assert "Đỗ Mười" in names and names.index("Đỗ Mười") < len(names) - 2


# -- ceremonies and venues ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("kind", "venue"),
    [
        ("Lễ tuyên dương gia đình học tập", "Đình An Phú Đông"),
        ('Lễ ra mắt mô hình "Tủ sách cộng đồng"', "Trường Mầm non Họa Mi 2"),
        ("Ngày hội đọc sách và Lễ trao tặng tủ sách", "Trường Tiểu học Nguyễn Trãi"),
        ("Lễ khen thưởng học sinh tiêu biểu", "Nhà văn hóa khu phố 4"),
    ],
)
def test_commendation_and_launch_ceremonies_are_ceremonies_and_their_time_is_not_the_parades(
    kind: str, venue: str
) -> None:
    text = (
        WARD.format(ward="HIỆP THÀNH", ward_t="Hiệp Thành", year=2024)
        + "Tổ chức diễu hành và các hoạt động hưởng ứng Tuần lễ học tập suốt đời năm 2024\n"
        "II. NỘI DUNG\n1. Diễu hành cổ động\n"
        "Đoàn xuất phát lúc 8g15 ngày 01/10/2024 từ Nhà văn hóa Lao động, đi theo lộ trình: Nhà văn hóa Lao động → "
        "Nguyễn Ảnh Thủ → Hiệp Thành 31 → Nguyễn Thị Đặng → Nhà văn hóa Lao động.\n"
        f"2. {kind}\n- Thời gian: 14 giờ 00, thứ Năm, ngày 03/10/2024.\n- Địa điểm: {venue}.\n"
    )
    ex = extract(text, "k.txt")
    assert [(c.date, c.time, c.place) for c in ex.events.ceremonies] == [(date(2024, 10, 3), time(14, 0), venue)]
    assert (ex.assembly_time or ex.departure_time, ex.departure_time) == (time(8, 15), time(8, 15))


@pytest.mark.parametrize(
    ("room", "building"),
    [
        ("Hội trường A", "Trường Đại học Lao động - Xã hội (Cơ sở 2), số 1018 Tô Ký"),
        ("Phòng họp số 2", "UBND phường Tân Chánh Hiệp, số 5 Lê Văn Khương"),
        ("Hội trường tầng 3", "Trung tâm Văn hóa Quận 12"),
    ],
)
def test_a_room_named_before_its_building_is_held_in_the_building(room: str, building: str) -> None:
    text = (
        WARD.format(ward="TÂN CHÁNH HIỆP", ward_t="Tân Chánh Hiệp", year=2023)
        + "Tổ chức Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2023\n"
        f"Lễ khai mạc được tổ chức vào 07 giờ 30, thứ Ba ngày 03/10/2023 tại {room}, {building}, phường Tân Chánh "
        "Hiệp.\n"
    )
    (c,) = extract(text, "k.txt").events.ceremonies
    assert c.place == building.split(" (")[0].split(", số")[0]


# -- officials ---------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("head", ["Đại biểu", "Họ và tên", "Đồng chí"])
def test_an_officials_table_with_a_column_a_day(head: str) -> None:
    text = (
        WARD.format(ward="HIỆP THÀNH", ward_t="Hiệp Thành", year=2024)
        + "Tổ chức các hoạt động hưởng ứng Tuần lễ học tập suốt đời năm 2024\n"
        "1. Lễ khai mạc\nThời gian: 7g30, thứ Ba, ngày 01/10/2024.\nĐịa điểm: Nhà Văn hóa Lao động Quận 12.\n"
        '2. Lễ ra mắt mô hình "Tủ sách"\n- Thời gian: 14 giờ 00, ngày 03/10/2024.\n- Địa điểm: Trường Mầm non '
        "Họa Mi 2.\n3. Lịch dự của lãnh đạo\n"
        f"| {head} | Chức vụ | Ngày 01/10/2024 | Ngày 03/10/2024 |\n"
        "| Đồng chí Huỳnh Văn Phúc | Bí thư Đảng ủy phường | Dự Lễ khai mạc tại Nhà Văn hóa Lao động Quận 12 | "
        "Dự Lễ ra mắt tại Trường Mầm non Họa Mi 2 |\n"
        "| Đồng chí Đặng Thị Kim Oanh | Chủ tịch UBND phường | Chủ trì Lễ khai mạc | |\n"
    )
    wishes = wishes_of(plan_data(text))
    assert wishes["Huỳnh Văn Phúc"] == ["Nhà Văn hóa Lao động Quận 12", "Trường Mầm non Họa Mi 2"]
    assert wishes["Đặng Thị Kim Oanh"] == ["Nhà Văn hóa Lao động Quận 12"]


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("Phó Bí thư Thường trực Đảng ủy phường", "Đinh Thị Lan"),
        ("Chủ tịch Hội Khuyến học phường", "Trần Văn Bình"),
        ("Phó Chủ tịch UBND phường", "Trương Thị Mai"),
    ],
)
def test_a_person_named_after_the_title_and_the_guests_a_paragraph_lists(title: str, name: str) -> None:
    text = (
        WARD.format(ward="HOA LƯ", ward_t="Hoa Lư", year=2025)
        + "Tổ chức Lễ phát động Tuần lễ hưởng ứng học tập suốt đời năm 2025\n1. Lễ phát động\n"
        "Lễ phát động được tổ chức vào hồi 8 giờ 00 phút, ngày 02/10/2025, tại sân Trường THCS Trương Hán Siêu. "
        f"Đồng chí Bùi Quang Huy, Chủ tịch UBND phường, đọc diễn văn; đồng chí {title} {name} dự và trao sách. "
        "Buổi lễ có sự tham dự của đồng chí Lý Thanh Hải, Phó Bí thư Đảng ủy phường cùng lãnh đạo các đoàn thể. "
        "Buổi tổng duyệt diễn ra lúc 16 giờ ngày 01/10/2025 tại cùng địa điểm.\n"
    )
    data = plan_data(text)
    assert ceremonies_of(data) == [("2025-10-02", "08:00", "Trường THCS Trương Hán Siêu")]
    assert set(wishes_of(data)) == {"Bùi Quang Huy", name, "Lý Thanh Hải"}


@pytest.mark.parametrize("label", ["Thành phần:", "Thành phần mời dự:", "Đại biểu:"])
def test_a_label_alone_over_plus_lines_lists_the_ceremonys_guests(label: str) -> None:
    text = (
        WARD.format(ward="THỚI AN", ward_t="Thới An", year=2023)
        + "Tổ chức Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2023\n1. Lễ khai mạc Tuần lễ\n"
        "- Thời gian: 07 giờ 30 phút, thứ Hai, ngày 02/10/2023.\n- Địa điểm: Hội trường Ủy ban nhân dân phường "
        f"Thới An.\n- {label}\n+ Đồng chí Nguyễn Thị Thu Hà – Phó Chủ tịch UBND Quận 12;\n"
        "+ Đồng chí Trần Quốc Bảo – Bí thư Đảng ủy phường;\n+ Lãnh đạo các ban, ngành, đoàn thể phường.\n"
    )
    assert set(wishes_of(plan_data(text))) == {"Nguyễn Thị Thu Hà", "Trần Quốc Bảo"}


def test_an_invitations_addressees_attend_every_ceremony_it_tells() -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nXÃ PHONG ĐIỀN\nSố: 241/GM-UBND\nPhong Điền, ngày 24 tháng 9 năm 2025\nGIẤY MỜI\n"
        "Dự Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2025\nvà Lễ ra quân đọc sách\nKính gửi:\n"
        "- Ông Trương Công Minh, Bí thư Đảng ủy xã;\n- Bà Huỳnh Thị Kim Loan, Chủ tịch Ủy ban MTTQ xã;\n"
        "- Lãnh đạo các đoàn thể xã.\nỦy ban nhân dân xã trân trọng kính mời đến dự hai buổi lễ như sau:\n"
        "1. Lễ khai mạc Tuần lễ\n- Thời gian: 07g30, thứ Tư, ngày 01/10/2025.\n- Địa điểm: Nhà văn hóa xã Phong "
        "Điền.\n2. Lễ ra quân đọc sách\n- Thời gian: 15g00, thứ Sáu, ngày 03/10/2025.\n- Địa điểm: Nhà văn hóa ấp "
        "Nhơn Lộc 1.\n"
    )
    wishes = wishes_of(plan_data(text))
    assert wishes["Trương Công Minh"] == ["Nhà văn hóa xã Phong Điền", "Nhà văn hóa ấp Nhơn Lộc 1"]
    assert wishes["Huỳnh Thị Kim Loan"] == ["Nhà văn hóa xã Phong Điền", "Nhà văn hóa ấp Nhơn Lộc 1"]


# -- the parade's day and vehicles -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "rehearsal", ["Tổng duyệt diễu hành lúc 15g00 ngày 29/9/2019", "tổng duyệt đội hình lúc 16 giờ 00 ngày 29/9/2019"]
)
def test_a_timed_programme_item_is_the_parade_and_a_rehearsal_is_not(rehearsal: str) -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nPHƯỜNG THẠNH LỘC\nSố: 12/TB-UBND\nThạnh Lộc, ngày 20 tháng 9 năm 2019\nTHÔNG BÁO\n"
        "Lịch tổ chức các hoạt động hưởng ứng Tuần lễ học tập suốt đời năm 2019\nTHỨ BA, NGÀY 01/10/2019\n"
        "- 7g00: Lễ khai mạc Tuần lễ tại hội trường Trường Cao đẳng Điện lực TP. Hồ Chí Minh.\n"
        "- 8g00: Diễu hành cổ động. Lộ trình: Trường Cao đẳng Điện lực - Hà Huy Giáp - Thạnh Lộc 16 - Thạnh Lộc 15 - "
        "Trường Mầm non Hoa Đỗ Quyên.\nLƯU Ý\n"
        f"- Các đơn vị: liên hệ mượn xe loa; {rehearsal} tại sân Trường Cao đẳng Điện lực.\n"
    )
    ex = extract(text, "k.txt")
    assert (ex.departure_time, ex.assembly_date or ex.departure_date) == (time(8, 0), date(2019, 10, 1))
    (c,) = ex.events.ceremonies
    assert c.place == "Hội trường Trường Cao đẳng Điện lực TP. Hồ Chí Minh"


@pytest.mark.parametrize(("past", "share"), [(2024, 2), (2023, 3)])
def test_last_years_floats_and_a_units_share_are_not_counted_again(past: int, share: int) -> None:
    text = (
        WARD.format(ward="AN PHÚ ĐÔNG", ward_t="An Phú Đông", year=2025)
        + "Tổ chức diễu hành xe hoa hưởng ứng Tuần lễ học tập suốt đời năm 2025\n"
        "I. DIỄU HÀNH\nĐoàn xe xuất phát lúc 7g30 ngày 05/10/2025. Lộ trình: Trường THCS An Phú Đông → Vườn Lài → "
        "Hà Huy Giáp → Trường THCS An Phú Đông.\n"
        "Đội hình: đi đầu 01 xe đặc chủng của Cảnh sát giao thông dẫn đoàn; 08 xe hoa của các trường và khu phố; "
        "02 xe buýt chở 90 học sinh đội nghi thức; các xe buýt không tham gia đoàn diễu hành.\n"
        f"Năm {past}, phường có tổng cộng 11 xe hoa tham gia diễu hành.\n"
        f"II. PHÂN CÔNG\n- Trường THCS An Phú Đông: chuẩn bị sân lễ, đội nghi thức, 0{share} xe hoa.\n"
    )
    forces = sorted((f.kind, f.count, f.role) for f in extract(text, "k.txt").forces)
    assert forces == [("bus", 2, "support"), ("float", 8, None), ("police_car", 1, "lead")]


def test_a_grouped_table_row_split_by_its_note() -> None:
    text = (
        WARD.format(ward="TÂN CHÁNH HIỆP", ward_t="Tân Chánh Hiệp", year=2023)
        + "Tổ chức diễu hành cổ động Tuần lễ hưởng ứng học tập suốt đời năm 2023\n"
        "Đoàn xuất phát lúc 08 giờ 40 ngày 03/10/2023, lộ trình: Chợ Tân Chánh Hiệp → Tô Ký → Nguyễn Ảnh Thủ → "
        "Chợ Tân Chánh Hiệp.\nPhương tiện phục vụ đoàn diễu hành:\n"
        "| STT | Phương tiện | Số lượng | Ghi chú |\n"
        "| 1 | Xe dẫn đoàn | 03 | Gồm 01 xe ô tô CSGT và 02 xe mô tô CSGT |\n"
        "| 2 | Xe hoa | 06 | |\n| 3 | Xe buýt đưa đón học sinh | 02 | |\n| | Cộng | 11 | |\n"
    )
    forces = sorted((f.kind, f.count) for f in extract(text, "k.txt").forces)
    assert forces == [("bus", 2), ("float", 6), ("motorbike", 2), ("police_car", 1)]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Trường Đại học Lao động - Xã hội", "Trường Đại học Lao động Xã hội"),
        ("Trung tâm Văn hóa – Thể thao Quận 12", "Trung tâm Văn hóa Thể thao Quận 12"),
        ("Trường THCS-THPT Hồng Hà", "Trường Trung học cơ sở Trung học phổ thông Hồng Hà"),
    ],
)
def test_a_dash_between_words_of_a_name_joins_them_as_a_space_does(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


# -- heldout18's layouts ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("listed", "last"),
    [("Trần Hưng Đạo, Nguyễn Trãi, 30 Tháng 4", "30 Tháng 4"), ("Hùng Vương, Hai Bà Trưng, 3 Tháng 2", "3 Tháng 2")],
)
def test_a_street_named_by_a_day_and_a_month_is_no_date(listed: str, last: str) -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nPHƯỜNG NINH KIỀU\nSố: 12/KH-UBND\nCần Thơ, ngày 20 tháng 9 năm 2025\nKẾ HOẠCH\n"
        "Tổ chức diễu hành hưởng ứng Tuần lễ học tập suốt đời năm 2025\n"
        "Lễ khai mạc lúc 6 giờ 30, thứ Bảy ngày 04 tháng 10 năm 2025, tại Công viên Lưu Hữu Phước.\n"
        "Ngay sau lễ khai mạc, khoảng 7 giờ 15, đoàn diễu hành xuất phát từ Công viên Lưu Hữu Phước, diễu hành qua "
        f"các tuyến đường: Đại lộ Hòa Bình, {listed} và kết thúc tại Trường Đại học Cần Thơ.\n"
    )
    ex = extract(text, "k.txt")
    assert (ex.assembly_date or ex.departure_date) == date(2025, 10, 4)
    assert last in [s.name for s in ex.route]


@pytest.mark.parametrize("gap", [" ", "\n"])
def test_a_schedule_items_venue_and_guests_on_the_lines_under_it(gap: str) -> None:
    text = (
        "UBND HUYỆN CAN LỘC\nỦY BAN NHÂN DÂN XÃ THIÊN LỘC\nSố: 41/LCT-UBND\nThiên Lộc, ngày 29 tháng 9 năm 2023\n"
        "LỊCH CÔNG TÁC TUẦN 40\nTHỨ HAI (02/10/2023)\n"
        "- 7h30: Đ/c Nguyễn Văn Hùng - Chủ tịch UBND xã dự Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời.\n"
        "Địa điểm: Hội trường UBND xã Thiên Lộc.\nTHỨ SÁU (06/10/2023)\n"
        '- 8h00: Đ/c Nguyễn Văn Hùng dự Lễ ra mắt mô hình "Dòng họ học tập".\nĐịa điểm: Nhà văn hóa thôn Trung '
        "Thủy.\nThành phần: Đ/c Phan Đình Toàn - Chủ tịch Hội Khuyến học xã; Ban cán sự thôn.\n"
    ).replace("\nĐịa điểm", gap + "Địa điểm" if gap == " " else "\nĐịa điểm")
    data = plan_data(text)
    assert ceremonies_of(data) == [
        ("2023-10-02", "07:30", "Hội trường UBND xã Thiên Lộc"),
        ("2023-10-06", "08:00", "Nhà văn hóa thôn Trung Thủy"),
    ]
    wishes = wishes_of(data)
    assert wishes["Nguyễn Văn Hùng"] == ["Hội trường UBND xã Thiên Lộc", "Nhà văn hóa thôn Trung Thủy"]
    if gap == "\n":
        assert wishes["Phan Đình Toàn"] == ["Nhà văn hóa thôn Trung Thủy"]


@pytest.mark.parametrize(
    ("start", "streets", "end"),
    [
        (
            "Trường Đại học Lao động – Xã hội",
            ["Tô Ký", "Nguyễn Ảnh Thủ", "Bùi Văn Ngữ"],
            "Công viên Phần mềm Quang Trung",
        ),
        ("Nhà văn hóa Thới An", ["Lê Thị Riêng", "Thới An 11", "Lê Văn Khương"], "Chợ Thới An"),
    ],
)
def test_a_timetable_with_a_column_of_positions_and_one_of_streets(start: str, streets: list[str], end: str) -> None:
    rows = [f"| 7:15 | Cổng {start} | {streets[0]} | Ra đường {streets[0]} |"]
    rows += [
        f"| 7:{30 + 10 * k} | Ngã ba {streets[k]} – {streets[k + 1]} | {streets[k + 1]} | Rẽ vào {streets[k + 1]} |"
        for k in range(len(streets) - 1)
    ]
    rows.append(f"| 8:50 | {end} | – | Kết thúc diễu hành |")
    text = (
        WARD.format(ward="TRUNG MỸ TÂY", ward_t="Trung Mỹ Tây", year=2025)
        + "Tổ chức diễu hành hưởng ứng Tuần lễ học tập suốt đời năm 2025\n"
        "Toàn bộ các hoạt động diễn ra trong buổi sáng thứ Bảy, ngày 04/10/2025:\n"
        f"- 06 giờ 30: Lễ phát động tại sân {start}.\n- 07 giờ 15: đoàn diễu hành xuất phát.\n"
        "III. LỊCH TRÌNH ĐOÀN DIỄU HÀNH\n| Thời gian | Vị trí đầu đoàn | Tuyến đường đang đi | Hướng dẫn |\n"
        + "\n".join(rows)
        + "\n"
    )
    data = plan_data(text)
    assert route_of(data)[0] == start and route_of(data)[-1] == end
    assert [s for s in route_of(data) if s in streets] == streets
    assert ceremonies_of(data) == [("2025-10-04", "06:30", start)]
    assert str(data["parades"][0]["date"]) == "2025-10-04"


@pytest.mark.parametrize("kind", ["Lễ phát động", "Lễ khai mạc", "Lễ ra quân"])
def test_a_line_naming_a_ceremony_then_who_attends_it(kind: str) -> None:
    text = (
        WARD.format(ward="TRUNG MỸ TÂY", ward_t="Trung Mỹ Tây", year=2025)
        + f"Tổ chức {kind} hưởng ứng Tuần lễ học tập suốt đời năm 2025\n"
        f"I. THỜI GIAN\n- 06 giờ 30 ngày 04/10/2025: {kind} tại sân Trường THCS Trung Mỹ Tây.\n"
        "- 09 giờ 00 ngày 04/10/2025: Lễ khen thưởng tại Nhà văn hóa khu phố 4.\nII. THÀNH PHẦN DỰ LỄ\n"
        f"- {kind}: đồng chí Trương Minh Khoa, Chủ tịch UBND phường (phát biểu); đồng chí Huỳnh Văn Lộc, Hiệu "
        "trưởng.\n- Lễ khen thưởng: đồng chí Trương Minh Khoa, Chủ tịch UBND phường.\n"
    )
    wishes = wishes_of(plan_data(text))
    assert wishes["Trương Minh Khoa"] == ["Trường THCS Trung Mỹ Tây", "Nhà văn hóa khu phố 4"]
    assert wishes["Huỳnh Văn Lộc"] == ["Trường THCS Trung Mỹ Tây"]


def test_a_seat_pinned_where_a_place_named_by_where_it_is_stands_is_no_internal_error() -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nPHƯỜNG NINH KIỀU\nSố: 12/KH-UBND\nCần Thơ, ngày 20 tháng 9 năm 2025\nKẾ HOẠCH\n"
        "Tổ chức Lễ khai mạc Tuần lễ học tập suốt đời năm 2025\n"
        "Lễ khai mạc được tổ chức vào lúc 6 giờ 30, thứ Bảy ngày 04 tháng 10 năm 2025, tại sân khấu Công viên Lưu "
        "Hữu Phước. Chương trình gồm văn nghệ chào mừng và nghi thức phát động Tuần lễ.\n"
        "Tạm cấm phương tiện trên Đại lộ Hòa Bình (đoạn từ Công viên Lưu Hữu Phước đến đường Nguyễn Trãi).\n"
    )
    data = plan_data(text)
    assert ceremonies_of(data) == [("2025-10-04", "06:30", "Công viên Lưu Hữu Phước")]


@pytest.mark.parametrize(
    ("written", "seat"),
    [("sân khấu Công viên Lưu Hữu Phước", "Công viên Lưu Hữu Phước"), ("khu vực Chợ Thới An", "Chợ Thới An")],
)
def test_a_pinned_seat_merged_with_a_place_written_with_where_at_it(written: str, seat: str) -> None:
    from paradeplan.importer.writer import _Places

    places = _Places()
    first = places.add(written)
    ident = places.add_pinned({"id": "seat", "name": seat, "lat": 10.03, "lon": 105.78, "approximate": True})
    assert ident == first and len(places.items) == 1  # one place, no internal error


@pytest.mark.parametrize(
    ("verb", "where"),
    [
        ("dự và phát biểu chỉ đạo tại Lễ khai mạc (Hội trường UBND phường)", "Hội trường UBND phường Đông Hưng Thuận"),
        ("dự Lễ khai mạc tại Hội trường UBND phường Đông Hưng Thuận", "Hội trường UBND phường Đông Hưng Thuận"),
    ],
)
def test_an_officials_itinerary_under_their_name_with_times_and_dates(verb: str, where: str) -> None:
    text = (
        WARD.format(ward="ĐÔNG HƯNG THUẬN", ward_t="Đông Hưng Thuận", year=2025)
        + "Tổ chức các hoạt động hưởng ứng Tuần lễ học tập suốt đời năm 2025\n"
        "1. Lễ khai mạc Tuần lễ\nTổ chức lúc 07:30 thứ Tư, ngày 01/10/2025 tại Hội trường UBND phường Đông Hưng "
        "Thuận.\n2. Lễ tuyên dương gia đình học tập\nTổ chức lúc 14:00 thứ Hai, ngày 06/10/2025 tại Nhà văn hóa "
        "Khu phố 18.\n3. Lịch trình của lãnh đạo phường\n"
        "1. Đồng chí Nguyễn Hoàng Nam - Bí thư Đảng ủy phường:\n"
        f"+ 07:30 ngày 01/10/2025: {verb};\n+ 14:00 ngày 06/10/2025: dự Lễ tuyên dương tại Nhà văn hóa Khu phố 18.\n"
    )
    assert wishes_of(plan_data(text))["Nguyễn Hoàng Nam"] == [where, "Nhà văn hóa Khu phố 18"]


@pytest.mark.parametrize(
    ("task", "due"),
    [
        ("gửi danh sách xe, biển số, tài xế về Văn phòng UBND phường trước 17g00 ngày 30/9/2025", date(2025, 9, 30)),
        ("dự thảo diễn văn khai mạc trình Phó Chủ tịch UBND tỉnh trước ngày 27/9/2025", date(2025, 9, 27)),
        ("trình duyệt kịch bản lễ khai mạc trước ngày 26/9/2025", date(2025, 9, 26)),
    ],
)
def test_a_deadline_with_its_hour_or_for_a_draft_to_submit(task: str, due: date) -> None:
    text = (
        WARD.format(ward="ĐÔNG HƯNG THUẬN", ward_t="Đông Hưng Thuận", year=2025)
        + "Tổ chức Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2025\n"
        "Lễ khai mạc lúc 07:30 ngày 01/10/2025 tại Hội trường UBND phường Đông Hưng Thuận.\n"
        f"IV. TỔ CHỨC THỰC HIỆN\n1. Phòng Văn hóa - Xã hội phường: {task}.\n"
    )
    assert [d.due for d in extract(text, "k.txt").deadlines] == [due]


@pytest.mark.parametrize("then", ["09:30", "9 giờ 30"])
def test_a_schedule_line_with_two_visits_each_with_its_own_time(then: str) -> None:
    text = (
        "UBND TỈNH ĐỒNG THÁP\nVĂN PHÒNG\nSố: 12/LCT-VP\nĐồng Tháp, ngày 26 tháng 9 năm 2025\nLỊCH CÔNG TÁC TUẦN 40\n"
        "THỨ TƯ (01/10)\n- 07:00: Chủ tịch Huỳnh Quốc Việt dự Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời cấp "
        "tỉnh tại Trung tâm Văn hóa tỉnh (phường Mỹ Tho), sau đó dự Lễ khánh thành Thư viện điện tử tại Trường THPT "
        f"chuyên Tiền Giang lúc {then}.\n"
    )
    data = plan_data(text)
    assert ceremonies_of(data) == [
        ("2025-10-01", "07:00", "Trung tâm Văn hóa tỉnh"),
        ("2025-10-01", "09:30", "Trường THPT chuyên Tiền Giang"),
    ]


@pytest.mark.parametrize("junction", ["ngã tư", "giao lộ", "ngã ba"])
def test_junctions_between_listed_streets_are_turns(junction: str) -> None:
    text = (
        WARD.format(ward="TRUNG MỸ TÂY", ward_t="Trung Mỹ Tây", year=2025)
        + "Tổ chức diễu hành hưởng ứng Tuần lễ học tập suốt đời năm 2025\n"
        "Đoàn tập trung 06g15, xuất phát lúc 07g10 ngày 05/10/2025.\nLộ trình:\n"
        f"Trường THCS An Phú Đông → đường Vườn Lài → {junction} Vườn Lài – Đỗ Mười → đường Đỗ Mười → {junction} Đỗ "
        "Mười – Hà Huy Giáp → đường Hà Huy Giáp → Chợ Thạnh Xuân.\n"
    )
    names = [s.name for s in extract(text, "k.txt").route]
    assert names == ["Trường THCS An Phú Đông", "Vườn Lài", "Đỗ Mười", "Hà Huy Giáp", "Chợ Thạnh Xuân"]


@pytest.mark.parametrize("words", ["khu vực", "khu vực phía trước", "khu buôn bán quanh"])
def test_a_route_ending_at_words_before_a_known_place_ends_at_that_place_as_a_decision(words: str) -> None:
    text = (
        WARD.format(ward="AN PHÚ ĐÔNG", ward_t="An Phú Đông", year=2023)
        + "Tổ chức diễu hành hưởng ứng Tuần lễ học tập suốt đời năm 2023\n"
        "Lúc 7h30 ngày 02/10/2023, đoàn diễu hành xuất phát từ Trường THCS An Phú Đông, qua các tuyến đường Vườn "
        f"Lài, Đỗ Mười và Hà Huy Giáp, kết thúc tại {words} Chợ Thạnh Xuân.\n"
    )
    res = import_text(text, "k.txt")
    end = res.data["parades"][0]["route"][-1]["place"]
    (entry,) = [p for p in res.data["places"] if p["id"] == end]
    assert entry.get("lat") is not None
    assert any("Chợ Thạnh Xuân" in d.chosen for d in res.decisions)
