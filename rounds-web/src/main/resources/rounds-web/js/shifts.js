// The shifts page: who patrols which beat when, and who is on now.
import { api, el, time, toast } from './api.js';
import { isStaff } from './app.js';

export async function showShifts(view) {
  const shifts = await api('/api/v1/shifts');
  const patrollers = await api('/api/v1/patrollers');
  const now = Date.now();
  const nameOf = id => (patrollers.find(p => p.id === id) || {}).name || '#' + id;
  const onNow = s => new Date(s.startsAt).getTime() <= now && (!s.endsAt || new Date(s.endsAt).getTime() > now);
  const rows = shifts.map(s => el('tr', { class: onNow(s) ? 'on-now' : '' },
    el('td', {}, nameOf(s.patrollerId)), el('td', { class: 'num' }, String(s.beat)),
    el('td', {}, new Date(s.startsAt).toLocaleDateString() + ' ' + time(s.startsAt)), el('td', {}, s.endsAt ? time(s.endsAt) : 'open'),
    el('td', {}, onNow(s) ? el('strong', {}, 'on now') : '')));
  const table = el('table', { id: 'shifts' },
    el('thead', {}, el('tr', {}, ['Patroller', 'Beat', 'Starts', 'Ends', ''].map(h => el('th', {}, h)))), el('tbody', {}, rows));
  const section = el('section', { class: 'card' }, el('h2', {}, 'Shifts'),
    el('p', {}, shifts.filter(onNow).length + ' on shift now.'), table);
  view.append(section);
  if (isStaff()) view.append(newShiftForm(patrollers));
  return null;
}

function newShiftForm(patrollers) {
  const who = el('select', { id: 'shift-patroller' }, patrollers.map(p => el('option', { value: p.id }, p.name)));
  const beat = el('input', { id: 'shift-beat', type: 'number', min: 0, value: 0 });
  const start = el('input', { id: 'shift-start', type: 'datetime-local', required: true });
  const end = el('input', { id: 'shift-end', type: 'datetime-local', required: true });
  return el('section', { class: 'card' }, el('h2', {}, 'Assign a shift'),
    el('form', { class: 'row', onsubmit: async e => {
      e.preventDefault();
      try {
        await api('/api/v1/shifts', { method: 'POST', json: { patrollerId: Number(who.value), beat: Number(beat.value),
          startsAt: new Date(start.value).toISOString(), endsAt: new Date(end.value).toISOString() } });
        location.reload();
      } catch (err) { toast(err.message); }
    } }, el('label', { for: 'shift-patroller' }, 'Patroller', who), el('label', { for: 'shift-beat' }, 'Beat', beat),
      el('label', { for: 'shift-start' }, 'Starts', start), el('label', { for: 'shift-end' }, 'Ends', end),
      el('button', { type: 'submit' }, 'Assign')));
}
