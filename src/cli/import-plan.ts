// What an import does with each valid row, decided before anything is sent: settled by the journal
// (done in an earlier run), skipped (it exists and --update is off), or a create or update to send.
// A row an interrupted run left in doubt is settled against the group's list: an instance with its
// id exists → it was created; otherwise it is sent again under the Idempotency-Key the journal kept,
// so the gateway resolves it (one key never draws two generated ids). A row without a journalled
// key (an older journal) and without an id to look for is reported, never sent again blindly.
import type { ImportJournal, RowAction } from './journal.js';
import type { RowOutcome } from './progress.js';
import type { SourceRow } from './row-problems.js';

export interface ImportTask {
  row: SourceRow;
  action: RowAction;
  /** The key an earlier run sent this row's change with (in doubt): reused, never replaced. */
  idempotencyKey?: string;
}

export interface ImportPlan {
  tasks: ImportTask[];
  /** Rows with nothing to send, and why. */
  settled: RowOutcome[];
}

export function planImport(rows: readonly SourceRow[], existingIds: ReadonlySet<string>, journal: ImportJournal | undefined, update: boolean): ImportPlan {
  const tasks: ImportTask[] = [];
  const settled: RowOutcome[] = [];
  const exists = (id: string | undefined) => id !== undefined && existingIds.has(id.toLowerCase());
  for (const row of rows) {
    const rowId = typeof row.body.serviceUserId === 'string' ? row.body.serviceUserId : undefined;
    const before = journal?.stateOf(row);
    const again = (action: RowAction): ImportTask =>
      before?.state === 'in-doubt' && before.action === action && before.idempotencyKey !== undefined ? { row, action, idempotencyKey: before.idempotencyKey } : { row, action };
    if (before?.state === 'done') {
      settled.push({ line: row.line, kind: 'done-before', ...(before.id !== undefined && { id: before.id }) });
      continue;
    }
    if (before?.state === 'in-doubt' && before.action === 'create') {
      const id = rowId ?? before.id;
      if (exists(id)) {
        journal!.done(row, 'create', id);
        settled.push({ line: row.line, kind: 'done-before', id: id! });
        continue;
      }
      if (id === undefined && before.idempotencyKey !== undefined) {
        tasks.push(again('create'));
        continue;
      }
      if (id === undefined) {
        settled.push({
          line: row.line,
          kind: 'failed',
          reason: 'in doubt: an earlier run was cut off while this row (without serviceUserId, so the gateway generates one) was being created; check the group, then give the row a serviceUserId or delete its journal lines',
        });
        continue;
      }
    }
    if (exists(rowId)) {
      if (update) tasks.push(again('update'));
      else settled.push({ line: row.line, kind: 'skipped', id: rowId! });
      continue;
    }
    tasks.push(again('create'));
  }
  return { tasks, settled };
}
