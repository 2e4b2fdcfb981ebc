"""Layouts read at session 55 for ceremonies and terms (other names, days and places than any corpus document): a
ceremony held in sessions whose venue is one field below the sessions' rows, each official sent to a session named
in a sentence of their own; a delegation counted in a schedule's row that goes to another level's ceremony; a notice
that tells the old plan ("Theo Kế hoạch số …, Lễ … dự kiến …") before the new time; schools holding their own by
their own plan; a ceremony held at the parade's finish dated by the parade, the official who "phát lệnh" the
column at its ceremony; a day's programme of two ceremonies whose
timed rows name officials; a term cell that names the task before its date, and a term extended to an hour and day."""

from __future__ import annotations

import pytest

from imported import ceremonies_of, plan_data, wishes_of
from paradeplan.importer.extract import extract

# -- a ceremony in two sessions, its venue one field below them, each official at one session ------------------------
SESSIONS = (
    "UBND HUYỆN BÌNH CHÁNH\nTRƯỜNG THCS ĐA PHƯỚC\nSố: 52/KH-THCSĐP\nBình Chánh, ngày 20 tháng 9 năm 2024\n"
    "KẾ HOẠCH\nHưởng ứng Ngày Sách và Văn hóa đọc trong nhà trường năm 2024\n"
    "I. MỤC ĐÍCH\n- Khơi dậy thói quen đọc sách trong học sinh.\n"
    "II. LỄ PHÁT ĐỘNG\n"
    "Nhà trường học hai ca, nên tổ chức Lễ phát động vào giờ chào cờ của hai ca trong ngày thứ Hai, 07/10/2024:\n"
    "- {morning}: 06 giờ 50, khối 8 và khối 9.\n"
    "- {afternoon}: 13 giờ 10, khối 6 và khối 7.\n"
    "Địa điểm: Sân trường THCS Đa Phước.\n"
    "Cô Lâm Thị Hồng Nhung - Hiệu trưởng phát biểu tại {morning_low}; Thầy Đỗ Quang Vinh - Phó Hiệu trưởng phát "
    "biểu tại {afternoon_low}.\n"
    "III. TỔ CHỨC THỰC HIỆN\n- Tổng phụ trách Đội báo cáo kết quả trước ngày 15/10/2024.\n"
)


@pytest.mark.parametrize(("morning", "afternoon"), [("Ca sáng", "Ca chiều"), ("Buổi sáng", "Buổi chiều")])
def test_a_venue_below_the_sessions_is_each_ones_and_a_session_named_sends_its_official(
    morning: str, afternoon: str
) -> None:
    text = SESSIONS.format(
        morning=morning, afternoon=afternoon, morning_low=morning.lower(), afternoon_low=afternoon.lower()
    )
    data = plan_data(text)
    assert [c[:2] for c in ceremonies_of(data)] == [("2024-10-07", "06:50"), ("2024-10-07", "13:10")]
    assert all("Đa Phước" in c[2] for c in ceremonies_of(data))
    venue = {str(c["window_start"])[:5]: c["id"] for c in data["ceremonies"]}
    wishes = {p["name"]: p["wishes"] for p in data.get("people") or []}
    assert wishes.get("Lâm Thị Hồng Nhung") == [venue["06:50"]]
    assert wishes.get("Đỗ Quang Vinh") == [venue["13:10"]]


# -- a delegation counted in a schedule's row, going to another level's ceremony --------------------------------------
DELEGATION = (
    "UBND QUẬN BÌNH THẠNH\nTRƯỜNG TIỂU HỌC HÒA BÌNH\nSố: 33/KH-THHB\nBình Thạnh, ngày 18 tháng 9 năm 2024\nKẾ HOẠCH\n"
    "Các hoạt động hưởng ứng Tuần lễ học tập suốt đời năm 2024\n"
    "I. LỄ PHÁT ĐỘNG CỦA TRƯỜNG\n"
    "- Thời gian: 07 giờ 15, thứ Hai, ngày 30/9/2024.\n- Địa điểm: Sân trường Tiểu học Hòa Bình.\n"
    "II. CÁC HOẠT ĐỘNG KHÁC\n"
    "{group} dự Lễ khai mạc Tuần lễ cấp quận — Thời gian: 08 giờ 00, thứ Ba 01/10/2024; Địa điểm: Nhà văn hóa "
    "Thiếu nhi quận Bình Thạnh.\n"
    "Thi vẽ tranh “Em yêu sách” — Thời gian: 14 giờ 00, thứ Năm 03/10/2024; Địa điểm: Các lớp.\n"
)


@pytest.mark.parametrize("group", ["Đoàn 25 học sinh, 4 giáo viên", "Đoàn 12 đội viên"])
def test_a_counted_delegation_going_to_a_ceremony_is_no_ceremony_of_the_plan(group: str) -> None:
    data = plan_data(DELEGATION.format(group=group))
    assert [c[:2] for c in ceremonies_of(data)] == [("2024-09-30", "07:15")]


# -- a notice that tells the old plan's time before the new one ------------------------------------------------------
NOTICE = (
    "ỦY BAN NHÂN DÂN XÃ TÂN NHỰT\nSố: 88/TB-UBND\nTân Nhựt, ngày 27 tháng 9 năm 2024\nTHÔNG BÁO\n"
    "Về việc điều chỉnh thời gian, địa điểm tổ chức Lễ khai mạc Tuần lễ học tập suốt đời năm 2024\n"
    "{told} Lễ khai mạc Tuần lễ dự kiến tổ chức lúc 08 giờ 00, thứ Ba ngày 01/10/2024, tại Hội trường UBND xã "
    "Tân Nhựt.\n"
    "Do trùng lịch công tác, UBND xã điều chỉnh như sau:\n"
    "1. Lễ khai mạc Tuần lễ của xã\n"
    "- Thời gian (mới): 14 giờ 00, thứ Tư ngày 02/10/2024.\n"
    "- Địa điểm (mới): Trường Tiểu học Tân Nhựt.\n"
    "2. Các nội dung khác giữ nguyên.\n"
)


@pytest.mark.parametrize(
    "told",
    [
        "Theo Kế hoạch số 301/KH-UBND ngày 16 tháng 9 năm 2024 của UBND xã,",
        "Theo Thông báo số 75/TB-UBND ngày 18/9/2024,",
    ],
)
def test_the_old_plans_ceremony_told_in_a_notice_is_no_instance(told: str) -> None:
    data = plan_data(NOTICE.format(told=told))
    assert [c[:2] for c in ceremonies_of(data)] == [("2024-10-02", "14:00")]


# -- schools holding their own by their own plan ----------------------------------------------------------------------
SCHOOLS = (
    "ỦY BAN NHÂN DÂN PHƯỜNG AN LẠC\nSố: 140/KH-UBND\nAn Lạc, ngày 20 tháng 9 năm 2024\nKẾ HOẠCH\n"
    "Tổ chức Lễ khai mạc Tuần lễ học tập suốt đời năm 2024\n"
    "1. Lễ khai mạc của phường: 15 giờ 00, thứ Tư ngày 02/10/2024, tại Nhà văn hóa phường An Lạc.\n"
    "2. {holders} vẫn tổ chức lễ hưởng ứng dưới cờ sáng thứ Hai 07/10/2024 theo kế hoạch của {own}.\n"
)


@pytest.mark.parametrize(("holders", "own"), [("Các trường mầm non, tiểu học", "trường"), ("Các khu phố", "đơn vị")])
def test_units_holding_their_own_by_their_own_plan_hold_no_ceremony_of_the_plan(holders: str, own: str) -> None:
    data = plan_data(SCHOOLS.format(holders=holders, own=own))
    assert [c[:2] for c in ceremonies_of(data)] == [("2024-10-02", "15:00")]


# -- a ceremony at the parade's finish, dated by the parade -----------------------------------------------------------
FINISH = (
    "ỦY BAN NHÂN DÂN PHƯỜNG HIỆP BÌNH\nSố: 97/KH-UBND\nHiệp Bình, ngày 19 tháng 9 năm 2024\nKẾ HOẠCH\n"
    "Diễu hành cổ động và Hội sách hưởng ứng Tuần lễ học tập suốt đời năm 2024\n"
    "Tuần lễ được tổ chức từ ngày 01/10/2024 đến ngày 07/10/2024.\n"
    "1. Lễ xuất quân\n"
    "- Thời gian: 07 giờ 00, Chủ nhật, ngày 06/10/2024.\n"
    "- Địa điểm: sân Nhà văn hóa Hiệp Bình.\n"
    "- Ông Quách Văn Sang, Chủ tịch UBND phường phát lệnh xuất phát.\n"
    "2. Lộ trình: Nhà văn hóa Hiệp Bình → đường Hiệp Bình → đường Phạm Văn Đồng → Trường THPT Hiệp Bình.\n"
    "3. Hội sách tại điểm kết thúc\n"
    "- Khai mạc lúc 09 giờ 00 tại {at}Trường THPT Hiệp Bình.\n"
    "- Bà Lưu Thị Kim Oanh, Phó Chủ tịch UBND phường phát biểu khai mạc Hội sách.\n"
    "4. Trường THPT Hiệp Bình tổng duyệt chương trình lúc 16 giờ 00 thứ Bảy, ngày 05/10/2024.\n"
)


@pytest.mark.parametrize("at", ["sân ", ""])
def test_a_ceremony_at_the_routes_finish_without_a_day_is_on_the_parades_day(at: str) -> None:
    data = plan_data(FINISH.format(at=at))
    assert [c[:2] for c in ceremonies_of(data)] == [("2024-10-06", "07:00"), ("2024-10-06", "09:00")]


# -- a day's programme of two ceremonies, officials in its timed rows ------------------------------------------------
PROGRAMME = (
    "ỦY BAN NHÂN DÂN THÀNH PHỐ CAM RANH\nSố: 210/KH-UBND\nCam Ranh, ngày 21 tháng 9 năm 2024\nKẾ HOẠCH\n"
    "Tổ chức Lễ ra quân và Lễ khai mạc Tuần lễ học tập suốt đời năm 2024\n"
    "I. THỜI GIAN, ĐỊA ĐIỂM\n"
    "1. Lễ ra quân tuyên truyền: 06 giờ 30, thứ Bảy, ngày 05/10/2024, tại Quảng trường Cam Ranh.\n"
    "2. Lễ khai mạc Tuần lễ: 08 giờ 30 cùng ngày, tại Nhà văn hóa thành phố Cam Ranh.\n"
    "II. CHƯƠNG TRÌNH\n"
    "{rows}"
    "III. TỔ CHỨC THỰC HIỆN\n- Các phường báo cáo kết quả trước ngày 12/10/2024.\n"
)
ROWS_TIMED = (
    "- 06 giờ 30: Văn nghệ chào mừng.\n"
    "- 06 giờ 40: Ông Phan Đức Hạnh, Phó Chủ tịch UBND thành phố phát lệnh ra quân.\n"
    "- 08 giờ 30: Bà Trịnh Thu Hà, Trưởng phòng Văn hóa phát biểu khai mạc Tuần lễ.\n"
)
ROWS_TABLE = (
    "Phát lệnh ra quân — Thời gian: 06 giờ 40 - 06 giờ 50; Thực hiện: Ông Phan Đức Hạnh, Phó Chủ tịch UBND "
    "thành phố.\n"
    "Diễu hành tuyên truyền — Thời gian: 07 giờ 00 - 08 giờ 00; Thực hiện: Các đơn vị.\n"
    "Phát biểu khai mạc — Thời gian: 08 giờ 30 - 08 giờ 45; Thực hiện: Bà Trịnh Thu Hà, Trưởng phòng Văn hóa.\n"
)


@pytest.mark.parametrize("rows", [ROWS_TIMED, ROWS_TABLE])
def test_a_programmes_timed_row_sends_its_official_to_the_ceremony_begun_by_then(rows: str) -> None:
    data = plan_data(PROGRAMME.format(rows=rows))
    wishes = wishes_of(data)
    assert wishes.get("Phan Đức Hạnh") == ["Quảng trường Cam Ranh"]
    assert wishes.get("Trịnh Thu Hà") == ["Nhà văn hóa thành phố Cam Ranh"]


# -- terms: a task before its date in a term cell, a term extended to an hour and day ----------------------------------
TERMS = (
    "UBND QUẬN TÂN PHÚ\nTRƯỜNG THCS HOÀNG DIỆU\nSố: 19/KH-THCSHD\nTân Phú, ngày 16 tháng 9 năm 2024\nKẾ HOẠCH\n"
    "Tổ chức Ngày hội đọc sách năm 2024\n"
    "I. PHÂN CÔNG\n"
    "Bộ phận: Tổ Tiếng Anh; Nhiệm vụ: Chọn sách song ngữ; Thời hạn: {term}.\n"
    "II. ĐIỀU CHỈNH\n"
    "- Thời hạn nộp bài dự thi trước đây là ngày 04/10/2024, nay gia hạn đến 17 giờ 00 ngày 08/10/2024.\n"
)


@pytest.mark.parametrize("term", ["Nộp danh sách sách trước 25/9/2024", "Gửi thư mục chậm nhất ngày 25/9/2024"])
def test_a_term_naming_its_task_and_a_term_extended_to_an_hour_are_due_then(term: str) -> None:
    dues = sorted(str(d.due) for d in extract(TERMS.format(term=term), "kh.txt").deadlines)
    assert dues == ["2024-09-25", "2024-10-08"]


def test_the_official_who_sends_the_column_off_is_at_the_ceremony_of_his_section() -> None:
    wishes = wishes_of(plan_data(FINISH.format(at="")))
    assert wishes.get("Quách Văn Sang") == ["Nhà văn hóa Hiệp Bình"]
    assert wishes.get("Lưu Thị Kim Oanh") == ["Trường THPT Hiệp Bình"]
