// The audit log: one record per mutating call, kept newest first in the store (a capped list, so
// with Redis every instance writes to and reads from the same log), read a page at a time.
import type { Store } from '../store/index.js';
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

  constructor(
    private readonly store: Store,
    private readonly options: AuditLogOptions,
  ) {
    this.#onError = options.onError ?? ((error) => console.error('audit: a record could not be written', error));
  }

  /** Written after the answer, off the request's path; idle() waits for what is in flight. */
  write(record: AuditRecord): void {
    const writing = this.store.pushCapped(LOG_KEY, record, this.options.maxRecords).catch(this.#onError);
    this.#pending.add(writing);
    void writing.finally(() => this.#pending.delete(writing));
  }

  async idle(): Promise<void> {
    await Promise.all([...this.#pending]);
  }

  /** Page 1 is the newest. Waits for this instance's records in flight, so a reader sees its own calls. */
  async page(page: number, pageSize: number): Promise<{ records: AuditRecord[]; total: number }> {
    await this.idle();
    const { items, total } = await this.store.range<AuditRecord>(LOG_KEY, (page - 1) * pageSize, pageSize);
    return { records: items, total };
  }
}
