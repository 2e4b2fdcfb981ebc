"""The diversion plan on the maps: barrier points (police map), closed stretches and detours by time (public map)."""

from __future__ import annotations

from typing import Any

from paradeplan.clock import hm
from paradeplan.i18n import N_, _, tr
from paradeplan.maps.common import esc
from paradeplan.parade.schedule import ParadeSchedule

#: Why a closed stretch has no detour (a diversion's ``reason``), as the public map says it.
NO_DETOUR = {
    "closed-at-once": N_("every way round crosses the route while the column holds it; wait until it reopens"),
    "one-way": N_("the only ways round run against one-way streets; wait until it reopens"),
    "no-street": N_("no other street joins its ends; wait until it reopens"),
}

#: Colours of the diversion layers.
BARRIER_COLOUR = "#ef6c00"
CLOSED_COLOUR = "#212121"
DETOUR_COLOUR = "#1565c0"

#: ``ppBarriers(map, D, overlays)`` (police map) and ``ppDiversions(map, D, overlays)`` (public map, with its own
#: time slider: the stretches closed at the chosen time in red, their detours in blue).
DIVERSION_JS = r"""
function ppBarriers(map,D,overlays){
  if(!D.barriers||!D.barriers.length)return;
  var g=L.featureGroup();
  D.barriers.forEach(function(b){
    L.circleMarker([b.lat,b.lon],{radius:5,color:'#fff',weight:1.5,fillColor:b.short?D.DV.short:D.DV.barrier,
      fillOpacity:1}).bindPopup(b.pop).bindTooltip(b.tip).addTo(g);
  });
  g.addTo(map); overlays[D.DV.barriers]=g;
}
function ppDiversions(map,D,overlays){
  if(!D.div||!D.div.length)return;
  var closed=L.layerGroup().addTo(map), det=L.layerGroup().addTo(map);
  overlays[D.DV.closed]=closed; overlays[D.DV.detours]=det;
  var lab=null, cnt=null;
  function fmt(t){t=Math.round(t);var h=Math.floor(t/3600),m=Math.floor(t%3600/60);
    return (h<10?'0':'')+h+':'+(m<10?'0':'')+m;}
  function show(t){
    closed.clearLayers(); det.clearLayers(); var n=0;
    D.div.forEach(function(d){
      if(t<d.c0||t>=d.c1)return;
      if(d.closed){n++;
        L.polyline(d.closed,{color:'#ffd600',weight:11,opacity:0.95,interactive:false}).addTo(closed);
        L.polyline(d.closed,{color:D.DV.closedc,weight:6,opacity:0.95}).bindPopup(d.pop)
          .bindTooltip(d.tip,{sticky:true}).addTo(closed);}
      if(d.detour)L.polyline(d.detour,{color:D.DV.detourc,weight:4,opacity:0.9,dashArray:'8 6'}).bindPopup(d.pop)
        .bindTooltip(d.tip,{sticky:true}).addTo(det);
    });
    if(lab){lab.textContent=fmt(t);cnt.textContent=D.DV.count.replace('{n}',n);}
  }
  var S=L.control({position:'topleft'});
  S.onAdd=function(){
    // a panel that opens and closes (its one-line summary keeps the time): closed at first on a phone
    var d=L.DomUtil.create('details','pp-div-time');
    d.open=!ppSmall();
    d.style.cssText='background:#fff;padding:4px 6px;border-radius:4px;width:min(170px,44vw);'+
      'box-sizing:border-box;font-size:13px;box-shadow:0 1px 4px rgba(0,0,0,.3)';
    d.innerHTML='<summary style="cursor:pointer;white-space:nowrap">'+ppEsc(D.DV.time)+' <b></b></summary>'+
      '<input type="range" style="width:100%"><div></div>';
    var rng=d.querySelector('input'); lab=d.querySelector('b'); cnt=d.querySelector('div');
    rng.min=D.DV.t0; rng.max=D.DV.t1; rng.step=60; rng.value=D.DV.tnow;
    rng.addEventListener('input',function(){show(+rng.value);});
    L.DomEvent.disableClickPropagation(d); L.DomEvent.disableScrollPropagation(d);
    return d;
  };
  S.addTo(map); show(D.DV.tnow);
}
"""


def _labels(lang: str) -> dict[str, str]:
    return {
        "barriers": _("Barrier points (marshals)", lang),
        "closed": _("Closed to all vehicles now", lang),
        "detours": _("Detours", lang),
        "time": _("Closures at", lang),
        "count": _("{n} stretches closed", lang),
    }


def barrier_data(schedule: ParadeSchedule, lang: str) -> dict[str, Any]:
    """The police map's barrier points: where, when, which marshal (names escaped)."""
    names = {m.id: m.name for m in schedule.traffic.marshals}
    title, closed, marshal = _("Barrier point", lang), _("Closed", lang), _("Marshal", lang)
    rows = []
    for p in schedule.traffic.points:
        if p.kind != "barrier":
            continue
        who = ", ".join(names.get(m, m) for m in p.held_by) or _("no marshal yet", lang)
        where = f"{p.street} × {p.cross_street}" if p.cross_street else p.street
        window = f"{hm(p.close_s)}–{hm(p.reopen_s)}"
        rows.append(
            {
                "lat": p.lat,
                "lon": p.lon,
                "short": not p.held_by,
                "tip": esc(f"{p.id} · {where} · {window}"),
                "pop": (
                    f"<b>{esc(title)} {esc(p.id)}</b><br>{esc(where)}<br>"
                    f"{esc(closed)}: {esc(window)}<br>{esc(marshal)}: {esc(who)}"
                ),
            }
        )
    return {"barriers": rows, "DV": _colours(lang)}


def _colours(lang: str) -> dict[str, Any]:
    return {
        **_labels(lang),
        "barrier": BARRIER_COLOUR,
        "short": "#b71c1c",
        "closedc": CLOSED_COLOUR,
        "detourc": DETOUR_COLOUR,
    }


def diversion_data(schedule: ParadeSchedule, lang: str) -> dict[str, Any]:
    """The public map's closed stretches with their windows and detours (both ways), and the slider's range (no
    unit)."""
    closed_l, detour_l, none_l = _("Closed", lang), _("Detour", lang), _("No detour", lang)
    rows: list[dict[str, Any]] = []
    for d in schedule.traffic.diversions:
        c = d.closed
        window = f"{hm(c.close_s)}–{hm(c.reopen_s)}"
        way = " → ".join(d.detour) if d.detour else tr(NO_DETOUR.get(d.reason or "", NO_DETOUR["no-street"]), lang)
        rows.append(
            {
                # a stretch is drawn once, with the column's way; the way against it adds only its detour
                "closed": None if d.against else [[lat, lon] for lat, lon in c.coords],
                "detour": [[lat, lon] for lat, lon in d.coords] if d.coords else None,
                "c0": c.close_s,
                "c1": c.reopen_s,
                "tip": esc(f"{c.street}: {window}"),
                "pop": (
                    f"<b>{esc(c.street)}</b><br>{esc(c.frm)} → {esc(c.to)}<br>{esc(closed_l)}: "
                    f"{esc(window)}<br>{esc(detour_l if d.detour else none_l)}: {esc(way)}"
                ),
            }
        )
    dv = _colours(lang)
    closed = schedule.traffic.diversions
    if closed:
        t0 = min(d.closed.close_s for d in closed)
        t1 = max(d.closed.reopen_s for d in closed)
        dv.update(t0=t0 - 300, t1=t1 + 300, tnow=closed[len(closed) // 3].closed.close_s + 60)
    return {"div": rows, "DV": dv}
