"""A plan's layout rewritten without changing what it says (s56, metamorphic): a text that puts a blank line
after every line reads as the same text without them; a text whose paragraphs alone are apart by blank lines keeps
them. Invented offices, streets and people; no corpus document."""

from __future__ import annotations

from paradeplan.importer.extract import extract
from paradeplan.importer.text import double_spaced, single_spaced

#: A commune's notice copied from a web page: a blank line after every line, one of them inside a sentence.
DOUBLE = """ỦY BAN NHÂN DÂN XÃ TÂN HƯNG

Số: 88/TB-UBND

Tân Hưng, ngày 20 tháng 9 năm 2025

THÔNG BÁO

Tổ chức Lễ khai mạc Tuần lễ học tập suốt đời năm 2025

1. Thời gian: 7 giờ 30, thứ Tư, ngày 01/10/2025.

2. Địa điểm: sân Trường Tiểu học Tân Hưng.

3. Các ấp gửi danh sách học viên tiêu biểu về Văn phòng UBND xã (qua công chức Văn hóa - Xã hội) trước 16 giờ 00 ngày

26/9/2025 (thứ Sáu).

4. Lộ trình diễu hành:

- Trường Tiểu học Tân Hưng

- đường Hoàng Hoa Thám

- về lại Trường Tiểu học Tân Hưng.
"""

#: The same kind of notice with its paragraphs apart by blank lines and its list's items together.
PARAGRAPHS = """THÔNG BÁO

Tổ chức Lễ khai mạc Tuần lễ học tập suốt đời năm 2025.

Thành phần:
- Lãnh đạo UBND xã;
- Hiệu trưởng các trường.

Lộ trình:
- Trường Tiểu học Tân Hưng;
- đường Hoàng Hoa Thám.


Nơi nhận:
- Như trên.
"""


def test_a_text_with_a_blank_line_after_every_line_is_double_spaced() -> None:
    assert double_spaced(DOUBLE.split("\n"))
    assert "\n\n" not in single_spaced(DOUBLE)


def test_a_text_whose_paragraphs_alone_are_apart_is_kept_as_it_is() -> None:
    assert not double_spaced(PARAGRAPHS.split("\n"))
    assert single_spaced(PARAGRAPHS) == PARAGRAPHS


def test_two_blank_lines_still_part_a_double_spaced_text() -> None:
    text = "A.\n\nB.\n\n- C;\n\n- D.\n\n\nE."
    assert single_spaced(text) == "A.\nB.\n- C;\n- D.\n\n\nE."


def test_a_deadline_cut_by_a_blank_line_in_a_double_spaced_text_keeps_its_date() -> None:
    ex = extract(DOUBLE, "tb.txt")
    assert [str(d.due) for d in ex.deadlines] == ["2025-09-26"]
