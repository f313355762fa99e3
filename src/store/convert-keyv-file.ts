// One-time conversion of the keyv-file store of earlier releases (adapter-store.json) into the
// SQLite store, run at open. Idempotent: rows already present win (INSERT OR IGNORE), so a crash
// between the commit and the rename only means the next start converts the same rows again, to no
// effect. The JSON file is then renamed *.converted, kept for the operator to delete.
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { StoreDamagedError } from './sqlite-database.js';
import type { SqliteDatabase } from './sqlite-database.js';

/** keyv-file's layout: [namespaced key, { value: keyv's JSON of { value, expires } }]. */
interface KeyvFileData {
  cache: Array<[string, { value: string }]>;
}

export const AUDIT_LIST_KEY = 'audit:records';

/** Converts `jsonFile` when it exists; returns how many entries were carried over. */
export function convertKeyvFile(db: SqliteDatabase, jsonFile: string, namespace: string): number {
  if (!existsSync(jsonFile)) return 0;
  const entries = readEntries(jsonFile, namespace);
  const now = Date.now();
  const insertEntry = db.prepare('INSERT OR IGNORE INTO entries (key, value, expires_at) VALUES (?, ?, ?)');
  const insertAudit = db.prepare('INSERT OR IGNORE INTO audit_records (id, time, record) VALUES (?, ?, ?)');
  let converted = 0;
  db.transaction(() => {
    for (const { key, value, expires } of entries) {
      if (typeof expires === 'number' && expires <= now) continue;
      if (key === AUDIT_LIST_KEY && Array.isArray(value)) {
        // The list was newest first; the table's order is insertion order.
        for (const record of [...value].reverse() as Array<{ id: string; time: string }>) insertAudit.run(record.id, record.time, JSON.stringify(record));
      } else {
        insertEntry.run(key, JSON.stringify(value), typeof expires === 'number' ? expires : null);
      }
      converted++;
    }
  })();
  renameSync(jsonFile, `${jsonFile}.converted`);
  return converted;
}

/** The entries of a keyv-file JSON file under `namespace`, or StoreDamagedError when it cannot be read. */
export function readEntries(jsonFile: string, namespace: string): Array<{ key: string; value: unknown; expires?: number }> {
  let data: KeyvFileData;
  try {
    data = JSON.parse(readFileSync(jsonFile, 'utf8')) as KeyvFileData;
    if (!Array.isArray(data?.cache)) throw new Error('no "cache" list');
  } catch (error) {
    throw new StoreDamagedError(jsonFile, `this file of an earlier release cannot be converted (${error instanceof Error ? error.message : String(error)})`);
  }
  const prefix = `${namespace}:`;
  return data.cache
    .filter(([key]) => key.startsWith(prefix))
    .map(([key, entry]) => {
      const { value, expires } = JSON.parse(entry.value) as { value: unknown; expires?: number | null };
      return { key: key.slice(prefix.length), value, ...(typeof expires === 'number' && { expires }) };
    });
}
