// Opens an SQLite file of the project's own (the adapter's store, the simulator's world) the one way
// every such file is opened: WAL journal, synchronous=NORMAL, and a check at open that refuses a
// damaged or foreign file instead of starting over empty.
//
// Why synchronous=NORMAL: in WAL mode a commit is written to the -wal file with write(2) before the
// call returns, so once the adapter has answered, a process crash (kill -9, OOM kill) loses nothing:
// the operating system still holds the bytes. Only an OS crash or power loss can drop the last
// commits (those since the last checkpoint's fsync); the database stays consistent either way.
// synchronous=FULL would add an fsync to every commit to cover power loss too, at a cost of a disk
// flush per write (docs/state-and-durability.md).
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Database as SqliteDatabase } from 'better-sqlite3';

export type { SqliteDatabase };

/** A store file that cannot be used as it is: start-up stops with this message, nothing is reset. */
export class StoreDamagedError extends Error {
  override name = 'StoreDamagedError';
  constructor(
    readonly file: string,
    problem: string,
    /** What a start without the file begins with. */
    afresh = 'an empty store',
  ) {
    super(
      `${file}: ${problem}. Nothing was changed. To recover, either restore this file (with its -wal file, if any) ` +
        `from a backup, or move it away (mv ${file} ${file}.damaged; and its -wal and -shm files) to start with ${afresh}.`,
    );
  }
}

export interface OpenOptions {
  /** What this file holds, for messages: e.g. 'adapter store'. */
  what: string;
  /** The schema's version, kept in PRAGMA user_version. */
  version: number;
  /** Creates the tables of a new file (run in one transaction). */
  create: (db: SqliteDatabase) => void;
  /** The tables a file of this version must hold. */
  tables: readonly string[];
  /** What a start without the file begins with, for the message; default 'an empty store'. */
  afresh?: string;
}

/** Opens (or creates, when absent) the file; throws StoreDamagedError when it cannot be trusted. */
export function openSqlite(file: string, options: OpenOptions): SqliteDatabase {
  mkdirSync(dirname(file), { recursive: true });
  // A file that exists but is empty was not written by us to the end: SQLite would silently make a
  // new database of it, which is the reset this check is here to prevent.
  const existed = existsSync(file);
  if (existed && statSync(file).size === 0) throw new StoreDamagedError(file, `the ${options.what} file is empty`, options.afresh);
  let db: SqliteDatabase | undefined;
  try {
    db = new Database(file, { fileMustExist: existed });
    db.pragma('busy_timeout = 5000');
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal') throw new Error(`journal_mode is ${String(mode)}, not wal`);
    db.pragma('synchronous = NORMAL');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`integrity check: ${String(check)}`);
    const version = Number(db.pragma('user_version', { simple: true }));
    if (version === 0) {
      if (existed && hasTables(db)) throw new Error(`it holds tables but no ${options.what} schema version`);
      db.transaction(() => {
        options.create(db!);
        db!.pragma(`user_version = ${options.version}`);
      })();
    } else if (version !== options.version) {
      throw new Error(`its schema version is ${version}; this release reads version ${options.version}`);
    }
    const missing = options.tables.filter((table) => !db!.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(table));
    if (missing.length > 0) throw new Error(`tables missing: ${missing.join(', ')}`);
    return db;
  } catch (error) {
    db?.close();
    if (error instanceof StoreDamagedError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new StoreDamagedError(file, `the ${options.what} cannot be read (${message})`, options.afresh);
  }
}

function hasTables(db: SqliteDatabase): boolean {
  return db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' LIMIT 1").get() !== undefined;
}
