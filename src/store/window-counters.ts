// Fixed-window hit counters kept in process memory, for the embedded stores: a rate-limit window of
// a second or a minute has nothing worth writing to disk (Redis shares them across instances instead).
import type { WindowHit } from './store.js';

interface Window {
  window: number;
  count: number;
  endsAt: number;
}

export class WindowCounters {
  readonly #windows = new Map<string, Window>();

  /** Counts one hit for key in the window of windowMs that `now` falls in. */
  hit(key: string, windowMs: number, now: number): WindowHit {
    const window = Math.floor(now / windowMs);
    const slot = `${key}|${windowMs}`;
    let entry = this.#windows.get(slot);
    if (!entry || entry.window !== window) {
      entry = { window, count: 0, endsAt: (window + 1) * windowMs };
      this.#windows.set(slot, entry);
    }
    entry.count++;
    return { count: entry.count, resetInMs: entry.endsAt - now };
  }

  /** Forgets the windows that have ended. */
  sweep(now: number): void {
    for (const [slot, entry] of this.#windows) if (entry.endsAt <= now) this.#windows.delete(slot);
  }
}
