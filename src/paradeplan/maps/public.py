"""The residents' and press map (``map-public.html``): route, closures by stretch, start, end, U-turns only."""

from __future__ import annotations

from typing import Any

from paradeplan import clock
from paradeplan.i18n import short_date
from paradeplan.maps.basemap import street_lines
from paradeplan.maps.common import COLOURS, esc, labels, undecided
from paradeplan.maps.diversions import CLOSED_COLOUR, DETOUR_COLOUR, DIVERSION_JS, diversion_data
from paradeplan.maps.page import build_page, legend_html
from paradeplan.maps.police import ROUTE_JS, route_data
from paradeplan.maps.route import all_bounds
from paradeplan.parade.schedule import ParadeSchedule
from paradeplan.route.model import Route

PUBLIC_JS = r"""
var overlays=ppBase(map,D);
ppRoute(map,D,overlays);
ppDiversions(map,D,overlays);
ppLayers(map,overlays);
var N=L.control({position:'bottomleft'});
N.onAdd=function(){var d=L.DomUtil.create('details','pp-sheet');d.innerHTML=D.closures_html;
  if(!ppSmall()){d.open=true;}
  L.DomEvent.disableClickPropagation(d);L.DomEvent.disableScrollPropagation(d);return d;};
N.addTo(map);
ppDeclutter(map);
"""


def render_public_map(
    schedule: ParadeSchedule,
    route: Route,
    *,
    lang: str = "vi",
    cdn: bool = False,
    streets_graph: Any = None,
    placeholders: frozenset[str] = frozenset(),
) -> str:
    """The public map as one HTML page: no unit, officer, phone number or post assignment in it.

    Parameters
    ----------
    schedule : ParadeSchedule
        The checked schedule; only the event, the parade's name, date and times and the stretch closures are read.
    route : Route
        The resolved route.
    lang : {"vi", "en"}
        Language of the labels.
    cdn : bool
        Load Leaflet online instead of embedding it.
    streets_graph : networkx.MultiDiGraph, optional
        Street graph for the faint offline basemap.
    placeholders : frozenset of str
        The parade's facts still open (``plan.rules.parade_placeholders``): marked as not decided yet.

    Returns
    -------
    str
        The HTML page.
    """
    L = labels(lang)
    data, lines = route_data(schedule, route, L, ("start", "end", "uturn"), lang)
    parade = schedule.parade
    stretches = schedule.closures.stretches
    rows = [f"<summary>{esc(L['closures'])} ({len(stretches)})</summary><div class='pp-sheet-body'>"]
    for c in stretches:
        span = f"{clock.hm_or_blank(c.close_s)}–{clock.hm_or_blank(c.reopen_s)}"
        rows.append(f"{esc(c.seq)}. {esc(c.street)}: {esc(span)}<br>")
    rows.append(f"<i>{esc(L['public_note'])}</i></div>")
    data["closures_html"] = "".join(rows)
    data.update(diversion_data(schedule, lang))
    bounds = all_bounds(lines, [])
    legend = legend_html(
        L["legend"],
        [
            ("line", COLOURS["route"], f"{L['closed']} ({L['direction']} ►)"),
            ("dot", COLOURS["start"], L["start"]),
            ("dot", COLOURS["end"], L["end"]),
            ("dot", COLOURS["uturn"], L["uturn"]),
            ("line", CLOSED_COLOUR, data["DV"]["closed"]),
            ("dash", DETOUR_COLOUR, data["DV"]["detours"]),
        ],
    )
    event = schedule.event.name
    times = f"{clock.hm_or_blank(parade.departure_s)}–{clock.hm_or_blank(parade.finish_tail_s)}"
    times = undecided(times, bool(placeholders & {"departure_time", "assembly_time"}), lang)
    when = f"{undecided(short_date(parade.date, lang), 'date' in placeholders, lang)} · {times}"
    subtitle = f"{when} · {parade.name}"  # the date and times first: what a phone shows of it
    return build_page(
        title=f"{L['public_title']}: {event}",
        subtitle=subtitle,
        lang=lang,
        cdn=cdn,
        bounds=bounds,
        data=data,
        script=ROUTE_JS + DIVERSION_JS + PUBLIC_JS,
        legend=legend,
        basemap=street_lines(streets_graph, bounds),
        labels_=L,
        textpath=True,
    )
