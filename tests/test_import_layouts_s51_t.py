"""Plans of offices never seen, each wording written here in variants (other names, days and places; no corpus
document): guests told to arrive by a time before a ceremony they attend ("… dự Lễ khai mạc có mặt trước 14 giờ
15"), which is no ceremony at that time; a ceremony named only as the time during which a unit keeps order ("trong
thời gian tổ chức Lễ khai mạc"); a stretch of a route going back onto a street ("từ đường A trở lại đường B, đến
đường C", "rẽ phải trở lại đường B"); a leaders' schedule whose visit cites in brackets the invitation it answers
("(theo Giấy mời số 88/GM-UBND ngày …)"), whose date is the paper's, not the ceremony's; what the vehicles do once
the parade is over ("Sau khi kết thúc diễu hành, 02 xe loa tiếp tục … trong các ngày từ … đến …"), which neither
dates the parade nor adds vehicles; an invitation's chair under "Chủ trì buổi lễ:" and its reply due "trước 16h30'
ngày …"; a delegation sent to another unit's ceremony "do đ/c A … làm trưởng đoàn"."""

from __future__ import annotations

import pytest

from imported import ceremonies_of, plan_data, route_of, wishes_of
from paradeplan.importer.events import CITED_BEFORE
from paradeplan.importer.text import fold

# -- guests told to arrive by a time before the ceremony they attend -------------------------------------------------
ARRIVE_BY = (
    "UBND HUYỆN CẨM XUYÊN\nUBND XÃ CẨM NHƯỢNG\nSố: 51/KH-UBND\nCẩm Nhượng, ngày 20 tháng 9 năm 2024\n\n"
    "KẾ HOẠCH\nTổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2024\n\n"
    "I. NỘI DUNG\n"
    "1. Lễ khai mạc Tuần lễ cấp xã\n"
    "- Thời gian: 14 giờ 30 phút, ngày 02/10/2024.\n"
    "- Địa điểm: Hội trường UBND xã Cẩm Nhượng.\n"
    "- Đồng chí Lê Văn Khoa, Chủ tịch UBND xã, phát biểu khai mạc.\n"
    "- {arrive}\n\n"
    "2. Các thôn báo cáo kết quả về UBND xã trước ngày 10/10/2024.\n"
)


@pytest.mark.parametrize(
    "arrive",
    [
        "Các thôn có đại biểu dự Lễ khai mạc có mặt trước 14 giờ 15 để nhận tài liệu.",
        "Các thôn cử người dự Lễ khai mạc, có mặt trước 14 giờ 00 để nhận tài liệu.",
    ],
)
def test_an_arrival_by_a_time_is_no_ceremony_at_that_time(arrive: str) -> None:
    data = plan_data(ARRIVE_BY.format(arrive=arrive))
    assert ceremonies_of(data) == [("2024-10-02", "14:30", "Hội trường UBND xã Cẩm Nhượng")]
    assert wishes_of(data) == {"Lê Văn Khoa": ["Hội trường UBND xã Cẩm Nhượng"]}


# -- a ceremony named as the time during which a unit keeps order -----------------------------------------------------
DURING = (
    "UBND THÀNH PHỐ HÀ TĨNH\nUBND PHƯỜNG BẮC HÀ\nSố: 77/KH-UBND\nBắc Hà, ngày 21 tháng 9 năm 2024\n\n"
    "KẾ HOẠCH\nTổ chức Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2024\n\n"
    "I. THỜI GIAN, ĐỊA ĐIỂM\n"
    "1. Lễ khai mạc\n"
    "- Thời gian: 8 giờ 00 phút, thứ Tư, ngày 02/10/2024.\n"
    "- Địa điểm: Nhà thiếu nhi phường Bắc Hà.\n\n"
    "II. TỔ CHỨC THỰC HIỆN\n"
    "1. Công an phường\n"
    "- Bảo đảm an ninh trật tự tại Nhà thiếu nhi {during} Lễ khai mạc.\n"
)


@pytest.mark.parametrize(
    "during", ["trong thời gian tổ chức", "trong suốt thời gian diễn ra", "trong thời gian diễn ra"]
)
def test_a_ceremony_named_as_the_time_during_which_order_is_kept(during: str) -> None:
    data = plan_data(DURING.format(during=during))
    assert ceremonies_of(data) == [("2024-10-02", "08:00", "Nhà thiếu nhi phường Bắc Hà")]


# -- a stretch going back onto a street ------------------------------------------------------------------------------
BACK_ONTO = (
    "UBND QUẬN GÒ VẤP\nỦY BAN NHÂN DÂN PHƯỜNG 10\nSố: 61/KH-UBND\nPhường 10, ngày 19 tháng 9 năm 2024\n\n"
    "KẾ HOẠCH\nDiễu hành xe hoa hưởng ứng Tuần lễ học tập suốt đời năm 2024\n\n"
    "1. Thời gian: tập trung lúc 6 giờ 45, xuất phát lúc 7 giờ 15, thứ Bảy ngày 05/10/2024.\n"
    "2. Địa điểm tập trung: Công viên Làng Hoa.\n"
    "3. Lộ trình:\n"
    "- Từ Công viên Làng Hoa theo đường Nguyễn Văn Lượng đến đường Quang Trung;\n"
    "- từ đường Quang Trung đến đường Lê Đức Thọ;\n"
    "- từ đường Lê Đức Thọ {back} đường Quang Trung, đến đường Nguyễn Văn Lượng và về Công viên Làng Hoa.\n"
    "4. Phương tiện: 03 xe hoa, 01 xe loa.\n"
)


@pytest.mark.parametrize("back", ["trở lại", "quay lại", "đi trở lại", "rẽ phải trở lại"])
def test_a_stretch_going_back_onto_a_street(back: str) -> None:
    data = plan_data(BACK_ONTO.format(back=back))
    assert route_of(data) == [
        "Công viên Làng Hoa",
        "Nguyễn Văn Lượng",
        "Quang Trung",
        "Lê Đức Thọ",
        "Quang Trung",
        "Nguyễn Văn Lượng",
        "Công viên Làng Hoa",
    ]


# -- a visit that cites the invitation it answers ---------------------------------------------------------------------
CITED = (
    "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ LONG XUYÊN\nSố: 39/LCT-UBND\nLong Xuyên, ngày 28 tháng 9 năm 2024\n"
    "LỊCH CÔNG TÁC TUẦN 40\ncủa Chủ tịch, các Phó Chủ tịch UBND thành phố\n"
    "THỨ TƯ (02/10/2024)\nSáng:\n"
    "- 07 giờ 00: Chủ tịch UBND thành phố Đinh Công Thành dự Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời "
    "năm 2024 cấp thành phố tại Trường THCS Nguyễn Du.\n"
    "- 08 giờ 00: Phó Chủ tịch UBND thành phố Võ Thị Ngọc Hân dự Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời "
    "năm 2024 cấp tỉnh tại Trung tâm Hội nghị tỉnh ({cited}).\n"
    "Chiều:\n- 14 giờ 00: Họp giao ban Thường trực UBND thành phố.\n"
)


@pytest.mark.parametrize(
    "cited",
    [
        "theo Giấy mời số 88/GM-UBND ngày 24/9/2024 của UBND tỉnh",
        "theo Công văn 1205/SGDĐT-GDTX ngày 20/9/2024",
    ],
)
def test_a_visit_citing_the_invitation_it_answers(cited: str) -> None:
    data = plan_data(CITED.format(cited=cited))
    assert ceremonies_of(data) == [
        ("2024-10-02", "07:00", "Trường THCS Nguyễn Du"),
        ("2024-10-02", "08:00", "Trung tâm Hội nghị tỉnh"),
    ]
    assert wishes_of(data)["Võ Thị Ngọc Hân"] == ["Trung tâm Hội nghị tỉnh"]


@pytest.mark.parametrize(
    ("text", "cited"),
    [
        ("giay moi so 88/gm-ubnd ngay ", True),
        ("cong van 1205/sgddt-gdtx ngay ", True),
        ("kh 58/kh-ubnd ", True),
        ("le khai mac luc 7 gio ngay ", False),
        ("tu 02/10 den ", False),
    ],
)
def test_a_cited_paper_s_number_before_a_date(text: str, cited: bool) -> None:
    assert bool(CITED_BEFORE.search(fold(text))) is cited


# -- what the vehicles do once the parade is over ----------------------------------------------------------------------
AFTERWARDS = (
    "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ NAM ĐỊNH\nSố: 301/KH-UBND\nNam Định, ngày 20 tháng 9 năm 2024\n"
    "KẾ HOẠCH\nTổ chức Lễ khai mạc và diễu hành hưởng ứng Tuần lễ học tập suốt đời năm 2024\n"
    "I. THỜI GIAN, ĐỊA ĐIỂM\n"
    "1. Lễ khai mạc\n"
    "Lễ khai mạc được tổ chức vào hồi 7 giờ 00 phút, thứ Tư ngày 02/10/2024 tại Trường THCS Trần Đăng Ninh.\n"
    "2. Diễu hành\n"
    "Ngay sau Lễ khai mạc, đoàn xe tập trung lúc 8 giờ 00 phút tại cổng Trường THCS Trần Đăng Ninh và xuất phát "
    "lúc 8 giờ 15 phút.\n"
    "Thành phần đoàn xe: 01 xe ô tô Cảnh sát giao thông dẫn đường; 02 xe hoa của thành phố; 03 xe loa tuyên "
    "truyền của Trung tâm Văn hóa thành phố.\n"
    "Lộ trình: Trường THCS Trần Đăng Ninh → đường Hùng Vương → đường Trần Hưng Đạo → đường Hùng Vương → Trường "
    "THCS Trần Đăng Ninh (kết thúc).\n"
    "{after}, 03 xe loa tiếp tục tuyên truyền lưu động tại các phường, xã trong các ngày từ 03/10 đến 06/10/2024.\n"
    "II. TỔ CHỨC THỰC HIỆN\n"
    "Các phường, xã báo cáo kết quả trước ngày 09/10/2024.\n"
)


@pytest.mark.parametrize("after", ["Sau khi kết thúc diễu hành", "Sau buổi diễu hành", "Sau khi hoàn thành diễu hành"])
def test_what_the_vehicles_do_once_the_parade_is_over(after: str) -> None:
    data = plan_data(AFTERWARDS.format(after=after))
    parade = data["parades"][0]
    assert str(parade["date"]) == "2024-10-02"
    loudspeakers = [g["count"] for g in parade["groups"] if g["kind"] == "loudspeaker"]
    assert loudspeakers == [3]


# -- an invitation naming its chair under "Chủ trì buổi lễ:", its reply due "trước 16h30' ngày …" ---------------------
INVITATION = (
    "ỦY BAN NHÂN DÂN\nQUẬN HAI BÀ TRƯNG\nSố: 902/GM-UBND\nHai Bà Trưng, ngày 25 tháng 9 năm 2024\n\n"
    "GIẤY MỜI\nDự Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2024\n\n"
    "UBND quận Hai Bà Trưng trân trọng kính mời:\n"
    "1. Đại diện Thường trực Quận ủy, Thường trực HĐND quận;\n"
    "2. Chủ tịch UBND 18 phường.\n\n"
    "Tới dự Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2024 quận Hai Bà Trưng.\n\n"
    "Thời gian: 08h00', thứ Tư, ngày 02/10/2024.\n"
    "Địa điểm: Trường THCS Ngô Gia Tự, số 5 phố Lò Đúc.\n"
    "{chair_label}: đồng chí Đoàn Minh Tuấn - Phó Chủ tịch UBND quận.\n\n"
    "Đề nghị các đơn vị xác nhận thành phần tham dự về Phòng Giáo dục và Đào tạo quận trước {hour} ngày "
    "30/9/2024.\n\n"
    "TL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG\n\nLý Thị Hồng\n"
)


@pytest.mark.parametrize("chair_label", ["Chủ trì buổi lễ", "Chủ trì lễ"])
def test_an_invitation_s_chair_of_the_ceremony(chair_label: str) -> None:
    data = plan_data(INVITATION.format(chair_label=chair_label, hour="17 giờ"))
    assert ceremonies_of(data) == [("2024-10-02", "08:00", "Trường THCS Ngô Gia Tự")]
    assert wishes_of(data) == {"Đoàn Minh Tuấn": ["Trường THCS Ngô Gia Tự"]}


@pytest.mark.parametrize("hour", ["16h30'", "10h00’", "9h′"])
def test_a_reply_due_by_an_hour_written_with_a_prime(hour: str) -> None:
    data = plan_data(INVITATION.format(chair_label="Chủ trì buổi lễ", hour=hour))
    assert [str(d["due"]) for d in data.get("deadlines") or []] == ["2024-09-30"]


# -- a delegation sent to another unit's ceremony, led by a named official --------------------------------------------
LED_BY = (
    "UBND THÀNH PHỐ VINH\nỦY BAN NHÂN DÂN PHƯỜNG HƯNG DŨNG\nSố: 95/KH-UBND\nHưng Dũng, ngày 22 tháng 9 năm 2024\n\n"
    "KẾ HOẠCH\nTổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2024\n\n"
    "I. NỘI DUNG\n"
    "1. Lễ khai mạc cấp phường: 07 giờ 30, ngày 01/10/2024 tại Trường Tiểu học Hưng Dũng 1. Đồng chí Cao Văn Sơn, "
    "Chủ tịch UBND phường phát biểu khai mạc.\n"
    "2. UBND thành phố tổ chức Lễ khai mạc cấp thành phố lúc 14 giờ 00 ngày 02/10/2024 tại Quảng trường Hồ Chí "
    "Minh. Phường cử đoàn {people} do {leader} làm trưởng đoàn.\n"
)


@pytest.mark.parametrize(
    ("people", "leader"),
    [
        ("05 người", "đồng chí Thái Thị Mỹ Dung - Phó Chủ tịch UBND phường"),
        ("gồm cán bộ TTHTCĐ và 03 học viên", "đ/c Thái Thị Mỹ Dung, Phó Chủ tịch UBND phường,"),
    ],
)
def test_a_delegation_led_by_a_named_official(people: str, leader: str) -> None:
    data = plan_data(LED_BY.format(people=people, leader=leader))
    assert wishes_of(data)["Thái Thị Mỹ Dung"] == ["Quảng trường Hồ Chí Minh"]


def test_an_invitation_s_chair_named_by_title_only_is_no_one() -> None:
    text = INVITATION.format(chair_label="Chủ trì buổi lễ", hour="17 giờ").replace(
        "đồng chí Đoàn Minh Tuấn - Phó Chủ tịch UBND quận", "đồng chí Phó Chủ tịch Ủy ban nhân dân quận"
    )
    assert wishes_of(plan_data(text)) == {}
