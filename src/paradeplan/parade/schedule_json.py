"""``schedule.json`` at the file boundary: a ``ParadeSchedule`` to JSON and back, and the file's JSON Schema.

The JSON shape is declared in :mod:`paradeplan.parade.schedule_types` (its schema is generated from there) and
validated with pydantic when a file is read; everything inside paradeplan works on the typed object.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from paradeplan import clock
from paradeplan.parade.schedule import (
    Assembly,
    Base,
    Closures,
    ColumnVehicleRow,
    Counts,
    DelayTolerance,
    Escort,
    EventInfo,
    Fix,
    HeldApproach,
    LatLon,
    LineupSlot,
    Onward,
    OnwardLeg,
    ParadeInfo,
    ParadeSchedule,
    Passage,
    Post,
    PostClosure,
    Run,
    StagingPath,
    StagingTrip,
    Station,
    StretchClosure,
    TimetablePoint,
    Uncovered,
    UnitRow,
    Via,
)
from paradeplan.parade.traffic_json import add_traffic, read_traffic

SCHEMA_TITLE = "paradeplan schedule (paradeplan.schedule/1)"


def _km(metres: int) -> float:
    return metres / 1000


def _m(km: float) -> int:
    return int(round(km * 1000))


def _opt_hms(s: int | None) -> str | None:
    return None if s is None else clock.hms(s)


def _opt_s(text: str | None) -> int | None:
    return None if text is None else clock.parse_required(text)


def _counts(mapping: dict[str, int]) -> Counts:
    return tuple((str(k), int(v)) for k, v in mapping.items())


def _coords(rows: list[list[float]]) -> tuple[LatLon, ...]:
    return tuple((float(r[0]), float(r[1])) for r in rows)


def _coords_json(coords: tuple[LatLon, ...]) -> list[list[float]]:
    return [[la, lo] for la, lo in coords]


# ------------------------------------------------------------------------------------------------ to JSON


def to_json(s: ParadeSchedule) -> dict[str, Any]:
    """The schedule as ``schedule.json`` data (``paradeplan.schedule/1``), keys in the published order.

    Parameters
    ----------
    s : ParadeSchedule

    Returns
    -------
    dict
        JSON-ready data; :func:`from_json` maps it back to an equal ``ParadeSchedule``.
    """
    p = s.parade
    a = p.assembly
    out: dict[str, Any] = {
        "format": s.format,
        "attribution": s.attribution,
        "event": {
            "name": s.event.name,
            "theme": s.event.theme,
            "timezone": s.event.timezone,
            "language": s.event.language,
        },
        "parade": {
            "id": p.id,
            "name": p.name,
            "date": p.date.isoformat(),
            "assembly": {"place": a.place, "name": a.name, "lat": a.lat, "lon": a.lon, "time": clock.hms(a.time_s)},
            "departure": clock.hms(p.departure_s),
            "finish_head": clock.hms(p.finish_head_s),
            "finish_tail": clock.hms(p.finish_tail_s),
            "total_km": _km(p.total_m),
            "column_length_m": p.column_length_m,
            "column_speed_kmh": p.column_speed_kmh,
            "uturn_extra_s": p.uturn_extra_s,
            "no_leaving_before_end": p.no_leaving_before_end,
        },
        "column": [
            {
                "position": c.position,
                "unit": c.unit,
                "name": c.name,
                "kind": c.kind,
                "role": c.role,
                "group": c.group,
                "owner": c.owner,
                "length_m": c.length_m,
            }
            for c in s.column
        ],
        "timetable": [
            {
                "seq": t.seq,
                "key": t.key,
                "name": t.name,
                "kind": t.kind,
                "lat": t.lat,
                "lon": t.lon,
                "km": _km(t.at_m),
                "head": clock.hms(t.head_s),
                "tail": clock.hms(t.tail_s),
                "cross_class": t.cross_class,
            }
            for t in s.timetable
        ],
        "posts": [
            {
                "id": q.id,
                "name": q.name,
                "kind": q.kind,
                "lat": q.lat,
                "lon": q.lon,
                "open": clock.hms(q.open_s),
                "close": clock.hms(q.close_s),
                "need": dict(q.need),
                "priority": q.priority,
                "cross_class": q.cross_class,
                "units": list(q.units),
                "uncovered": dict(q.uncovered),
                "passages": [
                    {"head": clock.hms(x.head_s), "tail": clock.hms(x.tail_s), "km": _km(x.at_m)} for x in q.passages
                ],
                "approaches": [{"street": a.street, "class": a.highway, "bearing": a.bearing} for a in q.approaches],
                "turn": q.turn,
            }
            for q in s.posts
        ],
        "closures": {
            "posts": [
                {
                    "post": c.post,
                    "street": c.street,
                    "cross_street": c.cross_street,
                    "lat": c.lat,
                    "lon": c.lon,
                    "close": clock.hms(c.close_s),
                    "reopen": clock.hms(c.reopen_s),
                    "units": list(c.units),
                }
                for c in s.closures.posts
            ],
            "stretches": [
                {
                    "seq": c.seq,
                    "street": c.street,
                    "from": c.frm,
                    "to": c.to,
                    "length_m": c.length_m,
                    "close": clock.hms(c.close_s),
                    "reopen": clock.hms(c.reopen_s),
                }
                for c in s.closures.stretches
            ],
        },
        "units": [
            {
                "unit": u.unit,
                "name": u.name,
                "kind": u.kind,
                "role": u.role,
                "group": u.group,
                "owner": u.owner,
                "base": None
                if u.base is None
                else {"place": u.base.place, "name": u.base.name, "lat": u.base.lat, "lon": u.base.lon},
                "ride": u.ride,
                "runs": [
                    {
                        "seq": r.seq,
                        "post": r.post,
                        "name": r.name,
                        "lat": r.lat,
                        "lon": r.lon,
                        "arrive": clock.hms(r.arrive_s),
                        "hold_from": clock.hms(r.hold_from_s),
                        "release_at": clock.hms(r.release_s),
                        "slack_s": r.slack_s,
                    }
                    for r in u.runs
                ],
                "duty": u.duty,
                "station": None
                if u.station is None
                else {"name": u.station.name, "lat": u.station.lat, "lon": u.station.lon, "post": u.station.post},
            }
            for u in s.units
        ],
        "staging": [
            {
                "unit": t.unit,
                "kind": t.kind,
                "from": t.frm,
                "leave_base": _opt_hms(t.leave_base_s),
                "arrive": clock.hms(t.arrive_s),
                "arrive_by": clock.hms(t.arrive_by_s),
                "travel_km": None if t.travel_m is None else _km(t.travel_m),
                "via": None
                if t.via is None
                else {
                    "gathering": t.via.gathering,
                    "place": t.via.place,
                    "arrive": clock.hms(t.via.arrive_s),
                    "leave": clock.hms(t.via.leave_s),
                },
                "late_s": t.late_s,
            }
            for t in s.staging
        ],
        "staging_paths": [{"from": x.frm, "via": x.via, "coords": _coords_json(x.coords)} for x in s.staging_paths],
        "escort": {
            "status": s.escort.status,
            "units_used": s.escort.units_used,
            "lower_bound": dict(s.escort.lower_bound),
            "covered": s.escort.covered,
            "required": s.escort.required,
            "travel_km": _km(s.escort.travel_m),
            "uncovered": [{"post": u.post, "kind": u.kind, "missing": u.missing} for u in s.escort.uncovered],
            "fixes": [{"kind": f.kind, "text": f.text} for f in s.escort.fixes],
            "units_needed": dict(s.escort.units_needed),
            "min_slack_s": s.escort.min_slack_s,
            "delay_tolerance_min": {
                "early": s.escort.delay_tolerance.early_min,
                "late": s.escort.delay_tolerance.late_min,
            },
        },
        "lineup": [
            {
                "position": x.position,
                "unit": x.unit,
                "kind": x.kind,
                "owner": x.owner,
                "role": x.role,
                "staging_from_m": x.staging_from_m,
                "staging_to_m": x.staging_to_m,
                "arrive_from": clock.hm(x.arrive_from_s),
                "arrive_to": clock.hm(x.arrive_to_s),
                "leave_base": "" if x.leave_base_s is None else clock.hm(x.leave_base_s),
            }
            for x in s.lineup
        ],
        "onward": [
            {
                "unit": o.unit,
                "release": clock.hms(o.release_s),
                "parade_start": _opt_hms(o.parade_start_s),
                "arrive": clock.hms(o.arrive_s),
                "legs": [
                    {
                        "seq": g.seq,
                        "mode": g.mode,
                        "segment": g.segment,
                        "street": g.street,
                        "enter": clock.hms(g.enter_s),
                        "leave": clock.hms(g.leave_s),
                        "coords": _coords_json(g.coords),
                    }
                    for g in o.legs
                ],
            }
            for o in s.onward
        ],
    }
    add_traffic(out, s.traffic)
    return out


# ------------------------------------------------------------------------------------------------ from JSON


def validate_shape(data: Any) -> None:
    """Raise ``ValueError`` when data does not have the documented ``schedule.json`` shape."""
    from pydantic import TypeAdapter, ValidationError

    from paradeplan.parade.schedule_types import Schedule

    try:
        TypeAdapter(Schedule).validate_python(data, strict=False)
    except ValidationError as exc:
        raise ValueError(str(exc)) from None


def from_json(data: Any) -> ParadeSchedule:
    """Read ``schedule.json`` data back into a ``ParadeSchedule`` (the shape is validated first).

    Raises
    ------
    ValueError
        When the data is not a ``paradeplan.schedule/1`` document.
    """
    validate_shape(data)
    s = clock.parse_required
    p = data["parade"]
    a = p["assembly"]
    parade = ParadeInfo(
        id=p["id"],
        name=p["name"],
        date=date.fromisoformat(p["date"]),
        assembly=Assembly(a["place"], a["name"], a["lat"], a["lon"], s(a["time"])),
        departure_s=s(p["departure"]),
        finish_head_s=s(p["finish_head"]),
        finish_tail_s=s(p["finish_tail"]),
        total_m=_m(p["total_km"]),
        column_length_m=float(p["column_length_m"]),
        column_speed_kmh=float(p["column_speed_kmh"]),
        uturn_extra_s=int(p["uturn_extra_s"]),
        no_leaving_before_end=bool(p["no_leaving_before_end"]),
    )
    e = data["event"]
    esc = data["escort"]
    return ParadeSchedule(
        format=data["format"],
        attribution=data["attribution"],
        event=EventInfo(e["name"], e["theme"], e["timezone"], e["language"]),
        parade=parade,
        column=tuple(
            ColumnVehicleRow(
                c["position"], c["unit"], c["name"], c["kind"], c["role"], c["group"], c["owner"], float(c["length_m"])
            )
            for c in data["column"]
        ),
        timetable=tuple(
            TimetablePoint(
                t["seq"],
                t["key"],
                t["name"],
                t["kind"],
                float(t["lat"]),
                float(t["lon"]),
                _m(t["km"]),
                s(t["head"]),
                s(t["tail"]),
                t["cross_class"],
            )
            for t in data["timetable"]
        ),
        posts=tuple(
            Post(
                q["id"],
                q["name"],
                q["kind"],
                float(q["lat"]),
                float(q["lon"]),
                s(q["open"]),
                s(q["close"]),
                _counts(q["need"]),
                int(q["priority"]),
                q["cross_class"],
                tuple(q["units"]),
                _counts(q["uncovered"]),
                tuple(Passage(s(x["head"]), s(x["tail"]), _m(x["km"])) for x in q["passages"]),
                tuple(HeldApproach(a["street"], a["class"], int(a["bearing"])) for a in q["approaches"]),
                bool(q["turn"]),
            )
            for q in data["posts"]
        ),
        closures=Closures(
            posts=tuple(
                PostClosure(
                    c["post"],
                    c["street"],
                    c["cross_street"],
                    float(c["lat"]),
                    float(c["lon"]),
                    s(c["close"]),
                    s(c["reopen"]),
                    tuple(c["units"]),
                )
                for c in data["closures"]["posts"]
            ),
            stretches=tuple(
                StretchClosure(
                    c["seq"], c["street"], c["from"], c["to"], float(c["length_m"]), s(c["close"]), s(c["reopen"])
                )
                for c in data["closures"]["stretches"]
            ),
        ),
        units=tuple(
            UnitRow(
                u["unit"],
                u["name"],
                u["kind"],
                u["role"],
                u["group"],
                u["owner"],
                None
                if u["base"] is None
                else Base(u["base"]["place"], u["base"]["name"], u["base"]["lat"], u["base"]["lon"]),
                u["ride"],
                tuple(
                    Run(
                        r["seq"],
                        r["post"],
                        r["name"],
                        float(r["lat"]),
                        float(r["lon"]),
                        s(r["arrive"]),
                        s(r["hold_from"]),
                        s(r["release_at"]),
                        int(r["slack_s"]),
                    )
                    for r in u["runs"]
                ),
                u["duty"],
                None
                if u["station"] is None
                else Station(
                    u["station"]["name"], float(u["station"]["lat"]), float(u["station"]["lon"]), u["station"]["post"]
                ),
            )
            for u in data["units"]
        ),
        staging=tuple(
            StagingTrip(
                t["unit"],
                t["kind"],
                t["from"],
                _opt_s(t["leave_base"]),
                s(t["arrive"]),
                s(t["arrive_by"]),
                None if t["travel_km"] is None else _m(t["travel_km"]),
                None
                if t["via"] is None
                else Via(t["via"]["gathering"], t["via"]["place"], s(t["via"]["arrive"]), s(t["via"]["leave"])),
                int(t["late_s"]),
            )
            for t in data["staging"]
        ),
        staging_paths=tuple(StagingPath(x["from"], x["via"], _coords(x["coords"])) for x in data["staging_paths"]),
        escort=Escort(
            esc["status"],
            int(esc["units_used"]),
            _counts(esc["lower_bound"]),
            esc["covered"],
            esc["required"],
            _m(esc["travel_km"]),
            tuple(Uncovered(u["post"], u["kind"], int(u["missing"])) for u in esc["uncovered"]),
            tuple(Fix(f["kind"], f["text"]) for f in esc["fixes"]),
            _counts(esc["units_needed"]),
            esc["min_slack_s"],
            DelayTolerance(int(esc["delay_tolerance_min"]["early"]), int(esc["delay_tolerance_min"]["late"])),
        ),
        lineup=tuple(
            LineupSlot(
                x["position"],
                x["unit"],
                x["kind"],
                x["owner"],
                x["role"],
                float(x["staging_from_m"]),
                float(x["staging_to_m"]),
                s(x["arrive_from"]),
                s(x["arrive_to"]),
                _opt_s(x["leave_base"] or None),
            )
            for x in data["lineup"]
        ),
        onward=tuple(
            Onward(
                o["unit"],
                s(o["release"]),
                _opt_s(o["parade_start"]),
                s(o["arrive"]),
                tuple(
                    OnwardLeg(
                        g["seq"],
                        g["mode"],
                        g["segment"],
                        g["street"],
                        s(g["enter"]),
                        s(g["leave"]),
                        _coords(g["coords"]),
                    )
                    for g in o["legs"]
                ),
            )
            for o in data["onward"]
        ),
        traffic=read_traffic(data),
    )


def schema() -> dict[str, Any]:
    """JSON Schema of ``schedule.json``, generated from :mod:`paradeplan.parade.schedule_types`."""
    from pydantic import TypeAdapter

    from paradeplan.parade.schedule_types import Schedule

    out: dict[str, Any] = TypeAdapter(Schedule).json_schema()
    out["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    out["title"] = SCHEMA_TITLE
    return out
