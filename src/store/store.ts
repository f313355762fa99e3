// The adapter's shared state, one small interface over keyv: sessions, token revocations, the
// group-data cache, rate-limit counters, id reservations and the audit log. Plain get/set/delete
// go through keyv; the few operations that must be atomic across adapter instances (set-if-absent,
// a counter, a capped list) are named here so the Redis implementation can use one Redis command
// each (SET NX PX, INCR + PEXPIRE, LPUSH + LTRIM) instead of a racy read-then-write.

/** 'file': the embedded SQLite file under DATA_DIR. */
export type StoreKind = 'memory' | 'file' | 'redis';

/** One fixed-window counter after a hit. */
export interface WindowHit {
  /** Hits in the current window, this one included. */
  count: number;
  /** Milliseconds until the window ends and the count starts again from 0. */
  resetInMs: number;
}

/** An append-only trail of records, newest first when read; the SQLite store keeps it in a table of its own. */
export interface AuditTrail {
  /** Adds a record; beyond maxRecords the oldest go. */
  append(record: { id: string; time: string }, maxRecords: number): Promise<void>;
  /** Newest first. */
  page<T>(offset: number, limit: number): Promise<{ items: T[]; total: number }>;
}

export interface Store {
  readonly kind: StoreKind;
  /** A store with a table for the audit trail has it here; the others keep it as a capped list. */
  readonly auditTrail?: AuditTrail;
  get<T>(key: string): Promise<T | undefined>;
  /** ttlMs: the entry disappears after it; absent: it stays. */
  set(key: string, value: unknown, ttlMs?: number): Promise<void>;
  delete(key: string): Promise<boolean>;
  /**
   * Sets the key only when it is absent, for ttlMs (absent: for good). True when this call set it.
   * Atomic across every instance sharing the store (Redis SET NX PX); within one process for the
   * embedded kinds. Reservations live beside keyv's entries: read them with peek, end them with release.
   */
  reserve(key: string, value: unknown, ttlMs?: number): Promise<boolean>;
  /** The value a reservation holds, or undefined. */
  peek<T>(key: string): Promise<T | undefined>;
  release(key: string): Promise<void>;
  /** Counts one hit in the fixed window of windowMs that now falls in. */
  hit(key: string, windowMs: number): Promise<WindowHit>;
  /** Adds a value at the head of a list and drops what lies beyond maxLength (newest first). */
  pushCapped(key: string, value: unknown, maxLength: number): Promise<void>;
  /** A slice of such a list, newest first, and its length. */
  range<T>(key: string, offset: number, limit: number): Promise<{ items: T[]; total: number }>;
  /** Writes what is pending and closes connections. */
  disconnect(): Promise<void>;
}
