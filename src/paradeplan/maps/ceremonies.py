"""The ceremonies map: numbered venue pins and each official's path, drawn by the page skeleton every map shares."""

from __future__ import annotations

from typing import Any

from paradeplan.i18n import N_, Msg, ngettext, tr
from paradeplan.maps.common import PALETTE, bounds_of, labels
from paradeplan.maps.page import build_page, legend_html

#: The ceremony map's words.
_MAP_L: dict[str, Msg] = {
    "title": N_("Ceremony venues"),
    "venue": N_("Venue"),
    "paths": N_("Officials' paths"),
    "legend": N_("Legend"),
    "guests": N_("Guests and teams"),
    "base": N_("Base"),
    "approx": N_("approximate position"),
    "none": N_("(none)"),
    "undecided": N_("not decided yet"),
}

CEREMONIES_JS = r"""
var overlays=ppBase(map,D), Lb=D.L;
var venues=L.layerGroup(), paths=L.layerGroup();
D.venues.forEach(function(v){
  var tbd=' <span class="pp-warn">('+ppEsc(Lb.undecided)+')</span>';  /* a placeholder the plan leaves open */
  var h='<div class="pp-pop"><b>'+ppEsc(v.n)+'. '+ppEsc(v.name)+'</b>'+(v.open?tbd:'');
  v.c.forEach(function(c){h+='<br><br><b>'+ppEsc(c[0])+'</b><br>'+ppEsc(c[1])+(c[3]?tbd:'')+
    '<br><span class="pp-k">'+ppEsc(Lb.guests)+':</span> '+(c[2].length?c[2].map(ppEsc).join(', '):ppEsc(Lb.none));});
  if(v.approx){h+='<br><span class="pp-warn">'+ppEsc(Lb.approx)+'</span>';}
  ppPin([v.lat,v.lon],ppEsc(v.n),'#c0392b',24).bindPopup(h+'</div>',{maxWidth:320})
    .bindTooltip(ppEsc(v.name)).addTo(venues);
});
D.paths.forEach(function(p,i){
  L.polyline(p.c,{color:D.pal[i%D.pal.length],weight:3,opacity:0.85}).bindTooltip(ppEsc(p.name)).addTo(paths);
  if(p.base){L.circleMarker(p.c[0],{radius:5,color:'#fff',weight:2,fillColor:'#f39c12',fillOpacity:1})
    .bindTooltip(ppEsc(Lb.base)+': '+ppEsc(p.name)).addTo(paths);}
});
paths.addTo(map); overlays[Lb.paths]=paths;
venues.addTo(map); overlays[Lb.venue]=venues;
ppLayers(map,overlays);
"""


def render_ceremonies_map(data: dict[str, Any], *, lang: str = "vi", cdn: bool = False) -> str:
    """Draw the ceremonies map: venues numbered by first start (popup: each ceremony, its time and guests;
    approximate positions marked) and each official's path from base through the venues.

    Drawn by :func:`paradeplan.maps.page.build_page` like every map: Leaflet embedded unless ``cdn``, sequential
    element ids (same data, same bytes), every user string escaped (in the page, and by ``ppEsc`` in the browser).

    Parameters
    ----------
    data : dict
        ``render.ceremonies.ceremonies_map_data(schedule)``.
    lang : {"vi", "en"}
        Language of the labels.
    cdn : bool
        Load Leaflet from the internet instead of embedding it.

    Returns
    -------
    str
        The HTML page.
    """
    lab = dict(labels(lang))
    lab.update({key: tr(msg, lang) for key, msg in _MAP_L.items()})
    venues, paths = data["venues"], data["paths"]
    pts = [(v["lat"], v["lon"]) for v in venues] + [(q[0], q[1]) for p in paths for q in p["c"]]
    legend = legend_html(
        lab["legend"],
        [("dot", "#c0392b", lab["venue"]), ("dot", "#f39c12", lab["base"])]
        + [("line", PALETTE[i % len(PALETTE)], p["name"]) for i, p in enumerate(paths[:12])]
        + ([("line", "#999999", f"… +{len(paths) - 12}")] if len(paths) > 12 else []),
    )
    subtitle = " · ".join(
        (
            ngettext("{n} ceremony", "{n} ceremonies", data["ceremonies"], lang).format(n=data["ceremonies"]),
            ngettext("{n} venue", "{n} venues", len(venues), lang).format(n=len(venues)),
            ngettext("{n} person or team", "{n} people and teams", data["people"], lang).format(n=data["people"]),
        )
    )
    return build_page(
        title=f"{lab['title']}: {data['event']}",
        subtitle=subtitle,
        lang=lang,
        cdn=cdn,
        bounds=bounds_of(pts),
        data={"venues": venues, "paths": paths, "pal": list(PALETTE)},
        script=CEREMONIES_JS,
        legend=legend,
        basemap=None,
        labels_=lab,
    )
