"""The validated plan: frozen dataclasses every later stage reads (the plan file's schema is generated from them)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time, timedelta
from typing import Literal

from pydantic import ConfigDict

_CFG = ConfigDict(extra="forbid", use_attribute_docstrings=True, frozen=True, str_strip_whitespace=True)

Language = Literal["vi", "en"]
Role = Literal["lead", "route_guard", "in_column", "post_duty", "flank", "tail", "support", "marshal"]
AfterEndAction = Literal["stay", "return_base", "own_route", "dismiss"]

#: Known vehicle kinds with their default length (m), gap to the next vehicle (m) and maximum speed (km/h).
#: A plan may use any other kind, giving ``length_m`` and ``max_speed_kmh`` itself.
VEHICLE_DEFAULTS: dict[str, tuple[float, float, float]] = {
    "flower_float": (12.0, 10.0, 20.0),
    "police_car": (4.8, 15.0, 80.0),
    "police_motorbike": (2.2, 6.0, 80.0),
    "loudspeaker": (6.0, 10.0, 40.0),
    "bus": (12.0, 10.0, 50.0),
    "car": (4.8, 8.0, 60.0),
    "private_motorbike": (2.0, 3.0, 60.0),
    "bicycle": (1.8, 2.0, 15.0),
    "marching_group": (20.0, 5.0, 5.0),
    "other": (6.0, 10.0, 30.0),
}

#: Place kinds the documents use; any other string is accepted too.
PLACE_KINDS = (
    "office",
    "school",
    "community_learning_centre",
    "culture_centre",
    "square",
    "junction",
    "roundabout",
    "bridge",
    "park",
    "pagoda",
    "police_station",
    "market",
    "other",
)


@dataclass(frozen=True)
class Area:
    """The area a plan covers, as administrative names from the widest to the narrowest (no fixed levels)."""

    __pydantic_config__ = _CFG
    name: str
    """The area's own name, e.g. "Quận 12" or "Phường Bạch Sam"."""
    parents: tuple[str, ...] = ()
    """Wider areas, widest first, e.g. ["Thành phố Hồ Chí Minh"]. Any depth: provinces and wards only since 2025."""


@dataclass(frozen=True)
class Event:
    """What the plan is for."""

    __pydantic_config__ = _CFG
    name: str
    """Full name of the event, e.g. "Tuần lễ hưởng ứng học tập suốt đời năm 2023"."""
    theme: str | None = None
    """The theme or slogan of the year (chủ đề)."""
    issuer: str | None = None
    """Who issued the plan (cơ quan ban hành)."""
    document: str | None = None
    """The plan document's number, e.g. "6791/KH-UBND-GDDT"."""
    document_date: date | None = None
    """The date the document was signed."""
    area: Area | None = None
    """The area the plan covers."""
    week_start: date | None = None
    """First day of the week of events."""
    week_end: date | None = None
    """Last day of the week of events."""
    timezone: str = "Asia/Ho_Chi_Minh"
    """IANA time zone of every clock time in the plan."""
    language: Language = "vi"
    """Language of the outputs: vi (default) or en."""
    source: str | None = None
    """Where the facts come from (file name of the source document)."""
    report_to: str | None = None
    """Who receives the report after the week when the document names a recipient but no due date (deadlines
    with a date go under ``deadlines``)."""


@dataclass(frozen=True)
class Place:
    """A named place: an office, school, square, junction… Pinned coordinates win over any lookup."""

    __pydantic_config__ = _CFG
    id: str
    """Short identifier used to refer to the place elsewhere in the plan."""
    name: str
    """Name as people write it."""
    kind: str = "other"
    """office, school, community_learning_centre, square, junction, roundabout, bridge, park, … (free text)."""
    lat: float | None = None
    """Latitude (WGS84). Give both lat and lon to pin the place."""
    lon: float | None = None
    """Longitude (WGS84)."""
    address: str | None = None
    """Postal address, for people and for online geocoding."""
    aliases: tuple[str, ...] = ()
    """Other names the documents use for the same place."""
    approximate: bool = False
    """True when the coordinates are only approximate (shown as such)."""
    note: str | None = None
    """Free remark (source of the coordinates, …)."""
    source: str | None = None
    """Where the coordinates come from, e.g. "vietnamadminunits 1.0.4 (units before 1 July 2025, 63 provinces)"
    for a unit's seat placed by ``import``."""
    unit: str | None = None
    """The administrative unit the place lies in, narrowest first, any depth ("Phường Bạch Sam, Thị xã Mỹ Hào,
    Tỉnh Hưng Yên"); the plan book shows which post-July-2025 ward it now belongs to."""


@dataclass(frozen=True)
class RouteStep:
    """One step of a route: a street to follow, or a place (start, U-turn point, waypoint or end)."""

    __pydantic_config__ = _CFG
    street: str | None = None
    """Name of a street to follow (aliases and the "đường" prefix are understood)."""
    place: str | None = None
    """Id of a place (defined under ``places``) the route passes, turns at or ends at."""
    uturn: bool = False
    """The column turns back at this place (quay đầu)."""
    end: bool = False
    """The route ends at this place (kết thúc)."""
    note: str | None = None
    """Free remark."""


@dataclass(frozen=True)
class AfterEnd:
    """What a group or vehicle does once the common route has ended."""

    __pydantic_config__ = _CFG
    action: AfterEndAction = "dismiss"
    """stay, return_base, own_route (parade its own route, e.g. a ward float in its ward) or dismiss."""
    route: tuple[RouteStep, ...] = ()
    """The onward route for ``own_route``: steps as in a parade route."""
    window_start: time | None = None
    """Earliest start of the onward parading leg."""
    window_end: time | None = None
    """Latest end of the onward parading leg."""


@dataclass(frozen=True)
class Vehicle:
    """One vehicle of a group, when vehicles differ (owner, base, onward route)."""

    __pydantic_config__ = _CFG
    id: str
    """Identifier of the vehicle (unit id on run-sheets)."""
    name: str | None = None
    """Display name, e.g. "Xe hoa phường Thới An"."""
    owner: str | None = None
    """Who provides it (a ward, a unit)."""
    base: str | None = None
    """Id of the place it starts from (its base)."""
    ready: time | None = None
    """Earliest time it can leave its base."""
    after_end: AfterEnd | None = None
    """Overrides the group's after-end behaviour."""
    crew: str | None = None
    """Driver or officer in charge (kept out of public outputs)."""
    phone: str | None = None
    """Contact phone (kept out of public outputs)."""


@dataclass(frozen=True)
class VehicleGroup:
    """Vehicles of one kind and role in a parade's column or escort."""

    __pydantic_config__ = _CFG
    id: str
    """Identifier of the group."""
    kind: str
    """flower_float, police_car, police_motorbike, loudspeaker, bus, car, private_motorbike (participants' own),
    bicycle, marching_group, other (or any kind)."""
    count: int
    """How many vehicles."""
    role: Role = "in_column"
    """lead (rides at the head), route_guard (holds posts, leapfrogs), in_column, post_duty, flank, tail, support,
    or marshal: people on foot (dân quân, dân phòng, đoàn viên thanh niên) who hold the barrier points (rào chắn)
    at crossings without a police post; ``count`` is how many, ``base`` where they start from."""
    name: str | None = None
    """Display name of the group, e.g. "Xe hoa các phường"."""
    owner: str | None = None
    """Who provides the vehicles (unit, ward)."""
    base: str | None = None
    """Id of the place the vehicles start from."""
    ready: time | None = None
    """Earliest time the vehicles can leave their base."""
    length_m: float | None = None
    """Vehicle length in metres (default by kind)."""
    gap_m: float | None = None
    """Gap to the next vehicle in the column, metres (default by kind)."""
    max_speed_kmh: float | None = None
    """Maximum speed in km/h (default by kind)."""
    vehicles: tuple[Vehicle, ...] = ()
    """Per-vehicle details; when given, their number must equal ``count``."""
    after_end: AfterEnd = AfterEnd()
    """What the vehicles do once the common route has ended."""
    note: str | None = None
    """Free remark."""


@dataclass(frozen=True)
class Staging:
    """The street stretch where the column lines up before departure, and how vehicles enter it."""

    __pydantic_config__ = _CFG
    street: str
    """The street of the staging stretch."""
    length_m: float
    """Usable length of the stretch in metres."""
    slot_min: int = 5
    """Length of an arrival slot in minutes."""
    per_slot: int = 6
    """How many vehicles the entrance takes per slot."""
    extra: tuple[ExtraStretch, ...] = ()
    """Further stretches used when the first one is too short."""


@dataclass(frozen=True)
class ExtraStretch:
    """An additional staging stretch."""

    __pydantic_config__ = _CFG
    street: str
    """Street of the extra stretch."""
    length_m: float
    """Usable length in metres."""


@dataclass(frozen=True)
class LineupRules:
    """Rules for the order of vehicles in the column."""

    __pydantic_config__ = _CFG
    order: tuple[str, ...] = ()
    """Group ids (or vehicle ids) from head to tail; groups not listed follow in plan order."""
    floats_by: Literal["plan", "owner", "split"] = "plan"
    """Order of ward floats: as listed, by owner name, or "split" so that nobody crosses the column at the split."""
    tail_group: str | None = None
    """Group whose last vehicle closes the column (e.g. a route-guard car)."""


@dataclass(frozen=True)
class Parade:
    """A vehicle parade: assembly, departure, route, column and rules."""

    __pydantic_config__ = _CFG
    id: str
    """Identifier of the parade."""
    name: str
    """Display name."""
    date: date
    """Day of the parade."""
    assembly_place: str
    """Id of the assembly place (tập trung)."""
    assembly_time: time
    """When everybody must be in place."""
    departure_time: time
    """When the head of the column leaves."""
    route: tuple[RouteStep, ...]
    """Ordered steps: start place, streets, U-turn places, end place."""
    groups: tuple[VehicleGroup, ...]
    """The column and its escort."""
    speed_limit_kmh: float | None = None
    """Maximum column speed the plan sets (e.g. "không quá 15 km/giờ")."""
    no_leaving_before_end: bool = True
    """No vehicle may leave the column before the end of the route."""
    staging: Staging | None = None
    """Where and how the column lines up."""
    lineup: LineupRules = LineupRules()
    """Line-up rules."""
    note: str | None = None
    """Free remark."""


@dataclass(frozen=True)
class Gathering:
    """An extra gathering before the parade, e.g. the loudspeaker vehicle at 06:30 elsewhere."""

    __pydantic_config__ = _CFG
    id: str
    """Identifier."""
    name: str
    """What it is."""
    place: str
    """Id of the gathering place."""
    date: date
    """Day."""
    time: time
    """When to be there."""
    groups: tuple[str, ...] = ()
    """Ids of vehicle groups (or vehicles) that gather there."""
    duration_min: int = 15
    """How long they stay before moving on."""
    then: Literal["join_assembly", "stay", "dismiss"] = "join_assembly"
    """What they do next."""
    parade: str | None = None
    """Id of the parade they join (default: the first)."""


@dataclass(frozen=True)
class TrafficPolicy:
    """Where traffic posts go and how they are staffed."""

    __pydantic_config__ = _CFG
    post_road_classes: tuple[str, ...] = ("trunk", "primary", "secondary", "tertiary")
    """OSM road classes of crossing streets whose traffic must be held (a post at each such junction)."""
    post_at_uturns: bool = True
    """Put a post at every U-turn point."""
    post_at_assembly: bool = True
    """Put a post at the assembly point's exit."""
    post_at_finish: bool = True
    """Put a post at the finish."""
    lead_time_min: float = 3.0
    """Minutes before the head arrives that a post closes the junction."""
    clearance_min: float = 1.0
    """Minutes after the tail clears that the junction reopens."""
    need: dict[str, int] | None = None
    """Units per ordinary post by kind (default one police_motorbike)."""
    uturn_need: dict[str, int] | None = None
    """Units per U-turn post (default one police_car and two police_motorbike: lanes must be blocked)."""
    priority_by_class: dict[str, int] | None = None
    """Priority of a post by the road class of the crossing street (default trunk 3, primary 3, secondary 2, else 1)."""
    detour_factor: float = 1.3
    """Straight-line to road distance factor for units moving between posts."""
    unit_speed_kmh: dict[str, float] | None = None
    """Top speed of units moving between posts by kind (default motorbike 30, car 30); on the streets each road
    class caps it too (trunk 50, primary 40, secondary 35, tertiary 30, smaller streets 20 km/h)."""
    overtake_kmh: float = 10.0
    """How much faster than the column a unit may drive along the parade route itself to get ahead of it (km/h)."""
    marshal_walk_m: float = 400.0
    """One marshal may hold several barrier points whose windows do not overlap when each is within this walk
    (metres along the streets, any street either way) of the one before."""
    restricted_ring_m: float = 500.0
    """Streets within this distance of the route are closed to heavy vehicles (xe tải từ 500 kg, xe khách từ 16
    chỗ) for the whole closure window in the police notice (0: none)."""
    heavy_vehicle_classes: tuple[str, ...] = ("motorway", "trunk", "primary", "secondary", "tertiary")
    """OSM road classes trucks (500 kg and more) and coaches (16 seats and more) may be sent along: their detours
    keep to these, and the streets they use are left out of the ring closed to them."""
    exempt_vehicles: tuple[str, ...] = ()
    """Vehicles the closures do not apply to, as the notice lists them (default: the usual list)."""
    bus_notes: tuple[str, ...] = ()
    """What happens to bus routes (one sentence each; the police notice prints them)."""
    parking_notes: tuple[str, ...] = ()
    """Where to park, or where parking is forbidden (one sentence each; the police notice prints them)."""


@dataclass(frozen=True)
class ProgramItem:
    """One item of a ceremony's program."""

    __pydantic_config__ = _CFG
    title: str
    """What happens."""
    duration_min: int
    """How long it takes."""
    speaker: str | None = None
    """Id of the person or a role who must be present for this item."""


@dataclass(frozen=True)
class Person:
    """An official or guest who attends ceremonies."""

    __pydantic_config__ = _CFG
    id: str
    """Identifier."""
    name: str
    """Name or title, e.g. "Phó Chủ tịch UBND quận"."""
    role: str | None = None
    """Role, e.g. "leader", "speaker"."""
    base: str | None = None
    """Id of the place the person starts from."""
    available_from: time | None = None
    """Earliest time the person is available."""
    available_until: time | None = None
    """Latest time the person is available."""
    speed_kmh: float = 25.0
    """Travel speed between venues."""
    wishes: tuple[str, ...] = ()
    """Ids of ceremonies the person wishes to attend."""
    min_stay_min: int | None = None
    """Shortest stay at a ceremony in minutes (a visit); default: the whole ceremony."""


@dataclass(frozen=True)
class Team:
    """A shared team or equipment that can be in one place at a time (photo crew, sound system)."""

    __pydantic_config__ = _CFG
    id: str
    """Identifier."""
    name: str
    """Name."""
    base: str | None = None
    """Id of its home place."""
    speed_kmh: float = 25.0
    """Travel speed."""
    setup_min: int = 0
    """Minutes needed at a venue before the ceremony starts."""
    size: int = 1
    """Number of people in the team (counted against a ceremony's capacity)."""


@dataclass(frozen=True)
class Ceremony:
    """An opening ceremony or launch event at a venue."""

    __pydantic_config__ = _CFG
    id: str
    """Identifier."""
    name: str
    """Display name."""
    venue: str
    """Id of the venue place."""
    date: date
    """Day."""
    window_start: time
    """Earliest start."""
    window_end: time
    """Latest end."""
    duration_min: int = 60
    """Duration (the program's total when a program is given)."""
    capacity: int | None = None
    """Maximum attendance (e.g. COVID-19 limits)."""
    program: tuple[ProgramItem, ...] = ()
    """Ordered program."""
    required: tuple[str, ...] = ()
    """Ids of people or teams who must attend."""
    wished: tuple[str, ...] = ()
    """Ids of people or teams whose attendance is wished for."""
    launch_group: str | None = None
    """Ceremonies sharing a launch group start together (simultaneous launch)."""
    local_attendance: int = 0
    """People present who are not scheduled here (hosts, pupils), counted against ``capacity``."""
    note: str | None = None
    """Free remark."""


@dataclass(frozen=True)
class Activity:
    """Another activity of the week: publicity, banners, book fair, mobile library…"""

    __pydantic_config__ = _CFG
    name: str
    """What is done."""
    kind: str = "other"
    """publicity, banners, book_fair, mobile_library, exhibition, training, loudspeaker_round, other."""
    start: date | None = None
    """First day."""
    end: date | None = None
    """Last day."""
    places: tuple[str, ...] = ()
    """Ids of places."""
    who: str | None = None
    """Who is in charge."""
    items: tuple[str, ...] = ()
    """Slogans, titles or other items."""
    where: str | None = None
    """Where, as the document says it when it names no single place ("các địa điểm công cộng, các nhà văn hóa")."""


@dataclass(frozen=True)
class Round:
    """A parade of the week (e.g. a ward's loudspeaker round) to be given a day and a start slot."""

    __pydantic_config__ = _CFG
    id: str
    """Identifier."""
    name: str
    """Display name."""
    route: tuple[RouteStep, ...] = ()
    """Route of the round."""
    days: tuple[date, ...] = ()
    """Allowed days (default: the whole week)."""
    window_start: time = time(7, 0)
    """Earliest start."""
    window_end: time = time(17, 0)
    """Latest end."""
    duration_min: int = 60
    """Duration."""
    uses: tuple[str, ...] = ()
    """Ids of shared teams or vehicles the round needs."""
    start_place: str | None = None
    """Id of where the round starts and ends."""


@dataclass(frozen=True)
class Deadline:
    """A due date (reports)."""

    __pydantic_config__ = _CFG
    what: str
    """What is due."""
    due: date
    """Due date."""
    to: str | None = None
    """Who receives it."""
    who: str | None = None
    """Who must deliver it."""


@dataclass(frozen=True)
class OpenItem:
    """Something the source did not say and someone must decide (written by ``import``; reported by ``validate``)."""

    __pydantic_config__ = _CFG
    field: str
    """The field path concerned."""
    question: str
    """What must be decided."""


@dataclass(frozen=True)
class Alternative:
    """One candidate of a decision (a place with its coordinates, or a value)."""

    __pydantic_config__ = _CFG
    name: str
    """What it is."""
    lat: float | None = None
    """Latitude (WGS84), for a place."""
    lon: float | None = None
    """Longitude (WGS84), for a place."""
    note: str | None = None
    """Where it lies, where it comes from."""


@dataclass(frozen=True)
class Decision:
    """Something the source left to the context and ``import`` decided (the user may overturn it)."""

    __pydantic_config__ = _CFG
    field: str
    """The field path concerned."""
    chosen: str
    """What was chosen."""
    reason: str
    """Why (in the document's context)."""
    id: str | None = None
    """A stable id ("d1", …)."""
    alternatives: tuple[Alternative, ...] = ()
    """The chosen candidate first, then the others."""
    source: str | None = None
    """The sentence of the document it comes from."""


@dataclass(frozen=True)
class Plan:
    """A whole plan file."""

    __pydantic_config__ = _CFG
    event: Event
    """The event."""
    format: Literal["paradeplan.plan/1"] = "paradeplan.plan/1"
    """Format marker."""
    streets: str | None = None
    """Street data: a GraphML file path relative to the plan, or "builtin:quan12" (the embedded Quận 12 data)."""
    places: tuple[Place, ...] = ()
    """Named places."""
    parades: tuple[Parade, ...] = ()
    """Vehicle parades."""
    gatherings: tuple[Gathering, ...] = ()
    """Extra gatherings."""
    traffic: TrafficPolicy = TrafficPolicy()
    """Traffic-control policy."""
    ceremonies: tuple[Ceremony, ...] = ()
    """Opening ceremonies."""
    people: tuple[Person, ...] = ()
    """Officials and guests."""
    teams: tuple[Team, ...] = ()
    """Shared teams."""
    rounds: tuple[Round, ...] = ()
    """Parades of the week to schedule (loudspeaker rounds)."""
    activities: tuple[Activity, ...] = ()
    """Other activities of the week."""
    deadlines: tuple[Deadline, ...] = ()
    """Due dates."""
    open_items: tuple[OpenItem, ...] = ()
    """Questions left open (validate reports them)."""
    decisions: tuple[Decision, ...] = ()
    """What ``import`` decided from the document's context (validate lists them; change the field to overturn)."""

    def place(self, place_id: str) -> Place:
        """The place with this id (KeyError if none)."""
        for p in self.places:
            if p.id == place_id:
                return p
        raise KeyError(place_id)

    def unit_speeds(self) -> dict[str, float]:
        """Travel speed (km/h) of each team and vehicle (group or vehicle id) that rounds may share."""
        speeds = {t.id: t.speed_kmh for t in self.teams}
        for p in self.parades:
            for g in p.groups:
                sp = g.max_speed_kmh or VEHICLE_DEFAULTS.get(g.kind, VEHICLE_DEFAULTS["other"])[2]
                speeds.setdefault(g.id, sp)
                for v in g.vehicles:
                    speeds.setdefault(v.id, sp)
        return speeds

    def week_days(self) -> list[date]:
        """The days of the week, sorted: the event's span and every round's allowed days (may be empty)."""
        ev = self.event
        days: set[date] = set()
        if ev.week_start and ev.week_end:
            days.update(ev.week_start + timedelta(days=i) for i in range((ev.week_end - ev.week_start).days + 1))
        for r in self.rounds:
            days.update(r.days)
        return sorted(days)
