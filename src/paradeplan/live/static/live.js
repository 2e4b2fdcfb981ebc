/* paradeplan live: what the three views share (labels in Vietnamese and English, safe DOM building, the API,
   the route map). Every value from the server is put in the page as text (textContent), never as markup. */
(function () {
  'use strict';
  var T = {
    vi: {
      lang: 'English', public_title: 'Đoàn diễu hành đang ở đâu', control_title: 'Phòng điều hành',
      unit_title: 'Nhiệm vụ của tôi', head: 'Đầu đoàn', tail: 'Cuối đoàn', km: 'km', late: 'trễ', early: 'sớm',
      on_time: 'đúng giờ', min: 'phút', not_started: 'Chưa xuất phát', finished: 'Đã kết thúc',
      paused: 'Đang dừng từ', departure: 'Xuất phát lúc', now: 'Bây giờ', updated: 'Cập nhật',
      closed_now: 'Đang cấm', upcoming: 'Sắp cấm', reopened: 'Đã thông đường', stretches: 'Các đoạn đường cấm',
      junctions: 'Các nút giao cấm', close: 'Bắt đầu cấm', reopen: 'Thông đường', from: 'từ', to: 'đến',
      street: 'Tuyến đường', public_note: 'Giờ dự kiến, cập nhật theo vị trí thực tế của đoàn.',
      offline: 'Mất kết nối tới máy chủ, đang thử lại…', token: 'Mã truy cập', open: 'Mở', wrong_token:
      'Mã truy cập không đúng.', need_token: 'Nhập mã truy cập của phòng điều hành.',
      report: 'Báo cáo', kind: 'Loại', k_head: 'Đầu đoàn đã qua', k_tail: 'Cuối đoàn đã qua', k_pause: 'Đoàn dừng',
      k_resume: 'Đoàn đi tiếp', where: 'Vị trí', by_km: 'km', by_post: 'chốt', time: 'Lúc', send: 'Gửi báo cáo',
      stored: 'Đã lưu báo cáo', refused: 'Không nhận', posts: 'Các chốt', post: 'Chốt', planned: 'Kế hoạch',
      current: 'Hiện tại', units: 'Lực lượng', at_risk: 'Nguy cơ không kịp', ok: 'Kịp', reserves: 'Lực lượng dự phòng',
      station: 'Vị trí chờ', proposals: 'Đề xuất điều dự phòng', send_reserve: 'Điều', instead_of: 'thay',
      arrives: 'tới lúc', spare: 'dư', no_reserve: 'Không còn lực lượng dự phòng', too_late: 'vẫn trễ',
      reports: 'Nhật ký báo cáo', received: 'nhận lúc', unit_links: 'Đường dẫn cho từng đơn vị', duty: 'Nhiệm vụ',
      d_lead: 'Dẫn đoàn', d_column: 'Đi trong đoàn', d_posts: 'Giữ chốt', d_reserve: 'Dự phòng', next_post: 'Chốt tiếp theo',
      be_there: 'Có mặt lúc', hold_from: 'Bắt đầu giữ', may_leave: 'Được rời lúc', changes: 'Thay đổi so với kế hoạch',
      no_changes: 'Chưa có thay đổi so với kế hoạch.', my_posts: 'Các chốt của tôi', done: 'Xong',
      earliest: 'Sớm nhất tới được lúc', no_post: 'Không còn chốt nào phải giữ.', go_to: 'Được đề xuất tới chốt',
      replaces: 'thay cho', delay: 'Đoàn', passed: 'Đã qua', link: 'Mở', closed: 'đang cấm', none: 'Không có',
      holds: 'Chặn hướng', lead_clear: 'Cấm trước đầu đoàn / thông sau cuối đoàn', risk_note: 'không kịp tới chốt tiếp theo',
      stale: 'mất kết nối — số liệu lúc', choose_post: '— chọn chốt —', undo: 'Rút báo cáo vừa gửi',
      withdraw: 'Rút', withdrawn: 'Đã rút báo cáo', confirm: 'Xác nhận và gửi', needs_confirm: 'Cần xác nhận',
      not_sent: 'Không gửi được — báo cáo CHƯA được lưu', no_server: 'mất kết nối tới máy chủ', log: 'Nhật ký sửa đổi',
      a_add: 'gửi', a_withdraw: 'rút', a_amend: 'sửa', by: 'bởi', store_gone: 'Không lưu được báo cáo'
    },
    en: {
      lang: 'Tiếng Việt', public_title: 'Where the parade is', control_title: 'Control room',
      unit_title: 'My duty', head: 'Head', tail: 'Tail', km: 'km', late: 'late', early: 'early',
      on_time: 'on time', min: 'min', not_started: 'Not started yet', finished: 'Finished',
      paused: 'Paused since', departure: 'Departs at', now: 'Now', updated: 'Updated',
      closed_now: 'Closed now', upcoming: 'Closes later', reopened: 'Reopened', stretches: 'Closed stretches',
      junctions: 'Closed junctions', close: 'Closes', reopen: 'Reopens', from: 'from', to: 'to',
      street: 'Street', public_note: 'Expected times, updated from where the parade really is.',
      offline: 'Lost the server, retrying…', token: 'Access token', open: 'Open', wrong_token:
      'Wrong access token.', need_token: "Enter the control room's access token.",
      report: 'Report', kind: 'What', k_head: 'Head passed', k_tail: 'Tail passed', k_pause: 'Column paused',
      k_resume: 'Column resumed', where: 'Where', by_km: 'km', by_post: 'post', time: 'At', send: 'Send report',
      stored: 'Report stored', refused: 'Refused', posts: 'Posts', post: 'Post', planned: 'Planned',
      current: 'Now', units: 'Units', at_risk: 'At risk', ok: 'OK', reserves: 'Reserves',
      station: 'Station', proposals: 'Reserves to send', send_reserve: 'Send', instead_of: 'instead of',
      arrives: 'arrives', spare: 'spare', no_reserve: 'No reserve left', too_late: 'still late',
      reports: 'Reports', received: 'received', unit_links: 'Links for each unit', duty: 'Duty',
      d_lead: 'Leads', d_column: 'In the column', d_posts: 'Holds posts', d_reserve: 'Reserve', next_post: 'Next post',
      be_there: 'Be there at', hold_from: 'Hold from', may_leave: 'Leave at', changes: 'Changes from the plan',
      no_changes: 'No change from the plan yet.', my_posts: 'My posts', done: 'Done',
      earliest: 'Earliest you can be there', no_post: 'No post left to hold.', go_to: 'Proposed: go to post',
      replaces: 'instead of', delay: 'Column', passed: 'Passed', link: 'Open', closed: 'closed', none: 'None',
      holds: 'Holds', lead_clear: 'Closed before the head / reopened after the tail', risk_note: 'cannot reach its next post in time',
      stale: 'connection lost — data as of', choose_post: '— choose a post —', undo: 'Withdraw the last report',
      withdraw: 'Withdraw', withdrawn: 'Report withdrawn', confirm: 'Confirm and send', needs_confirm: 'Needs confirmation',
      not_sent: 'Not sent — the report is NOT stored', no_server: 'lost the server', log: 'Audit log',
      a_add: 'sent', a_withdraw: 'withdrawn', a_amend: 'amended', by: 'by', store_gone: 'Reports cannot be stored'
    }
  };
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
    return (m > 0 ? '+' : '') + m + ' ' + PP.t('min');
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
      var line = L.polyline(s.coords, {color: '#7f8c8d', weight: 5, opacity: 0.85});
      line.bindTooltip(PP.tip(s.seq + '. ' + s.street), {sticky: true});
      line.addTo(map);
      lines[s.seq] = line;
      all = all.concat(s.coords);
    });
    var colours = {start: '#27ae60', end: '#2c3e50', uturn: '#8e44ad'};
    route.points.forEach(function (p) {
      L.circleMarker([p.lat, p.lon], {radius: 6, color: '#fff', weight: 2, fillColor: colours[p.kind] || '#333',
        fillOpacity: 1}).bindTooltip(PP.tip(p.name)).addTo(map);
    });
    if (all.length) { map.fitBounds(L.latLngBounds(all), {padding: [20, 20]}); }
    var head = L.circleMarker([0, 0], {radius: 10, color: '#fff', weight: 3, fillColor: '#c0392b', fillOpacity: 1});
    var tail = L.circleMarker([0, 0], {radius: 8, color: '#fff', weight: 3, fillColor: '#e67e22', fillOpacity: 1});
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
          line.setStyle({color: s.closed_now ? '#c0392b' : (s.reopened ? '#95a5a6' : '#e67e22'),
            dashArray: s.reopened ? '6 6' : null});
        });
      }
    };
  };
  PP.columnLine = function (state) {
    if (state.paused) {
      return PP.t('paused') + ' ' + PP.hm(state.paused_since) + (state.head ? ' · ' + PP.t('head') + ' km ' +
        state.head.km.toFixed(1) : '');
    }
    if (!state.head) {
      return state.tail === null && state.delay_min !== undefined && state.now > state.event.departure ?
        PP.t('finished') : PP.t('departure') + ' ' + PP.hm(state.event.departure);
    }
    var text = PP.t('head') + ': km ' + state.head.km.toFixed(1);
    if (state.tail) { text += ' · ' + PP.t('tail') + ': km ' + state.tail.km.toFixed(1); }
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
