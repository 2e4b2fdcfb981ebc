"""Vietnamese administrative units as data (the vietnamadminunits dataset): names, seats, members, 2025 reform.

The dataset ships two snapshots: the units before 1 July 2025 (63 provinces, their districts and 10,040
wards/communes, each with a latitude/longitude) and the units from 1 July 2025 (34 provinces and 3,321
wards/communes, no district level), plus the old → new ward conversion. Nothing here fixes a set of levels:
a unit has any number of parents (widest first), its kind ("Phường", "Huyện", "Đặc khu"…) is whatever the
dataset says, and a snapshot's levels are read from the dataset's columns.

The dataset is read lazily, on the first lookup (about 60 ms and a few MB), straight from its SQLite file and
conversion table, without importing the package (whose import parses 4 MB of JSON and loads geopy): ``--help``
and ``validate`` never touch it. Every coordinate it gives is the centroid geocoded for a unit, so every place
placed with it is approximate.
"""

from __future__ import annotations

import importlib.util
import json
import logging
import re
import sqlite3
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache
from pathlib import Path
from typing import Literal

from paradeplan.errors import ParadeplanError
from paradeplan.i18n import N_, _

log = logging.getLogger(__name__)

Era = Literal["before_2025", "from_2025"]
#: The day the two-level local government (provinces and communes/wards only) took effect.
REFORM_DATE = date(2025, 7, 1)
PACKAGE = "vietnamadminunits"

#: How each snapshot's table spells its levels, widest first: (name, short name, kind, lat, lon, key, short key,
#: former names). A kind of None means "the words of the name before its short name" ("Tỉnh Long An" → "Tỉnh").
_Level = tuple[str, str, str | None, str, str, str, str, str]
_LEVELS: dict[Era, tuple[str, tuple[_Level, ...]]] = {
    "before_2025": (
        "admin_units_legacy",
        (
            (
                "province",
                "provinceShort",
                None,
                "provinceLat",
                "provinceLon",
                "provinceKey",
                "provinceShortKey",
                "provinceAlias",
            ),
            (
                "district",
                "districtShort",
                "districtType",
                "districtLat",
                "districtLon",
                "districtKey",
                "districtShortKey",
                "districtAlias",
            ),
            ("ward", "wardShort", "wardType", "wardLat", "wardLon", "wardKey", "wardShortKey", "wardAlias"),
        ),
    ),
    "from_2025": (
        "admin_units",
        (
            (
                "province",
                "provinceShort",
                None,
                "provinceLat",
                "provinceLon",
                "provinceKey",
                "provinceShortKey",
                "provinceAlias",
            ),
            ("ward", "wardShort", "wardType", "wardLat", "wardLon", "wardKey", "wardShortKey", "wardAlias"),
        ),
    ),
}

#: Written abbreviations of unit kinds ("TP. Tân An", "TX Kiến Tường"), folded → folded kind.
ABBREVIATIONS = {  # words as data: folded unit kinds
    "tp": "thanh pho",
    "tx": "thi xa",
    "tt": "thi tran",
    "q": "quan",
    "p": "phuong",
    "h": "huyen",
}
#: The kinds a unit's full name may start with (folded): when the dataset's type column says another, the name
#: wins.
_KINDS_OF_NAMES = frozenset(  # words as data: folded unit kinds
    {"xa", "phuong", "thi tran", "dac khu", "huyen", "quan", "thi xa", "thanh pho", "tinh"}
)
#: The dataset's snapshots as a note on coordinates names them.
ERA_SOURCES = {
    "before_2025": N_("{dataset} (units before 1 July 2025, 63 provinces)"),
    "from_2025": N_("{dataset} (units from 1 July 2025, 34 provinces)"),
}


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case, no accents, single spaces, letters and digits only ("Thị xã Kiến Tường" → "thi xa kien tuong")."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(c for c in text if unicodedata.category(c) != "Mn").lower()
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


@cache
def _tight(text: str) -> str:
    """Folded without spaces, as the dataset's keys are ("Nghĩa Tân" → "nghiatan")."""
    return fold(text).replace(" ", "")


def era_for(day: date | None) -> Era:
    """The snapshot that describes the units on ``day`` (before 1 July 2025, or from then on; None → today's)."""
    return "before_2025" if day is not None and day < REFORM_DATE else "from_2025"


@dataclass(frozen=True)
class Unit:
    """One administrative unit of a snapshot, with its approximate seat."""

    name: str
    """Full name as the dataset writes it, e.g. "Phường Nghĩa Tân", "Quận 12", "Tỉnh Long An"."""
    kind: str
    """Its kind as the dataset writes it: "Phường", "Xã", "Quận", "Thị xã", "Tỉnh", "Đặc khu"…"""
    short: str
    """The name without its kind ("Nghĩa Tân"); numbered units keep it ("Phường 4")."""
    parents: tuple[str, ...]
    """Names of the wider units, widest first (any number)."""
    lat: float
    lon: float
    era: Era
    key: str
    """The dataset's key path ("thanhphohanoi_quancaugiay_phuongnghiatan")."""
    former: tuple[str, ...] = ()
    """Dataset keys of former names merged into this unit (accents are not recorded), e.g. ("phuongsaidong",)."""

    @property
    def full(self) -> str:
        """The name with its parents, narrowest first: "Phường Nghĩa Tân, Quận Cầu Giấy, Thành phố Hà Nội"."""
        return ", ".join((self.name, *reversed(self.parents)))

    @property
    def path(self) -> tuple[str, ...]:
        """Parents then the unit itself, widest first."""
        return (*self.parents, self.name)

    @property
    def depth(self) -> int:
        """Number of wider units."""
        return len(self.parents)


@dataclass
class Snapshot:
    """All units of one snapshot, indexed by folded name and by parent."""

    era: Era
    dataset: str
    """The dataset's name and version ("vietnamadminunits 1.0.4")."""
    units: list[Unit] = field(default_factory=list)
    _by_name: dict[str, list[Unit]] = field(default_factory=dict)
    _by_key: dict[str, Unit] = field(default_factory=dict)
    _children: dict[str, list[Unit]] = field(default_factory=dict)
    _kinds: frozenset[str] | None = None

    @property
    def source(self) -> str:
        """The dataset and snapshot in the current language, for notes on coordinates ("vietnamadminunits 1.0.4
        (đơn vị hành chính trước 1/7/2025, 63 tỉnh)")."""
        return _(ERA_SOURCES[self.era]).format(dataset=self.dataset)

    def add(self, unit: Unit, parent_key: str | None, names: Iterable[str]) -> None:
        """Index a unit under its spaceless folded names (the dataset's keys) and its former names."""
        self.units.append(unit)
        self._by_key[unit.key] = unit
        for k in set(names):
            self._by_name.setdefault(k, []).append(unit)
        for former in unit.former:
            self._by_name.setdefault("#" + former, []).append(unit)
        self._children.setdefault(parent_key or "", []).append(unit)

    @property
    def kinds(self) -> frozenset[str]:
        """Every unit kind of the snapshot, folded ("phuong", "xa", "thi xa", "tinh", …)."""
        if self._kinds is None:
            self._kinds = frozenset(fold(k) for k in {u.kind for u in self.units} if k)
        return self._kinds

    def __contains__(self, key: str) -> bool:
        return key in self._by_key

    def by_key(self, key: str) -> Unit | None:
        """The unit with this dataset key path."""
        return self._by_key.get(key)

    def parent(self, unit: Unit) -> Unit | None:
        """The next wider unit."""
        return self._by_key.get(unit.key.rsplit("_", 1)[0]) if "_" in unit.key else None

    def children(self, unit: Unit | None) -> list[Unit]:
        """The units one level below ``unit`` (the provinces for None), in dataset order."""
        return list(self._children.get(unit.key if unit else "", []))

    def members(self, unit: Unit, kinds: Iterable[str] | None = None) -> list[Unit]:
        """Units inside ``unit`` at any depth, of the given folded kinds (all kinds when None), widest first."""
        wanted = {fold(k) for k in kinds} if kinds is not None else None
        out: list[Unit] = []
        todo = self.children(unit)
        while todo:
            nxt: list[Unit] = []
            for u in todo:
                if wanted is None or fold(u.kind) in wanted:
                    out.append(u)
                nxt.extend(self.children(u))
            todo = nxt
        return out

    def find(self, name: str, kind: str | None = None, context: Sequence[str] = ()) -> list[Unit]:
        """Units called ``name`` (with or without its kind), best first by how well their parents fit ``context``.

        Parameters
        ----------
        name : str
            "Nghĩa Tân", "phường Nghĩa Tân", "Phường 4", "Long An".
        kind : str, optional
            The unit's kind as written ("phường", "TP"); when given, only units of that kind match.
        context : sequence of str
            Names of areas the text speaks of (issuer, area lines), any form; a unit whose parents or own name
            appear there ranks first. Former names recorded by the dataset match too (after current ones that fit as
            well).

        Returns
        -------
        list of Unit
            Every candidate, best first; candidates that fit the context equally keep the dataset's order.
        """
        k = _tight(name)
        want = _tight(kind) if kind else None
        words = fold(name).split()
        if want is None and len(words) > 1 and words[0] in ABBREVIATIONS and not self._by_name.get(k):
            want, k = _tight(ABBREVIATIONS[words[0]]), "".join(words[1:])
        want = _tight(ABBREVIATIONS.get(fold(kind), kind)) if kind else want

        def of_kind(units: Iterable[Unit]) -> list[Unit]:
            return [u for u in units if want is None or _tight(u.kind) == want]

        found = of_kind(self._by_name.get(k, [])) or of_kind(self._by_name.get(f"{want or ''}{k}", []))
        current = {u.key for u in found}
        former = [u for u in self._by_name.get(f"#{want}{k}" if want else f"#{k}", []) if u.key not in current]
        ctx = [fold(c) for c in context if c]

        def fits(u: Unit) -> tuple[int, int]:  # a former name's accents are not recorded: it never clashes
            return (0 if u.key not in current or _same_accents(name, u) else 1, -_fit(u, ctx))

        # a former name in the context's area before a current one elsewhere ("phường Nguyễn Trãi" in a 2023 plan of
        # Quận Hà Đông: merged into Phường Quang Trung, not the ward of that name in Hà Giang)
        return sorted([*found, *dict.fromkeys(former)], key=lambda u: (*fits(u), u.key not in current))

    def best(self, name: str, kind: str | None = None, context: Sequence[str] = ()) -> Unit | None:
        """The single best unit for a name in a context, or None when none fits or the best is a tie.

        A tie (two units equally fitting the context, e.g. "phường Nghĩa Tân" with no context: Hà Nội and
        Đắk Nông) gives None rather than a guess.
        """
        cands = [u for u in self.find(name, kind, context) if not _accents_clash(name, u)]
        if not cands:
            return None
        ctx = [fold(c) for c in context if c]
        if len(cands) > 1 and _same_accents(name, cands[0]) and not _same_accents(name, cands[1]):
            return cands[0]  # "Thạnh Xuân" is not "Thanh Xuân": accents decide before the context
        if len(cands) > 1 and _fit(cands[0], ctx) == _fit(cands[1], ctx):
            # "UBND huyện Châu Thành" (ten provinces have one) beside "xã Long Định", "xã Bình Đức": the one whose
            # own units the context names
            top = [u for u in cands if _fit(u, ctx) == _fit(cands[0], ctx)]
            named = [(sum(1 for m in self.children(u) if any(_contains(c, m.name) for c in ctx)), u) for u in top]
            named.sort(key=lambda x: -x[0])
            if named[0][0] > 0 and (len(named) == 1 or named[0][0] > named[1][0]):
                return named[0][1]
            return None
        return cands[0]

    def nearest(
        self, lat: float, lon: float, within: Unit | None = None, kinds: Iterable[str] | None = None
    ) -> Unit | None:
        """The unit (inside ``within``, of ``kinds``, default the narrowest level) whose seat is nearest a point."""
        pool = self.members(within, kinds) if within is not None else list(self.units)
        if kinds is None:
            deepest = max((u.depth for u in pool), default=0)
            pool = [u for u in pool if u.depth == deepest]
        if not pool:
            return None
        from paradeplan.geo.distance import haversine_m

        return min(pool, key=lambda u: (haversine_m(lat, lon, u.lat, u.lon), u.key))


def _same_accents(name: str, unit: Unit) -> bool:
    """Whether a name written with accents names the unit with its own accents (the one name normaliser);
    a name written without any fits every unit."""
    from paradeplan.geo.names import has_diacritics, name_key

    if not has_diacritics(name):
        return True
    return f" {name_key(unit.short)}" in f" {name_key(name)}"


def _accents_clash(name: str, unit: Unit) -> bool:
    """Whether a name written with accents names the unit's own name with other accents ("Thạnh Xuân" is never
    "Thanh Xuân"); a name written without accents, or matched by a former name, never clashes."""
    from paradeplan.geo.names import has_diacritics, name_key

    n = len(fold(unit.short).split())
    tail = " ".join(name.split()[-n:]) if n else ""
    if fold(tail) != fold(unit.short) or not has_diacritics(tail):
        return False
    return name_key(tail) != name_key(unit.short)


def _fit(unit: Unit, ctx: Sequence[str]) -> int:
    """How many of a unit's parents the folded context names."""
    return sum(1 for p in unit.parents if any(_contains(c, p) for c in ctx))


def _contains(haystack: str, name: str) -> bool:
    """Whether the folded ``haystack`` names the unit ``name`` (its full name or its name without the kind)."""
    f = fold(name)
    words = f.split()
    short = " ".join(words[2:]) if len(words) > 2 and " ".join(words[:2]) in _TWO_WORD_KINDS else " ".join(words[1:])
    return any(k and re.search(rf"(?<![a-z0-9]){re.escape(k)}(?![a-z0-9])", haystack) for k in (f, short))


_TWO_WORD_KINDS = {"thanh pho", "thi xa", "thi tran", "dac khu"}  # words as data: folded unit kinds


def _package_dir() -> Path:
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise ParadeplanError(
            _("the administrative-units dataset is not installed: pip install {package}").format(package=PACKAGE)
        )
    return Path(next(iter(spec.submodule_search_locations)))


def _version() -> str:
    from importlib import metadata

    try:
        return metadata.version(PACKAGE)
    except metadata.PackageNotFoundError:
        return "?"


@cache
def snapshot(era: Era) -> Snapshot:
    """The units of one snapshot, read once from the dataset's SQLite file (read-only).

    Parameters
    ----------
    era : {"before_2025", "from_2025"}

    Returns
    -------
    Snapshot
    """
    table, levels = _LEVELS[era]
    path = _package_dir() / "data" / "dataset.db"
    snap = Snapshot(era, f"{PACKAGE} {_version()}")
    columns = sorted({c for lv in levels for c in lv if c})
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
        try:
            rows = conn.execute(f"SELECT {', '.join(columns)} FROM [{table}]").fetchall()  # noqa: S608 (fixed names)
        finally:
            conn.close()
    except sqlite3.Error as exc:
        unread = _("cannot read the administrative-units dataset {path}: {error}")
        raise ParadeplanError(unread.format(path=path, error=exc)) from None
    at = {c: i for i, c in enumerate(columns)}
    where = [tuple(at[c] if c else None for c in lv) for lv in levels]  # each level's columns as row indices
    for row in rows:
        parents: list[str] = []
        parent_key = ""
        for name_i, short_i, kind_i, lat_i, lon_i, key_i, short_key_i, alias_i in where:
            assert name_i is not None and short_i is not None and key_i is not None and lat_i is not None
            assert lon_i is not None and short_key_i is not None
            name, short, key, lat, lon = row[name_i], row[short_i], row[key_i], row[lat_i], row[lon_i]
            if not name or not key or lat is None or lon is None:
                break
            path_key = f"{parent_key}_{key}" if parent_key else str(key)
            if path_key not in snap:
                said = name[: len(name) - len(short)].strip() if short and name.endswith(short) else ""
                kind = str(row[kind_i] or "") if kind_i is not None else said
                if said and fold(said) != fold(kind) and fold(said) in _KINDS_OF_NAMES:
                    kind = said  # the name is the law's: "Xã Phong Điền" (Cần Thơ) has type "Phường" in the table
                alias = row[alias_i] if alias_i is not None else None
                former = tuple(json.loads(alias)) if alias else ()
                unit = Unit(
                    str(name),
                    kind,
                    str(short or name),
                    tuple(parents),
                    float(lat),
                    float(lon),
                    era,
                    path_key,
                    tuple(a for a in former if isinstance(a, str)),
                )
                snap.add(unit, parent_key or None, (str(key), str(row[short_key_i] or key)))
            parents.append(str(name))
            parent_key = path_key
    log.debug("read %d administrative units (%s)", len(snap.units), snap.source)
    return snap


def preload() -> None:
    """Read both snapshots and the 2025 conversion table now (each is read once per process)."""
    snapshot("before_2025")
    snapshot("from_2025")
    _conversion()


@dataclass(frozen=True)
class Successor:
    """Where an old unit's territory lies after the 2025 reform."""

    unit: Unit
    """The post-2025 unit (a ward/commune, or the province when the old unit had no wards)."""
    exact: bool
    """True when the old ward went whole into this one; False when it was split (nearest or default part)."""


@cache
def _conversion() -> tuple[dict[str, list[tuple[str, str, bool, float | None, float | None]]], dict[str, str]]:
    """Old ward key → [(new province key, new ward key, default, lat, lon)], and old province → new province."""
    path = _package_dir() / "data" / "converter_2025.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ParadeplanError(
            _("cannot read the 2025 conversion table {path}: {error}").format(path=path, error=exc)
        ) from None
    out: dict[str, list[tuple[str, str, bool, float | None, float | None]]] = {}
    for new_prov, wards in data["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for new_ward, olds in wards.items():
            for old in olds:
                out.setdefault(old, []).append((new_prov, new_ward, True, None, None))
    for new_prov, olds in data["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old, parts in olds.items():
            for p in parts:
                out.setdefault(old, []).append(
                    (
                        new_prov,
                        p["newWardKey"],
                        bool(p.get("isDefaultNewWard")),
                        p.get("newWardLat"),
                        p.get("newWardLon"),
                    )
                )
    provinces = {old: new for new, olds in data["DICT_PROVINCE"].items() for old in olds}
    return out, provinces


def successor(unit: Unit, point: tuple[float, float] | None = None) -> Successor | None:
    """The post-2025 unit an old unit (or a point inside it) now belongs to.

    Parameters
    ----------
    unit : Unit
        A unit of the ``before_2025`` snapshot (a ward, or a wider unit: then the old ward nearest ``point``,
        default the unit's seat, stands for it).
    point : (lat, lon), optional
        Where the place is; decides between the parts of a ward that was split.

    Returns
    -------
    Successor or None
        None for a unit of the ``from_2025`` snapshot or when the dataset has no conversion.
    """
    if unit.era != "before_2025":
        return None
    old = snapshot("before_2025")
    new = snapshot("from_2025")
    ward = unit
    if unit.depth < len(_LEVELS["before_2025"][1]) - 1:  # wider than a ward
        lat, lon = point or (unit.lat, unit.lon)
        near = old.nearest(lat, lon, within=unit)
        if near is None:
            return _province_successor(unit)
        ward = near
    table, provinces = _conversion()
    parts = table.get(ward.key, [])
    if not parts:  # islands without wards: only the province is known
        return _province_successor(unit)
    if len(parts) == 1 or point is None:
        pick = next((p for p in parts if p[2]), parts[0])
    else:
        from paradeplan.geo.distance import haversine_m

        pick = min(
            parts,
            key=lambda p: (
                haversine_m(point[0], point[1], p[3], p[4]) if p[3] is not None and p[4] is not None else float("inf"),
                p[1],
            ),
        )
    found = new.by_key(f"{pick[0]}_{pick[1]}")
    if found is None:
        return _province_successor(unit)
    exact = len(parts) == 1 and ward is unit
    return Successor(found, exact)


def _province_successor(unit: Unit) -> Successor | None:
    _, provinces = _conversion()
    new_key = provinces.get(unit.key.split("_", 1)[0])
    found = snapshot("from_2025").by_key(new_key) if new_key else None
    return Successor(found, False) if found else None


def source_of(era: Era) -> str:
    """The dataset and snapshot named as the source of coordinates."""
    return snapshot(era).source
