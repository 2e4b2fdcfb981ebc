"""Load and validate a ``paradeplan.posts/1`` instance into frozen dataclasses, reporting every problem at once."""

from __future__ import annotations

import functools
import json
import logging
import math
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date as _date_cls
from pathlib import Path
from typing import Annotated, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, BeforeValidator, ConfigDict, ValidationError, model_validator
from pydantic_core import InitErrorDetails, PydanticCustomError

from paradeplan import clock
from paradeplan.errors import InputError, Problem, TooLarge
from paradeplan.i18n import N_, _, number, os_error, tr
from paradeplan.resources import decode_utf8, lone_surrogate

log = logging.getLogger(__name__)

FORMAT = "paradeplan.posts/1"
#: Largest posts/1 file read (bytes), refused before reading: 20 MB is some 60,000 posts (about 320 bytes each),
#: six times the city benchmark's 10,000, and parses in well under 400 MB (200 MB files could take gigabytes).
MAX_BYTES = 20_000_000
#: Deepest JSON nesting (counted on the raw bytes before parsing); a posts/1 file is four levels deep.
MAX_DEPTH = 50
MAX_NEED = 100_000
MAX_PRIORITY = 1_000_000
DEFAULT_TIMEZONE = "Asia/Ho_Chi_Minh"
DEFAULT_DETOUR = 1.3
OBJECTIVES = ("units", "slack")
MAX_TRAVEL_S = 7 * 24 * 3600

DEPTH_CHUNK = 1 << 20
"""Bytes of the file looked at together while its nesting depth is counted."""


@dataclass(frozen=True)
class Post:
    """A traffic post held from ``open`` to ``close`` (seconds since midnight)."""

    id: str
    name: str
    lat: float
    lon: float
    open: int
    close: int
    need: tuple[tuple[str, int], ...]
    priority: int = 1

    def need_of(self, kind: str) -> int:
        """Number of units of ``kind`` the post needs."""
        for k, n in self.need:
            if k == kind:
                return n
        return 0


@dataclass(frozen=True)
class Unit:
    """A unit (motorbike, car, marshal) starting at ``lat``/``lon`` at ``ready``, free until ``until``."""

    id: str
    kind: str
    speed_kmh: float
    lat: float
    lon: float
    ready: int
    until: int


@dataclass(frozen=True)
class Instance:
    """A validated post-scheduling instance. Times are seconds since midnight."""

    name: str
    date: str
    timezone: str
    detour_factor: float
    posts: tuple[Post, ...]
    units: tuple[Unit, ...]
    objective: str = "units"
    """``units`` (cover, units, distance) or ``slack`` (cover, smallest slack, units, distance)."""
    travel: tuple[tuple[str, str, int], ...] = ()
    """Street travel times (FROM post or unit id, TO post id, whole seconds) replacing the formula for those pairs."""

    @property
    def travel_map(self) -> dict[str, dict[str, int]]:
        """The travel table as FROM → TO → seconds (empty when the instance has none)."""
        out: dict[str, dict[str, int]] = {}
        for a, b, s in self.travel:
            out.setdefault(a, {})[b] = s
        return out

    def travel_s(self, from_id: str, lat: float, lon: float, post: Post, speed_kmh: float) -> float:
        """Seconds a unit at ``from_id`` (its own id at its start, or a post id) needs to reach ``post``.

        The instance's ``travel`` table where it lists the pair, else the contract's formula: great-circle
        distance (R = 6371.0088 km) × ``detour_factor`` / ``speed_kmh``.
        """
        listed = self._table.get(from_id, {}).get(post.id)
        if listed is not None:
            return float(listed)
        from paradeplan.geo.distance import EARTH_RADIUS_KM, haversine_m

        return haversine_m(lat, lon, post.lat, post.lon, radius=EARTH_RADIUS_KM) * self.detour_factor / speed_kmh * 3600

    @property
    def _table(self) -> dict[str, dict[str, int]]:
        cached: dict[str, dict[str, int]] | None = self.__dict__.get("_table_cache")
        if cached is None:
            cached = self.travel_map
            object.__setattr__(self, "_table_cache", cached)
        return cached

    @property
    def kinds(self) -> list[str]:
        """Every unit kind named by a need or a unit, sorted."""
        kinds = {k for p in self.posts for k, n in p.need} | {u.kind for u in self.units}
        return sorted(kinds)


def _max_depth(raw: bytes) -> int:
    """Deepest nesting of JSON arrays/objects, ignoring brackets inside strings (1 MB at a time: small memory).

    A quote opens or closes a string unless an odd run of backslashes precedes it; the parity of the quotes seen so
    far tells which bytes lie inside strings. Both the parity and a backslash run are carried from one megabyte to
    the next (the same count as stripping the strings with a regular expression, several times faster).
    """
    import numpy as np

    if b'\\"' not in raw and b"\\\\" not in raw:  # no escaped quote or backslash (\u00e9 is fine)
        return _max_depth_plain(raw)
    arr = np.frombuffer(raw, dtype=np.uint8)
    depth = best = 0
    inside = 0  # 1 when the previous megabyte ended inside a string
    run = 0  # backslashes ending the previous megabyte
    for start in range(0, len(arr), DEPTH_CHUNK):
        part = arr[start : start + DEPTH_CHUNK]
        pos = np.arange(len(part), dtype=np.int64)
        slash = part == ord("\\")
        # position of the last byte that is not a backslash, at or before each byte (before the part: -1 - run)
        last = np.maximum.accumulate(np.where(slash, -1 - run, pos))
        q = np.flatnonzero(part == ord('"'))
        before = np.where(q > 0, q - 1 - last[np.maximum(q - 1, 0)], run)  # backslashes right before each quote
        toggle = np.zeros(len(part), dtype=np.int64)
        toggle[q[before % 2 == 0]] = 1
        in_string = (np.cumsum(toggle) + inside) % 2 == 1
        step = ((part == ord("[")) | (part == ord("{"))).astype(np.int64)
        step -= (part == ord("]")) | (part == ord("}"))
        step[in_string] = 0
        levels = np.cumsum(step) + depth
        best = max(best, int(levels.max()))
        depth = int(levels[-1])
        inside = int(in_string[-1])
        run = int(len(part) - 1 - last[-1])
    return best


def _max_depth_plain(raw: bytes) -> int:
    """:func:`_max_depth` of a file with no escaped quote (``\\"``) nor escaped backslash (``\\\\``), such as one
    written with ``\\u`` escapes for its accented letters: every quote then opens or closes a string (a quote inside
    a string needs one of those two escapes), so a bracket lies
    inside a string exactly when an odd number of quotes precede it (counted by a binary search among the quotes'
    positions). Only the brackets and quotes are looked at (the usual file, several times faster)."""
    import numpy as np

    arr = np.frombuffer(raw, dtype=np.uint8)
    depth = best = 0
    inside = 0  # 1 when the previous megabyte ended inside a string
    for start in range(0, len(arr), DEPTH_CHUNK):
        part = arr[start : start + DEPTH_CHUNK]
        q = np.flatnonzero(part == ord('"'))
        opens = (part == ord("[")) | (part == ord("{"))
        at = np.flatnonzero(opens | (part == ord("]")) | (part == ord("}")))
        outside = (np.searchsorted(q, at) + inside) % 2 == 0
        at = at[outside]
        inside = (inside + len(q)) % 2
        if not len(at):
            continue
        levels = np.cumsum(np.where(opens[at], 1, -1)) + depth
        best = max(best, int(levels.max()))
        depth = int(levels[-1])
    return best


class _Dup:
    """Object-pairs hook that records duplicate keys."""

    def __init__(self) -> None:
        self.dups: list[str] = []

    def __call__(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        out = dict(pairs)
        if len(out) < len(pairs):
            seen: set[str] = set()
            for k, _ in pairs:
                if k in seen:
                    self.dups.append(k)
                seen.add(k)
        return out


def _parse_bytes(raw: bytes, file: str | None) -> Any:
    """Decode and parse JSON bytes, refusing bad encodings, absurd nesting and broken syntax."""
    text = decode_utf8(raw, file, _("save it as UTF-8"), _("the file is not UTF-8 text"))
    depth = _max_depth(raw)
    if depth > MAX_DEPTH:
        raise TooLarge(
            problems=[
                Problem(
                    _("JSON nested {depth} levels deep (at most {limit} allowed)").format(
                        depth=number(depth), limit=number(MAX_DEPTH)
                    ),
                    file,
                    hint=_("a posts/1 instance is only a few levels deep"),
                )
            ]
        )
    hook = _Dup()
    try:
        data = json.loads(text, object_pairs_hook=hook, parse_constant=lambda s: float(s))
    except json.JSONDecodeError as e:
        log.debug("%s: %s", file, e.msg)  # the json module's words (English): the line and column say where
        raise InputError(problems=[Problem(_("malformed JSON"), file, e.lineno, e.colno)]) from None
    except RecursionError:
        raise TooLarge(problems=[Problem(_("JSON nested too deeply"), file)]) from None
    if hook.dups:
        raise InputError(
            problems=[
                Problem(_("duplicate key {key} in a JSON object").format(key=repr(k)), file, field=k)
                for k in sorted(set(hook.dups))
            ]
        )
    half = lone_surrogate(text, data)
    if half is not None:
        raise InputError(
            problems=[
                Problem(
                    _("holds an escaped half of a character (\\u{code:04x}), which is no text").format(code=half[1]),
                    file,
                    field=half[0] or None,
                    hint=_("write the character itself, or both halves of its pair"),
                )
            ]
        )
    return data


def read_json_file(path: str | os.PathLike[str], max_bytes: int | None = None) -> Any:
    """Read a JSON file safely: size limit before reading, UTF-8, nesting depth, syntax with line/col.

    Parameters
    ----------
    path : str or PathLike
        The file.
    max_bytes : int, optional
        Refuse larger files before reading them (default :data:`MAX_BYTES`).

    Returns
    -------
    Any
        The parsed JSON value.

    Raises
    ------
    InputError
        On any of the problems above.
    """
    file = str(path)
    if max_bytes is None:
        max_bytes = MAX_BYTES
    try:
        size = os.stat(path).st_size
        if size > max_bytes:
            raise TooLarge(
                problems=[
                    Problem(
                        _("file is {size} bytes, more than the limit of {limit} bytes").format(
                            size=number(size), limit=number(max_bytes)
                        ),
                        file,
                        hint=_("check that it is the right file; limits: docs/limits.md"),
                    )
                ]
            )
        raw = Path(path).read_bytes()
    except InputError:
        raise
    except IsADirectoryError:
        raise InputError(problems=[Problem(_("is a folder, not a file"), file)]) from None
    except OSError as e:
        what = _("cannot read the file: {error}").format(error=os_error(e))
        raise InputError(problems=[Problem(what, file)]) from None
    return _parse_bytes(raw, file)


#: What a JSON value is, as a refusal names it.
_TYPE_NAMES = {dict: N_("an object"), list: N_("an array"), str: N_("a string"), int: N_("a number")}


def _type_name(v: Any) -> str:
    if v is None:
        return _("null")
    if isinstance(v, bool):
        return _("a true/false value")
    return tr(_TYPE_NAMES.get(type(v), N_("a number")))


def _bad(message: str, hint: str | None = None, at: str | None = None) -> PydanticCustomError:
    """A refusal in our words (``at``: a field of the model being validated, for checks across its fields)."""
    # the context's other keys are substituted first, so a user's text in the message is shown as it is
    return PydanticCustomError("posts", "{message}", {"posts_hint_": hint, "posts_at_": at, "message": message})


def _string(v: Any) -> str:
    if not isinstance(v, str):
        raise _bad(_("must be a string, not {what}").format(what=_type_name(v)))
    return v


def _number(lo: float | None = None, hi: float | None = None, positive: bool = False) -> BeforeValidator:
    def check(v: Any) -> float:
        if not isinstance(v, int | float) or isinstance(v, bool):
            raise _bad(_("must be a number, not {what}").format(what=_type_name(v)))
        x = float(v)
        if not math.isfinite(x):
            raise _bad(_("must be a finite number, not {value}").format(value=repr(v)))
        if positive and x <= 0:
            raise _bad(_("must be greater than 0, not {value}").format(value=repr(v)))
        if (lo is not None and x < lo) or (hi is not None and x > hi):
            raise _bad(
                _("{value} is outside [{lo}, {hi}]").format(value=repr(v), lo=number(lo or 0), hi=number(hi or 0))
            )
        return x

    return BeforeValidator(check)


def _whole(minimum: int, maximum: int) -> BeforeValidator:
    def check(v: Any) -> int:
        if not isinstance(v, int | float) or isinstance(v, bool):
            raise _bad(_("must be a whole number, not {what}").format(what=_type_name(v)))
        if isinstance(v, float) and not math.isfinite(v):
            raise _bad(_("must be a finite whole number, not {value}").format(value=repr(v)))
        if isinstance(v, float) and not v.is_integer():
            raise _bad(_("must be a whole number, not {value}").format(value=repr(v)))
        if int(v) < minimum:
            raise _bad(_("must be at least {n}, not {value}").format(n=number(minimum), value=repr(v)))
        if int(v) > maximum:
            raise _bad(_("{value} is too large (at most {n})").format(value=repr(v), n=number(maximum)))
        return int(v)

    return BeforeValidator(check)


@functools.lru_cache(maxsize=1 << 14)
def _parse_clock(text: str) -> int | None:
    """``clock.parse``, each distinct text once (a file repeats its times: 10,000 fields, some 3,000 texts)."""
    return clock.parse(text)


def _clock(v: Any) -> int:
    t = _parse_clock(_string(v))
    if t is None:
        raise _bad(_("{value} is not a time of day").format(value=repr(v)), _("use HH:MM:SS or HH:MM, 00:00-23:59:59"))
    return t


def _id(v: Any) -> str:
    if not _string(v):
        raise _bad(_("must not be empty"))
    return str(v)


def _need(v: Any) -> Any:
    if not isinstance(v, dict):
        raise _bad(_("must be an object of kind: count, not {what}").format(what=_type_name(v)))
    if "" in v:
        raise _bad(_("a unit kind must not be empty"))
    return v


def _travel_table(v: Any) -> Any:
    if not isinstance(v, dict):
        raise _bad(_("must be an object of FROM: {{TO: seconds}}, not {what}").format(what=_type_name(v)))
    for frm, row in v.items():
        if not isinstance(row, dict):
            raise PydanticCustomError(
                "posts",
                "{message}",
                {
                    "posts_at_": frm,
                    "message": _("must be an object of TO: seconds, not {what}").format(what=_type_name(row)),
                },
            )
    return v


Str = Annotated[str, BeforeValidator(_string)]
Id = Annotated[str, BeforeValidator(_id)]
Clock = Annotated[int, BeforeValidator(_clock)]
Need = Annotated[dict[str, Annotated[int, _whole(0, MAX_NEED)]], BeforeValidator(_need)]
Travel = Annotated[dict[str, dict[str, Annotated[int, _whole(0, MAX_TRAVEL_S)]]], BeforeValidator(_travel_table)]
_CFG = ConfigDict(extra="ignore", frozen=True)


class PostDoc(BaseModel):
    """A post as the posts/1 file writes it."""

    model_config = _CFG
    id: Id
    name: Str | None = None
    lat: Annotated[float, _number(-90, 90)]
    lon: Annotated[float, _number(-180, 180)]
    open: Clock
    close: Clock
    need: Need
    priority: Annotated[int, _whole(1, MAX_PRIORITY)] = 1

    @model_validator(mode="after")
    def _close_after_open(self) -> PostDoc:
        if self.close <= self.open:
            raise _bad(
                _("{close} is not after open {open}").format(close=clock.hms(self.close), open=clock.hms(self.open)),
                at="close",
            )
        return self


class UnitDoc(BaseModel):
    """A unit as the posts/1 file writes it."""

    model_config = _CFG
    id: Id
    kind: Id
    speed_kmh: Annotated[float, _number(positive=True)]
    lat: Annotated[float, _number(-90, 90)]
    lon: Annotated[float, _number(-180, 180)]
    ready: Clock
    until: Clock

    @model_validator(mode="after")
    def _until_after_ready(self) -> UnitDoc:
        if self.until <= self.ready:
            raise _bad(
                _("{until} is not after ready {ready}").format(
                    until=clock.hms(self.until), ready=clock.hms(self.ready)
                ),
                at="until",
            )
        return self


def _format(v: Any) -> str:
    if v != FORMAT:
        raise _bad(_("{value} is not {format}").format(value=repr(v), format=repr(FORMAT)))
    return FORMAT


def _date(v: Any) -> str:
    s = _string(v)
    try:
        _date_cls.fromisoformat(s)
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
            raise ValueError
    except ValueError:
        raise _bad(_("{value} is not a date").format(value=repr(s)), _("use YYYY-MM-DD")) from None
    return s


def _timezone(v: Any) -> str:
    tz = _string(v)
    try:
        if "\x00" in tz or tz.startswith("/") or ".." in tz:
            raise ValueError
        ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise _bad(
            _("{value} is not a known IANA time zone").format(value=repr(tz)),
            _("e.g. {zone}").format(zone=DEFAULT_TIMEZONE),
        ) from None
    return tz


def _objective(v: Any) -> str:
    if v not in OBJECTIVES:
        raise _bad(
            _("{value} is not one of {choices}").format(value=repr(v), choices=", ".join(map(repr, OBJECTIVES))),
            _('use "units" (the default) or "slack"'),
        )
    return str(v)


def _array(v: Any) -> Any:
    if not isinstance(v, list):
        raise _bad(_("must be an array, not {what}").format(what=_type_name(v)))
    return v


class InstanceDoc(BaseModel):
    """The posts/1 instance file: the contract's one definition (validation, defaults and serialisation)."""

    model_config = _CFG
    format: Annotated[str, BeforeValidator(_format)]
    name: Str = ""
    date: Annotated[str, BeforeValidator(_date)]
    timezone: Annotated[str, BeforeValidator(_timezone)] = DEFAULT_TIMEZONE
    detour_factor: Annotated[float, _number(positive=True)] = DEFAULT_DETOUR
    objective: Annotated[str, BeforeValidator(_objective)] = "units"
    posts: Annotated[list[PostDoc], BeforeValidator(_array)]
    units: Annotated[list[UnitDoc], BeforeValidator(_array)]
    travel: Travel | None = None

    @model_validator(mode="after")
    def _ids(self) -> InstanceDoc:
        problems: list[InitErrorDetails] = []
        twice = {
            "posts": N_("duplicate post id {id} (also posts[{i}])"),
            "units": N_("duplicate unit id {id} (also units[{i}])"),
        }
        for what, ids in (("posts", [p.id for p in self.posts]), ("units", [u.id for u in self.units])):
            seen: dict[str, int] = {}
            for i, item_id in enumerate(ids):
                if item_id in seen:
                    msg = tr(twice[what], id=repr(item_id), i=seen[item_id])
                    problems.append(_detail((what, i, "id"), msg))
                seen.setdefault(item_id, i)
        post_ids = {p.id for p in self.posts}
        for frm, row in (self.travel or {}).items():
            if frm not in post_ids and frm not in {u.id for u in self.units}:
                msg = _("{value} is neither a post nor a unit id").format(value=repr(frm))
                hint = _("FROM is a post id or a unit id")
                problems.append(_detail(("travel", frm), msg, hint))
            for to in row:
                if to not in post_ids:
                    msg = _("{value} is not a post id").format(value=repr(to))
                    problems.append(_detail(("travel", frm, to), msg, _("TO is a post id")))
        if problems:
            raise ValidationError.from_exception_data("InstanceDoc", problems)
        return self


def _detail(loc: tuple[str | int, ...], message: str, hint: str | None = None) -> InitErrorDetails:
    return {"type": _bad(message, hint), "loc": loc, "input": None}


def _field(loc: tuple[str | int, ...]) -> str:
    """``('posts', 3, 'need', 'car')`` → ``posts[3].need.car``."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _problems(exc: ValidationError, data: dict[str, Any], file: str | None) -> list[Problem]:
    """Our refusals from pydantic's errors (the first per field), in the file's words."""
    out: dict[str, Problem] = {}
    for err in exc.errors(include_url=False):
        loc = tuple(err["loc"])
        ctx = err.get("ctx") or {}
        if ctx.get("posts_at_") is not None:
            loc = (*loc, ctx["posts_at_"])
        kind = err["type"]
        if kind == "missing":
            message = _("is missing")
            hint = _('add "format": "{format}"').format(format=FORMAT) if loc == ("format",) else None
        elif kind == "posts":
            message, hint = err["msg"], ctx.get("posts_hint_")
        elif kind in ("model_type", "model_attributes_type", "dict_type"):
            message, hint = _("must be an object, not {what}").format(what=_type_name(err.get("input"))), None
        else:  # pydantic's own words (English): to the log; the field is named
            log.debug("%s: %s: %s", file, _field(loc), err["msg"])
            message, hint = _("is not a valid value here"), None
        out.setdefault(_field(loc), Problem(message, file, field=_field(loc), hint=hint))
    return list(out.values())


def _validate(data: Any, file: str | None) -> Instance:
    if not isinstance(data, dict):
        what = _("the instance must be a JSON object, not {what}").format(what=_type_name(data))
        raise InputError(problems=[Problem(what, file)])
    try:
        doc = InstanceDoc.model_validate(data)
    except ValidationError as exc:
        raise InputError(problems=_problems(exc, data, file)) from None
    posts = tuple(
        Post(
            p.id,
            p.id if p.name is None else p.name,
            p.lat,
            p.lon,
            p.open,
            p.close,
            tuple(sorted((k, n) for k, n in p.need.items() if n > 0)),
            p.priority,
        )
        for p in doc.posts
    )
    units = tuple(Unit(u.id, u.kind, u.speed_kmh, u.lat, u.lon, u.ready, u.until) for u in doc.units)
    travel = tuple(sorted((frm, to, n) for frm, row in (doc.travel or {}).items() for to, n in row.items()))
    return Instance(doc.name, doc.date, doc.timezone, doc.detour_factor, posts, units, doc.objective, travel)


def load_instance(source: str | os.PathLike[str] | Mapping[str, Any]) -> Instance:
    """Load and validate a posts/1 instance.

    Parameters
    ----------
    source : str, PathLike or Mapping
        A path to a JSON file, or the already parsed JSON object.

    Returns
    -------
    Instance
        The validated instance (times in seconds since midnight).

    Raises
    ------
    InputError
        Listing every problem found, each naming its field (exit status 2).
    """
    if isinstance(source, Mapping):
        return _validate(dict(source), None)
    data = read_json_file(source)
    try:
        return _validate(data, str(source))
    except InputError as e:
        raise _with_lines(e, Path(source)) from None


LOCATE_MAX_BYTES = 20_000_000
"""Refusals name the line of each field in files up to this size (the source map is built in pure Python)."""


def _pointer(field: str) -> str:
    """``posts[3].need.car`` → ``/posts/3/need/car`` (RFC 6901 escaping of ``~`` and ``/``)."""
    parts: list[str] = []
    for name in field.split("."):
        base, _, rest = name.partition("[")
        if base:
            parts.append(base.replace("~", "~0").replace("/", "~1"))
        for idx in rest.replace("]", "").split("[") if rest else []:
            parts.append(idx)
    return "/" + "/".join(parts) if parts else ""


def _with_lines(err: InputError, path: Path) -> InputError:
    """The same refusal with the line and column of each field (its value, else the nearest enclosing one)."""
    try:
        if path.stat().st_size > LOCATE_MAX_BYTES:
            return err
        from json_source_map import calculate

        smap = calculate(path.read_bytes().decode("utf-8-sig"))
    except Exception:  # noqa: BLE001 - locating is a courtesy; the refusal itself must get through
        return err
    problems = []
    for p in err.problems:
        if p.line is None and p.field is not None:
            ptr = _pointer(p.field)
            while ptr not in smap and ptr:
                ptr = ptr.rsplit("/", 1)[0]
            entry = smap.get(ptr)
            if entry is not None:
                loc = entry.key_start if entry.key_start is not None and ptr != _pointer(p.field) else entry.value_start
                p = replace(p, line=loc.line + 1, col=loc.column + 1)
        problems.append(p)
    return InputError(problems=problems)


def instance_to_json(instance: Instance) -> dict[str, Any]:
    """Serialise an instance back into a posts/1 JSON object.

    Parameters
    ----------
    instance : Instance
        The instance.

    Returns
    -------
    dict
        A JSON-ready object that :func:`load_instance` accepts and maps back to an equal instance.
    """
    out: dict[str, Any] = {
        "format": FORMAT,
        "name": instance.name,
        "date": instance.date,
        "timezone": instance.timezone,
        "detour_factor": instance.detour_factor,
    }
    if instance.objective != "units":
        out["objective"] = instance.objective
    out.update(
        {
            "posts": [
                {
                    "id": p.id,
                    "name": p.name,
                    "lat": p.lat,
                    "lon": p.lon,
                    "open": clock.hms(p.open),
                    "close": clock.hms(p.close),
                    "need": dict(p.need),
                    "priority": p.priority,
                }
                for p in instance.posts
            ],
            "units": [
                {
                    "id": u.id,
                    "kind": u.kind,
                    "speed_kmh": u.speed_kmh,
                    "lat": u.lat,
                    "lon": u.lon,
                    "ready": clock.hms(u.ready),
                    "until": clock.hms(u.until),
                }
                for u in instance.units
            ],
        }
    )
    if instance.travel:
        out["travel"] = {frm: dict(sorted(row.items())) for frm, row in sorted(instance.travel_map.items())}
    return out
