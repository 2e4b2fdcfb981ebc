"""Layouts met on the blind sets heldout51 and heldout52, each written here in variants (other names, days and
places; no corpus document): a letter that moves the ceremony its subject names ("V/v điều chỉnh thời gian, địa điểm …
Lễ khai mạc" with "Thời gian mới:" / "Địa điểm mới:") and an official whose roster line says they launch the week; a
police plan's table of legs numbered with their streets ("1 – đường A | Từ | Đến") and the column's floats told
beside its own vehicles; the floats' gathering after the parade and a ceremony's line that says "xuất phát", no
assembly; a request for approval ("Thời gian dự kiến:") and why a ceremony is needed; a chat's "Lễ KM", "dời qua 15h"
and "dự cả 3 lễ"; a ceremony's heading over "Tổ chức lúc … tại …"; an official who "chỉ dự" another ceremony."""

from __future__ import annotations

import pytest

from imported import WARD, ceremonies_of, plan_data, wishes_of
from paradeplan.importer.extract import extract

# -- a letter that moves the ceremony its subject names ---------------------------------------------------------------
MOVED = (
    "ỦY BAN NHÂN DÂN                          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "HUYỆN ĐOAN HÙNG                                Độc lập - Tự do - Hạnh phúc\n"
    "Số: 905/UBND-VHTT                        Đoan Hùng, ngày 26 tháng 9 năm 2024\n"
    "V/v {subject}\n"
    "Tuần lễ hưởng ứng học tập suốt đời năm 2024\n"
    "Kính gửi: UBND các xã, thị trấn; các trường học trên địa bàn huyện.\n"
    "Ngày 10/9/2024, UBND huyện ban hành Kế hoạch số 311/KH-UBND, trong đó Lễ khai mạc cấp huyện dự kiến tổ chức "
    "vào 7h30 ngày 01/10/2024 tại Quảng trường huyện. Do ảnh hưởng của bão, UBND huyện điều chỉnh như sau:\n"
    "1. Thời gian, địa điểm\n"
    "- {when}: 15h00, thứ Tư, ngày 02/10/2024 (thay cho 7h30 ngày 01/10/2024).\n"
    "- {where}: Hội trường Trung tâm Văn hóa huyện Đoan Hùng (thay cho Quảng trường huyện).\n"
    "2. Thành phần\n"
    "- Đồng chí Bùi Thị Thu Hà, Phó Chủ tịch UBND huyện – chủ trì, phát biểu khai mạc;\n"
    "- Đồng chí Lương Văn Thái, Chủ tịch Hội Khuyến học huyện – phát động Tuần lễ;\n"
    "- Hiệu trưởng các trường THCS, THPT trên địa bàn huyện.\n"
    "3. Các nội dung khác\n"
    "- Các xã gửi danh sách đại biểu về Phòng Văn hóa và Thông tin trước 16h00 ngày 30/9/2024.\n"
    "- Lễ khai mạc tại các xã, thị trấn vẫn thực hiện theo Kế hoạch số 311/KH-UBND (tổ chức trong ngày 01/10/2024 "
    "hoặc 03/10/2024 tùy điều kiện từng địa phương).\n"
    "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n"
)


@pytest.mark.parametrize(
    ("subject", "when", "where"),
    [
        ("điều chỉnh thời gian, địa điểm tổ chức Lễ khai mạc", "Thời gian mới", "Địa điểm mới"),
        ("thay đổi thời gian và địa điểm dự Lễ khai mạc", "Thời gian (điều chỉnh)", "Địa điểm (điều chỉnh)"),
    ],
)
def test_a_letter_moving_the_ceremony_its_subject_names_plans_it_on_its_new_day(
    subject: str, when: str, where: str
) -> None:
    data = plan_data(MOVED.format(subject=subject, when=when, where=where), "cv.txt")
    assert ceremonies_of(data) == [("2024-10-02", "15:00", "Hội trường Trung tâm Văn hóa huyện Đoan Hùng")]
    wishes = wishes_of(data)
    # the official who launches the week there attends it: her line is her part, not a ceremony of its own
    for who in ("Bùi Thị Thu Hà", "Lương Văn Thái"):
        assert [v for k, v in wishes.items() if who in k] == [["Hội trường Trung tâm Văn hóa huyện Đoan Hùng"]]


# -- a police plan: legs numbered with their streets, the column's floats told in its first part -----------------------
POLICE = (
    "CÔNG AN QUẬN 12\nSố: 51/PA-CAQ\nQuận 12, ngày 20 tháng 9 năm 2024\nPHƯƠNG ÁN\n"
    "Bảo đảm trật tự, an toàn giao thông phục vụ diễu hành cổ động Tuần lễ học tập suốt đời năm 2024\n"
    "I. TÌNH HÌNH\n"
    "1. Diễu hành: đoàn xuất phát lúc 08:15 ngày 05/10/2024 từ Nhà văn hóa Tân Thới Hiệp.\n"
    "2. {column} 01 xe hoa của quận dẫn đầu, 09 xe hoa của các phường, 02 xe loa tuyên truyền; tổng cộng 12 xe.\n"
    "II. TUYẾN DIỄU HÀNH\n"
    "| Đoạn | Từ | Đến | Lực lượng |\n"
    "| 1 – đường Nguyễn Ảnh Thủ | Cổng Nhà văn hóa Tân Thới Hiệp | Ngã ba Nguyễn Thị Đặng | Tổ 1 (04 cán bộ) |\n"
    "| 2 – Nguyễn Thị Đặng | Ngã ba Nguyễn Ảnh Thủ | Quốc lộ 1A | Tổ 2 (04 cán bộ) |\n"
    "| 3. đường {third} | Ngã ba Nguyễn Thị Đặng | Ngã tư Lê Văn Khương | Tổ 3 (06 cán bộ) |\n"
    "| 4 – đường Lê Văn Khương | Ngã tư {third} | Nhà văn hóa Tân Thới Hiệp | Tổ 4 (04 cán bộ) |\n"
    "| Cộng: 04 đoạn, khoảng 6 km | | | 18 cán bộ |\n"
    "III. PHƯƠNG TIỆN CỦA LỰC LƯỢNG CÔNG AN\n"
    "- 01 xe ô tô CSGT dẫn đầu đoàn;\n"
    "- 06 xe mô tô CSGT hộ tống hai bên đoàn xe.\n"
)


@pytest.mark.parametrize(("column", "third"), [("Thành phần đoàn xe:", "Đỗ Mười"), ("Cơ cấu đoàn xe:", "Cộng Hòa")])
def test_a_police_plans_numbered_legs_and_the_columns_floats_told_apart(column: str, third: str) -> None:
    # (a street named "Cộng Hòa" is no row adding the legs up, "Cộng: 04 đoạn")
    ex = extract(POLICE.format(column=column, third=third), "pa.txt")
    assert [s.name for s in ex.route] == [
        "Nhà văn hóa Tân Thới Hiệp",
        "Nguyễn Ảnh Thủ",
        "Nguyễn Thị Đặng",
        third,
        "Lê Văn Khương",
        "Nhà văn hóa Tân Thới Hiệp",
    ]
    assert sorted((f.kind, f.count) for f in ex.forces) == [
        ("float", 1),
        ("float", 9),
        ("loudspeaker", 2),
        ("motorbike", 6),
        ("police_car", 1),
    ]


# -- labels that name no assembly -------------------------------------------------------------------------------------
def test_the_floats_gathering_after_the_parade_and_a_ceremonys_departure_line_are_no_assembly() -> None:
    text = (
        WARD.format(ward="THẠNH XUÂN", ward_t="Thạnh Xuân", year=2023)
        + "Lộ trình mới: Xuất phát từ Nhà văn hóa Tân Thới Hiệp → đường Nguyễn Ảnh Thủ → đường Nguyễn Thị Đặng → "
        "đường Đỗ Mười → đường Lê Văn Khương → kết thúc tại Nhà văn hóa Tân Thới Hiệp.\n"
        "- Thời gian: tập trung lúc 6 giờ 30, xuất phát lúc 7 giờ 00 phút, Chủ nhật ngày 08/10/2023.\n"
        "- Lễ phát động trước giờ xuất phát: không tổ chức (đã tổ chức chung tại Lễ khai mạc cấp quận).\n"
        "3. Điểm tập kết xe hoa các phường sau diễu hành: các xe hoa đi theo Lê Văn Khương rồi tự về địa bàn.\n"
    )
    ex = extract(text, "cv.txt")
    assert ex.assembly_place in (None, "Nhà văn hóa Tân Thới Hiệp")


# -- a request for approval -------------------------------------------------------------------------------------------
def test_a_request_for_approval_plans_its_proposed_ceremony() -> None:
    text = (
        "UBND HUYỆN EA KAR\nPHÒNG GIÁO DỤC VÀ ĐÀO TẠO\nSố: 77/TTr-PGDĐT\nEa Kar, ngày 12 tháng 9 năm 2023\n"
        "TỜ TRÌNH\nVề việc đề nghị phê duyệt tổ chức Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2023\n"
        "1. Sự cần thiết\n"
        "Năm 2022 huyện chỉ phát động trực tuyến. Năm 2023, việc tổ chức lễ khai mạc tập trung là rất cần thiết "
        "để lan tỏa phong trào học tập.\n"
        "2. Nội dung đề xuất\n"
        "- Hình thức: Lễ khai mạc kết hợp trao học bổng cho học sinh vượt khó.\n"
        "- Thời gian dự kiến: 7 giờ 30 phút, thứ Ba, ngày 3 tháng 10 năm 2023.\n"
        "- Địa điểm dự kiến: Trường THCS Lê Quý Đôn, thị trấn Ea Kar.\n"
        "- Thành phần: kính đề nghị đồng chí Trần Văn Lộc, Phó Chủ tịch UBND huyện, dự và phát biểu khai mạc; "
        "lãnh đạo Phòng GD&ĐT.\n"
        "Kính trình Ủy ban nhân dân huyện xem xét, phê duyệt./.\n"
    )
    data = plan_data(text, "ttr.txt")
    assert ceremonies_of(data) == [("2023-10-03", "07:30", "Trường THCS Lê Quý Đôn")]
    assert [v for k, v in wishes_of(data).items() if "Trần Văn Lộc" in k] == [["Trường THCS Lê Quý Đôn"]]


# -- a chat's shorthand -----------------------------------------------------------------------------------------------
CHAT = (
    'Nhóm Zalo "BCĐ xã Tân Hưng" – tin nhắn ngày 25/9/2025\n'
    "[08:02] Lê Thị Hồng (VP UBND xã):\n"
    "TB lịch Tuần lễ HTSĐ năm 2025 của xã Tân Hưng:\n"
    "1/ Lễ KM cấp xã: 7h sáng thứ Tư 1/10, tại Hội trường UBND xã.\n"
    "2/ Lễ trao học bổng: chiều thứ Năm 2/10, 14h, tại Nhà văn hóa ấp Tân Lập.\n"
    "Phân công dự:\n"
    "- đ/c Võ Minh Trí (BT Đảng ủy): dự KM.\n"
    "- đ/c Phạm Thị Lan (PCT UBND xã): {both}.\n"
    "[08:20] Võ Văn Tư (CT):\n"
    "Sửa lại giúp: lễ trao học bổng {moved} cùng ngày 2/10, địa điểm giữ nguyên.\n"
)


@pytest.mark.parametrize(("both", "moved"), [("dự cả 2 lễ", "dời qua 15h"), ("dự tất cả các buổi lễ", "dời sang 15h")])
def test_a_chats_short_kinds_and_a_later_message_moving_a_ceremony(both: str, moved: str) -> None:
    data = plan_data(CHAT.format(both=both, moved=moved), "zalo.txt")
    assert ceremonies_of(data) == [
        ("2025-10-01", "07:00", "Hội trường UBND xã"),
        ("2025-10-02", "15:00", "Nhà văn hóa ấp Tân Lập"),
    ]
    wishes = wishes_of(data)
    assert [v for k, v in wishes.items() if "Võ Minh Trí" in k] == [["Hội trường UBND xã"]]
    assert [v for k, v in wishes.items() if "Phạm Thị Lan" in k] == [["Hội trường UBND xã", "Nhà văn hóa ấp Tân Lập"]]


# -- a ceremony's heading over the sentence that holds it -------------------------------------------------------------
def test_a_ceremonys_heading_takes_the_time_and_venue_of_the_sentence_under_it() -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HỒ CHÍ MINH\nPHƯỜNG AN NHƠN\nSố: 120/KH-UBND\n"
        "An Nhơn, ngày 20 tháng 9 năm 2025\nKẾ HOẠCH\n"
        "Tổ chức Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2025\n"
        "I. LỄ KHAI MẠC\n"
        "- Thời gian: 07:30, thứ Năm, ngày 02/10/2025.\n"
        "- Địa điểm: Hội trường UBND phường An Nhơn.\n"
        "- Thành phần: đồng chí Lâm Quốc Bảo, Bí thư Đảng ủy phường; đồng chí Trịnh Thu Vân, Chủ tịch UBND phường.\n"
        'II. LỄ RA MẮT "GÓC ĐỌC SÁCH KHU PHỐ"\n'
        "Tổ chức lúc 10:00 cùng ngày tại Nhà văn hóa khu phố 5. Đồng chí Trịnh Thu Vân dự Lễ khai mạc tại Hội "
        "trường UBND phường, sau đó dự Lễ ra mắt tại Nhà văn hóa khu phố 5. Đồng chí Lâm Quốc Bảo chỉ dự Lễ khai "
        "mạc (09:00 họp Ban Thường vụ).\n"
    )
    data = plan_data(text, "kh.txt")
    assert ceremonies_of(data) == [
        ("2025-10-02", "07:30", "Hội trường UBND phường An Nhơn"),
        ("2025-10-02", "10:00", "Nhà văn hóa khu phố 5"),
    ]
    wishes = wishes_of(data)
    assert [v for k, v in wishes.items() if "Lâm Quốc Bảo" in k] == [["Hội trường UBND phường An Nhơn"]]
    assert [v for k, v in wishes.items() if "Trịnh Thu Vân" in k] == [
        ["Hội trường UBND phường An Nhơn", "Nhà văn hóa khu phố 5"]
    ]


# -- a list of streets whose last item says where the column ends ----------------------------------------------------
@pytest.mark.parametrize("last", ["Trường Chinh", "Cộng Hòa"])
def test_a_numbered_list_of_streets_keeps_its_last_item_and_the_end_it_names(last: str) -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HỒ CHÍ MINH\nPHƯỜNG TÂN SƠN HÒA\nSố: 61/KH-UBND\n"
        "Tân Sơn Hòa, ngày 15 tháng 9 năm 2025\nKẾ HOẠCH\n"
        "2. Diễu hành cổ động\n"
        "a) Thời gian xuất phát: 7 giờ 30 phút, thứ Bảy, ngày 04/10/2025.\n"
        "b) Lộ trình: xuất phát từ Công viên Hoàng Văn Thụ, đoàn lần lượt đi qua các tuyến đường:\n"
        "1. Hoàng Văn Thụ;\n"
        "2. Út Tịch;\n"
        f"3. {last}, kết thúc tại Chợ Võ Thành Trang.\n"
        "Khối đi bộ chỉ đi hết đoạn Hoàng Văn Thụ rồi quay về công viên.\n"
    )
    ex = extract(text, "kh.txt")
    assert [s.name for s in ex.route] == [
        "Công viên Hoàng Văn Thụ",
        "Hoàng Văn Thụ",
        "Út Tịch",
        last,
        "Chợ Võ Thành Trang",
    ]
    assert ex.route[-1].end


# -- an invitation with its programme on the back ---------------------------------------------------------------------
def test_the_speakers_of_an_invitations_programme_on_the_back_attend_its_ceremony() -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\nPHƯỜNG KINH BẮC\nSố: 98/GM-UBND\nKinh Bắc, ngày 22 tháng 9 năm 2025\n"
        "GIẤY MỜI\nDự Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2025\n"
        "Ủy ban nhân dân phường Kinh Bắc trân trọng kính mời:\nÔng (Bà): ........................\n"
        "Tới dự Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2025 của phường.\n"
        "- Thời gian: 08 giờ 00, Thứ Sáu, ngày 03 tháng 10 năm 2025.\n"
        "- Địa điểm: Nhà văn hóa phường Kinh Bắc.\n"
        "(Chương trình buổi lễ in ở mặt sau Giấy mời)\n"
        "Nơi nhận:\n- Như thành phần mời;\n- Lưu: VT.\n"
        "(Mặt sau)\nCHƯƠNG TRÌNH\n"
        "1. 07h30 – 08h00: Đón tiếp đại biểu.\n"
        "2. 08h00: Tuyên bố lý do, giới thiệu đại biểu – bà Đỗ Thị Hằng, Phó Chủ tịch UBND phường.\n"
        "3. Diễn văn khai mạc – ông Nguyễn Đình Khôi, Chủ tịch UBND phường.\n"
        "Ghi chú: năm 2024 lễ được tổ chức tại Trường THCS Kinh Bắc, có ông Trần Văn Cừ dự.\n"
    )
    wishes = wishes_of(plan_data(text, "gm.txt"))
    assert sorted(k for k in wishes) == ["Nguyễn Đình Khôi", "Đỗ Thị Hằng"]


# -- a table of ceremonies by label, and the leaders sent to the labels -----------------------------------------------
def test_leaders_sent_to_ceremonies_by_their_tables_labels() -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nPHƯỜNG CHÂU ĐỐC\nSố: 77/KH-UBND\nChâu Đốc, ngày 14 tháng 9 năm 2026\n"
        "KẾ HOẠCH\nTổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2026\n"
        "I. CÁC BUỔI LỄ\n"
        "| Điểm | Nội dung | Thời gian | Địa điểm |\n"
        "| Điểm chính | Lễ khai mạc Tuần lễ cấp phường | 7g30, thứ Năm 01/10/2026 | Hội trường UBND phường Châu Đốc |\n"
        "| Điểm 2 | Lễ ra mắt Tủ sách cộng đồng | 9g30 cùng ngày | Trường THCS Thủ Khoa Nghĩa |\n"
        "II. PHÂN CÔNG LÃNH ĐẠO DỰ LỄ\n"
        "| Họ và tên | Chức vụ | Điểm dự |\n"
        "| Đồng chí Lâm Văn Thắng | Bí thư Đảng ủy phường | Điểm chính |\n"
        "| Đồng chí Tô Thị Ngọc Hân | Chủ tịch UBND phường | Điểm chính, sau đó Điểm 2 |\n"
        "| Đồng chí Kiều Minh Trí | Phó Chủ tịch UBND phường | Điểm 2 (nếu không trùng lịch họp thì dự thêm "
        "Điểm chính) |\n"
    )
    wishes = wishes_of(plan_data(text, "kh.docx.txt"))
    assert wishes == {
        "Lâm Văn Thắng": ["Hội trường UBND phường Châu Đốc"],
        "Tô Thị Ngọc Hân": ["Hội trường UBND phường Châu Đốc", "Trường THCS Thủ Khoa Nghĩa"],
        "Kiều Minh Trí": ["Trường THCS Thủ Khoa Nghĩa"],
    }


# -- heldout53: a chat's parade, two parades, a police team's plan, a notice replacing a route ------------------------
ZALO = (
    "[Nhóm Zalo] BĐH KP phường Thông Tây Hội\n"
    "Lê Thị Kim Chi – CC VH-XH phường – 09:12, 26/09/2025\n"
    "📢 THÔNG TIN DIỄU HÀNH XE HOA HƯỞNG ỨNG TUẦN LỄ HỌC TẬP SUỐT ĐỜI 2025\n"
    "🗓 Sáng Chủ nhật 5/10\n"
    "⏰ 6h15 có mặt tập trung tại sân {short} quận Gò Vấp (cũ) – 6h45 xuất phát đúng giờ nha\n"
    "🛣 Lộ trình: {short} - Phạm Văn Chiêu - Lê Văn Thọ - Quang Trung - Phạm Văn Chiêu - về lại {short}\n"
    "🎤 Về tới {short} khoảng 8h00 thì làm lễ phát động ngắn ngay tại sân: {a} Đoàn Minh Tâm (PCT UBND phường) đọc "
    "lời phát động, {b} Vũ Thị Thu Hà (CT Hội Khuyến học phường) trao giấy khen cho 20 hộ.\n"
)


@pytest.mark.parametrize(("short", "a", "b"), [("TTVH", "anh", "chị"), ("NVH", "Anh", "Chị")])
def test_a_chats_parade_starts_and_ends_at_the_place_its_gathering_names_in_full(short: str, a: str, b: str) -> None:
    ex = extract(ZALO.format(short=short, a=a, b=b), "zalo.txt")
    assert [s.name for s in ex.route][0] == f"{short} quận Gò Vấp"
    assert ex.route[-1].name == ex.route[0].name
    assert (str(ex.assembly_time), str(ex.departure_time)) == ("06:15:00", "06:45:00")
    (launch,) = ex.events.ceremonies
    assert launch.place == ex.route[0].name and str(launch.time) == "08:00:00"
    assert sorted(o.name for o in ex.events.officials) == ["Vũ Thị Thu Hà", "Đoàn Minh Tâm"]


TWO_PARADES = (
    "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HỒ CHÍ MINH\nPHƯỜNG ĐÔNG HƯNG THUẬN\nSố: 90/KH-UBND\n"
    "Đông Hưng Thuận, ngày 15 tháng 9 năm 2025\nKẾ HOẠCH\n"
    "I. HOẠT ĐỘNG CẤP PHƯỜNG\n"
    "1. Diễu hành xe hoa cổ động\n"
    "- Tập trung đội hình: 06 giờ 30, ngày 03/10/2025 tại Trường THCS Phan Bội Châu.\n"
    "- Xuất phát: 07 giờ 30.\n"
    "- Lộ trình: xuất phát từ Trường THCS Phan Bội Châu, qua các tuyến đường Nguyễn Văn Quá, Quốc lộ 1A, Tô Ký, "
    "Nguyễn Văn Quá và trở về Trường THCS Phan Bội Châu.\n"
    "- Phương tiện: 05 xe hoa; 01 xe phát thanh lưu động.\n"
    "II. HOẠT ĐỘNG CỦA TRƯỜNG HỌC\n"
    "Trường {school} tổ chức diễu hành xe đạp cổ động của học sinh:\n"
    "- Thời gian: chiều thứ Ba, ngày 07/10/2025; tập trung lúc 14g00 tại sân trường, xuất phát 14g30.\n"
    "- Lộ trình: từ Trường {school} theo đường Nguyễn Văn Quá, rẽ vào đường Tô Ký, đến Công viên Phần mềm "
    "Quang Trung thì kết thúc.\n"
    "- Thành phần: 120 học sinh đi xe đạp; 01 xe loa của trường đi đầu.\n"
    "Tổng cộng phương tiện cơ giới của hai hoạt động: 07 xe (chưa tính xe đạp của học sinh).\n"
)


@pytest.mark.parametrize("school", ["Trung học cơ sở - Trung học phổ thông Bắc Sơn", "TH - THCS Bắc Sơn"])
def test_a_schools_parade_in_a_section_its_first_paragraph_opens_is_a_second_parade(school: str) -> None:
    ex = extract(TWO_PARADES.format(school=school), "kh.txt")
    assert [s.name for s in ex.route][-1] == "Trường THCS Phan Bội Châu"
    (second,) = ex.more_parades
    assert second.route[0].name == "Trường " + school.replace(" - ", "-")
    assert second.route[-1].name == "Công viên Phần mềm Quang Trung"
    # the total of both parades' vehicles is no vehicles of the second
    assert sorted((f.kind, f.count) for f in [*ex.forces, *second.forces]) == [
        ("float", 5),
        ("loudspeaker", 1),
        ("loudspeaker", 1),
    ]


def test_a_police_plans_formation_and_a_car_park_of_a_park() -> None:
    text = (
        "CÔNG AN QUẬN TÂN BÌNH\nĐỘI CẢNH SÁT GIAO THÔNG - TRẬT TỰ\nSố: 40/KH-ĐCSGT\n"
        "Tân Bình, ngày 20 tháng 9 năm 2024\nKẾ HOẠCH\n"
        "1. Đoàn diễu hành xuất phát lúc 07g30 ngày 03/10/2024 tại Công viên Hoàng Văn Thụ.\n"
        "2. Đoàn xe tập kết tại bãi xe phía đường Hoàng Văn Thụ của Công viên Hoàng Văn Thụ từ 06g30; đội hình gồm "
        "06 xe hoa đại diện các phường, 02 xe loa của Trung tâm Văn hóa quận.\n"
        "3. Lộ trình: Công viên Hoàng Văn Thụ - đường Hoàng Văn Thụ - đường Út Tịch - đường Cộng Hòa - Chợ Bàu Cát.\n"
        "II. PHƯƠNG TIỆN CỦA ĐỘI\n"
        "Phương tiện: 02 xe ô tô tuần tra và 04 xe mô tô.\n"
    )
    ex = extract(text, "kh.txt")
    assert ex.assembly_place == "Công viên Hoàng Văn Thụ"
    assert ("float", 6) in [(f.kind, f.count) for f in ex.forces]
    assert ("loudspeaker", 2) in [(f.kind, f.count) for f in ex.forces]


def test_a_notice_replacing_a_route_dates_the_parade_by_its_table_not_the_plan_it_cites() -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nPHƯỜNG BẢY HIỀN\nSố: 81/TB-UBND\nBảy Hiền, ngày 29 tháng 9 năm 2025\nTHÔNG BÁO\n"
        "Về việc thay thế lộ trình diễu hành\n"
        "Ngày 18/9/2025, Ủy ban nhân dân phường ban hành Kế hoạch số 70/KH-UBND về tổ chức diễu hành xe hoa, dự kiến "
        "xuất phát lúc 7 giờ 00 tại Công viên Hoàng Văn Thụ.\n"
        "Ủy ban nhân dân phường thông báo:\n"
        "1. Lộ trình mới (áp dụng thay thế):\n"
        "| Nội dung | Theo Kế hoạch 70/KH-UBND (hủy bỏ) | Điều chỉnh (thực hiện) |\n"
        "| Ngày | Thứ Bảy, 04/10/2025 | Giữ nguyên: Thứ Bảy, 04/10/2025 |\n"
        "| Giờ xuất phát | 7 giờ 00 | 7 giờ 30 |\n"
        "| Lộ trình | Công viên Hoàng Văn Thụ → Hoàng Văn Thụ → Cộng Hòa | Chợ Tân Bình → Lý Thường Kiệt → "
        "Lạc Long Quân → Chợ Tân Bình |\n"
    )
    ex = extract(text, "tb.txt")
    assert str(ex.assembly_date or ex.departure_date) == "2025-10-04"


def test_a_capital_is_a_capital_and_a_message_names_its_people_with_anh_and_chi() -> None:
    import re

    from paradeplan.geo.names import CAPITAL_LETTERS, SMALL_LETTERS
    from paradeplan.importer.events import persons

    assert all(re.fullmatch("[" + CAPITAL_LETTERS + "]", c) for c in "AĐẤỲƯƠÊ")
    assert not any(re.fullmatch("[" + CAPITAL_LETTERS + "]", c) for c in "aấđỳươê")
    assert all(re.fullmatch("[" + SMALL_LETTERS + "]", c) for c in "aấđỳươê")
    # "À-Ỹ" as a range held small letters: "anh ấy đọc" was a person named "ấy đọc"
    assert persons("Sau đó anh ấy đọc lời phát động, chị ấy đứng đầu đoàn.") == []
    assert [p[0] for p in persons("anh Lý Văn Hùng (KP5) và chị Đặng Thị Mỹ (KP9) trao quà")] == [
        "Lý Văn Hùng",
        "Đặng Thị Mỹ",
    ]


# -- heldout54/55 (sealed until 535b165): an official's trips, a table of clusters, a scan's text layer ----------------
def test_an_officials_trips_by_car_are_no_parade() -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH BÌNH ĐỊNH\nVĂN PHÒNG\nSố: 301/LLV-VP\nQuy Nhơn, ngày 26 tháng 9 năm 2024\n"
        "LỊCH LÀM VIỆC\ncủa đồng chí Lâm Hải Giang, Phó Chủ tịch UBND tỉnh\n"
        "A. THỨ BA, NGÀY 01/10/2024\n"
        "- 07 giờ 30: Đồng chí Lâm Hải Giang dự Lễ khai mạc Tuần lễ cấp tỉnh tại Trường THPT chuyên Lê Quý Đôn. "
        "Đại biểu có mặt lúc 07 giờ 15 để đón tiếp.\n"
        "- 13 giờ 30: Đồng chí Lâm Hải Giang xuất phát từ trụ sở UBND tỉnh đi huyện Phù Cát bằng xe ô tô.\n"
        "- 14 giờ 30: Đồng chí Lâm Hải Giang dự Lễ phát động tại Trung tâm học tập cộng đồng xã Cát Hanh.\n"
        "B. THỨ TƯ, NGÀY 02/10/2024\n"
        "- 06 giờ 15: Đồng chí Lâm Hải Giang đi ô tô ra cảng Quy Nhơn; 07 giờ 30 đi tàu ra xã Nhơn Châu.\n"
    )
    data = plan_data(text, "llv.txt")
    assert not data.get("parades")
    assert [v for k, v in wishes_of(data).items() if "Lâm Hải Giang" in k] == [
        ["Trường THPT chuyên Lê Quý Đôn", "Trung tâm học tập cộng đồng xã Cát Hanh"]
    ]


def test_a_table_of_clusters_each_holding_its_own_ceremony() -> None:
    text = (
        "UBND PHƯỜNG HẢI AN – KH TỔ CHỨC LỄ HƯỞNG ỨNG THEO CỤM 2025\n"
        "ỦY BAN NHÂN DÂN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTHÀNH PHỐ HẢI PHÒNG\nPHƯỜNG HẢI AN\n"
        "Số: 55/KH-UBND\nHải An, ngày 12 tháng 9 năm 2025\nKẾ HOẠCH\n"
        "II. HÌNH THỨC, THỜI GIAN, ĐỊA ĐIỂM\n"
        "Phường không tổ chức lễ khai mạc chung. Các tổ dân phố được chia thành 02 cụm, mỗi cụm tổ chức Lễ hưởng ứng "
        "riêng theo bảng sau:\n"
        "| Cụm | Các tổ dân phố | Thời gian | Địa điểm | Lãnh đạo phường dự |\n"
        "| Cụm 1 | TDP số 1 đến số 10 | 7h30, thứ Năm 02/10/2025 | Nhà văn hóa tổ dân phố số 3 | Đ/c Ngô Thị Mai |\n"
        "| Cụm 2 | TDP số 11 đến số 20 | 15h00, thứ Sáu 03/10/2025 | Trường Tiểu học Đằng Lâm | Đ/c Ngô Thị Mai |\n"
        "Trên đây là Kế hoạch tổ chức Lễ hưởng ứng Tuần lễ theo cụm tổ dân phố của UBND phường Hải An./.\n"
    )
    ex = extract(text, "kh.txt")
    assert [(str(c.date), str(c.time)[:5], c.place) for c in ex.events.ceremonies] == [
        ("2025-10-02", "07:30", "Nhà văn hóa tổ dân phố số 3"),
        ("2025-10-03", "15:00", "Trường Tiểu học Đằng Lâm"),
    ]


def test_an_invitations_fields_written_vao_luc_and_tai() -> None:
    text = (
        "HỘI KHUYẾN HỌC HUYỆN PHÙ MỸ\nSố: 12/GM-HKH\nPhù Mỹ, ngày 20 tháng 9 năm 2023\nGIẤY MỜI\n"
        "Dự Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2023\n"
        "Hội Khuyến học huyện trân trọng kính mời: Đồng chí Tạ Minh Luân, Phó Chủ tịch UBND huyện\n"
        "Đến dự Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2023.\n"
        "Vào lúc: 7g30, thứ Hai, ngày 02/10/2023.\n"
        "Tại: Hội trường Trung tâm Văn hóa huyện Phù Mỹ.\n"
    )
    assert ceremonies_of(plan_data(text, "gm.txt")) == [
        ("2023-10-02", "07:30", "Hội trường Trung tâm Văn hóa huyện Phù Mỹ")
    ]


def test_a_scans_text_layer_is_mended_before_it_is_read() -> None:
    from paradeplan.importer.text import clean

    assert clean("Lễ khai rnạc tại cổng trường THCS An Phú Đông; đường T ô Ký - Nguyễn Thị Ðặng") == (
        "Lễ khai mạc tại cổng Trường THCS An Phú Đông; đường Tô Ký - Nguyễn Thị Đặng"
    )
    assert (
        clean("P. 5, Q 12, A ông, internet, Học tập cho mọi người")
        == "P. 5, Q 12, A ông, internet, Học tập cho mọi người"
    )


def test_a_column_whose_route_is_not_written_is_still_refused_when_only_its_text_names_it() -> None:
    from paradeplan.errors import InputError

    text = (
        "ỦY BAN NHÂN DÂN\nPHƯỜNG THỚI AN\nSố: 77/KH-UBND\nThới An, ngày 18 tháng 9 năm 2025\nKẾ HOẠCH\n"
        "Tổ chức các hoạt động hưởng ứng Tuần lễ học tập suốt đời năm 2025\n"
        "1. Các xe hoa tập trung lúc 6 giờ 30 ngày 05/10/2025 tại sân UBND phường; 7 giờ 00 đoàn xe xuất phát.\n"
        "2. Các khu phố vận động Nhân dân treo cờ trên các tuyến đường đoàn đi qua.\n"
    )
    with pytest.raises(InputError) as err:
        plan_data(text, "kh.txt")
    assert "lộ trình" in str(err.value.problems[0].message)
