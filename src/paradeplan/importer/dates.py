"""Vietnamese clock times and dates as offices write them ("7 giờ 30 phút", "7h30", "ngày 02/10/2023")."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, time

from paradeplan.importer.text import fold

# All patterns run on folded text (no accents, lower case).
#: "g" after an hour is "giờ" when minutes, a part of the day, a clause's end or a place or range word follow
#: ("7g30", "7g sáng", "lúc 7g.", "Tập trung: 7g tại cổng …", "7g đến 9g").
_G = (
    r"g(?=\s?\d|\s*(?:sang|chieu|toi|trua|dem)\b|\s*[,.;:)–-]|\s*$|\s+(?:tai|o|den|toi|va|thi|cung ngay|ngay|thu)\b"
    r"|\s+(?:xuat phat|khoi hanh|tap trung|tap ket|bat dau|khai mac|dien ra|ket thuc)\b"  # "7g xuất phát"
    r"|\s+(?:tham du|du|chu tri|co mat)\b)"  # a schedule's "7g dự khai mạc tại …", "8g chủ trì …"
)
_TIME_WORD = re.compile(
    r"(?<![\d/.,:])(\d{1,2})\s?(?:gio|h|" + _G + r")\s?(?:(\d{1,2})(?!\d)\s?(?:phut|p\b|')?)?(?![a-z])"
)
#: "7.30 sáng", "lúc 19.30": hour and minutes with a dot, only beside a part of the day or after "lúc" (folded).
_TIME_DOT = re.compile(
    r"(?:(?<=\bluc )|(?<=\bluc  ))(\d{1,2})\.(\d{2})(?![\d.]\d)"
    r"|(?<![\d/.,:])(\d{1,2})\.(\d{2})(?=\s?(?:sang|chieu|toi|trua|dem)\b)"
)
_TIME_COLON = re.compile(r"(?<![\d/.,:])(\d{1,2})\s?:\s?(\d{2})(?![\d/]|:\d)")
#: A clock time's colon, written tight between its hour and its minutes ("07:30", "[15:20]"): no label's colon, as
#: the "h" of "07h30" is none.
_CLOCK_COLON = re.compile(r"(?<![\d:])\d{1,2}(:)\d{2}(?![\d:])")
#: A clock time's colon inside a text whose label's colon is sought ("Diễu hành (tập kết lúc 09:15, xuất phát 09:30)
#: — Thời gian: …"): what a pattern's "[^:]" lets through as ``(?:[^:]|`` CLOCK_COLON ``)``.
CLOCK_COLON = r"(?<=\d):(?=\d\d)"
#: A label's colon, no clock time's ("Đón tiếp đại biểu: 07:15" the first colon; "Đón tiếp từ 07:15" none).
LABEL_COLON = r"(?:(?<!\d):|:(?!\d\d))"
#: A part of the day after a time ("2 giờ chiều", "8 giờ tối"); "tới 7 giờ" ("until", folded like "tối") is none.
_AFTERNOON = re.compile(
    r"\s?(?:\(|,)?\s?(chieu|toi(?!\s*(?:\d|khoang|luc))|dem|sang|trua|p\.?m\b\.?|a\.?m\b\.?)(?:\b|(?<=\.))"
)  # "2:00 PM" in a bilingual school's plan

_DATE_WORDS = re.compile(
    r"(?<!\d)(\d{1,2})\s{0,3}thang\s{0,3}(\d{1,2})(?!\d)(?:\s{0,3}(?:nam|,)?\s{0,3}(\d{4})(?!\d))?"
)
#: A full date in any form offices write it (folded): "10 tháng 9 năm 2024", "10/9/2024", "10-09-2024", "10.9.2024";
#: for the rules that read one by its place in a line (a document's own date line, a deadline), whatever its form.
FULL_DATE = r"\d{1,2}\s*(?:/\s*\d{1,2}\s*/|-\s*\d{1,2}\s*-|\.\s*\d{1,2}\s*\.|thang\s+\d{1,2}\s+nam)\s*\d{4}"
#: A clock time with minutes in any form (folded): "17:20", "17h20", "17g20", "17 giờ 20", "17 giờ 20 phút".
CLOCK = r"\d{1,2}\s*(?::|h|g|gio)\s*\d{2}(?:\s*phut)?"
#: An hour, its minutes if written, in any form (folded): "16 giờ", "16 giờ 00 phút", "16h00", "16g", "16:00".
HOUR = r"\d{1,2}\s?(?:gio|h|g|:)\s?\d{0,2}(?:\s?phut|['’′])?"
#: A day and month in any form (folded): "01/10", "1-10", "1.10", "1 tháng 10"; with its year if written
#: ("01/10/2024", "1 tháng 10 năm 2024") in :data:`DATE_WRITTEN`.
DAY_MONTH = r"\d{1,2}\s*(?:[/.-]\s*|thang\s+)\d{1,2}"
DATE_WRITTEN = DAY_MONTH + r"(?:\s*[/.-]\s*\d{2,4}|\s+nam\s+\d{4})?"
_DATE_NUM = re.compile(r"(?<![\d/])(\d{1,2})\s?([/.-])\s?(\d{1,2})\s?\2\s?(\d{4}|\d{2})(?![\d/])")
#: Words a day and month written without a year ("ngày 30/9", "Sáng 01/10", "thứ Tư, 01/10") follow (folded);
#: a bare "01/10" elsewhere may be a number, not a date.
SHORT_DATE_LEADS = (
    "ngay",
    "tu",
    "den",
    "het",
    "toi",
    "va",
    "sang",
    "chieu",
    "trua",
    "dem",
    "mung",
    "mong",
    r"thu (?:hai|ba|tu|nam|sau|bay|2|3|4|5|6|7)(?:,|\s?\()?",
    r"chu nhat(?:,|\s?\()?",
    r"\d{1,2}\s?(?:gio|h|g|:)\s?\d{0,2}(?:\s?phut)?\s?,",  # "7h30, 01/10" (a table's time cell)
    r"thoi gian\s?:",
    r"truoc",  # a deadline's: "gửi DS trước 30/9", "chậm nhất 28/9", "hạn chót 27/9"
    r"cham nhat(?: la)?",
    r"han(?: chot| nop| cuoi)?\s?:?",
)
#: A day and month before a dash and a full date ("01/10 - 07/10/2024"): a span's first day.
_DATE_SPAN_START = re.compile(
    r"(?<![\d/])(\d{1,2})\s?/\s?(\d{1,2})(?=\s?[-–]\s?\d{1,2}\s?/\s?\d{1,2}\s?/\s?\d{2,4}(?![\d/]))"
)
#: A span's first day written alone, its month and year only after the last day ("từ ngày 01 đến ngày 07 tháng 10
#: năm 2024", "từ 03 đến hết ngày 09/10/2025", "từ ngày 5 - 11/10") (folded): the first day is of the last one's month.
_SPAN_FIRST_DAY = re.compile(
    r"\btu\s+(?:ngay\s+)?(\d{1,2})\s*(?:den|toi|[-–])\s*(?:het\s+)?(?:ngay\s+)?(?=\d{1,2}\s*(?:thang|[/.-])\s*\d)"
)
#: A span of days ("từ ngày 01/10 đến ngày 07/10/2025", "từ ngày 01 đến ngày 07 tháng 10 năm 2024") (folded): its
#: dates are a period's ends, no event's day.
DAY_SPAN = re.compile(
    r"\btu\s+(?:ngay\s+)?(?:" + DATE_WRITTEN + r"|\d{1,2})\s*(?:den|toi|-|–)\s*(?:het\s+)?(?:ngay\s+)?" + DATE_WRITTEN
)
#: Months written in words ("ngày 2 tháng Mười năm 2024"), folded, longest first.
MONTH_WORDS = {"muoi mot": 11, "muoi hai": 12, "chap": 12, "gieng": 1, "muoi": 10, "chin": 9, "tam": 8, "bay": 7}
_DATE_MONTH_WORD = re.compile(
    r"(?<!\d)(\d{1,2})\s{0,3}thang\s{0,3}(" + "|".join(MONTH_WORDS) + r")\b(?:\s{0,3}(?:nam|,)?\s{0,3}(\d{4})(?!\d))?"
)
#: The first ten days written in words after "mùng/mồng" ("ngày mùng một tháng Mười"), folded.
DAY_WORDS = {
    "mot": 1,
    "hai": 2,
    "ba": 3,
    "bon": 4,
    "tu": 4,
    "nam": 5,
    "sau": 6,
    "bay": 7,
    "tam": 8,
    "chin": 9,
    "muoi": 10,
}
_DATE_DAY_WORD = re.compile(
    r"\b(?:mung|mong)\s{1,3}("
    + "|".join(DAY_WORDS)
    + r")\s{1,3}thang\s{1,3}(\d{1,2}|"
    + "|".join(MONTH_WORDS)
    + r")\b(?:\s{0,3}(?:nam|,)?\s{0,3}(\d{4})(?!\d))?"
)
#: Weekdays as offices write them, in full or short ("thứ Hai", "thứ 2", "T2", "Chủ nhật", "CN"), folded.
WEEKDAY = r"(?:thu (?:hai|ba|tu|nam|sau|bay|[2-7])|chu nhat|t[2-7]|cn)"
#: A day's lead right before a number ("ngày 7.10", "thứ Bảy, 5.10"): what follows is a date (folded).
_DAY_BEFORE = re.compile(r"\b(?:ngay|mung|mong|" + WEEKDAY + r")[\s,–-]{0,4}$")
#: Words after which a day and month with any separator ("17.03", "17-8", "(05/10)") is a date (folded).
STRONG_DATE_LEADS = (r"ngay", r"mung", r"mong", WEEKDAY)
#: What may stand between a lead and its day ("thứ Bảy, (05/10)", "CN ngày 17-8"): commas, a bracket, "ngày".
_LEAD_GAP = (
    r"[\s,–-]{0,4}(?::\s{0,2}(?:(?:sang|chieu|toi|trua)\s+)?(?:" + WEEKDAY + r"\s+)?(?:(?:nay|toi|sap toi)\s+)?)?"
    r"(?:ngay\s{1,3})?\(?\s{0,2}"
)  # "Ngày: sáng T7 này 03/10": a label's colon, the part of the day, the weekday, "này" before the day
_DATE_SHORT = re.compile(
    r"\b(?:" + "|".join((*SHORT_DATE_LEADS, WEEKDAY)) + r")" + _LEAD_GAP + r"(\d{1,2})\s?/\s?(\d{1,2})(?![\d/])"
)
_DATE_SHORT_SEP = re.compile(
    r"\b(?:" + "|".join(STRONG_DATE_LEADS) + r")" + _LEAD_GAP + r"(\d{1,2})\s?[.-]\s?(\d{1,2})(?![\d/.-]?\d)"
)
#: A day and month in brackets with any separator ("(05/10)", "(5-10)", "(05.10)"), as a heading's day.
_DATE_BRACKET = re.compile(r"\(\s?(\d{1,2})\s?[/.-]\s?(\d{1,2})\s?\)")
#: "7 giờ kém 15": so many minutes before the hour (folded).
_TO_THE_HOUR = re.compile(r"\s?kem\s?(\d{1,2})(?!\d)(?:\s?phut)?")
#: "6 giờ rưỡi": half past the hour (folded).
_HALF_PAST = re.compile(r"\s?ruoi\b")
#: A lunar date ("nhằm ngày 30 tháng 8 năm Giáp Thìn", "ngày 9 tháng 8 âm lịch"): no day of the civil calendar.
#: Words before it and after it (folded).
_LUNAR_BEFORE = re.compile(r"\b(?:nham|tuc|am lich|al)\s*(?:ngay\s*)?$")
_LUNAR_AFTER = re.compile(
    r"\s*(?:\(?\s*(?:am lich|al)\b|nam\s+(?:giap|at|binh|dinh|mau|ky|canh|tan|nham|quy)\s+"
    r"(?:ty|suu|dan|mao|thin|ti|ngo|mui|than|dau|tuat|hoi)\b)"
)
#: Place and street words that a name after a date follows ("Quảng trường 2 Tháng 4", "đường 3 Tháng 2", "Công
#: viên 23 Tháng 9"): a "D tháng M" right after them, with no year, is part of the name.
_NAMED_AFTER = re.compile(
    r"\b(?:quang truong|duong|pho|cong vien|cau|truong|phuong|xa|san van dong|svd|nha van hoa|cho|khu pho|ben|"
    r"ap|hem|ngo|vong xoay|bung binh|nga (?:ba|tu|[3-6])|khu do thi|khu dan cu|tuong dai)\s+$"
)
#: A name listed before a day and month written in words, after a separator ("Nguyễn Trãi, 30 tháng 4 và …"),
#: and the words that make it a date's own lead instead ("thứ Bảy, 4 tháng 10", "sáng, 4 tháng 10") (folded).
_LISTED_BEFORE = re.compile(r"[a-z]{2,}\s*[,–→-]\s*$")
_DAY_LEAD = re.compile(r"\b(?:thu\s+\w+|chu nhat|sang|chieu|toi|trua|ngay|hom nay|mai)\s*[,–→-]\s*$")


def _listed_name(low: str, start: int) -> bool:
    """Whether a day and month without a year follow a listed name ("…, Nguyễn Trãi, 30 Tháng 4"): a street."""
    before = low[max(0, start - 30) : start]
    return _LISTED_BEFORE.search(before) is not None and _DAY_LEAD.search(before) is None


_YEAR = re.compile(r"\bnam\s{1,3}((?:19|20)\d{2})\b")


@dataclass(frozen=True)
class Found:
    """A time or date found in text, with its position."""

    start: int
    end: int
    value: date | time
    has_year: bool = True

    @property
    def as_time(self) -> time:
        """The value as a clock time (for results of :func:`find_times`)."""
        assert isinstance(self.value, time)
        return self.value

    @property
    def as_date(self) -> date:
        """The value as a date (for results of :func:`find_dates`)."""
        assert isinstance(self.value, date)
        return self.value


def parse_time(text: str) -> time | None:
    """The first clock time in ``text`` ("7 giờ 30 phút", "7h30", "07:30", "2 giờ chiều"), or None.

    Parameters
    ----------
    text : str
        Any text (accents optional).

    Returns
    -------
    datetime.time or None
    """
    found = find_times(fold(text))
    return found[0].as_time if found else None


def label_colons(text: str) -> list[int]:
    """Where a line's colons that are no clock time's are ("Thời gian: 07:30" [9]; "Khai mạc (07:05 – 07:10)" [])."""
    clocks = {m.start(1) for m in _CLOCK_COLON.finditer(text)}
    return [i for i, c in enumerate(text) if c == ":" and i not in clocks]


def split_at_labels(text: str) -> list[str]:
    """A line cut at its colons that are no clock time's ("Đ/c A: 07:15, dự …" → "Đ/c A", " 07:15, dự …")."""
    cuts = [-1, *label_colons(text), len(text)]
    return [text[a + 1 : b] for a, b in itertools.pairwise(cuts)]


def label_colon(text: str) -> int:
    """Where a line's first colon that is no clock time's is (-1: none)."""
    return next(iter(label_colons(text)), -1)


def find_times(low: str) -> list[Found]:
    """Every clock time in folded text, in order.

    Parameters
    ----------
    low : str
        Folded text (see :func:`paradeplan.importer.text.fold`).

    Returns
    -------
    list of Found
        Values are :class:`datetime.time`.
    """
    out: list[Found] = []
    taken: list[tuple[int, int]] = []
    for rx in (_TIME_WORD, _TIME_COLON, _TIME_DOT):
        for m in rx.finditer(low):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            if rx is _TIME_DOT and _DAY_BEFORE.search(low, max(0, m.start() - 16), m.start()):
                continue  # "ngày 7.10 sáng": a day and month, not a time
            hour = int(m.group(1) or m.group(3) if rx is _TIME_DOT else m.group(1))
            minute = int((m.group(2) or m.group(4) if rx is _TIME_DOT else m.group(2)) or 0)
            end = m.end()
            before = _TO_THE_HOUR.match(low, end) if m.group(2) is None and rx is _TIME_WORD else None
            if before is not None and 0 < int(before.group(1)) < 60 and 0 < hour <= 24:
                hour, minute, end = hour - 1, 60 - int(before.group(1)), before.end()
            half = _HALF_PAST.match(low, end) if m.group(2) is None and rx is _TIME_WORD else None
            if half is not None:
                minute, end = 30, half.end()
            if hour > 24 or minute > 59:
                continue
            tail = _AFTERNOON.match(low, end)
            said = tail.group(1).replace(".", "") if tail else ""
            if said in ("chieu", "toi", "dem", "pm") and hour < 12:
                hour += 12
            elif said == "am" and hour == 12:
                hour = 0
            if hour == 24:
                hour = 0
            taken.append((m.start(), end))
            out.append(Found(m.start(), end, time(hour, minute)))
    out.sort(key=lambda f: f.start)
    return out


#: A weekday of a month's first week ("thứ Năm tuần đầu tháng 10", "Chủ nhật tuần đầu tiên của tháng 10 năm 2025")
#: (folded): that weekday's first date in the month.
_DATE_FIRST_WEEK = re.compile(
    r"\b(?:vao\s+)?(thu (?:hai|ba|tu|nam|sau|bay)|chu nhat)\s+(?:cua\s+)?tuan\s+(?:dau tien|dau|thu nhat)\s+"
    r"(?:cua\s+)?thang\s+(\d{1,2})(?:\s+nam\s+(\d{4}))?\b"
)
#: Weekdays as written after "thứ" (folded) → Python's weekday number (Monday 0).
_WEEKDAYS = {"thu hai": 0, "thu ba": 1, "thu tu": 2, "thu nam": 3, "thu sau": 4, "thu bay": 5, "chu nhat": 6}


def _mk(day: int, month: int, year: int) -> date | None:
    if year < 100:
        year += 2000
    if day < 0:  # a weekday of the month's first week (:data:`_DATE_FIRST_WEEK`), -1 Monday … -7 Sunday
        try:
            first = date(year, month, 1)
        except ValueError:
            return None
        return date.fromordinal(first.toordinal() + (-day - 1 - first.weekday()) % 7)
    try:
        return date(year, month, day)
    except ValueError:
        return None


def find_dates(low: str, default_year: int | None = None) -> list[Found]:
    """Every date in folded text, in order; a date written without a year takes it from context.

    The year of "ngày 02 tháng 10" or "ngày 02/10" is that of the next date written with a year within
    the same sentence (as in "từ ngày 02 tháng 10 đến ngày 08 tháng 10 năm 2023"), else ``default_year``;
    with neither, the date is left out.

    Parameters
    ----------
    low : str
        Folded text.
    default_year : int, optional
        The document's year.

    Returns
    -------
    list of Found
        Values are :class:`datetime.date`.
    """
    raw: list[tuple[int, int, int, int, int | None]] = []
    taken: list[tuple[int, int]] = []

    def add(m: re.Match[str], d: str, mo: str, y: str | None) -> None:
        if any(s < m.end() and m.start() < e for s, e in taken):
            return
        if _LUNAR_BEFORE.search(low, max(0, m.start() - 20), m.start()) or _LUNAR_AFTER.match(low, m.end()):
            taken.append((m.start(), m.end()))  # a lunar date: neither a date nor part of another
            return
        taken.append((m.start(), m.end()))
        raw.append((m.start(), m.end(), int(d), int(mo), int(y) if y else None))

    for m in _DATE_NUM.finditer(low):
        add(m, m.group(1), m.group(3), m.group(4))
    for m in _DATE_WORDS.finditer(low):
        if m.group(3) is None and (_NAMED_AFTER.search(low, 0, m.start()) or _listed_name(low, m.start())):
            continue  # "Quảng trường 2 Tháng 4", "đường 3 Tháng 2", "…, Nguyễn Trãi, 30 Tháng 4": a name
        add(m, m.group(1), m.group(2), m.group(3))
    for rx in (_DATE_SHORT, _DATE_SHORT_SEP, _DATE_BRACKET):
        for m in rx.finditer(low):
            add(m, m.group(1), m.group(2), None)
    for m in _DATE_SPAN_START.finditer(low):
        add(m, m.group(1), m.group(2), None)
    for m in _DATE_MONTH_WORD.finditer(low):
        add(m, m.group(1), str(MONTH_WORDS[m.group(2)]), m.group(3))
    for m in _DATE_DAY_WORD.finditer(low):
        month = m.group(2) if m.group(2).isdigit() else str(MONTH_WORDS[m.group(2)])
        add(m, str(DAY_WORDS[m.group(1)]), month, m.group(3))
    for m in _DATE_FIRST_WEEK.finditer(low):
        add(m, str(-1 - _WEEKDAYS[m.group(1)]), m.group(2), m.group(3))
    raw.sort()
    raw = sorted(raw + _span_first_days(low, raw))
    out: list[Found] = []
    for i, (s, e, d, mo, y) in enumerate(raw):
        has_year = y is not None
        if y is None:
            for s2, _e2, _d2, _mo2, y2 in raw[i + 1 :]:
                if s2 - e > 120 or any(c in low[e:s2] for c in ".;\n"):
                    break
                if y2 is not None:
                    y = y2
                    break
        if y is None:
            y = default_year
        if y is None:
            continue
        value = _mk(d, mo, y)
        if value is not None:
            out.append(Found(s, e, value, has_year))
    return out


_Raw = tuple[int, int, int, int, int | None]
"""A date read but not yet made: start, end, day, month, year (None when not written)."""


def _span_first_days(low: str, raw: list[_Raw]) -> list[_Raw]:
    """The first days of spans written alone (:data:`_SPAN_FIRST_DAY`), each with the month and year of the date
    that ends its span."""
    out: list[_Raw] = []
    for m in _SPAN_FIRST_DAY.finditer(low):
        last = next((r for r in raw if r[0] == m.end()), None)
        if last is not None and not any(r[0] <= m.start(1) < r[1] for r in raw):
            out.append((m.start(1), m.end(1), int(m.group(1)), last[3], last[4]))
    return out


def parse_date(text: str, default_year: int | None = None) -> date | None:
    """The first date in ``text`` ("ngày 02 tháng 10 năm 2023", "02/10/2023", "ngày 02/10"), or None.

    Parameters
    ----------
    text : str
        Any text.
    default_year : int, optional
        Year for a date written without one.

    Returns
    -------
    datetime.date or None
    """
    found = find_dates(fold(text), default_year)
    return found[0].as_date if found else None


def main_year(low: str) -> int | None:
    """The year a document speaks of most ("năm 2023", full dates), or None.

    Parameters
    ----------
    low : str
        Folded text.

    Returns
    -------
    int or None
    """
    years: Counter[int] = Counter()
    for m in _YEAR.finditer(low):
        years[int(m.group(1))] += 1
    for f in find_dates(low, None):
        assert isinstance(f.value, date)
        if f.has_year and 1990 <= f.value.year <= 2100:
            years[f.value.year] += 1
    if not years:  # "THÔNG BÁO TUẦN LỄ HỌC TẬP SUỐT ĐỜI 2025" in a post: a year standing alone
        years.update(int(y) for y in re.findall(r"(?<![\d/.:-])\b((?:19|20)\d{2})\b(?![/.:-]\d)", low))
    if not years:
        return None
    return years.most_common(1)[0][0]


#: A full stop that ends a sentence (folded): after a word of three letters or more, a number or a bracket, not after
#: an abbreviation ("P.", "TP.", "Q.").
_SENTENCE_STOP = re.compile(r"(?:(?<=[a-z]{3})|(?<=\d)|(?<=\)))\.\s+")


def past_year_said(low: str, at: int, year: int | None) -> bool:
    """Whether the sentence of a folded line up to ``at`` is about a year before the document's ("Năm 2023, …",
    "năm trước …")."""
    ends = [m.end() for m in _SENTENCE_STOP.finditer(low, 0, at)]  # not "P.", "TP.": abbreviations end none
    sentence = low[ends[-1] if ends else 0 : at]
    said = re.search(r"\bnam\s+(\d{4})\b", sentence)
    past = said is not None and year is not None and int(said.group(1)) < year
    return past or re.search(r"\bnam\s+(?:truoc|ngoai|qua|roi)\b", sentence) is not None
