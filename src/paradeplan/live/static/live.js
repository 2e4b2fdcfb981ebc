/* paradeplan live: what the three views share (labels from the catalogue, safe DOM building, the API, the route
   map and its legend). Every value from the server is put in the page as text (textContent), never as markup. */
(function () {
  'use strict';
  /* The words of the catalogue in both languages, put in the page by the server (paradeplan.live.labels). */
  var T = JSON.parse(document.getElementById('pp-labels').textContent);
  var PP = {};
  PP.lang = (function () {
    try { return localStorage.getItem('pp-lang') || document.body.getAttribute('data-lang') || 'vi'; }
    catch (e) { return document.body.getAttribute('data-lang') || 'vi'; }
  })();
  if (!T[PP.lang]) { PP.lang = 'vi'; }
  PP.t = function (key) { return T[PP.lang][key] || T.en[key] || key; };
  PP.setLang = function (lang) {
    PP.lang = T[lang] ? lang : 'vi';
    try { localStorage.setItem('pp-lang', PP.lang); } catch (e) { /* private mode */ }
    document.documentElement.setAttribute('lang', PP.lang);
    document.dispatchEvent(new CustomEvent('pp-lang'));
  };
  /* A number as the language writes it: "2,4" in Vietnamese, "2.4" in English. */
  PP.num = function (x, digits) {
    var d = digits === undefined ? 1 : digits;
    return Number(x).toLocaleString(PP.lang === 'en' ? 'en' : 'vi-VN',
      {minimumFractionDigits: d, maximumFractionDigits: d});
  };
  /* el('div', {class: 'x', text: 'y'}, [children]) — text only, never innerHTML */
  PP.el = function (tag, attrs, children) {
    var node = document.createElement(tag);
    var a = attrs || {};
    Object.keys(a).forEach(function (k) {
      var v = a[k];
      if (v === null || v === undefined || v === false) { return; }
      if (k === 'text') { node.textContent = String(v); }
      else if (k === 'class') { node.className = String(v); }
      else if (k === 'on') { Object.keys(v).forEach(function (ev) { node.addEventListener(ev, v[ev]); }); }
      else { node.setAttribute(k, String(v)); }
    });
    (children || []).forEach(function (c) {
      if (c === null || c === undefined) { return; }
      node.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
    });
    return node;
  };
  PP.clear = function (node) { while (node.firstChild) { node.removeChild(node.firstChild); } return node; };
  PP.hm = function (hms) { return hms ? String(hms).slice(0, 5) : '–'; };
  PP.delayText = function (minutes) {
    if (minutes === null || minutes === undefined) { return ''; }
    var m = Math.round(minutes);
    if (m === 0) { return PP.t('on_time'); }
    return Math.abs(m) + ' ' + PP.t('min') + ' ' + (m > 0 ? PP.t('late') : PP.t('early'));
  };
  PP.shiftText = function (minutes) {
    var m = Math.round(minutes * 10) / 10;
    if (!m) { return ''; }
    return (m > 0 ? '+' : '') + PP.num(m, m % 1 ? 1 : 0) + ' ' + PP.t('min');
  };
  PP.token = function () {
    var key = 'pp-token:' + location.pathname;
    var m = /(?:^#|&)token=([^&]+)/.exec(location.hash || '');
    if (m) {
      var tok = decodeURIComponent(m[1]);
      try { sessionStorage.setItem(key, tok); } catch (e) { /* private mode */ }
      history.replaceState(null, '', location.pathname + location.search);
      PP._token = tok;
      return tok;
    }
    if (PP._token) { return PP._token; }
    try { return sessionStorage.getItem(key); } catch (e) { return null; }
  };
  PP.saveToken = function (tok) {
    PP._token = tok;
    try { sessionStorage.setItem('pp-token:' + location.pathname, tok); } catch (e) { /* private mode */ }
  };
  /* Resolves {status, data}; status 0 when the server could not be reached (never rejects: no uncaught
     "Failed to fetch"). */
  PP.request = function (method, url, token, body) {
    var headers = {'Accept': 'application/json', 'Accept-Language': PP.lang};
    if (token) { headers.Authorization = 'Bearer ' + token; }
    if (body !== undefined) { headers['Content-Type'] = 'application/json'; }
    var ctl = typeof AbortController === 'function' ? new AbortController() : null;
    var timer = ctl ? setTimeout(function () { ctl.abort(); }, 10000) : null;
    return fetch(url, {method: method, headers: headers, cache: 'no-store', credentials: 'omit',
      body: body === undefined ? undefined : JSON.stringify(body), signal: ctl ? ctl.signal : undefined}).then(function (r) {
      return r.text().then(function (text) {
        var data = null;
        try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
        return {status: r.status, data: data};
      });
    }).catch(function (e) {
      return {status: 0, data: null, error: String(e && e.message || e)};
    }).then(function (res) { if (timer) { clearTimeout(timer); } return res; });
  };
  /* The stale banner: "mất kết nối — số liệu lúc HH:MM" while the data shown is not current. */
  PP.stale = function (on, dataTime) {
    var node = document.getElementById('pp-stale');
    if (!on) { if (node) { node.parentNode.removeChild(node); } document.body.classList.remove('pp-offline'); return; }
    if (!node) {
      node = PP.el('div', {id: 'pp-stale', class: 'pp-stale', role: 'alert'});
      document.body.insertBefore(node, document.body.firstChild);
    }
    node.textContent = PP.t('stale') + ' ' + (dataTime ? PP.hm(dataTime) : '–');
    document.body.classList.add('pp-offline');
  };
  /* Keep a view current: load() (a promise of true when the state was read) runs at once, whenever the server
     pushes a change (server-sent events on /api/events, read with fetch), every `everyMs` anyway (the clock
     moves), and every `pollMs` while the stream is down (polling fallback). The view is marked stale when its
     last good read is older than `staleMs` or the last read failed. dataTime() gives the time of the data shown. */
  PP.live = function (load, dataTime, opts) {
    var o = opts || {};
    var pollMs = o.pollMs || 5000, everyMs = o.everyMs || 15000, staleMs = o.staleMs || 12000;
    var lastOk = 0, failed = false, streaming = false, version = null, busy = false, again = false;
    function run() {
      if (busy) { again = true; return; }
      busy = true;
      Promise.resolve().then(load).then(function (ok) { return ok; }, function () { return false; }).then(function (ok) {
        busy = false;
        if (ok) { lastOk = Date.now(); failed = false; } else if (ok === false) { failed = true; }
        check();
        if (again) { again = false; run(); }
      });
    }
    function check() {
      var stale = failed || (lastOk && Date.now() - lastOk > staleMs);
      PP.stale(!!stale, dataTime());
    }
    function stream() {
      if (typeof ReadableStream === 'undefined' || !window.TextDecoder) { return; }
      fetch('/api/events', {headers: {'Accept': 'text/event-stream'}, cache: 'no-store', credentials: 'omit'})
        .then(function (r) {
          if (r.status !== 200 || !r.body) { throw new Error('no stream ' + r.status); }
          streaming = true;
          var reader = r.body.getReader(), decoder = new TextDecoder(), buf = '';
          function pump() {
            return reader.read().then(function (chunk) {
              if (chunk.done) { throw new Error('stream ended'); }
              buf += decoder.decode(chunk.value, {stream: true});
              var parts = buf.split('\n\n');
              buf = parts.pop();
              parts.forEach(function (part) {
                var m = /(?:^|\n)data: (.*)/.exec(part);
                if (!m) { return; }
                var d = null;
                try { d = JSON.parse(m[1]); } catch (e) { return; }
                if (version === null || d.version !== version || failed) { version = d.version; run(); }
                else { lastOk = Date.now(); check(); }
              });
              return pump();
            });
          }
          return pump();
        })
        .catch(function () { return null; })
        .then(function () {
          streaming = false;
          run();  /* is the server there? (marks the view stale at once when it is not) */
          setTimeout(stream, 3000);
        });
    }
    run();
    stream();
    setInterval(function () { if (!streaming) { run(); } }, pollMs);
    setInterval(function () { if (streaming) { run(); } }, everyMs);
    setInterval(check, 1000);
    return {now: run};
  };
  /* A tooltip's content as text: Leaflet puts a string in as markup, an element as it is. */
  PP.tip = function (text) { return PP.el('span', {text: text}); };
  PP.esc = function (text) {
    return String(text === null || text === undefined ? '' : text).replace(/[&<>"']/g, function (c) {
      return {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c];
    });
  };
  PP.poll = function (fn, ms) {
    var timer = null;
    function tick() {
      Promise.resolve().then(fn).catch(function () { return null; }).then(function () {
        timer = setTimeout(tick, ms);
      });
    }
    tick();
    return {now: function () { if (timer) { clearTimeout(timer); } tick(); }};
  };
  /* One colour per legend entry: the route's stretches by state, its places, the head and tail of the column. */
  PP.colours = {
    lines: {route: '#7f8c8d', closed: '#c0392b', upcoming: '#e67e22', reopened: '#5dade2'},
    points: {start: '#27ae60', uturn: '#8e44ad', end: '#2c3e50'},
    head: '#1f3a93', tail: '#f1c40f',
    posts: {post: '#2980b9', at_risk: '#d81b60', passed: '#bdc3c7', station: '#16a085'}
  };
  /* The map's legend: what each colour means, in the page's language; folded on a phone (one button), open on
     a wider screen; redrawn when the language changes. */
  PP.legend = function (map) {
    var box = L.control({position: 'bottomleft'});
    var node = PP.el('details', {class: 'pp-legend', id: 'pp-legend'});
    if (window.innerWidth >= 700) { node.setAttribute('open', ''); }
    function line(colour, dashed) {
      return PP.el('span', {class: 'pp-swatch-line' + (dashed ? ' pp-dashed' : ''), style: 'border-color:' + colour});
    }
    function dot(colour) { return PP.el('span', {class: 'pp-swatch-dot', style: 'background:' + colour}); }
    function ring(colour) { return PP.el('span', {class: 'pp-swatch-dot pp-ring', style: 'border-color:' + colour}); }
    function draw() {
      var c = PP.colours;
      var rows = [
        [line(c.lines.route), 'lg_route'], [line(c.lines.closed), 'closed_now'], [line(c.lines.upcoming), 'upcoming'],
        [line(c.lines.reopened, true), 'reopened'], [dot(c.points.start), 'lg_start'],
        [dot(c.points.uturn), 'lg_uturn'], [dot(c.points.end), 'lg_end'], [dot(c.head), 'head'], [dot(c.tail), 'tail']
      ];
      if (document.body.getAttribute('data-view') === 'control') {  /* the control room also draws the posts */
        rows = rows.concat([[dot(c.posts.post), 'post'], [dot(c.posts.at_risk), 'at_risk'],
          [dot(c.posts.passed), 'passed'], [ring(c.posts.station), 'station']]);
      }
      PP.clear(node);
      node.appendChild(PP.el('summary', {text: PP.t('legend')}));
      var list = PP.el('ul', {});
      rows.forEach(function (r) { list.appendChild(PP.el('li', {}, [r[0], PP.t(r[1])])); });
      node.appendChild(list);
    }
    box.onAdd = function () { L.DomEvent.disableClickPropagation(node); return node; };
    draw();
    box.addTo(map);
    document.addEventListener('pp-lang', draw);
    return box;
  };
  /* The route map: no tile server (nothing from the network); the route, its start, U-turns and end. */
  PP.map = function (node, route) {
    var map = L.map(node, {zoomControl: true, attributionControl: true, preferCanvas: false});
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution(PP.esc(route.attribution || '© OpenStreetMap contributors'));
    var all = [];
    var lines = {};
    if (route.basemap && route.basemap.length) {
      var canvas = L.canvas({padding: 0.3});
      route.basemap.forEach(function (group) {
        L.polyline(group[1], {renderer: canvas, color: '#8a8f94', weight: group[0], opacity: 0.5,
          interactive: false}).addTo(map);
      });
    }
    route.stretches.forEach(function (s) {
      var line = L.polyline(s.coords, {color: PP.colours.lines.route, weight: 5, opacity: 0.85});
      line.bindTooltip(PP.tip(s.seq + '. ' + s.street), {sticky: true});
      line.addTo(map);
      lines[s.seq] = line;
      all = all.concat(s.coords);
    });
    var colours = PP.colours.points;
    route.points.forEach(function (p) {
      L.circleMarker([p.lat, p.lon], {radius: 6, color: '#fff', weight: 2, fillColor: colours[p.kind] || '#333',
        fillOpacity: 1}).bindTooltip(PP.tip(p.name)).addTo(map);
    });
    if (all.length) { map.fitBounds(L.latLngBounds(all), {padding: [20, 20]}); }
    var head = L.circleMarker([0, 0], {radius: 10, color: '#fff', weight: 3, fillColor: PP.colours.head, fillOpacity: 1});
    var tail = L.circleMarker([0, 0], {radius: 8, color: '#fff', weight: 3, fillColor: PP.colours.tail, fillOpacity: 1});
    PP.legend(map);
    head.bindTooltip(PP.tip(PP.t('head')));
    tail.bindTooltip(PP.tip(PP.t('tail')));
    return {
      map: map,
      lines: lines,
      column: function (state) {
        [[head, state.head], [tail, state.tail]].forEach(function (pair) {
          if (pair[1]) { pair[0].setLatLng([pair[1].lat, pair[1].lon]); if (!map.hasLayer(pair[0])) { pair[0].addTo(map); } }
          else if (map.hasLayer(pair[0])) { map.removeLayer(pair[0]); }
        });
        if (state.head) { head.bringToFront(); }
      },
      stretches: function (stretches) {
        stretches.forEach(function (s) {
          var line = lines[s.seq];
          if (!line) { return; }
          var c = PP.colours.lines;
          line.setStyle({color: s.closed_now ? c.closed : (s.reopened ? c.reopened : c.upcoming),
            dashArray: s.reopened ? '6 6' : null});
        });
      }
    };
  };
  PP.columnLine = function (state) {
    if (state.paused) {
      return PP.t('paused') + ' ' + PP.hm(state.paused_since) + (state.head ? ' · ' + PP.t('head') + ' km ' +
        PP.num(state.head.km) : '');
    }
    if (!state.head) {
      return state.tail === null && state.delay_min !== undefined && state.now > state.event.departure ?
        PP.t('finished') : PP.t('departure') + ' ' + PP.hm(state.event.departure);
    }
    var text = PP.t('head') + ': km ' + PP.num(state.head.km);
    if (state.tail) { text += ' · ' + PP.t('tail') + ': km ' + PP.num(state.tail.km); }
    return text + ' · ' + PP.delayText(state.head.delay_min);
  };
  PP.langButton = function (onChange) {
    return PP.el('button', {type: 'button', class: 'pp-lang', id: 'pp-lang', text: PP.t('lang'), on: {click: function () {
      PP.setLang(PP.lang === 'vi' ? 'en' : 'vi');
      onChange();
    }}});
  };
  window.PP = PP;
})();
