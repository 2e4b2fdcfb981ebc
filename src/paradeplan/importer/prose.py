"""Routes written as prose ("Xuất phát từ A, đi theo đường B, rẽ phải vào đường C, đến giao lộ …, trở về A"; legs
"Chặng 1: từ A theo đường B đến giao lộ C"), read by movement phrases kept as data."""

from __future__ import annotations

import re
from dataclasses import dataclass

from paradeplan.geo.names import CAPITAL_LETTERS, SMALL_LETTERS
from paradeplan.importer.dates import DATE_WRITTEN
from paradeplan.importer.text import NAME_INNER, Folded, and_in_name, fold, tidy

#: How documents say a turn (folded), in every region: the verb ("rẽ", southern "quẹo", northern "ngoặt") and the
#: side ("trái/phải", "tay trái/tay phải"). Every rule below that reads a turn is built from these two.
TURN_VERB = r"(?:re|queo|ngoat)"
TURN = TURN_VERB + r"\s+(?:tay\s+)?(?:trai|phai)"

#: A clock time said between the start verb and where from ("xuất phát lúc 7 giờ 30 từ …", "khởi hành vào lúc
#: 07h00 tại …") (folded).
CLOCK_BETWEEN = (
    r"(?:\s+(?:vao\s+)?luc\s+\d{1,2}(?:\s*(?:gio|h|g|:)\s*(?:\d{1,2})?(?:\s*phut)?)?(?:\s+(?:sang|chieu))?,?)?"
    r"(?:\s+(?:ngay\s+" + DATE_WRITTEN + r"|cung ngay),?)?"  # "… lúc 8 giờ ngày 06/10/2025 từ …"
)

#: Where a prose route is cut into pieces (folded): punctuation, "và/rồi/sau đó", and before a movement phrase.
_CUT = re.compile(
    r"(?<!\btp)(?<!\btx)(?<!\btt)(?<!\bq)(?<!\bp)(?<!\bh)(?<!\bd)\.\s+"  # a sentence's end (not "TP. A")
    r"|\s*;\s*|(?<!\d),\s*|,(?!\d)\s*|\s*(?:→|->|=>|⟶|➝|➔|➜)\s*|\s+(?:va|roi|sau do)\s+"  # not "1,2 km"
    # a dash before a movement or a street ("Chợ A - đường B - rẽ trái đường C"), not inside a name ("Văn hóa -
    # Thể thao")
    r"|\s+[-–—]\s+(?=(?:" + TURN_VERB + r"|quay|vao|vo|ve|duong|pho|tuyen|theo|di|chay|tro|den|toi)\b)"
    r"|(?<!tiep tuc)(?<!\bdi)\s+(?=" + TURN_VERB + r"\s+(?:(?:tay\s+)?(?:trai|phai)|vao|vo|sang|ra)\b)"
    # "rẽ trái vào Quốc lộ 1A tại Ngã tư B": the junction the turn is made at, a piece of its own (no part of the
    # name); not after a verb that the place belongs to ("quay đầu tại", "kết thúc tại", "tập trung tại")
    r"|(?<!\bdau)(?<!\bxe)(?<!\blai)(?<!\bthuc)(?<!\btan)(?<!\btrung)(?<!\bket)(?<!\bphat)(?<!\bhanh)(?<!\bdung)"
    r"\s+(?=tai\s+(?:nga\s+(?:ba|tu|nam|sau|[3-6])|giao lo|nut giao|vong xoay|bung binh|cau(?:\s+vuot)?)\b)"
    r"|\s+(?=tiep tuc\b|(?:tro|quay)\s+ve\b|ve\s+lai\b|vong\s+(?:lai|ve)\s|ket thuc\s+(?:tai|o)\b"
    r"|nhap\s+(?:vao|vo)\s|noi\s+(?:tiep\s+)?(?:sang|vao)\s)"
    r"|\s+de\s+(?=(?:(?:tro|quay)\s+)?ve\b)"  # "… theo đường C để trở về A": the purpose's "để" is no name
    r"|(?<!\bdoc)\s+(?=(?:(?:di|chay)\s+)?(?:doc\s+)?theo\s+(?:duong|pho|tuyen|quoc lo|tinh lo|dai lo|ql|tl|dt)\b)"
    r"|\s+(?=(?:di|chay)\s+thang\s+(?:duong|pho|quoc lo|tinh lo|dai lo)\b)"  # "Từ Chợ A đi thẳng đường B"
    r"|\s+(?=(?:(?:di|chay)\s+)?nguoc\s+lai\s+(?:theo\s+)?(?:duong|pho|quoc lo|tinh lo)\b)"  # "… đi ngược lại đường B"
    # "… đến bờ sông A, rẽ trái …", "… tới chân cầu B": a landmark reached, a piece of its own (a shore, a bridge's
    # foot or head, written in lower case before its name)
    r"|\s+(?=(?:den|toi)\s+(?:(?:truoc|gan)\s+)?"
    r"(?:giao lo|nut giao|nga|duong|pho|vong xoay|bung binh|cau|cho|cong vien|quang truong|diem quay dau"
    r"|bo\s+(?:song|bien|ho|ke|kenh)|(?:chan|dau)\s+cau)\b)"
    # "theo đường A về ngã tư A – B (rẽ phải)": the corner it goes back to (not "theo hướng về …"); "… vào đường A
    # về điểm xuất phát": the start it goes back to, named by its role
    r"|(?<!huong)\s+(?=ve\s+(?:lai\s+)?(?:giao lo|nut giao|nga\s+(?:ba|tu|nam|sau))\b)"
    r"|(?<!huong)\s+(?=ve\s+(?:lai\s+)?(?:(?:dia\s+)?diem|noi|vi tri)\s+(?:xuat phat|khoi hanh|tap ket|tap trung)\b)"
    r"|(?<!\bdi)(?<!\bchay)(?<!\btro)(?<!\bquay)(?<!\btrai)(?<!\bphai)(?<!\bhuong)"
    r"\s+(?=(?:(?:tro|quay)\s+)?(?:ra|vo)\s+(?:lai\s+)?(?:duong|pho|quoc lo|tinh lo)\b)"
    # "từ đường A trở lại đường B", "… đi quay lại Quốc lộ C": back onto a street, a step of its own
    r"|(?<!\bdi)(?<!\bchay)(?<!\btrai)(?<!\bphai)\s+(?=(?:(?:di|chay)\s+)?(?:tro|quay)\s+lai\s+(?:theo\s+)?"
    r"(?:duong|pho|quoc lo|tinh lo|dai lo)\b)"
)
#: A subject or a connector in front of the movement ("đoàn xe đi theo …", "rồi dừng lại tại …").
_SUBJ = r"(?:(?:toan\s+)?doan(?:\s+xe)?(?:\s+hoa)?(?:\s+(?:dieu|dien)\s+hanh)?|cac\s+xe|xe\s+hoa)\s+"
_SUBJECT = re.compile(
    r"^(?:(?:va|roi|sau do|tiep do|tiep theo|(?:tai|tu|den)\s+(?:day|do),?)\s+(?:" + _SUBJ + r")?|" + _SUBJ + r")"
)

#: The kinds of place a column passes on its way, written before their names ("chợ A", "trụ sở UBND quận", "đầu cầu
#: B") (folded).
PASSED_PLACE = (
    r"cho|truong|cong vien|nha (?:van hoa|thieu nhi|tho)|ubnd|uy ban|tru so|benh vien|ben xe|chua"
    r"|dinh|sieu thi|trung tam|quang truong|san van dong|tuong dai|(?:duoi\s+)?(?:chan|gam|dau)\s+cau"
)
#: Going on ("đi thẳng", "chạy", "tiếp tục") in front of a movement phrase (folded).
_GO = r"(?:(?:di chuyen|di|chay|tiep tuc)\s+(?:thang\s+|tiep\s+)?)*"
#: Movement phrases at the start of a piece (folded) → what the words after them are. A new phrasing is a new row.
MOVES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "start",
        re.compile(
            r"^(?:(?:xuat phat|khoi hanh|bat dau|di|chay|(?:dieu|dien) hanh)" + CLOCK_BETWEEN + r"\s+(?:tu|tai)|tu"
            r"|(?:(?:dia\s+)?diem\s+)?(?:tap ket|tap trung)\s+(?:tai|o)"
            r"|ra(?:\s+khoi)?(?=\s+cong\s))\s+"  # "ra cổng trường rẽ phải …": leaves by the gate of where it starts
        ),
    ),
    # "trở về theo Quốc lộ 1A": the way back follows a street (a race's "về đích tại A" ends at A, below)
    ("street", re.compile(r"^(?:(?:tro|quay)\s+)?ve\s+theo\s+(?:cac\s+tuyen\s+)?(?:(?:duong|pho|tuyen)\s+)?")),
    (
        "end",
        re.compile(
            r"^(?:(?:di|chay)\s+(?:thang\s+)?)?(?:(?:tro|quay)\s+ve(?:\s+lai)?|ve\s+lai|ve\s+dich(?:\s+(?:tai|o))?|ve"
            r"|ket thuc\s+(?:tai|o)|(?:va\s+)?giai tan(?:\s+(?:doi hinh|doan(?:\s+xe)?))?\s+(?:tai|o)"
            r"|dung(?:\s+lai)?\s+(?:tai|o))\s+"
        ),
    ),
    # "quay đầu tại A", "vòng quay đầu tại A" (the loop a column turns back by)
    ("uturn", re.compile(r"^(?:(?:di|chay)\s+)?(?:vong\s+)?quay dau\s+(?:xe\s+)?(?:tai\s+)?")),
    # "đến giao lộ B", "qua vòng xoay C", "tại cầu vượt D đi đường dưới": a junction passed or reached is a via point
    ("junction", re.compile(_GO + r"(?:den|toi|qua|tai)\s+(?=(?:giao lo|nut giao|nga|vong xoay|bung binh|cau)\b)")),
    (
        "reach",  # "đến đầu đường A thì rẽ": A reached (at its end)
        re.compile(
            _GO + r"(?:den|toi)\s+(?:(?:dau|cuoi)\s+)?"
            r"(?=(?:duong|pho|quoc lo|tinh lo|dai lo|xa lo|ql|tl|dt)\b|(?:ql|tl|dt)\.?\s*\d)"
        ),
    ),
    # "qua các tuyến Hà Huy Giáp": a street listed after "qua/theo các tuyến (đường)"
    ("street", re.compile(r"^(?:di\s+)?(?:qua|theo)\s+cac\s+(?:tuyen|duong|pho)(?:\s+(?:duong|pho))?\s*:?\s*")),
    # "đi thẳng qua chợ A", "qua cổng UBND quận", "qua chân cầu B": a place passed on the way, no step (as "đi
    # ngang qua A" after a street)
    (
        "passed",
        re.compile(_GO + r"qua\s+(?=(?:(?:truoc\s+)?cong(?:\s+chinh)?\s+)?(?:" + PASSED_PLACE + r")\b)"),
    ),
    # "đến bờ sông A", "tới chân cầu B": where the street meets a shore or a bridge, the turn's spot, no step; "đi
    # dọc bờ sông A": the shore the street just taken runs along, no step
    (
        "passed",
        re.compile(
            _GO + r"(?:(?:den|toi)\s+(?:(?:truoc|gan)\s+)?|doc\s+(?:theo\s+)?)"
            r"(?=bo\s+(?:song|bien|ho|ke|kenh)\b|(?:chan|dau)\s+cau\b)"
        ),
    ),
    ("place", re.compile(_GO + r"(?:den|toi|qua)\s+(?!(?:duong|pho|tuyen)\s)")),
    (
        "street",
        re.compile(
            r"^(?:(?:xuat phat|khoi hanh)\s+)?(?:(?:di chuyen|di|chay|tiep tuc)\s+(?:thang\s+|tiep\s+)?)*"
            r"(?:(?:" + TURN + r"(?:\s+(?:(?:di|chay)\s+)?(?:vao|vo|ra|sang|len|xuong|qua|theo)|\s+(?:di|chay))?"
            r"|" + TURN_VERB + r"\s+(?:vao|vo|sang|ra)"
            r"|(?:tro|quay)\s+(?:ra|lai)(?:\s+theo)?|ra\s+lai|nguoc\s+lai(?:\s+theo)?|vong\s+(?:qua|sang|ra|vao|lai|ve)"
            r"|doc\s+theo|theo|nhap\s+(?:vao|vo)|noi\s+(?:tiep\s+)?(?:sang|vao)|vao|vo|ra|sang|doc"
            r"|len|xuong|het|qua)\s+)?"
            r"(?:(?:duong|pho|tuyen)\s+)?"
        ),
    ),
)
#: Words after a step's name that are no part of it (folded): the turn made there ("… thì rẽ phải"), going back
#: ("… trở ra"), the column breaking up ("… và giải tán", "…, các xe giải tán", "…, toàn đoàn tự giải tán"), what
#: the column goes there for ("… để kết thúc", "… để giải tán"), a direction ("… về hướng cầu Dừa"), how far
#: ("… khoảng 100 m"), going on along it ("theo đường A đi thẳng …").
TRAILING = re.compile(
    r"\s+(?:(?:tro|quay|di)\s+(?:ra|lai)\b|(?:di|chay)\s+(?:thang|tiep)\b|ra(?:\s+(?:den|toi|khoi)\b|\s*$)"
    r"|(?:va\s+)?giai tan\b|de\s+(?:ket thuc|giai tan|tong ket|be mac|nghi|quay dau)\b"
    r"|(?:cac\s+(?:xe|doan|don vi|luc luong)|(?:toan|ca)\s+doan|doan(?:\s+xe)?|doi\s+hinh)\s+(?:tu\s+)?giai tan\b"
    r"|(?:vao\s+)?luc\s+\d|(?:khoang|chung|dai)\s+\d|qua\s+khu\s+vuc\b"
    r"|(?:ve\s+|theo\s+)?huong\s+(?:ve\s+|di\s+)?\S|(?:theo\s+)?chieu\s+(?:nguoc\s+lai|ve)\b).*$"
)
#: Words that describe a place before its name ("điểm tập kết Chợ A", "khu vực Công viên B") (folded).
DESCRIPTORS = re.compile(
    r"^(?:(?:dia\s+)?diem\s+(?:tap ket|tap trung|xuat phat|cuoi)|noi\s+(?:tap ket|tap trung)|khu\s+vuc"
    # "cổng chính Trường A", "sân Đình B" (not "Sân vận động C")
    r"|(?:truoc\s+)?(?:cong(?:\s+(?:chinh|phu|sau|truoc))?|san(?!\s+van\s+dong\b))|truoc)\s+"
)
#: A gate named without the place it is the gate of ("cổng chính", "cổng phụ", "cổng số 2", "lối ra phía sau")
#: (folded).
_GATE_ONLY = re.compile(r"(?:cong|loi ra|loi di)(?:\s+(?:chinh|phu|sau|truoc|ben|phia\s+(?:sau|truoc)|so\s+\d{1,2}))?")
#: Going on along the street just reached ("… đến đường A, đi tiếp …") (folded, the whole piece).
_GOES_ON = re.compile(
    r"(?:tiep tuc|(?:di|chay)\s+(?:tiep|thang))(?:\s+(?:di|chay))?(?:\s+(?:thang|tiep))?"
    r"(?:\s+(?:theo|doc)\s+(?:duong|pho))?"
)
#: A turn that names no street ("… thì rẽ phải,"): the turn is onto the street just reached (folded).
_TURN = re.compile(r"^(?:thi\s+)?(?:(?:di|chay)\s+)?" + TURN + r"$")
#: A leg's label ("Chặng 1:", "Đoạn 2:", "Bước 3.", "Bước 4)").
LEG = re.compile(r"^(?:chang|doan|buoc)\s+\d{1,2}\s*(?::|\.(?!\d)|\)|\s[–-])\s*")


@dataclass(frozen=True)
class ProseStep:
    """One step read from prose: a street, or a place (start, waypoint, U-turn or end)."""

    kind: str
    """start, street, place, uturn or end."""
    name: str
    note: str | None = None
    """What the text says at this step that is no step of its own ("quay đầu tại vòng xoay cuối đường")."""


#: A movement word before a name (a cut when the name is capitalised): "… về Nhà văn hóa", "… ra Quốc lộ 1"; "ra"
#: and "vô" not after the verb they belong to ("rẽ phải ra …", "chạy ra …"). A "cong" after the movement word is
#: the gate of the name after it ("đến cổng Trường B"), or, written capitalised, the name's own first word ("về Công
#: viên A", "về Công an phường B": "Công" folds like "cổng").
_BEFORE_NAME = re.compile(
    # not "hướng về X" (a direction); "đến trước Đình A" (a place the column stops before), "đến cổng Trường B"
    r"(?<!\bhuong)\s(?=(?:den|toi|ve(?:\s+(?:den|toi))?)(?:\s+(?:truoc|gan))?(?:\s+(?P<gate>cong))?\s+(?P<n>\S))"
    r"|(?<!\bdi)(?<!\bchay)(?<!\btro)(?<!\bquay)(?<!\btrai)(?<!\bphai)(?<!\bhuong)\s(?=(?:vo|ra(?:\s+lai)?)\s+(?P<n2>\S))"
)


def _named_after(f: Folded, m: re.Match[str]) -> bool:
    """Whether a match of :data:`_BEFORE_NAME` has a capitalised name after its movement word ("về Công viên A")."""
    gate = m.start("gate")
    return f.text[max(m.start("n"), m.start("n2"))].isupper() or gate >= 0 and f.text[gate].isupper()


def _and_in_name(f: Folded, m: re.Match[str]) -> bool:
    """Whether a cut at "và" falls inside a name ("Trường Đại học Tài nguyên và Môi trường")."""
    return m.group(0).strip() == "va" and and_in_name(f.text, m.start() + m.group(0).index("va"))


def _pieces(text: str) -> list[Folded]:
    """The pieces of a prose route: cut at :data:`_CUT`, and before "đến/tới/về" followed by a name."""
    f = Folded.of(text)
    cuts = [(m.start(), m.end()) for m in _CUT.finditer(f.low) if not _and_in_name(f, m)]
    cuts += [
        (m.start(), m.start() + 1)
        for m in _BEFORE_NAME.finditer(f.low)
        if _named_after(f, m) and f.text[m.start() + 1].islower()
    ]
    inside = [(m.start(), m.end()) for m in re.finditer(r"\([^()]*\)", f.low)]  # "(hướng về Ngã tư Ga)"
    out: list[Folded] = []
    start = 0
    for a, b in sorted(cuts):
        if a < start or any(p < a < q for p, q in inside):
            continue
        out.append(Folded(f.text[start:a], f.low[start:a]))
        start = b
    out.append(Folded(f.text[start:], f.low[start:]))
    return [Folded(p.text.strip(), p.low.strip()) for p in out if p.text.strip()]


#: The street words a movement phrase may end with, as written (a name's "Dương", "Phó" folds like them).
_STREET_WORDS = ("đường", "phố", "tuyến", "duong", "pho", "tuyen")


def _street_word_end(piece: Folded, end: int) -> int:
    """Where a movement phrase ends: before its last word when that word folds to "đường/phố/tuyến" but is written
    otherwise ("theo Dương Thị Mười": "Dương" is the name's)."""
    words = piece.text[:end].split()
    if not words:
        return end
    last = words[-1]
    written = _MOVE_WRITTEN.get(fold(last))
    if (written is not None and last.lower() not in (written, fold(last))) or (len(words) >= 2 and last[:1].isupper()):
        return piece.text.rfind(last, 0, end)  # "theo Võ Văn Ngân": "Võ" is the name's, no "vô"
    return end


#: Movement words as written with their accents (folded → written): a word that folds like one but is written
#: otherwise ("Võ", "Dương", "Quá") is a name's own word.
_MOVE_WRITTEN = {
    "vo": "vô",
    "vao": "vào",
    "doc": "dọc",
    "len": "lên",
    "xuong": "xuống",
    "het": "hết",
    "qua": "qua",
    "sang": "sang",
    "theo": "theo",
    "ra": "ra",
    "duong": "đường",
    "pho": "phố",
    "tuyen": "tuyến",
}


def named_tail(text: str) -> str | None:
    """The capitalised name that ends a phrase of two or more lower-case words ("đoàn xe đi một vòng khép kín theo
    thứ tự Trường Chinh" → "Trường Chinh"), or None when the text is no such phrase."""
    words = text.split()
    k = len(words)
    while k > 0 and (
        words[k - 1][:1].isupper()
        or words[k - 1][:1].isdigit()
        or k > 1
        and words[k - 1] in NAME_INNER
        and words[k - 2][:1].isupper()  # "Quốc lộ 1A", "Đường số 8"
    ):
        k -= 1
    if k < 2 or k == len(words) or not words[k][:1].isupper() or any(w[:1].isupper() for w in words[:k]):
        return None
    return " ".join(words[k:])


def named_by_kind(text: str) -> str:
    """A place named by its kind in lower case ("cổng trường" → "trường", "trụ sở"), without the position words
    before it and the street it stands on ("… trên đường Vườn Lài")."""
    f = Folded.of(tidy(re.split(r"\s+(?:trên|ở|tại)\s+(?:đường|phố)\s", tidy(text))[0]))
    m = DESCRIPTORS.match(f.low)
    return tidy(f.text[m.end() :]) if m and f.text[m.end() :].strip() else tidy(f.text)


#: A street's name in its time and its name now ("Quốc lộ 1 (nay là đường Đỗ Mười)"): the name now (as written).
RENAMED = re.compile(
    r"\(\s*nay\s+(?:là|đã đổi tên thành|đổi tên thành|mang tên)\s+(?:đường\s+|phố\s+)?([^()]+?)\s*\)"
    # "Quốc lộ 1A (đường Đỗ Mười)", "Quốc lộ 1 (đoạn đường Đỗ Mười)": a numbered road's stretch named as a street
    r"|^\s*(?:quốc lộ|tỉnh lộ|ql|tl|đt)\s*[\dA-Z.]{1,5}\s*\(\s*(?:đoạn\s+)?(?:đường|phố)\s+([^()]+?)\s*\)",
    re.I,
)


def _named(text: str) -> str | None:
    """The name in a piece (it starts with a capital or a number), without trailing words in lower case; a street
    renamed since is its name now."""
    now = RENAMED.search(text)
    if now is not None:
        text = now.group(1) or now.group(2)
    text = re.split(r"(?:(?<=\))|(?<=[" + SMALL_LETTERS + r"]{3}))\.\s+(?=[" + CAPITAL_LETTERS + r"])", text)[
        0
    ]  # "… (đường A). Sau khi …": a sentence
    name = tidy(re.sub(r"\([^()]*\)?", " ", text))
    # "… Ngã tư A thì quay đầu": what follows "thì" is what is done there ("Siêu thị B" keeps its "thị")
    name = re.split(r"\s+thì\b" if not name.isascii() else r"\s+thi\b", name)[0]
    f = Folded.of(name)
    for rx in (TRAILING, DESCRIPTORS):
        # a name's own word ("Hưởng", "Thị") stays: the first place where the words written in lower case begin
        at = [0] if rx is DESCRIPTORS else [w.start() for w in re.finditer(r"\s+", f.low)]
        found = (rx.match(f.low, k) if k else rx.search(f.low) for k in at)
        m = next((m for m in found if m and not name[m.start() : m.end()].strip()[:1].isupper()), None)
        if m:
            name = tidy(name[: m.start()] + name[m.end() :])
            f = Folded.of(name)
    name = re.sub(r"(?i)^(?:bãi\s+(?:đỗ\s+|đậu\s+)?xe|khuôn\s+viên)\s+(?=[" + CAPITAL_LETTERS + r"])", "", name)
    if name and not (name[0].isupper() or name[0].isdigit() or _SEAT_OF.match(name)):
        name = named_tail(name) or ""  # "đoàn xe đi một vòng theo thứ tự Trường Chinh": the name it leads to
    if not name:
        return None
    if re.fullmatch(r"(?:" + "|".join(_MOVE_WORDS) + r")(?:\s+(?:" + "|".join(_MOVE_WORDS) + r"))*", name.lower()):
        return None  # "Đi", "Trở", "Đi thẳng": a movement written first on its line, no name
    if _TURN.match(Folded.of(name).low.strip(" .,;")):
        return None  # "Rẽ phải" before "theo đường A": a turn, no name
    return name


#: Movement words as written (lower case, accents kept), which a line or sentence may begin with a capital.
_MOVE_WORDS = (
    "đi",
    "trở",
    "quay",
    "chạy",
    "rẽ",
    "quẹo",
    "ngoặt",
    "về",
    "ra",
    "vô",
    "vào",
    "sang",
    "tiếp",
    "tục",
    "thẳng",
    "rồi",
    "sau",
    "đó",
    "xuất",
    "phát",
    "khởi",
    "hành",
    "di",
    "chuyển",
    "lại",
)


#: A place named by its yard or seat, or by its kind in lower case, before a capitalised name ("trụ sở UBND
#: phường", "sân Nhà văn hóa", "ngã tư Bình Phước", "chợ Tân Thạnh").
_SEAT_OF = re.compile(
    r"^(?:trụ sở|sân|khuôn viên|ngã (?:ba|tư|năm|sáu|\d)|vòng xoay|bùng binh|giao lộ|cầu|chợ|công viên)\s+"
    r"(?:trụ sở\s+)?[" + CAPITAL_LETTERS + r"0-9]"
)


#: A junction named as a place ("ngã tư Thủ Đức", "giao lộ Lê Đức Thọ"): where a leg ends, no step (folded).
_JUNCTION_WORDS = r"giao lo|nut giao|nga\s+(?:ba|tu|nam|sau|\d)"
_JUNCTION_NAME = re.compile(r"^(?:" + _JUNCTION_WORDS + r")\b")


#: Where a leg ends and the next begins, a junction, bridge or roundabout (folded).
_PASSED_AT = re.compile(r"^(?:" + _JUNCTION_WORDS + r"|cau(?:\s+vuot)?|vong xoay|bung binh)\b")
#: A place passed on the way, said with "qua" ("đi thẳng qua chợ A", "qua cầu B") (folded, a piece's head).
_PASSING = re.compile(_GO + r"qua\s")
#: A landmark named by its kind, as a list of places passed goes on ("…, Trường B", "…, đầu cầu C") (folded).
_PASSED_AGAIN = re.compile(r"^(?:" + PASSED_PLACE + r"|" + _JUNCTION_WORDS + r"|cau|vong xoay|bung binh)\b")


def _passed_too(piece: Folded, rest: Folded, kind: str, passing: bool) -> bool:
    """Whether a bare landmark after a place passed is passed too: the list of places the column passes goes on
    ("đi thẳng qua Chợ A, Trường B, đến …", "qua đầu cầu C, đầu cầu D")."""
    bare = kind == "street" and rest.low.strip() == piece.low.strip()
    return passing and bare and _PASSED_AGAIN.match(piece.low.strip()) is not None


#: Where the column's route ends, said after a place reached ("đến Chợ A thì giải tán", "… thì kết thúc lộ trình
#: chung", "… thì dừng lại") (folded).
_ENDS_THERE = re.compile(r"\bgiai tan\b|\bket thuc\b|\bdung lai\b|\bthi dung\b")


def _ends_there(kind: str, piece: Folded) -> bool:
    """Whether a place or junction reached is where the route ends ("đến ngã tư A thì kết thúc lộ trình chung"; not
    "qua giao lộ B", a junction only passed)."""
    reached = kind == "place" or kind == "junction" and re.match(_GO + r"(?:den|toi)\s", piece.low) is not None
    return reached and _ENDS_THERE.search(piece.low) is not None


def _kind_in_chain(kind: str, rest: Folded, started: bool) -> tuple[str, Folded]:
    """What a piece is inside a chain of legs: a later "từ ngã tư X" starts a leg at the junction the last one
    reached (a via point, no step); "từ đường A", "về lại đường A" go on from or back onto street A, a step
    of its own (no place)."""
    if kind == "start" and started and _PASSED_AT.match(rest.low.strip()):
        return "junction", rest  # "Chặng 3: Quốc lộ 1, từ Cầu vượt A …": where the last leg reached
    word = re.match(r"\s*(?:đường|phố)\s+", rest.text.lower())
    if kind in ("end", "start") and word:
        return "street", Folded(rest.text[word.end() :], rest.low[word.end() :])
    return kind, rest


#: A direction said beside a movement ("đi về hướng ngã tư Ga", "theo hướng Bảy Hiền", "hướng về Quốc lộ 1")
#: (folded, a whole piece).
_HEADING_TO = re.compile(r"^\s*(?:(?:di|chay|tiep tuc)\s+)?(?:(?:ve|theo)\s+)?huong(?:\s+(?:ve|di|den))?\s+\S")


#: A direction said after a street ("theo đường A hướng về Ngã sáu B", "… theo hướng Bảy Hiền") (as written: the
#: marks tell "hướng" from a name's "Hương").
_TOWARD_AFTER = re.compile(r"(?i)\s+(?:(?:đi|chạy)\s+)?(?:(?:về|theo)\s+)?hướng(?:\s+(?:về|đi|đến|ra))?\s+\S.*$")


#: A place passed on the way, said after a street ("theo đường A (chiều ngược lại) đi ngang qua Chợ B") (as written).
_PASSING_AFTER = re.compile(r"(?i)\s*(?:\([^()]*\)\s*)?(?:(?:đi|chạy)\s+ngang\s+qua|ngang\s+qua|đi\s+qua)\s+\S.*$")
#: "qua" alone between a street and what the column passes on it ("theo Quốc lộ 1A qua cổng UBND quận", "… Lê Văn
#: Khương qua Bến xe A"): a place passed, no step, when the words after it name a place (folded).
_QUA_AFTER = re.compile(r"\s+qua\s+(?=\S)")
#: A place named by its role before its name ("về điểm kết thúc tại Chợ A", "nơi giải tán ở B") (folded).
_ROLE_PLACE = re.compile(r"\b(?:diem|noi)\s+(?:ket thuc|giai tan|tap ket|tap trung)\s+(?:tai|o)\s+(?=\S)")


#: Where on the way a turn happens, said before it ("Tại giao lộ A - B", "Đến ngã tư C", "Cuối đường D", "Hết
#: đường E") (folded, at a piece's head).
_WHERE_ON = re.compile(
    r"^\s*(?:(?:tai|o)\s+(?:giao lo|nut giao|nga\s+(?:ba|tu|nam|sau|\d)|vong xoay|bung binh)\b"
    r"|(?:cuoi|het|dau)\s+(?:duong|tuyen|pho)\s+\S"
    # "chạy chậm qua địa bàn phường A", "đi qua khu vực xã B": an area the column crosses, no step
    r"|(?:(?:di|chay)(?:\s+(?:cham|thang|tiep))?\s+)?(?:qua|ngang qua|xuyen qua)\s+(?:(?:cac|toan)\s+)?"
    r"(?:dia ban|dia phan|khu vuc)\b)"
)


#: A sentence about what happens once the route is over ("Sau khi giải tán, …", "Dự kiến kết thúc lúc …") (folded, a
#: piece's head).
_AFTERWARDS = re.compile(r"^(?:sau khi|du kien|sau do cac xe|khi ket thuc)\b")
#: A clause that recalls the move just made before the next one ("Sau khi quay đầu, đoàn theo …", "Sau khi rẽ phải
#: vào đường A, …", "Sau khi qua cầu B, …") (folded, a piece's head): the route goes on, read from the move itself.
AFTER_A_MOVE = r"sau khi\s+(?:(?:doan|xe)(?:\s+xe)?\s+)?(?=(?:quay dau|" + TURN_VERB + r"|qua|vuot qua)\b)"
_AFTER_A_MOVE = re.compile("^(?:" + AFTER_A_MOVE + r"|sau khi\s*$)")  # "sau khi" cut off before "rẽ trái …"


def _trimmed(piece: Folded) -> tuple[Folded | None, bool]:
    """A piece of a route without its subject and the words in it that are no step; (None, False) for a piece that
    is no step at all ("đi về hướng ngã tư Ga", "Tại giao lộ A - B", "Cuối đường C": where a turn is), (None, True)
    for what is said after the route ("… (đường A). Sau khi giải tán, xe hoa các phường tự lưu động …")."""
    sub = _SUBJECT.match(piece.low)
    if sub:
        piece = Folded(piece.text[sub.end() :], piece.low[sub.end() :])
    moved = _AFTER_A_MOVE.match(piece.low)
    if moved:
        piece = Folded(piece.text[moved.end() :], piece.low[moved.end() :])
        if not piece.low.strip():
            return None, False
    if _AFTERWARDS.match(piece.low):
        return None, True
    if _HEADING_TO.match(piece.low) or _WHERE_ON.match(piece.low):
        return None, False
    for after in (_TOWARD_AFTER, _PASSING_AFTER):  # "theo đường A hướng về Ngã sáu B", "… đi ngang qua Chợ C":
        cut = after.search(piece.text)  # the direction it takes, a place passed: no step
        if cut and cut.start() > 0:
            piece = Folded(piece.text[: cut.start()], piece.low[: cut.start()])
    passed = _passed_after(piece)  # "theo Quốc lộ 1A qua cổng UBND quận": the place passed is no step
    if passed is not None:
        piece = Folded(piece.text[:passed], piece.low[:passed])
    return piece, False


def _passed_after(piece: Folded) -> int | None:
    """Where a place the column passes begins after a street's name ("theo Quốc lộ 1A qua cổng UBND quận" → before
    "qua"), or None: "qua" written so, after a capitalised word or a number, before a place's name."""
    from paradeplan.importer.extract import place_kind

    for m in _QUA_AFTER.finditer(piece.low):
        words = piece.text[: m.start()].split()
        named = bool(words) and (words[-1][:1].isupper() or words[-1][:1].isdigit())
        if piece.text[m.start() : m.end()].strip() != "qua" or not named:
            continue  # "vòng qua chợ A": a movement; "Nguyễn Văn Quá": a name's own word
        if place_kind(piece.text[m.end() :]) is not None:
            return m.start()
    return None


def _piece_kind(piece: Folded, started: bool) -> tuple[str, Folded]:
    """What a piece is (:data:`MOVES`; a place turned back at is a U-turn, one where the route ends its end) and the
    words naming its step."""
    kind, rest = "street", piece
    for name, rx in MOVES:
        m = rx.match(piece.low)
        if m:
            end = _street_word_end(piece, m.end())
            kind, rest = name, Folded(piece.text[end:], piece.low[end:])
            break
    if re.search(r"\bquay dau\b", piece.low) and kind in ("junction", "place", "passed"):
        kind = "uturn"
        cut = re.search(r"\s*\(?\s*quay dau", rest.low)
        rest = Folded(rest.text[: cut.start()], rest.low[: cut.start()]) if cut else rest
    if _ends_there(kind, piece):
        kind = "end"  # "… đến Công viên A thì giải tán", "… đến ngã tư B thì kết thúc lộ trình chung"
    return _kind_in_chain(kind, rest, started)


#: The way back said as the way out again after its going verb, before where it ends ("quay về lại theo lộ trình cũ
#: về Trường A", "trở về theo đúng tuyến đã đi về Chợ B"): no step of its own, the way back is read from the way out
#: (as written; "theo lộ trình cũ trở về X" with no verb before it is left to the reader of reversed routes).
_OLD_WAY = re.compile(
    r"(?i)(?:(?<=về)|(?<=lại))(?:\s+lại)?\s+theo\s+(?:đúng\s+)?(?:lộ trình|đường|tuyến)\s+"
    r"(?:cũ|ngược lại|đã đi|ban đầu|lúc đi)"
    r"\s+(?:(?:để\s+)?(?:trở\s+|quay\s+)?về|đến|tới)(?=\s)"
)


#: A place reached, then what is done there ("đến Chợ A thì", "tới cây xăng B thì", before "rẽ trái vào đường C")
#: (folded, the piece's end).
_REACHED_THEN = re.compile(r"\sthi$")
#: A turn onto a street, at the head of the piece after it ("rẽ trái vào đường C", "quẹo phải") (folded).
_TURN_HEAD = re.compile(r"^(?:(?:di|chay)\s+)?" + TURN + r"\b")


def _turns_there(piece: Folded, after: list[Folded]) -> bool:
    """Whether a place reached is where the column turns ("đến Chợ A thì" / "rẽ trái vào đường B"): a landmark on
    the way that tells where the turn is, no step of the route (as a junction is)."""
    return bool(after) and _REACHED_THEN.search(piece.low) is not None and _TURN_HEAD.match(after[0].low) is not None


def _turns_at_junction(kind: str, rest: Folded, after: list[Folded]) -> bool:
    """Whether a junction gone back to is where the column turns ("theo đường A về Ngã tư B, rẽ trái vào đường C"):
    a via point that tells where the turn is, not where the route ends."""
    if kind != "end" or not after or not _JUNCTION_NAME.match(rest.low.strip()):
        return False
    nxt, _over = _trimmed(after[0])
    return nxt is not None and _TURN_HEAD.match(nxt.low.strip()) is not None


#: The places a column only passes by, up to the clause's end or the next move ("đi ngang khu dân cư A và bến xe B",
#: "chạy ngang qua chợ C rồi …") (folded): no steps.
_PASSING_BY = re.compile(
    r"(?:\b(?:di|chay)\s+(?:thang\s+)?)?\bngang(?:\s+qua)?\s+"
    r"(?:(?!\s(?:roi|sau do|den|toi|tiep tuc|vao|" + TURN_VERB + r")\b)[^;.,()])+"
)


def without_passing_by(text: str) -> str:
    """A route's text without the places it says the column only passes by (:data:`_PASSING_BY`)."""
    f = Folded.of(text)
    for m in reversed(list(_PASSING_BY.finditer(f.low))):
        text = text[: m.start()] + text[m.end() :]
    return text


#: Where a turn is made, said between the turn and the street it goes into ("rẽ phải tại Ngã tư A vào đường B",
#: "quẹo trái ở vòng xoay C sang đường D") (folded): the corner tells where the turn is, no step.
_TURN_AT_CORNER_INTO = re.compile(
    r"\b" + TURN + r"(\s+(?:tai|o)\s+(?:" + _JUNCTION_WORDS + r"|vong xoay|bung binh|cau(?:\s+vuot)?)\b"
    r"[^;.,()→]{1,60}?)(?=\s+(?:(?:di|chay)\s+)?(?:vao|vo|sang|ra)\s)"
)


def without_turn_corner(text: str) -> str:
    """A route's text without the corner named between a turn and the street it turns into
    (:data:`_TURN_AT_CORNER_INTO`)."""
    f = Folded.of(text)
    for m in reversed(list(_TURN_AT_CORNER_INTO.finditer(f.low))):
        text = text[: m.start(1)] + text[m.end(1) :]
    return text


#: A U-turn said after the place it is made at, at a clause's head ("tại ngã tư A quay đầu", "ở vòng xoay B, đoàn xe
#: quay đầu xe", "rồi tại Chợ C thì quay đầu") (folded): the same move as "quay đầu tại A"; not "tại đây/đó" (the
#: place just reached, read as a bare U-turn after it).
_AT_THEN_UTURN = re.compile(
    r"(?:^|(?<=[,;.:]))\s*(?:(?:va|roi|sau do)\s+)?(?P<head>(?:tai|o)\s+(?!(?:day|do)\b)(?P<at>[^,;.()]{2,80}?)\s*,?\s+"
    r"(?:" + _SUBJ + r")?(?:thi\s+)?quay dau(?:\s+xe)?(?:\s+lai(?=\s*(?:[,;.]|$)))?)(?=\W|$)"
)


def uturn_said_first(text: str) -> str:
    """A route's text with each U-turn said after its place ("tại ngã tư A, đoàn xe quay đầu") written as "quay đầu
    tại ngã tư A", which the movement phrases read as a U-turn at A (:data:`_AT_THEN_UTURN`)."""
    low = fold(text)
    for m in reversed(list(_AT_THEN_UTURN.finditer(low))):
        if text[m.start("head")].lower() not in "tở":
            continue  # "Ô Chợ Dừa quay đầu": a name's "Ô", no "ở"
        text = text[: m.start("head")] + "quay đầu tại " + text[m.start("at") : m.end("at")] + text[m.end("head") :]
    return text


def prose_steps(text: str) -> list[ProseStep]:
    """The steps of a prose route, in order: the start place, each street followed, a U-turn place, the end place;
    the junctions where a turn happens ("đến giao lộ với đường …") are not steps of their own."""
    steps: list[ProseStep] = []
    ended = passing = False
    reached: str | None = None
    for role in reversed(list(_ROLE_PLACE.finditer(fold(text)))):  # "về điểm kết thúc tại Chợ A": the place
        text = text[: role.start()] + text[role.end() :]
    text = re.sub(r"(?i)\bvề\s+(?=(?:đến|tới)\s)", "", text)  # "về đến Chợ A": reaches Chợ A (no return)
    text = uturn_said_first(without_turn_corner(without_passing_by(_OLD_WAY.sub("", text))))
    pieces = _pieces(text)
    for k, raw in enumerate(pieces):
        piece, over = _trimmed(raw)
        if over:
            break
        if piece is None:
            continue
        if re.fullmatch(r"(?:thi\s+)?quay dau(?:\s+xe)?\W*", piece.low) and steps and steps[-1].kind == "place":
            steps[-1] = ProseStep("uturn", steps[-1].name, steps[-1].note)  # "đến chợ A, quay đầu"
            continue
        kind, rest = _piece_kind(piece, bool(steps))
        if _passed_too(piece, rest, kind, passing):
            continue  # "đi thẳng qua Chợ A, Trường B": B passed as well
        passing = kind == "passed" or kind == "junction" and _PASSING.match(piece.low) is not None
        turned = _turned_at(piece, rest, pieces[k + 1 : k + 2]) if kind in ("junction", "passed") else None
        if turned is None and kind in ("junction", "place"):  # "đến Vòng xoay A đi vòng quanh, quay lại đường B"
            turned = _turned_back_onto(piece, rest, pieces[k + 1 : k + 3], steps)
        if turned is not None and not ended:  # "đến đầu cầu A, đoàn xe quay đầu": the U-turn is at the bridge
            steps.append(ProseStep("uturn", turned))
            continue
        if kind == "junction" and reached and _GOES_ON.match(piece.low.strip()) and not ended:
            steps.append(ProseStep("street", reached))  # "… đến đường A, tiếp tục đi thẳng đến giao lộ …": along A
            reached = None
        if kind == "place" and _turns_there(piece, pieces[k + 1 : k + 2]):
            continue  # "… đến Chợ A thì rẽ trái vào đường B": the landmark tells where the turn is, no step
        if _turns_at_junction(kind, rest, pieces[k + 1 : k + 2]):
            continue  # "theo đường A về Ngã tư B, rẽ trái vào đường C": the junction turned at, no step
        if kind in ("junction", "passed") or ended:
            continue
        if kind == "street" and rest.low.strip() == piece.low.strip() and _JUNCTION_NAME.match(rest.low.strip()):
            continue  # "đi thẳng qua Ngã tư A, Ngã ba B": a junction passed, listed after another one
        if kind == "reach":  # "đi thẳng đến đường A thì rẽ phải": A is a step only when the turn names no street
            first = rest.text.split(" ", 1)
            said = len(first) == 2 and first[0].lower() in _STREET_WORDS  # "đến đường A", "đến Quốc lộ 1A"
            reached = _named(first[1] if said else rest.text)
            continue
        label = _named(rest.text)
        if kind == "end" and re.fullmatch(r"\W*(?:day|do|noi (?:day|do|nay))\W*", rest.low):
            if steps and steps[-1].kind == "place":  # "… đến Chợ A, giải tán đoàn tại đây": A is the end
                steps[-1] = ProseStep("end", steps[-1].name, steps[-1].note)
            break
        if label is None and kind == "start" and not steps and _GATE_ONLY.fullmatch(rest.low.strip(" ,;.")):
            continue  # "ra cổng chính rẽ phải …": the gate of where the column gathers, which starts the route
        if (
            label is None
            and (kind == "end" or kind == "start" and not steps)  # "… Từ cổng trường rẽ phải": the start again
            and re.fullmatch(r"[^\W\d_]+(?: [^\W\d_]+){0,3}", tidy(rest.text))
        ):
            label = named_by_kind(rest.text)  # "về trường", "từ cổng trường": the start place named by its kind
        if label is None and reached and kind == "street" and _TURN.match(piece.low.strip()):
            label = reached
        if label is None and reached and _GOES_ON.fullmatch(piece.low.strip()):
            label = reached  # "đến đường A, đi tiếp đến giao lộ …": the column goes on along A
        if kind == "end" and label is not None and reached and not (steps and steps[-1].name == reached):
            steps.append(ProseStep("street", reached))  # "… đến đường A và về lại Bến B": back along A
        reached = None
        if label is None and kind == "uturn" and steps and rest.text.strip():
            # "quay đầu tại vòng xoay cuối đường": a U-turn at no named place, said beside the step it ends
            steps[-1] = ProseStep(steps[-1].kind, steps[-1].name, tidy(piece.text))
        if label is None:
            continue
        if kind == "start" and steps:
            kind = "place"
        if kind == "end" and re.search(r"\b(?:duong|pho)\s+" + re.escape(fold(label)) + r"\W*$", rest.low):
            kind = "street"  # "giải tán tại bãi đất trống bên phải đường A": it ends on street A
            if steps and steps[-1].kind == "street" and fold(steps[-1].name) == fold(label):
                break
        steps.append(ProseStep(kind, label))
        ended = kind == "end"
    return steps


#: A piece that only turns the column back, naming no place ("đoàn xe quay đầu", "thì quay đầu xe lại") (folded,
#: without its subject).
_BARE_UTURN = re.compile(r"(?:thi\s+)?quay dau(?:\s+xe)?(?:\s+lai)?\W*")
#: Where on a bridge the column reaches it ("đầu cầu A", "chân cầu B", "dưới gầm cầu C") (folded): the bridge is
#: the place.
_BRIDGE_END = re.compile(r"^(?:(?:duoi\s+)?(?:dau|chan|gam)\s+)(?=cau\b)")


#: A piece that only turns the column back the way it came ("quay lại", "vòng lại", "vòng quay lại" after the place
#: reached, its "vòng" left with the place: "đến Ngã ba A vòng" / "quay lại") (folded, without its subject).
_BARE_TURN_BACK = re.compile(r"(?:(?:thi|roi)\s+)?(?:(?:vong|quay)\s+)?(?:quay|vong)\s+lai\W*")
#: The "vòng" a piece's place keeps when the turn back after it is cut off ("đến Ngã ba A vòng") (folded).
_TURN_LEFT_OVER = re.compile(r"\s+vong$")


def _turns_back(nxt: Folded) -> bool:
    """Whether a piece only turns the column back, naming no place ("quay đầu", "vòng quay lại")."""
    said = nxt.low.strip()
    return _BARE_UTURN.fullmatch(said) is not None or _BARE_TURN_BACK.fullmatch(said) is not None


def _turned_at(piece: Folded, rest: Folded, after: list[Folded]) -> str | None:
    """The landmark reached where the next piece turns the column back with no place of its own ("đến đầu cầu A,
    đoàn xe quay đầu" → "Cầu A", "đến Ngã ba B vòng quay lại theo đường C" → "Ngã ba B"), or None."""
    if not after or not re.match(_GO + r"(?:den|toi)\s", piece.low):
        return None
    nxt, _over = _trimmed(after[0])
    if nxt is None or not _turns_back(nxt):
        return None
    at = _BRIDGE_END.match(rest.low)
    left = _TURN_LEFT_OVER.search(rest.low)
    name = tidy(rest.text[at.end() if at else 0 : left.start() if left else len(rest.text)])
    return _named(name[:1].upper() + name[1:]) if name else None


#: Going back onto a street at a piece's head ("quay lại đường B", "trở lại theo phố B") (folded): the street after it.
_BACK_ONTO = re.compile(
    r"^(?:(?:di|chay)\s+)?(?:quay|tro)\s+lai\s+(?:theo\s+)?(?:(?:duong|pho)\s+)?(?P<street>[^,;.()]+?)\W*$"
)
#: Circling the place reached, said after its name ("… đi vòng quanh", "… chạy vòng quanh bùng binh") (folded).
_CIRCLING = re.compile(r"\s+(?:(?:di|chay)\s+)?(?:mot\s+)?vong\s+quanh\b.*$")
#: A piece that only circles the place just reached ("đi một vòng quanh vòng xoay", "chạy vòng quanh bùng binh")
#: (folded, the whole piece).
_CIRCLING_ONLY = re.compile(r"(?:(?:di|chay)\s+)?(?:mot\s+)?vong\s+quanh\b[^,;.]*")


def _turned_back_onto(piece: Folded, rest: Folded, after: list[Folded], steps: list[ProseStep]) -> str | None:
    """The place reached where the next piece goes back onto the street the column came along ("đến Vòng xoay A
    đi vòng quanh và quay lại đường B", B the street before it; "đến Vòng xoay A, đi một vòng quanh vòng xoay rồi
    quay lại đường B", the circling a piece of its own): the column turned back there; else None."""
    if not after or not steps or steps[-1].kind != "street" or not re.match(_GO + r"(?:den|toi)\s", piece.low):
        return None
    nxt, _over = _trimmed(after[0])
    if nxt is not None and _CIRCLING_ONLY.fullmatch(nxt.low.strip()) and len(after) > 1:
        nxt, _over = _trimmed(after[1])
    back = _BACK_ONTO.match(nxt.low.strip()) if nxt is not None else None
    if back is None or back.group("street") != fold(steps[-1].name):
        return None
    circling = _CIRCLING.search(rest.low) or _TURN_LEFT_OVER.search(rest.low)
    name = tidy(rest.text[: circling.start()] if circling else rest.text)
    return _named(name) if name else None


#: Movement words that make a piece of a route prose rather than a bare name (folded): a turn, going along or to
#: the end of a street, a U-turn, going back, a start "từ X," before the column's movement, going onto a
#: street or a highway ("quay đầu, đi đường A", "quay đầu, đi Quốc lộ 13").
_MOVE_CUES = re.compile(
    r"\b" + TURN + r"\b|\b(?:di chuyen|di|chay)\s+(?:thang|theo|het)\b|\btheo\s+(?:duong|pho|tuyen)\b"
    r"|^quay dau\b|\b(?:tro|quay)\s+(?:ve|ra)\b|\bve\s+lai\b|\bchay\s+het\b|^(?:tu|xuat phat tu|khoi hanh tu)\s.*,"
    r"|^ra\s|^tu\s.+\s(?:ra|vao|sang|theo)\s+(?:duong|pho|quoc lo|tinh lo)\s|\bthi\s+"
    + TURN_VERB
    + r"\b|^(?:xuat phat|khoi hanh)\s+tai\s.*,|[,;]\s*quay dau\s+tai\b|\bdung lai\b"
    r"|,\s*(?:xuat phat|khoi hanh)\s+di\b|\bdi\s+(?:duong|pho|quoc lo|tinh lo|dai lo)\s"
    r"|\bnguoc\s+lai\s+(?:theo\s+)?(?:duong|pho)\s"
    r"|\bnoi\s+(?:tiep\s+)?(?:sang|vao)\s"  # "A nối sang B": the street joins the next one
    r"|^(?:(?:dia\s+)?diem\s+)?(?:tap trung|tap ket)\s+(?:tai|o)\s"  # "1. Tập trung tại sân Trường A."
    r"|^tiep tuc\s+(?:(?:di|chay)\s+)?(?:theo\s+)?(?:duong|pho)\s"  # "Tiếp tục đường Nguyễn Thị Đặng"
    r"|,\s*(?:va\s+)?(?:ket thuc\s+(?:tai|o)|(?:(?:tro|quay)\s+)?ve(?:\s+lai)?)\s"
    r"|\b"
    + TURN_VERB
    + r"\s+(?:vao|vo|sang|ra)\s+(?:duong|pho|quoc lo|tinh lo|dai lo|hem|ngo|kiet)\s"  # "rẽ vào đường A"
)


def has_moves(low: str) -> bool:
    """Whether a route's text (or one of its pieces) is written with movement words, so that its steps are read as
    prose: the names after the movement phrases, without the turn verbs, directions and trailing words."""
    return _MOVE_CUES.search(low.strip()) is not None or _AT_THEN_UTURN.match(low.strip()) is not None


#: Steps listed with separators (two spaced dashes, or an arrow): a list, even after "xuất phát tại X, theo đường".
_LISTED = re.compile(r"\s[-–—]\s.*\s[-–—]\s|→|->|=>|⇒")
#: A junction named by its two streets with a dash between them ("đến ngã ba A - B, rẽ phải", "giao lộ C – D")
#: (folded): that dash joins a corner's streets, it separates no steps.
_CORNER_DASH = re.compile(r"(\b(?:nga\s+(?:ba|tu|nam|sau)|giao lo|nut giao)\s+[^,;:–—-]{2,40}?)\s[-–—]\s")


def is_prose_route(low: str) -> bool:
    """A clause that writes a route as prose: a start ("xuất phát từ …", "xuất phát tại …" when its streets are not
    listed with dashes or arrows, "Ra cổng trường A, …") and at least one movement after it."""
    m = re.search(r"\b(?:xuat phat|khoi hanh|bat dau|di|chay)" + CLOCK_BETWEEN + r"\s+tu\s+|^tu\s+|^ra\s+cong\s+", low)
    if m is None and not _LISTED.search(_CORNER_DASH.sub(r"\1 × ", low)):
        m = re.search(r"\b(?:xuat phat|khoi hanh)" + CLOCK_BETWEEN + r"\s+tai\s+", low)
    return m is not None and bool(
        re.search(
            r"\b" + TURN + r"\b|\btheo\s+(?:duong|pho|quoc lo|tinh lo|dai lo)\b|\btiep tuc\b",
            low[m.end() :],
        )
    )


def legs_text(lines: list[Folded], start: int, limit: int = 30) -> tuple[str, int] | None:
    """The legs of a route written one per line from ``start`` ("- Chặng 1: từ A theo đường B …"), joined, and how
    many lines they take; None when the line at ``start`` is no leg."""
    parts: list[str] = []
    for f in lines[start : start + limit]:
        body = re.sub(r"^\s*(?:[-+•·*–]\s*)+", "", f.text)
        m = LEG.match(Folded.of(body).low)
        if not m:
            break
        parts.append(body[m.end() :].rstrip(" .;"))
    return ("; ".join(parts), len(parts)) if parts else None


#: A stretch of a route on a line of its own: "Đường A: đoạn từ X đến Y", "Đường A – đoạn từ X đến Y", "Đường
#: A, đoạn từ X tới Y", "Đường A: từ X đến Y" (a police notice's list of streets in order, a legs table's row, a
#: bulleted list), perhaps with ", quay đầu tại Z" after it (folded).
STRETCH = re.compile(
    r"^(?P<street>(?:[^:;,()]|\([^()]{0,60}\)){2,80}?)(?:\s*:|\s+[–—-]|\s*,)\s*"
    r"(?:(?:chieu|huong)\s+(?:nguoc\s+lai|di|ve)\s*,?\s*)?"  # "Đường A, chiều ngược lại, từ X về Y": the way back
    r"(?:(?:doan|khuc)\s+(?:duong\s+)?|toan\s+(?:tuyen|duong)\s*,?\s*)?tu\s+"  # "Đường A, toàn tuyến từ X đến Y"
    r"(?P<a>.{2,120}?)\s+(?:den|toi|ve|ra)\s+"
    r"(?P<b>[^,;:]{2,120}?)(?P<rest>[,;.:].*)?$"  # "…: từ 07 giờ 00 đến 07 giờ 30": the stretch's closing hours
)
#: The same written "Đường A (từ X đến/ra/về Y)": the stretch in parentheses after the street (folded).
STRETCH_PAREN = re.compile(
    r"^(?P<street>[^:;()]{2,80}?)\s*\(\s*(?:doan\s+)?tu\s+(?P<a>[^()]{2,120}?)\s+(?:den|toi|ve|ra)\s+"
    r"(?P<b>[^,;()]{2,120}?)\s*(?:;[^()]*)?\)(?P<rest>.*)$"  # "(từ A đến B; cấm dừng, đỗ xe …)": notes after
)
_STRETCH_UTURN = re.compile(
    r"\bquay dau\s+(?:xe\s+)?(?:tai\s+)?(?!(?:xe|lai)\s*(?:[,;.)]|$))(?P<at>[^,;.]{2,120})"  # not "quay đầu xe;"
)
#: A U-turn said after a stretch's end with no place of its own: the column turns at the end ("đến Chợ A (quay
#: đầu)", "đến Chợ A (điểm quay đầu xe)", "đến Chợ A thì quay đầu", "đến Chợ A – quay đầu", "đến Chợ A, quay
#: đầu lại;") (folded, the end and what follows it).
_UTURN_AT_END = re.compile(
    r"(?:\s*\(\s*(?:diem\s+|vong\s+|re\s+)?quay dau(?:\s+xe)?(?:\s+lai)?\s*\)"
    r"|\s*(?:,|[–—-]|\s(?:thi|roi|va))\s*quay dau(?:\s+xe)?(?:\s+lai)?(?:\s*\(|\s*[,;.]|\s*$))"
)


#: The landmarks a stretch passes, written after its start ("từ A, qua Chợ B, Bệnh viện C, đến D") (folded).
_PASSED_IN_STRETCH = re.compile(r"\s*,\s*(?:di\s+|ngang\s+)?qua\s")
#: What a list writes before a stretch: a bullet, a number, a letter, or the stretch's number ("- ", "2. ", "b) ",
#: "đ) ", "Đoạn 1. ", "Chặng 2: ", "Đoạn thứ hai – ") (folded).
_STRETCH_BULLET = re.compile(
    r"^\s*(?:[-+•·*–]\s*|\(?\d{1,2}[.)]\s*|\(?[a-z]\)\s*"
    r"|(?:doan|chang|khuc)\s+(?:\d{1,2}|thu\s+(?:nhat|hai|ba|tu|nam|sau|bay|tam))\s*[.:)–—-]\s*)"
)


@dataclass(frozen=True)
class Stretch:
    """One stretch of a route: the street followed, where on it the column enters and leaves, a U-turn place."""

    street: str
    start: str
    end: str
    uturn: str | None = None


def stretch_of(f: Folded) -> Stretch | None:
    """The stretch a line writes ("- Quốc lộ 1: đoạn từ A đến B, quay đầu tại B;"), or None."""
    bullet = _STRETCH_BULLET.match(f.low)
    if bullet:
        f = Folded(f.text[bullet.end() :], f.low[bullet.end() :])
    m = STRETCH.match(f.low.rstrip()) or STRETCH_PAREN.match(f.low.rstrip())
    if m is None:
        return None
    u = _STRETCH_UTURN.search(m.group("rest") or "")
    at = None
    if u:
        k = m.start("rest") + u.start("at")
        at = tidy(f.text[k : k + len(u.group("at"))])
    street, a, b = (tidy(f.text[m.start(g) : m.end(g)]) for g in ("street", "a", "b"))
    passed = _PASSED_IN_STRETCH.search(fold(a))
    a = a[: passed.start()] if passed else a  # "từ A, qua Chợ B, Trường C, đến D": the column starts at A
    if _turns_from(a):
        return None  # "Cụm 1: từ ngã tư A rẽ phải vào đường B, đến …": a group's turn-by-turn way, no stretch
    turned = _UTURN_AT_END.search(f.low, m.start("b"))
    if at is None and turned is not None and turned.start() <= m.end("b") + 1:
        b = at = tidy(f.text[m.start("b") : turned.start()])  # "đến Chợ A (quay đầu)": the column turns at A
    if not _street_named(street) or any(_clock_or_day(x) for x in (a, b)):
        return None  # "Cấm xe trên đường A, đoạn từ …": a sentence, not a street's name; "Ngày: từ 1/10 đến 7/10"
    return Stretch(street, a, b, at)


#: A time or a day where a stretch would name a place ("từ 7 giờ đến 9 giờ", "từ ngày 1/10 đến 7/10") (folded).
_CLOCK_OR_DAY = re.compile(r"^(?:ngay\s+|thu\s+\w+\s+)?\d{1,2}\s*(?:gio|h\b|g\d|:|/|-|thang)")
#: A cross street named after a day, written as a name is: "Tháng" capitalised, nothing else ("2 Tháng 9", "30 Tháng
#: 4", "3 Tháng Hai") (as written).
_DAY_NAMED_STREET = re.compile(r"\d{1,2}\s+Tháng\s+(?:\d{1,2}|[A-ZĐ]\w*)")


def _turns_from(start: str) -> bool:
    """Whether a stretch's start turns the column onto another street ("từ ngã tư A rẽ phải vào đường B"): prose
    that moves on, where a stretch names only where it enters its street."""
    return re.search(r"\b" + TURN + r"\b", fold(start)) is not None


def _clock_or_day(end: str) -> bool:
    """Whether a stretch's end is a time or a day, not a place ("7 giờ", "ngày 1/10"; not "2 Tháng 9", a street)."""
    return _CLOCK_OR_DAY.match(fold(end)) is not None and _DAY_NAMED_STREET.fullmatch(end.strip()) is None


#: The words a list may write before a stretch's street ("Đường", "Phố", "Tuyến đường") (folded).
_STREET_PREFIX = re.compile(r"^(?:tuyen\s+)?(?:duong|pho)\s+|^tuyen\s+")


def _street_named(street: str) -> bool:
    """Whether a stretch's street is written as lists write a name: after "đường/phố", a few words each with a
    capital or a number first (but "lộ", "tháng" of "Quốc lộ 1", "30 tháng 4")."""
    street = re.sub(r"\([^()]*\)", " ", street)  # "Đường A (chiều ngược lại)"
    m = _STREET_PREFIX.match(fold(street))
    words = (street[m.end() :] if m else street).split()
    return 0 < len(words) <= 8 and all(w[:1].isupper() or w[:1].isdigit() or w in ("lộ", "tháng") for w in words)


#: A whole street among stretches ("+ đường Thống Nhất (toàn tuyến);"), perhaps the last one going back to the end
#: place ("+ đường Phạm Văn Chiêu, về lại Trung tâm Văn hóa quận và giải tán.") (folded, without its bullet).
_WHOLE_STREET = re.compile(
    r"^(?P<street>(?:tuyen\s+)?(?:duong|pho)\s+[^,;()]{2,60}?)\s*"
    # "(quay về A, giải tán)": the place it goes back to
    r"(?:\(\s*(?:(?:ve lai|tro ve|quay ve)\s+(?P<back>[^,;()]+?)(?:\s*[,;][^()]*)?|[^()]*)\))?\s*"
    r"(?:,\s*(?:(?:ve lai|tro ve|quay ve|ve)\s+(?P<end>[^,;()]+?))(?:\s+(?:va|roi)\s+(?:giai tan|ket thuc))?)?\s*[;.]?$"
)


#: A U-turn written as an item of its own among stretches ("(3) Đoàn xe quay đầu tại Vòng xoay A (…), lực lượng …",
#: "- Quay đầu xe tại Ngã ba B;") (folded, without its bullet): where the column turns back; the next stretch
#: goes back.
_UTURN_ITEM = re.compile(
    r"^(?:(?:toan\s+)?doan(?:\s+xe)?(?:\s+hoa)?\s+)?quay dau(?:\s+xe)?\s+(?:tai|o)\s+"
    r"(?P<at>[^,;.()]{2,80}?)\s*(?:[,;.(]|$)"
)


def uturn_item(f: Folded) -> Stretch | None:
    """A U-turn item among stretches ("(3) Đoàn xe quay đầu tại Ngã tư A;"): a stretch on no street that turns
    back at the place; else None."""
    bullet = _STRETCH_BULLET.match(f.low)
    k = bullet.end() if bullet else 0
    m = _UTURN_ITEM.match(f.low[k:].rstrip())
    return Stretch("", "", "", tidy(f.text[k + m.start("at") : k + m.end("at")])) if m else None


def stretch_or_whole(f: Folded) -> Stretch | None:
    """A stretch (:func:`stretch_of`), or a whole street written among stretches: the street with no ends, or the
    end place it goes back to; or a U-turn item between them (:func:`uturn_item`)."""
    s = stretch_of(f) or uturn_item(f)
    if s is not None:
        return s
    bullet = _STRETCH_BULLET.match(f.low)
    k = bullet.end() if bullet else 0
    m = _WHOLE_STREET.match(f.low[k:].rstrip())
    if m is None or not _street_named(tidy(f.text[k + m.start("street") : k + m.end("street")])):
        return None
    said = "end" if m.group("end") else "back" if m.group("back") else None
    end = tidy(f.text[k + m.start(said) : k + m.end(said)]) if said else ""
    return Stretch(tidy(f.text[k + m.start("street") : k + m.end("street")]), "", end)


def stretches_from(lines: list[Folded], start: int, limit: int = 40) -> tuple[list[Stretch], list[str]]:
    """The stretches written one per line from ``start`` (at least two in a row make a route), and their lines;
    a whole street among them ("+ đường A (toàn tuyến);", "+ đường B, về lại C và giải tán") is one of them."""
    found: list[Stretch] = []
    texts: list[str] = []
    strict = 0
    for f in lines[start : start + limit]:
        s = stretch_of(f)
        strict += s is not None
        s = s or (stretch_or_whole(f) if found else None)
        if s is None:
            break
        found.append(s)
        texts.append(f.text)
    return (found, texts) if strict >= 2 else ([], [])
