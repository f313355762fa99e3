// The adapter's state behind one interface: memory (tests), an SQLite file (the default) and Redis.
export { createStore, LEGACY_STORE_FILE, STORE_FILE } from './create-store.js';
export type { StoreOptions } from './create-store.js';
export { openSqlite, StoreDamagedError } from './sqlite-database.js';
export type { SqliteDatabase } from './sqlite-database.js';
export { readEntries as readKeyvFileEntries } from './convert-keyv-file.js';
export { StoreUnavailableError } from './bounded.js';
export type { AuditTrail, Store, StoreKind, WindowHit } from './store.js';
