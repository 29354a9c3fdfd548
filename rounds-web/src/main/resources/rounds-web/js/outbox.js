// The phone page's outbox: scans, observations and SOS wait here, in localStorage, until the server
// has them, so a patrol through a dead zone loses nothing. Each item carries its client time `at`.
// Items go out in order, SOS first. A network failure or a 5xx answer keeps the item (and those after
// it) for the next try: on the `online` event, every 20 s and after each new item. A 4xx answer
// removes the item and reports why; a 401 keeps everything and asks to sign in again.
// Each item belongs to the patroller who made it (or, if made before signing in, to the first who
// signs in): when someone else signs in on the same phone, another person's items wait for them.
import { api, ApiError } from './api.js';

const KEY = 'rounds.outbox';
export const RETRY_MS = 20000;

export class Outbox {
  /**
   * @param hooks onChange(count), onSent(item, answer), onRefused(item, error), onSignInNeeded(),
   *              onStorageFull() (an item could not be written to the phone's storage)
   */
  constructor(hooks) {
    this.hooks = hooks;
    this.items = load();
    this.flushing = null;
    this.owner = null;
  }

  /** The signed-in user's name (null when signed out); their items go out, others' wait. */
  setOwner(username) {
    this.owner = username || null;
    this.hooks.onChange(this.count);
    if (this.owner) this.flush();
  }

  /** Items that are not the signed-in user's: they wait until their owner signs in on this phone. */
  get othersWaiting() {
    return this.owner ? this.items.filter(i => i.owner && i.owner !== this.owner).length : 0;
  }

  sendable(item) {
    return !item.owner || !this.owner || item.owner === this.owner;
  }

  start() {
    this.onOnline = () => this.flush();
    window.addEventListener('online', this.onOnline);
    this.timer = setInterval(() => this.flush(), RETRY_MS);
    this.hooks.onChange(this.count);
  }

  get count() { return this.items.filter(i => this.sendable(i)).length; }

  /** Queues a request; SOS goes ahead of everything but earlier SOS. Answers the item. */
  add(kind, path, body, label) {
    const item = { id: Date.now().toString(36) + Math.random().toString(36).slice(2, 8), kind, path, body, label,
      queuedAt: new Date().toISOString(), owner: this.owner };
    if (kind === 'sos') {
      const firstOther = this.items.findIndex(i => i.kind !== 'sos');
      this.items.splice(firstOther < 0 ? this.items.length : firstOther, 0, item);
    } else {
      this.items.push(item);
    }
    this.save();
    this.flush();
    return item;
  }

  /** Sends what waits, in order; one flush at a time, and one more if asked for during it. */
  flush() {
    if (this.flushing) { this.again = true; return this.flushing; }
    this.flushing = this.sendAll().finally(() => {
      this.flushing = null;
      if (this.again) { this.again = false; this.flush(); }
    });
    return this.flushing;
  }

  async sendAll() {
    for (;;) {
      const item = this.items.find(i => this.sendable(i));
      if (!item) return;
      if (!item.owner && this.owner) {
        item.owner = this.owner;
        this.save();
      }
      let answer;
      try {
        answer = await api(item.path, { method: 'POST', json: item.body });
      } catch (e) {
        if (!(e instanceof ApiError) || e.status >= 500 || e.status === 408 || e.status === 429) return; // try later
        if (e.status === 401) { this.hooks.onSignInNeeded(); return; }
        this.remove(item);
        this.hooks.onRefused(item, e);
        continue;
      }
      this.remove(item);
      this.hooks.onSent(item, answer);
    }
  }

  remove(item) {
    this.items = this.items.filter(i => i.id !== item.id);
    this.save();
  }

  save() {
    try {
      localStorage.setItem(KEY, JSON.stringify(this.items));
    } catch (e) {
      // Full storage (many photos): the items stay in memory and go out while the page is open.
      this.hooks.onStorageFull();
    }
    this.hooks.onChange(this.count);
  }
}

function load() {
  try {
    const items = JSON.parse(localStorage.getItem(KEY) || '[]');
    return Array.isArray(items) ? items : [];
  } catch (e) {
    return [];
  }
}
