"""How documents write a route, kept as data: each notation a rule (a cue on the folded clause → how its steps are
read), so that a new layout is a new row of :data:`ROUTE_RULES`, not a new method.

Notations covered: a "Lộ trình …:" label (also "Theo lộ trình:", a table's "Lộ trình" row, or the steps on the
bullet lines below it), arrows, dashes, hyphens and commas between steps, "qua các tuyến (đường) A, B, C (và trở)
về X", "từ X theo đường A, B đến/về Y", turn-by-turn prose ("Xuất phát từ X, rẽ phải đường A, rẽ trái B, quay
đầu tại P, về X"), "Xuất phát từ"/"Kết thúc tại" as the first and last steps.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from paradeplan.geo.names import CAPITAL_LETTERS
from paradeplan.importer.prose import AFTER_A_MOVE, CLOCK_BETWEEN, TURN, TURN_VERB
from paradeplan.importer.text import Folded, and_in_name, fold, tidy, whole_words

#: Words joining the last two streets of a list ("A, B và C").
_AND = re.compile(r"\s+(?:va|cung)\s+")
#: The end of a list of streets: "(và) (trở/quay) về X", "đến X", "kết thúc tại X", "quay về lại theo lộ trình cũ
#: về X" (the way back read from the way out).
_TAIL = re.compile(
    r"(?:,?\s*(?:va|roi)\s+)?"
    r"(?:\b(?:(?:tro|quay)\s+(?:ve(?:\s+lai)?|lai)|ve(?:\s+lai)?)\s+theo\s+(?:dung\s+)?(?:lo trinh|duong|tuyen)\s+"
    r"(?:cu|nguoc lai|da di|ban dau|luc di)\s+(?:de\s+)?(?:(?:tro|quay)\s+)?(?:ve|den|toi)"
    r"|\b(?:tro|quay)\s+ve|\bve(?:\s+lai)?|\bden|\bket thuc tai)\s+(?=\S)"
)
#: Where a clause ends its route (a sentence's end, or the next labelled field).
_STOP = re.compile(r"\.\s|\.$|;|\s[—–-]\s*(?:thoi gian|dia diem|luc luong|phuong tien)\b|\s—\s")


@dataclass(frozen=True)
class Cue:
    """Where a route was found in a clause, in which notation, and what the parser needs."""

    rule: str
    value: str
    """The text holding the steps (original accents)."""
    start: str | None = None
    """A start place the clause names before its streets ("từ X …")."""
    end: str | None = None
    """An end place named after them ("… về X")."""
    listed: bool = False
    """Streets listed with commas/"và" (each a street unless its name says it is a place)."""


#: The end of a table row's subject: " — Thời gian: …" (the row's next labelled field).
_ROW_FIELD = re.compile(r"\s—\s(?=[^:—–]{2,40}:)")


def _label(c: Folded, m: re.Match[str]) -> Cue | None:
    """The steps after a label, up to the row's next labelled field when the clause is a table row's; "Tuyên
    dương …" (a commendation, folded like "Tuyến đường") is no label."""
    if (
        re.match(r"(?:theo\s+)?tuyen duong\b", c.low[m.start() :])
        and "tuyến đường" not in c.text[m.start() : m.end()].lower()
    ):
        return None
    stop = _ROW_FIELD.search(c.low, m.end())
    out = OUT_LABEL.match(c.low, m.end())  # "Lộ trình: lượt đi: A - B …": the way out's steps
    return Cue("label", c.text[out.end() if out else m.end() : stop.start() if stop else len(c.text)])


def _inline_label(c: Folded, m: re.Match[str]) -> Cue | None:
    """The steps after a label inside a sentence ("… đoàn xe xuất phát theo lộ trình: A - B - C"), in any clause."""
    cue = _label(c, m)
    return dataclasses.replace(cue, rule="inline label") if cue is not None else None


#: A ";" that goes on with the next leg of a route in prose ("… đến giao lộ B; theo đường B đến …; rẽ phải …"):
#: a movement word after it (folded), perhaps after a clause recalling the move just made ("Sau khi quay đầu, đoàn
#: theo …").
_LEG_ON = (
    r"(?:(?:sau do|roi|tiep tuc|tiep do|(?:tai|tu|den) (?:day|do)),?\s+|" + AFTER_A_MOVE + r"[^,;.]{0,60},\s+)?"
    r"(?:(?:doan|cac)\s+(?:xe\s+)?)?"
    r"(?:(?:di|chay|vong|tiep tuc)\b|" + TURN_VERB + r"\b|theo\s|tu\s|(?:tro|quay)\s+(?:ve|ra|lai)\b|ve\s|quay dau\b"
    r"|(?:den|toi)\s+(?:(?:dau|chan)\s+(?=cau\b))?"  # "đến đầu cầu A, đoàn quay đầu": a bridge's head
    r"(?:giao lo|nut giao|nga\s+(?:ba|tu|nam|sau)|vong xoay|bung binh|cau)\b"
    r"|(?:den|toi)\s+(?:(?:dau|cuoi)\s+)?(?:(?:duong|pho|quoc lo|tinh lo)\b|(?:ql|tl)\.?\s*\d)"  # "Đến QL1A thì rẽ"
    r"|(?:het|cuoi)\s+(?:duong|pho|tuyen|quoc lo|tinh lo)\b"  # "Hết đường A, rẽ phải …": at the street's end
    r"|(?:den|toi)\s+[^,;.]{2,60}?\s+thi\s+(?:dung|ket thuc|giai tan|quay dau)\b"  # "Tới Chợ A thì dừng lại"
    r"|(?:ket thuc|giai tan|dung lai)(?:\s+(?:va|,)\s*giai tan)?\s+(?:tai|o)\s)"  # "Kết thúc tại Chợ D."
)
#: Where a route written in prose ends: as :data:`_STOP`, but a ";" before the next leg's movement goes on.
_PROSE_STOP = re.compile(
    r"\.\s(?!\s*" + _LEG_ON + r")|\.$|;(?!\s*" + _LEG_ON + r")"  # a sentence that moves on goes on
    r"|\s[—–-]\s*(?:thoi gian|dia diem|luc luong|phuong tien)\b|\s—\s"
)


def goes_on(low: str) -> bool:
    """Whether a clause (folded) goes on with the next leg of a route ("theo đường B đến …", "từ C đến …", "rẽ
    phải …")."""
    return re.match(r"\s*" + _LEG_ON, low) is not None


def _until_stop(c: Folded, start: int, stop: re.Pattern[str] = _STOP) -> tuple[str, str]:
    m = stop.search(c.low, start)
    end = m.start() if m else len(c.low)
    return c.text[start:end], c.low[start:end]


def _listed(c: Folded, m: re.Match[str], rule: str, start: str | None) -> Cue:
    text, low = _until_stop(c, m.end())
    end: str | None = None
    tail = None
    for t in _TAIL.finditer(low):
        tail = t
    if tail is not None and tail.start() > 0:
        end = place_phrase(text[tail.end() :]) or None
        text = text[: tail.start()]
    return Cue(rule, text, start, end, listed=True)


#: A clause naming where the list of streets before it ends ("kết thúc tại Chợ D" after "qua các tuyến đường: A, B,
#: C;", "giải tán tại E", "trở về F") (folded).
_END_AFTER = re.compile(r"\s*(?:va\s+|roi\s+)?(?:ket thuc(?:,?\s*giai tan)?\s+tai|giai tan\s+tai|(?:tro|quay)\s+ve)\s+")


def end_said(c: Folded) -> str | None:
    """The end place a clause names after a route ("kết thúc tại Chợ D.", "giải tán tại E", "trở về F"), or None."""
    m = _END_AFTER.match(c.low)
    return (place_phrase(c.text[m.end() :]).rstrip(" .") or None) if m is not None else None


def ended_after(cue: Cue, after: list[Folded]) -> Cue:
    """A list of streets with no end place, whose next clause names one ("…: A, B, C; kết thúc tại Chợ D")."""
    if not cue.listed or cue.end is not None or not after:
        return cue
    end = end_said(after[0])
    return cue if end is None else dataclasses.replace(cue, end=end)


def _verb_steps(c: Folded, m: re.Match[str]) -> Cue:
    """The steps after "xuất phát:", up to the clause's end."""
    return Cue("verb steps", c.text[m.end() :])


#: What "qua các tuyến đường" says when it names no street ("… diễu hành qua các tuyến đường (chính) của phường",
#: "… trên địa bàn quận", "… trung tâm") (folded, after the match).
_NO_STREET_NAMED = re.compile(
    r"\s*(?:(?:chinh|lon|trung tam)\s+)?(?:cua|tren dia ban|thuoc|trong)\b|\s*trung tam\s*[.;,]?\s*$"
)


def _via(c: Folded, m: re.Match[str]) -> Cue | None:
    """Streets listed after "qua các tuyến", with the start place said before ("từ/tại A, …", or "A, qua …") and
    the end named beside it ("từ A đến B, qua các tuyến đường: …"); none when it names no street ("qua các tuyến
    đường chính của phường")."""
    if _NO_STREET_NAMED.match(c.low, m.end()):
        return None
    from paradeplan.importer.extract import place_kind

    low = c.low[: m.start()]
    before = re.search(r"\b(?:tu|tai)\s+(.{3,80}?)\s*,?\s*(?:di\s+|dieu hanh\s+|dien hanh\s+)?$", low)
    start = place_phrase(c.text[before.start(1) : before.end(1)]) if before else None
    alone = re.fullmatch(r"\s*([^,;:]{3,80}?)\s*,\s*", low)  # "Sân vận động huyện, qua các tuyến …"
    if start is None and alone and place_kind(c.text[alone.start(1) : alone.end(1)]):
        start = tidy(c.text[alone.start(1) : alone.end(1)])
    to = re.search(r"\s+(?:den|toi)\s+", fold(start or ""))
    end = place_phrase(start[to.end() :]) if start and to else None  # "từ A đến B, qua các tuyến đường: …"
    start = tidy(start[: to.start()]) if start and to else start
    cue = _listed(c, m, "via", start)
    if end and cue.end is None:
        cue = dataclasses.replace(cue, end=end)
    onto = re.search(r"\s+(?:ra|vao|theo|sang)\s+(?:duong|pho)\s+", fold(start or ""))
    if start and onto:  # "từ cổng trường ra đường A, qua các tuyến B, C": the start, then street A first
        cue = dataclasses.replace(cue, value=f"{start[onto.end() :]}, {cue.value}", start=tidy(start[: onto.start()]))
    return cue


def _from_to(c: Folded, m: re.Match[str]) -> Cue:
    """A list between two places ("từ X theo đường A, B đến Y"); prose when the list moves on ("… đến Chợ B rồi
    quay về theo đường C")."""
    from paradeplan.importer.prose import has_moves

    start = place_phrase(c.text[m.start("start") : m.end("start")])
    cue = _listed(c, m, "from_to", start)
    if has_moves(fold(cue.value)) or re.search(r"\s(?:den|toi)\s", fold(cue.value)):
        text, _low = _until_stop(c, m.start(), _PROSE_STOP)
        return Cue("prose", text)
    return cue


#: Where a place's noun phrase ends inside a clause (folded): a comma or a bracket followed by words in lower case
#: (", lần lượt đi qua …", ", theo đường …", ", sau đó …"), or a connector that moves the column on.
PLACE_PHRASE_END = re.compile(
    r"\s*[,;(]\s*(?P<n>)(?=[a-zđ]|$)"
    r"|\s+(?P<m>)(?=(?:lan luot|roi|sau do|tiep tuc|thi|de|di\s+(?:theo|qua|vao)|theo\s+(?:duong|pho|tuyen|cac))\b)"
    r"|\s+(?:va|luc)\s+(?P<w>)"
)


def place_phrase(text: str) -> str:
    """A start or end place as a clause writes it, without the words the clause goes on with ("Trường Đại học
    Công nghiệp, lần lượt …", "Bến xe A và lăn bánh lúc …", "Chợ B để giải tán" → the place); a comma before a
    capital ("Nhà văn hóa, Phường 5") or a number, "và" before a capital ("Văn hóa và Thể thao") stay part of the
    name."""
    f = Folded.of(tidy(text))
    for m in PLACE_PHRASE_END.finditer(f.low):
        word = max(m.start("n"), m.start("m"), m.start("w"))  # where the word that decides begins
        if f.text[word:].split(maxsplit=1)[:1] in (["thị"], ["đê"], ["đề"], ["dễ"]):
            continue  # "bãi xe Siêu thị A", "chợ thị trấn", "chân đê": a name's word, not "thì" or "để"
        if m.start() and not f.text[word : word + 1].isupper():  # "và lăn bánh", "lúc 7 giờ"; not "và Thể thao"
            return tidy(f.text[: m.start()])
    return tidy(f.text)


#: A place described before the place it is beside ("bãi đất trống cạnh Chợ A", "bãi xe trước Chợ B", "khu đất
#: phía sau Nhà văn hóa C", "sân bên hông UBND phường", "bãi xe phía sau trụ sở UBND D"): a few words in lower case,
#: then a word of position (folded).
_DESCRIBED = re.compile(
    r"^(?:[a-zđ]+\s+){0,5}(?:(?:ben|phia|ngay)\s+)?"
    r"(?:canh|gan|truoc|sau|doi dien|hong|trong|ngoai|cong|khuon vien)\s+(?:tru so\s+)?$"
)


def described_place(name: str) -> str:
    """The named place a description leads to ("bãi đất trống cạnh Chợ Tân Chánh Hiệp" → "Chợ Tân Chánh Hiệp"):
    the words in lower case before a word of position and a capitalised name are where on it, not its name; a
    name that starts with a capital is kept as it is (other words before a known place are the place resolver's
    decision: "bãi giữ xe Chợ An Nhơn")."""
    part = _PART_OF.match(fold(name))
    where = part or re.match(r"(?:phia|ben|khu vuc|goc)\s", fold(name))
    of = re.search(r"\s(?:của|thuộc)\s+(?=[" + CAPITAL_LETTERS + r"])", name) if where else None
    if of is not None:  # "bãi xe phía đường A của Công viên B": the park
        return name[of.end() :]
    if part and re.match(r"(?:ubnd|uy ban nhan dan|tru so)\b", fold(name[part.end() :])):
        return name[part.end() :]  # "Cổng UBND quận": the seat of the unit (other known places: a decision, decide.py)
    side = _SIDE_OF.match(fold(name))
    if side is not None and name[side.end() : side.end() + 1].isupper():
        return name[side.end() :]  # "khu vực phía Nam Công viên A", "bãi đất phía Tây Bắc Sân vận động B": the place
    k = next((m.start("w") for m in re.finditer(r"(?:^|\s)(?P<w>\w)", name) if m.group("w").isupper()), None)
    if not k or not name[:k].islower():
        return name
    return name[k:] if _DESCRIBED.match(fold(name[:k])) else name


#: A place told only by the street it lies on ("bãi xe phía đường A", "phía đường A", "dọc tuyến đường B", "lề
#: đường C", "đường D") (folded): a stretch of that street, not a place the street data can find; the street
#: follows the match.
ON_STREET = re.compile(
    r"^(?:(?:bai\s+(?:(?:dau|do|giu)\s+)?xe|bai\s+dat(?:\s+trong)?|khu\s+(?:vuc|dat)|le|via he|doan)\s+)?"
    r"(?:(?:phia|ben|tren|doc|ven|canh|ngoai)\s+)?(?:tuyen\s+)?(?:duong|pho)\s+(?=\S)"
)


def street_of_place(name: str) -> str | None:
    """The street a place is told by alone ("bãi xe phía đường Lê Lợi" → "Lê Lợi"): the words after
    :data:`ON_STREET`, each capitalised or a number, and no kind of place among them; else None."""
    from paradeplan.importer.extract import place_kind

    m = ON_STREET.match(fold(name))
    rest = tidy(name[m.end() :]) if m else ""
    words = rest.split()
    if not 0 < len(words) <= 6 or not all(w[:1].isupper() or w[:1].isdigit() or w in ("lộ", "tháng") for w in words):
        return None
    return rest if place_kind(rest) is None else None


#: A side of a place written before its name, its compass point capitalised or not ("khu vực phía Nam Công viên A",
#: "phía tây Chợ B", "bãi xe phía Đông Bắc của Sân vận động C") (folded): where by the place the column gathers.
_SIDE_OF = re.compile(
    r"^(?:[a-zđ]+\s+){0,4}?phia\s+(?:dong|tay|nam|bac)(?:\s+(?:dong|tay|nam|bac))?\s+(?:(?:cua|thuoc)\s+)?"
)


#: A part of a place written before its name, in either case ("Cổng UBND quận", "cổng chính UBND phường", "Sân UBND
#: xã", "Khuôn viên trụ sở …") (folded): where on the seat the column gathers.
_PART_OF = re.compile(
    r"^(?:(?:phia\s+)?truoc\s+)?(?:cong|san|bai\s+(?:(?:dau|do|giu)\s+)?xe|khuon vien)"
    r"(?:\s+(?:chinh|phu|sau|truoc|ben|phia\s+\w+))?\s+"
)


#: An abbreviation a document defines after a name: "Công viên phần mềm Quang Trung (QTSC)".
_ALIAS = re.compile(
    r"(?P<full>[^\n():;,.]{4,100}?)\s*\((?:(?:sau đây\s+)?(?:gọi|viết)\s+tắt(?:\s+là|\s*:)\s*)?"
    r"(?P<abbr>(?:[^\W\d_A-ZĐ]+\s+){0,2}[A-ZĐ][A-ZĐ0-9&-]{1,9})\)"
)
#: Words before the name in the text that defines it ("Địa điểm: tại …") (folded, at the start).
_ALIAS_LEAD = re.compile(r"^(?:.*\b(?:tai|o|la|gom)\s+)?")


def defined_aliases(text: str) -> dict[str, str]:
    """The abbreviations a document defines for its places ("Công viên phần mềm Quang Trung (QTSC)" → {"QTSC":
    "Công viên phần mềm Quang Trung"}): the capitalised noun phrase before the bracket, when it is a place; an
    abbreviation defined twice differently is left out."""
    from paradeplan.importer.extract import place_kind

    out: dict[str, str] = {}
    seen: set[str] = set()
    for m in _ALIAS.finditer(text):
        full = m.group("full")
        lead = _ALIAS_LEAD.match(fold(full))
        full = tidy(full[lead.end() if lead else 0 :])
        abbr = m.group("abbr")
        kind = abbr.rsplit(" ", 1)[0] if " " in abbr else ""  # "chợ TCH": the kind word its name keeps
        at = fold(full).rfind(fold(kind) + " ") if kind else -1
        k = at if at >= 0 else None
        if k is None:
            k = next((j.start() for j in re.finditer(r"(?:^|(?<=\s))\w", full) if full[j.start()].isupper()), None)
        full = full[k:] if k is not None else ""
        if not full or place_kind(full) is None:
            continue
        if abbr in seen and out.get(abbr) != full:
            out.pop(abbr, None)
            continue
        seen.add(abbr)
        out[abbr] = full
    return out


#: A name cut short to its initials after the words of its kind ("Chợ TCH", "Nhà văn hóa KP", "Công viên LVT"):
#: the initials (as written; the kind is up to three words before them).
_INITIALS = re.compile(r"(?<![\w.])(?P<abbr>[A-ZĐ]{2,5})(?!\w)")
#: A name written in full: capitalised words, one per initial (as written).
_FULL_WORDS = r"((?:\s+[" + CAPITAL_LETTERS + r"]\w*)+)"


def initials_aliases(text: str) -> dict[str, str]:
    """The places a document writes short by their initials after their kind word and in full elsewhere ("về lại
    Chợ TCH" and "Chợ Tân Chánh Hiệp" → {"Chợ TCH": "Chợ Tân Chánh Hiệp"}): only when one full name fits."""
    from paradeplan.importer.extract import place_kind

    out: dict[str, str] = {}
    for m in _INITIALS.finditer(text):
        words = text[: m.start()].split()[-3:]
        for n in range(1, len(words) + 1):  # the shortest kind before the initials ("Chợ", "Nhà văn hóa")
            kind = " ".join(words[-n:])
            if kind.isupper():
                continue  # "TRƯỜNG THCS NGUYỄN AN NINH": a name in capitals, no initials
            if place_kind(f"{kind} {m.group('abbr')}") is not None:
                full = _full_name(text, kind, m.group("abbr"))
                if full is not None:
                    out[f"{kind} {m.group('abbr')}"] = full
                break
    return out


@lru_cache(maxsize=256)
def _full_name(text: str, kind: str, abbr: str) -> str | None:
    """The one name the text writes after ``kind`` whose words begin with the letters of ``abbr``, or None."""
    found = {
        tidy(m.group(0))
        for m in re.finditer(r"(?i:" + re.escape(kind) + r")" + _FULL_WORDS, text)
        if fold("".join(w[0] for w in m.group(1).split())) == fold(abbr) and not m.group(1).isupper()
    }
    return found.pop() if len(found) == 1 else None


#: How a document names its route's start place again at the end ("về điểm xuất phát", "trở về nơi tập kết ban
#: đầu", "về lại địa điểm xuất phát") (folded, the whole step's name).
BACK_TO_START = re.compile(
    r"^(?:(?:dia\s+)?diem|noi|vi tri)\s+(?:xuat phat|khoi hanh|tap ket|tap trung|bat dau)(?:\s+ban dau|\s+cu)?$"
)


#: "trụ sở" (the seat of) before a body's name, perhaps after a position word ("sân trụ sở UBND Phường 17").
_SEAT = re.compile(r"^(?:(?:san|khuon vien|truoc|cong(?:\s+chinh)?)\s+)?tru so\s+(?=\S)")


def seat_name(name: str) -> str:
    """A place named by a body's seat is the body's place ("sân trụ sở UBND Phường 17", "Cổng trụ sở UBND Quận 12"
    → "UBND Phường 17", "UBND Quận 12"): the street data and the gazetteer name the body."""
    m = _SEAT.match(fold(name))
    rest = name[m.end() :] if m else name
    return rest if m and rest[:1].isupper() else name


#: A step written after what happens there ("Xuất phát: A", "Điểm kết thúc: B", "Về: B") (folded); ``end`` is set
#: for the last.
STEP_LABEL = re.compile(
    r"^(?:(?:diem\s+)?(?:xuat phat|khoi hanh|bat dau|tap ket)|(?P<end>(?:tro\s+)?ve|ket thuc|diem (?:cuoi|ket thuc)))"
    r"\s*:\s*"
)


def is_start_again(name: str) -> bool:
    """Whether a step names the route's start by its role ("điểm xuất phát"), not by its own name."""
    return BACK_TO_START.match(fold(tidy(name))) is not None


#: Where a chain of legs ends: a sentence's end or the next labelled field, not the ";" between its legs.
_CHAIN_STOP = re.compile(r"\.\s|\.$|\s[—–-]\s*(?:thoi gian|dia diem|luc luong|phuong tien)\b|\s—\s")


def _chain(c: Folded, m: re.Match[str]) -> Cue:
    """Legs chained at the junction each reaches ("từ A theo đường B đến giao lộ C; từ C đến …"), up to the
    sentence's end, as prose: the junctions are via points, the street a leg starts from is a step."""
    stop = _CHAIN_STOP.search(c.low, m.start())
    return Cue("prose", c.text[m.start() : stop.start() if stop else len(c.text)])


#: The notations, in the order they are tried on each clause: (name, cue on the folded clause, reader).
def _prose(c: Folded, m: re.Match[str]) -> Cue | None:
    from paradeplan.importer.prose import is_prose_route

    if not is_prose_route(c.low[m.start() :]):
        return None
    text, _low = _until_stop(c, m.start(), _PROSE_STOP)
    return Cue("prose", text)


#: A movement onto a street ("theo đường A", "rẽ vào đường B", "nhập vào đường C", "rẽ trái") (folded).
_ONTO = re.compile(
    r"\b(?:" + TURN + r"(?:\s+(?:vao|vo|ra|sang|qua))?(?:\s+(?:duong|pho|quoc lo|tinh lo|dai lo))?"
    r"|(?:(?:" + TURN_VERB + r"|nhap)\s+)?(?:theo|vao|vo|ra|sang)\s+(?:duong|pho|quoc lo|tinh lo|dai lo))\b"
)


def _from_prose(c: Folded, m: re.Match[str]) -> Cue | None:
    """A sentence that opens on where the column sets off ("Từ A, đoàn đi theo đường B, rẽ vào đường C, …") with
    two movements at least: one turn out of a place ("(1) Từ cổng A rẽ phải ra đường B") is a step, not a route."""
    if len(_ONTO.findall(c.low)) < 2:
        return None
    return _prose(c, m)


#: A turn ("rẽ trái", "quẹo phải") and the first movement of a column in a sentence (folded).
_TURNS = re.compile(r"\b" + TURN + r"\b")
_START_WORDS = re.compile(r"(?:^|(?<=[\s,]))(?:(?:xuat phat|khoi hanh|bat dau)\s+)?(?P<tu>tu)\s+(?!\d)")
_FIRST_MOVE = re.compile(r"\b(?:(?:di chuyen|di|chay)\s+(?:doc|theo|thang|het)|" + TURN + r")\b")


def _turns(c: Folded, m: re.Match[str]) -> Cue | None:
    """A sentence that moves the column with two turns or more ("chạy dọc đường A, quẹo phải sang đường B, …") is
    a route in prose, from its first movement on (its start is the assembly place)."""
    if len(_TURNS.findall(c.low)) < 2:
        return None
    first = _FIRST_MOVE.search(c.low)
    at = first.start() if first else m.start()
    start = _start_said(c, at)  # "Từ điểm tập kết A, đoàn xe đi theo …": the start is said first
    text, _low = _until_stop(c, start if start is not None else at, _PROSE_STOP)
    return Cue("turns", text)


def _start_said(c: Folded, at: int) -> int | None:
    """Where a clause says the column's start before its first movement at ``at`` ("Từ Chợ A, đoàn đi …"), or None;
    "từ" as written: "tư" of "Ngã tư B" ("… về hướng Ngã tư B, rẽ trái …") folds alike but names a junction."""
    for m in _START_WORDS.finditer(c.low[:at]):
        if c.text[m.start("tu") : m.end("tu")].lower() == "từ":
            return m.start()
    return None


def _verb_prose(c: Folded, m: re.Match[str]) -> Cue:
    """The movements after the column's start verb ("đoàn xe xuất phát: chạy dọc đường A ra đường B, …", "lăn
    bánh, theo đường A …"), as prose up to the route's end (its start is the assembly place)."""
    text, _low = _until_stop(c, m.end(), _PROSE_STOP)
    return Cue("prose", text)


ROUTE_RULES: tuple[tuple[str, re.Pattern[str], Callable[[Folded, re.Match[str]], Cue | None]], ...] = (
    (
        "label",
        re.compile(
            r"^(?:theo\s+)?(?:lo trinh|hanh trinh|tuyen duong|tuyen dieu hanh|tuyen dien hanh|duong di"
            r"|tuyen\s+(?:so\s+)?\d{1,2}"
            r"|(?:luot|chieu)\s+(?:di|ve)"
            r"|cac\s+(?:tuyen|duong|pho)(?:\s+(?:duong|pho))?\s+(?:(?:doan(?:\s+xe)?(?:\s+hoa)?|cac xe(?:\s+hoa)?)\s+)?"
            r"(?:di\s+qua|dieu hanh|dien hanh))\b"
            r"[^:]{0,60}:\s*"
        ),
        _label,
    ),
    # "… Địa điểm / Lộ trình: Cổng trường A; đường B; rẽ trái đường C; …" (a table's column for both)
    ("inline label", re.compile(r"(?:\btheo\s+|,\s*|/\s*)(?:lo trinh|hanh trinh)(?:\s+sau)?\s*:\s*"), _inline_label),
    (
        # "Đoàn xe hoa (…) xuất phát: A – B – C": steps after the column's verb and a colon, two separators at least
        "verb steps",
        re.compile(
            r"\b(?:xuat phat|khoi hanh|dieu hanh|dien hanh|di qua|di theo)\s*:\s*"
            r"(?=[^:]*?(?:\s[-–—>]\s|[–—→])[^:]*?(?:\s[-–—>]\s|[–—→]))"
        ),
        _verb_steps,
    ),
    (
        "via",
        re.compile(
            r"(?<!ket )\b(?:di\s+|dieu hanh\s+|dien hanh\s+)?(?:qua\s+tuyen(?!\s+truyen)(?:\s+duong|\s+pho)?"
            r"|(?:lan\s+luot\s+)?di\s+qua(?=\s*:)"
            r"|(?:qua|theo|di)\s+(?:(?:theo\s+)?thu\s+tu\s+|lan\s+luot\s+(?:qua\s+)?)?"
            r"cac\s+(?:tuyen(?!\s+truyen)(?:\s+duong|\s+pho)?|duong|pho|(?:nut giao|giao lo)(?=\s+(?:nhu\s+)?sau\s*:)))"
            r"\s*(?::\s*$|:?\s+)"  # "… lần lượt đi theo các tuyến:" over one street a line
        ),
        _via,
    ),
    (
        # "từ A theo đường B đến giao lộ C; từ C đến giao lộ D; …": legs chained at junctions, read as prose
        "chain",
        re.compile(
            r"\btu\s+[^;.]{3,120}?\s(?:den|toi)\s+(?:giao lo|nut giao|nga\s+(?:ba|tu|\d)|duong)\b[^;.]*[;,]\s*tu\s"
        ),
        _chain,
    ),
    (
        "from_to",
        re.compile(
            r"\btu\s+(?P<start>[^,;:]{3,80}?)\s+(?:di\s+)?(?:doc\s+)?(?:theo|qua)\s+(?:cac\s+)?(?:tuyen\s+)?"
            r"(?:duong|pho|quoc lo|tinh lo|dai lo)\s+"
            r"(?=.*\b(?:den|ve)\s)"
        ),
        _from_to,
    ),
    ("prose", re.compile(r"\b(?:xuat phat|khoi hanh|bat dau)" + CLOCK_BETWEEN + r"\s+(?:tu|tai)\s+"), _prose),
    # a sentence that opens on where from ("Từ Trung tâm Văn hóa quận, đoàn đi theo đường A, rẽ vào đường B, …")
    ("prose", re.compile(r"^tu\s+(?!ngay\b|nam\b|thang\b|luc\b|\d)"), _from_prose),
    (
        # "đoàn xe xuất phát: chạy dọc đường A ra đường B, theo …": the movements right after the start verb
        "verb_prose",
        re.compile(
            r"\b(?:xuat phat|khoi hanh|lan banh|len duong)\s*[:,]?\s+(?="
            r"(?:di|chay)\s+(?:doc|theo|thang|het)\b|(?:di\s+)?(?:doc\s+)?theo\s+(?:duong|pho|quoc lo|tinh lo|dai lo)\b"
            r"|" + TURN + r"\b)"
        ),
        _verb_prose,
    ),
    ("turns", _TURNS, _turns),
)


#: A group the column splits into, named with whose it is, before its own moves ("a) Nhóm 1 – phường A (xe hoa, xe
#: loa của phường A): rẽ phải vào đường B, …", "- Nhóm 2 (xã C): …", "Cánh 1 - thị trấn D: …") (folded, the line
#: without its bullet); ``unit`` is whose.
GROUP_HEAD = re.compile(
    r"^(?:nhom|canh)\s+(?:\d{1,2}|[a-d])\s*(?:[–—:-]\s*|\(\s*)?(?P<unit>[^:()]{2,60}?)\s*\)?\s*(?:\([^()]*\)\s*)?:\s*"
)


#: The first cell of a table's row that is one of the groups a column splits into ("Nhóm 1", "Cánh 2", "Nhóm B")
#: (folded): the row's next cells name whose group it is, its moves, and where it ends.
GROUP_CELL = re.compile(r"^(?:nhom|canh)\s+(?:so\s+)?(?:\d{1,2}|[a-d])$")


#: A route's way out and way back written apart ("Lượt đi: …" / "Lượt về: …", "Chiều đi", "Tuyến về") (folded,
#: the line without its bullet).
WAY_OUT = re.compile(r"^(?:luot|chieu|tuyen|huong)\s+di\b")
WAY_BACK = re.compile(r"^(?:luot|chieu|tuyen|huong)\s+ve\b")
#: The same labels inside a line ("Lộ trình: lượt đi: A - B; lượt về: B - C - A") (folded).
OUT_LABEL = re.compile(r"\b(?:luot|chieu)\s+di\s*:\s*")
BACK_LABEL = re.compile(r"\b(?:luot|chieu)\s+ve\s*:\s*")
#: The way back said as the way out reversed: "Lượt về: theo lộ trình ngược lại", "…; chiều về đi ngược lại",
#: "quay về theo đường cũ" (folded).
REVERSED = re.compile(
    r"\b(?:luot|chieu)\s+ve\b[^.]{0,60}?(?:nguoc lai|nguoc chieu|theo\s+(?:lo trinh|duong|tuyen)\s+cu)\b"
    # "trở về theo lộ trình cũ", "quay lại theo đường cũ", "về theo tuyến cũ", "quay về lại theo lộ trình cũ"
    r"|\b(?:(?:tro|quay)\s+(?:ve(?:\s+lai)?|lai)|ve(?:\s+lai)?)\s+theo\s+"
    r"(?:lo trinh|chieu|huong|duong|tuyen)\s+(?:nguoc lai|cu)\b"
    r"|\btheo\s+(?:lo trinh|duong|tuyen)\s+cu\s+(?:de\s+)?(?:tro|quay)\s+(?:ve|lai)\b"  # "theo lộ trình cũ trở về A"
    # "trở về theo đúng lộ trình đã đi", "quay về theo lộ trình ban đầu"
    r"|\b(?:tro|quay)\s+ve\s+(?:lai\s+)?theo\s+(?:dung\s+)?(?:lo trinh|duong|tuyen)\s+(?:da di|ban dau|luc di)\b"
)


def find_cue(c: Folded) -> Cue | None:
    """The first notation of :data:`ROUTE_RULES` that a clause writes its route in, or None."""
    for _name, rx, read in ROUTE_RULES:
        m = rx.search(c.low)
        if m:
            cue = read(c, m)
            if cue is not None:
                return cue
    return None


#: What separates the streets of a list besides commas: dashes and arrows ("A–B–C", "A - B", "A → B").
_LIST_SEP = re.compile(r"\s*[,;–—]\s*|\s+[->/]\s+|\s*(?:→|->|=>|⟶|➝|➔|➜)\s*")


#: A U-turn at a junction named by its two streets with a dash between them ("quay đầu tại ngã tư A – B"): one place,
#: written "ngã tư A × B" so that no list separator cuts it.
_UTURN_CROSSING = re.compile(
    r"(?i)(quay\s+đầu(?:\s+xe)?\s+(?:tại|ở)\s+(?:ngã\s+(?:ba|tư|năm|sáu|[3-6])|giao lộ|nút giao|vòng xoay)\s+"
    r"[^–—\-,;→()]+?)\s*[–—]\s*(?=[" + CAPITAL_LETTERS + r"])"
)


#: A junction named by its two streets with an en dash between them in a list written with arrows ("→ nút giao A
#: – B (rẽ phải) →"): there the dash is no separator.
_LISTED_CROSSING = re.compile(
    r"(?i)((?:^|→\s*|\b(?:về|đến|tới)\s+)(?:ngã\s+(?:ba|tư|năm|sáu|[3-6])|giao lộ|nút giao)\s+[^–—\-,;→()]+?)"
    r"\s*[–—]\s*(?=[" + CAPITAL_LETTERS + r"][^–—→]*(?:→|$))"
)


#: A list's last step, a junction reached and named by its two streets with a dash between them ("A – đường B –
#: đến giao lộ B – C."): the dash after the junction's word joins its streets, the list ends there.
_LAST_CROSSING = re.compile(
    r"(?i)(\s[–—-]\s+(?:đến|tới|về)\s+(?:ngã\s+(?:ba|tư|năm|sáu|[3-6])|giao lộ|nút giao)\s+[^–—\-,;→()]+?)"
    r"\s*[–—]\s*(?=[" + CAPITAL_LETTERS + r"][^–—\-,;→()]*(?:\([^()]*\)\s*)?[.;]?\s*$)"  # "(điểm tách đoàn)"
)


#: A junction named by its two streets with a hyphen between them in a list whose steps en dashes separate ("A –
#: đường B – ngã tư B - C (quay đầu) – đường B"): the shorter mark joins the junction's streets, it is no separator.
_HYPHENED_CROSSING = re.compile(
    r"(?i)((?:^|[–—]\s*)(?:ngã\s+(?:ba|tư|năm|sáu|[3-6])|giao lộ|nút giao)\s+[^–—\-,;→()]+?)"
    r"\s+-\s+(?=[" + CAPITAL_LETTERS + r"][^–—\-,;→]*(?:[–—]|$))"
)


def dash_parts(value: str, split: re.Pattern[str]) -> list[str]:
    """A list's steps cut at its dashes (``split``), but for the hyphen of a junction in a list that en dashes
    separate (:data:`_HYPHENED_CROSSING`): "A – ngã tư B - C – D" → [A, ngã tư B - C, D]."""
    kept = (
        [m.span(1)[1] for m in _HYPHENED_CROSSING.finditer(value)] if len(re.findall(r"\s[–—]\s", value)) >= 2 else []
    )
    out: list[str] = []
    at = 0
    for m in split.finditer(value):
        if m.start() in kept:
            continue  # the junction's own hyphen
        out.append(value[at : m.start()])
        at = m.end()
    return [*out, value[at:]]


def crossings_kept(value: str) -> str:
    """A route's text with the junctions it turns back at, passes in a list written with arrows, or ends a list
    of dashes at, kept whole ("quay đầu tại ngã tư A – B" → "… A × B")."""
    value = _UTURN_CROSSING.sub(lambda m: m.group(0) if _back_along(value, m) else f"{m.group(1)} × ", value)
    value = _LAST_CROSSING.sub(r"\1 × ", value)
    return _LISTED_CROSSING.sub(r"\1 × ", value) if "→" in value else value


def _back_along(value: str, m: re.Match[str]) -> bool:
    """Whether the name after a U-turn junction's dash is the street the column turned back on ("Trường Chinh –
    quay đầu tại Ngã ba A – Trường Chinh – …"): the way back, not the junction's second street."""
    before = [p.strip() for p in re.split(r"\s[–—-]\s", value[: m.start()]) if p.strip()]
    after = re.match(r"\s*([^–—\-,;→()]+?)\s*(?:[–—-]|$)", value[m.end() :])
    return bool(before and after and fold(before[-1]) == fold(after.group(1)))


def listed_parts(value: str) -> list[str]:
    """Streets of a list: "A, B, C và D" or "A–B–C" → [A, B, C, D]."""
    out: list[str] = []
    for piece in _LIST_SEP.split(crossings_kept(value)):
        low = fold(piece)
        start = 0
        for m in _AND.finditer(low):
            if and_in_name(piece, m.start() + 1):
                continue
            out.append(piece[start : m.start()])
            start = m.end()
        out.append(piece[start:])
    return [p.strip() for p in out if p.strip()]


def fuller_name(name: str, text: str) -> str | None:
    """The one longer form a document writes a short place name with: the name followed by the rest of its noun
    phrase, capitalised words or numbers, with lower-case words between them or last before punctuation ("Trung tâm
    Văn hóa" → "Trung tâm Văn hóa Quận Gò Vấp", "Nhà văn hóa" → "Nhà văn hóa Thanh niên"); None when the document
    writes none, or more than one (the context does not decide)."""
    longer: set[str] = set()
    for m in whole_words(name).finditer(text):
        phrase = _PHRASE.match(text, m.end())
        words = phrase.group(0).split() if phrase else []
        ends = phrase is not None and not re.match(r"[ \t]*[^\s,;:.()“”\"]", text[phrase.end() :])
        keep = 0
        for k, w in enumerate(words):
            if fold(w) in _PHRASE_STOPS:
                break
            if w[0].isupper() or (w[0].isdigit() and k == keep):
                keep = k + 1
            elif keep == 0 or k - keep >= 2:
                break
        if (
            ends
            and keep
            and len(words) - keep == 1
            and fold(words[-1]) not in _PHRASE_STOPS
            and not (words[-1][0].isupper() or words[-1][0].isdigit())
        ):
            keep = len(words)
        if keep:
            longer.add(name + " " + " ".join(words[:keep]))
    return longer.pop() if len(longer) == 1 else None


#: The word of a level of unit in lower case after a place's kind, with no name ("Nhà văn hóa phường", "Trung tâm
#: Văn hóa quận", "Sân vận động huyện"): the place of that kind of the document's own unit (as written).
_OWN_UNIT_TAIL = re.compile(r"\s+(?:phường|xã|quận|huyện|thị xã|thị trấn|thành phố|tỉnh)$")


def own_unit_fuller_name(name: str, text: str) -> str | None:
    """The one longer form a document writes its own unit's place with ("Nhà văn hóa phường" and "Nhà văn hóa Tân
    Thới Hiệp" elsewhere → the latter): the kind without the unit's word, written out as :func:`fuller_name` does."""
    m = _OWN_UNIT_TAIL.search(name)
    if m is None or len(name[: m.start()].split()) < 2:
        return None
    full = fuller_name(name[: m.start()], text)
    return None if full is not None and names_other_level(full[m.start() :], m.group(0).strip()) else full


def names_other_level(added: str, level: str) -> bool:
    """Whether the words a longer form adds name a unit of another level than the one written ("Ủy ban nhân dân
    quận" and "Ủy ban nhân dân 11 phường": the wards' offices, not the district's)."""
    said = _UNIT_WORD.findall(fold(added))
    return bool(said) and fold(level) not in said


#: The word of a level of unit (folded).
_UNIT_WORD = re.compile(r"\b(?:phuong|xa|quan|huyen|thi xa|thi tran|thanh pho|tinh)\b")


#: Words that end a place's noun phrase (folded): what is said about the place after its name.
_PHRASE_STOPS = frozenset(
    ("va", "voi", "cung", "luc", "vao", "tai", "o", "tu", "den", "toi", "theo", "de", "cua", "sau", "truoc", "gom")
    + ("ngay", "gio", "thi", "roi", "khi", "nhu", "trong", "ve")
)
#: The words after a name on the same line, up to punctuation (at most eight); a unit written short with its dot
#: goes on ("Trường Đại học A TP. Hồ Chí Minh", "Nhà Văn hóa Q. Gò Vấp", "… TX.Thủ Dầu Một").
_PHRASE = re.compile(r"(?: +(?:(?:TP|Tp|TX|Tx|Q|P)\. ?)?[^\s,;:.()“”\"]+){1,8}")  # a tab is a table cell's end
