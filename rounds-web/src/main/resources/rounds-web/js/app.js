// The dashboard's shell: who is logged in, the menu, and which page shows.
import { api, el } from './api.js';
import { showLogin } from './login.js';
import { showLive } from './live.js';
import { showPlan } from './plan.js';
import { showTeam } from './team.js';
import { showShifts } from './shifts.js';

const pages = { live: showLive, plan: showPlan, team: showTeam, shifts: showShifts };
let current = null;
export const session = { user: null };

export function isStaff() {
  return session.user && (session.user.role === 'admin' || session.user.role === 'supervisor');
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
  menu.append(
    el('span', { 'data-testid': 'user-name' }, session.user.username + ' (' + session.user.role + ')'),
    el('button', { type: 'button', onclick: logout }, 'Log out'));
}

async function logout() {
  try { await api('/api/v1/logout', { method: 'POST' }); } catch (e) { /* the session may be gone already */ }
  session.user = null;
  location.hash = '#/login';
  route();
}

export async function route() {
  if (current && current.stop) current.stop();
  current = null;
  const view = document.getElementById('view');
  view.replaceChildren();
  if (!session.user) await whoAmI();
  renderMenu();
  const name = (location.hash.replace(/^#\//, '') || 'live').split('?')[0];
  if (!session.user || name === 'login') {
    showLogin(view, async () => { await whoAmI(); location.hash = '#/live'; route(); });
    return;
  }
  const page = pages[name] || showLive;
  document.querySelectorAll('#nav a').forEach(a => a.classList.toggle('active', a.dataset.page === name));
  current = await page(view, session);
  view.focus();
}

window.addEventListener('hashchange', route);
route();
