"""Layouts read at session 54 (route, second round; other names, days and places than any corpus document): a
junction named by two streets that a width cut right before its en dash ("… → Vòng xoay A" / "– B (quay đầu) → …");
a rehearsal's date among a section's tasks is no parade's day; a place the column is said not to stop at, between
two streets, is no step; a route split by ";" whose middle clause lists its streets after "đi lần lượt các tuyến
đường"; a shore or a bridge's foot the column reaches before turning is no step; the vehicles of a neighbouring
unit whose group leaves the column are not the column's; a task line's police "lực lượng có mặt lúc …" is the staff,
not the column's assembly."""

from __future__ import annotations

import datetime as dt

import pytest

from paradeplan.importer.extract import extract
from paradeplan.importer.text import logical_lines

HEAD = (
    "UBND PHƯỜNG HÒA KHÁNH\nSố: 57/KH-UBND\nHòa Khánh, ngày 18 tháng 9 năm 2024\nKẾ HOẠCH\n"
    "Diễu hành xe hoa hưởng ứng Tuần lễ học tập suốt đời năm 2024\n"
)


def _route(text: str) -> list[str]:
    return [s.name for s in extract(text, "kh.txt").route]


# -- a junction named by its two streets, the line cut right before the en dash between them -----------------------
CUT_CROSSING = (
    "- Lộ trình: Nhà văn hóa phường Hòa Khánh → đường Nguyễn Lương Bằng → đường Âu Cơ → đường Tôn Đức Thắng → "
    "{kind} Âu Cơ\n– Tôn Đức Thắng (quay đầu) → đường Âu Cơ → Nhà văn hóa phường Hòa Khánh (kết thúc).\n"
)


@pytest.mark.parametrize("kind", ["Vòng xoay", "Ngã tư", "Bùng binh"])
def test_a_crossing_cut_before_its_dash_is_one_line(kind: str) -> None:
    lines = logical_lines(CUT_CROSSING.format(kind=kind))
    assert len(lines) == 1
    assert f"{kind} Âu Cơ – Tôn Đức Thắng (quay đầu) →" in lines[0]
    ended = CUT_CROSSING.format(kind=kind).replace(" Âu Cơ\n", " Âu Cơ.\n")  # a sentence ended: a dashed item anew
    assert len(logical_lines(ended)) == 2


# -- a rehearsal's date among the tasks of a section is no parade's day ---------------------------------------------
REHEARSED = HEAD + (
    "I. NỘI DUNG\n"
    "1. Lễ phát động\n"
    "- Thời gian: 7 giờ 30, Thứ Ba, ngày 01/10/2024.\n"
    "- Địa điểm: Nhà văn hóa phường Hòa Khánh.\n"
    "2. Diễu hành xe hoa\n"
    "- Xe hoa tập trung lúc 7 giờ 00 tại Nhà văn hóa phường Hòa Khánh; xuất phát lúc 8 giờ 15 ngay sau Lễ phát động.\n"
    "- Lộ trình: Nhà văn hóa phường Hòa Khánh → đường Nguyễn Lương Bằng → đường Âu Cơ → Nhà văn hóa phường Hòa "
    "Khánh.\n"
    "II. TỔ CHỨC THỰC HIỆN\n"
    "1. Công chức Văn hóa - Xã hội: chuẩn bị kịch bản; {trial} lúc 15 giờ 00, Chủ nhật, ngày 29/9/2024.\n"
    "2. Công an phường: bảo đảm an toàn giao thông trên lộ trình diễu hành.\n"
    "5. Các khu phố:\n"
    "- Trang trí xe hoa, gửi danh sách về phường trước ngày 25/9/2024.\n"
)


@pytest.mark.parametrize("trial", ["tổ chức tổng duyệt", "tập dượt đội hình xe hoa"])
def test_a_rehearsals_date_among_tasks_is_not_the_parades(trial: str) -> None:
    ex = extract(REHEARSED.format(trial=trial), "kh.txt")
    assert dt.date(2024, 9, 29) not in (ex.assembly_date, ex.departure_date)


# -- a place the column does not stop at, between two streets -------------------------------------------------------
NO_STOP = HEAD + (
    "I. LỘ TRÌNH\n"
    "- Xe hoa tập trung lúc 7 giờ 00, Thứ Bảy, ngày 05/10/2024 tại UBND phường Hòa Khánh; xuất phát lúc 7 giờ 30.\n"
    "- Lượt đi: UBND phường Hòa Khánh - đường Âu Cơ - đường Nguyễn Sinh Sắc - Siêu thị Hòa Khánh.\n"
    "- Lượt về: từ Siêu thị Hòa Khánh - đường Hồ Tùng Mậu - đường Âu Cơ - về UBND phường Hòa Khánh, kết thúc.\n"
    "{said}\n"
)


@pytest.mark.parametrize(
    "said",
    [
        "- Tại Siêu thị Hòa Khánh đoàn không dừng, đi liền từ đường Nguyễn Sinh Sắc sang đường Hồ Tùng Mậu.",
        "- Đoàn xe không dừng lại tại Siêu thị Hòa Khánh, đi thẳng sang đường Hồ Tùng Mậu.",
    ],
)
def test_a_place_the_column_does_not_stop_at_is_no_step(said: str) -> None:
    assert _route(NO_STOP.format(said=said)) == [
        "UBND phường Hòa Khánh",
        "Âu Cơ",
        "Nguyễn Sinh Sắc",
        "Hồ Tùng Mậu",
        "Âu Cơ",
        "UBND phường Hòa Khánh",
    ]
    parking = "- Tại Siêu thị Hòa Khánh, đoàn không dừng đỗ xe quá 5 phút."  # a rule of parking: the place stays
    assert "Siêu thị Hòa Khánh" in _route(NO_STOP.format(said=parking))[1:-1]


# -- a route split by ";" whose middle clause lists the streets after "đi lần lượt các tuyến đường" -----------------
LISTED_CLAUSE = HEAD + (
    "I. DIỄU HÀNH\n"
    "1. Xuất phát: 08 giờ 00, Chủ nhật, ngày 06/10/2024, tại cổng Trường Tiểu học Hòa Khánh.\n"
    "2. Lộ trình: điểm xuất phát Trường Tiểu học Hòa Khánh; {lead} Âu Cơ, Nguyễn Lương Bằng, Tôn Đức Thắng; "
    "{end} Trường Tiểu học Hòa Khánh. Tổng chiều dài khoảng 5 km.\n"
)


@pytest.mark.parametrize("lead", ["đi lần lượt các tuyến đường", "qua các tuyến đường", "theo các tuyến phố"])
def test_a_clause_listing_streets_between_semicolons(lead: str) -> None:
    assert _route(LISTED_CLAUSE.format(lead=lead, end="điểm kết thúc tại")) == [
        "Trường Tiểu học Hòa Khánh",
        "Âu Cơ",
        "Nguyễn Lương Bằng",
        "Tôn Đức Thắng",
        "Trường Tiểu học Hòa Khánh",
    ]


# -- a shore or a bridge's foot reached before a turn -----------------------------------------------------------------
SHORE = HEAD + (
    "I. THỜI GIAN\n"
    "- Xe hoa tập trung lúc 7 giờ 00, Thứ Bảy, ngày 05/10/2024 tại Công viên Hòa Khánh; xuất phát lúc 7 giờ 30.\n"
    "II. LỘ TRÌNH\n"
    "1) Xuất phát tại cổng Công viên Hòa Khánh, rẽ vào đường Âu Cơ;\n"
    "2) Theo đường Âu Cơ đến {spot}, rẽ trái đường Nguyễn Tất Thành;\n"
    "3) Theo đường Nguyễn Tất Thành đến đường Tôn Đức Thắng, rẽ phải;\n"
    "4) Theo đường Tôn Đức Thắng ra đường Âu Cơ, về Công viên Hòa Khánh (kết thúc).\n"
)


@pytest.mark.parametrize("spot", ["bờ biển Xuân Thiều", "bờ sông Cu Đê", "chân cầu Nam Ô", "đầu cầu Nam Ô"])
def test_a_shore_or_bridge_foot_reached_before_a_turn_is_no_step(spot: str) -> None:
    assert _route(SHORE.format(spot=spot)) == [
        "Công viên Hòa Khánh",
        "Âu Cơ",
        "Nguyễn Tất Thành",
        "Tôn Đức Thắng",
        "Âu Cơ",
        "Công viên Hòa Khánh",
    ]


# -- a neighbouring unit's vehicles, whose group leaves the column where it splits ------------------------------------
SPLIT = (
    "UBND PHƯỜNG HÒA KHÁNH\nSố: 61/KH-UBND\nHòa Khánh, ngày 18 tháng 9 năm 2024\nKẾ HOẠCH\n"
    "Đoàn xe hoa chung hai phường hưởng ứng Tuần lễ học tập suốt đời năm 2024\n"
    "1. Thời gian: tập trung lúc 06 giờ 45, Chủ nhật, ngày 06/10/2024 tại sân Trường Tiểu học Hòa Khánh; xuất "
    "phát lúc 07 giờ 15.\n"
    "2. Lộ trình chung (hai phường cùng đi):\n"
    "Trường Tiểu học Hòa Khánh – đường Âu Cơ – đường Nguyễn Lương Bằng – đến giao lộ Nguyễn Lương Bằng – Tôn Đức "
    "Thắng.\n"
    "3. Tại giao lộ Nguyễn Lương Bằng – Tôn Đức Thắng, đoàn tách thành hai nhóm:\n"
    "a) Nhóm 1 – phường Hòa Khánh (xe hoa, xe loa của phường Hòa Khánh): rẽ phải vào đường Tôn Đức Thắng, rẽ phải "
    "vào đường Âu Cơ, trở về Trường Tiểu học Hòa Khánh, kết thúc.\n"
    "b) Nhóm 2 – phường Hòa Minh: rẽ trái vào đường Tôn Đức Thắng, về trụ sở UBND phường Hòa Minh.\n"
    "4. Phương tiện của phường Hòa Khánh:\n"
    "- 03 xe hoa;\n"
    "- 01 xe loa tuyên truyền;\n"
    "- 02 xe mô tô của Công an phường dẫn đường.\n"
    "Phường Hòa Minh tham gia với 04 xe hoa, 02 xe loa.\n"
)


def test_a_neighbouring_units_vehicles_are_not_the_columns() -> None:
    ex = extract(SPLIT, "kh.txt")
    assert sorted((f.kind, f.count) for f in ex.forces if f.kind in ("float", "loudspeaker")) == [
        ("float", 3),
        ("loudspeaker", 1),
    ]


# -- a task line charging the police, whose forces "có mặt lúc …" ----------------------------------------------------
POLICE_TASK = HEAD + (
    "I. DIỄU HÀNH\n"
    "1. Xuất phát: 08 giờ 00, Chủ nhật, ngày 06/10/2024, tại cổng Trường Tiểu học Hòa Khánh.\n"
    "2. Lộ trình: Trường Tiểu học Hòa Khánh - đường Âu Cơ - đường Tôn Đức Thắng - Trường Tiểu học Hòa Khánh.\n"
    "II. TỔ CHỨC THỰC HIỆN\n"
    "1. Công an phường: bảo đảm an toàn giao thông trên lộ trình; phân công lực lượng có mặt lúc 07 giờ 10.\n"
)


def test_the_polices_forces_arriving_are_no_assembly() -> None:
    ex = extract(POLICE_TASK, "kh.txt")
    assert ex.assembly_time != dt.time(7, 10)
