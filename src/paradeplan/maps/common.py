"""Shared map helpers: escaping, safe JSON for scripts, labels in Vietnamese and English, the page skeleton."""

from __future__ import annotations

import html
import json
from typing import Any

ATTRIBUTION = "© OpenStreetMap contributors"
OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"

LABELS: dict[str, dict[str, str]] = {
    "vi": {
        "route": "Lộ trình",
        "steps": "Các bước",
        "posts": "Chốt giao thông",
        "staging": "Đường tập kết",
        "onward": "Lộ trình riêng của phường",
        "column": "Đoàn xe (theo giờ)",
        "basemap": "Đường phố (ngoại tuyến)",
        "tiles": "Bản đồ OpenStreetMap",
        "start": "Xuất phát",
        "end": "Kết thúc",
        "uturn": "Quay đầu",
        "assembly": "Điểm tập kết",
        "junction": "Giao lộ",
        "legend": "Chú giải",
        "head": "Đầu đoàn",
        "tail": "Cuối đoàn",
        "close": "Cấm đường",
        "reopen": "Thông đường",
        "units": "Lực lượng",
        "uncovered": "Thiếu lực lượng",
        "covered": "Đủ lực lượng",
        "step": "Bước",
        "from": "Từ",
        "to": "Đến",
        "closed": "Đoạn đường cấm",
        "closures": "Thời gian cấm đường",
        "play": "Chạy",
        "pause": "Dừng",
        "time": "Giờ",
        "post": "Chốt",
        "need": "Cần",
        "direction": "Hướng đi",
        "leave_base": "Rời nơi xuất phát",
        "arrive": "Đến",
        "via": "Qua",
        "base": "Nơi xuất phát",
        "length": "Dài",
        "chain": "Chuỗi chốt của đơn vị",
        "unit": "Đơn vị",
        "unassigned": "Chưa có lực lượng",
        "open": "Mở chốt",
        "leave": "Rời chốt",
        "public_note": "Người dân vui lòng chọn đường khác trong thời gian cấm.",
        "km": "km",
        "police_title": "Bản đồ điều hành",
        "public_title": "Bản đồ lộ trình và cấm đường",
        "posts_title": "Bản đồ chốt",
        "late": "trễ",
        "onward_leg": "Chặng",
        "approaches": "Hướng chặn",
        "slack": "dự phòng",
        "reserves": "Lực lượng dự bị",
        "reserve": "Dự bị",
        "turn": "Đoàn rẽ tại đây",
        "min": "phút",
        "home": "Xe về nơi xuất phát (sau khi kết thúc)",
        "mode_parade": "diễu hành",
        "mode_drive": "di chuyển",
        "parade_start": "Bắt đầu diễu hành",
        "release": "Rời điểm kết thúc",
        "straight": "Không tìm được đường phố: vẽ đường thẳng",
    },
    "en": {
        "route": "Route",
        "steps": "Steps",
        "posts": "Traffic posts",
        "staging": "Staging paths",
        "onward": "Ward onward routes",
        "column": "Column (by time)",
        "basemap": "Streets (offline)",
        "tiles": "OpenStreetMap map",
        "start": "Start",
        "end": "End",
        "uturn": "U-turn",
        "assembly": "Assembly point",
        "junction": "Junction",
        "legend": "Legend",
        "head": "Head",
        "tail": "Tail",
        "close": "Closed",
        "reopen": "Reopens",
        "units": "Units",
        "uncovered": "Short of units",
        "covered": "Covered",
        "step": "Step",
        "from": "From",
        "to": "To",
        "closed": "Closed stretch",
        "closures": "Closure times",
        "play": "Play",
        "pause": "Pause",
        "time": "Time",
        "post": "Post",
        "need": "Needs",
        "direction": "Direction",
        "leave_base": "Leaves base",
        "arrive": "Arrives",
        "via": "Via",
        "base": "Base",
        "length": "Length",
        "chain": "Unit's chain of posts",
        "unit": "Unit",
        "unassigned": "No unit yet",
        "open": "Opens",
        "leave": "Leaves",
        "public_note": "Residents please take other streets while closed.",
        "km": "km",
        "police_title": "Operations map",
        "public_title": "Route and road closures",
        "posts_title": "Posts map",
        "late": "late",
        "onward_leg": "Leg",
        "approaches": "Holds traffic from",
        "slack": "slack",
        "reserves": "Reserves",
        "reserve": "Reserve",
        "turn": "The column turns here",
        "min": "min",
        "home": "Drives back to base (after the end)",
        "mode_parade": "parade",
        "mode_drive": "drive",
        "parade_start": "Starts parading",
        "release": "Leaves the finish",
        "straight": "No street path found: straight line",
    },
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

COLOURS = {
    "route": "#c0392b",
    "start": "#1e8449",
    "end": "#111111",
    "uturn": "#8e44ad",
    "assembly": "#2471a3",
    "post_ok": "#1f618d",
    "post_short": "#e74c3c",
    "column": "#f39c12",
    "staging": "#5d6d7e",
    "home": "#839192",
    "reserve": "#6c3483",
}


def labels(lang: str) -> dict[str, str]:
    """The label set for ``lang`` (``vi`` or ``en``; anything else falls back to Vietnamese)."""
    return LABELS.get(lang, LABELS["vi"])


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
