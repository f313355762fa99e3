// The import journal: one JSON line per event, appended synchronously, so an import killed at any
// moment resumes without creating anything twice. A row is named by its line and a hash of its
// body (an edited row is a new row). Before each create or update a `sending` line is written;
// `done` or `failed` follows the answer. A `sending` without its outcome is "in doubt": the gateway
// may have applied it — the import settles that against the group's list before sending again.
// A `sending` line also carries the request's Idempotency-Key, so a rerun sends an in-doubt row
// under the same key and the gateway resolves it rather than applying it twice. Journals written
// before keys existed have none; their rows resume as before.
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, writeSync } from 'node:fs';
import { CliError, CliErrorCodes } from './errors.js';
import type { SourceRow } from './row-problems.js';

export type RowAction = 'create' | 'update';

interface JournalHeader {
  kind: 'apio-igc-import-journal';
  version: 1;
  tenantId: string;
  groupId: string;
}

interface JournalEntry {
  line: number;
  key: string;
  state: 'sending' | 'done' | 'failed';
  action?: RowAction;
  /** The id sent (sending) or answered (done). */
  id?: string;
  /** The Idempotency-Key the request was sent with (sending). */
  idempotencyKey?: string;
  reason?: string;
}

export type JournalState =
  | { state: 'done'; action: RowAction; id?: string }
  | { state: 'in-doubt'; action: RowAction; id?: string; idempotencyKey?: string };

export class ImportJournal {
  readonly #fd: number;
  readonly #last = new Map<string, JournalEntry>();

  private constructor(
    readonly path: string,
    fd: number,
    entries: JournalEntry[],
  ) {
    this.#fd = fd;
    for (const entry of entries) this.#last.set(`${entry.line}:${entry.key}`, entry);
  }

  /** Opens (or starts) the journal of an import into this tenant and group. */
  static open(path: string, target: { tenantId: string; groupId: string }): ImportJournal {
    const header: JournalHeader = { kind: 'apio-igc-import-journal', version: 1, ...target };
    const entries: JournalEntry[] = [];
    let hasHeader = false;
    if (existsSync(path)) {
      const lines = readFileSync(path, 'utf8').split('\n').filter((line) => line.trim() !== '');
      const first = parseLine(lines[0]) as JournalHeader | undefined;
      if (first && first.kind !== header.kind) throw new CliError(CliErrorCodes.JOURNAL, `${path} is not an import journal`);
      hasHeader = first !== undefined;
      if (first && (first.tenantId !== target.tenantId || first.groupId !== target.groupId)) {
        throw new CliError(
          CliErrorCodes.JOURNAL,
          `${path} is the journal of an import into ${first.tenantId}/${first.groupId}; give another --journal, or delete it to start over`,
        );
      }
      // A line cut short by a kill mid-write is skipped: its row is simply not settled yet.
      for (const line of lines.slice(1)) {
        const entry = parseLine(line) as JournalEntry | undefined;
        if (entry && typeof entry.line === 'number' && typeof entry.key === 'string') entries.push(entry);
      }
    }
    let fd: number;
    try {
      fd = openSync(path, 'a');
    } catch (error) {
      throw new CliError(CliErrorCodes.JOURNAL, `cannot write the journal ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    const journal = new ImportJournal(path, fd, entries);
    if (!hasHeader) journal.#append(header);
    return journal;
  }

  /** What an earlier run did with this row: done, in doubt, or nothing (also after a failure). */
  stateOf(row: SourceRow): JournalState | undefined {
    const entry = this.#last.get(`${row.line}:${rowKey(row)}`);
    if (!entry || entry.state === 'failed') return undefined;
    const action = entry.action ?? 'create';
    const id = entry.id !== undefined ? { id: entry.id } : {};
    if (entry.state === 'done') return { state: 'done', action, ...id };
    return { state: 'in-doubt', action, ...id, ...(typeof entry.idempotencyKey === 'string' && { idempotencyKey: entry.idempotencyKey }) };
  }

  get doneCount(): number {
    return [...this.#last.values()].filter((entry) => entry.state === 'done').length;
  }

  sending(row: SourceRow, action: RowAction, id: string | undefined, idempotencyKey: string): void {
    this.#record({ line: row.line, key: rowKey(row), state: 'sending', action, ...(id !== undefined && { id }), idempotencyKey });
  }

  done(row: SourceRow, action: RowAction, id: string | undefined): void {
    this.#record({ line: row.line, key: rowKey(row), state: 'done', action, ...(id !== undefined && { id }) });
  }

  failed(row: SourceRow, reason: string): void {
    this.#record({ line: row.line, key: rowKey(row), state: 'failed', reason });
  }

  close(): void {
    closeSync(this.#fd);
  }

  #record(entry: JournalEntry): void {
    this.#last.set(`${entry.line}:${entry.key}`, entry);
    this.#append(entry);
  }

  #append(value: object): void {
    // Synchronous: the line is in the file before the request it announces leaves the process.
    writeSync(this.#fd, `${JSON.stringify(value)}\n`);
  }
}

/** Rows carry no password into the journal: the key is a hash, and bodies are never written. */
function rowKey(row: SourceRow): string {
  return createHash('sha256').update(JSON.stringify(row.body)).digest('hex').slice(0, 20);
}

function parseLine(line: string | undefined): unknown {
  if (line === undefined) return undefined;
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}
