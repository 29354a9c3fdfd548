// The reports page: the activity report of a period, per patroller, beat and street, with its map
// and charts shown in the page, and downloads as PDF, CSV (zip) and GeoJSON.
import { api, el } from './api.js';

export async function showReports(view) {
  const patrollers = await api('/api/v1/patrollers');
  const today = new Date().toISOString().slice(0, 10);
  const yesterday = new Date(Date.now() - 86400000).toISOString().slice(0, 10);
  const from = el('input', { id: 'report-from', type: 'date', value: yesterday, required: true });
  const to = el('input', { id: 'report-to', type: 'date', value: today, required: true });
  const beat = el('input', { id: 'report-beat', type: 'number', min: 0, placeholder: 'all' });
  const who = el('select', { id: 'report-patroller' }, el('option', { value: '' }, 'all'),
    patrollers.map(p => el('option', { value: p.id }, p.name)));
  const frame = el('iframe', { id: 'report-frame', title: 'Activity report', style: 'width:100%;height:75vh;border:1px solid #d5dbe1;border-radius:10px;background:#fff' });
  const downloads = el('div', { class: 'row', id: 'report-downloads' });
  const query = () => {
    const end = new Date(to.value + 'T00:00:00Z');
    end.setUTCDate(end.getUTCDate() + 1);
    let q = 'from=' + from.value + 'T00:00:00Z&to=' + end.toISOString().replace('.000', '');
    if (beat.value !== '') q += '&beat=' + beat.value;
    if (who.value !== '') q += '&patroller=' + who.value;
    return q;
  };
  const show = () => {
    const q = query();
    frame.src = '/api/v1/reports?' + q + '&format=html';
    downloads.replaceChildren(...['pdf', 'csv', 'geojson'].map(format =>
      el('a', { class: 'button secondary', href: '/api/v1/reports?' + q + '&format=' + format }, format.toUpperCase())));
  };
  // Periods a manager asks for most: the last day, and weeks for the day-by-day comparison.
  const preset = days => {
    const end = new Date(Date.now());
    const start = new Date(end.getTime() - (days - 1) * 86400000);
    from.value = start.toISOString().slice(0, 10);
    to.value = end.toISOString().slice(0, 10);
    show();
  };
  const presets = el('div', { class: 'row', id: 'report-presets', role: 'group', 'aria-label': 'Period' },
    el('button', { type: 'button', class: 'secondary', onclick: () => preset(2) }, 'Yesterday and today'),
    el('button', { type: 'button', class: 'secondary', onclick: () => preset(7) }, 'Last 7 days'),
    el('button', { type: 'button', class: 'secondary', onclick: () => preset(28) }, 'Last 4 weeks'));
  view.append(el('div', { class: 'stack' },
    el('section', { class: 'card' }, el('h1', {}, 'Reports'),
      el('form', { class: 'row', onsubmit: e => { e.preventDefault(); show(); } },
        el('label', { for: 'report-from' }, 'From (UTC day)', from), el('label', { for: 'report-to' }, 'To (UTC day, included)', to),
        el('label', { for: 'report-beat' }, 'Beat', beat), el('label', { for: 'report-patroller' }, 'Patroller', who),
        el('button', { type: 'submit' }, 'Show report')),
      presets, downloads),
    frame));
  show();
  return null;
}
