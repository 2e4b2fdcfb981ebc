"""Documents with nothing left to plan: a report written after the week, a letter that calls its event off without
a new date. Each test writes its own text (no corpus document) and checks one rule; the counterparts (a plan with a
rain clause, a postponement to a new date, a report that announces what is still to come) must still plan."""

from __future__ import annotations

from datetime import date, time

import pytest

from paradeplan.errors import InputError
from paradeplan.importer import import_text
from paradeplan.importer.extract import extract

WARD = "ỦY BAN NHÂN DÂN\nPHƯỜNG AN PHÚ ĐÔNG\nSố: {no}\nAn Phú Đông, ngày {d} tháng {m} năm 2024\n"


def _refused(text: str) -> str:
    with pytest.raises(InputError) as err:
        import_text(text, "doc.txt")
    return str(err.value.problems[0].message)


REPORT = (
    WARD.format(no="41/BC-UBND", d="15", m="10") + "BÁO CÁO\nTổng kết Tuần lễ học tập suốt đời năm 2024\n"
    "1. Buổi lễ phát động diễn ra lúc 8 giờ ngày 02/10/2024 tại sân Nhà Văn hóa khu phố 3, có 200 người dự.\n"
    "2. Đoàn 05 xe hoa đã diễu hành theo lộ trình Hà Huy Giáp → Tô Ký → Hà Huy Giáp ngày 03/10/2024.\n"
    "| Nội dung | Số buổi | Lượt người |\n| Lễ phát động | 01 | 200 |\n| Diễu hành | 01 | 40 |\n"
)


def test_a_report_on_a_past_week_has_nothing_to_plan():
    said = _refused(REPORT)
    assert "không có gì để lập kế hoạch trong doc.txt" in said and "BÁO CÁO Tổng kết" in said


def test_a_report_that_names_something_still_to_come_is_planned():
    text = REPORT + "3. Phường tổ chức Lễ bế mạc lúc 14 giờ ngày 25/10/2024 tại Hội trường UBND phường.\n"
    res = import_text(text, "doc.txt")
    assert [c["date"] for c in res.written_ceremonies()] == ["2024-10-25"]


LETTER = (
    WARD.format(no="88/UBND-VX", d="27", m="9") + "V/v hủy bỏ buổi diễu hành xe hoa\nKính gửi: Các khu phố\n"
    "Theo Kế hoạch số 70/KH-UBND, đoàn 06 xe hoa diễu hành lúc 15 giờ ngày 29/9/2024 theo lộ trình "
    "Hà Huy Giáp → Tô Ký → Hà Huy Giáp.\n"
    "Do thời tiết xấu, Ủy ban nhân dân phường thông báo hủy bỏ buổi diễu hành nêu trên cho đến khi có thông báo mới.\n"
)


def test_a_letter_that_calls_its_parade_off_without_a_new_date_has_nothing_to_plan():
    said = _refused(LETTER)
    assert "không có gì để lập kế hoạch trong doc.txt" in said and "hủy bỏ buổi diễu hành" in said


def test_a_call_off_decided_in_the_body_without_a_subject_line_is_refused_too():
    text = LETTER.replace("V/v hủy bỏ buổi diễu hành xe hoa\n", "").replace("hủy bỏ", "dừng tổ chức")
    assert "không có gì để lập kế hoạch" in _refused(text)


def test_a_postponement_to_a_new_date_takes_that_date():
    text = LETTER.replace("cho đến khi có thông báo mới", "sang 8 giờ 30 ngày 06/10/2024")
    res = import_text(text, "doc.txt")  # raises "nothing to plan" when the new date is not seen
    ex = res.extraction
    assert ex.events.stance is not None and ex.events.stance.kind == "moved"
    assert (ex.departure_date, ex.departure_time) == (date(2024, 10, 6), time(8, 30))
    assert any("06/10/2024" in d.reason for d in res.decisions)  # a decision, not a fact "not found"
    assert not any("06/10/2024" in u for u in ex.unresolved)


def test_a_plans_rain_clause_is_not_a_call_off():
    text = (
        WARD.format(no="70/KH-UBND", d="16", m="9") + "KẾ HOẠCH\nDiễu hành xe hoa năm 2024\n"
        "Đoàn 06 xe hoa diễu hành lúc 15 giờ ngày 29/9/2024 theo lộ trình Hà Huy Giáp → Tô Ký → Hà Huy Giáp.\n"
        "Trường hợp mưa lớn, Ban tổ chức thông báo tạm hoãn và tổ chức vào ngày khác.\n"
        "Các khu phố hoàn thành trang trí xe hoa trước ngày 27/9/2024.\n"
    )
    ex = extract(text, "doc.txt")  # the parade's date in this line is not read yet: importing it is refused
    assert ex.events.stance is None and ex.route


def test_an_amended_plan_moves_one_ceremony_and_cancels_another() -> None:
    """ "KẾ HOẠCH (điều chỉnh)": a ceremony "chuyển từ ngày A sang 8 giờ ngày B" takes B and 8:00; one marked "KHÔNG
    TỔ CHỨC" (or "hủy bỏ", "tạm dừng") is not planned; one kept is as written; "di chuyển đến", "hoàn thành", "phát
    huy" move and cancel nothing."""
    import random
    from datetime import date, time

    from paradeplan.importer.extract import extract

    r = random.Random(81)
    for _ in range(10):
        move = r.choice(("chuyển từ ngày 30/9/2025 sang", "lùi từ ngày 30/9/2025 đến", "hoãn sang", "đổi sang"))
        off = r.choice(("KHÔNG TỔ CHỨC", "hủy bỏ", "tạm dừng tổ chức"))
        text = (
            "SỞ GIÁO DỤC VÀ ĐÀO TẠO\nCần Thơ, ngày 29 tháng 9 năm 2025\nKẾ HOẠCH (điều chỉnh)\nTuần lễ học tập\n"
            "1. Lễ khai mạc cấp thành phố: lúc 7 giờ 30 phút ngày 01/10/2025 tại Nhà Văn hóa Lao động, nhằm phát huy "
            "truyền thống hiếu học; sau đó đại biểu di chuyển đến khu trưng bày lúc 9 giờ.\n"
            f"2. Lễ phát động tại phường Sóc Trăng: {move} 8 giờ 00 ngày thứ Sáu (03/10/2025), tại Trung tâm học tập "
            "cộng đồng phường Sóc Trăng.\n"
            f"3. Lễ phát động tại phường Vị Tân (dự kiến 14 giờ ngày 02/10/2025): {off}.\n"
            "Các đơn vị hoàn thành báo cáo trước ngày 10/10/2025.\n"
        )
        got = sorted((c.date, c.time) for c in extract(text, "dc.txt").events.ceremonies)
        assert got == [(date(2025, 10, 1), time(7, 30)), (date(2025, 10, 3), time(8, 0))], text
