"""Dates and times in any notation, attached to their event by the document's tree (generated texts, seeded)."""

from __future__ import annotations

import random
from datetime import date, time

import pytest

from paradeplan.importer.dates import find_dates, find_times
from paradeplan.importer.extract import extract
from paradeplan.importer.text import fold

WEEKDAYS = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")
SHORT_WEEKDAYS = ("T2", "T3", "T4", "T5", "T6", "T7", "CN")


def date_text(r: random.Random, d: date, with_year: bool) -> str:
    """A date in one of the notations offices use, with or without weekday and year."""
    dd = f"{d.day:02d}" if r.random() < 0.5 else str(d.day)
    mm = f"{d.month:02d}" if r.random() < 0.5 else str(d.month)
    wd = d.weekday()
    form = r.randrange(4)
    if form == 0:
        text = f"ngày {dd} tháng {mm}" + (f" năm {d.year}" if with_year else "")
    else:
        sep = r.choice("/-.")
        text = f"{dd}{sep}{mm}" + (f"{sep}{d.year}" if with_year else "")
        text = {1: "ngày " + text, 3: f"({text})"}.get(form, text)
    leads = ("", f"{WEEKDAYS[wd]}, ", f"{WEEKDAYS[wd]} ", f"{SHORT_WEEKDAYS[wd]}, ", f"{SHORT_WEEKDAYS[wd]} ")
    lead = r.choice((*leads, f"🗓️ {WEEKDAYS[wd]} ", f"Sáng {WEEKDAYS[wd].lower()}, "))
    if form == 2 and not with_year and not lead:
        lead = f"{WEEKDAYS[wd]}, "
    return lead + text


def time_text(r: random.Random, t: time) -> str:
    """A clock time in one of the notations offices use, sometimes on a 12-hour clock with the part of the day."""
    h, m = t.hour, t.minute
    hh = h - 12 if h >= 13 and r.random() < 0.5 else h
    part = (" chiều" if h < 18 else " tối") if hh != h else ""
    if not part and h < 11 and r.random() < 0.4:
        part = " sáng"
    if m == 0:
        forms = (f"{hh}h00", f"{hh}h", f"{hh} giờ", f"{hh}g00", f"{hh}:00", f"{hh} giờ 00 phút", f"{hh:02d}g00")
    elif m == 30:
        forms = (
            f"{hh}h30",
            f"{hh} giờ rưỡi",
            f"{hh}:30",
            f"{hh:02d}g30",
            f"{hh} giờ 30 phút",
            f"{hh} giờ 30",
            f"{hh}h30'",
        )
    else:
        forms = (
            f"{hh}h{m:02d}",
            f"{hh:02d}g{m:02d}",
            f"{hh}:{m:02d}",
            f"{hh} giờ {m} phút",
            f"{hh} giờ {m:02d}",
            f"{hh}g{m}",
        )
    if part and r.random() < 0.2:  # "7g sáng", "lúc 7.30 chiều": forms read only beside a part of the day
        return (f"{hh}g" if m == 0 else f"{hh}.{m:02d}") + part
    return r.choice(forms) + part


def random_day(r: random.Random) -> date:
    """A day in the first half of October of a year offices wrote plans in."""
    return date(r.choice((2019, 2022, 2024, 2025, 2026)), 10, r.randint(1, 15))


def test_every_notation_of_a_date_is_read() -> None:
    r = random.Random(24)
    for _ in range(300):
        d = date(r.choice((2019, 2022, 2024)), r.randint(1, 12), r.randint(1, 28))
        text = date_text(r, d, r.random() < 0.6)
        got = [f.value for f in find_dates(fold(f"Đoàn xe tập trung {text}. "), d.year)]
        assert got == [d], text


def test_every_notation_of_a_time_is_read() -> None:
    r = random.Random(7)
    for _ in range(300):
        t = time(r.choice((6, 7, 8, 9, 13, 14, 15, 16, 19, 20)), r.choice((0, 15, 30, 45)))
        text = time_text(r, t)
        got = [f.value for f in find_times(fold(f"tập trung lúc {text}, tại sân"))]
        assert got == [t], text


ROUTE = "Lộ trình: Chợ Thạch Đà - đường Phạm Văn Chiêu - đường Quang Trung - Chợ Thạch Đà."
NOISE = (
    "Căn cứ Kế hoạch số 12/KH-UBND ngày {cited} của UBND quận;",
    "Các khu phố gửi danh sách xe về Văn phòng trước ngày {due}.",
    "Họp Ban tổ chức vào ngày {due} tại hội trường.",
)


def _layout(r: random.Random, day: date, at: time, go: time) -> str:
    """A parade's day, assembly and departure in one of several layouts: one line, a day heading, a cell, a script."""
    d, ta, tg = date_text(r, day, r.random() < 0.5), time_text(r, at), time_text(r, go)
    wd = WEEKDAYS[day.weekday()]
    layouts = (
        f"1. Thời gian: {d}. Các xe tập kết lúc {ta}, xuất phát lúc {tg}.",
        f"🗓️ {wd} ({day.day:02d}/{day.month:02d})\n⏰ {ta}: các xe tập trung tại sân trường\n⏰ {tg}: đoàn xe khởi hành",
        f"{d}: tập trung {ta}; xuất phát {tg}.",
        f"3. Kịch bản ({d})\n{ta}: Các xe hoa tập trung tại sân trường.\n{tg}: Đoàn xe xuất phát.",
        f"THỜI GIAN\n{wd.upper()} ({day.day:02d}/{day.month:02d})\n- Tập trung: {ta}. Xuất phát: {tg}.",
    )
    return r.choice(layouts)


@pytest.mark.parametrize("seed", range(4))
def test_a_parades_day_and_times_attach_by_the_tree(seed: int) -> None:
    r = random.Random(seed)
    for _ in range(20):
        day = random_day(r)
        at = time(r.choice((6, 7, 13, 14)), r.choice((0, 15, 30)))
        go = time(at.hour + (at.minute + 30) // 60, (at.minute + 30) % 60)
        cited, due = f"0{r.randint(1, 9)}/0{r.randint(1, 9)}/{day.year}", f"2{r.randint(0, 8)}/09/{day.year}"
        noise = r.sample([n.format(cited=cited, due=due) for n in NOISE], r.randint(0, 3))
        head = f"UBND PHƯỜNG 14\nKẾ HOẠCH\nDiễu hành xe hoa hưởng ứng Tuần lễ học tập suốt đời năm {day.year}\n"
        body = [*noise[:1], _layout(r, day, at, go), ROUTE, *noise[1:]]
        text = head + "\n".join(body)
        got = extract(text, "x.txt")
        assert (got.departure_date or got.assembly_date) == day, text
        assert (got.assembly_time, got.departure_time) == (at, go), text


@pytest.mark.parametrize("seed", range(2))
def test_a_deadline_a_meeting_or_a_cited_document_never_dates_the_parade(seed: int) -> None:
    r = random.Random(100 + seed)
    for _ in range(15):
        year = r.choice((2022, 2024))
        cited, due = f"0{r.randint(1, 9)}/10/{year}", f"{r.randint(10, 28)}/10/{year}"
        noise = [n.format(cited=cited, due=due) for n in NOISE]
        r.shuffle(noise)
        ta = time_text(r, time(6, 30))
        text = f"KẾ HOẠCH\nDiễu hành xe hoa năm {year}\n" + "\n".join(
            [*noise, f"{ta}: các xe tập trung tại sân.", ROUTE]
        )
        got = extract(text, "x.txt")
        assert got.assembly_time == time(6, 30), text
        assert got.assembly_date is None and got.departure_date is None, text


def _ceremony_plan(r: random.Random, day: date, at: time) -> str:
    """A ceremony whose date is in its clause, its section's title, a day heading or the document's title."""
    d, tt = date_text(r, day, r.random() < 0.6), time_text(r, at)
    venue = "Nhà văn hóa phường Bình Hòa"
    due = f"Các đơn vị báo cáo kết quả trước ngày 2{r.randint(0, 8)}/10/{day.year}."
    title, body = "Tổ chức Lễ khai mạc Tuần lễ học tập suốt đời", ""
    layout = r.randrange(5)
    if layout == 0:
        body = f"1. Lễ khai mạc\n- Thời gian: {tt}, {d}.\n- Địa điểm: {venue}.\n2. Báo cáo\n{due}"
    elif layout == 1:
        body = f"II. LỄ KHAI MẠC ({d})\n- Thời gian: {tt}.\n- Địa điểm: {venue}.\n{due}"
    elif layout == 2:
        heading = f"{WEEKDAYS[day.weekday()].upper()} ({day.day:02d}/{day.month:02d})"
        title, body = (
            f"Lịch công tác tuần năm {day.year}",
            f"{heading}\n- {tt}: Lễ khai mạc Tuần lễ tại {venue}.\n{due}",
        )
    elif layout == 3:
        title, body = f"{title} ({d})", f"1. Lễ khai mạc được tổ chức lúc {tt} tại {venue}.\n{due}"
    else:
        body = f"Lễ khai mạc — Thời gian: {tt}, {d}; Địa điểm: {venue}.\n{due}"
    issued = f"Bình Hòa, ngày 15 tháng 9 năm {day.year}"
    return f"UBND PHƯỜNG BÌNH HÒA\nSố: 12/KH-UBND\n{issued}\nKẾ HOẠCH\n{title}\n{body}\n"


@pytest.mark.parametrize("seed", range(3))
def test_a_ceremonys_date_attaches_by_clause_section_day_heading_or_title_never_a_deadline(seed: int) -> None:
    r = random.Random(50 + seed)
    for _ in range(20):
        day = random_day(r)
        at = time(r.choice((7, 8, 14, 15)), r.choice((0, 30)))
        text = _ceremony_plan(r, day, at)
        got = [(c.date, c.time) for c in extract(text, "kh.txt").events.ceremonies]
        assert got == [(day, at)], text


_INTRO = (
    "{cite}, {part}{d} {unit} tổ chức đoàn xe diễu hành tuyên truyền Tuần lễ học tập suốt đời.",
    "{unit} thông báo: {part}{d}, {unit_low} tổ chức đoàn xe hoa diễu hành trên các tuyến đường.",
    "{cite}, {unit} tổ chức diễu hành xe hoa vào {part}{d}.",
)


@pytest.mark.parametrize("seed", range(3))
def test_the_sentence_that_introduces_the_parade_dates_it_never_the_document_it_cites(seed: int) -> None:
    """The parade's day written only where the column is first named, after a clause citing another document."""
    r = random.Random(300 + seed)
    for _ in range(20):
        day = random_day(r)
        d = date_text(r, day, True)
        number = f"{r.randint(10, 400)}/KH-UBND" if r.random() < 0.7 else f"{r.randint(10, 400)}"
        cited = f"{r.randint(1, 20)}/{r.choice(('9', '09'))}/{day.year}"  # a cited document's date has no weekday
        cite = f"{r.choice(('Theo', 'Thực hiện'))} Kế hoạch {r.choice(('số ', ''))}{number} ngày {cited} của UBND quận"
        unit = r.choice(("UBND phường", "Ủy ban nhân dân Phường 8", "Nhà trường"))
        part = r.choice(("", "sáng ", "chiều ", "tối ")) if d[:1] in "n0123456789" else ""
        intro = r.choice(_INTRO).format(cite=cite, part=part, d=d, unit=unit, unit_low=unit.lower())
        at, go = time_text(r, time(14, 0)), time_text(r, time(14, 30))
        times = f"Các xe tập kết tại sân trường từ {at}; đoàn xe xuất phát lúc {go}."
        issued = f"Bình Hòa, ngày 25 tháng 9 năm {day.year}"
        text = f"UBND PHƯỜNG BÌNH HÒA\n{issued}\nTHÔNG BÁO\nVề việc tổ chức đoàn xe\n{intro}\n{times}\n{ROUTE}\n"
        got = extract(text, "x.txt")
        assert (got.departure_date or got.assembly_date) == day, text


@pytest.mark.parametrize("seed", range(2))
def test_an_hour_with_g_before_a_place_or_range_word_and_a_column_that_starts_moving(seed: int) -> None:
    """ "Tập trung: 7g tại cổng …", "từ 7g đến 9g", "Đoàn xe bắt đầu di chuyển lúc …": the hours and the departure."""
    r = random.Random(400 + seed)
    for _ in range(15):
        at = time(r.choice((6, 7, 13, 14)), 0)
        go = time(at.hour, 30)
        verb = r.choice(("bắt đầu di chuyển", "bắt đầu diễu hành", "xuất phát"))
        word = r.choice(("tại cổng", "ở sân", "đến"))
        text = (
            f"KẾ HOẠCH\nDiễu hành xe hoa ngày 05/10/2024\nTập trung: {at.hour}g {word} Công viên Hoàng Văn Thụ\n"
            f"Đoàn xe {verb} lúc {time_text(r, go)}.\n{ROUTE}\n"
        )
        got = extract(text, "x.txt")
        assert (got.assembly_time, got.departure_time) == (at, go), text
    assert [f.value for f in find_times(fold("Lớp 7G tham gia"))] == []  # a class, not an hour


@pytest.mark.parametrize("seed", range(2))
def test_the_one_event_day_a_document_states_dates_its_parade(seed: int) -> None:
    """A script whose only event day sits on a line of other facts ("Thứ Hai, 02.10.2023 – Điểm tập trung: …"),
    with a deadline and the issue date elsewhere: the parade is on that day."""
    r = random.Random(500 + seed)
    for _ in range(15):
        day = random_day(r)
        d = date_text(r, day, True)
        text = (
            "TRƯỜNG THCS AN NHƠN\nKỊCH BẢN\nDIỄU HÀNH XE HOA\n"
            f"{d} – Điểm tập trung: sân trước cổng trường\n"
            f"| Thời gian | Nội dung |\n| {time_text(r, time(6, 15))} | Các đội xe tập trung |\n"
            f"| {time_text(r, time(6, 45))} | Đoàn xe xuất phát |\n{ROUTE}\n"
            f"Các lớp nộp danh sách trước 16h00 ngày 2{r.randint(0, 8)}/9.\n"
            f"An Nhơn, ngày 15 tháng 9 năm {day.year}\n"
        )
        got = extract(text, "x.txt")
        assert (got.departure_date or got.assembly_date) == day, text
