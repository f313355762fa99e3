// The world in an SQLite file (WAL, synchronous=NORMAL, checked at open: src/store/sqlite-database.ts):
// one row holding the latest snapshot. saveNow commits synchronously, so the simulator writes the
// world before it answers the document that changed it: an acknowledged OCI-P change survives a
// kill -9. A file that cannot be read stops the start; it is never replaced by the seed world.
import { openSqlite } from '../store/index.js';
import type { SqliteDatabase } from '../store/index.js';
import type { WorldStore } from './persistence.js';
import type { WorldSnapshot } from './world/types.js';

const SCHEMA_VERSION = 1;
const SCHEMA = 'CREATE TABLE world (id INTEGER PRIMARY KEY CHECK (id = 1), snapshot TEXT NOT NULL, saved_at TEXT NOT NULL) STRICT;';

export interface SqliteWorldStore extends WorldStore {
  loadNow(): WorldSnapshot | undefined;
  saveNow(snapshot: WorldSnapshot): void;
  close(): void;
}

/** Opens (or creates) the file; throws StoreDamagedError, naming it and how to recover, when it cannot be trusted. */
export function openSqliteWorldStore(file: string): SqliteWorldStore {
  const db: SqliteDatabase = openSqlite(file, { what: 'simulator world', version: SCHEMA_VERSION, create: (d) => d.exec(SCHEMA), tables: ['world'], afresh: 'the seed world' });
  const read = db.prepare('SELECT snapshot FROM world WHERE id = 1');
  const write = db.prepare('INSERT INTO world (id, snapshot, saved_at) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET snapshot = excluded.snapshot, saved_at = excluded.saved_at');
  let open = true;
  const saveNow = (snapshot: WorldSnapshot): void => {
    write.run(JSON.stringify(snapshot), new Date().toISOString());
  };
  const loadNow = (): WorldSnapshot | undefined => {
    const row = read.get() as { snapshot: string } | undefined;
    return row ? (JSON.parse(row.snapshot) as WorldSnapshot) : undefined;
  };
  return {
    load: async () => loadNow(),
    loadNow,
    save: async (snapshot) => saveNow(snapshot),
    saveNow,
    close: () => {
      if (open) db.close();
      open = false;
    },
  };
}
