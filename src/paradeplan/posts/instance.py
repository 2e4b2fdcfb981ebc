"""Load and validate a ``paradeplan.posts/1`` instance into frozen dataclasses, reporting every problem at once."""

from __future__ import annotations

import json
import math
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date as _date
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from paradeplan import clock
from paradeplan.errors import InputError, Problem, ProblemList
from paradeplan.resources import decode_utf8

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

_STRING_RE = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)


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
    """Deepest nesting of JSON arrays/objects, ignoring brackets inside strings (1 MB at a time: small memory)."""
    import numpy as np

    stripped = _STRING_RE.sub(b'""', raw)
    arr = np.frombuffer(stripped, dtype=np.uint8)
    depth = best = 0
    for start in range(0, len(arr), 1 << 20):
        part = arr[start : start + (1 << 20)]
        step = ((part == ord("[")) | (part == ord("{"))).astype(np.int64)
        step -= (part == ord("]")) | (part == ord("}"))
        run = np.cumsum(step) + depth
        best = max(best, int(run.max()))
        depth = int(run[-1])
    return best


class _Dup:
    """Object-pairs hook that records duplicate keys."""

    def __init__(self) -> None:
        self.dups: list[str] = []

    def __call__(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for k, v in pairs:
            if k in out:
                self.dups.append(k)
            out[k] = v
        return out


def _parse_bytes(raw: bytes, file: str | None) -> Any:
    """Decode and parse JSON bytes, refusing bad encodings, absurd nesting and broken syntax."""
    text = decode_utf8(raw, file, "save it as UTF-8", "the file is not UTF-8 text")
    depth = _max_depth(raw)
    if depth > MAX_DEPTH:
        raise InputError(
            problems=[
                Problem(
                    f"JSON nested {depth} levels deep (at most {MAX_DEPTH} allowed)",
                    file,
                    hint="a posts/1 instance is only a few levels deep",
                )
            ]
        )
    hook = _Dup()
    try:
        data = json.loads(text, object_pairs_hook=hook, parse_constant=lambda s: float(s))
    except json.JSONDecodeError as e:
        raise InputError(problems=[Problem(f"malformed JSON: {e.msg}", file, e.lineno, e.colno)]) from None
    except RecursionError:
        raise InputError(problems=[Problem("JSON nested too deeply", file)]) from None
    if hook.dups:
        raise InputError(
            problems=[Problem(f"duplicate key {k!r} in a JSON object", file, field=k) for k in sorted(set(hook.dups))]
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
            raise InputError(
                problems=[
                    Problem(
                        f"file is {size:,} bytes, more than the limit of {max_bytes:,} bytes",
                        file,
                        hint="check that it is the right file; limits: docs/limits.md",
                    )
                ]
            )
        raw = Path(path).read_bytes()
    except InputError:
        raise
    except IsADirectoryError:
        raise InputError(problems=[Problem("is a folder, not a file", file)]) from None
    except OSError as e:
        raise InputError(problems=[Problem(f"cannot read the file: {e.strerror or e}", file)]) from None
    return _parse_bytes(raw, file)


def _is_number(v: Any) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool)


class _Validator:
    """Collects problems while converting the JSON value into dataclasses."""

    def __init__(self, file: str | None) -> None:
        self.probs = ProblemList(file=file)

    def add(self, field: str, message: str, hint: str | None = None) -> None:
        self.probs.add(message, field=field, hint=hint)

    def string(
        self, obj: Mapping[str, Any], key: str, where: str, required: bool = True, default: str | None = None
    ) -> str | None:
        f = f"{where}.{key}" if where else key
        if key not in obj:
            if required:
                self.add(f, "is missing")
            return default
        v = obj[key]
        if not isinstance(v, str):
            self.add(f, f"must be a string, not {_type_name(v)}")
            return default
        return v

    def number(
        self,
        obj: Mapping[str, Any],
        key: str,
        where: str,
        *,
        required: bool = True,
        default: float | None = None,
        lo: float | None = None,
        hi: float | None = None,
        positive: bool = False,
    ) -> float | None:
        f = f"{where}.{key}" if where else key
        if key not in obj:
            if required:
                self.add(f, "is missing")
            return default
        v = obj[key]
        if not _is_number(v):
            self.add(f, f"must be a number, not {_type_name(v)}")
            return None
        x = float(v)
        if not math.isfinite(x):
            self.add(f, f"must be a finite number, not {v!r}")
            return None
        if positive and x <= 0:
            self.add(f, f"must be greater than 0, not {v!r}")
            return None
        if (lo is not None and x < lo) or (hi is not None and x > hi):
            self.add(f, f"{v!r} is outside [{lo}, {hi}]")
            return None
        return x

    def integer(self, v: Any, f: str, *, minimum: int, maximum: int) -> int | None:
        if not _is_number(v):
            self.add(f, f"must be a whole number, not {_type_name(v)}")
            return None
        if isinstance(v, float):
            if not math.isfinite(v):
                self.add(f, f"must be a finite whole number, not {v!r}")
                return None
            if not v.is_integer():
                self.add(f, f"must be a whole number, not {v!r}")
                return None
        n = int(v)
        if n < minimum:
            self.add(f, f"must be at least {minimum}, not {v!r}")
            return None
        if n > maximum:
            self.add(f, f"{v!r} is too large (at most {maximum})")
            return None
        return n

    def clock(self, obj: Mapping[str, Any], key: str, where: str) -> int | None:
        s = self.string(obj, key, where)
        if s is None:
            return None
        t = clock.parse(s)
        if t is None:
            self.add(f"{where}.{key}", f"{s!r} is not a time of day", hint="use HH:MM:SS or HH:MM, 00:00-23:59:59")
        return t


def _type_name(v: Any) -> str:
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "a boolean"
    return {dict: "an object", list: "an array", str: "a string", int: "a number", float: "a number"}.get(
        type(v), type(v).__name__
    )


def _validate(data: Any, file: str | None) -> Instance:
    v = _Validator(file)
    if not isinstance(data, dict):
        v.add("", f"the instance must be a JSON object, not {_type_name(data)}")
        v.probs.raise_if_any()
        raise AssertionError  # unreachable
    fmt = data.get("format")
    if "format" not in data:
        v.add("format", "is missing", hint=f'add "format": "{FORMAT}"')
    elif fmt != FORMAT:
        v.add("format", f"{fmt!r} is not {FORMAT!r}")
    name = v.string(data, "name", "", required=False, default="") or ""
    date = v.string(data, "date", "")
    if date is not None:
        try:
            _date.fromisoformat(date)
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
                raise ValueError
        except ValueError:
            v.add("date", f"{date!r} is not a date", hint="use YYYY-MM-DD")
    tz = v.string(data, "timezone", "", required=False, default=DEFAULT_TIMEZONE) or DEFAULT_TIMEZONE
    try:
        if "\x00" in tz or tz.startswith("/") or ".." in tz:
            raise ValueError
        ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        v.add("timezone", f"{tz!r} is not a known IANA time zone", hint="e.g. Asia/Ho_Chi_Minh")
    detour = v.number(data, "detour_factor", "", required=False, default=DEFAULT_DETOUR, positive=True)

    posts: list[Post] = []
    raw_posts = data.get("posts")
    if "posts" not in data:
        v.add("posts", "is missing")
    elif not isinstance(raw_posts, list):
        v.add("posts", f"must be an array, not {_type_name(raw_posts)}")
    else:
        seen: dict[str, int] = {}
        for i, p in enumerate(raw_posts):
            w = f"posts[{i}]"
            if not isinstance(p, dict):
                v.add(w, f"must be an object, not {_type_name(p)}")
                continue
            pid = v.string(p, "id", w)
            if pid is not None:
                if pid in seen:
                    v.add(f"{w}.id", f"duplicate post id {pid!r} (also posts[{seen[pid]}])")
                else:
                    seen[pid] = i
                if not pid:
                    v.add(f"{w}.id", "must not be empty")
            pname = v.string(p, "name", w, required=False, default=pid) or (pid or "")
            lat = v.number(p, "lat", w, lo=-90, hi=90)
            lon = v.number(p, "lon", w, lo=-180, hi=180)
            op = v.clock(p, "open", w)
            cl = v.clock(p, "close", w)
            if op is not None and cl is not None and cl <= op:
                v.add(f"{w}.close", f"{p['close']} is not after open {p['open']}")
            prio_raw = p.get("priority", 1)
            prio = v.integer(prio_raw, f"{w}.priority", minimum=1, maximum=MAX_PRIORITY)
            need: dict[str, int] = {}
            if "need" not in p:
                v.add(f"{w}.need", "is missing")
            elif not isinstance(p["need"], dict):
                v.add(f"{w}.need", f"must be an object of kind: count, not {_type_name(p['need'])}")
            else:
                for kind, n in p["need"].items():
                    if not kind:
                        v.add(f"{w}.need", "a unit kind must not be empty")
                        continue
                    c = v.integer(n, f"{w}.need.{kind}", minimum=0, maximum=MAX_NEED)
                    if c is not None:
                        need[kind] = c
            if None in (pid, lat, lon, op, cl, prio) or (op is not None and cl is not None and cl <= op):
                continue
            assert pid is not None and lat is not None and lon is not None
            assert op is not None and cl is not None and prio is not None
            posts.append(
                Post(pid, pname, lat, lon, op, cl, tuple(sorted((k, n) for k, n in need.items() if n > 0)), prio)
            )

    units: list[Unit] = []
    raw_units = data.get("units")
    if "units" not in data:
        v.add("units", "is missing")
    elif not isinstance(raw_units, list):
        v.add("units", f"must be an array, not {_type_name(raw_units)}")
    else:
        useen: dict[str, int] = {}
        for i, u in enumerate(raw_units):
            w = f"units[{i}]"
            if not isinstance(u, dict):
                v.add(w, f"must be an object, not {_type_name(u)}")
                continue
            uid = v.string(u, "id", w)
            if uid is not None:
                if uid in useen:
                    v.add(f"{w}.id", f"duplicate unit id {uid!r} (also units[{useen[uid]}])")
                else:
                    useen[uid] = i
                if not uid:
                    v.add(f"{w}.id", "must not be empty")
            kind = v.string(u, "kind", w)
            if kind == "":
                v.add(f"{w}.kind", "must not be empty")
            speed = v.number(u, "speed_kmh", w, positive=True)
            lat = v.number(u, "lat", w, lo=-90, hi=90)
            lon = v.number(u, "lon", w, lo=-180, hi=180)
            ready = v.clock(u, "ready", w)
            until = v.clock(u, "until", w)
            if ready is not None and until is not None and until <= ready:
                v.add(f"{w}.until", f"{u['until']} is not after ready {u['ready']}")
                continue
            if None in (uid, kind, speed, lat, lon, ready, until) or not kind:
                continue
            assert uid is not None and kind is not None and speed is not None and lat is not None
            assert lon is not None and ready is not None and until is not None
            units.append(Unit(uid, kind, speed, lat, lon, ready, until))
    objective = "units"
    if "objective" in data:
        if data["objective"] in OBJECTIVES:
            objective = data["objective"]
        else:
            v.add(
                "objective",
                f"{data['objective']!r} is not one of {', '.join(OBJECTIVES)}",
                hint='use "units" (the default) or "slack"',
            )
    listed_posts = raw_posts if isinstance(raw_posts, list) else []
    listed_units = raw_units if isinstance(raw_units, list) else []
    travel = _travel(
        v,
        data,
        {str(p.get("id")) for p in listed_posts if isinstance(p, dict)},
        {str(u.get("id")) for u in listed_units if isinstance(u, dict)},
    )
    v.probs.raise_if_any()
    assert date is not None and detour is not None
    return Instance(name, date, tz, detour, tuple(posts), tuple(units), objective, travel)


def _travel(
    v: _Validator, data: dict[str, Any], post_ids: set[str], unit_ids: set[str]
) -> tuple[tuple[str, str, int], ...]:
    """The optional ``travel`` table: FROM (post or unit id) → TO (post id) → whole seconds ≥ 0."""
    if "travel" not in data:
        return ()
    raw = data["travel"]
    if not isinstance(raw, dict):
        v.add("travel", f"must be an object of FROM: {{TO: seconds}}, not {_type_name(raw)}")
        return ()
    out: list[tuple[str, str, int]] = []
    for frm, row in raw.items():
        if frm not in post_ids and frm not in unit_ids:
            v.add(f"travel.{frm}", f"{frm!r} is neither a post nor a unit id", hint="FROM is a post id or a unit id")
            continue
        if not isinstance(row, dict):
            v.add(f"travel.{frm}", f"must be an object of TO: seconds, not {_type_name(row)}")
            continue
        for to, secs in row.items():
            if to not in post_ids:
                v.add(f"travel.{frm}.{to}", f"{to!r} is not a post id", hint="TO is a post id")
                continue
            n = v.integer(secs, f"travel.{frm}.{to}", minimum=0, maximum=MAX_TRAVEL_S)
            if n is not None:
                out.append((frm, to, n))
    return tuple(sorted(out))


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
