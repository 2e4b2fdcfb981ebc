"""Leaders' schedules sent as chat messages, each written here in variants (other names, days and places; no corpus
document): ceremonies numbered "1/" over their "- Thời gian:" and "- Địa điểm:" lines, one said held "tại cụm
trường …" with its school on the line below; a schedule titled with its day under the chat's own date line, each
leader written "A."/"C." over the bullets of their visits ("7g dự khai mạc tại …"); a schedule of visits to one kind
of ceremony whose items say only "dự tại X lúc …"; and the chat replies that move an hour or send a stand-in."""

from __future__ import annotations

import pytest

from imported import ceremonies_of, plan_data, wishes_of
from paradeplan.importer.dates import find_times
from paradeplan.importer.events import persons
from paradeplan.importer.extract import extract

# -- ceremonies numbered "1/" in a commune's message ---------------------------------------------------------------
NUMBERED_SLASH = (
    '[Nhóm Zalo "UBND XÃ IA CHIM - ĐIỀU HÀNH"]\n\n'
    "Văn phòng UBND xã Ia Chim — 26/09/2024 09:15\n"
    "THÔNG BÁO lịch hưởng ứng Tuần lễ học tập suốt đời năm 2024, các thôn, các trường nắm thực hiện:\n\n"
    "1/ Lễ khai mạc Tuần lễ cấp xã:\n"
    "- Thời gian: {first_time}, ngày 1/10.\n"
    "- Địa điểm: Nhà văn hóa xã Ia Chim.\n"
    "- Thành phần: đ/c Rơ Châm Hơn - PCT UBND xã (phát biểu khai mạc); trưởng các thôn.\n\n"
    "2/ Lễ hưởng ứng tại {group}:\n"
    "- {second_time} thứ Tư 2/10 tại Trường TH Ia Chim số 2 (điểm trường làng Klah). Đ/c Rơ Châm Hơn dự.\n\n"
    "3/ Các trường gửi danh sách về VP UBND xã trước ngày 30/9.\n"
)


@pytest.mark.parametrize(
    ("first_time", "group", "second_time", "times"),
    [
        ("8h sáng thứ Ba", "cụm trường vùng sâu", "14h chiều", ("08:00", "14:00")),
        ("14h30 chiều thứ Ba", "cụm thôn phía Tây", "7h30 sáng", ("14:30", "07:30")),
    ],
)
def test_ceremonies_numbered_with_a_slash_over_their_fields(
    first_time: str, group: str, second_time: str, times: tuple[str, str]
) -> None:
    ex = extract(NUMBERED_SLASH.format(first_time=first_time, group=group, second_time=second_time), "zalo.txt")
    read = [(str(c.date), c.time.strftime("%H:%M") if c.time else None, c.place) for c in ex.events.ceremonies]
    assert read == [
        ("2024-10-01", times[0], "Nhà văn hóa xã Ia Chim"),
        ("2024-10-02", times[1], "Trường TH Ia Chim số 2"),
    ]


# -- a leaders' schedule titled with its day, each leader over the bullets of their visits --------------------------
SCHEDULE = (
    "[Nhóm Zalo] VĂN PHÒNG UBND P. TÂN ĐỊNH\n"
    "Thứ Sáu, 27/9/2024\n\n"
    "[15:20] Lê Thị Ngọc (VP UBND):\n"
    "📌 {title}\n"
    "Em gửi các anh chị lịch dự lễ khai mạc ở các điểm ạ.\n"
    "1️⃣ A. Trần Văn Bình (Chủ tịch UBND):\n"
    " - 7g dự khai mạc tại Trường THCS Lê Lợi\n"
    " - sau đó dự Lễ khai mạc tại TTHTCĐ phường Tân Định (8g30)\n"
    "2️⃣ C. Phan Thị Hạnh (PCT UBND): dự tại TTHTCĐ phường, trao giấy khen\n"
    "3️⃣ A. Hồ Quốc Dũng (PCT UBND): 7g dự khai mạc tại Trường MN Sơn Ca\n\n"
    "[16:02] Hồ Quốc Dũng: Ngọc ơi sáng mai anh họp Thành ủy, không dự MN Sơn Ca được. Em báo c. Mai giúp anh.\n"
    "[16:10] Lê Thị Ngọc (VP UBND): Dạ em đã báo c. Đặng Thị Mai (PCT UBND) dự thay tại MN Sơn Ca lúc 7g ạ.\n"
    "[16:30] Lê Thị Ngọc (VP UBND): CẬP NHẬT: khai mạc tại THCS Lê Lợi lúc 7g20 (không phải 7g như lịch trên).\n"
)


@pytest.mark.parametrize(
    "title",
    [
        "LỊCH CÔNG TÁC LÃNH ĐẠO NGÀY 02/10/2024 (THỨ TƯ) – KHAI MẠC TUẦN LỄ HỌC TẬP SUỐT ĐỜI",
        "Lịch làm việc của Thường trực UBND phường ngày 02/10/2024 - dự khai mạc Tuần lễ",
    ],
)
def test_a_leaders_schedule_sent_as_a_chat_message(title: str) -> None:
    data = plan_data(SCHEDULE.format(title=title), "zalo.txt")
    assert ceremonies_of(data) == [
        ("2024-10-02", "07:00", "Trường MN Sơn Ca"),
        ("2024-10-02", "07:20", "Trường THCS Lê Lợi"),
        ("2024-10-02", "08:30", "TTHTCĐ phường Tân Định"),
    ]
    assert wishes_of(data) == {
        "Trần Văn Bình": ["Trường THCS Lê Lợi", "TTHTCĐ phường Tân Định"],
        "Phan Thị Hạnh": ["TTHTCĐ phường Tân Định"],
        "Đặng Thị Mai": ["Trường MN Sơn Ca"],
    }


# -- a schedule of visits to one kind of ceremony, its items naming places only --------------------------------------
VISITS = (
    "[Nhóm Zalo] LÃNH ĐẠO UBND TP PHAN RANG – LỊCH CÔNG TÁC\n"
    "Thứ Tư, 27/9/2023\n\n"
    "[09:30] Trần Minh Khoa (VP UBND TP):\n"
    "Dạ em kính gửi các anh chị lịch {kind} Tuần lễ HTSĐ 2023 tại cơ sở, sáng thứ Hai 02/10 (theo KH 512/KH-UBND "
    "ngày 08/9 của UBND TP):\n"
    "1️⃣ A Tâm (đ/c Nguyễn Minh Tâm – CT UBND TP): dự tại TTHTCĐ P. Phước Mỹ lúc 7h30, sau đó dự tại Trường TH "
    "Phước Mỹ 2 lúc 9h.\n"
    "2️⃣ C Thu (đ/c Lương Thị Thu – PCT UBND TP): dự tại TTHTCĐ xã Thành Hải lúc 7h30.\n\n"
    "[10:15] Trần Minh Khoa (VP UBND TP):\n"
    "Dạ em cập nhật: xã Thành Hải vừa báo {moved} sang 8h15, địa điểm không đổi ạ.\n"
)


@pytest.mark.parametrize(
    ("kind", "moved"),
    [
        ("dự Lễ khai mạc", "lùi giờ khai mạc"),
        ("đi dự lễ khai mạc", "dời giờ tổ chức lễ khai mạc"),
    ],
)
def test_a_schedule_of_visits_to_one_kind_of_ceremony(kind: str, moved: str) -> None:
    data = plan_data(VISITS.format(kind=kind, moved=moved), "zalo.txt")
    assert ceremonies_of(data) == [
        ("2023-10-02", "07:30", "TTHTCĐ Phường Phước Mỹ"),
        ("2023-10-02", "08:15", "TTHTCĐ xã Thành Hải"),
        ("2023-10-02", "09:00", "Trường TH Phước Mỹ 2"),
    ]
    assert wishes_of(data) == {
        "Nguyễn Minh Tâm": ["TTHTCĐ Phường Phước Mỹ", "Trường TH Phước Mỹ 2"],
        "Lương Thị Thu": ["TTHTCĐ xã Thành Hải"],
    }


# -- the words themselves ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("A. Trần Văn Bình (Chủ tịch UBND):", ["Trần Văn Bình"]),
        ("đã báo c. Đặng Thị Mai (PCT UBND) dự thay", ["Đặng Thị Mai"]),
        ("A. LỄ KHAI MẠC CẤP QUẬN", []),  # a part's letter over a heading in capitals
        ("đ/c A Thuân - PCT UBND xã", ["A Thuân"]),  # a name of its own, no short "anh"
    ],
)
def test_a_message_s_short_anh_and_chi(text: str, names: list[str]) -> None:
    assert [n for n, _s, _e in persons(text)] == names


@pytest.mark.parametrize(("text", "hour"), [("7g dự khai mạc", 7), ("8g chủ trì lễ", 8), ("9g tham dự", 9)])
def test_an_hour_written_g_before_a_visit(text: str, hour: int) -> None:
    from paradeplan.importer.text import fold

    assert [t.as_time.hour for t in find_times(fold(text))] == [hour]
