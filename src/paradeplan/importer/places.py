"""Resolve what a document names against the administrative-units dataset: its area, the units that hold each
event, and where (approximately) each venue is.

The document's own area lines decide between units of the same name (many names repeat across provinces); the
units of a collective ("các huyện, thị xã", "UBND 14 phường") are the area's units at the document's date (the
dataset's snapshot before or from 1 July 2025). Every coordinate placed here is a unit's seat from the dataset,
marked approximate with the dataset as its source.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date

from paradeplan.geo.admin import Snapshot, Unit, era_for, fold, snapshot, source_of
from paradeplan.geo.names import CAPITAL_LETTERS
from paradeplan.i18n import _
from paradeplan.importer.events import EventFacts, Host, InstitutionRef, UnitRef
from paradeplan.importer.text import capitalize, tidy

log = logging.getLogger(__name__)

_INSTITUTION_NAMES = {
    "school": "Trường học",
    "community_learning_centre": "Trung tâm học tập cộng đồng",
    "culture_centre": "Trung tâm văn hóa",
}


@dataclass
class Target:
    """One unit (or institution of a unit) an event is held by, with its venue's name and place."""

    unit: Unit | None
    label: str
    """Who holds it, for the ceremony's name ("Huyện Đức Hòa", "Các trường TH, THCS Phường Bồ Đề")."""
    venue: str
    """The venue's name."""
    kind: str
    """The venue's place kind."""
    seat: Unit | None
    """Whose seat places the venue (approximate)."""
    question: str | None = None
    """What the document leaves open about this venue."""
    ident: str | None = None
    """A short id for the venue ("htcd_bo_de")."""


#: How far from the route's known point a unit's seat may lie to be the issuer the document means (metres).
NEAR_ROUTE_M = 15_000


@dataclass
class Resolver:
    """Units of a document's area, resolved once."""

    day: date | None
    snap: Snapshot
    context: list[str]
    area: Unit | None = None
    questions: list[tuple[str, str]] = field(default_factory=list)
    """(field, question) open items found while resolving."""
    near_route: bool = False
    """The area was chosen among namesakes as the one near the route's known places (a decision to list)."""
    _counted: set[str] = field(default_factory=set)

    @classmethod
    def for_document(
        cls,
        facts: EventFacts,
        area_line: str | None,
        day: date | None,
        near: Callable[[], tuple[float, float] | None] | None = None,
    ) -> Resolver:
        """The resolver of a document: its snapshot by date, its area from the issuer and area lines; when these
        name a unit several provinces have and no province ("VP UBND P. An Nhơn"), the one near ``near()``, a
        point of the route the street data at hand knows."""
        snap = snapshot(era_for(day))
        mentions = [u.text for u in facts.unit_mentions if u.name]
        context = [c for c in (facts.issuer, area_line, *mentions) if c]
        r = cls(day, snap, context)
        r.area = r._area(facts, area_line)
        if r.area is None and near is not None:
            r.area = r._area_near(facts, near)
            r.near_route = r.area is not None
        return r

    def _area_near(self, facts: EventFacts, near: Callable[[], tuple[float, float] | None]) -> Unit | None:
        """The issuer's unit among its namesakes: the only one whose seat lies within :data:`NEAR_ROUTE_M` of the
        route's known point."""
        from paradeplan.geo.distance import haversine_m

        named = [u for u in facts.issuer_units if u.name]
        point = near() if named else None
        if point is None:
            return None
        other = snapshot("from_2025" if self.snap.era == "before_2025" else "before_2025")
        for ref in reversed(named):
            cands = [u for snap in (self.snap, other) for k in (*ref.kinds, None) for u in snap.find(ref.name or "", k)]
            close = {u.key: u for u in cands if haversine_m(point[0], point[1], u.lat, u.lon) <= NEAR_ROUTE_M}
            if len(close) == 1:
                return next(iter(close.values()))
        return None

    # -- the area ----------------------------------------------------------------------------------------
    def _area(self, facts: EventFacts, area_line: str | None) -> Unit | None:
        named = [u for u in facts.issuer_units if u.name]
        for ref in reversed(named):  # the narrowest named unit of the issuer ("… quận Long Biên")
            unit = self.named(ref)
            if unit is not None:
                return unit
        if area_line:
            line = re.sub(r"^\s*(?:tai|ngay)\s+", "", area_line, flags=re.I)
            kinds = [k for u in facts.issuer_units if u.bare for k in u.kinds]
            key = fold(line)
            kinds += [k for u in facts.unit_mentions if u.name and fold(u.name) == key for k in u.kinds]
            for kind in [*dict.fromkeys(kinds), None]:
                unit = self._best(line, kind)
                if unit is not None:
                    return unit
        for ref in facts.unit_mentions:  # no issuer's unit known: the first unit the text names (its address line)
            unit = self.named(ref) if ref.name else None
            if unit is not None:
                return unit
        return None

    def _best(self, name: str, kind: str | None, extra: tuple[str, ...] = ()) -> Unit | None:
        ctx = [*extra, *self.context]
        unit = self.snap.best(name, kind, ctx)
        if unit is None:  # a name from the other snapshot (an old ward in a 2025 text, or the reverse)
            other = snapshot("from_2025" if self.snap.era == "before_2025" else "before_2025")
            unit = other.best(name, kind, ctx)
        return unit

    def named(self, ref: UnitRef) -> Unit | None:
        """The unit a named reference means, judged by the document's area lines."""
        if not ref.name:
            return None
        extra = (self.area.full,) if self.area is not None else ()
        for kind in (*ref.kinds, None):
            unit = self._best(ref.name, kind, extra)
            if unit is not None and (self.area is None or _near(unit, self.area)):
                return unit
        return None

    # -- hosts -------------------------------------------------------------------------------------------
    def units_of(self, ref: UnitRef, where: str) -> list[Unit]:
        """The units a reference means: a named unit, the area's units of a collective, the area for a bare kind.

        A collective's stated count is compared with the dataset (once per reference text): a difference
        becomes an open item naming both lists; the units the document lists by name are kept as written.
        """
        area = self.area
        if ref.name:
            unit = self.named(ref)
            if unit is None:
                self.questions.append(
                    (
                        where,
                        _("'{name}' is not a unit the dataset knows near {area}; check the name.").format(
                            name=ref.text, area=area.full
                        )
                        if area
                        else _("'{name}' is not a unit the dataset knows; check the name.").format(name=ref.text),
                    )
                )
            return [unit] if unit else []
        if area is None:
            return []
        if ref.bare:
            if fold(area.kind) in ref.kinds:
                return [area]
            for parent in reversed(area.parents):
                if any(fold(parent).startswith(k + " ") for k in ref.kinds):
                    p = self._best(parent, None)
                    return [p] if p else [area]
            members = self.snap.members(area, ref.kinds)
            return members or [area]
        members = self.snap.members(area, ref.kinds)
        if not members and fold(area.kind) in ref.kinds:
            members = [area]
        if ref.listed:
            out: list[Unit] = []
            for name in ref.listed:
                unit = self._best(name, ref.kinds[0] if len(ref.kinds) == 1 else None, (area.full,))
                if unit is None or not _near(unit, area):
                    self.questions.append(
                        (
                            where,
                            _(
                                "'{name}' (listed in '{ref}') is not in the dataset under {area}; it is placed at "
                                "{area}'s seat: pin it."
                            ).format(name=name, ref=ref.text[:80], area=area.name),
                        )
                    )
                    out.append(area)
                elif fold(unit.short) != fold(re.sub(r"^\s*(?:phuong|xa|thi tran)\s+", "", fold(name))) and fold(
                    unit.name
                ) != fold(name):
                    # a former unit the document still lists: kept, at the seat of the unit it was merged into
                    label = f"{unit.kind} {tidy(name)}" if not fold(name).startswith(fold(unit.kind)) else tidy(name)
                    former = replace(unit, name=label, short=tidy(name), key=f"{unit.key}#{fold(name)}")
                    self.questions.append(
                        (
                            where,
                            _(
                                "'{name}' (listed in '{ref}') is recorded by {source} as merged into {unit} since; it "
                                "is kept as the document lists it, at {unit}'s seat (approximate)."
                            ).format(name=name, ref=ref.text[:80], source=self.snap.source, unit=unit.name),
                        )
                    )
                    out.append(former)
                else:
                    out.append(unit)
            self._compare(ref, members, where, listed=True)
            return list(dict.fromkeys(out))
        self._compare(ref, members, where)
        return members

    def _compare(self, ref: UnitRef, members: list[Unit], where: str, listed: bool = False) -> None:
        n = len(ref.listed) if listed else ref.count
        if n is None or n == len(members) or fold(ref.text) in self._counted or self.area is None:
            return
        self._counted.add(fold(ref.text))
        names = ", ".join(u.short for u in members)
        former = [
            _("'{old}' (now in {unit})").format(old=k, unit=u.name)
            for u in members
            for k in u.former
            if not _short_key(k, u) and k.startswith(fold(u.kind).replace(" ", ""))
        ]
        merged = (
            _("; the dataset records former units merged since: {former}").format(former=", ".join(former))
            if former
            else ""
        )
        msg = (
            _(
                "the document counts {n} ({ref}) but {source} has {m} in {area}: {names}{merged}. Units may have been "
                "merged or split since the document's date; the units the document lists are kept."
            )
            if listed
            else _(
                "the document counts {n} ({ref}) but {source} has {m} in {area}: {names}{merged}. Units may have been "
                "merged or split since the document's date; the {m} units of the dataset are used; add any other by "
                "hand."
            )
        )
        fmt = {"ref": ref.text[:60], "source": self.snap.source, "area": self.area.name, "names": names}
        self.questions.append((where, msg.format(n=n, m=len(members), merged=merged, **fmt)))

    def targets(
        self,
        host: Host,
        where: str,
        venue_insts: list[InstitutionRef],
        choice: str | None,
        place: str | None,
        base: str,
        counts: dict[str, int],
    ) -> list[Target]:
        """Who holds an event and where: one target per unit (per institution of a unit) the host names.

        Parameters
        ----------
        host : Host
            The clause's host.
        where : str
            Field for open items.
        venue_insts : list of InstitutionRef
            Institutions of each unit where the event is held.
        choice : str, optional
            A venue each unit chooses ("một trường THCS").
        place : str, optional
            A venue the text names.
        base : str
            The event's name ("Lễ khai mạc").
        counts : dict
            Institution kind → a number the document states elsewhere ("Hai nhà trường").
        """
        units: list[Unit] = []
        for ref in host.units:
            units.extend(u for u in self.units_of(ref, where) if u not in units)
        insts = [i for i in host.institutions if not i.indefinite] or venue_insts
        if not units and (insts or not host.units):
            units = [self.area] if self.area is not None else []
        seat = self._unit_in_name(place) if not units and place else None
        if seat is not None:  # no issuer known: "TTHTCĐ phường Long Châu" is at that ward (the one of its name)
            return [self._named_target(seat, place or "", 1)]
        if not units:
            return [
                Target(
                    None,
                    host.org or "",
                    place or f"Địa điểm {base} (chưa rõ)",
                    "other",
                    None,
                    None if place else _("The venue of '{base}' is not stated; name it and pin it.").format(base=base),
                )
            ]
        if place and len(units) > 1:
            units = self.one_venue(place, units)
        out: list[Target] = []
        for u in units:
            if place:
                out.append(self._named_target(u, place, len(units)))
            elif choice:
                out.append(_chosen_target(u, choice))
            elif insts:
                for inst in insts:
                    out.extend(self._institution_targets(u, inst, counts))
            else:
                name = f"{base} — địa điểm do UBND {lower_kind(u)} chọn"
                said = _(
                    "'{name}': the document names no venue; placed at the seat of {unit} (approximate): name and "
                    "pin it."
                )
                out.append(Target(u, u.name, name, "other", u, said.format(name=name, unit=u.name)))
        return out

    def one_venue(self, place: str, units: list[Unit]) -> list[Unit]:
        """The units holding a ceremony at a named venue: each its own where the venue is each unit's ("tại trụ sở
        UBND xã"); else one ceremony ("Hội trường UBND xã Cương Sơn" under "các buổi lễ cấp huyện và điểm cấp xã"),
        held by the unit the venue names, else the first."""
        if any(fold(place).endswith(" " + fold(u.kind)) for u in units):
            return units
        named = self._venue_unit(place)
        return [named if named in units else units[0]]

    def _named_target(self, u: Unit, place: str, n_units: int) -> Target:
        """A unit's event at the venue the text names (placed at the unit it points at, approximate)."""
        name = place if n_units == 1 else f"{place} ({u.name})"
        if n_units > 1 and fold(place).endswith(" " + fold(u.kind)):  # "tại trụ sở UBND xã": each commune's own
            name = f"{place[:1].upper()}{place[1:]} {u.short}"
        seat = self._venue_unit(place)
        if seat is None or not self._within_host(seat, u):  # "Trường THCS Lê Lợi" in Hà Đông: not Xã Lê Lợi elsewhere
            seat = u
        said = _("'{name}' is named but not located: placed at the seat of {unit} (approximate); pin it.")
        return Target(u, u.name, name, _kind(place), seat, said.format(name=name, unit=seat.name))

    def _within_host(self, unit: Unit, host: Unit) -> bool:
        """Whether a venue's unit lies in the unit holding the event, or beside it when that is a ward or commune
        (no units below it): a venue named after a person ("Trường THCS Lê Lợi") is no unit of that name elsewhere."""
        wide = host if self.snap.children(host) else self.snap.parent(host) or host
        return unit.key == wide.key or unit.key.startswith(wide.key + "_")

    def _institution_targets(self, u: Unit, inst: InstitutionRef, counts: dict[str, int]) -> list[Target]:
        word = _INSTITUTION_NAMES.get(inst.kind, capitalize(inst.text))
        if inst.kind == "school":
            levels = ", ".join(inst.levels)
            group = f"Các trường {levels}" if levels else "Các trường học"
            children = self.snap.children(u)
            if children and u is self.area:  # schools across a district: grouped by ward
                return [
                    Target(
                        c,
                        f"{group} {lower_kind(c)}",
                        f"{group} {lower_kind(c)}",
                        "school",
                        c,
                        _(
                            "'{name}': the schools are not named; one grouped launch at the seat of {unit} "
                            "(approximate)."
                        ).format(name=f"{group} {lower_kind(c)}", unit=c.name),
                    )
                    for c in children
                ]
            n = inst.count or counts.get("school")
            if n and n > 1:
                one = f"Trường {levels}" if levels else "Trường học"
                return [
                    Target(
                        u,
                        f"{one} thứ {k} {lower_kind(u)}",
                        f"{one} thứ {k} {lower_kind(u)} (chưa rõ tên)",
                        "school",
                        u,
                        _("'{name}': the document counts {n} schools without naming them; name and pin it.").format(
                            name=f"{one} thứ {k} {lower_kind(u)}", n=n
                        ),
                    )
                    for k in range(1, n + 1)
                ]
            name = f"{group} {lower_kind(u)}"
            return [
                Target(
                    u,
                    name,
                    name,
                    "school",
                    u,
                    _("'{name}': not named; placed at the seat of {unit} (approximate).").format(
                        name=name, unit=u.name
                    ),
                )
            ]
        name = f"{word} {lower_kind(u)}"
        said = _("'{name}': placed at the seat of {unit} (approximate); pin it.").format(name=name, unit=u.name)
        return [Target(u, name, name, inst.kind, u, said)]

    def _venue_unit(self, place: str) -> Unit | None:
        """A unit a venue's name points at ("Trường THCS Linh Trung" → Phường Linh Trung), inside the area."""
        words = fold(place).split()
        area = self.area
        for k in range(1, min(len(words), 6)):
            rest = " ".join(place.split()[k:])
            if not rest or not rest[0].isupper():
                continue
            unit = self._best(rest, None, (area.full,) if area else ())
            if unit is not None and (area is None or _near(unit, area)):
                return unit
        return None

    def _unit_in_name(self, place: str) -> Unit | None:
        """The one unit a venue's name states with its kind ("TTHTCĐ phường Long Châu"), when the dataset has only one
        of that kind and name (no area to look in)."""
        m = re.search(r"\b(phường|xã|thị trấn)\s+([" + CAPITAL_LETTERS + r"0-9][^,;()]{1,40})", place)
        if m is None:
            return None
        found = self.snap.find(tidy(m.group(2)), m.group(1).capitalize())
        return found[0] if len(found) == 1 else None


def _chosen_target(u: Unit, choice: str) -> Target:
    """A unit's event at a venue the unit chooses ("chọn một trường THCS"), placed at its seat."""
    name = f"{capitalize(choice)} (do UBND {lower_kind(u)} chọn)"
    said = _("'{name}': the document lets {unit} choose the venue; placed at its seat (approximate): name and pin it.")
    return Target(u, u.name, name, _kind(choice), u, said.format(name=name, unit=u.name))


def _near(unit: Unit, area: Unit) -> bool:
    """Whether a unit lies in, contains or is the area (same province at least)."""
    top_u = unit.path[0]
    top_a = area.path[0]
    return fold(top_u) == fold(top_a)


def _short_key(key: str, unit: Unit) -> bool:
    """Whether a former-name key is only the unit's own kind + name repeated (not a real former unit)."""
    return key in (fold(unit.name).replace(" ", ""), fold(unit.short).replace(" ", ""))


def lower_kind(u: Unit) -> str:
    """ "phường Bạch Sam": the kind in lower case, as written inside a sentence (numbered units keep theirs)."""
    if u.short.startswith(u.kind) or not u.kind:
        return u.name
    if u.name.startswith(u.kind):
        return u.kind.lower() + u.name[len(u.kind) :]
    return f"{u.kind.lower()} {u.short}"


def _kind(name: str) -> str:
    from paradeplan.importer.events import institution_refs
    from paradeplan.importer.extract import place_kind
    from paradeplan.importer.text import Folded

    insts = institution_refs(Folded.of(name))
    return place_kind(tidy(name)) or (insts[0].kind if insts else "other")


_PREFIX = {"school": "truong", "community_learning_centre": "htcd", "culture_centre": "vhtt", "office": "ubnd"}


def venue_id(kind: str, unit: Unit | None, extra: str = "") -> str | None:
    """A short venue id from its kind and unit ("htcd_bo_de", "truong_th_thcs_viet_hung")."""
    from paradeplan.importer.text import slug

    if unit is None:
        return None
    short = unit.short if not unit.short.startswith(unit.kind) else unit.name
    return slug(f"{_PREFIX.get(kind, 'dia_diem')} {extra} {short}", "_", 40)


def place_entry(name: str, kind: str, seat: Unit, note: str | None = None) -> dict[str, object]:
    """A plan place (without id) at a unit's seat: coordinates from the dataset, approximate, dataset as source."""
    return {
        "name": name,
        "kind": kind,
        "lat": round(seat.lat, 6),
        "lon": round(seat.lon, 6),
        "approximate": True,
        "note": note or _("seat of {unit} (approximate)").format(unit=seat.full),
        "source": source_of(seat.era),
        "unit": seat.full,
    }
