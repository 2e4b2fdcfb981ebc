"""The organisers' and police map (``map.html``): route, steps, posts, staging, onward routes, moving column."""

from __future__ import annotations

import logging
from typing import Any

from .basemap import street_lines
from .common import COLOURS, PALETTE, clock_s, esc, hhmm, labels, popup_html
from .page import build_page, legend_html
from .route import all_bounds, key_points, route_lines, route_points, stretch_features, timetable_series, track

log = logging.getLogger(__name__)

ROUTE_JS = r"""
function ppRoute(map,D,overlays){
  var route=L.featureGroup();
  D.stretches.forEach(function(s){
    L.polyline(s.c,{color:'#fff',weight:10,opacity:0.9,interactive:false}).addTo(route);
  });
  D.stretches.forEach(function(s){
    var pl=L.polyline(s.c,{color:D.C.route,weight:6,opacity:0.95})
      .bindPopup(s.pop).bindTooltip(s.tip,{sticky:true});
    pl.addTo(route);
    if(pl.setText){pl.setText('   \u25BA   ',{repeat:true,offset:4,
      attributes:{fill:'#fff','font-size':'12','font-weight':'bold'}});}
  });
  route.addTo(map); overlays[D.L.route]=route;
  var steps=L.layerGroup();
  D.stretches.forEach(function(s){
    L.marker(s.mid,{icon:L.divIcon({className:'',iconSize:[22,22],iconAnchor:[11,11],
      html:'<div class="pp-step" style="width:20px;height:20px">'+ppEsc(s.seq)+'</div>'}),zIndexOffset:500})
      .bindPopup(s.pop).addTo(steps);
  });
  steps.addTo(map); overlays[D.L.steps]=steps;
  var keys=L.layerGroup();
  var sym={start:'\u25B6',end:'\u25A0',uturn:'\u21BA',assembly:'\u2605'};
  D.points.forEach(function(p){
    var size=p.kind==='assembly'?26:30;
    var color=D.C[p.kind]||'#333';
    var html=sym[p.kind]||'';
    if(p.kind2){html=sym[p.kind]+sym[p.kind2];}
    var mk=ppPin([p.lat,p.lon],html,color,size);
    mk.options.zIndexOffset=1000;
    mk.bindPopup(p.pop).bindTooltip(p.tip,{permanent:p.kind!=='assembly',direction:'right',offset:[16,0],className:'pp-lbl'});
    mk.addTo(keys);
  });
  keys.addTo(map); overlays[D.L.start+' / '+D.L.end+' / '+D.L.uturn]=keys;
  return route;
}
"""

POLICE_JS = r"""
var overlays=ppBase(map,D);
var route=ppRoute(map,D,overlays);
if(D.staging.length){
  var st=L.layerGroup();
  D.staging.forEach(function(s){
    L.polyline(s.c,{color:D.C.staging,weight:3,opacity:0.9,dashArray:'6 6'}).bindPopup(s.pop).addTo(st);
    L.circleMarker(s.c[0],{radius:5,color:'#fff',weight:2,fillColor:D.C.staging,fillOpacity:1}).bindPopup(s.pop).addTo(st);
  });
  st.addTo(map); overlays[D.L.staging]=st;
}
if(D.onward.length){
  var ow=L.layerGroup();
  D.onward.forEach(function(o){
    o.legs.forEach(function(c){
      L.polyline(c,{color:o.color,weight:4,opacity:0.9}).bindPopup(o.pop).bindTooltip(o.tip,{sticky:true}).addTo(ow);
    });
  });
  ow.addTo(map); overlays[D.L.onward]=ow;
}
var posts=L.featureGroup();
D.posts.forEach(function(p){
  L.circleMarker([p.lat,p.lon],{radius:p.short?9:7,color:'#fff',weight:2,fillColor:p.short?D.C.post_short:D.C.post_ok,
    fillOpacity:1}).bindPopup(p.pop).bindTooltip(p.tip).addTo(posts);
});
posts.addTo(map); overlays[D.L.posts]=posts;
if(D.tt.length>1&&D.track.length>1){
  var col=L.layerGroup();
  var body=L.polyline([],{color:D.C.column,weight:12,opacity:0.85,interactive:false}).addTo(col);
  var head=L.circleMarker(D.track[0],{radius:8,color:'#000',weight:2,fillColor:D.C.column,fillOpacity:1}).addTo(col);
  var tail=L.circleMarker(D.track[0],{radius:6,color:'#000',weight:2,fillColor:'#fff',fillOpacity:1}).addTo(col);
  head.bindTooltip(D.L.head); tail.bindTooltip(D.L.tail);
  col.addTo(map); overlays[D.L.column]=col;
  var K=D.track.map(function(p){return p[2];});
  function at(km){
    var n=K.length; if(km<=K[0])return [D.track[0][0],D.track[0][1]];
    if(km>=K[n-1])return [D.track[n-1][0],D.track[n-1][1]];
    var lo=0,hi=n-1; while(hi-lo>1){var mid=(lo+hi)>>1; if(K[mid]<=km)lo=mid; else hi=mid;}
    var a=D.track[lo],b=D.track[hi],t=(km-K[lo])/((K[hi]-K[lo])||1);
    return [a[0]+(b[0]-a[0])*t,a[1]+(b[1]-a[1])*t];
  }
  function kmAt(t,j){
    var T=D.tt; if(t<=T[0][j])return T[0][2]; var n=T.length; if(t>=T[n-1][j])return T[n-1][2];
    for(var i=0;i<n-1;i++){ if(t>=T[i][j]&&t<T[i+1][j]){var d=T[i+1][j]-T[i][j];
      return d>0?T[i][2]+(T[i+1][2]-T[i][2])*(t-T[i][j])/d:T[i+1][2];}}
    return T[n-1][2];
  }
  function fmt(t){t=Math.round(t);var h=Math.floor(t/3600),m=Math.floor(t%3600/60);
    return (h<10?'0':'')+h+':'+(m<10?'0':'')+m;}
  var label;
  function show(t){
    var hk=kmAt(t,0),tk=kmAt(t,1); if(tk>hk)tk=hk;
    var pts=[at(tk)]; for(var i=0;i<K.length;i++){if(K[i]>tk&&K[i]<hk)pts.push([D.track[i][0],D.track[i][1]]);}
    pts.push(at(hk)); body.setLatLngs(pts); head.setLatLng(at(hk)); tail.setLatLng(at(tk));
    if(label)label.innerHTML=ppEsc(fmt(t));
  }
  var t0=D.t0,t1=D.t1,timer=null;
  var S=L.control({position:'bottomleft'});
  S.onAdd=function(){
    var d=L.DomUtil.create('div','pp-time');
    d.innerHTML='<button type="button"></button><span>'+ppEsc(D.L.time)+' <b></b></span><input type="range">';
    var btn=d.querySelector('button'),rng=d.querySelector('input');label=d.querySelector('b');
    btn.textContent='\u25B6 '+D.L.play; rng.min=t0; rng.max=t1; rng.step=30; rng.value=D.tnow;
    rng.addEventListener('input',function(){show(+rng.value);});
    btn.addEventListener('click',function(){
      if(timer){clearInterval(timer);timer=null;btn.textContent='\u25B6 '+D.L.play;return;}
      btn.textContent='\u275A\u275A '+D.L.pause;
      timer=setInterval(function(){var v=+rng.value+60; if(v>t1)v=t0; rng.value=v; show(v);},150);
    });
    L.DomEvent.disableClickPropagation(d); L.DomEvent.disableScrollPropagation(d);
    return d;
  };
  S.addTo(map); show(D.tnow);
}
ppLayers(map,overlays);
"""


def place_coords(schedule: dict[str, Any], plan: Any) -> dict[str, tuple[float, float, str]]:
    """Place id → (lat, lon, name) from the plan (when given), unit bases and the assembly point."""
    out: dict[str, tuple[float, float, str]] = {}
    for place in getattr(plan, "places", ()) or ():
        lat, lon = getattr(place, "lat", None), getattr(place, "lon", None)
        if lat is not None and lon is not None:
            out[str(place.id)] = (float(lat), float(lon), str(getattr(place, "name", place.id)))
    for u in schedule.get("units", []):
        b = u.get("base") or {}
        if b.get("place") and b.get("lat") is not None:
            out.setdefault(str(b["place"]), (float(b["lat"]), float(b["lon"]), str(b.get("name", ""))))
    a = (schedule.get("parade") or {}).get("assembly") or {}
    if a.get("place") and a.get("lat") is not None:
        out.setdefault(str(a["place"]), (float(a["lat"]), float(a["lon"]), str(a.get("name", ""))))
    return out


def _staging(schedule: dict[str, Any], plan: Any, L: dict[str, str]) -> list[dict[str, Any]]:
    places = place_coords(schedule, plan)
    a = (schedule.get("parade") or {}).get("assembly") or {}
    if a.get("lat") is None:
        return []
    names = {u.get("unit"): u.get("name", "") for u in schedule.get("units", [])}
    groups: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for s in schedule.get("staging", []):
        via = (s.get("via") or {}).get("place") or ""
        groups.setdefault((str(s.get("from") or ""), str(via)), []).append(s)
    out = []
    for (frm, via), rows in groups.items():
        if frm not in places:
            continue
        pts = [places[frm][:2]]
        if via and via in places:
            pts.append(places[via][:2])
        pts.append((float(a["lat"]), float(a["lon"])))
        lines = [f"{r.get('unit')} {names.get(r.get('unit'), '')}: {hhmm(r.get('leave_base'))} → "
                 f"{hhmm(r.get('arrive'))}" + (f" ({L['late']} {int(r['late_s']) // 60} min)"
                                               if r.get("late_s") else "") for r in rows]
        rows_: list[tuple[str, Any]] = [(L["base"], places[frm][2])]
        if via and via in places:
            rows_.append((L["via"], places[via][2]))
        rows_.append((L["assembly"], a.get("name", "")))
        pop = popup_html(L["staging"], rows_ + [(L["units"], "; ".join(lines))],
                         warn=[line for line, r in zip(lines, rows, strict=False) if r.get("late_s")])
        out.append({"c": [[round(p[0], 6), round(p[1], 6)] for p in pts], "pop": pop})
    return out


def _posts(schedule: dict[str, Any], L: dict[str, str]) -> list[dict[str, Any]]:
    names = {u.get("unit"): u.get("name", "") for u in schedule.get("units", [])}
    out = []
    for p in schedule.get("posts", []):
        units = [f"{u} ({names.get(u, '')})" if names.get(u) else str(u) for u in p.get("units", [])]
        need = ", ".join(f"{k} × {v}" for k, v in (p.get("need") or {}).items())
        short = {k: v for k, v in (p.get("uncovered") or {}).items() if v}
        warn = [f"{L['uncovered']}: " + ", ".join(f"{k} × {v}" for k, v in short.items())] if short else []
        rows: list[tuple[str, Any]] = [
            (L["post"], p.get("id")), (L["junction"], p.get("name")),
            (L["close"], hhmm(p.get("open"))), (L["reopen"], hhmm(p.get("close"))),
            (L["need"], need), (L["units"], "; ".join(units) if units else L["unassigned"])]
        out.append({"lat": p["lat"], "lon": p["lon"], "short": bool(short),
                    "pop": popup_html(f"{L['post']} {p.get('id', '')}", rows, warn=warn),
                    "tip": esc(f"{p.get('id', '')} {p.get('name', '')} {hhmm(p.get('open'))}–{hhmm(p.get('close'))}")})
    return out


def _onward(schedule: dict[str, Any], L: dict[str, str]) -> list[dict[str, Any]]:
    out = []
    for i, item in enumerate(schedule.get("onward") or []):
        legs = [[[round(float(c[0]), 6), round(float(c[1]), 6)] for c in leg.get("coords") or []]
                for leg in item.get("legs") or []]
        legs = [leg for leg in legs if len(leg) >= 2]
        if not legs:
            continue
        title = f"{item.get('unit', '')} {item.get('name', '')}"
        rows = [(f"{L['onward_leg']} {leg.get('seq', '')}",
                 f"{leg.get('street', '')} {hhmm(leg.get('enter'))}–{hhmm(leg.get('leave'))}")
                for leg in item.get("legs") or []]
        out.append({"legs": legs, "color": PALETTE[i % len(PALETTE)], "pop": popup_html(title, rows),
                    "tip": esc(title)})
    return out


def route_data(schedule: dict[str, Any], route_geojson: dict[str, Any], L: dict[str, str],
               kinds: tuple[str, ...]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The route part every map draws (stretches with closure popups, key points) and the route lines."""
    lines = route_lines(route_geojson)
    closures = (schedule.get("closures") or {}).get("stretches") or []
    pts = route_points(route_geojson, kinds)
    if not any(p["kind"] == "assembly" for p in pts) and "assembly" in kinds:
        a = (schedule.get("parade") or {}).get("assembly") or {}
        if a.get("lat") is not None:
            pts.append({"kind": "assembly", "name": a.get("name", ""), "lat": float(a["lat"]),
                        "lon": float(a["lon"])})
    data = {"stretches": stretch_features(lines, closures, L), "points": key_points(pts, L), "C": COLOURS}
    return data, lines


def render_police_map(schedule: dict[str, Any], route_geojson: dict[str, Any], plan: Any | None = None, *,
                      lang: str = "vi", cdn: bool = False, streets_graph: Any = None) -> str:
    """The organisers' and police map as one HTML page.

    Parameters
    ----------
    schedule : dict
        The checked schedule (``schedule.json``, ``paradeplan.schedule/1``).
    route_geojson : dict
        The route FeatureCollection (``route.geojson``).
    plan : Plan, optional
        The plan (places give staging paths their gathering points).
    lang : {"vi", "en"}
        Language of the labels.
    cdn : bool
        Load Leaflet online instead of embedding it.
    streets_graph : networkx.MultiDiGraph, optional
        Street graph for the faint offline basemap.

    Returns
    -------
    str
        The HTML page.
    """
    L = labels(lang)
    data, lines = route_data(schedule, route_geojson, L, ("start", "end", "uturn", "assembly"))
    parade = schedule.get("parade") or {}
    data["staging"] = _staging(schedule, plan, L)
    data["posts"] = _posts(schedule, L)
    data["onward"] = _onward(schedule, L)
    data["track"] = track(lines, parade.get("total_km"))
    data["tt"] = timetable_series(schedule)
    dep = clock_s(parade.get("departure")) or (data["tt"][0][0] if data["tt"] else 0)
    end = clock_s(parade.get("finish_tail")) or (data["tt"][-1][1] if data["tt"] else dep)
    data["t0"], data["t1"] = dep - 600, end + 600
    data["tnow"] = int(dep + (end - dep) * 0.3)
    extra = [(p["lat"], p["lon"]) for p in data["posts"]] + [tuple(c) for s in data["staging"] for c in s["c"]]
    bounds = all_bounds(lines, extra)  # type: ignore[arg-type]
    legend = legend_html(L["legend"], [
        ("line", COLOURS["route"], f"{L['route']} ({L['direction']} ►)"),
        ("dot", COLOURS["start"], L["start"]), ("dot", COLOURS["end"], L["end"]),
        ("dot", COLOURS["uturn"], L["uturn"]), ("dot", COLOURS["assembly"], L["assembly"]),
        ("dot", COLOURS["post_ok"], f"{L['post']}: {L['covered']}"),
        ("dot", COLOURS["post_short"], f"{L['post']}: {L['uncovered']}"),
        ("dash", COLOURS["staging"], L["staging"]), ("line", PALETTE[0], L["onward"]),
        ("line", COLOURS["column"], L["column"])])
    event = (schedule.get("event") or {}).get("name", "")
    subtitle = f"{parade.get('name', '')} · {parade.get('date', '')} · {hhmm(parade.get('departure'))}"
    log.debug("police map: %d stretches, %d posts", len(data["stretches"]), len(data["posts"]))
    return build_page(title=f"{L['police_title']}: {event}", subtitle=subtitle, lang=lang, cdn=cdn,
                      bounds=bounds, data=data, script=ROUTE_JS + POLICE_JS, legend=legend,
                      basemap=street_lines(streets_graph, bounds), labels_=L, textpath=True)
