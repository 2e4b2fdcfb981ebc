"""The page skeleton every map shares: folium map, tiles, offline basemap, title, legend, layer control, script."""

from __future__ import annotations

from typing import Any

from paradeplan.maps.assets import finalize_html
from paradeplan.maps.common import ATTRIBUTION, OSM_TILES, esc, safe_json

TEXTPATH_JS = "https://cdn.jsdelivr.net/npm/leaflet-textpath@1.2.3/leaflet.textpath.min.js"

CSS = """
<style>
.pp-title{background:rgba(255,255,255,.92);padding:6px 10px;border-radius:6px;
  box-shadow:0 1px 4px rgba(0,0,0,.35);font:600 15px/1.3 system-ui,sans-serif;max-width:46vw}
.pp-title small{display:block;font-weight:400;font-size:12px;color:#444}
.pp-legend{background:rgba(255,255,255,.92);padding:6px 10px;border-radius:6px;
  box-shadow:0 1px 4px rgba(0,0,0,.35);font:12px/1.5 system-ui,sans-serif}
.pp-legend i{display:inline-block;width:18px;height:10px;margin-right:6px;vertical-align:middle;border-radius:2px}
.pp-legend i.dot{width:12px;height:12px;border-radius:50%;border:2px solid #fff;box-shadow:0 0 0 1px #333}
.pp-pop{font:13px/1.45 system-ui,sans-serif;min-width:180px}
.pp-k{color:#555}.pp-warn{color:#c0392b;font-weight:700}
.pp-pin{display:flex;align-items:center;justify-content:center;border-radius:50%;color:#fff;
  font:700 13px/1 system-ui,sans-serif;border:2px solid #fff;
  box-shadow:0 0 0 1px rgba(0,0,0,.6),0 2px 4px rgba(0,0,0,.4)}
.pp-step{display:flex;align-items:center;justify-content:center;border-radius:50%;background:#fff;color:#c0392b;
  font:700 11px/1 system-ui,sans-serif;border:2px solid #c0392b}
.pp-lbl{font:600 12px/1.2 system-ui,sans-serif;background:rgba(255,255,255,.88);border:0;box-shadow:none;
  padding:1px 4px}
.pp-time{background:rgba(255,255,255,.95);padding:6px 8px;border-radius:6px;box-shadow:0 1px 4px rgba(0,0,0,.35);
  font:13px system-ui,sans-serif;display:flex;align-items:center;gap:6px}
.pp-time input{width:260px}.pp-time b{min-width:3.2em;display:inline-block}
.pp-time button{font:13px system-ui,sans-serif;cursor:pointer}
.leaflet-control-layers{font:13px/1.5 system-ui,sans-serif}
</style>
"""

CORE_JS = r"""
function ppEsc(s){return String(s==null?'':s).replace(/[&<>"']/g,function(c){
  return {'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;',"'":'&#39;'}[c];});}
function ppPin(latlng,html,color,size){
  return L.marker(latlng,{icon:L.divIcon({className:'',iconSize:[size,size],iconAnchor:[size/2,size/2],
    html:'<div class="pp-pin" style="width:'+size+'px;height:'+size+'px;background:'+color+'">'+html+'</div>'})});}
function ppBase(map,D){
  var overlays={};
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution(D.attribution);
  if(D.basemap&&D.basemap.length){
    var rend=L.canvas({padding:0.3});
    var bm=L.layerGroup();
    for(var i=0;i<D.basemap.length;i++){
      var e=D.basemap[i];
      L.polyline(e[1],{renderer:rend,color:'#8a8f94',weight:e[0],opacity:0.55,interactive:false}).addTo(bm);}
    bm.addTo(map); overlays[D.L.basemap]=bm;
  }
  var tiles=L.tileLayer(D.tiles,{maxZoom:19,opacity:0.8,attribution:D.attribution});
  tiles.addTo(map); overlays[D.L.tiles]=tiles;
  var T=L.control({position:'topright'});
  T.onAdd=function(){var d=L.DomUtil.create('div','pp-title');d.innerHTML=D.title_html;return d;};
  T.addTo(map);
  var G=L.control({position:'bottomright'});
  G.onAdd=function(){var d=L.DomUtil.create('div','pp-legend');d.innerHTML=D.legend_html;
    L.DomEvent.disableClickPropagation(d);return d;};
  G.addTo(map);
  map.fitBounds(D.bounds,{paddingTopLeft:[30,60],paddingBottomRight:[240,30]});
  return overlays;
}
function ppLayers(map,overlays){
  var c=L.control.layers(null,overlays,{collapsed:false,position:'topright'});c.addTo(map);return c;}
"""


def _fix_ids(root: Any) -> None:
    """Give every branca element a sequential id instead of a random one, so the same map gives the same bytes."""
    seen: set[int] = set()
    todo = [root]
    n = 0
    while todo:
        el = todo.pop(0)
        if id(el) in seen:
            continue
        seen.add(id(el))
        el._id = f"{n:08x}"
        n += 1
        todo.extend(getattr(el, "_children", {}).values())
        for part in ("header", "html", "script"):
            sub = getattr(el, part, None)
            if sub is not None and hasattr(sub, "_children"):
                todo.append(sub)


def legend_html(title: str, items: list[tuple[str, str, str]]) -> str:
    """Legend HTML: an escaped title and (style, colour, label) rows; style ``line``, ``dash``, ``dots`` or ``dot``."""
    rows = [f"<b>{esc(title)}</b>"]
    for style, colour, label in items:
        if style == "dot":
            swatch = f"<i class='dot' style='background:{esc(colour)}'></i>"
        elif style == "dots":
            swatch = (
                f"<i style='background:radial-gradient(circle,{esc(colour)} 0 2px,transparent 2.5px) "
                f"0 50%/7px 7px repeat-x;height:7px'></i>"
            )
        elif style == "dash":
            swatch = (
                f"<i style='background:repeating-linear-gradient(90deg,{esc(colour)} 0 5px,"
                f"transparent 5px 8px);height:4px'></i>"
            )
        else:
            swatch = f"<i style='background:{esc(colour)};height:5px'></i>"
        rows.append(f"<br>{swatch}{esc(label)}")
    return "".join(rows)


def build_page(
    *,
    title: str,
    subtitle: str,
    lang: str,
    cdn: bool,
    bounds: list[list[float]],
    data: dict[str, Any],
    script: str,
    legend: str,
    basemap: list[Any] | None,
    labels_: dict[str, str],
    textpath: bool = False,
    prefer_canvas: bool = False,
) -> str:
    """Render one map page.

    Parameters
    ----------
    title, subtitle : str
        Plain text (escaped here) for the page title and the title box.
    lang : str
        ``vi`` or ``en`` (the page's ``lang`` attribute).
    cdn : bool
        Load assets online instead of embedding them.
    bounds : list
        ``[[south, west], [north, east]]`` to fit.
    data : dict
        The map's data, embedded as safe JSON and passed to ``script`` as ``D`` (with the map as ``map``).
    script : str
        JavaScript body run once the map exists.
    legend : str
        Legend HTML (already escaped).
    basemap : list, optional
        ``[[weight, [[lat, lon], ...]], ...]`` street lines drawn faintly under everything.
    labels_ : dict
        The label set.
    textpath : bool
        Load the Leaflet.TextPath plugin (direction arrows along lines).
    prefer_canvas : bool
        Draw vector layers on a canvas (large maps).

    Returns
    -------
    str
        The HTML page.
    """
    import folium
    from branca.element import Element, MacroElement
    from folium import plugins
    from folium.elements import JSCSSMixin
    from folium.template import Template

    m = folium.Map(
        location=[(bounds[0][0] + bounds[1][0]) / 2, (bounds[0][1] + bounds[1][1]) / 2],
        zoom_start=13,
        tiles=None,
        control_scale=True,
        prefer_canvas=prefer_canvas,
    )
    m.default_js = [js for js in m.default_js if js[0] == "leaflet"]
    m.default_css = [css for css in m.default_css if css[0] == "leaflet_css"]
    root = m.get_root()
    root.header.add_child(Element(f"<title>{esc(title)}</title>"), name="pp_title")  # type: ignore[attr-defined]
    root.header.add_child(Element(CSS), name="pp_css")  # type: ignore[attr-defined]
    fs_title = "Toàn màn hình" if lang == "vi" else "Full screen"
    fs_cancel = "Thoát toàn màn hình" if lang == "vi" else "Exit full screen"
    plugins.Fullscreen(position="topleft", title=fs_title, title_cancel=fs_cancel).add_to(m)

    payload = dict(data)
    payload.update(
        {
            "L": labels_,
            "bounds": bounds,
            "attribution": esc(ATTRIBUTION),
            "tiles": OSM_TILES,
            "basemap": basemap or [],
            "title_html": f"{esc(title)}<small>{esc(subtitle)}</small>",
            "legend_html": legend,
        }
    )

    class _Script(JSCSSMixin, MacroElement):
        _template = Template("""{% macro script(this, kwargs) %}
(function(map, D){
{{ this.core }}
{{ this.body }}
})({{ this._parent.get_name() }}, {{ this.payload }});
{% endmacro %}""")
        default_js = [("polylinetextpath", TEXTPATH_JS)] if textpath else []

        def __init__(self) -> None:
            super().__init__()  # type: ignore[no-untyped-call]
            self._name = "ParadeplanScript"
            self.core = CORE_JS
            self.body = script
            self.payload = safe_json(payload)

    _Script().add_to(m)
    _fix_ids(root)
    page = root.render()
    page = page.replace("<html>", f'<html lang="{esc(lang)}">', 1)
    return finalize_html(page, cdn=cdn)
