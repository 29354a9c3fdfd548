// The guard-tour layers of the live map: checkpoints (small squares with their name, flashing when
// a patroller checks in) and today's observations (a marker whose pop-up shows category, note, time,
// who reported it and the photo). Both can be switched off in the map's layer control.
import { el, time } from './api.js';

const VISIT_TEXT = { on_time: 'on time', late: 'late', out_of_order: 'out of order', not_due: 'not due now' };
const FLASH_MS = 4000;

export class GuardLayers {
  /** Draws the checkpoints and observations of a live state onto the map. */
  constructor(map, mapBox, state, listBox) {
    this.map = map;
    this.mapBox = mapBox;
    this.listBox = listBox;
    this.checkpoints = L.layerGroup().addTo(map);
    this.observations = L.layerGroup().addTo(map);
    this.checkpointMarkers = new Map();
    this.observationMarkers = new Map();
    this.observationList = [];
    L.control.layers(null, { Checkpoints: this.checkpoints, Observations: this.observations }, { collapsed: true }).addTo(map);
    (state.checkpoints || []).forEach(c => this.placeCheckpoint(c));
    (state.observations || []).slice().reverse().forEach(o => this.addObservation(o));
    this.count();
  }

  placeCheckpoint(c) {
    if (c.lat === null || c.lat === undefined) return;
    const marker = L.marker([c.lat, c.lon], { icon: checkpointIcon(c), keyboard: false, title: 'Checkpoint ' + c.name,
      riseOnHover: true }).addTo(this.checkpoints);
    marker.bindPopup(() => el('div', { class: 'popup' }, el('strong', {}, c.name),
      el('div', {}, 'Checkpoint ' + (c.sequence ?? '') + ' of beat ' + c.beat),
      c.lastVisit ? el('div', {}, 'Last visit ' + time(c.lastVisit.visitedAt) + ' by ' + (c.lastVisit.patrollerName || '?')
        + ' (' + (VISIT_TEXT[c.lastVisit.status] || c.lastVisit.status) + ')') : el('div', { class: 'muted' }, 'No visit seen yet.')));
    this.checkpointMarkers.set(c.id, { marker, checkpoint: c });
  }

  /** A `checkpoint` live event: remember the visit and make the marker flash. */
  onVisit(visit) {
    const entry = this.checkpointMarkers.get(visit.checkpointId);
    if (!entry) return;
    entry.checkpoint.lastVisit = visit;
    const node = entry.marker.getElement();
    if (!node) return;
    node.classList.remove('flash');
    void node.offsetWidth; // restart the animation for a second visit in a row
    node.classList.add('flash');
    node.dataset.lastStatus = visit.status;
    clearTimeout(entry.flashTimer);
    entry.flashTimer = setTimeout(() => node.classList.remove('flash'), FLASH_MS);
  }

  /** An observation from the state or a live `observation` event. */
  addObservation(o) {
    if (this.observationMarkers.has(o.id)) return;
    this.observationList.unshift(o);
    if (o.lat !== null && o.lat !== undefined) {
      const marker = L.marker([o.lat, o.lon], { icon: observationIcon(), title: 'Observation: ' + o.category })
        .addTo(this.observations);
      marker.bindPopup(() => observationPopup(o), { maxWidth: 240 });
      this.observationMarkers.set(o.id, marker);
    } else {
      this.observationMarkers.set(o.id, null);
    }
    this.renderList();
    this.count();
  }

  renderList() {
    if (!this.listBox) return;
    this.listBox.replaceChildren(...this.observationList.map(o => el('li', { 'data-observation': o.id },
      el('button', { type: 'button', class: 'link', onclick: () => {
        const marker = this.observationMarkers.get(o.id);
        if (!marker) return;
        if (!this.map.hasLayer(this.observations)) this.observations.addTo(this.map);
        this.map.panTo(marker.getLatLng());
        marker.openPopup();
      } }, o.category), ' ', el('span', { class: 'muted' }, time(o.observedAt) + (o.patrollerName ? ' · ' + o.patrollerName : '')),
      o.hasPhoto ? el('span', { class: 'muted', title: 'with photo' }, ' · photo') : null)));
    if (!this.observationList.length) this.listBox.append(el('li', { class: 'muted' }, 'No observations today.'));
  }

  count() {
    this.mapBox.dataset.checkpoints = String(this.checkpointMarkers.size);
    this.mapBox.dataset.observations = String(this.observationList.length);
  }
}

export function checkpointIcon(c) {
  return L.divIcon({ className: 'checkpoint-marker', iconSize: null, iconAnchor: [6, 6],
    html: el('div', { 'data-checkpoint': c.id }, el('span', { class: 'square', 'aria-hidden': 'true' }), el('span', { class: 'label' }, c.name)) });
}

function observationIcon() {
  return L.divIcon({ className: 'observation-marker', iconSize: [22, 22], iconAnchor: [11, 22], popupAnchor: [0, -20],
    html: el('span', { 'aria-hidden': 'true' }) });
}

function observationPopup(o) {
  return el('div', { class: 'popup observation-popup' },
    el('strong', {}, o.category),
    o.note ? el('p', {}, o.note) : null,
    el('div', { class: 'muted' }, time(o.observedAt) + (o.patrollerName ? ' · ' + o.patrollerName : '')),
    o.hasPhoto ? el('a', { href: '/api/v1/observations/' + o.id + '/photo', target: '_blank', rel: 'noopener' },
      el('img', { class: 'thumb', src: '/api/v1/observations/' + o.id + '/photo', alt: 'Photo of the observation: ' + o.category,
        loading: 'lazy', width: 200 })) : null);
}
