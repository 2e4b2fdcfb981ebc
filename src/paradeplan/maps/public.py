"""The residents' and press map (``map-public.html``): route, closures by stretch, start, end, U-turns only."""

from __future__ import annotations

from typing import Any

from paradeplan import clock
from paradeplan.maps.basemap import street_lines
from paradeplan.maps.common import COLOURS, esc, labels
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
N.onAdd=function(){var d=L.DomUtil.create('div','pp-legend');d.innerHTML=D.closures_html;
  L.DomEvent.disableClickPropagation(d);L.DomEvent.disableScrollPropagation(d);
  d.style.maxHeight='40vh';d.style.overflow='auto';return d;};
N.addTo(map);
"""


def render_public_map(
    schedule: ParadeSchedule, route: Route, *, lang: str = "vi", cdn: bool = False, streets_graph: Any = None
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

    Returns
    -------
    str
        The HTML page.
    """
    L = labels(lang)
    data, lines = route_data(schedule, route, L, ("start", "end", "uturn"))
    parade = schedule.parade
    rows = [f"<b>{esc(L['closures'])}</b>"]
    for c in schedule.closures.stretches:
        rows.append(
            f"<br>{esc(c.seq)}. {esc(c.street)}: "
            f"{esc(clock.hm_or_blank(c.close_s))}–{esc(clock.hm_or_blank(c.reopen_s))}"
        )
    rows.append(f"<br><i>{esc(L['public_note'])}</i>")
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
    subtitle = (
        f"{parade.name} · {parade.date.isoformat()} · "
        f"{clock.hm_or_blank(parade.departure_s)}–{clock.hm_or_blank(parade.finish_tail_s)}"
    )
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
