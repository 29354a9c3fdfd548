// The phone's position for a scan, an observation or an SOS: one fix with a time limit, or the last
// recent fix, or none. A position is welcome but never required, so nothing here waits long or throws.

const RECENT_MS = 2 * 60000;
let last = null;

function fromBrowser(p) {
  return { lat: p.coords.latitude, lon: p.coords.longitude, accuracy: Math.round(p.coords.accuracy), time: Date.now() };
}

function recent() {
  return last && Date.now() - last.time <= RECENT_MS ? last : null;
}

/** {lat, lon, accuracy} or null, within about timeoutMs. */
export function position(timeoutMs = 8000) {
  return new Promise(resolve => {
    if (!navigator.geolocation) { resolve(null); return; }
    let done = false;
    const finish = value => {
      if (done) return;
      done = true;
      resolve(value ? { lat: value.lat, lon: value.lon, accuracy: value.accuracy } : null);
    };
    // The browser's own timeout does not run while it asks for permission, so keep one of our own.
    setTimeout(() => finish(recent()), timeoutMs + 500);
    navigator.geolocation.getCurrentPosition(
      p => { last = fromBrowser(p); finish(last); },
      () => finish(recent()),
      { enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 15000 });
  });
}
