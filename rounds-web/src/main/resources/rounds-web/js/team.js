// The team page: patrollers and their devices, and how to set up each phone (with QR codes).
import { api, el, toast } from './api.js';

export async function showTeam(view) {
  const patrollers = await api('/api/v1/patrollers');
  const devices = await api('/api/v1/devices');
  const setup = await api('/api/v1/setup');
  const setupBox = el('div', { id: 'device-setup' });
  const name = el('input', { id: 'patroller-name', required: true });
  const deviceId = el('input', { id: 'device-id', required: true, pattern: '[A-Za-z0-9._-]{1,64}' });
  const owner = el('select', { id: 'device-patroller' }, patrollers.map(p => el('option', { value: p.id }, p.name)));
  view.append(el('div', { class: 'stack' },
    el('section', { class: 'card' }, el('h2', {}, 'Patrollers'),
      el('table', { id: 'patrollers' }, el('tbody', {}, patrollers.map(p => el('tr', {}, el('td', {}, p.name), el('td', { class: 'muted' }, '#' + p.id))))),
      el('form', { class: 'row', onsubmit: async e => {
        e.preventDefault();
        try { await api('/api/v1/patrollers', { method: 'POST', json: { name: name.value } }); location.reload(); }
        catch (err) { toast(err.message); }
      } }, el('label', { for: 'patroller-name' }, 'Name', name), el('button', { type: 'submit' }, 'Add patroller'))),
    el('section', { class: 'card' }, el('h2', {}, 'Devices'),
      el('table', { id: 'devices' }, el('tbody', {}, devices.map(d => el('tr', {}, el('td', { class: 'mono' }, d.id),
        el('td', {}, (patrollers.find(p => p.id === d.patrollerId) || {}).name || '–'))))),
      el('form', { class: 'row', onsubmit: async e => {
        e.preventDefault();
        try {
          const issued = await api('/api/v1/devices', { method: 'POST', json: { id: deviceId.value, patrollerId: Number(owner.value) } });
          await showSetup(setupBox, setup, issued);
        } catch (err) { toast(err.message); }
      } }, el('label', { for: 'device-id' }, 'Device id', deviceId), el('label', { for: 'device-patroller' }, 'Patroller', owner),
        el('button', { type: 'submit' }, 'Add device')),
      setupBox)));
  return null;
}

async function showSetup(box, setup, issued) {
  const id = issued.device ? issued.device.id : issued.id;
  const token = issued.token;
  const traccarUrl = setup.osmandUrl;
  const ownTracksUrl = setup.owntracksUrl + '?u=' + encodeURIComponent(id) + '&d=' + encodeURIComponent(id);
  const qr = async text => {
    const svg = await api('/api/v1/qr', { method: 'POST', json: { text } });
    const holder = el('div', { class: 'qr' });
    holder.innerHTML = svg;
    return holder;
  };
  box.replaceChildren(el('h3', {}, 'Set up device ' + id),
    el('p', { class: 'muted' }, 'The token is shown only now. Write it into the app, or scan the codes.'),
    el('div', { class: 'setup' },
      el('div', { class: 'card', id: 'setup-traccar' }, el('h4', {}, 'Traccar Client'),
        el('p', {}, 'Server URL: ', el('code', {}, traccarUrl + '?key=' + token)), el('p', {}, 'Device identifier: ', el('code', {}, id)),
        await qr(traccarUrl + '?id=' + encodeURIComponent(id) + '&key=' + token)),
      el('div', { class: 'card', id: 'setup-owntracks' }, el('h4', {}, 'OwnTracks (HTTP mode)'),
        el('p', {}, 'URL: ', el('code', {}, ownTracksUrl)), el('p', {}, 'User ID: ', el('code', {}, id)),
        el('p', {}, 'Password (token): ', el('code', {}, token)), el('p', {}, 'Device ID: ', el('code', {}, id)),
        await qr(ownTracksUrl))));
}
