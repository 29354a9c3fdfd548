// The checkpoints page (staff): each beat's checkpoints with their codes, adding one by clicking the
// map (or typing its position), retiring one, the beat's tour rules, the printable QR sheet, and the
// observation categories (which only an admin may change).
import { api, el, toast } from './api.js';
import { isAdmin } from './app.js';
import { beatColor } from './plan.js';
import { checkpointIcon } from './live-layers.js';
import { keepMapSized } from './map-size.js';

const DEFAULT_RULES = { inOrder: false, windowMinutes: 60, graceMinutes: 10, startMinutes: 15 };

export async function showCheckpoints(view) {
  const [checkpoints, tours, categories, state] = await Promise.all([api('/api/v1/checkpoints'), api('/api/v1/checkpoint-tours'),
    api('/api/v1/observation-categories'), api('/api/v1/live/state').catch(e => { if (e.status === 404) return null; throw e; })]);
  const page = new CheckpointsPage(view, checkpoints, tours, categories, state);
  page.render();
  return page;
}

class CheckpointsPage {
  // The server names beats as text ("0"); this page keys them by number.
  constructor(view, checkpoints, tours, categories, state) {
    this.view = view;
    this.checkpoints = checkpoints.map(withBeatNumber);
    this.tours = new Map(tours.map(t => [Number(t.beat), withBeatNumber(t)]));
    this.categories = categories;
    this.state = state;
    this.markers = L.layerGroup();
  }

  stop() {
    if (this.resizes) this.resizes.disconnect();
    if (this.map) this.map.remove();
  }

  render() {
    this.mapBox = el('div', { id: 'checkpoint-map', class: 'map', role: 'region', 'aria-label': 'Map: click to place a new checkpoint' });
    this.beatsBox = el('div', { id: 'checkpoint-beats', class: 'stack' });
    this.view.append(el('div', { class: 'stack' },
      el('div', { class: 'grid-checkpoints' }, this.mapBox,
        el('div', { class: 'stack' }, this.addForm(),
          el('section', { class: 'card' }, el('h2', {}, 'QR codes'),
            el('p', { class: 'muted hint' }, 'One page per beat, a QR code per checkpoint. Stick each code at its place; '
              + 'a patroller\'s phone that scans it records the visit.'),
            el('a', { class: 'button', id: 'qr-sheet', href: '/api/v1/checkpoints/sheet.pdf', target: '_blank', rel: 'noopener' },
              'Print QR sheet (PDF)')))),
      this.beatsBox,
      this.categoriesCard()));
    this.drawMap();
    this.renderBeats();
  }

  drawMap() {
    this.map = L.map(this.mapBox, { preferCanvas: true, zoomSnap: 0.25 }).setView([0, 0], 2);
    this.map.attributionControl.setPrefix(false);
    this.map.attributionControl.addAttribution('© OpenStreetMap contributors');
    const bounds = L.latLngBounds([]);
    if (this.state) {
      const renderer = L.canvas({ padding: 0.3 });
      for (const f of this.state.streets.features) {
        const latlngs = f.geometry.coordinates.map(c => [c[1], c[0]]);
        L.polyline(latlngs, { renderer, color: beatColor(f.properties.beat), weight: 3, opacity: 0.6, interactive: false }).addTo(this.map);
        latlngs.forEach(p => bounds.extend(p));
      }
    }
    this.checkpoints.forEach(c => bounds.extend([c.lat, c.lon]));
    this.markers.addTo(this.map);
    if (bounds.isValid()) this.map.fitBounds(bounds, { padding: [10, 10] });
    this.map.on('click', e => this.pick(e.latlng));
    ['pointerdown', 'wheel', 'keydown'].forEach(type => this.mapBox.addEventListener(type, () => { this.userMoved = true; }));
    this.resizes = keepMapSized(this.map, this.mapBox, () => {
      if (bounds.isValid() && !this.userMoved) this.map.fitBounds(bounds, { padding: [10, 10] });
    });
  }

  pick(latlng) {
    this.lat.value = latlng.lat.toFixed(6);
    this.lon.value = latlng.lng.toFixed(6);
    if (this.picked) this.picked.setLatLng(latlng);
    else this.picked = L.circleMarker(latlng, { radius: 7, color: '#b3261e', weight: 3, fill: false }).addTo(this.map);
    this.name.focus();
  }

  addForm() {
    this.name = el('input', { id: 'checkpoint-name', required: true, maxlength: 120, autocomplete: 'off', placeholder: 'e.g. North gate' });
    this.lat = el('input', { id: 'checkpoint-lat', type: 'number', step: 'any', min: -90, max: 90, required: true });
    this.lon = el('input', { id: 'checkpoint-lon', type: 'number', step: 'any', min: -180, max: 180, required: true });
    const beat = el('input', { id: 'checkpoint-beat', type: 'number', min: 0, step: 1, placeholder: 'nearest' });
    const sequence = el('input', { id: 'checkpoint-sequence', type: 'number', min: 0, step: 1, placeholder: 'last' });
    return el('section', { class: 'card' }, el('h2', {}, 'Add a checkpoint'),
      el('p', { class: 'muted hint' }, 'Click its place on the map, or type the position.'),
      el('form', { class: 'stack', onsubmit: async e => {
        e.preventDefault();
        const body = { name: this.name.value.trim(), lat: Number(this.lat.value), lon: Number(this.lon.value) };
        if (beat.value !== '') body.beat = String(beat.value);
        if (sequence.value !== '') body.sequence = Number(sequence.value);
        try {
          const added = await api('/api/v1/checkpoints', { method: 'POST', json: body });
          this.checkpoints.push(withBeatNumber(added));
          this.renderBeats();
          this.name.value = '';
          sequence.value = '';
          toast('Added checkpoint ' + added.name + ' to beat ' + added.beat + ' (code ' + added.code + ').');
        } catch (err) { toast(err.message); }
      } },
      el('label', { for: 'checkpoint-name' }, 'Name', this.name),
      el('div', { class: 'row' }, el('label', { for: 'checkpoint-lat' }, 'Latitude', this.lat), el('label', { for: 'checkpoint-lon' }, 'Longitude', this.lon)),
      el('div', { class: 'row' }, el('label', { for: 'checkpoint-beat' }, 'Beat (optional)', beat),
        el('label', { for: 'checkpoint-sequence' }, 'Order (optional)', sequence)),
      el('button', { type: 'submit' }, 'Add checkpoint')));
  }

  beats() {
    const beats = new Set([...this.tours.keys(), ...this.checkpoints.map(c => c.beat)]);
    if (this.state) this.state.plan.beats.forEach(b => beats.add(b.beat));
    return [...beats].sort((a, b) => a - b);
  }

  renderBeats() {
    this.markers.clearLayers();
    this.checkpoints.forEach(c => L.marker([c.lat, c.lon], { icon: checkpointIcon(c), title: c.name, keyboard: false, interactive: false }).addTo(this.markers));
    this.mapBox.dataset.checkpoints = String(this.checkpoints.length);
    const beats = this.beats();
    this.beatsBox.replaceChildren(...beats.map(b => this.beatCard(b)));
    if (!beats.length) this.beatsBox.append(el('section', { class: 'card muted' }, 'No active plan and no checkpoints yet.'));
  }

  beatCard(beat) {
    const list = this.checkpoints.filter(c => c.beat === beat).sort((a, b) => a.sequence - b.sequence);
    const rows = list.map(c => el('tr', { 'data-checkpoint': c.id },
      el('td', { class: 'num' }, String(c.sequence)), el('td', {}, c.name), el('td', { class: 'mono' }, c.code || '–'),
      el('td', { class: 'mono muted' }, c.lat.toFixed(5) + ', ' + c.lon.toFixed(5)),
      el('td', {}, this.deleteButton(c))));
    return el('section', { class: 'card', id: 'beat-' + beat, 'data-beat': beat },
      el('h2', {}, el('span', { class: 'swatch', style: 'background:' + beatColor(beat), 'aria-hidden': 'true' }), 'Beat ' + beat),
      list.length ? el('div', { class: 'scroll-x' }, el('table', { class: 'checkpoints' },
        el('thead', {}, el('tr', {}, ['Order', 'Name', 'Code', 'Position', ''].map((h, i) => el('th', { class: i === 0 ? 'num' : '' }, h)))),
        el('tbody', {}, rows))) : el('p', { class: 'muted' }, 'No checkpoints on this beat.'),
      this.rulesForm(beat),
      list.length ? el('a', { class: 'button secondary', href: '/api/v1/checkpoints/sheet.pdf?beat=' + beat, target: '_blank', rel: 'noopener' },
        'QR sheet of beat ' + beat + ' (PDF)') : null);
  }

  // Retiring takes a second click, so a slip of the mouse does not remove a checkpoint.
  deleteButton(c) {
    let armed = null;
    const button = el('button', { type: 'button', class: 'secondary', 'aria-label': 'Delete checkpoint ' + c.name, onclick: async () => {
      if (!armed) {
        button.textContent = 'Really delete?';
        armed = setTimeout(() => { armed = null; button.textContent = 'Delete'; }, 4000);
        return;
      }
      clearTimeout(armed);
      try {
        await api('/api/v1/checkpoints/' + c.id, { method: 'DELETE' });
        this.checkpoints = this.checkpoints.filter(x => x.id !== c.id);
        this.renderBeats();
        toast('Deleted checkpoint ' + c.name + '; its visits are kept.');
      } catch (err) { toast(err.message); }
    } }, 'Delete');
    return button;
  }

  rulesForm(beat) {
    const rules = { ...DEFAULT_RULES, ...(this.tours.get(beat) || {}) };
    const id = name => 'tour-' + beat + '-' + name;
    const inOrder = el('input', { id: id('order'), type: 'checkbox', checked: rules.inOrder });
    const number = (name, value, min) => el('input', { id: id(name), type: 'number', min, step: 1, value, required: true, style: 'width:7em' });
    const every = number('window', rules.windowMinutes, 1);
    const grace = number('grace', rules.graceMinutes, 0);
    const start = number('start', rules.startMinutes, 1);
    return el('form', { class: 'row tour-rules', onsubmit: async e => {
      e.preventDefault();
      const body = { inOrder: inOrder.checked, windowMinutes: Number(every.value), graceMinutes: Number(grace.value),
        startMinutes: Number(start.value) };
      try {
        const saved = await api('/api/v1/checkpoint-tours/' + beat, { method: 'PUT', json: body });
        this.tours.set(beat, withBeatNumber({ beat, ...body, ...(saved && typeof saved === 'object' ? saved : {}) }));
        toast('Saved the tour rules of beat ' + beat + '.');
      } catch (err) { toast(err.message); }
    } },
    el('label', { for: id('order'), class: 'inline' }, inOrder, 'In order'),
    el('label', { for: id('window') }, 'Every (min)', every),
    el('label', { for: id('grace') }, 'Grace (min)', grace),
    el('label', { for: id('start') }, 'Start within (min)', start),
    el('button', { type: 'submit', class: 'secondary' }, 'Save rules'));
  }

  categoriesCard() {
    const card = el('section', { class: 'card', id: 'observation-categories' }, el('h2', {}, 'Observation categories'));
    if (!isAdmin()) {
      card.append(el('ul', { class: 'plain' }, this.categories.map(c => el('li', {}, c))),
        el('p', { class: 'muted hint' }, 'An admin can change the categories.'));
      return card;
    }
    const list = el('ul', { class: 'plain' });
    const row = value => {
      const input = el('input', { value, required: true, maxlength: 40, 'aria-label': 'Category', class: 'category' });
      const item = el('li', { class: 'row' }, input,
        el('button', { type: 'button', class: 'secondary', 'aria-label': 'Remove category', onclick: () => item.remove() }, 'Remove'));
      return item;
    };
    this.categories.forEach(c => list.append(row(c)));
    card.append(el('p', { class: 'muted hint' }, 'What a patroller can report: conditions of places, never people.'),
      el('form', { class: 'stack', onsubmit: async e => {
        e.preventDefault();
        const categories = [...list.querySelectorAll('input.category')].map(i => i.value.trim()).filter(Boolean);
        if (!categories.length) { toast('Keep at least one category.'); return; }
        try {
          await api('/api/v1/observation-categories', { method: 'PUT', json: { categories } });
          this.categories = categories;
          toast('Saved ' + categories.length + ' categories.');
        } catch (err) { toast(err.message); }
      } }, list,
      el('div', { class: 'row' },
        el('button', { type: 'button', class: 'secondary', onclick: () => { const item = row(''); list.append(item); item.querySelector('input').focus(); } },
          'Add a category'),
        el('button', { type: 'submit' }, 'Save categories'))));
    return card;
  }
}

function withBeatNumber(item) {
  return { ...item, beat: Number(item.beat) };
}
