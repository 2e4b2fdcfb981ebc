"""Shared map helpers: escaping, safe JSON for scripts, labels in Vietnamese and English, the page skeleton."""

from __future__ import annotations

import html
import json
from functools import cache
from typing import Any

from paradeplan.i18n import N_, NP_, Msg, gettext, norm_lang, tr

ATTRIBUTION = "© OpenStreetMap contributors"
OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"

_LABELS: dict[str, Msg] = {
    "route": NP_("map", "Route"),
    "steps": N_("Steps"),
    "posts": NP_("map", "Traffic posts"),
    "staging": N_("Staging paths"),
    "onward": N_("Ward onward routes"),
    "column": N_("Column (by time)"),
    "basemap": N_("Streets (offline)"),
    "tiles": N_("OpenStreetMap map"),
    "start": N_("Start"),
    "end": N_("End"),
    "uturn": N_("U-turn"),
    "assembly": N_("Assembly point"),
    "junction": N_("Junction"),
    "legend": N_("Legend"),
    "head": N_("Head"),
    "tail": N_("Tail"),
    "close": N_("Closed"),
    "reopen": N_("Reopens"),
    "units": N_("Units"),
    "uncovered": N_("Short of units"),
    "covered": N_("Covered"),
    "step": N_("Step"),
    "from": N_("From"),
    "to": N_("To"),
    "closed": N_("Closed stretch"),
    "closures": N_("Closure times"),
    "play": N_("Play"),
    "pause": N_("Pause"),
    "time": NP_("map", "Time"),
    "post": N_("Post"),
    "need": N_("Needs"),
    "direction": N_("Direction"),
    "leave_base": N_("Leaves base"),
    "arrive": N_("Arrives"),
    "via": N_("Via"),
    "base": N_("Base"),
    "length": N_("Length"),
    "chain": N_("Unit's chain of posts"),
    "unit": NP_("map", "Unit"),
    "unassigned": N_("No unit yet"),
    "open": N_("Opens"),
    "leave": N_("Leaves"),
    "public_note": N_("Residents please take other streets while closed."),
    "km": N_("km"),
    "police_title": N_("Operations map"),
    "public_title": N_("Route and road closures"),
    "posts_title": N_("Posts map"),
    "late": N_("late"),
    "onward_leg": N_("Leg"),
    "approaches": N_("Holds traffic from"),
    "slack": N_("slack"),
    "reserves": N_("Reserves"),
    "reserve": N_("Reserve"),
    "turn": N_("The column turns here"),
    "min": N_("min"),
    "home": N_("Drives back to base (after the end)"),
    "mode_parade": N_("parade"),
    "mode_drive": N_("drive"),
    "parade_start": N_("Starts parading"),
    "release": N_("Leaves the finish"),
    "straight": N_("No street path found: straight line"),
}

#: Distinct colours for units and ward routes (colour-blind friendly first).
PALETTE = (
    "#1b9e77",
    "#d95f02",
    "#7570b3",
    "#e7298a",
    "#66a61e",
    "#e6ab02",
    "#a6761d",
    "#1f78b4",
    "#b2df8a",
    "#fb9a99",
    "#cab2d6",
    "#6a3d9a",
    "#b15928",
    "#17becf",
    "#bcbd22",
    "#8c564b",
)

#: One colour per legend entry, far apart from each other (tests/test_maps.py checks the distances).
COLOURS = {
    "route": "#c0392b",
    "start": "#1e8449",
    "end": "#111111",
    "uturn": "#8e44ad",
    "assembly": "#00acc1",
    "post_ok": "#1f3f9d",
    "post_short": "#ff8f00",
    "column": "#f4d03f",
    "staging": "#5d6d7e",
    "home": "#a1887f",
    "reserve": "#e91e63",
}


def labels(lang: str) -> dict[str, str]:
    """The label set for ``lang`` (``vi`` or ``en``; anything else falls back to Vietnamese)."""
    return _labels(norm_lang(lang))


@cache
def _labels(lang: str) -> dict[str, str]:
    return {key: tr(message, lang) for key, message in _LABELS.items()}


def undecided(text: str, is_open: bool, lang: str) -> str:
    """``text`` followed by the catalogue's "not decided yet" mark when the value it shows is a placeholder."""
    return f"{text} ({gettext('not decided yet', lang)})" if is_open else text


def esc(value: Any) -> str:
    """Escape any value as HTML text (quotes included); ``None`` gives an empty string."""
    return "" if value is None else html.escape(str(value), quote=True)


def safe_json(data: Any) -> str:
    """JSON text safe to embed inside ``<script>``: ``<``, ``>``, ``&`` and line separators as ``\\u`` escapes."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def popup_html(title: str, rows: list[tuple[str, Any]], *, warn: list[str] | None = None) -> str:
    """A small popup: an escaped bold title and escaped label/value rows; ``warn`` lines shown in red."""
    parts = [f"<div class='pp-pop'><b>{esc(title)}</b>"]
    for label, value in rows:
        if value in (None, "", [], {}):
            continue
        parts.append(f"<br><span class='pp-k'>{esc(label)}:</span> {esc(value)}" if label else f"<br>{esc(value)}")
    for line in warn or []:
        parts.append(f"<br><span class='pp-warn'>{esc(line)}</span>")
    parts.append("</div>")
    return "".join(parts)


def bounds_of(points: list[tuple[float, float]]) -> list[list[float]]:
    """``[[south, west], [north, east]]`` of (lat, lon) points (a small box around one point)."""
    if not points:
        return [[10.76, 106.60], [10.90, 106.72]]
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    pad = 0.002
    return [[min(lats) - pad, min(lons) - pad], [max(lats) + pad, max(lons) + pad]]
