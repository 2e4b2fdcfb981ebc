"""Read a results folder of ``paradeplan plan`` (schedule, posts/1 instance, route, traffic) into a ``LivePlan``."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from paradeplan.errors import InputError, Problem
from paradeplan.i18n import N_, _, number
from paradeplan.live.model import LivePlan, Reserve, RouteLine
from paradeplan.parade.schedule import ParadeSchedule, UnitRow
from paradeplan.posts.instance import Instance, load_instance, read_json_file

#: Largest schedule.json, route.geojson or plan.json read (bytes): a city-wide parade's schedule is a few MB.
MAX_BYTES = 50_000_000
DB_NAME = "live.sqlite"
HINT = N_("give the folder that `paradeplan plan PLAN --out OUT` wrote")
#: What to do about a results file this version cannot read.
AGAIN = N_("plan again with this version of paradeplan")


@dataclass(frozen=True)
class LiveFolder:
    """A results folder ready to serve: the plan for the model, the route for the maps, the store's path."""

    out: Path
    plan: LivePlan
    route_lines: tuple[tuple[tuple[float, float], ...], ...]
    """Each stretch as (lat, lon) points, for the maps."""
    route_points: tuple[tuple[str, str, float, float, float], ...]
    """(kind, name, lat, lon, route metre) of the start, U-turns and end."""
    digest: str
    """SHA-256 of schedule.json: the reports in the store belong to this schedule."""
    db: Path
    basemap: tuple[tuple[float, tuple[tuple[tuple[float, float], tuple[float, float]], ...]], ...] = ()
    """Faint street lines around the route, by line weight (from the plan's street data), for the maps."""
    basemap_note: str | None = None
    """Why there is no basemap, when there is none."""

    @property
    def schedule(self) -> ParadeSchedule:
        """The checked schedule."""
        return self.plan.schedule


def _refuse(path: Path, message: str, hint: str | None = None) -> InputError:
    """A refusal naming ``path`` (translated message; the hint defaults to :data:`HINT`)."""
    return InputError(problems=[Problem(message, str(path), hint=_(HINT) if hint is None else hint)])


def _json(path: Path) -> Any:
    if not path.is_file():
        raise _refuse(path, _("is missing") if not path.exists() else _("is not a file"))
    return read_json_file(path, MAX_BYTES)


def _first_problem(text: str) -> str:
    """``format: Field required`` from pydantic's ``N validation errors for Schedule / format / Field required
    [type=...]`` (the first problem, and how many there are)."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    if len(lines) >= 3:
        count = lines[0].split(" ", 1)[0]
        message = lines[2].split(" [", 1)[0]
        if count.isdigit() and int(count) > 1:
            return _("{field}: {message} ({n} problems in all)").format(field=lines[1], message=message, n=count)
        return f"{lines[1]}: {message}"
    return lines[0] if lines else _("unreadable")


def _schedule(path: Path) -> tuple[ParadeSchedule, str]:
    from paradeplan.parade.schedule_json import from_json

    data = _json(path)
    try:
        schedule = from_json(data)
    except ValueError as exc:
        raise _refuse(
            path,
            _("is not a paradeplan.schedule/1 file ({problem})").format(problem=_first_problem(str(exc))),
            _(AGAIN),
        ) from None
    if not schedule.timetable or not schedule.closures.stretches:
        raise _refuse(path, _("has no timetable or no route stretches"), _(AGAIN))
    return schedule, hashlib.sha256(path.read_bytes()).hexdigest()


def _route(
    path: Path, schedule: ParadeSchedule
) -> tuple[RouteLine, tuple[tuple[tuple[float, float], ...], ...], tuple[tuple[str, str, float, float, float], ...]]:
    data = _json(path)
    features = data.get("features") if isinstance(data, dict) else None
    if not isinstance(features, list):
        raise _refuse(path, _("is not a GeoJSON FeatureCollection"))
    lines: list[tuple[tuple[tuple[float, float], ...], float]] = []
    points: list[tuple[str, str, float, float, float]] = []
    try:
        for f in features:
            geom, props = f["geometry"], f.get("properties") or {}
            if geom["type"] == "LineString":
                coords = tuple((round(float(c[1]), 6), round(float(c[0]), 6)) for c in geom["coordinates"])
                lines.append((coords, float(props["length_m"])))
            elif geom["type"] == "Point" and props.get("kind") in ("start", "uturn", "end"):
                lon, lat = geom["coordinates"][:2]
                points.append(
                    (
                        str(props["kind"]),
                        str(props.get("name") or ""),
                        float(lat),
                        float(lon),
                        float(props.get("dist_m") or 0.0),
                    )
                )
    except (KeyError, TypeError, ValueError, IndexError, AttributeError) as exc:
        raise _refuse(
            path,
            _("has a feature without the route's geometry or length ({error})").format(
                error=f"{type(exc).__name__}: {exc}"
            ),
            _(AGAIN),
        ) from None
    if not lines or not any(coords for coords, _length in lines):
        raise _refuse(path, _("has no route line"))
    line = RouteLine.from_stretches(lines)
    if abs(line.at_m[-1] - schedule.parade.total_m) > max(50.0, 0.01 * schedule.parade.total_m):
        raise _refuse(
            path,
            _("measures {n} m but schedule.json's route is {total} m").format(
                n=number(line.at_m[-1]), total=number(schedule.parade.total_m)
            ),
            _("the two files come from different plans: plan again"),
        )
    return line, tuple(coords for coords, _length in lines), tuple(points)


def _traffic(path: Path) -> tuple[int, int, dict[str, float], str]:
    data = _json(path)
    traffic = data.get("traffic") if isinstance(data, dict) else None
    streets = data.get("streets") if isinstance(data, dict) else None
    try:
        assert isinstance(traffic, dict)
        lead = int(round(float(traffic["lead_time_min"]) * 60))
        clearance = int(round(float(traffic["clearance_min"]) * 60))
        speeds = {str(k): float(v) for k, v in (traffic.get("unit_speed_kmh") or {}).items()}
    except (AssertionError, KeyError, TypeError, ValueError, AttributeError):
        raise _refuse(path, _("has no traffic.lead_time_min and traffic.clearance_min"), _(AGAIN)) from None
    return lead, clearance, speeds, streets if isinstance(streets, str) and streets else "builtin:quan12"


def _basemap(spec: str, given: Path | None, line: RouteLine) -> tuple[Any, str | None]:
    """Street lines near the route from ``given`` (``--streets``) or the plan's street data when it can be found
    from the folder alone (embedded, or an absolute path)."""
    from paradeplan.geo.streets import load_graph
    from paradeplan.maps.basemap import street_lines

    if given is not None:
        graph = load_graph(str(given))
    elif spec.startswith("builtin:") or Path(spec).is_absolute():
        if not spec.startswith("builtin:") and not Path(spec).is_file():
            return (), _("no street basemap: {file} (the plan's streets) is not there; pass --streets FILE").format(
                file=spec
            )
        graph = load_graph(spec)
    else:
        return (), _(
            "no street basemap: the plan names its streets at a relative path ({file}); pass --streets FILE"
        ).format(file=spec)
    bounds = [[min(line.lat), min(line.lon)], [max(line.lat), max(line.lon)]]
    lines = street_lines(graph, bounds)
    return tuple((float(w), tuple((tuple(a), tuple(b)) for a, b in segs)) for w, segs in lines), None


def _reserves(units: tuple[UnitRow, ...], instance: Instance, kind_speed: dict[str, float]) -> tuple[Reserve, ...]:
    """Every reserve with its station and its speed (the posts/1 instance's, else the plan's for its kind)."""
    speeds = {u.id: u.speed_kmh for u in instance.units}
    out = []
    for u in units:
        speed = speeds.get(u.unit, kind_speed.get(u.kind))
        if u.duty != "reserve" or u.station is None or speed is None or speed <= 0:
            continue
        st = u.station
        out.append(Reserve(u.unit, u.name, u.kind, speed, st.name, st.lat, st.lon, st.post))
    return tuple(out)


def load_folder(
    out: Path, parade: str | None = None, *, streets: Path | None = None, with_basemap: bool = True
) -> LiveFolder:
    """Read what the live server needs from a results folder.

    Parameters
    ----------
    out : Path
        The folder ``paradeplan plan --out`` wrote.
    parade : str, optional
        A parade id other than the first (its files are ``schedule-ID.json``, ``posts-ID.json``,
        ``route-ID.geojson``).
    streets : Path, optional
        Street data (GraphML) for the maps' faint basemap, instead of the plan's.
    with_basemap : bool
        Draw the basemap at all (the model does not need it).

    Returns
    -------
    LiveFolder

    Raises
    ------
    InputError
        Naming the file that is missing or broken and what to do (exit status 2).
    """
    if not out.exists():
        raise _refuse(out, _("no such folder"), _("run `paradeplan plan PLAN --out {out}` first").format(out=out))
    if not out.is_dir():
        raise _refuse(out, _("is not a folder"))
    suffix = f"-{parade}" if parade else ""
    for name in (f"schedule{suffix}.json", f"posts{suffix}.json", f"route{suffix}.geojson", "plan.json"):
        if not (out / name).is_file():
            raise _refuse(
                out / name,
                _("is missing") if not (out / name).exists() else _("is not a file"),
                _("{hint} (it writes {file})").format(hint=_(HINT), file=name)
                if not parade
                else _("is '{id}' a parade of this folder?").format(id=parade),
            )
    schedule, digest = _schedule(out / f"schedule{suffix}.json")
    instance = load_instance(out / f"posts{suffix}.json")
    line, lines, points = _route(out / f"route{suffix}.geojson", schedule)
    lead, clearance, kind_speed, spec = _traffic(out / "plan.json")
    inst_speed = {u.id: u.speed_kmh for u in instance.units}
    speeds = tuple(
        sorted(
            (u.unit, inst_speed.get(u.unit, kind_speed.get(u.kind, 0.0)))
            for u in schedule.units
            if inst_speed.get(u.unit, kind_speed.get(u.kind, 0.0)) > 0
        )
    )
    plan = LivePlan(schedule, instance, line, _reserves(schedule.units, instance, kind_speed), lead, clearance, speeds)
    basemap, note = _basemap(spec, streets, line) if with_basemap else ((), None)
    return LiveFolder(out, plan, lines, points, digest, out / DB_NAME, basemap, note)
