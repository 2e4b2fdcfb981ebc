"""Layouts met on the blind sets heldout59/60 and the session's others, each written here in variants (other names,
days and places; no corpus document): a numbered list of streets under "lần lượt đi theo các tuyến:" whose last
item ends the column in prose, a reply mail whose earlier mails are quoted below it, a section written in capitals,
and a letter after the week telling a parade in the past tense."""

from __future__ import annotations

import pytest

from imported import ceremonies_of, plan_data, wishes_of
from paradeplan.importer.extract import extract
from paradeplan.importer.text import clean

# -- a numbered list of streets whose last item ends the column ---------------------------------------------------
LISTED = (
    "ỦY BAN NHÂN DÂN\nPHƯỜNG AN HỘI TÂY\nSố: 40/PA-CAP\nAn Hội Tây, ngày 20 tháng 9 năm 2025\nPHƯƠNG ÁN\n"
    "Bảo đảm trật tự giao thông đoàn diễu hành Tuần lễ hưởng ứng học tập suốt đời năm 2025\n"
    "1. Thời gian: 7 giờ 00 ngày 04/10/2025.\n"
    "2. Lộ trình\n"
    "Đoàn xuất phát từ Công viên Làng Hoa Gò Vấp, {verb}:\n"
    "1) Nguyễn Văn Lượng;\n2) Phan Văn Trị;\n3) Lê Đức Thọ;\n"
    "4) Lê Văn Thọ, {last}\n"
    "Tổng chiều dài khoảng 5 km.\n"
    "3. Lực lượng: 01 xe ô tô dẫn đoàn, 04 xe mô tô CSGT, 04 xe hoa.\n"
)


@pytest.mark.parametrize(
    ("verb", "last"),
    [
        ("lần lượt đi theo các tuyến", "đến Chợ An Nhơn thì dừng, giải tán."),
        ("đi qua các tuyến đường", "tới Chợ An Nhơn thì dừng lại."),
    ],
)
def test_a_numbered_list_of_streets_whose_last_item_ends_the_column(verb: str, last: str) -> None:
    ex = extract(LISTED.format(verb=verb, last=last), "pa.txt")
    assert [s.name for s in ex.route] == [
        "Công viên Làng Hoa Gò Vấp",
        "Nguyễn Văn Lượng",
        "Phan Văn Trị",
        "Lê Đức Thọ",
        "Lê Văn Thọ",
        "Chợ An Nhơn",
    ]
    assert ex.route[-1].end and ex.route[-1].kind == "place"


# -- a reply and the earlier mails quoted below it -----------------------------------------------------------------
REPLY = (
    "Từ: Văn phòng UBND phường Hạnh Thông <vp.hanhthong@tphcm.gov.vn>\n"
    "Ngày gửi: Thứ Năm, 25/9/2025 15:10\n"
    "Tiêu đề: {subject} Lịch Lễ khai mạc Tuần lễ HTSĐ 2025\n"
    "\n"
    "Kính gửi các đơn vị,\n"
    "{body}\n"
    "Trân trọng,\nNguyễn Thị Thu\n"
    "\n"
    "{marker}\n"
    "From: Văn phòng UBND phường Hạnh Thông\n"
    "Sent: 20/9/2025 09:00\n"
    "> Lịch dự kiến: Lễ khai mạc lúc 8g00 ngày 03/10/2025 tại Trường THCS Nguyễn Văn Trỗi, mời đ/c Lê Văn Nam dự.\n"
    "> Hạn gửi danh sách: 24/9/2025.\n"
)
OWN = (
    "Văn phòng chốt lịch như sau (thay cho mail trước):\n"
    "- Lễ khai mạc Tuần lễ: 7g30 thứ Năm, ngày 02/10/2025 tại Hội trường UBND phường Hạnh Thông. Dự lễ có đ/c "
    "Trần Minh Quân – Chủ tịch UBND phường.\n"
    "- Các đơn vị gửi danh sách đại biểu trước 10g ngày 29/9/2025.\n"
)


@pytest.mark.parametrize("marker", ["-----Original Message-----", "----- Thư gốc -----"])
def test_a_reply_that_says_the_plan_leaves_out_the_earlier_mails(marker: str) -> None:
    data = plan_data(REPLY.format(subject="RE:", body=OWN, marker=marker), "mail.txt")
    assert ceremonies_of(data) == [("2025-10-02", "07:30", "Hội trường UBND phường Hạnh Thông")]
    assert list(wishes_of(data)) == ["Trần Minh Quân"]
    assert [str(d["due"]) for d in data.get("deadlines") or []] == ["2025-09-29"]


def test_a_forward_keeps_the_mail_it_forwards() -> None:
    said = REPLY.format(
        subject="FW:",
        body="Văn phòng chuyển lịch dưới đây để các đơn vị triển khai.",
        marker="-----Original Message-----",
    )
    assert "Trường THCS Nguyễn Văn Trỗi" in clean(said)
    assert ceremonies_of(plan_data(said, "mail.txt")) == [("2025-10-03", "08:00", "Trường THCS Nguyễn Văn Trỗi")]


# -- a section written in capitals ------------------------------------------------------------------------------
CAPITALS = (
    "ỦY BAN NHÂN DÂN\nHUYỆN THỌ XUÂN\nSố: 150/KH-UBND\nThọ Xuân, ngày 16 tháng 9 năm 2024\nKẾ HOẠCH\n"
    "Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2024\n"
    "II. LỄ KHAI MẠC CẤP HUYỆN\n"
    "1. THỜI GIAN: 8 GIỜ 00 PHÚT, THỨ TƯ, NGÀY 02-10-2024.\n"
    "2. ĐỊA ĐIỂM: HỘI TRƯỜNG TRUNG TÂM VĂN HÓA - THỂ THAO HUYỆN THỌ XUÂN.\n"
    "3. THÀNH PHẦN: ĐỒNG CHÍ HOÀNG VĂN TRƯỜNG, PHÓ CHỦ TỊCH UBND HUYỆN (CHỦ TRÌ); ĐỒNG CHÍ LÊ THỊ THẮNG, TRƯỞNG "
    "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO; ĐẠI DIỆN CÁC PHÒNG, BAN, NGÀNH.\n"
    "III. TỔ CHỨC THỰC HIỆN\n"
    "Phòng Giáo dục và Đào tạo chuẩn bị khánh tiết trước ngày 30/9/2024.\n"
)


def test_fields_written_in_capitals_keep_their_names_and_the_people_in_them() -> None:
    lines = clean(CAPITALS).split("\n")
    assert "2. ĐỊA ĐIỂM: HỘI TRƯỜNG TRUNG TÂM VĂN HÓA - THỂ THAO HUYỆN THỌ XUÂN." in lines  # names no person: kept
    said = next(ln for ln in lines if ln.startswith("3. THÀNH PHẦN:"))
    assert "Đồng chí Hoàng Văn Trường, phó chủ tịch UBND huyện" in said  # a name's "Trường" is no school
    assert "đồng chí Lê Thị Thắng, trưởng phòng" in said.replace("Đồng chí Lê", "đồng chí Lê")
    assert "II. LỄ KHAI MẠC CẤP HUYỆN" in lines  # a heading stays as written
    data = plan_data(CAPITALS, "kh.txt")
    [(day, start, venue)] = ceremonies_of(data)
    assert (day, start) == ("2024-10-02", "08:00")
    assert sorted(wishes_of(data)) == ["Hoàng Văn Trường", "Lê Thị Thắng"]


# -- a letter after the week telling the parade in the past tense --------------------------------------------------
def test_a_parade_told_as_before_the_letters_date_is_no_parade_to_plan() -> None:
    text = (
        "UBND THÀNH PHỐ LONG XUYÊN\nPHÒNG GIÁO DỤC VÀ ĐÀO TẠO\nSố: 900/PGDĐT\n"
        "Long Xuyên, ngày 14 tháng 10 năm 2024\n"
        "V/v đôn đốc báo cáo kết quả Tuần lễ hưởng ứng học tập suốt đời năm 2024\n"
        "Tuần lễ đã diễn ra từ ngày 01/10 đến ngày 07/10/2024. Lễ khai mạc đã tổ chức lúc 7g ngày 01/10 tại Trường "
        "THCS Thoại Ngọc Hầu; đoàn xe đạp của học sinh đã diễu hành lúc 8g cùng ngày (01/10) qua các đường Trần "
        "Hưng Đạo, Hà Hoàng Hổ, Lý Thái Tổ.\n"
        "Các đơn vị chưa gửi báo cáo khẩn trương gửi trước 16g00 ngày 18/10/2024.\n"
    )
    ex = extract(text, "cv.txt")
    assert ex.route == [] and ex.departure_time is None


# -- a police plan copied out of a PDF: its footer, hard wraps and a table laid out with spaces -------------------
COPIED = (
    "CÔNG AN PHƯỜNG BẢY HIỀN          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Số: 51/PA-CAP                     Bảy Hiền, ngày 20 tháng 9 năm 2025\n"
    "PHƯƠNG ÁN\nBảo đảm trật tự an toàn giao thông đoàn diễu hành Tuần lễ hưởng ứng học tập suốt đời\n"
    "1. Thời gian: sáng thứ Sáu, ngày 03/10/2025, tập trung lúc 6h30 tại Công viên Hoàng Văn Thụ, 7h00 xuất phát.\n"
    "2. Quy mô: khoảng 300 người đi bộ; bốn (04) xe hoa của các trường và các khu phố, đi chậm theo đội hình; một\n"
    "(01) xe ô tô phát thanh lưu động.\n"
    "3. Lộ trình:\n"
    "- Xuất phát tại Công viên Hoàng Văn Thụ, đi theo đường Hoàng Văn Thụ khoảng 100 m;\n"
    "- Rẽ phải vào đường Phạm Văn Hai;\n"
    "- Đến cuối đường rẽ phải vào đường Cách Mạng Tháng Tám, đi thẳng một đoạn dài đến Ngã tư Bảy\n"
    "\n"
    "CAP BẢY HIỀN – PA số 51/PA-CAP ngày 20/9/2025                              Trang 1/2\n"
    "\n"
    "Hiền;\n"
    "- Rẽ phải vào đường Hoàng Văn Thụ, về Công viên Hoàng Văn Thụ, giải tán.\n"
    "II. BỐ TRÍ LỰC LƯỢNG\n"
    "Chốt   Vị trí                                   Lực lượng    Chỉ huy\n"
    "01     Cổng Công viên Hoàng Văn Thụ             06 đ/c       Đại úy Lê Văn Tâm\n"
    "02     Ngã tư Bảy Hiền                          08 đ/c       Thiếu tá Trần Minh Khôi\n"
    "Phương tiện:\n"
    "- 01 (một) xe ô tô tuần tra dẫn đoàn;\n"
    "- 04 (bốn) xe mô tô tuần tra đi hai bên đoàn.\n"
)


def test_a_plan_copied_from_a_pdf_keeps_its_route_across_the_footer_and_reads_its_tables_and_counts() -> None:
    ex = extract(COPIED, "pa.txt")
    names = [s.name for s in ex.route]
    assert names[0] == "Công viên Hoàng Văn Thụ" and names[-1] == "Công viên Hoàng Văn Thụ"
    assert [n for n in names[1:-1] if "Ga" not in n and "Ngã" not in n] == [
        "Hoàng Văn Thụ",
        "Phạm Văn Hai",
        "Cách Mạng Tháng Tám",
        "Hoàng Văn Thụ",
    ]
    assert not any("Chốt" in n or "đ/c" in n for n in names)  # the posts' table is no step
    assert sorted((f.kind, f.count) for f in ex.forces) == [
        ("float", 4),
        ("loudspeaker", 1),
        ("motorbike", 4),
        ("police_car", 1),
    ]


# -- a scan's damage: "ưo" for "ươ", words hyphenated at a line's end ------------------------------------------
def test_a_scans_wrong_horn_and_a_word_hyphenated_across_lines_are_mended() -> None:
    from paradeplan.importer.text import logical_lines

    text = clean(
        "Lộ trình: Từ Trụ sở UBND phưòng Thới An theo đường Nguyễn Ảnh Thủ, rẽ trái vào đường Lê Văn Khư-\n"
        "ơng, về lại Trụ sở UBND phưòng Thới An, giải tán.\n"
    )
    [line] = logical_lines(text)
    assert "Lê Văn Khương" in line and "phường Thới An" in line and "ư" + "ò" not in line


# -- an amendment: the old value and the new, a new route after a sentence ------------------------------------------
AMENDED = (
    "ỦY BAN NHÂN DÂN\nPHƯỜNG AN NHƠN\nSố: 70/TB-UBND\nAn Nhơn, ngày 24 tháng 9 năm 2025\nTHÔNG BÁO\n"
    "Điều chỉnh một số nội dung Kế hoạch số 55/KH-UBND về Tuần lễ hưởng ứng học tập suốt đời năm 2025\n"
    "1. Thời gian diễu hành\n"
    "- Nội dung cũ: 7 giờ 00, thứ Tư, ngày 01/10/2025, xuất phát tại trụ sở UBND phường.\n"
    "- Nay điều chỉnh: 15 giờ 30, thứ Bảy, ngày 04/10/2025; lực lượng tham gia tập trung lúc 15 giờ 00 tại Chợ An "
    "Nhơn.\n"
    "2. Lộ trình\n"
    "Điểm xuất phát điều chỉnh từ trụ sở UBND phường về Chợ An Nhơn. Lộ trình mới:\n"
    "- Từ Chợ An Nhơn đi theo đường Lê Đức Thọ hướng về Phan Văn Trị;\n"
    "- Rẽ phải vào đường Phan Văn Trị;\n"
    "- Rẽ trái vào đường Nguyễn Oanh, đến Trường THPT Nguyễn Trung Trực thì kết thúc.\n"
)


def test_an_amendment_plans_its_new_values_and_its_new_route() -> None:
    ex = extract(AMENDED, "tb.txt")
    assert [s.name for s in ex.route] == [
        "Chợ An Nhơn",
        "Lê Đức Thọ",
        "Phan Văn Trị",
        "Nguyễn Oanh",
        "Trường THPT Nguyễn Trung Trực",
    ]
    assert str(ex.assembly_time) == "15:00:00"
    assert "07:00" not in {str(ex.assembly_time)[:5], str(ex.departure_time)[:5]}


# -- ceremonies of clusters under a heading and an intro line; a table of rows labelled cell by cell --------------
def test_cluster_ceremonies_below_an_intro_line_and_rows_of_labelled_cells() -> None:
    clusters = (
        "UBND HUYỆN VŨ THƯ\nSố: 90/KH-UBND\nVũ Thư, ngày 16 tháng 9 năm 2024\nKẾ HOẠCH\n"
        "Tổ chức Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2024\n"
        "II. NỘI DUNG\n"
        "2. Lễ khai mạc tại hai (02) cụm xã\n"
        "Mỗi cụm chọn một điểm tổ chức, các xã trong cụm cử đại biểu dự:\n"
        "- Cụm 1 (các xã Tân Hòa, Tân Phong, Phúc Thành): 14h00 ngày 01/10/2024 tại Trung tâm học tập cộng đồng xã "
        "Tân Hòa.\n"
        "- Cụm 2 (các xã Song An, Trung An): lúc 8 giờ ngày 03/10/2024 tại Nhà văn hóa thôn Thượng Hộ, xã Song An.\n"
    )
    data = plan_data(clusters, "kh.txt")
    assert [(d, t) for d, t, _v in ceremonies_of(data)] == [("2024-10-01", "14:00"), ("2024-10-03", "08:00")]
    rows = (
        "UBND XÃ GIAO THỦY\nSố: 40/KH-UBND\nGiao Thủy, ngày 18 tháng 9 năm 2023\nKẾ HOẠCH\n"
        "2. Lễ khai mạc Tuần lễ tại các điểm\n"
        "Lễ khai mạc được tổ chức tại các cơ sở giáo dục theo bảng sau:\n"
        "| STT | Địa điểm | Thời gian | Lãnh đạo xã dự |\n"
        "| 1 | Trường Mầm non Giao Thủy | 7g00, Thứ Hai, 02/10/2023 | Đ/c Lê Thị Mai - Phó Chủ tịch UBND xã |\n"
        "| 2 | Trường THCS Giao Thủy | lúc 15 giờ, chiều 04/10/2023 | Đ/c Lê Thị Mai - Phó Chủ tịch UBND xã |\n"
        "Trường hợp đồng chí Lê Thị Mai bận công tác huyện, đồng chí Phạm Văn Tùng - Chủ tịch Hội Khuyến học xã dự "
        "thay tại Trường THCS Giao Thủy.\n"
    )
    data = plan_data(rows, "kh.txt")
    assert [(d, t) for d, t, _v in ceremonies_of(data)] == [("2023-10-02", "07:00"), ("2023-10-04", "15:00")]
    assert [k for k in wishes_of(data) if "Phạm Văn Tùng" in k] == []  # only if Mai cannot: no stand-in planned


# -- a letter that postpones what it names without a new day -----------------------------------------------------
def test_a_letter_postponing_what_was_planned_for_a_day_is_nothing_to_plan() -> None:
    from paradeplan.errors import InputError

    text = (
        "ỦY BAN NHÂN DÂN\nXÃ YÊN THÀNH\nSố: 12/TB-UBND\nYên Thành, ngày 29 tháng 9 năm 2025\nTHÔNG BÁO\n"
        "Về việc hoãn tổ chức Lễ khai mạc và diễu hành cổ động Tuần lễ hưởng ứng học tập suốt đời năm 2025\n"
        "1. Hoãn tổ chức Lễ khai mạc và diễu hành cổ động đã dự kiến vào lúc 7h30 thứ Tư, ngày 01/10/2025 tại sân "
        "vận động xã. Thời gian tổ chức lại sẽ có thông báo sau.\n"
        "2. Các thôn báo cáo thiệt hại do mưa lũ trước 17 giờ ngày 30/9/2025.\n"
    )
    with pytest.raises(InputError):
        plan_data(text, "tb.txt")


def test_names_in_capitals_inside_a_line_written_in_lower_case_and_a_fair_as_the_start() -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nQUẬN TÂN BÌNH\nSố: 300/KH-UBND\nTân Bình, ngày 15 tháng 9 năm 2022\nKẾ HOẠCH\n"
        "1. LỄ KHAI MẠC\n"
        "- THỜI GIAN: 07 GIỜ 00, THỨ BẢY, NGÀY 01/10/2022.\n"
        "- ĐỊA ĐIỂM: HỘI CHỢ TRIỂN LÃM TÂN BÌNH (446 HOÀNG VĂN THỤ).\n"
        "- THÀNH PHẦN: khoảng 500 đại biểu; đồng chí LÊ VĂN KHOA, Phó Chủ tịch UBND quận, phát biểu khai mạc; bà "
        "PHAN THỊ HỒNG, Trưởng Phòng Giáo dục và Đào tạo quận, báo cáo kết quả.\n"
        "2. DIỄU HÀNH\n"
        "- LỘ TRÌNH: HỘI CHỢ TRIỂN LÃM TÂN BÌNH – HOÀNG VĂN THỤ – CỘNG HÒA – TRƯỜNG CHINH – KẾT THÚC TẠI CHỢ VÕ THÀNH "
        "TRANG.\n"
    )
    ex = extract(text, "kh.txt")
    assert [s.kind for s in ex.route] == ["place", "street", "street", "street", "place"]
    assert ex.route[0].name.lower() == "hội chợ triển lãm tân bình"
    assert sorted(wishes_of(plan_data(text, "kh.txt"))) == ["Lê Văn Khoa", "Phan Thị Hồng"]


# -- a police plan: a timed day, a route told in three paragraphs, the column's make-up under its heading -------
POLICE = (
    "CÔNG AN QUẬN 12\nĐỘI CẢNH SÁT GIAO THÔNG\nSố: 77/PA-CSGT\nQuận 12, ngày 25 tháng 9 năm 2024\nPHƯƠNG ÁN\n"
    "I. TÌNH HÌNH\n"
    "1. Thời gian\n"
    "Sáng Chủ nhật, ngày 6 tháng 10 năm 2024:\n"
    "- Lúc 6 giờ 15 phút: các xe hoa, xe loa tập trung tại sân Trường THCS Nguyễn Ảnh Thủ.\n"
    "- Lúc 6 giờ 45: Lễ ra quân; đ/c Võ Minh Hải, Phó Chủ tịch UBND Quận 12 phát biểu.\n"
    "- 7 giờ 15 phút: đoàn xe bắt đầu diễu hành.\n"
    "2. Lộ trình\n"
    "Đoàn xuất phát từ Trường THCS Nguyễn Ảnh Thủ, đi thẳng đường Nguyễn Ảnh Thủ theo hướng về Hiệp Thành. Đến "
    "ngã tư Nguyễn Ảnh Thủ - Lê Văn Khương, đoàn rẽ phải vào đường Lê Văn Khương.\n"
    "\n"
    "Đi hết đường Lê Văn Khương, đoàn rẽ trái ra đường Hà Huy Giáp (lưu ý: không đi đường Thạnh Xuân 13).\n"
    "\n"
    "Tới Chợ Thạnh Xuân thì dừng lại, các xe giải tán.\n"
    "3. Quy mô\n"
    "- 09 xe hoa (01 xe của Quận, 08 xe của các phường), 01 xe loa tuyên truyền.\n"
    "II. LỰC LƯỢNG\n"
    "1. Phương tiện:\n"
    "- 02 xe ô tô tuần tra CSGT;\n"
    "- 08 xe mô tô CSGT hộ tống.\n"
    "2. Bố trí chốt (lực lượng có mặt lúc 5 giờ 45):\n"
    "- Chốt 1: ngã tư Nguyễn Ảnh Thủ - Lê Văn Khương.\n"
)


def test_a_timed_day_a_route_over_three_paragraphs_and_the_columns_make_up_under_its_heading() -> None:
    ex = extract(POLICE, "pa.txt")
    assert [s.name for s in ex.route] == [
        "Trường THCS Nguyễn Ảnh Thủ",
        "Nguyễn Ảnh Thủ",
        "Lê Văn Khương",
        "Hà Huy Giáp",
        "Chợ Thạnh Xuân",
    ]
    assert (str(ex.assembly_time), str(ex.departure_time)) == ("06:15:00", "07:15:00")  # not the posts' 5 giờ 45
    assert sorted((f.kind, f.count) for f in ex.forces if f.kind in ("float", "loudspeaker")) == [
        ("float", 1),
        ("float", 8),
        ("loudspeaker", 1),
    ]
    [c] = ex.events.ceremonies
    assert (str(c.time), c.place) == ("06:45:00", "Trường THCS Nguyễn Ảnh Thủ")  # held where the column gathers


# -- a way out and a way back in two numbered lists; a U-turn junction and the street turned back on --------------
def test_a_way_out_and_a_way_back_in_two_lists_and_a_u_turn_before_the_same_street() -> None:
    text = (
        "KẾ HOẠCH\nDiễu hành cổ động Tuần lễ hưởng ứng học tập suốt đời năm 2025\n"
        "Thời gian: 8 giờ, ngày 04/10/2025.\n"
        "2. Lộ trình diễu hành\n"
        "a) Lượt đi (khoảng 4 km):\n"
        "1. Xuất phát tại sân UBND phường Thới An (đường Lê Văn Khương).\n"
        "2. Đi theo đường Lê Văn Khương.\n"
        "3. Rẽ trái vào đường Hà Huy Giáp.\n"
        "4. Theo Hà Huy Giáp đến Chợ Thạnh Xuân, vòng qua bãi xe để quay lại.\n"
        "\n"
        "b) Lượt về (khoảng 4 km):\n"
        "1. Từ Chợ Thạnh Xuân đi ngược lại đường Hà Huy Giáp.\n"
        "2. Rẽ phải vào đường Lê Văn Khương.\n"
        "3. Về lại sân UBND phường Thới An, kết thúc.\n"
    )
    names = [s.name for s in extract(text, "kh.txt").route]
    assert names == [
        "UBND phường Thới An",
        "Lê Văn Khương",
        "Hà Huy Giáp",
        "Chợ Thạnh Xuân",
        "Hà Huy Giáp",
        "Lê Văn Khương",
        "UBND phường Thới An",
    ]
    notice = (
        "CÔNG AN PHƯỜNG 13\nSố: 12/TB-CAP\nPhường 13, ngày 01 tháng 10 năm 2024\nTHÔNG BÁO\n"
        "Về việc tạm dừng, phân luồng giao thông phục vụ diễu hành cổ động Tuần lễ học tập suốt đời\n"
        "1. Thời gian: sáng Chủ nhật 6/10, các xe tập trung lúc 6g30 tại Công viên Hoàng Văn Thụ, đoàn lăn bánh "
        "lúc 7g00.\n"
        "2. Lộ trình: Công viên Hoàng Văn Thụ – Hoàng Văn Thụ – Trường Chinh – quay đầu tại Ngã ba Âu Cơ – Trường "
        "Chinh – Cộng Hòa – Hoàng Văn Thụ – Công viên Hoàng Văn Thụ (giải tán).\n"
        "3. Tập dượt đội hình lúc 19g00 tối thứ Sáu 4/10 tại sân trường.\n"
    )
    ex = extract(notice, "tb.txt")
    assert [s.name for s in ex.route][2:6] == ["Trường Chinh", "Ngã ba Âu Cơ", "Trường Chinh", "Cộng Hòa"]
    assert (str(ex.assembly_time), str(ex.departure_time)) == ("06:30:00", "07:00:00")  # traffic held, no call-off


# -- a chat that changes its hours, an official by given name ----------------------------------------------------
def test_a_chat_that_changes_its_hours_and_sends_officials_by_their_given_names() -> None:
    chat = (
        "[Nhóm Zalo] UBND xã Yên Sơn - trưởng thôn\n"
        "Văn phòng UBND xã (08:10, 26/09/2025)\n"
        "Lịch khai mạc Tuần lễ hưởng ứng học tập suốt đời 2025, cụ thể:\n"
        "1) Khai mạc cấp xã: 7h30 sáng thứ Tư 1/10, tại Trung tâm học tập cộng đồng xã Yên Sơn. Đ/c Hà Văn Quý - "
        "Chủ tịch UBND xã dự và phát biểu; đ/c Lò Thị Sen - PCT UBND xã dự cùng.\n"
        "2) Đ/c Quý dự tại Trung tâm học tập cộng đồng xã, sau đó dự khai mạc tại Nhà văn hóa thôn Nà Đon lúc 9h15 "
        "cùng ngày.\n"
        "3) Trường THCS Yên Sơn khai mạc lúc 14h00 chiều 1/10 tại sân trường; đ/c Sen dự.\n"
        "Trưởng thôn Nà Đon (10:05, 26/09/2025)\n"
        "Xin lùi giờ khai mạc ở thôn sang 9h30 để bà con kịp ạ.\n"
        "Văn phòng UBND xã (10:20, 26/09/2025)\n"
        "Đồng ý: Nà Đon khai mạc 9h30 (không phải 9h15). Các nội dung khác giữ nguyên.\n"
    )
    data = plan_data(chat, "zalo.txt")
    assert [t for _d, t, _v in ceremonies_of(data)] == ["07:30", "09:30", "14:00"]
    wishes = wishes_of(data)
    assert wishes["Hà Văn Quý"][1] == "Nhà văn hóa thôn Nà Đon"
    assert len(wishes["Lò Thị Sen"]) == 2 and "Sen" not in wishes and "Quý" not in wishes


# -- an invitation: its blank addressee, who attends, a programme table's slots ------------------------------------
def test_an_invitation_with_a_blank_addressee_its_guests_and_a_programme_of_slots() -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nPHƯỜNG PHÚ XUÂN\nSố: 80/GM-UBND\nPhú Xuân, ngày 22 tháng 9 năm 2025\nGIẤY MỜI\n"
        "Kính gửi: ..........................................\n"
        "Ủy ban nhân dân phường Phú Xuân trân trọng kính mời Ông (Bà) đến dự Lễ khai mạc Tuần lễ hưởng ứng học tập "
        "suốt đời năm 2025.\n"
        "Thời gian: lúc 8 giờ 00, thứ Năm, ngày 02 tháng 10 năm 2025.\n"
        "Địa điểm: Trường THCS Phú Xuân, phường Phú Xuân, thành phố Huế.\n"
        "Buổi lễ có sự tham dự của đồng chí Nguyễn Văn Phương, Phó Chủ tịch Ủy ban nhân dân thành phố; đồng chí Lê "
        "Thị Hoa, Chủ tịch Ủy ban nhân dân phường, phát biểu khai mạc.\n"
        "Chương trình:\n"
        "| Thời gian | Nội dung | Thực hiện |\n"
        "| 07h30 – 08h00 | Đón tiếp đại biểu | Văn phòng |\n"
        "| 08h00 – 08h20 | Diễn văn khai mạc | Chủ tịch UBND phường |\n"
        "| 08h20 – 08h40 | Phát động Tuần lễ, bế mạc | Ban Tổ chức |\n"
        "Đại biểu có mặt lúc 7 giờ 45 để đón tiếp.\n"
    )
    data = plan_data(text, "gm.txt")
    assert ceremonies_of(data) == [("2025-10-02", "08:00", "Trường THCS Phú Xuân")]
    assert sorted(wishes_of(data)) == ["Lê Thị Hoa", "Nguyễn Văn Phương"]  # not "Ông", the blank's addressee


# -- an Excel schedule pasted into a mail: cells wrap onto lines of their own ---------------------------------------
def test_a_tab_separated_schedule_whose_cells_wrap_onto_lines_of_their_own() -> None:
    text = (
        "ỦY BAN NHÂN DÂN PHƯỜNG TÂN SƠN NHẤT\nVĂN PHÒNG HĐND VÀ UBND\nLỊCH CÔNG TÁC TUẦN\n"
        "(Từ ngày 29/9/2025 đến ngày 05/10/2025)\n\n"
        "STT\tThứ, ngày\tThời gian\tNội dung công việc\tĐịa điểm\tChủ trì / Lãnh đạo dự\n"
        "1\tThứ Hai\t14g00\tKiểm tra công tác chuẩn bị Lễ khai mạc,\tTTHTCĐ phường\tđ/c Phan Thị Yến\n"
        "\t29/9\t\ttổng duyệt chương trình văn nghệ\t\t\n"
        '2\tThứ Tư\t07g30\tLễ khai mạc "Tuần lễ hưởng ứng học tập\tTrung tâm học tập cộng đồng\tđ/c Võ Văn Lực – Chủ '
        "tịch UBND phường; đ/c Phan Thị\n"
        '\t01/10\t\tsuốt đời" năm 2025\tphường Tân Sơn Nhất\tYến – PCT UBND phường\n'
        '3\tThứ Sáu\t15:00\tLễ phát động phong trào "Gia đình học tập"\tHội trường khu phố 3\tđ/c Phan Thị Yến\n'
        "\t03/10\t\t\t(đường Bạch Đằng)\t\n"
    )
    data = plan_data(text, "lich.txt")
    got = ceremonies_of(data)
    assert [(d, t) for d, t, _v in got] == [("2025-10-01", "07:30"), ("2025-10-03", "15:00")]  # no inspection
    assert got[0][2].startswith("Trung tâm học tập cộng đồng phường Tân Sơn Nhất")
    assert sorted(wishes_of(data)) == ["Phan Thị Yến", "Võ Văn Lực"]  # one person, her name cut over two lines


# -- the points of a ceremony held at one hour, one item each ----------------------------------------------------
def test_the_points_of_a_ceremony_held_at_the_hour_their_intro_gives() -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nPHƯỜNG AN HỘI ĐÔNG\nSố: 33/TB-UBND\nAn Hội Đông, ngày 26 tháng 9 năm 2025\nTHÔNG BÁO\n"
        "3. Các điểm tổ chức Lễ phát động tại khu phố\n"
        "Kế hoạch dự kiến 05 điểm; nay còn 02 điểm, tổ chức cùng lúc 8 giờ 00, Chủ nhật, ngày 05/10/2025:\n"
        "a) Điểm 1: Trường Tiểu học Nguyễn Thượng Hiền – đ/c Lê Hoài Nam, Phó Chủ tịch UBND phường dự, phát động;\n"
        "b) Điểm 2: Nhà văn hóa khu phố 4 – đ/c Trần Mỹ Lệ, Chủ tịch Ủy ban MTTQ phường dự, phát động.\n"
        "4. Các khu phố gửi danh sách về Văn phòng trước ngày 02/10/2025.\n"
    )
    data = plan_data(text, "tb.txt")
    assert ceremonies_of(data) == [
        ("2025-10-05", "08:00", "Nhà văn hóa khu phố 4"),
        ("2025-10-05", "08:00", "Trường Tiểu học Nguyễn Thượng Hiền"),
    ]
    assert wishes_of(data) == {
        "Lê Hoài Nam": ["Trường Tiểu học Nguyễn Thượng Hiền"],
        "Trần Mỹ Lệ": ["Nhà văn hóa khu phố 4"],
    }


# -- a route given only in an annex, as the junctions the column passes ---------------------------------------------
def test_a_route_in_an_annex_as_the_junctions_the_column_passes() -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nQUẬN GÒ VẤP\nSố: 300/KH-UBND\nGò Vấp, ngày 15 tháng 9 năm 2023\nKẾ HOẠCH\n"
        "2. Diễu hành cổ động\n"
        "- Đoàn diễu hành xuất phát lúc 07 giờ 30 ngày 03/10/2023 từ Trung tâm Văn hóa Quận Gò Vấp.\n"
        "- Lộ trình: theo Phụ lục kèm theo Kế hoạch này. Kết thúc lộ trình, các xe tự về đơn vị.\n"
        "Nơi nhận:\n- Lưu: VT.\n"
        "PHỤ LỤC\nLỘ TRÌNH DIỄU HÀNH\n"
        "Đoàn xuất phát từ Trung tâm Văn hóa Quận Gò Vấp, lần lượt đi qua các nút giao sau:\n"
        "1. Nút giao Phạm Văn Chiêu – Lê Văn Thọ (rẽ phải vào Lê Văn Thọ);\n"
        "2. Nút giao Lê Văn Thọ – Quang Trung (rẽ trái vào Quang Trung);\n"
        "3. Nút giao Quang Trung – Phạm Văn Chiêu (chuyển sang Phạm Văn Chiêu);\n"
        "4. Điểm kết thúc: Trung tâm Văn hóa Quận Gò Vấp.\n"
    )
    names = [s.name for s in extract(text, "kh.txt").route]
    assert names == [
        "Trung tâm Văn hóa Quận Gò Vấp",
        "Phạm Văn Chiêu",
        "Lê Văn Thọ",
        "Quang Trung",
        "Phạm Văn Chiêu",
        "Trung tâm Văn hóa Quận Gò Vấp",
    ]
