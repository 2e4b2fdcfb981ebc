"""The one message catalogue: gettext messages (Vietnamese, English) and Babel number, date and duration formats."""

from __future__ import annotations

import errno
import gettext as _gettext
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date
from functools import cache
from importlib import resources

#: Languages with a catalogue; the first is the default.
LANGS = ("vi", "en")
DEFAULT_LANG = "vi"
#: Babel locale of each language (numbers "2,44" in Vietnamese, "2.44" in English).
LOCALES = {"vi": "vi_VN", "en": "en"}
DOMAIN = "paradeplan"

#: A message: its English text (the msgid), or (context, text) where one English text has two meanings.
Msg = str | tuple[str, str]

_current: ContextVar[str] = ContextVar("paradeplan_lang", default=DEFAULT_LANG)


def norm_lang(lang: str | None) -> str:
    """``vi`` or ``en`` for a language tag ("vi_VN.UTF-8", "en-GB", "EN"); anything else gives the default."""
    tag = (lang or "").strip().lower().replace("-", "_")
    base = tag.split("_", 1)[0].split(".", 1)[0]
    return base if base in LANGS else DEFAULT_LANG


def lang_from_env(env: Mapping[str, str] | None = None) -> str:
    """The user's language from LANGUAGE, LC_ALL, LC_MESSAGES or LANG (as gettext reads them).

    English when the first set variable names English, Vietnamese for Vietnamese, C/POSIX or nothing; another
    language (which has no catalogue) gets English.
    """
    env = os.environ if env is None else env
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var, "")
        if not value:
            continue
        first = value.split(":", 1)[0].strip()
        base = first.lower().replace("-", "_").split("_", 1)[0].split(".", 1)[0]
        if base in ("", "c", "posix"):
            return DEFAULT_LANG
        return base if base in LANGS else "en"
    return DEFAULT_LANG


def cli_lang(argv: list[str] | None = None, env: Mapping[str, str] | None = None) -> str:
    """The language of a command's own messages and its ``--help``: ``--lang`` when the command line gives it,
    else the locale variables (:func:`lang_from_env`)."""
    import sys

    args = sys.argv[1:] if argv is None else argv
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args):
            return norm_lang(args[i + 1])
        if arg.startswith("--lang="):
            return norm_lang(arg.split("=", 1)[1])
    return lang_from_env(env)


def current_lang() -> str:
    """The language ``_()`` uses now (set by ``set_lang`` or ``use_lang``)."""
    return _current.get()


def set_lang(lang: str | None) -> str:
    """Choose the language of messages for this run (the CLI's own messages); returns it normalised."""
    value = norm_lang(lang)
    _current.set(value)
    return value


@contextmanager
def use_lang(lang: str | None) -> Iterator[str]:
    """Messages in ``lang`` inside the block (one output written in the plan's language), then as before."""
    token = _current.set(norm_lang(lang))
    try:
        yield _current.get()
    finally:
        _current.reset(token)


@cache
def translations(lang: str) -> _gettext.NullTranslations:
    """The catalogue of ``lang``, compiled by Babel from ``locale/<lang>/LC_MESSAGES/paradeplan.po`` at first use.

    The compiled ``.mo`` is kept in the user's cache (``$XDG_CACHE_HOME/paradeplan/locale``), named by the
    ``.po``'s SHA-256, so later runs only read it; without a writable cache it is compiled in memory.
    """
    import hashlib
    import io

    po = resources.files("paradeplan.i18n").joinpath("locale", norm_lang(lang), "LC_MESSAGES", f"{DOMAIN}.po")
    source = po.read_bytes()
    digest = hashlib.sha256(source).hexdigest()[:32]
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    cached = os.path.join(base, "paradeplan", "locale", f"{norm_lang(lang)}-{digest}.mo")
    try:
        with open(cached, "rb") as fh:
            return _gettext.GNUTranslations(fh)
    except (OSError, ValueError):
        pass
    data = compile_po(source, norm_lang(lang))
    try:
        os.makedirs(os.path.dirname(cached), exist_ok=True)
        tmp = f"{cached}.{os.getpid()}.tmp"
        with open(tmp, "wb") as fh:
            fh.write(data)
        os.replace(tmp, cached)
    except OSError:
        pass  # a read-only home: the catalogue lives in memory for this run
    return _gettext.GNUTranslations(io.BytesIO(data))


def compile_po(source: bytes, lang: str) -> bytes:
    """A ``.po`` file's bytes compiled to ``.mo`` bytes by Babel (fuzzy messages left out)."""
    import io

    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    out = io.BytesIO()
    write_mo(out, read_po(io.BytesIO(source), locale=lang, domain=DOMAIN), use_fuzzy=False)
    return out.getvalue()


def gettext(message: str, lang: str | None = None) -> str:
    """``message`` (English msgid) in ``lang`` (default: the current language)."""
    return translations(lang or current_lang()).gettext(message)


_ = gettext


def ngettext(singular: str, plural: str, n: int, lang: str | None = None) -> str:
    """The singular or plural form of a message for ``n`` (Vietnamese has one form)."""
    return translations(lang or current_lang()).ngettext(singular, plural, n)


def pgettext(context: str, message: str, lang: str | None = None) -> str:
    """``message`` in the sense ``context`` (the same English text said two ways in Vietnamese)."""
    return translations(lang or current_lang()).pgettext(context, message)


def N_(message: str) -> str:  # noqa: N802 (the gettext name)
    """Mark ``message`` for the catalogue without translating it (tables translated later with ``tr``)."""
    return message


def NP_(context: str, message: str) -> tuple[str, str]:  # noqa: N802 (the gettext name)
    """Mark ``message`` in the sense ``context`` for the catalogue without translating it."""
    return (context, message)


def NN_(singular: str, plural: str) -> tuple[str, str]:  # noqa: N802 (after the gettext names)
    """Mark a message with a plural form for the catalogue without translating it (``ngettext`` later)."""
    return (singular, plural)


def tr(message: Msg, lang: str | None = None, **fmt: object) -> str:
    """A marked message (``N_`` or ``NP_``) in ``lang``, formatted with ``{placeholders}`` from ``fmt``."""
    text = pgettext(message[0], message[1], lang) if isinstance(message, tuple) else gettext(message, lang)
    return text.format(**fmt) if fmt else text


# --- numbers, durations and dates (Babel, CLDR data) ---------------------------------------------------------------


#: What the system says of a failed file or network call, by error number, in the catalogue's words.
_OS_ERRORS: dict[int, str] = {
    errno.ENOENT: N_("no such file or folder"),
    errno.EACCES: N_("permission denied"),
    errno.EPERM: N_("operation not permitted"),
    errno.EISDIR: N_("it is a folder"),
    errno.ENOTDIR: N_("a part of the path is not a folder"),
    errno.EEXIST: N_("it already exists"),
    errno.ENOSPC: N_("no space left on the disk"),
    errno.EROFS: N_("the disk is read-only"),
    errno.ENAMETOOLONG: N_("the name is too long"),
    errno.ELOOP: N_("too many symbolic links"),
    errno.EADDRINUSE: N_("the address is already in use"),
    errno.EADDRNOTAVAIL: N_("the address is not on this machine"),
}


def os_error(exc: OSError, lang: str | None = None) -> str:
    """What went wrong with a file or a socket, in ``lang``: the catalogue's words for the usual error numbers, the
    system's own text otherwise."""
    known = _OS_ERRORS.get(exc.errno or -1)
    return gettext(known, lang) if known else str(exc.strerror or exc)


def _locale(lang: str | None) -> str:
    return LOCALES[norm_lang(lang or current_lang())]


def number(value: float, lang: str | None = None, digits: int = 0, *, fixed: bool = True) -> str:
    """A number as ``lang`` writes it: ``12.345,7`` (vi) or ``12,345.7`` (en), with ``digits`` decimals.

    ``fixed=False`` drops trailing zeros ("2,5" rather than "2,50").
    """
    from babel.numbers import format_decimal

    frac = ("0" if fixed else "#") * digits
    pattern = "#,##0" + (f".{frac}" if digits else "")
    return str(format_decimal(value, format=pattern, locale=_locale(lang)))


def km(meters: float, lang: str | None = None, digits: int = 2) -> str:
    """A distance in kilometres: "2,44 km" (vi), "2.44 km" (en)."""
    return f"{number(meters / 1000.0, lang, digits)} km"


def minutes(value: float, lang: str | None = None, digits: int = 0, *, signed: bool = False) -> str:
    """A duration in minutes: "10 phút" (vi), "10 min" (en); ``signed`` writes "+10,4 phút"."""
    from babel.units import format_unit

    frac = f".{'#' * digits}" if digits else ""
    pattern = f"#,##0{frac}"
    if signed:
        pattern = f"+{pattern};-{pattern}"
    return str(format_unit(value, "duration-minute", locale=_locale(lang), length="short", format=pattern))


def long_date(day: date, lang: str | None = None) -> str:
    """A date written out by Babel: "2 tháng 10, 2023" (vi), "October 2, 2023" (en)."""
    from babel.dates import format_date

    return str(format_date(day, "long", locale=_locale(lang)))


def short_date(day: date, lang: str | None = None) -> str:
    """A date for a table cell: "02/10/2023" (vi), "2023-10-02" (en)."""
    if norm_lang(lang or current_lang()) == "en":
        return day.isoformat()
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def clock(seconds: int | None) -> str:
    """``HH:MM`` of a time in seconds since midnight (the same in both languages); empty for None."""
    return "" if seconds is None else f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}"


#: Vehicle kinds in words (the plan file's ``kind`` values).
KIND_LABELS: dict[str, Msg] = {
    "police_car": N_("Police car"),
    "police_motorbike": N_("Police motorbike"),
    "flower_float": N_("Flower float"),
    "loudspeaker": N_("Loudspeaker vehicle"),
    "bus": N_("Bus"),
    "car": N_("Car"),
    "private_motorbike": N_("Motorbike"),
    "bicycle": N_("Bicycle"),
    "marching_group": N_("Marching group"),
    "other": N_("Other"),
}


def kind_name(kind: str | None, lang: str | None = None) -> str:
    """A vehicle kind in words ("xe mô tô"), never the plan file's value; empty for None."""
    if not kind:
        return ""
    return tr(KIND_LABELS[kind], lang) if kind in KIND_LABELS else kind.replace("_", " ")


#: Kinds of the street data's named points (OpenStreetMap's amenity, shop, … values) in words, for the candidates a
#: decision lists ("UBND Phường 16 (bus stop)").
POINT_KIND_LABELS: dict[str, Msg] = {
    "transit": N_("bus stop"),
    "bus_station": N_("bus station"),
    "cafe": N_("café"),
    "shop": N_("shop"),
    "restaurant": N_("restaurant"),
    "bank": N_("bank"),
    "school": N_("school"),
    "kindergarten": N_("kindergarten"),
    "college": N_("college"),
    "university": N_("university"),
    "hotel": N_("hotel"),
    "pharmacy": N_("pharmacy"),
    "shopping_mall": N_("shopping centre"),
    "marketplace": N_("market"),
    "fuel": N_("petrol station"),
    "office": N_("office"),
    "hospital": N_("hospital"),
    "clinic": N_("clinic"),
    "doctor": N_("doctor"),
    "dentist": N_("dentist"),
    "post_office": N_("post office"),
    "community_centre": N_("community centre"),
    "park": N_("park"),
    "police": N_("police station"),
    "fire_station": N_("fire station"),
    "museum": N_("museum"),
    "attraction": N_("attraction"),
    "stadium": N_("stadium"),
    "sports_centre": N_("sports centre"),
}


def point_kind_name(kind: str | None, lang: str | None = None) -> str:
    """A named point's kind in words ("trạm xe buýt"); a kind not listed as it is, "yes" (untyped) as nothing."""
    if not kind or kind == "yes":
        return ""
    return tr(POINT_KIND_LABELS[kind], lang) if kind in POINT_KIND_LABELS else kind.replace("_", " ")


#: The eight compass points, clockwise from north, each with its arrow.
COMPASS: tuple[Msg, ...] = (
    N_("↑ north"),
    N_("↗ north-east"),
    N_("→ east"),
    N_("↘ south-east"),
    N_("↓ south"),
    N_("↙ south-west"),
    N_("← west"),
    N_("↖ north-west"),
)


def compass(bearing: float, lang: str | None = None) -> str:
    """The compass point of a bearing in degrees, in words with its arrow ("↘ đông nam")."""
    return tr(COMPASS[int(((bearing % 360) + 22.5) // 45) % 8], lang)


# --- people, not ids -------------------------------------------------------------------------------------------------

#: Short display names of police vehicles by (kind, role): "Mô tô CSGT 01", "Xe CSGT mở đường 02".
_UNIT_NAMES: dict[tuple[str, str], str] = {
    ("police_motorbike", ""): N_("Police motorbike {n}"),
    ("police_car", "lead"): N_("Lead police car {n}"),
    ("police_car", "route_guard"): N_("Route police car {n}"),
    ("police_car", "tail"): N_("Tail police car {n}"),
    ("police_car", ""): N_("Police car {n}"),
}


def unit_name(name: str | None, kind: str | None, role: str | None, uid: str, lang: str | None = None) -> str:
    """What a person calls a unit: "Mô tô CSGT 01", "Xe CSGT mở đường 02", or the vehicle's own name.

    Police vehicles numbered within their group (a name or id ending in a number) get the short name of their kind
    and role; any other vehicle keeps its display name ("Xe hoa phường Thới An"). Never the id, unless it has nothing
    else.
    """
    import re

    text = (name or "").strip()
    key = (kind or "", role or "")
    pattern = _UNIT_NAMES.get(key) or _UNIT_NAMES.get((kind or "", ""))
    if pattern is not None:
        found = re.search(r"(?:^|[\s\-_])(\d{1,3})$", text) or re.search(r"(?:^|[\s\-_])(\d{1,3})$", uid)
        if found:
            return gettext(pattern, lang).format(n=f"{int(found.group(1)):02d}")
        return gettext(pattern, lang).format(n="").strip()
    return text or uid
