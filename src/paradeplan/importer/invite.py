"""An invitation (GIẤY MỜI, THƯ MỜI) read as what it invites to: a ceremony with the letter's own time, date and
venue, attended by each person it invites by name; an invitation to a meeting is nothing to plan."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from paradeplan.importer.dates import find_times
from paradeplan.importer.events import (
    BULLET,
    CEREMONY,
    FAMILY_NAMES,
    HONORIFIC_FOLDED,
    CeremonyEvent,
    DatesOf,
    OfficialFact,
    labelled_fields,
    persons,
)
from paradeplan.importer.stance import letter_subject
from paradeplan.importer.text import BULLET_MARK, Folded, fold, tidy

#: The title of an invitation (folded, the whole line or its head).
_TITLE = re.compile(r"^(?:giay|thu) moi\b")
#: What an invitation's subject starts with before the event (folded): "Dự …", "V/v dự …", "Tới dự …".
_LEAD = re.compile(r"^(?:(?:v/v|ve viec)\s+)?(?:(?:moi\s+)?(?:toi\s+|den\s+)?(?:tham\s+)?du\s+)?")
#: An event that is a meeting, not a ceremony (folded, at the head of the subject).
MEETING = re.compile(
    r"^(?:cuoc\s+|buoi\s+)?(?:hop|hoi nghi|lam viec|tap huan|giao ban|so ket|tong ket|hoi thao|trien khai|thong qua)\b"
)
#: Who an invitation names as a person (folded, at the head of a listed line): an honorific and a name.
_PERSON = re.compile(r"^" + HONORIFIC_FOLDED + r"\s+\S")
#: An honorific before a title and no name ("Chủ trì buổi lễ: đồng chí Phó Chủ tịch Ủy ban nhân dân tỉnh"): no one
#: named (folded).
_TITLE_ONLY = re.compile(
    r"^" + HONORIFIC_FOLDED + r"\s+(?:pho\s+)?(?:chu tich|giam doc|bi thu|truong|hieu truong|lanh dao|dai dien)\b"
)
#: A listed line's mark: a bullet or a number ("- ", "1. ", "2) ", "a) ").
_LISTED = re.compile(r"^\s*(?:(?:" + BULLET_MARK + r"\s*)+|(?:\d{1,2}|[a-zđ])[.)]\s+)")


@dataclass(frozen=True)
class Invitation:
    """What an invitation invites to: its subject line, whether it is a meeting, the ceremony (when it is one)."""

    subject: str
    meeting: bool
    ceremony: CeremonyEvent | None
    invitees: tuple[str, ...] = ()
    listed_at: tuple[int, ...] = ()
    """The line each invitee is listed on (-1 for a table's), parallel to ``invitees``."""


def _subject(lines: list[Folded]) -> tuple[int, Folded] | None:
    """The invitation's subject: the rest of its title line, else the line below it."""
    for i, f in enumerate(lines[:25]):
        m = _TITLE.match(f.low)
        if m is None or not f.text[: m.end()].isupper():
            continue
        rest = Folded(f.text[m.end() :].lstrip(" :-–"), f.low[m.end() :].lstrip(" :-–"))
        if len(rest.low) > 3 and not re.match(r"^so\b", rest.low):
            return i, rest
        for j in range(i + 1, min(i + 14, len(lines))):  # "… trân trọng kính mời: / - Bà A; / Đến dự Lễ khai mạc …"
            low = BULLET.sub("", lines[j].low)
            if _TO_ATTEND.match(low):
                return j, Folded(BULLET.sub("", lines[j].text), low)
            joined = _TO_ATTEND_AFTER.search(lines[j].low)  # "2. Đồng chí B, Trưởng phòng … huyện / đến dự …"
            if joined is not None and _PERSON.match(_LISTED.sub("", lines[j].low)):
                at = joined.start(1)
                return j, Folded(lines[j].text[at:], lines[j].low[at:])
        if i + 1 < len(lines):
            return i + 1, lines[i + 1]
    return None


#: A subject naming ceremonies by no kind, the list below it naming them ("đến dự hai buổi lễ sau:", "dự các buổi lễ
#: như sau:") (folded).
_SOME_CEREMONIES = re.compile(r"\b(?:(?:cac|hai|ba|\d{1,2})\s+)?buoi le\b[^.;]{0,20}(?:sau|nhu sau)\s*:?\s*$")
#: A line that says what the invitees come to, below the list of them ("Đến dự Lễ khai mạc …", "Tới tham dự …",
#: "Về dự …") (folded).
_TO_ATTEND = re.compile(r"^(?:(?:den|toi|ve)\s+)?(?:tham\s+)?du\s+(?!kien\b)\S")
#: The same words ending an invitee's line the text joined them to (folded).
_TO_ATTEND_AFTER = re.compile(r"\s((?:den|toi|ve)\s+(?:tham\s+)?du\s+(?!kien\b)[^;]{3,120})$")


def _fields(lines: list[Folded], start: int) -> dict[str, Folded]:
    """The letter's labelled fields below its subject ("Thời gian: …", "Địa điểm: …"), first of each name."""
    out: dict[str, Folded] = {}
    for f in lines[start:]:
        for k, v in labelled_fields(Folded(BULLET.sub("", f.text), BULLET.sub("", f.low))).items():
            out.setdefault(k, v)
    return out


#: An invitee written by their office with their name in brackets at the end ("Hiệu trưởng Trường A (đồng chí B);").
_NAMED_LAST = re.compile(r"\(([^()]{5,80})\)\s*[;.,]?\s*$")


def _invitees(lines: list[Folded], start: int) -> list[tuple[str, int]]:
    """The people the letter invites by name, with their line: its listed lines that start with an honorific ("-
    Đồng chí A, …"), below its title (above the subject when the letter lists them first); not a line that says
    after a colon what its person does (the readers of :mod:`paradeplan.importer.attend` read it)."""
    out = []
    for i, f in enumerate(lines[start:], start):
        low = _LISTED.sub("", f.low)
        if re.search(r":\s*\S", low) and not find_times(low.split(":")[0]):
            continue  # "1. Đồng chí A, Chủ tịch: phát biểu khai mạc tại …; 10g30 họp …": their own line says where
        if _OWN_VISITS.search(low):
            continue  # "2. Đồng chí B, … – dự (1), sau đó dự (2)", "– đã báo vắng (1)": read by their numbers
        if f.low != low and _PERSON.match(low):
            out.append((tidy(_LISTED.sub("", f.text)).rstrip(";.,"), i))
        elif f.low != low and (named := _NAMED_LAST.search(f.text)) and _PERSON.match(fold(named.group(1))):
            out.append((persons(named.group(1))[0][0], i))  # "5. Hiệu trưởng Trường A (đồng chí B);"
    return out


#: An invitee's line that says which of the letter's numbered events they attend or miss ("– dự (1) và (2)", "– đã
#: báo vắng (2)") (folded).
_OWN_VISITS = re.compile(r"\b(?:tham du|du|chu tri|vang)\s*\(\d{1,2}\)|\bbao vang\b")


#: A table's column of invitees' names ("Họ và tên", "Họ tên") (folded).
_NAME_HEAD = re.compile(r"^(?:ho va ten|ho ten|ho, ten)\b")


def _table_invitees(layout: list[str]) -> list[str]:
    """The people a table of invitees names ("STT | Họ và tên | Chức vụ"), from the text's rows with their cells
    apart (tabs): "Ông A, Bí thư …" per row whose name cell names a person ("Đại diện" does not)."""
    out = []
    name_column: int | None = None
    for line in layout:
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) < 2:
            name_column = None
            continue
        heads = [fold(c) for c in cells]
        name_column = next((k for k, h in enumerate(heads) if _NAME_HEAD.match(h)), name_column)
        if name_column is None or name_column >= len(cells) or _NAME_HEAD.match(heads[name_column]):
            continue
        who = cells[name_column]
        if _PERSON.match(fold(who)) or _bare_name(who):
            out.append(", ".join(c for c in (who, *cells[name_column + 1 : name_column + 2]) if c))
    return out


def _bare_name(text: str) -> bool:
    """A person's name written without an honorific in a names column ("Lê Quang Hưng"): two to five capitalised
    words from a family name on; "Đại diện" or a unit is none."""
    words = text.split()
    return 2 <= len(words) <= 5 and fold(words[0]) in FAMILY_NAMES and all(w[:1].isupper() for w in words)


def _venue(value: Folded) -> str | None:
    """The venue a field names, without its address (", số 15 đường …", "(số 26 …)")."""
    text = tidy(re.split(r"\s*[(;]", value.text)[0])
    address = re.search(r",\s*(?:so\s*\d|duong|pho|dia chi)\b", fold(text))
    return tidy(text[: address.start()] if address else text).rstrip(".,") or None


def _letter_ceremony(
    subject: Folded, m: re.Match[str], fields: dict[str, Folded], at: int, dates_of: DatesOf
) -> CeremonyEvent:
    """The ceremony a letter's subject names (at ``m``), with the time, date and venue of its labelled fields."""
    when, venue = fields.get("when"), fields.get("venue")
    times = find_times(when.low) if when is not None else []
    days = dates_of(when.low) if when is not None else []
    place = _venue(venue) if venue is not None else None
    name = tidy(subject.text[m.start() :])
    cut = re.search(r"\s+(?:va|nam|cap|tai|cua)\b", subject.low[m.end() :])
    name = tidy(subject.text[m.start() : m.end() + cut.start()]) if cut else name
    return CeremonyEvent(
        name=name[:1].upper() + name[1:],
        family="opening",
        date=days[0].as_date if days else None,
        time=times[0].as_time if times else None,
        place=place or None,
        text=tidy(subject.text)[:300],
        line=at,
    )


#: A letter's subject that changes when or where a ceremony is held ("V/v điều chỉnh thời gian, địa điểm và thành
#: phần dự Lễ khai mạc …", "V/v thay đổi thời gian tổ chức Lễ …") (folded, after "V/v").
_MOVES = re.compile(
    r"^(?:dieu chinh|thay doi|doi|lui|chuyen|hoan)\b[^.;:]{0,60}?\b(?:thoi gian|dia diem|ngay)\b[^.;:]{0,80}?(?=\ble\b)"
)


def amended_ceremony(lines: list[Folded], dates_of: DatesOf) -> CeremonyEvent | None:
    """The ceremony a letter moves when its subject names it ("V/v điều chỉnh thời gian, địa điểm … Lễ khai mạc …")
    and its body gives the new day, time and venue in labelled fields ("Thời gian mới: 14h00, thứ Ba, ngày
    03/10/2023 (thay cho …)", "Địa điểm mới: …"); None when the body does not give all three."""
    found = letter_subject(lines)
    if found is None:
        return None
    at, subject = found
    m = CEREMONY.search(subject.low)
    if m is None or not _MOVES.match(subject.low):
        return None
    event = _letter_ceremony(subject, m, _fields(lines, at + 1), at, dates_of)
    return event if event.date and event.time and event.place else None


#: A document's type line, alone and in capitals ("KẾ HOẠCH", "THÔNG BÁO"), folded: its title; one that comes after
#: another is a second document the file carries (a notice issued after the plan, below its signature).
_DOC_TYPE = re.compile(r"^\s*(?:ke hoach|thong bao|quyet dinh|cong van|huong dan|phuong an)\s*$")


def later_amendment(lines: list[Folded], dates_of: DatesOf) -> CeremonyEvent | None:
    """The ceremony a notice carried after the plan moves ("THÔNG BÁO" / "Điều chỉnh thời gian, địa điểm tổ chức Lễ
    khai mạc …" / "- Thời gian: 14 giờ 00, ngày … (thay cho …)" / "- Địa điểm: …"): a later document's title whose
    subject line moves a ceremony (:data:`_MOVES`), with its fields' day, time and venue; None without all three."""
    titles = [i for i, f in enumerate(lines) if _DOC_TYPE.match(f.low) and f.text.strip().isupper()]
    for at in titles[1:]:
        if at + 1 >= len(lines):
            break
        subject = Folded(BULLET.sub("", lines[at + 1].text), BULLET.sub("", lines[at + 1].low))
        m = CEREMONY.search(subject.low)
        if m is None or not _MOVES.match(subject.low):
            continue
        event = _letter_ceremony(subject, m, _fields(lines, at + 2), at + 1, dates_of)
        if event.date and event.time and event.place:
            return event
    return None


def read_invitation(lines: list[Folded], dates_of: DatesOf, layout: Sequence[str] = ()) -> Invitation | None:
    """The invitation a document is, or None when it is no invitation (no "GIẤY MỜI"/"THƯ MỜI" title)."""
    found = _subject(lines)
    if found is None:
        return None
    at, subject = found
    lead = _LEAD.match(subject.low)
    what = subject.low[lead.end() if lead else 0 :]
    if MEETING.match(what):
        return Invitation(tidy(subject.text), True, None)
    m = CEREMONY.search(subject.low)
    if m is None and _SOME_CEREMONIES.search(what):  # "đến dự hai buổi lễ sau:" / "▪ Buổi thứ nhất – LỄ KHAI MẠC"
        below = next((j for j in range(at + 1, min(at + 6, len(lines))) if CEREMONY.search(lines[j].low)), None)
        if below is not None:
            at, subject = below, Folded(BULLET.sub("", lines[below].text), BULLET.sub("", lines[below].low))
            m = CEREMONY.search(subject.low)
    if m is None:
        return Invitation(tidy(subject.text), False, None)
    fields = _fields(lines, at + 1)
    ceremony = _letter_ceremony(subject, m, fields, at, dates_of)
    title = next((i for i, f in enumerate(lines[:25]) if _TITLE.match(f.low)), at)
    invitees = _invitees(lines, title + 1) + [(who, -1) for who in _table_invitees(list(layout))]
    chair = fields.get("chair")  # "Chủ trì: Đồng chí A – Chủ tịch UBND phường": the chair attends too
    if chair is not None and _PERSON.match(chair.low) and not _TITLE_ONLY.match(chair.low):
        invitees.append((tidy(chair.text).rstrip(";.,"), -1))
    listed: dict[str, list[int]] = {}
    for who, i in invitees:
        listed.setdefault(who, []).append(i)
    flat = [(who, i) for who, at in listed.items() for i in at]
    return Invitation(tidy(subject.text), False, ceremony, tuple(w for w, _i in flat), tuple(i for _w, i in flat))


def invitees_attend(inv: Invitation, ceremonies: list[CeremonyEvent]) -> list[OfficialFact]:
    """Each person the invitation names attends what it invites to: its ceremony (at its venue), or, when the letter
    tells several with their own fields ("trân trọng kính mời … đến dự hai buổi lễ như sau: 1. Lễ khai mạc …
    2. Lễ ra quân …"), each of them."""
    held = [c for c in ceremonies if c.place] if not any(c is inv.ceremony for c in ceremonies) else [inv.ceremony]
    held = [c for c in held if c is not None and c.place]
    if inv.meeting or not held:
        return []
    at_lines = list(inv.listed_at or [-1] * len(inv.invitees))
    groups = [_listed_for(held, at) for at in at_lines]
    listed = {tuple(id(c) for c in g) for g, at in zip(groups, at_lines, strict=True) if at >= 0}
    if len(listed) < 2:  # one list for all (at the top, or a table): every one
        groups = [held] * len(groups)
    out: dict[str, list[CeremonyEvent]] = {}
    for who, to in zip(inv.invitees, groups, strict=True):
        out.setdefault(who, [])
        out[who] += [c for c in to if c not in out[who]]
    return [
        OfficialFact(who, [c.place or "" for c in to], who, [""] * len(to), [c.time for c in to])
        for who, to in out.items()
    ]


def _listed_for(held: list[CeremonyEvent], at: int) -> list[CeremonyEvent]:
    """The ceremonies an invitee listed on line ``at`` is invited to: those of the item the line is under ("1. Dự
    Lễ khai mạc" / "Kính mời: - Đồng chí A"), when each item lists its own; else every one."""
    above = [c for c in held if 0 <= c.line < at]
    if at < 0 or len(held) < 2 or not above:
        return held
    last = max(c.line for c in above)
    return [c for c in above if c.line == last]
