"""Rules that read who holds what in a plan document: unit and institution references, subjects, ceremonies,
officials, week activities, slogans and report requests.

Every rule runs on folded text (no accents, lower case) and slices the original text for names. Administrative
unit kinds ("phường", "huyện", "thị xã", "đặc khu"…) are the kinds the administrative-units dataset holds, so
no set of levels is fixed here; references are resolved against the dataset later (``importer.places``).
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, time
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from paradeplan.geo.names import CAPITAL_LETTERS, SMALL_LETTERS, written_out_units
from paradeplan.importer.dates import (
    CLOCK_COLON,
    DAY_MONTH,
    DAY_SPAN,
    LABEL_COLON,
    Found,
    find_dates,
    find_times,
    split_at_labels,
)
from paradeplan.importer.stance import Stance, amendment
from paradeplan.importer.text import BULLET_MARK, EARLIER_MAIL, Folded, capitalize, fold, tidy

if TYPE_CHECKING:
    from paradeplan.importer.activities import ActivityFact, ReportFact
    from paradeplan.importer.structure import Block, Document, Section

# ---------------------------------------------------------------------------------------------- vocabulary
NUMWORDS = {
    "mot": 1,
    "hai": 2,
    "ba": 3,
    "bon": 4,
    "nam": 5,
    "sau": 6,
    "bay": 7,
    "tam": 8,
    "chin": 9,
    "muoi": 10,
    "muoi mot": 11,
    "muoi hai": 12,
    "muoi ba": 13,
    "muoi bon": 14,
    "muoi lam": 15,
}
_NUM = r"(?:\d{1,3}|muoi (?:mot|hai|ba|bon|lam)|mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi)"
#: The number words as written with their marks: "đi sau xe hoa" (after) is no "sáu xe hoa" (six), "năm" no "nam".
_SPELLED = {
    "mot": "một",
    "bon": "bốn",
    "nam": "năm",
    "sau": "sáu",
    "bay": "bảy",
    "tam": "tám",
    "chin": "chín",
    "muoi": "mười",
    "lam": "lăm",
}


def number_word_as_written(written: str, line: str) -> bool:
    """Whether a count's word is the number as written ("sáu", "mười lăm"), not a word that folds like it ("sau",
    "nam", "tạm"); a line written without marks at all is taken as it is."""
    if written.isdigit() or line.isascii():
        return True
    return all(_SPELLED.get(fold(w), fold(w)) == w for w in written.lower().split())


@cache
def unit_kinds() -> tuple[str, ...]:
    """Folded kinds of administrative units, longest first: every kind the dataset holds, plus abbreviations."""
    from paradeplan.geo.admin import ABBREVIATIONS, snapshot

    kinds = set(snapshot("before_2025").kinds) | set(snapshot("from_2025").kinds)
    return tuple(sorted(kinds | set(ABBREVIATIONS), key=lambda k: (-len(k), k)))


@cache
def _kind_rx() -> str:
    # "xã hội" (society) is not a commune; "thành phố" is a kind only when not "thành phần"-like.
    kinds = [k for k in unit_kinds() if " " in k or len(k) > 2 or k in ("xa", "tp", "tx")]
    alts = [re.escape(k) + (r"(?!\s+hoi\b)" if k == "xa" else "") for k in kinds]
    return r"(?:" + "|".join(alts) + r")"


#: Institutions that hold events: (kind, folded pattern). Schools by level, community learning centres, culture
#: houses. "trường" alone is not enough ("trường hợp", "môi trường").
INSTITUTIONS: tuple[tuple[str, str], ...] = (
    ("community_learning_centre", r"trung tam (?:hoc tap cong dong|htcd)|tt ?htcd"),
    ("culture_centre", r"trung tam van hoa(?:\s*-\s*the thao)?(?:\s*va\s*hoc tap cong dong)?|nha van hoa|tt vh"),
    (
        "school",
        r"nha truong|truong hoc|co so giao duc|truong (?:mam non|mau giao|tieu hoc|trung hoc co so|"
        r"trung hoc pho thong|thcs|thpt|th|mn)(?![a-z])",
    ),
)
_SCHOOL_LEVELS = (
    ("mn", "MN"),
    ("mam non", "MN"),
    ("mau giao", "MN"),
    ("tieu hoc", "TH"),
    ("th", "TH"),
    ("trung hoc co so", "THCS"),
    ("thcs", "THCS"),
    ("trung hoc pho thong", "THPT"),
    ("thpt", "THPT"),
)
_LEVEL_RX = re.compile(
    r"(?<![a-z])(mam non|mau giao|tieu hoc|trung hoc co so|trung hoc pho thong|thcs|thpt|th|mn)"
    r"(?![a-z])"
)

#: Words that start an organisation's name (a subject that is neither a unit nor an institution).
_ORG = re.compile(
    r"^(?:cac\s+)?(?:phong|so|ban|hoi|trung tam|doan|uy ban|ubnd|cong an|dai|bao|vien|"
    r"cong chuc|chi cuc|cuc|mat tran|lien doan|thu vien|bo)\b"
)
#: Main verbs: a clause's subject is what comes before the first one (written in lower case); a unit's task told
#: without its subject starts with one ("Là đơn vị thường trực, tham mưu …", "Làm đầu mối …").
_VERB = re.compile(
    r"\b(?:la (?:don vi|co quan|dau moi|thuong truc)|lam (?:dau moi|thuong truc)|"
    r"to chuc|chon|xay dung(?! (?:xa hoi|xhht|nong thon|dang|chinh quyen|van hoa|gia dinh))|trien khai|"
    r"thuc hien|chi dao|treo|bao cao|phoi hop|tham muu|ban hanh|huong dan|chu tri|tong hop|bo tri|moi|"
    r"tham du|du le|gui|nop|dang ky|co trach nhiem|chuan bi|hoan thanh|tiep tuc|day manh|khuyen khich)\b"
)
#: A line that amends who goes, where an official's name would stand ("Điều chỉnh thành phần dự Lễ …:", "Bổ sung
#: thành phần …", "Thay đổi người dự …") (folded): the persons follow its colon.
_AMENDS_WHO = re.compile(r"(?:dieu chinh|bo sung|thay doi|sua doi)\b")
_LEAD_ADVERBIAL = re.compile(
    r"^(?:(?:ket thuc|sau khi|sau\s+(?:le|buoi|chuong trinh|phien)|truoc khi|trong qua trinh|can cu|tren co so|"
    r"thuc hien|dong thoi|ngoai ra|"
    r"tiep theo|tren day|theo)\b[^,:;]*,\s*)+"
)
ASKING = re.compile(r"\b(?:de nghi|giao cho|giao(?!\s+(?:duc|thong))|yeu cau|kinh moi|moi|rieng)\s+")
_ADVERBS = re.compile(r"\s+(?:nghiem tuc|khan truong|kip thoi|chu dong|tich cuc|can cu)$")

_CEREMONY = re.compile(
    r"(?<!tuan )\b(le (?:khai mac|phat dong|ra quan|xuat quan|xuat phat|mit tinh|chao co|thuong co|ky niem|"
    r"khanh thanh|be mac|huong ung|tong ket|be giang|tuyen duong|khen thuong|trao|tiep nhan|vinh danh|ton vinh"
    r"|ra mat|khai truong|khai giang)|"
    # "Chương trình tôn vinh …", "dự khai trương Không gian đọc sách": a ceremony written without "Lễ"
    r"(?:chuong trinh|buoi) (?:ton vinh|tuyen duong|vinh danh|khen thuong|bieu duong)"
    r"|(?<=\bdu )khai truong|khai giang lop|"
    r"ngay hoi [^,;.()]{2,40}?ket hop (?:voi )?phat dong|phat dong tuan le|khai mac tuan le|khai mac"
    r"|(?<!bao cao )(?<!hoi nghi )(?<!hop )(?:tong ket|be mac) tuan le|(?<!le )mit tinh"
    # "c) Bế mạc, trao giải: 16 giờ 30 …" (a festival's closing), "II. RA MẮT MÔ HÌNH …" (a launch): without "Lễ"
    r"|(?<![a-z] )be mac(?=\s*[,:])|(?<!le )ra mat (?:mo hinh|cau lac bo|clb|diem)"
    r"|buoi le thu (?:nhat|hai|ba|tu|\d))\b"  # "buổi lễ thứ nhất … tại Nhà rông làng A; buổi lễ thứ hai …"
)
#: An invitation's item that names the ceremony it invites to ("2. Dự Lễ tuyên dương …") over its own "Thời gian"
#: and "Địa điểm" (folded).
_INVITED_TO = re.compile(
    r"^(?:[^.;:]{0,80}?\bkinh moi\b[^.;:]{0,40}?\s)?(?:den\s+)?(?:tham\s+)?du\s+(?=le\b|buoi le\b)"
    r"|^dieu chinh\b[^:;]{0,40}?(?=\ble\b)"  # an amended plan's "1. Điều chỉnh thời gian, địa điểm Lễ khai mạc"
    r"|^(?:tham gia|cu doan|cu dai bieu)\s+(?:du\s+)?(?=le\b|buoi le\b)"  # a delegation's "B. THAM GIA LỄ KHAI MẠC
    # CẤP TỈNH" over the fields of the ceremony it attends
)
#: What an amended plan had said ("- Nội dung đã ban hành (…): Lễ khai mạc … lúc 8 giờ …", "Nội dung cũ: …")
#: (folded, at the line's head): no event of this plan. Group ``old`` is "cũ" (old), which folds like "cử" (send: "Cử
#: ông A … dự Lễ …", a visit) and is taken only as written (:func:`_said_before`).
_SAID_BEFORE = re.compile(
    r"^(?:noi dung\s+)?(?:da ban hanh|(?P<old>cu)\b|truoc day|truoc khi dieu chinh)|^theo ke hoach cu\b"
)
#: A programme's title naming its ceremony only as "the ceremony" ("CHƯƠNG TRÌNH BUỔI LỄ" / "Hưởng ứng Tuần lễ …")
#: (folded; the document's title line only).
_PROGRAMME_TITLE = re.compile(r"^(?:chuong trinh|kich ban)(?: to chuc)? buoi le\s*$")
#: What an official's visit goes to, right after the verb ("dự Lễ …", "dự Chương trình …", "dự khai trương …")
#: (folded).
_VISITED = r"(?:le|buoi|ngay hoi|chuong trinh|hoi nghi|khai mac|phat dong|khai truong|chao co)"  # "dự chào cờ, …"
#: A ceremony's name (folded), for the modules that read one.
CEREMONY = _CEREMONY
#: Words that name a parade or a column of vehicles (folded), as data.
PARADE_WORDS = r"\b(?:dieu hanh|dien hanh|xe hoa|doan xe|ruoc|xe loa|xe tuyen truyen)\b"
_CLOSING = re.compile(r"\bbe mac|tong ket\b|be giang\b")
_DURATION = re.compile(
    r"\b(?:thoi luong|thoi gian (?:dien ra|to chuc)|keo dai|trong vong|trong thoi gian|trong)\s*(?:khoang\s*|"
    r"toi da\s*|chung\s*)?(\d{1,3})\s*(phut|gio|tieng)\b(?:\s*(\d{1,2})\s*phut)?"
)
_FLAG_TIME = re.compile(r"\bgio chao co\b|\bbuoi chao co\b|\btiet chao co\b")
#: The usual Monday flag ceremony ("giờ chào cờ") in Vietnamese schools; a convention, not a stated time.
FLAG_TIME = (time(7, 0), 30)
#: Clock times and dates as annotations where a field of the same name shadows the type.
Time = time
Date = date
#: ``dates_of(folded_text) -> list[Found]``: dates with the document's year.
DatesOf = Callable[[str], list[Found]]
_MORNING = re.compile(r"\b(?:buoi )?sang\b")
_AFTERNOON = re.compile(r"\b(?:buoi )?chieu\b")


# ---------------------------------------------------------------------------------------------- facts
@dataclass
class UnitRef:
    """A reference to administrative units as written: one named unit, or a collective ("các huyện, thị xã")."""

    text: str
    kinds: tuple[str, ...]
    """Folded kinds named ("huyen", "thi xa")."""
    name: str | None = None
    """The unit's name for a named reference ("Tân An"); None for a collective or a bare kind."""
    count: int | None = None
    """A stated number ("12 phường")."""
    collective: bool = False
    listed: tuple[str, ...] = ()
    """Names listed in brackets after a collective ("08 phường (Máy Chai, Vạn Mỹ, …)")."""

    @property
    def bare(self) -> bool:
        """A kind without a name or quantifier ("UBND phường"): the document's own unit of that kind."""
        return self.name is None and not self.collective


@dataclass
class InstitutionRef:
    """Institutions as written: "các trường học", "Hai nhà trường", "Trung tâm HTCĐ", "một trường THCS"."""

    kind: str
    text: str
    count: int | None = None
    levels: tuple[str, ...] = ()
    """School levels named ("TH", "THCS")."""
    indefinite: bool = False
    """"một …" after "chọn": a venue the host picks."""


@dataclass
class Host:
    """Who a clause is about: units, institutions, an organisation."""

    text: str = ""
    units: list[UnitRef] = field(default_factory=list)
    institutions: list[InstitutionRef] = field(default_factory=list)
    org: str | None = None
    exception: bool = False
    """"Riêng X": X is taken out of any collective of the same clause group."""

    @property
    def empty(self) -> bool:
        """No unit, institution or organisation."""
        return not self.units and not self.institutions and self.org is None

    def merged(self, outer: Host | None) -> Host:
        """This host completed by an enclosing one (a label's school levels under "Các trường học …")."""
        if outer is None or outer.empty:
            return self
        if self.empty:
            return outer
        if self.units and all(u.bare for u in self.units) and any(not u.bare for u in outer.units):
            units = [u for u in outer.units if not u.bare]
            return Host(self.text, units, self.institutions or outer.institutions, self.org, self.exception)
        if not self.units and self.institutions and outer.units:
            return Host(self.text, list(outer.units), self.institutions, self.org, self.exception)
        if (
            self.institutions
            and all(not i.count and i.kind == "school" for i in self.institutions)
            and not self.units
            and not outer.units
        ):
            levels = tuple(dict.fromkeys(lv for i in self.institutions for lv in i.levels))
            insts = [
                InstitutionRef(i.kind, i.text, i.count, levels or i.levels, i.indefinite)
                for i in outer.institutions
                if i.kind == "school"
            ] or self.institutions
            return Host(self.text, [], insts, self.org, self.exception)
        return self


@dataclass
class CeremonyEvent:
    """A ceremony clause: what, when, where, held by whom."""

    name: str
    family: str
    """"opening" (khai mạc, phát động, …) or "closing"."""
    date: Date | None
    time: Time | None = None
    end: Time | None = None
    duration: int | None = None
    place: str | None = None
    """A venue the text names ("tại Trường THCS Linh Trung")."""
    choice: str | None = None
    """A venue the host chooses ("chọn một trường trung học cơ sở")."""
    host: Host = field(default_factory=Host)
    venue_institutions: list[InstitutionRef] = field(default_factory=list)
    """Institutions of each host unit where it is held ("chỉ đạo Trung tâm HTCĐ … tổ chức")."""
    launch_group: bool = False
    notes: list[str] = field(default_factory=list)
    flag_time: bool = False
    part_of_day: str | None = None
    guests: list[str] = field(default_factory=list)
    """People invited to attend ("mời đại diện lãnh đạo các cơ quan cấp tỉnh tham dự")."""
    text: str = ""
    line: int = 0


@dataclass
class OfficialFact:
    """An official the text assigns to ceremonies ("Đ/c …, Phó Chủ tịch UBND quận dự Lễ khai mạc tại phường …")."""

    name: str
    targets: list[str]
    """Where they attend, in order (names of units or venues as written)."""
    text: str = ""
    events: list[str] = field(default_factory=list)
    """The ceremony each target is for, folded ("le khai mac"), when the text names it."""
    times: list[Time | None] = field(default_factory=list)
    """The clock time said for each target ("7h30 dự …", "… lúc 9 giờ 30"), when the text says one."""


@dataclass
class EventFacts:
    """Everything the event rules read."""

    ceremonies: list[CeremonyEvent] = field(default_factory=list)
    undated_ceremonies: list[str] = field(default_factory=list)
    officials: list[OfficialFact] = field(default_factory=list)
    activities: list[ActivityFact] = field(default_factory=list)
    slogans: list[str] = field(default_factory=list)
    publicity_end: date | None = None
    reports: list[ReportFact] = field(default_factory=list)
    issuer: str | None = None
    issuer_units: list[UnitRef] = field(default_factory=list)
    unit_mentions: list[UnitRef] = field(default_factory=list)
    """Every named unit reference of the document, in order (context for resolving names)."""
    institution_counts: dict[str, int] = field(default_factory=dict)
    """Institution kind → the number the body states ("1. Hai nhà trường" → school: 2)."""
    stance: Stance | None = None
    """Set when the document reports after the fact or calls its event off (``importer.stance``)."""


# ---------------------------------------------------------------------------------------------- references
def _count(word: str | None) -> int | None:
    if not word:
        return None
    return int(word) if word.isdigit() else NUMWORDS.get(word)


def _name_after(text: str, pos: int) -> tuple[str, int] | None:
    """The capitalised name starting after ``pos`` ("Tân An", "12", "LINH TRUNG"), and where it ends."""
    i = pos + 1 if text[pos : pos + 1] == "." else pos
    words: list[str] = []
    end = i
    while len(words) < 6:
        m = re.match(r"[ ]+(\S+)", text[i:])
        if not m:
            break
        tok = m.group(1)
        core = tok.rstrip(".,;:)”\"'")
        if not core or not (core[0].isupper() or core[0].isdigit()) or not re.fullmatch(r"[\w’'-]+", core):
            break
        words.append(core)
        end = i + m.start(1) + len(core)
        i += m.end()
        if core != tok:
            break
    return (" ".join(words), end) if words else None


#: Kinds whose folded form is also another word ("phương tiện", "xa", "quân", "tình"): written with accents, the
#: kind is only the kind as written with its own accents (folded kind → accented).
ACCENTED_KINDS = {
    "phuong": "phường",
    "xa": "xã",
    "quan": "quận",
    "huyen": "huyện",
    "tinh": "tỉnh",
    "thi xa": "thị xã",
    "thi tran": "thị trấn",
    "thanh pho": "thành phố",
}


def _other_word(text: str, low: str) -> bool:
    """Whether a kind's folded word is written as another word ("PHƯƠNG TIỆN" is no "phường")."""
    want = ACCENTED_KINDS.get(low)
    written = text.lower()
    return want is not None and written != low and written != want


def unit_refs(f: Folded) -> list[UnitRef]:
    """Every administrative-unit reference in a piece of text, in order.

    Parameters
    ----------
    f : Folded
        The text with its folded twin.

    Returns
    -------
    list of UnitRef
        Collectives ("các huyện, thị xã", "UBND 12 phường", "08 phường (A, B, …)"), named units ("thành phố
        Tân An", "Quận 12", "PHƯỜNG LINH TRUNG") and bare kinds ("UBND phường").
    """
    kind = _kind_rx()
    kinds_rx = rf"(?P<kinds>{kind}(?:\s*(?:,|va|hoac|/)\s*{kind})*)"
    out: list[tuple[int, UnitRef]] = []
    taken: list[tuple[int, int]] = []
    coll = re.compile(
        rf"(?<![a-z0-9])(?:(?P<q>tat ca cac|toan bo cac|cac|nhung)|(?P<n>{_NUM}))\s+{kinds_rx}"
        rf"(?![a-z0-9])"
    )
    for m in coll.finditer(f.low):
        n = m.group("n")
        if n and not n.isdigit() and not f.text[m.start("n")].islower():
            continue  # "Việt Nam tỉnh" is no count
        kinds = tuple(k.strip() for k in re.split(r"\s*(?:,|va|hoac|/)\s*", m.group("kinds")) if k.strip())
        first = m.start("kinds")
        if _other_word(f.text[first : first + len(kinds[0])], kinds[0]):
            continue  # "các phương tiện" are no wards
        end = m.end()
        listed: tuple[str, ...] = ()
        br = re.match(r"\s*\(([^()]{3,600})\)", f.text[end:])
        if br:
            names = [tidy(x) for x in re.split(r"[,;]|\s+và\s+", br.group(1))]
            names = [n for n in names if n and len(n) <= 40 and (n[0].isupper() or n[0].isdigit())]
            if len(names) >= 2:
                listed = tuple(names)
                end += br.end()
        if m.group("n") and _name_after(f.text, m.end()) and not listed:
            continue  # "3 Tân An" is not a count of units
        out.append((m.start(), UnitRef(tidy(f.text[m.start() : end]), kinds, None, _count(m.group("n")), True, listed)))
        taken.append((m.start(), end))
    for m in re.finditer(rf"(?<![a-z0-9])(?<!co )(?P<kind>{kind})(?![a-z0-9])", f.low):
        if any(s <= m.start() < e for s, e in taken) or _other_word(f.text[m.start() : m.end()], m.group("kind")):
            continue
        named = _name_after(f.text, m.end())
        k = m.group("kind")
        if named:
            name, end = named
            out.append((m.start(), UnitRef(tidy(f.text[m.start() : end]), (k,), name)))
            taken.append((m.start(), end))
        elif len(k) > 1 and not re.match(r"\s*(?:hoi|doi|vien|tac)\b", f.low[m.end() :]):
            out.append((m.start(), UnitRef(f.text[m.start() : m.end()], (k,))))
    return [r for _, r in sorted(out, key=lambda x: x[0])]


def institution_refs(f: Folded) -> list[InstitutionRef]:
    """Institutions named in a piece of text ("các trường TH, THCS", "Hai nhà trường", "Trung tâm HTCĐ phường")."""
    out: list[tuple[int, InstitutionRef]] = []
    taken: list[tuple[int, int]] = []
    for kind, rx in INSTITUTIONS:
        for m in re.finditer(rf"(?:(?P<q>cac|tat ca cac|(?P<n>{_NUM}))\s+)?(?P<what>{rx})", f.low):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            tail = f.low[m.end("what") : m.end("what") + 60]
            levels = []
            if kind == "school":
                lv = re.match(
                    r"\s*((?:(?:mam non|mau giao|tieu hoc|trung hoc co so|trung hoc pho thong|thcs|thpt|"
                    r"th|mn)(?![a-z])\s*(?:,|va|/)?\s*)+)",
                    tail,
                )
                scope = fold(m.group("what")) + " " + (lv.group(1) if lv else "")
                levels = [
                    lab for word, lab in _SCHOOL_LEVELS if re.search(rf"(?<![a-z]){re.escape(word)}(?![a-z])", scope)
                ]
            n = m.group("n")
            indefinite = n == "mot"
            out.append(
                (
                    m.start(),
                    InstitutionRef(
                        kind,
                        tidy(f.text[m.start() : m.end()]),
                        None if indefinite else _count(n),
                        tuple(dict.fromkeys(levels)),
                        indefinite,
                    ),
                )
            )
    return [r for _, r in sorted(out, key=lambda x: x[0])]


def school_levels(low: str) -> tuple[str, ...]:
    """School levels named in a label ("Cấp TH, THCS" → ("TH", "THCS"))."""
    return tuple(
        dict.fromkeys(lab for m in _LEVEL_RX.finditer(low) for word, lab in _SCHOOL_LEVELS if word == m.group(1))
    )


def subject_of(f: Folded) -> tuple[Folded, int]:
    """The subject of a clause (the words before its first lower-case main verb), and where the verb starts.

    Leading adverbials ("Kết thúc Tuần lễ …,", "Căn cứ …,", "Riêng") and requests ("Đề nghị", "Giao") are
    dropped; the subject of "Cấp TH, THCS: Tổ chức …" is empty (the label is read separately).
    """
    m = _LEAD_ADVERBIAL.match(f.low)
    for v in _VERB.finditer(f.low):
        word = f.text[v.start() : v.start() + 1]
        if v.start() > 0 and word.isupper():
            continue  # part of a name ("Ban Chỉ đạo")
        end = v.start()
        sub = Folded(f.text[:end], f.low[:end])
        if m and m.end() <= end:
            sub = Folded(sub.text[m.end() :], sub.low[m.end() :])
        ask = [a for a in ASKING.finditer(sub.low) if a.start() == 0 or sub.text[a.start()].islower()]
        if ask:
            sub = Folded(sub.text[ask[-1].end() :], sub.low[ask[-1].end() :])
        rem = re.match(r"(?:(?:dia phuong|don vi|co quan)\s*,\s*)+", sub.low)
        if rem:
            sub = Folded(sub.text[rem.end() :], sub.low[rem.end() :])
        lead = len(sub.text) - len(sub.text.rstrip())
        if lead:
            sub = Folded(sub.text[: len(sub.text) - lead], sub.low[: len(sub.low) - lead])
        cut = _ADVERBS.search(sub.low)
        if cut:
            sub = Folded(sub.text[: cut.start()], sub.low[: cut.start()])
        return sub, end
    return Folded("", ""), 0


def _without_locators(f: Folded, units: list[UnitRef]) -> list[UnitRef]:
    """Without a unit written in brackets right after another named one ("UBND xã A (huyện B)"): it says where
    the first lies, it holds nothing."""
    out: list[UnitRef] = []
    for u in units:
        prev = out[-1] if out else None
        if prev is not None and prev.name and u.name:
            at, after = f.text.find(u.text), f.text.find(prev.text) + len(prev.text)
            if 0 <= after <= at and re.fullmatch(r"\s*\(\s*", f.text[after:at]):
                continue
        out.append(u)
    return out


def host_of(f: Folded) -> Host:
    """The host a piece of text names: its unit references, institutions, or an organisation."""
    units = _without_locators(f, unit_refs(f))
    insts = institution_refs(f)
    text = tidy(f.text)
    org = None
    low = fold(text)
    rest = re.sub(r"^(?:rieng|doi voi|cac don vi|can cu[^,]*,)\s*", "", low)
    first = tidy(text[len(low) - len(rest) :].split(",")[0])
    first_units = unit_refs(Folded.of(first))
    own_body = re.match(r"(?:ubnd|uy ban nhan dan)\b", rest) and first_units
    if _ORG.match(rest) and not any(not u.bare for u in first_units) and not own_body:
        org = first or None
    return Host(text, units, insts, org, bool(re.match(r"\s*rieng\b", f.low)))


# ---------------------------------------------------------------------------------------------- structure
#: A bullet at a line's start ("- ", "+ ", "• "), one or several (folded or as written).
BULLET = re.compile(r"^\s*(?:" + BULLET_MARK + r"\s*)+")


@dataclass
class Line:
    """A logical line with what encloses it: the subject of the nearest heading or of a paragraph ending in ":"."""

    index: int
    f: Folded
    body: Folded
    """The line without its numbering or bullet."""
    bullet: bool
    numbered: bool
    outer: Host | None
    label: str | None
    """"Cấp TH, THCS" in "+ Cấp TH, THCS: Tổ chức …"."""
    heading: bool = False
    """A short numbered heading (its subject encloses the lines that follow)."""


def structure(lines: list[Folded]) -> list[Line]:
    """Each logical line with its enclosing subject (numbered headings, and paragraphs that end in ":")."""
    from paradeplan.importer.structure import BRACKET_NUMBER, numbering

    out: list[Line] = []
    heading: Host | None = None
    heading_depth = 0
    para: Host | None = None
    for i, f in enumerate(lines):
        bm = BULLET.match(f.low)
        nm = None if bm else numbering(f)
        bm = bm or (BRACKET_NUMBER.match(f.low) if nm is None else None)  # "(1) 7 giờ 30: Dự …": a list's item
        m = bm or nm
        body = Folded(f.text[m.end() :], f.low[m.end() :]) if m else f
        label = None
        lm = re.match(r"^([^:]{2,40}):\s*(\S.*)$", body.text)
        if lm and bm:
            label = tidy(lm.group(1))
        depth = _depth(nm.group(0)) if nm else 0
        ends = body.text.rstrip()
        if (
            nm
            and len(body.text) <= 160
            and not re.search(r"\.\s+\S", ends.rstrip("."))
            and (not ends.endswith(".") or ends.isupper())
        ):
            h = host_of(Folded(body.text.rstrip(":"), body.low.rstrip(":")))
            heading = h if not h.empty else None
            heading_depth = depth
            para = None
            out.append(Line(i, f, body, False, True, None, None, True))
            continue
        if nm and depth <= heading_depth:
            heading = None  # a numbered paragraph beside the heading, not under it
        outer = para or heading
        out.append(Line(i, f, body, bool(bm), bool(nm), outer, label))
        if not bm:
            if body.text.rstrip().endswith(":"):
                sub, _ = subject_of(body)
                h = host_of(sub) if sub.text.strip() else Host()
                para = h if not h.empty else None
            else:
                para = None
    return out


def _depth(numbering: str) -> int:
    """Nesting of a numbering: "II." 0, "3." 1, "5.2." 2, "a)" 3."""
    n = numbering.strip()
    if re.fullmatch(r"[ivxlcIVXLC]+\.|[A-HĐ]\.", n):
        return 0
    if n.endswith(")"):
        return 3
    return len([p for p in n.rstrip(".").split(".") if p])


#: A word written short before its point ("TP.", "Q.", "TX.", "ThS.", "PGS.TS.") at the end of a text.
_ABBREVIATED = re.compile(r"(?:^|[\s(.])(?:TP|TX|TT|Q|P|H|ThS|TS|TSKH|PGS|GS|BS|KS|NGƯT|NGND)$")


#: A bracket that says what it tells is not the event's ("(…, không thuộc lễ khai mạc)", "(không phải giờ lễ)")
#: (folded).
_NOT_OF_IT = re.compile(r"\([^()]*\bkhong (?:thuoc|phai)\b[^()]*\)")


def _not_of_it_blanked(low: str) -> str:
    """A folded text with its brackets that say what they tell is not the event's (:data:`_NOT_OF_IT`) blanked."""
    return _NOT_OF_IT.sub(lambda m: " " * len(m.group()), low)


def clauses(f: Folded) -> list[Folded]:
    """A line split into clauses at ";" and at ". " before a capital letter; not inside a closed bracket ("03 xe
    hoa (khối 6: 01 xe; khối 8: 01 xe)" is one clause)."""
    out: list[Folded] = []
    start = 0
    for m in _NOT_OF_IT.finditer(f.low):  # "(buổi làm việc từ 10h00, không thuộc lễ khai mạc)": said of another thing
        blank = " " * (m.end() - m.start())
        f = Folded(f.text[: m.start()] + blank + f.text[m.end() :], f.low[: m.start()] + blank + f.low[m.end() :])
    text = f.text
    inside = {i for m in re.finditer(r"\([^()]*\)", text) for i in range(m.start(), m.end())}
    for i, c in enumerate(text):
        if i in inside:
            continue
        cut = c == ";" or (c in ".!?" and i + 2 < len(text) and text[i + 1] == " " and text[i + 2].isupper())
        if cut and c == "." and _ABBREVIATED.search(text, 0, i):
            continue  # "Trường Cao đẳng Điện lực TP. Hồ Chí Minh", "ThS. Lê Văn A": an abbreviation's point
        if cut:
            out.append(Folded(text[start : i + 1], f.low[start : i + 1]))
            start = i + 1
    out.append(Folded(text[start:], f.low[start:]))
    stripped: list[Folded] = []
    for piece in out:
        lead = len(piece.text) - len(piece.text.lstrip())
        if piece.text.strip():
            stripped.append(Folded(piece.text[lead:], piece.low[lead:]))
    return stripped


# ---------------------------------------------------------------------------------------------- rules
#: A tear-off slip below a letter: its cut line ("- - - ✂ (cắt theo đường này) - - -") or its title ("PHIẾU XÁC
#: NHẬN THAM DỰ") (folded).
_CUT_LINE = re.compile(r"✂|\bcat theo (?:duong|dong) (?:nay|ke|cham)\b")
_SLIP_TITLE = re.compile(r"^\s*phieu (?:xac nhan|dang ky|tra loi)(?: tham du| du)?\s*$")


def body_end(lines: list[Folded]) -> int:
    """Index of the first line after the document's body ("Nơi nhận:", the signature and annexes follow; or a
    tear-off slip, whose boxes repeat the events and ask to be filled in)."""
    for i, f in enumerate(lines):
        if re.match(r"^\s*noi nhan\b", f.low) or _CUT_LINE.search(f.low):
            return i
        if i > len(lines) // 3 and _SLIP_TITLE.match(f.low):
            return i
    return len(lines)


def body_lines(lines: list[Folded]) -> list[Folded]:
    """The document's body: its lines up to "Nơi nhận:", and its annexes after the signature ("PHỤ LỤC I" / "Lễ khai
    mạc …"), the signature block between them blank (each line keeps its index)."""
    from paradeplan.importer.structure import ANNEX

    end = body_end(lines)
    annex = next((k for k in range(end, len(lines)) if ANNEX.match(lines[k].low)), len(lines))
    # a running title above the national motto ("UBND PHƯỜNG A – KH TỔ CHỨC LỄ HƯỞNG ỨNG …"): the page's header
    motto = next((k for k, f in enumerate(lines[:8]) if _MOTTO.match(f.low)), 0)
    start = motto - 1 if motto > 1 and _ISSUER_LINE.match(lines[motto - 1].low) else motto
    return [Folded("", "")] * start + lines[start:end] + [Folded("", "")] * (annex - end) + lines[annex:]


#: The national motto of the Decree 30 header and the issuing body's first line beside it (folded).
_MOTTO = re.compile(r"^(?:cong hoa xa hoi chu nghia viet nam|doc lap\s*-\s*tu do)")
_ISSUER_LINE = re.compile(r"^(?:uy ban nhan dan|ubnd|cong an|van phong|phong|truong|hoi|ban|so|doan)\b")


def _duration(low: str) -> int | None:
    m = _DURATION.search(low)
    if not m:
        return None
    n = int(m.group(1))
    minutes = n * 60 + int(m.group(3) or 0) if m.group(2) in ("gio", "tieng") else n
    return minutes if 5 <= minutes <= 12 * 60 else None


#: Words before a time that is the guests' or participants' gathering, not the ceremony's start; and words before
#: the start itself (folded, the text right before the time).
_GATHER_WORDS = r"\b(?:tap trung|tap ket|co mat|don tiep|on dinh)\b"
_GATHER_BEFORE = re.compile(_GATHER_WORDS + r"[^;.]*$")
#: A bracket that tells when guests gather ("(đại biểu có mặt trước 8g15)", "(tập trung lúc 6 giờ 45)"), folded.
_GATHER_SAID = re.compile(r"\([^()]*" + _GATHER_WORDS + r"[^()]*\)")
_BEGINS_BEFORE = re.compile(r"\b(?:bat dau|khai mac|chinh thuc|dien ra)\b[^;.]*$")


def _span(low: str) -> tuple[time | None, time | None]:
    """A start time, and an end time when written as a span ("từ 7 giờ 30 đến 9 giờ")."""
    times = find_times(low)
    if not times:
        return None, None
    start = times[0]
    if len(times) > 1 and _GATHER_BEFORE.search(low[max(0, start.start - 30) : start.start]):
        begins = next((t for t in times[1:] if _BEGINS_BEFORE.search(low[max(0, t.start - 30) : t.start])), None)
        if begins is not None:  # "tập trung lúc 6 giờ 45; buổi lễ bắt đầu đúng 7 giờ": the ceremony's start
            return begins.as_time, None
    if len(times) > 1:
        between = low[start.end : times[1].start]
        if re.fullmatch(r"\s*(?:-|–|den|toi)\s*", between):
            return start.as_time, times[1].as_time
        if re.fullmatch(r"\s*(?:sang|thanh|xuong con|len)\s*", between) and _MOVED_FROM.search(low, 0, start.start):
            return times[1].as_time, None  # "chuyển từ 15 giờ 00 sang 14 giờ 00": the new time
    return start.as_time, None


#: A time changed from one to another, up to the old one ("chuyển từ …", "lùi giờ từ …", "điều chỉnh từ …") (folded).
_MOVED_FROM = re.compile(r"\b(?:chuyen|doi|lui|dieu chinh|thay doi|day)(?:\s+gio)?(?:\s+\w+){0,2}\s+tu\s*$")


#: What "tại" names when it names an area, not a venue ("tại khu vực phía Đông", "tại địa bàn các xã"), folded.
AREA = re.compile(
    r"^(?:khu vuc|dia ban|vung|toan (?:tinh|thanh pho|quan|huyen)|phia (?:dong|tay|nam|bac)"
    r"|cum (?:truong|xa|phuong|thon|ban|lang|to dan pho|khu pho))\b"  # "tại cụm trường vùng …": a group of units
)


#: A ceremony's time and venue in brackets after its name ("Lễ khai mạc (7h30, Nhà văn hóa ấp A)"), folded.
_TIME_VENUE_BRACKET = re.compile(
    r"(?:\s+tuan le\b[^(),;]{0,60}?)?\s*\(\s*\d{1,2}\s?(?:gio|h|g|:)\s?\d{0,2}(?:\s?phut)?\s*[,;-]\s*([^()]{3,120})\)"
)


def _venue_in_brackets(c: Folded, end: int) -> str | None:
    """The venue written with the time in brackets right after the ceremony's name (see :data:`_TIME_VENUE_BRACKET`),
    or last in them after "tại" ("Lễ khai mạc … (Thứ Hai, ngày 03/10/2022 – lúc 07:00 – tại sân trường)")."""
    m = _TIME_VENUE_BRACKET.match(c.low, end) or _BRACKET_ENDS_AT.match(c.low, end)
    if m is None or find_times(m.group(1)) or find_dates(m.group(1), 2000):
        return None
    if _TOLD_AT.search(c.low, m.start(), m.start(1)):  # "(chi tiết tại bảng phân công)": where the document tells it
        return None
    return tidy(c.text[m.start(1) : m.end(1)]) or None


#: Where the document tells more, said before "tại" ("chi tiết tại bảng phân công", "xem tại Phụ lục", "nêu tại mục
#: 3"): a part of the document, no venue (folded).
_TOLD_AT = re.compile(r"\b(?:chi tiet|xem|neu|quy dinh|the hien)\s+tai\s")
#: A bracket after a ceremony's name that ends with where it is held ("(…, lúc 07:00 – tại sân trường)") (folded).
_BRACKET_ENDS_AT = re.compile(r"(?:\s+tuan le\b[^(),;]{0,80}?)?\s*\([^()]*?\btai\s+([^()]{3,80})\)")


_AT_AREA = re.compile(r"\btai\s+(?:khu vuc|dia ban|vung|phia (?:dong|tay|nam|bac))\b")


#: A comma after a venue's name followed by no part of an address: the venue ends there ("tại Nhà văn hóa xã A,
#: tặng sách cho …", "tại xã A, tổ chức tại Trường B"), while ", phường B, thành phố C", ", số 35 phố D", ", tổ 5" go
#: on (folded).
_ADDRESS_PART = (
    r"\s*(?:phuong|xa|thi tran|quan|huyen|thi xa|thanh pho|tinh|dac khu|so|duong|pho|ap|khu pho|to dan pho|"
    r"thon|ban|to(?! chuc)|khom|ngo|hem|kiet|ngach|thi|tp|p|q|h|tx|tt)\b|\s*\d"
)
#: A comma that ends a venue's name: no part of an address, nor a campus of it (", cơ sở An Hải Bắc", ", phân hiệu 2",
#: ", điểm trường B") after it (folded).
_NOT_ADDRESS = r",(?!" + _ADDRESS_PART + r"|\s*(?:co so|phan hieu|diem truong)\b)"


def venue_after_tai(c: Folded, start: int) -> str | None:
    """The named venue after "tại" (:func:`_venue_after_tai`), for the modules that read one."""
    return _venue_after_tai(c, start)


#: A part of the day after a venue's name ("… tại Nhà văn hóa A sáng thứ Hai"): where the venue ends (folded).
_PART_OF_DAY = r"\s(?:sang|chieu|toi)\b"


def _said_in_a_name(c: Folded, at: int, rx: str) -> bool:
    """A part-of-day word that is a capitalised word of a name ("Trường Tiểu học Phạm Văn Chiêu": "Chiêu" folds
    like "chiều"), not the time of day that ends a venue."""
    return rx == _PART_OF_DAY and c.text[at + 1 : at + 2].isupper()


def _venue_after_tai(c: Folded, start: int) -> str | None:
    """The named venue after "tại" (up to a time, date, bracket or the end of the clause)."""
    masked = re.sub(r"\([^()]*\)?", lambda mm: " " * len(mm.group(0)), c.low)
    tat = next(
        (
            t
            # not "tại Phụ lục 1", "tại Mục II": where the document tells more, no venue
            for t in re.finditer(
                r"\btai\s+(?!dia phuong|co so\b|don vi\b|cac\b|phu luc\b|muc\s+[ivx\d])", masked[start:]
            )
            if c.text[start + t.start() : start + t.start() + 3].lower() in ("tại", "tai")  # not "tái mù chữ"
        ),
        None,
    )
    if not tat:
        return None
    s = start + tat.end()
    end = len(c.low)
    for rx in (
        r"\s(?:vao\s+)?luc\s*\d|\svao\s+luc\b",  # "lúc 7 giờ", not "Điện lực"
        r"\svao\s+(?:ngay|hoi|\d|gio|buoi|sang|chieu)",
        r"[;(]",
        r"(?<!\btp)(?<!\btx)(?<!\btt)(?<!\bq)(?<!\bp)(?<!\bh)\.\s",  # a sentence's end, not "TP. Hồ Chí Minh"
        r"\.$",
        r"\s(?:de|voi|nham|co su|theo|co moi|trong vong|thoi luong)\s",
        r"\s(?:duoc\s+)?(?:chuyen|doi|lui|hoan|day)\s+(?:sang|den|toi|qua|vao|tu)\s",  # "tại phường A dời sang …"
        r",\s*(?:sau do|voi|co|thoi luong|trong vong|trong thoi gian|keo dai|dong loat|ket hop|long ghep)\b",
        _PART_OF_DAY,
        r"\s—\s|\s–\s(?!(?:xa hoi|the thao|thong tin|du lich|dao tao|truyen thong|ky thuat|tin hoc)\b)",  # not a name's
        r":",
        _NOT_ADDRESS,
    ):
        m = next((x for x in re.finditer(rx, c.low[s:]) if not _said_in_a_name(c, s + x.start(), rx)), None)
        if m:
            end = min(end, s + m.start())
    for found in (*find_times(c.low[s:end]), *find_dates(c.low[s:end], 2000)):
        end = min(end, s + found.start)
    for va in re.finditer(r"\sva\s+", c.low[s:end]):
        if not _and_in_name(c, s + va.end()):
            end = s + va.start()
            break
    name = tidy(re.sub(r",?\s*(?:vao|luc|ngay)$", "", tidy(c.text[s:end]), flags=re.I))
    building = _building_of_room(name, Folded(c.text[end:], c.low[end:]))
    if building is not None:
        return building
    beside = re.match(
        r"[Kk]hu vực\s+(?:(?:sân|cổng|khuôn viên)\s+)?(?:(?:phía\s+)?(?:trước|gần|cạnh|quanh|bên)\s+)?"
        r"(?=[" + CAPITAL_LETTERS + r"])",
        name,
    )
    if beside is not None:  # "tại khu vực trước Chợ A", "… sân Chợ B", "… sân trước Chợ C": the place it names
        name = name[beside.end() :]
    elif AREA.match(fold(name)):  # "tại khu vực phía Đông của tỉnh": an area, the venue is told elsewhere
        return _venue_after_tai(c, s)
    if re.fullmatch(r"(?:phuong|xa|thi tran|quan|huyen|thi xa|thanh pho|tinh|dac khu)\s+\S.{0,40}", fold(name)):
        later = _venue_after_tai(c, s) or _venue_after_unit(c, end)  # "Lễ khai mạc tại phường A lúc …, tại Trường
        if later is not None:  # B", "tại xã A, địa điểm Trường B", "tại xã A (Trường B)": the venue is B
            return later
    if _unnamed_part(name) and not re.match(r"san\s+(?!khau\b)", fold(name)):  # not "sân trường": the school's
        return name  # "tại sân khấu chính": a part of the venue told elsewhere (:func:`_whole_venue`), kept whole
    name = _without_position(name)  # "tại sân Trường A": the school
    if re.match(r"(?:hội trường|phòng họp)\s+[A-ZĐ]", name):
        name = capitalize(name)  # "tại hội trường Trường A": the school's hall
    if _GENERIC_VENUE.fullmatch(fold(name)):
        return None  # "Lễ phát động tại điểm dừng chân": the place told elsewhere
    return name if 2 <= len(name) <= 160 else None


#: What names the venue right after the unit a ceremony is held in (", địa điểm Trường B", ", tổ chức tại Nhà văn
#: hóa B", "(Trường B)", "(tại Trường B)") (folded): the venue starts at its end.
_UNIT_THEN_VENUE = re.compile(r"\s*(?:[,;]\s*(?:dia diem|noi to chuc|to chuc tai|cu the)\s*:?\s*|\(\s*(?:tai\s+)?)")
#: Where such a venue's name ends (folded): a bracket, a clause's or sentence's end.
_UNIT_VENUE_END = re.compile(r"[()\[\];,]|\.(?:\s|$)")


def _venue_after_unit(c: Folded, at: int) -> str | None:
    """The named place of a known kind (a school, a centre, a hall) said right after the unit a ceremony is held in
    (:data:`_UNIT_THEN_VENUE`), or None."""
    m = _UNIT_THEN_VENUE.match(c.low, at)
    if m is None:
        return None
    stop = _UNIT_VENUE_END.search(c.low, m.end())
    name = tidy(c.text[m.end() : stop.start() if stop else len(c.text)])
    low = fold(name)
    known = any(re.match(rx, low) for _k, rx in INSTITUTIONS) or re.match(_KNOWN_PLACE_HEAD, low) is not None
    placed = known or _PLACE_HEAD.match(low) is not None
    return name if placed and name[:1].isupper() and 4 <= len(name) <= 120 else None


#: A venue named by its role alone, no name of its own ("điểm dừng chân", "địa điểm trên", "nơi tập kết") (folded).
_GENERIC_VENUE = re.compile(
    r"(?:mot|hai|ba|\d{1,2})\s+(?:dia\s+)?diem(?:\s+cau)?(?:\s+(?:chung|duy nhat))?"  # "tập trung tại một điểm"
    r"|(?:diem|dia diem|noi|vi tri)\s+(?:dung chan|dung|tap ket|tap trung|ket thuc|giai tan|xuat phat|tren|nay|do"
    r"|cuoi|dau|den|cuoi cung|cuoi lo trinh)(?:\s+(?:cua doan|cua lo trinh|nay|tren|do))?"
)


def _venue_in_when(w: Folded) -> str | None:
    """A venue written in a ceremony's "Thời gian" field after its time ("Thời gian: 7h15, sân Trường THCS A"):
    the part after a comma that names an institution or a place of a known kind, capitalised."""
    for part in re.split(r",\s*", w.text)[1:]:
        name = _without_position(tidy(part))
        low = fold(name)
        if find_times(low) or re.search(r"\d{1,2}\s*/\s*\d{1,2}|\bngay\b|\bthu\s", low) or _holds_said(low):
            continue
        if re.search(r"[" + CAPITAL_LETTERS + r"]", name[1:]) and (
            any(re.match(rx, low) for _k, rx in INSTITUTIONS) or re.match(_KNOWN_PLACE_HEAD, low)
        ):
            return name
    return None


def _holds_said(low: str) -> bool:
    """Whether a part of a "Thời gian" field is a sentence that tells who holds what ("nhà trường tổ chức Lễ phát
    động vào tiết chào cờ đầu tuần"): a subject and its verb, no venue's name (folded)."""
    return re.search(r"\b(?:to chuc|dien ra|dang cai)\b", low) is not None


#: How a place of a known kind starts (folded): an office, a hall, a park, a square, a house of culture.
_KNOWN_PLACE_HEAD = (
    r"(?:ubnd|uy ban|hoi truong|tru so|cong vien|quang truong|san van dong|nha thi dau|thu vien|chua|dinh)\b"
)


def _and_in_name(c: Folded, at: int) -> bool:
    """Whether "và" before ``at`` joins two words of one name ("Trung tâm Văn hóa - Thông tin và Thể thao huyện A",
    "Phòng Giáo dục và Đào tạo"): the word after it is capitalised and names no place of its own ("và Trường B",
    "và tổ chức …" end the venue)."""
    word = c.text[at : at + 1]
    return word.isupper() and not _PLACE_HEAD.match(c.low, at) and not AREA.match(c.low[at:])


def _choice(c: Folded) -> str | None:
    masked = re.sub(r"\([^()]*\)?", lambda mm: " " * len(mm.group(0)), c.low)
    ch = re.search(r"\b(?:chon|lua chon|bo tri)\s+(mot|01|1)\s+(.{3,120}?)\s*,?\s+(?:de\s+)?to chuc\b", masked)
    if not ch:
        return None
    return tidy(c.text[ch.start(2) : ch.end(2)])


#: A group sent to a ceremony, then the persons it is made of ("lãnh đạo phường tham dự Lễ khai mạc … tại X, gồm:
#: ông A – Chủ tịch UBND phường và bà B – …", "Đoàn dự Lễ phát động …, gồm có đồng chí C, …") (folded): the list.
_SENT_LISTED = re.compile(
    r"\b(?:tham du|du)\s+(?:le|buoi le)\b(?:[^.;:]|(?<=\d)[.:](?=\d)){0,200}?,?\s+gom(?:\s+co)?"
    r"(?:\s+cac\s+(?:dong chi|ong,?\s*ba))?\s*:?\s+"
    r"(.{3,300}?)(?=\.\s|\.$|$)"
)


def _guests(c: Folded) -> tuple[list[str], list[str]]:
    """People invited to attend (``mời X tham dự``) and who takes part (``với sự tham gia của X``, a note)."""
    invited = []
    masked = re.sub(r"\([^()]*\)?", lambda mm: " " * len(mm.group(0)), c.low)
    # (not a letter's "Giấy mời của Sở …, lãnh đạo phường tham dự": the invitation, no one invited by name)
    for m in re.finditer(
        r"\b(?:kinh moi|(?<!giay )moi)\s+(?!tham\b|du\b)(.{3,120}?)\s+(?:den\s+)?(?:tham du|du)\b", masked
    ):
        # "kính mời bà A và đồng chí B tham dự": A and B (an invitation's blank "kính mời Ông (Bà) đến dự": none)
        invited += [
            capitalize(tidy(one.text))
            for one in _each_guest(c, m.start(1), m.end(1))
            if not re.fullmatch(
                r"\W*(?:" + HONORIFIC_FOLDED + r")?\W*(?:\(\s*" + HONORIFIC_FOLDED + r"\s*\))?\W*", one.low
            )
        ]
    for m in re.finditer(
        r"\b(?:voi|co) su (?:tham du|co mat|hien dien|du)\s+cua\s+(.{3,300}?)(?=[;(]|\.\s|\.$|$)", masked
    ):
        span = c.text[m.start(1) : m.end(1)]  # "với sự tham dự của đồng chí A, Phó Chủ tịch UBND huyện và …"
        for p in _NAMED_PERSON.finditer(span):
            invited.append(capitalize(tidy(p.group(0)).rstrip(" ,")))
    for m in _SENT_LISTED.finditer(masked):  # "lãnh đạo phường tham dự Lễ khai mạc …, gồm: ông A – …  và bà B – …"
        for p in _NAMED_PERSON.finditer(c.text[m.start(1) : m.end(1)]):
            invited.append(capitalize(tidy(p.group(0)).rstrip(" ,")))
    parts = []
    for m in re.finditer(r"\b(?:voi|co) su tham gia cua\s+(.{3,200}?)(?=\s+va\s+moi\b|[;(]|\.\s|\.$|$)", masked):
        parts.append(tidy(c.text[m.start(1) : m.end(1)]))
    return invited, parts


#: How a person is addressed before their name, folded ("đồng chí", "đ/c", "ông", "bà", "ông/bà", a police or army
#: rank "thiếu tá", "đại úy"): one definition for every reader of folded text.
HONORIFIC_FOLDED = (
    r"(?:dong chi|d\s*/?\s*c|ong/ba|ong|ba|(?:thieu|trung|thuong|dai)\s+(?:ta|uy)"
    r"|(?:p?gs\.\s?)?(?:tskh|ts|ths)\.|p?gs\.(?:\s?(?:tskh|ts))?|pgs\.?ts\.?)"  # "PGS.TS", "TS.", "ThS."
)
#: How a person is addressed before their name, as written: "Đồng chí", "Đ/c", "Ông", "Bà", a school's "Thầy",
#: "Cô", a message's "anh", "chị", a police or army rank ("Thiếu tá", "Đại úy"), or an academic title ("PGS.TS",
#: "TS.", "ThS.", "GS.", "NGƯT").
_HONORIFIC = (
    r"(?:[Đđ]ồng chí|[Đđ]/[Cc]|[Ôô]ng|[Bb]à|[Tt]hầy|[Cc]ô|[Aa]nh|[Cc]hị"
    r"|(?:[Tt]hiếu|[Tt]rung|[Tt]hượng|[Đđ]ại)\s+(?:tá|úy|uý)"
    r"|(?:P?GS\.\s?)?(?:TSKH|TS|ThS)\.?|P?GS\.?|NG[ƯU]T\.?|NGND\.?)"
)
_WORD = r"[" + CAPITAL_LETTERS + r"][^\s,;:.()]*"
#: A name of one word, as some peoples of the Central Highlands write theirs ("K'Brơi", "H'Hen Niê" is two).
ONE_WORD_NAME = r"[A-ZĐ]'[" + CAPITAL_LETTERS + r"][^\W\d_]+(?![\w'])"
#: A person as offices write one: a mark, then two to five capitalised words ("Đ/c Lê Văn Hùng", "Bà Néang Sa
#: Rươne"); matched on the original text, the name in group 1.
#: A title's first words, as written, that end a name written right before it with no comma ("Đồng chí Trương Minh
#: Nhựt Bí thư Đảng ủy phường", a table's cells joined): no word of the name.
_TITLE_AFTER = (
    r"(?!(?:Phó\s+)?(?:Bí thư|Chủ tịch|Giám đốc|Hiệu trưởng|Trưởng (?:phòng|ban|Phòng|Ban|khoa|Khoa)|Chánh Văn phòng)"
    r"(?!\w))"
    r"(?!(?:P?CT|PBT|PGĐ|GĐ|UBND|HĐND|BT|TP|PTP)(?!\w))"  # (its short form: "… Mai Phương PCT UBND phường")
)
PERSON = re.compile(
    r"(?:(?<=\W)|^)"
    + _HONORIFIC
    + r"\s+("
    + _WORD
    + r"(?:\s+"
    + _TITLE_AFTER
    + _WORD
    + r"){1,4}|"
    + ONE_WORD_NAME
    + ")"
)
#: A message's "anh"/"chị" written short with a point before a full name ("A. Đinh Quang Vinh (Bí thư)", "c. Lý Thị
#: Hồng dự thay"), as written, the name in group 1 (kept only when it starts with a family name: "A. LỄ KHAI MẠC"
#: is a part's letter, and "A Thuân" without a point a name of its own).
_SHORT_HONORIFIC = re.compile(r"(?:(?<=[^\w.])|^)[AaCc]\.\s*(" + _WORD + r"(?:\s+" + _TITLE_AFTER + _WORD + r"){1,4})")
#: An honorific and a title in lower case after its first word ("Đ/c Chủ tịch Phan Thị Thanh Huyền"), the title
#: and what follows in group 1 (:func:`persons` finds the name in it).
_PERSON_TITLE_FIRST = re.compile(
    r"(?:(?<=\W)|^)"
    + _HONORIFIC
    + r"\s+((?:Phó\s+)?(?:Chủ tịch|Bí thư|Giám đốc|Hiệu trưởng|Chánh)\s+\S"
    + r"(?:(?!\s(?:và|cùng)\s+"  # up to the next person joined to this one ("… A cùng đồng chí Chủ tịch … B")
    + _HONORIFIC
    + r"\s)[^,;:.()]){0,80})"
)
#: A title written first after the honorific ("đồng chí Phó Bí thư Thường trực Đảng ủy phường Đinh Thị Lan"), as
#: written: the marks tell "Trưởng" (a head) from "Trương" (a family name).
_TITLE_FIRST = re.compile(
    r"(?:Phó\s+)?(?:Chủ tịch|Bí thư|Giám đốc|Trưởng|Hiệu trưởng|Chánh|Tổng|Thứ trưởng|Bộ trưởng|Chỉ huy|Phó)\b",
    re.I,
)


#: A plural honorific before the list of persons it names ("gồm các đồng chí: A, …; B, …", "các ông, bà: …").
_PLURAL_HONORIFIC = re.compile(
    r"(?:(?<=\W)|^)(?:các|những)\s+(?:đồng chí|đ/c|ông,?\s*bà|ông|bà)\s*(?:gồm\s*)?:?\s+", re.I
)
#: A listed person: a name of two to five capitalised words from a family name on, at an item's start.
_LISTED_NAME = re.compile(_WORD + r"(?:\s+" + _WORD + r"){1,4}")


def _listed_persons(text: str) -> list[tuple[str, int, int]]:
    """The persons a plural honorific lists in its sentence ("Cụm 1 – gồm các đồng chí: Phạm Thị A, Phó Chủ tịch
    UBND quận; Đinh Văn B, Trưởng phòng …"): each item that starts with a family name (not with a title)."""
    out: list[tuple[str, int, int]] = []
    for h in _PLURAL_HONORIFIC.finditer(text):
        end = _LISTED_END.search(text, h.end())
        stop = end.start() if end else len(text)
        at = h.end()
        part = text[at:stop]
        sep = re.compile(r";" if ";" in part else r",|\s+và\s+")  # "A, title; B, title" or "A, B và C"
        bounds = [0, *(x for m in sep.finditer(part) for x in (m.start(), m.end())), len(part)]
        for a, b in zip(bounds[::2], bounds[1::2], strict=True):
            item = part[a:b]
            lead = len(item) - len(item.lstrip(" ,"))
            m = _LISTED_NAME.match(item, lead)
            if m is None or _TITLE_FIRST.match(m.group(0)) or fold(m.group(0).split()[0]) not in FAMILY_NAMES:
                continue
            name = re.split(r"\s*[,(–-]", m.group(0))[0]
            if len(name.split()) >= 2:
                out.append((name, at + a + lead, at + a + lead + len(name)))
    return out


#: Where a sentence that lists persons ends: a full stop before a capital or the end.
_LISTED_END = re.compile(r"\.(?:\s+(?=[" + CAPITAL_LETTERS + r"])|\s*$)")


def _a_full_name(m: re.Match[str]) -> bool:
    """Whether a short "A."/"C." is a message's honorific: a family name follows, not a heading in capitals."""
    return fold(m.group(1).split()[0]) in FAMILY_NAMES and not m.group(1).isupper()


def short_honorific(text: str) -> bool:
    """Whether a text starts with a person named after a message's short "A."/"C." ("A. Đinh Quang Vinh (…):")."""
    m = _SHORT_HONORIFIC.match(text.lstrip())
    return m is not None and _a_full_name(m)


#: A message's short name for a person, then the person in full in brackets ("A Hùng (đ/c Lê Văn Hùng – CT UBND TP)",
#: "C Mai (đ/c Nguyễn Thị Mai – PCT)"), as written: group 1 the bracket's text.
_CALLED_IN_FULL = re.compile(r"^[^()]{1,30}?\(\s*(" + _HONORIFIC + r"\s+[^()]{3,120}?)\s*\)\s*$")


def as_named(text: str) -> str:
    """A person's text as a message names them in full: without a short "A."/"C." before the name ("C. Mai Thị Kim
    Loan (CT UBND)" → "Mai Thị Kim Loan (CT UBND)"), or the bracket after their short name ("A Hùng (đ/c Lê Văn
    Hùng – CT UBND TP)" → "đ/c Lê Văn Hùng – CT UBND TP"); any other text as it is."""
    text = text.lstrip()
    full = _CALLED_IN_FULL.match(text)
    if full is not None and len(persons(full.group(1))) == 1:
        return full.group(1)
    return re.sub(r"^[AaCc]\.\s*", "", text) if short_honorific(text) else text


def persons(text: str) -> list[tuple[str, int, int]]:
    """The persons a text names with an honorific, in order (name, start, end): the name after the honorific, or,
    when a title comes first, the name after the title ("đồng chí Phó Bí thư Thường trực Đảng ủy phường Đinh Thị
    Lan dự …" → Đinh Thị Lan), and each person a plural honorific lists ("gồm các đồng chí: A, …; B, …"); a title
    with no name after it names no one here."""
    out: list[tuple[str, int, int]] = []
    found = {m.start(): m for m in PERSON.finditer(text)}
    for m in _PERSON_TITLE_FIRST.finditer(text):  # "Đ/c Chủ tịch Phan Thị Thanh Huyền": "tịch" is not capitalised
        found.setdefault(m.start(), m)
    for m in _SHORT_HONORIFIC.finditer(text):  # a message's "C. Mai Thị Kim Loan (CT UBND)"
        if _a_full_name(m):
            found.setdefault(m.start(), m)
    for _at, m in sorted(found.items()):
        if not _TITLE_FIRST.match(m.group(1)):
            out.append((tidy(m.group(1)), m.start(), m.end()))
            continue
        phrase = re.split(r"[,;:.()–]|\s-\s", text[m.start(1) : m.start(1) + 140])[0]
        words = phrase.split()
        for k in range(1, len(words) - 1):
            tail = list(itertools.takewhile(lambda w: w[:1].isupper(), words[k:]))
            if (
                fold(words[k]) in FAMILY_NAMES
                and 2 <= len(tail) <= 4
                and named_person(" ".join(words[: k + len(tail)]))
            ):
                end = m.start(1) + len(" ".join(words[: k + len(tail)]))
                out.append((" ".join(tail), m.start(), end))
                break
    seen = {start for _n, start, _e in out}
    listed = [p for p in _listed_persons(text) if not any(s <= p[1] < e for _n, s, e in out) and p[1] not in seen]
    return sorted(out + listed, key=lambda p: p[1])


#: What says a person sends someone in their place ("cử một chuyên viên dự thay", "cử đại diện Ban Tuyên giáo dự",
#: "ủy quyền cho ông B dự"), as written.
SENDS_OTHER = re.compile(
    r"(?<!\w)(?:cử|ủy quyền|uỷ quyền)(?!\w)[^.]{0,80}?(?<!\w)(?:dự thay|đi thay|tham dự thay|thay mặt|dự)(?!\w)"
    r"|(?<!\w)cử đại diện(?!\w)",
    re.I,
)
#: What says the person named next goes in one's place ("…, ủy quyền đồng chí B", "…, cử ông C") (folded, right
#: before the next person).
SENDS_NEXT = re.compile(r"\b(?:cu|uy quyen|giao)(?:\s+cho)?\s*$")
#: What a person does at the ceremony their paragraph gives, said after their name and title ("…, Chủ tịch UBND xã
#: chủ trì", "… đọc diễn văn khai mạc") (folded).
_ROLE_AT = re.compile(
    r"\b(?:(?:dong\s+)?chu tri|doc (?:dien van|bao cao|dien van khai mac|loi phat dong|loi keu goi)|phat bieu"
    r"|(?<!khong )tham du|danh trong(?:\s+khai mac)?"
    r"|(?<!khong )(?<!khong tham )du(?!\s+kien)|trao"  # not "không dự buổi này"
    r"|bao cao (?:ket qua|tham luan|tong ket|phuong an|ke hoach|de dan)|tham luan|phat thuong"
    r"|(?:dan|dieu hanh|dan dat) chuong trinh|chi huy|(?<!le )phat dong"
    r"|lam truong doan)\b"  # "Phường cử đoàn 07 người do đ/c A – Phó Chủ tịch UBND phường làm trưởng đoàn": A goes
)
#: A sentence that lists who attends ("Dự buổi lễ có đồng chí A, …", "Dự Lễ khai mạc có …", "Tham dự gồm …") (folded,
#: before the persons).
_ATTENDED_BY = re.compile(
    r"\b(?:tham du|du)(?:\s+(?:buoi le|le|chuong trinh)(?:\s+(?!co\b|gom\b)\w+){0,3})?\s+(?:co|gom)\b"
    r"|\b(?:co|voi) su (?:tham du|co mat|hien dien|du|chung kien)\s+cua\b"  # "Buổi lễ có sự tham dự của đồng chí A"
    r"|\b(?:lanh dao|dai bieu)(?:\s+\w+){0,2}\s+(?:tham\s+)?du\s*:"  # "Lãnh đạo phường dự: ông A - Chủ tịch …"
    r"|\bve phia\s[^,;:.]{1,40}?\s(?:co|gom)\b"  # "Về phía tỉnh có bà A - Phó Chủ tịch UBND tỉnh; ông B - …"
    r"|\b(?:cung di|di cung|cung du|thap tung|moi them)(?:\s+(?:co|gom))?\s*:?"  # "… tại X. Cùng đi: đồng chí C"
)


#: A visit's ceremony named right after the verb ("dự Lễ khai mạc", "tham dự buổi lễ ra mắt") (folded).
_NAMED_VISIT = re.compile(r"\s+(?:le|buoi le)\s+\w")


#: What a person does said before their name ("diễn văn khai mạc của đồng chí A", "phát biểu của đồng chí B",
#: "do đồng chí C chủ trì" is :data:`_ROLE_AT`) (folded, right before the honorific).
_ROLE_BEFORE = re.compile(
    r"\b(?:phat bieu(?:\s+\w+){0,3}|dien van(?:\s+\w+){0,3}|bao cao(?:\s+\w+){0,3}|chu tri)\s+cua\s+$"
)


def paragraph_guests(body: Folded) -> list[str]:
    """The persons a ceremony's own paragraph says take part: each one whose words up to the next person say what
    they do there ("do đồng chí A, Chủ tịch UBND xã chủ trì", "đồng chí B, … đọc diễn văn khai mạc"), and those a
    sentence lists as attending ("Dự buổi lễ có đồng chí C, …"); "Đồng chí A, title" each."""
    found = persons(body.text) + _titled_persons(body.text)
    found += [  # "…; đ/c Lan dự": a person the document named in full before, by their given name (see full_names)
        (m.group(1), m.start(1), m.end(1))
        for m in _GIVEN_NAME_ATTENDS.finditer(body.text)
        if not any(s <= m.start(1) < e for _n, s, e in found)
    ]
    found.sort(key=lambda p: p[1])
    out = []
    joined = False  # "kính mời bà A và đồng chí B tham dự": A does what B does
    for k, (_name, start, stop0) in enumerate(found):
        stop = found[k + 1][1] if k + 1 < len(found) else len(body.text)
        sentence = max(body.low.rfind(". ", 0, start), 0)
        end = re.compile(r"[;.](?:\s|$)").search(body.low, stop0, stop)
        said = body.low[stop0 : end.start() if end else stop]
        if SENDS_NEXT.search(said):  # "A: dự họp …, ủy quyền đồng chí B dự thay tại Lễ …": B goes, not A
            joined = False
            continue
        role = _ROLE_AT.search(said)
        if role is not None and role.group(0) in ("du", "tham du") and _NAMED_VISIT.match(said, role.end()):
            joined = False  # "Đồng chí C chỉ dự Lễ khai mạc (…)": the ceremony they go to is named; the readers of
            continue  # visits send them there, not to this paragraph's
        # "bà A và đồng chí B tham dự", "đồng chí A – Phó Chủ tịch UBND quận và đồng chí B – … dự"
        if role is None and k + 1 < len(found) and re.fullmatch(r"[\s,]*|.*[\s,](?:va|cung)\s*", said):
            nxt = found[k + 1]
            later = body.low[nxt[2] : found[k + 2][1] if k + 2 < len(found) else len(body.low)]
            joined = _ROLE_AT.search(re.split(r"[;.](?:\s|$)", later)[0]) is not None
        else:
            joined = False
        said_before = _ROLE_BEFORE.search(body.low, max(sentence, start - 60), start)  # "phát biểu của đồng chí B"
        if role is None and not joined and not said_before and not _ATTENDED_BY.search(body.low, sentence, start):
            continue
        after = body.text[stop0 : stop0 + (role.start() if role else len(said))]
        title = tidy(after.split(":")[0]).strip(" ,–-") if re.match(r"\s*[,–-]", after) else ""
        # "…, Bí thư Đảng ủy phường cùng lãnh đạo …" (not "… Sở Giáo dục và Đào tạo")
        cut = next((x for x in re.finditer(r"\s+(?:cùng|và|với)\s+(?=\w)", title) if title[x.end()].islower()), None)
        title = title[: cut.start()] if cut else title
        title = re.sub(r"[\s,]+(?:đến|tới|về|sẽ|và|cùng)$", "", title)  # "Kính mời ông A, Phó Chủ tịch …, đến dự"
        out.append(capitalize(tidy(body.text[start:stop0]) + (f", {title}" if title else "")))
    return list(dict.fromkeys(out))


#: A person called by their given name alone after "đ/c", right before they attend ("đ/c Lan dự").
_GIVEN_NAME_ATTENDS = re.compile(r"(?i:\b(?:đ/c|đồng chí)\s+)([" + CAPITAL_LETTERS + r"]\w+)(?=\s+(?:tham\s+)?dự\b)")
#: A person written after their title with no honorific, right before what they do there ("Phó Chủ tịch UBND
#: phường Trần Văn Hiếu dự và phát biểu", "PCT Lê Hoàng Khải dự", "Phó Chủ tịch Lê Thị B trao học bổng") or before
#: those who do it with them ("Chủ tịch Trần Văn C cùng lãnh đạo Hội Khuyến học trao …"): the title's words, then a
#: family name and one to three capitalised words.
_TITLED_PERSON = re.compile(
    r"(?:^|(?<=[\s,;.]))(?:(?:Phó\s+)?(?:Chủ tịch|Bí thư|Giám đốc|Hiệu trưởng|Trưởng|Chánh)|P?CT|PBT|PGĐ|GĐ)"
    r"(?:\s+[^,;.()]{0,60}?)??\s+("
    + _WORD
    + r"(?:\s+"
    + _WORD
    + r"){1,3})(?=\s+(?:dự|chủ trì|phát biểu|tham dự|trao|phát động|đánh trống|tuyên bố|đọc|cùng)\b)"
)


def _titled_persons(text: str) -> list[tuple[str, int, int]]:
    """The persons :data:`_TITLED_PERSON` finds (name, start, end), each starting with a family name."""
    out = []
    for m in _TITLED_PERSON.finditer(text):
        words = m.group(1).split()
        k = next((i for i, w in enumerate(words) if fold(w) in FAMILY_NAMES and len(words) - i >= 2), None)
        if k is not None and named_person(m.group(0)):  # not "Chủ tịch UBND phường Trần Phú" (a unit)
            out.append((" ".join(words[k:]), m.start(), m.end()))
    return out


#: A person named with an honorific, and the title after the name up to "và", ";" or a bracket ("đồng chí Nguyễn
#: Văn A, Phó Chủ tịch UBND huyện") (as written).
_NAMED_PERSON = re.compile(
    _HONORIFIC + r"\s+" + _WORD + r"(?:\s+" + _WORD + r"){1,4}"
    r"(?:,\s*[^,;()]*?(?=\s+và\s|\s*[;()]|$|,\s*(?:[Đđ]ồng chí|[Ôô]ng|[Bb]à)\s))?"
)


#: Labelled fields of an event, as official plans write them ("Thời gian: …", "Địa điểm: …"): folded label →
#: the field it fills. A new layout's label is a new row here.
EVENT_FIELDS: tuple[tuple[str, str], ...] = (
    ("thoi gian, dia diem", "when+venue"),
    ("thoi gian va dia diem", "when+venue"),
    ("thoi gian - dia diem", "when+venue"),
    ("thoi gian – dia diem", "when+venue"),  # (an en dash, "A. THỜI GIAN – ĐỊA ĐIỂM")
    ("thoi gian — dia diem", "when+venue"),
    ("thoi gian to chuc", "when"),
    ("thoi gian", "when"),
    ("ngay gio", "when"),
    ("ngay to chuc", "when"),
    ("dia diem / lo trinh", "venue"),  # a table's column for both: a ceremony's venue, a parade's route
    ("dia diem to chuc chinh", "venue"),  # "Địa điểm chính:" (a festival's main venue, its parts named after it)
    ("dia diem to chuc", "venue"),
    ("dia diem chinh", "venue"),
    ("diem cau chinh", "venue"),  # an online ceremony's main point ("Điểm cầu chính: Hội trường …"): where it is held
    ("dia diem", "venue"),
    ("noi to chuc", "venue"),
    ("time", "when"),  # an internal summary's English labels ("- Time: 7h00 T7 04/10/2025", "- Venue: Công viên A")
    ("venue", "venue"),
    ("vao luc", "when"),  # an invitation's "Vào lúc: 7g30, …" / "Tại: Quảng trường …"
    ("tai", "venue"),
    ("thoi luong", "duration"),
    ("chu tri, thanh phan", "guests"),  # a table's column for both ("Chủ trì, thành phần: Đ/c A (chủ trì); …")
    ("chu tri va thanh phan", "guests"),
    ("thanh phan, chu tri", "guests"),
    ("thanh phan", "who"),
    ("chu tri", "chair"),
    ("chu tri buoi le", "chair"),  # an invitation's "Chủ trì buổi lễ: đồng chí A – Phó Chủ tịch …"
    ("chu tri le", "chair"),
    ("don vi chu tri", "chair"),
    ("don vi thuc hien", "host"),
    ("don vi phoi hop", "host"),
    ("phoi hop", "host"),
    ("lanh dao du", "guests"),
    ("lanh dao tham du", "guests"),
    ("lanh dao chu tri/du", "guests"),  # a work schedule's column: who chairs or attends, both go
    ("lanh dao chu tri, du", "guests"),
    ("lanh dao du/chu tri", "guests"),
    ("lanh dao du / chu tri", "guests"),
    ("lanh dao chu tri / du", "guests"),
    ("chu tri / lanh dao du", "guests"),
    ("chu tri/lanh dao du", "guests"),
    ("dai bieu du", "guests"),
    ("thanh phan du", "guests"),
    ("thanh phan moi du", "guests"),
    ("thanh phan moi", "guests"),
    ("dai bieu moi du", "guests"),
    ("khach moi", "guests"),
    ("dai bieu moi", "guests"),
    # who takes part by name, under what they do there ("Phát biểu khai mạc: bà A", "Dự và trao giải: bà B")
    ("phat bieu khai mac", "guests"),
    ("phat bieu chi dao", "guests"),
    ("du va phat bieu", "guests"),
    ("du va trao giai", "guests"),
    ("du va trao thuong", "guests"),
    ("du va tang sach", "guests"),
    ("du va trao qua", "guests"),
    ("truong ban giam khao", "guests"),
    ("ghi chu", "note"),  # a table's notes cell: its "Tại X" is the row's venue (:func:`_venue_in_note`)
    ("cap to chuc", "level"),
    ("cap", "level"),
    *(
        (f"lanh dao {level} {verb}", "guests")  # "Lãnh đạo tỉnh dự: …", a table's column of who attends
        for level in ("tinh", "thanh pho", "huyen", "quan", "thi xa", "xa", "phuong", "thi tran", "so", "nganh")
        for verb in ("du", "tham du")
    ),
)
_FIELD_RX = re.compile(
    r"(?:^|[\s;.,—–-])(" + "|".join(re.escape(k) for k, _ in EVENT_FIELDS) + r")"
    r"(?:\s*\((?:moi|dieu chinh|sau (?:khi )?dieu chinh|du kien|thay doi)\)"
    # "Thời gian dự kiến:" (a proposal's), "Thời gian bắt đầu:" (a form's: when it starts)
    r"|\s+(?:moi|sau (?:khi )?dieu chinh|du kien|de xuat|bat dau)(?=\s*:))?"
    r"(?:\s+(?:moi|tham du|du)\b[^:;]{0,60}?\bgom)?\s*:\s*"  # "Thời gian (mới):", "Thời gian mới:", "Thành phần mời
    # giữ nguyên như Kế hoạch …, gồm: …"
)
#: What a time or venue field's value says it replaces ("…, thay cho sân Trường A", "(thay cho 7 giờ 00 ngày
#: 01/10)"): the old value, no part of this one; in the people's field "đi thay cho" is a stand-in (folded).
_REPLACED = re.compile(r"\s*[(,;–—-]?\s*\b(?:thay cho|thay vi)\b")


#: A field's value that first says it is kept, then restates it ("Địa điểm: không thay đổi, tại Nhà văn hóa A",
#: "Thời gian: giữ nguyên: 7 giờ 30 …") (folded): the value is what follows.
_KEPT_LEAD = re.compile(
    r"^\s*\(?(?:khong thay doi|giu nguyen|nhu cu|van nhu cu)\)?\s*[,:;–—-]\s*(?:van\s+)?"
    r"(?:(?:to chuc\s+)?tai\s+)?(?=\S)"
)

#: A venue field's value that says what moves where ("Địa điểm: Lễ khai mạc và điểm tập kết xe hoa chuyển về Nhà
#: văn hóa A", "Địa điểm: dời sang sân Trường B") (folded): the venue is the place after the move's words.
_MOVED_TO = re.compile(
    r"^[^:;()]{0,120}?\b(?:chuyen|doi|di doi|di chuyen|thay doi)\s+(?:ve|sang|den|toi|thanh)\s+(?:tai\s+)?(?=\S)"
)


#: Another labelled field after "; " in a row written as a line ("…; Lãnh đạo tỉnh dự: …", a column of two names
#: "…; Thành phần, phụ trách: …"): a few words without digits, one comma at most, and a colon (folded).
_OTHER_LABEL = re.compile(r";\s*[^\W\d_][^\d:;,.()]{0,40}(?:,\s*[^\W\d_][^\d:;,.()]{0,30})?:\s")


def _venue_after_day(value: Folded) -> int | None:
    """Where a "Thời gian, địa điểm" value names its venue after its day with no "tại" ("7 giờ 30, thứ Tư ngày
    01/10/2025; Nhà Văn hóa A"): the capital after the last time or date, else None."""
    for end in sorted(x.end for x in (*find_times(value.low), *find_dates(value.low, 2000))):
        after = re.match(r"[\s,;–-]+", value.text[end:])
        if after is not None and value.text[end + after.end() : end + after.end() + 1].isupper():
            return end + after.end()
    return None


#: A notes cell that opens on where the row's event is held ("Ghi chú: Tại Trường THCS A; khách mời có mặt lúc
#: 7g10") (folded): the venue runs to the first ";" or "." after the match.
_NOTE_AT = re.compile(r"^\s*(?:to chuc\s+)?tai\s+(?=\S)")


def _venue_in_note(note: Folded) -> Folded | None:
    """The venue a table row's notes cell names first ("Tại Trường THCS A; …"), else None."""
    at = _NOTE_AT.match(note.low)
    if at is None:
        return None
    stop = re.search(r"[;]|\.(?:\s|$)", note.low[at.end() :])
    end = at.end() + stop.start() if stop else len(note.low)
    return Folded(note.text[at.end() : end], note.low[at.end() : end])


def labelled_fields(f: Folded, start: int = 0) -> dict[str, Folded]:
    """The labelled fields written after ``start`` in a line: field → its value (up to the next label)."""
    found = [m for m in _FIELD_RX.finditer(f.low) if m.start(1) >= start]
    out: dict[str, Folded] = {}
    names = dict(EVENT_FIELDS)
    for k, m in enumerate(found):
        end = found[k + 1].start(1) if k + 1 < len(found) else len(f.low)
        value = Folded(f.text[m.end() : end], f.low[m.end() : end])
        other = _OTHER_LABEL.search(value.low)  # "…; Ghi chú: …": a field this table has that no rule reads
        value = Folded(value.text[: other.start()], value.low[: other.start()]) if other else value
        kept = _KEPT_LEAD.match(value.low)  # "không thay đổi, tại X": X
        moved = _MOVED_TO.match(value.low) if names[m.group(1)] == "venue" else None  # "A chuyển về X": X
        lead = moved or kept
        value = Folded(value.text[lead.end() :], value.low[lead.end() :]) if lead else value
        replaced = _REPLACED.search(value.low) if names[m.group(1)] in ("when", "venue", "when+venue") else None
        cut = len(value.low[: replaced.start() if replaced else None].rstrip(" ;.,—–-"))
        value = Folded(value.text[:cut], value.low[:cut])
        if names[m.group(1)] == "when+venue":  # "Thời gian, địa điểm: 7 giờ 30, ngày …, tại X": both in one
            out.setdefault("when", value)
            tat = re.search(r"\btai\s+", value.low)
            at = tat.end() if tat is not None else _venue_after_day(value)
            if at is not None:
                out.setdefault("venue", Folded(value.text[at:], value.low[at:]))
            continue
        out.setdefault(names[m.group(1)], value)
    noted = _venue_in_note(out["note"]) if "note" in out and "venue" not in out else None
    if noted is not None:  # "…; Ghi chú: Tại Trường THCS A; …": the row's venue
        out["venue"] = noted
    return out


#: Where at a place a thing happens, written before the place's name ("trước trụ sở UBND phường", "trong khuôn
#: viên Trường …", "bên cạnh Chợ …", "bãi xe Chợ …", "bãi xe của Trung tâm …", "sân trường Trường …"): the place is
#: the name after it (folded; "trước Công viên A" is before the park, not its gate).
POSITION_WORDS = (
    r"^(?:(?:phia\s+)?truoc(?:\s+cong(?!\s+vien\b))?|(?:ben\s+)?trong(?:\s+khuon vien)?|khuon vien|(?:ben\s+)?canh"
    r"|ben\s+ngoai|bai\s+(?:do\s+)?xe|san\s+(?:truong(?=\s+truong\b)|truoc|sau|khau(?:\s+(?:chinh|ngoai troi))?)"
    r"|san(?=\s+(?:truong|nha|trung tam|tru so|hoi truong|uy ban|ubnd)\b))\s+(?:(?:cua|thuoc)\s+)?(?=\S)"
)


def _without_position(name: str) -> str:
    """A venue's name without the words of position before it (:data:`POSITION_WORDS`)."""
    lead = re.match(POSITION_WORDS, fold(name))
    if not lead:
        return name
    rest = tidy(name[lead.end() :])  # "sân trường THCS A": "Trường THCS A", a name again
    return (
        capitalize(rest)
        if re.match(
            r"[" + SMALL_LETTERS + r"]+\s+(?:[" + SMALL_LETTERS + r"]+\s+){0,2}[" + CAPITAL_LETTERS + r"0-9]", rest
        )
        else rest
    )


#: The end of a sentence in a field's text: a full stop after a word (not an abbreviation: "TP.", "P.", "Q.") and
#: a capital letter.
_SENTENCE_END = re.compile(r"(?<=[^\W\d_]{2})(?<=[" + SMALL_LETTERS + r"][^\W\d_])\.\s+(?=[" + CAPITAL_LETTERS + r"])")


def _venue_text(v: Folded) -> str | None:
    """A venue field's name: up to a time or date ("Nhà Văn hóa …, lúc 7 giờ" → "Nhà Văn hóa …") or a comma that
    no part of an address follows."""
    end = len(v.low)
    for found in (*find_times(v.low), *find_dates(v.low, 2000)):
        end = min(end, found.start)
    stop = _SENTENCE_END.search(v.text, 0, end)  # "…, phường A. Buổi chiều cùng ngày …": the next sentence
    end = stop.start() if stop else end
    other = re.compile(_NOT_ADDRESS).search(v.low, 0, end)  # "…, cổng chính đường B": no part of its name
    end = other.start() if other else end
    name = tidy(re.sub(r"[,;]?\s*(?:vao|luc|ngay)?\s*$", "", tidy(v.text[:end]), flags=re.I))
    name = tidy(re.sub(r"\s*\([^()]*\)\s*$", "", name))  # "(mặt tiền đường …)": a remark, not the name
    name = tidy(re.sub(r"\s*\([^()]*$", "", name))  # "(khối lớp 10, 11, 12; …": a remark the field's ";" cut
    name = tidy(re.sub(r"\s*\([A-ZĐ][A-ZĐ0-9&-]{1,9}\)(?=\s)", "", name))  # "Trung tâm … (TTHTCĐ) xã A": its short name
    building = _building_of_room(name, Folded(v.text[end:], v.low[end:]))
    name = _without_position(name)
    return building or (name if 2 <= len(name) <= 160 else None)


#: A room of a building named before the building ("Hội trường A, Trường Đại học B", "Phòng họp số 2, UBND phường
#: C", "Hội trường tầng 3, Trung tâm D") (folded): the venue to find on a map is the building.
_ROOM = re.compile(r"(?:hoi truong|phong(?:\s+hop)?|giang duong|sanh|tang)\b[^,;]{0,30}")


#: What names a building before its owner's name, written in lower case ("Hội trường tầng 3, trụ sở UBND phường A",
#: "Phòng họp số 2, tòa nhà Trung tâm B") (as written).
_BUILDING_WORD = r"(?:trụ sở|tòa nhà|toà nhà|khu nhà|nhà)"


#: A room named by the building it is in ("Hội trường Trường Đại học A", "Phòng họp UBND phường B", "Hội trường
#: Trung tâm C"), as written: its name is a venue's.
_ROOM_OF = re.compile(
    r"(?i:hội trường|phòng họp|phòng|giảng đường)\s+(?:Trường|Trung tâm|UBND|Ủy ban|Uỷ ban|Nhà [Vv]ăn hóa|Học viện"
    r"|Đại học|Cung)\s"
)


#: A part of a venue ("hội trường lớn", "phòng họp số 2", "sân khấu chính", "khuôn viên") (folded).
_PART_OF_VENUE = re.compile(r"(?:" + _ROOM.pattern + r"|(?:san(?:\s+khau)?|khuon vien)\b[^,;]{0,20})")


def _unnamed_part(place: str) -> bool:
    """Whether a venue is a part of one named without the venue ("hội trường lớn", not "Hội trường UBND xã A")."""
    return _PART_OF_VENUE.fullmatch(fold(place)) is not None and not any(ch.isupper() for ch in place[1:])


def _whole_venue(place: str | None, doc: Document | None, line: int) -> str | None:
    """A venue named by a part of it only ("hội trường lớn"): the venue its section's or the document's "Địa điểm"
    field names, else as said."""
    if doc is None or place is None or not _unnamed_part(place):
        return place
    return _section_venue(doc, line) or place


def _building_of_room(name: str, rest: Folded) -> str | None:
    """The building after a room's name ("Hội trường A" then ", Trường Đại học B …"), else None (also when the
    room names its own building: "Hội trường Trường Đại học A, Đại học B" is A's hall, B the university A is in);
    an unnamed part of a venue the same ("sân khấu ngoài trời, Công viên A": the park)."""
    room = _ROOM.fullmatch(fold(name)) or _unnamed_part(name)
    if not room or not re.match(r",\s*(?:" + _BUILDING_WORD + r"\s+)?[" + CAPITAL_LETTERS + r"]", rest.text):
        return None
    if _ROOM_OF.match(name):
        return None
    building = _venue_text(Folded(rest.text[1:].lstrip(), rest.low[1:].lstrip()))
    if not building or _ROOM.fullmatch(fold(building)):
        return None
    cut = re.search(r"\s*\(|,(?=" + _ADDRESS_PART + ")", fold(building))  # its address, a remark after it
    return capitalize(tidy(building[: cut.start()]) if cut and cut.start() > 2 else building)


#: What a clause is when it names a ceremony without being one (rules kept as data, folded text):
#: another kind of event at its head ("Hội nghị … chuẩn bị Lễ khai mạc", a meeting), a reference to the ceremony
#: ("ngay sau Lễ phát động", "hậu cần cho Lễ khai mạc", "đưa tin về Lễ khai mạc"), or a past one ("đã được tổ
#: chức", in a report written after the week), or one each unit holds by its own plan ("theo kế hoạch riêng của
#: phường", no date of its own).
NOT_EVENT_HEAD = re.compile(
    r"^(?:to chuc\s+)?(?:buoi\s+|cuoc\s+)?(?:hoi nghi|cuoc hop|hop|tap huan|hoi thao|khao sat|giao ban|lam viec"
    r"|kiem tra(?:\s+cong tac)?(?:\s+chuan bi)?"  # "Kiểm tra công tác chuẩn bị Lễ khai mạc": an inspection
    r"|tong duyet|tong duot"
    r"|so duyet|duyet chuong trinh|so ket)\b"
)
REFERENCE_BEFORE = re.compile(
    # "ngay sau khi bế mạc Lễ phát động", "sau khi kết thúc Lễ …": what follows it, the ceremony told elsewhere
    r"\b(?:(?:ngay\s+)?sau(?:\s+khi)?(?:\s+(?:ket thuc|be mac))?|truoc|cho|ve|dua tin(?: ve)?"
    # "phối hợp phục vụ âm thanh Lễ khai mạc": a service to a ceremony that is held by others, told elsewhere
    r"|phuc vu(?:\s*,?\s+(?:am thanh|anh sang|khanh tiet|hau can|le tan|ky thuat|trang tri|san khau|nuoc uong))*"
    r"(?:\s+(?:cho|tai))?"
    r"|hau can(?: cho)?"
    r"|(?:khi\s+)?ket thuc"  # "Kết thúc Lễ khai mạc, đoàn xe hoa xuất phát lúc 08h15 …": what follows it
    r"|kich ban(?: cho)?|phat bieu"
    r"|(?:cac\s+)?diem|(?:ket hop|long ghep|gop) (?:voi|vao|cung)|tham gia|dien van|tuyen bo"
    r"|(?:dong dien|bieu dien|bao cao|trinh dien|bieu duong)\s+tai"  # "học sinh đồng diễn tại Lễ khai mạc": at it
    # "Kết quả tổ chức lễ khai mạc tại đơn vị (ngày, số người, hình ảnh)": a report asked for, no event
    r"|(?:ket qua|so lieu|hinh anh|bao cao(?:\s+ket qua)?)(?:\s+(?:viec|cong tac))?(?:\s+to chuc)?"
    # "… tại các buổi lễ hưởng ứng": many, no one ceremony; "và nghi thức phát động Tuần lễ": a programme's item
    r"|cac(?:\s+buoi)?|nhung(?:\s+buoi)?|\d{1,2}\s+buoi|nghi thuc|(?<!thanh )phan"
    # "bảo đảm an ninh … trong thời gian tổ chức Lễ khai mạc", "suốt buổi diễn ra Lễ …": while it is held, told above
    r"|(?:trong|suot)(?:\s+suot)?\s+(?:thoi gian|qua trinh|buoi|luc)(?:\s+(?:to chuc|dien ra))?"
    # "bảo vệ khu vực Lễ khai mạc từ 6 giờ 00", "giữ trật tự quanh khu vực buổi lễ": its grounds, told above
    r"|khu vuc(?:\s+(?:to chuc|dien ra))?(?:\s+buoi)?)\s+$"
)
#: A ceremony whose schedule is given elsewhere ("lịch khai mạc … theo Phụ lục kèm theo"): a reference.
REFERENCE_AFTER = re.compile(
    r"[^,;.]{0,80}?\b(?:theo|tai|o) (?:phu luc|lich (?:kem theo|rieng))\b"
    # "Lễ khai mạc (thời gian, địa điểm, thành phần, chương trình chi tiết tại Phụ lục I kèm theo)"
    r"|[^,;.(]{0,80}?\([^()]{0,120}?\b(?:theo|tai|o) phu luc\b"
    # "Lễ khai mạc … tại 03 điểm: thời gian, địa điểm, lãnh đạo dự theo Phụ lục kèm theo" (its fields listed first)
    r"|[^,;.:]{0,80}?:\s*(?:thoi gian|dia diem|ngay gio)\b[^;.:]{0,100}?\b(?:theo|tai|o|nhu|xem)\s+"
    r"(?:phu luc|(?:lich|bang|danh sach)\s+(?:kem theo|dinh kem|rieng))\b"
    r"|[^,;.]{0,80}?\s(?:co|gom)\s+phan\b"  # "Lễ tôn vinh có phần giao lưu … từ 9 giờ 30": a part of one told above
    # "Lễ khai mạc cấp huyện (thời gian, địa điểm cụ thể sẽ có thông báo riêng)": told later, not here
    r"|[^;.]{0,60}?\bse\s+(?:co\s+|duoc\s+)?thong bao\s+(?:rieng|sau|cu the|bo sung|trong|qua)\b"
    # "Lễ bế mạc … lồng ghép trong hội nghị …, Ban Tổ chức sẽ gửi giấy mời sau": its invitation, and day, to come
    r"|[^;.]{0,160}?\bse\s+(?:gui|phat hanh|co)\s+giay moi\s+(?:sau|rieng)\b"
)
#: Ceremonies listed before another one ("… Lễ khai mạc, Lễ tuyên dương"): what was said before them applies to it.
_LISTED_BEFORE = re.compile(r"(?:(?:le|buoi le)\s[^,;:()]{2,60}?(?:,|\s+va)\s*)+$")
#: "ngày khai mạc", "ngày phát động" before a ceremony's bare name: the day it is held, which another event is on.
DAY_OF = re.compile(r"\b(?:vao |trong )?(?:ngay|gio)\s+$")  # "ngày khai mạc", "trước giờ khai mạc": a moment of it
PREPARING_BEFORE = re.compile(
    # "chuẩn bị chương trình lễ phát động", "chuẩn bị nội dung cho Lễ khai mạc": what is got ready for it
    r"\b(?:chuan bi(?:\s+(?:noi dung|chuong trinh|kich ban|dia diem|co so vat chat|hau can))?(?:\s+cho)?"
    r"|ra soat|tham muu(?:\s+(?:noi dung|ke hoach|to chuc|kich ban|chuong trinh))?"
    r"|(?:xay dung|soan(?:\s+thao)?|du thao)\s+(?:noi dung|kich ban|chuong trinh)|kich ban"
    # "họp …, bàn phương án tổ chức Lễ khai mạc", "khảo sát địa điểm dự kiến tổ chức Lễ khai mạc"
    r"|(?:ban|thong nhat|trien khai)\s+(?:phuong an|ke hoach|cong tac chuan bi)(?:\s+to chuc)?"
    # "làm việc với Hội Khuyến học về phương án Lễ khai mạc", "cho ý kiến về kịch bản …": a talk about it
    r"|(?:ve|cho y kien(?:\s+ve)?|gop y(?:\s+ve)?)\s+(?:phuong an|ke hoach|du thao)(?:\s+to chuc)?"
    r"|khao sat(?:\s+dia diem)?(?:\s+du kien)?(?:\s+to chuc)?"
    # "âm thanh, ánh sáng, sân khấu Lễ khai mạc", "phông nền phục vụ Lễ phát động": what is set up for it
    r"|(?:am thanh|anh sang|san khau|phong nen|khanh tiet)(?:\s+phuc vu)?|phuc vu)(?:\s+(?:cho|cua|ve))?\s+$"
)  # "tham mưu nội dung Lễ khai mạc", "xây dựng kịch bản Lễ phát động": preparing it, no ceremony of its own
#: Words of an office, not of a person's name ("Đồng chí Chủ tịch UBND phường" names no one).
_TITLE = r"(?:(?:pho\s+)?(?:chu tich|giam doc|bi thu|truong|lanh dao|dai dien|thu truong|can bo)|p?ct|pbt|p?gd)\b"
DELEGATED = re.compile(
    r"\btheo ke hoach (?:rieng|cua (?:tung|moi|cac|don vi|dia phuong))|\btheo (?:dieu kien|tinh hinh) thuc te\b"
    # "các địa phương chủ động tổ chức trong Tuần lễ", "các trường tự chủ động tổ chức": each holder its own
    r"|\b(?:cac|moi|tung)\s+(?:dia phuong|don vi|co so|xa|phuong|truong)\s+(?:tu\s+)?chu dong\s+(?:to chuc|bo tri)\b"
    r"|\b(?:thoi gian|ngay gio|dia diem)(?:,? (?:thoi gian|dia diem))? do [^,;.]{2,40}?"
    r"(?:chu dong|tu chon|quyet dinh)\b"
)
#: Units of a kind that hold one, at the head of the clause before the mention ("các trường tiểu học, THCS vẫn tổ
#: chức", "các xã tự tổ chức") (folded).
_MANY_HOLDERS = re.compile(
    r"(?:^|[:;,.]\s*)(?:cac|nhung)\s+(?:truong|xa|phuong|don vi|co so|dia phuong|khu pho|ap|thon|to dan pho)\b"
    r"[^.;:]{0,60}?\bto chuc\s+$"
)
#: What follows such a mention when each holds it by its own plan ("… sáng thứ Hai 06/10 theo kế hoạch của trường",
#: "… theo kế hoạch riêng của đơn vị", "… của từng trường") (folded).
_OWN_PLAN_AFTER = re.compile(
    r"[^.;]{0,80}?\btheo ke hoach\s+(?:rieng\s+)?cua\s+(?:(?:tung|moi)\s+)?"  # "… của từng trường": each its own
    r"(?:nha truong|truong|don vi|dia phuong|xa|phuong|minh)\b"
)
#: Every unit of a kind told to hold its own ("100% xã, phường", "tất cả các trường") (folded, before the mention).
_EVERY_UNIT = re.compile(r"\b(?:100\s*%|tat ca|toan bo)\s+(?:cac\s+)?(?:xa|phuong|thi tran|truong|don vi|huyen)\b")
#: A window of days for ceremonies each unit sets ("trong khoảng thời gian từ ngày 02/10 đến ngày 04/10") (folded).
_WINDOW = re.compile(r"\btrong\s+(?:khoang\s+)?(?:thoi gian\s+)?tu\s+(?:ngay\s+)?" + DAY_MONTH)
#: Words a deadline's date follows ("báo cáo … trước ngày 12/10"): such a date is no event's date.
DUE_BEFORE = re.compile(r"\b(?:truoc|cham nhat|han chot|han|het)\s+(?:ngay\s+)?$")
PAST = re.compile(r"\bda\s+(?:duoc\s+)?(?:to chuc|dien ra|khai mac|phat dong|ket thuc|du)\b")


#: Days written relative to the event before ("14 giờ 00 phút cùng ngày", "sáng hôm sau"): folded pattern →
#: days after that event's date.
RELATIVE_DAYS: tuple[tuple[str, int], ...] = (
    (r"\bcung ngay\b", 0),
    (r"^\s*(?:sau do|tiep do|tiep theo)\b", 0),
    (r"\b(?:ngay\s+)?hom sau\b", 1),
    (r"\bngay (?:tiep theo|ke tiep)\b", 1),
)


def relative_day(low: str, before: Date) -> Date | None:
    """The date a clause gives relative to the event before it (see :data:`RELATIVE_DAYS`), or None."""
    from datetime import timedelta

    for rx, days in RELATIVE_DAYS:
        if re.search(rx, low):
            return before + timedelta(days=days)
    return None


#: A year said before a ceremony's name ("Năm 2024, Lễ khai mạc …", "năm học 2022 - 2023") (folded).
_YEAR_SAID = re.compile(r"\bnam(?:\s+hoc)?\s+(20\d\d)\b")


#: A contingency ("Trường hợp mưa lũ …", "Nếu trời mưa …") (folded, at a clause's start).
_IN_CASE = re.compile(r"^\s*(?:" + BULLET_MARK + r"\s*)?(?:truong hop|neu|phuong an du phong)\b")


#: A line's topic label before a ceremony's name ("Về Lễ khai mạc cấp huyện: thống nhất tổ chức …"), folded.
_TOPIC = re.compile(r"^\s*(?:" + BULLET_MARK + r"\s*)?(?:\d{1,2}[.)]\s*)?(?:ve|doi voi)\s+$")


def not_an_event(c: Folded, start: int, end: int, dates_of: DatesOf) -> bool:
    """True when a clause names a ceremony (at ``start:end``) without being one (see :data:`NOT_EVENT_HEAD`)."""
    before = c.low[:start]
    topic = _TOPIC.match(before) is not None and ":" in c.low[end : end + 40]  # "Về Lễ khai mạc cấp huyện: …"
    told = _IN_SEQUENCE.search(before) is not None and _HELD_AT.match(c.low, end) is not None
    if (
        NOT_EVENT_HEAD.match(c.low)
        or (REFERENCE_BEFORE.search(before) and not topic and not told)
        or PAST.search(c.low)
    ):
        return True
    if _SOME_UNITS_IF.search(before) or _EACH_POINT_HOLDS.search(before):
        return True  # "nơi có điều kiện thì tổ chức lễ phát động riêng", "các điểm cầu tổ chức phát động": theirs
    if _IN_CASE.match(c.low):  # "Trường hợp mưa lũ, lễ khai mạc tại xã A lùi sang 8h00 ngày 03/10": a contingency
        return True
    if _OTHER_EVENT_OPENS.match(before) and not c.low.startswith("le ", start):
        return True  # "Triển lãm ảnh “…” khai mạc cùng ngày tại sảnh …": the exhibition's opening, no ceremony
    if opens_another_event(c, start, end) or opens_an_exhibition(c, start, end):
        return True
    said = [int(y) for y in _YEAR_SAID.findall(before + " " + c.low[end : end + 40])]  # "… cấp tỉnh năm 2023 tổ chức"
    now = dates_of("ngay 01/10")  # the document's year, as its dates are read
    if said and now and isinstance(now[0].value, Date) and max(said) < now[0].value.year:
        return True  # "Năm 2024, Lễ khai mạc của huyện … có khoảng 450 người tham dự": last year's, told for reference
    if DAY_OF.search(before) and not c.low.startswith("le ", start):  # "đoàn xe loa … ngày khai mạc Tuần lễ"
        return True
    if REFERENCE_AFTER.match(c.low, end):
        return True
    if _NOT_HELD_BEFORE.search(before) or _THIS_PLAN.match(c.low):
        return (
            True  # "Phường không tổ chức lễ khai mạc chung", "Trên đây là Kế hoạch tổ chức Lễ …": none held, the plan
        )
    if _WHY_HELD.search(before) and _IS_NEEDED.match(c.low, end):
        return True  # "việc tổ chức lễ khai mạc tập trung là cần thiết để …": why, not when
    if DELEGATED.search(c.low) and not (find_times(c.low) or dates_of(c.low)):  # each unit sets its own
        return True
    if _MANY_HOLDERS.search(before) and _OWN_PLAN_AFTER.match(c.low, end):
        return True  # "các trường tiểu học vẫn tổ chức lễ chào cờ sáng thứ Hai 06/10 theo kế hoạch của trường": theirs
    if _EVERY_UNIT.search(before) and not (find_times(c.low) or dates_of(c.low)):
        return True  # "chỉ đạo 100% xã, phường, thị trấn tổ chức khai mạc …": each unit its own, none to plan here
    if _WINDOW.search(c.low, end) and not find_times(c.low):  # "tổ chức lễ khai mạc cấp huyện … trong khoảng thời
        return True  # gian từ ngày 02/10 đến ngày 04/10": a window each unit holds its own in
    own_when = find_times(c.low[end:]) or dates_of(c.low[end:])
    before = _LISTED_BEFORE.sub("", before)  # "tham mưu tổ chức Lễ khai mạc, Lễ tuyên dương": both prepared
    return bool(PREPARING_BEFORE.search(before)) and not own_when


#: An exhibition, contest or show that is the subject of a bare "khai mạc" / "bế mạc" ("Triển lãm ảnh “…” khai mạc
#: cùng ngày", "- Liên hoan văn nghệ thiếu nhi khai mạc lúc 19 giờ") (folded, the clause up to the mention): its own
#: opening, no ceremony of the plan (a book fair's opening is one: "Hội sách … khai mạc lúc 9 giờ 30 …").
_OTHER_EVENT_OPENS = re.compile(
    r"^\s*(?:" + BULLET_MARK + r"\s*)?(?:\d{1,2}[.)]\s*)?"
    r"(?:trien lam|hoi thi|cuoc thi|giai thi dau|lien hoan|dem van nghe|hoi dien)\b[^;:]{0,100}$"
)

#: Another kind of event named right after a bare "khai mạc" ("cắt băng khai mạc Ngày hội đọc sách", "dự khai mạc
#: Hội sách thiếu nhi") (folded): that event's opening, no ceremony of the plan.
_ANOTHER_EVENT_NAMED = re.compile(
    r"\s*(?:ngay hoi|hoi sach|hoi thi|hoi cho|hoi dien|trien lam|cuoc thi|lien hoan|giai|tuan phim|phong trien lam)\b"
)


#: What someone does at another's opening right before a bare "khai mạc" ("dự khai mạc", "tham dự khai mạc", "cắt
#: băng khai mạc") (folded): the plan's people attend it; an item "09 giờ 00: khai mạc Ngày hội …" is the plan's own.
_AT_ANOTHERS_OPENING = re.compile(r"\b(?:du|tham du|cat bang)\s+$")


def opens_another_event(c: Folded, start: int, end: int) -> bool:
    """Whether a bare "khai mạc" (no "Lễ" before it) at ``start:end`` that the plan's people only attend or cut the
    ribbon of (:data:`_AT_ANOTHERS_OPENING`) opens another kind of event it names next."""
    return (
        not c.low.startswith(("le ", "buoi le "), start)
        and _AT_ANOTHERS_OPENING.search(c.low[max(0, start - 20) : start]) is not None
        and _ANOTHER_EVENT_NAMED.match(c.low, end) is not None
    )


#: An exhibition named right after a bare "khai mạc" ("khai mạc trưng bày “Sách và …” tại sảnh thư viện", "khai mạc
#: triển lãm ảnh …") (folded).
_EXHIBITION_NAMED = re.compile(r"\s*(?:(?:phong|khu|khong gian)\s+)?(?:trung bay|trien lam)\b")


def opens_an_exhibition(c: Folded, start: int, end: int) -> bool:
    """Whether a bare "khai mạc" (no "Lễ" before it) at ``start:end`` opens an exhibition it names next
    (:data:`_EXHIBITION_NAMED`): the exhibition's opening, no ceremony of the plan."""
    return not c.low.startswith(("le ", "buoi le "), start) and _EXHIBITION_NAMED.match(c.low, end) is not None


#: Units a clause leaves to hold one only if they can or have not yet ("nơi có điều kiện thì tổ chức lễ …", "Phường,
#: xã nào chưa tổ chức lễ …", "trường nào có điều kiện thì …") (folded, right before the mention): each one's own, no
#: ceremony of this plan.
_SOME_UNITS_IF = re.compile(
    r"(?:\bnoi|\b(?:xa|phuong|thi tran|don vi|dia phuong|co so|truong|khu pho|ap|thon|to dan pho)\s+nao)\s+"
    r"(?:co|du|chua|da|khong)\b[^.;]{0,80}$"
)
#: The points of an online ceremony holding one of their own ("Sau phần trực tuyến, các điểm cầu tổ chức phát động
#: tại chỗ (từ 9 giờ 30)", "mỗi điểm cầu tổ chức lễ ra mắt …") (folded): each point's unit runs it, no ceremony of
#: this plan.
_EACH_POINT_HOLDS = re.compile(r"\b(?:cac|moi|tung)\s+diem cau\b[^.;]{0,40}?\bto chuc\b")
#: What the column does after or before a ceremony ("sau Lễ khai mạc", "ngay sau khi kết thúc Lễ …", "trước Lễ …"),
#: and the words right after the name that tell when and where it is held ("… do UBND phường tổ chức lúc 06 giờ 30
#: tại Sân vận động A", "… diễn ra vào 7h00 tại B"): a ceremony told in passing, no reference to one told elsewhere
#: (folded).
_IN_SEQUENCE = re.compile(r"\b(?:ngay\s+)?(?:sau(?:\s+khi)?(?:\s+(?:ket thuc|be mac))?|truoc)\s+$")
_HELD_AT = re.compile(
    r"[^,;.()]{0,60}?\b(?:duoc\s+)?(?:to chuc|dien ra|khai mac|bat dau)\s+(?:vao\s+)?(?:luc\s+)?"
    r"\d{1,2}\s*(?:gio|h|g|:)[^,;.]{0,40}?\btai\s"
)


#: A ceremony said not to be held right before its name ("không tổ chức lễ khai mạc chung", "không tổ chức riêng
#: Lễ khai mạc cấp trường", "không nhất thiết tổ chức Lễ …"), and the closing words that name the plan itself ("Trên
#: đây là Kế hoạch tổ chức Lễ …") (folded).
_NOT_HELD_BEFORE = re.compile(
    r"\bkhong\s+(?:(?:can|nhat thiet|phai|bat buoc)\s+)?(?:to chuc|co)(?:\s+(?:rieng|them|lai))?\s+$"
)
_THIS_PLAN = re.compile(r"^tren day la\b")
#: A ceremony named as a thing to do ("việc tổ chức Lễ …"), and what a sentence then says of it ("… là cần thiết",
#: "… là phù hợp") (folded): the reason for it, no event told.
_WHY_HELD = re.compile(r"\bviec\s+(?:to chuc\s+)?$")
_IS_NEEDED = re.compile(r"[^,;.]{0,60}?\bla\s+(?:(?:rat|het suc|dieu)\s+)?(?:can thiet|phu hop|yeu cau|can)\b")


#: A section that tells why a plan is amended ("I. LÝ DO ĐIỀU CHỈNH", "Lý do thay đổi"), folded: its dates and
#: events are the amended plan's.
AMENDED_BECAUSE = re.compile(r"^ly do\s+(?:dieu chinh|thay doi|hoan|lui|chuyen)\b")
#: A document's title that says it changes a plan ("Về việc thay đổi thời gian, địa điểm tổ chức Lễ khai mạc") (folded).
_AMENDING = re.compile(
    r"\b(?:thay doi|dieu chinh|sua doi|hoan|doi|lui)\s+(?:lai\s+)?(?:mot so\s+)?(?:noi dung\s+)?(?:cua\s+)?"
    r"(?:thoi gian|dia diem|ngay|lich|ke hoach|chuong trinh)\b"
)  # "V/v điều chỉnh một số nội dung Kế hoạch …"
#: A sentence that tells what the plan a notice changes had said ("… ban hành Kế hoạch số 97/KH-UBND …, theo đó
#: Lễ khai mạc dự kiến …"; "… ban hành Kế hoạch số 97/KH-UBND về …. Theo Kế hoạch, Lễ khai mạc tổ chức tại …", the
#: next sentence; "Theo Kế hoạch số 97/KH-UBND ngày 12/9 của UBND xã, Lễ khai mạc dự kiến tổ chức lúc …") (folded).
_OLD_PLAN_TOLD = re.compile(
    r"\b(?:ban hanh|theo)\s+(?:ke hoach|thong bao|quyet dinh|cong van|chuong trinh)\s+so\b[^.]{0,200}?"
    r"\b(?:theo do|trong do)\b"
    r"|(?:^|\.\s+)theo\s+(?:ke hoach|thong bao|quyet dinh|cong van|chuong trinh)\s+so\b[^.;]{0,200}?\bdu kien\b"
    r"|\bban hanh\s+(?:ke hoach|thong bao|quyet dinh|cong van|chuong trinh)\s+so\b.{0,300}?\.\s+theo\s+"
    r"(?:ke hoach|thong bao|quyet dinh|cong van|chuong trinh)(?:\s+(?:nay|tren|noi tren|do))?\s*,"
)
#: A legal basis the document cites ("Căn cứ Kế hoạch số …"), folded: what it tells is the cited document's.
_CITED = re.compile(
    r"^\s*can cu\s+(?:vao\s+)?(?:ke hoach|chi thi|cong van|quyet dinh|huong dan|thong bao|chuong trinh)\b"
)


#: Where a cited plan's words end in a line of grounds: a ";" or the issuer's own clause after a comma
#: ("…(từ ngày 01/10 đến ngày 07/10/2020), UBND huyện thông báo lịch tổ chức lễ khai mạc …") (folded).
_CITED_END = re.compile(r";|,\s+(?=(?:ubnd|uy ban|ban|phong|truong|trung tam|hoi|doan|cong an)\b)")


def _cited_end(low: str) -> int:
    """Where the cited plan's words end in a line that opens with its grounds ("Căn cứ Kế hoạch số …"); 0 for
    another line."""
    if not _CITED.match(low):
        return 0
    end = _CITED_END.search(low)
    return end.start() if end else len(low)


def read_ceremonies(
    lines: list[Line], dates_of: DatesOf, doc: Document | None = None, title: frozenset[int] = frozenset()
) -> tuple[list[CeremonyEvent], list[str]]:
    """Every ceremony clause with its host, date, time, venue and guests; and ceremonies written without a date.

    Parameters
    ----------
    lines : list of Line
        The body's lines with their structure.
    dates_of : callable
        ``dates_of(folded_text) -> list[Found]`` with the document's year.
    doc : Document, optional
        The parsed structure: a ceremony without labelled fields of its own takes its section's.
    title : frozenset of int
        The document's title lines: a ceremony they name is what the document is about, not one more instance
        when the body names the same ceremony (:func:`_without_title`).

    Returns
    -------
    (list of CeremonyEvent, list of str)
    """
    out: list[CeremonyEvent] = []
    undated: list[str] = []
    intro: _Intro | None = None
    listed: list[_Intro] = []
    above: Date | None = None  # the date of the table row above ("16 giờ 00 cùng ngày" in the next row)
    numbered_depth: int | None = None  # the depth of the last numbered line
    item_day: Date | None = None  # the day a programme's timed items run on ("- 15 giờ 00, ngày 01/10: …")
    intro_depth = 9
    timed = {ln.index for ln in lines if find_times(ln.body.low)}
    for ln in _with_fields_below(lines):
        if _said_before(ln, doc):
            continue
        is_row = _ROW_LINE.match(ln.body.text) is not None
        found = len(out)
        _line_ceremonies(ln, lines, out, undated, dates_of, doc, title, above if is_row else None)
        inner = _intro(ln, out[found:], dates_of, out[found - 1] if found else None) if _introduces(ln) else None
        if inner is None and ln.heading and _SCHEDULE_HEAD.match(ln.body.low.strip(" :.")):
            inner = _preamble_intro(lines, ln)  # "II. LỊCH TỔ CHỨC" over each ward's row: the plan's own ceremony
        if intro is not None and _POINT_ITEM.match(ln.body.low) and len(out) == found:
            out += _listed_rows(ln, intro, dates_of, out, lines)  # "a) Điểm 1: Trường A – đ/c B dự, phát động;": a row
        elif inner is None and intro is not None and ln.heading and _line_depth(ln) > intro_depth:
            pass  # "III. CÁC BUỔI LỄ KHAI MẠC" / "1. Danh sách các buổi lễ" / rows: the rows are the outer intro's
        elif inner is None and intro is not None and _goes_on_introducing(ln, intro, timed):
            intro.said = ln.body
            intro.dates = _own_dates(ln.body.low, dates_of) or intro.dates
        elif _introduces(ln):
            intro = inner
            listed += [intro] if intro is not None else []
            # "2. Lễ khai mạc …" / "Mỗi huyện chọn 01 xã …, cụ thể:" / "a) …": an unnumbered intro is as deep as the
            # numbered line above it
            intro_depth = _line_depth(ln) if ln.numbered or ln.heading or numbered_depth is None else numbered_depth
        elif ln.numbered and (intro is None or _line_depth(ln) <= intro_depth):
            intro = None  # a numbered paragraph beside the intro ends what it lists; its items ("a)") do not
        elif intro is not None and (len(out) == found or _clause_items(ln)):
            out += _listed_rows(ln, intro, dates_of, out, lines)
        if ln.numbered or ln.heading:
            numbered_depth = _line_depth(ln)
        above = _row_above(ln, is_row, above, out[found:], dates_of)
        item_day = _item_day(ln, item_day, out[found:], dates_of)
    titles = [
        i.event
        for i in listed
        if i.rows and i.event is not None and not find_times(i.line.body.low) and not _a_row_of_its_own(i.event, out)
    ]
    if doc is not None:
        out += _held_in_subsections(doc, out, dates_of)
    titles += _list_titles(out, {ln.index for ln in lines if ln.heading}, doc, _numbering(lines))
    out = _without_title([e for e in out if not any(e is t for t in titles)], title)
    out = _without_superseded(_without_references(merged_mentions(out)), lines)
    _programme_start(out, lines, doc)
    _venue_of_gathering(out, lines, dates_of)
    if doc is not None:
        _venue_labelled_by_kind(out, doc, dates_of)
    return out, undated


def _without_superseded(events: list[CeremonyEvent], lines: list[Line]) -> list[CeremonyEvent]:
    """The ceremonies without those of an earlier mail quoted below a mail's own text ("-------- Thư gốc --------" /
    "> - Lễ khai mạc: 7 giờ 30 … tại Hội trường A") when its own text tells one of the same kind with a day and an
    hour ("Địa điểm MỚI: Nhà văn hóa B"): the mail amends or repeats it, the quoted one is no instance of its own."""
    cut = next((ln.index for ln in lines if EARLIER_MAIL.match(ln.f.low)), None)
    if cut is None:
        return events
    told = {kind_of(e) for e in events if e.line < cut and e.date is not None and e.time is not None}
    return [e for e in events if e.line < cut or kind_of(e) not in told]


def _line_ceremonies(
    ln: Line,
    lines: list[Line],
    out: list[CeremonyEvent],
    undated: list[str],
    dates_of: DatesOf,
    doc: Document | None,
    title: frozenset[int],
    above: Date | None,
) -> None:
    """The ceremonies a line's clauses name, each added to ``out`` when it is one more to plan (``above``: the
    date of the table row above, for a row)."""
    cited = _cited_end(ln.body.low)  # "Căn cứ Kế hoạch số … (Lễ khai mạc cấp quận lúc 7 giờ 30 …);": the cited
    line_dates = {
        x.as_date
        for x in dates_of(ln.body.low)
        if not DUE_BEFORE.search(ln.body.low[: x.start]) and not cited_in_brackets(ln.body.low, x.start)
    }
    if _titles_its_fields(ln, doc):  # "1. Lễ khai mạc cấp xã:" over "- Thời gian: …" / "- Địa điểm: …": the ceremony
        ln = dataclasses.replace(ln, body=Folded(ln.body.text.rstrip().rstrip(":"), ln.body.low.rstrip().rstrip(":")))
    for c, whole, at in _visit_parts(clauses(ln.body)):
        m = _mention(c, ln, dates_of, doc, title)
        if m is None or ln.body.low.find(whole.low) + at + m.start() < cited:
            continue  # (a mention in a cited plan is that plan's)
        if _named_as_reason(c, m, out):
            continue
        anchor = _anchor(whole, at + m.start(), out)  # "…, sau đó dự Lễ B … cùng ngày": A's day
        ev = _ceremony(ln, c, m, line_dates, dates_of, doc, anchor, above)
        if _kept(ev, c, ln, lines, out, dates_of, undated):
            out.append(ev)


#: A clause that opens with its reason ("Do …", "Vì …"), numbered or not (folded): up to its first comma.
_REASON_HEAD = re.compile(r"^\W*(?:\d{1,2}[.)]\s*)?(?:do|vi)\s+[^,;.]+")


def _named_as_reason(c: Folded, m: re.Match[str], before: list[CeremonyEvent]) -> bool:
    """Whether a ceremony is named in the reason a clause opens with ("Do đồng chí A phải có mặt sớm tại Lễ khai mạc
    cấp Thành phố, đồng chí B đi thay … lúc 7 giờ 15 tại C") and one of its kind was read before with its hour and
    venue: the clause's hour and venue are what follows the reason, no event of its own."""
    reason = _REASON_HEAD.match(c.low)
    if reason is None or m.start() >= reason.end():
        return False
    kind = m.group(0)
    return any(kind_of(o) and kind_of(o) in kind and o.time and o.place for o in before)


def _titles_its_fields(ln: Line, doc: Document | None) -> bool:
    """Whether a heading that ends with ":" titles the ceremony its own section's labelled fields (a time and a
    place) then tell, not a list of rows."""
    if not ln.heading or doc is None or not ln.body.text.rstrip().endswith(":"):
        return False
    own = [s for s in doc.path(ln.index) if s.line == ln.index]
    return bool(own) and own[-1].field("when") is not None and own[-1].field("venue") is not None


def _goes_on_introducing(ln: Line, intro: _Intro, timed: set[int]) -> bool:
    """Whether a line that ends with ":" and names no ceremony goes on introducing the rows of the heading right
    above it ("2. Lễ khai mạc tại 03 cụm xã" / "Mỗi cụm chọn một điểm, …:" / rows), as it does when it or the line
    below gives an hour (not "Kính mời:" over a list of persons)."""
    return _introduces(ln) and intro.line.index == ln.index - 1 and (ln.index + 1 in timed or ln.index in timed)


def _held_in_subsections(doc: Document, told: list[CeremonyEvent], dates_of: DatesOf) -> list[CeremonyEvent]:
    """A ceremony a section's title names, held in each of its subsections that gives its own time and venue
    ("III. LỄ KHAI MẠC TẠI CÁC XÃ ĐIỂM" / "1. Xã Bản Lầu" / "+ Thời gian: 7h30, thứ Ba ngày 01/10/2024." / "+ Địa
    điểm: Trung tâm học tập cộng đồng xã Bản Lầu."): one instance each, held by the unit the subsection names."""
    out: list[CeremonyEvent] = []
    for _path, sec in doc.sections():
        title = sec.heading()  # "PHỤ LỤC" / "LỊCH TỔ CHỨC LỄ KHAI MẠC …": the annex's title line
        m = _CEREMONY.search(title.low)
        if m is None or len(sec.sections) < 2 or REFERENCE_BEFORE.search(title.low[: m.start()]):
            continue
        for sub in sec.sections:
            if _CEREMONY.search(sub.title.low) or any(sub.line <= e.line <= _last_line(sub) for e in told):
                continue  # a subsection that names or tells its own ceremony is read as such
            when, venue = sub.field("when"), sub.field("venue")
            if when is None or venue is None:
                continue
            times, days = find_times(when.low), dates_of(when.low)
            if not times:
                continue
            out.append(
                CeremonyEvent(
                    name=_ceremony_name(title, m),
                    family="closing" if _CLOSING.search(m.group(0)) else "opening",
                    date=days[0].as_date if days else None,
                    time=times[0].as_time,
                    place=_venue_text(venue),
                    host=host_of(sub.title),
                    text=tidy(sub.title.text + ": " + when.text + "; " + venue.text)[:300],
                    line=sub.line,
                )
            )
    return out


def _last_line(sec: Section) -> int:
    """The last line a section holds (its blocks' and its subsections')."""
    return max([sec.line, *(b.line for _p, s in sec.walk() for b in s.blocks), *(s.line for _p, s in sec.walk())])


#: Words a venue's name starts with (folded), besides institutions.
_PLACE_HEAD = re.compile(r"(?:hoi truong|san|nha|quang truong|cong vien|tru so|trung tam|truong)\b")
#: A venue's label that names the ceremony held there ("Địa điểm khai mạc: Sân Trường A", "Địa điểm tổ chức lễ phát
#: động: …") (folded, the label only).
_KIND_VENUE = re.compile(
    r"^(?:dia diem|noi)\s+(?:to chuc\s+)?(?:le\s+)?(?P<kind>khai mac|phat dong|ra quan|be mac)\s*:\s*"
)


def _venue_labelled_by_kind(events: list[CeremonyEvent], doc: Document, dates_of: DatesOf) -> None:
    """A ceremony told with no venue or date ("Khai mạc, phát biểu — Thời gian: 7g30" in a script) where the
    document labels its venue by its kind ("Địa điểm khai mạc: Sân Trường A", beside "Thời gian: 7g30, thứ Sáu
    ngày 03/10/2025"): that venue, and the day its section's "Thời gian" gives."""
    for e in events:
        if e.place or e.choice:
            continue
        kind = kind_of(e).removeprefix("le ")
        for i, f in enumerate(doc.lines):
            m = _KIND_VENUE.match(BULLET.sub("", f.low))
            if m is None or m.group("kind") != kind:
                continue
            e.place = _venue_text(Folded.of(f.text.split(":", 1)[1]))
            e.date = e.date or _section_date(doc, i, dates_of)
            break
        if e.place is None:
            e.place = _venue_told_near(e, doc)


#: A line that tells where a ceremony is held, by its kind ("Lễ ra quân tổ chức tại khu vực trước Chợ A", "- Lễ
#: khai mạc: Hội trường A, Trung tâm Văn hóa B") (folded, from the line's start).
_KIND_HELD_AT = re.compile(
    r"^le\s+(?P<kind>[a-z]+(?:\s[a-z]+)?)(?:\s+cap\s+[a-z]+)?\s*"
    r"(?:(?:(?:se\s+)?(?:duoc\s+)?(?:to chuc|dien ra)\s+)?(?=tai\s)|:\s*(?=" + _PLACE_HEAD.pattern + r"))"
)


def _venue_told_near(e: CeremonyEvent, doc: Document) -> str | None:
    """The venue of a ceremony read with none, told by its kind on its own line or a few lines around it."""
    kind = kind_of(e).removeprefix("le ")
    for f in doc.lines[max(0, e.line - 3) : e.line + 8]:
        body = Folded.of(BULLET.sub("", f.text))
        m = _KIND_HELD_AT.match(body.low)
        if m is None or m.group("kind") != kind:
            continue
        if body.low.startswith("tai", m.end()):
            return _venue_after_tai(body, m.end())
        return _venue_text(Folded(body.text[m.end() :], body.low[m.end() :]))
    return None


#: A venue that names no school but the issuing one ("tại sân trường", "tại nhà trường", "hội trường nhà trường"),
#: folded.
OWN_SCHOOL = re.compile(
    r"^(?:(?:san|hoi truong|cong|thu vien|phong hop|nha da nang|nha thi dau|khuon vien)(?:\s+(?:chinh|sau|truoc))?\s+)?"
    r"(?:nha truong|truong hoc|truong|truong ta)$"
)
_SCHOOL_HEAD = re.compile(r"^truong\s+\S")
#: Abbreviations kept in capitals when a header line in capitals is written as a name.
_ABBREVIATIONS = frozenset({"thcs", "thpt", "th", "mn", "gdnn", "gdtx", "ptdtnt", "ptdtbt"})


#: Abbreviations written in capitals in names (folded), besides those with no vowel ("THCS", "CSGT", "GD&ĐT").
NAME_ABBREVIATIONS = frozenset({"ubnd", "hdnd", "ubmttq", "mttq", "tthtcd", "ttvh", "vh", "tt", "ct", "ub", "ttgdtx"})


def title_case(text: str, every_word: bool = True) -> str:
    """A header line written in capitals as a name ("TRƯỜNG THCS AN NHƠN" → "Trường THCS An Nhơn"): each word
    capitalised (else in lower case, ``every_word=False``: "RA MẮT MÔ HÌNH" → "ra mắt mô hình"), abbreviations
    kept in capitals (a word with no vowel, with "&" or a digit, or a known one)."""
    out = []
    for w in text.split():
        low = fold(w).strip('.,;:()"“”')
        keep = low in _ABBREVIATIONS or low in NAME_ABBREVIATIONS or not re.search(r"[aeiouy]", low)
        quoted = w[:1] in '"“'  # a name in quotes keeps its capital ('"GIA ĐÌNH' → '"Gia đình')
        if keep or "&" in w or re.search(r"\d", w):
            out.append(w.upper())
        elif every_word or quoted:
            out.append(w[:1] + w[1:].capitalize() if quoted else w.capitalize())
        else:
            out.append(w.lower())
    return " ".join(out)


def own_school(lines: list[Folded], events: list[CeremonyEvent]) -> None:
    """A venue written as the school itself ("tại sân trường") in a school's own plan: the issuing school, as its
    header line names it ("TRƯỜNG THCS AN NHƠN" → "Trường THCS An Nhơn")."""
    head = next((f for f in lines[:8] if _SCHOOL_HEAD.match(f.low) and f.text.strip().isupper()), None)
    if head is None:
        return
    name = title_case(re.split(r"\s[–—-]\s", head.text)[0])  # "TRƯỜNG THCS A – KẾ HOẠCH …" (a page's header)
    for e in events:
        if e.place is not None and OWN_SCHOOL.match(fold(e.place).strip()):
            e.place = name


def each_at_its_school(e: CeremonyEvent) -> bool:
    """Whether schools hold a ceremony each at their own school ("Các trường A, B, C tổ chức phát động … ngày 02/10
    tại trường"): a venue written as the school itself (:data:`OWN_SCHOOL`, in a plan that is no school's own) and
    several schools or a collective of them holding it: each school's own, no ceremony of the plan."""
    if e.place is None or not OWN_SCHOOL.match(fold(e.place).strip()):
        return False
    schools = [i for i in e.host.institutions if i.kind == "school"]
    return bool(schools) and (
        len(schools) > 1
        or any((i.count or 0) > 1 for i in schools)
        or _COLLECTIVE_INSTITUTIONS.search(fold(e.host.text).strip()) is not None
    )


#: A school named as a clause's subject ("Trường THCS Vũ Hội tổ chức …") (as written).
_SCHOOL_NAMED = re.compile(
    r"\bTrường\s+[" + CAPITAL_LETTERS + r"][^\s,;:.()]*(?:\s+[" + CAPITAL_LETTERS + r"0-9][^\s,;:.()]*){0,5}"
)
#: Schools named by their level only, as a collective ("Các Trường THCS", "tất cả các Trường Tiểu học"): no one
#: school (folded, up to the match's end).
_SCHOOLS_OF_A_LEVEL = re.compile(
    r"\b(?:cac|nhung|moi)\s+truong\s+(?:mam(?: non)?|mau(?: giao)?|tieu(?: hoc)?|trung(?: hoc(?: co so| pho thong)?)?"
    r"|thcs|thpt|th|mn)$"
)
#: A venue that is the school itself or a part of it, written in lower case ("nhà trường", "thư viện nhà
#: trường", "sân trường") (folded).
_AT_SCHOOL = re.compile(r"^(?:[a-zđ ]{0,30}\s)?(?:nha truong|truong(?: hoc)?)$")


#: What a school named right before a ceremony does: it holds it ("Trường A tổ chức Lễ …") (folded).
_HOLDS = re.compile(r"\s*(?:se\s+|phoi hop\s+)?(?:to chuc|dang cai)\s+")


def _school_said(c: Folded, before: int, place: str | None) -> str | None:
    """A venue written as "the school" ("tại thư viện nhà trường") in a clause a school is the subject of: that
    school ("Trường THCS Vũ Hội tổ chức Lễ phát động … tại thư viện nhà trường" → "Trường THCS Vũ Hội"); no venue
    at all in a clause whose subject is a named school that holds the ceremony: that school."""
    named = [x for x in _SCHOOL_NAMED.finditer(c.text, 0, before) if not _SCHOOLS_OF_A_LEVEL.search(c.low[: x.end()])]
    if place is None and named and _HOLDS.fullmatch(c.low[named[-1].end() : before]):
        return tidy(named[-1].group(0))  # "Trường THCS An Hải tổ chức Lễ phát động …": held at the school
    if place is None or not place[:1].islower() or not _AT_SCHOOL.match(fold(place)):
        return place
    return tidy(named[-1].group(0)) if named else place


def upcoming(events: list[CeremonyEvent], issued: Date | None) -> list[CeremonyEvent]:
    """Without the ceremonies dated before the document's own date: told after the fact, they are not to plan."""
    if issued is None:
        return events
    return [e for e in events if e.date is None or e.date >= issued]


def others_untimed(
    events: list[CeremonyEvent], issuer: list[UnitRef], officials: list[OfficialFact]
) -> list[CeremonyEvent]:
    """Without the ceremonies other named units hold on a day the plan gives no hour for, which no official of the
    plan attends ("Phường A và phường B tổ chức Lễ phát động chung tại Trường C, ngày 05/10", in a city's plan that
    times its own): those units' own, told for information; kept when the plan times none of its own."""
    own = {fold(u.name) for u in issuer if u.name}
    visited = {fold(t) for o in officials for t in o.targets}

    def others(e: CeremonyEvent) -> bool:
        units = e.host.units
        return bool(units) and all(u.name and fold(u.name) not in own for u in units)

    def told_only(e: CeremonyEvent) -> bool:
        untimed = e.time is None and not e.flag_time and e.part_of_day is None
        return untimed and others(e) and not e.guests and fold(e.place or "") not in visited

    if not any(e.time is not None for e in events):
        return events
    return [e for e in events if not told_only(e)]


#: A clause that tells of a ceremony for the readers to know of it, not to attend ("(để các đơn vị thông tin cho cán
#: bộ, Nhân dân biết)", "thông báo để các đơn vị biết", "để tham khảo", "để thông tin") (folded).
_TOLD_TO_KNOW = re.compile(r"\bde\s+(?:[^.;()]{0,60}\s)?(?:biet|tham khao)\b|\bde\s+thong tin\b|\bde\s+theo doi\b")


def told_to_know(events: list[CeremonyEvent], officials: list[OfficialFact]) -> list[CeremonyEvent]:
    """Without the ceremonies a clause tells of only for the readers to know ("Thành phố tổ chức Lễ khai mạc … tại
    A (để các đơn vị thông tin cho cán bộ, Nhân dân biết)"): another level's, no ceremony of the plan; one with
    guests, or at a place an official of the plan goes to, is kept, and so is the plan's only ceremony."""
    visited = {fold(t) for o in officials for t in o.targets}

    def told(e: CeremonyEvent) -> bool:
        return bool(_TOLD_TO_KNOW.search(fold(e.text))) and not e.guests and fold(e.place or "") not in visited

    kept = [e for e in events if not told(e)]
    return kept if kept else events


#: The organ a clause says holds the ceremony ("Lễ khai mạc … do Phòng Giáo dục và Đào tạo tổ chức lúc …", "do UBND
#: phường chủ trì tổ chức", "được Ủy ban nhân dân quận tổ chức ngày …") (folded): its organ's word, then the rest of
#: its name.
_HELD_BY = re.compile(
    r"\b(?:do|duoc)\s+((?:uy ban nhan dan|ubnd|cong an|so|phong|truong|hoi|doan|trung tam|lien doan|mat tran|ubmttq)\b"
    r"[^,;.()]{0,60}?)\s+(?:chu tri\s+|dung ra\s+)?to chuc\b"
)


def _organ(name: str) -> tuple[str, str]:
    """An organ's name (folded) as its organ's word and the rest ("ubnd quan 12": "uy ban", "quan 12")."""
    low = re.sub(r"^(?:ubnd|uy ban nhan dan)\b", "uy ban nhan dan", fold(name).strip())
    m = _ORGAN.match(low)
    word = m.group(0) if m is not None else ""
    return ("uy ban" if word in ("uy ban", "ubnd") else word), low[len(word) :].strip()


def held_by_another(e: CeremonyEvent, issuer: str | None, issuer_units: list[UnitRef]) -> bool:
    """Whether a ceremony's clause says another organ than the issuer holds it ("Lễ khai mạc cấp quận do Phòng
    Giáo dục và Đào tạo tổ chức lúc 07 giờ 30 …" in a culture centre's plan; "do UBND phường tổ chức" in a district's):
    that organ's own, told for information, no ceremony of the plan."""
    said = _HELD_BY.search(fold(e.text))
    if said is None or not issuer:
        return False
    organ = said.group(1)
    word, rest = _organ(organ)
    own_word, own_rest = _organ(issuer)
    if own_word in ("", "ban", "hoi dong"):
        return False  # a steering committee's or council's plan: it holds what its government does
    if word != own_word:
        return True
    own = [u for u in unit_refs(Folded.of(issuer)) if u.name] or issuer_units  # the ward's, not its district's too
    kinds = {k for u in own for k in u.kinds}
    names = {fold(u.name) for u in own if u.name}
    units = unit_refs(Folded.of(organ))
    return any((u.name and fold(u.name) not in names) or (kinds and not set(u.kinds) & kinds) for u in units) and not (
        rest and rest in own_rest
    )


def others_held(
    events: list[CeremonyEvent],
    issuer: str | None,
    issuer_units: list[UnitRef],
    parade_day: Date | None = None,
    line_of: Callable[[int], str] = lambda _: "",
) -> list[CeremonyEvent]:
    """Without the ceremonies another organ holds on another day than the plan's parade (:func:`held_by_another`;
    a police notice keeps the ward's "Lễ khai mạc do UBND phường tổ chức" before the column it secures leaves) or
    each school holds at its own (:func:`each_at_its_school`); one the plan's people attend, said in its clause or
    its line (``line_of``), stays (:func:`attended_said`)."""
    return [
        e
        for e in events
        if not (
            held_by_another(e, issuer, issuer_units)
            and (parade_day is None or e.date != parade_day)
            and not attended_said(e.text + "\n" + line_of(e.line))
        )
        and not each_at_its_school(e)
        and not nobody_sent(e.text, line_of(e.line))
    ]


#: The plan's people said not to go ("quận không cử đại biểu", "không cử người dự", "ba đơn vị không tham dự")
#: (folded).
_NOBODY_SENT = re.compile(r"\bkhong\s+(?:cu\b|(?:tham\s+)?du\b(?!\s+(?:kien|noi dung|phan|buoi|muc|hoat dong)\b))")


#: Not sending ("quận không cử đại biểu"), read on a ceremony's whole line (folded).
_NOT_SENDING = re.compile(r"\bkhong\s+cu\b")
#: Someone sent all the same ("Phòng GD&ĐT cử 01 lãnh đạo phòng dự, Thường trực không dự") (folded).
_SENT_SAID = re.compile(r"(?<!khong )\bcu\s+(?:\d+|mot|hai|ba|dai dien|lanh dao|can bo|dong chi)\b")


def nobody_sent(text: str, line: str = "") -> bool:
    """Whether a ceremony's clause or line says the plan sends no one to it and names no person ("Lễ khai mạc cấp
    Thành phố do Sở tổ chức lúc 8 giờ … tại …; thành phần do Sở mời, quận không cử đại biểu", "Hội Phụ nữ phường tổ
    chức Lễ ra mắt … lúc 9 giờ … Hội Khuyến học đưa tin, không cử người dự"): another's, told for information, on
    the parade's day too."""
    low, around = fold(text), fold(line)
    said = _NOBODY_SENT.search(low) is not None or _NOT_SENDING.search(around) is not None
    return said and not persons(text + "\n" + line) and not _SENT_SAID.search(low + "\n" + around)


#: The plan's people going to a ceremony ("14h00: Dự Lễ hưởng ứng … do Sở GD&ĐT tổ chức", "Đồng chí A dự và phát
#: biểu"); not "dự kiến", "dự án", "dự thảo", "dự toán", "dự báo", "dự phòng", "dự trù".
_ATTENDED_SAID = re.compile(r"(?i)\b(?:tham\s+)?dự\b(?!\s+(?:kiến|án|thảo|toán|báo|phòng|trù|thi)\b)")


def attended_said(text: str) -> bool:
    """Whether a ceremony's clause sends the plan's people to it ("Dự Lễ khai mạc … do Sở tổ chức"): an official's
    itinerary includes another organ's ceremony (the higher level's too), so it stays a ceremony of the plan."""
    named = bool(persons(text))
    return any(named or not _GUESTS_AS_INVITED.search(text, 0, m.start()) for m in _ATTENDED_SAID.finditer(text))


#: Who attends said as the holder's list ("thành phần dự theo giấy mời riêng của quận", "thành phần tham dự do Sở
#: mời"): its invitees, no one the plan sends unless a person is named (as written, right before "dự").
_GUESTS_AS_INVITED = re.compile(r"(?i)\bthành phần\s+$")


#: A table row written as a labelled line ("Lễ bế mạc — Thời gian: 16 giờ 00 cùng ngày; Địa điểm: …").
_ROW_LINE = re.compile(r"^[^:—–]{2,160}\s—\s[^:;]{2,40}:")


def _row_above(ln: Line, is_row: bool, above: Date | None, new: list[CeremonyEvent], dates_of: DatesOf) -> Date | None:
    """The date a table row leaves for the row below ("cùng ngày"): its own first date, else the date its
    ceremony took, else the one above it; none after a line that is no row."""
    if not is_row:
        return None
    own = [x.as_date for x in dates_of(ln.body.low) if not DUE_BEFORE.search(ln.body.low[: x.start])]
    return own[0] if own else next((e.date for e in new if e.date), above)


#: A programme's item that starts with its clock time ("- 16 giờ 30: …", "+ 7h00 – …") (folded).
_TIMED_ITEM = re.compile(r"^\s*\d{1,2}\s*(?:gio|h|g|:)")


def _item_day(ln: Line, day: Date | None, new: list[CeremonyEvent], dates_of: DatesOf) -> Date | None:
    """The day of a programme's timed items, one after the other ("- 15 giờ 00, thứ Ba ngày 01/10: Lễ phát động …"
    / "- 16 giờ 30: dự Lễ khai mạc …"): an item's ceremony without a date takes the day of the item above; none
    after a line that is no timed item."""
    if not ln.bullet or not _TIMED_ITEM.match(ln.body.low):
        return None
    for e in new:
        e.date = e.date or day
    own = [x.as_date for x in dates_of(ln.body.low) if not DUE_BEFORE.search(ln.body.low[: x.start])]
    return own[0] if own else day


def _numbering(lines: list[Line]) -> dict[int, int]:
    """Line index → the depth of its numbering ("1." 1, "1.2." 2), for numbered lines."""
    out = {}
    for ln in lines:
        m = re.match(r"^\s*(\d{1,2}(?:\.\d{1,2})*)[.)/]\s", ln.f.text)
        if ln.numbered and m:
            out[ln.index] = m.group(1).count(".") + 1
    return out


def _a_row_of_its_own(title: CeremonyEvent, events: list[CeremonyEvent]) -> bool:
    """Whether a list's title took the time and venue of its first row (a table whose rows name no unit) that no
    listed row repeats: that row's ceremony, not a title to drop."""
    if title.time is None or not title.place:
        return False
    here = (title.time, fold(title.place))
    return not any(e is not title and (e.time, fold(e.place or "")) == here for e in events)


def _list_titles(
    events: list[CeremonyEvent], headings: set[int], doc: Document | None, depth: dict[int, int] | None = None
) -> list[CeremonyEvent]:
    """The ceremonies headings name when their section lists ceremonies of its own ("II. CÁC LỄ KHAI MẠC, HƯỞNG
    ỨNG" above a table of three): the heading is the list's title, not one more ceremony. A line numbered like the
    heading ("1. Lễ khai mạc, phát động" / "2. Lễ bế mạc: 16 giờ …") is its sibling, not one of its rows; a heading
    with a time and a venue of its own is a ceremony ("1. Lễ phát động cấp phường / - Thời gian … / - Địa điểm …"
    above an official's "sau đó dự Lễ khai mạc cấp quận …")."""
    if doc is None:
        return []
    depth = depth or {}
    out = []
    for e in events:
        if e.line not in headings:
            continue
        inside = [
            x
            for x in events
            if x.line != e.line
            and any(s.line == e.line for s in doc.path(x.line))
            and not (e.line in depth and depth.get(x.line) == depth[e.line])
        ]
        if inside and (e.time is None or not e.place):  # its own time and venue: a ceremony
            out.append(e)
    return out


def kind_of(e: CeremonyEvent) -> str:
    """A ceremony's kind (folded): "le khai mac", "le phat dong", …; else its whole name folded."""
    return _kind_named(e.name)


@lru_cache(maxsize=4096)
def _kind_named(name: str) -> str:
    """The kind a ceremony's name says (folded: "le khai mac"), else the whole name folded."""
    m = _CEREMONY.search(fold(name))
    return m.group(0) if m else fold(name)


def _without_title(events: list[CeremonyEvent], title: frozenset[int]) -> list[CeremonyEvent]:
    """Without the ceremony the title names ("KỊCH BẢN / Lễ xuất quân và diễu hành …") when the body names the
    same kind of ceremony: the title says what the document is about, the body gives the event."""
    body = {kind_of(e) for e in events if e.line not in title and not _units_own(e)}
    if any(k.startswith("buoi le thu") for k in body):  # "buổi lễ thứ nhất …; buổi lễ thứ hai …": the title's, each
        return [e for e in events if e.line not in title]
    return [e for e in events if e.line not in title or kind_of(e) not in body]


#: Institutions written as a collective, not one by name ("các trường MN, TH", "tất cả các cơ sở giáo dục",
#: "những trường …", "Cấp TH, THCS:" as a label) (folded).
_COLLECTIVE_INSTITUTIONS = re.compile(r"^(?:tat ca\s+)?(?:cac|nhung|moi)\b|^cap\b")


def unnamed_holders(host: Host) -> bool:
    """Whether a clause's holders are units or institutions the document does not name one by one ("các huyện,
    thành phố", "UBND 16 phường", "Các trường mầm non, tiểu học", "06 trường"), not a listed collective ("03 xã (A,
    B, C)"), a named unit or an organisation."""
    if any(not u.bare for u in host.units) or not host.institutions:  # (a bare kind beside institutions is where
        return bool(host.units) and all(u.collective and not u.listed for u in host.units)  # they are: "trên địa
    said = _COLLECTIVE_INSTITUTIONS.search(fold(host.text)) is not None  # bàn quận"; "Những trường MN, TH …")
    many = all((i.count or 0) > 1 or said or _COLLECTIVE_INSTITUTIONS.search(fold(i.text)) for i in host.institutions)
    return host.org is None and many


def _units_own(e: CeremonyEvent) -> bool:
    """A ceremony the units hold each on their own ("Các xã, thị trấn tổ chức khai mạc tại đơn vị theo kế hoạch
    riêng …"): a collective host, and its clause gives no time, no day (a deadline's and a span's are none) and no
    venue; or a day but says each unit chooses its time and venue ("… tự tổ chức Lễ khai mạc trong ngày 02/10 (thời
    gian, địa điểm do xã chủ động)")."""
    low = fold(e.text)
    collective = bool(e.host.units) and all(u.collective for u in e.host.units)
    # "trong thời gian Tuần lễ từ ngày 01/10 đến ngày 07/10": the week they choose a day in, no day of their own
    spans = [(s.start(), s.end()) for s in DAY_SPAN.finditer(low)]
    days = [
        x
        for x in find_dates(low, 2000)
        if not DUE_BEFORE.search(low[: x.start]) and not any(a <= x.start < b for a, b in spans)
    ]
    placed = _PLACED_AT.search(low) is not None
    chosen = _CHOSEN_BY_UNITS.search(low) is not None
    return collective and (not days or chosen) and not find_times(low) and not placed


#: A venue of the ceremony's own ("tại Nhà văn hóa A"), not the units that each hold one ("tại đơn vị", "tại địa
#: phương", "tại cơ sở", "tại các xã", "tại 11 phường và 06 xã", "tại mỗi trường"; a unit by any administrative kind,
#: :func:`_kind_rx`) (folded).
_PLACED_AT = re.compile(
    r"\btai\s+(?!(?:don vi|dia phuong|co so|cac|moi|tung|\d{1,3}\s+(?:" + _kind_rx() + r"|truong|don vi|dia phuong))\b)"
)


#: Units left to choose their own time and venue ("thời gian, địa điểm do xã chủ động", "chủ động thời gian, địa
#: điểm") (folded).
_CHOSEN_BY_UNITS = re.compile(
    r"\b(?:thoi gian|dia diem)(?:\s*,\s*(?:thoi gian|dia diem))?\s+(?:do\s+[^,;.()]{1,30}?\s+)?"
    r"(?:tu chu dong|chu dong|tu chon|tu quyet dinh|tu bo tri)\b"
    r"|\b(?:chu dong|tu chon|tu quyet dinh)\s+(?:ve\s+)?(?:thoi gian|dia diem)\b"
)


@dataclass
class _Intro:
    """A heading, a line ending in ":" or a schedule's title ("Lịch khai mạc tại các phường (ngày 1/10/2024)",
    "PHỤ LỤC / Lịch tổ chức Lễ khai mạc …") that names a ceremony: the rows below it list that ceremony's
    instances, or (a row without a subject of its own) say its time and venue."""

    line: Line
    match: re.Match[str]
    event: CeremonyEvent | None
    dates: list[Found]
    rows: int = 0
    prior: CeremonyEvent | None = None
    """The ceremony before the intro's own ("Chiều cùng ngày, lúc 14 giờ" under the heading dates from it)."""
    said: Folded | None = None
    """The line under the heading that goes on introducing its rows ("… nay còn 03 điểm, tổ chức cùng lúc 07 giờ
    30 phút, Chủ nhật, ngày 05/10/2025:"): the hour and day it gives its rows."""


def _anchor(c: Folded, start: int, out: list[CeremonyEvent]) -> CeremonyEvent | None:
    """The event a ceremony's "cùng ngày" counts from: the one an earlier mention in its own clause names ("dự Lễ
    phát động cấp tỉnh …, sau đó dự Lễ khai mạc tại X lúc 9 giờ 30 cùng ngày"), else the event read before it."""
    earlier = [x for x in _CEREMONY.finditer(c.low, 0, start)]
    if earlier:
        kind = earlier[-1].group(0)
        named = [e for e in out if e.date is not None and kind_of(e) == kind]
        if named:
            return named[-1]
    return out[-1] if out else None


#: A schedule's title: its rows are the instances of the ceremony it names.
_SCHEDULE_TITLE = re.compile(r"^(?:lich|phu luc|danh sach|cac diem)\b")
#: A labelled field's name ("Thời gian: …"): such a line gives its section's facts, it names no unit of its own.
_FIELD_LABEL = re.compile(
    r"^(?:thoi gian|dia diem|thanh phan|chu tri|thoi luong|ngay|gio|noi|luu y|ghi chu|vao luc\s*:|tai\s*:)"
)


def _line_depth(ln: Line) -> int:
    """How deep a line's numbering is ("II." 0, "3." 1, "a)" 3); an unnumbered line is deepest."""
    from paradeplan.importer.structure import numbering

    m = numbering(ln.f) if ln.numbered or ln.heading else None
    return _depth(m.group(0)) if m is not None else 9


#: A heading over a table of when and where, naming no ceremony ("II. LỊCH TỔ CHỨC", "Các điểm tổ chức") (folded).
_SCHEDULE_HEAD = re.compile(
    r"^(?:lich(?:\s+to chuc|\s+cu the)?|(?:cac\s+)?(?:dia\s+)?diem to chuc"
    # "II. THỜI GIAN, ĐỊA ĐIỂM VÀ THÀNH PHẦN LÃNH ĐẠO DỰ" over a table of levels: each row its time and place
    r"|thoi gian,?\s+(?:va\s+)?dia diem(?:\s+(?:va\s+)?thanh phan(?:\s+lanh dao)?(?:\s+(?:du|tham du))?)?)"
    # "1. Lịch tổ chức các buổi lễ", "Lịch tổ chức tại các cụm", "Các điểm tổ chức buổi lễ": its rows, still no name
    r"(?:\s+(?:tai\s+)?(?:cac|tung|moi)\s+(?:buoi le|diem|cum(?:\s+xa|\s+phuong|\s+truong)?|don vi))?$"
)


def _preamble_intro(lines: list[Line], heading: Line) -> _Intro | None:
    """The ceremony the plan's opening says it is about ("UBND quận ban hành Kế hoạch tổ chức Lễ hưởng ứng tại các
    phường như sau:"), before its first heading, as the intro of a schedule heading that names none."""
    for ln in lines:
        if ln.index >= heading.index or ln.heading or ln.numbered:
            return None
        m = _CEREMONY.search(ln.body.low)
        if m is not None and not _CITED.match(ln.body.low):
            return _Intro(ln, m, None, [])
    return None


def _introduces(ln: Line) -> bool:
    return ln.heading or ln.body.text.rstrip().endswith(":") or bool(_SCHEDULE_TITLE.match(ln.body.low))


def _intro(
    ln: Line, events: list[CeremonyEvent], dates_of: DatesOf, prior: CeremonyEvent | None = None
) -> _Intro | None:
    """The intro a heading or title line makes when it names a ceremony (with the event it gave itself)."""
    m = _CEREMONY.search(_not_of_it_blanked(ln.body.low))  # "4) Các hoạt động khác (không thuộc Lễ ra quân):" none
    if m is None or re.search(
        r"\b(?:sau|truoc)(?:\s+khi)?(?:\s+(?:ket thuc|be mac))?\s*$", ln.body.low[: m.start()].rstrip("( ")
    ):
        return None  # "2. Diễu hành xe hoa (ngay sau Lễ phát động)": the parade's rows, no ceremony's
    # "Tuần lễ diễn ra từ ngày 01/10 đến 07/10. Lễ phát động … tổ chức sáng Thứ Bảy, 04/10/2025:": the ceremony's
    days = _own_dates(ln.body.low, dates_of)
    days = [x for x in days if x.start >= m.start()] or days
    return _Intro(ln, m, events[-1] if events else None, days, prior=prior)


#: A date written after a document's number ("Kế hoạch số 355/KH-UBND ngày 12/9/2023") dates that document.
_REFERENCE_DATE = re.compile(r"\bso\s*:?\s*\d+[\w/.&-]*\s+(?:ngay\s+)?$")


def _own_dates(low: str, dates_of: DatesOf) -> list[Found]:
    """The dates of a text that are not a cited document's date."""
    return [x for x in dates_of(low) if not _REFERENCE_DATE.search(low[max(0, x.start - 40) : x.start])]


def _row_date(body: Folded, intro: _Intro, dates_of: DatesOf, before: CeremonyEvent | None) -> Date | None:
    """A listed row's date: its own, else the row above's when it says "cùng ngày", else the intro's."""
    own = _own_dates(body.low, dates_of)
    if own:
        return own[0].as_date
    if before is not None and before.date is not None:
        rel = relative_day(body.low, before.date)
        if rel is not None:
            return rel
    return intro.dates[0].as_date if intro.dates else None


#: Who a paragraph gives an event to ("Giao Ủy ban nhân dân phường A chủ trì, phối hợp …"), folded.
_ASSIGNED = re.compile(r"\bgiao(?!\s+duc)(?:\s+cho)?\s+(.{3,100}?)\s+(?:chu tri|to chuc|thuc hien)\b")


def _assigned(body: Folded) -> Host:
    """The units a paragraph gives its event to, as the host ("Giao UBND phường Tuy Hòa chủ trì …")."""
    m = _ASSIGNED.search(body.low)
    if m is None:
        return Host()
    named = [u for u in unit_refs(Folded(body.text[m.start(1) : m.end(1)], m.group(1))) if u.name]
    return Host(tidy(body.text[m.start(1) : m.end(1)]), named[:1]) if named else Host()


#: Another kind of event named in a listed row outside its venue ("… — Cấp: Tổng kết; …; Hội nghị tổng kết").
_MEETING = re.compile(r"\b(?:hoi nghi|cuoc hop|giao ban|hop (?:truc tuyen|ban|mat))\b")


def _meeting_row(body: Folded, fields: dict[str, Folded]) -> bool:
    """Whether a listed row is a meeting: a meeting's word outside its venue ("Trung tâm Hội nghị" is a venue)."""
    low = body.low
    venue = fields.get("venue")
    if venue is not None:
        low = low.replace(venue.low, " ")
    return _MEETING.search(low) is not None


#: A venue that only names an administrative unit ("tại phường Phú Xuân"): the unit, the venue is told elsewhere.
_UNIT_ONLY = re.compile(r"(?:phuong|xa|thi tran|quan|huyen|thi xa|thanh pho|tinh|dac khu)\s+\S.{0,40}")


#: An item naming one of the points where a ceremony is held at the intro's hour ("Điểm 1: Trường A – …") (folded).
_POINT_ITEM = re.compile(r"^(?:diem|dia diem)\s*(?:so\s*)?\d{1,2}\s*:\s*")
#: A table's row written as its labelled cells, a venue's and a time's ("Địa điểm: A; Thời gian: 7g00, …") (folded).
_ROW_OF_FIELDS = re.compile(
    # "Cấp tổ chức: Cấp tỉnh; Thời gian: …; Địa điểm: …": a level's cell may come first
    r"^(?=.*\bdia diem\s*:)(?=.*\bthoi gian\s*:)(?:cap(?:\s+to chuc)?\s*:[^;:]{2,60};\s*)?(?:dia diem|thoi gian)\s*:.*;"
)
#: Those taking part gathering somewhere ("các đơn vị tập trung tại …", "xe hoa có mặt tại …") (folded).
_GATHER_AT = re.compile(r"\b(?:tap trung|tap ket|co mat)\s+(?:(?:tu|luc|truoc)\s+[^,;]{1,20}\s+)?tai\s")
#: A trip to a ceremony said in a row under it ("xe xuất phát tại sân UBND xã lúc 6 giờ 15", "đoàn khởi hành từ …")
#: (folded).
_TRAVEL = re.compile(r"\b(?:xuat phat|khoi hanh|di chuyen|dua don|don dai bieu)\s+(?:tai|tu|o|luc|vao)\b")
#: The words of a rehearsal ("tổng duyệt", "sơ duyệt chương trình") (folded), for the modules that read one.
REHEARSAL_WORDS = r"tong duyet|tong duot|so duyet|tap duot|tap duyet|duyet chuong trinh"
#: A rehearsal or a trial run of the route (folded): no event of the plan.
TRIAL_WORDS = REHEARSAL_WORDS + r"|chay thu"
#: A rehearsal anywhere in a line ("…, tổng duyệt tại …") (folded).
_REHEARSAL_SAID = re.compile(r"\b(?:" + REHEARSAL_WORDS + r")\b")


#: A step of the parade a row is titled by ("Các xe tập trung, kiểm tra trang trí", "Đoàn xe xuất phát", "Dự kiến
#: kết thúc", "Diễu hành qua các tuyến") (folded): the column's time and place, no instance of the intro's ceremony.
_PARADE_STEP = re.compile(
    r"\b(?:tap trung|tap ket|xuat phat|khoi hanh|ket thuc(?!\s+tuan le)|giai tan)\b|" + PARADE_WORDS
)


#: A row titled by the guests' arrival or their welcome ("Đại biểu đến", "Quý đại biểu có mặt", "Đón tiếp đại
#: biểu") (folded).
_GUESTS_ROW = re.compile(
    r"^(?:(?:quy\s+)?(?:dai bieu|khach moi)(?:\s+(?:va\s+)?khach moi)?\s+(?:den|co mat|tap trung)"
    r"|(?:don tiep|tiep don|don)\s+(?:dai bieu|khach))\b"
)


def _guests_arrive_row(subject: str) -> bool:
    """Whether a row's subject (folded) is the guests' arrival or welcome, no ceremony of its own."""
    return _GUESTS_ROW.match(subject.strip()) is not None


def _parade_step(subject: str) -> bool:
    """Whether a row's subject (folded) names a step of the parade and no ceremony (:data:`_PARADE_STEP`)."""
    return _PARADE_STEP.search(subject) is not None and _CEREMONY.search(subject) is None


#: A list's item told as a clause, its unit first ("phường Hải Châu tổ chức tại Trường THCS … lúc 7 giờ 30, có …")
#: (folded): the unit, then what it does or when and where.
_ITEM_SUBJECT = r"\s+(?:to chuc|khai mac|dien ra|tai|luc|vao luc|vao|tu)\b"
#: What ends a paragraph's words before its list ("Các điểm có lãnh đạo thành phố dự như sau: …") (folded).
_LIST_FOLLOWS = re.compile(r"^.*\b(?:nhu sau|cu the|gom|sau day|lich nhu sau)\s*:\s*")


def _item_subject(low: str) -> re.Match[str] | None:
    """The unit a clause item begins with ("phường Hải Châu" in "phường Hải Châu tổ chức tại …")."""
    return re.match(r"^(" + _kind_rx() + r"\s+[^,;:()]{1,50}?)" + _ITEM_SUBJECT, low)


def _clause_items(ln: Line) -> list[Line]:
    """A list written as one paragraph of clauses, each a unit's own event with its clock time and venue ("… như
    sau: phường A tổ chức tại X lúc 7 giờ 30, có …; phường B tổ chức tại Y lúc 8 giờ, …"), as one row each; none
    unless two clauses (or one that goes on a list broken over lines) are such items."""
    body = ln.body
    lead = _LIST_FOLLOWS.match(body.low)
    start = lead.end() if lead else 0
    out = []
    for c in clauses(Folded(body.text[start:], body.low[start:])):
        if _item_subject(c.low) and find_times(c.low) and re.search(r"\btai\s", c.low):
            out.append(Line(ln.index, c, c, ln.bullet, False, ln.outer, None))
    return out if len(out) >= 2 or (out and lead is None and _item_subject(body.low)) else []


#: A ceremony's own field that lists what is done at it ("4. Nội dung chính:", "- Nội dung buổi lễ:", "Nội dung
#: chương trình:") (folded, its numbering or bullet left out): the rows under it are the ceremony's parts.
_CONTENTS_HEAD = re.compile(r"^noi dung(?:\s+(?:chinh|chuong trinh|cua buoi le|buoi le|cu the))?\s*:$")


def _under_contents(ln: Line, lines: list[Line]) -> bool:
    """Whether a bullet row lies in a ceremony's list of contents: the first line above it that is no bullet is the
    field :data:`_CONTENTS_HEAD` ("4. Nội dung chính:" / "- Ra mắt tủ sách tại Hội trường (9 giờ 00 - 10 giờ 00)")."""
    above = next((x for x in reversed(lines) if x.index < ln.index and not x.bullet), None)
    return ln.bullet and above is not None and _CONTENTS_HEAD.match(above.body.low.strip()) is not None


def _listed_rows(
    ln: Line, intro: _Intro, dates_of: DatesOf, before: list[CeremonyEvent], lines: list[Line]
) -> list[CeremonyEvent]:
    """The ceremonies a line under an intro lists: one row, or each of its clause items (:func:`_clause_items`);
    none from a row of the intro's own ceremony's contents (:func:`_under_contents`): a part of it."""
    out: list[CeremonyEvent] = []
    if intro.event is not None and _under_contents(ln, lines):
        return out
    for item in _clause_items(ln) or [ln]:
        last = (before + out)[-1] if intro.rows and (before or out) else None
        row = _listed_row(item, intro, dates_of, last)
        if row is not None:
            intro.rows += 1
            out.append(row)
    return out


#: A chat message's head: its time (and date) in brackets and its author ("[15:20] Lê Văn A (UBND xã B): ",
#: "[30/9/2024 15:20] Trần B: ") (folded).
_CHAT_HEAD = re.compile(r"^\s*\[[\d/:.,\s]{4,24}\]\s*[^:\[\]]{2,80}?:\s*")
#: A listed point named by its venue, then its clock time ("Trường Mầm non A (phường B): 7h15, …", "Trung tâm học
#: tập cộng đồng phường C: 7 giờ 30.", "Nhà văn hóa khu phố 2 – lúc 8g00"): the venue, as written.
_VENUE_FIRST = re.compile(
    r"^(?P<at>(?:[^:—–;,]|" + CLOCK_COLON + r"){4,100}?)\s*(?:" + LABEL_COLON + r"|\s[—–]\s)\s*(?:luc\s+|tu\s+)?"
    r"\d{1,2}\s?(?:h|g|gio|:)"
)


def _venue_first(body: Folded) -> str | None:
    """The venue a listed point opens with before its clock time (:data:`_VENUE_FIRST`), its brackets left out."""
    m = _VENUE_FIRST.match(body.low)
    if m is None or not _PLACE_HEAD.match(m.group("at")):
        return None
    return tidy(re.sub(r"\([^()]*\)", " ", body.text[: m.end("at")])) or None


#: A row that is one session of the ceremony its intro names ("- Buổi sáng (lớp 4, lớp 5): bắt đầu lúc 6 giờ 50",
#: "- Ca chiều: 13 giờ 30", "- Phiên thứ hai: …", "- Đợt 2: …") (folded).
_SESSION_ROW = re.compile(r"^(?:buoi|ca|phien|dot)\s+(?:sang|trua|chieu|toi|thu\s+(?:nhat|hai|ba|\d)|\d{1,2})\b")


def _session_venue(body: Folded, intro: _Intro) -> str | None:
    """The venue a session's row with none of its own is held at: the one its intro gives ("… tổ chức hai buổi lễ
    phát động tại Sân trường A, thứ Hai ngày 07/10:" / "- Buổi sáng …: 6 giờ 50" / "- Buổi chiều …: 13 giờ 00")."""
    if not _SESSION_ROW.match(body.low):
        return None
    said = intro.said or intro.line.body
    return intro.event.place if intro.event is not None and intro.event.place else _venue_after_tai(said, 0)


def _listed_row(
    ln: Line, intro: _Intro, dates_of: DatesOf, before: CeremonyEvent | None = None
) -> CeremonyEvent | None:
    """A row or paragraph under an intro that gives a clock time and a venue: with a subject of its own ("Phường
    A: 7h30, tại …", a table row "Phường A — Thời gian: …; Địa điểm tổ chức: …") one instance of the intro's
    ceremony held by that unit; without one ("Vào lúc 8 giờ 00 phút ngày …, tại …") the intro's own ceremony's
    time and venue, when it has none yet."""
    body = ln.body
    chat = _CHAT_HEAD.match(body.low)  # "[15:20] Lê Văn A (UBND xã B): …": the message's time and author
    body = Folded(body.text[chat.end() :], body.low[chat.end() :]) if chat is not None else body
    times = find_times(_daily_hours_blanked(body.low))  # not "(… mở cửa 8 giờ 00 - 20 giờ 00 hằng ngày)"
    fields = labelled_fields(body)
    place = _venue_text(fields["venue"]) if "venue" in fields else _venue_after_tai(body, 0)
    place = place or _venue_first(body)  # "1. Trường Mầm non A (phường B): 7h15, lồng ghép …": the point itself
    place = place or _session_venue(body, intro)  # "- Buổi chiều (khối 6, khối 7): bắt đầu lúc 12 giờ 45"
    point = _POINT_ITEM.match(body.low)  # "Điểm 1: Trường Tiểu học A – đ/c B … dự" under "…, cùng lúc 7 giờ 30:"
    shared = find_times((intro.said or intro.line.body).low) if point is not None and not times else []
    if point is not None and len(shared) == 1 and not place:
        times = shared
        place = tidy(re.split(r"\s[–—-]\s|[,;(]", body.text[point.end() :])[0])
    if not times or not place or NOT_EVENT_HEAD.match(body.low) or _IN_CASE.match(body.low):
        return None  # "Tổng duyệt chương trình lúc 15 giờ 30 … tại Quảng trường": the rehearsal's, no ceremony's
    if _REHEARSAL_SAID.search(body.low):
        return None  # "Trước đó, vào 15g ngày 29/9 tổng duyệt tại địa điểm tổ chức": a rehearsal said later on
    if _EACH_POINT_HOLDS.search(body.low):
        return None  # "… các điểm cầu tổ chức phát động tại chỗ (từ 09 giờ 30)": each point's own, none of the intro's
    if (_GATHER_AT.search(body.low) or _GATHERING_ITEM.match(body.low)) and not _CEREMONY.search(body.low):
        return None  # "- 07:00: các đơn vị, xe hoa tập trung tại sân UBND phường", "Tập trung phương tiện: 6 giờ 30,
        # …, tại sân A": those taking part gather
    if "venue" not in fields and _TRAVEL.search(body.low):
        return None  # "d) Phương tiện: 01 xe ô tô; xe xuất phát tại sân UBND xã lúc 6 giờ 15": the trip there
    day = _row_date(body, intro, dates_of, before)
    sub = re.match(r"^((?:[^:—–]|" + CLOCK_COLON + r"){2,80}?)\s*(?:" + LABEL_COLON + r"|\s[—–]\s)", body.text)
    item = _item_subject(body.low) if sub is None else None
    sub = re.match(rf"^(.{{{item.end(1)}}})", body.text) if item is not None else sub
    if sub is not None and NOT_EVENT_HEAD.match(fold(sub.group(1))) or _meeting_row(body, fields):
        return None  # "Hội nghị tổng kết: 14 giờ …": a meeting is no ceremony
    if sub is not None and _parade_step(fold(sub.group(1))):
        return None  # "Đoàn xe xuất phát — Thời gian: 07 giờ 45 …; Địa điểm: Cổng Trường A": the column's, no ceremony
    if sub is not None and _guests_arrive_row(fold(sub.group(1))):
        return None  # "Đại biểu đến — Thời gian: 6 giờ 45; Địa điểm: Hội trường": the guests come, no ceremony
    if sub is not None and PROGRAMME_HEAD.search(intro.line.body.low.strip()):
        return (
            None  # "… tổ chức ngày 02/10, theo chương trình sau:" / "Đón tiếp đại biểu — Thời gian: 07 giờ 00": a part
        )
    head = Folded.of(intro.line.body.text)
    if sub is None or _FIELD_LABEL.match(fold(sub.group(1))) or find_times(fold(sub.group(1))):
        ev = intro.event
        if ev is not None and ev.time is None and (ev.place is None or _UNIT_ONLY.fullmatch(fold(ev.place))):
            ev.time, ev.end = _span(body.low)
            prior = intro.prior.date if intro.prior is not None else None
            ev.place, ev.date = place, day or ev.date or (relative_day(body.low, prior) if prior else None)
            ev.duration = _duration(body.low) or ev.duration
            ev.host = ev.host if not ev.host.empty else _assigned(body)
            return None
        if ev is None and not _ROW_OF_FIELDS.search(body.low):
            return None  # (a table's row "Địa điểm: A; Thời gian: …" under "… theo bảng sau:" is one instance)
        if ev is not None and (ev.time, fold(ev.place or "")) == (times[0].as_time, fold(place)):
            return None
        sub = None  # a table's next row "Thời gian: …; Cấp tổ chức: Huyện A; Địa điểm tổ chức: …": one more instance
    level = fields.get("level")
    return CeremonyEvent(
        name=_ceremony_name(head, intro.match),
        family="closing" if _CLOSING.search(intro.match.group(0)) else "opening",
        date=day,
        time=times[0].as_time,
        duration=_duration(body.low),
        place=place,
        host=host_of(Folded.of(sub.group(1)) if sub is not None else level if level is not None else Folded.of("")),
        text=tidy(body.text)[:300],
        guests=paragraph_guests(body),  # "… 7h30 ngày 04/10. Bà A, Giám đốc Sở …, dự và phát biểu"
        line=ln.index,
    )


#: What follows a ceremony held together with another one ("… được tổ chức kết hợp với Lễ khai mạc của …").
_COMBINED = re.compile(r"[^,;.]{0,60}?\b(?:ket hop|long ghep|gop) (?:voi |vao |cung )?(?:le|buoi le) ")


def _line_time(line: Folded) -> tuple[Time | None, Time | None]:
    """The time a line (a calendar's or an itinerary's row) opens with, when it states no other start ("- 7h00:
    Đ/c A; Đ/c B dự Lễ khai mạc …. Địa điểm: …"), with its end when it is a span; else none."""
    times = find_times(line.low)
    if not times or times[0].start > 2 or len({t.value for t in times} - {_span(line.low)[1]}) != 1:
        return None, None
    return _span(line.low)


#: A line that is only labelled fields ("Địa điểm: Hội trường UBND xã", "Thành phần: …") (folded).
_FIELDS_ONLY = re.compile(r"^(?:dia diem|thanh phan|chu tri|noi to chuc|thoi gian|vao luc|tai)\s*:")


#: A line that gives a clock time and then a venue ("15 giờ, tại Trường THPT A") (folded).
_TIME_THEN_PLACE = re.compile(r"^(?:vao\s+)?(?:luc\s+)?\d{1,2}\s*(?:gio|h|g|:)[^;]{0,30}?\btai\s")


#: Where an itinerary's next visit starts inside a clause (", sau đó dự Lễ B …") (folded).
_THEN_VISIT = re.compile(r",\s*(?:sau do|tiep do|roi)\s+(?:tham\s+)?du\s+(?=" + _VISITED + r"\b)")


def _visit_parts(parts: list[Folded]) -> list[tuple[Folded, Folded, int]]:
    """Clauses cut where an itinerary goes on to the next ceremony ("07:00: … dự Lễ A tại X, sau đó dự Lễ B tại Y lúc
    09:30"): each visit with its own time and venue; with the whole clause and where the part starts in it."""
    out: list[tuple[Folded, Folded, int]] = []
    for c in parts:
        start = 0
        for m in _THEN_VISIT.finditer(c.low):
            out.append((Folded(c.text[start : m.start()], c.low[start : m.start()]), c, start))
            start = m.start() + 1
        out.append((Folded(c.text[start:], c.low[start:]) if start else c, c, start))
    return out


#: A line that gives a venue alone ("Địa điểm: Sân trường A.", "Địa điểm tổ chức: …") (folded).
_VENUE_FIELD = re.compile(r"^(?:dia diem|noi to chuc)(?:\s+to chuc)?\s*:")


def _sessions_above(out: list[Line]) -> int:
    """How many of the last lines are the bullet rows of one ceremony's sessions (:data:`_SESSION_ROW`, "- Ca sáng:
    07 giờ 00", "- Ca chiều: 12 giờ 45"), each with a clock time and no venue of its own."""
    n = 0
    for ln in reversed(out):
        low = ln.body.low
        if not (ln.bullet and _SESSION_ROW.match(low) and find_times(low)) or re.search(r"\btai\s|\bdia diem\b", low):
            break
        n += 1
    return n


def _with_field(ln: Line, field: Line, sep: str = "; ") -> Line:
    """A line with a line below it as one, joined by ``sep`` ("- Ca sáng: 7 giờ 00" and "Địa điểm: A": "Ca sáng:
    7 giờ 00; Địa điểm: A")."""
    joined = Folded(
        ln.body.text.rstrip(" .;") + sep + field.body.text, ln.body.low.rstrip(" .;") + sep + field.body.low
    )
    return dataclasses.replace(ln, body=joined)


def _with_fields_below(lines: list[Line]) -> list[Line]:
    """A schedule's item with the labelled lines written under it ("- 7h30: Đ/c A dự Lễ khai mạc …" over "Địa
    điểm: Hội trường UBND xã" and "Thành phần: …"): one line, its fields its own."""
    out: list[Line] = []
    for ln in lines:
        prev = out[-1] if out else None
        # "Lễ trao học bổng … cho 60 học sinh" over "- 15 giờ, tại Trường THPT A.": the ceremony's time and venue
        timed_below = (
            prev is not None
            and not prev.bullet
            and _CEREMONY.match(prev.body.low)
            and not find_times(prev.body.low)
            and _TIME_THEN_PLACE.match(ln.body.low)
        )
        if prev is not None and timed_below:
            out[-1] = _with_field(prev, ln, ", ")
            continue
        sessions = _sessions_above(out)
        if sessions >= 2 and not ln.bullet and not ln.numbered and _VENUE_FIELD.match(ln.body.low):
            out[-sessions:] = [_with_field(x, ln) for x in out[-sessions:]]  # "- Ca sáng: 7 giờ" / "- Ca chiều: …" /
            continue  # "Địa điểm: Sân trường A.": the venue of every session
        if prev is not None and prev.bullet and not ln.bullet and not ln.numbered and _FIELDS_ONLY.match(ln.body.low):
            out[-1] = _with_field(prev, ln)
            continue
        out.append(ln)
    return out


def _event_mention(c: Folded, dates_of: DatesOf, line: Folded | None = None) -> re.Match[str] | None:
    """The first mention of a ceremony in a clause that is the ceremony itself: not a heading's ("…:"), not a
    reference (:func:`not_an_event`), and not an official's assignment ("<who> dự Lễ khai mạc tại …", read by
    :func:`read_officials`) unless the visit gives its own clock time and venue ("sau đó dự Lễ khai mạc tại X lúc
    9 giờ 30", "- 7h30: dự Lễ khai mạc tại X": an itinerary names the ceremony it goes to)."""
    if c.text.rstrip().endswith(":"):
        return None
    # "phát biểu khai mạc Lễ khai mạc …": the speech that opens a ceremony is no ceremony of its own
    mentions = [
        x
        for x in _CEREMONY.finditer(c.low)
        if not re.search(r"\bphat bieu\s+$", c.low[: x.start()])
        and not _REHEARSED.search(c.low[max(0, x.start() - 40) : x.start()])  # "tổng duyệt chương trình Lễ …"
    ]
    mentions = [x for k, x in enumerate(mentions) if not (k and _KIND_BRACKETED.search(c.low, 0, x.start()))]
    for k, m in enumerate(mentions):
        combined = _COMBINED.match(c.low, m.end())
        if combined and any(x.start() == combined.end() - 3 and x.group(0) == m.group(0) for x in mentions[k + 1 :]):
            continue  # "Lễ khai mạc cấp tỉnh được tổ chức kết hợp với Lễ khai mạc của phường A": one event, A's
        joined = k and re.search(r"(?:,|\bva)\s*$", c.low[mentions[k - 1].end() : m.start()])
        visit = (
            _VISIT.search(c.low[: m.start()])
            or (not k and _visited_before(c, line))
            or (joined and _VISIT.search(c.low[: mentions[k - 1].start()]))  # "dự Lễ A cấp huyện và Lễ B tại X"
        )
        own = c.low[mentions[k - 1].end() if k else 0 : mentions[k + 1].start() if k + 1 < len(mentions) else None]
        fields = labelled_fields(line) if line is not None else {}
        timed = (
            find_times(own)
            or (line is not None and _line_time(line)[0] is not None and len(mentions) == 1)
            # a schedule row's "Thời gian:" is its first visit's ("Dự Lễ A tại X, sau đó dự B tại Y (9:30) —
            # Thời gian: 7:30")
            or (line is not None and not k and "when" in fields and _first_in_its_field(c, m, line))
        )
        placed = re.search(r"\btai\s", own) or "venue" in fields
        if visit and not (timed and placed):
            continue  # "dự A tại X, sau đó dự B tại Y lúc 9 giờ": only B's visit gives a time of its own
        if line is not None and _TOLD_LATER.search(line.low) and not (find_times(own) or dates_of(own)):
            continue  # "Lễ khai mạc … dự kiến trong tuần đầu tháng 10; thời gian, địa điểm sẽ có thông báo sau"
        at = line.low.find(c.low) if line is not None else -1
        if line is not None and at >= 0 and _delegation_sent(line, at + m.start(), at + m.end()):
            continue  # "Lễ khai mạc cấp tỉnh … tại X; huyện cử 05 đại biểu tham dự": another's, the issuer attends
        if not not_an_event(c, m.start(), m.end(), dates_of):
            return m
    return None


#: A labelled field's head ("Nhiệm vụ: ", "Nội dung: ") (folded).
_FIELD_HEAD = re.compile(r"^\s*[^\W\d][^:;.,]{1,30}" + LABEL_COLON)


def _first_in_its_field(c: Folded, m: re.Match[str], line: Folded) -> bool:
    """Whether a clause opens its line, or one of its labelled fields ("Đơn vị: Văn phòng UBND; Nhiệm vụ: Cử đồng
    chí A dự Lễ khai mạc cấp quận; Thời gian: …"), and no ceremony is named before it on the line: the line's "Thời
    gian:" is then its visit's."""
    if re.search(r"\b(?:sau|truoc)\s+khi\s+(?:(?:tham\s+)?du\s+)?$", c.low[: m.start()]):
        return False  # "Đ/c A (sau khi dự Lễ khai mạc cấp tỉnh)": the row's time is the next visit's, not that one's
    if line.low.startswith(c.low[: m.start()]):
        return True
    at = line.low.find(c.low)
    if at <= 0 or not re.search(r";\s*$", line.low[:at]) or not _FIELD_HEAD.match(c.low):
        return False
    return _CEREMONY.search(line.low, 0, at + m.start()) is None


#: The issuer naming itself by what it is, not by its name ("Nhà trường cử …", "Ban Chấp hành Hội dự …", "Đơn vị
#: cử …") (folded).
_OWN_BODY = r"(?:nha truong|don vi|co quan|ban chap hanh(?:\s+hoi)?)"
#: The issuer itself attending, at a clause's head, right before a ceremony's name ("Ban Chấp hành Hội dự Lễ khai mạc
#: … cấp quận") (folded).
_OWN_BODY_ATTENDS = re.compile(r"(?:^|[.;:]\s+)" + _OWN_BODY + r"\s+(?:se\s+)?(?:tham du|du)\s+$")
#: A ceremony's level said right after its name, in the same clause ("Lễ khai mạc Tuần lễ cấp quận") (folded).
_LEVEL_AFTER = re.compile(r"[^.;,]{0,40}?\bcap\s+(?:" + _kind_rx() + r")\b")


#: The issuer sending people to a ceremony told right before ("…; huyện cử đoàn 05 đại biểu tham dự", ". Sở cử 02
#: đồng chí lãnh đạo dự theo giấy mời"): its own unit by a bare administrative kind (:func:`_kind_rx`; or "UBND" and
#: the kind) or office ("Sở", "Phòng") at a clause's head, no "các"/"mỗi" before it ("Mỗi khu phố cử 10 người dự"
#: sends people to the issuer's own) (folded).
_SENDS_DELEGATION = re.compile(
    r"(?:^|[.;:]\s+|,\s+)(?:(?:ubnd|uy ban nhan dan)\s+)?"
    r"(?:" + _kind_rx() + r"|so|phong|" + _OWN_BODY + r")\s+(?:se\s+)?cu\s+(?!tri\b)"
    r"[^.;]{0,140}?\b(?:tham du|du)\b(?!\s+kien\b)"
)


#: The same said before the ceremony's name ("Phường cử đại diện lãnh đạo dự Lễ khai mạc cấp tỉnh do …"), or a
#: delegation counted at the head of its clause ("Đoàn 20 học sinh, 3 giáo viên dự Lễ khai mạc cấp huyện — …") (folded).
_SENDS_DELEGATION_TO = re.compile(
    _SENDS_DELEGATION.pattern + r"\s+$"
    r"|(?:^|[.;:]\s+)(?:cu\s+)?doan\s+(?:gom\s+)?\d{1,4}\s+[^.;]{0,80}?\b(?:tham du|du)\s+$"
)
#: A person named in a delegation's sentence ("… do bà A, Phó Chủ tịch UBND phường làm trưởng đoàn"), as written.
_NAMES_SOMEONE = re.compile(_HONORIFIC + r"\s+[" + CAPITAL_LETTERS + r"]")


def _delegation_sent(line: Folded, start: int, end: int) -> bool:
    """Whether a line says, right before a ceremony's mention (``start:end``), or after it and before the next one,
    that the issuer sends a delegation to it (:data:`_SENDS_DELEGATION`) and names no one in it: another unit's
    ceremony the issuer only attends. A delegation led by a named official ("… do bà A, Phó Chủ tịch UBND phường
    làm trưởng đoàn") keeps it: the official's day goes through it."""
    if end < 0:
        return False
    head = len(re.split(r"[.;]\s", line.low[:start])[-1])
    if _own_body_attends_other_level(line.low[start - head : start], line.low, end):
        return True
    if _SENDS_DELEGATION_TO.search(line.low[start - head : start]):
        return not _NAMES_SOMEONE.search(line.text[start - head : start])
    nxt = _CEREMONY.search(line.low, end)
    stop = nxt.start() if nxt else len(line.low)
    sent = _SENDS_DELEGATION.search(line.low[end:stop])
    if sent is None:
        return False
    said = re.split(r"[.;]\s", line.text[end + sent.start() : stop])[0]  # the sentence that sends them
    return not _NAMES_SOMEONE.search(said)


def _own_body_attends_other_level(clause: str, low: str, end: int) -> bool:
    """Whether the issuer, named by what it is, attends a ceremony of a named level ("Ban Chấp hành Hội dự Lễ khai
    mạc Tuần lễ cấp quận …"): another unit's ceremony, not one to plan. ``clause`` is the sentence's words before the
    ceremony's name, ``low`` the line and ``end`` where the name ends (folded)."""
    attends = _OWN_BODY_ATTENDS.search(clause) is not None
    return attends and _LEVEL_AFTER.match(low, end) is not None


#: A bracket that opens right before a ceremony's name said again after the first ("dự Lễ khai mạc tại Trường A (Lễ
#: khai mạc cấp phường) lúc 7h30", "Lễ phát động tại X (lễ cấp xã, …)"): the level of the one named, no other (folded).
_KIND_BRACKETED = re.compile(r"\(\s*$")


#: A line saying the event's when and where are told later ("thời gian, địa điểm cụ thể sẽ có thông báo sau") (folded).
_TOLD_LATER = re.compile(
    r"\b(?:thoi gian|dia diem|ngay gio)\b[^.]{0,60}?\bse\s+(?:co\s+|duoc\s+)?thong bao\s+(?:rieng|sau|cu the|bo sung)\b"
)


def _visited_before(c: Folded, line: Folded | None) -> bool:
    """Whether a clause continues a visit its line's clause before it begins ("… : dự Lễ phát động cấp huyện và | Lễ
    ra mắt mô hình … tại xã A"): the visit verb earlier in the same sentence, the clause joined by "và" or ","."""
    if line is None:
        return False
    at = line.low.find(c.low)
    before = line.low[:at] if at > 0 else ""
    return bool(re.search(r"(?:,|\bva)\s*$", before)) and _VISIT.search(re.split(r"[.;]", before)[-1]) is not None


#: A gathering that is no ceremony by its name ("Ngày hội …", "Hội thi …", "Tọa đàm …") (folded).
_GATHERING_DAY = re.compile(
    r"\b(?:ngay hoi|hoi thi|toa dam|hoi thao|giao luu|dem tho|dem van nghe|lien hoan)\b"
    r"|\bchuong trinh\s+(?=[\"“])"  # "dự chương trình “Đêm thơ – Học tập suốt đời” … tại Nhà văn hóa …": a named one
)


#: A session's label before what is held in it, its hour in brackets ("Buổi tối (19h): ", "Ca chiều (từ 14 giờ): ")
#: (folded).
_SESSION_LABEL = re.compile(_SESSION_ROW.pattern + r"\s*\([^()]*\)\s*:\s*")


def _held_for_officials(c: Folded, ln: Line, doc: Document | None) -> re.Match[str] | None:
    """A day's event named as a gathering that names an official it sends there: its line gives a clock time and a
    venue and who chairs or attends ("- 8 giờ 00: Ngày hội "Phụ nữ học tập số" tại Hội trường UBND phường …. Bà A
    chủ trì; mời bà B, …, dự"), or its heading's section does in labelled fields ("3. Ngày hội học tập phường A" /
    "- Thời gian: …" / "- Địa điểm: …" / "- Thành phần: bà B, Phó Chủ tịch UBND phường; …", or unlabelled: "- Đồng
    chí B … dự"): an event to plan like a ceremony."""
    m = _GATHERING_DAY.search(c.low)
    if m is None or not_an_event(c, m.start(), m.end(), lambda _low: []):
        return None
    line = ln.body
    # "- 14h00: Đ/c A dự Ngày hội … tại Trường B", or its venue in the item's own field ("… / Địa điểm: Trường B")
    if find_times(line.low) and (
        re.search(r"\btai\s", c.low[m.end() :])
        or "venue" in labelled_fields(line, max(line.low.find(c.low), 0) + m.end())
    ):
        return m if paragraph_guests(line) else None
    session = _SESSION_LABEL.match(c.low)  # "3. Buổi tối (19h): Đêm văn nghệ …": its hour in the session's label
    head = session.end() if session is not None else 0
    fields = doc.own_fields(ln.index) if doc is not None and ln.heading and m.start() == head else {}
    when = fields["when"].low if "when" in fields else session.group(0) if session is not None else ""
    if "venue" not in fields or not find_times(when):
        return None
    who = [fields[k] for k in ("who", "chair", "guests") if k in fields]
    if any(named_person(p) for w in who for p in re.split(r"\s*;\s*", w.text)):
        return m
    path = doc.path(ln.index) if doc is not None else ()
    own = [b.body for b in path[-1].blocks if not b.fields] if path else []
    if any(paragraph_guests(b) for b in own):  # "- Đồng chí A – Phó Chủ tịch UBND phường dự và chỉ đạo tọa đàm."
        return m
    # "3. Ngày hội đọc sách “…”" / its fields, and a leader's "… dự Ngày hội đọc sách tại …" elsewhere
    named = " ".join(re.split(r"[\s\"“”]+", c.low[m.start() :])[:4]).strip()
    visited = re.compile(r"\b(?:tham du|du|chu tri)\s+" + re.escape(named) + r"\b")
    if doc is not None and any(visited.search(f.low) for f in doc.lines):
        return m
    # an officials' table's row "Tọa đàm (04/10) — Lãnh đạo dự: Bà A – …": the gathering by its kind, a person sent
    kind = m.group(0)
    for f in doc.lines if doc is not None else []:
        row = re.match(re.escape(kind) + r"\b[^—:]{0,60}\s—\s", f.low)
        guests = labelled_fields(f).get("guests") if row else None
        if guests is not None and any(named_person(p) for p in re.split(r"\s*;\s*", guests.text)):
            return m
    return None


#: "cùng ngày": on the day of the event told before (folded).
_SAME_DAY = re.compile(r"\bcung ngay\b")
#: A rehearsal of the ceremony named right after it ("Buổi tổng duyệt chương trình Lễ khai mạc …", "tổng duyệt
#: chương trình văn nghệ chào mừng Lễ khai mạc") (folded).
_REHEARSED = re.compile(
    r"\b(?:tong duyet|tong duot|so duyet|tap duot|duyet)\b(?:\s+(?:chuong trinh|kich ban|cho)(?:\s+[a-z]+){0,4})?\s+$"
)


#: Where a ceremony's name ends (folded): a verb, a preposition, a time word, a punctuation mark.
_NAME_STOP = re.compile(
    r"\s(duoc|dien ra|vao|tai|bang|voi|co|dong loat|long ghep|ket hop|nham|cua|cap|to chuc|luc|ngay|se|bat dau|"
    r"hoc tap suot doi|huong ung|tuan le|nhu sau|o cac cap|cac cap|hoac|\d+ phut)\b|[,;.(:“\"—–]"
)
#: Stop words of :data:`_NAME_STOP` that another word folds like ("tái" like "tại", "cô" like "có"), as they may be
#: written.
_NAME_STOP_WRITTEN = {"tai": ("tại", "tai"), "co": ("có", "co")}


def _said_before(ln: Line, doc: Document | None) -> bool:
    """What an amended plan says the plan it amends had: under "I. LÝ DO ĐIỀU CHỈNH", or "- Nội dung đã ban hành:
    Lễ khai mạc … lúc 8 giờ 00"; no event of this plan."""
    if doc is not None and any(AMENDED_BECAUSE.match(s.title.low) for s in doc.path(ln.index)):
        return True
    if _OLD_PLAN_TOLD.search(ln.body.low) and doc is not None and any(_AMENDING.search(x.low) for x in doc.lines[:20]):
        return True  # a notice changing a plan: "Ngày 22/9, UBND xã ban hành Kế hoạch số 97…, theo đó Lễ khai mạc …"
    said = _SAID_BEFORE.match(ln.body.low)
    if said is None:
        return False
    old = said.span("old")
    return old[0] < 0 or ln.body.text.isascii() or ln.body.text[old[0] : old[1]].lower() == "cũ"


#: An event held in each class on its own ("Tổng kết Tuần lễ tại lớp", "… tại các lớp", a venue "Các lớp", "Từng lớp
#: học") (folded): the classes' own hour, no ceremony staged at one venue.
_IN_EACH_CLASS = re.compile(
    r"\btai\s+(?:cac\s+|tung\s+|moi\s+)?lop(?:\s+hoc)?\b(?!\s*\d)|^(?:cac|tung|moi)\s+lop(?:\s+hoc)?$"
)


#: Each unit holding its own ceremony ("Mỗi phường tổ chức 01 Lễ khai mạc tại trường học hoặc Trung tâm học tập cộng
#: đồng", "từng xã tổ chức lễ phát động"; a unit by any administrative kind, :func:`_kind_rx`, a school, or a
#: residential group "khu phố", "ấp", "thôn", "tổ dân phố") (folded): with no day or hour of its own, each unit's,
#: none of this plan.
_EACH_UNIT_HOLDS = re.compile(
    r"\b(?:moi|tung)\s+(?:" + _kind_rx() + r"|truong|don vi|khu pho|ap|thon|to dan pho)\b[^.;:]{0,40}?"
    r"\bto chuc\s+(?:01\s+|mot\s+)?(?:buoi\s+)?le\b"
)


#: A heading that names a ceremony only as where its section's duties are done ("1. Tại Lễ phát động", "Tại khu vực
#: Lễ khai mạc:", "Tại buổi Lễ ra quân") (folded, numbering left out).
_AT_THE_CEREMONY = re.compile(r"^tai\s+(?:khu vuc\s+)?(?:buoi\s+)?le\s")


def _programme_of_one_read(ev: CeremonyEvent, c: Folded, before: list[CeremonyEvent], dates_of: DatesOf) -> bool:
    """Whether a clause heads the programme (:data:`PROGRAMME_HEAD`) or the duties (:data:`_AT_THE_CEREMONY`) of a
    ceremony of its kind read above with an hour, on the day it gives if any ("Chương trình Lễ khai mạc (thứ Hai,
    06/10)" or "2. Tại Lễ khai mạc" below "Lễ khai mạc: 7 giờ 30 …"), and gives no hour of its own (its day and hour
    read from the section around it are that ceremony's)."""
    low = c.low.strip()
    if (PROGRAMME_HEAD.search(low) is None and _AT_THE_CEREMONY.match(low) is None) or find_times(low):
        return False
    kind, days = kind_of(ev), {d.as_date for d in dates_of(low)}
    return any(kind_of(e) == kind and e.time and (not days or e.date in days) for e in before)


#: A ceremony whose hour the plan leaves to the units that hold it: "vào thời gian phù hợp" / "vào thời điểm thích
#: hợp" ("các xã tổ chức khai mạc tại nhà văn hóa vào thời gian phù hợp"), or schools (communes, units) folding it
#: into their own flag salute ("các trường lồng ghép khai mạc vào buổi chào cờ sáng thứ Hai") (folded).
_UNITS_OWN_TIME = re.compile(
    r"\bvao\s+(?:thoi gian|thoi diem)\s+(?:phu hop|thich hop)\b"
    r"|\b(?:cac|\d+)\s+(?:truong(?:\s+hoc)?|xa|phuong|don vi|co so)\b[^.;:]{0,40}?\blong ghep\b"
    r"[^.;:]{0,30}?\b(?:chao co|sinh hoat duoi co)\b"
)


def _left_to_the_units(c: Folded) -> bool:
    """Whether a ceremony's clause leaves its hour to the units that hold it and gives none of its own."""
    return _UNITS_OWN_TIME.search(c.low) is not None and not find_times(c.low)


def _in_each_class(ev: CeremonyEvent, c: Folded) -> bool:
    """Whether a ceremony's clause or venue says it is held in each class (:data:`_IN_EACH_CLASS`)."""
    return _IN_EACH_CLASS.search(c.low) is not None or _IN_EACH_CLASS.search(fold(ev.place or "").strip()) is not None


def _kept(
    ev: CeremonyEvent,
    c: Folded,
    ln: Line,
    lines: list[Line],
    before: list[CeremonyEvent],
    dates_of: DatesOf,
    undated: list[str],
) -> bool:
    """Whether a ceremony read from a clause is one more to plan (a programme's title named after its next line):
    not one held "lồng ghép" with no day or time (kept in ``undated``), nor a remark on one already read."""
    if _PROGRAMME_TITLE.match(c.low):
        if any(e.date or e.time for e in before):
            return False  # "CHƯƠNG TRÌNH BUỔI LỄ" under an invitation's "Lễ khai mạc …": that ceremony's programme
        ev.name = _programme_name(lines, ln)
    if _programme_part(ev, ln, lines, before, dates_of):
        return False
    if _in_each_class(ev, c):  # "Tổng kết Tuần lễ tại lớp — …; Địa điểm: Các lớp": each class's own hour
        return False
    if ev.date is None and ev.time is None and _EACH_UNIT_HOLDS.search(c.low):  # "Mỗi phường tổ chức 01 Lễ …"
        undated.append(tidy(c.text)[:200])
        return False
    if ev.date is None and not ev.host.empty and re.search(r"\blong ghep\b", c.low) and ev.time is None:
        undated.append(tidy(c.text)[:200])
        return False
    if _programme_of_one_read(ev, c, before, dates_of):  # "IV. CHƯƠNG TRÌNH LỄ KHAI MẠC (thứ Tư, 01/10)" below its time
        return False
    if _left_to_the_units(c):  # "23 xã tổ chức khai mạc … vào thời gian phù hợp": each unit's own hour
        undated.append(tidy(c.text)[:200])
        return False
    return ln.numbered or ln.heading or not _told_again(ev, ln.body, before, dates_of)


#: The head of a ceremony's programme ("III. CHƯƠNG TRÌNH LỄ PHÁT ĐỘNG", "Kịch bản chương trình", "Chương trình
#: buổi lễ", "Chương trình Lễ khai mạc:", "… được tổ chức …, theo chương trình sau:", a day's timetable "lịch hoạt
#: động … như sau:") (folded, numbering left out): its rows are the parts of one ceremony or the day's other items,
#: not instances of it, nor a work or action programme ("Chương trình công tác năm 2024").
PROGRAMME_HEAD = re.compile(
    r"^(?:kich ban|chuong trinh)(?:\s+(?:chi tiet|cu the|to chuc|du kien))?"
    r"(?:\s+(?:cua\s+)?(?:buoi le|le|kich ban|chuong trinh)\b|\s*:?\s*$)"
    r"|\b(?:theo|voi)\s+(?:kich ban|chuong trinh)\s+(?:sau|nhu sau|cu the|du kien)\b[^.;]*:\s*$"
    # "… lịch hoạt động của buổi sáng hôm đó như sau:", "thời gian biểu cụ thể như sau:": the day's items in order
    r"|\b(?:lich hoat dong|thoi gian bieu)\b[^.;:]{0,60}?\b(?:sau|nhu sau)\s*:\s*$"
)
#: How far a programme's row may lie from the start of the ceremony read above it and still be one of its parts
#: (minutes before, after): a reception before it, the closing words and the column's departure after it.
_PART_WINDOW = (60, 180)


def _programme_head(ln: Line, lines: list[Line]) -> Line | None:
    """The line that heads the block of programme rows a line is in (the first line above that is no bullet, no
    timed item and no table slot), when it names a ceremony's programme (:data:`PROGRAMME_HEAD`) or a timed
    ceremony (:func:`_timed_ceremony_head`)."""
    above = [x for x in lines if x.index < ln.index]
    for x in reversed(above):
        if x.bullet or _PROGRAMME_ITEM.match(x.body.low) or _SLOT_FIELD.search(x.body.low):
            continue
        return x if PROGRAMME_HEAD.search(x.body.low.strip()) or _timed_ceremony_head(x) else None
    return None


def _timed_ceremony_head(x: Line) -> bool:
    """Whether a line over a programme's rows names a ceremony and its clock time ("B. Lễ bế mạc và trao giải - 18 giờ
    30, ngày 08/10/2023, Nhà văn hóa A" over "19g30 - 19g40 | Phát biểu bế mạc"): the rows are that ceremony's parts."""
    return _CEREMONY.search(x.body.low) is not None and bool(find_times(x.body.low))


def _programme_part(
    ev: CeremonyEvent, ln: Line, lines: list[Line], before: list[CeremonyEvent], dates_of: DatesOf
) -> bool:
    """Whether a ceremony's name on a row of a programme is one of the parts of the ceremony read above ("+ 7h00 -
    7h10: Nghi lễ chào cờ; tuyên bố lý do" under "2. Chương trình buổi lễ"): a timed item or table slot under a
    programme's head that gives no day and no venue of its own, within the hours of a timed ceremony before it."""
    body = ln.body.low
    if not (_PROGRAMME_ITEM.match(body) or _SLOT_FIELD.search(body)) or ev.time is None:
        return False
    if dates_of(body) or re.search(r"\btai\s", body) or "venue" in labelled_fields(ln.body):
        return False
    at = ev.time.hour * 60 + ev.time.minute
    near = [
        e
        for e in before
        if e.time is not None and -_PART_WINDOW[0] <= at - (e.time.hour * 60 + e.time.minute) <= _PART_WINDOW[1]
    ]
    return bool(near) and _programme_head(ln, lines) is not None


#: A programme table's slot as a row's field ("Phát động Tuần lễ — Thời gian: 08h20 – 08h30; …") (folded).
_SLOT_FIELD = re.compile(
    r"\bthoi gian\s*:\s*\d{1,2}\s*(?:gio|h|g|:)\s*\d{0,2}\s*(?:phut\s*)?[-–—]\s*\d{1,2}\s*(?:gio|h|g|:)"
)
#: A ceremony's kind written without "Lễ" that is also a programme's item ("Bế mạc", "Ra mắt mô hình …", and
#: "Phát động Tuần lễ" on a programme's timed line) (folded).
_BARE_KIND = re.compile(r"be mac$|ra mat |phat dong\b")


#: A visit's verb before a ceremony's kind written without "Lễ" ("6g45 dự chào cờ, phát động …") (folded).
_VISITED_AT = re.compile(r"\b(?:tham du|du|chu tri)\b")


def _told_own(c: Folded, m: re.Match[str], ln: Line, dates_of: DatesOf, doc: Document | None) -> bool:
    """Whether such a mention is an event of its own: its line gives its day ("c) Bế mạc, trao giải: 16 giờ 30
    Chủ nhật 08/10/2023, tại …"), or it heads a section that gives its time ("II. RA MẮT MÔ HÌNH …" / "1. Thời
    gian: …"), or its line, no programme's timed slot, gives its own hour and venue after it ("3. Bế mạc, trao giải:
    lúc 10 giờ 00 tại sân khấu chính", its day the section's)."""
    at = ln.body.low.find(c.low)
    rest = ln.body.low[max(at, 0) + m.end() :]
    if dates_of(rest):
        return True
    slot = re.match(r"\s*\d{1,2}\s*(?:gio|h|g|:)", ln.body.low) is not None  # "- 8 giờ 40: Bế mạc, …": a slot
    if not slot and re.search(r"\bluc\s+\d", rest) and find_times(rest) and re.search(r"\btai\s", rest):
        return True
    return ln.heading and doc is not None and "when" in doc.own_fields(ln.index)


def _mention(
    c: Folded, ln: Line, dates_of: DatesOf, doc: Document | None, title: frozenset[int]
) -> re.Match[str] | None:
    """The ceremony a clause is: its own mention, a day's event held for officials, an invitation's or an amended
    plan's item over its own fields ("2. Dự Lễ tuyên dương …" / "Thời gian: …"), or a programme's title."""
    m = _event_mention(c, dates_of, ln.body) or _held_for_officials(c, ln, doc)
    timed = re.match(r"\s*\d{1,2}\s*(?:gio|h|g|:)", ln.body.low) is not None  # "09:10 – 09:20 Phát động …"
    timed = timed or _SLOT_FIELD.search(ln.body.low) is not None  # a table's row "… — Thời gian: 08h20 – 08h30"
    bare = m is not None and _BARE_KIND.match(m.group(0)) and (timed or not m.group(0).startswith("phat dong"))
    if bare and m is not None and _VISITED_AT.search(c.low[: m.start()]) and re.search(r"\btai\s", c.low[m.end() :]):
        bare = False  # "- 6g45 dự chào cờ, phát động Tuần lễ tại Trường A": an official's visit to it, not a slot
    if m is not None and bare and not _told_own(c, m, ln, dates_of, doc):
        return None  # "- 8 giờ 40: Bế mạc, tặng sách", "5. Ra mắt mô hình … (8h05)": a programme's item
    if (
        m is not None
        and m.group(0).startswith("phat dong")
        and any(
            e <= m.start() and not re.search(r"\b(?:tham du|du|chu tri)\b", c.low[e : m.start()])
            for _n, _s, e in persons(c.text)
        )
    ):
        return None  # "- Đồng chí A, Chủ tịch Hội Khuyến học huyện – phát động Tuần lễ": what A does there (not
        # "bà B dự Lễ chào cờ kết hợp phát động Tuần lễ tại …", a visit)
    if m is None and doc is not None and _INVITED_TO.match(c.low):
        fields = doc.own_fields(ln.index, NOT_EVENT_HEAD) or doc.fields_below(ln.index)
        m = _CEREMONY.search(c.low) if "when" in fields and "venue" in fields else None
    if m is None and ln.index in title and _PROGRAMME_TITLE.match(c.low):
        m = re.search(r"buoi le", c.low)  # the ceremony the programme is, named after the line below
    return m


def _told_again(ev: CeremonyEvent, body: Folded, before: list[CeremonyEvent], dates_of: DatesOf) -> bool:
    """A ceremony already read with its day, time and venue, named again in a line that states neither a day nor
    a venue of its own ("Ghi chú: Lễ khai mạc có chương trình văn nghệ … từ 7 giờ 10 phút"): a remark on it."""
    fields = labelled_fields(body)
    if dates_of(body.low) or re.search(r"\btai\s", body.low) or "venue" in fields or "when" in fields:
        return False
    said = amendment(body.text, dates_of)  # "Lễ khai mạc cấp xã chuyển từ 8 giờ sang 14 giờ": the one above, moved
    if said is not None and said.kind == "moved" and not re.search(r"\b(?:truong hop|neu)\b", body.low):
        return False
    return any(kind_of(o) == kind_of(ev) and o.date and o.time and o.place for o in before)


def _programme_name(lines: list[Line], ln: Line) -> str:
    """The name of the ceremony a programme's title calls "the ceremony": "Buổi lễ" and the title's next line
    ("CHƯƠNG TRÌNH BUỔI LỄ" / "Hưởng ứng Tuần lễ học tập suốt đời năm 2024")."""
    below = next((x for x in lines if x.index > ln.index), None)
    said = tidy(below.body.text) if below is not None and not below.numbered and len(below.body.text) < 160 else ""
    said = re.split(r"\s+và\s+", said)[0]  # "… năm 2024" / "và phát động phong trào …": its first part
    return "Buổi lễ " + (said[:1].lower() + said[1:] if said[:1].isupper() and not said.isupper() else said)


def _ceremony_name(c: Folded, m: re.Match[str]) -> str:
    """The ceremony's name as the clause writes it ("Lễ khai mạc", "Lễ phát động"), without "Tuần lễ"."""
    stop = next(  # a stop word as written: "tái mù chữ" folds like "tại"
        (
            x
            for x in _NAME_STOP.finditer(c.low, m.end())
            if x.group(1) not in _NAME_STOP_WRITTEN
            or c.text[x.start(1) : x.end(1)].lower() in _NAME_STOP_WRITTEN[x.group(1)]
        ),
        None,
    )
    end = stop.start() if stop else len(c.low)
    quoted = re.match(r"\s*[\"“]([^\"”]{2,80})[\"”]", c.text[end:])
    if quoted and end - m.end() <= 1:  # "chương trình “Đêm thơ – Học tập suốt đời”": the programme's own name
        end += quoted.end()
    name = tidy(c.text[m.start() : end])
    name = capitalize(title_case(name, every_word=False) if name.isupper() else name)  # "RA MẮT MÔ HÌNH" (a heading)
    if name.count('"') % 2:  # cut before its closing quote: 'Ra mắt mô hình "Tổ dân phố học tập'
        name += '"'
    elif name.count("“") > name.count("”"):
        name += "”"
    gatherings = (
        "le ",
        "ngay hoi",
        "chuong trinh",
        "hoi thi",
        "toa dam",
        "hoi thao",
        "giao luu",
        "dem ",
        "lien hoan",
        "buoi le",
    )
    if not fold(name).startswith(gatherings):
        name = "Lễ " + name[:1].lower() + name[1:]
    name = re.sub(r"\s+(?:Tuần lễ|tuần lễ)$", "", name) if fold(name).startswith("le ") else name
    if fold(name).endswith(" tuan le") and fold(name).startswith("le "):
        name = name[: -len(" tuần lễ")]
    return name


#: An official's visit before a ceremony's name ("dự", "chủ trì", "dự, phát biểu tại"), folded.
_VISIT = re.compile(r"\b(?:tham du|den du|du|chu tri|phat bieu(?: khai mac)?(?: tai)?)\s+$")


#: Where an official's visit ends and the next one starts ("…, sau đó dự …", "; 9 giờ 30 dự …", "rồi dự Lễ …").
_VISIT_END = re.compile(r"[,;]?\s*\b(?:sau do|roi|tiep do|tiep theo)\b|;|\b(?:tham du|du)\s+(?=le\b)")


def _visit_host(c: Folded, m: re.Match[str]) -> tuple[Host, list[InstitutionRef]] | None:
    """A ceremony an official's itinerary names ("Đồng chí X: dự A …, sau đó dự Lễ khai mạc tại Trường B (phường
    C) lúc 9 giờ"): the person is no host; the units named after it are ("phường C"), else the issuer."""
    if _VISIT.search(c.low[: m.start()]) is None:
        return None
    nxt = _VISIT_END.search(c.low, m.end())  # "…, sau đó dự Lễ phát động tại xã D": the next visit's, not its
    end = nxt.start() if nxt else len(c.low)
    rest = Folded(c.text[m.end() : end], c.low[m.end() : end])
    named = [u for u in unit_refs(rest) if u.name][:1]
    return (Host(named[0].text, named) if named else Host()), []


def _ceremony_host(ln: Line, c: Folded, m: re.Match[str]) -> tuple[Host, list[InstitutionRef]]:
    """Who holds it (the clause's subject, its label, the heading above) and the venues named before it."""
    sub, vpos = subject_of(c)
    own = host_of(sub) if sub.text.strip() and vpos < m.start() else Host()
    label_host = Host()
    if ln.label and not _CEREMONY.search(fold(ln.label)):
        label_host = host_of(Folded.of(ln.label))
        lv = school_levels(fold(ln.label))
        if lv and not label_host.institutions:
            label_host.institutions.append(InstitutionRef("school", ln.label, None, lv))
    host = own.merged(label_host.merged(ln.outer)) if not own.empty else label_host.merged(ln.outer)
    whose = OWNER_AFTER.match(c.low, m.end())
    if whose is not None:  # "Lễ khai mạc (của) phường Hiệp Thành": the unit it names holds it
        named = [u for u in unit_refs(Folded(c.text[whose.end() :], c.low[whose.end() :]))[:1] if u.name]
        if named and c.low.find(fold(named[0].text), whose.end()) == whose.end():
            host = Host(named[0].text, named, host.institutions, host.org, host.exception)
    between = Folded(c.text[vpos : m.start()], c.low[vpos : m.start()]) if vpos < m.start() else Folded("", "")
    named = [u for u in unit_refs(between) if not u.bare]
    if host.empty and named:  # "Năm nay chọn 03 xã (A, B, C) tổ chức Lễ …": the units the verb names hold it
        host = Host(tidy(between.text), named)
    return host, [i for i in institution_refs(between) if not i.indefinite]


#: Words after a ceremony's name that name its holder ("Lễ khai mạc của phường A", "Lễ hưởng ứng tại xã B").
OWNER_AFTER = re.compile(r"(?:\s+tuan le)?(?:\s+chung)?\s+(?:(?:cua|tai)\s+)?")


def _ceremony_notes(c: Folded, parts: list[str]) -> list[str]:
    """Remarks kept with it: who takes part, the flag ceremony, what it is combined with."""
    notes = []
    if parts:
        notes.append("với sự tham gia của " + "; ".join(parts))
    if _FLAG_TIME.search(c.low):
        notes.append("vào giờ chào cờ")
    combined = re.search(r"\blong ghep\b", c.low)
    if combined:
        notes.append(tidy(c.text[combined.start() :])[:120])
    return notes


def _attendees(ln: Line, c: Folded, fields: dict[str, Folded], doc: Document | None) -> tuple[list[str], list[str]]:
    """Who a ceremony's clause, its paragraph (when it gives this ceremony alone: "diễn văn khai mạc" names none)
    and its chair field (its section's with ``doc``) send to it; who takes part (a note)."""
    invited, parts = _guests(c)
    if (
        sum(x.group(0).startswith("le ") for x in CEREMONY.finditer(ln.body.low)) <= 1
        or _own_mentions(ln.body.low) == 1
        and not _visited_clause(ln.body.low, c.low)
    ):
        invited += [g for g in paragraph_guests(ln.body) if g not in invited]
    for label in ("chair", "guests"):  # "Chủ trì: ông A, Chủ tịch …; bà B, …", "Khách mời: bà C – …; ông D – …"
        said = fields.get(label) or (_section_field(doc, ln.index, label) if doc is not None else None)
        for one in _each_guest(said) if said is not None else []:
            if not re.match(HONORIFIC_FOLDED + r"\s+(?!" + _TITLE + r")", one.low.strip()) or SENDS_OTHER.search(
                one.text
            ):
                continue  # a title, or "Đ/c A cử đại diện Văn phòng dự": A does not go
            if label == "guests" and not any(len(n.split()) >= 2 for n, _s, _e in persons(one.text)):
                continue  # "Lãnh đạo dự: Đ/c Khánh": a short name for someone the document names in full
            name = capitalize(tidy(one.text))  # "Đồng chí X, Phó Chủ tịch …" attends
            invited += [name] * (name not in invited)
    return invited, parts


def _own_mentions(low: str) -> int:
    """How many ceremonies a paragraph (folded) names as its own: not those an official's visit names ("Lễ khai mạc
    cấp huyện tại X. Đồng chí A dự Lễ khai mạc cấp tỉnh, sau đó về dự … tại Lễ khai mạc cấp huyện": one; a
    paragraph of visits only names none, and its persons' are read by the visits' readers)."""
    return sum(
        x.group(0).startswith("le ") and not _VISITED_LE.search(low, 0, x.start()) for x in CEREMONY.finditer(low)
    )


def _visited_clause(low: str, clause: str) -> bool:
    """Whether a ceremony's clause (folded) is a visit its paragraph (folded) tells ("…; sau khi phát lệnh, đồng chí
    A dự Lễ khai mạc cấp Thành phố tại …"): the paragraph's guests are its own ceremony's, not that one's."""
    at = low.find(clause)
    first = next((x for x in CEREMONY.finditer(clause) if x.group(0).startswith("le ")), None)
    if at < 0 or first is None:
        return False
    return _VISITED_LE.search(low, max(0, at + first.start() - 40), at + first.start()) is not None


#: A visit's verb right before the ceremony it goes to ("dự Lễ …", "về dự tại Lễ …", "phát biểu tại Lễ …") (folded).
_VISITED_LE = re.compile(r"\b(?:(?:tham |den )?du|chu tri|phat bieu(?: khai mac)?)(?:\s+tai)?\s+$")


#: A cited document's number right before a date ("Giấy mời số 215/GM-UBND ngày 26/9/2023", "Công văn 58/UBND-VX
#: ngày …") (folded): the date the document was issued, no event's.
CITED_BEFORE = re.compile(r"(?:\bso\s*:?\s*\d+|(?<![\w/])\d+/[\w.&-]*[a-z])[\w/.&-]*\s+(?:ngay\s+)?$")


def cited_in_brackets(low: str, at: int) -> bool:
    """Whether the date at ``at`` of folded text is a cited paper's said in brackets after what it is about ("…
    tại Trường A (theo Giấy mời số 215/GM-UBND ngày 26/9/2023 của UBND thành phố)")."""
    return low.rfind("(", 0, at) > low.rfind(")", 0, at) and CITED_BEFORE.search(low[:at]) is not None


def _clause_day(c: Folded, m: re.Match[str], line_dates: set[Any], dates_of: DatesOf, told: Date | None) -> Date | None:
    """A ceremony clause's day: its own date, else its line's one date; "cùng ngày" before any date of its own is
    the day ``told`` (the row above's, or the event's before it)."""
    said = [  # not "báo cáo trước ngày …", nor "(theo Giấy mời số 215/GM-UBND ngày 26/9/2023 …)": a cited paper's
        x for x in dates_of(c.low) if not DUE_BEFORE.search(c.low[: x.start]) and not cited_in_brackets(c.low, x.start)
    ]
    ds: list[Found] = [x for x in said if x.start >= m.start()] or said
    if ds and len({x.value for x in ds}) > 1 and re.search(r"\btu\s+ngay", c.low):
        ds = [x for x in ds if x.start > m.start()]
    if not ds and _VAGUE_WHEN.search(c.low, m.end()):  # "Lễ phát động của phường tổ chức vào cuối Tuần lễ": not
        return None  # the day another clause of its line gives ("Lễ khai mạc cấp quận … ngày 02/10 …; …")
    day = ds[0].as_date if ds else (next(iter(line_dates)) if len(line_dates) == 1 else None)
    same = _SAME_DAY.search(c.low, m.start())
    if same and told and (not ds or ds[0].start > same.start()):
        day = told  # "… khai mạc lúc 9 giờ 30 cùng ngày tại A; … mở cửa đến hết ngày 05/10": the day before's
    return day


#: A clause's own time told only by the part of a period it falls in ("vào cuối Tuần lễ", "vào đầu tháng 10", "vào dịp
#: giữa tuần") (folded): no day of the clause's line is its.
_VAGUE_WHEN = re.compile(r"\bvao\s+(?:dip\s+)?(?:cuoi|dau|giua)\s+(?:tuan le|tuan|thang|nam|dot|ky)\b")


#: A trip to the ceremony said in brackets ("(xe đi lúc 13g15 từ trụ sở UBND tỉnh)") (folded): its time is no
#: start of the ceremony's.
_TRIP_SAID = re.compile(r"\([^()]*?\b(?:xe\s+(?:di|chay|xuat phat|don)|khoi hanh|xuat phat|don dai bieu)\b[^()]*\)")


#: Those coming arriving by a time ("có mặt trước 07 giờ 00", "tập trung từ 6 giờ 45") (folded, the text right before
#: the time): an arrival, before the ceremony starts, never its start.
_ARRIVE_BY = re.compile(_GATHER_WORDS + r"\s+(?:truoc|tu|cham nhat)\s+(?:luc\s+)?$")


def _arrivals_blanked(low: str) -> str:
    """Folded text with the times of an arrival by a time blanked (:data:`_ARRIVE_BY`)."""
    for t in reversed(find_times(low)):
        if _ARRIVE_BY.search(low, max(0, t.start - 40), t.start):
            low = low[: t.start] + " " * (t.end - t.start) + low[t.end :]
    return low


def _clause_venue(c: Folded, m: re.Match[str]) -> str | None:
    """The venue a ceremony's clause names: after it ("Lễ A tại X"), in brackets, or said before it ("Sáng 2/10, tại
    Hội trường X, UBND xã tổ chức Lễ A"; "Lúc 8 giờ 30, tại sân Trường X tổ chức Lễ trao tặng …")."""
    place = _venue_after_tai(c, m.end()) or _venue_in_brackets(c, m.end())
    if place is None and _HOLDS_HERE.search(c.low, 0, m.start()):
        said = c.low.rfind(",", 0, m.start())  # up to who holds it
        place = _venue_after_tai(Folded(c.text[:said], c.low[:said]), 0)
    held = _HELD_HERE.search(c.low, 0, m.start()) if place is None else None
    if held is not None:
        place = _venue_after_tai(Folded(c.text[: held.start(1)], c.low[: held.start(1)]), 0)
    return place or _venue_first(c)  # "Trường THCS A: 9h00, kết hợp khai mạc Ngày hội đọc sách": the point's venue


#: Where a sentence ends before the next one starts with a capital or a number (as written).
_SENTENCE_BREAK = re.compile(r"(?<=[\w)])\.\s+(?=[\d" + CAPITAL_LETTERS + r"])")


def _own_times_said(low: str) -> str:
    """A ceremony clause with the times that are not its own blanked (same length): a trip's ("xe đi lúc 13g15"),
    a gathering's, and those told to arrive by ("Các xóm có đại biểu dự Lễ A có mặt trước 07 giờ 00")."""
    said = _GATHER_SAID.sub(lambda x: " " * len(x.group(0)), _TRIP_SAID.sub(lambda x: " " * len(x.group(0)), low))
    return _daily_hours_blanked(_arrivals_blanked(said))


#: What follows the hours something is open every day ("8 giờ 00 - 20 giờ 00 hằng ngày", "từ 7h30 đến 17h mỗi
#: ngày") (folded, right after a time).
_DAILY_AFTER = re.compile(r"[^.;()]{0,25}?\b(?:hang ngay|moi ngay|cac ngay)\b")


def _daily_hours_blanked(low: str) -> str:
    """Folded text with the times of daily opening hours blanked (:data:`_DAILY_AFTER`): an exhibition's or a
    library's hours, no ceremony's start."""
    for t in reversed(find_times(low)):
        if _DAILY_AFTER.match(low, t.end):
            low = low[: t.start] + " " * (t.end - t.start) + low[t.end :]
    return low


def _ceremony(
    ln: Line,
    c: Folded,
    m: re.Match[str],
    line_dates: set[Any],
    dates_of: DatesOf,
    doc: Document | None,
    before: CeremonyEvent | None,
    above: Date | None = None,
) -> CeremonyEvent:
    """One ceremony clause read: its date, times, venue and duration from the clause, its labelled fields (its
    own line's, else its section's), the event before it ("cùng ngày"); its host, guests and notes."""
    day = _clause_day(c, m, line_dates, dates_of, above or (before.date if before is not None else None))
    t0, t1 = _span(_own_times_said(c.low)[m.start() :])  # not "(xe đi lúc 13g15 …)", "(đại biểu có mặt trước 8g15)"
    if t0 is None:  # "- 7h30: dự Lễ …", "Sáng 01/10, lúc 7 giờ 15: xã A tổ chức Lễ …": the time at the clause's head
        head = c.low[: m.start()]
        stops = list(_SENTENCE_BREAK.finditer(c.text[: m.start()]))  # the last sentence's:
        t0, t1 = _span(head[stops[-1].end() :]) if stops else (None, None)  # "… lúc 6 giờ 30. 8 giờ 30, đoàn dự Lễ …"
        if t0 is None:
            t0, t1 = _span(head)
    if t0 is None:  # "- 7h00: Đ/c A; Đ/c B dự Lễ …": its row's one time
        t0, t1 = _line_time(ln.body)
    place = _school_said(c, m.start(), _clause_venue(c, m))
    if _THIS_IS.search(c.low[: m.start()]):  # "Vào lúc 14:00 …, tại Trường A. Đây là lễ khai mạc B": the line's
        t0, t1, place = _told_before(ln.body, t0, t1, place)
    duration = _duration(c.low)
    told_here = place is not None and t0 is not None  # "… Lễ ra mắt … vào 14 giờ 00 … tại Trường A": its own
    fields = labelled_fields(ln.body, max(ln.body.low.find(c.low[m.start() : m.end()]), 0))  # after its mention
    own_line = bool(fields)
    section = doc if doc is not None and not _CHOSEN_BY_UNITS.search(c.low) else None  # "(… do xã chủ động)": none
    if not fields and section is not None and not told_here:  # its section's labelled blocks ("1. Lễ phát động" /
        fields = section.own_fields(ln.index, NOT_EVENT_HEAD)  # "• Thời gian: …"); not "Buổi tổng duyệt diễn ra lúc …"
    host, venue_insts = _visit_host(c, m) or _ceremony_host(ln, c, m)
    section = _section_of(section, host, fields)
    told_elsewhere = _AT_AREA.search(c.low, m.end()) is not None  # "tại phía Đông của tỉnh": a row says where
    unit_only = place is not None and _UNIT_ONLY.fullmatch(fold(place)) is not None  # "… tại xã A": its venue below
    if "venue" in fields and (own_line or (place is None or unit_only) and not told_elsewhere):  # its "tại X" first
        place = _venue_text(fields["venue"]) or place
    if "when" in fields:
        w = fields["when"]
        place = place or (None if "venue" in fields else _venue_in_when(w))
        if t0 is None:  # "7 giờ 30 phút … (đại biểu có mặt từ 7 giờ 15 phút)": the bracket's is another time
            t0, t1 = _span(_outside_brackets(w.low))
        if day is None or not [x for x in dates_of(c.low) if x.start >= m.start()]:
            wd = _days_outside_spans(w.low, dates_of, or_spans=own_line)  # (a section's span: the week's, no day)
            day = wd[0].as_date if wd else day
    when_low = c.low + " " + (fields["when"].low if "when" in fields else "")
    last = above or (before.date if before is not None else None)  # a table's row above, else the event before
    if day is None and last is not None:
        day = relative_day(when_low, last)  # "14 giờ cùng ngày", "sáng hôm sau": from the event before
    if day is None and doc is not None and re.search(r"\bcung ngay\b", when_low):
        day = _day_above(doc, ln.index, dates_of)
    if section is not None and (day is None or place is None):  # its intro's date ("Lịch … (T3 1/10):"), section's
        day = day or _intro_day(section, ln.index, dates_of) or _section_date(section, ln.index, dates_of)
        place = place or (None if told_elsewhere else _section_venue(section, ln.index))
    place = _whole_venue(place, section, ln.index)  # "(tại hội trường lớn)": of the venue "Địa điểm: …" names
    if section is not None and t0 is None:  # its section's "Thời gian:", else the sentence under its heading
        t0, t1, place, day, duration = _section_told(section, ln, place, day, last, dates_of, duration)
    if "duration" in fields:
        duration = _duration(fields["duration"].low) or _duration("thoi luong " + fields["duration"].low)
    invited, parts = _attendees(ln, c, fields, doc if not told_here else None)
    return CeremonyEvent(
        name=_ceremony_name(c, m),
        family="closing" if _CLOSING.search(m.group(0)) else "opening",
        date=day,
        time=t0,
        end=t1,
        duration=duration,
        place=place,
        choice=_choice(c),
        host=host,
        venue_institutions=venue_insts,
        launch_group=bool(re.search(r"\bdong loat\b", c.low)),
        notes=_ceremony_notes(c, parts),
        flag_time=bool(_FLAG_TIME.search(c.low)),
        part_of_day="morning" if _MORNING.search(c.low) else "afternoon" if _AFTERNOON.search(c.low) else None,
        guests=invited,
        text=tidy(c.text[m.start() :] if _VISIT.search(c.low[: m.start()]) else c.text)[:300],
        line=ln.index,
    )


#: A sentence that tells when a heading's event is held without naming it again ("Tổ chức lúc 09:45 cùng ngày tại
#: …", "Diễn ra vào 8 giờ …", "Vào lúc 14 giờ 00 …") (folded, the section's first paragraph).
_HELD_SENTENCE = re.compile(
    r"^(?:(?:duoc|se)\s+)?(?:to chuc|dien ra|bat dau)\s+(?:vao\s+)?(?:luc\s+)?(?=\d)|^vao luc\s+(?=\d)"
)


def _section_told(
    doc: Document,
    ln: Line,
    place: str | None,
    day: Date | None,
    last: Date | None,
    dates_of: DatesOf,
    duration: int | None,
) -> tuple[Time | None, Time | None, str | None, Date | None, int | None]:
    """A ceremony's start and end from its section's "when" field; else what the sentence under its heading tells
    ("III. LỄ RA MẮT …" / "Tổ chức lúc 09:45 cùng ngày tại Công viên A, …", :func:`_told_below`)."""
    t0, t1 = _section_time(doc, ln.index)
    held = _held_below(doc, ln) if t0 is None else None
    if held is not None:
        return _told_below(held, place, day, last, dates_of, duration)
    return t0, t1, place, day, duration


def _told_below(
    f: Folded, place: str | None, day: Date | None, last: Date | None, dates_of: DatesOf, duration: int | None
) -> tuple[Time | None, Time | None, str | None, Date | None, int | None]:
    """What the sentence under a ceremony's heading tells of it: its start and end, its venue (unless the heading
    names one), its day (its own date, not a deadline's, else "cùng ngày" after ``last``) and its duration."""
    own = [x for x in dates_of(f.low) if not DUE_BEFORE.search(f.low[: x.start])]
    told = own[0].as_date if own else relative_day(f.low, last) if last is not None else day
    t0, t1 = _span(f.low)
    return t0, t1, place or _venue_after_tai(f, 0), told, _duration(f.low) or duration


def _held_below(doc: Document, ln: Line) -> Folded | None:
    """The sentence right under a ceremony's heading that tells when (and where) it is held, or None."""
    path = doc.path(ln.index)
    sec = path[-1] if path and path[-1].line == ln.index else None
    first = sec.blocks[0].body if sec is not None and sec.blocks else None
    return first if first is not None and _HELD_SENTENCE.match(first.low) and find_times(first.low) else None


def _day_above(doc: Document, line: int, dates_of: DatesOf) -> Date | None:
    """ "Lễ ra quân: 06 giờ 30 cùng ngày" below "Tập trung: 06 giờ 00, ngày 29/9/2024": the last date written on
    the lines just above (not a deadline's)."""
    for f in reversed(doc.lines[max(0, line - 8) : line]):
        said = [x for x in dates_of(f.low) if not DUE_BEFORE.search(f.low[: x.start])]
        if said:
            return said[-1].as_date
    return None


def _told_before(
    body: Folded, t0: Time | None, t1: Time | None, place: str | None
) -> tuple[Time | None, Time | None, str | None]:
    """A ceremony named as what its line's sentences before describe: their one time and their venue."""
    if t0 is None and len({t.value for t in find_times(body.low)}) == 1:
        t0, t1 = _span(body.low)
    return t0, t1, place or _venue_after_tai(body, 0)


#: A clause that says where before it says who holds the ceremony ("…, tại Hội trường A, UBND xã tổ chức " right
#: before its name) (folded).
_HOLDS_HERE = re.compile(r"\btai\s+[^;]{3,160},\s*[^,;]{2,60}?\s(?:to chuc|khai mac|dien ra)\s*$")
#: A venue said before the ceremony and its verb, without a comma ("tại sân Trường A tổ chức Lễ …") (folded).
_HELD_HERE = re.compile(r"\btai\s+[^;,]{3,120}?(\s+(?:se\s+)?(?:to chuc|dien ra))\s*$")


#: A ceremony named as what the sentences before it describe ("Đây là lễ khai mạc …", "Đó chính là …") (folded).
_THIS_IS = re.compile(r"(?:^|[.;]\s*)(?:day|do)\s+(?:chinh\s+)?la\s+$")


def _section_fields(doc: Document, line: int, name: str) -> list[Folded]:
    """The labelled fields of that name for a line: its own block's, its sections' (innermost first), the
    document's own."""
    block = doc.block(line)
    found = [block.field(name)] if block is not None else []
    for sec in (*reversed(doc.path(line)), doc.root):  # a section's own labelled lines, not its other rows'
        found += [
            b.field(name)
            for b in sec.blocks
            if b.kind != "row" and not NOT_EVENT_HEAD.match(b.body.low) and (sec is not doc.root or _opens(b, name))
        ]
    # "II. THỜI GIAN, ĐỊA ĐIỂM": what the whole document states
    found.append(doc.label_fields(NOT_EVENT_HEAD).get(name))
    return [f for f in found if f is not None]


def _opens(b: Block, name: str) -> bool:
    """Whether a block of labelled fields holds its field of that name: it opens with a field ("Địa điểm: …",
    "Thời gian: …; Địa điểm: …", an invitation's two cells on one line), not tells it after another thing ("- Sáng
    7g30: … giao ban …. Địa điểm: Phòng họp số 1": that item's place, no document's)."""
    return b.field(name) is not None and any(0 <= b.body.low.find(v.low) <= 30 for _k, v in b.fields)


def _section_field(doc: Document, line: int, name: str) -> Folded | None:
    return next(iter(_section_fields(doc, line, name)), None)


def _days_outside_spans(low: str, dates_of: DatesOf, or_spans: bool = True) -> list[Found]:
    """The dates of a "Thời gian" field, those outside a span first ("Tuần lễ diễn ra từ ngày 01/10 đến ngày
    07/10/2025. Lễ phát động … sáng Thứ Bảy, 04/10/2025": the ceremony's day, not the week's); the span's own
    dates only ``or_spans``."""
    ds = dates_of(low)
    spans = [(m.start(), m.end()) for m in DAY_SPAN.finditer(low)]
    return [x for x in ds if not any(a <= x.start < b for a, b in spans)] or (ds if or_spans else [])


#: A list's item at a line's head ("1) …", "2. …", "b) …", "- …", "• …") (folded).
_ITEM_HEAD = re.compile(r"^\s*(?:\d{1,2}\s?[.)]|[a-z]\)|[-–•+*])\s")


def _intro_day(doc: Document, line: int, dates_of: DatesOf) -> Date | None:
    """The one date of the line ending with ":" that introduces the list a ceremony's item, dated nowhere on its own
    line, belongs to ("Lịch dự lễ khai mạc ngày mai (T3 1/10) ạ:" over "1) 7h30 – P. A: Lễ …"; not a deadline)."""
    if line >= len(doc.lines) or not _ITEM_HEAD.match(doc.lines[line].low):
        return None
    for f in reversed(doc.lines[max(0, line - 12) : line]):
        if _ITEM_HEAD.match(f.low):
            continue
        said = {x.as_date for x in _own_dates(f.low, dates_of) if not DUE_BEFORE.search(f.low[: x.start])}
        return next(iter(said)) if f.low.rstrip().endswith(":") and len(said) == 1 else None
    return None


def _section_date(doc: Document, line: int, dates_of: DatesOf) -> Date | None:
    """ "Ngày tổ chức: thứ Sáu, 03/10/2025." above a programme's rows: the date of a ceremony that gives none
    (the nearest such field that holds a date)."""
    whole = doc.label_fields(NOT_EVENT_HEAD).get("when")
    for w in _section_fields(doc, line, "when"):
        ds = _days_outside_spans(w.low, dates_of)
        # the document's span is no day; its one day beside a span, at a clock time, is ("Thời gian: 7 giờ 30, thứ
        # Hai ngày 03/10/2022 (Tuần lễ … từ ngày 01/10 đến ngày 07/10/2022)"; not "Tuần lễ … từ ngày 01/10 đến ngày
        # 07/10. Tuyên truyền bắt đầu từ ngày 25/9")
        if ds and (w is not whole or _one_timed_day(w.low, dates_of)):
            return ds[0].as_date
    return None


def _one_timed_day(low: str, dates_of: DatesOf) -> bool:
    """Whether a "Thời gian" field gives one day: its only one ("Ngày tổ chức: Thứ Hai, 02/10/2023"), or one outside
    its spans of days (:data:`DAY_SPAN`) beside a clock time."""
    if len({x.value for x in dates_of(low)}) == 1:
        return True
    outside = DAY_SPAN.sub(lambda m: " " * len(m.group(0)), low)
    return len({x.value for x in dates_of(outside)}) == 1 and bool(find_times(outside))


#: A closed bracket and what it holds: in a "Thời gian" field ("(đại biểu có mặt từ 7 giờ 15 phút)") the times it
#: tells are others'; in an absence ("chỉ dự buổi thứ nhất (buổi thứ hai trùng lịch …)") the ceremonies it names.
BRACKETED = re.compile(r"\([^()]*\)")


def _outside_brackets(low: str) -> str:
    """A "Thời gian" field without its brackets when a time is left outside them, else as written."""
    outside = BRACKETED.sub(" ", low)
    return outside if find_times(outside) else low


def _section_time(doc: Document, line: int) -> tuple[Time | None, Time | None]:
    """ "1. Thời gian" / "Vào lúc 7 giờ 30 phút, ngày …" for a ceremony the document is about: the start (and end)
    its section's, else the document's, "when" field states, when that field states one span."""
    for w in _section_fields(doc, line, "when"):
        low = _outside_brackets(w.low)
        times = find_times(low)
        if times:
            t0, t1 = _span(low)
            return (t0, t1) if len(times) <= 2 and (t1 is not None or len(times) == 1) else (None, None)
    return None, None


def _section_venue(doc: Document, line: int) -> str | None:
    """ "Địa điểm: sân trường …" above a programme's rows: the venue of a ceremony that names none."""
    v = _section_field(doc, line, "venue")
    return _venue_text(v) if v is not None else None


def _section_of(doc: Document | None, host: Host, fields: dict[str, Folded]) -> Document | None:
    """The document whose enclosing sections' labelled fields a ceremony clause may take; none for one held by
    units or schools the document does not name that has no fields of its own line or section ("Tham mưu UBND các
    huyện tổ chức khai mạc Tuần lễ tại địa phương"): the document's "Thời gian:" and "Địa điểm:" tell its own
    ceremony, not theirs."""
    return None if not fields and unnamed_holders(host) else doc


#: A programme's item: a time (or a span) at the head of a line, then what happens ("- 7h30: Chào cờ, tuyên bố lý
#: do", "07 giờ 00 – 07 giờ 25 Đón tiếp đại biểu"), folded.
_PROGRAMME_ITEM = re.compile(
    r"^\s*(?:" + BULLET_MARK + r"\s*)?(?:(?:dung|luc|vao luc|tu)\s+)?"  # "- Đúng 7 giờ 30: chào cờ", "Lúc 7h30: …"
    r"(\d{1,2}\s?(?:gio|h|g|:)\s?\d{0,2}(?:\s?phut)?)(?:\s?[-–]\s?\d{1,2}\s?(?:gio|h|g|:)\s?\d{0,2}"
    r"(?:\s?phut)?)?\s*:?\s+(?=\S)"
)
#: What comes before a ceremony proper: the reception, a show, the guests seated (folded).
_BEFORE_CEREMONY = re.compile(r"^(?:don tiep|don dai bieu|on dinh|van nghe|chuong trinh van nghe|tap trung|tap ket)\b")


def _programme_start(events: list[CeremonyEvent], lines: list[Line], doc: Document | None) -> None:
    """The one ceremony of a document that states no time of its own (a script's "Lễ khai mạc … / Thời gian: ngày
    01/10" above its programme), or one whose heading opens a section of the programme ("1. Lễ khai mạc (tại hội
    trường)" / "- Đúng 7 giờ 30: chào cờ, …"): the time of the programme's first item after the reception ("7h00 –
    7h25: Đón tiếp đại biểu" / "7h30: Chào cờ, tuyên bố lý do" → 7:30)."""
    untimed = [e for e in events if e.time is None]
    if len(events) == 1 and len(untimed) == 1:
        _first_item_time(untimed[0], [ln for ln in lines if ln.index >= untimed[0].line])
        return
    for e in untimed:
        path = doc.path(e.line) if doc is not None else ()
        if path and path[-1].line == e.line:
            _first_item_time(e, [ln for ln in lines if e.line < ln.index <= _last_line(path[-1])])


#: A list's item that tells where and when all taking part gather ("- Tập trung lực lượng, xe hoa: 6 giờ 00 … tại
#: Công viên A", "+ Tập kết đoàn xe lúc 6h30 tại sân B", "• 6:30 có mặt tại sân Trường C": its time first) (folded,
#: bullet left out).
_GATHERING_ITEM = re.compile(
    r"^(?:\d{1,2}\s?(?:gio|h|g|:)\s?\d{0,2}(?:\s?phut)?\s*[:,–-]?\s*)?(?:tap trung|tap ket|co mat)\b"
)


def _venue_of_gathering(events: list[CeremonyEvent], lines: list[Line], dates_of: DatesOf) -> None:
    """A ceremony told as an item of a list of the day's times with no venue of its own ("- Tập trung lực lượng,
    xe hoa: 6 giờ 00 ngày 01/10 tại Công viên A." / "- Lễ ra quân: 6 giờ 30 cùng ngày"): held where the item above
    it in the same list gathers everyone, when that item gives no other day."""
    by_index = {ln.index: ln for ln in lines}
    for e in events:
        ln = by_index.get(e.line)
        if e.place or e.choice or ln is None or not ln.bullet:
            continue
        for x in reversed([y for y in lines if e.line - 4 <= y.index < e.line]):
            if not x.bullet:
                break
            if _GATHERING_ITEM.match(x.body.low):
                days = {d.as_date for d in dates_of(x.body.low)}
                if not days or e.date is None or days == {e.date}:
                    e.place = _venue_after_tai(x.body, 0)
                    if e.place:  # a decision the user reads in the ceremony's note (and may overturn)
                        e.notes.append("địa điểm theo nơi tập trung ở mục trên (văn bản không ghi riêng)")
                break


def _first_item_time(e: CeremonyEvent, lines: list[Line]) -> None:
    """A ceremony's time from the first of the lines that is a programme's item after the reception."""
    for ln in lines:
        m = _PROGRAMME_ITEM.match(ln.body.low)
        if m is None or _BEFORE_CEREMONY.match(ln.body.low[m.end() :]):
            continue
        found = find_times(m.group(1))
        if found and not re.search(r"\b(?:xuat phat|khoi hanh|dieu hanh|lan banh|ket thuc)\b", ln.body.low):
            e.time = found[0].as_time  # not a parade's departure or an end
        return


def _name_in(a: str, b: str) -> bool:
    """Whether one venue's name holds the other's as whole words ("xã Hy Cương" in "Trung tâm học tập cộng đồng xã
    Hy Cương"; abbreviations written out)."""
    ka, kb = _venue_words(a), _venue_words(b)
    return bool(ka and kb) and (f" {ka} " in f" {kb} " or f" {kb} " in f" {ka} ")


@lru_cache(maxsize=16384)
def _venue_words(venue: str) -> str:
    """A venue's name as :func:`_name_in` compares it: abbreviations written out, folded, single spaces."""
    from paradeplan.geo.names import name_key

    return " ".join(fold(name_key(venue)).replace(",", " ").split())


def _named_units(e: CeremonyEvent) -> set[str]:
    """The units and institutions that hold a ceremony, by name ("phường A", "Trường TH B")."""
    named = {fold(u.name) for u in e.host.units if u.name}
    return named | {fold(i.text) for i in e.host.institutions if i.text and not i.count}


def _one_event(a: CeremonyEvent, b: CeremonyEvent) -> bool:
    """Whether two mentions of a ceremony are one event (:func:`merged_mentions`): of one kind, or of two an
    opening names together ("1. Lễ phát động cấp phường" over "Nội dung: khai mạc, phát động …") on the same day,
    at the same time and venue."""
    if a.family != b.family:
        return False
    same_hour = a.date is not None and a.date == b.date and a.time is not None and a.time == b.time
    two_kinds = a.family == "opening" and same_hour and kind_of(a) != kind_of(b) and _kind_bare(a, b)
    if two_kinds and a.place and b.place and fold(a.place) == fold(b.place) and not (a.choice or b.choice):
        ua, ub = _named_units(a), _named_units(b)
        return ua == ub or not ua or not ub
    if a.family != b.family or kind_of(a) != kind_of(b) or a.choice or b.choice:
        return False
    if any(u.collective for u in (*a.host.units, *b.host.units)):
        return False  # "các phường tổ chức Lễ khai mạc lúc 7 giờ 30": every unit's own
    ua, ub = _named_units(a), _named_units(b)
    lone = next((x for x in (a, b) if x.date is None and x.time is None and x.place), None)
    told = b if lone is a else a  # "làm lễ ra quân lúc 8g45" and an official's "dự Lễ ra quân tại UBND phường":
    if lone is not None and told.place is None:  # the venue of the one told with its time
        return bool(told.date or told.time) and (ua == ub or not ua or not ub)
    if _hour_told_below(a, b) or _hour_told_below(b, a):  # "Lễ A … ngày 02/10, tại X." / "- Lễ A bắt đầu lúc 6g45"
        return ua == ub or not ua or not ub
    if _in_its_area(a, b) or _in_its_area(b, a):  # "… tổ chức Lễ A tại thành phố B" / "Lễ A … lúc 7 giờ 00 …"
        return ua == ub or not ua or not ub
    if a.time is None and b.time is None or a.time is not None and b.time is not None and a.time != b.time:
        return False
    if a.date is None and b.date is None:  # "16 giờ 30: dự khai mạc tại A" in a summary and again in detail
        same = a.time is not None and a.time == b.time and a.place and b.place and _name_in(a.place, b.place)
        return bool(same) and (ua == ub or not ua or not ub)
    if a.date != b.date and not (a.date is None or b.date is None):
        return False
    undated = a.date is None or b.date is None  # an official's visit naming only the time: its place says which
    if undated and (a.time is None or b.time is None or not (a.place and b.place)):
        return False
    if a.place and b.place:
        return _name_in(a.place, b.place) and (ua == ub or not ua or not ub)
    return ua == ub or (_venue_told_once(a, b) and not (ua and ub))


def _venue_told_once(a: CeremonyEvent, b: CeremonyEvent) -> bool:
    """Whether two mentions of a kind on one day at one hour differ only in that one tells the venue ("Lễ khai mạc lúc
    07 giờ 30 ngày 01/10" in a notice's body, its appendix's "07h30: Lễ khai mạc … Địa điểm: Trung tâm A")."""
    same_hour = a.date is not None and a.date == b.date and a.time is not None and a.time == b.time
    return same_hour and (a.place is None) != (b.place is None)


def _in_its_area(a: CeremonyEvent, b: CeremonyEvent) -> bool:
    """Whether ``a`` names the ceremony ``b`` tells with its hour, without an hour and "held" only in a unit's area
    ("… phối hợp tổ chức Lễ phát động Tuần lễ … tại thành phố A" and "Lễ phát động … lúc 07 giờ 00, ngày 01/10 tại
    sân Trường B"), on no other day: one event."""
    area = a.time is None and a.place is not None and _UNIT_ONLY.fullmatch(fold(a.place)) is not None
    return area and b.time is not None and b.place is not None and (a.date is None or a.date == b.date)


def _hour_told_below(a: CeremonyEvent, b: CeremonyEvent) -> bool:
    """Whether ``b``, a few lines below ``a``, tells only the hour of the ceremony ``a`` tells the day and venue of
    without an hour ("Lễ ra quân tổ chức sáng thứ Tư, ngày 02/10, tại Sân vận động A." / "- Lễ ra quân bắt đầu lúc
    6 giờ 45"): one event told in two sentences."""
    told = a.date is not None and a.place is not None and a.time is None
    return told and b.time is not None and b.date is None and b.place is None and 0 < b.line - a.line <= 3


def _kind_bare(a: CeremonyEvent, b: CeremonyEvent) -> bool:
    """Whether one of two mentions names its ceremony's kind bare ("Nội dung: khai mạc, phát động"), not as "Lễ …"."""
    said = [_CEREMONY.search(fold(x.text)) for x in (a, b)]
    return any(m is not None and not m.group(0).startswith(("le ", "buoi le")) for m in said)


def _merged(keep: CeremonyEvent, other: CeremonyEvent) -> None:
    """``keep`` completed by another mention of the same event (its time, date, fuller venue, host, guests)."""
    keep.time, keep.end = (keep.time, keep.end) if keep.time else (other.time, other.end)
    keep.date = keep.date or other.date
    if other.place and (not keep.place or len(other.place) > len(keep.place)):
        keep.place = other.place  # "xã A" and "Trung tâm học tập cộng đồng xã A": the fuller name
    keep.duration = keep.duration or other.duration
    keep.host = keep.host if _named_units(keep) or keep.host.institutions or other.host.empty else other.host
    keep.guests = list(dict.fromkeys(keep.guests + other.guests))
    keep.notes = list(dict.fromkeys(keep.notes + other.notes))
    keep.part_of_day = keep.part_of_day or other.part_of_day


def merged_mentions(events: list[CeremonyEvent]) -> list[CeremonyEvent]:
    """One event for the mentions of one ceremony: the same kind, on the same day, one of them with a clock time
    and the other with none or the same, at the same venue (one name holding the other, or none said) and held by
    the same unit ("Lễ khai mạc cấp tỉnh được tổ chức ngày 01/10 tại Trường A" and the programme's row "7h30 Lễ
    khai mạc … Trường A"; an official's "9h30 dự Lễ khai mạc tại xã B" and "Lễ khai mạc điểm cấp xã — 09 giờ 30 …
    Trung tâm học tập cộng đồng xã B"). The first mention keeps its place in the list."""
    out: list[CeremonyEvent] = []
    for e in events:
        same = next((x for x in out if _one_event(x, e)), None)
        if same is None:
            out.append(e)
        else:
            _merged(same, e)
    return out


def _without_references(events: list[CeremonyEvent]) -> list[CeremonyEvent]:
    """Without the mentions of a ceremony the document already dates ("Phòng Văn hóa: tổ chức Lễ phát động",
    "Công an quận: bảo đảm an ninh … Lễ phát động"): no date, time or venue of their own, and no unit of their
    own to hold another one (a department, or the issuing level itself)."""
    dated = {fold(e.name) for e in events if e.date or e.time}

    def own(e: CeremonyEvent) -> bool:
        if e.date or e.time or e.place or e.choice or fold(e.name) not in dated:
            return True
        return any(i.kind == "school" for i in e.host.institutions) or any(not u.bare for u in e.host.units)

    return [e for e in events if own(e)]


_GUEST_SPLIT = re.compile(r"\s*;\s*|(?:\s+(?:va|cung)|\s*,)\s+(?=" + HONORIFIC_FOLDED + r"\s)")


#: Going in the place of the person named next ("… dự thay đ/c A", "… đi thay cho ông B") (folded): that person
#: does not go.
_GOES_INSTEAD = re.compile(r"\s+(?:tham du|du|di)\s+thay(?:\s+cho)?\s+(?=" + HONORIFIC_FOLDED + r"\s)")


def _each_guest(f: Folded, start: int = 0, end: int | None = None) -> list[Folded]:
    """The persons a list of guests names one after the other (cut at ";", and at "và", "cùng" or "," before an
    honorific: "bà A và đồng chí B", "Đ/c A, Đ/c B"; "B dự thay đ/c A" names B), between ``start`` and ``end``."""
    stop = len(f.low) if end is None else end
    out, a = [], start
    for m in [*_GUEST_SPLIT.finditer(f.low, start, stop), None]:
        b = m.start() if m else stop
        instead = _GOES_INSTEAD.search(f.low, a, b)  # "Đ/c B dự thay đ/c A (…)": B, the one who goes
        b = instead.start() if instead else b
        out.append(Folded(f.text[a:b], f.low[a:b]))
        a = m.end() if m else a
    return out


def row_guests(lines: list[Line]) -> list[OfficialFact]:
    """Officials a schedule's rows send to their own venue ("… — Địa điểm: X; Lãnh đạo dự: Đ/c A, Phó Chủ tịch"):
    one itinerary a person, the rows in order; a role without a person ("Lãnh đạo Sở") is no one's itinerary."""
    out: dict[str, OfficialFact] = {}
    legend = _role_legend(lines)
    for ln in lines:
        fields = labelled_fields(ln.body)
        g = fields.get("guests")  # "Lãnh đạo dự"; else a ceremony row's "Thành phần": the people it names
        g = g if g is not None or not _held_row(ln.body, fields) else fields.get("who")
        if g is None or _meeting_row(ln.body, fields) or _OTHER_WORK.match(ln.body.low):
            continue
        venue, when = _row_target(ln.body, fields)
        stops = [(venue, "", when)] if venue is not None else []
        first = _FIRST_VISIT.search(ln.body.low) if "venue" not in fields else None
        tour = _visits(ln.body, first.start()) if first is not None else []
        if len(tour) >= 2:  # "Dự Lễ A tại X, sau đó dự B tại Y (9:30) — Thời gian: 7:30; Lãnh đạo dự: …": both
            stops = [(t, named, at or (when if not k else None)) for k, (t, named, at) in enumerate(tour)]
        guests = [p for x in _each_guest(g) for p in _by_role(x, legend)]
        for one in guests:
            who = tidy(one.text)
            if not stops or not named_person(who) or SENDS_OTHER.search(who):  # "Đ/c A cử đại diện … dự": not A
                continue
            key = fold(who.split(",")[0])
            fact = out.setdefault(key, OfficialFact(capitalize(who), [], tidy(ln.body.text)[:300]))
            for target, named, at in _own_stops(one, guests, stops):
                fact.targets.append(target)
                fact.events.append(named)
                fact.times.append(at)
    return list(out.values())


def _own_stops(
    one: Folded, guests: list[Folded], stops: list[tuple[str, str, Time | None]]
) -> list[tuple[str, str, Time | None]]:
    """A guest's stops of a row's tour: a tour told inside one guest's own words ("Thành phần: đồng chí A dự Lễ khai
    mạc tại X, sau đó dự Lễ … cấp tỉnh tại Y; đồng chí B … phát biểu") is that guest's; the others stay at the first."""
    told = [x for x in guests if _FIRST_VISIT.search(x.low)]
    return stops if len(stops) < 2 or not told or one in told else stops[:1]


def _held_row(body: Folded, fields: dict[str, Folded]) -> bool:
    """Whether a schedule's row is a ceremony's, its "Thành phần" those at it: it names the ceremony, or it gives a
    clock time and a venue of its own and is no rehearsal ("UBND phường A — Thời gian: 7g00, 02/10; Địa điểm:
    Trường B; Thành phần: đ/c C - Phó Chủ tịch UBND quận; …", a table of the ceremonies a heading lists)."""
    if _CEREMONY.search(body.low):
        return True
    when = fields.get("when")
    timed = when is not None and bool(find_times(when.low))
    what = re.split(r"\s[—–]\s", body.low, maxsplit=1)[0]  # the row's item, before its labelled cells
    if _COLUMN_ROW.search(what):
        return False  # "Đoàn diễu hành xuất phát — Thời gian: 14g45; …; Thành phần: Đ/c A dẫn đoàn": the parade's
    return timed and "venue" in fields and not _REHEARSAL_SAID.search(body.low) and not NOT_EVENT_HEAD.match(body.low)


#: A schedule row's item about the column, not a ceremony ("Đoàn diễu hành xuất phát", "Đoàn xe hoa lăn bánh", "Các
#: xe về đến điểm cuối, giải tán") (folded).
_COLUMN_ROW = re.compile(PARADE_WORDS + r"|\b(?:xuat phat|khoi hanh|lan banh|giai tan)\b")


#: A work schedule's row of other work than an event ("Trực lãnh đạo", "Tiếp công dân", "Kiểm tra …", "Làm việc
#: với …"), folded at the row's head: its leaders go to no ceremony.
_OTHER_WORK = re.compile(
    r"^(?:truc(?:\s+lanh dao|\s+ban)?|tiep (?:cong dan|dan)|kiem tra|lam viec|hop|giao ban|chao co|khao sat"
    r"|tap huan|tiep (?:doan|khach))\b"
)
#: A person named with the short role a schedule then uses for them ("ông Lê Văn A - Chủ tịch (CT)", "bà B, Phó
#: Chủ tịch phụ trách văn hóa - xã hội (PCT.VX)") (as written).
_ROLE_LEGEND = re.compile(
    r"(?P<hon>(?i:ông|bà|đồng chí|đ/c))\s+(?P<who>["
    + CAPITAL_LETTERS
    + r"][^\W\d_]*(?:\s+["
    + CAPITAL_LETTERS
    + r"][^\W\d_]*){1,5})\s*[-–,]\s*"
    r"(?P<title>[^();]{2,100}?)\s*\((?P<abbr>[A-ZĐ]{1,5}(?:\.[A-ZĐa-z]{1,5})?)\)"
)


def _role_legend(lines: list[Line]) -> dict[str, str]:
    """The short roles a document's schedule names its leaders by ("CT", "PCT.VX") → the person and title."""
    out: dict[str, str] = {}
    for ln in lines:
        for m in _ROLE_LEGEND.finditer(ln.body.text):
            out.setdefault(m.group("abbr").upper(), f"{m.group('hon')} {m.group('who')}, {tidy(m.group('title'))}")
    return out


def _by_role(guest: Folded, legend: dict[str, str]) -> list[Folded]:
    """A schedule's cell of short roles ("CT, PCT.VX") as the people the document's legend names; else the cell."""
    roles = [r.strip().upper() for r in guest.text.split(",")]
    if legend and all(r in legend for r in roles):
        return [Folded.of(legend[r]) for r in roles]
    return [guest]


def _row_target(body: Folded, fields: dict[str, Folded]) -> tuple[str | None, Time | None]:
    """Where a schedule's row sends its guests and at what time: its venue field, else the place or level its
    ceremony's name states ("Lễ khai mạc tại xã B — Thời gian: 9h30, 01/10; Lãnh đạo dự: …")."""
    when = find_times(fields["when"].low) if "when" in fields else []
    at = when[0].as_time if when else None
    if "venue" in fields:
        return _venue_text(fields["venue"]), at
    gathering = _GATHERING_DAY.match(body.low)  # "Tọa đàm (04/10) — Lãnh đạo dự: …": the gathering by its name
    if gathering is not None and "guests" in fields:
        return tidy(body.text[: gathering.end()]), at
    m = _CEREMONY.search(body.low)
    head = re.match(r"^(.{2,160}?)\s[—–]\s", body.text)
    if m is None or head is None or m.start() >= head.end():
        return None, None
    sub = Folded(body.text[: head.end(1)], body.low[: head.end(1)])
    tat = re.search(r"\btai\s+(.+)$", sub.low[m.end() :])
    if tat is not None:
        return tidy(sub.text[m.end() + tat.start(1) :]), at
    lv = re.search(r"\bcap\s+(?:" + _kind_rx() + r")\b", sub.low[m.end() :])
    if lv is not None:
        return tidy(sub.text[m.end() + lv.start() : m.end() + lv.end()]), at
    return _visit_unit(sub, m.end(), len(sub.low)) or None, at


#: A person who attends without naming where ("Đồng chí X, Phó Chủ tịch UBND quận, dự và phát biểu"), folded.
_ATTENDS = re.compile(
    r"(?:^|[;:.]\s*)(?:(?:tran trong |tran )?(?:kinh )?moi\s+)?(?P<who>" + HONORIFIC_FOLDED + r"\s[^;:]{3,150}?),?\s+"
    r"(?:tham du|du|chu tri)(?:\s+va\s+[^,;.]{2,40})?\s*(?:[,;.]|$)"
)


#: A programme's timed row whose part a named person gives ("07 giờ 25  Phát biểu hưởng ứng - đồng chí X, Chủ tịch
#: UBND phường", "8h00: Trao giấy khen (Ông Y, Phó Chủ tịch UBND xã)", "- 7 giờ 40: Tuyên bố khai mạc: Bà Z"): the
#: person is at the ceremony (folded).
_PROGRAMME_PART_BY = re.compile(
    r"^\s*(?:" + BULLET_MARK + r"\s*)?\d{1,2}\s*(?:gio|h|g|:)\s*\d{0,2}(?:\s*phut)?\s*[:.–-]?\s*[^;]{0,80}?"
    r"\b(?:phat bieu|trao|tuyen bo|doc (?:dien van|dien tu|thu)|dien van|chu tri|trong cay|danh trong)\b"
    r"[^;]{0,80}?(?:\s[-–—:]\s*|:\s*|\(\s*)(?P<who>" + HONORIFIC_FOLDED + r"\s[^;()]{3,120}?)\s*(?:\)|[.;]?\s*$)"
)


def _bare_name(who: str) -> str:
    """A person as a programme's row names them, without the honorific and the title after the name ("đồng chí
    Lý Văn A, Chủ tịch UBND xã" → "Lý Văn A"), or the act said after it ("đồng chí Lý Văn A trao" → "Lý Văn A")."""
    named = persons(who)
    if named:
        return named[0][0]
    name = re.split(r"\s*[,(]\s*|\s+[-–—]\s+", who)[0]
    return re.sub(r"^" + _HONORIFIC + r"\s+", "", name).strip() or who


def sole_guests(lines: list[Line], events: list[CeremonyEvent]) -> list[OfficialFact]:
    """In a document about one ceremony, the people it says attend without naming where, or who give a part of
    its programme (:data:`_PROGRAMME_PART_BY`): that ceremony's."""
    held = [e for e in events if e.place and (e.date or e.time)]
    if len(held) != 1:
        return []
    out = []
    for ln in lines:
        said = [(ln.body, m) for m in _ATTENDS.finditer(ln.body.low)]
        said += [(ln.f, m) for m in _PROGRAMME_PART_BY.finditer(ln.f.low)]  # (its hour may read as a numbering)
        for f, m in said:
            who = tidy(f.text[m.start("who") : m.end("who")])
            # "… - đồng chí A và đồng chí B": each of the two who give the part
            each = [_bare_name(x) for x in _each_named(who)] if m.re is _PROGRAMME_PART_BY else [who]
            out += [OfficialFact(capitalize(x), [held[0].place or ""], tidy(ln.body.text)[:300], [""]) for x in each]
    return out


def assigned_visits(lines: list[Line]) -> list[OfficialFact]:
    """Officials listed by where they go under a line that sends them ("Phân công lãnh đạo dự Lễ khai mạc tại các
    xã:" / "- Xã A: đồng chí X, Phó Chủ tịch UBND huyện" / "- Xã B: Ông Y"): one visit each, in the order met."""
    out: dict[str, OfficialFact] = {}
    kind = ""
    for ln in lines:
        text = ln.body.text.rstrip()
        if not ln.bullet:
            visit = _FIRST_VISIT.search(ln.body.low) if text.endswith(":") else None
            named = _CEREMONY.match(ln.body.low, visit.end()) if visit else None
            kind = named.group(0) if named else ""
            continue
        m = re.match(r"^([^:]{2,80}):\s*(.{3,200})$", text)
        if not kind or m is None or not _PERSON_MARK.match(fold(m.group(2)) + " "):
            continue
        for who in re.split(r"\s*;\s*|\s+và\s+(?=(?:đồng chí|đ/c|ông|bà)\s)", m.group(2).rstrip(" .;"), flags=re.I):
            if _PERSON_MARK.match(fold(who) + " "):
                fact = out.setdefault(_person(who), OfficialFact(capitalize(tidy(who)), [], tidy(text)[:300]))
                fact.targets.append(tidy(m.group(1)))
                fact.events.append(kind)
                fact.times.append(None)
    return list(out.values())


def _person(who: str) -> str:
    return re.sub(r"^" + HONORIFIC_FOLDED + r"\s+", "", fold(who.split(",")[0])).strip()


def read_officials(lines: list[Line]) -> list[OfficialFact]:
    """Officials the text sends to ceremonies: "<who> dự Lễ khai mạc tại <A>, sau đó dự … tại <B>", "Đ/c X,
    chức vụ: 7h30 dự A; 9h30 dự B"; the officials a schedule's rows name (:func:`row_guests`) and those listed by
    where they go (:func:`assigned_visits`)."""
    out: list[OfficialFact] = row_guests(lines) + assigned_visits(lines)
    person: str | None = None
    for ln in lines:
        low = ln.body.low
        if not ln.bullet or ln.body.text.rstrip().endswith(":"):  # "* Chủ tịch A:" over "(1) 7 giờ 30: Dự …"
            person = itinerary_person(ln.body)
        m = _FIRST_VISIT.search(low)
        if not m:
            continue
        who = _visitor(ln.body.text[: m.start()])
        # "+ 07:30 ngày 01/10/2025: dự …" under "Đồng chí X - chức vụ:": the time's colon cut the item's head
        if ln.bullet and person and (not who or find_times(fold(who)) or re.match(r"\d", who)):
            who = person  # "- 7h30: dự Lễ khai mạc tại …" under "Đồng chí X, chức vụ:": X's itinerary
        targets: list[str] = []
        events: list[str] = []
        times: list[Time | None] = []
        here = _attends_here(ln.body, ln.body.text[: m.start()].split(":")[-1])
        if here is not None:  # "… Đồng chí X, Phó Chủ tịch dự, phát biểu khai mạc, sau đó dự Lễ … tại Y"
            who, first = here
            targets.append(first)
            events.append("")
            times.append(None)
        went = _WENT_FIRST.match(who) if here is None else None
        if went is not None:  # "2) Đ/c Đức dự tại TTHTCĐ xã, sau đó dự khai mạc tại Y": X at A first, then Y
            who = tidy(went.group("who"))
            targets.append(tidy(went.group("at")))
            events.append("")
            times.append(None)
        if (
            not (3 <= len(who) <= 160)
            or _VERB.match(fold(who))
            or _AMENDS_WHO.match(fold(who))
            or _PLURAL.match(_ITEM_NUMBER.sub("", fold(who)))  # "4) Các KP gửi DS người dự lễ …": the wards' people
            or _COUNTED_PEOPLE.match(fold(who))
            or (generic_role(who) and not short_honorific(ln.body.text))  # "C. Đoàn Ngọc Diễm": a person
            or _CARRIER.match(fold(who))
            or re.search(r"\b\d+\s+xe\b", fold(who))  # "Văn phòng … bố trí 02 xe ô tô đưa đón đại biểu dự …"
            or (who[:1].islower() and not persons(who))  # "Công chức VH-XH: tuyên truyền …; chủ trì Ngày hội": a task
        ):
            continue  # "Các thành viên Ban Chỉ đạo: dự Lễ khai mạc": a group, not one official's itinerary
        for t, named, when in _own_visits(ln.body, m.start()):
            targets.append(t)
            events.append(named)
            times.append(when)
        if not targets:
            continue
        names = _each_named(who) if who == person or _TOGETHER.search(fold(who)) else _each_titled(who)
        names = [as_named(n) for n in names]  # a message's "A. Đinh Quang Vinh (Bí thư …)", "A Hùng (đ/c …)"
        mine = out[-len(names) :] if len(out) >= len(names) else []
        if ln.bullet and who == person and [f.name for f in mine] == [capitalize(n) for n in names]:
            for f in mine:  # the next stop of the same itinerary (of each person its heading names)
                f.targets.extend(targets)
                f.events.extend(events)
                f.times.extend(times)
            continue
        out += [OfficialFact(capitalize(n), list(targets), tidy(ln.body.text)[:300], events, times) for n in names]
    return out


def _own_visits(body: Folded, start: int) -> list[tuple[str, str, Time | None]]:
    """The visits of an official's sentence (:func:`_visits`) up to a "Địa điểm:" field after it, whose venue a
    sole visit naming no place of its own takes ("- 8g00: PCT A dự Lễ tuyên dương …. Địa điểm: Nhà Văn hóa B.")."""
    label = next((f for f in _FIELD_RX.finditer(body.low, start) if dict(EVENT_FIELDS)[f.group(1)] == "venue"), None)
    if label is None:
        return _visits(body, start)
    cut = label.start(1)
    visits = _visits(Folded(body.text[:cut], body.low[:cut]), start)
    venue = _venue_text(labelled_fields(body, cut)["venue"]) if "venue" in labelled_fields(body, cut) else None
    if venue is None or len(visits) > 1:
        return visits
    if visits and not re.fullmatch(r"cap\s+\S.*", fold(visits[0][0])):
        return visits  # "dự Lễ A tại X. Địa điểm: …": the visit's own place
    verb = _FIRST_VISIT.match(body.low, start)
    named = _CEREMONY.match(body.low, verb.end()) if verb is not None else None
    if named is None:
        return visits  # "dự Hội nghị trực tuyến …. Địa điểm: …": no ceremony
    times = find_times(body.low[:cut])
    return [(venue, named.group(0), times[0].as_time if times else None)]


def _each_titled(who: str) -> list[str]:
    """Each person a schedule's line names by title and name ("Chủ tịch Nguyễn Văn A, PCT Trần Thị B" → both); the
    text itself when it does not name each so."""
    parts = [tidy(x) for x in re.split(r"\s*,\s*|\s+và\s+", who)]
    if len(parts) < 2 or persons(who) or not all(named_person(x) for x in parts):
        return [who]
    return parts


#: An official's first visit said before "sau đó" with no ceremony named ("Đ/c Đức dự tại TTHTCĐ xã"): who, where.
_WENT_FIRST = re.compile(
    r"(?i)^\s*(?:\d{1,2}[.)]\s*)?(?P<who>.{3,80}?)\s+(?:tham\s+)?dự\s+(?:tại|ở)\s+(?P<at>[^,;:]{3,80}?)\s*[,;]?\s*$"
)


#: Two officials who go together, named one after the other ("đồng chí A cùng đồng chí B dự …", "ông A và bà B
#: dự …", "Đ/c A cùng với Đ/c B") (folded).
_TOGETHER = re.compile(r"\s(?:va|cung(?:\s+voi)?)\s+" + HONORIFIC_FOLDED + r"\s")


def _each_named(who: str) -> list[str]:
    """Each person an itinerary's heading names, with their title ("Đồng chí A – Chủ tịch UBND xã và đồng chí B –
    Chủ tịch Hội Khuyến học xã" → both; "bà A cùng đồng chí B ra dự …": A and B, without the going); the heading
    itself when it names one."""
    found = persons(who)
    if len(found) < 2:
        return [who]
    cuts = [start for _n, start, _e in found[1:]] + [len(who)]
    return [
        re.sub(r"[\s,;]*(?:\bvà\b|\bcùng(?: với)?|\b(?:ra|đi|về|xuống|lên|sang|đến|tới))?[\s,;]*$", "", who[a:b])
        for (_n, a, _e), b in zip(found, cuts, strict=True)
    ]


#: A vehicle that carries officials to a ceremony ("Xe ô tô của Văn phòng (01 xe) đưa đón lãnh đạo đi dự lễ …"): no
#: attendee (folded).
_CARRIER = re.compile(r"^(?:(?:cac|mot|\d+)\s+)?(?:xe|doan xe|phuong tien)\b")

#: The verb of an official's visit: "dự", "tham dự", "chủ trì", "phát biểu tại", "dự và đọc diễn văn" (folded).
_ATTEND_VERB = r"(?:tham du|den du|du(?:\s+va\s+(?:doc|phat bieu)(?:\s+dien van)?)?|chu tri|phat bieu (?:tai|khai mac))"
#: What an official does there besides attending, before where ("dự và phát biểu chỉ đạo tại …") (folded).
_AND_DOES = r"\s+va\s+(?:phat bieu|chu tri|trao|tang)[^,;:()]{0,30}?"

_FIRST_VISIT = re.compile(
    r"\b" + _ATTEND_VERB + r"(?:" + _AND_DOES + r"\s+tai(?=\s+le\b))?"
    r"\s+(?=" + _VISITED + r"\b)"
)
#: Words before an official's name ("Đề nghị", "Giao", "Cử", "Kính mời"), folded.
_ASKED = re.compile(r"^(?:(?:de nghi|giao|cu|kinh moi|moi|phan cong|rieng)(?:\s+|$))")
#: What ends the words before an official's first visit but is not their name: "dự,", "dự và", a time ("7h30").
_VISIT_TAIL = re.compile(r"(?:[\s,]*(?:tham du|du|va|roi|sau do|chi)\b)+[\s,]*$")


def _visitor(head: str) -> str:
    """Who an official's sentence is about: the words before its first visit without the request ("Đề nghị",
    "Giao"), a "se", the verb and a time ("Đ/c X, chức vụ: 7h30 dự …", "Đồng chí X, chức vụ: dự, phát biểu tại …"):
    the last part after a ":" that is left ("Phân công dự: Đồng chí …")."""
    head = re.split(r"(?<=[.])\s+(?=[" + CAPITAL_LETTERS + r"])", head)[
        -1
    ]  # the sentence of the visit, not the one before it
    lead = _LEAD_ADVERBIAL.match(fold(head))  # "Ngoài ra, lãnh đạo xã dự …"
    head = head[lead.end() :] if lead else head
    low = fold(head)
    asked = _ASKED.match(low)
    who = tidy(head[asked.end() :] if asked else head)
    who = re.sub(r"\s+(?:se|sẽ)$", "", who)
    parts = []
    for part in reversed(split_at_labels(who)):
        part_low = fold(part)
        for t in reversed(find_times(part_low)):
            part, part_low = part[: t.start] + part[t.end :], part_low[: t.start] + part_low[t.end :]
        tail = _VISIT_TAIL.search(part_low)
        part = tidy(part[: tail.start()] if tail else part).strip(" ,;-–")
        others = _WITH_OTHERS.search(fold(part))  # "Đồng chí X cùng toàn bộ đoàn diễu hành dự lễ": X
        part = part[: others.start()] if others and part[others.start() + 1].islower() else part
        when = _ONLY_WHEN.match(fold(part))  # "Thứ Hai, ngày 3/10/2022, bà A", "Lúc 8g30 đoàn": who after when
        part = tidy(part[when.end() :]) if when and when.end() < len(part) and part[when.end() - 1] in " ,)" else part
        lead = _LEAD_ADVERBIAL.match(fold(part))  # "- 7h45: Sau khi phát lệnh xuất phát, đồng chí A dự …": A
        part = tidy(part[lead.end() :]) if lead and lead.end() < len(part) else part
        asked = _ASKED.match(fold(part))  # "Đơn vị: Văn phòng UBND; Nhiệm vụ: Cử đồng chí A dự …": A, in its field
        part = tidy(part[asked.end() :]) if asked and asked.end() < len(part) else part
        if part and not _ONLY_WHEN.fullmatch(fold(part)):  # "8h00 thứ Tư (01/10/2025)", "14h00 cùng ngày": when
            parts.append(part)
    named = [p for p in parts if _PERSON_MARK.match(fold(p) + " ")]  # "Đồng chí X, chức vụ: sáng 01/10 dự …"
    who = (named or [_person_after_comma(p) for p in parts] or [""])[0]
    return _person_of_own_clause(who) if re.search(r";\s*$", head) else who


def _person_of_own_clause(who: str) -> str:
    """Who a head names when it ends a clause of that person's own before the visit ("Đồng chí A - Chủ tịch UBND
    phường phát lệnh xuất phát đoàn xe; chủ trì … tại Lễ B" → "Đồng chí A"): the one person it names, what they do
    first no part of the name; the head as it is when it names none or several."""
    found = persons(who)
    return who[found[0][1] : found[0][2]].strip() if len(found) == 1 else who


def _person_after_comma(part: str) -> str:
    """Who a clause names after a comma that ends what it says first ("Tối cùng ngày khai mạc (…), Thầy A - Hiệu
    trưởng" → "Thầy A - Hiệu trưởng"): from the first person named right after a comma; the clause as it is when
    none is."""
    for _name, start, _end in persons(part):
        if start > 0 and re.search(r",\s*$", part[:start]):
            return part[start:]
    return part


#: Who goes along with an official, after their name ("X cùng toàn bộ đoàn diễu hành", "X cùng với các em học
#: sinh"): no part of who attends (folded).
_WITH_OTHERS = re.compile(
    r"\s+cung(?:\s+voi)?\s+(?:toan the|toan bo|cac|doan|tap the|dai dien|lanh dao|nhung|moi|hoc sinh|can bo)\b"
)


#: Words that only say when (folded): a weekday, a part of the day, "cùng ngày", a date in brackets or in words
#: ("ngày 02 tháng 10", "ngày 2 tháng 10 năm 2025").
_ONLY_WHEN = re.compile(
    r"(?:[\s,()]*(?:thu\s+(?:hai|ba|tu|nam|sau|bay|[2-7])|chu nhat|sang|chieu|toi|trua|cung ngay|ngay|hom sau|buoi|"
    r"luc|vao|khoang|"
    r"\d{1,2}\s+thang\s+\d{1,2}(?:\s+nam\s+\d{4})?|"
    r"\d{1,2}\s?[/.-]\s?\d{1,2}(?:\s?[/.-]\s?\d{2,4})?))+[\s,()]*"
)


def _visit_unit(body: Folded, start: int, end: int) -> str:
    """The unit a visit names right after the ceremony ("dự Lễ khai mạc huyện A (14h00 cùng ngày)"), else a venue
    in brackets ("dự Lễ khai mạc cấp huyện (Trường THPT B)"); "" when it names neither."""
    rest = Folded(body.text[start:end], body.low[start:end])
    lead = re.match(r"\s*(?:tuan le\s+)?", rest.low)
    refs = [u for u in unit_refs(rest) if u.name and rest.low.find(fold(u.text)) == (lead.end() if lead else 0)]
    if refs:
        return tidy(refs[0].text)
    br = re.search(r"\(([^()]{4,120})\)", rest.low)
    inside = Folded(rest.text[br.start(1) : br.end(1)], br.group(1)) if br is not None else None
    if inside is not None and (institution_refs(inside) or _PLACE_HEAD.match(inside.low)):
        return tidy(inside.text)
    return ""


def _visit_starts(low: str, start: int) -> list[tuple[int, int]]:
    """Where each visit of an official's sentence starts and where its ceremony's name starts: after each visit
    verb ("dự", "chủ trì"), and at a ceremony joined to the one before by "và" or a comma ("dự A (7 giờ 30) và Lễ
    khai mạc tại xã B (9 giờ 30)")."""
    out = [(vm.start(), vm.end()) for vm in _NEXT_VISIT.finditer(low, start)]
    if not out:
        return out
    for cm in _CEREMONY.finditer(low, out[0][1]):
        if any(a <= cm.start() <= b for a, b in out) or not re.search(r"(?:\bva|[,;])\s*$", low[: cm.start()]):
            continue
        if re.search(r"\b(?:tai|cua)\s+$", low[: cm.start()]):
            continue
        out.append((cm.start(), cm.start()))
    return sorted(out)


def _visits(body: Folded, start: int) -> list[tuple[str, str, Time | None]]:
    """The visits of an official's sentence from ``start``: (where, the ceremony named (folded), the time said):
    "dự A tại X, sau đó dự B tại Y lúc 9 giờ 30", "…, sau đó dự Lễ khai mạc cấp quận", "7h30 dự A (X); 9h30 dự B
    tại Y"; a visit naming no place but a venue in brackets takes it ("dự Lễ khai mạc cấp huyện (Trường …)")."""
    low = body.low
    visits = _visit_starts(low, start)
    out: list[tuple[str, str, Time | None]] = []
    for k, (v0, v1) in enumerate(visits):
        seg_end = visits[k + 1][0] if k + 1 < len(visits) else len(low)
        tm = re.search(r"\b(?:tai|o)\s+", low[v1:seg_end])  # "dự Lễ ra quân ở Chợ A"
        if tm:
            s = v1 + tm.end()
            stop = re.search(r"[,;.(]|\s(?:sau do|va|luc|vao|roi)\b|$", low[s:seg_end])
            t = _without_position(tidy(body.text[s : s + (stop.start() if stop else seg_end - s)]))
        else:
            lv = re.search(r"\bcap\s+(?:" + _kind_rx() + r")\b", low[v1:seg_end])
            t = tidy(body.text[v1 + lv.start() : v1 + lv.end()]) if lv else ""
        named = _CEREMONY.match(low, v1)
        named_at = _CEREMONY.match(low, v1 + tm.end()) if tm else None
        if named_at is not None and tm is not None:  # "dự và phát biểu tại Lễ khai mạc (Hội trường UBND phường)"
            named = named_at
            bracket = re.match(r"[^()]{0,60}?\(([^()]{3,120})\)", body.text[v1 + tm.end() : seg_end])
            at = re.search(r"\s(?:ở|tại)\s+(?=\S)", t)  # "Lễ ra quân ở Chợ An Nhơn": the market
            t = tidy(bracket.group(1)) if bracket else tidy(t[at.end() :]) if at else t
        t = t or _visit_unit(body, named.end() if named else v1, seg_end)
        rest = low[named.end() if named else v1 : seg_end]
        if not t and not named and re.match(_GATHERING_DAY, low[v1:seg_end]):
            # "dự Ngày hội đọc sách ngày 05/10 và trao sách …": the gathering by its name, no place said
            cut = re.search(r"\s(?:ngay|luc|vao|va|sau do)\s|[,;.(]|$", low[v1:seg_end])
            t = tidy(body.text[v1 : v1 + cut.start()]) if cut else ""
        if not t and k == 0 and re.fullmatch(r"[\s,;.]*(?:(?:sau do|roi|tiep do|va)\b[\s,;]*)?", rest):
            # "Lễ khai mạc … tại Trường A. Đồng chí X dự và phát biểu khai mạc, sau đó dự …": the ceremony the
            # line told before the person, at its venue
            t = _venue_after_tai(Folded(body.text[:v0], low[:v0]), 0) or ""
        if not t:
            continue
        own_start = max(visits[k - 1][1] if k else 0, low.rfind(";", 0, v0) + 1, low.rfind(":", 0, v0) + 1)
        own_end = low.rfind(";", v1, seg_end) if k + 1 < len(visits) and ";" in low[v1:seg_end] else seg_end
        when = find_times(low[own_start:own_end])
        out.append((t, named.group(0) if named else "", when[0].as_time if when else None))
    return out


#: A visit after the first in an official's sentence: "dự Lễ …", and "tiếp đó dự tại X", "rồi dự tại Y" (the
#: same kind of ceremony at the next place).
_NEXT_VISIT = re.compile(
    r"\b" + _ATTEND_VERB + r"(?:" + _AND_DOES + r")?"  # "dự và phát biểu chỉ đạo tại"
    r"\s+(?=" + _VISITED + r"\b|tai\b)"
)


#: A person who attends the ceremony their paragraph describes, then goes on ("Đồng chí X, chức vụ dự, phát biểu
#: khai mạc, sau đó"), folded.
_ATTENDS_HERE = re.compile(
    r"(?:^|[.;]\s+)(?P<who>" + HONORIFIC_FOLDED + r"\s[^.;]{3,150}?)\s+(?:tham du|du)\s*,"
    r"(?:\s*phat bieu[^,;.]{0,40},)?\s*(?:sau do|roi|tiep do)\s*$"
)


def _attends_here(body: Folded, head: str) -> tuple[str, str] | None:
    """Who attends the ceremony of their own paragraph before the next one, and that ceremony's venue."""
    low = fold(head)
    m = _ATTENDS_HERE.search(low)
    first = _CEREMONY.search(body.low)
    if m is None or first is None:
        return None
    venue = _venue_after_tai(body, first.end())
    start = len(head) - len(low) + m.start("who")
    who = tidy(head[start : start + len(m.group("who"))])
    return (who, venue) if venue else None


#: Attendees written in the plural: a group, not a person with an itinerary (folded).
_PLURAL = re.compile(r"^(?:cac|toan the|nhung)\s|^(?:ca\s+)?doan(?:\s+cong tac)?$")  # "đoàn dự …": a delegation
#: A message's or list's item number before its text ("4) ", "1/ ", "2. ") (folded).
_ITEM_NUMBER = re.compile(r"^\s*\d{1,2}\s*[./)]\s+")
#: A number of people sent, no one named ("Cử 05 đại biểu dự lễ cấp quận", "02 đồng chí lãnh đạo phường dự", "mỗi
#: xã 03 cán bộ", "Cử 01 Phó Hiệu trưởng, 01 giáo viên …": a count before a title) (folded).
_COUNTED_PEOPLE = re.compile(
    r"^(?:(?:cu|moi\s+\S+(?:\s+\S+)?)\s+)?(?:(?:\d{1,3}|mot|hai|ba|bon|nam)\s+"
    r"(?:dai bieu|nguoi|can bo|dong chi|thanh vien|lanh dao|dai dien)\b"
    r"|\d{1,3}\s+(?:pho\s+)?(?:hieu truong|chu tich|bi thu|giam doc|truong|giao vien|hoc sinh|doan vien)\b)"
)
#: An office's role with no person named ("Lãnh đạo quận", "Đại diện lãnh đạo UBND thành phố", "Thường trực
#: Huyện ủy"): who goes is not said, so no one's itinerary is written (folded).
_GENERIC_ROLE = re.compile(
    r"^(?:lanh dao|dai dien|thuong truc|ban (?:to chuc|chi dao)|thanh phan|dai bieu|khach moi)\b"
)
_PERSON_MARK = re.compile(r"\b" + HONORIFIC_FOLDED + r"\s")


#: Family names Vietnamese people bear (folded), for a name written after its title ("Đ/c Chủ tịch UBND huyện
#: Phan Văn Minh"): the name starts at the last of them.
FAMILY_NAMES = frozenset(
    [
        "nguyen",
        "tran",
        "le",
        "pham",
        "hoang",
        "huynh",
        "phan",
        "vu",
        "vo",
        "dang",
        "bui",
        "do",
        "ho",
        "ngo",
        "duong",
        "ly",
        "dinh",
        "truong",
        "lam",
        "mai",
        "doan",
        "ta",
        "luong",
        "cao",
        "ha",
        "to",
        "luu",
        "chau",
        "thai",
        "trinh",
        "chu",
        "vuong",
        "kieu",
        "quach",
        "luc",
        "la",
        "dam",
        "tang",
        "tong",
        "thach",
        "kim",
        "giang",
        "nong",
        "hua",
        "lai",
        "bach",
        "khuc",
        "quan",
        "ninh",
        "phung",
        "tieu",
        "ton",
        "mac",
    ]
)


def named_person(who: str) -> bool:
    """Whether a text names a person: with an honorific ("Đồng chí A"), or by a title then a name from a family name
    on ("Giám đốc Sở GD&ĐT Nguyễn Tấn Đức"); a unit named after a person ("Chủ tịch UBND phường Trần Phú") is none."""
    low = fold(who)
    if _PERSON_MARK.match(low + " "):
        return True
    words = tidy(who.split(",")[0]).split()
    if not re.match(_TITLE, low):
        return False
    kinds = set(unit_kinds())
    for k in range(1, len(words) - 1):
        tail = words[k:]
        if fold(words[k]) in FAMILY_NAMES and 2 <= len(tail) <= 4 and all(w[:1].isupper() for w in tail):
            kind = next(
                (fold(" ".join(words[j:k])) for j in (k - 1, k - 2) if j >= 0 and fold(" ".join(words[j:k])) in kinds),
                None,
            )
            return kind is None or not _is_unit(" ".join(tail), kind)
    return False


def _is_unit(name: str, kind: str) -> bool:
    """Whether an administrative unit of that kind bears that name, before or after the July 2025 reform."""
    from paradeplan.geo.admin import snapshot

    return any(snapshot(era).find(name, kind) for era in ("before_2025", "from_2025"))


def generic_role(who: str) -> bool:
    """True when an attendee is an office's role or an organisation without a person ("Lãnh đạo quận", "Sở Giáo
    dục và Đào tạo chủ trì Lễ khai mạc"), see :data:`_GENERIC_ROLE`."""
    low = fold(who)
    return (_GENERIC_ROLE.match(low) is not None or _ORG.match(low) is not None) and _PERSON_MARK.search(low) is None


def itinerary_person(body: Folded) -> str | None:
    """The person whose itinerary the bullets below follow: a line "Đồng chí X, chức vụ …:" or "Chủ tịch X:" (its
    text)."""
    text = body.text.rstrip()
    if not text.endswith(":") or len(text) > 200:
        return None
    if (
        not re.match(HONORIFIC_FOLDED + r"\s+\S", body.low)
        and not (re.match(_TITLE, body.low) and named_person(text))
        and not short_honorific(text)
    ):
        return None
    return tidy(text.rstrip(":"))


def read_issuer(lines: list[Folded]) -> tuple[str | None, list[UnitRef]]:
    """Who issues the document: the sentence "<issuer> xây dựng/ban hành/hướng dẫn … kế hoạch" of the preamble
    when it names its unit, else the upper-case block above the title ("UBND tỉnh ban hành …" under the letterhead
    "ỦY BAN NHÂN DÂN / TỈNH QUẢNG TRỊ": the letterhead's); with the units it names."""
    said = _preamble_issuer(lines)
    if said is not None and any(u.name for u in said[1]):
        return said
    return _letterhead_issuer(lines) or said or _unit_named_early(lines) or (None, [])


#: A local government named with its unit ("UBND P. Long Châu", "Ủy ban nhân dân xã A"), folded.
_UBND_OF = re.compile(
    r"\b(?:ubnd|uy ban nhan dan)\s+"
    r"(?=(?:p|x|q|h|tp|tx|tt)\.\s*\w|(?:phuong|xa|thi tran|quan|huyen|thi xa|thanh pho|tinh)\s)"
)


def _unit_named_early(lines: list[Folded]) -> tuple[str, list[UnitRef]] | None:
    """No letterhead or preamble (a forwarded chat message, an e-mail): the first local government its opening
    lines name ("Nhóm Zalo "LÃNH ĐẠO UBND P. LONG CHÂU"", "theo KH số 58 của UBND P. Long Châu, tỉnh Vĩnh Long")."""
    for f0 in lines[:12]:
        # "UBND P. Long Châu": the kind written out, as unit_refs reads it
        f = Folded.of(written_out_units(f0.text))
        m = _UBND_OF.search(f.low)
        if m is None:
            continue
        end = re.compile(r"[;:()\"“”]|\.\s|\s[-–—]\s|$").search(f.low, m.end())
        said = tidy(f.text[m.start() : end.start() if end else len(f.text)])
        said = title_case(said) if said.split()[-1].isupper() else said  # "UBND phường LONG CHÂU"
        units = unit_refs(Folded.of(said))
        if any(u.name for u in units):
            return _expand_ubnd(said), units
    return None


def _preamble_issuer(lines: list[Folded]) -> tuple[str, list[UnitRef]] | None:
    """The issuer the preamble's sentence names ("Ủy ban nhân dân phường A xây dựng Kế hoạch như sau")."""
    for f in lines[:30]:
        m = re.search(
            r"(?:^|[;,.]\s*|\d{4}\s*,?\s*)((?:ubnd|uy ban nhan dan|ban chi dao|phong|so|hoi dong|ban"
            r"|truong (?:thcs|thpt|th|mn|mam non|tieu hoc|trung hoc|dai hoc|cao dang|pt))\b"
            r"[^;:]{0,140}?)\s+(?:xay dung(?! (?:xa hoi|xhht))|ban hanh|huong dan|trien khai|thong bao)\s+(?:ke hoach|"
            r"huong dan|cac don vi|phuong an|chuong trinh|van ban|tuan le)?",
            f.low,
        )
        if m:
            issuer = tidy(f.text[m.start(1) : m.end(1)])
            return _expand_ubnd(issuer), unit_refs(Folded.of(issuer))
    return None


def _letterhead_issuer(lines: list[Folded]) -> tuple[str, list[UnitRef]] | None:
    """The issuer the upper-case block above the title names (the motto's lines between its own left out)."""
    block: list[str] = []
    for f in lines[:10]:
        if re.match(r"^\s*(?:cong hoa xa hoi|doc lap\s*[-–])", f.low):
            continue  # a two-column letterhead read line by line: the motto between the issuer's lines
        said = re.match(
            r"^\s*(?:so\s*[:\d]|ke hoach|huong dan|phuong an|thong bao|chuong trinh|kich ban|quyet dinh|giay moi"
            r"|cong van|bao cao|to trinh)\b",
            f.low,
        )
        if said and not (said.group().strip() == "phuong an" and f.text.strip()[:9].lower() != "phương án"):
            break  # "Số:", the type line ("PHƯỜNG AN PHÚ ĐÔNG" is a ward, "SỞ GIÁO DỤC" an office)
        if block and re.search(r"\b(?:19|20)\d\d\b", f.low):
            break  # a title with its year ("LIFELONG LEARNING WEEK 2024 – ACTIVITY PLAN"): no issuer's line
        if f.text.isupper() and len(f.text) < 80:
            block.append(f.text)
    if not block:
        return None
    return _expand_ubnd(title_case(_issuing_unit(block))), [u for line in block for u in unit_refs(Folded.of(line))]


#: A letterhead line that starts a unit of its own (folded): its organ's word ("ỦY BAN NHÂN DÂN PHƯỜNG 17" under
#: "ỦY BAN NHÂN DÂN QUẬN GÒ VẤP"); a line without one ("PHƯỜNG AN PHÚ ĐÔNG") goes on naming the line above.
_ORGAN = re.compile(
    r"^(?:uy ban|ubnd|hoi dong|hdnd|dang uy|dang bo|cong an|so|phong|truong|hoi|ban|doi|trung tam|mat tran|"
    r"ubmttq|doan|lien doan|cuc|tinh uy|thanh uy|quan uy|huyen uy|thi uy)\b"
)


def _issuing_unit(block: list[str]) -> str:
    """The unit a letterhead names last (Decree 30: the superior unit above, the issuing one below), lines joined."""
    starts = [k for k, line in enumerate(block) if _ORGAN.match(fold(line).strip())]
    return " ".join(block[starts[-1] if starts else 0 :])


def _expand_ubnd(text: str) -> str:
    return re.sub(r"^(?:UBND|Ubnd)\b", "Ủy ban nhân dân", text)


def institution_counts(lines: list[Line]) -> dict[str, int]:
    """The first number of each institution kind the body states ("Hai nhà trường", "03 trường THCS")."""
    out: dict[str, int] = {}
    for ln in lines:
        for i in institution_refs(ln.body):
            if i.count and i.count > 1:
                out.setdefault(i.kind, i.count)
    return out
