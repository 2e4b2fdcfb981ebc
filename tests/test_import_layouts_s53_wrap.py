"""A plan copied out of a mail or a PDF's text layer, its paragraphs cut into lines of at most a fixed width with no
blank line between them (s53, wrap): a line cut inside a sentence, a street's or a person's name or before a
deadline's date goes on in the next line, while the lines that stand alone (the header, headings, labels, items,
one step per line, a signature block) keep theirs. Invented offices, streets and people; no corpus document."""

from __future__ import annotations

from paradeplan.importer.extract import extract
from paradeplan.importer.text import logical_lines

#: A notice cut at 76 columns, its paragraphs one after another with no blank line.
CUT = """ỦY BAN NHÂN DÂN
PHƯỜNG PHÚ MỸ LÂM
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
THÔNG BÁO
Về việc tổ chức đoàn xe diễu hành cổ động Tuần lễ học tập suốt đời năm 2024
I. THỜI GIAN, ĐỊA ĐIỂM
Đoàn xe tập trung lúc 6 giờ 45 phút, thứ Năm, ngày 03/10/2024 tại sân Nhà
văn hóa phường; xuất phát lúc 7 giờ 15 phút. Dự và phát động có bà Trần Thị
Hồng Nhung - Phó Chủ tịch UBND phường và ông Võ Minh Khôi - Chủ tịch Hội
Khuyến học phường cùng các em học sinh. Lộ trình: từ Nhà văn hóa phường theo
đường Trần Văn Giàu, rẽ phải vào đường Nguyễn Thị Sáu, đi thẳng đến giao lộ
Nguyễn Thị Sáu - Huỳnh Văn Một thì quay đầu, theo đường Nguyễn Thị Sáu về lại
Nhà văn hóa phường.
II. PHÂN CÔNG
- Các khu phố gửi danh sách người tham gia về Văn phòng UBND phường trước
17 giờ 00 ngày 27/9/2024.
- Hội Khuyến học chuẩn bị băng rôn theo mẫu đã gửi kèm (phần hướng dẫn, điểm
2) phụ lục), hoàn thành trong tuần.
Ghi chú: xe hoa của các trường đi sau xe loa, giữ khoảng cách 10 mét.
Lượt về:
Nguyễn Thị Sáu
Trần Văn Giàu
Nhà văn hóa phường
Nơi nhận:
- UBND quận;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Lâm Quốc Thái
"""


def test_a_cut_text_is_told_by_its_lines_filled_to_one_width() -> None:
    from paradeplan.importer.text import cut_width

    assert cut_width(CUT.split("\n")) == 77
    one_line = [" ".join(CUT.split("\n")[7:14])]
    assert cut_width(CUT.split("\n")[:7] + one_line + CUT.split("\n")[14:]) is None  # a paragraph on one line


def test_a_name_cut_at_the_line_end_goes_on_in_the_next_line() -> None:
    lines = logical_lines(CUT)
    said = next(ln for ln in lines if ln.startswith("Đoàn xe tập trung"))
    assert "bà Trần Thị Hồng Nhung - Phó Chủ tịch" in said
    assert "Chủ tịch Hội Khuyến học phường cùng" in said
    assert "giao lộ Nguyễn Thị Sáu - Huỳnh Văn Một thì quay đầu" in said
    for alone in (  # while the lines that stand alone keep theirs
        "PHƯỜNG PHÚ MỸ LÂM",
        "THÔNG BÁO",
        "II. PHÂN CÔNG",
        "Ghi chú: xe hoa của các trường đi sau xe loa, giữ khoảng cách 10 mét.",
        "Nguyễn Thị Sáu",
        "Trần Văn Giàu",
        "- UBND quận;",
        "- Lưu: VT.",
        "TM. ỦY BAN NHÂN DÂN",
        "Lâm Quốc Thái",
    ):
        assert alone in lines


def test_a_deadline_cut_before_its_hour_keeps_its_date() -> None:
    lines = logical_lines(CUT)
    assert "- Các khu phố gửi danh sách người tham gia về Văn phòng UBND phường trước 17 giờ 00 ngày 27/9/2024." in (
        lines
    )


def test_a_bracket_cut_before_its_number_goes_on() -> None:
    lines = logical_lines(CUT)
    assert any(ln.endswith("(phần hướng dẫn, điểm 2) phụ lục), hoàn thành trong tuần.") for ln in lines)


def test_the_route_of_a_cut_text_is_read_whole() -> None:
    ex = extract(CUT, "thongbao.txt")
    names = [r.name for r in ex.route]
    assert "Huỳnh Văn Một" not in names[:1]
    assert names[:3] == ["Nhà văn hóa phường", "Trần Văn Giàu", "Nguyễn Thị Sáu"]
    assert any("Huỳnh Văn Một" in n for n in names)
