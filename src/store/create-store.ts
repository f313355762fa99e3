// Adapter state: an SQLite file under the data directory by default — no server, survives a crash
// and a restart — or Redis when REDIS_URL is set, so several adapter instances share it; memory for tests.
import { join, resolve } from 'node:path';
import Keyv from 'keyv';
import { convertKeyvFile } from './convert-keyv-file.js';
import { ExpiringMap, LocalStore } from './local-store.js';
import { RedisStore } from './redis-store.js';
import { openStoreDatabase, SqliteStore } from './sqlite-store.js';
import type { Store } from './store.js';

export interface StoreOptions {
  /** 'memory' for tests; 'file' (SQLite) under dataDir; 'redis' at redisUrl. */
  kind: 'memory' | 'file' | 'redis';
  dataDir?: string;
  redisUrl?: string;
  /** Redis: how long one store call may take before it fails (503). Default 1 s. */
  timeoutMs?: number;
  namespace?: string;
  /** Time for rate-limit windows (tests); entry TTLs always use the real clock. */
  clock?: () => number;
  /** A background connection error (a Redis reconnect). */
  onError?: (error: unknown) => void;
}

/** The SQLite file under the data directory. */
export const STORE_FILE = 'adapter-store.sqlite';
/** The keyv-file store of earlier releases, converted once at open. */
export const LEGACY_STORE_FILE = 'adapter-store.json';

/** Throws StoreDamagedError (naming the file and how to recover) when the file cannot be trusted. */
export function createStore(options: StoreOptions): Store {
  const namespace = options.namespace ?? 'apio';
  const onError = options.onError ?? ((error: unknown) => console.error(`store: ${error instanceof Error ? error.message : String(error)}`));
  switch (options.kind) {
    case 'memory': {
      const memory = new ExpiringMap();
      return new LocalStore({ keyv: new Keyv({ store: memory, namespace }), memory, clock: options.clock });
    }
    case 'file': {
      const dir = resolve(options.dataDir ?? './data');
      const db = openStoreDatabase(join(dir, STORE_FILE));
      try {
        convertKeyvFile(db, join(dir, LEGACY_STORE_FILE), namespace);
      } catch (error) {
        db.close();
        throw error;
      }
      return new SqliteStore(db, { clock: options.clock });
    }
    case 'redis':
      return new RedisStore({ redisUrl: options.redisUrl!, namespace, clock: options.clock, onError, ...(options.timeoutMs !== undefined && { timeoutMs: options.timeoutMs }) });
  }
}
