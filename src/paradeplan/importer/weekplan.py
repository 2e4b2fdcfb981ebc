"""Turn a document's ceremonies, officials, activities and reports into plan entries, one per unit that holds
each, with venues placed at the units' seats (approximate) and an open item for every placeholder."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import Any, Protocol

from paradeplan.geo.admin import Unit, fold, successor
from paradeplan.geo.names import CAPITAL_LETTERS
from paradeplan.i18n import _, short_date
from paradeplan.importer.events import (
    FAMILY_NAMES,
    FLAG_TIME,
    HONORIFIC_FOLDED,
    ONE_WORD_NAME,
    CeremonyEvent,
    Host,
    UnitRef,
    unnamed_holders,
)
from paradeplan.importer.extract import Extraction
from paradeplan.importer.places import Resolver, Target, lower_kind, place_entry, venue_id
from paradeplan.importer.text import capitalize, slug, tidy
from paradeplan.importer.text import fold as text_fold
from paradeplan.importer.writer import clipped, yaml_clock

log = logging.getLogger(__name__)

#: Placeholder clock times used where the model needs a value the document does not give.
PLACEHOLDER_WINDOW = (time(7, 0), time(11, 0))
MORNING = (time(7, 0), time(11, 30))
AFTERNOON = (time(13, 30), time(17, 0))
DEFAULT_DURATION = 60


class PlaceBook(Protocol):
    """The writer's place registry."""

    def add(self, name: str, kind: str | None = None, ident_hint: str | None = None) -> str: ...

    def add_pinned(self, entry: dict[str, Any]) -> str: ...

    def approximate(self, ident: str) -> bool: ...


@dataclass
class WeekEntries:
    """Plan sections built from the document's week: ceremonies, people, activities; the event's additions."""

    ceremonies: list[dict[str, Any]] = field(default_factory=list)
    people: list[dict[str, Any]] = field(default_factory=list)
    activities: list[dict[str, Any]] = field(default_factory=list)
    event: dict[str, Any] = field(default_factory=dict)


def _plus(t: time, minutes: int) -> time:
    end = datetime.combine(date(2000, 1, 1), t) + timedelta(minutes=minutes)
    return end.time() if end.date() == date(2000, 1, 1) else time(23, 59)


def _issuer_name(issuer: str | None, area: Unit | None) -> str | None:
    """The issuer with its area's name when the text leaves it implicit ("UBND tỉnh" → "… tỉnh Long An")."""
    if issuer is None or area is None:
        return issuer
    kind = fold(area.kind)
    if not kind or not fold(issuer).endswith(" " + kind):
        return issuer
    words = issuer.split()
    return " ".join([*words[: -len(kind.split())], lower_kind(area)])


def build_week(
    ex: Extraction, places: PlaceBook, ask: Callable[[str, str], None], first_ceremony: int = 0
) -> WeekEntries:
    """Plan entries for a document's ceremonies, officials, activities and report requests.

    Parameters
    ----------
    ex : Extraction
        The document's facts (``ex.events`` holds the hosts).
    places : PlaceBook
        Where venues and seats are registered (ids come back).
    ask : callable
        ``ask(field, question)`` records an open item.
    first_ceremony : int
        Index of the first ceremony entry (for open-item fields).

    Returns
    -------
    WeekEntries
    """
    facts = ex.events
    day0 = ex.document_date or ex.week_start or (date(ex.year, 10, 1) if ex.year else None)
    from paradeplan.importer.decide import route_point
    from paradeplan.importer.writer import tell

    res = Resolver.for_document(facts, ex.area, day0, lambda: route_point(ex))
    out = WeekEntries()
    area = res.area
    if area is not None:
        out.event["area"] = {"name": area.name, "parents": list(area.parents)}
        if res.near_route:  # "VP UBND P. An Nhơn" (several provinces have one) with a route in the street data
            why = _("the document names no province; of the units of this name, the only one near the route's places")
            ask("event.area", tell(area.full, why))
        if area.era != res.snap.era:
            now = successor(area)
            ask(
                "event.area",
                _("'{name}' is a name from before 1 July 2025; it is now part of {now}: check the area.").format(
                    name=area.name, now=now.unit.full
                )
                if now
                else _("'{name}' is a name from before 1 July 2025: check the area.").format(name=area.name),
            )
    issuer = _issuer_name(facts.issuer, area)
    if issuer:
        out.event["issuer"] = issuer
    seat_ids: dict[str, str] = {}

    def seat_place(unit: Unit, name: str | None = None, kind: str = "office") -> str:
        key = f"{unit.key}|{name or ''}"
        if key not in seat_ids:
            label, address = _name_and_address(name or f"Trụ sở UBND {lower_kind(unit)}")
            extra = (
                " ".join(w for w in re.findall(r"\b(?:TH|THCS|THPT|MN|\d+)\b", label.replace(unit.name, "")))
                if name
                else ""
            )
            entry = place_entry(label, kind, unit)
            if address:
                entry["address"] = address
            entry["id"] = venue_id(kind if name else "office", unit, extra)
            seat_ids[key] = places.add_pinned(entry)
        return seat_ids[key]

    pairs = _ceremonies(ex, res, places, ask, out, first_ceremony, seat_place)
    _people(ex, res, ask, out, seat_place, issuer, pairs)
    _activities(ex, res, ask, out, seat_place, issuer)
    for field_, question in res.questions:
        ask(field_, question)
    return out


def _families(events: list[CeremonyEvent]) -> dict[str, dict[str, Any]]:
    """Per ceremony family, what host-less clauses say (date, time, duration) for the hosted ones."""
    out: dict[str, dict[str, Any]] = {}
    for e in events:
        if _hosted(e) or e.place or e.time:  # held by someone, or a ceremony of its own: not a default
            continue
        d = out.setdefault(e.family, {})
        for k in ("date", "time", "end", "duration"):
            if d.get(k) is None and getattr(e, k) is not None:
                d[k] = getattr(e, k)
    return out


def _hosted(e: CeremonyEvent) -> bool:
    return bool(e.host.units or e.host.institutions)


def _ceremonies(
    ex: Extraction,
    res: Resolver,
    places: PlaceBook,
    ask: Callable[[str, str], None],
    out: WeekEntries,
    first: int,
    seat_place: Callable[..., str],
) -> list[tuple[CeremonyEvent, Target]]:
    events = ex.events.ceremonies
    defaults = _families(events)
    counts = _institution_counts(ex)
    chosen = _chosen_events(events)
    excluded: dict[str, set[str]] = {}
    targets: list[tuple[CeremonyEvent, list[Target]]] = []
    visited = _visited_units(ex, res)
    for e, _t in chosen:
        where = f"ceremonies[{first + sum(len(t) for _e, t in targets)}]"
        base = e.name
        host = _named_host(e, ask, _spread(res, where))
        ts = res.targets(e.host, where, e.venue_institutions, e.choice, e.place, base, counts)
        if host is not e.host:  # a collective: only the units the document names (by itself or by a visit)
            named = res.targets(host, where, e.venue_institutions, e.choice, e.place, base, counts) if host else []
            held = _held_elsewhere(e, [x for x, _t in chosen], res)  # a visited unit's own ceremony, if named
            ts = named + [t for t in ts if t.unit is not None and t.unit.key in visited - held and t not in named]
            if e.place and len(ts) > 1:  # one named venue: one ceremony
                kept = res.one_venue(e.place, [t.unit for t in ts if t.unit is not None])
                ts = [t for t in ts if t.unit is None or t.unit in kept][:1] if len(kept) == 1 else ts
        if not ts:
            continue
        if e.host.exception:
            excluded.setdefault(e.family, set()).update(t.unit.key for t in ts if t.unit is not None)
        targets.append((e, ts))
    taken_ids: set[str] = set()
    pairs: list[tuple[CeremonyEvent, Target]] = []
    group = 0
    for e, ts in targets:
        ex_keys = excluded.get(e.family, set()) if not e.host.exception else set()
        is_collective = any(u.collective for u in e.host.units)
        ts = [t for t in ts if not (is_collective and t.unit is not None and t.unit.key in ex_keys)]
        d = defaults.get(e.family, {})
        launch = None
        if e.launch_group and len(ts) > 1:
            group += 1
            launch = f"dong-loat-{group}"
        for t in ts:
            k = first + len(out.ceremonies)
            where = f"ceremonies[{k}]"
            if t.seat is None and t.unit is None and res.area is not None:  # a unit the data does not know: the
                said = _("'{name}' is named but not located: placed at the seat of {unit} (approximate); pin it.")
                t = replace(t, seat=res.area, question=t.question or said.format(name=t.venue, unit=res.area.name))
            entry = _ceremony_entry(ex, e, t, d, where, ask, places, seat_place, taken_ids)
            if launch:
                entry["launch_group"] = launch
            out.ceremonies.append(entry)
            pairs.append((e, t))
    for text in ex.events.undated_ceremonies:
        ask(
            "ceremonies",
            _("A ceremony is mentioned without a date or time and was not scheduled: '{text}'.").format(text=text),
        )
    return pairs


def _a_venue(place: str) -> bool:
    """Whether a ceremony's place names one venue by its name (a school, a centre, a hall), not only units or a
    kind ("Trung tâm học tập cộng đồng": each unit's own)."""
    from paradeplan.importer.extract import place_kind

    named = any(w[:1].isupper() and not w.isupper() for w in place.split()[1:])  # "… xã Vũ Quý", not "… cộng đồng"
    return place_kind(place) is not None and named and "của" not in place.split()


def _spread(res: Resolver, where: str) -> Callable[[UnitRef], bool]:
    """Whether a bare kind means every unit of that kind in the area ("UBND phường" in a district's plan)."""

    def spread(u: UnitRef) -> bool:
        return u.bare and len(res.units_of(u, where)) > 1

    return spread


def _named_host(
    e: CeremonyEvent, ask: Callable[[str, str], None], spread: Callable[[UnitRef], bool] = lambda _u: False
) -> Host | None:
    """The host without the units it counts or gathers but does not name ("103 xã, phường", "các phường tổ chức
    …", and a bare kind that means every unit of that kind in the area, ``spread``: "UBND phường tổ chức …" in a
    district's plan): a ceremony is written for each unit the document names, not for each unit of the dataset;
    one open item says what is left to the units; None when the host names no unit at all (only officials' visits
    to named units give those units' ceremonies, see :func:`_visited_units`)."""
    if _unnamed_institutions(e):  # "Các trường MN, TH tổ chức phát động … trong giờ chào cờ đầu tuần": theirs
        ask("ceremonies", _held_themselves().format(units=e.host.text or e.host.institutions[0].text, name=e.name))
        return None
    unnamed = [u for u in e.host.units if (u.collective and not u.listed) or spread(u)]
    if not unnamed:
        return e.host
    # "Cụm 1 (các xã A, B, C): 14h00 … tại TTHTCĐ xã A": the units gather at one venue, one ceremony there
    gathered = e.time is not None and bool(e.place) and _a_venue(e.place or "")
    for u in unnamed:
        if gathered:
            continue
        ask("ceremonies", _held_themselves().format(units=u.text, name=e.name))
    rest = [u for u in e.host.units if u not in unnamed]
    if not rest and (e.host.units or not e.host.institutions):
        return Host() if gathered else None
    return Host(e.host.text, rest, e.host.institutions, e.host.org, e.host.exception)


def _held_themselves() -> str:
    """The open item for a ceremony that units or institutions the document does not name hold each on their own."""
    return _(
        "'{units}' hold '{name}' themselves; the document does not name them one by one: no ceremony was "
        "written for them (add each one, with its time and venue, by hand to plan it)."
    )


def _unnamed_institutions(e: CeremonyEvent) -> bool:
    """Whether a ceremony is a task left to institutions the document does not name ("Các trường mầm non, tiểu học
    tổ chức phát động Tuần lễ trong giờ chào cờ đầu tuần"): held by institutions only, written as a collective or
    counted, and nothing gives it a day, an hour, a venue or a choice of venue of its own: no ceremony to plan (a
    day of its own keeps it: "Cấp TH, THCS: Tổ chức lễ phát động đồng loạt vào giờ chào cờ, sáng thứ hai (ngày
    02/10/2023)" is one launch per ward, unless they hold it by themselves: :data:`_ON_THEIR_OWN`)."""
    told = e.date is not None or e.time is not None or bool(e.place) or bool(e.choice)
    if _ON_THEIR_OWN.search(text_fold(e.text)):
        told = False  # "Các trường … tự tổ chức lễ phát động dưới cờ sáng thứ Hai 02/10": their day, their ceremony
    return all(u.bare for u in e.host.units) and unnamed_holders(e.host) and not told


#: The holders said to hold it by themselves ("các trường tự tổ chức lễ phát động", "nhà trường tự tổ chức") (folded):
#: each one's own ceremony, whatever day or hour the clause gives it, none the document's.
_ON_THEIR_OWN = re.compile(r"\btu\s+to chuc\b")


def _held_elsewhere(e: CeremonyEvent, events: list[CeremonyEvent], res: Resolver) -> set[str]:
    """Keys of the units another ceremony of the document is held by or held in, by name ("… tại … phường B")."""
    keys: set[str] = set()
    for other in events:
        if other is e:
            continue
        from paradeplan.importer.events import unit_refs
        from paradeplan.importer.text import Folded

        for ref in [*other.host.units, *unit_refs(Folded.of(other.place or ""))]:  # "… tại TTHTCĐ phường B"
            unit = res.named(ref) if ref.name else None
            if unit is not None:
                keys.add(unit.key)
    return keys


def _visited_units(ex: Extraction, res: Resolver) -> set[str]:
    """Keys of the units officials are sent to by name ("dự lễ tại phường Thạch Thang"): named by the document."""
    from paradeplan.importer.events import unit_refs
    from paradeplan.importer.text import Folded

    keys: set[str] = set()
    for off in ex.events.officials:
        for target in off.targets:
            for ref in unit_refs(Folded.of(target)):
                unit = res.named(ref) if ref.name else None
                if unit is not None:
                    keys.add(unit.key)
    return keys


def _institution_counts(ex: Extraction) -> dict[str, int]:
    """How many institutions of each kind the document counts ("Hai nhà trường"), for hosts that name none."""
    events = ex.events.ceremonies
    counts = {i.kind: i.count for e in events for i in e.host.institutions if i.count}
    for e in events:
        for i in e.venue_institutions:
            if i.count:
                counts.setdefault(i.kind, i.count)
    for kind, n in ex.events.institution_counts.items():
        counts.setdefault(kind, n)
    return counts


def _chosen_events(events: list[CeremonyEvent]) -> list[tuple[CeremonyEvent, list[Target]]]:
    """The ceremonies to schedule: each hosted one (and each with its own venue or time); with no host named, the
    issuer holds one per date and venue (the first clause with a date wins, the others complete it)."""
    if any(_hosted(e) for e in events):
        return [(e, []) for e in events if _hosted(e) or e.place or e.time]
    seen: dict[tuple[date | None, int], CeremonyEvent] = {}
    for e in events:
        same = [
            k
            for k, s in seen.items()
            if k[0] == e.date
            and (not s.place or not e.place or fold(s.place) == fold(e.place))
            and s.family == e.family  # an opening and a closing the same day are two ceremonies
            and (s.time is None or e.time is None or s.time == e.time)
        ]
        if not same:
            seen[(e.date, len(seen))] = e
            continue
        s = seen[same[0]]
        s.place = s.place or e.place
        s.time = s.time or e.time
        s.duration = s.duration or e.duration
        s.launch_group = s.launch_group or e.launch_group
        s.notes = list(dict.fromkeys(s.notes + e.notes))
        s.guests = list(dict.fromkeys(s.guests + e.guests))
        s.flag_time = s.flag_time or e.flag_time
    dated = [e for e in seen.values() if e.date is not None]
    return [(e, []) for e in (dated or list(seen.values())[:1])]


Window = tuple[date, tuple[time, time], int, list[str], str]


def _window(
    ex: Extraction, e: CeremonyEvent, d: dict[str, Any], where: str, name: str, ask: Callable[[str, str], None]
) -> Window:
    """A ceremony's day, time window and duration, from its clause, else its family's defaults, else
    placeholders: also what is not stated (in the user's language) and the field to ask it in."""
    gaps: list[str] = []
    gap_field = ""
    day = e.date or d.get("date")
    if day is None:
        day = ex.placeholder_day or date(ex.year or 2000, 10, 1)
        gaps.append(_("the date ({date}, the week's first day)").format(date=short_date(day)))
        gap_field = gap_field or f"{where}.date"
    start, end = e.time or d.get("time"), e.end or (d.get("end") if not e.time else None)
    duration = e.duration or d.get("duration")
    if start is None and e.flag_time:
        start, flag_min = FLAG_TIME
        duration = duration or flag_min
        ask(
            f"{where}.window_start",
            _(
                "'{name}' is held at the flag ceremony (giờ chào cờ); {time} for {n} min is the usual Monday flag "
                "time, not stated: confirm."
            ).format(name=name, time=yaml_clock(start), n=duration),
        )
    if start is not None and end is not None:
        window = (start, end)
        duration = duration or max(5, (datetime.combine(day, end) - datetime.combine(day, start)).seconds // 60)
    elif start is not None and duration:
        window = (start, _plus(start, duration))
    elif start is not None:
        window = (start, _plus(start, 120))
        gaps.append(
            _("the end ({end}; only the start {start} is stated)").format(
                end=yaml_clock(window[1]), start=yaml_clock(start)
            )
        )
        gap_field = gap_field or f"{where}.window_end"
    else:
        window = (
            MORNING if e.part_of_day == "morning" else AFTERNOON if e.part_of_day == "afternoon" else PLACEHOLDER_WINDOW
        )
        said = {
            "morning": _("the time (window {start}–{end}, the text says morning)"),
            "afternoon": _("the time (window {start}–{end}, the text says afternoon)"),
        }.get(e.part_of_day or "", _("the time (window {start}–{end})"))
        gaps.append(said.format(start=yaml_clock(window[0]), end=yaml_clock(window[1])))
        gap_field = gap_field or f"{where}.window_start"
    if duration is None:
        duration = DEFAULT_DURATION
        gaps.append(_("the duration ({n} min)").format(n=duration))
        gap_field = gap_field or f"{where}.duration_min"
    return day, window, duration, gaps, gap_field


def _ceremony_entry(
    ex: Extraction,
    e: CeremonyEvent,
    t: Target,
    d: dict[str, Any],
    where: str,
    ask: Callable[[str, str], None],
    places: PlaceBook,
    seat_place: Callable[..., str],
    taken: set[str],
) -> dict[str, Any]:
    name = f"{e.name} — {t.label}" if t.label else e.name
    venue = seat_place(t.seat, t.venue, t.kind) if t.seat is not None else places.add(t.venue, t.kind)
    if t.question and (t.seat is None or places.approximate(venue)):  # a seat's question, unless a place of the
        ask(f"{where}.venue", t.question)  # document's own took the venue ("sân Nhà văn hóa A" is "Nhà văn hóa A")
    day, window, duration, gaps, gap_field = _window(ex, e, d, where, name, ask)
    notes = list(e.notes)
    if gaps:
        ask(gap_field, _("Not stated for '{name}': {gaps} — placeholders.").format(name=name, gaps="; ".join(gaps)))
    span = (datetime.combine(day, window[1]) - datetime.combine(day, window[0])).seconds // 60
    if duration > span:
        window = (window[0], _plus(window[0], duration))
    ident = "le-" + slug(t.label or e.name, "-", 40) if t.label else f"le-{len(taken) + 1}"
    base, n = ident, 2
    while ident in taken:
        ident, n = f"{base}-{n}", n + 1
    taken.add(ident)
    entry: dict[str, Any] = {
        "id": ident,
        "name": name,
        "venue": venue,
        "date": day,
        "window_start": yaml_clock(window[0]),
        "window_end": yaml_clock(window[1]),
        "duration_min": duration,
    }
    if notes:
        entry["note"] = "; ".join(notes)
    return entry


def _people(
    ex: Extraction,
    res: Resolver,
    ask: Callable[[str, str], None],
    out: WeekEntries,
    seat_place: Callable[..., str],
    issuer: str | None,
    pairs: list[tuple[CeremonyEvent, Target]],
) -> None:
    wishes: dict[str, list[str]] = {}
    texts: dict[str, str] = {}
    for (e, _t), entry in zip(pairs, out.ceremonies, strict=True):
        for g in e.guests:
            wishes.setdefault(g, []).append(entry["id"])
            texts.setdefault(g, e.text)
    for off in ex.events.officials:
        ids: list[str] = []
        for k, target in enumerate(off.targets):
            what = off.events[k] if k < len(off.events) else ""
            when = off.times[k] if k < len(off.times) else None
            ids.extend(i for i in _match(target, pairs, out.ceremonies, res, what, when) if i not in ids)
        if not ids:
            ask(
                "people",
                _("'{name}' is sent to {targets}, which matches no ceremony: add the wish by hand.").format(
                    name=off.name, targets=", ".join(off.targets)
                ),
            )
            continue
        wishes.setdefault(off.name, [])
        wishes[off.name] += [i for i in ids if i not in wishes[off.name]]
        texts.setdefault(off.name, off.text)
    wishes, texts = _one_per_person(wishes, texts)
    if not wishes:
        return
    # one itinerary, in the order of the day, however its parts were written (a table's rows, then the prose)
    order = {entry["id"]: (str(entry["date"]), str(entry["window_start"])) for entry in out.ceremonies}
    wishes = {name: sorted(ids, key=lambda i: order.get(i, ("", ""))) for name, ids in wishes.items()}
    area = res.area
    base = seat_place(area, f"Trụ sở {issuer}" if issuer else None) if area is not None else None
    taken: set[str] = set()
    for k, (name, ids) in enumerate(wishes.items()):
        ident = slug(name, "_", 32)
        while ident in taken:
            ident += "_"
        taken.add(ident)
        said, title = person_and_title(name)
        person: dict[str, Any] = {"id": ident, "name": capitalize(said)}
        if title:
            person["role"] = title
        if base:
            person["base"] = base
        person["wishes"] = ids
        out.people.append(person)
        quote = texts[name] if len(texts[name]) <= 140 else texts[name][:140].rsplit(" ", 1)[0] + " …"
        ask(
            f"people[{k}]",
            _(
                "'{name}' (from: “{quote}”): when they are free and where they start are not stated; the issuer's "
                "seat is assumed."
            ).format(name=name, quote=quote),
        )


#: Honorifics before a person's name (folded): "Đồng chí", "Đ/c", "Ông", "Bà", "Ông/Bà", a school's "Thầy", "Cô"
#: and a message's "anh", "chị", also written short "A.", "C." (:func:`_honorific`: written so, no family name "Cồ").
_HONORIFIC = re.compile(r"^(?:" + HONORIFIC_FOLDED + r"|thay|co|anh|chi|[ac]\.)\s+")


def _honorific(text: str) -> re.Match[str] | None:
    """The honorific a person's name starts with (:data:`_HONORIFIC`), None when it starts with none."""
    lead = _HONORIFIC.match(text_fold(text))
    if (
        lead is not None
        and lead.group(0).startswith(("co ", "thay ", "anh ", "chi "))
        and not text.lower().startswith(("cô ", "thầy ", "anh ", "chị "))
    ):
        return None
    return lead


#: Where a title follows a person's name: ", Phó Chủ tịch …", " - Bí thư …", " (Giám đốc Sở …)".
_TITLE_AFTER = re.compile(r"\s*(?:,|\s[-–—]\s|\()\s*")


def person_and_title(text: str) -> tuple[str, str | None]:
    """A person's name and title as offices write them ("Đ/c Lục Văn Thắng (Phó Chủ tịch UBND tỉnh)", "bà Lê Thị
    Na, Chủ tịch UBND xã", "Đồng chí Trần Văn B - Bí thư Đảng ủy") → ("Lục Văn Thắng", "Phó Chủ tịch UBND tỉnh");
    a text that names no person (a title alone: "Chủ tịch UBND xã") is kept whole, with no title."""
    text = tidy(text)
    lead = _honorific(text)
    rest = text[lead.end() :] if lead else text
    cut = _TITLE_AFTER.search(rest)
    name = tidy(rest[: cut.start()]) if cut else rest
    title = tidy(rest[cut.end() :]) if cut else ""
    title = title[:-1].rstrip() if title.endswith(")") and title.count("(") < title.count(")") else title
    title = re.sub(r"[,;]?\s+(?:về|đến|tới|sẽ|cùng)$", "", title)  # "…, Phó Chủ tịch UBND huyện, về (dự …)"
    words = name.split()
    one = len(words) == 1 and re.fullmatch(ONE_WORD_NAME, name) is not None  # "K'Brơi"
    if not (2 <= len(words) <= 5 or one) or not all(w[:1].isupper() for w in words) or _is_title(name):
        return _title_first(text, rest)
    return name, title or None


def _title_first(text: str, rest: str) -> tuple[str, str | None]:
    """A person written after their title ("Chủ tịch UBND huyện Phan Văn Minh" → ("Phan Văn Minh", "Chủ tịch UBND
    huyện")): the last two to four capitalised words from a family name; else the text kept whole."""
    words = rest.split()
    if not _is_title(rest):
        return text, None
    run = len(words)
    while run > 1 and words[run - 1][:1].isupper() and not words[run - 1].isupper():
        run -= 1  # the capitalised words at the end: a unit's name, then the person's
    for k in range(max(run, 1), len(words) - 1):
        if text_fold(words[k]) in FAMILY_NAMES and 2 <= len(words) - k <= 4:
            return " ".join(words[k:]), " ".join(words[:k])
    return text, None


#: Words a title starts with (folded): a name that starts so is a title, not a person.
_TITLE_WORDS = re.compile(
    r"^(?:pho\s+)?(?:chu tich|bi thu|giam doc|truong|hieu truong|lanh dao|dai dien|tong)\b|^(?:pct|ct|pbt|bt|pgd|gd)\s"
)


def _is_title(text: str) -> bool:
    """Whether a text starts with a title; "Trương", "Tống" (family names) are no "Trưởng", "Tổng" (a head, a
    general …) when accents tell."""
    return _TITLE_WORDS.match(text_fold(text)) is not None and not text.lower().startswith(("trương ", "tống "))


def _person_key(name: str) -> str:
    """Who a name is, whatever office follows it ("Đ/c Lê Thị Na, Chủ tịch UBND xã" = "Đồng chí Lê Thị Na")."""
    said, title = person_and_title(name)  # "Đ/c A (Phó Chủ tịch UBND tỉnh)" = "Đ/c A"
    head = said if said != tidy(name) or title else name.split(",")[0]
    lead = _honorific(head)
    return fold(head[lead.end() :] if lead else head).strip()


def _one_per_person(wishes: dict[str, list[str]], texts: dict[str, str]) -> tuple[dict[str, list[str]], dict[str, str]]:
    """One entry for a person named twice ("Chủ trì: Đ/c A, Chủ tịch UBND xã" in one row, "Đ/c A" in another): the
    fullest name, the wishes of both in the order first met."""
    names: dict[str, str] = {}
    merged: dict[str, list[str]] = {}
    titled = _titled(list(wishes))
    for name, ids in wishes.items():
        key = titled.get(name) or _person_key(name) or name
        if len(name) > len(names.get(key, "")):
            names[key] = name
        merged.setdefault(key, [])
        merged[key] += [i for i in ids if i not in merged[key]]
    out = {names[k]: ids for k, ids in merged.items()}
    said = {names[titled.get(n) or _person_key(n) or n]: t for n, t in reversed(list(texts.items()))}
    return out, said


def _titled(names: list[str]) -> dict[str, str]:
    """Persons named by their title alone ("Đ/c Chủ tịch") where one person named with that title ("Đ/c Chủ tịch
    Hồ Văn Lâm") is that person: title-only name → the person's key."""
    holders: dict[str, set[str]] = {}
    for name in names:
        said, title = person_and_title(name)
        if title:
            holders.setdefault(fold(title), set()).add(_person_key(name))
    out = {}
    for name in names:
        lead = _honorific(name)
        rest = tidy(name[lead.end() :]) if lead else ""
        said, title = person_and_title(name)
        if rest and not title and _is_title(rest) and len(holders.get(fold(rest), set())) == 1:
            out[name] = next(iter(holders[fold(rest)]))
    return out


def _match(
    target: str,
    pairs: list[tuple[CeremonyEvent, Target]],
    entries: list[dict[str, Any]],
    res: Resolver,
    what: str = "",
    when: time | None = None,
) -> list[str]:
    """Ceremony ids a target ("phường Thới An", "Trường THCS Linh Trung", "TTHTCĐ xã") names; of several, those
    of the ceremony the text names (``what``, folded: "le khai mac"), then those at the time said (``when``:
    "9h30 dự Lễ khai mạc tại …")."""
    found = _named_by(target, pairs, entries, res)
    kind = {entry["id"]: fold(e.name) for (e, _t), entry in zip(pairs, entries, strict=True)}
    if len(found) > 1 and what:
        found = [i for i in found if kind[i].startswith(what)] or found
    said = re.search(r"(?:^|\s)cap\s+(.+)$", fold(target))  # "cấp huyện", "Lễ phát động Tuần lễ cấp huyện"
    level = said.group(1).strip() if said else ""
    if not found and what and said is not None:
        # "dự Lễ phát động cấp xã" where the text says the level nowhere else: the one ceremony of that kind held
        # by a unit of that level
        of_kind = [
            entry["id"]
            for (_e, t), entry in zip(pairs, entries, strict=True)
            if kind[entry["id"]].startswith(what) and t.unit is not None and fold(t.unit.kind) == level
        ]
        found = of_kind if len(of_kind) == 1 else []
    if not found and what and said is None:
        found = _of_kind_on_day(target, what, entries, kind)
    if len(found) > 1 and when is not None:
        start = {entry["id"]: str(entry.get("window_start", ""))[:5] for entry in entries}
        found = [i for i in found if start[i] == when.strftime("%H:%M")] or found
    return found


def _of_kind_on_day(target: str, what: str, entries: list[dict[str, Any]], kind: dict[str, str]) -> list[str]:
    """The one ceremony a target names by its kind alone, with the day it is held when it gives one ("Lễ tổng kết
    ngày 07/10/2025", "Lễ bế mạc"): of the ceremonies of that kind (``what``), those on that day; [] unless one."""
    from paradeplan.importer.dates import find_dates

    if not fold(target).startswith(what):
        return []
    of_kind = [entry for entry in entries if kind[entry["id"]].startswith(what)]
    years = {entry["date"].year for entry in of_kind if isinstance(entry["date"], date)}
    days = [d.value for d in find_dates(fold(target), min(years) if len(years) == 1 else None)]
    found = [entry["id"] for entry in of_kind if not days or entry["date"] in days]
    return found if len(found) == 1 else []


#: A level written as a label ("Cấp: Tỉnh; Thời gian: …"), folded: the same as "cấp tỉnh".
_LEVEL_LABEL = re.compile(r"\bcap\s*:\s*")


def _named_by(
    target: str, pairs: list[tuple[CeremonyEvent, Target]], entries: list[dict[str, Any]], res: Resolver
) -> list[str]:
    """Ceremony ids a target names: by venue or name (abbreviations written out), else by its unit."""
    from paradeplan.geo.names import name_key
    from paradeplan.importer.events import unit_refs
    from paradeplan.importer.text import Folded

    key = fold(target)
    full = fold(name_key(target))
    by_name = []
    for (e, t), entry in zip(pairs, entries, strict=True):
        venue, venue_full = _compared(t.venue)
        head = _compared(e.text[:80])[0]
        if key and (
            key in venue
            or full in venue_full
            # "Trường THPT Trần Phú – Hoàn Kiếm" sent to where the ceremony's venue reads "Trường THPT Trần Phú"
            or len(venue.split()) >= 3
            and key.startswith(venue + " ")
            or key in _compared(entry["name"])[0]
            or (key.startswith("cap ") and key in _LEVEL_LABEL.sub("cap ", head))  # "… cấp quận"
            or f"tai {key}" in head  # "Lễ khai mạc tại phường Bồ Đề — … Địa điểm: Trường …"
        ):
            by_name.append(entry["id"])
    if by_name:
        return by_name
    refs = [u for u in unit_refs(Folded.of(target)) if u.name]
    units = [u for r in refs for u in [res.named(r)] if u is not None]
    exact = [
        entry["id"]
        for (_e, t), entry in zip(pairs, entries, strict=True)
        if t.unit is not None and any(t.unit.key == u.key for u in units)
    ]
    if exact:
        return exact
    return [
        entry["id"]
        for (_e, t), entry in zip(pairs, entries, strict=True)
        if t.unit is not None and any(t.unit.key.startswith(u.key + "_") for u in units)
    ]


@lru_cache(maxsize=16384)
def _compared(text: str) -> tuple[str, str]:
    """A text as :func:`_named_by` compares it: folded, and folded with its abbreviations written out."""
    from paradeplan.geo.names import name_key

    return fold(text), fold(name_key(text))


#: A venue's address after its name: a house number ("…, số 35 phố Trung Kính, phường A", "…, 12 đường B").
_ADDRESS = re.compile(
    r",\s*((?:số(?: nhà)?\s*)?\d+[A-Za-z]?(?:/\d+)*\s+(?:đường|phố|đ\.)\s.+|số(?: nhà)?\s*\d.+"
    r"|(?:đường|phố)\s+[" + CAPITAL_LETTERS + r"0-9].*)$",
    re.I,
)


#: A venue's unit said after its name ("Hội trường Khu công nghiệp A, xã A"): its address when the name before it
#: is a proper one (a capitalised word after the first), not a generic one ("Nhà văn hóa, phường 5").
_UNIT_AFTER = re.compile(
    r",\s*((?:xã|phường|thị trấn|thị xã|quận|huyện|tỉnh|thành phố|TP\.?)\s+["
    + CAPITAL_LETTERS
    + r"0-9][^,;()]*(?:,\s*[^,;()]+)*)$"
)


def _name_and_address(label: str) -> tuple[str, str | None]:
    """A venue as written, split into its name and its address ("Trường THCS A, số 35 phố B, phường C")."""
    m = _ADDRESS.search(label)
    if m is None:
        m = _UNIT_AFTER.search(label)
        if m is not None and not re.search(r"\s[" + CAPITAL_LETTERS + r"0-9]", label[: m.start()]):
            return label, None
    if m is None or m.start() < 4:
        return label, None
    return label[: m.start()].strip(), m.group(1).strip()


def _activities(
    ex: Extraction,
    res: Resolver,
    ask: Callable[[str, str], None],
    out: WeekEntries,
    seat_place: Callable[..., str],
    issuer: str | None,
) -> None:
    facts = ex.events
    start0 = ex.week_start
    if ex.document_date and ex.week_start and ex.week_end and ex.week_start <= ex.document_date <= ex.week_end:
        start0 = ex.document_date  # guidance issued during the week applies from its date
    for a in facts.activities:
        holders: list[tuple[str, list[str]]] = []
        if a.host.org:
            holders.append((a.host.org, []))
        own_only = a.host.org is not None and all(u.bare for u in a.host.units)  # "Thư viện phường"
        for ref in [] if own_only else a.host.units:
            for u in res.units_of(ref, "activities"):
                holders.append((u.name, [seat_place(u)]))
        if not holders:
            holders.append((issuer or (res.area.name if res.area else "Đơn vị ban hành"), []))
        for who, place_ids in holders:
            if a.days:  # a schedule by day: one entry a day, where it goes that day
                out.activities += [
                    {"name": a.name, "kind": a.kind, "start": day, "end": day, "who": who, "where": where}
                    for day, where in a.days
                ]
                continue
            same = next((x for x in out.activities if x["kind"] == a.kind and x["who"] == who), None)
            if same is not None:  # the same kind of activity for the same holder: one entry, places joined
                if a.where and a.where not in (same.get("where") or ""):
                    same["where"] = "; ".join(w for w in (same.get("where"), a.where) if w)
                continue
            k = len(out.activities)
            entry: dict[str, Any] = {"name": a.name, "kind": a.kind}
            start = a.start or (start0 if a.kind in ("banners", "publicity") else ex.week_start)
            end = a.end or (facts.publicity_end if a.kind in ("banners", "publicity") else None) or ex.week_end
            stated_end = a.end or (facts.publicity_end if a.kind in ("banners", "publicity") else None)
            if a.start is None and stated_end is None and start and end:
                ask(
                    f"activities[{k}].start",
                    _("When '{name}' ({who}) runs is not stated; {start}–{end} is assumed.").format(
                        name=clipped(a.name), who=who, start=short_date(start), end=short_date(end)
                    ),
                )
            elif a.start is None and start:
                ask(
                    f"activities[{k}].start",
                    _("The start of '{name}' ({who}) is not stated; {start} is assumed.").format(
                        name=clipped(a.name), who=who, start=short_date(start)
                    ),
                )
            if start and end and end < start:
                start = end
            if start:
                entry["start"] = start
            if end:
                entry["end"] = end
            if place_ids:
                entry["places"] = place_ids
            entry["who"] = who
            if a.kind == "banners" and facts.slogans:
                entry["items"] = list(facts.slogans)
            if a.where:
                entry["where"] = a.where
            out.activities.append(entry)
