/* paradeplan live — the control room: column, posts planned and now, units at risk, reserves, reports. */
(function () {
  'use strict';
  var PP = window.PP;
  var el = PP.el;
  var body = document.body;
  var header = el('header', {class: 'pp-head'});
  var mapNode = el('div', {id: 'map', class: 'pp-map'});
  var side = el('section', {class: 'pp-side'});
  var formBox = el('div', {class: 'pp-box', id: 'report-box'});
  var proposalsBox = el('div', {class: 'pp-box', id: 'proposals'});
  var postsBox = el('div', {class: 'pp-box', id: 'posts'});
  var reservesBox = el('div', {class: 'pp-box', id: 'reserves'});
  var reportsBox = el('div', {class: 'pp-box', id: 'reports'});
  var unitsBox = el('div', {class: 'pp-box', id: 'units'});
  side.appendChild(formBox);
  side.appendChild(proposalsBox);
  side.appendChild(postsBox);
  side.appendChild(reservesBox);
  side.appendChild(reportsBox);
  side.appendChild(unitsBox);
  body.appendChild(header);
  body.appendChild(el('main', {class: 'pp-main pp-control'}, [mapNode, side]));
  var map = null;
  var postLayer = null;
  var last = null;
  var token = PP.token();
  var poller = null;
  var form = {kind: 'head', where: 'post', km: '', post: '', time: '', edited: false, message: null, ok: false,
    held: null};

  /* The token form is built once and kept while it is shown: each poll refused (401) only updates its texts, so
     what the user is typing is never wiped by the next poll; a change of language relabels it the same way. */
  var tokenWrong = false;
  function askToken(wrong) {
    tokenWrong = wrong;
    var form_ = formBox.querySelector('#token-form');
    if (!form_) {
      PP.clear(formBox);
      var input = el('input', {type: 'password', id: 'token', autocomplete: 'off'});
      form_ = el('form', {id: 'token-form', on: {submit: function (ev) {
        ev.preventDefault();
        token = input.value.trim();
        PP.saveToken(token);
        if (poller) { poller.now(); } else { start(); }
      }}}, [el('p', {id: 'token-note'}), el('label', {}, [el('span', {id: 'token-label'}), ' ', input]), ' ',
        el('button', {type: 'submit', id: 'token-open'})]);
      formBox.appendChild(form_);
    }
    var note = form_.querySelector('#token-note');
    note.className = wrong ? 'pp-warn' : '';
    note.textContent = wrong ? PP.t('wrong_token') : PP.t('need_token');
    form_.querySelector('#token-label').textContent = PP.t('token');
    form_.querySelector('#token').setAttribute('aria-label', PP.t('token'));
    form_.querySelector('#token-open').textContent = PP.t('open');
  }

  function header_() {
    PP.clear(header);
    header.appendChild(el('div', {class: 'pp-titles'}, [el('h1', {text: PP.t('control_title')}),
      el('div', {class: 'pp-sub', text: last ? last.event.name + ' · ' + last.event.parade + ' · ' + last.event.date : ''})]));
    header.appendChild(PP.langButton(render));
    if (!last) { return; }
    if (last.store) { header.appendChild(el('div', {class: 'pp-store-gone', id: 'store-gone',
      text: PP.t('store_gone') + ': ' + (PP.lang === 'en' ? last.store.reason_en : last.store.reason)})); }
    header.appendChild(el('div', {class: 'pp-status' + (last.paused ? ' pp-paused' : ''), id: 'column',
      text: PP.columnLine(last)}));
    header.appendChild(el('div', {class: 'pp-updated', text: PP.t('now') + ' ' + last.now}));
  }

  function option(value, text, selected) {
    return el('option', {value: value, text: text, selected: selected ? 'selected' : null});
  }

  function reportForm() {
    PP.clear(formBox);
    if (!form.edited && last) { form.time = last.now; }
    var kind = el('select', {id: 'r-kind', on: {change: function () { form.kind = kind.value; reportForm(); }}},
      ['head', 'tail', 'pause', 'resume'].map(function (k) { return option(k, PP.t('k_' + k), form.kind === k); }));
    var where = el('select', {id: 'r-where', on: {change: function () { form.where = where.value; reportForm(); }}},
      [option('post', PP.t('by_post'), form.where === 'post'), option('km', PP.t('by_km'), form.where === 'km')]);
    /* no post is chosen for the user: a report names the post the reporter chose */
    var post = el('select', {id: 'r-post', on: {change: function () { form.post = post.value; }}},
      [option('', PP.t('choose_post'), !form.post)].concat((last ? last.posts : []).map(function (p) {
        return option(p.id, p.id + ' · ' + p.name + ' (' + PP.hm(p.close) + ')', form.post === p.id);
      })));
    var km = el('input', {id: 'r-km', type: 'number', step: '0.001', min: '0', max: last ? last.event.total_km : null,
      value: form.km, on: {input: function () { form.km = km.value; }}});
    var time = el('input', {id: 'r-time', type: 'time', step: '1', value: form.time, required: 'required',
      on: {input: function () { form.time = time.value; form.edited = true; }}});
    var placed = form.kind === 'resume' ? [] : [el('label', {}, [PP.t('where') + ' ', where]), ' ',
      form.where === 'km' ? km : post];
    var f = el('form', {id: 'report-form', on: {submit: send}}, [
      el('h2', {text: PP.t('report')}),
      el('div', {class: 'pp-row'}, [el('label', {}, [PP.t('kind') + ' ', kind])].concat(placed)),
      el('div', {class: 'pp-row'}, [el('label', {}, [PP.t('time') + ' ', time]), ' ',
        el('button', {type: 'submit', id: 'r-send', text: PP.t('send')}), ' ',
        lastReport() ? el('button', {type: 'button', id: 'r-undo', text: PP.t('undo') + ' #' + lastReport().seq,
          on: {click: function () { withdraw(lastReport().seq); }}}) : null]),
      form.message ? el('p', {id: 'r-result', class: form.ok ? 'pp-ok' : 'pp-warn', text: form.message}) : null,
      form.held ? el('button', {type: 'button', id: 'r-confirm', text: PP.t('confirm'), on: {click: function () {
        var again = form.held; form.held = null; post_(again, true); }}}) : null
    ]);
    formBox.appendChild(f);
  }

  function lastReport() {
    if (!last || !last.reports.length) { return null; }
    return last.reports.reduce(function (a, b) { return b.seq > a.seq ? b : a; });
  }

  function reasons(r) {
    var d = r.data && r.data.detail;
    if (r.status === 0) { return PP.t('not_sent') + ': ' + PP.t('no_server'); }
    return PP.t('refused') + ' (' + r.status + '): ' + (Array.isArray(d) ? d.map(function (x) {
      return x.field + ': ' + x.reason; }).join('; ') : String(d || ''));
  }

  function withdraw(seq) {
    PP.request('DELETE', '/api/reports/' + encodeURIComponent(seq), token).then(function (r) {
      form.held = null;
      if (r.status === 200) {
        form.ok = true;
        form.message = PP.t('withdrawn') + ' #' + r.data.seq + ': ' + PP.t('k_' + r.data.kind) +
          (r.data.post ? ' ' + r.data.post : '') + (r.data.km !== null ? ' km ' + r.data.km : '') + ' ' + r.data.time;
      } else {
        form.ok = false;
        form.message = r.status === 0 ? PP.t('not_sent') + ': ' + PP.t('no_server') : reasons(r);
      }
      reportForm();
      if (poller) { poller.now(); }
    });
  }

  function send(ev) {
    ev.preventDefault();
    var body_ = {kind: form.kind, time: form.time.length === 5 ? form.time + ':00' : form.time};
    if (form.kind !== 'resume') {
      if (form.where === 'km' && form.km !== '') { body_.km = Number(form.km); }
      if (form.where === 'post' && form.post && (form.kind === 'head' || form.kind === 'tail' || form.kind === 'pause')) {
        body_.post = form.post;
      }
    }
    post_(body_, false);
  }

  /* A report the server holds for confirmation (409: it moves times by more than 15 min, or implies a speed far
     above the column's) is shown with its reason and a button that sends it again confirmed. */
  function post_(body_, confirmed) {
    if (confirmed) { body_.confirm = true; }
    form.message = null; form.ok = false; form.held = null;
    PP.request('POST', '/api/reports', token, body_).then(function (r) {
      if (r.status === 201) {
        form.ok = true; form.edited = false;
        form.message = PP.t('stored') + ' #' + r.data.seq + ': ' + PP.t('k_' + r.data.kind) +
          (r.data.post ? ' ' + r.data.post : '') + (r.data.km !== null ? ' km ' + r.data.km : '') + ' ' + r.data.time;
      } else if (r.status === 409) {
        form.ok = false; form.held = body_;
        form.message = PP.t('needs_confirm') + ': ' + (r.data.detail || []).map(function (x) { return x.reason; }).join('; ');
      } else {
        form.ok = false;
        form.message = reasons(r);
      }
      reportForm();
      if (poller) { poller.now(); }
    });
  }

  function cell(text, cls) { return el('td', {text: text, class: cls || null}); }

  function tables() {
    var s = last;
    var who = {};  /* people, not ids: each unit by its name (the id stays in data attributes and links) */
    s.units.forEach(function (x) { who[x.id] = x.name || x.id; });
    s.reserves.forEach(function (x) { who[x.unit] = x.name || who[x.unit] || x.unit; });
    function named(id) { return who[id] || id; }
    PP.clear(proposalsBox);
    proposalsBox.appendChild(el('h2', {text: PP.t('proposals')}));
    if (!s.proposals.length) { proposalsBox.appendChild(el('p', {class: 'pp-muted', text: PP.t('none')})); }
    s.proposals.forEach(function (p) {
      proposalsBox.appendChild(el('p', {class: 'pp-proposal ' + (p.in_time ? 'pp-ok' : 'pp-warn')}, p.reserve ? [
        el('b', {text: PP.t('send_reserve') + ' ' + (p.reserve_name || named(p.reserve))}), ' → ' + PP.t('post') + ' ' +
          p.post + ' ' + p.post_name + ' (' + PP.t('instead_of') + ' ' + (p.unit_name || named(p.unit)) + '), ' + PP.t('arrives') + ' ' + PP.hm(p.arrival) +
          ', ' + PP.t('close') + ' ' + PP.hm(p.close) + (p.in_time ? ', ' + PP.t('spare') + ' ' + p.spare_min + ' ' +
          PP.t('min') : ', ' + PP.t('too_late') + ' ' + Math.abs(p.spare_min) + ' ' + PP.t('min'))
      ] : [el('b', {text: PP.t('no_reserve')}), ': ' + p.post + ' ' + p.post_name + ' (' + (p.unit_name || named(p.unit)) + ')']));
    });

    PP.clear(postsBox);
    postsBox.appendChild(el('h2', {text: PP.t('posts')}));
    var t = el('table', {class: 'pp-table', id: 'posts-table'});
    t.appendChild(el('tr', {}, [el('th', {text: PP.t('post')}), el('th', {text: PP.t('planned')}),
      el('th', {text: PP.t('current')}), el('th', {text: PP.t('units')}), el('th', {text: ''})]));
    s.posts.forEach(function (p) {
      t.appendChild(el('tr', {'data-post': p.id, class: (p.at_risk ? 'pp-risk' : '') + (p.passed ? ' pp-passed' : '')}, [
        el('td', {}, [el('b', {text: p.id}), ' ' + p.name, p.approaches.length ?
          el('div', {class: 'pp-muted', text: PP.t('holds') + ': ' + p.approaches.join(', ')}) : null]),
        cell(PP.hm(p.planned_close) + '–' + PP.hm(p.planned_reopen)),
        cell(p.close.slice(0, 8) + '–' + p.reopen.slice(0, 8) + (p.shift_min ? ' (' + PP.shiftText(p.shift_min) + ')' : ''),
          p.shift_min ? 'pp-moved' : ''),
        cell(p.units.map(named).join(', ')),
        cell(p.at_risk ? PP.t('at_risk') : (p.passed ? PP.t('passed') : ''), p.at_risk ? 'pp-warn' : '')
      ]));
    });
    postsBox.appendChild(t);

    PP.clear(reservesBox);
    reservesBox.appendChild(el('h2', {text: PP.t('reserves')}));
    var r = el('table', {class: 'pp-table', id: 'reserves-table'});
    r.appendChild(el('tr', {}, [el('th', {text: PP.t('units')}), el('th', {text: PP.t('station')}), el('th', {text: ''})]));
    s.reserves.forEach(function (x) {
      r.appendChild(el('tr', {'data-unit': x.unit}, [el('td', {}, [el('b', {text: x.name || x.unit})]),
        cell(x.station.name + (x.station.post ? ' (' + x.station.post + ')' : '')),
        cell(x.proposed_for ? '→ ' + x.proposed_for : '', x.proposed_for ? 'pp-warn' : '')]));
    });
    reservesBox.appendChild(r);

    PP.clear(reportsBox);
    reportsBox.appendChild(el('h2', {text: PP.t('reports')}));
    var l = el('ol', {class: 'pp-list', id: 'reports-list', reversed: 'reversed'});
    s.reports.slice().reverse().forEach(function (x) {
      l.appendChild(el('li', {'data-seq': x.seq}, ['#' + x.seq + ' ' + x.time + ' ' + PP.t('k_' + x.kind) +
        (x.post ? ' ' + x.post : '') + (x.km !== null ? ' km ' + x.km : '') + ' · ' + PP.t('received') + ' ' +
        x.received, el('button', {type: 'button', class: 'pp-withdraw', id: 'withdraw-' + x.seq, text: PP.t('withdraw'),
          on: {click: function () { withdraw(x.seq); }}})]));
    });
    reportsBox.appendChild(l);
    if (s.log && s.log.length) {
      reportsBox.appendChild(el('h2', {text: PP.t('log')}));
      var g = el('ol', {class: 'pp-list pp-log', id: 'audit-log', reversed: 'reversed'});
      s.log.slice(-50).reverse().forEach(function (e) {
        var r = e.after || e.before;
        var by = e.who === 'control' ? PP.t('who_control') : (e.who_name || PP.t('who_other'));
        g.appendChild(el('li', {text: e.at + ' · ' + by + ' ' + PP.t('a_' + e.action) + ' #' + e.seq +
          (r ? ': ' + PP.t('k_' + r.kind) + (r.post ? ' ' + r.post : '') + (r.km !== null ? ' km ' + r.km : '') +
          ' ' + r.time : '')}));
      });
      reportsBox.appendChild(g);
    }

    PP.clear(unitsBox);
    unitsBox.appendChild(el('h2', {text: PP.t('unit_links')}));
    var u = el('table', {class: 'pp-table', id: 'units-table'});
    s.units.forEach(function (x) {
      u.appendChild(el('tr', {class: x.at_risk ? 'pp-risk' : '', 'data-unit': x.id}, [el('td', {}, [el('b', {text: x.name || x.id})]),
        cell(PP.t('d_' + x.duty)),
        cell(x.next ? x.next.post + ' ' + PP.hm(x.next.be_there_by) : ''),
        el('td', {}, [x.link ? el('a', {href: x.link, target: '_blank', rel: 'noopener', text: PP.t('link')}) : null])]));
    });
    unitsBox.appendChild(u);
  }

  function drawPosts() {
    if (!map) { return; }
    if (postLayer) { map.map.removeLayer(postLayer); }
    postLayer = L.layerGroup();
    last.posts.forEach(function (p) {
      var c = PP.colours.posts;
      L.circleMarker([p.lat, p.lon], {radius: 6, weight: 2, color: '#fff',
        fillColor: p.at_risk ? c.at_risk : (p.passed ? c.passed : c.post), fillOpacity: 1})
        .bindTooltip(PP.tip(p.id + ' ' + p.name + ' ' + PP.hm(p.close) + '–' + PP.hm(p.reopen))).addTo(postLayer);
    });
    last.reserves.forEach(function (x) {
      L.circleMarker([x.station.lat, x.station.lon], {radius: 5, weight: 2, color: PP.colours.posts.station,
        fillColor: '#fff',
        fillOpacity: 1}).bindTooltip(PP.tip(PP.t('reserves') + ': ' + (x.name || x.unit) + ' · ' + x.station.name)).addTo(postLayer);
    });
    postLayer.addTo(map.map);
    map.column(last);
    map.stretches(last.stretches);
  }

  function render() {
    header_();
    if (!last) {
      if (formBox.querySelector('#token-form')) { askToken(tokenWrong); }
      return;
    }
    var active = document.activeElement;
    var typing = active && formBox.contains(active);
    if (!typing) { reportForm(); }
    tables();
    drawPosts();
  }

  function start() {
    poller = PP.live(function () {
      if (!token) { askToken(false); return null; }
      return PP.request('GET', '/api/police/state', token).then(function (r) {
        if (r.status === 401 || r.status === 403) { last = null; askToken(true); return null; }
        if (r.status === 200) { last = r.data; render(); return true; }
        return false;
      });
    }, function () { return last && last.now; }, {pollMs: 3000, everyMs: 10000});
  }

  header_();
  PP.request('GET', '/api/route').then(function (r) {
    if (r.status === 200 && r.data) { map = PP.map(mapNode, r.data); }
    start();
  });
})();
