"""Routes found by their shape: a run of street-like names joined by any separator, along a line, down a list, a
table's row or column or space-aligned columns, whatever the notation (arrows, dashes, guillemets, private-use
glyphs, commas, tabs, line breaks, joining words)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from paradeplan.importer.dates import label_colons
from paradeplan.importer.text import NAME_INNER, QUOTE_MARKS, cut_at, fold, quoted_mail, tidy

# ------------------------------------------------------------------------------------------- separators
#: Characters that separate steps whatever their shape: by class (below), and these few by name.
_SEP_CHARS = frozenset("|;,»«›‹<>=~/\\\t")
#: Unicode name words of characters that point from one step to the next (arrows, pointing triangles, chevrons).
_SEP_NAME_WORDS = (  # words as data: Unicode character names
    "ARROW",
    "HARPOON",
    "TRIANGLE-HEADED",
    "POINTING",
    "CHEVRON",
    "GUILLEMET",
    "ANGLE QUOTATION",
)


def is_separator(c: str) -> bool:
    """Whether a character separates route steps by its class: a dash of any kind, an arrow or pointing shape
    (emoji and dingbat arrows too), a private-use glyph (Wingdings arrows), a guillemet, a pipe, comma, semicolon
    or tab; a plain hyphen only counts where :func:`pieces` says so."""
    if c in _SEP_CHARS:
        return True
    cp = ord(c)
    if 0xE000 <= cp <= 0xF8FF or cp >= 0xF0000:
        return True
    cat = unicodedata.category(c)
    if cat == "Pd":
        return True
    if cat in ("Sm", "So", "Po", "Pi", "Pf"):
        name = unicodedata.name(c, "")
        return any(w in name for w in _SEP_NAME_WORDS)
    return False


def _is_noise(c: str) -> bool:
    """A symbol that is no part of a name and separates nothing (an emoji, a flag, a variation selector)."""
    if c in "\ufe0f\ufe0e\u200d":
        return True
    cat = unicodedata.category(c)
    return cat in ("So", "Sk", "Cs", "Co") and not is_separator(c)


#: Words that join two steps in a sentence, as written (lower case: a name's own words are capitalised).
_JOINS = re.compile(
    r"(?<!\svề)\s(?=(?:rồi|đến|tới|sang|tiếp tục|sau đó|và|về|qua|cho đến|thẳng tới|ra|theo|vào|nhập vào)\s)"
)  # "về đến Chợ A" is one piece: it reaches Chợ A, it does not go back
#: A hyphen between two words that is a separator ("Nguyễn Thái Học-Tràng Thi"), not inside a code ("THCS-THPT",
#: "KH-UBND", "3-2").
_WORD_HYPHEN = re.compile(r"(?<=[^\W\d_][^\W\d_])-(?=[^\W\d_])")


def _split_hyphens(text: str) -> str:
    def cut(m: re.Match[str]) -> str:
        a, b = text[max(0, m.start() - 6) : m.start()], text[m.end() : m.end() + 6]
        left = a.split()[-1] if a.split() else ""
        right = b.split()[0] if b.split() else ""
        return "-" if (left.isupper() or right.isupper() or not right[:1].isupper()) else " \u2013 "

    return _WORD_HYPHEN.sub(cut, text)


#: A direction said after a step or in a remarks column ("hướng về Ngã tư Ga", "Chiều ngược lại", "phía Bắc"):
#: no step of its own, up to the next separator.
_DIRECTION = re.compile(
    r"(?:^\s*(?:[Tt]heo\s+|[Vv]ề\s+)?[Hh]ướng|^\s*[Cc]hiều|^\s*[Pp]hía|\s(?:theo\s+|về\s+)?(?:hướng|chiều|phía))"
    r"(?=\s|$).*$"
)


#: Names written with a dash inside ("Trung tâm Văn hóa - Thể thao", "Phòng Giáo dục - Đào tạo"): the word
#: before the dash and the word after it (folded), kept one name.
_COMPOUND = (
    ("van hoa", ("the thao", "xa hoi", "thong tin", "du lich", "nghe thuat")),
    ("giao duc", ("dao tao",)),
    ("the duc", ("the thao",)),
)


def _compounds(parts: list[str]) -> list[str]:
    out: list[str] = []
    for p in parts:
        low, prev = fold(p.strip()[:12]), fold(out[-1].strip()[-12:]) if out else ""
        if out and any(prev.endswith(a) and low.startswith(bs) for a, bs in _COMPOUND):
            out[-1] = f"{out[-1].rstrip()} - {p.strip()}"
        else:
            out.append(p)
    return out


#: A junction named by its two streets with a dash between them ("Ngã tư A – B", "giao lộ C - D"): group 1 the
#: junction's word and first street, up to the dash (folded).
_CROSSING_DASH = re.compile(r"\b((?:nga\s+(?:ba|tu|nam|sau|[3-6])|giao lo|nut giao)\s+[^,;()|]+?)\s+[–—-]\s+")


#: What stands for a junction's dash while a line is cut (a word joiner: no separator, no noise); the pieces write
#: it back as an en dash.
_JOINED_DASH = "\u2060"


def _crossings_joined(line: str, text: str) -> str:
    """A line whose steps are joined by arrows, its junctions named by two streets kept one place ("→ Ngã tư A – B
    →"): there the dash joins the streets; it separates no steps (``text`` the line as cut so far, its lone arrows
    made "|"; the dash made :data:`_JOINED_DASH`)."""
    if not any(is_separator(c) and unicodedata.category(c) != "Pd" and c not in _SEP_CHARS for c in line):
        return text
    out, k = [], 0
    for m in _CROSSING_DASH.finditer(fold(text)):
        name = text[m.start(1) : m.end(1)]
        if any(is_separator(c) for c in name) or not text[m.end() : m.end() + 1].isupper():
            continue
        out += [text[k : m.end(1)], f" {_JOINED_DASH} "]
        k = m.end()
    return "".join(out) + text[k:]


#: "và" and a capitalised word that go on a place's name ("Trung tâm Văn hóa - Thể thao và Truyền thanh A",
#: "Trường Đại học Kinh tế và Luật"), as written.
_AND_NAME = re.compile(r"^\s*và\s+(?=[^\W\d_])")


def _and_in_names(parts: list[str]) -> list[str]:
    """Pieces cut at "và" joined again where the words after it go on a place's name: the piece before is a place
    by its kind word, the piece after starts with a capital and is no place or street of its own."""
    out: list[str] = []
    for q in parts:
        m = _AND_NAME.match(q)
        rest = q[m.end() :].strip() if m else ""
        if m and out and rest[:1].isupper() and classify(out[-1]).kind == "place" and not _own_step(rest):
            out[-1] = f"{out[-1].rstrip()} {q.strip()}"
        else:
            out.append(q)
    return out


def _own_step(text: str) -> bool:
    """Whether words name a step of their own: a place by its kind word, or a street by its head word."""
    return _kind_of_place(text) or STREET_HEAD.match(text.lower()) is not None


def _symbols_only(token: str) -> bool:
    return all(unicodedata.category(c).startswith("S") or c in "\ufe0f\u200d" for c in token) and token != "&"


#: A token of symbols alone between spaces ("⍆", "⟥", "🔜", "✈"), whatever symbol it is.
_LONE_SYMBOL = re.compile(r"(?:(?<=\s)|^)\S+(?=\s|$)")


def pieces(line: str) -> list[str]:
    """A line cut at every separator of :func:`is_separator` (a hyphen only between capitalised words, "/" only
    with a space each side, "," only outside brackets) and at the joining words of :data:`_JOINS`."""
    text = _LONE_SYMBOL.sub(lambda m: " | " if _symbols_only(m.group(0)) else m.group(0), line)  # any lone symbol
    text = "".join(" " if _is_noise(c) else c for c in text)
    text = _crossings_joined(line, _split_hyphens(text))
    text = re.sub(r"(?<=[^\W\d_]{3})\.\s+(?=[^\W\d_])", " ; ", text)  # a sentence's end ("… An Hội. Dự kiến")
    out: list[str] = []
    cur: list[str] = []
    depth = 0
    for k, c in enumerate(text):
        if c in "([":
            depth += 1
        elif c in ")]" and depth:
            depth -= 1
        sep = is_separator(c) and depth == 0
        if c == "/" and not (text[k - 1 : k] == " " and text[k + 1 : k + 2] == " "):
            sep = False  # "30/4", "KH/UBND"
        if c in "-‐" and not (text[k - 1 : k] in " \t" or text[k + 1 : k + 2] in " \t" or k == 0):
            sep = False  # a hyphen inside a word or code
        if c == "," and text[k + 1 : k + 2].isdigit():
            sep = False  # "1,1 km"
        if sep:
            out.append("".join(cur))
            cur = []
        else:
            cur.append(c)
    out.append("".join(cur))
    result: list[str] = []
    for p in _compounds(out):
        p = _DIRECTION.sub("", p)
        result += _and_in_names([q for q in _JOINS.split(f" {p} ") if q.strip()])
    return [p.replace(_JOINED_DASH, "–").strip() for p in result if p.strip()]


# ------------------------------------------------------------------------------------------- pieces
@dataclass(frozen=True)
class Piece:
    """One piece of a line, classified: a step (street or place), the start named again ("về điểm xuất phát"),
    words that move the column and name nothing (neutral), or anything else (a breaker)."""

    kind: str
    """street, place, back, neutral or other."""
    name: str
    uturn: bool = False
    end: bool = False
    note: str | None = None
    cue: bool = False
    """Whether the piece's words say it is a route's (a movement, a start or end, "lộ trình")."""


#: Words that move the column or name its parts, with nothing of a name in them (folded, whole words): a piece
#: made only of these (and numbers, times) is neutral.
_FILLER_WORDS = (
    "đoàn xe hoa các lần lượt đi chạy di chuyển xuất phát khởi hành kết thúc giải tán rẽ quẹo ngoặt trái phải tay "
    "thẳng tiếp tục theo vào vô ra qua về đến tới sang lại rồi sau đó quay đầu trở dọc hết lên xuống tuyến đường "
    "phố lộ trình hành thứ tự bắt từ tại ở điểm hướng chiều ngược và thì cuối cùng ghi chú stt tt điều diễn như "
    "gồm cụ thể bảng dưới đây nhất km m phút giờ g h lúc sáng tối tập trung kết vòng xoay quanh ban đầu nơi loa "
    "mô tô ô của với dừng nghỉ bước chặng lượt số tên địa xuôi nhập cho"
)
_FILLER = frozenset(_FILLER_WORDS.split())
#: Words that say a route is meant (folded).
_CUE = re.compile(
    r"(?<!\w)(?:lộ trình|hành trình|tuyến|điều hành|diễu hành|đoàn xe|xuất phát|khởi hành|đi qua|đi theo|lần lượt|"
    r"rẽ|quẹo|ngoặt|quay đầu|kết thúc|giải tán|trở về|về lại|di chuyển|lăn bánh)(?!\w)",
    re.IGNORECASE,
)
#: A leading bullet, list number, lettered item or clock time ("- ", "3. ", "b) ", "07g15: ", "7h30 - ").
_LEAD = re.compile(
    r"^\s*(?:(?:[-+•·*–—>▪➢]+|(?-i:o)(?=\s+[^\W\d_])|\(?\d{1,2}[.)]|[a-zđ]\)|\d{1,2}\s?(?:g|h|:|giờ)\s?\d{0,2}(?:\s?phút)?\s*[:.–-]?)\s*)+",
    re.IGNORECASE,
)
#: Movement and subject words before a name (written with accents, any case), perhaps several.
_MOVE = re.compile(
    r"^(?:(?:toàn\s+)?đoàn(?:\s+xe)?(?:\s+hoa)?|các\s+xe(?:\s+hoa)?|xe\s+hoa|các|lần lượt|rồi|sau đó|tiếp theo|"
    r"và|nhập|cho|thẳng|"
    r"tiếp tục|(?:đi|chạy|di chuyển)(?:\s+(?:thẳng|tiếp|dọc))?|dọc|hết|lên|xuống|"
    r"(?:rẽ|quẹo|ngoặt)(?:\s+(?:tay\s+)?(?:trái|phải))?|vòng|theo|vào|vô|ra|qua|sang|đến|tới|về|lại|"
    r"(?:trở|quay)(?:\s+(?:về|ra|lại))?|xuất phát|khởi hành|bắt đầu|từ|tại|ở|kết thúc|dừng|"
    r"(?:các\s+)?tuyến(?:\s+(?:đường|phố))?|(?:điểm|nơi)\s+(?:xuất phát|tập kết|tập trung)\s*(?::)?|"
    r"tập (?:trung|kết)|lộ trình|hành trình)\s+",
    re.IGNORECASE,
)
#: A U-turn said in a piece or its remark (folded).
_UTURN = re.compile(r"\bquay\s+dau\b|\bvong\s+lai\b|\bquay\s+vong\b")
#: A U-turn that names where, after it ("quay đầu tại Chợ A") or before it ("đến Ngã tư A quay đầu", "tới Chợ B thì
#: quay đầu xe"), as written; group ``at`` the place.
_TURNED_AT = re.compile(
    r"(?i)quay\s+đầu(?:\s+xe)?\s+(?:tại|ở)\s+(?P<at>[^;]+)"
    r"|(?<!\w)(?:đến|tới)\s+(?P<before>[^;,()]{3,60}?)\s+(?:thì\s+)?quay\s+đầu(?:\s+xe)?(?!\w)"
)


def turned_at(note: str) -> str | None:
    """Where a remark says the column turns back ("quay đầu tại Chợ A", "đến Ngã tư B quay đầu"), or None."""
    m = _TURNED_AT.search(note)
    return None if m is None else (m.group("at") or m.group("before")).strip()


#: An end said in a piece or its remark (folded).
_END = re.compile(r"\bket\s+thuc\b|\bgiai\s+tan\b|\bdiem\s+cuoi\b|\bve\s+dich\b")
#: Going back ("về", "trở về", "quay về", "về lại") at a piece's start (folded).
_BACK = re.compile(r"^(?:(?:roi|va|sau do)\s+)?(?:(?:tro|quay)\s+)?ve(?:\s+lai)?(?:\s+(?:den|toi))?\s+|^ve\s*$")
#: The start named by its role ("điểm xuất phát", "nơi tập kết", "trường", "trụ sở") after going back (folded).
_ROLE = re.compile(
    r"^(?:(?:dia\s+)?diem|noi|vi tri)\s+(?:xuat phat|khoi hanh|tap ket|tap trung|bat dau)(?:\s+ban dau|\s+cu)?$"
    r"|^(?:truong|tru so|tru so ubnd|nha van hoa|cong vien|san)$"
)
#: A direction or remark after a name ("hướng về Ngã tư Ga", "chiều ngược lại", "thì rẽ phải") (folded).
_TRAIL = re.compile(
    r"\s+(?:thi\b|(?:theo\s+|ve\s+)?huong\b|chieu\b|(?:va\s+)?giai tan\b|ket thuc\b|quay dau\b|\(|luc\s+\d|"
    r"(?:re|queo|ngoat|tro|quay|di|chay)(?:\s|$)|"
    r"(?:dai|khoang)\s+\d)"
)
#: A street's kind before its name (lower case, as written).
STREET_HEAD = re.compile(
    r"^(?:đường|đ\.|phố|quốc lộ|ql\.?|tỉnh lộ|tl\.?|đt\.?|đường tỉnh|hương lộ|xa lộ|đại lộ|cao tốc|hẻm|ngõ|ngách|"
    r"kiệt|tuyến đường|tuyến phố)\s*(?=\S)"
)
#: The same, for a text written without diacritics (folded).
_STREET_HEAD_PLAIN = re.compile(
    r"^(?:duong|d\.|pho|quoc lo|ql\.?|tinh lo|tl\.?|dt\.?|duong tinh|huong lo|xa lo|dai lo|cao toc|hem|ngo|ngach|"
    r"kiet|tuyen duong|tuyen pho)\s*(?=\S)"
)


def street_head(name: str) -> re.Match[str] | None:
    """The street's kind a name starts with, as written ("Dương", "Phó", "Ngô" are names' words, not "đường",
    "phố", "ngõ"); compared without accents only in a name written without any."""
    low = name.lower()
    return _STREET_HEAD_PLAIN.match(low) if low == fold(low) else STREET_HEAD.match(low)


#: Words a capitalised piece starts with that make it no street (folded): bodies, people, titles, dates, labels.
_NOT_NAME = re.compile(
    r"^(?:thầy|cô|đồng chí|đ/c|đc|chủ tịch|phó chủ tịch|phó trưởng|phó giám đốc|phó hiệu trưởng|trưởng ban|"
    r"trưởng phòng|giám đốc|hiệu trưởng|căn cứ|kính gửi|nơi nhận|lưu(?=\s*:)|như trên|số|ngày|thứ|chủ nhật|tháng|tổng|"
    r"công an|ban|phòng|văn phòng|đội (?:cảnh sát|csgt|tuyên truyền|văn nghệ)|sở|hội (?:khuyến học|liên hiệp|"
    r"cựu|nông dân|phụ nữ|chữ thập)|đảng ủy|mặt trận|tổ|khu phố|tổ dân phố|phường|quận|xã|huyện|tỉnh|"
    r"thành phố|thị xã|thị trấn|lộ trình|tuyến|thời gian|địa điểm|tham gia|ghi chú|stt|tt|xe|đoàn|các|kế hoạch|"
    r"thông báo|phương án|quyết định|công văn|báo cáo|mục đích|yêu cầu|tổ chức|phân công|nội dung|đại diện|"
    r"thành phần|học sinh|giáo viên|nhân dân|bà con|độc lập|việt nam|ủy ban|uỷ ban|liên đoàn|trung ương|"
    r"ubmttq|ủy viên|date|subject|to|from|cc|về việc|v/v|trích yếu|điện thoại|đt|email|website|tm|kt|"
    r"(?:bước|điểm|chặng|đoạn|lượt|mốc|vị trí)\s+\d+|"
    r"(?:ông|bà|anh|chị|em|cháu)\s+(?:nguyễn|trần|lê|phạm|hoàng|huỳnh|phan|vũ|võ|đặng|bùi|đỗ|hồ|ngô|dương|lý|"
    r"đinh|trương|lâm|mai|đoàn|cao|tạ|hà|lương|quách|châu|thái|tô|vương|văn|thị))(?=\s|$|[.:,])"
)
_WORD = re.compile(r"\S+")
#: A road number or a name's number ("1A", "22", "3/2", "30/4").
_NUMBER = re.compile(r"^\d{1,3}[A-Za-z]?(?:/\d{1,2})?$")


def _remarks(text: str) -> tuple[str, list[str]]:
    """The text without its bracketed remarks, and the remarks."""
    notes = [tidy(n) for n in re.findall(r"[(\[]([^()\[\]]*)[)\]]", text)]
    return re.sub(r"[(\[][^()\[\]]*[)\]]?", " ", text), [n for n in notes if n]


def _strip_moves(text: str) -> str:
    """The text without the movement and subject words it starts with (as written: "Võ", "Tú" are names')."""
    for _k in range(6):
        m = _MOVE.match(text + " ")
        if not m or m.end() == 0:
            break
        text = text[m.end() :].lstrip(" :,") if m.end() <= len(text) else ""
    return text


def _capitalised(words: list[str]) -> bool:
    """Whether each word of a name is capitalised or a number, or a word a name writes in lower case after a
    capitalised one ("Song Hành Quốc lộ 22", "Đường số 8"), or "tháng" ("3 tháng 2")."""
    return all(
        w[:1].isupper()
        or _NUMBER.match(w)
        or w.lower() == "tháng"
        or k
        and w in NAME_INNER
        and words[k - 1][:1].isupper()
        for k, w in enumerate(words)
    )


#: A street named after a day ("30 Tháng 4", "3 tháng 2", "19 Tháng Tám").
_DAY_NAME = re.compile(r"^\d{1,2}\s+[Tt]háng\s+(?:\d{1,2}|[A-ZĐ]\w*)$")


def name_kind(name: str) -> str | None:
    """street or place when a name is written as a street or place is (a kind word, or a short capitalised name);
    None for anything else."""
    words = name.split()
    longest = 16 if _kind_of_place(name) else 12  # "Trung tâm Văn hóa - Thể thao và Truyền thanh thành phố A"
    if not words or len(words) > longest or len(name) > 90 or ":" in name or re.search(r"\d{4}|\d{1,2}/\d{1,2}/", name):
        return None
    if len([w for w in words if len(w) >= 3 and w.isupper()]) >= 2 and name.isupper():
        return None  # a heading in capitals ("ỦY BAN NHÂN DÂN PHƯỜNG 17")
    head = street_head(name)
    after = name[head.end() :].split() if head else []
    if head and after and (_capitalised(after[:1]) or (after[0] == "số" and len(after) > 1 and after[1][:1].isdigit())):
        return "street"  # "đường Tô Ký", "Quốc lộ 1A", "Đường số 6"
    if _kind_of_place(name) and any(w[:1].isupper() or _NUMBER.match(w) for w in words[1:]):
        return "place"
    if _DAY_NAME.match(name):
        return "street"  # "30 Tháng 4", "3 tháng 2": a day's name
    if not words[0][:1].isupper() or _NOT_NAME.match(name.lower()) or len(words) > 6:
        return None
    if not _capitalised(words):
        return None
    if len(words) == 1 and (len(name) <= 2 or name.isupper()):  # "HĐND", "III": no street's name
        return None
    return "street"


def _kind_of_place(name: str) -> bool:
    """Whether the project's place words (``extract.place_kind``, accents weighed) call a name a place."""
    from paradeplan.importer.extract import place_kind

    return place_kind(name) is not None


#: The verbs of :data:`_TRAIL` as written: a word that folds like one but is written otherwise is a name's ("Khu di
#: tích A", "di sản", not "đi").
_TRAIL_VERBS = {"re": "rẽ", "queo": "quẹo", "ngoat": "ngoặt", "tro": "trở", "quay": "quay", "di": "đi", "chay": "chạy"}


def _trail_cut(name: str) -> str:
    """The name without a remark after it that starts with a word written in lower case ("… hướng về …")."""
    low = fold(name)
    for m in _TRAIL.finditer(low):
        k = m.start() + len(low[m.start() :]) - len(low[m.start() :].lstrip())
        word = name[k:].split(maxsplit=1)[0] if name[k:].strip() else ""
        if fold(word) in _TRAIL_VERBS and word.lower() != _TRAIL_VERBS[fold(word)]:
            continue  # "Khu di tích": no "đi"
        if not name[k : k + 1].isupper():
            return tidy(name[: m.start()])
    return name


def _described(name: str) -> str:
    """A place described before its name ("bãi đậu xe Chợ Bến Cát", "khu vực Công viên A") → the name: words in
    lower case before the first capitalised word that starts a street or place."""
    words = name.split()
    if not words or words[0][:1].isupper():
        return name
    for k in range(1, min(len(words), 5)):
        if words[k - 1].isdigit() or words[k - 1] in ("của", "và", "với", "là", "được", "có", "cho"):
            return name  # a clause, not a description ("01 xe thư viện của Thư viện A")
        if words[k][:1].isupper():
            rest = " ".join(words[k:])
            return rest if name_kind(rest) == "place" else name
    return name


#: A bridge the column passes over on its way ("qua Cầu A", "đi qua cầu vượt B"): a point on the street it goes
#: along, no step of the route (as written, any case).
_PASSED_BRIDGE = re.compile(r"^\s*(?:(?:đi|chạy)\s+)?qua\s+cầu(?:\s+vượt)?\s+(?=\S)", re.IGNORECASE)


#: A junction named by its kind alone ("ngã ba", "ngã tư đầu tiên", "vòng xoay", "giao lộ kế tiếp") (folded): where
#: the column turns, no place of the route.
_BARE_JUNCTION = re.compile(
    r"^(?:nga\s+(?:ba|tu|nam|sau|\d)|giao lo|nut giao|vong xoay|bung binh)(?:\s+(?:dau tien|ke tiep|tiep theo|do))?$"
)


@lru_cache(maxsize=8192)
def classify(raw: str, known: frozenset[str] = frozenset()) -> Piece:
    """What one piece of a line is (see :class:`Piece`); ``known`` are names the document defines (its
    abbreviations for places: "QTSC")."""
    text, notes = _remarks(raw)
    low_all = fold(raw)
    cue = _CUE.search(raw) is not None
    uturn = _UTURN.search(low_all) is not None
    end = _END.search(low_all) is not None
    text = _LEAD.sub("", text).strip(" .;:!?\"'“”")
    colon = next(reversed(label_colons(text)), -1)  # "7:30" is a time, no label
    head, tail = text[: max(colon, 0)], text[colon + 1 :]
    if colon >= 0 and len(head.split()) <= 6 and not re.match(r"\d", tail):
        text = tail.strip()  # "Lộ trình: Chợ A", "Điểm xuất phát: B"
    back = _BACK.match(fold(text)) is not None
    name = tidy(_LEAD.sub("", _strip_moves(text)))  # "tiếp theo 2. Phạm Văn Chiêu"
    name = _trail_cut(name)
    if name.count(")") > name.count("("):
        name = tidy(name.replace(")", " "))  # a remark's end whose start was on the line above
    name = _described(name)
    kept = [  # "(quay đầu tại Chợ A)" names where it turns: kept for the reader of the run
        n
        for n in notes
        if not (_UTURN.search(fold(n)) and turned_at(n) is None or _END.search(fold(n)) or _is_filler(n))
    ]
    note = "; ".join(kept) or None
    if back and (not name or _ROLE.match(fold(name))):
        return Piece("back", name or "điểm xuất phát", uturn, True, note, True)
    if not name or (_is_filler(name) and name_kind(name) is None):
        return Piece("neutral", "", uturn, end, note, cue or uturn or end)
    if _ROLE.match(fold(name)):
        return Piece("neutral", "", uturn, end, note, True)
    if _BARE_JUNCTION.match(fold(name)) and not (uturn or end):
        return Piece("neutral", "", False, False, None, cue)  # "đến ngã ba, rẽ phải …": a corner with no name
    if _PASSED_BRIDGE.match(_LEAD.sub("", raw)) and not (uturn or end):
        return Piece("neutral", "", False, False, None, True)  # "qua Cầu A": passed over along the street
    kind = "place" if name in known else name_kind(name)
    if kind is None:
        return Piece("other", name, uturn, end, note, cue)
    return Piece(kind, name, uturn, end or back, note, cue)


def _is_filler(text: str) -> bool:
    """Whether a piece is made only of movement words, numbers and clock times (as written: "Võ Thị Phải" is a
    name although it folds like "vô thì phải")."""
    words = re.findall(r"[^\W_]+", unicodedata.normalize("NFC", text).lower())
    return all(w in _FILLER or w.isdigit() or re.fullmatch(r"\d+[gh]\d*", w) for w in words)


# ------------------------------------------------------------------------------------------- runs
@dataclass(frozen=True)
class Run:
    """A run of steps found by its shape, with where it lies and how much it looks like a route."""

    steps: tuple[Piece, ...]
    first: int
    """Index of its first line."""
    last: int
    score: float
    cued: bool
    people: bool = False
    """Whether words about people are near (a list of members names people like streets are named)."""
    barred: bool = False
    """Whether the line above introduces streets traffic is barred from ("Cấm dừng, đỗ xe trên các tuyến:"): a
    list of closures, not the column's way."""


#: What a list of streets traffic is barred from says above it (as written, any case).
_RESTRICTION = re.compile(
    r"(?<!\w)(?:cấm|hạn chế|không được|tạm dừng lưu thông|phân luồng|dừng, đỗ|dừng đỗ|đỗ xe)(?!\w)", re.IGNORECASE
)


def _steps_inline(line: str) -> bool:
    """Whether a line writes several steps joined by a route's separators (then it is a route of its own)."""
    return len(re.findall(r"→|->|>|\s[–—-]\s", line)) >= 2


#: Words that say a list names people (as written, any case).
_PEOPLE = re.compile(
    r"(?<!\w)(?:đồng chí|đ/c|ông|bà|thành phần|thành viên|ban tổ chức|cán bộ|họ và tên|họ tên|chủ tịch|"
    r"phó chủ tịch|trưởng ban|ủy viên|giáo viên|học sinh|tặng|khen thưởng|danh sách)(?!\w)",
    re.IGNORECASE,
)


def _line_pieces(line: str, known: frozenset[str] = frozenset()) -> list[Piece]:
    parts = pieces(line)
    if len(parts) >= 3 and _CUE.search(line) and sum(p.isupper() for p in parts) * 2 > len(parts):
        parts = [_titled(p) for p in parts]  # "LỘ TRÌNH: CHỢ BẾN CÁT – ĐƯỜNG LÊ LỢI – …": a route in capitals
    return [classify(p, known) for p in parts]


def _titled(text: str) -> str:
    """Words in capitals written as names are ("CHỢ BẾN CÁT" → "Chợ Bến Cát"); abbreviations without a vowel
    ("UBND", "THCS") stay."""
    return " ".join(
        w if not w.isupper() or not re.search(r"[aeiouy]", fold(w)) else w[:1] + w[1:].lower() for w in text.split()
    )


#: A line that ends the text a run may go on in (a new heading, a signature block).
_HARD_STOP = re.compile(r"^(?:noi nhan|tm\.|kt\.|chu tich|[ivx]+\.\s)")


def _has_steps(line: str, known: frozenset[str]) -> bool:
    return any(p.kind in ("street", "place", "back") for p in _line_pieces(line, known))


def _heading(line: str) -> bool:
    """A numbered heading ("4. Phân công:", "III. LỘ TRÌNH"): a section boundary no run crosses."""
    from paradeplan.importer.structure import is_heading, numbering
    from paradeplan.importer.text import Folded

    f = Folded.of(line.strip())
    m = numbering(f)
    return m is not None and "\t" not in line and is_heading(Folded(f.text[m.end() :], f.low[m.end() :]))


def _ends_open(line: str) -> bool:
    """Whether a line ends with a separator (its run goes on in the next line)."""
    tail = line.rstrip(" .\ufe0f")
    if tail.endswith(";"):
        return tail.count(";") >= 3  # "A; B; C;": steps separated by ";" go on; "- Như trên;" ends an item
    return bool(tail) and (is_separator(tail[-1]) or tail.endswith("-"))


def _starts_open(line: str, after_steps: bool = True) -> bool:
    """Whether a line starts with a separator that goes on the line above: any but a bullet's dash, or a dash the
    line uses again between its steps ("- Hà Huy Giáp - Chợ A", a wrapped line of steps)."""
    head = line.lstrip()
    if not head or not is_separator(head[0]):
        return False
    return head[0] not in "-–—+•*" or (after_steps and f" {head[0]} " in head[1:])


def _ends_sentence(line: str) -> bool:
    """Whether a line of steps ends its sentence with a full stop ("… → Công viên A."): a bulleted line below it
    that uses dashes ("- Công an bố trí chốt tại giao lộ A - B") starts an item of its own, no wrapped part."""
    return line.rstrip().endswith(".")


class _Runs:
    """The state of :func:`runs` while it walks the lines."""

    def __init__(self, lines: list[str], context: int, known: frozenset[str]) -> None:
        self.lines, self.context, self.known = lines, context, known
        self.found: list[Run] = []
        self.cur: list[Piece] = []
        self.first = self.last = -1
        self.cued = False
        self.multi = False
        """Whether the run's last line holds two steps or more (a line of steps, not an item of a list)."""
        self.open_at = -1
        """The line of the run's last step when that line ends with a separator (the run goes on below)."""

    def close(self) -> None:
        if len(self.cur) >= 2:
            before = " ".join(self.lines[max(0, self.first - self.context) : self.first])
            cued = self.cued or _CUE.search(before) is not None
            near = " ".join(self.lines[max(0, self.first - self.context) : self.last + 1])
            people = _PEOPLE.search(near) is not None
            intro = self.lines[self.first - 1] if self.first > 0 else ""
            barred = _RESTRICTION.search(intro) is not None and not _steps_inline(self.lines[self.first])
            self.found.append(Run(tuple(self.cur), self.first, self.last, _score(self.cur, cued), cued, people, barred))
        self.cur, self.cued, self.multi, self.open_at = [], False, False, -1

    def goes_on(self, i: int) -> bool:
        """Whether a line a few lines below starts with a separator (the run goes on after a page break)."""
        return self.last >= i - 4 and any(_starts_open(x, self.multi) for x in self.lines[i + 1 : i + 4])

    def add(self, i: int, p: Piece) -> None:
        if self.cur and _JUNCTION.match(fold(self.cur[-1].name)) and _same_street(self.cur[-1].name, p.name):
            self.cur[-1] = _merged(p, self.cur[-1])  # "đến giao lộ A thì rẽ phải vào đường A": the turn's street
            return
        if self.cur and self.cur[-1].name == p.name and self.cur[-1].kind == p.kind:
            self.cur[-1] = _merged(self.cur[-1], p)  # "ra Quốc lộ 1A, nhập vào Quốc lộ 1A": one step
            return
        if not self.cur:
            self.first = i
        self.cur.append(p)
        self.last = i
        self.cued = self.cued or p.cue

    def line(self, i: int, line: str, joined: bool) -> None:
        got = _line_pieces(line, self.known)
        steps = sum(1 for p in got if p.kind in ("street", "place", "back"))
        if not steps and self.cur and (self.open_at >= 0 and i - self.open_at <= 4 or self.goes_on(i)):
            return  # a page's footer or running header inside a route that goes on below
        if steps == 1 and "\t" in line:  # a table's row with one step: its other cells are numbers and remarks
            got = [p if p.kind != "other" else Piece("neutral", "", p.uturn, p.end, None, p.cue) for p in got]
        first = next((p for p in got if p.kind in ("street", "place", "back")), None)
        chained = first is not None and bool(self.cur) and self.cur[-1].name == first.name  # legs: "A – B" / "B – C"
        placed = [p for p in got if p.kind in ("street", "place", "back")]
        # "6. Trường Chinh, kết thúc tại Chợ A.": a list's last item, its street and where the column ends
        ends_list = steps == 2 and not self.multi and placed[-1].kind == "place" and placed[-1].end
        if self.cur and self.last < i and not joined and not chained and not ends_list and (steps >= 2 or self.multi):
            self.close()  # a line of steps is a run of its own unless a separator joins it to its neighbour
        for p in got:
            if p.kind in ("street", "place", "back"):
                self.add(i, p)
            elif p.kind == "neutral":
                if self.cur and (p.uturn or p.end):
                    self.cur[-1] = _merged(self.cur[-1], p)
                self.cued = self.cued or p.cue
            else:
                self.close()
                self.cued = p.cue
        if steps:
            self.multi = steps >= 2
            self.open_at = i if _ends_open(line) else -1


#: A junction named by a street that meets the route there ("giao lộ (với đường) A", "ngã ba A") (folded).
_JUNCTION = re.compile(r"^(?:giao lo|nut giao|nga\s+(?:ba|tu|nam|sau|\d))\s+(?:voi\s+)?(?:(?:duong|pho)\s+)?")


def _same_street(junction: str, street: str) -> bool:
    """Whether a junction is named by the street that comes next."""
    j = fold(junction)
    m = _JUNCTION.match(j)
    head = street_head(street)
    bare = fold(street[head.end() :] if head else street).strip()
    return m is not None and bool(bare) and j[m.end() :].strip() == bare


def _merged(a: Piece, b: Piece) -> Piece:
    """A step with what a later piece says of it (a U-turn, an end)."""
    return Piece(a.kind, a.name, a.uturn or b.uturn, a.end or b.end, a.note or b.note, a.cue or b.cue)


def runs(lines: list[str], context: int = 3, known: frozenset[str] = frozenset()) -> list[Run]:
    """Every run of two steps or more in the lines: steps joined by separators on a line, and across line breaks
    when a separator ends or starts the line (a wrapped line) or each line is one item (a vertical list, a table's
    column, a timed script); broken by any piece that is neither a step nor neutral."""
    state = _Runs(lines, context, known)
    for i, line in enumerate(lines):
        if _HARD_STOP.match(fold(line.strip()[:12])) or (_heading(line) and not _has_steps(line, known)):
            state.close()
            continue
        follows = bool(state.cur) and state.last == i - 1 and _next_item(lines[i - 1], line)
        wraps = state.multi and not (state.cur and _ends_sentence(lines[state.last]))
        joined = state.open_at >= 0 or _starts_open(line, wraps) or follows
        state.line(i, line, joined)
    state.close()
    return state.found


#: The letters Vietnamese lists are lettered with, in order (no f, j, w, z: "d) … đ) … e) … g)").
_ITEM_LETTERS = "abcdđeghiklmnopqrstuvxy"
#: An item's letter or number at a line's start ("a)", "đ.", "3)", "4."), then a movement that goes on a route
#: ("rẽ phải vào …", "đi theo …", "tiếp tục …", "quay về …") (as written, lower case).
_ITEM_MARK = re.compile(r"^\s*(?:(?P<letter>[a-zđ])|(?P<number>\d{1,2}))[.)]\s+")
_ITEM_MOVES = re.compile(r"(?i:rẽ|quẹo|ngoặt|đi|chạy|tiếp tục|quay|trở|về|theo|vào|qua|ra)\s")


def _next_item(above: str, line: str) -> bool:
    """Whether a line is the next leg of the items above: its mark comes next after theirs ("e)" then "g)", "3)"
    then "4)"), the item above ends with ";" or "," and this one opens with a movement ("g) rẽ phải vào …")."""
    a, b = _ITEM_MARK.match(above), _ITEM_MARK.match(line)
    if a is None or b is None or not above.rstrip().endswith((";", ",")) or not _ITEM_MOVES.match(line[b.end() :]):
        return False
    if a.group("number") and b.group("number"):
        return int(b.group("number")) == int(a.group("number")) + 1
    x, y = a.group("letter"), b.group("letter")
    return bool(x and y) and _ITEM_LETTERS.find(y) == _ITEM_LETTERS.find(x) + 1 > 0


def _score(steps: list[Piece], cued: bool) -> float:
    headed = sum(1 for p in steps if p.kind == "place" or street_head(p.name))
    return len(steps) + 0.5 * headed + (3.0 if cued else 0.0)


#: A step that names units in the plural ("UBND các phường A", "các xã B"): the list that follows names units too
#: ("UBND các phường A, B, C và các trường …"), no streets (folded).
_UNITS_LISTED = re.compile(r"\bcac\s+(?:phuong|xa|thi tran|quan|huyen|thi xa|khu pho|ap|thon|to dan pho)\b")


def accepted(run: Run) -> bool:
    """Whether a run is a route: three steps, a street among them, with a route's words near; or three steps of
    which two are streets and two name their kind ("đường", "Chợ", "UBND"); never a list of units."""
    headed = sum(1 for p in run.steps if p.kind in ("place", "back") or street_head(p.name))
    streets = sum(1 for p in run.steps if p.kind == "street")
    if run.barred or any(_UNITS_LISTED.search(fold(p.name)) for p in run.steps):
        return False
    if run.people and headed == 0:
        return False  # "Thành phần đoàn xe: Nguyễn Văn An, Trần Thị Bình, …": people, named as streets are
    if run.cued:
        return streets >= 1 and len(run.steps) >= 3  # two names are an address more often than a route
    return len(run.steps) >= 3 and headed >= 2 and streets >= 2  # a list of places alone is a list of units


def best_run(lines: list[str], known: frozenset[str] = frozenset()) -> Run | None:
    """The run that most looks like the document's route (see :func:`accepted`), or None."""
    good = [r for r in runs(lines, known=known) if accepted(r)]
    return max(good, key=lambda r: (r.score, -r.first)) if good else None


# ------------------------------------------------------------------------------------------- layout
#: A gap between columns: a tab, or two spaces or more inside a line (``pdftotext -layout``, a table's cells).
_GAP = re.compile(r"\t+|[ ]{2,}")


#: A line that starts an item of its own: a bullet, a number, a lettered item, a clock time, a table's cell.
_ITEM = re.compile(r"^(?:[-+•·*–—>|▪➢]|\(?\d{1,2}[.)/:gh]|[a-zđ][.)]\s|[IVXLC]+\.\s|[A-HĐ]\.\s)")


def _wrapped(prev: str, line: str, width: int) -> bool:
    """Whether a line goes on the sentence of the line above that a hard wrap cut (a mail, a quoted text): the
    line above is filled (this line's first word would not fit on it in the text's width), has no column gap,
    ends in no sentence mark; this one starts no item."""
    first = line.split(" ", 1)[0]
    return (
        40 <= width <= 100
        and len(prev) + 1 + len(first) > width
        and "\t" not in prev
        and "\t" not in line
        and prev.rstrip()[-1:] not in ".;:!?"
        and not re.match(r"[^:,;]{1,40}:\s", line)  # a labelled field's line starts anew (not "Đông, qua …:")
        and (not _ITEM.match(line) or re.fullmatch(r"\d{1,3}[A-Za-z]?[.)]*|[-–—]\s.*", line) is not None)
        and not _ends_open(prev)
        and (line[:1].isalpha() or bool(re.match(r"\d{1,3}[A-Za-z]?(?:\s+\S|[.)]*$)|[-–—]\s", line)))
    )


def _goes_on_cells(out: list[str], cols: list[int], cells: list[tuple[int, str]]) -> bool:
    """Join a line indented under a row of columns to the row's cells (``out[-1]``, TAB-separated; ``cols``: where
    they begin): each of its cells to the column that begins nearest (columns aligned with spaces in a proportional
    font, a PDF's, drift a few characters); False (nothing joined) when two of its cells fall in one column or one
    beyond the row's."""
    parts = out[-1].split("\t")
    to = [min(range(len(cols)), key=lambda j: abs(cols[j] - at)) for at, _t in cells]  # noqa: B023 (used at once)
    if len(set(to)) != len(to) or max(to) >= len(parts) or (len(cells) > 1 and 0 in to):
        return False
    for k, (_at, words) in zip(to, cells, strict=True):
        parts[k] = f"{parts[k]} {words}"
    out[-1] = "\t".join(parts)
    return True


def _cut_width(lines: list[str]) -> int:
    """The width a hard wrap cut lines at: the widest line's, or the longest line's that a line in lower case goes
    on (:func:`paradeplan.importer.text.cut_at`) when within 12 characters of it (a paragraph of one line left
    whole is longer than the lines a wrap cut: lines over 90 characters cut at 80)."""
    widest = max((len(line) for line in lines), default=0)
    cut = cut_at(lines, widest) or widest
    return cut if cut >= widest - 12 else widest


def layout_lines(text: str) -> list[str]:
    """The document's physical lines as a reader of columns sees them: NFC, quoting marks of a forwarded e-mail
    taken off, column gaps kept as tabs, and a line that only continues one cell of the line above (indented
    under it, in a table laid out with spaces) joined to that cell: the cell whose column starts nearest, as
    columns aligned with spaces in a proportional font (a PDF) drift a few characters."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.translate(dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None))
    text = text.translate(dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u2002\u2003\u2009"), " "))
    raw = text.split("\n")
    quoted = quoted_mail(raw)
    bodies: dict[bool, list[str]] = {True: [], False: []}  # the lines quoted and not
    for line in raw:
        q = quoted and QUOTE_MARKS.match(line) is not None
        bodies[q].append((QUOTE_MARKS.sub("", line) if q else line).strip())
    widths = {q: _cut_width(lines) for q, lines in bodies.items()}  # the width a hard wrap cut the text at
    out: list[str] = []
    before = ""  # the physical line before this one
    cols: list[int] = []  # where the cells of the last line with columns begin
    blank = False
    for line in raw:
        width = widths[quoted and QUOTE_MARKS.match(line) is not None]
        if quoted:
            line = QUOTE_MARKS.sub("", line)
        body = line.rstrip()
        if not body.strip():
            blank = True
            continue
        indent = len(body) - len(body.lstrip())
        cells = [(m.start(), m.group(0)) for m in re.finditer(r"\S+(?:[ ]\S+)*", body.replace("\t", "    "))]
        if out and cols and indent >= 8 and indent > cols[0] and _goes_on_cells(out, cols, cells):
            continue
        cols = [c for c, _t in cells] if len(cells) >= 2 and _GAP.search(body.strip()) else []
        wrapped = not blank and _wrapped(before, _GAP.sub("\t", body.strip()), width)
        before = _GAP.sub("\t", body.strip())
        if out and (out[-1].count("(") > out[-1].count(")") or wrapped):
            out[-1] = f"{out[-1]} {body.strip()}"  # a remark in brackets, or a sentence, goes on in this line
            continue
        out.append(_GAP.sub("\t", body.strip()))
        blank = False
    return out


def _fit(name: str) -> bool:
    """Whether a route step's name reads as a street's or a place's (see :func:`name_kind`)."""
    return ":" not in name and (name_kind(name) is not None or _kind_of_place(name) or shape_back(name))


def _goes_further(found: list[str], rules: list[str], ended: bool = False) -> bool:
    """Whether the steps found begin (or end) with the rules' steps and go on with a street the rules did not read
    (the rules stopped early: a route cut by a page break, a list read half); a place passed in the middle (a
    junction, a bridge) is no reason, as keys leave via points out."""
    keys, want = [fold(n) for n in found], [fold(n) for n in rules]
    n = len(want)
    if not n or len(keys) <= n:
        return False
    if keys[:n] == want and not ended:  # (not after a route read to its stated end)
        extra = found[n:]
    elif keys[-n:] == want:
        extra = found[:-n]
    else:
        return False
    return any(name_kind(x) == "street" and not _kind_of_place(x) for x in extra)


def shape_back(name: str) -> bool:
    """Whether a step names the start by its role ("điểm xuất phát")."""
    return _ROLE.match(fold(name)) is not None


def reads_better(found: list[str], rules: list[str], ended: bool = False) -> bool:
    """Whether the steps found by shape read the route better than the steps the notation rules read: the rules
    read none, or left some pieces joined (a step that holds two found steps, a junction named by two streets
    apart), read a step that is no street's
    or place's name or one step twice in a row, and the shape finds at least as many good steps; or the rules
    stopped early (not at an ``ended`` route's stated end)."""
    if not rules:
        return True
    # (a one-word piece, "Siêu" cut from "Siêu thị A", is no step a rule's step could hold)
    keys = sorted({f" {fold(n)} " for n in found if len(n) >= 4 and len(n.split()) >= 2}, key=len, reverse=True)
    # a junction named by its two streets ("giao lộ A – B", "A × B") is one place, not two steps left joined
    lumped = any(_holds_two(f" {fold(r)} ", keys) for r in rules if not (_JUNCTION.match(fold(r)) or "×" in r))
    unfit = any(not _fit(r) for r in rules)
    once = [r for k, r in enumerate(rules) if not k or fold(rules[k - 1]) != fold(r)]  # "B, B": a leg read twice
    flawed = lumped or unfit or len(once) < len(rules)
    # a route the rules read to its stated end ("…, về lại Công viên A.") goes no further than it
    return (flawed and sum(map(_fit, found)) >= sum(map(_fit, once))) or _goes_further(found, rules, ended)


def _holds_two(text: str, keys: list[str]) -> bool:
    """Whether a text holds two of the keys at places that do not overlap (longest keys first)."""
    taken: list[tuple[int, int]] = []
    for k in keys:
        at = text.find(k)
        while at >= 0 and any(a < at + len(k) - 1 and at + 1 < b for a, b in taken):
            at = text.find(k, at + 1)
        if at >= 0:
            taken.append((at, at + len(k)))
    return len(taken) >= 2
