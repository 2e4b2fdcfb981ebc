"""An event's date and time read from the document's tree: its own clause, its line, the day heading above it, the
sections that hold it, the title; never a deadline's, a meeting's, a cited document's or the document's own date."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, time

from paradeplan.importer.dates import FULL_DATE, HOUR, WEEKDAY, Found, find_times
from paradeplan.importer.events import CEREMONY, TRIAL_WORDS, CeremonyEvent, unnamed_holders
from paradeplan.importer.structure import Document
from paradeplan.importer.text import Folded

#: The column gathering (folded): "tập trung", "tập kết", "có mặt", not the guests' arrival ("Đại biểu có mặt …",
#: "khách mời có mặt …"). One definition for every reader of an assembly's time.
GATHER_VERB = r"(?:tap (?:trung|ket)|(?<!bieu )(?<!moi )co mat)"
#: Guests arriving, not the column gathering (folded text before the verb): the guests with only polite words between
#: them and the verb ("Đại biểu vui lòng có mặt trước 14 giờ 45", "Quý đại biểu, khách mời được mời có mặt lúc …").
_GUESTS_BEFORE = re.compile(
    r"\b(?:(?:quy\s+)?dai bieu|khach moi|quy khach|quy vi)(?:\s*,?\s*(?:khach moi|va khach moi))?"
    r"(?:\s+(?:xin|vui long|duoc moi|kinh mong|luu y|chu y|nho|de nghi|dung gio))*\s*$"
)
#: An arrival for a reception (folded text after the verb): "có mặt trước 7 giờ để Ban Tổ chức đón tiếp".
_RECEPTION_AFTER = re.compile(r"^[^.;]{0,50}\bde\b[^.;]{0,30}\b(?:don tiep|tiep don)\b")


def guests_arrive(low: str, verb: re.Match[str]) -> bool:
    """Whether a gathering verb in folded text is the guests' arrival or an arrival for a reception, not the
    column's assembly."""
    return bool(_GUESTS_BEFORE.search(low[: verb.start()]) or _RECEPTION_AFTER.search(low[verb.end() :]))


#: Those who serve the parade (folded subject of a gathering verb): the police, militia, guards, the organisers'
#: staff, those holding the posts ("lực lượng CSGT", "cán bộ, chiến sĩ", "tổ công tác", "lực lượng trực chốt"), not
#: "các lực lượng" alone (those taking part, as often as not).
_STAFF_SUBJECT = re.compile(
    r"\b(?:can bo|chien si|csgt|canh sat|cong an|dan quan|bao ve|to cong tac|tinh nguyen vien|nhan vien"
    r"|ban to chuc|btc|chot)\b"
)
#: The column named in a gathering's subject (folded): "các xe hoa", "đoàn xe", "xe loa", "các đơn vị tham gia".
_COLUMN_SUBJECT = re.compile(r"\b(?:xe hoa|xe loa|cac xe|doan|don vi|tham gia|phuong tien)\b")
#: The staff taking up duty or their posts (folded text after the verb): "có mặt tại … (để) nhận nhiệm vụ", "… làm
#: nhiệm vụ", "có mặt tại chốt trước 6g30".
_DUTY_AFTER = re.compile(r"^[^.;]{0,60}?\b(?:(?:nhan|lam|trien khai)\s+nhiem vu|tai\s+(?:cac\s+)?chot)\b")


#: The unit a task line charges, labelled at its start ("3. Công an phường: …; phân công lực lượng có mặt lúc …")
#: (folded): "lực lượng" in its clauses is that unit's own.
_TASK_UNIT = re.compile(r"^(?:\d{1,2}[.)]\s*|[-+•]\s*)?([^:;.]{2,60}):")


def staff_arrive(low: str, verb: re.Match[str], line: str | None = None) -> bool:
    """Whether a gathering verb in folded text is the serving staff's call-up ("06 giờ 15: lực lượng CSGT có mặt
    tại điểm tập kết nhận nhiệm vụ", "Lực lượng trực chốt có mặt lúc 06h30", "Công an phường: …; phân công lực
    lượng có mặt lúc 06 giờ 45"), not the column's assembly: its subject (the clause before the verb, or the unit
    a task line charges with its "lực lượng") names the police, guards or organisers' staff, or the words after it
    say they take up duty, and the subject names nothing of the column ("các lực lượng, phương tiện tập trung tại
    …" is it); ``line`` is the whole line of a clause ``low``."""
    subject = re.split(r"[:;.]", low[: verb.start()])[-1]
    if _COLUMN_SUBJECT.search(subject) is not None:
        return False
    if re.search(r"\bluc luong\b", subject) and _staff_unit(line if line is not None else low[: verb.start()]):
        return True
    return _STAFF_SUBJECT.search(subject) is not None or _DUTY_AFTER.search(low[verb.start() :]) is not None


def _staff_unit(line: str) -> bool:
    """Whether a task line opens by charging the police or the organisers' staff ("3. Công an phường: …")."""
    unit = _TASK_UNIT.match(line)
    return unit is not None and _STAFF_SUBJECT.search(unit.group(1)) is not None


#: Performers of the ceremony's programme named in a gathering's subject (folded): "học sinh tham gia đồng diễn",
#: "đội văn nghệ", "các em biểu diễn tiết mục …".
_PERFORMER_SUBJECT = re.compile(r"\b(?:dong dien|van nghe|bieu dien|tiet muc|dieu mua)\b")
#: The column itself in a gathering's subject (folded): its vehicles or its march ("xe hoa", "đoàn diễu hành").
_COLUMN_ITSELF = re.compile(r"\b(?:xe|doan|dieu hanh|dien hanh|dieu binh)\b")


#: A ceremony's audience named in a gathering's subject (folded): "học sinh", "đại biểu", "người dân", "hội viên".
_AUDIENCE_SUBJECT = re.compile(
    r"\b(?:hoc sinh|sinh vien|dai bieu|khach moi|nguoi dan|nhan dan|giao vien|hoc vien|hoi vien|thanh phan)\b"
)


def audience_arrives(low: str, verb: re.Match[str]) -> bool:
    """Whether a gathering verb in folded text is the call of a ceremony's audience in the sentence that tells the
    ceremony ("Lễ khai mạc … tổ chức lúc 07 giờ 00 …; học sinh tập trung lúc 06 giờ 30"), not the column's
    assembly: its subject names the audience and nothing of the column, after a ceremony's name."""
    subject = re.split(r"[:;.,]", low[: verb.start()])[-1]
    sentence = re.split(r"\.\s", low[: verb.start()])[-1]
    return (
        _AUDIENCE_SUBJECT.search(subject) is not None
        and _COLUMN_ITSELF.search(subject) is None
        and CEREMONY.search(sentence) is not None
    )


def performers_arrive(low: str, verb: re.Match[str]) -> bool:
    """Whether a gathering verb in folded text is the call of the ceremony's performers ("học sinh hai trường tham
    gia đồng diễn có mặt lúc 6 giờ 10"), not the column's assembly: its subject names a performance, not the column."""
    subject = re.split(r"[:;.]", low[: verb.start()])[-1]
    return _PERFORMER_SUBJECT.search(subject) is not None and _COLUMN_ITSELF.search(subject) is None


#: Words an event's verb is (folded): what the column or a ceremony does at a time.
EVENT_VERBS = {
    "assembly": re.compile(r"\b" + GATHER_VERB + r"\b"),
    "departure": re.compile(r"\b(?:xuat phat|khoi hanh|lan banh|bat dau (?:di chuyen|dieu hanh|dien hanh|di))\b"),
}
#: A date that is not an event's, by the words right before it (folded): a deadline, a cited document, the date a
#: document or post was issued.
NOT_EVENT_DATE = (
    re.compile(
        r"\b(?:truoc|cham nhat|han chot|han|het han|hoan thanh|xong|thoi han\s*:)\s*"
        r"(?:" + HOUR + r"\s*)?(?:ngay\s+)?$"
    ),
    re.compile(r"\bso\s*:?\s*\d+[\w/.&-]*\s+(?:ngay\s+)?$"),
    re.compile(  # "Kế hoạch 215/KH-UBND ngày …" without "số"
        r"\b(?:ke hoach|cong van|quyet dinh|chi thi|huong dan|thong bao|nghi quyet|to trinh|van ban"
        r"|kh|cv|qd|ct|hd|tb|nq|ttr)\s+"  # "KH 58/KH-UBND ngày 15/9/2025"
        r"\d+[\w/.&-]*\s+(?:ngay\s+)?$"
    ),
    re.compile(r"\b(?:dang|cap nhat|gui|date)\b[^.;]{0,20}$"),
    # the day an amendment was written, in brackets after its heading ("4. Điều chỉnh (bổ sung ngày 29/9/2026)")
    re.compile(r"\(\s*(?:bo sung|sua doi|dieu chinh)\s+(?:ngay\s+)?$"),
    # the clock time and day a text was sent ("nội dung đã gửi nhóm Zalo "BCĐ P.X" lúc 21h10 ngày 25/9/2025")
    re.compile(r"\b(?:da\s+)?(?:gui|dang|chuyen)\b[^;()]{0,60}?\bluc\s+" + HOUR + r"[\s,]*(?:ngay\s+)?$"),
    # the end of a period ("… tiếp tục tuyên truyền lưu động đến hết ngày 07/10/2022"): until then, no event's day
    re.compile(r"\b(?:den|toi)\s+het\s+(?:ngay\s+)?$"),
    # the old date of a moved event ("Điều chỉnh từ sáng thứ Bảy ngày 30/9/2023 sang chiều …"; "dự kiến tổ chức lúc
    # 7 giờ 00 sáng thứ Bảy ngày 30/9" in an amended plan is read by ``importer.stance``)
    re.compile(
        r"\b(?:dieu chinh|chuyen|doi|lui|hoan)\b[^.;]{0,20}?\btu\s+(?:(?:sang|chieu|toi)\s+)?(?:thu \w+\s+)?"
        r"(?:ngay\s+)?$"
    ),
)
#: Lines whose dates are never an event's (folded): a legal basis, the issue line of the letterhead, a meeting.
NOT_EVENT_LINE = re.compile(
    r"^(?:\d{1,2}[.)]\s*)?(?:can cu|xet)\b"
    # "Hà Nội, ngày 22 tháng 9 năm 2025" (the issue line), not "Thứ Sáu, ngày 03 tháng 10 năm 2025" (a day heading)
    r"|^(?!(?:[\divx]{1,4}[.)]\s*)?(?:thu\s+(?:hai|ba|tu|nam|sau|bay)|chu nhat|sang|chieu|toi)\b)"
    r"[^,:;]{2,60},\s*ngay\s+" + FULL_DATE + r"\s*$"
    r"|\b(?:hop|hoi nghi|giao ban|bao cao|so ket)\b[^.;]{0,40}\bngay\b"
)
#: A line that opens by citing another document (folded): the dates of its first clause are the cited document's;
#: what follows the first comma is the line's own.
CITING = re.compile(r"^(?:theo|thuc hien)\b")
#: What a day heading may hold besides its date (folded): weekday, part of day, labels, brackets, emoji, numbering.
_DAY_WORDS = re.compile(
    r"\b(?:ngay|thu (?:nhat|hai|ba|tu|nam|sau|bay)|chu nhat|t[2-7]|cn|sang|chieu|toi|trua|buoi|thoi gian|lich|nam|"
    r"thang|vao|luc|[ivxlc]+|[a-z])\b"
)
_DECORATION = re.compile(r"[\W\d_]+")
#: What a day heading calls its day after its date and a dash ("Thứ Tư (01/10/2025) - NGÀY KHAI MẠC", "Chủ nhật
#: 05/10 – Ngày hội đọc sách") (folded): the day's name, still a heading.
_DAY_NAMED = re.compile(r"\s[-–—]\s*ngay\s+[^\d()\[\]:;,.]{2,30}$")
#: A weekday's name (folded): "thứ Tư" is "thu tu", no "từ" (from).
_WEEKDAY = re.compile(r"\b" + WEEKDAY + r"\b")
DatesOf = Callable[[str], list[Found]]
"""``dates_of(folded_text)``: its dates, a date without a year taking the document's."""


@dataclass(frozen=True)
class Stamp:
    """A date or time the tree gives an event, and where it was read (clause, line, heading, section, title)."""

    value: date | time
    source: str


def event_dates(low: str, dates_of: DatesOf) -> list[Found]:
    """The dates of folded text that may be an event's: not a deadline's, a cited document's or an issue date."""
    if NOT_EVENT_LINE.search(low):
        return []
    start = 0
    if CITING.match(low):  # "Theo Kế hoạch số … ngày 15/9/2023 của UBND phường, chiều ngày 07/10/2023 phường tổ chức …"
        comma = low.find(", ")
        if comma < 0:
            return []
        start = comma
    return [
        d for d in dates_of(low) if d.start >= start and not any(rx.search(low[: d.start]) for rx in NOT_EVENT_DATE)
    ]


#: A schedule's title or the sentence that sends it, naming its one day ("LỊCH CÔNG TÁC LÃNH ĐẠO NGÀY 01/10/2025 (THỨ
#: TƯ) – KHAI MẠC …", "Em kính gửi các anh chị lịch dự Lễ khai mạc …, sáng thứ Hai 02/10 (theo KH … ngày 11/9):"),
#: folded: the items below it are that day's.
_SCHEDULE_OF_DAY = re.compile(r"^[^:;.]{0,60}?\blich\s+(?:cong tac|lam viec|(?:di\s+)?(?:tham\s+)?du|truc)\b")


def day_heading(f: Folded, dates_of: DatesOf) -> date | None:
    """The day a line is the heading of ("🗓️ Thứ Bảy (05/10)", "THỨ BA (01/10)", "Sáng thứ Hai, ngày 03/10/2022:"):
    a line holding one date and nothing but weekday, part-of-day and label words, brackets and decoration."""
    low = f.low
    intro = low.rstrip().endswith(":") and len(low) <= 140  # "Toàn bộ các hoạt động diễn ra … ngày 04/10/2025:"
    days = {d.value for d in event_dates(low, dates_of) if isinstance(d.value, date)}  # (not "KH 689 ngày 11/9")
    if _SCHEDULE_OF_DAY.match(low) and not find_times(low) and len(days) == 1:
        return days.pop()
    if len(low) > 90 and not intro:
        return None
    ds = dates_of(low)
    if intro and len({d.value for d in ds}) == 2:  # "Điều chỉnh từ … ngày 30/9/2023 sang chiều … ngày 07/10/2023,
        ds = event_dates(low, dates_of)  # cụ thể:": the new day
    if len({d.value for d in ds}) != 1 or find_times(low):
        return None
    if intro and not re.search(r"\b(?:truoc|han|cham nhat)\b", low):  # the items listed below it are that day's;
        return ds[0].as_date if event_dates(low, dates_of) else None  # not "Thực hiện KH 58 ngày 15/9, … như sau:"
    rest = low[: ds[0].start] + " " + _DAY_NAMED.sub(" ", _without_capital_title(f, ds[-1].end))
    if not _DECORATION.sub("", _DAY_WORDS.sub(" ", rest)):
        return ds[0].as_date
    return _labelled_day(low, ds[0]) if event_dates(low, dates_of) else None


#: What a day heading names its day after its date and a dash, in capitals ("THỨ BẢY, NGÀY 04/10/2025 - DIỄU HÀNH XE
#: HOA TUYÊN TRUYỀN", "… - LỄ BẾ MẠC"): the day's programme title, still a heading.
_CAPITAL_TITLE = re.compile(r"\s[-–—]\s*[^\d()\[\]:;,.]{2,50}$")


def _without_capital_title(f: Folded, end: int) -> str:
    """The folded text after a day heading's date without the title in capitals it names its day by, if any."""
    m = _CAPITAL_TITLE.search(f.text, end)
    if m is None or len(f.text) != len(f.low) or m.group().upper() != m.group():
        return f.low[end:]
    return f.low[end : m.start()]


#: An item's short title, then its day after a colon ("2/ Diễu hành xe hoa: chiều thứ Sáu 03/10.", "b) Hội thi
#: kể chuyện: sáng Thứ Bảy (05/10)") (folded).
_LABELLED = re.compile(r"^(?P<label>[^:]{3,60}):\s*")


def _labelled_day(low: str, day: Found) -> date | None:
    """The day a titled item's line states after its colon and nothing else: the items listed below it are that
    day's."""
    m = _LABELLED.match(low)
    said = _WEEKDAY.sub(" ", low[m.end() :]) if m else ""  # "thứ Tư" folds to "thu tu": a day, not "từ"
    if m is None or day.start < m.end() or re.search(r"\b(?:truoc|han|cham nhat|tu|den)\b", said):
        return None
    rest = _DAY_WORDS.sub(" ", low[m.end() : day.start] + " " + low[day.end :])
    return day.as_date if not _DECORATION.sub("", rest) else None


def _heading_above(doc: Document, line: int, dates_of: DatesOf) -> date | None:
    """The nearest day heading above a line within its innermost section (a calendar's or a post's day line)."""
    path = doc.path(line)
    top = path[-1].line if path else -1
    for j in range(line - 1, top, -1):
        day = day_heading(doc.lines[j], dates_of)
        if day is not None:
            return day
    return None


def _day_line_below(doc: Document, line: int, dates_of: DatesOf) -> date | None:
    """The day a line of its own states in the section a line heads, the only day its own blocks state so ("1. Lễ
    khai mạc" over "Địa điểm: …", "Thời gian: 6 giờ 45", "Thứ Tư, ngày 01/10/2025"): the day of its fields."""
    own = [s for s in doc.path(line) if s.line == line]
    if not own:
        return None
    days = {d for b in own[-1].blocks if (d := day_heading(b.body, dates_of)) is not None}
    return days.pop() if len(days) == 1 else None


def _section_day(doc: Document, line: int, dates_of: DatesOf) -> date | None:
    """The one event date the titles of the sections holding a line state, innermost first; a section's lead
    paragraphs, above its subsections, count as its title, but for one about a rehearsal or a trial run ("2. Phòng
    Văn hóa: …; tổng duyệt lúc 16 giờ 00, Thứ Bảy, ngày 30/9" among the tasks: days before the event)."""
    for sec in reversed(doc.path(line)):
        ds = {d.value for d in event_dates(sec.title.low, dates_of)}
        if not ds and sec.sections and sec.line != line:  # "II. NỘI DUNG" / "Tất cả hoạt động diễn ra trong ngày
            leads = [b.body.low for b in sec.blocks if not _TRIAL.search(b.body.low)]  # Thứ Tư, 04/10/2023."
            ds = {d.value for low in leads for d in event_dates(low, dates_of)}
        if len(ds) == 1:
            value = ds.pop()
            assert isinstance(value, date)
            return value
    return None


#: A list's item written with a bullet ("- Đoàn xe xuất phát: 07 giờ 30.") (folded).
_BULLET_ITEM = re.compile(r"^\s*[-+•·*–]\s*")


def _lead_day(doc: Document, line: int, dates_of: DatesOf) -> date | None:
    """The day the lead of a list states for its bulleted items: the line ending with ":" above them ("Các hoạt động
    cấp quận tập trung vào sáng thứ Hai, ngày 02/10/2023:" over "- Đoàn xe xuất phát: 07 giờ 30."), the one day
    of its last sentence."""
    if not _BULLET_ITEM.match(doc.lines[line].low):
        return None
    j = line - 1
    while j >= 0 and _BULLET_ITEM.match(doc.lines[j].low):
        j -= 1
    if j < 0 or not doc.lines[j].low.rstrip().endswith(":"):
        return None
    last = re.split(r"[.;]\s", doc.lines[j].low)[-1]  # "Tuần lễ diễn ra từ … đến …. Các hoạt động … ngày 02/10:"
    days = {d.value for d in event_dates(last, dates_of)}
    day = days.pop() if len(days) == 1 else None
    return day if isinstance(day, date) else None


def event_day(
    doc: Document, line: int, clause: Folded | None, dates_of: DatesOf, title: frozenset[int] = frozenset()
) -> Stamp | None:
    """The date of an event mentioned at ``line`` (in ``clause``): its clause's, else its line's (a row, a cell or
    a paragraph stating one day), else the lead of its list ("…, ngày 02/10/2023:"), else the nearest day heading
    above, else the day line of the section it heads, else its sections' titles, else the document's title (lines
    ``title``)."""
    if clause is not None:
        own = event_dates(clause.low, dates_of)
        if own:
            return Stamp(own[0].value, "clause")
    days = {d.value for d in event_dates(doc.lines[line].low, dates_of)}
    if len(days) == 1:
        return Stamp(days.pop(), "line")
    lead = _lead_day(doc, line, dates_of)
    if lead is not None:
        return Stamp(lead, "heading")
    above = _heading_above(doc, line, dates_of)
    if above is not None:
        return Stamp(above, "heading")
    below = _day_line_below(doc, line, dates_of)
    if below is not None:
        return Stamp(below, "heading")
    section = _section_day(doc, line, dates_of)
    if section is not None:
        return Stamp(section, "section")
    named = {  # (a title line past the parsed lines, as a fragment "Lễ khai mạc \n KẾ HOẠCH" has, names no day)
        d.value for i in sorted(title) if i < len(doc.lines) for d in event_dates(doc.lines[i].low, dates_of)
    }
    return Stamp(named.pop(), "title") if len(named) == 1 else None


def verb_time(low: str, verb: re.Match[str]) -> time | None:
    """The time an event's verb has in its clause: right after it ("xuất phát lúc 7g15", "Tập trung: 6g45"), else
    right before it ("06g30: … tập trung", "6 giờ 30 tập trung"), never one that belongs to another verb (the first
    time after an earlier verb is that verb's: "tập trung tại A từ 6g45 và xuất phát …"); else the time after an
    event it is told from ("xuất phát ngay sau lễ khai mạc, khoảng 8g15")."""
    times = find_times(low)
    after = [t for t in times if t.start >= verb.end() and not _other_verb(low[verb.end() : t.start])]
    if after and after[0].start - verb.end() <= 24:
        return after[0].as_time
    before = [
        t
        for t in times
        if t.end <= verb.start() and not _other_verb(low[t.end : verb.start()]) and not _verb_own(low, times, t)
    ]
    if before:
        return before[-1].as_time
    told_from = _AFTER_EVENT.match(low, verb.end())
    return after[0].as_time if after and told_from and after[0].start - verb.end() <= 60 else None


#: A departure told from the event before it ("xuất phát ngay sau lễ khai mạc, khoảng 8g15", "khởi hành sau buổi
#: lễ, lúc 8 giờ") (folded, right after the verb).
_AFTER_EVENT = re.compile(r"\s*(?:ngay\s+)?sau\s+(?:khi\s+)?(?:(?:buoi|le|chuong trinh|nghi thuc)\b)")


def _verb_own(low: str, times: list[Found], t: Found) -> bool:
    """Whether a time is the first one after an earlier event verb of the clause, with nothing between that ends the
    clause or holds a third verb, and that verb has no time right before it: that verb's time ("tập trung tại A từ
    6g45"; not in "06g30: các xe tập trung tại A, 07g00 xuất phát")."""
    for rx in EVENT_VERBS.values():
        for v in rx.finditer(low, 0, t.start):
            first = next((x for x in times if x.start >= v.end()), None)
            timed = any(x.end <= v.start() and not _other_verb(low[x.end : v.start()]) for x in times)
            if first is t and not timed and not _other_verb(low[v.end() : t.start]):
                return True
    return False


def _other_verb(between: str) -> bool:
    """Whether text between a time and a verb holds another event's verb or ends a clause."""
    return bool(re.search(r"[;.]\s", between)) or any(rx.search(between) for rx in EVENT_VERBS.values())


def heading_time(f: Folded, dates_of: DatesOf) -> time | None:
    """The one hour a heading of a day's item states with its day and nothing else ("2. Chiều ngày 1/10, lúc 15
    giờ", "3. Sáng thứ Năm (02/10), 8g00", "b) 14h00 ngày 03/10"); None for a heading that says more or gives a span."""
    times = find_times(f.low)
    if len(times) != 1 or len(f.low) > 90:
        return None
    rest = f.low
    for x in sorted([*times, *dates_of(f.low)], key=lambda x: -x.start):
        rest = rest[: x.start] + " " + rest[x.end :]
    return times[0].as_time if not _DECORATION.sub("", _DAY_WORDS.sub(" ", rest)) else None


def _timed_heading(doc: Document, line: int, dates_of: DatesOf) -> time | None:
    """The hour the innermost section holding a line states in its heading (:func:`heading_time`)."""
    path = [s for s in doc.path(line) if s.line != line]
    return heading_time(path[-1].title, dates_of) if path else None


def date_ceremonies(
    events: list[CeremonyEvent], doc: Document, dates_of: DatesOf, title: frozenset[int] = frozenset()
) -> None:
    """A ceremony that states no date of its own takes the one its line, day heading, sections or title give, else
    the document's one event day (not one held by units or schools it does not name); one that states no hour, the
    hour its section's heading gives to it alone ("2. Chiều ngày 1/10, lúc 15 giờ" / "Lễ khai mạc … tại xã A")."""
    for e in events:
        if e.date is None:
            day = event_day(doc, e.line, None, dates_of, title)
            e.date = day.value if day is not None and isinstance(day.value, date) else None
    for e in events:
        hour = _timed_heading(doc, e.line, dates_of) if e.time is None else None
        if hour is not None and sum(1 for o in events if doc.path(o.line)[-1:] == doc.path(e.line)[-1:]) == 1:
            e.time = hour  # (the heading's hour is its alone: no other ceremony in that section)
    if any(e.date is None for e in events):
        one = the_one_day(doc, dates_of)
        for e in events:  # (not to units or schools left to hold their own: "Các trường … trong giờ chào cờ")
            e.date = e.date or (None if unnamed_holders(e.host) else one)


#: A line about a rehearsal or a trial run (folded): its date is no event's.
_TRIAL = re.compile(r"\b(?:" + TRIAL_WORDS + r"|tap luyen|kiem tra)\b")


#: The place and date a document is issued at the end of a line ("Số: 702/GM-UBND … Gò Vấp, ngày 27 tháng 9 năm
#: 2024") (folded).
_ISSUED = re.compile(r"[^\W\d_]+,\s*ngay\s+" + FULL_DATE + r"\s*$")


def the_one_day(doc: Document, dates_of: DatesOf) -> date | None:
    """The document's one event day: every date its lines give that may be an event's (no deadline, cited
    document, issue date, rehearsal or trial run) is the same ("… kính mời … dự các hoạt động trong buổi sáng Thứ
    Bảy, ngày 05 tháng 10 năm 2024:" over items that give times and venues only); else None."""
    days = {
        d.value
        for f in doc.lines
        if not _TRIAL.search(f.low) and not _ISSUED.search(f.low)
        for d in event_dates(f.low, dates_of)
        if isinstance(d.value, date)
    }
    return days.pop() if len(days) == 1 else None
