"""CLI: `paradeplan streets import|fetch` and the `route` command (itinerary table)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from paradeplan.cli.common import HELP, guarded
from paradeplan.i18n import N_, NP_, Msg, _, tr

app = typer.Typer(
    help=_("Street data: import OpenStreetMap files or download an area (with --online).", HELP), no_args_is_help=True
)

_TEXT: dict[str, Msg] = {
    "title": N_("Itinerary"),
    "step": N_("Step"),
    "street": NP_("cli", "Street"),
    "from_to": N_("From → To"),
    "km": N_("km"),
    "cum": N_("Cum. km"),
    "uturn": N_("U-turn"),
    "total": N_("Total length"),
    "connector": N_("link"),
    "uturns": N_("U-turns"),
    "osm": N_("map name"),
}


@app.command(
    "import",
    help=_(
        "Import streets from an OpenStreetMap file into a GraphML street graph (© OpenStreetMap contributors).", HELP
    ),
)
def import_command(
    source: Annotated[Path, typer.Argument(help=_("An OpenStreetMap .osm (XML) or .osm.pbf file.", HELP))],
    out: Annotated[Path, typer.Option("--out", "-o", help=_("Output GraphML file (.graphml or .graphml.gz).", HELP))],
    bridge: Annotated[
        bool, typer.Option(help=_("Close gaps of a thinned extract (adds edges marked bridged).", HELP))
    ] = False,
) -> None:
    """Import streets from an OpenStreetMap file into a GraphML street graph (© OpenStreetMap contributors)."""
    from paradeplan.geo.bridge import bridge_graph
    from paradeplan.geo.osm import import_osm
    from paradeplan.geo.streets import write_street_data

    with guarded():
        g, points = import_osm(source)
        if bridge:
            bridge_graph(g)
        written = write_street_data(g, points, out)
    for p in written:
        print(p)


@app.command(
    "fetch",
    help=_(
        "Download an area's drivable streets with osmnx (needs --online and osmnx installed; cached on disk).", HELP
    ),
)
def fetch_command(
    place: Annotated[str, typer.Argument(help=_('Area to download, e.g. "Quận 12, Hồ Chí Minh, Việt Nam".', HELP))],
    out: Annotated[Path, typer.Option("--out", "-o", help=_("Output GraphML file (.graphml or .graphml.gz).", HELP))],
    online: Annotated[bool, typer.Option("--online", help=_("Allow network access (required).", HELP))] = False,
) -> None:
    """Download an area's drivable streets with osmnx (needs --online and osmnx installed; cached on disk)."""
    from paradeplan.geo.osm import fetch_osm
    from paradeplan.geo.streets import write_street_data

    with guarded():
        g, points = fetch_osm(place, online=online)
        written = write_street_data(g, points, out)
    for p in written:
        print(p)


def route_command(
    plan: Annotated[Path, typer.Argument(help=_("The plan file (YAML).", HELP))],
    parade: Annotated[str | None, typer.Option("--parade", help=_("Parade id (default: the first).", HELP))] = None,
    online: Annotated[
        bool, typer.Option("--online", help=_("Allow Nominatim lookups for unknown places.", HELP))
    ] = False,
    lang: Annotated[str, typer.Option("--lang", help=_("Language of the table: vi or en.", HELP))] = "vi",
) -> None:
    """Print a parade's itinerary: step, street, from → to, km, cumulative km and the U-turns."""
    from rich.console import Console
    from rich.table import Table

    from paradeplan.app import plan_errors
    from paradeplan.geo.streets import BUILTIN_QUAN12, load_graph
    from paradeplan.plan.planfile import load_plan
    from paradeplan.route.exports import itinerary_rows
    from paradeplan.route.resolve import resolve_route

    t = {key: tr(message, lang) for key, message in _TEXT.items()}
    with guarded(), plan_errors(plan):
        p = load_plan(plan)
        graph = load_graph(p.streets or BUILTIN_QUAN12, plan.parent)
        route = resolve_route(p, parade, graph, online=online, file=str(plan))
    title = f"{t['title']}: {route.parade_id}" if route.parade_id else t["title"]
    table = Table(title=title)
    for col, just in (
        (t["step"], "right"),
        (t["street"], "left"),
        (t["from_to"], "left"),
        (t["km"], "right"),
        (t["cum"], "right"),
        (t["uturn"], "center"),
    ):
        table.add_column(col, justify=just)  # type: ignore[arg-type]
    for row in itinerary_rows(route):
        street = row["street"]
        if row["connector"]:
            street = f"({t['connector']}) {street}"
        elif row["osm_name"]:
            street = f"{street} [dim]({t['osm']}: {row['osm_name']})[/dim]"
        table.add_row(
            str(row["step"]),
            street,
            f"{row['from']} → {row['to']}",
            f"{row['km']:.2f}",
            f"{row['cum_km']:.2f}",
            "↩" if row["uturn"] else "",
        )
    console = Console()
    console.print(table)
    console.print(f"{t['total']}: {route.total_m / 1000:.2f} km")
    if route.uturns:
        console.print(f"{t['uturns']}: " + "; ".join(f"{u.name} (km {u.dist_m / 1000:.2f})" for u in route.uturns))
    console.print("[dim]© OpenStreetMap contributors (ODbL)[/dim]")
