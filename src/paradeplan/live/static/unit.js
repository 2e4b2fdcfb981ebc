/* paradeplan live — one unit's view on a phone: my next post, when to be there, when I may leave, what changed. */
(function () {
  'use strict';
  var PP = window.PP;
  var el = PP.el;
  var body = document.body;
  var unit = decodeURIComponent(location.pathname.replace(/^\/unit\//, ''));
  var token = PP.token();
  var root = el('main', {class: 'pp-phone'});
  body.appendChild(root);
  var last = null;
  var denied = false;

  function line(label, value, cls) {
    return el('div', {class: 'pp-line ' + (cls || '')}, [el('span', {class: 'pp-k', text: label}),
      el('b', {text: value})]);
  }

  function render() {
    PP.clear(root);
    root.appendChild(el('header', {class: 'pp-phone-head'}, [el('h1', {text: PP.t('unit_title')}), PP.langButton(render)]));
    if (denied || !token) { root.appendChild(el('p', {class: 'pp-warn', text: PP.t('wrong_token')})); return; }
    var s = last;
    if (!s) { return; }
    root.appendChild(el('div', {class: 'pp-who'}, [el('b', {id: 'unit-name', text: s.unit.name}),
      el('div', {class: 'pp-muted', text: PP.t('d_' + s.unit.duty)})]));  /* people, not ids */
    root.appendChild(el('div', {class: 'pp-status' + (s.paused ? ' pp-paused' : ''), text: PP.columnLine(s)}));
    if (s.proposal) {
      root.appendChild(el('div', {class: 'pp-card pp-alert', id: 'proposal'}, [
        el('div', {text: PP.t('go_to')}), el('b', {text: s.proposal.post + ' · ' + s.proposal.post_name}),
        line(PP.t('hold_from'), PP.hm(s.proposal.close)), el('div', {class: 'pp-muted', text: PP.t('replaces') + ' ' +
          s.proposal.replaces})]));
    }
    var n = s.next;
    var card = el('div', {class: 'pp-card' + (n && n.at_risk ? ' pp-alert' : ''), id: 'next'});
    card.appendChild(el('h2', {text: PP.t('next_post')}));
    if (n) {
      card.appendChild(el('div', {class: 'pp-post', text: n.post + ' · ' + n.name}));
      /* the run-sheet's three times, in its words: be there at, hold from, leave at */
      card.appendChild(line(PP.t('be_there'), PP.hm(n.arrive_at), n.at_risk ? 'pp-warn' : ''));
      card.appendChild(line(PP.t('hold_from'), PP.hm(n.hold_from), n.shift_min ? 'pp-moved' : ''));
      if (n.shift_min) { card.appendChild(el('div', {class: 'pp-muted', text: PP.t('planned') + ' ' +
        PP.hm(n.planned_hold_from) + ' (' + PP.shiftText(n.shift_min) + ')'})); }
      card.appendChild(line(PP.t('may_leave'), n.leave_at.slice(0, 5), n.leave_shift_min ? 'pp-moved' : ''));
      if (n.leave_shift_min) { card.appendChild(el('div', {class: 'pp-muted', text: PP.t('planned') + ' ' +
        PP.hm(n.planned_leave_at) + ' (' + PP.shiftText(n.leave_shift_min) + ')'})); }
      if (n.at_risk) { card.appendChild(el('p', {class: 'pp-warn', text: PP.t('at_risk') + ': ' + PP.t('earliest') +
        ' ' + PP.hm(n.earliest_arrival)})); }
    } else if (s.station) {
      card.appendChild(line(PP.t('station'), s.station.name));
      card.appendChild(line(PP.t('be_there'), PP.hm(s.station.arrive_at)));
      card.appendChild(line(PP.t('hold_from'), PP.hm(s.station.hold_from)));
      card.appendChild(line(PP.t('may_leave'), PP.hm(s.station.leave_at)));
    } else {
      card.appendChild(el('p', {text: PP.t('no_post')}));
    }
    root.appendChild(card);
    var ch = el('div', {class: 'pp-card', id: 'changes'}, [el('h2', {text: PP.t('changes')})]);
    if (!s.changes.length) { ch.appendChild(el('p', {class: 'pp-muted', text: PP.t('no_changes')})); }
    s.changes.forEach(function (c) {
      ch.appendChild(el('div', {class: 'pp-change'}, [el('b', {text: c.post + ' · ' + c.name}),
        el('div', {text: PP.t('hold_from') + ' ' + PP.hm(c.planned_be_there_by) + ' → ' + PP.hm(c.be_there_by) +
          ' (' + PP.shiftText(c.shift_min) + ')'}),
        el('div', {text: PP.t('may_leave') + ' ' + PP.hm(c.planned_leave_at) + ' → ' + PP.hm(c.leave_at) +
          (c.leave_shift_min ? ' (' + PP.shiftText(c.leave_shift_min) + ')' : '')})]));
    });
    root.appendChild(ch);
    if (s.runs.length) {
      var list = el('ol', {class: 'pp-list', id: 'runs'});
      s.runs.forEach(function (r) {
        list.appendChild(el('li', {class: (r.done ? 'pp-passed' : '') + (r.at_risk ? ' pp-risk' : '')}, [
          el('b', {text: r.post + ' · ' + r.name}),
          el('div', {text: PP.hm(r.be_there_by) + '–' + PP.hm(r.leave_at) + (r.done ? ' · ' + PP.t('done') : '')})]));
      });
      root.appendChild(el('div', {class: 'pp-card'}, [el('h2', {text: PP.t('my_posts')}), list]));
    }
    root.appendChild(el('p', {class: 'pp-updated', text: PP.t('now') + ' ' + s.now}));
  }

  PP.setLang(PP.lang);
  render();
  PP.live(function () {
    if (!token) { render(); return null; }
    return PP.request('GET', '/api/units/' + encodeURIComponent(unit) + '/state', token).then(function (r) {
      if (r.status === 0 || r.status >= 500) { return false; }
      denied = r.status === 401 || r.status === 403 || r.status === 404;
      if (r.status === 200) { last = r.data; }
      render();
      return r.status === 200 ? true : null;
    });
  }, function () { return last && last.now; }, {pollMs: 5000});
})();
