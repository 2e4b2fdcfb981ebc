/* paradeplan studio: the page. Everything shown comes from the API and is put in as text, never as markup. */
(function () {
  'use strict';
  var T = {};  // the words of the page, from the message catalogue (/static/messages.LANG.json)
  var params = new URLSearchParams(location.hash.slice(1));
  var token = params.get('token') || sessionStorage.getItem('pp-studio-token') || '';
  if (token) sessionStorage.setItem('pp-studio-token', token);
  var lang = localStorage.getItem('pp-studio-lang') || 'vi';
  var S = { id: params.get('plan') || null, state: null, route: null, pin: null, saving: Promise.resolve(null) };
  function t(k) { return (T[lang] && T[lang][k]) || k; }
  var AUTONYM = { vi: 'English', en: 'Tiếng Việt' };  // the switch names the other language in its own words

  function el(tag, attrs, kids) {
    var e = document.createElement(tag);
    if (attrs) for (var k in attrs) {
      if (k === 'text') e.textContent = attrs[k];
      else if (k.slice(0, 2) === 'on') e.addEventListener(k.slice(2), attrs[k]);
      else if (attrs[k] !== null && attrs[k] !== undefined && attrs[k] !== false) e.setAttribute(k, attrs[k]);
    }
    (kids || []).forEach(function (c) { if (c) e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
    return e;
  }
  function clear(e) { while (e.firstChild) e.removeChild(e.firstChild); return e; }
  function setHash() {
    var h = new URLSearchParams(); h.set('token', token); if (S.id) h.set('plan', S.id);
    history.replaceState(null, '', '#' + h.toString());
  }
  function banner(text, err) {
    var b = document.getElementById('banner'); b.textContent = text || '';
    b.className = text ? 'show' + (err ? ' err' : '') : '';
  }

  var inflight = 0;  // requests under way (data-pending on the body: 0 when the page shows the latest state)
  function pending(d) { inflight += d; document.body.dataset.pending = String(inflight); }
  function api(method, path, body, isForm) {
    var h = { Authorization: 'Bearer ' + token };
    if (body && !isForm) h['Content-Type'] = 'application/json';
    if (method === 'POST' && S.state && path.indexOf('/api/plans/' + S.id + '/') === 0) h['If-Match'] = '"' + S.state.version + '"';
    var q = lang === 'en' ? (path.indexOf('?') < 0 ? '?lang=en' : '&lang=en') : '';
    pending(1);
    return fetch(path + q, { method: method, headers: h, body: isForm ? body : (body ? JSON.stringify(body) : undefined) })
      .then(function (r) {
        return r.json().catch(function () { return {}; }).then(function (j) { return { status: r.status, body: j }; });
      }, function (e) { return { status: 0, body: { detail: String(e) } }; })
      .then(function (res) { setTimeout(function () { pending(-1); }, 0); return res; });
  }

  // ------------------------------------------------------------------ layout
  var map, layers = {}, pinMarker = null;
  function layout() {
    document.title = 'paradeplan — ' + t('title');
    document.documentElement.lang = lang;
    clear(document.body);
    var header = el('header', null, [
      el('h1', { text: 'paradeplan · ' + t('title') }),
      el('span', { 'class': 'plan-name', id: 'plan-name' }),
      el('button', { id: 'undo', text: t('undo'), onclick: undo }),
      el('button', { id: 'download', text: t('download'), onclick: download }),
      el('button', { id: 'run', 'class': 'primary', text: t('run'), onclick: run }),
      el('button', { id: 'lang', text: AUTONYM[lang], onclick: function () {
        lang = lang === 'vi' ? 'en' : 'vi'; localStorage.setItem('pp-studio-lang', lang);
        words().then(function () { S.route = null; S.fitted = false; layout(); if (S.id) load(S.id); else plans(); });
      } })
    ]);
    document.body.appendChild(header);
    document.body.appendChild(el('div', { id: 'banner' }));
    var main = el('main', null, [
      el('div', { id: 'left' }, [
        el('section', { id: 'start' }),
        el('section', { id: 'runbox' }),
        el('section', { id: 'checklist' }),
        el('section', { id: 'decisions' })
      ]),
      el('div', { id: 'map' }),
      el('div', { id: 'right' }, [
        el('section', { id: 'routebox' }), el('section', { id: 'eventbox' }), el('section', { id: 'groupbox' }),
        el('section', { id: 'ceremonybox' }), el('section', { id: 'peoplebox' }), el('section', { id: 'deadlinebox' })
      ])
    ]);
    document.body.appendChild(main);
    map = L.map('map', { zoomControl: true, attributionControl: true }).setView([10.86, 106.66], 12);
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution('© OpenStreetMap contributors');
    layers = { base: L.layerGroup().addTo(map), route: L.layerGroup().addTo(map), places: L.layerGroup().addTo(map),
      cands: L.layerGroup().addTo(map) };
    map.on('click', function (e) { if (S.pin) movePin(e.latlng); });
    startBox();
    if (!token) banner(t('notoken'), true);
  }

  function startBox() {
    var box = clear(document.getElementById('start'));
    var input = el('input', { type: 'file', id: 'file', accept: '.txt,.md,.docx,.pdf,.yaml,.yml', style: 'display:none' });
    input.addEventListener('change', function () { if (input.files.length) upload(input.files[0]); });
    var drop = el('div', { 'class': 'drop', id: 'drop' }, [
      el('div', { text: t('drop') }), el('br'),
      el('button', { text: t('choose'), onclick: function () { input.click(); } }), input
    ]);
    drop.addEventListener('dragover', function (e) { e.preventDefault(); drop.classList.add('over'); });
    drop.addEventListener('dragleave', function () { drop.classList.remove('over'); });
    drop.addEventListener('drop', function (e) {
      e.preventDefault(); drop.classList.remove('over');
      if (e.dataTransfer.files.length) upload(e.dataTransfer.files[0]);
    });
    box.appendChild(drop);
    box.appendChild(el('div', { id: 'planlist' }));
  }

  function plans() {
    api('GET', '/api/plans').then(function (r) {
      if (r.status !== 200) return;
      var box = clear(document.getElementById('planlist'));
      if (!r.body.plans.length) return;
      box.appendChild(el('h2', { text: t('plans') }));
      r.body.plans.slice(0, 8).forEach(function (p) {
        box.appendChild(el('div', null, [el('button', { text: t('open'), onclick: function () { load(p.id); } }),
          ' ' + p.name + ' (' + p.source + ')']));
      });
    });
  }

  function upload(file) {
    var fd = new FormData(); fd.append('file', file);
    banner('…');
    api('POST', '/api/plans', fd, true).then(function (r) {
      if (r.status === 201) { banner(''); S.state = null; load(r.body.id); return; }
      var lines = (r.body.problems || []).map(function (p) { return (p.field ? p.field + ': ' : '') + p.message; });
      banner((r.body.detail || r.status) + (lines.length ? ': ' + lines.join('; ') : ''), true);
    });
  }

  function load(id) {
    S.id = id; setHash();
    return api('GET', '/api/plans/' + id).then(function (r) {
      if (r.status !== 200) { banner(r.body.detail || String(r.status), true); return; }
      show(r.body);
    });
  }

  function show(state) {
    S.state = state; S.pin = null; if (pinMarker) { map.removeLayer(pinMarker); pinMarker = null; }
    document.getElementById('start').style.display = 'none';
    document.getElementById('plan-name').textContent = (state.plan.event || {}).name || '';
    document.getElementById('undo').disabled = state.history.length <= 1;
    checklist(); forms(); decisions(); runBox(); refreshRoute();
  }

  function fix(body, where) {
    // one change after another: each is sent on the version the one before it made, none is dropped
    var done = S.saving.then(function () { return api('POST', '/api/plans/' + S.id + '/fixes', body); }).then(function (r) {
      if (r.status === 200) { banner(''); show(r.body); return r; }
      if (r.status === 409) { banner(t('stale'), true); load(S.id); return r; }
      var msg = (r.body.detail || r.status) + ((r.body.problems || []).length ? ': ' + r.body.problems.map(function (p) {
        return (p.field ? p.field + ': ' : '') + p.message; }).join('; ') : '');
      if (where) { where.textContent = msg; } else banner(msg, true);
      return r;
    });
    S.saving = done.catch(function () { return null; });  // a change that failed to draw does not stop the next
    return done;
  }

  function undo() {
    api('POST', '/api/plans/' + S.id + '/undo').then(function (r) {
      if (r.status === 200) { banner(''); show(r.body); }
      else if (r.status === 409) { banner(t('stale'), true); load(S.id); }
      else banner(r.body.detail || String(r.status), true);
    });
  }

  function download() {
    fetch('/api/plans/' + S.id + '/plan.yaml', { headers: { Authorization: 'Bearer ' + token } }).then(function (r) {
      return r.blob();
    }).then(function (b) {
      var a = el('a', { href: URL.createObjectURL(b), download: 'plan.yaml' }); document.body.appendChild(a); a.click(); a.remove();
    });
  }

  // ------------------------------------------------------------------ checklist
  function checklist() {
    var box = clear(document.getElementById('checklist'));
    var items = S.state.open_items;
    var nreq = items.filter(function (i) { return i.required; }).length;
    box.appendChild(el('h2', { text: t('items') + ' (' + items.length + (nreq ? ', ' + nreq + ' ' + t('required').toLowerCase() : '') + ')' }));
    if (!items.length) box.appendChild(el('p', { 'class': 'ok', text: t('none') }));
    layers.cands.clearLayers();
    items.forEach(function (it) { box.appendChild(itemView(it)); });
  }

  function itemView(it) {
    var msg = el('div', { 'class': 'msg' });
    var acts = el('div', { 'class': 'acts' });
    var box = el('div', { 'class': 'item' + (it.required ? ' req' : ''), 'data-item': it.id, 'data-field': it.field }, [
      el('span', { 'class': 'badge', text: it.required ? t('required') : t('advice') }),
      el('span', { 'class': 'q', text: it.question })
    ]);
    if (it.source) box.appendChild(el('div', { 'class': 'src', title: it.source, text: t('source') + it.source }));
    (it.candidates || []).forEach(function (c, n) {
      acts.appendChild(el('button', { 'class': 'good cand', text: t('pick') + c.label, onclick: function () { fix({ item: it.id, choice: n }, msg); } }));
      if (c.lat != null && c.lon != null) {
        var m = L.circleMarker([c.lat, c.lon], { radius: 8, color: '#e67e22', weight: 3, fillOpacity: 0.6 }).addTo(layers.cands);
        m.bindTooltip(el('span', { 'class': 'pin-tip', text: (n + 1) + '. ' + c.label }));
        m.on('click', function () { fix({ item: it.id, choice: n }, msg); });
      }
    });
    if (it.input === 'pin') {
      acts.appendChild(el('button', { 'class': 'pinbtn', text: t('pin'), onclick: function () { startPin(it, acts, msg); } }));
    } else if (it.input === 'bool') {
      acts.appendChild(el('button', { text: t('yes'), onclick: function () { fix({ item: it.id, value: true }, msg); } }));
      acts.appendChild(el('button', { text: t('no'), onclick: function () { fix({ item: it.id, value: false }, msg); } }));
    } else if (['time', 'number', 'date', 'text'].indexOf(it.input) >= 0) {
      var inp = el('input', { type: it.input === 'text' ? 'text' : it.input, 'class': 'val', step: it.input === 'number' ? 'any' : null,
        value: it.current != null && typeof it.current !== 'boolean' ? String(it.current) : '' });
      acts.appendChild(inp);
      acts.appendChild(el('button', { 'class': 'save', text: t('save'), onclick: function () { fix({ item: it.id, value: inp.value }, msg); } }));
    }
    if (it.keep) acts.appendChild(el('button', { 'class': 'keep', text: t('keep'), onclick: function () { fix({ item: it.id, choice: -1 }, msg); } }));
    box.appendChild(acts); box.appendChild(msg);
    return box;
  }

  function startPin(it, acts, msg) {
    var c = (it.candidates || [])[0];
    var at = c && c.lat != null ? L.latLng(c.lat, c.lon) : map.getCenter();
    if (pinMarker) map.removeLayer(pinMarker);
    pinMarker = L.marker(at, { draggable: true }).addTo(map);
    S.pin = it;
    msg.textContent = t('pinhelp');
    var save = el('button', { 'class': 'good savepin', text: t('savepin'), onclick: function () {
      var p = pinMarker.getLatLng(); fix({ item: it.id, lat: p.lat, lon: p.lng }, msg);
    } });
    acts.appendChild(save);
  }
  function movePin(latlng) { if (pinMarker) pinMarker.setLatLng(latlng); }

  function decisions() {
    var box = clear(document.getElementById('decisions'));
    var ds = S.state.decisions || [];
    if (!ds.length) { box.style.display = 'none'; return; }
    box.style.display = '';
    box.appendChild(el('h2', { text: t('decisions') }));
    ds.forEach(function (d) {
      var msg = el('div', { 'class': 'msg' });
      var row = el('div', { 'class': 'dec', 'data-item': d.id, 'data-field': d.field, title: d.field }, [
        el('div', { text: fieldLabel(d.field) + ': ' + d.chosen + (d.overturned ? ' (' + t('overturned') + ')' : '') }),
        el('div', { 'class': 'hint', text: d.reason })
      ]);
      if (d.field.indexOf('places[') === 0) d.alternatives.forEach(function (a, n) {
        row.appendChild(el('button', { text: t('instead') + a.label + (a.note ? ' — ' + a.note : ''), onclick: function () { fix({ item: d.id, choice: n }, msg); } }));
      });
      changeControl(d, row);
      row.appendChild(msg); box.appendChild(row);
    });
  }

  // a decision's field in the clerk's words (the plan file's path stays in the row's title)
  var FIELD_WORDS = { speed_limit_kmh: 'speed', staging: 'staging', no_leaving_before_end: 'staying', base: 'base',
    date: 'date', assembly_time: 'assembly_time', departure_time: 'departure_time', count: 'count', role: 'role',
    venue: 'venue', route: 'route', places: 'place', groups: 'groups', streets: 'streetdata', ceremonies: 'ceremonies' };
  function fieldLabel(path) {
    var m = /([a-z_]+)(\[\d+\])?$/.exec(path);
    var key = m ? FIELD_WORDS[m[1]] : null;
    if (!key) return path;
    var word = t(key);
    return word.charAt(0).toUpperCase() + word.slice(1);
  }

  // every decision can be changed: its own form field, the route above, or (street data) a plan file
  function controlFor(fieldPath) {
    var inputs = document.querySelectorAll('#right [name]');
    for (var i = 0; i < inputs.length; i++) {
      var n = inputs[i].getAttribute('name');
      if (n === fieldPath || n.indexOf(fieldPath + '.') === 0) return inputs[i];
    }
    return null;
  }
  function changeControl(d, row) {
    if (d.field === 'streets') { row.appendChild(el('div', { 'class': 'hint', text: t('streetsfile') })); return; }
    if (/\.route(\[\d+\])?$/.test(d.field)) {
      row.appendChild(el('button', { 'class': 'change', text: t('changehere'), onclick: function () {
        document.getElementById('routebox').scrollIntoView({ block: 'start' }); } }));
      return;
    }
    if (!controlFor(d.field)) return;
    row.appendChild(el('button', { 'class': 'change', text: t('change'), onclick: function () {
      var c = controlFor(d.field); if (!c) return;
      c.scrollIntoView({ block: 'center' }); c.focus();
    } }));
  }

  // ------------------------------------------------------------------ route
  function refreshRoute() {
    var first = !S.route;
    return api('GET', '/api/plans/' + S.id + '/route' + (first ? '?basemap=1' : '')).then(function (r) {
      if (r.status !== 200) return;
      if (r.body.basemap) drawBase(r.body.basemap);
      S.route = r.body; drawRoute(); routeBox();
    });
  }
  function drawBase(bm) {
    layers.base.clearLayers();
    var rend = L.canvas({ padding: 0.3 });
    bm.forEach(function (e) { L.polyline(e[1], { renderer: rend, color: '#8a8f94', weight: e[0], opacity: 0.5, interactive: false }).addTo(layers.base); });
  }
  function drawRoute() {
    layers.route.clearLayers(); layers.places.clearLayers();
    var bounds = [];
    S.route.parades.forEach(function (p) {
      p.lines.forEach(function (ln) { L.polyline(ln, { color: '#c0392b', weight: 5, opacity: 0.85 }).addTo(layers.route); bounds = bounds.concat(ln); });
    });
    S.route.places.forEach(function (p) {
      if (p.lat == null) return;
      var m = L.circleMarker([p.lat, p.lon], { radius: 6, color: '#123b5c', weight: 2, fillColor: '#fff', fillOpacity: 1,
        dashArray: p.approximate ? '3' : null }).addTo(layers.places);
      m.bindTooltip(el('span', { 'class': 'pin-tip', text: p.name + (p.approximate ? ' (~)' : '') }));
      bounds.push([p.lat, p.lon]);
    });
    if (bounds.length && !S.fitted) { map.fitBounds(bounds, { padding: [20, 20], maxZoom: 16 }); S.fitted = true; }
  }
  function routeBox() {
    var box = clear(document.getElementById('routebox'));
    var parades = (S.state.plan.parades || []);
    if (!parades.length) { box.style.display = 'none'; return; }
    box.style.display = '';
    parades.forEach(function (pd, i) {
      var info = S.route.parades[i] || { steps: [], resolved: false, problems: [] };
      box.appendChild(el('h2', { text: t('route') + ' — ' + pd.name }));
      box.appendChild(el('div', { 'class': info.resolved ? 'ok' : 'bad', id: 'route-status',
        text: info.resolved ? t('resolved') + ' (' + (info.length_m / 1000).toFixed(1) + ' ' + t('length') + ')' : t('unresolved') }));
      var steps = (pd.route || []).map(function (s) { return Object.assign({}, s); });
      var names = {}; (S.state.plan.places || []).forEach(function (p) { names[p.id] = p.name; });
      function save() { fix({ field: 'parades[' + i + '].route', value: steps }); }
      steps.forEach(function (s, k) {
        var st = info.steps[k] || { ok: false, why: [] };
        var row = el('div', { 'class': 'step', 'data-step': k }, [
          el('span', { 'class': st.ok ? 'ok' : 'bad', text: st.ok ? '✓' : '✗' }),
          el('span', { 'class': 'name', text: (k + 1) + '. ' + (s.street ? s.street : (names[s.place] || s.place)) +
            (s.uturn ? ' (' + t('uturn') + ')' : '') + (s.end ? ' (' + t('end') + ')' : '') })
        ]);
        if (s.place) {
          var u = el('input', { type: 'checkbox', title: t('uturn') }); u.checked = !!s.uturn;
          u.addEventListener('change', function () { if (u.checked) s.uturn = true; else delete s.uturn; save(); });
          row.appendChild(el('label', { title: t('uturn') }, [u, '↶']));
        }
        row.appendChild(el('button', { title: t('up'), text: '↑', disabled: k === 0 ? 'disabled' : null, onclick: function () {
          steps.splice(k - 1, 0, steps.splice(k, 1)[0]); save(); } }));
        row.appendChild(el('button', { title: t('down'), text: '↓', disabled: k === steps.length - 1 ? 'disabled' : null, onclick: function () {
          steps.splice(k + 1, 0, steps.splice(k, 1)[0]); save(); } }));
        row.appendChild(el('button', { 'class': 'rm', title: t('remove'), text: '✕', onclick: function () { steps.splice(k, 1); save(); } }));
        box.appendChild(row);
        (st.why || []).forEach(function (w) { box.appendChild(el('div', { 'class': 'why', text: t('cannot') + w })); });
      });
      info.problems.filter(function (p) { return p.field.indexOf('.route[') < 0; }).forEach(function (p) {
        box.appendChild(el('div', { 'class': 'why', text: p.field + ': ' + p.message }));
      });
      var kind = el('select', { id: 'newkind' }, [el('option', { value: 'street', text: t('street') }), el('option', { value: 'place', text: t('place') })]);
      var nm = el('input', { id: 'newstep', placeholder: t('newstep'), list: 'placelist' });
      var dl = el('datalist', { id: 'placelist' }, (S.state.plan.places || []).map(function (p) { return el('option', { value: p.name }); }));
      var endBox = el('input', { type: 'checkbox', id: 'newend' });
      box.appendChild(el('div', { 'class': 'step' }, [kind, nm, dl, el('label', null, [endBox, t('end')]),
        el('button', { id: 'addstep', text: t('add'), onclick: function () {
          var v = nm.value.trim(); if (!v) return;
          var step;
          if (kind.value === 'street') step = { street: v };
          else {
            var p = (S.state.plan.places || []).filter(function (p) { return p.name === v || p.id === v; })[0];
            if (!p) { banner(t('cannot') + v, true); return; }
            step = { place: p.id };
          }
          if (endBox.checked) { steps.forEach(function (s) { delete s.end; }); step.end = true; }
          var last = steps[steps.length - 1];
          if (!step.end && last && last.end) steps.splice(steps.length - 1, 0, step);  // before the end
          else steps.push(step);
          save();
        } })]));
    });
  }

  // ------------------------------------------------------------------ forms
  function problemsAt(path) {
    return (S.state.problems || []).filter(function (p) { return p.field === path || p.field.indexOf(path + '.') === 0 || p.field.indexOf(path + '[') === 0; });
  }
  function field(label, path, value, type, options) {
    var msg = el('div', { 'class': 'msg', 'data-for': path, text: problemsAt(path).map(function (p) { return p.message; }).join('; ') });
    var input;
    if (options) {
      input = el('select', { name: path }, options.map(function (o) { return el('option', { value: o[0], text: o[1] }); }));
      input.value = value == null ? '' : String(value);
    } else if (type === 'checkbox') {
      input = el('input', { name: path, type: 'checkbox' }); input.checked = !!value;
    } else {
      input = el('input', { name: path, type: type || 'text', value: value == null ? '' : String(value), step: type === 'number' ? 'any' : null });
    }
    input.addEventListener('change', function () {
      var v = type === 'checkbox' ? input.checked : input.value;
      if (type === 'number') v = v === '' ? null : Number(v);
      if (type === 'list') v = v.split(',').map(function (x) { return x.trim(); }).filter(Boolean);
      if (v === '' && !options) v = null;
      msg.textContent = '';
      fix({ field: path, value: v }, msg);
    });
    return el('label', { 'class': 'f' }, [el('span', { text: label }), input, msg]);
  }
  function forms() {
    var p = S.state.plan, ev = p.event || {};
    var box = clear(document.getElementById('eventbox'));
    box.appendChild(el('h2', { text: t('event') }));
    ['name', 'theme', 'document'].forEach(function (k) { box.appendChild(field(t(k), 'event.' + k, ev[k])); });
    ['document_date', 'week_start', 'week_end'].forEach(function (k) { box.appendChild(field(t(k), 'event.' + k, ev[k], 'date')); });
    (p.parades || []).forEach(function (pd, i) {
      var base = 'parades[' + i + ']';
      box.appendChild(el('h2', { text: t('parade') }));
      box.appendChild(field(t('date'), base + '.date', pd.date, 'date'));
      box.appendChild(field(t('assembly_time'), base + '.assembly_time', pd.assembly_time, 'time'));
      box.appendChild(field(t('departure_time'), base + '.departure_time', pd.departure_time, 'time'));
      box.appendChild(field(t('speed'), base + '.speed_limit_kmh', pd.speed_limit_kmh, 'number'));
      box.appendChild(field(t('staging'), base + '.staging', pd.staging ? pd.staging.street : null));
      box.appendChild(field(t('staying'), base + '.no_leaving_before_end', pd.no_leaving_before_end, 'checkbox'));
    });
    var gb = clear(document.getElementById('groupbox'));
    gb.style.display = (p.parades || []).length ? '' : 'none';
    gb.appendChild(el('h2', { text: t('groups') }));
    var kinds = [['flower_float', 'xe hoa'], ['police_car', 'xe CSGT'], ['police_motorbike', 'mô tô CSGT'], ['loudspeaker', 'xe loa'], ['other', 'khác']];
    var roles = ['lead', 'route_guard', 'in_column', 'post_duty', 'flank', 'tail', 'support', 'marshal'].map(function (r) { return [r, t(r)]; });
    (p.parades || []).forEach(function (pd, i) {
      (pd.groups || []).forEach(function (g, k) {
        var b = 'parades[' + i + '].groups[' + k + ']';
        gb.appendChild(el('fieldset', null, [el('legend', { text: g.name || g.id }),
          field(t('count'), b + '.count', g.count, 'number'), field(t('kind'), b + '.kind', g.kind, null, kinds),
          field(t('role'), b + '.role', g.role, null, roles), field(t('base'), b + '.base', g.base)]));
      });
    });
    var placeOpts = (p.places || []).map(function (pl) { return [pl.id, pl.name]; });
    var cb = clear(document.getElementById('ceremonybox'));
    cb.style.display = (p.ceremonies || []).length ? '' : 'none';
    cb.appendChild(el('h2', { text: t('ceremonies') + ' (' + (p.ceremonies || []).length + ')' }));
    (p.ceremonies || []).forEach(function (c, k) {
      var b = 'ceremonies[' + k + ']';
      cb.appendChild(el('fieldset', { 'data-ceremony': k }, [el('legend', { text: c.name }),
        field(t('date'), b + '.date', c.date, 'date'), field(t('window_start'), b + '.window_start', c.window_start, 'time'),
        field(t('window_end'), b + '.window_end', c.window_end, 'time'), field(t('duration_min'), b + '.duration_min', c.duration_min, 'number'),
        field(t('venue'), b + '.venue', c.venue, null, placeOpts)]));
    });
    var pb = clear(document.getElementById('peoplebox'));
    pb.style.display = (p.people || []).length ? '' : 'none';
    pb.appendChild(el('h2', { text: t('people') }));
    (p.people || []).forEach(function (pe, k) {
      var b = 'people[' + k + ']';
      pb.appendChild(el('fieldset', null, [el('legend', { text: pe.name }), field(t('name'), b + '.name', pe.name),
        field(t('base'), b + '.base', pe.base, null, [['', '—']].concat(placeOpts)),
        field(t('wishes'), b + '.wishes', (pe.wishes || []).join(', '), 'list')]));
    });
    var db = clear(document.getElementById('deadlinebox'));
    db.appendChild(el('h2', { text: t('deadlines') }));
    var dls = p.deadlines || [];
    dls.forEach(function (d, k) {
      var b = 'deadlines[' + k + ']';
      db.appendChild(el('fieldset', null, [el('legend', { text: d.what }), field(t('what'), b + '.what', d.what),
        field(t('due'), b + '.due', d.due, 'date'), field(t('to'), b + '.to', d.to), field(t('who'), b + '.who', d.who)]));
    });
    var dmsg = el('div', { 'class': 'msg' });
    db.appendChild(el('button', { text: t('adddl'), onclick: function () {
      var day = (ev.week_end || ev.document_date || new Date().toISOString().slice(0, 10));
      fix({ field: 'deadlines', value: dls.concat([{ what: 'Báo cáo kết quả', due: day, to: ev.report_to || null }].map(function (d) {
        if (!d.to) delete d.to; return d; })) }, dmsg);
    } }));
    db.appendChild(dmsg);
  }

  // ------------------------------------------------------------------ run
  function runBox() {
    var box = clear(document.getElementById('runbox'));
    var st = S.state;
    var req = st.open_items.filter(function (i) { return i.required; }).length;
    if (st.valid) box.appendChild(el('div', { 'class': 'ok', id: 'readiness', text: t('ready') + (req ? ' — ' + t('left') + ' ' + req + ' ' + t('required').toLowerCase() : '') }));
    else {
      box.appendChild(el('div', { 'class': 'bad', id: 'readiness', text: t('invalid') }));
      st.problems.slice(0, 6).forEach(function (p) { box.appendChild(el('div', { 'class': 'msg', text: p.field + ': ' + p.message })); });
    }
    var out = el('div', { id: 'runout' });
    box.appendChild(out);
    if (S.running === S.id) { out.appendChild(progressBox()); return; }  // a run under way stays shown
    if (S.runFail && S.runFail.id === S.id) { failed(out, S.runFail.r); return; }
    if (S.lastRun && S.lastRun.id === S.id) { results(out, S.lastRun.res); return; }  // the last run's outputs stay
    if (S.askedRun === S.id) return;
    S.askedRun = S.id;
    api('GET', '/api/plans/' + S.id + '/run').then(function (r) {  // a run made before this page was opened
      if (r.status === 200 && r.body.result && !document.getElementById('run-done') && !document.getElementById('progress')) {
        results(document.getElementById('runout'), r.body.result);
      }
    });
  }
  function progressBox() {
    return el('div', { id: 'progress' }, [el('div', { text: t('running') }), el('div', { 'class': 'progress' }, [el('i')]),
      el('div', { id: 'stage', 'class': 'hint' })]);
  }
  function failed(out, r) {
    out.appendChild(el('div', { 'class': 'bad', id: 'run-failed', text: t('notready') + (r.body.detail || r.status) }));
    (r.body.problems || []).forEach(function (p) { out.appendChild(el('div', { 'class': 'msg', text: (p.field ? p.field + ': ' : '') + p.message })); });
  }
  function run() {
    if (S.running) return;
    var id = S.id;
    S.running = id; S.runFail = null; S.lastRun = null;
    clear(document.getElementById('runout')).appendChild(progressBox());
    document.getElementById('run').disabled = true;
    var timer = setInterval(function () {
      api('GET', '/api/plans/' + id + '/run').then(function (r) {
        var stage = document.getElementById('stage');
        if (stage && r.status === 200 && r.body.running) stage.textContent = r.body.stage + ' · ' + r.body.seconds + ' ' + t('seconds');
      });
    }, 700);
    S.saving.then(function () {  // the plan is made from every change typed before the click
      return api('POST', '/api/plans/' + id + '/run');
    }).then(function (r) {
      clearInterval(timer); S.running = null;
      var btn = document.getElementById('run'); if (btn) btn.disabled = false;
      if (r.status === 200) S.lastRun = { id: id, res: r.body }; else S.runFail = { id: id, r: r };
      // the box may have been drawn again meanwhile (a change came back, the language was switched): the one shown now
      var out = document.getElementById('runout');
      if (S.id !== id || !out) return;
      clear(out);
      if (r.status === 200) results(out, r.body); else failed(out, r);
    });
  }
  function results(out, res) {
    S.lastRun = { id: S.id, res: res };
    out.appendChild(el('div', { id: 'run-done', 'class': res.exit === 0 ? 'ok' : 'bad', text: res.exit === 0 ? t('done0') : t('done3') }));
    res.summary.forEach(function (s) { out.appendChild(el('div', { 'class': 'hint', text: s })); });
    if (res.shortfall.length) {
      out.appendChild(el('h2', { text: t('shortfall') }));
      res.shortfall.forEach(function (s) { out.appendChild(el('div', { 'class': 'msg shortfall', text: s })); });
    }
    out.appendChild(el('h2', { text: t('outputs') }));
    var files = el('div', { 'class': 'files' });
    var key = { 'index.html': t('book'), 'map.html': t('police'), 'map-public.html': t('public') };
    var sorted = res.files.slice().sort(function (a, b) { return (key[b] ? 1 : 0) - (key[a] ? 1 : 0); });
    sorted.filter(function (f) { return f.indexOf('calendars/') !== 0; }).forEach(function (f) {
      files.appendChild(el('a', { href: '/api/plans/' + S.id + '/results/' + f.split('/').map(encodeURIComponent).join('/'),
        target: '_blank', rel: 'noopener', 'class': key[f] ? 'key' : null, 'data-file': f, text: key[f] ? key[f] + ' (' + f + ')' : f }));
    });
    out.appendChild(files);
  }

  function words() {
    if (T[lang]) return Promise.resolve();
    return fetch('/static/messages.' + lang + '.json').then(function (r) { return r.json(); }).then(function (m) { T[lang] = m; });
  }

  function init() {
    words().then(start);
  }
  function start() {
    layout();
    if (!token) return;
    api('POST', '/api/session').then(function () { if (S.id) load(S.id); else plans(); });
  }
  window.addEventListener('DOMContentLoaded', init);
})();
