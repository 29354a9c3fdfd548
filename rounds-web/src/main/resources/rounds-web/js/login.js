// The login form.
import { api, el } from './api.js';

export function showLogin(view, onDone) {
  const error = el('p', { class: 'error', role: 'alert' });
  const username = el('input', { id: 'username', name: 'username', autocomplete: 'username', required: true });
  const password = el('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const form = el('form', {
    onsubmit: async event => {
      event.preventDefault();
      error.textContent = '';
      try {
        await api('/api/v1/login', { method: 'POST', json: { username: username.value, password: password.value } });
        onDone();
      } catch (e) {
        error.textContent = e.status === 401 ? 'Wrong user name or password.' : e.message;
      }
    }
  },
  el('label', { for: 'username' }, 'User name', username),
  el('label', { for: 'password' }, 'Password', password),
  el('button', { type: 'submit' }, 'Log in'),
  error);
  view.append(el('section', { class: 'card login' }, el('h1', {}, 'Log in to Rounds'), form));
  username.focus();
}
