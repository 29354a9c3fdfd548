// The shifts page: who patrols which beat when, and who is on now.
import { api, el, time, toast } from './api.js';
import { isStaff } from './app.js';

export async function showShifts(view) {
  const [shifts, patrollers] = await Promise.all([api('/api/v1/shifts'), api('/api/v1/patrollers')]);
  const list = el('div');
  const draw = () => list.replaceChildren(shiftTable(shifts, patrollers));
  draw();
  view.append(list);
  if (isStaff()) {
    view.append(newShiftForm(patrollers, added => { shifts.push(added); draw(); }));
  }
  return null;
}

function shiftTable(shifts, patrollers) {
  const now = Date.now();
  const nameOf = id => (patrollers.find(p => p.id === id) || {}).name || '#' + id;
  const onNow = s => new Date(s.startsAt).getTime() <= now && (!s.endsAt || new Date(s.endsAt).getTime() > now);
  const sorted = shifts.slice().sort((a, b) => (onNow(b) - onNow(a)) || b.startsAt.localeCompare(a.startsAt));
  const rows = sorted.map(s => el('tr', { class: onNow(s) ? 'on-now' : '' },
    el('td', {}, nameOf(s.patrollerId)), el('td', { class: 'num' }, String(s.beat)),
    el('td', {}, new Date(s.startsAt).toLocaleDateString() + ' ' + time(s.startsAt)), el('td', {}, s.endsAt ? time(s.endsAt) : 'open'),
    el('td', {}, onNow(s) ? el('strong', {}, 'on now') : '')));
  const table = el('table', { id: 'shifts' },
    el('thead', {}, el('tr', {}, ['Patroller', 'Beat', 'Starts', 'Ends', 'Now'].map((h, i) => el('th', { class: i === 1 ? 'num' : '' }, h)))),
    el('tbody', {}, rows));
  const count = shifts.filter(onNow).length;
  return el('section', { class: 'card' }, el('h2', {}, 'Shifts'),
    el('p', { id: 'on-now' }, count + ' on shift now.'),
    shifts.length ? el('div', { class: 'scroll-x' }, table) : el('p', { class: 'muted' }, 'No shifts yet.'));
}

// datetime-local fields hold the browser's local time; the server wants instants.
function localInputValue(date) {
  const pad = n => String(n).padStart(2, '0');
  return date.getFullYear() + '-' + pad(date.getMonth() + 1) + '-' + pad(date.getDate()) + 'T' + pad(date.getHours()) + ':' + pad(date.getMinutes());
}

function newShiftForm(patrollers, onAdded) {
  const who = el('select', { id: 'shift-patroller', required: true }, patrollers.map(p => el('option', { value: p.id }, p.name)));
  const beat = el('input', { id: 'shift-beat', type: 'number', min: 0, step: 1, value: 0, required: true });
  const startAt = new Date();
  startAt.setMinutes(0, 0, 0);
  const start = el('input', { id: 'shift-start', type: 'datetime-local', required: true, value: localInputValue(startAt) });
  const end = el('input', { id: 'shift-end', type: 'datetime-local', required: true,
    value: localInputValue(new Date(startAt.getTime() + 8 * 3600000)) });
  return el('section', { class: 'card' }, el('h2', {}, 'Assign a shift'),
    patrollers.length ? null : el('p', { class: 'muted' }, 'Add patrollers on the Team page first.'),
    el('form', { class: 'row', onsubmit: async e => {
      e.preventDefault();
      const startsAt = new Date(start.value);
      const endsAt = new Date(end.value);
      if (!(endsAt > startsAt)) { toast('The shift must end after it starts.'); return; }
      try {
        const added = await api('/api/v1/shifts', { method: 'POST', json: { patrollerId: Number(who.value), beat: String(beat.value),
          startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() } });
        onAdded(added);
        toast('Shift assigned.');
      } catch (err) { toast(err.message); }
    } }, el('label', { for: 'shift-patroller' }, 'Patroller', who), el('label', { for: 'shift-beat' }, 'Beat', beat),
      el('label', { for: 'shift-start' }, 'Starts', start), el('label', { for: 'shift-end' }, 'Ends', end),
      el('button', { type: 'submit' }, 'Assign')));
}
