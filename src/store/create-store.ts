// Adapter state in keyv: a file under the data directory by default — no server, survives a
// restart — or Redis when REDIS_URL is set, so several adapter instances share it; memory for tests.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Keyv from 'keyv';
import { ExpiringMap, LocalStore } from './local-store.js';
import { RedisStore } from './redis-store.js';
import type { Store } from './store.js';
import { WriteBehindKeyvFile } from './write-behind-file.js';

export interface StoreOptions {
  /** 'memory' for tests; 'file' under dataDir; 'redis' at redisUrl. */
  kind: 'memory' | 'file' | 'redis';
  dataDir?: string;
  redisUrl?: string;
  namespace?: string;
  /** Time for rate-limit windows (tests); keyv's own TTLs always use the real clock. */
  clock?: () => number;
  /** A background write or connection error (the file write behind, a Redis reconnect). */
  onError?: (error: unknown) => void;
}

/** The file's name under the data directory. */
export const STORE_FILE = 'adapter-store.json';

export function createStore(options: StoreOptions): Store {
  const namespace = options.namespace ?? 'apio';
  const onError = options.onError ?? ((error: unknown) => console.error(`store: ${error instanceof Error ? error.message : String(error)}`));
  switch (options.kind) {
    case 'memory': {
      const memory = new ExpiringMap();
      return new LocalStore({ kind: 'memory', keyv: new Keyv({ store: memory, namespace }), memory, clock: options.clock });
    }
    case 'file': {
      const dir = resolve(options.dataDir ?? './data');
      mkdirSync(dir, { recursive: true });
      // Expired entries (ended sessions, old revocations) are dropped every 10 minutes, not daily.
      const file = new WriteBehindKeyvFile({ filename: join(dir, STORE_FILE), writeDelay: 50, expiredCheckDelay: 10 * 60_000 }, onError);
      return new LocalStore({ kind: 'file', keyv: new Keyv({ store: file, namespace }), clock: options.clock });
    }
    case 'redis':
      return new RedisStore({ redisUrl: options.redisUrl!, namespace, clock: options.clock, onError });
  }
}
