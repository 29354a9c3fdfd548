// The plan page: pick or import a map, plan beats and rounds for K patrollers or a target, watch
// the planner's progress, see the beats and the feasibility answer, and download the results.
import { api, el, toast } from './api.js';

const BEAT_COLORS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f',
  '#bcbd22', '#17becf', '#393b79', '#637939', '#8c6d31', '#843c39', '#7b4173', '#3182bd'];
export function beatColor(beat) { return BEAT_COLORS[beat % BEAT_COLORS.length]; }

export async function showPlan(view) {
  const page = new PlanPage(view);
  await page.render();
  return page;
}

class PlanPage {
  constructor(view) { this.view = view; }

  stop() {
    this.stopped = true;
    clearTimeout(this.poll);
    if (this.map) this.map.remove();
  }

  async render() {
    this.areaSelect = el('select', { id: 'area', name: 'area', onchange: () => this.listPlans() });
    this.planSelect = el('select', { id: 'existing-plan', name: 'existing-plan' });
    this.existing = el('form', { class: 'row', hidden: true, onsubmit: e => { e.preventDefault(); this.openPlan(this.planSelect.value); } },
      el('label', { for: 'existing-plan' }, 'Earlier plans', this.planSelect),
      el('button', { type: 'submit', class: 'secondary' }, 'Show'));
    this.status = el('div', { id: 'plan-status', role: 'status', 'aria-live': 'polite' });
    this.result = el('div', { id: 'plan-result', class: 'stack' });
    const file = el('input', { id: 'map-file', type: 'file', accept: '.pbf,.osm,.gz,.bz2,.geojson,.json' });
    const profile = el('select', { id: 'profile' }, el('option', { value: 'foot' }, 'on foot'), el('option', { value: 'car' }, 'by car'));
    const mode = el('select', { id: 'mode' },
      el('option', { value: 'patrollers' }, 'number of patrollers'),
      el('option', { value: 'targetRounds' }, 'target rounds per shift'),
      el('option', { value: 'maxRevisitMinutes' }, 'maximum revisit minutes'));
    const amount = el('input', { id: 'amount', type: 'number', min: 1, value: 6, required: true });
    const speed = el('input', { id: 'speed', type: 'number', min: 0.5, step: 0.1, value: 4 });
    const hours = el('input', { id: 'shift-hours', type: 'number', min: 1, step: 0.5, value: 8 });
    const available = el('input', { id: 'available', type: 'number', min: 0.1, max: 1, step: 0.05, value: 0.8 });
    const importForm = el('form', { class: 'stack', onsubmit: e => { e.preventDefault(); this.importMap(file, profile); } },
      el('label', { for: 'map-file' }, 'Import a map (OSM PBF, OSM XML or GeoJSON)', file),
      el('label', { for: 'profile' }, 'Profile', profile),
      el('div', { class: 'row' }, el('button', { type: 'submit' }, 'Import'),
        el('button', { type: 'button', class: 'secondary', onclick: () => this.generateTown() }, 'Use the generated town')));
    const planForm = el('form', { class: 'stack', onsubmit: e => { e.preventDefault(); this.runPlan(mode.value, amount.value, speed.value, hours.value, available.value); } },
      el('label', { for: 'area' }, 'Area', this.areaSelect),
      el('div', { class: 'row' }, el('label', { for: 'mode' }, 'Plan for', mode), el('label', { for: 'amount' }, 'Value', amount)),
      el('div', { class: 'row' }, el('label', { for: 'speed' }, 'Speed km/h', speed), el('label', { for: 'shift-hours' }, 'Shift hours', hours),
        el('label', { for: 'available' }, 'Available share', available)),
      el('button', { type: 'submit', id: 'run-plan' }, 'Plan beats and rounds'), this.status);
    this.mapBox = el('div', { id: 'plan-map', class: 'map', style: 'height:60vh', role: 'region', 'aria-label': 'Beats map' });
    this.view.append(el('div', { class: 'grid-plan' },
      el('div', { class: 'stack' },
        el('section', { class: 'card' }, el('h2', {}, 'Map'), importForm),
        el('section', { class: 'card' }, el('h2', {}, 'Plan'), planForm, this.existing)),
      el('div', { class: 'stack' }, this.mapBox, this.result)));
    this.map = L.map(this.mapBox, { preferCanvas: true, zoomSnap: 0.25 }).setView([0, 0], 2);
    this.map.attributionControl.setPrefix(false);
    this.map.attributionControl.addAttribution('© OpenStreetMap contributors');
    await this.loadAreas();
  }

  listPlans() {
    const area = (this.areas || []).find(a => String(a.id) === this.areaSelect.value);
    const plans = area ? area.plans.slice().reverse() : [];
    this.planSelect.replaceChildren(...plans.map(id => el('option', { value: id }, 'Plan ' + id)));
    this.existing.hidden = !plans.length;
  }

  async openPlan(planId) {
    try {
      const summary = await api('/api/v1/plans/' + encodeURIComponent(planId));
      this.status.className = '';
      this.status.textContent = 'Plan ' + planId + '.';
      await this.showResult(planId, summary);
    } catch (e) { this.status.textContent = e.message; this.status.className = 'error'; }
  }

  async loadAreas(selectId) {
    const areas = await api('/api/v1/areas');
    this.areas = areas;
    this.areaSelect.replaceChildren(...areas.map(a => el('option', { value: a.id }, a.name + ' (' + a.edges + ' streets)')));
    if (selectId) this.areaSelect.value = String(selectId);
    this.listPlans();
    if (!areas.length) this.status.textContent = 'No map yet: import one or use the generated town.';
  }

  async importMap(file, profile) {
    if (!file.files.length) { toast('Choose a map file first.'); return; }
    const f = file.files[0];
    this.status.className = '';
    this.status.textContent = 'Importing ' + f.name + '...';
    try {
      const area = await api('/api/v1/areas?name=' + encodeURIComponent(f.name) + '&profile=' + profile.value,
        { method: 'POST', body: f, contentType: 'application/octet-stream' });
      this.status.textContent = 'Imported ' + area.name + ': ' + area.edges + ' streets, ' + (area.lengthMeters / 1000).toFixed(1) + ' km.';
      await this.loadAreas(area.id);
    } catch (e) { this.status.textContent = e.message; this.status.className = 'error'; }
  }

  async generateTown() {
    try {
      const area = await api('/api/v1/areas/town', { method: 'POST', json: { seed: 1 } });
      this.status.textContent = 'Generated ' + area.name + ': ' + area.edges + ' streets.';
      await this.loadAreas(area.id);
    } catch (e) { this.status.textContent = e.message; }
  }

  async runPlan(mode, amount, speed, hours, available) {
    const request = { speedKmh: Number(speed), shiftHours: Number(hours), available: Number(available) };
    request[mode] = Number(amount);
    this.status.className = '';
    try {
      const job = await api('/api/v1/areas/' + this.areaSelect.value + '/plans', { method: 'POST', json: request });
      // Said at once: a small area can be planned before the first poll comes back.
      this.status.replaceChildren(el('span', {}, 'Planning: started, 0 % '),
        el('progress', { max: 100, value: 0, 'aria-label': 'planning progress' }));
      this.follow(job.id);
    } catch (e) { this.status.textContent = e.message; this.status.className = 'error'; }
  }

  // Polls the background job (GET /plan-jobs/{id}); a finished job names its plan in result.planId.
  async follow(jobId) {
    if (this.stopped) return;
    let job;
    try {
      job = await api('/api/v1/plan-jobs/' + jobId);
    } catch (e) { this.status.textContent = e.message; this.status.className = 'error'; return; }
    if (job.state === 'running') {
      const pct = Math.round(job.percent || 0);
      this.status.replaceChildren(el('span', {}, 'Planning: ' + (job.stage || 'starting') + ', ' + pct + ' % '),
        el('progress', { max: 100, value: pct, 'aria-label': 'planning progress' }));
      this.poll = setTimeout(() => this.follow(jobId), 300);
      return;
    }
    if (job.state === 'failed') { this.status.textContent = 'Planning failed: ' + job.error; this.status.className = 'error'; return; }
    const planId = job.result.planId;
    this.status.textContent = 'Plan ' + planId + ' ready.';
    this.loadAreas(this.areaSelect.value);
    await this.showResult(planId, job.result);
  }

  async showResult(planId, result) {
    const base = '/api/v1/plans/' + planId + '/';
    const [streets, rounds] = await Promise.all([api(base + 'streets.geojson'), api(base + 'rounds.geojson')]);
    if (this.stopped) return;
    if (this.layers) this.layers.forEach(l => this.map.removeLayer(l));
    const streetLayer = L.geoJSON(streets, { style: f => ({ color: beatColor(f.properties.beat), weight: 3, opacity: 0.85 }) })
      .addTo(this.map);
    const roundLayer = L.geoJSON(rounds, { interactive: false,
      style: f => ({ color: beatColor(f.properties.beat), weight: 1.5, dashArray: '4 4', opacity: 0.9 }) });
    this.layers = [streetLayer, roundLayer];
    if (!this.layerControl) {
      this.layerControl = L.control.layers(null, {}, { collapsed: false }).addTo(this.map);
    } else {
      this.layerControl.remove();
      this.layerControl = L.control.layers(null, {}, { collapsed: false }).addTo(this.map);
    }
    this.layerControl.addOverlay(streetLayer, 'Beats (streets)');
    this.layerControl.addOverlay(roundLayer, 'Rounds');
    this.map.fitBounds(streetLayer.getBounds(), { padding: [10, 10] });
    this.mapBox.dataset.streets = String(streets.features.length);
    this.mapBox.dataset.beats = String(new Set(streets.features.map(f => f.properties.beat)).size);
    this.mapBox.dataset.rounds = String(rounds.features.length);
    this.result.dataset.plan = planId;
    const feasible = result.feasibility;
    const activeNote = el('p', { id: 'active-note', role: 'status' });
    this.result.replaceChildren(
      el('p', { class: 'answer' + (feasible.meets === false ? ' no' : ''), id: 'feasibility' }, feasible.text),
      el('section', { class: 'card' }, el('h2', {}, 'Beats'), beatTable(result.beats),
        el('p', { class: 'muted' }, 'Longest round ' + result.longestRoundMinutes.toFixed(1) + ' min; lower bound '
          + result.lowerBoundMinutes.toFixed(1) + ' min; balance (longest / mean) ' + result.balance.toFixed(3))),
      el('section', { class: 'card row' },
        ['streets.geojson', 'beats.geojson', 'rounds.geojson', 'rounds.gpx', 'sheets.html'].map(name =>
          el('a', { class: 'button secondary', href: base + name, download: name === 'sheets.html' ? null : name }, name)),
        el('button', { type: 'button', id: 'activate', onclick: async () => {
          try {
            await api(base + 'activate', { method: 'POST' });
            toast('Plan ' + planId + ' is now the active plan.');
            activeNote.textContent = 'Plan ' + planId + ' is active: the Live page follows it.';
          } catch (e) { toast(e.message); }
        } }, 'Make this the active plan')),
      activeNote);
  }
}

function beatTable(beats) {
  return el('table', { id: 'beats-table' },
    el('thead', {}, el('tr', {}, ['Beat', 'Streets km', 'Round km', 'Deadhead', 'Round min', 'Rounds/shift']
      .map((h, i) => el('th', { class: i ? 'num' : '' }, h)))),
    el('tbody', {}, beats.map(b => el('tr', {},
      el('td', {}, el('span', { class: 'swatch', style: 'background:' + beatColor(b.beat) }), String(b.beat)),
      el('td', { class: 'num' }, (b.streetMeters / 1000).toFixed(2)),
      el('td', { class: 'num' }, (b.roundMeters / 1000).toFixed(2)),
      el('td', { class: 'num' }, Math.round(b.deadheadShare * 100) + ' %'),
      el('td', { class: 'num' }, b.roundMinutes.toFixed(1)),
      el('td', { class: 'num' }, String(b.roundsPerShift))))));
}
