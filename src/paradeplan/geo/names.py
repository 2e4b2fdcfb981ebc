"""The one name normaliser: how Vietnamese officials write names, folded into keys for matching.

Used by the gazetteer, the street index (route street names, named points) and the importer's place keys, so
that "Trường THCS Nguyễn Ảnh Thủ" finds "Trường Trung học cơ sở Nguyễn Ảnh Thủ", "UBND P.5" finds "Ủy ban nhân
dân Phường 5" and "Ngã 3 Tham lương" finds "Ngã ba Tham Lương". Keys keep the diacritics: ignoring them is only a
fallback (:func:`accent_blind_equal`), taken when one of the two names is written without any, so that "Đinh"
never equals "Đình" when both are written with accents.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPACE = re.compile(r"\s+")

#: The capital and the small letters Vietnamese is written with, as the body of a regular expression's character
#: class ("[" + CAPITAL_LETTERS + "]" is a capital): the range "À-Ỹ" holds small letters too ("ấ", "đ", "ỳ").
CAPITAL_LETTERS = "A-ZĐ" + "".join(
    c for c in map(chr, range(0xC0, 0x1EFA)) if c.isupper() and unicodedata.normalize("NFD", c)[0].isascii()
)
SMALL_LETTERS = "a-zđ" + "".join(
    c for c in map(chr, range(0xC0, 0x1EFA)) if c.islower() and unicodedata.normalize("NFD", c)[0].isascii()
)

#: Abbreviations official documents use (lower case, NFC) → the words they stand for. Order matters: longer
#: forms first. Each applies only as a whole word (letters or digits do not touch it).
ABBREVIATIONS: tuple[tuple[str, str], ...] = (  # words as data: abbreviations to expand
    ("ttvh-tt", "trung tâm văn hóa - thể thao"),
    ("ttvh - tt", "trung tâm văn hóa - thể thao"),
    ("ttvh", "trung tâm văn hóa"),
    ("tthtcđ", "trung tâm học tập cộng đồng"),
    ("tt htcđ", "trung tâm học tập cộng đồng"),
    ("trung tâm htcđ", "trung tâm học tập cộng đồng"),
    ("ubmttq", "ủy ban mặt trận tổ quốc"),
    ("ubnd", "ủy ban nhân dân"),
    ("hđnd", "hội đồng nhân dân"),
    ("thcs", "trung học cơ sở"),
    ("thpt", "trung học phổ thông"),
    ("gdđt", "giáo dục và đào tạo"),
    ("gd&đt", "giáo dục và đào tạo"),
    ("csgt", "cảnh sát giao thông"),
    ("svđ", "sân vận động"),
    ("nvh", "nhà văn hóa"),
    ("cv", "công viên"),
    # a roundabout by its regional names ("bùng binh" in the South, "vòng xuyến" in the North): one word here
    ("bùng binh", "vòng xoay"),
    ("bồn binh", "vòng xoay"),
    ("vòng xuyến", "vòng xoay"),
    ("ql", "quốc lộ"),
    ("tl", "tỉnh lộ"),
)
#: Road numbers glued to their kind ("QL1", "QL.22", "TL 15").
_ROAD_NUMBER = re.compile(r"(?<![^\W_])(ql|tl|đt)\.?\s*(?=\d)")
_ROAD_KIND = {"ql": "quốc lộ ", "tl": "tỉnh lộ ", "đt": "đường tỉnh "}  # words as data: abbreviations to expand
#: "Trường TH …" and "Trường MN …": the level words only after "trường".
_SCHOOL_LEVEL = (("th", "tiểu học"), ("mn", "mầm non"), ("mg", "mẫu giáo"))  # words as data: abbreviations to expand
#: Unit kinds written short before a name or number ("P.5", "Q. Gò Vấp", "TP. Thủ Đức", "TX. Kiến Tường").
_UNIT_SHORT = (  # words as data: abbreviations to expand
    ("tp", "thành phố"),
    ("tx", "thị xã"),
    ("tt", "thị trấn"),
    ("p", "phường"),
    ("q", "quận"),
    ("h", "huyện"),
)
#: Junctions written with a digit ("Ngã 3") or a word ("Ngã ba").
JUNCTION_WORDS = (("3", "ba"), ("4", "tư"), ("5", "năm"), ("6", "sáu"), ("bốn", "tư"))
#: Old-style tone placement (on the second vowel of "oa", "oe", "uy" at a syllable's end) → the modern one.
_TONES = "\u0300\u0301\u0303\u0309\u0323"
_OLD_TONE = re.compile(r"(?<![qQ])([oOuU])([aAeEyY])([" + _TONES + r"])(?![^\W\d_]|[\u0300-\u036f])")
#: Leading words that only say what kind of street follows ("đường Tô Ký", "phố Huế", "tuyến Lê Duẩn").
_STREET_PREFIX = re.compile(r"^(?:đường|duong|đ\.|d\.|phố|tuyến đường|tuyến|các tuyến đường)\s+(?=\S)")
#: "Đường số 5", "Đường 18E", "Phố 1": the prefix is part of the name when a number follows.
_NUMBERED_STREET = re.compile(r"^(?:đường|phố)\s+(?:số\s+)?\d")


#: The unit kinds :func:`written_out_units` writes out: a city, town, ward or district before its name or number
#: ("TT." may be "trung tâm", "H." a person's initial: those stay as written).
_UNIT_WRITTEN = re.compile(r"(?<![^\W_])(TP|TX|P|Q)\.\s*(?=\d|(?-i:[" + CAPITAL_LETTERS + r"]))", re.IGNORECASE)


def written_out_units(name: str) -> str:
    """A name with its units' kinds written out as a reader says them, case kept ("UBND P.5" → "UBND Phường 5",
    "Q. Gò Vấp" → "Quận Gò Vấp", "TP. Thủ Đức" → "Thành phố Thủ Đức"): the name the plan shows."""
    words = dict(_UNIT_SHORT)
    return _UNIT_WRITTEN.sub(lambda m: words[m.group(1).lower()].capitalize() + " ", name)


def nfc(text: str) -> str:
    """``text`` in Unicode NFC with single spaces."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def modern_tones(text: str) -> str:
    """Tone marks on the first vowel of "oa/oe/uy" at a syllable's end ("hoà" → "hòa", "uỷ" → "ủy")."""
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", _OLD_TONE.sub(lambda m: m.group(1) + m.group(3) + m.group(2), decomposed))


@lru_cache(maxsize=65536)
def strip_diacritics(text: str) -> str:
    """Remove Vietnamese diacritics ("Đỗ Mười" → "Do Muoi")."""
    decomposed = unicodedata.normalize("NFD", text)
    out = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return out.replace("đ", "d").replace("Đ", "D")


def has_diacritics(text: str) -> bool:
    """Whether a name is written with any Vietnamese mark or "đ"."""
    return strip_diacritics(text) != text


def _word(abbr: str) -> re.Pattern[str]:
    return re.compile(r"(?<![^\W_])" + re.escape(abbr) + r"(?![^\W_])")


_ABBR_RX = tuple((_word(a), full) for a, full in ABBREVIATIONS)
_SCHOOL_RX = tuple((re.compile(r"\btrường\s+" + a + r"(?![^\W_])"), "trường " + full) for a, full in _SCHOOL_LEVEL)
_UNIT_RX = tuple((re.compile(r"(?<![^\W_])" + a + r"\.\s*(?=[^\W_])"), full + " ") for a, full in _UNIT_SHORT)
_JUNCTION_RX = tuple((re.compile(r"\bngã\s+" + a + r"(?![^\W_])"), "ngã " + w) for a, w in JUNCTION_WORDS)
#: "Trụ sở" (the seat of) before a body's name.
_SEAT = re.compile(r"^trụ sở\s+(?=\S)")
_FORMER = re.compile(r"\s*\(?\bcũ\)?\s*$")
#: How a name joins two parts of one body ("Trung học cơ sở&Trung học phổ thông", "… cơ sở và Trung học …",
#: "THCS-THPT", "Văn hóa & Thể thao"): "&", or "và" between two school levels, is written as "-".
_LEVELS_JOINED = re.compile(r"\s*&\s*|(?<=cơ sở)\s+và\s+(?=trung học)|(?<=tiểu học)\s+và\s+(?=trung học)")
#: A school named by its level alone ("THCS An Phú Đông", "THPT Nguyễn Du"), after the abbreviations are written out.
_BARE_SCHOOL = re.compile(r"^(?=(?:trung học cơ sở|trung học phổ thông|tiểu học|mầm non)\s+\S)")
_NUMBER_ZERO = re.compile(r"\b(phường|quận|xã|số)\s+0+(?=\d)")


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """The matching key of a name, keeping its diacritics: NFC, modern tone marks, lower case, abbreviations
    written out, "Ngã 3" = "Ngã ba", "P.5" = "Phường 5" = "Phường 05", without a leading "đường/phố/tuyến" or
    "trụ sở".

    Examples
    --------
    >>> name_key("Trường THCS Nguyễn Ảnh Thủ") == name_key("Trường Trung học cơ sở Nguyễn Ảnh Thủ")
    True
    >>> name_key("Đường Tô Ký")
    'tô ký'
    """
    text = modern_tones(nfc(name)).casefold()
    text = text.replace("–", "-").replace("—", "-")
    text = _ROAD_NUMBER.sub(lambda m: _ROAD_KIND[m.group(1)], text)
    for rx, full in _UNIT_RX:
        text = rx.sub(full, text)
    for rx, full in _ABBR_RX:
        text = rx.sub(full, text)
    for rx, full in _SCHOOL_RX:
        text = rx.sub(full, text)
    for rx, w in _JUNCTION_RX:
        text = rx.sub(w, text)
    text = _LEVELS_JOINED.sub("-", text)  # "THCS-THPT" = "Trung học cơ sở&Trung học phổ thông"
    text = _BARE_SCHOOL.sub("trường ", text)  # "THCS An Phú Đông": the school
    text = _NUMBER_ZERO.sub(r"\1 ", text)
    text = _FORMER.sub("", text)  # "UBND Quận 12 cũ", "(cũ)": the same place under its former unit's name
    # a dash joins two words of one name as a space does ("Lao động - Xã hội" = "Lao động Xã hội", "THCS-THPT")
    text = _SPACE.sub(" ", text.replace("-", " ")).strip(" .,;:")
    if not _NUMBERED_STREET.match(text):
        text = _STREET_PREFIX.sub("", text)
    text = _SEAT.sub("", text)  # "Trụ sở UBND Phường 12": the seat of a body is named by the body
    return text.strip()


@lru_cache(maxsize=65536)
def loose_name_key(name: str) -> str:
    """:func:`name_key` without diacritics (the fallback key)."""
    return strip_diacritics(name_key(name)).casefold()


def accent_blind_equal(a: str, b: str) -> bool:
    """Whether two names match ignoring diacritics, allowed only when one of them is written without any."""
    if loose_name_key(a) != loose_name_key(b):
        return False
    return not has_diacritics(a) or not has_diacritics(b)
