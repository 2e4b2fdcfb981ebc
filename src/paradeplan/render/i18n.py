"""Vietnamese and English labels, and official-style Vietnamese dates and times ("7 giờ 30 phút, ngày 02 …")."""

from __future__ import annotations

from datetime import date

from paradeplan.i18n import KIND_LABELS, N_, NP_, Msg, pgettext, tr

LABELS: dict[str, Msg] = {
    "plan_book": N_("Plan book"),
    "summary": N_("Summary"),
    "event": N_("Event"),
    "theme": N_("Theme"),
    "parade": N_("Parade"),
    "date": N_("Date"),
    "assembly": N_("Assembly"),
    "assembly_place": N_("Assembly place"),
    "assembly_time": N_("Assembly time"),
    "departure": N_("Departure"),
    "finish_head": N_("Head reaches the end"),
    "finish_tail": N_("Tail reaches the end"),
    "split": N_("Column splits"),
    "uturn": N_("U-turn"),
    "total_km": N_("Route length"),
    "column_length": N_("Column length"),
    "column_speed": N_("Column speed"),
    "vehicles": N_("Vehicles"),
    "posts_count": N_("Traffic posts"),
    "escort_status": N_("Post staffing"),
    "no_leaving": N_("No vehicle may leave the column before the end of the route."),
    "route": N_("Route"),
    "timeline": N_("Timeline"),
    "milestone": N_("Milestone"),
    "time": N_("Time"),
    "head": N_("Head"),
    "tail": N_("Tail"),
    "lineup": N_("Column line-up"),
    "position": N_("Position"),
    "unit": N_("Unit"),
    "unit_id": N_("Unit id"),
    "name": N_("Name"),
    "kind": N_("Kind"),
    "role": N_("Role"),
    "group": N_("Group"),
    "owner": N_("Owner"),
    "length_m": N_("Length (m)"),
    "closures": N_("Road closures"),
    "closures_posts": NP_("closures", "Traffic posts"),
    "closures_stretches": N_("Closed stretches"),
    "closure_points": N_("Barrier points and their marshals"),
    "post": N_("Post"),
    "street": N_("Street"),
    "cross_street": N_("Cross street"),
    "from": N_("From"),
    "to": N_("To"),
    "lat": N_("Lat"),
    "lon": N_("Lon"),
    "close": N_("Close"),
    "reopen": N_("Reopen"),
    "units": N_("Units"),
    "runsheets": N_("Unit run-sheets"),
    "post_or_position": N_("Post or position"),
    "place": N_("Place"),
    # one truth for times (issue 27): the plan book, run-sheets, calendars and the live unit view say the same
    # three things with the same words: when to be there, when to hold the post, when to leave it
    "arrive_by": N_("Be there at"),
    "hold_from": N_("Hold from"),
    "release_at": N_("Leave at"),
    "next_move": N_("Next move"),
    "leave_base": N_("Leave base"),
    "base": N_("Base"),
    "in_column": N_("Position {n} in the column"),
    "at_head": N_("Leads the column (position {n})"),
    "ride_column": N_("Ride in the column"),
    "return_base": N_("Return to base"),
    "to_post": N_("To post {p}"),
    "reserve_at": N_("Reserve at {p}"),
    "duty": N_("Duty"),
    "slack": N_("Slack (min)"),
    "min_slack": N_("Smallest slack at a post"),
    "minutes": N_("{n} min"),
    "delay_tolerance": N_("The column may run early / late and every post is still held"),
    "tolerance_value": N_("up to {e} min early, up to {l} min late"),
    "units_needed": N_("Fewest units needed (proven)"),
    "units_given": N_("Units given"),
    "reserves": N_("Reserves"),
    "what_if": N_("What-if"),
    "onward": N_("Own route after the split"),
    "drive": N_("Drive"),
    "parade_leg": NP_("leg", "Parade"),
    "ceremonies": N_("Ceremonies"),
    "program": N_("Program"),
    "item": N_("Item"),
    "speaker": N_("Speaker"),
    "guests": N_("Guests and teams"),
    "itineraries": N_("Itineraries"),
    "person": N_("Person"),
    "ceremony": N_("Ceremony"),
    "venue": N_("Venue"),
    "arrive": N_("Arrive"),
    "leave": N_("Leave"),
    "travel_min": N_("Travel (min)"),
    "no_stops": N_("Attends no ceremony."),
    "unmet": N_("Unmet wishes"),
    "need": N_("Need"),
    "required": N_("required"),
    "wished": N_("wished"),
    "reason": N_("Reason"),
    "all_met": N_("Every required and wished attendance is met."),
    "week": N_("Week calendar"),
    "round": N_("Round"),
    "uses": N_("Uses"),
    "unplaced": N_("Not placed"),
    "ceremony_map": N_("Ceremony venues map"),
    "files": N_("Files"),
    "map": N_("Operations map"),
    "map_public": N_("Public map"),
    "attribution": N_("Map data"),
    "force_table": N_("Assignment of forces"),
    "forces": N_("Forces taking part"),
    "overview": N_("Overview"),
    "stt": N_("No."),
    "note": N_("Note"),
    "uncovered": N_("Missing units"),
    "fixes": N_("Suggested fixes"),
    "end_label": N_("end"),
    "uturn_label": NP_("label", "U-turn"),
    "day_of": N_("on"),
    "staging": N_("Driving to the assembly"),
    "via": N_("via"),
    "generated": N_("Made with paradeplan"),
}


DUTY_LABELS: dict[str, Msg] = {
    "lead": N_("Leads the column"),
    "column": N_("Rides in the column"),
    "posts": N_("Holds posts"),
    "reserve": N_("Reserve"),
}

ROLE_LABELS: dict[str, Msg] = {
    "lead": N_("Lead"),
    "route_guard": N_("Route guard"),
    "in_column": N_("In the column"),
    "post_duty": N_("Post duty"),
    "flank": N_("Flank"),
    "tail": NP_("role", "Tail"),
    "support": N_("Support"),
}

#: Run-sheet groups, in sheet order: (key, vi, en).
GROUPS: tuple[tuple[str, Msg], ...] = (
    ("police_cars", N_("Police cars")),
    ("motorbikes", N_("Motorbikes")),
    ("floats", N_("Floats")),
    ("others", N_("Others")),
)

POINT_KINDS: dict[str, Msg] = {
    "start": N_("Start"),
    "end": N_("End"),
    "uturn": N_("U-turn"),
    "assembly": N_("Assembly"),
    "junction": N_("Junction"),
}

MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def _pick(message: Msg, lang: str) -> str:
    return tr(message, lang)


def t(key: str, lang: str, **fmt: object) -> str:
    """The label ``key`` in ``lang`` ("vi" or "en"), formatted with ``fmt``.

    Parameters
    ----------
    key : str
        A key of ``LABELS``.
    lang : str
        "vi" or "en".
    **fmt
        Values for ``{placeholders}``.

    Returns
    -------
    str
    """
    return tr(LABELS[key], lang, **fmt)


def kind_label(kind: str | None, lang: str) -> str:
    """Human name of a vehicle kind (the kind itself when unknown)."""
    if not kind:
        return ""
    return _pick(KIND_LABELS[kind], lang) if kind in KIND_LABELS else kind


def role_label(role: str | None, lang: str) -> str:
    """Human name of a vehicle role (the role itself when unknown)."""
    if not role:
        return ""
    return _pick(ROLE_LABELS[role], lang) if role in ROLE_LABELS else role


def duty_label(duty: str | None, lang: str) -> str:
    """The label of a unit's duty of the day."""
    if duty in DUTY_LABELS:
        return _pick(DUTY_LABELS[duty], lang)
    return str(duty or "")


def point_label(kind: str | None, lang: str) -> str:
    """Human name of a route point kind."""
    if not kind:
        return ""
    return _pick(POINT_KINDS[kind], lang) if kind in POINT_KINDS else kind


def group_of(kind: str | None) -> str:
    """Run-sheet group key of a vehicle kind: police_cars, motorbikes, floats or others."""
    if kind == "police_car":
        return "police_cars"
    if kind == "police_motorbike":
        return "motorbikes"
    if kind == "flower_float":
        return "floats"
    return "others"


def group_label(key: str, lang: str) -> str:
    """Human name of a run-sheet group key."""
    for k, message in GROUPS:
        if k == key:
            return tr(message, lang)
    return key


def official_time(s: int | None, lang: str = "vi") -> str:
    """A clock time in the style of official documents: "7 giờ 30 phút" (vi) or "07:30" (en); empty for None."""
    if s is None:
        return ""
    h, m = s // 3600, s % 3600 // 60
    return pgettext("official document", "{hh}:{mm}", lang).format(h=h, hh=f"{h:02d}", mm=f"{m:02d}")


def official_date(day: str | date | None, lang: str = "vi") -> str:
    """A date in the style of official documents: "ngày 02 tháng 10 năm 2023" (vi) or "2 October 2023" (en)."""
    if not day:
        return ""
    d = day if isinstance(day, date) else date.fromisoformat(str(day))
    text = pgettext("official document", "{day} {month} {year}", lang)
    return text.format(day=d.day, dd=f"{d.day:02d}", month=MONTHS_EN[d.month - 1], mm=f"{d.month:02d}", year=d.year)


def short_date(day: str | date | None, lang: str = "vi") -> str:
    """A date for a table cell: "02/10/2023" (vi) or "2023-10-02" (en); empty for None."""
    if not day:
        return ""
    d = day if isinstance(day, date) else date.fromisoformat(str(day)[:10])
    return d.isoformat() if lang == "en" else f"{d.day:02d}/{d.month:02d}/{d.year}"


def date_span(days: list[str] | list[date], lang: str = "vi") -> str:
    """The dates of several events as official documents write them: one date, or "từ ngày … đến ngày …"."""
    ds = sorted({d if isinstance(d, date) else date.fromisoformat(str(d)[:10]) for d in days})
    if not ds:
        return ""
    if len(ds) == 1:
        return official_date(ds[0], lang)
    return date_range(official_date(ds[0], lang), official_date(ds[-1], lang), lang)


def date_range(first: str, last: str, lang: str = "vi") -> str:
    """Two dates already written, as a span: "từ ngày … đến ngày …" (vi), "… – …" (en)."""
    return pgettext("official document", "{first} – {last}", lang).format(first=first, last=last)


def official_datetime(day: str | date | None, s: int | None, lang: str = "vi") -> str:
    """Time and date as official documents write them: "7 giờ 30 phút, ngày 02 tháng 10 năm 2023"."""
    parts = [p for p in (official_time(s, lang), official_date(day, lang)) if p]
    return ", ".join(parts)


def street_phrase(street: str, lang: str = "vi") -> str:
    """A street as the route paragraph names it: "đường Tô Ký", but "Quốc lộ 1" kept as is."""
    s = street.strip()
    if lang == "en":
        return s
    low = s.lower()
    prefixes = (  # words as data: street-type words a name may begin with
        "đường",
        "quốc lộ",
        "tỉnh lộ",
        "đại lộ",
        "hương lộ",
        "xa lộ",
        "cầu",
        "hẻm",
        "ngã",
        "vòng xoay",
        "đt",
        "ql",
        "tl",
    )
    if low.startswith(prefixes):
        return s
    return f"đường {s}"
