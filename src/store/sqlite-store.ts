// The embedded store: one SQLite file under the data directory (WAL, synchronous=NORMAL; see
// sqlite-database.ts), the default when REDIS_URL is not set. Every write is committed before its
// promise resolves, so whatever the adapter has answered survives a kill -9.
// Expiry is a column: a read ignores an expired row, a sweep (at open, then every minute) deletes
// them; reading never writes. One process uses the file, and better-sqlite3 runs each statement to
// its end before anything else runs, so a transaction is atomic for every caller of this process.
// Rate-limit windows stay in a plain in-process map, as before: a one-second counter has no value
// after a restart and is not worth a disk write per request.
import type { Statement } from 'better-sqlite3';
import { StoreUnavailableError } from './bounded.js';
import { openSqlite } from './sqlite-database.js';
import type { SqliteDatabase } from './sqlite-database.js';
import type { AuditTrail, Store, WindowHit } from './store.js';
import { WindowCounters } from './window-counters.js';

const SWEEP_INTERVAL_MS = 60_000;
/** Reservations under a prefix of their own, as in Redis, so a plain set can never take one over. */
const RESERVED = 'atomic:';
const SCHEMA_VERSION = 1;

const SCHEMA = `
  CREATE TABLE entries (key TEXT PRIMARY KEY, value TEXT NOT NULL, expires_at INTEGER) STRICT;
  CREATE INDEX entries_by_expiry ON entries (expires_at) WHERE expires_at IS NOT NULL;
  CREATE TABLE list_items (seq INTEGER PRIMARY KEY AUTOINCREMENT, key TEXT NOT NULL, value TEXT NOT NULL) STRICT;
  CREATE INDEX list_items_by_key ON list_items (key, seq);
  -- The audit trail, append-only: one row per audited answer, newest = highest seq. The route pages
  -- by seq (the primary key); id is the _internal_record_id answered, unique.
  CREATE TABLE audit_records (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, time TEXT NOT NULL, record TEXT NOT NULL) STRICT;
`;

export function openStoreDatabase(file: string): SqliteDatabase {
  return openSqlite(file, {
    what: 'adapter store',
    version: SCHEMA_VERSION,
    create: (db) => db.exec(SCHEMA),
    tables: ['entries', 'list_items', 'audit_records'],
  });
}

export interface SqliteStoreOptions {
  clock?: () => number;
}

/** A failed statement (disk full, I/O error) refuses the request with 503, not a 500. */
function guarded<T>(work: () => T): Promise<T> {
  try {
    return Promise.resolve(work());
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return Promise.reject(new StoreUnavailableError(`the state store (SQLite) failed: ${why}`, error));
  }
}

export class SqliteStore implements Store {
  readonly kind = 'file' as const;
  readonly auditTrail: AuditTrail;
  readonly #db: SqliteDatabase;
  readonly #clock: () => number;
  readonly #windows = new WindowCounters();
  readonly #sweeper: NodeJS.Timeout;
  readonly #sql: ReturnType<typeof statements>;
  #closed = false;

  constructor(db: SqliteDatabase, options: SqliteStoreOptions = {}) {
    this.#db = db;
    this.#clock = options.clock ?? Date.now;
    this.#sql = statements(db);
    this.auditTrail = sqliteAuditTrail(db, this.#sql);
    this.sweep();
    this.#sweeper = setInterval(() => {
      try {
        this.sweep();
      } catch (error) {
        // Left for the next sweep: expired rows are already invisible to reads.
        console.error(`store: the expiry sweep failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }, SWEEP_INTERVAL_MS);
    this.#sweeper.unref();
  }

  get<T>(key: string): Promise<T | undefined> {
    return guarded(() => this.#read<T>(key));
  }

  set(key: string, value: unknown, ttlMs?: number): Promise<void> {
    return guarded(() => {
      this.#sql.upsert.run(key, JSON.stringify(value), expiry(ttlMs));
    });
  }

  delete(key: string): Promise<boolean> {
    return guarded(() => {
      const row = this.#sql.remove.get(key) as { expires_at: number | null } | undefined;
      return row !== undefined && live(row.expires_at);
    });
  }

  reserve(key: string, value: unknown, ttlMs?: number): Promise<boolean> {
    return guarded(() =>
      this.#db.transaction(() => {
        this.#sql.removeExpired.run(RESERVED + key, Date.now());
        return this.#sql.insertIfAbsent.run(RESERVED + key, JSON.stringify(value), expiry(ttlMs)).changes === 1;
      })(),
    );
  }

  peek<T>(key: string): Promise<T | undefined> {
    return guarded(() => this.#read<T>(RESERVED + key));
  }

  release(key: string): Promise<void> {
    return guarded(() => {
      this.#sql.remove.get(RESERVED + key);
    });
  }

  async hit(key: string, windowMs: number): Promise<WindowHit> {
    return this.#windows.hit(key, windowMs, this.#clock());
  }

  pushCapped(key: string, value: unknown, maxLength: number): Promise<void> {
    return guarded(() =>
      this.#db.transaction(() => {
        this.#sql.pushItem.run(key, JSON.stringify(value));
        this.#sql.trimItems.run({ key, max: maxLength });
      })(),
    );
  }

  range<T>(key: string, offset: number, limit: number): Promise<{ items: T[]; total: number }> {
    return guarded(() => {
      const rows = this.#sql.rangeItems.all(key, limit, offset) as Array<{ value: string }>;
      const { total } = this.#sql.countItems.get(key) as { total: number };
      return { items: rows.map((row) => JSON.parse(row.value) as T), total };
    });
  }

  /** Deletes expired entries; returns how many. Runs at open and every minute. */
  sweep(): number {
    if (this.#closed) return 0;
    const now = this.#clock();
    this.#windows.sweep(now);
    return this.#sql.sweep.run(Date.now()).changes;
  }

  async disconnect(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    clearInterval(this.#sweeper);
    this.#db.close();
  }

  #read<T>(key: string): T | undefined {
    const row = this.#sql.read.get(key) as { value: string; expires_at: number | null } | undefined;
    return row && live(row.expires_at) ? (JSON.parse(row.value) as T) : undefined;
  }
}

const expiry = (ttlMs: number | undefined): number | null => (ttlMs === undefined ? null : Date.now() + ttlMs);
const live = (expiresAt: number | null): boolean => expiresAt === null || expiresAt > Date.now();

function statements(db: SqliteDatabase) {
  const prepare = (sql: string): Statement => db.prepare(sql);
  return {
    read: prepare('SELECT value, expires_at FROM entries WHERE key = ?'),
    upsert: prepare('INSERT INTO entries (key, value, expires_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at'),
    insertIfAbsent: prepare('INSERT OR IGNORE INTO entries (key, value, expires_at) VALUES (?, ?, ?)'),
    remove: prepare('DELETE FROM entries WHERE key = ? RETURNING expires_at'),
    removeExpired: prepare('DELETE FROM entries WHERE key = ? AND expires_at <= ?'),
    sweep: prepare('DELETE FROM entries WHERE expires_at <= ?'),
    pushItem: prepare('INSERT INTO list_items (key, value) VALUES (?, ?)'),
    // Everything older than the maxLength-th newest; nothing while the list is shorter (NULL bound).
    trimItems: prepare('DELETE FROM list_items WHERE key = @key AND seq < (SELECT seq FROM list_items WHERE key = @key ORDER BY seq DESC LIMIT 1 OFFSET @max - 1)'),
    rangeItems: prepare('SELECT value FROM list_items WHERE key = ? ORDER BY seq DESC LIMIT ? OFFSET ?'),
    countItems: prepare('SELECT count(*) AS total FROM list_items WHERE key = ?'),
    appendAudit: prepare('INSERT INTO audit_records (id, time, record) VALUES (?, ?, ?)'),
    trimAudit: prepare('DELETE FROM audit_records WHERE seq <= ?'),
    pageAudit: prepare('SELECT record FROM audit_records ORDER BY seq DESC LIMIT ? OFFSET ?'),
    countAudit: prepare('SELECT count(*) AS total FROM audit_records'),
  };
}

function sqliteAuditTrail(db: SqliteDatabase, sql: ReturnType<typeof statements>): AuditTrail {
  return {
    append: (record, maxRecords) =>
      guarded(() =>
        db.transaction(() => {
          const { lastInsertRowid } = sql.appendAudit.run(record.id, record.time, JSON.stringify(record));
          // Retention: rows beyond the newest maxRecords go, oldest first; no row is ever changed.
          sql.trimAudit.run(Number(lastInsertRowid) - maxRecords);
        })(),
      ),
    page: <T>(offset: number, limit: number) =>
      guarded(() => {
        const rows = sql.pageAudit.all(limit, offset) as Array<{ record: string }>;
        const { total } = sql.countAudit.get() as { total: number };
        return { items: rows.map((row) => JSON.parse(row.record) as T), total };
      }),
  };
}
