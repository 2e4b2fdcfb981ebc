"""Gazetteer: street aliases/renames and known places, with Vietnamese-aware name matching."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from paradeplan.errors import InputError, Problem
from paradeplan.geo.names import accent_blind_equal, loose_name_key, name_key, nfc
from paradeplan.i18n import _, os_error
from paradeplan.resources import data_path

log = logging.getLogger(__name__)


def exact_key(name: str) -> str:
    """Matching key keeping diacritics (:func:`paradeplan.geo.names.name_key`: abbreviations written out,
    without the "đường" prefix)."""
    return name_key(name)


def loose_key(name: str) -> str:
    """Matching key ignoring diacritics, case and the "đường" prefix ("Đường Tô Ký" → "to ky")."""
    return loose_name_key(name)


@dataclass(frozen=True)
class GazPlace:
    """A known place of the gazetteer."""

    name: str
    lat: float
    lon: float
    kind: str = "other"
    aliases: tuple[str, ...] = ()
    source: str | None = None
    approximate: bool = False
    unit: tuple[str, ...] = ()
    """The administrative units it lies in, narrowest first ("Quận 12", "Thành phố Hồ Chí Minh"), when known."""


@dataclass(frozen=True)
class Gazetteer:
    """Street alias groups (first name = the name plans use) and known places."""

    streets: tuple[tuple[str, ...], ...] = ()
    places: tuple[GazPlace, ...] = ()
    files: tuple[str, ...] = ()

    def street_names(self, name: str) -> tuple[str, ...]:
        """All names of the street called ``name`` (itself first, then its aliases and renames).

        Parameters
        ----------
        name : str
            A street name as a plan writes it.

        Returns
        -------
        tuple of str
            ``(name,)`` when the gazetteer does not know the street.
        """
        key = loose_key(name)
        out = [nfc(name)]
        for group in self.streets:
            if any(loose_key(n) == key for n in group):
                out.extend(n for n in group if n not in out)
        return tuple(out)

    def find_places(self, names: Iterable[str]) -> list[GazPlace]:
        """Places whose name or alias matches any of ``names`` (exact key first, else ignoring diacritics where one
        side is written without any)."""
        wanted = [n for n in names if n and n.strip()]
        keys = {exact_key(n) for n in wanted}
        found = [p for p in self.places if keys & {exact_key(x) for x in (p.name, *p.aliases)}]
        if found:
            return found
        return [p for p in self.places if any(accent_blind_equal(w, x) for w in wanted for x in (p.name, *p.aliases))]

    def merged(self, other: Gazetteer) -> Gazetteer:
        """This gazetteer extended by ``other`` (its places come first)."""
        return Gazetteer(self.streets + other.streets, other.places + self.places, self.files + other.files)


def _problem(msg: str, file: str, hint: str | None = None) -> InputError:
    """A refusal of the gazetteer ``file`` (a catalogue message, and what to do)."""
    return InputError(problems=[Problem(msg, file, hint=hint)])


def _units(value: Any, where: str, file: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _problem(_("{field} must be a unit name or a list of them, narrowest first").format(field=where), file)
    return tuple(nfc(v) for v in value)


def parse_gazetteer(data: Any, file: str = "<gazetteer>") -> Gazetteer:
    """Validate gazetteer data (as loaded from YAML) into a :class:`Gazetteer`.

    Raises
    ------
    InputError
        On any malformed entry, naming the entry.
    """
    if data is None:
        return Gazetteer(files=(file,))
    if not isinstance(data, dict):
        raise _problem(_("a gazetteer must be a mapping with streets: and places:"), file)
    streets: list[tuple[str, ...]] = []
    for i, s in enumerate(data.get("streets") or []):
        if not isinstance(s, dict) or not isinstance(s.get("name"), str):
            raise _problem(
                _("streets[{i}] needs a name").format(i=i), file, _("write `- name: …` with optional aliases: […]")
            )
        aliases = s.get("aliases") or []
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise _problem(_("streets[{i}].aliases must be a list of names").format(i=i), file)
        streets.append(tuple(nfc(n) for n in [s["name"], *aliases]))
    places: list[GazPlace] = []
    for i, p in enumerate(data.get("places") or []):
        try:
            lat, lon = float(p["lat"]), float(p["lon"])
            name = nfc(str(p["name"]))
        except (KeyError, TypeError, ValueError):
            raise _problem(
                _("places[{i}] needs name, lat and lon").format(i=i),
                file,
                _("write `- {{name: …, lat: 10.86, lon: 106.65}}`"),
            ) from None
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise _problem(
                _("places[{i}] ({name}) has coordinates out of range").format(i=i, name=name),
                file,
                _("lat first, then lon"),
            )
        places.append(
            GazPlace(
                name,
                lat,
                lon,
                str(p.get("kind") or "other"),
                tuple(nfc(str(a)) for a in (p.get("aliases") or [])),
                p.get("source"),
                bool(p.get("approximate", False)),
                _units(p.get("unit"), f"places[{i}].unit", file),
            )
        )
    return Gazetteer(tuple(streets), tuple(places), (file,))


@lru_cache(maxsize=8)
def _load_cached(path: str, mtime: float) -> Gazetteer:
    import yaml

    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise _problem(_("cannot read gazetteer: {error}").format(error=os_error(exc)), path) from None
    except UnicodeDecodeError:
        raise _problem(_("cannot read gazetteer: it is not UTF-8 text"), path, _("save the file as UTF-8")) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        log.debug("%s: %s", path, exc)  # PyYAML's words (English) go to the log
        what = (
            _("broken YAML in gazetteer (line {line})").format(line=mark.line + 1)
            if mark is not None
            else _("broken YAML in gazetteer")
        )
        raise _problem(what, path) from None
    return parse_gazetteer(data, path)


def load_gazetteer(path: str | Path | None = None, *, with_builtin: bool = True) -> Gazetteer:
    """Load a gazetteer file; the shipped ``data/gazetteer.yaml`` by default.

    Parameters
    ----------
    path : str or Path, optional
        A user gazetteer (same format). Its entries come on top of the shipped ones when ``with_builtin``.
    with_builtin : bool
        Merge with the shipped gazetteer (default True).

    Returns
    -------
    Gazetteer
        The loaded entries.

    Raises
    ------
    InputError
        Missing or malformed file.
    """
    builtin = data_path("gazetteer.yaml")
    base = _load_cached(str(builtin), builtin.stat().st_mtime) if with_builtin else Gazetteer()
    if path is None:
        return base
    p = Path(path)
    if not p.is_file():
        raise _problem(_("gazetteer file not found"), str(path), _("check the path"))
    return base.merged(_load_cached(str(p), p.stat().st_mtime))
