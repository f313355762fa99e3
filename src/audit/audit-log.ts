// The audit log: one record per audited answer (every answer that carries `_internal_record_id`).
// With the SQLite store it is a table of its own, append-only, one row per record, written before
// the answer leaves (the insert is synchronous), so an acknowledged call's record survives a kill -9.
// With Redis it is a capped list every instance writes to and reads from. Read a page at a time.
import type { AuditTrail, Store } from '../store/index.js';
import type { AuditedCommand } from './audit-context.js';

export interface AuditRecord {
  id: string;
  /** ISO 8601, when the answer was sent. */
  time: string;
  who: { name: string; via: string; userLevel: number } | null;
  address: string;
  method: string;
  route: string;
  /** The path called, without its query string (which may carry a token). */
  path: string;
  tenantId?: string;
  groupId?: string;
  /** The OCI-P commands sent for the call, in order, with their outcome. */
  ocipCommands: AuditedCommand[];
  status: number;
  error?: { code: number; reason: string };
  /** ?dry_run=true: validated and derived, nothing that changes BroadWorks was sent. */
  dryRun?: true;
  durationMs: number;
}

const LOG_KEY = 'audit:records';

export interface AuditLogOptions {
  maxRecords: number;
  onError?: (error: unknown) => void;
}

export class AuditLog {
  readonly #pending = new Set<Promise<void>>();
  readonly #onError: (error: unknown) => void;
  readonly #trail: AuditTrail;

  constructor(
    store: Store,
    private readonly options: AuditLogOptions,
  ) {
    this.#onError = options.onError ?? ((error) => console.error('audit: a record could not be written', error));
    this.#trail = store.auditTrail ?? listTrail(store);
  }

  /** Not awaited by the request; idle() waits for what is in flight. */
  write(record: AuditRecord): void {
    const writing = this.#trail.append(record, this.options.maxRecords).catch(this.#onError);
    this.#pending.add(writing);
    void writing.finally(() => this.#pending.delete(writing));
  }

  async idle(): Promise<void> {
    await Promise.all([...this.#pending]);
  }

  /** Page 1 is the newest. Waits for this instance's records in flight, so a reader sees its own calls. */
  async page(page: number, pageSize: number): Promise<{ records: AuditRecord[]; total: number }> {
    await this.idle();
    const { items, total } = await this.#trail.page<AuditRecord>((page - 1) * pageSize, pageSize);
    return { records: items, total };
  }
}

/** The trail as a capped list in the store (Redis: LPUSH + LTRIM, shared by every instance). */
function listTrail(store: Store): AuditTrail {
  return {
    append: (record, maxRecords) => store.pushCapped(LOG_KEY, record, maxRecords),
    page: (offset, limit) => store.range(LOG_KEY, offset, limit),
  };
}
