"""The same date or clock time in any of the forms offices write it: "5.10.2023", "05-10-2023", "05/10/2023", "5 tháng
10 năm 2023"; a clock time "09:40", "9 giờ 40 phút". A document's own date line, a deadline, a moved ceremony's new
day and a news page's stamp read the same whichever form the writer chose (no corpus document)."""

from __future__ import annotations

from datetime import date, time

import pytest

from paradeplan.errors import InputError
from paradeplan.importer import import_text
from paradeplan.importer.extract import extract
from paradeplan.importer.text import clean, slashed_dates

# -- a committee's decision dated in another form: nothing to plan --------------------------------------------------
DECISION = (
    "ỦY BAN NHÂN DÂN XÃ ĐÔNG THẠNH\nSố: 87/QĐ-UBND\nĐông Thạnh, ngày {issued}\n\n"
    "QUYẾT ĐỊNH\nVề việc kiện toàn Ban Chỉ đạo Tuần lễ hưởng ứng học tập suốt đời năm 2023 xã Đông Thạnh\n\n"
    "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ ĐÔNG THẠNH\n"
    "Căn cứ Luật Tổ chức chính quyền địa phương;\n"
    "QUYẾT ĐỊNH:\nĐiều 1. Kiện toàn Ban Chỉ đạo gồm các ông, bà có tên sau đây:\n"
    "1. Ông Trương Văn Lực, Phó Chủ tịch UBND xã, Trưởng ban.\n"
    "2. Bà Mai Thị Thu, công chức Văn hóa - Xã hội, Phó Trưởng ban.\n"
    "Điều 2. Ban Chỉ đạo chỉ đạo các trường tổ chức Lễ khai mạc Tuần lễ theo kế hoạch của huyện.\n"
    "Điều 3. Quyết định có hiệu lực kể từ ngày ký./.\n"
)


@pytest.mark.parametrize("issued", ["18/09/2023", "18-09-2023", "18.9.2023"])
def test_a_decision_dated_in_any_form_has_nothing_to_plan(issued: str) -> None:
    with pytest.raises(InputError) as err:
        import_text(DECISION.format(issued=issued), "qd.txt")
    assert "không có gì để lập kế hoạch" in str(err.value.problems[0].message)


@pytest.mark.parametrize("issued", ["18/09/2023", "18-09-2023", "18.9.2023"])
def test_the_document_date_is_read_in_any_form(issued: str) -> None:
    ex = extract(DECISION.format(issued=issued), "qd.txt")
    assert ex.document_date == date(2023, 9, 18) and ex.area == "Đông Thạnh"


# -- a deadline written in words ------------------------------------------------------------------------------------
PLAN = (
    "ỦY BAN NHÂN DÂN PHƯỜNG LINH XUÂN\nSố: 52/KH-UBND\nLinh Xuân, ngày 12 tháng 9 năm 2023\n\n"
    "KẾ HOẠCH\nTổ chức Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2023\n\n"
    "I. THỜI GIAN, ĐỊA ĐIỂM\n- Thời gian: 7 giờ 30 phút, thứ Hai ngày 02/10/2023.\n"
    "- Địa điểm: Hội trường Ủy ban nhân dân phường Linh Xuân.\n\n"
    "II. TỔ CHỨC THỰC HIỆN\n"
    "1. Các khu phố treo cờ, băng rôn tuyên truyền {due}.\n"
    "2. Trường Tiểu học Linh Xuân chuẩn bị tiết mục văn nghệ chào mừng.\n"
)


@pytest.mark.parametrize("due", ["trước ngày 28 tháng 9 năm 2023", "trước ngày 28 tháng 9"])
def test_a_task_due_before_a_day_in_words_is_a_deadline(due: str) -> None:
    ex = extract(PLAN.format(due=due), "kh.txt")
    assert [d.due for d in ex.deadlines] == [date(2023, 9, 28)]


# -- a ceremony moved to a day written with dots ---------------------------------------------------------------------
MOVED = (
    "ỦY BAN NHÂN DÂN HUYỆN CỦ CHI\nSố: 210/TB-UBND\nCủ Chi, ngày 27 tháng 9 năm 2023\n\n"
    "THÔNG BÁO\nĐiều chỉnh thời gian tổ chức Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2023\n\n"
    "1. Lễ khai mạc Tuần lễ cấp huyện: chuyển từ ngày {old} sang 14 giờ 00 ngày thứ Ba ({new}), địa điểm "
    "giữ nguyên: Nhà Văn hóa Thanh niên huyện Củ Chi.\n"
    "2. Các nội dung khác giữ nguyên.\n"
)


@pytest.mark.parametrize(("old", "new"), [("29.9.2023", "3.10.2023")])
def test_a_ceremony_moved_to_a_day_written_with_dots(old: str, new: str) -> None:
    ex = extract(MOVED.format(old=old, new=new), "tb.txt")
    assert [(c.date, c.time) for c in ex.ceremonies] == [(date(2023, 10, 3), time(14, 0))]


# -- a news page's stamp in another form ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "stamp",
    ["Thứ Năm, 5.10.2023, 09:40 (GMT+7)", "Thứ Năm, 5 tháng 10 năm 2023, 9 giờ 40 phút (GMT+7)"],
)
def test_a_news_page_stamp_in_any_form_dates_the_page(stamp: str) -> None:
    text = (
        "BÁO ĐIỆN TỬ TÂY NGUYÊN\n" + stamp + "\n"
        "Sáng 4/10, phường Tân Lợi đã tổ chức diễu hành xe hoa hưởng ứng Tuần lễ học tập suốt đời.\n"
    )
    assert extract(text, "bao.txt").document_date == date(2023, 10, 5)


# -- the forms written one way, each as long as it was ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("từ ngày 30.9.2025 sang", "từ ngày 30/9/2025 sang"),
        ("(03-10-2025)", "(03/10/2025)"),
        ("v2.10.2024.1", "v2.10.2024.1"),  # a version, no date
        ("Số 12-10-2024", "Số 12/10/2024"),
    ],
)
def test_dates_with_dots_or_dashes_are_written_with_slashes(written: str, read: str) -> None:
    assert slashed_dates(written) == read and len(slashed_dates(written)) == len(written)


def test_clean_writes_dates_with_slashes() -> None:
    assert clean("Đúng 15:30 ngày 1.10.2024, đoàn khởi hành.") == "Đúng 15:30 ngày 1/10/2024, đoàn khởi hành."
