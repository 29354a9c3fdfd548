// The live page: streets coloured by time since their last visit, beats, patrollers with trails,
// round progress per beat and the alert list, all updated from the server's event stream.
import { api, el, time, toast } from './api.js';
import { isStaff } from './app.js';
import { GuardLayers } from './live-layers.js';
import { keepMapSized } from './map-size.js';
import { tone } from './sound.js';

export const AGE_CLASSES = [
  { key: 'fresh', label: 'fresh: visited within ½ round', color: '#1a9641', upTo: 0.5 },
  { key: 'recent', label: 'recent: within 1 round', color: '#a6d96a', upTo: 1.0 },
  { key: 'due', label: 'due: 1 to 1½ rounds ago', color: '#fdae61', upTo: 1.5 },
  { key: 'stale', label: 'stale: over 1½ rounds ago', color: '#d7191c', upTo: Infinity },
];
const NEVER = { key: 'never', label: 'not visited yet', color: '#8c8c8c' };
// Alerts that mean a patroller may be in danger: a banner above the map and a sound until acknowledged.
const URGENT = { SOS: 'SOS from', NO_ANSWER: 'No answer to the lone-worker check from' };
const REMIND_MS = 15000;
const STATUS_COLORS = { 'on round': '#1e7b34', standing: '#e8710a', 'off beat': '#7b1fa2', 'no signal': '#8c8c8c' };

export function ageClass(lastVisitMs, nowMs, intervalMs) {
  if (lastVisitMs === null || lastVisitMs === undefined) return NEVER;
  const ratio = (nowMs - lastVisitMs) / intervalMs;
  return AGE_CLASSES.find(c => ratio <= c.upTo) || AGE_CLASSES[AGE_CLASSES.length - 1];
}

export async function showLive(view) {
  let state;
  try {
    state = await api('/api/v1/live/state');
  } catch (e) {
    view.append(el('section', { class: 'card' }, el('h1', {}, 'Live'),
      el('p', {}, e.status !== 404 ? e.message : isStaff()
        ? 'No active plan yet. Import a map and plan it on the Plan page.' : 'No active plan yet. Ask your supervisor.')));
    return null;
  }
  const page = new LivePage(view, state);
  page.start();
  return page;
}

class LivePage {
  constructor(view, state) {
    this.view = view;
    this.state = state;
    this.now = state.now;
    this.lines = [];
    this.classOf = [];
    this.markers = new Map();
    this.patrollers = new Map();
    this.trails = new Map();
    this.pendingRecolor = false;
  }

  start() {
    this.render();
    this.drawStreets();
    this.drawBeats();
    this.state.patrollers.forEach(p => this.placePatroller(p));
    this.renderPatrollers();
    this.renderProgress(this.state.progress);
    this.guard = new GuardLayers(this.map, this.mapBox, this.state, this.observationBox);
    this.renderAlerts();
    this.events = new EventSource('/api/v1/live/events');
    this.events.onopen = () => { this.streamStatus.textContent = 'Live updates on.'; this.streamStatus.className = 'muted'; };
    this.events.onerror = () => { this.streamStatus.textContent = 'Connection lost, reconnecting…'; this.streamStatus.className = 'error'; };
    this.events.addEventListener('clock', e => { this.now = JSON.parse(e.data).now; this.scheduleRecolor(); });
    this.events.addEventListener('visit', e => this.onVisit(JSON.parse(e.data)));
    this.events.addEventListener('position', e => this.placePatroller(JSON.parse(e.data)));
    this.events.addEventListener('progress', e => this.renderProgress(JSON.parse(e.data).progress));
    this.events.addEventListener('alert', e => this.onAlert(JSON.parse(e.data)));
    this.events.addEventListener('alert-closed', e => this.onAlertClosed(JSON.parse(e.data)));
    this.events.addEventListener('observation', e => this.guard.addObservation(JSON.parse(e.data)));
    this.events.addEventListener('checkpoint', e => this.guard.onVisit(JSON.parse(e.data)));
    this.events.addEventListener('check', e => this.onCheck(JSON.parse(e.data)));
    this.events.addEventListener('check_answered', e => this.onCheckAnswered(JSON.parse(e.data)));
    this.recolorTimer = setInterval(() => this.scheduleRecolor(), 5000);
  }

  stop() {
    if (this.events) this.events.close();
    if (this.resizes) this.resizes.disconnect();
    clearInterval(this.recolorTimer);
    clearInterval(this.reminder);
    if (this.map) this.map.remove();
  }

  render() {
    this.mapBox = el('div', { id: 'live-map', class: 'map', role: 'region', 'aria-label': 'Map of streets by last visit' });
    this.progressBox = el('div', { id: 'beat-progress' });
    this.alertBox = el('div', { id: 'alerts', 'aria-live': 'polite' });
    this.checkBox = el('div', { id: 'checks', 'aria-live': 'polite' });
    this.checks = new Map();
    this.sosBox = el('div', { id: 'sos' });
    this.streamStatus = el('p', { id: 'stream-status', class: 'muted', role: 'status' }, 'Connecting…');
    this.patrollerBox = el('ul', { id: 'patrollers-live', class: 'plain' });
    this.observationBox = el('ul', { id: 'observations-live', class: 'plain' });
    const legend = el('div', { class: 'legend', id: 'legend' },
      [...AGE_CLASSES, NEVER].map(c => el('span', { 'data-class': c.key },
        el('span', { class: 'swatch', style: 'background:' + c.color, 'aria-hidden': 'true' }), c.label)));
    const roundTimes = el('p', { class: 'muted', id: 'round-times' }, 'Round time (the revisit interval): '
      + this.state.plan.beats.map(b => 'beat ' + b.beat + ' ' + Math.round(b.roundMinutes) + ' min').join(', ') + '.');
    // The SOS banner sits above the map so that a phone shows it without scrolling.
    this.view.append(this.sosBox, el('div', { class: 'grid-live' },
      this.mapBox,
      el('aside', { class: 'side' },
        el('section', { class: 'card' }, el('h2', {}, this.state.area.name),
          el('p', { class: 'muted' }, 'Plan ' + this.state.plan.id + ', ' + this.state.plan.beats.length + ' beats'), this.streamStatus, legend, roundTimes),
        el('section', { class: 'card' }, el('h2', {}, 'Rounds'), this.progressBox),
        el('section', { class: 'card' }, el('h2', {}, 'Patrollers'), this.patrollerBox,
          el('div', { class: 'legend' }, Object.entries(STATUS_COLORS).map(([k, c]) =>
            el('span', {}, el('span', { class: 'status-dot', style: 'background:' + c, 'aria-hidden': 'true' }), k)))),
        el('section', { class: 'card' }, el('h2', {}, 'Alerts'), this.checkBox, this.alertBox),
        el('section', { class: 'card' }, el('h2', {}, 'Observations today'), this.observationBox))));
    this.map = L.map(this.mapBox, { preferCanvas: true, zoomControl: true, zoomSnap: 0.25 });
    this.renderer = L.canvas({ padding: 0.3 });
    if (this.state.tiles) {
      L.tileLayer(this.state.tiles, { maxZoom: 19, attribution: '© OpenStreetMap contributors' }).addTo(this.map);
    }
    this.map.attributionControl.setPrefix(false);
    this.map.attributionControl.addAttribution(this.state.area.attribution || '© OpenStreetMap contributors');
    this.resizes = keepMapSized(this.map, this.mapBox, () => {
      if (this.bounds && !this.userMoved) this.map.fitBounds(this.bounds, { padding: [10, 10] });
    });
    ['pointerdown', 'wheel', 'keydown'].forEach(type => this.mapBox.addEventListener(type, () => { this.userMoved = true; }));
  }

  interval(beat) {
    const b = this.state.plan.beats[beat];
    return (b ? b.roundMinutes : 60) * 60000;
  }

  drawStreets() {
    const features = this.state.streets.features;
    const bounds = L.latLngBounds([]);
    const weight = features.length > 1000 ? 3 : 4;
    for (const f of features) {
      const id = f.properties.id;
      const latlngs = f.geometry.coordinates.map(c => [c[1], c[0]]);
      const cls = ageClass(this.state.lastVisit[id], this.now, this.interval(f.properties.beat));
      const line = L.polyline(latlngs, { renderer: this.renderer, color: cls.color, weight, opacity: 0.9 });
      line.on('click', () => this.showStreet(id, line));
      line.addTo(this.map);
      this.lines[id] = line;
      this.classOf[id] = cls.key;
      latlngs.forEach(p => bounds.extend(p));
    }
    this.bounds = bounds;
    this.map.fitBounds(bounds, { padding: [10, 10] });
    this.mapBox.dataset.streets = String(features.length);
    // For tests and debugging: the colour class a street has and the colour it is drawn in.
    this.mapBox.streetStyle = id => ({ class: this.classOf[id] || null, color: this.lines[id] ? this.lines[id].options.color : null });
    this.mapBox.streetPoint = id => {
      const points = this.lines[id].getLatLngs();
      const a = this.map.latLngToContainerPoint(points[0]);
      const b = this.map.latLngToContainerPoint(points[1]);
      const box = this.mapBox.getBoundingClientRect();
      return { x: box.left + (a.x + b.x) / 2, y: box.top + (a.y + b.y) / 2 };
    };
    this.mapBox.patrollerPoints = () => [...this.markers.values()].map(m => {
      const p = this.map.latLngToContainerPoint(m.getLatLng());
      const box = this.mapBox.getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y };
    });
    this.mapBox.streetLength = id => {
      const points = this.lines[id].getLatLngs();
      return this.map.latLngToContainerPoint(points[0]).distanceTo(this.map.latLngToContainerPoint(points[1]));
    };
    this.updateCounts();
  }

  drawBeats() {
    if (!this.state.beatOutlines) return;
    L.geoJSON(this.state.beatOutlines, {
      renderer: this.renderer, interactive: false,
      // A faint tint under the streets: the coverage colours on top must stay readable.
      style: f => ({ color: f.properties.color || '#13294b', weight: 1, opacity: 0.45, fill: true,
        fillColor: f.properties.color || '#13294b', fillOpacity: 0.07 }),
    }).addTo(this.map).bringToBack();
  }

  onVisit(visit) {
    this.state.lastVisit[visit.edge] = visit.time;
    this.scheduleRecolor();
  }

  scheduleRecolor() {
    if (this.pendingRecolor) return;
    this.pendingRecolor = true;
    requestAnimationFrame(() => { this.pendingRecolor = false; this.recolor(); });
  }

  // Only streets whose colour class changed are restyled, so thousands of streets stay smooth.
  recolor() {
    const started = performance.now();
    const features = this.state.streets.features;
    let restyled = 0;
    for (const f of features) {
      const id = f.properties.id;
      const cls = ageClass(this.state.lastVisit[id], this.now, this.interval(f.properties.beat));
      if (cls.key !== this.classOf[id]) {
        this.classOf[id] = cls.key;
        this.lines[id].setStyle({ color: cls.color });
        restyled++;
      }
    }
    this.updateCounts();
    // For tests: how many passes ran, how many streets the last one restyled and how long it took.
    const data = this.mapBox.dataset;
    data.recolors = String(Number(data.recolors || 0) + 1);
    data.restyled = String(restyled);
    data.recolorMs = (performance.now() - started).toFixed(1);
  }

  updateCounts() {
    const counts = {};
    this.classOf.forEach(k => { if (k) counts[k] = (counts[k] || 0) + 1; });
    this.mapBox.dataset.counts = JSON.stringify(counts);
  }

  async showStreet(id, line) {
    try {
      const s = await api('/api/v1/live/streets/' + id);
      const visits = s.visitsThisShift.length ? s.visitsThisShift.map(time).join(', ') : 'none';
      line.bindPopup(`<strong>${escapeHtml(s.name || 'unnamed street')}</strong><br>${Math.round(s.lengthMeters)} m, beat ${s.beat}`
        + `<br>last visit: ${s.lastVisit ? time(s.lastVisit) : 'never'}<br>visits this shift: ${visits}`).openPopup();
    } catch (e) { toast(e.message); }
  }

  placePatroller(p) {
    if (p.lat === null || p.lat === undefined) return;
    this.patrollers.set(p.patrollerId, p);
    this.renderPatrollers();
    const color = STATUS_COLORS[p.status] || '#13294b';
    let marker = this.markers.get(p.patrollerId);
    if (!marker) {
      marker = L.circleMarker([p.lat, p.lon], { renderer: this.renderer, radius: 8, color: '#fff', weight: 2, fillColor: color, fillOpacity: 1 })
        .addTo(this.map);
      marker.bindTooltip(p.name || String(p.patrollerId));
      marker.on('click', () => this.showPatroller(p.patrollerId, marker));
      this.markers.set(p.patrollerId, marker);
      this.trails.set(p.patrollerId, L.polyline(p.trail || [], { renderer: this.renderer, color: '#13294b', weight: 2, opacity: 0.6 }).addTo(this.map));
    }
    marker.setLatLng([p.lat, p.lon]);
    marker.setStyle({ fillColor: color });
    const trail = this.trails.get(p.patrollerId);
    const points = trail.getLatLngs();
    points.push([p.lat, p.lon]);
    while (points.length > 30) points.shift();
    trail.setLatLngs(points);
  }

  renderPatrollers() {
    const list = [...this.patrollers.values()].sort((a, b) => String(a.name).localeCompare(String(b.name)));
    this.patrollerBox.replaceChildren(...list.map(p => el('li', { 'data-patroller': p.patrollerId, 'data-status': p.status },
      el('span', { class: 'status-dot', style: 'background:' + (STATUS_COLORS[p.status] || '#13294b'), 'aria-hidden': 'true' }),
      el('button', { type: 'button', class: 'link', onclick: () => {
        const marker = this.markers.get(p.patrollerId);
        if (marker) { this.map.panTo(marker.getLatLng()); this.showPatroller(p.patrollerId, marker); }
      } }, p.name || '#' + p.patrollerId),
      ' ', el('span', { class: 'muted' }, p.status + (p.time ? ', last fix ' + time(p.time) : '')))));
    if (!list.length) this.patrollerBox.append(el('li', { class: 'muted' }, 'No positions yet.'));
  }

  async showPatroller(id, marker) {
    try {
      const s = await api('/api/v1/live/patrollers/' + id);
      marker.bindPopup(`<strong>${escapeHtml(s.name)}</strong><br>beat ${s.beat}, ${escapeHtml(s.status)}`
        + `<br>on shift since ${time(s.shiftStart)}<br>walked ${(s.walkedMeters / 1000).toFixed(2)} km`
        + `<br>rounds ${s.roundsCompleted} of ${s.roundsPlanned}, current ${Math.round(s.coveredShare * 100)} %`).openPopup();
    } catch (e) { toast(e.message); }
  }

  renderProgress(progress) {
    this.progressBox.replaceChildren(...progress.map(p => {
      const pct = Math.round(p.coveredShare * 100);
      return el('div', { class: 'beat-row', 'data-beat': p.beat },
        el('span', {}, 'Beat ' + p.beat + (p.patrollerName ? ' · ' + p.patrollerName : '')),
        el('span', { class: 'mono', 'data-testid': 'rounds-done' }, p.roundsCompleted + ' / ' + p.roundsPlanned + ' rounds'),
        el('div', { class: 'progress', role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': pct,
          'aria-label': 'Beat ' + p.beat + ' current round' }, el('span', { style: 'width:' + pct + '%' })),
        el('span', { class: 'muted', 'data-testid': 'round-share' }, pct + ' % of current round'));
    }));
  }

  // The list is drawn again whenever an alert comes or goes; a comment being typed (and its focus)
  // survives that, kept by alert (or by shift for a group of unvisited streets).
  commentInput(key, label) {
    if (!this.drafts) this.drafts = new Map();
    const comment = el('input', { name: 'comment', 'aria-label': label, placeholder: 'What was done', required: true,
      'data-draft': key, oninput: () => { comment.setCustomValidity(''); this.drafts.set(key, comment.value); } });
    comment.value = this.drafts.get(key) || '';
    return comment;
  }

  renderAlerts() {
    const focused = document.activeElement && this.alertBox.contains(document.activeElement)
      ? document.activeElement.getAttribute('data-draft') : null;
    this.alertBox.replaceChildren();
    const urgent = a => (a.kind in URGENT ? 0 : 1);
    const open = this.state.alerts.slice().sort((a, b) => urgent(a) - urgent(b) || a.priority - b.priority
      || b.raisedAt.localeCompare(a.raisedAt));
    if (!open.length) this.alertBox.append(el('p', { class: 'muted' }, 'No open alerts.'));
    // Unvisited streets come one alert per street; a patroller's are shown (and closed) together.
    const streets = new Map();
    for (const a of open) {
      if (a.kind !== 'STREET_UNVISITED') continue;
      const key = a.shiftId == null ? 'none' : String(a.shiftId);
      if (!streets.has(key)) streets.set(key, []);
      streets.get(key).push(a);
    }
    const shown = new Set();
    for (const a of open) {
      const group = a.kind === 'STREET_UNVISITED' ? streets.get(a.shiftId == null ? 'none' : String(a.shiftId)) : null;
      if (group && group.length > 1) {
        if (shown.has(group)) continue;
        shown.add(group);
        this.alertBox.append(this.streetGroupCard(group));
      } else {
        this.alertBox.append(this.alertCard(a));
      }
    }
    if (focused) {
      const again = [...this.alertBox.querySelectorAll('[data-draft]')].find(i => i.getAttribute('data-draft') === focused);
      if (again) again.focus();
    }
    const banners = open.filter(a => a.kind in URGENT);
    this.sosBox.replaceChildren(...banners.map(a => el('div', { class: 'sos-banner', role: 'alert', 'data-kind': a.kind },
      URGENT[a.kind] + ' ' + (a.patrollerName || a.patrollerId) + ' at ' + time(a.raisedAt))));
    // A new urgent alert sounds at once; while any is open the sound comes back every 15 s.
    const fresh = banners.some(a => !this.sounded || !this.sounded.has(a.id));
    this.sounded = new Set(banners.map(a => a.id));
    if (fresh) this.beep();
    clearInterval(this.reminder);
    if (banners.length) this.reminder = setInterval(() => this.beep(), REMIND_MS);
  }

  streetGroupCard(alerts) {
    const first = alerts[0];
    const draft = 'streets:' + (first.shiftId == null ? 'none' : first.shiftId);
    const comment = this.commentInput(draft, 'Comment for ' + alerts.length + ' unvisited streets');
    const list = el('ul', { class: 'plain' }, ...alerts.slice(0, 100).map(a => el('li', {}, a.reason)));
    if (alerts.length > 100) list.append(el('li', { class: 'muted' }, 'and ' + (alerts.length - 100) + ' more'));
    return el('div', { class: 'alert p' + first.priority, 'data-kind': 'STREET_UNVISITED', 'data-alerts': String(alerts.length) },
      el('div', {}, el('strong', {}, alerts.length + ' streets unvisited' + (first.patrollerName ? ' · ' + first.patrollerName : '')),
        ' longer than their revisit interval allows'),
      el('details', {}, el('summary', {}, 'Show the streets'), list),
      el('div', { class: 'when' }, 'since ' + time(alerts.map(a => a.raisedAt).sort()[0])),
      !isStaff() ? null : el('form', {
        onsubmit: async e => {
          e.preventDefault();
          if (!comment.value.trim()) {
            comment.setCustomValidity('Say what was done before closing the alerts.');
            comment.reportValidity();
            return;
          }
          try {
            const answer = await api('/api/v1/alerts/ack', { method: 'POST',
              json: { ids: alerts.map(a => a.id), comment: comment.value } });
            this.drafts.delete(draft);
            const closed = new Set(answer.closed);
            this.state.alerts = this.state.alerts.filter(a => !closed.has(a.id));
            this.scheduleAlerts();
          } catch (err) { toast(err.message); }
        }
      }, comment, el('button', { type: 'submit' }, 'Acknowledge all')));
  }

  alertCard(a) {
    const draft = 'alert:' + a.id;
    const comment = this.commentInput(draft, 'Comment for alert ' + a.id);
    return el('div', { class: 'alert p' + a.priority, 'data-alert': a.id, 'data-kind': a.kind },
      el('div', {}, el('strong', {}, a.kind.replaceAll('_', ' ').toLowerCase() + (a.patrollerName ? ' · ' + a.patrollerName : '')),
        ' ', a.reason),
      el('div', { class: 'when' }, time(a.raisedAt)),
      !isStaff() ? null : el('form', {
        onsubmit: async e => {
          e.preventDefault();
          if (!comment.value.trim()) {
            comment.setCustomValidity('Say what was done before closing the alert.');
            comment.reportValidity();
            return;
          }
          try {
            await api('/api/v1/alerts/' + a.id + '/ack', { method: 'POST', json: { comment: comment.value } });
            this.drafts.delete(draft);
            this.onAlertClosed({ id: a.id });
          } catch (err) { toast(err.message); }
        }
      }, comment, el('button', { type: 'submit' }, 'Acknowledge')));
  }

  // A lone-worker question is open: shown until answered; no answer in time becomes a NO_ANSWER alert.
  onCheck(check) {
    this.checks.set(check.patrollerId, check);
    this.renderChecks();
  }

  onCheckAnswered(answer) {
    this.checks.delete(answer.patrollerId);
    this.renderChecks();
  }

  renderChecks() {
    this.checkBox.replaceChildren(...[...this.checks.values()].map(c => el('p', { class: 'warning', 'data-patroller': c.patrollerId },
      (c.patrollerName || '#' + c.patrollerId) + ' was asked "Are you OK?" at ' + time(c.askedAt) + '; answer due by ' + time(c.answerBy) + '.')));
  }

  onAlert(alert) {
    this.state.alerts = this.state.alerts.filter(a => a.id !== alert.id).concat([alert]);
    if (alert.kind in URGENT) this.renderAlerts();
    else this.scheduleAlerts();
  }

  onAlertClosed(closed) {
    this.state.alerts = this.state.alerts.filter(a => a.id !== closed.id);
    this.scheduleAlerts();
  }

  // Many alerts closing at once (a group acknowledged) redraw the list once per frame, not once each.
  scheduleAlerts() {
    if (this.alertsPending) return;
    this.alertsPending = true;
    requestAnimationFrame(() => {
      this.alertsPending = false;
      this.renderAlerts();
    });
  }

  beep() {
    tone(0.4);
  }
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}
