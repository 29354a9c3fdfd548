// The dashboard's shell: who is logged in, the menu, and which page shows.
import { api, el } from './api.js';
import { showLogin } from './login.js';
import { showLive } from './live.js';
import { showPlan } from './plan.js';
import { showTeam } from './team.js';
import { showShifts } from './shifts.js';
import { showReports } from './reports.js';
import { showCheckpoints } from './checkpoints.js';

const pages = { live: showLive, plan: showPlan, team: showTeam, shifts: showShifts, reports: showReports,
  checkpoints: showCheckpoints };
let current = null;
let navigation = 0;
export const session = { user: null };

export function isStaff() {
  return session.user && (session.user.role === 'admin' || session.user.role === 'supervisor');
}

export function isAdmin() {
  return session.user && session.user.role === 'admin';
}

async function whoAmI() {
  try {
    session.user = await api('/api/v1/me');
  } catch (e) {
    session.user = null;
  }
}

function renderMenu() {
  const menu = document.getElementById('user-menu');
  menu.replaceChildren();
  document.querySelectorAll('[data-staff]').forEach(a => { a.hidden = !isStaff(); });
  document.getElementById('nav').hidden = !session.user;
  if (!session.user) return;
  // A patroller works from the phone page: scans, observations, SOS.
  if (session.user.role === 'patroller') {
    menu.append(el('a', { href: '/phone.html', class: 'button phone-link', id: 'phone-link' }, 'Open my phone page'));
  }
  menu.append(
    el('span', { 'data-testid': 'user-name' }, session.user.username + ' (' + session.user.role + ')'),
    el('button', { type: 'button', onclick: logout }, 'Log out'));
}

async function logout() {
  try { await api('/api/v1/logout', { method: 'POST' }); } catch (e) { /* the session may be gone already */ }
  session.user = null;
  go('#/login');
}

// Changing the hash fires hashchange, which routes; routing again here would draw the page twice.
function go(hash) {
  if (location.hash === hash) route();
  else location.hash = hash;
}

// Each page draws into its own container, so a slow page that finishes after the user moved on is
// stopped and never shows up next to the new one.
export async function route() {
  const ticket = ++navigation;
  if (current && current.stop) current.stop();
  current = null;
  const view = document.getElementById('view');
  const box = el('div', { class: 'page' });
  view.replaceChildren(box);
  if (!session.user) await whoAmI();
  if (ticket !== navigation) return;
  renderMenu();
  const name = (location.hash.replace(/^#\//, '') || 'live').split('?')[0];
  if (!session.user || name === 'login') {
    // After logging in, show the page that was asked for (a link to #/checkpoints, say).
    const wanted = name !== 'login' && pages[name] ? '#/' + name : '#/live';
    showLogin(box, async () => { await whoAmI(); go(wanted); });
    return;
  }
  const page = pages[name] || showLive;
  document.querySelectorAll('#nav a').forEach(a => {
    const active = a.dataset.page === name;
    a.classList.toggle('active', active);
    if (active) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  });
  let shown;
  try {
    shown = await page(box, session);
  } catch (e) {
    if (e.status === 401) { session.user = null; go('#/login'); return; }
    box.replaceChildren(el('section', { class: 'card' }, el('p', { class: 'error', role: 'alert' }, e.message)));
    return;
  }
  if (ticket !== navigation) {
    if (shown && shown.stop) shown.stop();
    return;
  }
  current = shown;
  if (name !== 'login') view.focus({ preventScroll: true });
}

window.addEventListener('hashchange', route);
route();
