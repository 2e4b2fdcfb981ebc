"""Layouts read at session 56 for the column's vehicles and who acts at a ceremony (invented offices, streets and
people; no corpus document): a police team's assignment that repeats the line-up, a team's count of people under a
label that says "xe", a car leading the column with its owner, a car fitted with loudspeakers, a decorated parade
vehicle, loudspeakers that go on with their task, riders' own motorbikes counted in a bracket, a bulleted programme
head, and who sends the column off at the one ceremony's place."""

from __future__ import annotations

from collections import Counter
from typing import Any

from imported import plan_data, wishes_of

HEAD = (
    "ỦY BAN NHÂN DÂN QUẬN BÌNH TÂN\nỦY BAN NHÂN DÂN PHƯỜNG AN LẠC\nSố: 55/KH-UBND\n"
    "An Lạc, ngày 12 tháng 9 năm 2024\nKẾ HOẠCH\nTổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2024\n"
    "I. MỤC ĐÍCH\n- Lan tỏa phong trào tự học trong Nhân dân.\n"
    "II. NỘI DUNG\n1. Lễ phát động: 07 giờ 30, thứ Tư, ngày 02/10/2024, tại Nhà văn hóa phường An Lạc.\n"
    "2. Diễu hành: đoàn xe tập trung lúc 08 giờ 15 tại Nhà văn hóa phường An Lạc, xuất phát lúc 08 giờ 30; "
    "lộ trình: Nhà văn hóa phường An Lạc → đường Kinh Dương Vương → đường An Dương Vương → "
    "Nhà văn hóa phường An Lạc.\n"
)
TAIL = "IV. TỔ CHỨC THỰC HIỆN\n- Các khu phố báo cáo kết quả trước ngày 15/10/2024.\n"


def fleet(data: dict[str, Any]) -> Counter[tuple[str, int]]:
    """The column's vehicle groups as (kind, count)."""
    return Counter((g["kind"], int(g["count"])) for p in data.get("parades") or [] for g in p.get("groups") or [])


POLICE_TEAMS = (
    "CÔNG AN QUẬN BÌNH TÂN\nCÔNG AN PHƯỜNG AN LẠC\nSố: 31/KH-CAP\nAn Lạc, ngày 18 tháng 9 năm 2024\nKẾ HOẠCH\n"
    "Bảo đảm an ninh, trật tự diễu hành xe hoa hưởng ứng Tuần lễ học tập suốt đời năm 2024\n"
    "I. TÌNH HÌNH\nĐoàn xe tập trung lúc 08 giờ 15 ngày 02/10/2024 tại Nhà văn hóa phường An Lạc, xuất phát lúc "
    "08 giờ 30; lộ trình: Nhà văn hóa phường An Lạc → đường Kinh Dương Vương → đường An Dương Vương → "
    "Nhà văn hóa phường An Lạc.\n"
    "II. LỰC LƯỢNG, PHƯƠNG TIỆN\n1. Đội hình đoàn xe\n"
    "- 02 xe ô tô tuần tra của Công an phường (dẫn đoàn).\n"
    "- 08 xe mô tô của Công an phường (bảo vệ hai bên đoàn).\n"
    "- 03 xe hoa của các khu phố.\n"
    "III. BỐ TRÍ LỰC LƯỢNG\n"
    "- Tổ 1 (dẫn đoàn): 01 xe ô tô tuần tra, 03 xe mô tô; chỉ huy: Đại úy Hồ Văn Toàn.\n"
    "- Tổ 2 (giữ trật tự khu vực lễ, trông giữ xe đại biểu): 12 đồng chí; chỉ huy: Thượng úy Mai Đức Huy.\n"
)


def test_a_teams_vehicles_are_a_share_of_the_line_up_and_its_people_no_vehicles() -> None:
    got = fleet(plan_data(POLICE_TEAMS))
    assert got[("police_car", 2)] == 1 and got[("police_motorbike", 8)] == 1 and got[("flower_float", 3)] == 1
    assert got[("police_car", 1)] == 0 and got[("police_motorbike", 3)] == 0  # Tổ 1: the same vehicles
    assert not any(n == 12 for _k, n in got)  # Tổ 2: 12 people, who keep the guests' vehicles


KINDS = (
    HEAD + "3. Phương tiện tham gia:\n"
    "- 01 xe ô tô dẫn đoàn của Phòng Văn hóa và Thông tin quận;\n"
    "- 02 xe ô tô gắn loa phát nhạc cổ động;\n"
    "- 05 xe diễu hành trang trí hoa, băng rôn của các trường;\n"
    "- 02 xe mô tô của Công an phường dẫn đường.\n"
    "4. Từ ngày 03/10 đến ngày 06/10/2024, 02 xe loa tiếp tục phát thanh trên các tuyến đường của phường.\n"
    "5. Hội viên, đoàn viên đi xe máy cá nhân theo sau đoàn xe (tối đa 25 xe).\n" + TAIL
)


def test_a_lineups_kinds_as_its_words_say_them() -> None:
    got = fleet(plan_data(KINDS))
    assert got[("car", 1)] == 1  # a car leading the column, of the office named as its owner
    assert got[("loudspeaker", 2)] == 1  # cars fitted with loudspeakers; told again as going on: the same ones
    assert got[("flower_float", 5)] == 1  # decorated parade vehicles
    assert got[("police_motorbike", 25)] == 0  # the riders' own motorbikes, counted in a bracket


PROGRAMME = (
    "ỦY BAN NHÂN DÂN QUẬN BÌNH TÂN\nTRUNG TÂM VĂN HÓA - THỂ THAO\nSố: 14/KH-TTVH\n"
    "Bình Tân, ngày 25 tháng 9 năm 2024\nKẾ HOẠCH\nTổ chức Lễ bế mạc Tuần lễ học tập suốt đời năm 2024\n"
    "I. NỘI DUNG\n1. Lễ bế mạc\n- Thời gian: 15 giờ 00, thứ Hai, ngày 07/10/2024.\n"
    "- Địa điểm: Hội trường Trung tâm Văn hóa quận Bình Tân.\n"
    "- Khách mời có mặt lúc 14 giờ 45 phút; đón khách tại tiền sảnh.\n"
    "- Chương trình dự kiến:\n"
    "| Thời gian | Nội dung | Thực hiện |\n"
    "| 15 giờ 00 - 15 giờ 15 | Báo cáo kết quả Tuần lễ | Bà Khổng Thị Lan, Giám đốc Trung tâm |\n"
    "| 15 giờ 15 - 15 giờ 30 | Phát biểu bế mạc | Ông Viên Quốc Hải, Phó Chủ tịch UBND quận |\n"
    "II. TỔ CHỨC THỰC HIỆN\n- Các phòng báo cáo trước ngày 15/10/2024.\n"
)


def test_a_bulleted_programme_head_sends_its_rows_people_to_the_one_full_ceremony() -> None:
    wishes = wishes_of(plan_data(PROGRAMME))
    assert wishes.get("Khổng Thị Lan") == ["Hội trường Trung tâm Văn hóa quận Bình Tân"]
    assert wishes.get("Viên Quốc Hải") == ["Hội trường Trung tâm Văn hóa quận Bình Tân"]


STARTER = (
    HEAD + "III. PHÂN CÔNG\n- Ông Lạc Văn Thịnh, Chủ tịch Ủy ban nhân dân phường phát lệnh xuất phát đoàn xe tại "
    "Nhà văn hóa phường An Lạc.\n" + TAIL
)


def test_who_sends_the_column_off_at_the_one_ceremonys_place_attends_it() -> None:
    wishes = wishes_of(plan_data(STARTER))
    assert wishes.get("Lạc Văn Thịnh") == ["Nhà văn hóa phường An Lạc"]
