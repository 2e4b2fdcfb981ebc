"""Resolve a parade's route or an onward route (a plan's streets and places) into a Route on the street graph."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import networkx as nx

from paradeplan.errors import InputError, Problem
from paradeplan.geo.gazetteer import Gazetteer, load_gazetteer
from paradeplan.geo.geocode import ResolvedPlace, resolve_place
from paradeplan.geo.names import nfc
from paradeplan.geo.streets import NamedPoint
from paradeplan.i18n import gettext
from paradeplan.plan.model import Parade, Place, Plan, RouteStep
from paradeplan.route.engine import Engine, Item
from paradeplan.route.model import COORD_DECIMALS, Route, RoutePoint
from paradeplan.route.where import Where


def _area(plan: Plan) -> str | None:
    a = plan.event.area
    return ", ".join([a.name, *reversed(a.parents)]) if a else None


def _resolve_place_id(
    plan: Plan, pid: str, gazetteer: Gazetteer, g: nx.MultiDiGraph, online: bool, where: Where, fld: str
) -> ResolvedPlace:
    try:
        place = plan.place(pid)
    except KeyError:
        place = Place(id=pid, name=pid)
    points: Sequence[NamedPoint] = g.graph.get("_named_points") or ()
    try:
        return resolve_place(
            place, gazetteer=gazetteer, named_points=points, online=online, area=_area(plan), file=where.file, field=fld
        )
    except InputError as exc:  # the field's line is looked up only for a message (it reparses the plan file)
        line = where.line(fld)
        if not exc.problems or type(exc) is not InputError:
            raise
        raise InputError(
            problems=[replace(p, line=line) if p.field == fld and p.line is None else p for p in exc.problems]
        ) from None


def _items(
    plan: Plan, steps: Sequence[RouteStep], gazetteer: Gazetteer, g: nx.MultiDiGraph, online: bool, where: Where
) -> tuple[list[Item], list[ResolvedPlace]]:
    items: list[Item] = []
    places: list[ResolvedPlace] = []
    for i, st in enumerate(steps):
        if st.street:
            items.append(Item("street", i, street=nfc(st.street)))
        elif st.place:
            rp = _resolve_place_id(plan, st.place, gazetteer, g, online, where, where.field(i, "place"))
            places.append(rp)
            items.append(Item("place", i, place=rp, uturn=st.uturn, end=st.end))
    return items, places


def resolve_route(
    plan: Plan,
    parade: Parade | str | None,
    graph: nx.MultiDiGraph,
    *,
    gazetteer: Gazetteer | None = None,
    online: bool = False,
    file: str | Path | None = None,
) -> Route:
    """Resolve a parade's route (street names and places) into a path on the street graph.

    Parameters
    ----------
    plan : Plan
        The validated plan (its places are looked up by id).
    parade : Parade or str or None
        The parade, its id, or None for the plan's first parade.
    graph : networkx.MultiDiGraph
        Street graph from :func:`paradeplan.geo.streets.load_graph`.
    gazetteer : Gazetteer, optional
        Street aliases and known places (default: the shipped ``data/gazetteer.yaml``).
    online : bool
        Allow Nominatim lookups for places found nowhere else.
    file : str or Path, optional
        The plan file, for error messages (file and line).

    Returns
    -------
    Route
        Stretches in route order, marked points, junctions and total length.

    Raises
    ------
    InputError
        Unknown street, streets that never meet, U-turn place far from its street, ambiguous or unknown place.
    NetworkError
        An online lookup failed.
    """
    par = _pick_parade(plan, parade, file)
    pi = plan.parades.index(par)
    where = Where(str(file) if file else None, f"parades[{pi}].route")
    gaz = gazetteer if gazetteer is not None else load_gazetteer()
    items, places = _items(plan, par.route, gaz, graph, online, where)
    eng = Engine(graph, gaz, where)
    eng.run(items, None, False, {})
    extra = []
    asm_where = Where(where.file, f"parades[{pi}]")
    asm = _resolve_place_id(plan, par.assembly_place, gaz, graph, online, asm_where, asm_where.field("assembly_place"))
    extra.append(RoutePoint("assembly", asm.name, round(asm.lat, COORD_DECIMALS), round(asm.lon, COORD_DECIMALS), 0.0))
    return eng.route(par.id, tuple([*places, asm]), extra)


def _pick_parade(plan: Plan, parade: Parade | str | None, file: str | Path | None) -> Parade:
    if isinstance(parade, Parade):
        return parade
    if not plan.parades:
        raise InputError(
            problems=[
                Problem(
                    gettext("the plan has no parade"),
                    str(file) if file else None,
                    field="parades",
                    hint=gettext("add a parade with a route under parades:"),
                )
            ]
        )
    if parade is None:
        return plan.parades[0]
    for p in plan.parades:
        if p.id == parade:
            return p
    ids = ", ".join(p.id for p in plan.parades)
    raise InputError(
        problems=[
            Problem(
                gettext("no parade '{id}' in the plan").format(id=parade),
                str(file) if file else None,
                field="parades",
                hint=gettext("use one of: {ids}").format(ids=ids),
            )
        ]
    )


def resolve_steps(
    graph: nx.MultiDiGraph,
    steps: Sequence[RouteStep],
    plan: Plan,
    start_latlon: tuple[float, float],
    *,
    gazetteer: Gazetteer | None = None,
    online: bool = False,
    file: str | Path | None = None,
    field: str = "route",
    start_label: str = "start",
) -> Route:
    """Resolve an onward route that starts where something else ended (e.g. a ward float after the parade).

    The vehicle drives to the nearest point of the first street, follows the streets as a parade route does,
    and from the last street drives to the end place (connector stretches mark the legs that are not plan
    streets).

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        Street graph.
    steps : sequence of RouteStep
        The onward route's steps (streets, places).
    plan : Plan
        The plan (for its places).
    start_latlon : (float, float)
        Where the vehicle starts (lat, lon).
    gazetteer : Gazetteer, optional
        Default: the shipped gazetteer.
    online : bool
        Allow Nominatim lookups.
    file : str or Path, optional
        Plan file for error messages.
    field : str
        Dotted field path of the steps in the plan, for error messages.
    start_label : str
        Name of the start point.

    Returns
    -------
    Route
        The resolved onward route.

    Raises
    ------
    InputError
        As :func:`resolve_route`.
    """
    where = Where(str(file) if file else None, field)
    gaz = gazetteer if gazetteer is not None else load_gazetteer()
    items, places = _items(plan, steps, gaz, graph, online, where)
    eng = Engine(graph, gaz, where)
    eng.run(items, start_latlon, True, {-1: start_label})
    return eng.route(None, tuple(places))
