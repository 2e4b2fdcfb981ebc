"""The organisers' and police map (``map.html``): route, steps, posts, staging, onward routes, moving column."""

from __future__ import annotations

import logging
from typing import Any

from paradeplan import clock
from paradeplan.i18n import compass, kind_name, km, minutes, unit_name
from paradeplan.maps.basemap import street_lines
from paradeplan.maps.common import COLOURS, PALETTE, esc, labels, popup_html, undecided
from paradeplan.maps.diversions import BARRIER_COLOUR, DIVERSION_JS, barrier_data
from paradeplan.maps.page import build_page, legend_html
from paradeplan.maps.route import (
    all_bounds,
    key_points,
    route_lines,
    route_points,
    stretch_features,
    timetable_series,
    track,
)
from paradeplan.parade.schedule import OnwardLeg, ParadeSchedule, StagingTrip
from paradeplan.plan.model import Plan
from paradeplan.route.model import Route

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
  var steps=L.layerGroup(), keys=L.layerGroup();
  var sym={start:'\u25B6',end:'\u25A0',uturn:'\u21BA',assembly:'\u2605'};
  var stepMk=D.stretches.map(function(s){
    return L.marker(s.mid,{icon:L.divIcon({className:'',iconSize:[22,22],iconAnchor:[11,11],
      html:'<div class="pp-step" style="width:20px;height:20px">'+ppEsc(s.seq)+'</div>'}),zIndexOffset:500})
      .bindPopup(s.pop);
  });
  function uniq(a){var o=[];a.forEach(function(x){if(o.indexOf(x)<0)o.push(x);});return o;}
  function pin(g){
    // g: key points drawn as one marker (they coincide, or overlap on screen at this zoom)
    var order=['start','end','uturn','assembly'],kinds=[],roles=[],names=[],pops=[];
    g.sort(function(a,b){return order.indexOf(a.kinds[0])-order.indexOf(b.kinds[0]);});
    g.forEach(function(p){kinds=kinds.concat(p.kinds);names=names.concat(p.names);pops.push(p.pop);});
    kinds=uniq(kinds).sort(function(a,b){return order.indexOf(a)-order.indexOf(b);});
    roles=kinds.map(function(k){return ppEsc(D.L[k]);}); names=uniq(names);
    var size=kinds.length>1?34:(kinds[0]==='assembly'?26:30);
    var bg=D.C[kinds[0]]||'#333';
    if(kinds.length>1){var st=[];kinds.forEach(function(k,i){var c=D.C[k]||'#333';
      st.push(c+' '+(100*i/kinds.length).toFixed(1)+'% '+(100*(i+1)/kinds.length).toFixed(1)+'%');});
      bg='linear-gradient(90deg,'+st.join(',')+')';}
    var html=kinds.map(function(k){return sym[k]||'';}).join('');
    var first=g[0];
    var mk=ppPin([first.lat,first.lon],'<span style="font-size:'+(kinds.length>2?10:13)+'px">'+html+'</span>',bg,size);
    mk.options.zIndexOffset=1000;
    var tip=roles.join(' / ')+': '+names.join(' \u00B7 ');
    mk.bindPopup(pops.join('')).bindTooltip(tip,{permanent:kinds.some(function(k){return k!=='assembly';}),
      direction:'right',offset:[size/2+2,0],className:'pp-lbl'});
    mk.on('tooltipopen',function(e){var el=e.tooltip.getElement();if(el){el._ppOwn=mk.getElement();}});
    mk.ppSize=size;
    return mk;
  }
  function layout(){
    // key points closer on screen than a marker are drawn as one; step numbers avoid every marker
    keys.clearLayers(); steps.clearLayers();
    var px=D.points.map(function(p){return map.latLngToLayerPoint([p.lat,p.lon]);});
    var used={},placed=[];
    D.points.forEach(function(p,i){
      if(used[i])return; var g=[p]; used[i]=1;
      for(var j=i+1;j<D.points.length;j++){if(!used[j]&&px[i].distanceTo(px[j])<36){g.push(D.points[j]);used[j]=1;}}
      var mk=pin(g); mk.addTo(keys); placed.push([px[i],mk.ppSize/2]);
    });
    var boxes=[];
    if(!map.hasLayer(keys)){placed=[];}
    else{
      var mr=map.getContainer().getBoundingClientRect();
      keys.eachLayer(function(mk){var t=mk.getTooltip(),el=t&&t.getElement&&t.getElement();
        if(!el||!map.hasLayer(t))return; var r=el.getBoundingClientRect();
        boxes.push([map.containerPointToLayerPoint([r.left-mr.left,r.top-mr.top]),
                    map.containerPointToLayerPoint([r.right-mr.left,r.bottom-mr.top])]);});
    }
    D.stretches.forEach(function(s,i){
      for(var k=0;k<s.spots.length;k++){
        var q=map.latLngToLayerPoint(s.spots[k]);
        var clear=placed.every(function(o){return q.distanceTo(o[0])>=o[1]+14;})&&boxes.every(function(b){
          return q.x<b[0].x-12||q.x>b[1].x+12||q.y<b[0].y-12||q.y>b[1].y+12;});
        if(clear){stepMk[i].setLatLng(s.spots[k]).addTo(steps);placed.push([q,12]);return;}
      }
    });
  }
  steps.addTo(map); overlays[D.L.steps]=steps;
  keys.addTo(map);
  var kn=[D.L.start,D.L.end,D.L.uturn];
  if(D.points.some(function(p){return p.kinds.indexOf('assembly')>=0;}))kn.push(D.L.assembly);
  overlays[kn.join(' / ')]=keys;
  layout();
  map.on('zoomend',layout);
  map.on('overlayadd overlayremove',function(e){if(e.layer===keys)layout();});
  return route;
}
"""

POLICE_JS = r"""
var overlays=ppBase(map,D);
map.createPane('ppUnder'); map.getPane('ppUnder').style.zIndex=390;  // staging and onward under the route
var route=ppRoute(map,D,overlays);
if(D.staging.length){
  var st=L.layerGroup();
  D.staging.forEach(function(s){
    L.polyline(s.c,{pane:'ppUnder',color:'#fff',weight:6,opacity:0.7,interactive:false}).addTo(st);
    L.polyline(s.c,{pane:'ppUnder',color:D.C.staging,weight:3,opacity:0.95,dashArray:s.street?'8 5':'2 7'})
      .bindPopup(s.pop).bindTooltip(s.tip,{sticky:true}).addTo(st);
    L.circleMarker(s.c[0],{radius:5,color:'#fff',weight:2,fillColor:D.C.staging,fillOpacity:1})
      .bindPopup(s.pop).bindTooltip(s.tip).addTo(st);
  });
  st.addTo(map); overlays[D.L.staging]=st;
}
function ppOnward(items,on,name,dots){
  if(!items.length)return;
  var ow=L.layerGroup();
  items.forEach(function(o){
    o.runs.forEach(function(r){
      var drive=r.mode!=='parade';
      var opt=dots?{weight:4,opacity:0.9,dashArray:'1 7',lineCap:'round'}:
        {weight:drive?3:5,opacity:drive?0.75:0.95,dashArray:drive?'4 6':null};
      opt.pane='ppUnder'; opt.color=o.color;
      L.polyline(r.c,opt).bindPopup(o.pop).bindTooltip(o.tip,{sticky:true}).addTo(ow);
    });
  });
  if(on)ow.addTo(map);
  overlays[name]=ow;
}
ppOnward(D.onward,true,D.L.onward,false);
ppOnward(D.home,false,D.L.home,true);
var posts=L.featureGroup();
D.posts.forEach(function(p){
  L.circleMarker([p.lat,p.lon],{radius:p.short?9:7,color:'#fff',weight:2,fillColor:p.short?D.C.post_short:D.C.post_ok,
    fillOpacity:1}).bindPopup(p.pop).bindTooltip(p.tip).addTo(posts);
});
posts.addTo(map); overlays[D.L.posts]=posts;
if(D.reserves.length){
  var rs=L.layerGroup();
  D.reserves.forEach(function(r){
    L.circleMarker([r.lat,r.lon],{radius:8,color:D.C.reserve,weight:3,fillColor:'#fff',fillOpacity:1,dashArray:'3 3'})
      .bindPopup(r.pop).bindTooltip(r.tip).addTo(rs);
  });
  rs.addTo(map); overlays[D.L.reserves]=rs;
}
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
ppBarriers(map,D,overlays);
ppLayers(map,overlays);
ppDeclutter(map);
"""


def place_coords(schedule: ParadeSchedule, plan: Plan | None) -> dict[str, tuple[float, float, str]]:
    """Place id → (lat, lon, name) from the plan (when given), unit bases and the assembly point."""
    out: dict[str, tuple[float, float, str]] = {}
    for place in plan.places if plan is not None else ():
        if place.lat is not None and place.lon is not None:
            out[place.id] = (float(place.lat), float(place.lon), place.name)
    for u in schedule.units:
        b = u.base
        if b is not None and b.place and b.lat is not None and b.lon is not None:
            out.setdefault(b.place, (float(b.lat), float(b.lon), b.name))
    a = schedule.parade.assembly
    if a.place and a.lat is not None and a.lon is not None:
        out.setdefault(a.place, (float(a.lat), float(a.lon), a.name))
    return out


def _staging(schedule: ParadeSchedule, plan: Plan | None, L: dict[str, str], lang: str) -> list[dict[str, Any]]:
    """Staging paths, one per (base, gathering): along the streets (``schedule.staging_paths``) where a street
    path exists, else a straight line base → gathering → assembly; ``street`` tells which."""
    places = place_coords(schedule, plan)
    a = schedule.parade.assembly
    if a.lat is None or a.lon is None:
        return []
    target = (float(a.lat), float(a.lon))
    streets = {(p.frm, p.via or ""): p.coords for p in schedule.staging_paths}
    names = {u.unit: u.name for u in schedule.units}
    groups: dict[tuple[str, str], list[StagingTrip]] = {}
    for s in schedule.staging:
        via = s.via.place if s.via else ""
        groups.setdefault((s.frm or "", via), []).append(s)
    out = []
    for (frm, via), rows in groups.items():
        if frm not in places:
            continue
        path = list(streets.get((frm, via), ()))
        street = len(path) >= 2
        if street:  # the street path runs between the graph nodes nearest the places: join the places to it
            pts = [places[frm][:2], *path, target]
        else:
            pts = [places[frm][:2]] + ([places[via][:2]] if via and via in places else []) + [target]
        coords: list[list[float]] = []
        for pt in pts:
            c = [round(pt[0], 6), round(pt[1], 6)]
            if not coords or coords[-1] != c:
                coords.append(c)
        lines = [
            f"{r.unit} {names.get(r.unit, '')}: {clock.hm_or_blank(r.leave_base_s)} → {clock.hm_or_blank(r.arrive_s)}"
            + (f" ({L['late']} {minutes(r.late_s // 60, lang)})" if r.late_s else "")
            for r in rows
        ]
        rows_: list[tuple[str, Any]] = [(L["base"], places[frm][2])]
        if via and via in places:
            rows_.append((L["via"], places[via][2]))
        rows_.append((L["assembly"], a.name))
        metres = next((r.travel_m for r in rows if r.travel_m is not None), None)
        if metres is not None:
            rows_.append((L["length"], km(metres, lang)))
        if not street:
            rows_.append(("", L["straight"]))
        pop = popup_html(
            L["staging"],
            rows_ + [(L["units"], "; ".join(lines))],
            warn=[line for line, r in zip(lines, rows, strict=False) if r.late_s],
        )
        tip = f"{L['staging']}: {places[frm][2]} → {a.name} ({len(rows)})"
        out.append({"c": coords, "street": street, "pop": pop, "tip": esc(tip)})
    return out


def _approaches(p: Any, lang: str) -> str:
    """Where a post holds traffic from: each street once, with the directions it comes from ("Đỗ Mười (↑ bắc)")."""
    by_street: dict[str, list[str]] = {}
    for a in p.approaches:
        dirs = by_street.setdefault(a.street or "—", [])
        point = compass(a.bearing, lang)
        if point not in dirs:
            dirs.append(point)
    return "; ".join(f"{street} ({', '.join(dirs)})" for street, dirs in by_street.items())


def _reserves(schedule: ParadeSchedule, L: dict[str, str], lang: str) -> list[dict[str, Any]]:
    """Reserve units where they wait (police map only)."""
    out = []
    for u in schedule.units:
        if u.station is None:
            continue
        title = f"{L['reserve']}: {unit_name(u.name, u.kind, u.role, u.unit, lang)}"
        rows: list[tuple[str, Any]] = [(L["post"], f"{u.station.post} {u.station.name}")]
        out.append({"lat": u.station.lat, "lon": u.station.lon, "pop": popup_html(title, rows), "tip": esc(title)})
    return out


def _posts(schedule: ParadeSchedule, L: dict[str, str], lang: str) -> list[dict[str, Any]]:
    names = {u.unit: unit_name(u.name, u.kind, u.role, u.unit, lang) for u in schedule.units}
    slack = {(u.unit, r.post): r.slack_s for u in schedule.units for r in u.runs}
    out = []
    for p in schedule.posts:
        units = [
            names.get(u, u) + (f" — {L['slack']} {minutes(slack[(u, p.id)] // 60, lang)}" if (u, p.id) in slack else "")
            for u in p.units
        ]
        need = ", ".join(f"{v} {kind_name(k, lang).lower()}" for k, v in p.need)
        short = [(k, v) for k, v in p.uncovered if v]
        warn = (
            [f"{L['uncovered']}: " + ", ".join(f"{v} {kind_name(k, lang).lower()}" for k, v in short)] if short else []
        )
        rows: list[tuple[str, Any]] = [
            (L["post"], p.id),
            (L["junction"], p.name),
            (L["close"], clock.hm(p.open_s)),
            (L["reopen"], clock.hm(p.close_s)),
            (L["need"], need),
            (L["units"], "; ".join(units) if units else L["unassigned"]),
            (L["approaches"], _approaches(p, lang)),
            ("", L["turn"] if p.turn else ""),
        ]
        out.append(
            {
                "lat": p.lat,
                "lon": p.lon,
                "short": bool(short),
                "pop": popup_html(f"{L['post']} {p.id}", rows, warn=warn),
                "tip": esc(f"{p.id} {p.name} {clock.hm(p.open_s)}–{clock.hm(p.close_s)}"),
            }
        )
    return out


def _runs(legs: tuple[OnwardLeg, ...]) -> list[dict[str, Any]]:
    """Consecutive legs of one mode joined into polylines: ``mode``, ``c`` ([lat, lon] points)."""
    runs: list[dict[str, Any]] = []
    for leg in legs:
        c = [[round(x[0], 6), round(x[1], 6)] for x in leg.coords]
        if not c:
            continue
        mode = "parade" if leg.mode == "parade" else "drive"
        if runs and runs[-1]["mode"] == mode and runs[-1]["c"][-1] == c[0]:
            runs[-1]["c"].extend(c[1:])
        else:
            runs.append({"mode": mode, "c": c})
    return [r for r in runs if len(r["c"]) >= 2]


def _stretches(legs: tuple[OnwardLeg, ...], L: dict[str, str]) -> list[tuple[str, Any]]:
    """Popup rows: consecutive legs on one street in one mode as one row (street, mode, enter–leave)."""
    merged: list[list[Any]] = []
    for leg in legs:
        key = (leg.street, leg.mode)
        if merged and merged[-1][0] == key:
            merged[-1][2] = leg.leave_s
        else:
            merged.append([key, leg.enter_s, leg.leave_s])
    mode = {"parade": L["mode_parade"], "drive": L["mode_drive"]}
    return [
        (f"{L['onward_leg']} {i + 1}", f"{street} ({mode.get(m, m)}) {clock.hm(enter)}–{clock.hm(leave)}")
        for i, ((street, m), enter, leave) in enumerate(merged)
    ]


def _onward(schedule: ParadeSchedule, L: dict[str, str]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Onward trips after the end: (own routes — vehicles that parade their own route, e.g. ward floats —,
    drives back to base — police cars, floats going home — drawn in a layer of their own, off by default)."""
    units = {u.unit: u for u in schedule.units}
    own: list[dict[str, Any]] = []
    home: list[dict[str, Any]] = []
    for item in schedule.onward:
        runs = _runs(item.legs)
        if not runs:
            continue
        unit = units.get(item.unit)
        parades = any(leg.mode == "parade" for leg in item.legs)
        police = bool(unit and unit.kind.startswith("police"))
        title = f"{item.unit} {unit.name if unit else ''}".strip()
        rows: list[tuple[str, Any]] = [(L["release"], clock.hm(item.release_s))]
        if item.parade_start_s is not None:
            rows.append((L["parade_start"], clock.hm(item.parade_start_s)))
        rows.append((L["arrive"], clock.hm(item.arrive_s)))
        entry = {"runs": runs, "pop": popup_html(title, rows + _stretches(item.legs, L)), "tip": esc(title)}
        if parades and not police:
            entry["color"] = PALETTE[len(own) % len(PALETTE)]
            own.append(entry)
        else:
            entry["color"] = COLOURS["home"]
            home.append(entry)
    return own, home


def route_data(
    schedule: ParadeSchedule, route: Route, L: dict[str, str], kinds: tuple[str, ...], lang: str
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The route part every map draws (stretches with closure popups, key points) and the route lines."""
    lines = route_lines(route)
    pts = route_points(route, kinds)
    if not any(p["kind"] == "assembly" for p in pts) and "assembly" in kinds:
        a = schedule.parade.assembly
        if a.lat is not None and a.lon is not None:
            pts.append({"kind": "assembly", "name": a.name, "lat": float(a.lat), "lon": float(a.lon)})
    data = {
        "stretches": stretch_features(lines, schedule.closures.stretches, L, lang),
        "points": key_points(pts, L),
        "C": COLOURS,
    }
    return data, lines


def _legend(L: dict[str, str], barriers: str) -> str:
    """The police map's legend: one colour per entry."""
    return legend_html(
        L["legend"],
        [
            ("line", COLOURS["route"], f"{L['route']} ({L['direction']} ►)"),
            ("dot", COLOURS["start"], L["start"]),
            ("dot", COLOURS["end"], L["end"]),
            ("dot", COLOURS["uturn"], L["uturn"]),
            ("dot", COLOURS["assembly"], L["assembly"]),
            ("dot", COLOURS["post_ok"], f"{L['post']}: {L['covered']}"),
            ("dot", COLOURS["post_short"], f"{L['post']}: {L['uncovered']}"),
            ("dot", COLOURS["reserve"], L["reserves"]),
            ("dot", BARRIER_COLOUR, barriers),
            ("dash", COLOURS["staging"], L["staging"]),
            ("line", PALETTE[0], L["onward"]),
            ("dots", COLOURS["home"], L["home"]),
            ("line", COLOURS["column"], L["column"]),
        ],
    )


def render_police_map(
    schedule: ParadeSchedule,
    route: Route,
    plan: Plan | None = None,
    *,
    lang: str = "vi",
    cdn: bool = False,
    streets_graph: Any = None,
    placeholders: frozenset[str] = frozenset(),
) -> str:
    """The organisers' and police map as one HTML page.

    Parameters
    ----------
    schedule : ParadeSchedule
        The checked schedule.
    route : Route
        The resolved route.
    plan : Plan, optional
        The plan (places give staging paths their gathering points).
    lang : {"vi", "en"}
        Language of the labels.
    cdn : bool
        Load Leaflet online instead of embedding it.
    streets_graph : networkx.MultiDiGraph, optional
        Street graph for the faint offline basemap.
    placeholders : frozenset of str
        The parade's facts still open (``plan.rules.parade_placeholders``): marked as not decided yet.

    Returns
    -------
    str
        The HTML page.
    """
    L = labels(lang)
    data, lines = route_data(schedule, route, L, ("start", "end", "uturn", "assembly"), lang)
    parade = schedule.parade
    data["staging"] = _staging(schedule, plan, L, lang)
    data["posts"] = _posts(schedule, L, lang)
    data["reserves"] = _reserves(schedule, L, lang)
    data["onward"], data["home"] = _onward(schedule, L)
    data["track"] = track(lines, parade.total_m / 1000)
    data["tt"] = timetable_series(schedule)
    data.update(barrier_data(schedule, lang))
    dep, end = parade.departure_s, parade.finish_tail_s
    data["t0"], data["t1"] = dep - 600, end + 600
    data["tnow"] = int(dep + (end - dep) * 0.3)
    extra = [(p["lat"], p["lon"]) for p in data["posts"]] + [tuple(c) for s in data["staging"] for c in s["c"]]
    bounds = all_bounds(lines, extra)
    legend = _legend(L, data["DV"]["barriers"])
    day = undecided(parade.date.isoformat(), "date" in placeholders, lang)
    departure = undecided(clock.hm(parade.departure_s), "departure_time" in placeholders, lang)
    subtitle = f"{parade.name} · {day} · {departure}"
    log.debug("police map: %d stretches, %d posts", len(data["stretches"]), len(data["posts"]))
    return build_page(
        title=f"{L['police_title']}: {schedule.event.name}",
        subtitle=subtitle,
        lang=lang,
        cdn=cdn,
        bounds=bounds,
        data=data,
        script=ROUTE_JS + DIVERSION_JS + POLICE_JS,
        legend=legend,
        basemap=street_lines(streets_graph, bounds),
        labels_=L,
        textpath=True,
    )
