/* paradeplan live — the public view: where the column is, what is closed now and when it reopens. No units. */
(function () {
  'use strict';
  var PP = window.PP;
  var el = PP.el;
  var body = document.body;
  var header = el('header', {class: 'pp-head'});
  var mapNode = el('div', {id: 'map', class: 'pp-map'});
  var side = el('section', {class: 'pp-side', id: 'closures'});
  body.appendChild(header);
  body.appendChild(el('main', {class: 'pp-main'}, [mapNode, side]));
  var map = null;
  var last = null;

  function render() {
    var s = last;
    PP.clear(header);
    header.appendChild(el('div', {class: 'pp-titles'}, [
      el('h1', {text: PP.t('public_title')}),
      el('div', {class: 'pp-sub', text: s ? s.event.name + ' · ' + s.event.parade + ' · ' + s.event.date : ''})
    ]));
    header.appendChild(PP.langButton(render));
    if (!s) { return; }
    header.appendChild(el('div', {class: 'pp-status' + (s.paused ? ' pp-paused' : ''), id: 'column',
      text: PP.columnLine(s)}));
    header.appendChild(el('div', {class: 'pp-updated', text: PP.t('now') + ' ' + s.now}));
    if (map) { map.column(s); map.stretches(s.stretches); }
    PP.clear(side);
    side.appendChild(el('h2', {text: PP.t('stretches')}));
    var list = el('ol', {class: 'pp-list'});
    s.stretches.forEach(function (c) {
      var cls = c.closed_now ? 'pp-closed' : (c.reopened ? 'pp-open' : 'pp-soon');
      var tag = c.closed_now ? PP.t('closed_now') : (c.reopened ? PP.t('reopened') : PP.t('upcoming'));
      list.appendChild(el('li', {class: cls}, [
        el('b', {text: c.street}), ' ', el('span', {class: 'pp-muted', text: PP.t('from') + ' ' + c.from + ' ' +
          PP.t('to') + ' ' + c.to}),
        el('div', {}, [el('span', {class: 'pp-tag', text: tag}), ' ' + PP.hm(c.close) + '–' + PP.hm(c.reopen)])
      ]));
    });
    side.appendChild(list);
    side.appendChild(el('h2', {text: PP.t('junctions')}));
    var table = el('table', {class: 'pp-table', id: 'junctions'});
    table.appendChild(el('tr', {}, [el('th', {text: PP.t('street')}), el('th', {text: PP.t('close')}),
      el('th', {text: PP.t('reopen')})]));
    s.closures.forEach(function (c) {
      table.appendChild(el('tr', {class: c.closed_now ? 'pp-closed' : ''}, [
        el('td', {text: c.cross_street ? c.street + ' × ' + c.cross_street : c.street}),
        el('td', {text: PP.hm(c.close)}), el('td', {text: PP.hm(c.reopen)})]));
    });
    side.appendChild(table);
    side.appendChild(el('p', {class: 'pp-muted', text: PP.t('public_note')}));
  }

  PP.request('GET', '/api/route').then(function (r) {
    if (r.status === 200 && r.data) { map = PP.map(mapNode, r.data); }
    PP.live(function () {
      return PP.request('GET', '/api/state').then(function (res) {
        if (res.status === 200) { last = res.data; render(); return true; }
        return false;
      });
    }, function () { return last && last.now; }, {pollMs: 5000});
  });
  render();
})();
