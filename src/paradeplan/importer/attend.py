"""Officials' ordered attendances read by reference to the ceremonies already read: a person's line or cell naming
ceremonies in any order and with any separator ("→", ";", "sau đó"), and a delegation's itinerary."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from paradeplan.geo.names import CAPITAL_LETTERS, SMALL_LETTERS
from paradeplan.importer.dates import find_dates, find_times
from paradeplan.importer.events import (
    BRACKETED,
    BULLET,
    CEREMONY,
    PROGRAMME_HEAD,
    SENDS_NEXT,
    SENDS_OTHER,
    CeremonyEvent,
    DatesOf,
    OfficialFact,
    kind_of,
    paragraph_guests,
    persons,
    unit_refs,
)
from paradeplan.importer.structure import ANNEX, Block, Document, Section
from paradeplan.importer.text import BULLET_MARK, LEAD, Folded, fold, tidy, whole_words
from paradeplan.importer.when import event_dates

#: Where an official's own references start: after the label's colon, a visit verb, an arrow or a time (folded);
#: what comes before is their title ("Phó Chủ tịch UBND phường A"), which names no ceremony.
_REFS_START = re.compile(r":|\b(?:tham du|du|chu tri|den|di thay)\b|→|->|➡|\d{1,2}\s?(?:h|g|gio|:)\s?\d{0,2}")
#: A level a ceremony is said to be of ("cấp tỉnh", "Cấp: Tỉnh"), folded.
_LEVEL = re.compile(r"\bcap\s*:?\s*(tinh|thanh pho|huyen|quan|thi xa|xa|phuong|thi tran)\b")
#: A title over ceremonies of several levels ("Lịch tổ chức Lễ khai mạc cấp quận và các phường được chọn điểm", "…
#: cấp huyện và cấp xã"): no level of each row's own (folded).
_LEVELS_LISTED = re.compile(
    r"\bcap\s+(?:tinh|thanh pho|huyen|quan|thi xa|xa|phuong|thi tran)\s*(?:,|va)\s+(?:cac\s+|cap\s+|tai\s+cac\s+)"
    r"(?:tinh|thanh pho|huyen|quan|thi xa|xa|phuong|thi tran|don vi|cum|truong)\b"
)
#: Ceremonies named in the plural ("các lễ khai mạc"): those the document lists, not one more (folded).
_PLURAL = re.compile(r"\bcac (?:buoi )?le\b")
#: A section that lists a delegation's members ("I. THÀNH PHẦN ĐOÀN"), folded.
_ROSTER = re.compile(r"\b(?:thanh phan|doan cong tac|thanh vien)\b")
#: A line of an itinerary without a person: the delegation visits ("- 07h30 - 08h30: Dự Lễ khai mạc tại …", "Lúc
#: 8g30 đoàn dự Lễ khai mạc …, sau đó dự …"); what the line names from there on.
_DELEGATION_VISIT = re.compile(
    "^(?:" + BULLET_MARK + r"|\d)[\W\d hg:]*(?:doan\s+)?(?:tham du|du)\s+(?:le|buoi le)\b"  # an item, not a subject
    r"|\bdoan\s+(?:[^\W\d]+\s+){0,2}?(?:tham du|du)\s+(?:le|buoi le)\b"  # "Lúc 8g30 đoàn dự Lễ khai mạc …"
)


#: What a person's name never holds: a clock time, a clause's end.
_NO_NAME = re.compile(r"\d{1,2}\s?(?:h|g|:)\s?\d|[;.]\s")


@dataclass(frozen=True)
class Mention:
    """A person named on a line: their name and where their mention ends."""

    name: str
    start: int
    end: int


@dataclass
class _Sent:
    """Each person a reader sends to ceremonies: their ceremonies in the order met (each once) and the text that
    first named them."""

    events: dict[str, list[CeremonyEvent]] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)

    def add(self, name: str, e: CeremonyEvent, text: str) -> None:
        held = self.events.setdefault(name, [])
        if e not in held:
            held.append(e)
        self.texts.setdefault(name, tidy(text)[:300])

    def facts(self) -> list[OfficialFact]:
        return [_fact(name, evs, self.texts[name]) for name, evs in self.events.items()]


def people(text: str) -> list[Mention]:
    """The persons a line names, in order."""
    return [Mention(name, start, end) for name, start, end in persons(text)]


def _keys(e: CeremonyEvent, doc: Document, bare: bool = False) -> list[str]:
    """What names a ceremony in a reference (folded): its venue, the units its venue and host name, its level
    (its clause's or its section's: "2. Lễ khai mạc cấp tỉnh")."""
    title = doc.path(e.line)[-1:]
    units = tuple((u.text, u.name) for u in e.host.units if u.name)
    return list(_keys_of(title[0].title.low if title else None, e.place, units, e.text, bare))


@lru_cache(maxsize=4096)
def _keys_of(
    title: str | None, place: str | None, units: tuple[tuple[str, str], ...], text: str, bare: bool
) -> tuple[str, ...]:
    """:func:`_keys` from a ceremony's section title, venue, host units and clause (each text read once)."""
    keys = ["cap " + m.group(1) for m in _LEVEL.finditer(title)] if title and not _LEVELS_LISTED.search(title) else []
    if place:
        keys.append(fold(place))
        keys += [m.group(1) for m in [_SCHOOL_SHORT.match(fold(place))] if m is not None]  # "MN Hoa Sen"
        keys += [fold(x) for u in unit_refs(Folded.of(place)) if u.name for x in (u.text, u.name)[: 1 + bare]]
    keys += [fold(x) for pair in units for x in pair[: 1 + bare]]  # (bare: "Long Biên")
    keys += ["cap " + m.group(1) for m in _LEVEL.finditer(fold(text[:120]))]
    keys += [m.group(1) for m in [_ORDINAL_LABEL.match(fold(text))] if m is not None]
    keys = [_written_out(k) for k in keys]  # "Trường TH A" as the text written out reads it: "truong tieu hoc a"
    return tuple(k for k in dict.fromkeys(keys) if len(k) >= 5)


#: A school's name after "Trường" from its level written short on ("Trường MN Hoa Sen": "mn hoa sen", as a message
#: names it: "không dự MN Hoa Sen được") (folded; group 1 the name without "trường").
_SCHOOL_SHORT = re.compile(r"^truong\s+((?:mn|mg|th|thcs|thpt|ptdtbt|ptdtnt)\s+\S.*)$")
#: The author of a chat message at its line's head ("[16:40] Quách Minh Tuấn: …", "[16:44] Nguyễn Thu Trang (VP
#: UBND): …"), as written: group 1 the name; what the message says of "anh"/"em" is said of them.
_CHAT_AUTHOR = re.compile(
    r"^\s*\[\d{1,2}:\d{2}\]\s*([" + CAPITAL_LETTERS + r"][^\W\d_]*(?:\s+[" + CAPITAL_LETTERS + r"][^\W\d_]*){1,4})"
    r"\s*(?:\([^()]{0,60}\))?\s*:"
)


def _with_author(text: str, found: list[Mention]) -> list[Mention]:
    """The persons a line names, with the chat message's author first (:data:`_CHAT_AUTHOR`) when the line has one."""
    m = _CHAT_AUTHOR.match(text)
    if m is None or any(p.start < m.end() for p in found):
        return found
    return [Mention(m.group(1), m.start(1), m.end()), *found]


#: The ordinal label an invitation or a programme gives an event ("Buổi thứ hai – LỄ TUYÊN DƯƠNG …", "Điểm 2: …")
#: (folded): a later line names it so ("chỉ dự buổi thứ nhất").
_ORDINAL_LABEL = re.compile(
    r"^\W*((?:buoi|phan|diem|su kien|hoat dong)\s+(?:thu\s+(?:nhat|hai|ba|tu|nam|\d{1,2})|\d{1,2}))\b"
)


#: Venues written short in a table or a chat, written out as the list above them names them ("TTHTCĐ P. A" →
#: "Trung tâm học tập cộng đồng phường A", "Trường MN B" → "Trường Mầm non B") (folded).
_SHORT_FORMS = (  # words as data: abbreviations to expand
    (r"\btthtcd\b", "trung tam hoc tap cong dong"),
    (r"(?<=trung tam hoc tap cong dong )p\.\s*", "phuong "),
    (r"(?<=trung tam hoc tap cong dong )x\.\s*", "xa "),
    (r"\btruong mn\b", "truong mam non"),
    (r"\btruong mg\b", "truong mau giao"),
    (r"\btruong th\b", "truong tieu hoc"),
)


@lru_cache(maxsize=65536)
def _written_out(low: str) -> str:
    """A folded text with the venues it writes short written out (:data:`_SHORT_FORMS`)."""
    for short, full in _SHORT_FORMS:
        low = re.sub(short, full, low)
    return low


@dataclass(frozen=True, eq=False)
class _Named:
    """A ceremony list with what each of its ceremonies is named by (:func:`_keys`), the key to :func:`_owners`:
    equal when the same documents' same ceremonies say the same (ceremonies change as the rules fill them in)."""

    events: tuple[CeremonyEvent, ...]
    doc: Document
    bare: bool
    state: tuple[tuple[int, int, str | None, str, tuple[tuple[str, str | None], ...]], ...]

    @classmethod
    def of(cls, events: Sequence[CeremonyEvent], doc: Document, bare: bool) -> _Named:
        state = tuple((id(e), e.line, e.place, e.text, tuple((u.text, u.name) for u in e.host.units)) for e in events)
        return cls(tuple(events), doc, bare, state)

    def __hash__(self) -> int:
        return hash((id(self.doc), self.bare, self.state))

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, _Named)
            and other.doc is self.doc
            and other.bare == self.bare
            and other.state == self.state
        )


@lru_cache(maxsize=8)
def _owners(named: _Named) -> tuple[tuple[str, int], ...]:
    """The keys that name one ceremony of a list only (longest first), each with that ceremony's index: a key
    naming several is no reference."""
    owners: dict[str, set[int]] = {}
    for k, e in enumerate(named.events):
        for key in _keys(e, named.doc, named.bare):
            owners.setdefault(key, set()).add(k)
    return tuple(
        (key, min(ks)) for key, ks in sorted(owners.items(), key=lambda o: len(o[0]), reverse=True) if len(ks) == 1
    )


def references(low: str, events: list[CeremonyEvent], doc: Document, bare: bool = False) -> list[CeremonyEvent]:
    """The ceremonies a folded text names, in the order it names them (venues written short read written out); a
    key naming several is no reference; with ``bare``, a unit named without its kind ("Long Biên") names its
    ceremony too."""
    low = _written_out(low)
    spans: list[tuple[int, int, int]] = []
    for key, k in _owners(_Named.of(events, doc, bare)):
        if key not in low:
            continue
        for m in whole_words(key).finditer(low):
            if not any(s < m.end() and m.start() < t for s, t, _k in spans):
                spans.append((m.start(), m.end(), k))
    for v in _VISIT_KIND.finditer(low):  # "…: phối hợp chuẩn bị nội dung, dự Lễ khai mạc": the one of that kind
        at = v.end()
        while (named := CEREMONY.match(low, at)) is not None:  # "dự Lễ khai mạc sáng 02/10 và Lễ ra mắt …": both
            of_kind = [k for k, e in enumerate(events) if kind_of(e) == named.group(0)]
            if len(of_kind) == 1 and not any(s < named.end() and named.start() < t for s, t, _k in spans):
                spans.append((named.start(), named.end(), of_kind[0]))
            more = _AND_KIND.match(low, named.end())
            if more is None:
                break
            at = more.end()
    for v in _SPEECH.finditer(low):  # "phát biểu khai mạc tại Hội trường …": the one opening ceremony
        of_kind = [k for k, e in enumerate(events) if kind_of(e) == "le " + v.group(1)]
        if len(of_kind) == 1 and not any(s < v.end() and v.start() < t for s, t, _k in spans):
            spans.append((v.start(), v.end(), of_kind[0]))
    order: list[int] = []
    for _s, _t, k in sorted(spans):
        if k not in order:
            order.append(k)
    return [events[k] for k in order]


#: A speech that names the ceremony it opens or closes ("phát biểu khai mạc", "đọc diễn văn bế mạc"), folded: group 1
#: the ceremony's kind without "lễ".
_SPEECH = re.compile(r"\b(?:phat bieu|doc dien van|dien van)\s+(khai mac|be mac)\b")
#: An act that opens or closes the ceremony it is done at ("phát biểu khai mạc Tuần lễ", "tuyên bố bế mạc", "đánh
#: trống khai giảng", "phát lệnh ra quân"), folded: it names no other ceremony.
_OPENS_IT = re.compile(
    r"\b(?:phat bieu|doc dien van|dien van|tuyen bo|danh trong|bam nut|phat lenh)\s+"
    r"(?:khai mac|be mac|khai giang|phat dong|ra quan)\b"
)
#: A visit's verb right before the ceremony it names by its kind alone ("dự Lễ khai mạc", "tham dự buổi Lễ …").
_VISIT_KIND = re.compile(r"\b(?:tham du|du|chu tri)\s+(?:buoi\s+)?(?=le\s)")
#: A sentence's end: a full stop after a word in lower case or a number ("… chiều 04/10. Đồng chí B …"), not after an
#: abbreviation ("TP. Hồ Chí Minh", "ThS. Lê …"), then a capital.
_SENTENCE_END = re.compile(r"(?<=[" + SMALL_LETTERS + r"0-9\"”)])\.\s+(?=[" + CAPITAL_LETTERS + r"])")
#: Another ceremony the same visit names next, within its clause ("… sáng 02/10 và Lễ ra mắt …", ", sau đó dự Lễ B")
#: (folded).
_AND_KIND = re.compile(r"[^;.:]{0,40}?(?:,|\bva|\bsau do(?:\s+(?:tham\s+)?du)?)\s+(?:buoi\s+)?(?=le\s)")


#: A person's clause that ends with their attending ("…, có đồng chí B, Phó Chủ tịch … dự;") (folded, from after
#: the name): they go to the event their clause tells, read with its guests; what follows the ";" is no visit of theirs.
_SAID_IN_CLAUSE = re.compile(r"[^;.]*?\b(?:tham du|du)\s*;")


def _line_visits(text: str, events: list[CeremonyEvent], doc: Document) -> list[tuple[list[str], list[CeremonyEvent]]]:
    """A line's officials and the ceremonies each is sent to; officials named together ("Đ/c A; Đ/c B dự …")
    share what follows the last of them."""
    low = fold(text)
    found = people(text)
    out: list[tuple[list[str], list[CeremonyEvent]]] = []
    waiting: list[str] = []
    for k, p in enumerate(found):
        end = found[k + 1].start if k + 1 < len(found) else len(text)
        stop = _SENTENCE_END.search(text, p.end, end)  # "… dự Lễ B. Đại diện Sở … được mời dự Lễ A": not theirs
        end = stop.start() if stop else end
        other = _EXCEPT_CLAUSE.search(low, p.end, end)  # "…; riêng buổi lễ tại xã C, đồng chí D dự thay": D's
        end = other.start() if other else end
        # "…, đồng chí B dự thay tại X; đồng chí A vẫn dự tại Y": A's own clause (A named by the given name)
        subject = _NEXT_SUBJECT.search(text, p.end, end)
        end = subject.start() if subject else end
        # "Đồng chí A (dự thay đ/c B, Chủ tịch Hội, đi công tác): dự tại …": A goes, B does not
        replaced = _IN_PLACE_OF.search(low, max(0, p.start - 30), p.start) is not None
        dot = low.rfind(". ", 0, p.start)
        if _stands_in_if(low[dot + 2 if dot >= 0 else 0 : end]):
            continue  # "Trường hợp đồng chí A bận …, đồng chí B dự thay tại …": B only if A cannot
        said = _SAID_IN_CLAUSE.match(low, p.end, end)
        if said is not None:  # "…; phường A tổ chức tại X lúc 7 giờ 30, có đồng chí B dự; phường C …": A's, no C's
            waiting = []
            continue
        start = _REFS_START.search(low, p.end, end)
        refs = references(low[start.start() : end], events, doc) if start is not None else []
        if not refs and SENDS_NEXT.search(low, p.end, end):  # "A: dự họp …, ủy quyền đồng chí B dự thay tại …"
            continue  # A sends B: what follows B is B's alone
        if (
            not refs
            and k + 1 < len(found)
            and _replaced_by_next(text[p.end : found[k + 1].start], _after(text, found, k + 1))
        ):
            continue  # "Do đồng chí A phải dự họp …, đồng chí B dự thay tại X": A kept away, B goes
        if not refs and k + 1 < len(found) and _clause_ends_before_next(text[p.end : found[k + 1].start]):
            waiting = []  # "… đồng chí B - Phó Chủ tịch; sau khi phát lệnh, đồng chí A dự Lễ …": A's, not B's
            continue
        waiting += [] if replaced else [p.name]
        if refs and waiting:
            out.append((waiting, refs))
            waiting = []
    return out + _stand_ins(text, low, found, events, doc)


#: The words that may stand between two persons named together after a ";" ("Đ/c A; Đ/c B dự …", "…; và các đồng chí
#: …") (as written): any other word starts a clause of its own.
_TOGETHER_WORDS = re.compile(r"(?i)(?<!\w)(?:và|cùng|các|đồng chí|đ\s*/\s*c|ông|bà)(?!\w)|[\s,.:;–-]")


def _clause_ends_before_next(gap: str) -> bool:
    """Whether the words between a person and the next one hold, after a ";", a clause of their own ("B - Phó Chủ
    tịch; sau khi phát lệnh xuất phát, đồng chí A dự …"): B is not named together with A."""
    parts = gap.rsplit(";", 1)
    return len(parts) == 2 and bool(_TOGETHER_WORDS.sub("", parts[1]))


#: A clause of its own with another subject, a person named by the honorific ("…, đ/c B dự thay tại X; đồng chí A
#: vẫn dự tại Y như đã phân công", "…; ông A dự tại Y"), where a clause's place list ends (as written).
_NEXT_SUBJECT = re.compile(r";\s+(?i:đồng chí|đ\s*/\s*c|ông|bà)\s+(?=[" + CAPITAL_LETTERS + r"])")


def _after(text: str, found: list[Mention], k: int) -> str:
    """The text after the ``k``-th person of a line, up to the next one."""
    return text[found[k].end : found[k + 1].start if k + 1 < len(found) else len(text)]


#: Who a person stands in for is named right after these words ("dự thay đ/c B", "đi thay cho ông B", "thay cho
#: bà B") (folded).
_IN_PLACE_OF = re.compile(r"\b(?:(?:tham )?du|di)\s+thay(?:\s+cho)?\s*$|\bthay\s+(?:cho|vi)\s*$")
#: A sentence that opens on a condition ("Trường hợp …", "Nếu …", "Phòng khi …") (folded).
_IN_CASE = re.compile(r"\s*(?:truong hop|neu|phong khi)\b")


def _stands_in_if(low: str) -> bool:
    """Whether a sentence (folded) sends someone only if another cannot ("Trường hợp đồng chí A bận …, đồng chí B
    dự thay tại …")."""
    return _IN_CASE.match(low) is not None and re.search(r"\b(?:du|di)\s+thay\b", low) is not None


#: A clause about one ceremony apart ("; riêng buổi lễ tại xã C …") (folded).
_EXCEPT_CLAUSE = re.compile(r";\s*rieng\b")


#: An invited person kept away, someone else going in their place ("A được mời dự tại X nhưng đi học lớp bồi dưỡng,
#: đồng chí B dự thay", "A được mời tham dự Lễ … nhưng trùng họp nên B đi thay") (folded): where, then why and who.
_INVITED_BUT = re.compile(
    r"\bduoc moi (?:tham )?du\b(?P<where>[^;]{3,160}?)\bnhung\b(?P<why>[^;]{0,160}?)\b(?:tham du|du|di) thay\b"
)


def _invited_but(low: str, found: list[Mention]) -> list[tuple[Mention, Mention, tuple[int, int]]]:
    """Each invited person another stands in for (:data:`_INVITED_BUT`): the one invited (the last named before
    "được mời"), the one who goes (the last named before "dự thay") and where the invitation named."""
    out = []
    for m in _INVITED_BUT.finditer(low):
        before = [p for p in found if p.end <= m.start()]
        goes = [p for p in found if m.start("why") <= p.start < m.end("why")]
        if before and goes:
            out.append((before[-1], goes[-1], m.span("where")))
    return out


def _stand_ins(
    text: str, low: str, found: list[Mention], events: list[CeremonyEvent], doc: Document
) -> list[tuple[list[str], list[CeremonyEvent]]]:
    """Who a clause apart sends in another's place ("…; riêng buổi lễ tại xã C do trùng lịch họp, đồng chí D, Phó
    Trưởng phòng dự thay"): D to the ceremonies the clause names before them; who stands in for one invited
    (:func:`_invited_but`): to where the invitation named."""
    out: list[tuple[list[str], list[CeremonyEvent]]] = []
    for _invited, goes, (a, b) in _invited_but(low, found):
        refs = references(low[a:b], events, doc)
        if refs:
            out.append(([goes.name], refs))
    for m in _EXCEPT_CLAUSE.finditer(low):
        end = low.find(";", m.end())
        end = len(low) if end < 0 else end
        if not re.search(r"\b(?:du|di)\s+thay\b", low[m.end() : end]):
            continue
        inside = [p for p in found if m.end() <= p.start < end]
        refs = references(low[m.end() : inside[0].start], events, doc) if inside else []
        if refs:
            out.append(([inside[-1].name], refs))
    return out


def _roster(doc: Document, events: list[CeremonyEvent]) -> tuple[list[str], set[str]]:
    """The persons a delegation's roster section lists, and those whose own line there names ceremonies ("Ông A
    (chỉ đi buổi sáng, dự tại Trường B rồi về …)")."""
    names: list[str] = []
    own: set[str] = set()
    for _path, sec in doc.sections():
        if _ROSTER.search(sec.title.low):
            names += [p.name for b in sec.blocks for p in people(b.body.text)]
            own.update(n for b in sec.blocks for ns, _refs in _line_visits(b.body.text, events, doc) for n in ns)
    return list(dict.fromkeys(names)), own


def read_attendances(doc: Document, events: list[CeremonyEvent]) -> list[OfficialFact]:
    """Every official's ceremonies in the order of the day: from lines naming them with their ceremonies, and a
    delegation's itinerary for each member its roster lists."""
    if not events:
        return []
    sent = _Sent()
    delegation: list[CeremonyEvent] = []
    for f in doc.lines:
        for names, refs in _line_visits(f.text, events, doc):
            for name in names:
                for e in refs:
                    sent.add(name, e, f.text)
        went = _DELEGATION_VISIT.search(f.low) if not people(f.text) else None
        if went is not None:
            delegation += [e for e in references(f.low[went.start() :], events, doc) if e not in delegation]
    roster, own = _roster(doc, events) if delegation else ([], set())
    for name in roster:
        if name not in own:  # a member whose roster line names ceremonies keeps that line's only
            for e in delegation:
                sent.add(name, e, name)
    return sent.facts()


#: A label that names a ceremony's item by what its performer does there ("Trao giấy khen cho 05 “Gia đình học tập”
#: tiêu biểu", "TRAO THƯỞNG …", "Phát lệnh xuất phát", "Đọc diễn văn khai mạc") (folded, the words before its colon):
#: who follows the colon does it.
_ACT_LABEL = re.compile(
    r"(?:trao|tang|phat lenh|phat co|phat dong|danh trong|bam nut|tuyen bo"
    r"|doc\s+(?:dien van|loi|thu|bao cao|quyet dinh))\b[^:]{0,120}"
)
#: A label that says who attends ("Lãnh đạo tỉnh dự:", "Lãnh đạo Sở:", "Đại biểu:", "Đoàn đại biểu xã (10 người):",
#: "Thành phần:", "Khách mời:") or who performs an item (:data:`_ACT_LABEL`) (folded, the words before the colon).
_ATTENDEE_LABEL = re.compile(
    r"^(?:(?:lanh dao|(?:doan\s+)?dai bieu|doan cong tac|thanh phan|khach moi|chu tri|phu trach|phat bieu"
    r"|dan chuong trinh|du va \w+(?: \w+)?"
    r"|truong ban giam khao)\b(?:[^:]{0,40}|[^:]{0,80}\bgom)"  # "Thành phần mời giữ nguyên như Kế hoạch số …, gồm:"
    r"|" + _ACT_LABEL.pattern + r")$"
)
#: A section's title that says who takes part in the ceremony it names ("Chủ trì Lễ phát động", "Thành phần dự Lễ
#: khai mạc") (folded).
_WHO_OF = re.compile(
    r"^(?:chu tri|thanh phan(?:\s+(?:tham\s+)?du)?|lanh dao (?:tham\s+)?du|dai bieu du|(?:tham\s+)?du"
    r"|thanh phan\s*(?:,|va)\s*noi dung)\s+(?=le\s)"  # "II. THÀNH PHẦN, NỘI DUNG LỄ KHAI MẠC": who, and what they do
)
#: A section's title that assigns the tasks at the ceremony it names ("V. PHÂN CÔNG TẠI LỄ KHAI MẠC", "Phân công
#: nhiệm vụ trong Lễ phát động") (folded): each person its lines name with an act there ("- Ông A, …: trao học
#: bổng") takes part in it.
_DUTIES_AT = re.compile(r"^phan cong(?:\s+nhiem vu)?\s+(?:tai|trong)\s+(?:buoi\s+)?(?=le\s)")
#: An attendance said in a ceremony's own section without naming the ceremony ("Bà A, …, cùng ông B, …, dự và trao
#: tặng …") (folded).
_NOT_ATTENDING = r"(?!\s+(?:kien|an|bao|tru|phong|thao|toan)\b)"  # "dự kiến", "dự án", "dự báo": no attending
_ATTENDS = re.compile(r"\b(?:tham du|du)\b" + _NOT_ATTENDING)


#: A section under a ceremony's own that tells its running (folded title): "Nội dung chính", "Nội dung chương
#: trình", "Nội dung", "Chương trình", "Diễn biến", "Trình tự".
_CONTENT_LABEL = re.compile(r"^(?:noi dung|chuong trinh|dien bien|trinh tu)(?:\s+(?:chinh|chuong trinh|buoi le|le))?$")


#: A label of who attends written inside a paragraph, after a sentence ("… . Thành phần: đồng chí A") (folded).
_LABEL_INSIDE = re.compile(r"[.;]\s*(?:thanh phan|dai bieu|khach moi)(?:\s+(?:tham\s+)?du)?\s*:\s*")


def section_attendees(doc: Document, events: list[CeremonyEvent]) -> list[OfficialFact]:
    """The persons a ceremony's own section (headed by the ceremony) sends to it: a labelled line ("- Lãnh đạo tỉnh
    dự: bà A, Phó Chủ tịch UBND tỉnh") or a sentence whose persons attend ("- Bà A, …, cùng ông B, …, dự và trao
    tặng …") naming no other ceremony; each person's ceremonies in the order of the day."""
    by_section: dict[int, list[CeremonyEvent]] = {}
    for e in events:
        path = doc.path(e.line)
        # the section is the ceremony's own ("2. Lễ phát động …" / its fields), or titled by its kind ("3. Lễ ra
        # quân …" over the paragraph that tells it)
        if path and (
            path[-1].line == e.line
            or CEREMONY.match(_WHO_OF.sub("", path[-1].title.low))  # "1. Tham dự Lễ ra quân cấp thành phố"
            and kind_of(e) in path[-1].title.low
        ):
            by_section.setdefault(path[-1].line, []).append(e)
    for _path, sec in doc.sections():  # "III. NỘI DUNG CHI TIẾT / 1. Lễ phát động" of a ceremony a summary dates
        title = _WHO_OF.sub("", sec.title.low)  # "3. Chủ trì Lễ phát động": who chairs it, in its own section
        title = _DUTIES_AT.sub("", title)  # "V. Phân công tại Lễ khai mạc": who does what there
        if sec.line not in by_section and CEREMONY.match(title):
            kind = [e for e in events if kind_of(e) and title.startswith(kind_of(e))]
            if len(kind) == 1:
                by_section[sec.line] = kind
    sent = _Sent()
    for path, sec in doc.sections():
        held = by_section.get(sec.line, [])
        listing = bool(path) and _ATTENDEE_LABEL.match(sec.title.low.strip(" :")) is not None
        listing = listing and sec.line not in by_section  # "3. Chủ trì Lễ phát động" is that ceremony's own section
        # "4. Nội dung chính:" under the ceremony's own section: its lines tell what is done there, by whom (each
        # person with a verb of taking part, as in the section itself)
        content = bool(path) and _CONTENT_LABEL.match(sec.title.low.strip(" :")) is not None
        content = content or _DUTIES_AT.match(sec.title.low) is not None  # its lines: who does what there
        if (listing or content) and sec.line not in by_section:  # "d) Thành phần:": its lines list who attends
            held = by_section.get(path[-1].line, [])
        if len({(e.date, e.time, fold(e.place or "")) for e in held}) == 1:
            held = held[:1]  # "1. Lễ hưởng ứng Tuần lễ (lồng ghép Lễ chào cờ đầu tuần)": one event named twice
        if len(held) != 1:
            continue
        listed = False  # "- Thành phần:" alone, its persons on the "+" lines under it
        for b in sec.blocks:
            low = b.body.low
            colon = low.find(":")
            label = colon > 0 and _ATTENDEE_LABEL.match(low[:colon].strip()) is not None
            if label and not low[colon + 1 :].strip():
                listed = True
                continue
            listed = listed and doc.lines[b.line].low.lstrip().startswith("+")
            labelled = listing or label or listed
            found = people(b.body.text)
            inside = _LABEL_INSIDE.search(low)  # "Tổ chức lúc 9 giờ tại A. Thành phần: đồng chí B, …"
            if inside is not None and not labelled and any(p.start >= inside.end() for p in found):
                found, labelled = [p for p in found if p.start >= inside.end()], True
            verb = _ATTENDS.search(low, found[-1].end) if found else None
            acting_head = _acts_after_colon(low, found)  # "- Ông A, Chủ tịch Hội Khuyến học: trao học bổng …"
            acts = (
                _TAKES_PART.search(low, found[-1].end) if (content or acting_head) and found and verb is None else None
            )
            if acts is not None:  # a content part's "- Ông A, …, đọc diễn văn phát động": the one named right before
                found, verb = found[-1:], acts  # the act acts (not "Đ/c B … bận họp, ủy quyền đ/c A … chủ trì")
            if found and not (labelled or verb):  # "đồng chí A … dự và phát biểu; đồng chí B … báo cáo kết quả"
                roles = paragraph_guests(b.body)
                found = [p for p in found if any(p.name in g for g in roles)]
                labelled = bool(found)
            if not found or not (labelled or verb) or _sends_by_number(low):
                continue  # (a line that sends its person by number, "Dự: Sự kiện 1", is read by visits_by_number)
            others = [e for e in events if e is not held[0]]
            rest = low[verb.start() :] if verb is not None else ""
            rest = _OPENS_IT.sub(" ", rest) if acts is not None else rest  # "phát biểu khai mạc": the one it is at
            if not labelled and verb is not None and references(rest, others, doc):
                continue  # "… dự Lễ khai mạc cấp tỉnh": another ceremony, read by its reference
            for p in found:
                sent.add(p.name, held[0], b.body.text)
    return sent.facts()


#: A section that gives a ceremony's running order ("III. CHƯƠNG TRÌNH LỄ KHAI MẠC (NGÀY 01/10/2024)", "Kịch bản
#: Lễ phát động", "IV. NỘI DUNG LỄ PHÁT ĐỘNG CẤP PHƯỜNG (18 giờ 30, …)"), folded: the ceremony after it.
_PROGRAMME = re.compile(r"^(?:noi dung\s+)?(?:chuong trinh|kich ban|trinh tu)\s+(?=le\b)|^noi dung\s+(?=le\b)")
#: A section giving the running order of the one ceremony a script or programme is about ("II. DIỄN TIẾN BUỔI LỄ",
#: "Trình tự buổi lễ", "Chương trình chi tiết", "III. KỊCH BẢN CHƯƠNG TRÌNH") (folded).
_RUNNING_ORDER = re.compile(
    r"^(?:(?:dien tien|trinh tu|noi dung|chuong trinh|kich ban)\s+(?:buoi le|cua buoi le|chuong trinh)"
    r"|(?:chuong trinh|kich ban|noi dung)\s+(?:chi tiet|cu the|du kien))\b"  # "II. CHƯƠNG TRÌNH CHI TIẾT"
    # "3. Chương trình:", "3. Chương trình tại điểm cầu chính:" (where, under the ceremony's own section)
    r"|(?:chuong trinh|kich ban)(?:\s+tai\s+[^:;.]{2,60})?\s*:?\s*$"
)  # "4. Chương trình dự kiến:" under "II. LỄ KHAI MẠC CẤP QUẬN": that ceremony's planned running order


#: A running order's row, its clock time first ("7g55 – 8g10 — Nội dung: Diễn văn khai mạc; Người thực hiện: …")
#: (folded).
_TIMED_ROW = re.compile(
    r"^\d{1,2}\s*(?:gio|h|g|:)\s*\d{0,2}\b"
    r"|^[^:]{2,200}\s[—–]\s(?:[^:;]{2,40}:[^;]*;\s*)*thoi gian\s*:\s*\d{1,2}\s*(?:gio|h|g|:)"
)


def programme_performers(doc: Document, events: list[CeremonyEvent], dates_of: DatesOf) -> list[OfficialFact]:
    """The persons a ceremony's running order names ("| 4 | 7g20 - 7g35 | Diễn văn khai mạc | Cô Trần Thị Minh
    Hương, Hiệu trưởng |"): they take part in it, under a section titled by the ceremony (its kind, and its day when
    the title gives one) that the document holds once."""
    sent = _Sent()
    for _path, sec in doc.sections():
        head = _PROGRAMME.match(sec.heading().low)
        if head is None and _RUNNING_ORDER.match(sec.title.low) and len(events) == 1:
            held = list(events)  # a script of its one ceremony: "II. DIỄN TIẾN BUỔI LỄ"
        elif head is None and _RUNNING_ORDER.match(sec.title.low) and _path:
            held = _held_in(_path[-1], events)  # "I. LỄ KHAI MẠC CẤP TỈNH" / "4. Chương trình buổi lễ:"
        elif head is None and sum(_TIMED_ROW.match(b.body.low) is not None for b in sec.blocks) < 2:
            continue
        else:  # "Chương trình Lễ khai mạc …", or "PHẦN II. LỄ BẾ MẠC" over its own timed rows
            title = sec.heading().low[head.end() if head else 0 :]
            days = {d.as_date for d in dates_of(title)}
            held = [e for e in events if kind_of(e) and title.startswith(kind_of(e)) and (not days or e.date in days)]
            held = _at_the_hour_said(title, held)
        if len(held) != 1:
            continue
        for b in _running_order_blocks(sec):
            if _annex_note(sec, b):
                continue
            for p in people(b.body.text):
                if not _COMPERE_BEFORE.search(b.body.low[max(0, p.start - 40) : p.start]):
                    sent.add(p.name, held[0], b.body.text)
    for f in [*_programme_after_signature(doc), *_programme_document(doc)] if len(events) == 1 else []:
        for p in people(f.text):
            sent.add(p.name, events[0], f.text)
    rows = _programme_rows(doc)
    held = _programme_held(events, rows)
    for f in rows if len(held) == 1 else []:
        for p in people(f.text):
            if not _COMPERE_BEFORE.search(f.low[max(0, p.start - 40) : p.start]):
                sent.add(p.name, held[0], f.text)
    return sent.facts()


def _at_the_hour_said(title: str, held: list[CeremonyEvent]) -> list[CeremonyEvent]:
    """Of the ceremonies a programme's title can name, the one that begins at the hour the title gives ("A. Lễ khai
    mạc - 7 giờ 30, ngày 02/10/2023, …"), when just one does; else all of them."""
    hours = {t.as_time for t in find_times(title)}
    timed = [e for e in held if e.time in hours]
    return timed if len(timed) == 1 else held


def _annex_note(sec: Section, b: Block) -> bool:
    """Whether a block of an annex's running order is no row of it: a note under its rows ("PHỤ LỤC 3" / "CHƯƠNG
    TRÌNH LỄ KHAI MẠC" / "07 giờ 05 - 07 giờ 20: Ông A phát biểu …" / "Đại biểu mời dự: … ông B …")."""
    if sec.title.low.strip() or not ANNEX.match(fold(sec.number)):
        return False
    return b.kind != "row" and _TIMED_ROW.match(b.body.low) is None


def _running_order_blocks(sec: Section) -> list[Block]:
    """A running order's blocks: its own, and those under its timed items numbered as headings ("1. … (07h05)")."""
    items = [s for s in sec.sections if find_times(s.title.low)]
    return [*sec.blocks, *(b for s in items for b in s.blocks)]


def programme_by_hour(doc: Document, events: list[CeremonyEvent]) -> list[OfficialFact]:
    """The persons a day's programme of several ceremonies names in its timed rows ("V. CHƯƠNG TRÌNH" / "1. Tại
    Quảng trường A:" / "- 06 giờ 40: Ông B, Phó Chủ tịch UBND thành phố phát lệnh xuất phát" / "- 08 giờ 15: Bà C …
    phát biểu khai mạc …"): each at the ceremony of that day begun last by the row's hour (none before the first)."""
    timed = sorted(((e.time, k) for k, e in enumerate(events) if e.time is not None and e.place))
    held = [events[k] for _t, k in timed]
    if len(held) < 2 or len({e.date for e in held}) != 1 or len({t for t, _k in timed}) != len(held):
        return []
    sent = _Sent()
    for path, sec in doc.sections():
        if not _RUNNING_ORDER.match(sec.title.low) or (path and CEREMONY.match(path[-1].title.low)):
            continue  # (a programme under a ceremony's own section is that ceremony's: programme_performers)
        for _p, sub in sec.walk():
            for b in sub.blocks:
                times = find_times(b.body.low) if _TIMED_ROW.match(b.body.low) else []
                begun = [e for e in held if times and e.time is not None and e.time <= times[0].as_time]
                for p in people(b.body.text) if begun else []:
                    if not _COMPERE_BEFORE.search(b.body.low[max(0, p.start - 40) : p.start]):
                        sent.add(p.name, begun[-1], b.body.text)
    return sent.facts()


#: The compère named before a person ("Dẫn chương trình: cô A", "MC – anh B"): no attendee (folded).
_COMPERE_BEFORE = re.compile(r"\b(?:dan chuong trinh|mc)\b[^;]{0,12}$")


def _programme_rows(doc: Document) -> list[Folded]:
    """The rows under each line that heads a ceremony's programme outside a numbered section (:data:`paradeplan.
    importer.events.PROGRAMME_HEAD`): the bullets, timed items and table rows right after it, up to the next line."""
    out: list[Folded] = []
    for i, f in enumerate(doc.lines):
        if not _heads_programme(f) or doc.block(i) is None:
            continue
        for j in range(i + 1, len(doc.lines)):
            g, b = doc.lines[j], doc.block(j)
            if not (BULLET.match(g.text) or _TIMED_ROW.match(g.low) or (b is not None and b.kind == "row")):
                break
            out.append(g)
    return out


def _programme_held(events: list[CeremonyEvent], rows: list[Folded]) -> list[CeremonyEvent]:
    """The events a programme outside a section can be of: those with a place and a day or an hour; of several, the
    one whose hour a row of the programme gives (the guests' welcome "tại sảnh chính" at 07 giờ 15 is none)."""
    held = [e for e in events if e.place and (e.date or e.time)]
    hours = {t.as_time for r in rows for t in find_times(r.low)}
    timed = [e for e in held if e.time in hours]
    return timed if len(held) > 1 and len(timed) == 1 else held


def _heads_programme(f: Folded) -> bool:
    """Whether a line heads a ceremony's programme, also as a bullet item ("- Chương trình dự kiến:")."""
    return PROGRAMME_HEAD.search(BULLET.sub("", f.low).strip()) is not None


def _held_in(sec: Section, events: list[CeremonyEvent]) -> list[CeremonyEvent]:
    """The ceremony a section titled by its kind tells of ("I. LỄ KHAI MẠC CẤP TỈNH" over "1. Thời gian: …"): the
    events read from its lines, when its title names a ceremony; [] otherwise."""
    if not CEREMONY.match(sec.title.low):
        return []
    last = max([sec.line, *(b.line for _p, s in sec.walk() for b in s.blocks), *(s.line for _p, s in sec.walk())])
    return [e for e in events if sec.line <= e.line <= last]


#: A document that is itself a ceremony's programme: its type alone on a line ("CHƯƠNG TRÌNH"), then its title
#: naming a ceremony ("Lễ khai mạc …") (folded).
_PROGRAMME_TYPE = re.compile(r"^(?:chuong trinh|kich ban)\s*$")


def _programme_document(doc: Document) -> list[Folded]:
    """The timed rows of a document that is a ceremony's programme with no heading of its own ("CHƯƠNG TRÌNH" /
    "Lễ khai mạc …" / "06:30 – 06:50  Đón tiếp đại biểu …"), up to its note; [] for any other document."""
    typed = next((i for i, f in enumerate(doc.lines[:20]) if _PROGRAMME_TYPE.match(f.low.strip())), None)
    if typed is None or typed + 1 >= len(doc.lines) or not doc.lines[typed + 1].low.startswith("le "):
        return []
    rows: list[Folded] = []
    for b in doc.root.blocks:
        if b.line <= typed:
            continue
        if _PROGRAMME_END.match(b.body.low):
            break
        if _TIMED_ROW.match(b.body.low):
            rows.append(b.body)
    return rows if len(rows) >= 2 else []


#: A letter's end before its appendix ("Nơi nhận:") and the programme printed after it ("(Mặt sau)" / "CHƯƠNG
#: TRÌNH"), the whole line (folded); a note ends the programme ("Ghi chú: …").
_RECIPIENTS = re.compile(r"^noi nhan\b")
_PROGRAMME_LINE = re.compile(r"^(?:chuong trinh|chuong trinh buoi le|chuong trinh chi tiet|kich ban)\s*:?\s*$")
_PROGRAMME_END = re.compile(r"^(?:ghi chu|luu y|noi nhan)\b")


def _programme_after_signature(doc: Document) -> list[Folded]:
    """The lines of a programme printed after the letter's signature ("Nơi nhận: …" / "(Mặt sau)" / "CHƯƠNG
    TRÌNH" / "1. 07h00 – 07h30: Đón tiếp đại biểu" / "4. Diễn văn khai mạc – ông A, Chủ tịch UBND phường"), up to
    its note; [] for a document without one."""
    signed = next((i for i, f in enumerate(doc.lines) if _RECIPIENTS.match(f.low)), None)
    if signed is None:
        return []
    start = next((i for i in range(signed, len(doc.lines)) if _PROGRAMME_LINE.match(doc.lines[i].low.strip())), None)
    if start is None:
        return []
    out: list[Folded] = []
    for f in doc.lines[start + 1 :]:
        if _PROGRAMME_END.match(f.low):
            break
        out.append(f)
    return out


#: A script's own title ("KỊCH BẢN CHƯƠNG TRÌNH", "Kịch bản Lễ khai mạc …") (folded).
_SCRIPT = re.compile(r"^(?:kich ban|chuong trinh chi tiet|chuong trinh buoi le)\b")
#: Where a script names who does an item ("… — Người thực hiện: Bà A – Phó Chủ tịch UBND phường") or introduces the
#: guests ("MC: Đến dự buổi lễ hôm nay, chúng tôi trân trọng giới thiệu:") (folded).
_PERFORMED_BY = re.compile(r"\bnguoi (?:thuc hien|trinh bay|phu trach)\s*:\s*")
_CALLED_UP = re.compile(r"\bkinh moi\s+(?=(?:ong|ba|dong chi|d/c|thay|co)\s)(?=[^.;]*\blen\s)")
_INTRODUCED = re.compile(r"\b(?:tran trong )?gioi thieu(?: thanh phan)?(?: dai bieu)?\s*:\s*$")


def script_participants(doc: Document, events: list[CeremonyEvent]) -> list[OfficialFact]:
    """The persons the script of a document's one ceremony names: who does its programme's items ("Người thực hiện:
    Bà A – …") and the guests its compère introduces ("… trân trọng giới thiệu:" / "- Ông B – …"); the compère
    and the script's author are no attendees."""
    if not any(_SCRIPT.match(f.low) for f in doc.lines[:15]):
        return []
    titled = [e for e in events if e.line < 15]  # the ceremony the script's title names
    events = titled if len(titled) == 1 else events
    if len(events) != 1:
        return []
    sent = _Sent()
    for i, f in enumerate(doc.lines):
        called = _CALLED_UP.search(f.low)  # "MC: Xin trân trọng kính mời bà A – Chủ tịch UBND phường lên đọc diễn văn"
        if called is not None:
            for p in people(f.text[called.end() :])[:2]:
                sent.add(p.name, events[0], f.text)
        by = _PERFORMED_BY.search(f.low)
        if by is not None:
            for p in people(f.text[by.end() :]):
                sent.add(p.name, events[0], f.text)
        if _INTRODUCED.search(f.low):
            for g in doc.lines[i + 1 : i + 20]:
                if not BULLET.match(g.text):
                    break
                for p in people(g.text)[:1]:
                    sent.add(p.name, events[0], g.text)
    return sent.facts()


#: The words of a label of who attends, before its colon (folded).
_WHO_LABEL_WORDS = re.compile(
    r"(?:chu tri|(?:kinh\s+)?moi(?:\s+(?:tham\s+)?du)?|thanh phan(?:\s+(?:tham\s+)?du)?"
    r"|(?:tham\s+)?du(?:\s+(?:buoi le|le|chuong trinh))?(?:\s+(?:co|gom))?"  # "Dự lễ có: đ/c A – …; đ/c B"
    r"|dai bieu(?:\s+du)?|lanh dao(?:\s+(?:tham\s+)?du)?|khach moi)\s*:"
)
#: A line right under a ceremony's own line saying who attends it ("Chủ trì: Đ/c A – …", "Mời dự: Đ/c B; Đ/c C",
#: "Dự: …", "Thành phần: …") or who performs an item ("Trao giấy khen …: đồng chí D") (folded, bullet and indent
#: left out).
_UNDER_LABEL = re.compile("^" + LEAD + r"(?:" + _WHO_LABEL_WORDS.pattern + r"|" + _ACT_LABEL.pattern + r":)")
#: The same label inside the ceremony's own line, after its sentence ("+ 7 giờ 30: Lễ khai mạc … tại A. Dự: đ/c B –
#: Chủ tịch; đ/c C – PCT", "…, tại Nhà văn hóa D; thành phần: …") (folded).
_LABEL_ON_LINE = re.compile(r"(?:[.;]|\s[–-])\s+" + _WHO_LABEL_WORDS.pattern)


_WHERE_WHEN_LABEL = re.compile(
    "^" + LEAD + r"(?:(?:dia diem|thoi gian|noi to chuc)\s*:|\d{1,2}\s*(?:gio|h|g)\b.*\btai\s)"
)
#: A line under a ceremony's own line that says when its guests arrive ("- Đại biểu, khách mời có mặt lúc 6 giờ 45",
#: "Khách mời đến trước 7 giờ") (folded): a line of its arrangements, the lines below still tell that ceremony.
_GUESTS_ARRIVE = re.compile(
    "^" + LEAD + r"(?:cac\s+)?(?:dai bieu|khach moi|quan khach)\b[^:;]{0,40}?\b(?:co mat|den|tap trung)\b"
)


def _alone_on_its_line(e: CeremonyEvent, events: list[CeremonyEvent]) -> bool:
    """Whether ``e`` is the one ceremony told on its line (what the line says of attendees is then its)."""
    return sum(1 for x in events if x.line == e.line) == 1


def _acts_at_head(f: Folded, found: list[Mention]) -> bool:
    """Whether a list's item opens on a person, their title and what they do there, naming no other ceremony and no
    place of its own ("+ Đồng chí A, Bí thư Quận Đoàn, phát biểu ra quân.", "- Bà B, Chủ tịch …, trao giấy khen …;
    ông C, …, phát lệnh …"; not "Đồng chí D dự tại E, sau đó dự tại F": a visit of its own); what the item says
    the person does next ("…, phát biểu khai mạc, sau đó dự Lễ B tại C") is read as their visit of its own."""
    head = _before_going_on(f.low)
    if not found or not BULLET.match(f.text) or re.search(r"\btai\s", head[found[0].end :]):
        return False
    if _NOT_AT_IT.search(f.low) or SENDS_OTHER.search(f.text):  # "… dự Hội nghị …, ủy quyền đồng chí B chủ trì"
        return False
    if re.search(r"\w", f.low[: found[0].start]) and not _HONORIFIC_HEAD.fullmatch(f.low[: found[0].start]):
        return False
    if found[0].name not in {p.name for p in acting(f.text)} or not _TAKES_PART.search(head, found[0].end):
        return False
    return CEREMONY.search(_OPENS_IT.sub(" ", head[found[0].end :])) is None


#: What an item's person does next, elsewhere (", sau đó dự Lễ B", "; tiếp đó đi …") (folded).
_GOES_ON_TO = re.compile(r"[,;]\s*(?:sau do|tiep do|tiep theo)\b")


def _before_going_on(low: str) -> str:
    """A folded item up to what its person does next elsewhere (:data:`_GOES_ON_TO`), the whole item if it says none."""
    m = _GOES_ON_TO.search(low)
    return low[: m.start()] if m is not None else low


def attendees_under(doc: Document, events: list[CeremonyEvent]) -> list[OfficialFact]:
    """The persons the labelled lines right under a ceremony's own line send to it (a day's programme: "- 7g00: Lễ
    khai mạc tại A." over "Chủ trì: Đ/c B – …" and "Mời dự: Đ/c C – …; Đ/c D – …"); each person's ceremonies in the
    order of the day."""
    sent = _Sent()
    for e in events:
        own = doc.lines[e.line] if 0 <= e.line < len(doc.lines) else None
        label = _LABEL_ON_LINE.search(own.low) if own is not None else None
        if own is not None and label is not None and _alone_on_its_line(e, events):
            for p in people(own.text[label.end() :]):
                sent.add(p.name, e, own.text)
        for f in doc.lines[e.line + 1 : e.line + 6]:
            if _WHERE_WHEN_LABEL.match(f.low) or _GUESTS_ARRIVE.match(f.low):
                continue  # "Địa điểm: …", "Đại biểu có mặt lúc …" between the item and its "Thành phần: …"
            if _CONTENT_UNDER.match(f.low) is not None:  # "+ Chương trình: …; cô A – Hiệu trưởng phát biểu …"
                for p in acting(f.text):
                    sent.add(p.name, e, f.text)
                continue
            found = people(f.text)
            if own is not None and not people(own.text) and _acts_after_colon(f.low, found):  # "- Ông A, …: trao …"
                sent.add(found[0].name, e, f.text)
                continue
            if own is not None and not people(own.text) and _acts_at_head(f, found):  # "+ Đồng chí A, …, phát biểu"
                for p in acting(f.text):
                    sent.add(p.name, e, f.text)
                continue
            if _UNDER_LABEL.match(f.low) is None and _unnamed_item(f, found):
                continue  # "- Đại diện Hội Khuyến học phường báo cáo …" between two items that name their person
            if _UNDER_LABEL.match(f.low) is None:
                break
            for p in people(f.text):
                sent.add(p.name, e, f.text)
    return sent.facts()


def _unnamed_item(f: Folded, found: list[Mention]) -> bool:
    """Whether a line is an item of a ceremony's list that names no one and tells no event of its own ("- Đại diện
    Hội Khuyến học phường báo cáo kết quả …"): the items after it are still that ceremony's."""
    return bool(BULLET.match(f.text)) and not found and not find_times(f.low) and CEREMONY.search(f.low) is None


#: A line right under a ceremony's own line that tells its running ("+ Chương trình: …", "- Nội dung: …", "Diễn
#: biến: …") (folded, bullet and indent left out): who it names doing something there takes part.
_CONTENT_UNDER = re.compile(
    "^" + LEAD + r"(?:noi dung|chuong trinh|dien bien|trinh tu)(?:\s+(?:chinh|chi tiet|buoi le|le))?\s*:"
)


def acting(text: str) -> list[Mention]:
    """The persons a text names, each with an act of taking part said in their own clause after their name and title
    ("cô A – Hiệu trưởng phát biểu khai mạc", "thầy B – Phó Hiệu trưởng trao phần thưởng"), not one who receives
    ("trao quà cho ông C")."""
    return [p for p in people(text) if _TAKES_PART.search(fold(text[p.end : p.end + 120]).split(";")[0])]


#: A section's title that names, after "Tại"/"Trong" or in brackets, the ceremony its items tell what is done at ("1.
#: Tại Lễ phát động", "V. TỔNG KẾT, TRAO THƯỞNG (Lễ bế mạc Thứ Hai 09/10/2023)") (folded): group ``at`` or
#: ``inside`` the ceremony's name.
_TITLE_NAMES_CEREMONY = re.compile(
    r"^(?:tai|trong)\s+(?P<at>(?:buoi\s+)?le\b.*)|\((?P<inside>(?:buoi\s+)?le\b[^()]*)\)"
)


def _ceremonies_named(name: str, events: list[CeremonyEvent]) -> list[CeremonyEvent]:
    """The ceremonies a name of one fits ("lễ bế mạc thứ hai 09/10/2023"): of its kind, on its day when it gives one."""
    kind = CEREMONY.search(name)
    days = {d.as_date for d in find_dates(name)}
    return [e for e in events if kind and kind_of(e) == kind.group(0) and (not days or e.date in days)]


def _acts_there(f: Folded, held: CeremonyEvent, events: list[CeremonyEvent], doc: Document) -> list[Mention]:
    """The person an item opens on, with their title and an act of taking part ("- Thầy A – Phó Hiệu trưởng trao giấy
    khen …"), when the item names no other ceremony (a place it names is the ceremony's own: "… phát lệnh xuất phát
    tại cổng chính B"), no meeting and no one sent in their place."""
    found = people(f.text)
    if not found or not BULLET.match(f.text) or _NOT_AT_IT.search(f.low) or SENDS_OTHER.search(f.text):
        return []
    if re.search(r"\w", f.low[: found[0].start]) and not _HONORIFIC_HEAD.fullmatch(f.low[: found[0].start]):
        return []
    if any(e is not held for e in references(f.low, events, doc)):
        return []
    return [p for p in acting(f.text) if p.name == found[0].name]


def actors_in_titled_section(doc: Document, events: list[CeremonyEvent]) -> list[OfficialFact]:
    """The persons a section titled by the one ceremony it tells what is done at (:data:`_TITLE_NAMES_CEREMONY`)
    names at the head of its items with an act there (:func:`_acts_there`): each takes part in it."""
    sent = _Sent()
    for _path, sec in doc.sections():
        m = _TITLE_NAMES_CEREMONY.search(sec.title.low)
        held = _ceremonies_named(m.group("at") or m.group("inside"), events) if m is not None else []
        for b in sec.blocks if len(held) == 1 else ():
            f = doc.lines[b.line]
            for p in _acts_there(f, held[0], events, doc):
                sent.add(p.name, held[0], f.text)
    return sent.facts()


def actors_in_attendee_section(doc: Document, events: list[CeremonyEvent]) -> list[OfficialFact]:
    """In a document of one ceremony, the persons a list of who attends names at the head of its items with an act
    there (:func:`_acts_there`: "- Đồng chí A – Chủ tịch UBND phường phát biểu …"): the items of a section titled by
    the label ("III. THÀNH PHẦN"), or the bullets under an item that opens on it ("3. Thành phần tham dự: lãnh đạo
    …"); each takes part in it."""
    sent = _Sent()
    for _path, sec in doc.sections() if len(events) == 1 else ():
        titled = _ATTENDEE_LABEL.match(sec.title.low.strip(" :")) is not None
        listed = titled
        for b in sec.blocks:
            f = doc.lines[b.line]
            if not BULLET.match(f.text):
                label = _NUMBERED_LABEL.match(f.low)
                listed = titled or label is not None and _ATTENDEE_LABEL.match(label.group("label").strip()) is not None
                continue
            for p in _acts_there(f, events[0], events, doc) if listed else ():
                sent.add(p.name, events[0], f.text)
    return sent.facts()


#: An item's label before its colon, after its number ("3. Thành phần tham dự: …") (folded): group ``label``.
_NUMBERED_LABEL = re.compile(r"^\s*(?:\d{1,2}[.)]\s*)?(?P<label>[^:]{2,60}):")


#: A line that names a ceremony and then, after a colon, who attends it ("- Lễ phát động: đồng chí A, …; đồng chí
#: B, …") (as written: the head before the colon).
_CEREMONY_HEAD = re.compile("^" + LEAD + r"(?P<head>[^:]{3,90}):\s")


def attendees_after_ceremony(doc: Document, events: list[CeremonyEvent]) -> list[OfficialFact]:
    """The persons a line lists after the one ceremony its head names ("- Lễ phát động: đồng chí A (phát biểu);
    đồng chí B" under "II. THÀNH PHẦN DỰ LỄ"); each person's ceremonies in the order of the day."""
    sent = _Sent()
    for i, f in enumerate(doc.lines):
        m = _CEREMONY_HEAD.match(f.text)
        head = fold(m.group("head")) if m is not None else ""
        kind = CEREMONY.search(head)
        if m is None or kind is None or people(m.group("head")):
            continue
        named = references(head, events, doc) or [e for e in events if kind_of(e) == kind.group(0)]
        near = [e for e in named if i - 3 <= e.line < i]  # "Cùng dự Lễ khai mạc: …" under the day's item that tells it
        here = [e for e in named if e.line == i]  # a schedule's row that tells its own ceremony: that one
        named = here if len(here) == 1 else near[-1:] if len(named) > 1 and near else named
        if len(named) != 1:
            continue
        for p in people(f.text[m.end() :]):
            sent.add(p.name, named[0], f.text)
    return sent.facts()


#: A person's attending verb right after their name and title ("… Phó Chủ tịch UBND thành phố dự và phát biểu")
#: (folded).
_SENT_THERE = re.compile(r"\b(?:tham du|du|chu tri|den du)\b" + _NOT_ATTENDING)


def attendees_told_after(doc: Document, events: list[CeremonyEvent]) -> list[OfficialFact]:
    """The persons the paragraph right after a ceremony's own paragraph sends there without naming it ("Ủy ban
    nhân dân phường A tổ chức Lễ hưởng ứng … lúc 7 giờ 30 …, tại Nhà văn hóa B." / "Ông C, Phó Chủ tịch … dự và
    phát biểu chỉ đạo; ông D … dự và trao học bổng."): each attends that ceremony."""
    sent = _Sent()
    told = {e.line: e for e in events if e.time is not None}
    for _path, sec in doc.sections():
        blocks = [b for b in sec.blocks if b.kind in ("paragraph", "bullet")]
        for before, b in zip(blocks, blocks[1:], strict=False):
            e = told.get(before.line)
            low = b.body.low
            if (
                e is None
                or b.kind != "paragraph"
                or b.line != before.line + 1
                or CEREMONY.search(low)
                or find_times(low)
            ):
                continue
            if sum(1 for x in events if x.line == before.line) != 1 or b.fields or _stands_in_if(low):
                continue
            for p in people(b.body.text):
                if _SENT_THERE.search(fold(b.body.text[p.end : p.end + 120]).split(";")[0]):
                    sent.add(p.name, e, b.body.text)
    return sent.facts()


#: Who a sentence says attends what it named before ("Lễ tổng kết có sự tham dự của đồng chí A …") (folded).
_WITNESSED_BY = re.compile(r"\b(?:co|voi|duoi) su (?:tham du|co mat|hien dien|chung kien|chu tri)\s+cua\b")


def attendees_said_of(doc: Document, events: list[CeremonyEvent]) -> list[OfficialFact]:
    """The persons a sentence says attend the ceremony it names first, told elsewhere with its time ("Lễ tổng kết
    có sự tham dự của đồng chí A, Phó Chủ tịch UBND huyện (trao thưởng) và đồng chí B, …" below the table row that
    holds it): each attends it, when the name fits one ceremony only (its venue, unit or kind)."""
    sent = _Sent()
    for f in doc.lines:
        for sentence in _SENTENCE_END.split(f.text):
            low = fold(sentence)
            m = _WITNESSED_BY.search(low)
            named = CEREMONY.search(low, 0, m.start()) if m is not None else None
            the_one = m is not None and len(events) == 1 and re.match(r"\s*buoi le\b", low) is not None
            if m is None or (named is None and not the_one):
                continue  # ("Buổi lễ có sự tham dự của …" in a letter about one ceremony: that one)
            held = (
                references(low[named.start() : m.start()], events, doc)
                or [e for e in events if kind_of(e) == named.group(0)]
                if named is not None
                else list(events)
            )
            if len(held) != 1:
                continue
            for p in people(sentence[m.end() :]):
                sent.add(p.name, held[0], sentence)
    return sent.facts()


#: A task's words that make a person's act no part of the ceremony ("chủ trì cuộc họp …", "kiểm tra công tác chuẩn
#: bị …", "tổng duyệt …") (folded).
_NOT_AT_IT = re.compile(r"\b(?:(?<!phoi )hop|hoi nghi|tong duyet|so duyet|kiem tra|giao ban|lam viec)\b")
#: The act a task asks of a person at a ceremony: invited to speak or start it ("mời đồng chí A, Phó Chủ tịch …,
#: phát biểu phát động và phát lệnh diễu hành"), or an item done by them ("… tại Lễ ra quân do đồng chí B, Chủ tịch
#: Hội Khuyến học quận, trao") (folded, right before the person named with their honorific).
_ASKED_TO_ACT = re.compile(r"\b(?:kinh\s+)?moi\s+$|\bdo\s+$")


def actors_in_tasks(doc: Document, events: list[CeremonyEvent]) -> list[OfficialFact]:
    """The persons the tasks of a plan with one ceremony ask to act at it, on a line that names a ceremony ("Chuẩn
    bị kịch bản Lễ ra quân; mời đồng chí A, …, phát biểu phát động", "trao 50 suất học bổng tại Lễ ra quân do đồng
    chí B, …, trao"): each attends it."""
    if len(events) != 1 or events[0].time is None:
        return []
    sent = _Sent()
    for f in doc.lines:
        if CEREMONY.search(f.low) is None or _NOT_AT_IT.search(f.low):
            continue
        for p in acting(f.text):
            if _ASKED_TO_ACT.search(fold(f.text[max(0, p.start - 40) : p.start])):
                sent.add(p.name, events[0], f.text)
    return sent.facts()


def actors_in_task_clauses(doc: Document, events: list[CeremonyEvent]) -> list[OfficialFact]:
    """The persons a line that names one ceremony (its kind and its venue or unit: "Chuẩn bị giấy khen cho Lễ tuyên
    dương tại UBND phường A") opens a sentence or clause on, with their title and an act there ("; Bà B, Chủ tịch
    Hội Khuyến học quận trao giấy khen …"): each takes part in it."""
    sent = _Sent()
    for f in doc.lines:
        if CEREMONY.search(f.low) is None or _NOT_AT_IT.search(f.low) or SENDS_OTHER.search(f.text):
            continue
        if _goes_on_to_another(f.low):
            continue
        held = references(f.low, events, doc)
        clauses = [c for sentence in _SENTENCE_END.split(f.text) for c in sentence.split(";")]
        for clause in clauses if len(held) == 1 else ():
            if _names_another(fold(clause), held, events, doc):
                continue
            found = people(clause)
            head = fold(clause[: found[0].start]) if found else ""
            if found and _HONORIFIC_HEAD.fullmatch(head) and found[0].name in {p.name for p in acting(clause)}:
                sent.add(found[0].name, held[0], f.text)
    return sent.facts()


#: A visit that goes on from one ceremony to the next ("dự Lễ khai mạc tại A, sau đó dự Lễ khai mạc cấp thành phố tại
#: B", "sau khi phát lệnh, đồng chí A dự Lễ …") (folded).
_GOES_ON = re.compile(
    r"\bsau (?:do|khi\b[^,;.]{0,60},)\s*(?:(?:dong chi|d\s*/\s*c|ong|ba)\s+[^,;.]{0,40}?\s+)?"
    r"(?:tham\s+)?du\s+(?:buoi\s+)?le\b"
)


def _goes_on_to_another(low: str) -> bool:
    """Whether a line (folded) sends someone on from one ceremony to another: it names two, and what its other
    clauses' persons do may be at either."""
    return _GOES_ON.search(low) is not None


def _names_another(low: str, held: list[CeremonyEvent], events: list[CeremonyEvent], doc: Document) -> bool:
    """Whether a clause names a ceremony of its own that is not the line's one (``held``): "…; bà B dự và phát
    biểu tại Lễ tổng kết" on a line about the launch speaks at the closing, not at the launch."""
    return CEREMONY.search(low) is not None and references(low, events, doc) != held


#: A sentence that opens at a ceremony it names, up to its comma ("Tại Lễ phát động, …", "Trong buổi Lễ khai mạc,
#: …", "Tại buổi lễ, …") (folded): group ``head`` names it.
_AT_CEREMONY = re.compile(r"^\W*(?:tai|trong|o)\s+(?P<head>(?:buoi\s+)?le\b[^,;:.]{0,100}),")
#: What a person does at a ceremony, said after their name and title in their clause ("dự và phát biểu", "trao biểu
#: trưng", "chủ trì", "đánh trống khai mạc", "bấm nút phát động") (folded): not one who receives ("trao cho ông A").
#: The words before a person named at a line's head: a bullet and an honorific ("- Ông ", "+ đồng chí ") (folded).
_HONORIFIC_HEAD = re.compile(LEAD + r"(?:ong|ba|dong chi|d\s*/\s*c|thay|co|anh|chi)?\s*")
_TAKES_PART = re.compile(
    r"\b(?:tham du|du|chu tri|phat bieu|trao|tang|doc|danh trong|bam nut|tuyen bo|dan chuong trinh"
    r"|phat lenh|phat co"  # "Ông A, … phát lệnh xuất phát", "bà B, … phất cờ lệnh": at the ceremony that sends
    # the column off; "bà C, … báo cáo kết quả …" there (not one due "trước ngày …", a report sent in)
    r"|bao cao (?:ket qua|tham luan|tong ket)(?![^;.]{0,80}\b(?:truoc|cham nhat)\s+(?:ngay|\d)))\b" + _NOT_ATTENDING
)


#: Where a line's person, named with their title at its head, is followed by what they do at the ceremony ("- Ông
#: A, Chủ tịch Hội Khuyến học: trao học bổng …", "Bà B – Phó Chủ tịch UBND phường: phát biểu khai mạc") (folded,
#: from the colon after the title).
_ACT_AFTER_COLON = re.compile(r":\s*(?=" + _TAKES_PART.pattern + r")")


def _acts_after_colon(low: str, found: list[Mention]) -> bool:
    """Whether a line names one person at its head, their title, then after a colon an act of taking part there
    naming no other ceremony ("- Ông A, Chủ tịch …: trao học bổng", not "- Bà B, …: dự Lễ ra quân, sau đó …")."""
    if (
        len(found) != 1
        or re.search(r"\w", low[: found[0].start])
        and not _HONORIFIC_HEAD.fullmatch(low[: found[0].start])
    ):
        return False
    colon = low.find(":", found[0].end)
    if not 0 <= colon - found[0].end <= 100 or _ACT_AFTER_COLON.match(low, colon) is None:
        return False
    return CEREMONY.search(_OPENS_IT.sub(" ", low[colon:].split(";")[0])) is None  # not "dự Lễ ra quân, sau đó …"


def attendees_at_named(doc: Document, events: list[CeremonyEvent]) -> list[OfficialFact]:
    """The persons a sentence names after opening at a ceremony ("Tại Lễ phát động, đồng chí A – Phó Chủ tịch UBND
    quận dự và phát biểu; đồng chí B – Chủ tịch Hội Khuyến học trao biểu trưng …"): each is there, when the opening
    names one ceremony only (its venue, unit or kind; "buổi lễ" in a document of one ceremony)."""
    sent = _Sent()
    for f in doc.lines:
        for sentence in _SENTENCE_END.split(f.text):
            m = _AT_CEREMONY.match(fold(sentence))
            if m is None or people(sentence[: m.end()]):
                continue
            head = m.group("head")
            kind = CEREMONY.search(head)
            held = references(head, events, doc) or [e for e in events if kind and kind_of(e) == kind.group(0)]
            if not held and re.fullmatch(r"buoi le\s*", head):
                held = list(events)
            if len(held) != 1:
                continue
            for p in acting(sentence[m.end() :]):
                sent.add(p.name, held[0], sentence)
    return sent.facts()


#: A parade's item that sets the column off right after a ceremony it names ("2. Diễu hành xe hoa: ngay sau Lễ khai
#: mạc.", "Đoàn xe xuất phát sau khi kết thúc Lễ phát động") (folded): the ceremony's name follows.
_RIGHT_AFTER = re.compile(r"\b(?:ngay\s+sau|sau\s+khi\s+(?:ket thuc|be mac))\s+(?:(?:buoi|chuong trinh)\s+)?(?=le\b)")
#: A person's act of sending the column off ("phát lệnh xuất phát đoàn xe", "bấm còi", "vẫy cờ") (folded).
_SENDS_OFF = re.compile(r"\b(?:(?:phat|ra|ban)\s+(?:hieu\s+)?lenh|bam coi|vay co)\b")


def starters_after_ceremony(doc: Document, events: list[CeremonyEvent]) -> list[OfficialFact]:
    """The person who sends off a column that sets off right after a ceremony ("2. Diễu hành xe hoa: ngay sau Lễ
    khai mạc." over "- Ông A, Bí thư Đảng ủy xã, phát lệnh xuất phát đoàn xe lúc 8 giờ"): they are at that ceremony
    (one given at a time and place of its own, "chiều cùng ngày … tại B", is no attendance)."""
    sent = _Sent()
    for i, f in enumerate(doc.lines):
        m = _RIGHT_AFTER.search(f.low)
        head = re.split(r"[,;.(:]", f.low[m.end() :])[0] if m is not None else ""
        kind = CEREMONY.search(head)
        held = references(head, events, doc) or [e for e in events if kind and kind_of(e) == kind.group(0)]
        held = [e for e in held if e.line < i][-1:] if len(held) > 1 else held  # the one told before the parade
        if m is None or len(held) != 1:
            continue
        lines = [f]
        for g in doc.lines[i + 1 : i + 8]:
            if not BULLET.match(g.text):
                break
            lines.append(g)
        for g in lines:
            for p in people(g.text):
                if _SENDS_OFF.search(fold(g.text[p.end : p.end + 120]).split(";")[0]):
                    sent.add(p.name, held[0], g.text)
    return sent.facts()


def starters_at_the_ceremony(doc: Document, events: list[CeremonyEvent]) -> list[OfficialFact]:
    """The person who sends the column off on a line that names the one ceremony it tells of ("… trước khi đại biểu
    đến dự Lễ khai mạc; đoàn xe xuất phát sau khi đồng chí A … phát lệnh xuất phát", "Ông B phát lệnh xuất phát tại
    <the ceremony's venue>"): they are at that ceremony."""
    sent = _Sent()
    for f in doc.lines:
        held = references(f.low, events, doc)
        if len(held) != 1:
            continue
        for p in people(f.text):
            if _SENDS_OFF.search(fold(f.text[p.end : p.end + 120]).split(";")[0]):
                sent.add(p.name, held[0], f.text)
    return sent.facts()


#: One session of a ceremony held in several, named where someone acts at it ("… phát biểu phát động tại ca sáng",
#: "… dự ở buổi chiều") (folded): group 1 the session's label as its row writes it ("- Ca sáng: 07 giờ 00").
_AT_SESSION = re.compile(r"\b(?:tai|o|trong)\s+((?:buoi|ca|phien)\s+(?:sang|trua|chieu|toi))\b")


def session_attendees(doc: Document, events: list[CeremonyEvent]) -> list[OfficialFact]:
    """The persons each clause sends to one session of a ceremony ("Thầy A – Hiệu trưởng phát biểu tại ca sáng; Cô
    B – Phó Hiệu trưởng phát biểu tại ca chiều"): the session whose row opens with the label the clause names."""
    sent = _Sent()
    for f in doc.lines:
        for clause in f.text.split(";"):
            m = _AT_SESSION.search(fold(clause))
            held = [e for e in events if m is not None and fold(e.text).startswith(m.group(1))]
            for p in people(clause) if len(held) == 1 else []:
                sent.add(p.name, held[0], clause)
    return sent.facts()


#: A line of who goes along with the official above ("Cùng đi: đồng chí A, …; đồng chí B, …", "Tháp tùng: …",
#: "Mời thêm: …") (folded).
_COMPANIONS = re.compile(r"^\W*(?:cung di|di cung|thap tung|cung du|moi them)\s*:")


def companions(doc: Document, events: list[CeremonyEvent]) -> list[OfficialFact]:
    """The persons a "Cùng đi:" line names go where the paragraph above it sends its official ("Buổi sáng, 8h00,
    đồng chí A dự Lễ khai mạc … tại X …; sau đó … dự Lễ khai mạc … tại Y" / "Cùng đi: đồng chí B; đồng chí C"):
    each of the ceremonies told in that paragraph (one says "chỉ dự …" where it goes: :func:`absences`)."""
    sent = _Sent()
    for i, f in enumerate(doc.lines):
        if not _COMPANIONS.match(f.low):
            continue
        above = next((j for j in range(i - 1, max(i - 4, -1), -1) if not _COMPANIONS.match(doc.lines[j].low)), None)
        told = [e for e in events if e.line == above] if above is not None else []
        for p in people(f.text) if told else []:
            for e in told:
                sent.add(p.name, e, f.text)
    return sent.facts()


#: Another person going along to the visit a line tells, named at its end by a message's "anh"/"chị" (written short
#: too) and their given name ("… dự Lễ khai mạc cấp Thành phố tại Hội trường Sở (…) cùng a. Vinh", "…, cùng chị Lan")
#: (as written): group 1 the given name (:func:`paradeplan.importer.attend.full_names` writes it in full).
_ALONG_BY_GIVEN = re.compile(
    r"(?<!\w)cùng(?:\s+với)?\s+(?:[ac]\.|anh|chị|đ/c|đồng chí)\s*(["
    + CAPITAL_LETTERS
    + r"][^\W\d_]*)\s*(?:ạ|nhé|nha)?\s*\.?$"
)


def companions_by_given(doc: Document, events: list[CeremonyEvent]) -> list[OfficialFact]:
    """The person a visit's line names at its end as going along by their given name (:data:`_ALONG_BY_GIVEN`): to
    the last ceremony the line names before them."""
    sent = _Sent()
    for f in doc.lines:
        m = _ALONG_BY_GIVEN.search(f.text.rstrip())
        refs = references(f.low[: m.start()], events, doc) if m is not None else []
        if m is not None and refs and re.search(r"\b(?:tham du|du)\b", f.low[: m.start()]):
            sent.add(m.group(1), refs[-1], f.text)
    return sent.facts()


#: What a person sent in another's place does at the ceremony, said right after their name and title ("… ủy quyền
#: a. B (PCT UBND phường) chủ trì, đọc diễn văn khai mạc", "cử đ/c C – công chức VH-XH dự") (folded, their clause).
_SENT_ROLE = re.compile(
    r"^[^;.]{0,80}?\b(?:tham du|du|(?:dong\s+)?chu tri|doc dien van|phat bieu|thay mat)\b" + _NOT_ATTENDING
)


def sent_in_place(doc: Document, events: list[CeremonyEvent]) -> list[OfficialFact]:
    """The person a line says is sent in another's place ("…, ủy quyền a. B (PCT) chủ trì, đọc diễn văn khai mạc",
    "Đ/c A bận họp, cử đ/c C dự"): to the ceremonies their clause names, else the one the line is about (the item
    it stands under); none when it is said only if ("nếu …")."""
    sent = _Sent()
    for i, f in enumerate(doc.lines):
        found = people(f.text)
        for k, p in enumerate(found):
            before = f.low[found[k - 1].end if k else 0 : p.start]
            own = re.split(r"[;]\s|\.\s", f.low[p.end :])[0]
            if SENDS_NEXT.search(before) is None or _SENT_ROLE.match(own) is None or _IF_SAID.search(f.text[: p.start]):
                continue
            found_here = references(own, events, doc) or _other_of_its_kind(own, i, events)
            for e in found_here or _held_around(i, events, doc) or _item_above(i, events, doc):
                sent.add(p.name, e, f.text)
    return sent.facts()


def _other_of_its_kind(own: str, line: int, events: list[CeremonyEvent]) -> list[CeremonyEvent]:
    """The ceremony a stand-in's clause names by its kind ("… nên ủy quyền đồng chí B chủ trì Lễ khai mạc của
    phường") when the line tells another of that kind, the one the sender goes to: the one of the kind told elsewhere,
    if one only."""
    kind = CEREMONY.search(own)
    if kind is None or not any(e.line == line for e in events):
        return []
    others = [e for e in events if kind_of(e) == kind.group(0) and e.line != line]
    return others if len(others) == 1 else []


def _item_above(line: int, events: list[CeremonyEvent], doc: Document) -> list[CeremonyEvent]:
    """The ceremony of the item a bullet line stands under ("2) Lễ khai mạc cấp phường: 9g30 … tại A." over "- a. B
    … ủy quyền a. C chủ trì"): the one told on the first line above that is no bullet, if any."""
    if not BULLET.match(doc.lines[line].text):
        return []
    j = line - 1
    while j >= 0 and BULLET.match(doc.lines[j].text):
        j -= 1
    here = [e for e in events if e.line == j]
    return here if len(here) == 1 else []


#: A ceremony's own line naming who attends by a message's "a."/"c." (or "anh", "chị", "đ/c") and the given name
#: ("… tại Trường TH A, a. Phúc dự và trao giấy khen", "…; chị Lan chủ trì") (as written): group 1 the given name
#: (:func:`full_names` writes it in full).
_GIVEN_ATTENDS = re.compile(
    r"(?:^|[,;:.(]\s*|\s)(?:[AaCc]\.|[Aa]nh|[Cc]hị|[Đđ]/[Cc]|[Đđ]ồng chí)\s*([" + CAPITAL_LETTERS + r"][^\W\d_]*)"
    r"\s+(?:tham dự|dự|chủ trì)(?!\w)(?!\s+(?:kiến|án|báo)\b)"
)


def attendees_by_given(doc: Document, events: list[CeremonyEvent]) -> list[OfficialFact]:
    """The persons a ceremony's own line (of that one ceremony) names by their given name as attending it
    (:data:`_GIVEN_ATTENDS`)."""
    sent = _Sent()
    for e in events:
        if not 0 <= e.line < len(doc.lines) or not _alone_on_its_line(e, events):
            continue
        for m in _GIVEN_ATTENDS.finditer(doc.lines[e.line].text):
            sent.add(m.group(1), e, doc.lines[e.line].text)
    return sent.facts()


#: A line's bullet or number ("- ", "+ ", "3. ", "c) "), folded.
_LEAD = re.compile(r"^\s*(?:" + BULLET_MARK + r"\s*|\d{1,2}[.)]\s+|[a-zđ]\)\s+)")
#: A label of who attends with its list below it ("Thành phần:", "Thành phần tham dự:", "Lãnh đạo dự:",
#: "Đại biểu mời:") (folded, the whole line).
_WHO_LABEL = re.compile(r"^(?:thanh phan|lanh dao|dai bieu|khach moi)\b[^:]{0,30}:\s*$")
#: A numbered section of who attends, with no colon ("2. Thành phần", "III. THÀNH PHẦN THAM DỰ") (folded, its number
#: off).
_GUESTS_LABEL = re.compile(r"^thanh phan\b")  # "Thành phần …" (not "Lãnh đạo UBND phường:", a legend)
_WHO_HEAD = re.compile(r"^thanh phan(?:\s+(?:tham\s+)?du)?\s*$")
#: A numbered row of a table under the label ("1 Đ/c A Chủ tịch UBND quận Phát biểu …", its cells apart), after the
#: table's heading row ("STT Đại biểu Chức vụ Nhiệm vụ") (folded). (A numbered list with no heading row says whom each
#: item attends itself: "1. Đồng chí A – dự (1)", read by :func:`visits_by_number`.)
_NUMBERED_ROW = re.compile(r"^\s*(\d{1,2})[.)]?\s+(?=\S)")
_TABLE_HEAD = re.compile(r"^\s*(?:stt|tt|so tt|so thu tu)\s")


def _listed_below(lines: Sequence[Folded]) -> list[Folded]:
    """The lines of the list under a label of who attends: its bullets, or a table's rows numbered 1, 2, 3, … in
    turn under its heading row."""
    table = bool(lines) and bool(_TABLE_HEAD.match(lines[0].low))
    out: list[Folded] = []
    for g in lines[1:] if table else lines:
        m = _NUMBERED_ROW.match(g.low)
        if table and m is not None and int(m.group(1)) == len(out) + 1:
            out.append(g)  # "1 Đ/c A …", "2 Đ/c B …": the table's rows, in order
        elif not table and BULLET.match(g.text):
            out.append(g)
        else:
            break
    return out


def attendees_listed_below(doc: Document, events: list[CeremonyEvent]) -> list[OfficialFact]:
    """The persons listed under a label of who attends that gives none on its own line ("1. Lễ phát động: 07:00 …,
    tại A." / "Thành phần:" / "- Ông B - Chủ tịch UBND phường;" / "- Bà C …"): each attends the ceremony told
    right above the label (within a few lines)."""
    sent = _Sent()
    held = [e for e in events if e.place and (e.date or e.time)]
    for i, f in enumerate(doc.lines):
        label = _LEAD.sub("", f.low)
        if not _WHO_LABEL.match(label) and not (label != f.low and _WHO_HEAD.match(label)):
            continue  # "Thành phần:", "- Thành phần:", "3. Thành phần:", "2. Thành phần" (a section of its own)
        sole = held if len(held) == 1 and _GUESTS_LABEL.match(label) else []
        above = [e for e in events if i - 4 <= e.line < i] or sole
        if not above:
            continue  # (a letter about one ceremony: its "Thành phần" is that ceremony's; not "Lãnh đạo UBND:")
        e = max(above, key=lambda x: x.line)
        for g in _listed_below(doc.lines[i + 1 : i + 30]):
            # "- Lãnh đạo phường: đồng chí A …; đồng chí B …"
            grouped = re.match("^" + LEAD + r"[^:;]{2,40}:\s", g.text)
            for p in people(g.text) if grouped else people(g.text)[:1]:
                sent.add(p.name, e, g.text)
    return sent.facts()


#: A line that opens a group's itinerary listed below it ("Lần lượt dự:", "Đoàn đi dự các buổi lễ sau:", "Lịch
#: trình:"), alone or at the end of the line naming the group (folded).
_ITINERARY_INTRO = re.compile(
    r"(?:^|[.;,]\s*|\s)(?:lan luot|tiep theo|sau do)?\s*(?:(?:di|den|tham)\s+)?(?:du|lich trinh|hanh trinh)"
    r"(?:\s+(?:cac|nhung)\s+(?:buoi\s+)?le)?(?:\s+(?:sau|nhu sau|theo thu tu))?\s*:\s*$"
)


def group_itineraries(doc: Document, events: list[CeremonyEvent]) -> list[OfficialFact]:
    """A group's members and the visits listed under its itinerary ("Cụm 1 – gồm các đồng chí: A, …; B, …" /
    "Lần lượt dự:" / "- 7h30: Lễ khai mạc phường C tại …" / "- 9h00: …"): each member attends each ceremony a
    listed line names, in order; the list ends at a line that is no item or names persons."""
    sent = _Sent()
    members: list[str] = []
    listing = False
    for f in doc.lines:
        found = [p.name for p in people(f.text)]
        if found and (not listing or not BULLET.match(f.text)):
            members = found if not references(f.low, events, doc) else []
            listing = bool(members) and _ITINERARY_INTRO.search(f.low) is not None
        elif members and not listing and _ITINERARY_INTRO.search(f.low) and len(f.low) <= 60:
            listing = True
        elif listing and BULLET.match(f.text) and not found:
            for e in references(f.low, events, doc):
                for name in members:
                    sent.add(name, e, f.text)
        else:
            members, listing = [], False
    return sent.facts()


#: An official sent to ceremonies by their number in the document's list ("Đồng chí A, Trưởng phòng: dự buổi lễ số
#: 1; dự buổi lễ số 3.", a marks table read by :func:`paradeplan.importer.tables.marked_officials`) (folded).
_BY_NUMBER = re.compile(r"\bdu buoi le so (\d{1,2})\b")
#: Ceremonies named by their list's numbers after a visit ("dự (1), (2) và chủ trì (3)", "dự (1) Lễ khai mạc; sau đó
#: dự (2) …") (folded): each number in brackets after the verb.
_VISIT_NUMBERS = re.compile(r"\b(?:tham du|du|chu tri|dong chu tri)\s+(?=\(\d{1,2}\))")
_NUMBER = re.compile(r"\((\d{1,2})\)")
#: A ceremony's number in its list, at the head of its line or text ("(2) Lễ ra mắt …", "1. Lễ khai mạc: (1) …",
#: "Sự kiện 2 – Lễ trao giải …") (folded).
_OWN_NUMBER = re.compile(r"(?:[^:()]{0,20}:)?\s*\((\d{1,2})\)\s|\s*(?:su kien|hoat dong|buoi)\s+(?:so\s+)?(\d{1,2})\b")
#: Events named by their list's numbers after "Dự:" ("Dự: Sự kiện 1", "Dự: sự kiện 1 và 2") (folded).
_EVENT_NUMBERS = re.compile(
    r"\b(?:tham du|du)\s*:?\s*(?:cac\s+)?(?:su kien|hoat dong)\s+((?:so\s+)?\d{1,2}(?:\s*(?:,|va)\s*\d{1,2})*)"
)
#: All the events a list numbers ("Dự: cả hai sự kiện", "dự tất cả các buổi lễ") (folded).
_ALL_EVENTS = re.compile(
    r"\b(?:tham du|du)\s*:?\s*(?:ca|tat ca)\s+(?:hai|ba|bon|nam|\d|cac)\s+(?:su kien|buoi le|le|hoat dong)\b"
)  # "dự cả 3 lễ"


def _numbers_said(low: str, listed: list[int]) -> list[int]:
    """The ceremonies' numbers a line sends its person to, in order (``listed``: the numbers the list gives)."""
    found = [int(n) for n in _BY_NUMBER.findall(low)]
    for v in _VISIT_NUMBERS.finditer(low):
        end = re.search(r"[.;]\s|\b(?:hop|lam viec|tiep)\b", low[v.end() :])
        found += [int(n) for n in _NUMBER.findall(low, v.end(), v.end() + end.start() if end else len(low))]
    for v in _EVENT_NUMBERS.finditer(low):
        found += [int(n) for n in re.findall(r"\d{1,2}", v.group(1))]
    if _ALL_EVENTS.search(low):
        found += listed
    return list(dict.fromkeys(found))


def _sends_by_number(low: str) -> bool:
    """Whether a line sends its person to ceremonies by their list's numbers (:func:`_numbers_said`)."""
    return bool(_numbers_said(low, [])) or _ALL_EVENTS.search(low) is not None


def _numbered(doc: Document, events: list[CeremonyEvent]) -> dict[int, CeremonyEvent]:
    """The ceremonies by the numbers their list gives them ("(1) Lễ khai mạc … — Thời gian: …", "Sự kiện 2 – Lễ …"),
    else by their order in the document."""
    labelled: dict[int, CeremonyEvent] = {}
    for e in events:
        own = doc.lines[e.line].low if 0 <= e.line < len(doc.lines) else ""
        m = _OWN_NUMBER.match(fold(e.text)) or _OWN_NUMBER.match(own)
        if m is not None:
            labelled.setdefault(int(m.group(1) or m.group(2)), e)
    return labelled or {k + 1: e for k, e in enumerate(events)}


#: A ceremony's label in its table's row ("— Điểm: Điểm 2; Thời gian: …", "Điểm chính") and a label named in a
#: person's line ("Điểm chính, sau đó Điểm 2") (folded).
_ROW_LABEL = re.compile(r"(?:^|[—;]\s*)(?:diem|dia diem so)\s*:\s*(diem\s+(?:chinh|phu|\d{1,2}|[a-z])\b)")
_LABEL_SAID = re.compile(r"\bdiem\s+(?:chinh|phu|\d{1,2}|[a-z])\b")
#: Where a line's condition starts ("(nếu không trùng lịch … thì dự thêm Điểm 3)"): what follows is no visit (folded).
_IF = re.compile(r"\(?\s*\bneu\b")


def visits_by_label(doc: Document, events: list[CeremonyEvent]) -> list[OfficialFact]:
    """The persons a line sends to ceremonies by the labels their table's rows give them ("Điểm | Nội dung | Thời
    gian | …" / "Điểm chính | Lễ khai mạc …"; "Đồng chí A | Chủ tịch UBND phường | Điểm chính, sau đó Điểm 2"): each
    label's ceremony in the order named, not one named under a condition ("nếu không trùng lịch … thì dự thêm Điểm
    3"); only where two or more ceremonies carry labels."""
    labelled: dict[str, CeremonyEvent] = {}
    for e in events:
        m = _ROW_LABEL.search(doc.lines[e.line].low) if 0 <= e.line < len(doc.lines) else None
        if m is not None:
            labelled.setdefault(re.sub(r"\s+", " ", m.group(1)), e)
    sent = _Sent()
    if len(labelled) < 2:
        return []
    for i, f in enumerate(doc.lines):
        found = people(f.text.replace("\t", ", "))  # a names table's row: its cells apart
        if not found or any(e.line == i for e in labelled.values()):
            continue
        cut = _IF.search(f.low, found[0].end)
        said = [
            re.sub(r"\s+", " ", x.group(0))
            for x in _LABEL_SAID.finditer(f.low, found[0].end, cut.start() if cut else len(f.low))
        ]
        if said and all(x in labelled for x in said):
            for x in dict.fromkeys(said):
                sent.add(found[0].name, labelled[x], f.text)
    return sent.facts()


def visits_by_number(doc: Document, events: list[CeremonyEvent]) -> list[OfficialFact]:
    """The persons a line sends to ceremonies by number: the ceremony the document's list numbers so ("(2) Lễ …"),
    else the n-th ceremony the document tells (in its order), when every number names one."""
    sent = _Sent()
    by_number = _numbered(doc, events)
    for f in doc.lines:
        numbers = _numbers_said(f.low, sorted(by_number))
        found = people(f.text)
        if not numbers or not found or any(n not in by_number for n in numbers):
            continue
        if SENDS_OTHER.search(f.text, found[0].end):  # "được mời dự (1); bà A đã cử một chuyên viên dự thay"
            continue
        held = _of_the_kinds_said(f.low, [by_number[n] for n in numbers])
        for e in held:
            sent.add(found[0].name, e, f.text)
    return sent.facts()


#: What "all the ceremonies" is said of ("dự tất cả các buổi lễ khai mạc tại phường, xã"): its words to the clause's
#: end (folded).
_ALL_OF = re.compile(r"\b(?:ca|tat ca)\s+(?:cac\s+)?(?:buoi le|le|su kien|hoat dong)\b([^.;]{0,80})")


#: A ceremony's kind said after "all the ceremonies" ("… khai mạc tại phường, xã") (folded).
_KIND_SAID = re.compile(r"\b(?:khai mac|be mac|phat dong|huong ung)\b")


def _of_the_kinds_said(low: str, events: list[CeremonyEvent]) -> list[CeremonyEvent]:
    """Of "all" the ceremonies a line sends its person to, those of the kind and the units it says ("… khai mạc
    tại phường, xã": the wards' and communes' openings, not the city's); all of them when it says neither."""
    said = _ALL_OF.search(low)
    if said is None:
        return events
    tail = said.group(1)
    kinds = [m.group(0) for m in _KIND_SAID.finditer(tail)]
    at = re.search(r"\btai\s+(.*)$", tail)
    units = set(re.findall(r"\b(phuong|xa|thi tran|truong|huyen|quan)\b", at.group(1))) if at else set()
    out = []
    for e in events:
        held = {fold(k) for u in e.host.units for k in u.kinds} | set(
            re.findall(r"\b(phuong|xa|thi tran)\b", fold(e.place or ""))
        )
        if kinds and not any(k in kind_of(e) for k in kinds) or units and not held & units:
            continue
        out.append(e)
    return out


def _target(e: CeremonyEvent) -> str:
    """What an official's fact names a ceremony by: its venue, else its host as written."""
    return e.place or e.host.text


def _fact(name: str, events: list[CeremonyEvent], text: str) -> OfficialFact:
    """An official's fact, their ceremonies in the order of the day when every one is dated and timed."""
    if all(e.date is not None and e.time is not None for e in events):
        events = sorted(events, key=lambda e: (str(e.date), str(e.time)))
    return OfficialFact(
        name,
        [_target(e) for e in events],
        text,
        [fold(e.name) for e in events],
        [e.time for e in events],
    )


def _one_each(officials: list[OfficialFact]) -> list[OfficialFact]:
    """One reading per person: a name read on several lines ("- 07 giờ 30: Đồng chí A dự …" / "- 10 giờ 00: Đồng chí
    A dự …") keeps its targets in the order read, each once."""
    out: dict[str, OfficialFact] = {}
    for o in officials:
        key = fold(o.name)
        had = out.get(key)
        if had is None:
            out[key] = o
            continue
        new = [k for k, t in enumerate(o.targets) if fold(t) not in {fold(x) for x in had.targets}]
        out[key] = OfficialFact(
            had.name,
            [*had.targets, *(o.targets[k] for k in new)],
            had.text,
            [*had.events, *(o.events[k] if k < len(o.events) else "" for k in new)],
            [*had.times, *(o.times[k] if k < len(o.times) else None for k in new)],
        )
    return list(out.values())


def merged(
    old: list[OfficialFact], new: list[OfficialFact], events: Sequence[CeremonyEvent] = ()
) -> list[OfficialFact]:
    """The officials read by wording, with those read by reference: a name holding several persons or a clock time
    is no name; a person read both ways keeps the reading with more ceremonies, and the other reading's ceremonies
    of another kind, or that are other ceremonies of ``events`` (a district's opening, then the wards' of the next
    day), in the order of the day when each is one of ``events`` dated and timed."""
    kept = _one_each([o for o in old if len(people(o.name)) <= 1 and not _NO_NAME.search(o.name) and len(o.name) <= 80])
    by_target: dict[str, list[CeremonyEvent]] = {}
    for e in events:
        by_target.setdefault(_target(e), []).append(e)
    out = list(kept)
    for n in new:
        same = [k for k, o in enumerate(out) if fold(n.name) in fold(o.name)]
        if not same:
            out.append(n)
            continue
        o = out[same[0]]
        big, small = (n, o) if len(n.targets) > len(o.targets) else (o, n)
        # another ceremony the other reading found ("- Lễ phát động: đồng chí A" and "- Ngày hội …: đồng chí A")
        kinds = [_kind_of_event(e) for e in small.events]
        held = [e for e in events if any(_names_event(x, e) for x in big.targets)]
        more = [  # a ceremony of another kind only: the same kind named two ways ("xã A", "Trường TH A") is one
            k
            for k, t in enumerate(small.targets)
            if not any(_same_target(t, x) for x in big.targets)
            and (
                k < len(kinds)
                and kinds[k]
                and kinds[k] not in {_kind_of_event(e) for e in big.events}
                or len(by_target.get(t, ())) == 1
                and by_target[t][0] not in held  # another ceremony of the list, not one the other reading names
            )
        ]
        out[same[0]] = _in_day_order(
            OfficialFact(
                o.name,
                [*big.targets, *(small.targets[k] for k in more)],
                o.text,
                [*big.events, *(small.events[k] if k < len(small.events) else "" for k in more)],
                [*big.times, *(small.times[k] if k < len(small.times) else None for k in more)],
            ),
            by_target,
        )
    return out


def _names_event(target: str, e: CeremonyEvent) -> bool:
    """Whether a reading's target names a ceremony: its venue, or a unit holding it ("xã A Lưới")."""
    return any(_same_target(target, k) for k in (_target(e), *(u.text for u in e.host.units if u.name)))


def _in_day_order(o: OfficialFact, by_target: dict[str, list[CeremonyEvent]]) -> OfficialFact:
    """An official's fact with its ceremonies in the order of the day, when each is one ceremony dated and timed."""
    found = [by_target.get(t, []) for t in o.targets]
    if not o.targets or any(len(es) != 1 or es[0].date is None or es[0].time is None for es in found):
        return o
    order = sorted(range(len(o.targets)), key=lambda k: (str(found[k][0].date), str(found[k][0].time), k))
    return OfficialFact(
        o.name,
        [o.targets[k] for k in order],
        o.text,
        [o.events[k] for k in order if k < len(o.events)],
        [o.times[k] for k in order if k < len(o.times)],
    )


#: An official written by the honorific and the given name only ("Đ/c Khánh", "đồng chí Nguyệt"), as a work
#: schedule's columns write the leaders its heading lists in full.
_GIVEN_ONLY = re.compile(r"^(?:[Đđ]ồng chí|[Đđ]\s*/\s*[Cc]|[Ôô]ng|[Bb]à)\s+([" + CAPITAL_LETTERS + r"][^\s,;:.()]*)$")


#: A schedule's legend of its short names ("đ/c Hùng – Lê Quang Hùng, Giám đốc"): the given name, the full name.
_LEGEND = re.compile(
    r"(?:[Đđ]ồng chí|[Đđ]\s*/\s*[Cc])\s+([" + CAPITAL_LETTERS + r"][^\s,;:.()–-]*)\s*[–-]\s*"
    r"([" + CAPITAL_LETTERS + r"][^\s,;:.()]*(?:\s+[" + CAPITAL_LETTERS + r"][^\s,;:.()]*){1,4})"
)


def full_names(officials: list[OfficialFact], named: dict[str, set[str]]) -> list[OfficialFact]:
    """Officials written by their given name only ("Đ/c Khánh") under the full name the document gives the one
    person of that given name ("- Đồng chí Lương Quốc Khánh – Chủ tịch UBND phường"), merged with that person's
    other readings; a given name two persons share, or none, stays as written (``named``: :func:`full_by_given`)."""
    out: list[OfficialFact] = []
    renamed = False
    for o in officials:
        full = _in_full(o.name, named)
        if full != o.name:
            o = OfficialFact(full, o.targets, o.text, o.events, o.times)
            renamed = True
        out.append(o)
    return merged([], out) if renamed else officials


def full_by_given(lines: list[Folded]) -> dict[str, set[str]]:
    """Each given name the document writes a full name with, and those full names (for :func:`full_names` and
    :func:`guests_in_full`)."""
    named: dict[str, set[str]] = {}
    for f in lines:
        found = [name for name, _a, _b in persons(f.text)]
        found += [m.group(2) for m in _LEGEND.finditer(f.text) if m.group(2).split()[-1] == m.group(1)]
        for name in found:
            if len(name.split()) >= 2:
                named.setdefault(name.split()[-1], set()).add(name)
    return named


def _in_full(name: str, named: dict[str, set[str]]) -> str:
    """A name written by its given name only, in full when one person of the document bears that given name."""
    m = _GIVEN_ONLY.match(name.strip()) or re.fullmatch(r"\s*([" + CAPITAL_LETTERS + r"][^\s,;:.()]*)\s*", name)
    full = named.get(m.group(1), set()) if m else set()
    return next(iter(full)) if len(full) == 1 else name


def guests_in_full(events: list[CeremonyEvent], named: dict[str, set[str]]) -> None:
    """Each ceremony's guests written by their given name only ("…; đ/c Lan dự") in full, each once (``named``:
    :func:`full_by_given`)."""
    for e in events:
        e.guests = list(dict.fromkeys(_in_full(g, named) for g in e.guests))


def _kind_of_event(named: str) -> str:
    """The kind a reading names a ceremony by ("le khai mac cap tinh" → "le khai mac"; "" when none)."""
    m = CEREMONY.search(named)
    return m.group(0) if m else ""


def _same_target(a: str, b: str) -> bool:
    """Whether two readings name one ceremony's place: one holds the other as whole words ("xã Tân Phú" and
    "Trường Tiểu học xã Tân Phú", "cấp tỉnh" and "Lễ khai mạc cấp tỉnh")."""
    fa, fb = _spaced_words(a), _spaced_words(b)
    return fa.strip() != "" and fb.strip() != "" and (fa in fb or fb in fa)


@lru_cache(maxsize=16384)
def _spaced_words(text: str) -> str:
    """A text as :func:`_same_target` compares it: folded, commas as spaces, single spaces, a space at each end."""
    return f" {' '.join(fold(text).replace(',', ' ').split())} "


def _others(e: CeremonyEvent) -> bool:
    """A sentence about other units' ceremonies ("Các huyện, thị xã còn lại tổ chức khai mạc theo kế hoạch của địa
    phương") beside ceremonies given with their time and venue: its holders are a collective and its clause gives
    no day (a deadline is none), time or venue."""
    low = fold(e.text)
    collective = bool(e.host.units) and all(u.collective for u in e.host.units)
    own_day = event_dates(low, lambda t: find_dates(t, 2000))
    placed = re.search(r"\btai\s+(?!(?:don vi|dia phuong|co so)\b)", low) is not None  # "tại đơn vị": its own
    chosen = re.match(r"^\s*do\s+[^,;]{0,40}\bchon\b", fold(e.place or "")) is not None  # "Do địa phương chọn"
    return collective and (not own_day or chosen) and not find_times(low) and (not placed or chosen)


#: A venue left to the units that hold the ceremony ("Do địa phương chọn", "do đơn vị tự chọn") (folded).
_CHOSEN_THERE = re.compile(r"^\s*do\s+[^,;]{0,40}\b(?:chon|lua chon|quyet dinh|bo tri)\b")


def venues_from_visits(events: list[CeremonyEvent], officials: list[OfficialFact]) -> None:
    """A ceremony told with its day or time but no venue ("làm lễ phát động lúc 8g45"), the only one of its kind,
    takes the venue the officials' visits to that kind name, when they name one ("sau đó dự Lễ phát động tại
    UBND phường")."""
    for e in events:
        kind = kind_of(e)
        if e.place or not (e.date or e.time) or sum(kind_of(x) == kind for x in events) != 1:
            continue
        said = {t for o in officials for t, k in zip(o.targets, o.events, strict=False) if k.startswith(kind) and t}
        if len(said) == 1:
            e.place = said.pop()


def without_mentions(events: list[CeremonyEvent], doc: Document) -> list[CeremonyEvent]:
    """Without the ceremonies that are only mentions: no date, time or venue of their own, and their clause names a
    person (a matrix's header "Lễ khai mạc | Đ/c A | …"), ceremonies in the plural ("dự các lễ khai mạc") or
    ceremonies read with their own time and venue (a task "UBND xã A: chuẩn bị lễ khai mạc" for the ceremony the
    schedule gives); and one with no time at the venue of a ceremony read with its time (the same one again)."""
    held = [e for e in events if e.place and e.time]
    out = []
    for e in events:
        bare = e.date is None and e.time is None and not e.place
        named = people(e.text) or references(fold(e.text), held, doc) or _PLURAL.search(fold(e.text))
        again = e.time is None and e.place and any(h is not e and fold(h.place or "") == fold(e.place) for h in held)
        # "Phòng GD&ĐT: chủ trì tổ chức Lễ khai mạc" beside the Lễ khai mạc given with its time and venue: a task
        collective = bool(e.host.units) and all(u.collective for u in e.host.units)  # units told: an open item
        task = (
            e.time is None
            and not e.place
            and not collective
            and any(h is not e and kind_of(h) == kind_of(e) for h in held)
        )
        # "Lễ khai mạc … | Trong thời gian từ 05/10 đến 11/10 | Do địa phương chọn": each unit's own, no time or venue
        chosen = e.time is None and _CHOSEN_THERE.match(fold(e.place or "")) is not None
        if bare and named or held and _others(e) or again or task or held and chosen:
            continue
        out.append(e)
    return out


#: What says a person named right before it does not attend ("ông A báo vắng", "bà B (vắng)", "đồng chí C không dự
#: Lễ bế mạc"), as written: "vắng" folds like "vàng" and "vang"; group 1 the words (a full stop after a capital, "TP.",
#: ends no sentence).
# a character of the same clause: no ";" or ".", but the "." of "TP." (upper case even in a pattern read with re.I:
# "… dự và trao giấy khen. Mỗi KP cử 10 người dự" is two sentences)
_IN_CLAUSE = r"(?:[^;.]|(?<=(?-i:[A-ZĐ]))\.)"
#: A person who attends only some of the events, right after their name ("… chỉ dự buổi thứ nhất").
_ONLY_ATTENDS = re.compile(
    r"^" + _IN_CLAUSE + r"{0,60}?(?<!\w)(?:chỉ (?:tham |đến )?dự|chỉ tham gia|chỉ đi)(?!\w)", re.I
)
_ABSENT = re.compile(
    r"^" + _IN_CLAUSE + r"{0,160}?(?<!\w)(báo vắng|xin vắng|vắng mặt|vắng|không (?:tham )?dự|không tham gia|không đi"
    r"|bận(?: công tác| họp| tiếp khách)?)(?!\w)",
    re.I,
)


def _held_around(line: int, events: list[CeremonyEvent], doc: Document) -> list[CeremonyEvent]:
    """The ceremony a line is about: the one told on that line, else the one whose own section holds it (the
    innermost section holding the line that holds one ceremony's line only)."""
    here = [e for e in events if e.line == line]
    if len(here) == 1:
        return here
    for sec in reversed(doc.path(line)):
        inside = [e for e in events if sec in doc.path(e.line) or e.line == sec.line]
        if len(inside) == 1:
            return inside
        if inside:
            return []
    return events if len(events) == 1 else []


def absences(doc: Document, events: list[CeremonyEvent]) -> dict[str, set[int]]:
    """Who the text says misses which ceremonies (folded name → ids of the events): "Riêng ông A báo vắng", "bà B
    (vắng)", "đồng chí C không dự Lễ bế mạc", "Đ/c D cử đại diện Văn phòng dự"; those its clause names, else the one
    whose section holds it."""
    missed: dict[str, set[int]] = {}
    by_number = _numbered(doc, events)
    given = full_by_given(list(doc.lines))
    for i, f in enumerate(doc.lines):
        found = _with_author(f.text, people(f.text))  # "[16:40] A: … không dự MN Hoa Sen được": A misses it
        for k, p in enumerate(found):
            if _stands_in_only_if(f.text, found, k):  # "(nếu ông A bận, đề nghị cử ông B dự thay)": not B
                missed.setdefault(fold(p.name), set()).update(id(e) for e in _held_around(i, events, doc))
                continue
            end = found[k + 1].start if k + 1 < len(found) else len(f.text)
            said = _ABSENT.match(f.text[p.end : end]) or _SENDING.match(f.text[p.end : end])
            only = _ONLY_ATTENDS.match(f.text[p.end : end]) if said is None else None
            if only is not None:  # "Riêng đồng chí A chỉ dự buổi thứ nhất (buổi thứ hai trùng lịch …)": not the rest
                kept = references(BRACKETED.sub(" ", f.low[p.end + only.end() : end]), events, doc)
                missed.setdefault(fold(p.name), set()).update(id(e) for e in events if kept and e not in kept)
            if said is not None and (
                _IF_SAID.search(f.text[p.end : p.end + said.start(1)]) or _IF_SAID.search(_clause_head(f.text, p))
            ):  # "ông A (nếu ông A bận, …)", "Trường hợp đồng chí A bận …, đồng chí B dự thay": A still goes
                said = None
            if said is None:
                missed_here = _stood_in(f.text, found, k, i, events, doc)
                if missed_here:
                    missed.setdefault(fold(p.name), set()).update(id(e) for e in missed_here)
                continue
            # "… dự tại phường A xong về dự họp …, không dự tại phường B": the ceremonies named after the words
            refs = references(f.low[p.end + said.end() : end], events, doc, bare=True)  # "(không đi Long Biên)"
            if not refs and (said.start(1) <= 60 or "(" in f.text[p.end : p.end + said.start(1)]):
                said_low = f.low[p.end : end]  # "… – Dự: Sự kiện 1 (đã báo vắng, không dự)": what the clause names
                refs = references(said_low, events, doc) or [
                    by_number[n] for n in _numbers_said(said_low, sorted(by_number)) if n in by_number
                ]
                refs = refs or _sent_next(f, found, k, events, doc) or _held_around(i, events, doc)
            missed.setdefault(fold(p.name), set()).update(id(e) for e in refs)
        for invited, _goes, (a, b) in _invited_but(f.low, found):  # "A được mời dự tại X nhưng …, B dự thay"
            missed.setdefault(fold(invited.name), set()).update(id(e) for e in references(f.low[a:b], events, doc))
        for name, refs in _replaced_by_given(f, events, doc, given):  # "B dự thay đ/c A tại X": A misses X
            missed.setdefault(fold(name), set()).update(id(e) for e in refs)
    return missed


def _sent_next(
    f: Folded, found: list[Mention], k: int, events: list[CeremonyEvent], doc: Document
) -> list[CeremonyEvent]:
    """The ceremonies where the ``k``-th person of a line, kept away, sends the next one ("đ/c A bận họp HĐND; ủy
    quyền đ/c B – công chức VH-XH thay mặt UBND dự Lễ khai mạc tại X"), or who goes in their place ("đ/c A bận tiếp
    đoàn; đ/c B đi thay dự Lễ khai mạc tại X", :func:`_replaced_by_next`): those the next one's clause names."""
    if k + 1 >= len(found):
        return []
    nxt = found[k + 1]
    end = found[k + 2].start if k + 2 < len(found) else len(f.text)
    between = f.text[found[k].end : nxt.start]
    sends = SENDS_NEXT.search(f.low[found[k].end : nxt.start]) is not None  # (the line's folded text, not again)
    if not sends and not _replaced_by_next(between, f.text[nxt.end : end]):
        return []
    return references(re.split(r"[;]\s", f.low[nxt.end : end])[0], events, doc)


#: Going in the place of a person written by the honorific and the given name ("dự thay đ/c Hạnh", "đi thay cho chị
#: Lan", "dự thay a. Hải") (as written): group 1 the given name (:func:`full_by_given` writes it in full).
_IN_PLACE_OF_GIVEN = re.compile(
    r"(?<!\w)(?:tham dự|dự|đi)\s+thay(?:\s+cho)?\s+(?:[Đđ]ồng chí|[Đđ]/[Cc]|[Ôô]ng|[Bb]à|[Aa]nh|[Cc]hị|[AaCc]\.)\s*(["
    + CAPITAL_LETTERS
    + r"][^\W\d_]*)(?![^\W\d_]|\s+["
    + CAPITAL_LETTERS
    + r"])"
)


def _replaced_by_given(
    f: Folded, events: list[CeremonyEvent], doc: Document, given: dict[str, set[str]]
) -> list[tuple[str, list[CeremonyEvent]]]:
    """Each person a line says another goes in place of by their given name (:data:`_IN_PLACE_OF_GIVEN`), in full
    when the document names one person so, and the ceremonies the clause names after them ("đ/c B dự thay đ/c A tại
    Trường X"), else before them."""
    out = []
    for m in _IN_PLACE_OF_GIVEN.finditer(f.text):
        full = given.get(m.group(1), set())
        if len(full) != 1:
            continue
        start = max(f.low.rfind(c, 0, m.start()) for c in ";.") + 1
        end = min((x for x in (f.low.find(c, m.end()) for c in ";.") if x >= 0), default=len(f.low))
        refs = references(f.low[m.end() : end], events, doc) or references(f.low[start : m.start()], events, doc)
        if refs:
            out.append((next(iter(full)), refs))
    return out


#: A person who sends someone in their place, right after their name (:data:`SENDS_OTHER`); group 1 the words.
_SENDING = re.compile(r"^" + _IN_CLAUSE + r"{0,60}?(" + SENDS_OTHER.pattern + ")", re.I)
#: A condition said before what a person does ("nếu", "trường hợp", "phòng khi"), as written: what follows may not
#: happen.
_IF_SAID = re.compile(r"(?<!\w)(?:nếu|trường hợp|phòng khi)(?!\w)", re.I)
#: Going in another's place ("dự thay", "đi thay", "tham dự thay cho"), as written.
_IN_PLACE = re.compile(r"(?<!\w)(?:tham dự|dự|đi)\s+thay(?:\s+cho)?(?!\w)", re.I)
#: What, right before a person, says the one named next goes in their place ("… dự thay đ/c ", "… đi thay cho ông ",
#: "đ/c B thay đ/c ", "bà B thay thế ông ") (as written).
_IN_PLACE_WRITTEN = re.compile(r"(?:" + _IN_PLACE.pattern + r"|(?<!\w)thay(?:\s+thế|\s+cho)?)\s*$", re.I)
#: What, right after a person, says they send the one named next ("A phân công đ/c B …", "A cử ông B …", "A ủy
#: quyền cho bà B …") (as written).
_SENDS_ONE = re.compile(
    r"^" + _IN_CLAUSE + r"{0,60}?(?<!\w)(?:phân công|cử|ủy quyền|uỷ quyền|giao)(?:\s+cho)?\s*$", re.I
)


def _stood_in(
    text: str, found: list[Mention], k: int, line: int, events: list[CeremonyEvent], doc: Document
) -> list[CeremonyEvent]:
    """The ceremonies the ``k``-th person of a line misses because another goes in their place: "Đ/c B dự thay đ/c
    A", "đ/c A phân công đ/c B – Phó Chủ tịch dự thay"; none when the clause says it only if ("nếu A bận, …")."""
    p = found[k]
    before = text[found[k - 1].end if k else 0 : p.start]
    nxt = found[k + 1] if k + 1 < len(found) else None
    after_next = text[nxt.end : found[k + 2].start if k + 2 < len(found) else len(text)] if nxt else ""
    replaced = _IN_PLACE_WRITTEN.search(before) is not None
    sends = nxt is not None and _SENDS_ONE.match(text[p.end : nxt.start]) is not None
    if not (replaced or sends and _IN_PLACE.search(re.split(r"[;.]\s", after_next)[0])):
        if nxt is None or not _replaced_by_next(text[p.end : nxt.start], after_next):
            return []
        sends = True
    opened = max(text.rfind(c, 0, p.start) for c in "(;.")
    if _IF_SAID.search(text[opened + 1 : nxt.start if sends and nxt else p.start]):
        return []  # "nếu ông A bận, đề nghị cử ông B dự thay": a stand-in only if
    own = re.split(r"[;.]\s", text[p.end :])[0]  # "đ/c B thay đ/c A dự Lễ X, sau đó dự Y": what the clause names
    # "Do đồng chí A phải dự họp …, đồng chí B dự thay tại X; …": what the clause of the one going in A's place names
    goes = re.split(r"[;.]\s", after_next)[0] if sends and not replaced else ""
    return (
        references(fold(text[: p.start]), events, doc)
        or (references(fold(own), events, doc) if replaced else [])
        or (references(fold(goes), events, doc) if goes else [])
        or _held_around(line, events, doc)
    )


def _replaced_by_next(between: str, after_next: str) -> bool:
    """Whether the next person, in a clause of their own, goes in this one's place without naming whom ("đồng chí A
    được cử đi học …; đồng chí B – Phó Chủ tịch dự thay", "ông A đi công tác, bà B đi thay")."""
    own = re.split(r"[;.]\s", after_next)[0]
    return (
        re.search(r"[;,]", between) is not None
        and _IN_PLACE.search(own) is not None
        and _IN_PLACE_WRITTEN.search(after_next) is None  # "B dự thay đ/c C": C is the one replaced
    )


def _stands_in_only_if(text: str, found: list[Mention], k: int) -> bool:
    """Whether the ``k``-th person of a line goes only if another cannot ("(nếu ông A bận, đề nghị cử ông B – Phó
    Chủ tịch dự thay)")."""
    p = found[k]
    end = found[k + 1].start if k + 1 < len(found) else len(text)
    own = re.split(r"[;.)]\s*", text[p.end : end])[0]
    return _IF_SAID.search(_clause_head(text, p)) is not None and _IN_PLACE.search(own) is not None


def _clause_head(text: str, p: Mention) -> str:
    """What a person's clause says before their name (from the last "(", ";" or "." before it)."""
    return text[max(text.rfind(c, 0, p.start) for c in "(;.") + 1 : p.start]


def without_absent(
    officials: list[OfficialFact], events: list[CeremonyEvent], missed: dict[str, set[int]]
) -> list[OfficialFact]:
    """The officials without the ceremonies they miss (:func:`absences`)."""
    if not missed:
        return officials
    out = []
    for o in officials:
        gone = next((ids for name, ids in missed.items() if name in fold(o.name)), set())
        places = {fold(_target(e)) for e in events if id(e) in gone}
        keep = [k for k, t in enumerate(o.targets) if fold(t) not in places]
        if len(keep) == len(o.targets):
            out.append(o)
        elif keep:
            out.append(
                OfficialFact(
                    o.name,
                    [o.targets[k] for k in keep],
                    o.text,
                    [o.events[k] for k in keep if k < len(o.events)],
                    [o.times[k] for k in keep if k < len(o.times)],
                )
            )
    return out


def present_guests(e: CeremonyEvent, missed: dict[str, set[int]]) -> list[str]:
    """A ceremony's guests but those the text says miss it (:func:`absences`)."""
    gone = [name for name, ids in missed.items() if id(e) in ids]
    return [g for g in e.guests if not any(name in fold(g) for name in gone)]
