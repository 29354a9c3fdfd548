// The patroller's phone page: my shift and round, the checkpoints due and the scan of one (a QR code
// or NFC tag opens phone.html#scan=CODE), observations with a photo, the SOS button and the
// lone-worker check. Scans, observations and SOS go through the outbox, so they wait for signal.
import { api, ApiError, el, time, toast } from './api.js';
import { showLogin } from './login.js';
import { Outbox } from './outbox.js';
import { tone } from './sound.js';
import { position } from './position.js';
import { downscale } from './photo.js';

const POLL_MS = 15000;
const VISIT_TEXT = { on_time: 'on time', late: 'late', out_of_order: 'out of order', not_due: 'not due now' };
const CHECKPOINT_ORDER = { late: 0, due: 1, missed: 2, done: 3 };

const page = { user: null, shift: null, shown: false, lastCheck: null };
const parts = {};
const outbox = new Outbox({
  onChange: count => showQueue(count),
  onSent: (item, answer) => sent(item, answer),
  onRefused: (item, error) => refused(item, error),
  onSignInNeeded: () => { page.user = null; showSignIn(); waitingForSignIn(); },
  onStorageFull: () => toast('The phone\'s storage is full: keep this page open until everything is sent.'),
});

// ---- start, sign-in ----

// The page is drawn (or the sign-in shown) before a scan from the address is taken, so that its
// outcome has a place to show; a scan made before signing in waits in the outbox until then.
async function start() {
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/sw.js').catch(() => { /* no offline shell: the page still works online */ });
  }
  await whoAmI();
  if (!page.user) showSignIn();
  else showApp();
  outbox.start();
  window.addEventListener('hashchange', takeScanFromHash);
  takeScanFromHash();
}

// Without signal the page goes on as the patroller who was signed in on this phone, with the last
// shift it saw; a refused session (401) signs out for real.
const ME_KEY = 'rounds.phone.me';
const SHIFT_KEY = 'rounds.phone.shift';

async function whoAmI() {
  try {
    page.user = await api('/api/v1/me');
    remember(ME_KEY, page.user);
  } catch (e) {
    page.user = e instanceof ApiError ? null : recall(ME_KEY);
    if (e instanceof ApiError) forget();
  }
  outbox.setOwner(page.user && page.user.username);
}

function showSignIn() {
  const box = document.getElementById('sign-in');
  if (!box.hidden) return;
  document.getElementById('phone-app').hidden = true;
  renderUser();
  box.hidden = false;
  box.replaceChildren(el('p', { id: 'sign-in-note', class: 'result', role: 'status', 'aria-live': 'polite' }));
  showLogin(box, async () => {
    await whoAmI();
    box.hidden = true;
    box.replaceChildren();
    showApp();
  });
}

// What waits in the outbox is sent once the patroller has signed in; say so above the form.
function waitingForSignIn() {
  const first = outbox.items[0];
  if (!first) return;
  const more = outbox.count - 1;
  say('busy', 'Sign in to send ' + first.label + (more ? ' and ' + more + ' more' : '') + '.');
}

function renderUser() {
  const menu = document.getElementById('user-menu');
  menu.replaceChildren();
  if (!page.user) return;
  menu.append(el('span', { 'data-testid': 'user-name' }, page.user.username),
    el('button', { type: 'button', onclick: logout }, 'Log out'));
}

function remember(key, value) {
  try { localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* full storage: nothing kept */ }
}

function recall(key) {
  try { return JSON.parse(localStorage.getItem(key) || 'null'); } catch (e) { return null; }
}

function forget() {
  localStorage.removeItem(ME_KEY);
  localStorage.removeItem(SHIFT_KEY);
}

async function logout() {
  try { await api('/api/v1/logout', { method: 'POST' }); } catch (e) { /* the session may be gone already */ }
  forget();
  page.user = null;
  page.shift = null;
  showSignIn();
}

function showApp() {
  renderUser();
  const app = document.getElementById('phone-app');
  if (!page.shown) {
    page.shown = true;
    render(app);
    setInterval(refreshShift, POLL_MS);
    window.addEventListener('focus', refreshShift);
    document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'visible') refreshShift(); });
  }
  app.hidden = false;
  parts.notPatroller.hidden = page.user.role === 'patroller';
  refreshShift();
  loadCategories();
  outbox.flush();
}

// ---- layout ----

function render(app) {
  parts.notPatroller = el('section', { class: 'card warning', id: 'not-patroller', hidden: true },
    'This page is for patrollers on shift. ', el('a', { href: '/' }, 'Open the dashboard'), '.');
  parts.check = el('section', { id: 'check-prompt', class: 'check-prompt', role: 'alertdialog', 'aria-labelledby': 'check-title', hidden: true },
    el('h2', { id: 'check-title' }, 'Are you OK?'),
    el('p', {}, 'You have not moved for a while. Please confirm.'),
    el('button', { type: 'button', class: 'big ok', onclick: answerCheck }, 'I am fine'));
  parts.result = el('div', { id: 'result', class: 'result', role: 'status', 'aria-live': 'polite' });
  parts.shift = el('div', { id: 'shift-body' }, el('p', { class: 'muted' }, 'Loading…'));
  parts.checkpoints = el('ul', { id: 'checkpoint-list', class: 'plain checkpoints' });
  parts.legs = el('ol', { id: 'round-legs', class: 'legs' });
  parts.roundSummary = el('span', {}, 'My round');
  parts.downloads = el('div', { id: 'my-positions', class: 'row' });
  parts.sosStatus = el('p', { id: 'sos-status', class: 'sos-status', role: 'alert' });
  app.replaceChildren(parts.notPatroller, parts.check, parts.result,
    el('section', { class: 'card', 'aria-labelledby': 'shift-title' }, el('h2', { id: 'shift-title' }, 'My shift'), parts.shift),
    el('section', { class: 'card', 'aria-labelledby': 'checkpoints-title' }, el('h2', { id: 'checkpoints-title' }, 'Checkpoints'),
      parts.checkpoints, codeForm()),
    observationForm(),
    el('details', { id: 'my-round', class: 'card' }, el('summary', {}, parts.roundSummary), parts.legs),
    el('section', { class: 'card', 'aria-labelledby': 'positions-title' }, el('h2', { id: 'positions-title' }, 'My positions'),
      el('p', { class: 'muted hint' }, 'Download the positions your phone sent.'), parts.downloads),
    el('div', { class: 'sos-bar' }, parts.sosStatus, sosButton(), el('p', { id: 'queue-status', role: 'status', class: 'queue' })));
  showQueue(outbox.count);
  renderDownloads();
}

function codeForm() {
  const code = el('input', { id: 'code', name: 'code', autocomplete: 'off', autocapitalize: 'characters', required: true,
    inputmode: 'text', 'aria-describedby': 'code-hint' });
  return el('form', { class: 'stack code-form', onsubmit: e => {
    e.preventDefault();
    const value = code.value.trim();
    if (!value) return;
    code.value = '';
    scan(value, 'code');
  } },
  el('label', { for: 'code' }, 'Enter code', code),
  el('p', { id: 'code-hint', class: 'muted hint' }, 'The code printed under the checkpoint\'s QR code, if it cannot be scanned.'),
  el('button', { type: 'submit', class: 'big' }, 'Check in'));
}

// ---- my shift ----

async function refreshShift() {
  if (!page.user || !page.shown) return;
  try {
    page.shift = await api('/api/v1/me/shift');
    remember(SHIFT_KEY, { user: page.user.username, shift: page.shift });
    parts.shift.dataset.state = 'on-shift';
  } catch (e) {
    if (e.status === 401) { page.user = null; showSignIn(); return; }
    if (e.status === 404 || e.status === 403 || e.status === 409) {
      page.shift = null;
      parts.shift.dataset.state = 'off-shift';
      renderOffShift(e);
      return;
    }
    // No signal: keep showing what we had, or the last shift this phone saw for this patroller.
    parts.shift.dataset.state = 'offline';
    const kept = recall(SHIFT_KEY);
    if (!page.shift && kept && kept.user === page.user.username) {
      page.shift = kept.shift;
      renderShift(page.shift);
      parts.shift.dataset.state = 'offline';
    }
    if (!page.shift) parts.shift.replaceChildren(el('p', { class: 'muted' }, 'No connection to the server yet.'));
    else if (!parts.shift.querySelector('#offline-note')) {
      parts.shift.append(el('p', { class: 'muted', id: 'offline-note' }, 'No signal: shown as last seen.'));
    }
    return;
  }
  renderShift(page.shift);
}

function renderOffShift(error) {
  parts.shift.replaceChildren(el('p', { class: 'big-text', id: 'not-on-shift' }, 'You are not on shift'),
    el('p', { class: 'muted' }, error.code === 'not_on_shift' ? 'Scans, observations and SOS count during a shift.' : error.message));
  parts.checkpoints.replaceChildren(el('li', { class: 'muted' }, 'No checkpoints without a shift.'));
  parts.roundSummary.textContent = 'My round';
  parts.legs.replaceChildren();
  parts.check.hidden = true;
  renderDownloads();
}

function renderShift(s) {
  const share = Math.round((s.coveredShare || 0) * 100);
  parts.shift.replaceChildren(
    el('p', { class: 'big-text' }, 'Beat ' + s.beat, el('span', { class: 'muted' }, ' · ' + time(s.startsAt) + '–' + time(s.endsAt))),
    el('p', { id: 'rounds-done' }, s.roundsCompleted + ' of ' + s.roundsPlanned + ' rounds done'),
    el('div', { class: 'progress big-bar', role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': share,
      'aria-label': 'Current round covered' }, el('span', { style: 'width:' + share + '%' })),
    el('p', { class: 'muted', id: 'round-share' }, share + ' % of the current round covered'));
  renderCheckpoints(s.checkpoints || []);
  renderRound(s.round);
  renderCheck(s.check);
  renderDownloads();
}

function renderCheckpoints(list) {
  const sorted = list.slice().sort((a, b) => (CHECKPOINT_ORDER[a.status] ?? 9) - (CHECKPOINT_ORDER[b.status] ?? 9)
    || String(a.dueBy || '').localeCompare(String(b.dueBy || '')) || a.sequence - b.sequence);
  parts.checkpoints.replaceChildren(...sorted.map(c => el('li', { 'data-checkpoint': c.id, 'data-status': c.status },
    el('span', { class: 'name' }, c.name),
    el('span', { class: 'chip ' + c.status }, c.status),
    el('span', { class: 'muted due-time' }, c.status === 'done' ? '' : 'due by ' + time(c.dueBy)))));
  if (!list.length) parts.checkpoints.append(el('li', { class: 'muted' }, 'No checkpoints on this beat.'));
}

function capitalised(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function renderRound(round) {
  if (!round) {
    parts.roundSummary.textContent = 'My round';
    parts.legs.replaceChildren(el('li', { class: 'muted' }, 'No round planned.'));
    return;
  }
  const through = round.through || 'walk through';
  parts.roundSummary.textContent = 'My round: ' + (round.lengthMeters / 1000).toFixed(1) + ' km, '
    + Math.round(round.minutes) + ' min, ' + round.legs.length + ' legs';
  parts.legs.replaceChildren(...round.legs.map(leg => el('li', { class: leg.deadhead ? 'deadhead' : '' },
    el('span', {}, leg.street || 'unnamed street'),
    el('span', { class: 'muted' }, ' ' + Math.round(leg.meters) + ' m'),
    leg.deadhead ? el('span', { class: 'chip deadhead', title: capitalised(through) + ' to the next street; this leg is not patrolled' }, through) : null)));
}

function renderDownloads() {
  const shift = page.shift ? '&shift=' + page.shift.shiftId : '';
  parts.downloads.replaceChildren(...['gpx', 'csv'].map(format => el('a', { class: 'button secondary big',
    href: '/api/v1/me/positions?format=' + format + shift, download: 'my-positions.' + format },
  (page.shift ? 'This shift as ' : 'All as ') + format.toUpperCase())));
}

// ---- lone-worker check ----

function renderCheck(check) {
  parts.check.hidden = !check;
  if (!check) return;
  if (page.lastCheck !== check.askedAt) {
    page.lastCheck = check.askedAt;
    alarm();
    parts.check.querySelector('button').focus();
  }
}

async function answerCheck(e) {
  const button = e.currentTarget;
  button.disabled = true;
  try {
    await api('/api/v1/me/check', { method: 'POST', json: {} });
    parts.check.hidden = true;
    say('ok', 'Thank you: you are marked as fine.');
    refreshShift();
  } catch (err) {
    say('error', 'Could not send "I am fine": ' + err.message + '. Try again or call your supervisor.');
  } finally {
    button.disabled = false;
  }
}

function alarm() {
  try { if (navigator.vibrate) navigator.vibrate([400, 150, 400, 150, 400]); } catch (e) { /* no vibration */ }
  tone(0.6);
}

// ---- scans ----

function takeScanFromHash() {
  const match = /^#scan=(.+)$/.exec(location.hash);
  if (!match) return;
  history.replaceState(null, '', location.pathname + location.search);
  let code;
  try { code = decodeURIComponent(match[1]); } catch (e) { code = match[1]; }
  scan(code.trim(), 'qr');
}

async function scan(code, method) {
  const at = new Date().toISOString();
  say('busy', 'Checking in at ' + code + '…');
  const where = await position(8000);
  outbox.add('scan', '/api/v1/checkpoint-visits', { code, ...coordinates(where, true), method, at }, 'the check-in at ' + code);
  if (!navigator.onLine) say('busy', 'Check-in at ' + code + ' saved; it is sent when the phone has signal.');
}

function coordinates(where, withAccuracy) {
  if (!where) return {};
  return withAccuracy ? { lat: where.lat, lon: where.lon, accuracy: where.accuracy } : { lat: where.lat, lon: where.lon };
}

// ---- observations ----

async function loadCategories() {
  try {
    const categories = await api('/api/v1/observation-categories');
    localStorage.setItem('rounds.categories', JSON.stringify(categories));
    fillCategories(categories);
  } catch (e) {
    fillCategories(JSON.parse(localStorage.getItem('rounds.categories') || '["other"]'));
  }
}

function fillCategories(categories) {
  const select = parts.category;
  const chosen = select.value;
  select.replaceChildren(...categories.map(c => el('option', { value: c }, c)));
  if (categories.includes(chosen)) select.value = chosen;
}

function observationForm() {
  let photo = null;
  parts.category = el('select', { id: 'obs-category', name: 'category', required: true });
  const note = el('textarea', { id: 'obs-note', name: 'note', rows: 3, maxlength: 2000,
    placeholder: 'What and where, e.g. "gate lock broken at the loading bay"', 'aria-describedby': 'obs-hint' });
  const file = el('input', { id: 'obs-photo', name: 'photo', type: 'file', accept: 'image/*', capture: 'environment' });
  const preview = el('img', { id: 'obs-preview', class: 'preview', alt: 'The photo to send', hidden: true });
  const send = el('button', { type: 'submit', class: 'big' }, 'Send observation');
  file.addEventListener('change', async () => {
    photo = null;
    preview.hidden = true;
    if (!file.files.length) return;
    send.disabled = true;
    try {
      photo = await downscale(file.files[0]);
      preview.src = photo;
      preview.hidden = false;
    } catch (e) {
      file.value = '';
      say('error', 'That file is not a photo the phone can read.');
    } finally {
      send.disabled = false;
    }
  });
  const form = el('form', { id: 'observation-form', class: 'stack', onsubmit: async e => {
    e.preventDefault();
    send.disabled = true;
    const at = new Date().toISOString();
    const category = parts.category.value;
    try {
      const where = await position(8000);
      outbox.add('observation', '/api/v1/observations', { category, note: note.value.trim(), ...coordinates(where, false), at,
        photo: photo || undefined }, 'the observation (' + category + ')');
      if (!navigator.onLine) say('busy', 'Observation saved; it is sent when the phone has signal.');
      form.reset();
      photo = null;
      preview.hidden = true;
    } finally {
      send.disabled = false;
    }
  } },
  el('label', { for: 'obs-category' }, 'Category', parts.category),
  el('label', { for: 'obs-note' }, 'Note', note),
  el('p', { id: 'obs-hint', class: 'muted hint' }, 'Describe the place and the condition only, never people.'),
  el('label', { for: 'obs-photo' }, 'Photo (optional)', file),
  preview, send);
  return el('section', { class: 'card', 'aria-labelledby': 'obs-title' }, el('h2', { id: 'obs-title' }, 'Report an observation'), form);
}

// ---- SOS ----

// A pocket must not send an SOS: it takes a second tap within 4 s, or holding the button for 1 s.
function sosButton() {
  const button = el('button', { type: 'button', id: 'sos-button', class: 'sos', 'aria-describedby': 'sos-hint' }, 'SOS');
  const hint = el('span', { id: 'sos-hint', class: 'sos-hint' }, 'Tap twice or hold for 1 second');
  let armed = null;
  let hold = null;
  let sentByHold = false;
  const disarm = () => {
    clearTimeout(armed);
    armed = null;
    button.classList.remove('armed');
    button.textContent = 'SOS';
  };
  const fire = () => { disarm(); sendSos(); };
  button.addEventListener('pointerdown', () => {
    sentByHold = false;
    button.classList.add('holding');
    hold = setTimeout(() => { hold = null; sentByHold = true; fire(); }, 1000);
  });
  const release = () => { clearTimeout(hold); hold = null; button.classList.remove('holding'); };
  ['pointerup', 'pointerleave', 'pointercancel'].forEach(type => button.addEventListener(type, release));
  button.addEventListener('contextmenu', e => e.preventDefault());
  button.addEventListener('click', () => {
    if (sentByHold) { sentByHold = false; return; }
    if (armed) { fire(); return; }
    button.classList.add('armed');
    button.textContent = 'Tap again to send SOS';
    armed = setTimeout(disarm, 4000);
  });
  return el('div', { class: 'sos-box' }, button, hint);
}

async function sendSos() {
  const at = new Date().toISOString();
  parts.sosStatus.textContent = 'Sending SOS…';
  parts.sosStatus.className = 'sos-status sending';
  const where = await position(2000);
  outbox.add('sos', '/api/v1/sos', { ...coordinates(where, false), at }, 'the SOS');
  if (outbox.items.some(i => i.kind === 'sos')) {
    parts.sosStatus.textContent = 'SOS waiting for signal: it is sent as soon as there is a connection. Call for help if you can.';
  }
}

// ---- outcomes ----

function sent(item, answer) {
  if (item.kind === 'scan') {
    const status = VISIT_TEXT[answer.status] || answer.status;
    say(answer.status === 'on_time' ? 'ok' : 'warn', 'Checked in: ' + answer.name + ', ' + status + ' (' + time(answer.visitedAt) + ')',
      { 'data-checkpoint': answer.checkpointId, 'data-status': answer.status });
    refreshShift();
  } else if (item.kind === 'observation') {
    say('ok', 'Observation sent: ' + item.body.category + (item.body.photo ? ', with photo' : '') + '.');
  } else if (item.kind === 'sos') {
    parts.sosStatus.textContent = 'SOS sent — help is informed';
    parts.sosStatus.className = 'sos-status sent';
  }
}

function refused(item, error) {
  let text = capital(item.label) + ' was not accepted: ' + error.message;
  if (error.code === 'unknown_checkpoint') text = 'Unknown checkpoint code ' + item.body.code + '. Type it again or tell your supervisor.';
  if (error.code === 'not_on_shift') text = capital(item.label) + ' was not accepted: you are not on shift.';
  if (item.kind === 'sos') {
    parts.sosStatus.textContent = 'SOS not accepted: ' + error.message + '. Call for help by phone.';
    parts.sosStatus.className = 'sos-status failed';
  }
  say('error', text);
}

function capital(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// The outcome goes above the page, or above the sign-in form while that shows.
function say(kind, text, attributes = {}) {
  const signIn = document.getElementById('sign-in');
  const box = !signIn.hidden ? document.getElementById('sign-in-note') : parts.result;
  if (!box) { toast(text); return; }
  box.className = 'result ' + kind;
  for (const name of [...box.attributes].map(a => a.name).filter(n => n.startsWith('data-'))) box.removeAttribute(name);
  for (const [name, value] of Object.entries(attributes)) box.setAttribute(name, value);
  box.textContent = text;
}

function showQueue(count) {
  const line = document.getElementById('queue-status');
  if (!line) return;
  line.dataset.waiting = String(count);
  const others = outbox.othersWaiting;
  line.textContent = (count === 0 ? 'All sent' : count + ' waiting to be sent')
    + (others ? ' (' + others + ' of another patroller wait for them to sign in on this phone)' : '');
  line.classList.toggle('waiting', count > 0);
}

start();
