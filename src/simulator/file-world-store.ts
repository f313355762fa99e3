// The world on disk under the data directory: what the standalone simulator and the adapter's
// embedded simulator persist with. An SQLite file (sqlite-world-store.ts); a simulator-world.json
// of an earlier release (keyv-file) is carried over once, at the first start, then renamed *.converted.
import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { readKeyvFileEntries } from '../store/index.js';
import { openSqliteWorldStore } from './sqlite-world-store.js';
import type { SqliteWorldStore } from './sqlite-world-store.js';
import type { WorldSnapshot } from './world/types.js';

export const WORLD_FILE_NAME = 'simulator-world.sqlite';
export const LEGACY_WORLD_FILE_NAME = 'simulator-world.json';

export function createFileWorldStore(dataDir: string, fileName = WORLD_FILE_NAME): SqliteWorldStore {
  const store = openSqliteWorldStore(join(dataDir, fileName));
  try {
    convertLegacyWorld(store, join(dataDir, LEGACY_WORLD_FILE_NAME));
  } catch (error) {
    store.close();
    throw error;
  }
  return store;
}

/** keyv-file kept the world under 'simulator:world'. A world already in the SQLite file wins. */
function convertLegacyWorld(store: SqliteWorldStore, jsonFile: string): void {
  if (!existsSync(jsonFile)) return;
  const world = readKeyvFileEntries(jsonFile, 'simulator').find((entry) => entry.key === 'world');
  if (world && store.loadNow() === undefined) store.saveNow(world.value as WorldSnapshot);
  renameSync(jsonFile, `${jsonFile}.converted`);
}
