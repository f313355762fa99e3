// `apio-igc import FILE`: read and check every row, settle what the journal and the group's list
// already say, then create (or, with --update, update) the rest, N at a time, with progress, and a
// summary listing every failure. With --dry-run each row goes to the gateway with ?dry_run=true:
// checked there too, nothing changed, and no journal written. --map and --drop rewrite each row
// first (row-mapping.ts). After `maxConnectionFailures` connection failures in a row the import
// stops starting rows: those refused a connection and those never started are "not sent" (a rerun
// sends them), those that left without an answer are "in doubt" (a rerun settles them). Each row's
// change carries an Idempotency-Key, journalled before it leaves; an in-doubt row is sent again
// under the same key, a row never sent gets a new one.
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import type { ApioClient, DryRunAnswer } from './apio-client.js';
import { columnOf } from './csv-rows.js';
import { ApioHttpError, NetworkError } from './errors.js';
import type { CliIo } from './io.js';
import { writeLine } from './io.js';
import { ImportJournal } from './journal.js';
import { planImport } from './import-plan.js';
import type { ImportTask } from './import-plan.js';
import { createProgress } from './progress.js';
import type { RowOutcome } from './progress.js';
import { formatOf, readRows } from './read-rows.js';
import type { RowFormat } from './read-rows.js';
import type { RowProblem } from './row-problems.js';
import { createRowMapping, readMapFile } from './row-mapping.js';
import type { DroppableField, RowMapping } from './row-mapping.js';
import { runPool } from './run-pool.js';

/** Connection failures in a row after which an import stops starting rows (--max-connection-failures). */
export const DEFAULT_MAX_CONNECTION_FAILURES = 5;

export interface ImportOptions {
  file: string;
  tenantId: string;
  groupId: string;
  update: boolean;
  concurrency: number;
  dryRun: boolean;
  format?: string;
  /** Default: FILE.journal. */
  journal?: string;
  /** A map file (kind,from,to). */
  map?: string;
  drop?: DroppableField[];
  maxConnectionFailures?: number;
}

export interface ImportReport {
  rows: number;
  /** Rows that failed the checks before anything was sent. */
  invalid: RowProblem[];
  outcomes: RowOutcome[];
  interrupted: boolean;
  /** Set when the import stopped on connection failures: how many in a row. */
  stoppedAfterFailures?: number;
  /** Rows --map or --drop changed. */
  rewritten: number;
  journalPath?: string;
}

export async function runImport(client: ApioClient, options: ImportOptions, io: CliIo): Promise<ImportReport> {
  const file = resolve(io.cwd, options.file);
  const format = formatOf(file, options.format);
  const target = { tenantId: options.tenantId, groupId: options.groupId };
  const mapping = mappingOf(options, io);
  const { rows, problems, rewritten } = readRows(file, format, target, options.update, mapping);
  const maxFailures = options.maxConnectionFailures ?? DEFAULT_MAX_CONNECTION_FAILURES;
  const journal = options.dryRun ? undefined : ImportJournal.open(resolve(io.cwd, options.journal ?? `${options.file}.journal`), target);
  try {
    // One read of the group: what exists decides create, update or skip, and settles rows in doubt.
    const existing = new Set((await client.listInstances(target.tenantId, target.groupId)).map((item) => item.serviceUserId.toLowerCase()));
    const plan = planImport(rows, existing, journal, options.update);
    const outcomes: RowOutcome[] = [...plan.settled];
    warnUnknownActive(io, plan.tasks, options.dryRun);
    // Connection failures in a row; any answer from the gateway resets the count.
    let failuresInARow = 0;
    const stopped = () => failuresInARow >= maxFailures;
    const progress = createProgress(io, options.dryRun ? 'dry run' : 'import');
    progress.start(rows.length);
    for (const outcome of plan.settled) progress.row(outcome);
    try {
      await runPool(
        plan.tasks,
        options.concurrency,
        async (task) => {
          const outcome = await runTask(client, task, options, format, journal);
          failuresInARow = outcome.kind === 'in-doubt' || outcome.kind === 'not-sent' ? failuresInARow + 1 : 0;
          outcomes.push(outcome);
          progress.row(outcome);
        },
        () => io.interrupted?.aborted === true || stopped(),
      );
    } finally {
      progress.stop();
    }
    outcomes.sort((a, b) => a.line - b.line);
    return {
      rows: rows.length + new Set(problems.map((problem) => problem.line)).size,
      invalid: problems,
      outcomes,
      interrupted: io.interrupted?.aborted === true,
      ...(stopped() && { stoppedAfterFailures: maxFailures }),
      rewritten,
      ...(journal && { journalPath: journal.path }),
    };
  } finally {
    journal?.close();
  }
}

async function runTask(client: ApioClient, task: ImportTask, options: ImportOptions, format: RowFormat, journal: ImportJournal | undefined): Promise<RowOutcome> {
  const { row, action } = task;
  const id = typeof row.body.serviceUserId === 'string' ? row.body.serviceUserId : undefined;
  const { tenantId, groupId, dryRun } = options;
  // A dry run changes nothing, so it needs no key.
  const idempotencyKey = dryRun ? undefined : (task.idempotencyKey ?? randomUUID());
  if (idempotencyKey !== undefined) journal?.sending(row, action, id, idempotencyKey);
  const send = { dryRun, ...(idempotencyKey !== undefined && { idempotencyKey }) };
  try {
    if (action === 'create') {
      const answer = await client.createInstance(tenantId, groupId, row.body, send);
      if (isDryRun(answer)) return { line: row.line, kind: 'would-create', ...idOf(answer.serviceUserId ?? id), commands: commandsOf(answer) };
      journal?.done(row, 'create', answer.serviceUserId);
      return { line: row.line, kind: 'created', id: answer.serviceUserId };
    }
    // PUT takes neither a template nor a password (APIO applies templates on creation only).
    const { templateName: _template, serviceUserId: _id, ...body } = row.body;
    const { password: _password, ...profile } = (body.serviceInstanceProfile ?? {}) as Record<string, unknown>;
    const answer = await client.updateInstance(tenantId, groupId, id!, { ...body, serviceInstanceProfile: profile }, send);
    if (isDryRun(answer)) return { line: row.line, kind: 'would-update', ...idOf(id), commands: commandsOf(answer) };
    journal?.done(row, 'update', id);
    return { line: row.line, kind: 'updated', ...idOf(id) };
  } catch (error) {
    if (error instanceof NetworkError && !error.sent) {
      // Refused a connection: nothing reached the gateway, so the next run simply sends it.
      journal?.failed(row, 'not sent');
      return { line: row.line, kind: 'not-sent', ...idOf(id), reason: error.message };
    }
    if (error instanceof NetworkError || (error instanceof ApioHttpError && error.inDoubt)) {
      // No answer, or the gateway itself could not tell: it may have been applied. The journal keeps
      // the row in doubt with its key; the next run settles it against the group's list, or sends
      // it again under the same key, which the gateway resolves instead of applying twice.
      return { line: row.line, kind: 'in-doubt', ...idOf(id), reason: error.message };
    }
    const failure = describeFailure(error, format);
    journal?.failed(row, failure.reason);
    return { line: row.line, kind: 'failed', ...idOf(id), ...failure };
  }
}

/** The gateway's message, and the field when it named exactly one. */
function describeFailure(error: unknown, format: RowFormat): { reason: string; field?: string } {
  if (!(error instanceof ApioHttpError)) throw error;
  const name = (path: string) => (format === 'csv' ? columnOf(path) : path);
  const reason = `${error.reason ? `${error.reason}: ${error.message}` : error.message}${hintFor(error)}`;
  if (error.problems.length === 1) return { reason: error.problems[0]!.message, field: name(error.problems[0]!.path) };
  if (error.problems.length > 1) return { reason: error.problems.map((problem) => `${name(problem.path)}: ${problem.message}`).join('; ') };
  return { reason };
}

/**
 * BroadWorks keeps service user ids, aliases and DNs unique system-wide: 4200 (user exists) and
 * 4722 (DN in use) on a row the group does not hold mean it lives elsewhere in the system. The
 * code is read from BroadWorks' summary, which always starts "[Error NNNN]".
 */
const HINTS = new Map<number, string>([
  [4200, ' (exists elsewhere in the system: ids and aliases are unique system-wide; rewrite them with --map, kind id or domain, or leave aliases out with --drop)'],
  [4722, ' (exists elsewhere in the system: a number serves one user; rewrite it with --map, kind number, or leave it out with --drop)'],
  // 4712: the target group does not have the id's domain (a domain of the source system).
  [4712, ' (the domain is not the target group\'s: rewrite it with --map, kind domain)'],
]);

function hintFor(error: ApioHttpError): string {
  for (const summary of error.broadworks) {
    const hint = HINTS.get(Number(/^\[Error (\d+)\]/.exec(summary)?.[1]));
    if (hint) return hint;
  }
  return '';
}

/** Rows created without `active` come out active in BroadWorks: say so before sending them. */
function warnUnknownActive(io: CliIo, tasks: readonly ImportTask[], dryRun: boolean): void {
  const lines = tasks.filter((task) => task.action === 'create' && task.row.body.active === undefined).map((task) => task.row.line);
  if (lines.length === 0) return;
  const shown = lines.length > 10 ? `${lines.slice(0, 10).join(', ')}, …` : lines.join(', ');
  writeLine(
    io.stderr,
    `warning: ${lines.length} row(s) to ${dryRun ? 'check' : 'create'} have no \`active\` (lines ${shown}); BroadWorks creates them active. ` +
      'An export has no `active` when the source gateway does not return it (APIO setting SERVICE_USERS_RETURN_ACTIVE_STATUS off).',
  );
}

function mappingOf(options: ImportOptions, io: CliIo): RowMapping | undefined {
  if (options.map === undefined && (options.drop ?? []).length === 0) return undefined;
  const rules = options.map === undefined ? new Map() : readMapFile(resolve(io.cwd, options.map));
  return createRowMapping(rules, options.drop ?? []);
}

function isDryRun(answer: object): answer is DryRunAnswer {
  return (answer as { dryRun?: unknown }).dryRun === true;
}

function commandsOf(answer: DryRunAnswer): string[] {
  return answer.documents.flatMap((document) => document.commands);
}

function idOf(id: string | undefined): { id?: string } {
  return id === undefined ? {} : { id };
}
