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
      be_there: 'Có mặt trước', may_leave: 'Được rời chốt lúc', changes: 'Thay đổi so với kế hoạch',
      no_changes: 'Chưa có thay đổi so với kế hoạch.', my_posts: 'Các chốt của tôi', done: 'Xong',
      earliest: 'Sớm nhất tới được lúc', no_post: 'Không còn chốt nào phải giữ.', go_to: 'Được đề xuất tới chốt',
      replaces: 'thay cho', delay: 'Đoàn', passed: 'Đã qua', link: 'Mở', closed: 'đang cấm', none: 'Không có',
      holds: 'Chặn hướng', lead_clear: 'Cấm trước đầu đoàn / thông sau cuối đoàn', risk_note: 'không kịp tới chốt tiếp theo'
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
      be_there: 'Be there by', may_leave: 'You may leave at', changes: 'Changes from the plan',
      no_changes: 'No change from the plan yet.', my_posts: 'My posts', done: 'Done',
      earliest: 'Earliest you can be there', no_post: 'No post left to hold.', go_to: 'Proposed: go to post',
      replaces: 'instead of', delay: 'Column', passed: 'Passed', link: 'Open', closed: 'closed', none: 'None',
      holds: 'Holds', lead_clear: 'Closed before the head / reopened after the tail', risk_note: 'cannot reach its next post in time'
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
  PP.request = function (method, url, token, body) {
    var headers = {'Accept': 'application/json'};
    if (token) { headers.Authorization = 'Bearer ' + token; }
    if (body !== undefined) { headers['Content-Type'] = 'application/json'; }
    return fetch(url, {method: method, headers: headers, cache: 'no-store', credentials: 'omit',
      body: body === undefined ? undefined : JSON.stringify(body)}).then(function (r) {
      return r.text().then(function (text) {
        var data = null;
        try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
        return {status: r.status, data: data};
      });
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
    map.attributionControl.addAttribution(route.attribution || '© OpenStreetMap contributors');
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
      line.bindTooltip(s.seq + '. ' + s.street, {sticky: true});
      line.addTo(map);
      lines[s.seq] = line;
      all = all.concat(s.coords);
    });
    var colours = {start: '#27ae60', end: '#2c3e50', uturn: '#8e44ad'};
    route.points.forEach(function (p) {
      L.circleMarker([p.lat, p.lon], {radius: 6, color: '#fff', weight: 2, fillColor: colours[p.kind] || '#333',
        fillOpacity: 1}).bindTooltip(p.name).addTo(map);
    });
    if (all.length) { map.fitBounds(L.latLngBounds(all), {padding: [20, 20]}); }
    var head = L.circleMarker([0, 0], {radius: 10, color: '#fff', weight: 3, fillColor: '#c0392b', fillOpacity: 1});
    var tail = L.circleMarker([0, 0], {radius: 8, color: '#fff', weight: 3, fillColor: '#e67e22', fillOpacity: 1});
    head.bindTooltip(PP.t('head'));
    tail.bindTooltip(PP.t('tail'));
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
