"""Folium maps of a plan: the police map, the public map and the posts map (offline by default)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from paradeplan.maps.police import render_police_map
from paradeplan.maps.posts_map import render_posts_map
from paradeplan.maps.public import render_public_map
from paradeplan.parade.schedule import ParadeSchedule
from paradeplan.plan.model import Plan
from paradeplan.route.model import Route

__all__ = ["MAP_FILES", "render_police_map", "render_posts_map", "render_public_map", "write_maps"]

#: The files :func:`write_maps` writes into a results folder: the police map and the public map.
MAP_FILES = ("map.html", "map-public.html")


def write_maps(
    folder: Path, schedule: ParadeSchedule, route: Route, plan: Plan, *, lang: str, cdn: bool, graph: Any
) -> list[str]:
    """The police map and the public map of a parade (:data:`MAP_FILES`) in ``folder``; their names."""
    from paradeplan.plan.rules import parade_placeholders

    police, public = MAP_FILES
    open_ = parade_placeholders(plan, schedule.parade.id)
    (folder / police).write_text(
        render_police_map(schedule, route, plan, lang=lang, cdn=cdn, streets_graph=graph, placeholders=open_),
        encoding="utf-8",
    )
    (folder / public).write_text(
        render_public_map(schedule, route, lang=lang, cdn=cdn, streets_graph=graph, placeholders=open_),
        encoding="utf-8",
    )
    return list(MAP_FILES)
