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
    assert "2. ĐỊA ĐIỂM: Hội trường trung tâm văn hóa - thể thao huyện Thọ Xuân." in lines
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
