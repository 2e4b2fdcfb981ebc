"""Layouts met on the blind sets heldout41–43, each written here in variants (other names, days and wording; no corpus
document): a social post with emoji labels and readers' comments, a table of each ward's ceremony under "LỊCH TỔ
CHỨC", a work schedule by leader columns or by short roles, a notice that gives up a route, legs that meet at a
bridge, a parade on foot, a forwarded chat message, a ceremony in an annex after the signature, a programme's last
item "Bế mạc", a totals line under its groups, and a text layer's run-together items."""

from __future__ import annotations

import pytest

from imported import WARD, ceremonies_of, plan_data, route_of, wishes_of
from paradeplan.importer.text import clean


# -- a social post --------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("clock", "pin"), [("🕖", "📍"), ("⏰", "🏫")])
def test_a_post_reads_emoji_labels_and_leaves_out_its_comments(clock: str, pin: str) -> None:
    text = (
        "Trần Văn Bình ▸ Bình Hưng Hòa - Tin tức khu phố (nhóm công khai)\n"
        "Quản trị viên · 20 tháng 9 lúc 19:05\n"
        "📢 THÔNG BÁO TUẦN LỄ HỌC TẬP SUỐT ĐỜI 2025\n"
        "Em tóm tắt kế hoạch của UBND P. Bình Hưng Hòa như sau:\n"
        "1️⃣ LỄ KHAI MẠC\n"
        f"{clock} 7h30 sáng thứ Năm 2/10\n"
        f"{pin} Trường THCS Bình Hưng Hòa (đường Lê Văn Quới)\n"
        "👤 đ/c Lê Thị Hoa - CT UBND phường phát biểu khai mạc\n"
        "👍 40 · 12 bình luận · 3 lượt chia sẻ\n"
        "💬 Bình luận\n"
        "Nguyễn Văn Tám: Lễ khai mạc 8h hay 7h30 vậy em?\n"
    )
    assert ceremonies_of(plan_data(text)) == [("2025-10-02", "07:30", "Trường THCS Bình Hưng Hòa")]


# -- each ward's ceremony in a table under "LỊCH TỔ CHỨC" --------------------------------------------------------------
@pytest.mark.parametrize("unit", ["Phường", "Xã"])
def test_a_table_of_each_units_ceremony_gives_one_ceremony_a_row(unit: str) -> None:
    text = (
        "UBND HUYỆN CHÂU ĐỨC\nSố: 120/KH-UBND\nChâu Đức, ngày 15 tháng 9 năm 2023\nKẾ HOẠCH\n"
        f"UBND huyện ban hành Kế hoạch tổ chức Lễ hưởng ứng tại các {unit.lower()} như sau:\n"
        "I. YÊU CẦU\n1. Mỗi đơn vị tổ chức một buổi lễ vào một ngày riêng.\n"
        "II. LỊCH TỔ CHỨC\n"
        f"| STT | {unit} | Ngày | Giờ | Địa điểm |\n"
        "| 1 | Suối Nghệ | Thứ Ba, 03/10/2023 | 7 giờ 30 | Trung tâm học tập cộng đồng Suối Nghệ |\n"
        "| 2 | Nghĩa Thành | Thứ Tư, 04/10/2023 | 14 giờ 00 | Trường Tiểu học Nghĩa Thành |\n"
        "| 3 | Bình Ba | Thứ Năm, 05/10/2023 | 19 giờ 30 | Nhà văn hóa Bình Ba |\n"
    )
    assert ceremonies_of(plan_data(text)) == [
        ("2023-10-03", "07:30", "Trung tâm học tập cộng đồng Suối Nghệ"),
        ("2023-10-04", "14:00", "Trường Tiểu học Nghĩa Thành"),
        ("2023-10-05", "19:30", "Nhà văn hóa Bình Ba"),
    ]


# -- work schedules ---------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("head", ["Ngày", "Thứ, ngày"])
def test_a_schedule_by_leader_columns_sends_each_leader_to_the_ceremony_in_their_column(head: str) -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH PHÚ YÊN\nSố: 39/LCT-VP\nPhú Yên, ngày 27 tháng 9 năm 2024\n"
        "LỊCH CÔNG TÁC TUẦN 40\n"
        f"| {head} | Chủ tịch UBND tỉnh Trần Văn An | PCT Lê Thị Bé |\n"
        "| Thứ Hai 30/9 | 7g30: Chào cờ. 14g00: Họp UBND tỉnh. | 8g00: Tiếp công dân. |\n"
        "| Thứ Ba 01/10 | 8g00: Họp Thường trực. | 7 giờ 30: Dự Lễ khai mạc Tuần lễ học tập suốt đời cấp tỉnh tại "
        "Nhà Văn hóa tỉnh Phú Yên. 15g00: Làm việc với Sở Y tế. |\n"
    )
    data = plan_data(text)
    assert ceremonies_of(data) == [("2024-10-01", "07:30", "Nhà Văn hóa tỉnh Phú Yên")]
    wishes = wishes_of(data)
    assert any("Lê Thị Bé" in k and v == ["Nhà Văn hóa tỉnh Phú Yên"] for k, v in wishes.items())
    assert not any("Trần Văn An" in k for k in wishes)


@pytest.mark.parametrize("column", ["Lãnh đạo chủ trì/dự", "Lãnh đạo dự / chủ trì"])
def test_short_roles_in_a_schedule_are_the_people_its_legend_names(column: str) -> None:
    text = (
        WARD.format(ward="TÂN HƯNG THUẬN", ward_t="Tân Hưng Thuận", year=2024).replace("KẾ HOẠCH\n", "")
        + "LỊCH CÔNG TÁC TUẦN 40\n"
        "Thường trực UBND phường: ông Phạm Văn Lộc - Chủ tịch (CT); bà Đỗ Thị Yến - Phó Chủ tịch (PCT.VX).\n"
        f"| Thứ, ngày | Thời gian | Nội dung công việc | {column} | Địa điểm |\n"
        "| Thứ Hai 30/9 | 7g30 | Chào cờ đầu tuần | CT, PCT.VX | Hội trường UBND phường |\n"
        "| Thứ Ba 01/10 | 7g00 | Dự Lễ khai mạc Tuần lễ học tập suốt đời của phường | CT, PCT.VX | Trường Tiểu học "
        "Tân Hưng Thuận |\n"
        "| Thứ Sáu 04/10 | 8g00 | Trực lãnh đạo | PCT.VX | Trụ sở UBND phường |\n"
    )
    data = plan_data(text)
    assert ceremonies_of(data) == [("2024-10-01", "07:00", "Trường Tiểu học Tân Hưng Thuận")]
    wishes = wishes_of(data)
    for who in ("Phạm Văn Lộc", "Đỗ Thị Yến"):
        assert next(v for k, v in wishes.items() if who in k) == ["Trường Tiểu học Tân Hưng Thuận"]


# -- routes -----------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("given_up", ["Lộ trình cũ (bỏ)", "Lộ trình đã ban hành (không áp dụng)"])
def test_a_notice_that_gives_up_a_route_plans_the_new_one(given_up: str) -> None:
    text = (
        WARD.format(ward="TÂN CHÁNH HIỆP", ward_t="Tân Chánh Hiệp", year=2024).replace("KẾ HOẠCH", "THÔNG BÁO")
        + "Điều chỉnh lộ trình diễu hành hưởng ứng Tuần lễ học tập suốt đời\n"
        "1. Thời gian: 7 giờ 30 ngày 02/10/2024, xuất phát tại Chợ Tân Chánh Hiệp.\n"
        f"2. {given_up}: Chợ Tân Chánh Hiệp – Tô Ký – Nguyễn Văn Quá – Chợ Tân Chánh Hiệp.\n"
        "3. Lộ trình mới (áp dụng):\n"
        "- Từ Chợ Tân Chánh Hiệp đi thẳng đường Tô Ký;\n"
        "- Rẽ phải vào đường Nguyễn Ảnh Thủ;\n"
        "- Về lại Chợ Tân Chánh Hiệp, giải tán.\n"
    )
    got = route_of(plan_data(text))
    assert got[:3] == ["Chợ Tân Chánh Hiệp", "Tô Ký", "Nguyễn Ảnh Thủ"]
    assert got[-1] == "Chợ Tân Chánh Hiệp"
    assert "Nguyễn Văn Quá" not in got


@pytest.mark.parametrize("meeting", ["Cầu vượt Quang Trung", "Vòng xoay An Sương"])
def test_legs_that_meet_at_a_bridge_or_roundabout_pass_it(meeting: str) -> None:
    text = (
        WARD.format(ward="TRUNG MỸ TÂY", ward_t="Trung Mỹ Tây", year=2023)
        + "Diễu hành xe hoa lúc 7 giờ 00 ngày 01/10/2023.\nLộ trình gồm 03 chặng:\n"
        "Chặng 1: Từ Nhà Văn hóa Lao động Quận 12 theo đường Nguyễn Ảnh Thủ đến giao lộ Nguyễn Ảnh Thủ - Tô Ký;\n"
        f"Chặng 2: Đường Tô Ký, từ giao lộ Nguyễn Ảnh Thủ - Tô Ký đến {meeting};\n"
        f"Chặng 3: Quốc lộ 1A, đi thẳng qua chợ Tân Thới Hiệp, từ {meeting} đến Chợ Thạnh Xuân, giải tán đoàn tại "
        "đây.\n"
    )
    got = route_of(plan_data(text))
    assert meeting not in got and "chợ Tân Thới Hiệp" not in got  # where legs meet, a place passed: no steps
    assert got[:3] == ["Nhà Văn hóa Lao động Quận 12", "Nguyễn Ảnh Thủ", "Tô Ký"]
    assert got[-1] == "Chợ Thạnh Xuân"  # "giải tán đoàn tại đây": there


@pytest.mark.parametrize(("people", "blocks"), [(160, 4), (95, 2)])
def test_a_parade_on_foot_moves_its_people_as_blocks_at_a_walking_pace(people: int, blocks: int) -> None:
    text = (
        "PHÒNG GD&ĐT QUẬN GÒ VẤP\nTRƯỜNG THCS AN NHƠN\nSố: 21/KH-THCS\nGò Vấp, ngày 20 tháng 9 năm 2023\nKẾ HOẠCH\n"
        '2. Đi bộ cổ động "Sách là bạn"\n'
        f"- Lúc 7 giờ 40, học sinh 4 lớp khối 7 (khoảng {people} em) xếp hàng tại cổng trường; 7 giờ 50 bắt đầu đi bộ "
        "ngày 02/10/2023.\n"
        "- Lộ trình: từ cổng trường ra đường Nguyễn Thái Sơn, qua các tuyến đường Lê Lai và Lê Lợi, đến Trường Tiểu "
        "học Lê Lợi thì dừng.\n"
        "- Công an phường hỗ trợ 01 xe mô tô dẫn đoàn.\n"
    )
    data = plan_data(text)
    walkers = [g for g in data["parades"][0]["groups"] if g["kind"] == "marching_group"]
    assert [g["count"] for g in walkers] == [blocks]
    assert route_of(data)[1:3] == ["Nguyễn Thái Sơn", "Lê Lai"]


# -- a forwarded chat message -----------------------------------------------------------------------------------------
def test_a_chat_message_places_its_venues_and_moves_a_ceremony_a_later_message_moves() -> None:
    text = (
        'Nhóm Zalo "LÃNH ĐẠO UBND P. LONG CHÂU" – tin nhắn chuyển tiếp\n'
        "[29/09/2025 16:42] Văn phòng:\n"
        "Kính gửi các đ/c lãnh đạo lịch các buổi lễ hưởng ứng Tuần lễ HTSĐ năm 2025:\n"
        "1) Lễ khai mạc cấp phường: 7g00 thứ Năm 2/10, tại TTHTCĐ phường Long Châu.\n"
        "2) Lễ hưởng ứng tại Trường MN Sơn Ca: 8g sáng thứ Sáu 3/10.\n"
        "[30/09/2025 07:58] Văn phòng:\n"
        "Dạ bổ sung: Trường MN Sơn Ca xin lùi lễ hưởng ứng sang 9g30 (vẫn sáng thứ Sáu 3/10, tại trường).\n"
    )
    data = plan_data(text)
    assert ceremonies_of(data) == [
        ("2025-10-02", "07:00", "TTHTCĐ phường Long Châu"),
        ("2025-10-03", "09:30", "Trường MN Sơn Ca"),
    ]
    assert "Long Châu" in data["event"]["area"]["name"]


# -- an annex after the signature -------------------------------------------------------------------------------------
@pytest.mark.parametrize(("first", "second"), [("PHỤ LỤC I", "PHỤ LỤC II"), ("Phụ lục 1", "Phụ lục 2")])
def test_ceremonies_told_in_annexes_after_the_signature_are_planned(first: str, second: str) -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nPHƯỜNG HOA LƯ\nSố: 142/KH-UBND\nHoa Lư, ngày 18 tháng 9 năm 2025\nKẾ HOẠCH\n"
        "Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2025\nIII. NỘI DUNG\n"
        "1. Tổ chức Lễ khai mạc Tuần lễ cấp phường (thời gian, địa điểm, chương trình chi tiết tại "
        f"{first} kèm theo).\n"
        f"2. Tổ chức Lễ tuyên dương gia đình học tập (chi tiết tại {second}).\nIV. TỔ CHỨC THỰC HIỆN\n"
        "1. Văn phòng: chủ trì tham mưu tổ chức Lễ khai mạc, Lễ tuyên dương; báo cáo trước ngày 10/10/2025.\n"
        "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nĐinh Văn Nam\n"
        f"{first}\nCHƯƠNG TRÌNH LỄ KHAI MẠC TUẦN LỄ NĂM 2025\n"
        "1. Thời gian: 7 giờ 30 phút, thứ Năm, ngày 02 tháng 10 năm 2025.\n2. Địa điểm: sân Trường THCS Ninh Khánh.\n"
        f"{second}\nLỄ TUYÊN DƯƠNG GIA ĐÌNH HỌC TẬP NĂM 2025\n"
        "- Thời gian: 14 giờ 00, Chủ nhật, ngày 05/10/2025.\n- Địa điểm: Hội trường UBND phường Hoa Lư.\n"
    )
    assert ceremonies_of(plan_data(text)) == [
        ("2025-10-02", "07:30", "Trường THCS Ninh Khánh"),
        ("2025-10-05", "14:00", "Hội trường UBND phường Hoa Lư"),
    ]


# -- "Bế mạc" ---------------------------------------------------------------------------------------------------------
def test_a_programmes_last_item_is_no_ceremony_but_a_festivals_closing_is() -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nXÃ MƯỜNG LA\nSố: 50/KH-UBND\nMường La, ngày 12 tháng 9 năm 2023\nKẾ HOẠCH\n"
        "1. Lễ phát động\n- Thời gian: 7 giờ 30, thứ Hai, ngày 02/10/2023.\n- Địa điểm: Trường Tiểu học Mường La.\n"
        "Chương trình:\n- 7 giờ 30 – 8 giờ 30: Văn nghệ, phát động.\n- 8 giờ 40: Bế mạc, tặng sách cho thư viện.\n"
        "2. Ngày hội đọc sách (02 ngày 07 và 08/10/2023)\n"
        "a) Khai mạc: 8 giờ 00 thứ Bảy 07/10/2023 tại Sân vận động xã Mường La.\n"
        "b) Bế mạc, trao giải: 16 giờ 30 Chủ nhật 08/10/2023, tại Sân vận động xã Mường La.\n"
    )
    assert ceremonies_of(plan_data(text)) == [
        ("2023-10-02", "07:30", "Trường Tiểu học Mường La"),
        ("2023-10-07", "08:00", "Sân vận động xã Mường La"),
        ("2023-10-08", "16:30", "Sân vận động xã Mường La"),
    ]


# -- vehicles ---------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("total", ["Tổng cộng đoàn có 10 xe hoa và 9 xe phục vụ.", "Tổng số: 10 xe hoa, 9 xe khác."])
def test_a_totals_line_under_its_groups_adds_no_group(total: str) -> None:
    text = (
        WARD.format(ward="THẠNH LỘC", ward_t="Thạnh Lộc", year=2023)
        + "Diễu hành xe hoa lúc 7 giờ 00 ngày 01/10/2023.\n"
        "Lộ trình: UBND Phường Thạnh Lộc – Hà Huy Giáp – UBND Phường Thạnh Lộc.\n"
        "Đội hình đoàn xe:\n- 02 xe ô tô Cảnh sát giao thông dẫn đoàn;\n- 01 xe hoa của phường;\n"
        "- 09 xe hoa của 9 khu phố;\n- 06 xe mô tô Cảnh sát giao thông hộ tống;\n- 01 xe cứu thương đi cuối đoàn.\n"
        f"{total}\n"
    )
    groups = plan_data(text)["parades"][0]["groups"]
    floats = sum(g["count"] for g in groups if g["kind"] == "flower_float")
    assert floats == 10
    assert sum(g["count"] for g in groups) == 19


# -- a text layer's damage ---------------------------------------------------------------------------------------------
def test_run_together_items_and_marks_pushed_past_a_space_are_repaired() -> None:
    raw = (
        "II. NỘI DUNG HOẠT ĐỘNG1. Lễ khai mạc Tuần lễ- Thời gian: 7 giờ 30, ngày 03/10/2022.- Địa điểm: Trung tâm "
        "hoc̣ tâp̣ côṇg đồng thi ̣trấn Ba Hàng.- Thành phần: đồng chí Nguyêñ Thi ̣Lan."
    )
    lines = clean(raw).split("\n")
    assert "1. Lễ khai mạc Tuần lễ" in lines
    assert "- Địa điểm: Trung tâm học tập cộng đồng thị trấn Ba Hàng." in lines
    assert any("Nguyễn Thị Lan" in x for x in lines)


# -- who attends, listed under a numbered label ------------------------------------------------------------------------
@pytest.mark.parametrize("label", ["3. Thành phần:", "c) Thành phần tham dự:"])
def test_everyone_a_grouped_bullet_lists_under_a_numbered_label_attends(label: str) -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nPHƯỜNG NAM ĐỊNH\nSố: 77/KH-UBND\nNam Định, ngày 16 tháng 9 năm 2025\nKẾ HOẠCH\n"
        "CHƯƠNG TRÌNH LỄ KHAI MẠC TUẦN LỄ NĂM 2025\n"
        "1. Thời gian: 7 giờ 30 phút, thứ Năm, ngày 02 tháng 10 năm 2025.\n"
        "2. Địa điểm: Trường THCS Trần Đăng Ninh.\n"
        f"{label}\n"
        "- Lãnh đạo tỉnh: đồng chí Vũ Văn Cường - Phó Giám đốc Sở Giáo dục và Đào tạo;\n"
        "- Lãnh đạo phường: đồng chí Tạ Văn Huy - Bí thư Đảng ủy phường; đồng chí Phạm Thị Trang - Chủ tịch UBND "
        "phường;\n"
    )
    wishes = wishes_of(plan_data(text))
    for who in ("Vũ Văn Cường", "Tạ Văn Huy", "Phạm Thị Trang"):
        assert next(v for k, v in wishes.items() if who in k) == ["Trường THCS Trần Đăng Ninh"], who
