// The memory store (tests): keyv over a Map. One process uses it, so atomic operations only need to
// be atomic within the process (KeyLock). Rate-limit windows are kept in a plain in-process map.
import Keyv from 'keyv';
import { KeyLock } from './key-lock.js';
import type { Store, WindowHit } from './store.js';
import { WindowCounters } from './window-counters.js';

const SWEEP_INTERVAL_MS = 60_000;
/** Reservations under a prefix of their own, as in Redis, so a plain set can never take one over. */
const RESERVED = 'atomic:';

/** A Map for keyv that can drop expired entries: keyv itself only drops one when it is read. */
export class ExpiringMap extends Map<string, unknown> {
  sweep(now: number): void {
    for (const [key, raw] of this) {
      if (typeof raw !== 'string') continue;
      try {
        const { expires } = JSON.parse(raw) as { expires?: number | null };
        if (typeof expires === 'number' && expires <= now) this.delete(key);
      } catch {
        // Not written by keyv's serializer: leave it.
      }
    }
  }
}

export interface LocalStoreOptions {
  keyv: Keyv;
  /** The memory map under keyv, swept of expired entries now and then. */
  memory?: ExpiringMap;
  clock?: () => number;
}

export class LocalStore implements Store {
  readonly kind = 'memory' as const;
  readonly #keyv: Keyv;
  readonly #memory: ExpiringMap | undefined;
  readonly #clock: () => number;
  readonly #lock = new KeyLock();
  readonly #windows = new WindowCounters();
  readonly #sweeper: NodeJS.Timeout;

  constructor(options: LocalStoreOptions) {
    this.#keyv = options.keyv;
    this.#memory = options.memory;
    this.#clock = options.clock ?? Date.now;
    this.#sweeper = setInterval(() => this.#sweep(), SWEEP_INTERVAL_MS);
    this.#sweeper.unref();
  }

  async get<T>(key: string): Promise<T | undefined> {
    return ((await this.#keyv.get<T>(key)) ?? undefined) as T | undefined;
  }

  async set(key: string, value: unknown, ttlMs?: number): Promise<void> {
    await this.#keyv.set(key, value, ttlMs);
  }

  delete(key: string): Promise<boolean> {
    return this.#keyv.delete(key);
  }

  reserve(key: string, value: unknown, ttlMs?: number): Promise<boolean> {
    const stored = RESERVED + key;
    return this.#lock.run(stored, async () => {
      if ((await this.#keyv.get(stored)) !== undefined) return false;
      await this.#keyv.set(stored, value, ttlMs);
      return true;
    });
  }

  peek<T>(key: string): Promise<T | undefined> {
    return this.get<T>(RESERVED + key);
  }

  async release(key: string): Promise<void> {
    await this.#keyv.delete(RESERVED + key);
  }

  async hit(key: string, windowMs: number): Promise<WindowHit> {
    return this.#windows.hit(key, windowMs, this.#clock());
  }

  pushCapped(key: string, value: unknown, maxLength: number): Promise<void> {
    return this.#lock.run(key, async () => {
      const list = (await this.#keyv.get<unknown[]>(key)) ?? [];
      list.unshift(value);
      if (list.length > maxLength) list.length = maxLength;
      await this.#keyv.set(key, list);
    });
  }

  async range<T>(key: string, offset: number, limit: number): Promise<{ items: T[]; total: number }> {
    const list = (await this.#keyv.get<T[]>(key)) ?? [];
    return { items: list.slice(offset, offset + limit), total: list.length };
  }

  async disconnect(): Promise<void> {
    clearInterval(this.#sweeper);
    await this.#keyv.disconnect();
  }

  #sweep(): void {
    const now = this.#clock();
    this.#windows.sweep(now);
    this.#memory?.sweep(now);
  }
}
