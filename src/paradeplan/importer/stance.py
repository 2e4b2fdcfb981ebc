"""What a document says of the events it names: to be held, reported after the fact, or called off.

A report written after the week (BÁO CÁO kết quả …) tells its ceremony and parade in the past: nothing is left to
plan unless it names something still to come. A letter that postpones or cancels an event ("V/v tạm hoãn …",
"thông báo hoãn … đến khi có thông báo mới") without a new date leaves nothing to plan either, although it repeats
the old date, route and vehicles. Rules are folded-text patterns (no accents, lower case), kept as data.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, time

from paradeplan.importer.dates import CLOCK, DATE_WRITTEN, FULL_DATE, Found, find_dates, find_times
from paradeplan.importer.text import Folded, fold

DatesOf = Callable[[str], list[Found]]

#: The document types told after their events (the type line, written in capitals, with its accents: "PHƯỜNG AN …"
#: is no "PHƯƠNG ÁN"): a report, a thank-you or praise letter, minutes, a news bulletin, a press release. One that
#: names a date after its own still plans what is to come.
REPORT_TYPES = (
    "báo cáo",
    "thông báo kết quả",
    "thư cảm ơn",
    "thư khen",
    "thư chúc mừng",
    "biên bản",
    "bản tin",
    "tin bài",
    "thông cáo",
)
#: The document types that set out what is to be done: a call-off in their body is a mention, not the decision.
PLAN_TYPES = ("kế hoạch", "phương án", "chương trình", "kịch bản", "hướng dẫn")
#: Words that postpone or cancel what follows them ("không tổ chức riêng", holding no separate one, cancels nothing).
CALL_OFF = re.compile(
    r"\b(?:tam hoan|hoan (?:to chuc|lai|viec)|hoan|huy bo|huy to chuc|dung to chuc|ngung to chuc|"
    r"khong to chuc(?!\s+(?:(?:mot\s+)?(?:le|buoi le|buoi)\s+)?rieng)|tam dung|tam ngung)\b"
    r"(?!\s*,?\s*(?:va\s+)?(?:phan luong|dieu tiet|giao thong|phuong tien|luu thong|xe\b))"  # traffic held, no event
)
#: A call-off said as a condition of a plan ("trường hợp mưa lớn, Ban tổ chức sẽ hoãn …") is no decision.
CONDITIONAL = re.compile(r"\b(?:truong hop|neu|khi|phong khi|de phong|co the|du phong)\b[^.;]{0,100}$")
#: A subject line ("V/v …", "Về việc …") names what the letter is about.
SUBJECT = re.compile(r"(?:^|\s)(?:v/v|ve viec)\s+")
#: A decision said in the body ("thông báo tạm hoãn …", "quyết định hủy …").
DECIDED = re.compile(r"\b(?:thong bao|quyet dinh|chu truong|dong y|cho phep)\s+(?:viec\s+)?$")
#: Words before a date that give the new date of a postponed event ("hoãn sang ngày …", "tổ chức lại vào …").
NEW_DATE_BEFORE = re.compile(
    r"\b(?:sang|den|toi|vao|lui|doi|chuyen|to chuc lai|dien ra)\s+"
    r"(?:(?:luc\s+)?\d{1,2}\s*(?:gio|h|g|:)[^,;]{0,16}?\s+)?(?:(?:sang|chieu|toi)\s+)?(?:ngay\s+)?"
    r"(?:(?:thu\s+(?:hai|ba|tu|nam|sau|bay)|chu nhat)\s*,?\s+(?:ngay\s+)?)?$"  # "sang ngày thứ Bảy, 08/10/2022"
)
#: Words that say a date is the old one ("dự kiến vào ngày …", "theo kế hoạch ban đầu").
OLD_DATE_BEFORE = re.compile(r"\b(?:du kien|theo ke hoach|ban dau|truoc day|da)\b")
#: The same words right before the words of :data:`NEW_DATE_BEFORE` ("đã dự kiến vào lúc …") (folded).
_OLD_RIGHT_BEFORE = re.compile(r"\b(?:du kien|theo ke hoach|ban dau|truoc day)\s*$")
#: A letter's grounds ("Căn cứ Kế hoạch số … (dự kiến … ngày 04/10)", "Căn cứ Công điện … từ ngày 03/10 đến ngày
#: 06/10", "Xét tình hình …"): the dates they cite are the cited documents' and the old plan's, never a new date.
GROUNDS = re.compile(r"^\s*(?:can cu|thuc hien|xet|theo)\b")
#: The start of a span before a date ("từ ngày 03/10/2025 đến ngày 06/10/2025": the second is the span's end).
SPAN_START = re.compile(r"\btu\s+(?:ngay\s+)?" + DATE_WRITTEN + r"\s+den\s+(?:ngay\s+)?$")


#: The marks of a news item (folded lines): a portal's masthead, a lead that opens with its source in brackets
#: ("(Baoxyz.vn) - Sáng 2/10, …"), a byline ("Tin, ảnh: …").
NEWS_MARKS = re.compile(
    r"^(?:cong thong tin dien tu|trang thong tin dien tu|bao dien tu|ban tin)\b"
    r"|^\(\s*[\w.-]+\.(?:vn|com|net|org)\s*\)\s*[-–—]"
    r"|^(?:tin|anh|bai|tin(?:\s*,\s*|\s+va\s+)anh|bai(?:\s*,\s*|\s+va\s+)anh)\s*:\s*\S"
)
#: Verbs in the past, as written (with accents: "đã", not "Đà Lạt"): an event told as done.
PAST = re.compile(r"(?<!\w)(?:đã|vừa)\s+\w", re.IGNORECASE)
#: Words that announce an event still to come, as written: "sẽ", "dự kiến", "sắp" (not "sắp xếp", to arrange: "sau
#: khi sắp xếp đơn vị hành chính").
FUTURE = re.compile(r"(?<!\w)(?:sẽ|dự kiến|sắp(?!\s+xếp))(?!\w)", re.IGNORECASE)
#: The document's own date line ("Bảy Hiền, ngày 08 tháng 10 năm 2025"), folded: it dates the document, no event.
OWN_DATE = re.compile(r"^[^\d,]{2,60},\s*ngay\s+" + FULL_DATE + r"\W*$")
#: How many days before a document's own date an event it tells may lie: older dates (last year's results, the
#: grounds' documents) are background, neither the event told nor one to plan.
RECENT_DAYS = 45
#: A dateline: a line that is only a date, perhaps with a clock time ("02/10/2023 11:20", "Thứ Hai, 02/10/2023"), or
#: after a portal's section name and a bar ("Tin tức - Sự kiện | Thứ Năm, 02/10/2025").
DATELINE = re.compile(r"^(?:[^\d|]{2,40}\|\s*)?[^\d|]{0,20}" + FULL_DATE + r"(?:\s*[-|,]?\s*" + CLOCK + r")?\W*$")


@dataclass(frozen=True)
class Stance:
    """Why a document has nothing to plan: ``report`` (after the fact), ``called_off`` (no new date) or ``meeting``
    (an invitation to a meeting); or ``moved``: postponed to a new date, which the events take."""

    kind: str
    said: str
    """The line that says so, as written."""
    new_date: date | None = None
    new_time: time | None = None


def _typed(f: Folded, types: tuple[str, ...]) -> bool:
    """Whether a line is a type line of one of these types: capitals, with the type's accents (or none at all)."""
    low = f.text.strip().lower()
    return f.text[:7].isupper() and any(low.startswith(t) or low.startswith(fold(t)) for t in types)


def _report(lines: list[Folded], issued: date | None, year: int | None) -> Stance | None:
    """A report whose every date is on or before its own date."""
    at = next((i for i, f in enumerate(lines[:30]) if _typed(f, REPORT_TYPES)), None)
    if at is None:
        return None
    head = lines[at]
    nxt = lines[at + 1] if at + 1 < len(lines) else None
    joined = nxt is not None and len(head.low) < 12 and not _body_starts(nxt) and not nxt.low.rstrip().endswith(":")
    title = head.text.strip() + (" " + nxt.text.strip() if joined and nxt is not None else "")
    if issued is not None:
        # a date of a later year is the outlook's ("IV. PHƯƠNG HƯỚNG NĂM 2025 / dự kiến tổ chức Tuần lễ năm 2025
        # từ ngày 01/10 …"), not an event the report plans
        later = [
            x
            for f in lines
            for x in find_dates(f.low, year)
            if _after(x.as_date, issued)
            and isinstance(x.as_date, date)
            and x.as_date.year == issued.year
            and not _DUE.search(f.low[max(0, x.start - 20) : x.start + 10])  # "báo cáo đầy đủ gửi trước ngày 15/10"
        ]
        if later:
            return None
    return Stance("report", title)


#: A date something is due by ("trước ngày …", "chậm nhất …"), folded: a report's own next step, no event it plans.
_DUE = re.compile(r"\b(?:truoc|cham nhat|han(?: chot| nop)?)\s+(?:ngay\s+)?\d")


def _after(d: object, issued: date) -> bool:
    return isinstance(d, date) and d > issued


def _calls_off(f: Folded) -> re.Match[str] | None:
    """The first call-off word of a text; "hoàn" (hoàn thành, to complete) is not "hoãn" (to postpone)."""
    for m in CALL_OFF.finditer(f.low):
        written = f.text[m.start() : m.end()].lower()
        if "hoan" not in m.group(0) or "hoãn" in written or written == m.group(0):
            return m
    return None


def _body_starts(f: Folded) -> bool:
    """Whether a line after a subject starts the letter's body ("Kính gửi", "Căn cứ …"), not the subject's end."""
    return f.low.startswith("kinh gui") or GROUNDS.match(f.low) is not None


def subject_lines(lines: list[Folded]) -> frozenset[int]:
    """The lines of a letter's subject ("V/v …" and the line after it): like a title, they say what the letter
    is about, they are no event of their own."""
    for i, f in enumerate(lines[:30]):
        m = SUBJECT.search(f.low)
        if m and m.start() < 60:
            more = i + 1 < len(lines) and not _body_starts(lines[i + 1]) and not f.low.endswith(".")
            return frozenset({i, i + 1} if more else {i})
    return frozenset()


def letter_subject(lines: list[Folded]) -> tuple[int, Folded] | None:
    """The letter's subject ("V/v tạm hoãn diễu hành …" and its next line) and the line it ends on."""
    for i, f in enumerate(lines[:30]):
        m = SUBJECT.search(f.low)
        if m and m.start() < 60:
            nxt = lines[i + 1] if i + 1 < len(lines) and not _body_starts(lines[i + 1]) else None
            text = f.text[m.end() :] + (" " + nxt.text if nxt else "")
            low = f.low[m.end() :] + (" " + nxt.low if nxt else "")
            return i + (nxt is not None), Folded(text, low)
    return None


def _decided_call_off(lines: list[Folded]) -> tuple[int, Folded] | None:
    """The first line of the body that decides a call-off (not as a condition)."""
    for i, f in enumerate(lines):
        m = _calls_off(f)
        if m is not None:
            before = f.low[: m.start()]
            if DECIDED.search(before[-40:]) and not CONDITIONAL.search(before):
                return i, f
    return None


#: A sentence that holds or moves the event ("tổ chức lại vào …", "chuyển đến …", "sẽ diễn ra vào …"), folded: a date
#: after "vào"/"đến" is its new date only then.
_HELD_AGAIN = re.compile(r"\b(?:chuyen|doi|lui|hoan|to chuc lai|dien ra|to chuc vao|to chuc|khai mac|xuat phat)\b")
#: A span of hours started before "đến" ("từ 6g00 đến 9g30 ngày …"), folded.
_FROM_CLOCK = re.compile(r"\btu\s+(?:luc\s+)?\d{1,2}\s?(?:gio|h|g|:)\s?\d{0,2}(?:\s?phut)?\s*$")


def _new_date(lines: list[Folded], start: int, year: int | None) -> tuple[date, time | None] | None:
    """The event's new date (and its time when written beside it), when a date after the call-off gives one."""
    for f in lines[start:]:
        if GROUNDS.match(f.low):
            continue
        for x in find_dates(f.low, year):
            before = f.low[max(0, x.start - 40) : x.start]
            if SPAN_START.search(before):
                continue
            new = NEW_DATE_BEFORE.search(before)  # "… dự kiến ngày 01/10 sang ngày 08/10": the old date's words
            at = max(0, x.start - 40) + new.start() if new else 0
            if new and f.text[at : at + 4].lower() == "sáng":  # "lúc 7g30 sáng Chủ nhật ngày 06/10": the morning
                continue
            if new and re.match(r"(?:den|toi)\b", new.group(0)) and _FROM_CLOCK.search(before[: new.start()]):
                continue  # "cấm đỗ xe từ 6g00 đến 9g30 ngày 06/10": a span of hours on the old day
            said = f.low[max(f.low.rfind(". ", 0, x.start), 0) : x.start]
            if new and re.match(r"(?:vao|den|toi)\b", new.group(0)) and not _HELD_AGAIN.search(said):
                continue  # "… không phải gửi danh sách vào ngày 05/10 như Kế hoạch": a date of something else
            if re.search(r"\bda\s+(?:duoc\s+)?(?:to chuc|dien ra|khai mac)\b", said):
                continue  # "Lễ khai mạc đã được tổ chức vào sáng ngày 01/10": what was held, not the new date
            if new and _OLD_RIGHT_BEFORE.search(before[: new.start()]):
                continue  # "… đã dự kiến vào lúc 7h00 thứ Tư, ngày 01/10": the old day, said before "vào"
            if new and not OLD_DATE_BEFORE.search(before[new.start() :]) and isinstance(x.as_date, date):  # before it
                near = [t for t in find_times(f.low) if x.start - 40 <= t.start <= x.end + 20]
                return x.as_date, (near[0].as_time if near else None)
    return None


def _called_off(lines: list[Folded], year: int | None) -> Stance | None:
    found = letter_subject(lines)
    subject = found[1] if found is not None else None
    planned = any(_typed(f, PLAN_TYPES) for f in lines[:30])
    decided = None if planned else _decided_call_off(lines)
    said = subject if subject is not None and _calls_off(subject) else None
    if said is None and decided is None:
        return None
    start = decided[0] if decided else 0
    moved = _new_date(lines, start, year)
    shown = said if said is not None else decided[1] if decided is not None else None
    if shown is None:
        return None
    if moved is None:
        return Stance("called_off", shown.text.strip())
    return Stance("moved", shown.text.strip(), moved[0], moved[1])


def _issued(lines: list[Folded], issued: date | None, year: int | None) -> date | None:
    """The document's own date: its "…, ngày … tháng … năm …" line, else a dateline among its first lines."""
    if issued is not None:
        return issued
    for f in lines[:8]:
        if DATELINE.match(f.low.strip()):
            found = find_dates(f.low, year)
            if found and isinstance(found[0].as_date, date):
                return found[0].as_date
    return None


def _told_after(lines: list[Folded], issued: date | None, year: int | None) -> Stance | None:
    """A document of no planning type (a news item, a letter) whose every date is on or before its own date and
    which tells its events as done (a verb in the past, or a news item's marks): nothing is left to plan."""
    if any(_typed(f, PLAN_TYPES) for f in lines[:30]):
        return None
    issued = _issued(lines, issued, year)
    if issued is None:
        return _news_told(lines, year)
    body = [f for f in lines if not (GROUNDS.match(f.low) or DATELINE.match(f.low.strip()) or OWN_DATE.match(f.low))]
    found = [(f, x) for f in body for x in find_dates(f.low, year) if isinstance(x.as_date, date)]
    ahead = [(f, x) for f, x in found if isinstance(x.as_date, date) and x.as_date > issued]
    if any(not _DUE_BEFORE.search(f.low[: x.start]) and not _SPAN_END.search(f.low[: x.start]) for f, x in ahead):
        return None
    if ahead and not any(HELD.search(f.low) for f in body):
        return None  # only the units' next deadlines ahead ("gửi … trước ngày 15/10"), and no event told as held
    ahead_lines = {id(f) for f, _x in ahead}  # (their lines say what is still to do: "Phòng sẽ tổng hợp …")
    dated = [(f, x.as_date) for f, x in found if id(f) not in ahead_lines and isinstance(x.as_date, date)]
    dated = [(f, d) for f, d in dated if (issued - d).days <= RECENT_DAYS]  # older dates are background
    if not dated:
        return None
    past = [f for f, _d in dated if PAST.search(f.text)]
    if any(FUTURE.search(f.text) for f, _d in dated):
        return None  # "Sáng nay 2/10, UBND tỉnh sẽ tổ chức …": posted before the event, on its day
    if not past and not any(NEWS_MARKS.match(f.low.strip()) for f in lines):
        return None
    return Stance("report", (past or [dated[0][0]])[0].text.strip()[:160])


#: Words right before a date something is due by ("chậm nhất 16 giờ 00 ngày 13/10/2023", "trước 16:00 ngày 16/10",
#: "hạn chót: 20/10"), folded: a unit's next step, no event to come.
_DUE_BEFORE = re.compile(
    r"\b(?:truoc|cham nhat|han chot|han nop|han)\s*:?\s*(?:\d{1,2}\s?(?:gio|h|g|:)\s?\d{0,2}\s*(?:phut\s*)?,?\s*)?"
    r"(?:ngay\s+)?$"
)
#: The words before the date a running span lasts to ("Tuần lễ … kéo dài đến hết ngày 07/10", "diễn ra đến ngày
#: 07/10"), folded: the week still running, no event to come.
_SPAN_END = re.compile(r"\b(?:keo dai|dien ra)\s+(?:den|toi)\s+(?:het\s+)?(?:ngay\s+)?$")
#: An event told as held (folded): "đã diễn ra", "đã được tổ chức", "vừa khai mạc", "Tuần lễ đã kết thúc", "đã long
#: trọng tổ chức".
HELD = re.compile(
    r"\b(?:da|vua)\s+(?:duoc\s+)?(?:(?:long trong|trang trong|trong the|chinh thuc)\s+)?"
    r"(?:dien ra|to chuc|ket thuc|khai mac|be mac)\b"
)


def _news_told(lines: list[Folded], year: int | None) -> Stance | None:
    """A news item with no date of its own: a report when it tells its dated events in the past and announces
    nothing ("sẽ", "dự kiến", "sắp")."""
    if not any(NEWS_MARKS.match(f.low.strip()) for f in lines):
        return None
    dated = [f for f in lines if find_dates(f.low, year or date.today().year) and not GROUNDS.match(f.low)]
    past = [f for f in lines if PAST.search(f.text)]
    if not dated or not past or any(FUTURE.search(f.text) for f in lines):
        return None
    posted = _issued(lines, None, year) or _first_day(lines[:8], year)  # "Ngày đăng: 24/09/2025 09:12"
    days = [x.as_date for f in dated for x in find_dates(f.low, year) if isinstance(x.as_date, date)]
    if posted is not None and any(d > posted for d in days):
        return None  # a notice posted before the day it tells ("Lễ khai mạc … lúc 15 giờ, thứ Tư ngày 1/10")
    return Stance("report", dated[0].text.strip()[:160])


def _first_day(lines: list[Folded], year: int | None) -> date | None:
    """The first full date the lines give (a web page's or a post's own date at its top)."""
    for f in lines:
        for x in find_dates(f.low, year):
            if x.has_year and isinstance(x.as_date, date):
                return x.as_date
    return None


def stance(lines: list[Folded], issued: date | None, year: int | None) -> Stance | None:
    """Whether the document reports after the fact or calls its event off (then there is nothing to plan).

    Parameters
    ----------
    lines : list of Folded
        The document's logical lines.
    issued : date or None
        The document's own date.
    year : int or None
        The document's year, for dates written without one.

    Returns
    -------
    Stance or None
        None when the document plans what it names.
    """
    return _report(lines, issued, year) or _called_off(lines, year) or _told_after(lines, issued, year)


#: A ceremony moved in an amended plan ("chuyển từ ngày 30/9 sang 8 giờ ngày 03/10", "lùi đến …", "hoãn sang …"),
#: folded: what follows it is the new day and time. Not "suốt đời" nor "chuyển đổi số" (folded "doi"), nor a span in
#: brackets after them ("học tập suốt đời năm 2024 (từ ngày 01/10 đến ngày 07/10/2024)").
MOVED_TO = re.compile(
    r"(?:\b(?<!di )(?:chuyen(?!\s+doi\s+so)|(?<!suot )(?<!chuyen )doi|lui|dieu chinh)\b[^.;(]{0,40}?\b"
    r"|\b(?:tam )?hoan\s+(?:lai\s+)?)(?:sang|den|toi)\s+"
    r"|\b(?<!di )(?:chuyen|doi|lui)\s+qua\s+(?=\d)"  # "dời qua 15h cùng ngày"
)
#: An event cancelled by an amended plan (folded): "KHÔNG TỔ CHỨC", "hủy bỏ", "dừng tổ chức" (not "hoàn thành",
#: not "phát huy").
CANCELLED = re.compile(
    r"\b(?:khong to chuc(?!\s+(?:(?:mot\s+)?(?:le|buoi le|buoi)\s+)?rieng)|huy bo|huy to chuc|bi huy|duoc huy"
    r"|dung to chuc|ngung to chuc|tam dung|tam ngung|tam hoan)\b"
)


@dataclass(frozen=True)
class Amendment:
    """What an amended plan says of one event: ``cancelled``, or ``moved`` to a new date and time."""

    kind: str
    new_date: date | None = None
    new_time: time | None = None


def amendment(text: str, dates_of: DatesOf) -> Amendment | None:
    """What an event's own clause says of it in an amended plan: moved ("chuyển từ ngày A sang 8 giờ ngày B": B and
    8:00), cancelled ("KHÔNG TỔ CHỨC", "hủy", with no new date), or None."""
    low = fold(text)
    moved = MOVED_TO.search(low)
    if moved is not None:
        days = dates_of(low[moved.end() :])
        times = find_times(low[moved.end() :])
        if days or times:
            return Amendment("moved", days[0].as_date if days else None, times[0].as_time if times else None)
    off = CANCELLED.search(low)
    if off is not None and not CONDITIONAL.search(low[: off.start()]):
        return Amendment("cancelled")
    return None
