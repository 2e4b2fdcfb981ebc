"""A plan's layout rewritten without changing what it says (s56, metamorphic): a text that puts a blank line
after every line reads as the same text without them; a text whose paragraphs alone are apart by blank lines keeps
them. Invented offices, streets and people; no corpus document."""

from __future__ import annotations

from paradeplan.importer.extract import extract
from paradeplan.importer.text import double_spaced, logical_lines, single_spaced

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
    body = single_spaced(DOUBLE).split("THÔNG BÁO")[1]  # (the header's lines stay as they are)
    assert "\n\n" not in body


def test_a_text_whose_paragraphs_alone_are_apart_is_kept_as_it_is() -> None:
    assert not double_spaced(PARAGRAPHS.split("\n"))
    assert single_spaced(PARAGRAPHS) == PARAGRAPHS


def test_two_blank_lines_still_part_a_double_spaced_text() -> None:
    text = "A.\n\nB.\n\n- C;\n\n- D.\n\n\nE."
    assert single_spaced(text) == "A.\nB.\n- C;\n- D.\n\n\nE."


def test_a_deadline_cut_by_a_blank_line_in_a_double_spaced_text_keeps_its_date() -> None:
    ex = extract(DOUBLE, "tb.txt")
    assert [str(d.due) for d in ex.deadlines] == ["2025-09-26"]


#: A plan whose paragraphs were cut at 80 columns, apart by blank lines; one paragraph's lines were cut at 100 first
#: and then again at 80 (a PDF's lines wrapped twice); a programme's rows follow one another.
CUT_TWICE = """KẾ HOẠCH

Diễu hành xe hoa tuyên truyền Tuần lễ học tập suốt đời năm 2025 trên địa bàn xã

Thực hiện Kế hoạch số 77/KH-UBND ngày 12/9/2025 của Ủy ban nhân dân huyện về tổ
chức Tuần lễ hưởng ứng học tập suốt đời năm 2025, Ủy ban nhân dân xã Bình Mỹ xây
dựng Kế hoạch diễu hành xe hoa tuyên truyền trên địa bàn xã như sau đây.

1. Thời gian: 7 giờ 30, thứ Bảy, ngày 04/10/2025, tập trung tại sân Trường Tiểu
học Bình Mỹ trước 7 giờ 00 để Công an xã kiểm tra và xếp đội hình đoàn xe hoa.

2. Lộ trình
Đoàn xe xuất phát từ Trường Tiểu học Bình Mỹ, lưu thông trên Quốc lộ 22 theo
hướng cầu Rạch Tra đến Ngã 3
Bến Đò thì quay đầu, tiếp tục theo Quốc lộ 22 về hướng chợ, rẽ phải vào đường
Bùi Văn Ngữ, rẽ trái vào
đường Lê Thị Kim, trở về Trường Tiểu học Bình Mỹ và kết thúc lúc 9 giờ 30 phút.

3. Chương trình lễ ra quân tại sân trường:
07g00 Ổn định đội hình, văn nghệ chào mừng do học sinh các lớp 5 biểu diễn
07g15 Chào cờ, hát Quốc ca, phát biểu của đại diện Ủy ban nhân dân xã Bình Mỹ
07g25 Phát lệnh xuất phát đoàn xe hoa tuyên truyền lưu động trên địa bàn xã

4. Phân công
Công an xã bố trí 02 xe mô tô dẫn đường và 01 tổ xử lý sự cố trên toàn lộ trình.
"""


def test_the_rest_of_a_line_cut_twice_goes_on_in_the_next() -> None:
    lines = logical_lines(CUT_TWICE)
    assert any("đến Ngã 3 Bến Đò thì quay đầu" in ln for ln in lines)
    assert any("rẽ trái vào đường Lê Thị Kim" in ln for ln in lines)
    assert "4. Phân công" in lines


def test_a_programmes_next_row_is_no_rest_of_the_row_above() -> None:
    lines = logical_lines(CUT_TWICE)
    assert any(ln.startswith("07g15 Chào cờ") for ln in lines)
    assert any(ln.startswith("07g25 Phát lệnh") for ln in lines)


#: A ward's plan whose long sentence a PDF cut inside a person's four-word name.
NAME_CUT = """KẾ HOẠCH
Chương trình: văn nghệ; diễn văn khai mạc của đồng chí Lâm Văn Tư - Chủ tịch UBND xã; bà Đặng Thị Mỹ
Linh - Phó Chủ tịch UBND xã trao giấy khen cho các gia đình học tập.
"""


def test_a_four_word_name_cut_after_its_third_word_goes_on() -> None:
    lines = logical_lines(NAME_CUT)
    assert any("bà Đặng Thị Mỹ Linh - Phó Chủ tịch UBND xã" in ln for ln in lines)


#: A plain-text export (pandoc's): paragraphs wrapped at 72 characters with no blank inside them, and a blank
#: line between paragraphs and between a list's items, so that it counts as double-spaced.
EXPORTED = """SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH AN LẠC

KẾ HOẠCH

Tổ chức Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2025

Thực hiện Kế hoạch của Ủy ban nhân dân tỉnh về tổ chức Tuần lễ hưởng ứng
học tập suốt đời năm 2025, Sở Giáo dục và Đào tạo xây dựng Kế hoạch tổ
chức Lễ khai mạc như sau:

I. THỜI GIAN, ĐỊA ĐIỂM

Lễ khai mạc cấp tỉnh được tổ chức lúc 07 giờ 30 ngày 01/10/2025 tại Trường
THPT Chuyên An Lạc, phường Bình Minh.

II. NHIỆM VỤ

- Phòng Giáo dục thường xuyên chuẩn bị nội dung;

- Văn phòng Sở bố trí âm thanh;

- Các trường gửi danh sách đại biểu trước ngày 25/9/2025.
"""


def test_an_exported_texts_title_stays_apart_from_the_paragraph_below() -> None:
    """In a text that wraps its own paragraphs, a blank line after an unfinished line (a title) parts two
    paragraphs: the title is not read as the first words of the sentence below; the list's items still close up."""
    text = single_spaced(EXPORTED)
    assert "năm 2025\n\nThực hiện Kế hoạch" in text
    assert "chuẩn bị nội dung;\n- Văn phòng Sở" in text
    lines = logical_lines(text)
    assert "Tổ chức Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2025" in lines
