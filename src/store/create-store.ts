// Adapter state (caches now; sessions, revocations and rate limits next) in keyv: a file under
// the data directory by default — no server, survives a restart — or Redis when REDIS_URL is set,
// so several adapter instances share it.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Keyv from 'keyv';
import { KeyvFile } from 'keyv-file';
import KeyvRedis from '@keyv/redis';

export interface StoreOptions {
  /** 'memory' for tests; 'file' under dataDir; 'redis' at redisUrl. */
  kind: 'memory' | 'file' | 'redis';
  dataDir?: string;
  redisUrl?: string;
  namespace?: string;
}

export type Store = Keyv;

export function createStore(options: StoreOptions): Store {
  const namespace = options.namespace ?? 'apio';
  switch (options.kind) {
    case 'memory':
      return new Keyv({ namespace });
    case 'file': {
      const dir = resolve(options.dataDir ?? './data');
      mkdirSync(dir, { recursive: true });
      return new Keyv({ store: new KeyvFile({ filename: join(dir, 'adapter-store.json'), writeDelay: 50 }), namespace });
    }
    case 'redis':
      return new Keyv({ store: new KeyvRedis(options.redisUrl!), namespace });
  }
}
