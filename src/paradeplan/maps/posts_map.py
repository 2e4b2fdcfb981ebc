"""The posts map: every post of a posts/1 instance and each unit's chain of posts, drawn on a canvas."""

from __future__ import annotations

from typing import Any

from paradeplan.maps.common import PALETTE, bounds_of, labels
from paradeplan.maps.page import build_page, legend_html

POSTS_JS = r"""
var overlays=ppBase(map,D);
var P=D.p, U=D.u, Lb=D.L;
function need(n){var s=[];for(var k in n){s.push(ppEsc(k)+' \u00d7 '+ppEsc(n[k]));}return s.join(', ');}
function postPop(i){
  var p=P[i], h='<div class="pp-pop"><b>'+ppEsc(Lb.post)+' '+ppEsc(p[0])+'</b><br>'+ppEsc(p[1])+
    '<br><span class="pp-k">'+ppEsc(Lb.open)+':</span> '+ppEsc(p[4])+' \u2013 '+ppEsc(p[5])+
    '<br><span class="pp-k">'+ppEsc(Lb.need)+':</span> '+need(p[6]);
  var held=D.held[i]||[]; h+='<br><span class="pp-k">'+ppEsc(Lb.units)+':</span> '+
    (held.length?held.map(function(j){return ppEsc(U[j][0]);}).join(', '):ppEsc(Lb.unassigned));
  if(D.short[i]){h+='<br><span class="pp-warn">'+ppEsc(Lb.uncovered)+': '+need(D.short[i])+'</span>';}
  return h+'</div>';
}
var Sheet=L.Layer.extend({  // one canvas over the map, redrawn by _paint(g, map, size) after every move
  onAdd:function(m){this._m=m;this._cv=L.DomUtil.create('canvas','leaflet-zoom-hide pp-sheet');
    this._cv.style.position='absolute';m.getPanes().overlayPane.appendChild(this._cv);
    m.on('moveend zoomend resize viewreset',this._draw,this);this._draw();},
  onRemove:function(m){L.DomUtil.remove(this._cv);m.off('moveend zoomend resize viewreset',this._draw,this);},
  _draw:function(){var m=this._m,sz=m.getSize(),cv=this._cv;cv.width=sz.x;cv.height=sz.y;
    L.DomUtil.setPosition(cv,m.containerPointToLayerPoint([0,0]));this._paint(cv.getContext('2d'),m,sz);}
});
var Dots=Sheet.extend({
  initialize:function(pts,colors,radius){this._p=pts;this._c=colors;this._r=radius;},
  _paint:function(g,m,sz){var r=this._r,p=this._p;g.lineWidth=1;g.strokeStyle='#fff';
    for(var i=0;i<p.length;i++){var q=m.latLngToContainerPoint(p[i]);
      if(q.x<-r||q.y<-r||q.x>sz.x+r||q.y>sz.y+r)continue;
      g.beginPath();g.arc(q.x,q.y,r,0,6.2832);g.fillStyle=this._c(i);g.fill();g.stroke();}},
  nearest:function(cp,maxd){var m=this._m,best=-1,bd=maxd*maxd,p=this._p;
    for(var i=0;i<p.length;i++){var q=m.latLngToContainerPoint(p[i]),dx=q.x-cp.x,dy=q.y-cp.y,d=dx*dx+dy*dy;
      if(d<=bd){bd=d;best=i;}} return best;}
});
var Chains=Sheet.extend({  // each unit's chain stroked as its own short path (cheap for software rasterisers)
  _paint:function(g,m){g.lineWidth=2;g.globalAlpha=0.7;g.lineJoin='round';
    for(var j=0;j<U.length;j++){var u=U[j];if(!u[3].length)continue;
      g.strokeStyle=D.pal[j%D.pal.length];g.beginPath();
      var q=m.latLngToContainerPoint([u[1],u[2]]);g.moveTo(q.x,q.y);
      for(var k=0;k<u[3].length;k++){var r=P[u[3][k]];q=m.latLngToContainerPoint([r[2],r[3]]);g.lineTo(q.x,q.y);}
      g.stroke();}}
});
var chains=new Chains();
chains.addTo(map); overlays[Lb.chain]=chains;
var bases=new Dots(U.map(function(u){return [u[1],u[2]];}),function(){return '#f39c12';},3);
bases.addTo(map); overlays[Lb.base]=bases;
var posts=new Dots(P.map(function(p){return [p[2],p[3]];}),
  function(i){return D.short[i]?'#e74c3c':'#1f618d';},4.5);
posts.addTo(map); overlays[Lb.posts]=posts;
function unitPop(j){var u=U[j];return '<div class="pp-pop"><b>'+ppEsc(Lb.unit)+' '+ppEsc(u[0])+'</b><br>'+
  ppEsc(Lb.chain)+': '+(u[3].length?u[3].map(function(i){return ppEsc(P[i][0]);}).join(' \u2192 '):'\u2014')+'</div>';}
map.on('click',function(e){
  var i=map.hasLayer(posts)?posts.nearest(e.containerPoint,8):-1;
  if(i>=0){L.popup().setLatLng([P[i][2],P[i][3]]).setContent(postPop(i)).openOn(map);return;}
  var j=map.hasLayer(bases)?bases.nearest(e.containerPoint,6):-1;
  if(j>=0){L.popup().setLatLng([U[j][1],U[j][2]]).setContent(unitPop(j)).openOn(map);}
});
ppLayers(map,overlays);
"""


def render_posts_map(instance: dict[str, Any], solution: dict[str, Any], *, lang: str = "vi", cdn: bool = False) -> str:
    """Draw a posts/1 instance and its solution: posts (red when short of units) and each unit's chain.

    Parameters
    ----------
    instance : dict
        A ``paradeplan.posts/1`` instance.
    solution : dict
        Its ``paradeplan.posts-solution/1`` solution.
    lang : {"vi", "en"}
        Language of the labels.
    cdn : bool
        Load Leaflet online instead of embedding it.

    Returns
    -------
    str
        The HTML page (strings are escaped in the browser when a popup opens; data is compact arrays).
    """
    L = labels(lang)
    posts = instance.get("posts") or []
    units = instance.get("units") or []
    data = _map_data(posts, units, solution)
    pts = [(p[2], p[3]) for p in data["p"]] + [(u[1], u[2]) for u in data["u"]]
    bounds = bounds_of(pts)
    legend = legend_html(
        L["legend"],
        [
            ("dot", "#1f618d", f"{L['post']}: {L['covered']}"),
            ("dot", "#e74c3c", f"{L['post']}: {L['uncovered']}"),
            ("dot", "#f39c12", L["base"]),
            ("line", PALETTE[0], L["chain"]),
        ],
    )
    cov = f"{solution.get('covered', '?')}/{solution.get('required', '?')}"
    subtitle = (
        f"{instance.get('date', '')} · {len(posts)} {L['posts'].lower()} · {len(units)} "
        f"{L['units'].lower()} · {cov} · {solution.get('status', '')}"
    )
    return build_page(
        title=f"{L['posts_title']}: {instance.get('name', '')}",
        subtitle=subtitle,
        lang=lang,
        cdn=cdn,
        bounds=bounds,
        data=data,
        script=POSTS_JS,
        legend=legend,
        basemap=None,
        labels_=L,
        prefer_canvas=True,
    )


def _map_data(posts: list[dict[str, Any]], units: list[dict[str, Any]], solution: dict[str, Any]) -> dict[str, Any]:
    """The page's data as compact arrays: posts ``p`` (id, name, lat, lon, open, close, need), units ``u`` (id,
    lat, lon, the posts of its chain), who holds each post, what each post is short of, and the palette."""
    pidx = {str(p["id"]): i for i, p in enumerate(posts)}
    uidx = {str(u["id"]): j for j, u in enumerate(units)}
    compact_p = [
        [
            str(p["id"]),
            str(p.get("name", "")),
            round(float(p["lat"]), 6),
            round(float(p["lon"]), 6),
            str(p.get("open", ""))[:5],
            str(p.get("close", ""))[:5],
            p.get("need") or {},
        ]
        for p in posts
    ]
    chains: list[list[int]] = [[] for _ in units]
    held: dict[int, list[int]] = {}
    for a in solution.get("assignments") or []:
        i, j = pidx.get(str(a.get("post"))), uidx.get(str(a.get("unit")))
        if i is None or j is None:
            continue
        chains[j].append(i)
        held.setdefault(i, []).append(j)
    short: dict[int, dict[str, int]] = {}
    for u in solution.get("uncovered") or []:
        i = pidx.get(str(u.get("post")))
        if i is not None:
            short.setdefault(i, {})[str(u.get("kind"))] = u.get("missing")
    compact_u = [
        [str(u["id"]), round(float(u["lat"]), 6), round(float(u["lon"]), 6), chains[j]] for j, u in enumerate(units)
    ]
    return {
        "p": compact_p,
        "u": compact_u,
        "held": {str(k): v for k, v in held.items()},
        "short": {str(k): v for k, v in short.items()},
        "pal": list(PALETTE),
    }
