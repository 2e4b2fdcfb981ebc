"""Ceremonies listed in a table by level, unit, time, venue and the officials who attend: each row its own
ceremony and attendances. Each test writes its own text (no corpus document) and checks one rule."""

from __future__ import annotations

from datetime import date, time

from paradeplan.importer import import_text
from paradeplan.importer.extract import extract

LETTER = (
    "UBND TỈNH NGHỆ AN\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 1520/SGDĐT-GDTX\n"
    "V/v lịch khai mạc Tuần lễ học tập suốt đời năm 2022\nNghệ An, ngày 15 tháng 9 năm 2022\n"
    "Kính gửi: Ủy ban nhân dân các huyện, thành phố, thị xã.\n"
    "Căn cứ Kế hoạch số 410/KH-UBND ngày 05/9/2022 của UBND tỉnh, Sở thông báo lịch tổ chức Lễ khai mạc "
    "Tuần lễ như sau:\n"
    "| Cấp tổ chức | Đơn vị | Thời gian | Địa điểm | Lãnh đạo tham dự |\n"
    "| Tỉnh | Sở Giáo dục và Đào tạo | 8h00, thứ Bảy 01/10/2022 | Trường THPT Huỳnh Thúc Kháng | "
    "Đồng chí Trần Minh Tâm, Phó Chủ tịch UBND tỉnh |\n"
    "| Huyện | UBND huyện Nam Đàn | 15h00 cùng ngày | Nhà văn hóa huyện Nam Đàn | "
    "Đồng chí Trần Minh Tâm, Phó Chủ tịch UBND tỉnh |\n"
    "| Xã | UBND xã Kim Liên (huyện Nam Đàn) | 7h30, Chủ nhật 02/10/2022 | Trung tâm học tập cộng đồng xã Kim Liên | "
    "Ông Hồ Văn Bình, Phó Giám đốc Sở; Bà Lê Thị Na, Trưởng phòng |\n"
    "| Sơ kết | Sở Giáo dục và Đào tạo | 14h00, 20/10/2022 | Phòng họp Sở | Hội nghị sơ kết (trực tuyến) |\n"
    "Các huyện gửi báo cáo kết quả về Sở trước ngày 12/10/2022.\n"
)


def test_each_row_of_a_level_table_is_its_own_ceremony_and_cung_ngay_takes_the_row_above():
    ex = extract(LETTER, "lich.docx")
    got = [(c.date, c.time, c.place) for c in ex.events.ceremonies]
    assert got == [
        (date(2022, 10, 1), time(8, 0), "Trường THPT Huỳnh Thúc Kháng"),
        (date(2022, 10, 1), time(15, 0), "Nhà văn hóa huyện Nam Đàn"),
        (date(2022, 10, 2), time(7, 30), "Trung tâm học tập cộng đồng xã Kim Liên"),
    ]


def test_a_unit_in_brackets_after_another_locates_it_and_holds_nothing():
    ex = extract(LETTER, "lich.docx")
    hosts = [[u.name for u in c.host.units] for c in ex.events.ceremonies]
    assert hosts[2] == ["Kim Liên"]


def test_the_officials_column_gives_each_person_their_rows_in_order():
    ex = extract(LETTER, "lich.docx")
    got = [(o.name.split(",")[0], o.targets) for o in ex.events.officials]
    assert got == [
        ("Đồng chí Trần Minh Tâm", ["Trường THPT Huỳnh Thúc Kháng", "Nhà văn hóa huyện Nam Đàn"]),
        ("Ông Hồ Văn Bình", ["Trung tâm học tập cộng đồng xã Kim Liên"]),
        ("Bà Lê Thị Na", ["Trung tâm học tập cộng đồng xã Kim Liên"]),
    ]


def test_no_ceremony_on_the_report_deadline_nor_on_the_meeting_row():
    res = import_text(LETTER, "lich.docx")
    dates = {c["date"] for c in res.written_ceremonies()}
    assert dates == {"2022-10-01", "2022-10-02"}
    assert [len(p["wishes"]) for p in res.data["people"]] == [2, 1, 1]


COMMUNE = (
    "ỦY BAN NHÂN DÂN\nXÃ BÀ ĐIỂM\nSố: 88/KH-UBND\nBà Điểm, ngày 15 tháng 9 năm 2025\nKẾ HOẠCH\n"
    "Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2025\nII. LỊCH HOẠT ĐỘNG\n"
    "| STT | Nội dung | Thời gian | Địa điểm | Thành phần |\n"
    "| 1 | Lễ khai mạc | 7 giờ 30, thứ Năm 02/10/2025 | Nhà văn hóa xã Bà Điểm | Bà Trần Thị Mai, Chủ tịch UBND xã |\n"
    "| 2 | Ngày hội đọc sách | 8 giờ, 04/10/2025 | Thư viện xã | Đoàn Thanh niên |\n"
    "| 3 | Lễ bế mạc | 16 giờ 00 cùng ngày | Nhà văn hóa xã Bà Điểm | Văn phòng UBND xã |\n"
)


def test_cung_ngay_in_a_row_is_the_row_aboves_day_and_an_opening_and_a_closing_stay_two():
    res = import_text(COMMUNE, "lich.docx")
    got = [(c["name"].split(" — ")[0], c["date"], c["time"]) for c in res.written_ceremonies()]
    assert got == [("Lễ khai mạc", "2025-10-02", "07:30"), ("Lễ bế mạc", "2025-10-04", "16:00")]


def test_an_activity_row_is_named_by_its_subject_not_its_fields():
    res = import_text(COMMUNE, "lich.docx")
    assert [a["name"] for a in res.data["activities"]] == ["Ngày hội đọc sách"]


def test_a_person_in_a_ceremony_rows_participants_attends_it():
    ex = extract(COMMUNE, "lich.docx")
    assert [(o.name, o.targets) for o in ex.events.officials] == [
        ("Bà Trần Thị Mai, Chủ tịch UBND xã", ["Nhà văn hóa xã Bà Điểm"])
    ]


def test_rows_of_a_ceremony_table_under_a_heading_each_a_ceremony_whatever_the_columns():
    """A heading naming the ceremony above a table whose rows start with their time (columns in any order, one
    column no rule reads): every row is one ceremony with its own venue, never the heading's alone."""
    import random

    r = random.Random(21)
    venues = ("Trung tâm Hội nghị tỉnh", "Nhà văn hóa huyện Vị Xuyên", "Trường THPT Hùng An", "Nhà văn hóa xã Tân Lập")
    for _ in range(10):
        n = r.randint(2, 4)
        rows = [
            {
                "Ngày": f"0{1 + k // 2}/10/2020",
                "Giờ": f"{7 + 2 * k} giờ {r.choice(('00', '30'))}",
                "Cấp tổ chức": r.choice(("Tỉnh", "Huyện Bắc Quang", "Xã Tân Lập")),
                "Địa điểm tổ chức": venues[k],
                r.choice(("Lãnh đạo tỉnh dự", "Ghi chú", "Người phụ trách")): r.choice(
                    ("Đ/c Lục Văn Thắng (Phó Chủ tịch UBND tỉnh)", "Chuẩn bị phông nền", "Văn phòng Sở")
                ),
            }
            for k in range(n)
        ]
        cols = list(rows[0])
        r.shuffle(cols)
        other = next(c for c in cols if c not in ("Ngày", "Giờ", "Cấp tổ chức", "Địa điểm tổ chức"))
        for row in rows:
            row[other] = row.pop(next(k for k in row if k not in ("Ngày", "Giờ", "Cấp tổ chức", "Địa điểm tổ chức")))
        table = "| " + " | ".join(cols) + " |\n" + "".join("| " + " | ".join(x[c] for c in cols) + " |\n" for x in rows)
        heading = r.choice(("III. LỄ KHAI MẠC VÀ PHÂN CÔNG LÃNH ĐẠO DỰ", "2. Lễ khai mạc Tuần lễ các cấp"))
        text = (
            "ỦY BAN NHÂN DÂN TỈNH HÀ GIANG\nHà Giang, ngày 15 tháng 9 năm 2020\nKẾ HOẠCH\nTuần lễ học tập suốt đời\n"
            f"{heading}\n{table}Các đơn vị báo cáo trước ngày 20/10/2020.\n"
        )
        got = sorted((c.time, c.place) for c in extract(text, "k.docx").events.ceremonies if c.time)
        want = sorted((time(7 + 2 * k, int(rows[k]["Giờ"][-2:])), venues[k]) for k in range(n))
        assert got == want, text
