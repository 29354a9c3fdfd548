// The phone page's offline shell: its page, styles and scripts are kept in the phone's cache, so
// that the page opens again when there is no signal (a patroller who reloads it in a basement).
// Network first, so an updated server is used whenever it can be reached; the API is never cached
// (the page keeps its own copy of the last shift, and its outbox of what waits to be sent).
const CACHE = 'rounds-phone-v1';
const SHELL = ['/phone.html', '/css/rounds.css', '/css/phone.css', '/js/phone.js', '/js/api.js', '/js/login.js',
  '/js/outbox.js', '/js/sound.js', '/js/position.js', '/js/photo.js'];

self.addEventListener('install', event => {
  event.waitUntil(caches.open(CACHE).then(cache => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', event => {
  event.waitUntil(caches.keys()
    .then(keys => Promise.all(keys.filter(k => k !== CACHE).map(k => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', event => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin || !SHELL.includes(url.pathname)) {
    return;
  }
  event.respondWith(fetch(event.request)
    .then(answer => {
      if (answer.ok) {
        const copy = answer.clone();
        caches.open(CACHE).then(cache => cache.put(url.pathname, copy));
      }
      return answer;
    })
    .catch(() => caches.match(url.pathname).then(cached => cached || Response.error())));
});
