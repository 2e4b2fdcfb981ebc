"""List items written with another mark than the usual one read as the usual one (session 53; other names, days and
places than any corpus document): an en dash "– " at a line's start is a bullet as "- " is ("– Thời gian: …",
"– Xe hoa: 04 xe"), not the rest of the line above; a document that numbers its items "1)" or letters them "a."
and never writes "1." or "a)" means the same by them; and a deadline's hour written in full ("trước 17 giờ 00 phút
ngày …") is a deadline as "trước 17 giờ 00 ngày …" is, and a span so written before "tập trung" ("06 giờ 15 phút –
06 giờ 45 phút: Tập trung …") starts when "6g15 – 6g45" does."""

from __future__ import annotations

from datetime import date

import pytest

from imported import ceremonies_of, plan_data, wishes_of
from paradeplan.importer.extract import extract

# -- a commune's plan: its items bulleted with a hyphen or with Word's en dash --------------------------------------
BULLETED = (
    "ỦY BAN NHÂN DÂN XÃ PHÚ LỄ\nSố: 41/KH-UBND\nPhú Lễ, ngày 12 tháng 9 năm 2025\nKẾ HOẠCH\n"
    "Tổ chức Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2025\n"
    "I. THỜI GIAN, ĐỊA ĐIỂM\n"
    "{b} Thời gian: 8 giờ 00, thứ Năm, ngày 09/10/2025.\n"
    "{b} Địa điểm: Hội trường Nhà văn hóa xã Phú Lễ.\n"
    "{b} Chủ trì: đồng chí Lâm Quốc Khải – Chủ tịch UBND xã.\n"
    "II. DIỄU HÀNH\n"
    "{b} Đoàn xe tập trung lúc 7 giờ 15 tại sân Nhà văn hóa xã Phú Lễ.\n"
    "{b} Lộ trình: Nhà văn hóa xã Phú Lễ → đường Nguyễn Văn Cừ → đường Lê Lợi → UBND xã Phú Lễ.\n"
    "{b} Xe hoa: 04 xe.\n"
    "{b} Xe ô tô dẫn đoàn: 01 xe.\n"
)


@pytest.mark.parametrize("bullet", ["-", "–"])
def test_en_dash_items_are_read_as_hyphen_items(bullet: str) -> None:
    data = plan_data(BULLETED.format(b=bullet))
    assert ceremonies_of(data) == [("2025-10-09", "08:00", "Nhà văn hóa xã Phú Lễ")]
    assert wishes_of(data).get("Lâm Quốc Khải") == ["Nhà văn hóa xã Phú Lễ"]


@pytest.mark.parametrize("bullet", ["-", "–"])
def test_en_dash_vehicle_lines_keep_their_kind(bullet: str) -> None:
    ex = extract(BULLETED.format(b=bullet), "kh.txt")
    assert ex.assembly_time is not None and ex.assembly_time.hour == 7
    assert {(f.kind, f.count) for f in ex.forces} >= {("float", 4)}


# -- a district's plan: items numbered "1." and lettered "a)", or numbered "1)" and lettered "a." -------------------
NUMBERED = (
    "ỦY BAN NHÂN DÂN HUYỆN ĐỨC TRỌNG\nSố: 205/KH-UBND\nĐức Trọng, ngày 15 tháng 9 năm 2024\nKẾ HOẠCH\n"
    "Tổ chức các hoạt động hưởng ứng Tuần lễ học tập suốt đời năm 2024\n"
    "II. NỘI DUNG\n"
    "{n1} Lễ khai mạc cấp huyện\n"
    "{a} Thời gian: 7 giờ 30, thứ Ba, ngày 01/10/2024.\n"
    "{b} Địa điểm: Trung tâm Văn hóa huyện Đức Trọng.\n"
    "{n2} Lễ phát động tại xã Hiệp Thạnh\n"
    "{a} Thời gian: 14 giờ 00, thứ Năm, ngày 03/10/2024.\n"
    "{b} Địa điểm: Trường Tiểu học Hiệp Thạnh.\n"
    "III. THÀNH PHẦN\n"
    "{n1} Đồng chí Ka Bình – Phó Chủ tịch UBND huyện dự Lễ khai mạc cấp huyện.\n"
)
_FORMS = {"dot and bracket": ("1.", "2.", "a)", "b)"), "bracket and dot": ("1)", "2)", "a.", "b.")}


@pytest.mark.parametrize("form", sorted(_FORMS))
def test_items_numbered_the_other_way_keep_their_fields(form: str) -> None:
    n1, n2, a, b = _FORMS[form]
    data = plan_data(NUMBERED.format(n1=n1, n2=n2, a=a, b=b))
    assert ceremonies_of(data) == [
        ("2024-10-01", "07:30", "Trung tâm Văn hóa huyện Đức Trọng"),
        ("2024-10-03", "14:00", "Trường Tiểu học Hiệp Thạnh"),
    ]


@pytest.mark.parametrize("form", sorted(_FORMS))
def test_a_person_numbered_the_other_way_has_no_number_in_the_name(form: str) -> None:
    n1, n2, a, b = _FORMS[form]
    data = plan_data(NUMBERED.format(n1=n1, n2=n2, a=a, b=b))
    assert wishes_of(data) == {"Ka Bình": ["Trung tâm Văn hóa huyện Đức Trọng"]}


# -- a deadline: its hour written as "17 giờ 00 phút" -----------------------------------------------------------------
DUE = (
    "ỦY BAN NHÂN DÂN PHƯỜNG LONG BÌNH\nSố: 63/TB-UBND\nLong Bình, ngày 20 tháng 9 năm 2025\nTHÔNG BÁO\n"
    "Lễ khai mạc Tuần lễ học tập suốt đời tổ chức lúc 7 giờ 00 ngày 06/10/2025 tại Trường THCS Long Bình.\n"
    "Các khu phố gửi danh sách đại biểu về Văn phòng UBND phường trước {hour} ngày 30/9/2025.\n"
)


@pytest.mark.parametrize("hour", ["17 giờ 00", "17h00", "17 giờ 00 phút"])
def test_a_deadline_with_its_minutes_in_words(hour: str) -> None:
    ex = extract(DUE.format(hour=hour), "tb.txt")
    assert date(2025, 9, 30) in {d.due for d in ex.deadlines}


# -- a day's programme: the column gathers over a span of time written in full words ---------------------------------
SPAN = (
    "ỦY BAN NHÂN DÂN PHƯỜNG TÂN PHONG\nSố: 52/KH-UBND\nTân Phong, ngày 16 tháng 9 năm 2023\nKẾ HOẠCH\n"
    "Diễu hành cổ động Tuần lễ học tập suốt đời năm 2023, sáng Chủ nhật ngày 08/10/2023:\n"
    "- {start} – {end}: Tập trung đoàn xe đạp tại Công viên Tân Phong (cổng đường Nguyễn Đức Cảnh).\n"
    "- 07 giờ 00: Đoàn xuất phát.\n"
    "- Lộ trình: Công viên Tân Phong → đường Nguyễn Đức Cảnh → đường Tôn Dật Tiên → UBND phường Tân Phong.\n"
)


@pytest.mark.parametrize(("start", "end"), [("6g15", "6g45"), ("06 giờ 15 phút", "06 giờ 45 phút")])
def test_a_gathering_over_a_span_gathers_at_its_start(start: str, end: str) -> None:
    ex = extract(SPAN.format(start=start, end=end), "kh.txt")
    assert ex.assembly_time is not None and (ex.assembly_time.hour, ex.assembly_time.minute) == (6, 15)
