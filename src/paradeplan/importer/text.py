"""Text clean-up and accent-folding helpers shared by the import rules."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from paradeplan.geo.names import CAPITAL_LETTERS

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u2002\u2003\u2009\t\f\v"), " ")
#: Characters that end a sentence (a line ending with one is not continued by the next line).
_TERMINAL = ".;!?…:"
#: Route separators (arrows first; dashes only when no arrow is used); a bare ">" only with a space each side
#: ("- 07 giờ 30: Xuất phát: A > B > C", a programme line's steps).
ARROWS = ("→", "->", "=>", "⇒", "➝", "➔", "➜", "⟶", "►", ">>", " > ")
#: The marks that start a bulleted item ("- ", "– ", "+ ", "• ", "▪ ", "➢ "): every reader's one list (Word writes
#: an en dash where a typist writes a hyphen).
BULLET_CHARS = "-+•·*–▪■●◦►▸➢❖"
#: The same as a regex class.
BULLET_MARK = "[" + BULLET_CHARS + "]"
#: A line's indent and bullets before its words ("  - ", "– ", "+ "), as a regex.
LEAD = r"(?:\s|" + BULLET_MARK + r")*"


#: "và" inside an institution's name as Vietnamese writes it: two common-noun phrases in title case, only each one's
#: first syllable capitalised ("Tài nguyên và Môi trường", "Giáo dục và Đào tạo", "Văn hóa và Thông tin"); a
#: street's name capitalises every syllable ("Lê Lợi và Pasteur" are two streets).
_AND_IN_NAME = re.compile(r"(?<![\w-])[A-ZĐÀ-Ỹ][^\W\d_]* [a-zđà-ỹ][^\W\d_]*\s+và\s+[A-ZĐÀ-Ỹ][^\W\d_]* [a-zđà-ỹ]")


def and_in_name(text: str, at: int) -> bool:
    """Whether the "và" at ``at`` in ``text`` joins the two halves of one name ("Trường Đại học Tài nguyên và Môi
    trường"), not two steps or two things."""
    return any(m.start() < at < m.end() for m in _AND_IN_NAME.finditer(text, max(0, at - 40), at + 40))


def fold_char(c: str) -> str:
    """One character without accents, lower case (always exactly one character)."""
    if c in "đĐÐ":
        return "d"
    base = unicodedata.normalize("NFD", c)[:1].lower()
    return base if len(base) == 1 else c


class _FoldTable(dict[int, str]):
    """:func:`fold_char` by code point for :meth:`str.translate`, each character worked out once."""

    def __missing__(self, point: int) -> str:
        folded = self[point] = fold_char(chr(point))
        return folded


_FOLDED = _FoldTable()


def fold(text: str) -> str:
    """The text without accents and in lower case, with the same length (positions line up).

    Parameters
    ----------
    text : str
        NFC text.

    Returns
    -------
    str
        Folded text; ``fold(text)[i]`` is the folded form of ``text[i]``.
    """
    return text.translate(_FOLDED)


@lru_cache(maxsize=16384)
def whole_words(words: str) -> re.Pattern[str]:
    """A pattern finding ``words`` as written, not inside a longer word (compiled once: a document naming many
    places would otherwise recompile each name on every line, past :mod:`re`'s own small cache)."""
    return re.compile(r"(?<!\w)" + re.escape(words) + r"(?!\w)")


#: Tone marks; Vietnamese puts one on a vowel of a syllable, never on a consonant.
_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")
#: Marks that make a vowel of its own (â ê ô, ă, ơ ư): a syllable's tone goes on such a vowel when it has one.
_QUALITY = frozenset("\u0302\u0306\u031b")
_VOWELS = frozenset("aeiouyAEIOUY")
_WORD = re.compile(r"(?:[^\W\d_]|[\u0300-\u036f])+")  # with a mark left after a letter that has no composed form
#: Two vowels that end a word with the tone on the second as written but the first as spelled ("Thaí" → "Thái"):
#: a falling diphthong; "oa", "oe", "uy", "uê" take it on the second.
_RISING = frozenset({"oa", "oe", "uy", "ue"})


def _falling_tone(units: list[list[str]], t: int) -> int | None:
    """Where the tone of a word's last vowel goes when that vowel ends a falling diphthong ("ai", "ao", "ui", "ua",
    …)."""
    if t != len(units) - 1 or t < 1 or any(m in _QUALITY for m in units[t][1:]):
        return None
    prev = units[t - 1]
    if units[t][0].lower() not in "iyou" and not (units[t][0].lower() == "a" and prev[0].lower() in "iu"):
        return None  # "ai", "ao", "ui", …; "ia", "ua" ("cuả" → "của")
    if prev[0] not in _VOWELS or any(m in _TONES for m in prev[1:]):
        return None
    if (prev[0] + units[t][0]).lower() in _RISING:
        return None
    if t >= 2 and (units[t - 2][0] + prev[0]).lower() in ("qu", "gi"):
        return None  # "quí", "gió": the u of qu-, the i of gi- are no vowels
    if t >= 2 and units[t - 2][0] in _VOWELS:
        return None  # three vowels ("ngoai", "tuoi"): left as written
    return t - 1


def _repair_word(word: str) -> str:
    units: list[list[str]] = []
    for c in unicodedata.normalize("NFD", word):
        if unicodedata.combining(c) and units:
            units[-1].append(c)
        else:
            units.append([c])
    for i in range(len(units) - 1):  # "phưòng", "Khưong": Vietnamese writes "ươ", never "ưo" ("phường")
        if (
            units[i][0] in "uU"
            and "\u031b" in units[i][1:]
            and units[i + 1][0] in "oO"
            and "\u031b" not in units[i + 1]
        ):
            units[i + 1] = [units[i + 1][0], "\u031b", *(m for m in units[i + 1][1:] if m != "\u0302")]
            word = unicodedata.normalize("NFC", "".join("".join(u) for u in units))
    toned = [i for i, u in enumerate(units) if any(m in _TONES for m in u[1:])]
    if len(toned) != 1:
        return word
    t = toned[0]
    vowels = [i for i, u in enumerate(units) if u[0] in _VOWELS]
    if not vowels:
        return word
    quality = [i for i in vowels if any(m in _QUALITY for m in units[i][1:])]
    falling = _falling_tone(units, t) if not quality else None
    if falling is not None:
        tone = [m for m in units[t][1:] if m in _TONES]
        units[t] = [units[t][0], *(m for m in units[t][1:] if m not in _TONES)]
        units[falling] = [units[falling][0], *units[falling][1:], *tone]
        return unicodedata.normalize("NFC", "".join("".join(u) for u in units))
    if units[t][0] in _VOWELS and (not quality or t in quality):
        return word  # a vowel carries it as Vietnamese spells it
    before = [i for i in vowels if i < t] or vowels
    target = quality[-1] if quality else before[-1]
    tone = [m for m in units[t][1:] if m in _TONES]
    units[t] = [units[t][0], *(m for m in units[t][1:] if m not in _TONES)]
    units[target] = [units[target][0], *units[target][1:], *tone]
    return unicodedata.normalize("NFC", "".join("".join(u) for u in units))


def repair_marks(text: str) -> str:
    """Put tone marks that extraction moved back on their vowel: "Quôć" → "Quốc", "Nguyêñ" → "Nguyễn",
    "Thơí" → "Thới" (a tone on a consonant, or off the vowel with a quality mark in a syllable that has one).

    Words with none of these faults come back unchanged.
    """

    def fix(m: re.Match[str]) -> str:
        return _repair_word(m.group(0))

    # "thi ̣trấn": a mark pushed past the space after its word goes back onto that word ("thị trấn")
    text = unicodedata.normalize("NFC", re.sub(r"(?<=[^\W\d_]) ([\u0300\u0301\u0303\u0309\u0323])(?=\S)", r"\1 ", text))
    return _WORD.sub(fix, text)


#: Words in lower case inside a street's name, after a capitalised word ("Quốc lộ 1A", "Đường số 8", "Đường 3
#: tháng 2").
NAME_INNER = frozenset({"lộ", "số", "tháng"})

#: An e-mail's quoting marks at a line's start ("> ", "> > ", ">").
QUOTE_MARKS = re.compile(r"^(?:[ ]?>)+[ ]?")


def quoted_mail(lines: list[str]) -> bool:
    """Whether a text quotes a mail: three lines or more start with ">", and one of them is a bare ">" (a quoted
    blank line) or they are a third of the text's lines (a route's lines that go on with "> B > C" are not)."""
    marked = [ln for ln in lines if QUOTE_MARKS.match(ln)]
    filled = [ln for ln in lines if ln.strip()]
    bare = any(ln.strip() in (">", "> >") for ln in marked)
    return len(marked) >= 3 and (bare or 3 * len(marked) >= len(filled))


#: Where a reply's own text ends and the earlier mail it answers begins ("-----Original Message-----", "----- Thư gốc
#: -----", "Vào … đã viết:", "On … wrote:") (folded). A forwarded message's marker is no such end: what it forwards
#: is the content.
_EARLIER_MAIL = re.compile(
    r"^\s*(?:-{2,}\s*(?:original message|thu goc|tin nhan goc|thu tra loi)\s*-{2,}"
    r"|(?:on|vao)\b.{5,160}\b(?:wrote|da viet)\s*:)\s*$"
)
#: The same marker, for the readers of what a mail tells (an event told below it is the earlier mail's).
EARLIER_MAIL = _EARLIER_MAIL
#: A reply's subject ("Tiêu đề: RE: …", "Subject: TL: …", "Trả lời: …") (folded).
_REPLY_SUBJECT = re.compile(r"^\s*(?:tieu de|subject|chu de)\s*:\s*(?:re|tl|tra loi|phan hoi)\s*:", re.M)
#: A clock time in the reply's own text ("6g30", "07h00", "lúc 8 giờ", "7:30") (folded).
_CLOCK_SAID = re.compile(r"\b\d{1,2}\s*(?:g|h|gio)\s*\d{0,2}\b|\b\d{1,2}:\d{2}\b")


def without_earlier_mails(text: str) -> str:
    """A reply without the earlier mails quoted below it, when the reply says the plan itself (its subject "RE:",
    and a time of day in its own text: "CHỐT lịch như sau (thay cho các mail trước)"); a forward, or a reply that
    only points at the mail below ("đề nghị triển khai theo nội dung dưới đây"), keeps them."""
    lines = text.split("\n")
    low = [fold(ln) for ln in lines]
    cut = next((i for i, f in enumerate(low) if _EARLIER_MAIL.match(f) or QUOTE_MARKS.match(f)), None)
    if cut is None or cut < 5:
        return text
    above = "\n".join(low[:cut])
    if _REPLY_SUBJECT.search(above) is None or _CLOCK_SAID.search(above) is None:
        return text
    return "\n".join(lines[:cut])


def unquoted(text: str) -> str:
    """A forwarded or replied mail's quoted text without its quoting marks (the letter it quotes, line by line)."""
    lines = text.split("\n")
    if not quoted_mail(lines):
        return text
    return "\n".join(QUOTE_MARKS.sub("", ln) for ln in lines)


#: A heading numbered with a word ("Sự kiện 1 - Lễ phát động", "Hoạt động 2: …", "Mục 3. …", "Phần 2. NỘI DUNG",
#: "PHẦN II. LỄ BẾ MẠC", "Chương I"): numbered as Decree 30 numbers it ("1. Lễ phát động", "II. LỄ BẾ MẠC"). A
#: route's "Chặng 1:" is a leg, not a heading.
_SPELLED_NUMBER = re.compile(
    r"(?im)^[ ]*(?:sự kiện|hoạt động|nội dung|mục|phần|chương)[ ]+(?P<n>\d{1,2}|(?-i:[IVXLC]+)(?=[ ]*[-–—:.]))"
    r"[ ]*(?:[-–—:.)][ ]*|[ ]+(?=\w))"
)


#: Numbers 1–59 as words, as a clock time writes them ("bảy", "mười lăm", "ba mươi", "bốn mươi lăm").
_DIGIT_WORDS = {
    "một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "lăm": 5,
    "sáu": 6, "bảy": 7, "bẩy": 7, "tám": 8, "chín": 9,
}  # fmt: skip
_UNIT_WORD = r"(?:một|mốt|hai|ba|bốn|tư|năm|lăm|sáu|bảy|bẩy|tám|chín)"
_NUMBER_WORDS = (
    r"(?:(?:hai|ba|bốn|năm)\s+mươi(?:\s+" + _UNIT_WORD + r")?|mười(?:\s+" + _UNIT_WORD + r")?"
    r"|(?:một|hai|ba|bốn|năm|sáu|bảy|bẩy|tám|chín))"
)
#: A clock time written in words ("vào lúc bảy giờ ba mươi phút", "mười bốn giờ", "hai giờ chiều"): with its
#: minutes or the minutes before the hour ("bảy giờ kém mười lăm"), or after a word that says a time follows, or
#: before the part of the day (a duration, "trong hai giờ", stays words).
_TIME_IN_WORDS = re.compile(
    r"(?P<lead>\b(?:lúc|vào|từ|đến|tới|bắt đầu|khoảng)\s+)?\b(?P<h>" + _NUMBER_WORDS + r")\s+giờ"
    r"(?:\s+(?P<m>" + _NUMBER_WORDS + r")(?:\s+phút)?(?!\s+(?:giờ|ngày|người|xe)\b)"
    r"|\s+kém\s+(?P<to>" + _NUMBER_WORDS + r")(?:\s+phút)?)?"
    r"(?P<tail>\s+(?:sáng|chiều|tối|trưa|đêm)\b)?",
    re.I,
)


def _word_number(words: str) -> int:
    """The value of a number 1–59 written in words ("ba mươi lăm" → 35)."""
    parts = words.lower().split()
    if parts[0] == "mười":
        return 10 + (_DIGIT_WORDS[parts[1]] if len(parts) > 1 else 0)
    if len(parts) > 1 and parts[1] == "mươi":
        return 10 * _DIGIT_WORDS[parts[0]] + (_DIGIT_WORDS[parts[2]] if len(parts) > 2 else 0)
    return _DIGIT_WORDS[parts[0]]


#: A number of up to four digits written in words ("hai nghìn không trăm hai mươi hai", "hai mươi tám", "mồng
#: một"): its words, each a digit, "mười", "mươi", "trăm", "nghìn/ngàn", "linh/lẻ".
_WORDS_OF_NUMBER = (
    r"(?:(?:không|một|mốt|hai|ba|bốn|tư|năm|lăm|nhăm|sáu|bảy|bẩy|tám|chín|mười|mươi|trăm|nghìn|ngàn|linh|lẻ)"
    r"(?:\s+|(?=\W)|$))+"
)
_NUMBER_VALUE = {**_DIGIT_WORDS, "không": 0, "nhăm": 5}
#: A day of the month in words ("một" … "ba mươi mốt"), and a month ("mười hai", "giêng", "chạp").
_DAY_IN_WORDS = (
    r"(?:ba\s+mươi(?:\s+mốt)?|hai\s+mươi(?:\s+(?:mốt|hai|ba|bốn|tư|lăm|nhăm|sáu|bảy|bẩy|tám|chín))?"
    r"|mười(?:\s+(?:một|hai|ba|bốn|lăm|sáu|bảy|bẩy|tám|chín))?|một|hai|ba|bốn|năm|sáu|bảy|bẩy|tám|chín)"
)
_MONTH_IN_WORDS = r"(?:mười\s+một|mười\s+hai|mười|một|hai|ba|bốn|tư|năm|sáu|bảy|bẩy|tám|chín|giêng|chạp)"
#: A date written in words ("ngày mồng một tháng mười năm hai nghìn không trăm hai mươi hai", "ngày hai mươi tám
#: tháng chín"): its day, month and year (each in words or digits).
_DATE_IN_WORDS = re.compile(
    r"\b(?P<lead>ngày\s+)(?:(?:mồng|mùng)\s+)?(?P<d>" + _DAY_IN_WORDS + r"|\d{1,2})\s+tháng\s+"
    r"(?P<m>"
    + _MONTH_IN_WORDS
    + r"|\d{1,2})(?!\w)(?:\s+năm\s+(?P<y>(?:một|hai)\s+(?:nghìn|ngàn)(?:\s+"
    + _WORDS_OF_NUMBER
    + r")?|\d{4}))?",
    re.I,
)
#: A year written in words ("năm học hai nghìn không trăm hai mươi mốt – …") (its words).
_YEAR_IN_WORDS = re.compile(r"\b(?P<y>(?:một|hai)\s+(?:nghìn|ngàn)(?:\s+" + _WORDS_OF_NUMBER + r")?)", re.I)
_MONTH_NAMES = {"giêng": 1, "chạp": 12}


def number_value(words: str) -> int | None:
    """The value of a number written in words (0–9999: "hai nghìn không trăm hai mươi hai" → 2022, "mười lăm" →
    15, "ba mươi mốt" → 31), None when the words are no number."""
    total = current = 0
    said = False
    for w in words.lower().split():
        if w in ("linh", "lẻ"):
            continue
        if w == "mười":
            current += 10
        elif w == "mươi":
            current = (current or 1) * 10
        elif w == "trăm":
            total, current = total + current * 100, 0
        elif w in ("nghìn", "ngàn"):
            total, current = (total + current) * 1000, 0
        elif w in _NUMBER_VALUE:
            current += _NUMBER_VALUE[w]
        else:
            return None
        said = True
    return total + current if said else None


def spelled_dates(text: str) -> str:
    """Dates and years written in words as digits ("ngày mồng một tháng mười năm hai nghìn không trăm hai mươi hai"
    → "ngày 1 tháng 10 năm 2022"); a day, month or year out of range stays as written."""

    def date(m: re.Match[str]) -> str:
        day = number_value(m.group("d")) or _int(m.group("d"))
        month = _MONTH_NAMES.get(m.group("m").lower()) or number_value(m.group("m")) or _int(m.group("m"))
        year = (number_value(m.group("y")) or _int(m.group("y"))) if m.group("y") else None
        if not (day and month and 1 <= day <= 31 and 1 <= month <= 12) or (m.group("y") and not _a_year(year)):
            return m.group(0)
        return f"{m.group('lead')}{day} tháng {month}" + (f" năm {year}" if year else "")

    def year(m: re.Match[str]) -> str:
        value = number_value(m.group("y"))
        return (str(value) + (" " if m.group("y")[-1:].isspace() else "")) if _a_year(value) else m.group(0)

    return _YEAR_IN_WORDS.sub(year, _DATE_IN_WORDS.sub(date, text))


#: A full date written with dots or dashes ("1.10.2024", "01-10-2024"): the same date as "1/10/2024", which the
#: readers of days, deadlines and date lines take; a dot or a dash inside it would otherwise end a sentence ("chuyển
#: từ ngày 30.9.2025 sang …") or cut a route's steps. Not a version or a code ("v1.10.2024.3", "KH-01-10-2024").
_DOTTED_DATE = re.compile(
    r"(?<![\w./-])(?P<d>0?[1-9]|[12]\d|3[01])(?P<sep>[.-])(?P<m>0?[1-9]|1[0-2])(?P=sep)(?P<y>(?:19|20)\d{2})(?![\w/-]|\.\d)"
)


def slashed_dates(text: str) -> str:
    """Full dates written with dots or dashes written with slashes, each as long as it was ("1.10.2024" →
    "1/10/2024"): a table read by its columns keeps them."""
    return _DOTTED_DATE.sub(lambda m: f"{m.group('d')}/{m.group('m')}/{m.group('y')}", text)


def _int(text: str) -> int | None:
    return int(text) if text.strip().isdigit() else None


def _a_year(value: int | None) -> bool:
    return value is not None and 1900 <= value <= 2100


def spelled_times(text: str) -> str:
    """Clock times written in words as digits ("bảy giờ ba mươi phút" → "7 giờ 30 phút", "bảy giờ kém mười lăm" →
    "7 giờ kém 15 phút"); others left as written."""

    def digits(m: re.Match[str]) -> str:
        if not (m.group("m") or m.group("to") or m.group("lead") or m.group("tail")):
            return m.group(0)
        hour = _word_number(m.group("h"))
        minute = _word_number(m.group("m") or m.group("to")) if m.group("m") or m.group("to") else None
        if hour > 24 or (minute is not None and minute > 59):
            return m.group(0)
        out = f"{hour} giờ" + (f" {minute:02d} phút" if minute is not None else "")
        out = f"{hour} giờ kém {minute} phút" if m.group("to") else out
        return (m.group("lead") or "") + out + (m.group("tail") or "")

    return _TIME_IN_WORDS.sub(digits, text)


#: Emoji that label a field at a line's head in posts and chat messages ("🕖 7h sáng thứ Tư 1/10", "📍 Nhà văn hóa
#: A") → the label an official document writes.
EMOJI_LABELS: tuple[tuple[str, str], ...] = (
    ("\U0001f550-\U0001f567\u23f0\u23f1\u23f2\U0001f570\U0001f4c5\U0001f4c6\U0001f5d3", "Thời gian:"),
    ("\U0001f4cd\U0001f3eb\U0001f3e2\U0001f3db", "Địa điểm:"),
    ("\U0001f464\U0001f465", "Thành phần:"),
    ("\U0001f6e3\U0001f5fa", "Lộ trình:"),
    ("\U0001f697\U0001f699\U0001f693\U0001f3cd\U0001f68c", "Phương tiện:"),
)
#: Other emoji (pictographs, symbols, dingbats but the arrows U+2794–U+27BF, which separate steps), the variation
#: selector and the keycap mark: no words.
_EMOJI = re.compile("[\U0001f000-\U0001faff\u2600-\u26ff\u2700-\u2793\u2b50\u2b55\ufe0f]+")


def _emoji_labels(text: str) -> str:
    """Posts and chat messages as a document writes them: a keycap number at a line's head is its number ("1️⃣ LỄ
    KHAI MẠC" → "1. LỄ KHAI MẠC"), a field's emoji its label (:data:`EMOJI_LABELS`), other emoji left out."""
    if not _EMOJI.search(text):
        return text
    text = re.sub(r"(?m)^([ \t]*)(\d{1,2})\ufe0f?\u20e3", r"\1\2.", text)
    for chars, label in EMOJI_LABELS:
        text = re.sub(  # not on a line with a label of its own ("🛣 Lộ trình: …", "⏰ 7h30 sáng: các xe tập trung …")
            r"(?m)^([ \t]*)[" + chars + r"]\ufe0f?[ \t]*(?![^\n]*:)", r"\1" + label + " ", text
        )
    return _EMOJI.sub("", text)


#: A ceremony's kind written short in a message ("Lễ KM", "dự KM", "Lễ BM"): the words (as written, capitals only).
_KIND_SHORT = {"KM": "khai mạc", "BM": "bế mạc"}  # words as data: abbreviations to expand
_KIND_SHORT_SAID = re.compile(r"(?<!\w)(Lễ|lễ|LỄ|dự|Dự)\s+(KM|BM)(?!\w)")


def _kinds_written_out(text: str) -> str:
    """A message's short ceremony kinds written out: "Lễ KM" → "Lễ khai mạc", "dự KM" → "dự Lễ khai mạc" (never a
    distance: "5 KM" has no "Lễ" or "dự" before it)."""
    return _KIND_SHORT_SAID.sub(
        lambda m: f"{m.group(1)} {'Lễ ' if m.group(1).lower() == 'dự' else ''}{_KIND_SHORT[m.group(2)]}", text
    )


#: A column's move written short in a terse plan ("X/p: 7h40", "phát lệnh x/p đoàn xe"): the short form (folded)
#: → its words; a capital first letter stays one.
_MOVE_SHORT = {"x/p": "xuất phát"}  # words as data: abbreviations to expand
_MOVE_SHORT_SAID = re.compile(r"(?<![\w/])(?:" + "|".join(re.escape(k) for k in _MOVE_SHORT) + r")(?![\w/])", re.I)


def _moves_written_out(text: str) -> str:
    """A terse plan's short words for the column's moves written out: "X/p: 7h40" → "Xuất phát: 7h40"."""

    def full(m: re.Match[str]) -> str:
        words = _MOVE_SHORT[m.group(0).lower()]
        return words[0].upper() + words[1:] if m.group(0)[0].isupper() else words

    return _MOVE_SHORT_SAID.sub(full, text)


#: Going to one kind of ceremony ("(đi) (tham) dự (các) (buổi) lễ khai mạc"): group 1 the kind (as written).
_TO_CEREMONY_KIND = (
    r"(?:đi\s+)?(?:tham\s+)?dự\s+(?:các\s+)?(?:buổi\s+)?lễ\s+(khai mạc|phát động|hưởng ứng|ra mắt)(?!\w)"
)
#: A message that sends officials to one kind of ceremony at several places ("lịch dự Lễ khai mạc … tại cơ sở", "Em
#: gửi các anh chị lịch dự lễ khai mạc ở các điểm") (as written): group 1 the kind, its items' visits are to it.
_SCHEDULE_OF_VISITS = re.compile(r"(?i)(?<!\w)lịch\s+" + _TO_CEREMONY_KIND)
#: A notice that assigns officials to one kind of ceremony ("phân công lãnh đạo UBND phường dự Lễ khai mạc", "cử cán
#: bộ đi dự lễ phát động") (as written): group 1 the kind, its visits that give their own hour are to it.
_ASSIGNED_TO_VISIT = re.compile(
    r"(?i)(?<!\w)(?:phân\s+công|cử)(?:\s+(?:lãnh\s+đạo|cán\s+bộ|đại\s+biểu)(?:\s+[^\W\d_]+){0,6}?)?\s+"
    + _TO_CEREMONY_KIND
)
#: A visit that names its place but not what is held there ("dự tại TTHTCĐ P. A lúc 7h30", "sau đó dự tại Trường
#: B"), as written.
_VISIT_AT_PLACE = re.compile(r"(?<!\w)((?:tham\s+)?[dD]ự)\s+(?=(?:tại|ở)\s)")
#: Such a visit that gives its hour on its line ("dự tại Trường A lúc 7h30 thứ Tư, 01/10"), as written; not an hour
#: of what follows the visit ("dự tại phường A xong về họp Ban Chỉ đạo lúc 9h30").
_TIMED_VISIT_AT_PLACE = re.compile(
    _VISIT_AT_PLACE.pattern + r"(?=(?:(?!(?<!\w)(?:xong|rồi|sau\s+đó|về|họp|làm\s+việc)(?!\w))[^\n])*?\slúc\s+\d)"
)


def _visits_named(text: str) -> str:
    """A schedule of visits to one kind of ceremony (:data:`_SCHEDULE_OF_VISITS`): each visit to a place alone is
    to that ceremony ("dự tại X lúc 7h30" → "dự Lễ khai mạc tại X lúc 7h30"); in a notice that assigns officials to
    it (:data:`_ASSIGNED_TO_VISIT`), each such visit that gives its own hour (the ceremonies no list tells apart)."""
    kinds = {m.group(1).lower() for m in _SCHEDULE_OF_VISITS.finditer(text)}
    visit = _VISIT_AT_PLACE
    if not kinds:
        kinds = {m.group(1).lower() for m in _ASSIGNED_TO_VISIT.finditer(text)}
        visit = _TIMED_VISIT_AT_PLACE
    if len(kinds) != 1:
        return text
    kind = kinds.pop()
    return visit.sub(lambda m: f"{m.group(1)} Lễ {kind} ", text)


#: A school of two levels written with a spaced dash between them ("Trung học cơ sở - Trung học phổ thông", "TH -
#: THCS"): no separator between two steps of a route.
_LEVELS_JOINED = re.compile(
    r"\b(Tiểu học|Trung học cơ sở|Mầm non|TH|THCS|MN)\s+[-–]\s+(Trung học cơ sở|Trung học phổ thông|THCS|THPT)\b"
)


#: Letters a scan's text layer puts for "Đ"/"đ" (the Icelandic eth looks the same): Vietnamese has no eth.
_ETH = str.maketrans({"Ð": "Đ", "ð": "đ"})
#: The small vowels Vietnamese writes, with their marks: what a syllable's rhyme starts with.
_SMALL_VOWELS = "aăâeêioôơuưyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
#: A capital consonant a scan split from the rest of its syllable ("T ô Ký", "Đ ặng", "Ng uyễn"): a lone letter or
#: cluster before a word in small letters that starts with a vowel (no Vietnamese word is consonants alone).
_LONE_CONSONANT = re.compile(
    r"(?<![\w.])([BCDĐGHKLMNPQRSTVX]|Ngh|Ng|Nh|Ch|Tr|Th|Kh|Ph|Gh|Gi|Qu) ([" + _SMALL_VOWELS + r"]"
    r"[a-zđàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]*)(?!\w)"
)
#: "m" that a scan read as "rn" at a word's head ("Lễ khai rnạc"): no Vietnamese (or English) word starts with "rn".
_RN_FOR_M = re.compile(r"(?<![\w])rn(?=[" + _SMALL_VOWELS + r"])")
#: A school's name written with "trường" in lower case before its level ("cổng trường THCS A") (as written).
_SCHOOL_LOWER = re.compile(r"(?<!\w)trường (?=(?:THCS|THPT|TH|MN|Tiểu học|Trung học|Mầm non)\b)")


#: A web page's breadcrumb ("Bạn đang ở: Trang chủ > Tin tức > …", "Trang chủ » Thông báo"): no route's arrows.
_BREADCRUMB = re.compile(r"(?im)^[ \t]*(?:(?:bạn đang ở|vị trí|you are here)\s*:[^\n]*|trang chủ\s*[>»][^\n]*)$")


#: The document's own number where its header gives it ("Số: 178/KH-UBND", a scan's "Sô:") (group 1).
_OWN_NUMBER = re.compile(r"(?im)^[^\n]{0,60}?\bs[ốôoó]\s*:\s*(\d{1,5}/[\w/.&-]{2,30})")
#: A page's number alone on its line ("2", "- 3 -", "Trang 2", "Trang 2/5").
_PAGE_NUMBER = re.compile(r"(?i)^[ \t]*(?:-[ \t]*)?(?:trang[ \t]+)?\d{1,3}(?:[ \t]*/[ \t]*\d{1,3})?(?:[ \t]*-)?[ \t]*$")


#: A syllable's last vowel a scan split off after its tone-marked vowel ("Nhà văn hó a", "khó e"): the pair is
#: one of the language's vowel pairs ("óa", "óe", "úi", "ái") (as written; group 1 the toned vowel, 2 the vowel).
_SPLIT_VOWEL = re.compile(r"(?<=\w)([áàảãạóòỏõọúùủũụéèẻẽẹ]) ([aeiou])(?=[\s,.;:)]|$)")
_VOWEL_PAIRS = frozenset({"oa", "oe", "ua", "ai", "oi", "ui", "ao", "eo", "au"})


def _joined_vowels(text: str) -> str:
    """A scan's syllable split before its last vowel joined again (:data:`_SPLIT_VOWEL`)."""

    def join(m: re.Match[str]) -> str:
        base = unicodedata.normalize("NFD", m.group(1))[0]
        return m.group(1) + m.group(2) if base + m.group(2) in _VOWEL_PAIRS else m.group(0)

    return _SPLIT_VOWEL.sub(join, text)


def _without_page_chrome(text: str) -> str:
    """A notice copied from a web page without its breadcrumb line (:data:`_BREADCRUMB`); a printed page's number
    alone on its line between blank lines, and its running header naming the document by its number ("UBND P.TÂN
    THỚI HIỆP - KH 178/KH-UBND   Tuần lễ HTSĐ 2024"), wherever a page break left them inside the text."""
    text = _BREADCRUMB.sub("", text)
    own = _OWN_NUMBER.search(text)
    own_line = text.count("\n", 0, own.end()) if own is not None else 0
    lines = text.split("\n")
    out: list[str] = []
    dropped = False
    for k, line in enumerate(lines):
        before = lines[k - 1].strip() if k else ""
        after = lines[k + 1].strip() if k + 1 < len(lines) else ""
        chrome = k > 5 and _PAGE_NUMBER.match(line) is not None and (not before or not after)
        chrome = chrome or (own is not None and k > own_line and _running_header(line, own.group(1)))
        chrome = chrome or (k > 5 and len(line.strip()) <= 160 and _PAGE_FOOTER.search(line) is not None)
        if chrome:
            while out and not out[-1].strip():  # the blank lines of a page break inside a sentence: none
                out.pop()
            dropped = bool(out) and not re.search(r"[.;:!?]\s*$", out[-1])
            continue
        if dropped and not line.strip():
            continue
        dropped = False
        out.append(line)
    return "\n".join(out)


#: A page's footer ending in its number after a gap ("CAP TÂN SƠN HÒA – PA số 97/PA-CAP ngày 24/9/2025      Trang
#: 1/3").
_PAGE_FOOTER = re.compile(r"(?i)\S(?:[ ]{3,}|\t+)(?:-[ ]*)?trang[ ]+\d{1,3}(?:[ ]*/[ ]*\d{1,3})?[ ]*-?[ ]*$")


def _running_header(line: str, number: str) -> bool:
    """A page's running header: a short line naming the document by its own number, in no sentence ("… - KH
    178/KH-UBND   Tuần lễ HTSĐ 2024", not "Trên đây là Kế hoạch số 178/KH-UBND …")."""
    at = line.find(number)
    return at >= 0 and len(line.strip()) <= 120 and not re.search(r"(?i)\bs[ốô]\s*:?\s*$", line[:at].rstrip())


def _without_comments(text: str) -> str:
    """A social post without its readers' comments: the lines from its "Bình luận" heading, after the post's
    reaction counts ("👍❤️ 86 · 24 bình luận · 11 lượt chia sẻ"), are no part of it."""
    lines = text.split("\n")
    for k, line in enumerate(lines):
        if re.fullmatch(r"\W*(?:bình luận|comments?)\W*", line.strip(), flags=re.I) and any(
            re.search(r"\d+\s+(?:bình luận|lượt chia sẻ|lượt thích|comments?|shares?)\b", x, flags=re.I)
            for x in lines[max(0, k - 4) : k]
        ):
            return "\n".join(lines[:k])
    return text


#: Items a text layer ran together ("… năm 2022- Thời gian: …", "… tuần lễ.- Địa điểm: …", "HOẠT ĐỘNG1. Lễ …",
#: "… thị trấn.2. Hội …"): a bullet or a number glued to the word before it, followed by a capital.
_GLUED = re.compile(
    r"(?<=[^\W_.;])(?=- [" + CAPITAL_LETTERS + r"])|(?<=[.;])(?=- [" + CAPITAL_LETTERS + r"])"
    r"|(?<=[^\W\d_])(?=\d{1,2}\. ["
    + CAPITAL_LETTERS
    + r"])|(?<=[^\W\d_][.;])(?=\d{1,2}\.[ \t]*["
    + CAPITAL_LETTERS
    + r"])"
)
#: A field's label alone at a line's end, its value on the next line ("- Địa điểm:" / "Hội trường UBND …"), not
#: before a list.
_LABEL_ALONE = re.compile(
    r"(?im)^([ \t]*(?:" + BULLET_MARK + r"[ \t]*)?(?:thời gian|địa điểm|thời lượng|chủ trì|lộ trình)[ \t]*:)[ \t]*\n"
    # not before a list, nor before a line with a label of its own ("Chặng 1: …")
    r"(?=[ \t]*[^\s\d])(?![ \t]*" + BULLET_MARK + r")(?![^\n:]{0,30}:)"
)


def _unglued(text: str) -> str:
    """A text layer's run-together list items on lines of their own (:data:`_GLUED`), when the text has several;
    a label alone at a line's end joined to its value on the next line."""
    text = _GLUED.sub("\n", text) if len(_GLUED.findall(text)) >= 3 else text
    return _LABEL_ALONE.sub(r"\1 ", text)


#: An English gloss after a Vietnamese phrase ("Thời gian / Time:", "THÔNG BÁO / NOTICE", "Số/Ref.:", "… chủ trì (3).
#: / attends (1) and chairs (3)."): a slash after a letter, a bracket or a quote, then ASCII words up to a label's
#: colon (not "17:30"), the line's end or the next slash; group 1 the words before it on the line.
_GLOSS = re.compile(
    r"(?m)^([^\n]*?)(?<=[^\W\d_]|[).\"”’])[ \t]*/[ \t]*[A-Za-z][\x20-\x7e]*?(?=[ \t]*:(?!\d)|[ \t]*$|[ \t]+/[ \t])"
)
#: An English gloss in brackets ("(Tuesday 1 October 2024)", "(An Hai Bac campus)"): two ASCII words or more.
_GLOSS_BRACKETS = re.compile(r"[ \t]*\((?=[^()\n]*[A-Za-z]{2,}[^()\n]*\s[^()\n]*[A-Za-z]{2,})[\x20-\x27\x2a-\x7e]+\)")
#: Words only English has, among the few a Vietnamese text written without marks also holds ("the", "to"…).
_ENGLISH = re.compile(r"\b(?:the|and|of|will|is|are|with|from|for|this|has|have|been|be|by|on|at)\b", re.I)
_NOT_ASCII = re.compile(r"[^\x00-\x7f]")


def _one_language(text: str) -> str:
    """A bilingual document (three English glosses or more, :data:`_GLOSS`) in its Vietnamese: each gloss, each
    English line (ASCII only, two English words or more) and each English bracket after Vietnamese words left out."""
    glosses = [m for m in _GLOSS.finditer(text) if _NOT_ASCII.search(m.group(1))]
    if len(glosses) < 3:
        return text
    out: list[str] = []
    for line in text.split("\n"):
        if not _NOT_ASCII.search(line) and len(_ENGLISH.findall(line)) >= 2:
            continue  # "Because of heavy rain …, the Closing Ceremony (3) is moved to …"
        for _ in range(4):  # "A / B: … / C": each gloss, left to right
            m = _GLOSS.match(line)
            if m is None or not _NOT_ASCII.search(m.group(1)):
                break
            line = m.group(1) + line[m.end() :]
        if _NOT_ASCII.search(line):
            line = _GLOSS_BRACKETS.sub("", line)
        out.append(line)
    return "\n".join(out)


#: A field written in capitals ("3. THÀNH PHẦN: ĐỒNG CHÍ LÊ THỊ HỒNG VÂN, PHÓ CHỦ TỊCH …"): a label, a colon and six
#: words or more in capitals after it; or a bullet of eight capital words or more.
_CAPITAL_FIELD = re.compile(
    r"^(?P<head>\s*(?:[IVX]{1,4}\.|\d{1,2}(?:\.\d{1,2})*[.)]|"
    + BULLET_MARK
    + r")?\s*(?:[^\W\d_][^:]{1,40}:\s*)?)(?P<body>.+)$"
)
#: Words after which capitals are a name (lower case, accents kept): a person's title ("đồng chí LÊ THỊ A"), a unit's
#: level ("thị xã NGHI SƠN", "phường 5"), a school's level or a street ("trường THCS LÝ TỰ TRỌNG", "đường LÊ DUẨN").
_NAME_AFTER = re.compile(
    r"(?:^|\s)(?:đồng chí|đ/c|ông|bà|thầy|cô|xã|phường|thị xã|thị trấn|quận|huyện|tỉnh|thành phố|tp\.?|thôn|ấp|bản"
    r"|khu phố|tổ dân phố|thcs|thpt|tiểu học|mầm non|đường|phố|công viên)$"
)
#: Words that end a name written in capitals (lower case, accents kept).
_NAME_STOP = frozenset((
    "và", "của", "lúc", "ngày", "tại", "từ", "đến", "với", "cho", "theo", "trong", "các", "gồm", "dự",
    "chủ", "trì", "thứ", "tháng", "năm", "giờ", "phút", "phó", "tịch", "bí", "thư", "trưởng", "ủy", "viên",
    "giám", "đốc",
))  # fmt: skip
#: A word in capitals that is an abbreviation, not a syllable: no vowel, three consonants together, or a sign
#: inside ("UBND", "THCS", "TTHTCĐ", "GD&ĐT", "VH-TT").
_ABBREVIATION = re.compile(r"^[^aeiouy]*$|[bcdfghjklmnpqrstvxz]{3}|[&/\d-]")


#: An honorific in capitals: the field names persons ("ĐỒNG CHÍ LÊ THỊ A, PHÓ CHỦ TỊCH …").
_HONORIFIC_CAPS = re.compile(r"\b(?:ĐỒNG CHÍ|Đ/C|ÔNG|BÀ)\s")


def _recased(body: str) -> str:
    """A run of capitals in sentence case, names kept capitalised (see :data:`_NAME_AFTER`) and abbreviations kept
    as written."""
    words = re.split(r"(\s+|[,;:()–—]|\s-\s)", body)
    out: list[str] = []
    name_left = 0
    sentence_start = True
    for w in words:
        if not re.search(r"[^\W\d_]", w):
            out.append(w)
            mark = w.strip()
            name_left = 0 if mark and mark != "&" else name_left
            sentence_start = mark in (":", ";") or (sentence_start and not mark)
            continue
        low = w.lower()
        if _ABBREVIATION.search(fold(w).replace("ngh", "ng")) or re.fullmatch(r"[ivx]+\.?", low):
            out.append(w)  # "UBND", "THCS", "II."
        elif name_left and low.rstrip(".") not in _NAME_STOP:
            out.append(w[:1] + low[1:])
            name_left -= 1
        else:
            out.append(low[:1].upper() + low[1:] if sentence_start else low)
            name_left = 0
        sentence_start = w.endswith(".")
        if _NAME_AFTER.search(" ".join(x.strip().lower() for x in out[-3:] if x.strip())):
            name_left = 5
    return "".join(out)


def _without_capital_fields(text: str) -> str:
    """Fields and bullets written all in capitals, in sentence case with their names kept capitalised: the readers
    of names and places read capitals as the start of a name."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        m = _CAPITAL_FIELD.match(line)
        body = m.group("body") if m else ""
        letters = [c for c in body if c.isalpha()]
        if len(body.split()) < 6 or len(body) < 40 or any(c.islower() for c in letters):
            continue
        if not (m and (m.group("head").strip() or len(body.split()) >= 8) and ":" in m.group("head") + body):
            continue
        if not _HONORIFIC_CAPS.search(body):
            continue  # a venue or a route in capitals keeps them: its names read as they are
        lines[i] = m.group("head") + _recased(body)
    return "\n".join(lines)


#: A person's name written in capitals after their honorific ("đồng chí NGUYỄN PHƯỚC LỘC", "ĐỒNG CHÍ LÊ THỊ HỒNG
#: VÂN,", "Bà VÕ THỊ ÁNH"): two to five words in capitals, up to a comma, a bracket, a dash or the line's end.
_CAPITAL_NAME = re.compile(
    r"(?i:\b(?:đồng chí|đ/c|ông|bà)\s+)((?:[" + CAPITAL_LETTERS + r"]{1,7}\s+){1,4}[" + CAPITAL_LETTERS + r"]{1,7})"
    r"(?=\s*(?:[,;:()–—-]|$))",
    re.M,
)


def _names_in_capitals(text: str) -> str:
    """Names written in capitals after an honorific, as names are written ("NGUYỄN PHƯỚC LỘC" → "Nguyễn Phước
    Lộc"): the readers of persons read a name as capitalised words."""
    return _CAPITAL_NAME.sub(lambda m: m.group(0)[: m.start(1) - m.start(0)] + m.group(1).title(), text)


#: An amended value's old and new lines ("- Nội dung cũ: 07 giờ 00, ngày 01/10/2025 …" over "- Nay điều chỉnh: 15 giờ
#: 30, ngày 04/10/2025 …") (folded, bullet allowed).
_OLD_VALUE = re.compile(
    r"^\s*(?:"
    + BULLET_MARK
    + r"\s*)?(?:noi dung cu|cu|truoc day|truoc (?:khi )?dieu chinh|theo ke hoach[^:]{0,40})\s*:"
)
_NEW_VALUE = re.compile(
    r"^\s*(?:" + BULLET_MARK + r"\s*)?(?:nay dieu chinh|nay (?:doi|sua) (?:thanh|lai)|dieu chinh (?:thanh|lai)|nay|moi"
    r"|sau (?:khi )?dieu chinh|noi dung (?:moi|dieu chinh))\s*:"
)


def _without_old_values(text: str) -> str:
    """An amendment without the values it replaces: a line "Nội dung cũ: …" right above its "Nay điều chỉnh: …"
    is no fact of the plan (the new line is)."""
    lines = text.split("\n")
    for k, line in enumerate(lines):
        if not _OLD_VALUE.match(fold(line)):
            continue
        below = [ln for ln in lines[k + 1 : k + 4] if ln.strip()][:2]
        if any(_NEW_VALUE.match(fold(ln)) for ln in below):
            lines[k] = ""
    return "\n".join(lines)


#: A count written twice, in digits and in words ("01 (một) xe ô tô", "năm (05) xe hoa"): the digits.
_COUNT_TWICE = re.compile(
    r"(?i)\b(?:(?P<n>\d{1,3})\s*\(\s*" + _NUMBER_WORDS + r"\s*\)|" + _NUMBER_WORDS + r"\s*\(\s*(?P<m>\d{1,3})\s*\))"
)


#: An item's number or letter written with the other mark than the usual one, as (the other, the usual, the other
#: read as the usual): "1) Đồng chí A …" for "1. Đồng chí A …", "b. Địa điểm: …" for "b) Địa điểm: …". A document
#: numbers its items one way, so where it never writes the usual mark its other one is the same numbering; where it
#: writes both, the other is a level of its own ("1." over "1)").
_OTHER_NUMBERING = (
    (re.compile(r"(?m)^([ \t]*\d{1,2})\)(?=[ \t])"), re.compile(r"(?m)^[ \t]*\d{1,2}\.[ \t]"), r"\1."),
    (re.compile(r"(?m)^([ \t]*[a-zđ])\.(?=[ \t])"), re.compile(r"(?m)^[ \t]*[a-zđ]\)[ \t]"), r"\1)"),
)


def _items_numbered_one_way(text: str) -> str:
    """Items numbered "1)" or lettered "a." read as "1." and "a)" in a document that never writes those."""
    for other, usual, mark in _OTHER_NUMBERING:
        if not usual.search(text):
            text = other.sub(mark, text)
    return text


#: The share of a text's line breaks after a sentence or before an item that a blank line must follow for the text
#: to be double-spaced (:func:`double_spaced`), and the fewest such breaks that tell.
_DOUBLE_SPACED = (0.85, 3)


def _table_row(line: str) -> bool:
    """A row or rule of a table written as text ("| a | b |", "+----+")."""
    return line.startswith(("|", "+-", "+="))


def double_spaced(lines: list[str]) -> bool:
    """Whether a text puts a blank line after nearly every line (a copy from a web page, a word processor's
    paragraph spacing saved as text): nearly every break after a sentence or before an item (a bullet, a number)
    has a blank line, so a blank line there parts no paragraphs, lists or tables (the rows of a table written as
    text are not counted)."""
    breaks = apart = 0
    blank, prev = 0, ""
    for line in (ln.strip() for ln in lines):
        if not line:
            blank += 1
            continue
        if prev and not (_table_row(prev) and _table_row(line)) and (prev[-1:] in _TERMINAL or _ITEM_START.match(line)):
            breaks += 1
            apart += blank > 0
        prev, blank = line, 0
    share, fewest = _DOUBLE_SPACED
    return breaks >= fewest and apart >= share * breaks


def single_spaced(text: str) -> str:
    """A double-spaced text (:func:`double_spaced`) read as a reader reads it, its lone blank lines left out (two
    blank lines or more still part what they part); any other text as it is."""
    lines = text.split("\n")
    if not double_spaced(lines):
        return text
    kept = [line for k, line in enumerate(lines) if line.strip() or _blank_kept(lines, k)]
    return "\n".join(kept)


def _blank_kept(lines: list[str], k: int) -> bool:
    """Whether the blank line ``lines[k]`` of a double-spaced text still parts what it stands between: it stands
    beside another blank, or it ends a title under a heading in capitals (the subject line under "KẾ HOẠCH", which
    ends no sentence and is no first words of the paragraph below); one that opens or ends the text parts nothing."""
    if not 0 < k < len(lines) - 1:
        return False
    prev, after = lines[k - 1].strip(), lines[k + 1].strip()
    if not (prev and after):
        return True
    if not _unfinished_break(prev, after):
        return False
    above = next((lines[j].strip() for j in range(k - 2, -1, -1) if lines[j].strip()), "")
    return _in_capitals(above)


def _unfinished_break(prev: str, line: str) -> bool:
    """A break after a line that ends no sentence, before a line that starts no item or table row."""
    return bool(prev and line) and prev[-1:] not in _TERMINAL and not _ITEM_START.match(line) and not _table_row(line)


def clean(raw: str) -> str:
    """Normalize extracted text: NFC, tone marks repaired (:func:`repair_marks`), plain spaces, no Markdown
    bold/italic markers or heading marks.

    Parameters
    ----------
    raw : str
        Text as extracted from a document.

    Returns
    -------
    str
        Cleaned text with ``\\n`` line ends.
    """
    text = repair_marks(unicodedata.normalize("NFC", raw).translate(_ZERO_WIDTH).translate(_SPACES))
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    text = _one_language(_emoji_labels(_without_comments(_without_page_chrome(unquoted(without_earlier_mails(text))))))
    text = _kinds_written_out(_names_in_capitals(_without_capital_fields(_without_old_values(text))).translate(_ETH))
    text = _moves_written_out(_visits_named(text))
    text = _joined_vowels(_LONE_CONSONANT.sub(r"\1\2", text))  # a scan's "đường T ô Ký", "văn hó a": "Tô Ký", "hóa"
    text = _RN_FOR_M.sub("m", text)  # "khai rnạc": "khai mạc"
    text = _LEVELS_JOINED.sub(r"\1-\2", text)  # "Trường Trung học cơ sở - Trung học phổ thông A": one school
    text = _SCHOOL_LOWER.sub("Trường ", text)  # "từ cổng trường THCS An Phú Đông": the school's name
    # "**" glued between two words is a lost line break ("KẾ HOẠCH**Tổ chức"); elsewhere it is just bold.
    text = re.sub(r"(?<=[^\s*])\*\*(?=[^\s*.,;:!?”\"’)\]])", "\n", text)
    text = text.replace("*", "").replace("\\_", "_").replace("\\", "")
    text = re.sub(r"(?m)^[ ]*#{1,6}[ ]+", "", text)
    text = re.sub(r"\[([^\]\n]{0,200})\]\((?:mailto:|https?:)[^)\s]{0,300}\)", r"\1", text)
    text = _header_columns(_unglued(text))
    text = _SPELLED_NUMBER.sub(r"\g<n>. ", text)
    text = _items_numbered_one_way(text)
    text = slashed_dates(spelled_dates(spelled_times(_COUNT_TWICE.sub(lambda m: m.group("n") or m.group("m"), text))))
    text = re.sub(r"[ ]{2,}", " ", text)
    return "\n".join(line.strip() for line in text.split("\n"))


#: Lines of the Decree 30 header block, laid out in two columns: the issuing body on the left, the national motto
#: and the place and date on the right.
HEADER_LINES = 12


#: Where the header's two columns meet on one line: a gap of four spaces or a tab; or, where the gap was lost (a
#: PDF's text layer), the national motto ("TỈNH A CỘNG HÒA XÃ HỘI …", "UBND XÃ B Độc lập - Tự do - Hạnh phúc") and
#: the place and date after a document number ("Số: 12/KH-UBND Mộ Đức, ngày 22 tháng 9 năm 2025").
_COLUMNS = re.compile(
    r"[ ]{4,}|\t+|(?<=\S)[ ]+(?=CỘNG HÒA XÃ HỘI|CỘNG HOÀ XÃ HỘI|Độc lập\s*[-–]\s*Tự do)"
    r"|(?<=CHỦ NGHĨA VIỆT NAM)[ ]+(?=\S)|(?<=Hạnh phúc)[ ]+(?=\S)",  # "… Hạnh phúc Số: 178/KH-UBND Quảng Trị, ngày …"
    re.I,
)
_NUMBER_THEN_DATE = re.compile(r"^(Số\s*:\s*\S{1,40})[ ]+(?=[^\d\W][^,]{1,60},\s*ngày\s+\d)", re.I)


def _header_columns(text: str) -> str:
    """The header block's two columns as lines of their own ("PHƯỜNG AN NHƠN      Độc lập - Tự do - Hạnh phúc"
    is two lines): a gap of four spaces or a tab between words separates them; a line that opens with a clock time
    is a short programme's first row ("06 giờ 30      Tập trung …"), its time and content one line."""
    lines = text.split("\n", HEADER_LINES)
    head = [
        line
        if _CLOCK_START.match(line.strip())
        else "\n".join(
            q for p in _COLUMNS.split(line.strip()) if p for q in _NUMBER_THEN_DATE.sub("\\1\t", p).split("\t")
        )
        for line in lines[:HEADER_LINES]
    ]
    return "\n".join(head + lines[HEADER_LINES:])


#: A line that starts with a clock time ("07:00.", "7 giờ 30", "7h30"): the value of a label the line before ends
#: with ("Xuất phát:" at the end of a PDF line).
_CLOCK_START = re.compile(r"^\d{1,2}\s?(?::\s?\d{2}|h\s?\d{0,2}|\s?giờ)(?!\d)")


#: A lettered item ("a) Thời gian: …", "b. Địa điểm: …"): a line of its own, not a continuation.
_LETTERED = re.compile(r"^[a-zđ][).]\s")


def _starts_lower(line: str) -> bool:
    """Whether a line starts in lower case, or with a bracket that does ("(đường Đỗ Mười), đi thẳng …" after a page
    break inside a route's sentence), and is no lettered item ("a) …")."""
    first = line[1:2] if line.startswith("(") else line[:1]
    return first.isalpha() and first.islower() and not _LETTERED.match(line)


def _ends_sep(line: str) -> bool:
    return line.endswith(ARROWS) or line.endswith((" -", " –", " —", "–", ",", " >"))


#: A unit's abbreviation at a line's end ("… Thông tin TP." / "Thái Nguyên – …"): its name is on the next line.
_ENDS_ABBREVIATION = re.compile(r"(?:^|[\s(,])(?:TP|Tp|TX|TT|P|Q|H|X)\.$")
#: A word no sentence ends with (a preposition or a connective: "xuất phát lúc" / "7:30."): a hard-wrapped line
#: that ends with one goes on in the next line, whatever that starts with.
_ENDS_OPEN = re.compile(r"(?:^|\s)(?:lúc|vào|tại|từ|đến|tới|về|của|và|với|theo|qua|ngày)$", re.IGNORECASE)


def _starts_sep(line: str) -> bool:
    """Whether a line starts with a separator that goes on the line above ("→ C", "— C"): not an en dash, which
    starts a list's item as a hyphen does (Word's bullet: "– Thời gian: 7 giờ 30", "– 6g30: Tập trung")."""
    return line.startswith(ARROWS) or line.startswith(("— ", "> "))


def dash_bullets(lines: list[str]) -> bool:
    """Whether a text writes its list items with en dashes: an "– " line right after a line that ends a clause or
    is such an item itself ("– Thời gian: …" / "– Địa điểm: …")."""
    prev = ""
    for line in (ln.strip() for ln in lines):
        if not line:
            continue
        if line.startswith("– ") and (prev[-1:] in _TERMINAL or prev.startswith("– ")):
            return True
        prev = line
    return False


def _dash_goes_on(prev: str, line: str, bullets: bool) -> bool:
    """Whether a line's en dash joins the two halves of a name the line above was cut in ("… đến ngã ba Hà Huy
    Giáp" / "– Tô Ngọc Vân;"): the text writes no en-dash items, and the line above ends no clause."""
    return (
        not bullets and line.startswith("– ") and prev[-1:] not in _TERMINAL + "," and not re.match(BULLET_MARK, prev)
    )


#: A line that is only an arrow: a flow diagram's link between the step above it and the step below ("↓").
_LONE_ARROW = re.compile(r"^(?:[↓⇓⬇⇩▼▽↧⟱|│]|→|⟶|⇒|➝|➔|➜|->|=>)\ufe0f?$")
#: A line that starts with a downward arrow before its step ("↓ Đường B"): the diagram's next step.
_DOWN_START = re.compile(r"^[↓⇓⬇⇩▼↧]\ufe0f?\s*(?=\w)")
#: A line that starts an item of its own (a bullet, a number, a lettered item, a table's rule or cell; not a date's
#: "30/9/2024, tại …" nor a time's "7.30" that a wrap put at the line's start).
_ITEM_START = re.compile(r"^(?:" + BULLET_MARK + r"|[—>|]|\(?\d{1,2}[.)/](?!\d)|[a-zđ][.)]\s|[IVXLC]+\.\s|[A-HĐ]\.\s)")
#: A table rule of dashes ("-------", "----- -----"): pandoc's multiline tables keep their wrapped cells apart.
_DASH_RULE = re.compile(r"^-{3,}(?:\s+-{3,})*$")


def wrap_width(lines: list[str]) -> int | None:
    """The width a document's text was hard-wrapped at (pandoc's plain text, a mail: paragraphs apart by blank
    lines, each cut into lines of at most a fixed width), or None when its lines are not cut so: at least three
    paragraphs go on after a line filled to within 12 characters of the widest, and the widest is at most 100."""
    filled = [len(ln) for ln in lines if ln]
    if len(filled) < 8 or max(filled) > 100 or lines.count("") < len(filled) // 4:
        return None
    width = max(filled)
    runs = sum(
        1
        for a, b in zip(lines, lines[1:], strict=False)
        if len(a) >= width - 12 and b and not _ITEM_START.match(b) and not _DASH_RULE.match(a)
    )
    return width if runs >= 3 else None


def _wrapped(prev_line: str, line: str, width: int | None, in_table: bool, room: int | None = None) -> bool:
    """Whether ``line`` goes on the paragraph that ``prev_line`` (the line just before, no blank between) ends, in a
    text hard-wrapped at ``width``: the line before is filled (within 20 characters of the width) and this one
    starts no item or paragraph of its own (a label, a chat's time stamp), neither is a heading in capitals, and a
    line before that ends a sentence had no room left for this one's first word within the width its lines were
    cut at (``room``, :func:`cut_at`)."""
    if width is None or in_table or len(prev_line) < width - 20 or _ITEM_START.match(line):
        return False
    if _DASH_RULE.match(prev_line) or _DASH_RULE.match(line):
        return False
    if prev_line[-1:] in _TERMINAL and not _no_room(prev_line, line, room or width):
        return False
    return not _own_paragraph(line) and not _heading(prev_line) and not _in_capitals(line)


def _no_room(prev_line: str, line: str, width: int) -> bool:
    """Whether a wrap at ``width`` cut ``prev_line`` with no room left for ``line``'s first word (a line that ends a
    sentence with room to spare ends its paragraph, "… Trưởng Ban Chỉ đạo." / "Cùng dự: …" cut at 80 columns, as
    does one longer than the width, a paragraph left whole)."""
    first = line.split(maxsplit=1)[0] if line.strip() else ""
    return len(prev_line) + 1 + len(first) > width >= len(prev_line)


def cut_at(lines: list[str], width: int | None) -> int | None:
    """The width a hard-wrapped text's paragraphs were cut at: the longest line that a line in lower case goes on
    (a paragraph of one line left whole may be longer than its cut lines), or ``width`` when no line does so."""
    if width is None:
        return None
    return max(
        (len(a) for a, b in zip(lines, lines[1:], strict=False) if a and _starts_lower(b) and len(a) <= width),
        default=width,
    )


#: What starts a paragraph of its own in a text cut into lines with no blank line between its paragraphs: a bullet,
#: a number or a letter item ("2. ", "b) ", "1/ "; not a date's "01/10" nor a time's "7.30"), a part's Roman numeral
#: or capital letter ("II. ", "B. "), a table's cell or rule ("| …", "+---"), a label ("Thời gian: …", "Ghi chú:",
#: "Thành phần tham dự:"; two to five words before its colon, one of them in lower case: no clock's "Hà lúc
#: 07:30", no "… Hội ban hành Kế hoạch như sau:", no name's end "… Tân Thới" / "Hiệp: hướng dẫn …"), a chat
#: message's time stamp ("[09:33] Tên: …", "[Thứ Hai 21/9, 20:14] …"), a mail's header field ("Sent: …", "Cc: …"),
#: a numbered step or leg ("Bước 2: …", "Chặng 3: …").
_OWN_PARAGRAPH = re.compile(
    r"^(?:" + BULLET_MARK + r"|[—>|+=]|\(?\d{1,2}[.)/](?=\s)|[a-zđ][.)]\s|[IVXLC]+\.\s|[A-HĐ]\.\s"
    r"|\[[^\]\n]{0,30}\d{1,2}:\d{2}\]|(?:From|Sent|To|Cc|Bcc|Date|Subject|Từ|Đến|Gửi|Ngày gửi|Tiêu đề|Chủ đề):\s"
    r"|[^\W\d_]+\s\d{1,2}:\s"
    r"|(?P<label>[^\W\d_][^\s:;,.()\d]*(?:[ ][^\s:;,.()\d]+){1,4}):(?:\s|$))"
)


def _own_paragraph(line: str) -> bool:
    """Whether a line starts a paragraph of its own (:data:`_OWN_PARAGRAPH`; a label with a word in lower case)."""
    m = _OWN_PARAGRAPH.match(line)
    return m is not None and (m.group("label") is None or any(w[:1].islower() for w in m.group("label").split()))


#: The widths a text may be cut at, tried in turn: a mail's or a PDF's text layer (at most 100 characters), an
#: editor's or a word processor's plain text saved at 120 ("… lưu thông trên Quốc lộ 1 đến Ngã 4" / "Chùa A thì …");
#: at the wider one, two in three of the filled lines must go on (a programme's rows and a table's cells copied out
#: of a PDF fill some lines of that width too, but few of them go on).
_CUT_LIMITS = ((100, 0.0), (120, 2 / 3))


def cut_width(lines: list[str]) -> int | None:
    """The width a text was cut at into lines of at most a fixed width, its paragraphs not kept apart by blank lines
    (a mail or a PDF's text layer copied out: "… theo đường Nguyễn" / "Thị Nhuần, …"), or None: the lines of prose
    (not a table's) are at most one of :data:`_CUT_LIMITS` characters but for one in eight, and at least three
    lines filled to within 12 characters of the widest of those (and the share the limit asks of them) go on in the
    next line with no sentence mark between (:func:`_cut_inside`)."""
    prose = [ln for ln in lines if ln and not _table_row(ln) and not _DASH_RULE.match(ln)]
    for limit, share in _CUT_LIMITS:
        cut = [len(ln) for ln in prose if len(ln) <= limit]
        if len(cut) < 4 or len(prose) - len(cut) > len(prose) // 8:
            continue  # (a few long lines: a table's rows written out, a word too long to cut)
        width = max(cut)
        filled = [(a, b) for a, b in zip(lines, lines[1:], strict=False) if len(a) >= width - 12]
        runs = sum(1 for a, b in filled if b and _cut_inside(a, b, width, False, a))
        if runs >= max(3, share * len(filled)):
            return width
    return None


def _cut_inside(
    prev_line: str, line: str, width: int | None, in_table: bool, para: str = "", room: int | None = None
) -> bool:
    """Whether ``line`` goes on the paragraph ``para`` that ``prev_line`` (the line just before, no blank between)
    was cut from, in a text cut at ``width`` (:func:`cut_width`): the line before is filled (within 20 characters
    of the width) and ends with no sentence mark, or had no room left for this line's first word within the width
    its lines were cut at (``room``, :func:`cut_at`); neither is a heading in capitals ("KẾ HOẠCH …" over its first
    paragraph), this one starts no paragraph of its own (:data:`_OWN_PARAGRAPH`) nor the next row of a numbered
    table written one row a line ("1 Họp Ban Tổ chức …" / "2 Các khu phố …")."""
    if width is None or in_table or len(prev_line) < width - 20:
        return False
    number = re.match(r"(\d{1,3})\s", line)
    if number is not None and para.startswith(f"{int(number.group(1)) - 1} "):
        return False
    full = room is not None and _no_room(prev_line, line, room)  # ("… tại sân Trường A." / "Ông B, Hiệu trưởng, …")
    if prev_line[-1:] in _TERMINAL and not (prev_line.endswith(";") and _starts_lower(line)) and not full:
        return False  # (a clause cut after its ";", "… tại sân trường;" / "đồng chí A dự.", goes on)
    if _DASH_RULE.match(prev_line) or _DASH_RULE.match(line):
        return False
    closes = prev_line.count("(") > prev_line.count(")") and re.match(r"\d{1,2}\)\s", line) is not None
    if _own_paragraph(line) and not closes:  # ("… (điểm b mục" / "3) chuyển sang …": the bracket's end)
        return False
    return not _heading(prev_line) and not _in_capitals(line)


def _heading(line: str) -> bool:
    """A heading's line: in capitals (:func:`_in_capitals`), or opening with two words in capitals after a part's
    number ("II. LỘ TRÌNH (tổng chiều dài khoảng 5,6 km)")."""
    words = re.sub(r"^(?:[IVXLC]+|[A-HĐ]|\d{1,2})\.\s+", "", line).split()[:2]
    return _in_capitals(line) or (len(words) == 2 and all(w.isalpha() and w.isupper() for w in words))


def _in_capitals(line: str) -> bool:
    """A heading's line in capitals ("KẾ HOẠCH", "II. NỘI DUNG"): two words or more, no lower case; not an
    abbreviation alone ("(TTHTCĐ).")."""
    return line.isupper() and len(re.findall(r"[^\W\d_]{2,}", line)) >= 2


def _ruled_tables(lines: list[str]) -> set[int]:
    """The lines of tables ruled with dashes (pandoc's simple and multiline tables): from a rule to the rule that
    a blank line or the end follows; not from a title's underline (:func:`_underline`)."""
    out: set[int] = set()
    inside = False
    rules = [k for k, line in enumerate(lines) if _DASH_RULE.match(line)]
    for k, line in enumerate(lines):
        if _DASH_RULE.match(line) and not inside and _underline(line, k, rules):
            continue
        if _DASH_RULE.match(line):
            closing = inside and (k + 1 == len(lines) or not lines[k + 1])
            inside = not closing
            out.add(k)
        elif inside:
            out.add(k)
    return out


def _underline(line: str, k: int, rules: list[int]) -> bool:
    """Whether a rule of dashes underlines the title above it ("[Nhóm Zalo] Ban Chỉ đạo phường A" / "-----"): one
    run of dashes, no column's gap, and no rule after it to close a table."""
    return " " not in line.strip() and k == rules[-1]


#: A separator between the steps of a route written on one line: a spaced dash or an arrow.
_STEP_SEP = re.compile(r"\s[-–—]\s|→|->|=>")


def _list_goes_on(prev: str, line: str) -> bool:
    """Whether a line goes on the list of steps above it that a wrap cut inside a name ("… - Nguyễn Oanh - Phan" /
    "Văn Trị - Nguyễn Thái Sơn - UBND Phường 5 (…).") or right before a separator (:func:`_cut_before_step`): the
    line above holds two separators or more and ends in no sentence mark or separator; this one starts no item,
    and goes on with the same separator soon."""
    if len(_STEP_SEP.findall(prev)) < 2 or prev.rstrip()[-1:] in ".;:!?)":
        return False
    if _ITEM_START.match(line):
        return _cut_before_step(prev, line)
    if re.match(r"[^:]{1,40}:\s", line):
        return False  # "Lượt về: A - B": a labelled line starts anew
    first = _STEP_SEP.search(line)
    return first is not None and first.start() <= 40 and not _STEP_SEP.search(prev.rstrip()[-3:] + " ")


#: A list's separator at a line's start, then the next step (a wrap fell right before the separator).
_LEADING_STEP = re.compile(r"^[-–]\s+(?=\S)")


#: A list's last step so far a junction named by a street, after a separator ("… → Vòng xoay Lê Lợi", "… - ngã
#: tư Trần Phú"): a dash that follows may join its second street ("– Quang Trung (quay đầu) → …").
_ENDS_CROSSING = re.compile(
    r"(?:→|->|=>|\s[-–—]\s)\s*(?i:(?:đến|tới|về)\s+)?(?i:vòng xoay|bùng binh|ngã\s+(?:ba|tư|năm|sáu)|giao lộ|nút giao)"
    r"\s+[" + CAPITAL_LETTERS + r"][^→\-–—,;()]*$"
)


def _cut_before_step(prev: str, line: str) -> bool:
    """Whether a line that starts with a dash is the next step of the list the long line above was cut in, right
    before its separator ("… - Lê Lợi - 3 Tháng 2" / "- về lại Quảng trường A (…)."; "… - Đ. Phạm Văn Đồng" /
    "- Đ. Lê Quang Định - Đ. …"), or the second street of the junction it ends with ("… → Vòng xoay Lê Lợi" /
    "– Quang Trung (quay đầu) → …"): the line above is long and separates its steps with that dash (or ends in
    such a junction), and this one names no label and goes on in lower case or with the same separator."""
    lead = _LEADING_STEP.match(line)
    if lead is None or len(prev) < _LONG_LINE or prev.rstrip()[-1:] in ".;:!?),":
        return False
    rest = line[lead.end() :]
    if re.match(r"[^:]{1,40}:\s", rest):
        return False  # "- Thời gian: …": an item of its own
    if _ENDS_CROSSING.search(prev.rstrip()) and _STEP_SEP.search(rest[:60]):
        return True  # the junction's second street, then the list's next separator
    return f" {line[0]} " in prev and (rest[:1].islower() or f" {line[0]} " in rest[:40])


#: The length of a line that was cut at a width (a PDF's text layer, a mail at 72 to 80 columns): a shorter one
#: stands alone.
_LONG_LINE = 60
#: A person at a line's end, with an honorific and their name ("… đồng chí Phan Văn A"): their title may follow.
_ENDS_PERSON = re.compile(
    r"(?:^|[\s(,;])(?i:đồng chí|đ/c|ông|bà|anh|chị|thầy|cô)\s+(?:[" + CAPITAL_LETTERS + r"][^\W\d_]*\s+){0,3}"
    r"[" + CAPITAL_LETTERS + r"][^\W\d_]*$"
)
#: A dash and an official's title at a line's start ("- Phó Chủ tịch UBND phường", "– Hiệu trưởng …") (folded).
_TITLE_START = re.compile(
    r"^[-–]\s+(?:pho\s+)?(?:chu tich|bi thu|giam doc|hieu truong|hieu pho|truong|thu truong|chanh|can bo"
    r"|cong chuc|p?ct|p?bt|p?gd)\b(?![^:]{0,20}:)"
)


def _title_goes_on(prev: str, line: str) -> bool:
    """Whether a line that starts with a dash gives the title of the person the line above ends with, which a wrap
    cut before the dash ("… đồng chí Lý Văn A" / "- Chủ tịch UBND phường chủ trì.")."""
    return _ENDS_PERSON.search(prev) is not None and _TITLE_START.match(fold(line)) is not None


#: A line's end that leaves a time unsaid or half said: a deadline's cue ("… nộp về Văn phòng trước") or a clock
#: time whose day is still to come ("… trước 15g00").
_ENDS_BEFORE = re.compile(
    r"(?:^|\s)(?:trước|chậm nhất|hạn chót|hạn|\d{1,2}\s?(?:[hg:]\s?\d{2}|[hg]|giờ(?:\s\d{1,2}(?:\sphút)?)?))$",
    re.IGNORECASE,
)
#: A clock time, a date or a weekday at a line's start ("16g00 ngày 30/9", "10/10.", "ngày 02/10", "Thứ Năm, …").
_WHEN_START = re.compile(
    r"^(?:\d{1,2}\s?(?::\s?\d{2}|[hg]\s?\d{0,2}|\s?giờ)(?!\d)|\d{1,2}/\d{1,2}|(?i:ngày)\s+\d"
    r"|(?i:thứ)\s+(?:[2-7]|Hai|Ba|Tư|Năm|Sáu|Bảy|hai|ba|tư|năm|sáu|bảy)\b|(?i:chủ nhật)\b)"
)


def _deadline_goes_on(prev: str, line: str) -> bool:
    """Whether a line cut after a deadline's cue or a clock goes on with its time, date or day ("… trước" /
    "16g00 ngày 30/9.", "… trước 15g00" / "Thứ Năm, ngày 02/10/2025.")."""
    return _ENDS_BEFORE.search(prev) is not None and _WHEN_START.match(line) is not None


#: A label at a long line's end, after a sentence ("… của phường. Địa điểm:"): its value is on the next line.
_ENDS_LABEL = re.compile(r"[.;]\s+[" + CAPITAL_LETTERS + r"][^\W\d_]*(?:\s[^\W\d_]+){0,3}:$")


#: A person's name begun at a line's end after their honorific, one to three words of it ("… ông Đỗ", "… đ/c Đào
#: Thị", "… bà Huỳnh Thị Kiều"): a full name has two words or more, up to five, and its rest may be on the next line.
_ENDS_NAME_BEGUN = re.compile(
    r"(?:^|[\s(,;])(?i:đồng chí|đ/c|ông|bà|anh|chị|thầy|cô)\s+(?:[" + CAPITAL_LETTERS + r"][^\W\d_A-Z]*\s+){0,2}"
    r"[" + CAPITAL_LETTERS + r"][^\W\d_A-Z]*$"
)
#: A name's word at a line's start, as a word of its own ("Văn Khải – …", "Minh Đức, …").
_NAME_START = re.compile(r"^[" + CAPITAL_LETTERS + r"][^\W\d_A-Z]*(?=[\s,;.()–-]|$)")
#: A line that names a person of its own: an honorific at its start ("Đồng chí A, …:", "Bà B – …").
_PERSON_START = re.compile(r"^(?i:đồng chí|đ/c|ông|bà|anh|chị|thầy|cô)\s")


def _name_goes_on(prev: str, line: str) -> bool:
    """Whether a line cut inside a person's name goes on in the next ("… ông Đỗ" / "Văn Khải – Chủ tịch …"): the
    line ends with an honorific and a name's first words, this one opens with a name's word and starts no item,
    label, person ("Đồng chí B, Phó Chủ tịch:") or heading of its own, nor is a heading over what follows (a colon
    at its end)."""
    if not _ENDS_NAME_BEGUN.search(prev) or not _NAME_START.match(line) or _PERSON_START.match(line):
        return False
    if line.endswith(":") or _ITEM_START.match(line) or _own_paragraph(line):
        return False
    return not _heading(prev) and not _in_capitals(line)


def _label_goes_on(prev: str, line: str) -> bool:
    """Whether a line gives the value of the label the line above ends with after a sentence ("… dự Lễ khai mạc.
    Địa điểm:" / "Trường THCS A, số 4 đường B."): no item and no label of its own."""
    return _ENDS_LABEL.search(prev) is not None and not _own_paragraph(line)


def _long_line_goes_on(above: str, line: str) -> bool:
    """Whether a long line (a PDF's text layer or a mail cut at a width the text may not show elsewhere) goes on
    in ``line``: cut between a person's name and title, inside a deadline, between a label and its value, or
    inside a person's name."""
    if len(above) < _LONG_LINE:
        return False
    rules = (_title_goes_on, _deadline_goes_on, _label_goes_on, _name_goes_on)
    return any(rule(above, line) for rule in rules)


#: A route's label ("Lộ trình:", "- Tuyến đường:", "Hành trình đi:") at a line's start (folded).
_ROUTE_LABEL = re.compile(r"^(?:" + BULLET_MARK + r"\s*)?(?:lo trinh|tuyen duong|tuyen|hanh trinh)\b[^:]{0,30}:\s")
#: A dash and a name that go on a route's list of steps on a line of its own ("- Mũi tàu A, nhập vào sau Khối 1.",
#: "- Chợ B."): a few words, the first with a capital, up to a comma or the end (as written).
_STEP_GOES_ON = re.compile(r"^[-–]\s+(?=[^\W\d_])(?P<name>[^,;.:()\d]{2,60}?)\s*(?:[,;.(]|$)")


#: What may follow a step that goes on a route on its own line: nothing, or the column's next move or wait ("…, nhập
#: vào sau Khối 1.", "…, rồi về B", "… thì giải tán", "…, đi sau Khối 1") (folded).
_STEP_TAIL = re.compile(
    r"^\s*[.;]?\s*$|^\s*[,;]?\s*(?:thi\s+|roi\s+)?"
    r"(?:nhap|ve|den|toi|giai tan|ket thuc|dung|quay|tiep tuc|re|di|chay|cho|doi|theo sau)\b"
)


def _route_goes_on(prev: str, line: str) -> bool:
    """Whether a line that starts with a dash goes on the route's steps above it, which a page break or the writer
    cut ("- Lộ trình: A - đường B (hướng về C)" / "- Mũi tàu D, nhập vào sau Khối 1."): the line above is a route's
    label with a step separator after it and no sentence mark at its end; this one names one step, no label."""
    label = _ROUTE_LABEL.match(fold(prev))
    if label is None or not _STEP_SEP.search(prev[label.end() :]) or prev.rstrip()[-1:] in ".;:!?,":
        return False
    m = _STEP_GOES_ON.match(line)
    if m is None or not m.group("name")[:1].isupper() or len(m.group("name").split()) > 6:
        return False
    return _STEP_TAIL.match(fold(line[m.end("name") :])) is not None  # not "- Cấm dừng, đỗ xe trên đường A …"


#: A line's start that only finishes the phrase the line before left open: a bracket ("(01) xe ô tô …") or one to
#: three words up to a comma, semicolon or full stop ("Hiền;" after "… đi thẳng đến Ngã tư Bảy").
_PHRASE_TAIL = re.compile(r"^(?:\(|[^\s,;.:()]+(?:[ ][^\s,;.:()]+){0,2}[,;.](?:\s|$))")


def _cut_mid_phrase(prev: str, line: str) -> bool:
    """Whether a long line cut with no mark at its end (a PDF copied as hard-wrapped lines) goes on in ``line``,
    which starts with only the rest of its phrase (:data:`_PHRASE_TAIL`) and no item of its own."""
    if len(prev) < 80 or not prev[-1:].isalnum() or _PHRASE_TAIL.match(line) is None or _LABEL_START.match(line):
        return False
    # "… một" / "(01) xe ô tô": a count written in words, then in digits (no numbered item)
    counted = re.match(r"\(\d{1,3}\)\s", line) is not None and re.search(r"(?i)\b" + _NUMBER_WORDS + r"$", prev)
    return bool(counted) or not _ITEM_START.match(line)


#: A place begun at a line's end: "tại" (or a route's arrow) then its words with no mark after them, in lower case only
#: ("… tập trung tại bãi đỗ", a place's kind whose name is still to come; group ``kind``) or ending in a capitalised
#: word ("… tại Quảng trường Bạch", "… → Nhà văn hóa Tân", a name cut inside; group ``name``).
_ENDS_PLACE_BEGUN = re.compile(
    r"(?:(?<!\w)(?:tại|ở)|→|->|=>)\s+(?:(?P<kind>["
    + _SMALL_VOWELS
    + r"a-zđ]+(?:[ ]["
    + _SMALL_VOWELS
    + r"a-zđ]+){0,2})"
    r"|(?P<name>[^\s,;:.()→]+(?:[ ][^\s,;:.()→]+){0,6}?[ ][" + CAPITAL_LETTERS + r"][^\W\d_]*))$"
)
#: A line that opens with the rest of a place's name, capitalised words only, up to a bracket, a comma, a semicolon,
#: a full stop or its end ("Ngưu (đại biểu …).", "Thới Hiệp (kết thúc).").
_NAME_REST = re.compile(
    r"^[" + CAPITAL_LETTERS + r"][^\W\d_]*(?:[ ][" + CAPITAL_LETTERS + r"][^\W\d_]*){0,3}(?:\s*[(,;.]|$)"
)


def _cut_in_a_list_bracket_or_place(prev: str, line: str) -> bool:
    """Whether ``line`` goes on the line right above it, cut inside a list of steps (:func:`_list_goes_on`), a
    bracket (:func:`_bracket_goes_on`) or a place (:func:`_place_goes_on`)."""
    return _list_goes_on(prev, line) or _bracket_goes_on(prev, line) or _place_goes_on(prev, line)


def _place_goes_on(prev: str, line: str) -> bool:
    """Whether a line cut inside the place the line above begins goes on in ``line`` ("… tại bãi đỗ" / "Nhà văn hóa
    A; xuất phát …", "… tại Quảng trường Bạch" / "Ngưu (đại biểu …)."): after a place's kind in lower case the line
    opens with a capitalised word, after a name begun it opens with only the name's rest (:data:`_NAME_REST`); the
    line above is long (cut at a width, not a heading's "2. Lễ khai mạc tại các điểm") and the line starts no item,
    label, paragraph or heading of its own."""
    m = _ENDS_PLACE_BEGUN.search(prev)
    if m is None or len(prev) < _LONG_LINE or not line[:1].isupper() or _ITEM_START.match(line):
        return False
    if _LABEL_START.match(line) or re.match(r"(?:các|những|mọi|nhiều)\s", m.group("kind") or ""):
        return False  # "… tại các điểm": places said whole, in the plural
    if _own_paragraph(line) or _in_capitals(line) or _heading(prev):
        return False
    return m.group("kind") is not None or _NAME_REST.match(line) is not None


#: A labelled field's start ("Tổng chiều dài: …", "Phương tiện:").
_LABEL_START = re.compile(r"^[^\W\d_][^:;,.]{0,40}:")


def _bracket_goes_on(prev: str, line: str) -> bool:
    """Whether a line closes the bracket the line before left open ("… tại Trường A (TP." / "Quảng Ngãi).")."""
    return (
        prev.count("(") > prev.count(")")
        and ")" in line
        and line.count(")") > line.count("(")
        and not _ITEM_START.match(line)
    )


#: A clock time at a line's start ("06g45 Chào cờ", "7h30 - 8h00: …", "14:00 Họp"): a programme's row.
_CLOCK_ROW = re.compile(r"^\d{1,2}\s?(?:[:hg]\s?\d{2}|giờ)(?!\d)")


def _next_row(para: str, line: str) -> bool:
    """Whether a line is a programme's next row, not the rest of the row above: both open with a clock time."""
    return _CLOCK_ROW.match(para) is not None and _CLOCK_ROW.match(line) is not None


def _rest_goes_on(prev_line: str, line: str, in_table: bool) -> bool:
    """Whether the rest of a line cut at the width, cut again in a shorter line (a PDF's lines wrapped a second
    time: "… rẽ trái vào đường A, lưu thông trên" / "Quốc lộ 1 đến Ngã 4" / "Chùa B thì quay đầu, …"), goes on in
    ``line``: it ends with no sentence mark, and ``line`` starts no item, paragraph or heading of its own."""
    if in_table or not prev_line[-1:].isalnum() or _ITEM_START.match(line) or _own_paragraph(line):
        return False
    return not (_DASH_RULE.match(line) or _heading(prev_line) or _in_capitals(line))


@dataclass(frozen=True)
class _Cut:
    """How a text's lines were cut: the width of a hard-wrapped text (:func:`wrap_width`), of a text cut with no
    blank lines between its paragraphs (:func:`cut_width`), and the width its lines were cut at (:func:`cut_at`)."""

    width: int | None
    cut: int | None
    room: int | None


def _cut_goes_on(at: _Cut, before: str, line: str, para: str, in_table: bool, rest_of_cut: bool) -> bool:
    """Whether ``line`` goes on the paragraph ``para`` that the line right above it (``before``) was cut from: a
    filled line of a hard-wrapped text (:func:`_wrapped`) or of a text cut at a width (:func:`_cut_inside`), or the
    rest of a line cut twice (:func:`_rest_goes_on`); never a programme's next row (:func:`_next_row`)."""
    goes_on = _wrapped(before, line, at.width, in_table, at.room)
    goes_on = goes_on or _cut_inside(before, line, at.cut, in_table, para, at.room)
    goes_on = goes_on or (rest_of_cut and _rest_goes_on(before, line, in_table))
    return goes_on and not (para and _next_row(para, line))


def logical_lines(text: str, max_blank: int = 6) -> list[str]:
    """Join lines that text extraction broke inside a sentence; drop blank lines.

    A line is continued by the next non-blank line (up to ``max_blank`` blank lines apart) when the next one
    starts in lower case and this one does not end a sentence, when either side of the break is a route
    separator ("→", "->", …), when this one ends with a label's colon and the next starts with a clock time, or
    when the next closes a bracket this one left open or names the unit this one ends abbreviating ("TP.");
    in a hard-wrapped text (:func:`wrap_width`) a filled line is continued by the next one with no blank line
    between (outside ruled tables) unless that one starts an item (:func:`_wrapped`); in a text cut at a width with
    no blank line between its paragraphs (:func:`cut_width`) a filled line with no sentence mark at its end (or no
    room left) is continued by the next one unless either is a heading or that one starts a paragraph of its own
    (:func:`_cut_inside`); a long line cut in a name, before a title, in a deadline or after a label goes on in
    any text (:func:`_long_line_goes_on`). A line that is only an arrow ("↓", "|") joins the steps above and below
    it with "→", as a line that starts with a downward arrow ("↓ Đường B") joins its step to the one above.

    Parameters
    ----------
    text : str
        Cleaned text.
    max_blank : int
        Largest number of blank lines a continuation may skip.

    Returns
    -------
    list of str
        The logical lines, none empty.
    """
    raw = text.split("\n")
    width = wrap_width(raw)
    cut = None if width is not None else cut_width(raw)
    room = cut_at(raw, width if width is not None else cut)
    tables = _ruled_tables(raw)
    dashes = dash_bullets(raw)
    out: list[str] = []
    blanks = 0
    before, rest_of_cut = "", False  # the physical line before this one; whether it was the rest of a cut line
    for k, line in enumerate(raw):
        if not line:
            blanks += 1
            continue
        if out and _LONE_ARROW.match(line):  # "A / ↓ / B": one line of steps "A → B"
            out[-1] = f"{out[-1]} →"
            blanks, before = 0, line
            continue
        down = _DOWN_START.match(line)
        if out and down:  # "A / ↓ B / ↓ C": the same
            out[-1] = f"{out[-1].rstrip(' →')} → {line[down.end() :]}"
            blanks, before = 0, line
            continue
        above = before if blanks == 0 else ""  # the physical line right above this one, if no blank between
        para = out[-1] if out else ""
        wrapped = blanks == 0 and _cut_goes_on(_Cut(width, cut, room), before, line, para, k in tables, rest_of_cut)
        before, rest_of_cut = line, wrapped and (width is not None or cut is not None)
        if out and blanks == 0 and re.search(r"[^\W\d_]-$", out[-1]) and line[:1].isalpha() and line[:1].islower():
            out[-1] = out[-1][:-1] + line  # a word hyphenated at the line's end ("Nguyễn Thị Đ-" / "ặng, rẽ …")
            before = line
            continue
        if out and blanks <= max_blank:
            prev = out[-1]
            cont = (
                _ends_sep(prev)
                or _starts_sep(line)
                or _dash_goes_on(prev, line, dashes)
                or (prev.endswith(":") and _CLOCK_START.match(line) is not None)
            )
            cont = cont or (blanks == 0 and _ENDS_OPEN.search(prev) is not None) or wrapped
            cont = cont or (blanks == 0 and _ENDS_ABBREVIATION.search(prev) is not None and not _ITEM_START.match(line))
            cont = cont or (blanks == 0 and _cut_in_a_list_bracket_or_place(prev, line))
            cont = cont or _long_line_goes_on(above, line) or (blanks == 0 and _cut_mid_phrase(out[-1], line))
            cont = cont or (blanks <= 1 and _route_goes_on(prev, line))  # (over a page break too)
            if not cont and _starts_lower(line):
                cont = prev[-1:] not in _TERMINAL or prev.endswith(":") or (prev.endswith(";") and blanks == 0)
                cont = cont and not (prev[-1:] in ".;!?" and blanks > 0)
            if cont:
                out[-1] = f"{prev} {line}"
                blanks = 0
                continue
        out.append(line)
        blanks = 0
    return out


@dataclass(frozen=True)
class Folded:
    """A piece of text with its folded twin, so that rules match accent-free and slice the original."""

    text: str
    low: str

    @classmethod
    def of(cls, text: str) -> Folded:
        """Fold ``text``."""
        return cls(text, fold(text))

    def find(self, pattern: str | re.Pattern[str], start: int = 0) -> re.Match[str] | None:
        """First match of a folded-text pattern."""
        rx = pattern if isinstance(pattern, re.Pattern) else re.compile(pattern)
        return rx.search(self.low, start)

    def sub(self, start: int, end: int) -> str:
        """The original text between two positions, stripped."""
        return self.text[start:end].strip()


def tidy(name: str) -> str:
    """Strip spaces, quotes, bullets and trailing punctuation from a name."""
    name = re.sub(r"\s+", " ", name).strip()
    name = name.strip(" \t-–—+•·.,;:“”\"'‘’")
    return name


def capitalize(text: str) -> str:
    """Upper-case the first letter only."""
    return text[:1].upper() + text[1:] if text else text


def slug(text: str, sep: str = "_", max_len: int = 48) -> str:
    """An ASCII identifier from a Vietnamese name ("Ngã 3 Tham lương" → "nga_3_tham_luong")."""
    low = fold(text)
    low = re.sub(r"\buy ban nhan dan\b", "ubnd", low)
    low = re.sub(r"[^a-z0-9]+", sep, low).strip(sep)
    low = low[:max_len].rstrip(sep)
    return low or "x"
