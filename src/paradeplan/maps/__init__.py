"""Folium maps of a plan: the police map, the public map and the posts map (offline by default)."""

from __future__ import annotations

from paradeplan.maps.police import render_police_map
from paradeplan.maps.posts_map import render_posts_map
from paradeplan.maps.public import render_public_map

__all__ = ["render_police_map", "render_posts_map", "render_public_map"]
