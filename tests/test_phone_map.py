"""The public map on a phone (390×844): the route shown with the controls collapsed into one button, the closures
as a bottom sheet, the map at least 70 % of the screen; labels never on another marker; one colour per legend
entry; a metric scale only; one OpenStreetMap attribution. Screenshots in test-artifacts/."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from browser import open_page
from paradeplan.maps.common import COLOURS

pytestmark = pytest.mark.browser
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"

MEASURE = {
    "collapsed": "document.querySelectorAll('.leaflet-control-layers-expanded').length",
    "buttons": "document.querySelectorAll('.leaflet-control-layers-toggle').length",
    "sheet_open": "(document.querySelector('details.pp-sheet')||{}).open",
    "time_panel_open": "(document.querySelector('details.pp-div-time')||{}).open",
    "time_panel": "(document.querySelector('details.pp-div-time summary')||{}).textContent",
    "covered": """(function(){var W=innerWidth,H=innerHeight,n=0;
      var els=document.querySelectorAll('.pp-title,.leaflet-control-layers,.pp-sheet,.pp-legend,.leaflet-control-zoom,'+
        '.pp-div-time,'+
        '.leaflet-control-attribution,.leaflet-control-scale,.leaflet-control-fullscreen');
      for(var i=0;i<els.length;i++){var r=els[i].getBoundingClientRect();
        if(getComputedStyle(els[i]).display==='none'||els[i].closest('.leaflet-control-layers-list')&&
           !els[i].closest('.leaflet-control-layers-expanded')) continue;
        n+=Math.max(0,Math.min(r.right,W)-Math.max(r.left,0))*Math.max(0,Math.min(r.bottom,H)-Math.max(r.top,0));}
      return n/(W*H);})()""",
    "route_in_view": """(function(){var p=[].slice.call(document.querySelectorAll('path.leaflet-interactive'));
      var b=p.map(function(x){return x.getBoundingClientRect();}).filter(function(r){return r.width>50;});
      return b.length>0&&b.every(function(r){return r.left>=-2&&r.top>=-2&&r.right<=innerWidth+2&&
        r.bottom<=innerHeight+2;});})()""",
    "scale": "[].map.call(document.querySelectorAll('.leaflet-control-scale-line'),function(e){return e.textContent;})",
    "attribution": "document.querySelector('.leaflet-control-attribution').textContent",
    "label_on_marker": """(function(){var pins=[].slice.call(document.querySelectorAll('.leaflet-marker-icon'));
      var tips=[].slice.call(document.querySelectorAll('.leaflet-tooltip.pp-lbl')).filter(function(t){
        return t.style.visibility!=='hidden';});
      return tips.filter(function(t){var r=t.getBoundingClientRect();return pins.some(function(p){
        if(p===t._ppOwn)return false;var b=p.getBoundingClientRect();
        return r.left<b.right&&r.right>b.left&&r.top<b.bottom&&r.bottom>b.top;});}).length;})()""",
}


@pytest.fixture(scope="module")
def demo_maps(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from paradeplan.app import run_plan
    from paradeplan.resources import demo_plan_path

    out = tmp_path_factory.mktemp("maps") / "out"
    run_plan(demo_plan_path(), out, lang="vi")
    return out


def test_public_map_on_a_phone_shows_the_route_with_the_controls_collapsed(demo_maps: Path) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    r = open_page(
        demo_maps / "map-public.html", size=(390, 844), evaluate=MEASURE, screenshot=ARTIFACTS / "public-phone.png"
    )
    v = r.values
    assert not r.page_errors
    assert v["collapsed"] == 0 and v["buttons"] == 1  # layers and legend behind one button
    assert v["sheet_open"] is False  # the closures wait in a bottom sheet
    assert v["time_panel_open"] is False  # the closures' time slider too: one line saying the time, tap to open
    assert re.fullmatch(r"Phân luồng lúc \d\d:\d\d", v["time_panel"].strip()), v["time_panel"]
    assert v["covered"] <= 0.30, v["covered"]  # the map keeps at least 70 % of the screen
    assert v["route_in_view"] is True
    assert v["label_on_marker"] == 0
    assert v["scale"] and all(re.fullmatch(r"\d+ k?m", s.strip()) for s in v["scale"]), v["scale"]
    assert v["attribution"].count("OpenStreetMap") == 1


@pytest.mark.parametrize("name", ["map-public.html", "map.html"])
def test_maps_on_a_desktop_keep_labels_off_markers_and_one_attribution(demo_maps: Path, name: str) -> None:
    r = open_page(demo_maps / name, size=(1400, 900), evaluate=MEASURE, screenshot=ARTIFACTS / f"desktop-{name}.png")
    v = r.values
    assert not r.page_errors
    assert v["label_on_marker"] == 0
    assert v["collapsed"] == 1  # a desktop has room for the layer list
    assert v["time_panel_open"] is (True if name == "map-public.html" else None)  # and for the time slider
    assert all("mi" not in s and "ft" not in s for s in v["scale"]), v["scale"]
    assert v["attribution"].count("OpenStreetMap") == 1


def _lab(colour: str) -> tuple[float, float, float]:
    r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))

    def lin(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = lin(r), lin(g), lin(b)
    x, y, z = (
        (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047,
        0.2126 * r + 0.7152 * g + 0.0722 * b,
        (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883,
    )

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def test_every_legend_entry_has_its_own_colour() -> None:
    """CIE76 distance of at least 20 between any two legend colours (the two blues of old were 5 apart)."""
    names = sorted(COLOURS)
    close = []
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            la, lb = _lab(COLOURS[a]), _lab(COLOURS[b])
            d = sum((p - q) ** 2 for p, q in zip(la, lb, strict=True)) ** 0.5
            if d < 20:
                close.append((a, b, round(d, 1)))
    assert not close, close
    assert sum((p - q) ** 2 for p, q in zip(_lab("#2471a3"), _lab("#1f618d"), strict=True)) ** 0.5 < 20
