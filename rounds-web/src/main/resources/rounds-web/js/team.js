// The team page: patrollers and their devices, and how to set up each phone (with QR codes).
import { api, el, toast } from './api.js';

export async function showTeam(view) {
  const [patrollers, devices, setup] = await Promise.all([
    api('/api/v1/patrollers'), api('/api/v1/devices'), api('/api/v1/setup')]);
  const setupBox = el('div', { id: 'device-setup' });
  const name = el('input', { id: 'patroller-name', required: true, autocomplete: 'off' });
  const deviceId = el('input', { id: 'device-id', required: true, pattern: '[A-Za-z0-9._\\-]{1,64}', autocomplete: 'off',
    'aria-describedby': 'device-id-hint' });
  const owner = el('select', { id: 'device-patroller', required: true }, patrollers.map(p => el('option', { value: p.id }, p.name)));
  const patrollerRows = el('tbody', {}, patrollers.map(patrollerRow));
  const deviceRows = el('tbody', {}, devices.map(d => deviceRow(d, patrollers)));
  view.append(el('div', { class: 'stack' },
    el('section', { class: 'card' }, el('h2', {}, 'Patrollers'),
      el('table', { id: 'patrollers' }, el('thead', {}, el('tr', {}, el('th', {}, 'Name'), el('th', {}, 'Id'))), patrollerRows),
      el('form', { class: 'row', onsubmit: async e => {
        e.preventDefault();
        try {
          const added = await api('/api/v1/patrollers', { method: 'POST', json: { name: name.value.trim() } });
          patrollers.push(added);
          patrollerRows.append(patrollerRow(added));
          owner.append(el('option', { value: added.id }, added.name));
          owner.value = String(added.id);
          name.value = '';
          toast('Added ' + added.name + '.');
        } catch (err) { toast(err.message); }
      } }, el('label', { for: 'patroller-name' }, 'Name', name), el('button', { type: 'submit' }, 'Add patroller'))),
    el('section', { class: 'card' }, el('h2', {}, 'Devices'),
      el('table', { id: 'devices' }, el('thead', {}, el('tr', {}, el('th', {}, 'Device id'), el('th', {}, 'Patroller'))), deviceRows),
      el('form', { class: 'row', onsubmit: async e => {
        e.preventDefault();
        if (!owner.value) { toast('Add a patroller first.'); return; }
        try {
          const issued = await api('/api/v1/devices', { method: 'POST', json: { id: deviceId.value.trim(), patrollerId: Number(owner.value) } });
          deviceRows.append(deviceRow(issued.device, patrollers));
          deviceId.value = '';
          await showSetup(setupBox, setup, issued);
        } catch (err) { toast(err.message); }
      } }, el('label', { for: 'device-id' }, 'Device id', deviceId), el('label', { for: 'device-patroller' }, 'Patroller', owner),
        el('button', { type: 'submit' }, 'Add device'),
        el('p', { id: 'device-id-hint', class: 'muted hint' }, 'Letters, digits, dot, dash or underscore, as the phone app will send it.')),
      setupBox)));
  return null;
}

function patrollerRow(p) {
  return el('tr', {}, el('td', {}, p.name), el('td', { class: 'muted' }, '#' + p.id));
}

function deviceRow(d, patrollers) {
  return el('tr', {}, el('td', { class: 'mono' }, d.id),
    el('td', {}, (patrollers.find(p => p.id === d.patrollerId) || {}).name || '–'));
}

// Traccar Client speaks the OsmAnd protocol: it sends id, position and time to the server URL, and
// this server wants the device's token as key= in that URL. OwnTracks in HTTP mode sends user and
// device, with the token as the password of HTTP basic authentication.
async function showSetup(box, setup, issued) {
  const id = issued.device.id;
  const token = issued.token;
  const traccarUrl = setup.osmandUrl + '?key=' + encodeURIComponent(token);
  const ownTracksUrl = setup.owntracksUrl;
  const qr = async (text, label) => {
    const svg = await api('/api/v1/qr', { method: 'POST', json: { text } });
    const holder = el('div', { class: 'qr', role: 'img', 'aria-label': label });
    holder.innerHTML = svg;
    return holder;
  };
  const code = (codeId, text) => el('code', { id: codeId }, text);
  box.replaceChildren(el('h3', {}, 'Set up device ' + id),
    el('p', { class: 'warning' }, 'The token is shown only now. Type it into the app, or scan the codes.'),
    el('div', { class: 'setup' },
      el('div', { class: 'card', id: 'setup-traccar' }, el('h4', {}, 'Traccar Client'),
        el('p', {}, 'Server URL: ', code('traccar-url', traccarUrl)),
        el('p', {}, 'Device identifier: ', code('traccar-id', id)),
        el('p', { class: 'muted' }, 'Scan to fill in the server URL:'),
        await qr(traccarUrl, 'QR code of the Traccar Client server URL')),
      el('div', { class: 'card', id: 'setup-owntracks' }, el('h4', {}, 'OwnTracks (HTTP mode)'),
        el('p', {}, 'URL: ', code('owntracks-url', ownTracksUrl)),
        el('p', {}, 'User ID: ', code('owntracks-user', id)),
        el('p', {}, 'Password (token): ', code('owntracks-token', token)),
        el('p', {}, 'Device ID: ', code('owntracks-device', id)),
        el('p', { class: 'muted' }, 'Scan to fill in the URL:'),
        await qr(ownTracksUrl, 'QR code of the OwnTracks URL'))));
}
