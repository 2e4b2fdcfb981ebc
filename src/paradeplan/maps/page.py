"""The page skeleton every map shares: folium map, tiles, offline basemap, title, legend, layer control, script."""

from __future__ import annotations

from typing import Any

from paradeplan.i18n import gettext
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
.leaflet-control-layers .pp-legend{box-shadow:none;padding:4px 0 0;border-top:1px solid #ddd;margin-top:4px}
.pp-sheet{background:rgba(255,255,255,.96);border-radius:6px;box-shadow:0 1px 4px rgba(0,0,0,.35);
  font:12px/1.5 system-ui,sans-serif;max-width:300px}
.pp-sheet summary{cursor:pointer;font-weight:700;padding:6px 10px;list-style:none}
.pp-sheet summary::after{content:" ▲";color:#666}.pp-sheet[open] summary::after{content:" ▼"}
.pp-sheet .pp-sheet-body{padding:0 10px 8px;max-height:40vh;overflow:auto}
/* phones: the map first; one button for layers and legend, the closures as a bottom sheet */
@media (max-width:700px){
  .pp-title{max-width:calc(100vw - 70px);font-size:13px;padding:4px 8px}
  .pp-title small{font-size:11px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
  .pp-title .pp-event{display:none}
  .leaflet-bottom.leaflet-left .pp-sheet{position:fixed;left:0;right:0;bottom:0;margin:0;max-width:none;
    border-radius:10px 10px 0 0}
  .pp-sheet .pp-sheet-body{max-height:45vh}
  .leaflet-bottom.leaflet-right{bottom:36px}
  .leaflet-bottom.leaflet-left .pp-time{margin-bottom:28px}.pp-time input{width:170px}
  .leaflet-bottom.leaflet-right .pp-legend{display:none}
}
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
  L.control.scale({imperial:false,position:'bottomright'}).addTo(map);
  var T=L.control({position:'topright'});
  T.onAdd=function(){var d=L.DomUtil.create('div','pp-title');d.innerHTML=D.title_html;return d;};
  T.addTo(map);
  var G=L.control({position:'bottomright'});
  G.onAdd=function(){var d=L.DomUtil.create('div','pp-legend');d.innerHTML=D.legend_html;
    L.DomEvent.disableClickPropagation(d);return d;};
  G.addTo(map);
  if(ppSmall()){map.options.zoomSnap=0.25;}
  map.fitBounds(D.bounds,ppSmall()?{padding:[16,16],paddingTopLeft:[16,70],paddingBottomRight:[16,50]}:
    {paddingTopLeft:[30,60],paddingBottomRight:[240,30]});
  return overlays;
}
function ppSmall(){return window.matchMedia('(max-width:700px)').matches;}
function ppLayers(map,overlays){
  // one button on a phone: the layer list and the legend open together from it
  var small=ppSmall();
  var c=L.control.layers(null,overlays,{collapsed:small,position:'topright'});c.addTo(map);
  if(small){var g=L.DomUtil.create('div','pp-legend');g.innerHTML=map._ppLegend||'';
    c.getContainer().querySelector('.leaflet-control-layers-list').appendChild(g);}
  return c;}
function ppDeclutter(map){
  // a label never hides a marker: hide the permanent labels that overlap another marker or an earlier label
  function run(){
    var pins=[].slice.call(map.getContainer().querySelectorAll('.leaflet-marker-icon'));
    var tips=[].slice.call(map.getContainer().querySelectorAll('.leaflet-tooltip.pp-lbl'));
    var boxes=pins.map(function(p){return p.getBoundingClientRect();});
    var kept=[];
    tips.forEach(function(t){t.style.visibility='';var r=t.getBoundingClientRect();
      function hit(b){return b.width&&r.left<b.right&&r.right>b.left&&r.top<b.bottom&&r.bottom>b.top;}
      var own=t._ppOwn;
      function bad(){return boxes.some(function(b,i){return pins[i]!==own&&hit(b);})||kept.some(hit);}
      t.style.marginLeft='';
      if(bad()){  // try the other side of its marker before giving up
        var w=own?own.getBoundingClientRect().width:0;
        t.style.marginLeft=(-(r.width+w+12))+'px';r=t.getBoundingClientRect();}
      if(bad()){t.style.visibility='hidden';}else{kept.push(r);}});
  }
  map.on('zoomend moveend layeradd',function(){setTimeout(run,0);});setTimeout(run,0);
  return run;}
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
    m = _map(title, lang, bounds, prefer_canvas)
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
    _add_script(m, script, payload, textpath)
    root = m.get_root()
    _fix_ids(root)
    page = root.render()
    page = page.replace("<html>", f'<html lang="{esc(lang)}">', 1)
    return finalize_html(page, cdn=cdn)


def _map(title: str, lang: str, bounds: list[list[float]], prefer_canvas: bool) -> Any:
    """A folium map fitting ``bounds``, with no tiles (the page's script adds them), Leaflet only, the page's
    title and style, and the full-screen button."""
    import folium
    from branca.element import Element
    from folium import plugins

    m = folium.Map(
        location=[(bounds[0][0] + bounds[1][0]) / 2, (bounds[0][1] + bounds[1][1]) / 2],
        zoom_start=13,
        tiles=None,
        control_scale=False,  # a metric scale only, added by the page's script
        prefer_canvas=prefer_canvas,
    )
    m.default_js = [js for js in m.default_js if js[0] == "leaflet"]
    m.default_css = [css for css in m.default_css if css[0] == "leaflet_css"]
    root = m.get_root()
    root.header.add_child(Element(f"<title>{esc(title)}</title>"), name="pp_title")  # type: ignore[attr-defined]
    root.header.add_child(Element(CSS), name="pp_css")  # type: ignore[attr-defined]
    fs_title = gettext("Full screen", lang)
    fs_cancel = gettext("Exit full screen", lang)
    plugins.Fullscreen(position="topleft", title=fs_title, title_cancel=fs_cancel).add_to(m)
    return m


def _add_script(m: Any, script: str, payload: dict[str, Any], textpath: bool) -> None:
    """The page's script on map ``m``: the shared core, then ``script``, run with the map and ``payload`` (as
    ``D``, embedded as safe JSON); the TextPath plugin when asked."""
    from branca.element import MacroElement
    from folium.elements import JSCSSMixin
    from folium.template import Template

    class _Script(JSCSSMixin, MacroElement):
        _template = Template("""{% macro script(this, kwargs) %}
(function(map, D){
map._ppLegend = D.legend_html;
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
