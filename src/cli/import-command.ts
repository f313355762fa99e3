// `apio-igc import FILE`: read and check every row, settle what the journal and the group's list
// already say, then create (or, with --update, update) the rest, N at a time, with progress, and a
// summary listing every failure. With --dry-run each row goes to the gateway with ?dry_run=true:
// checked there too, nothing changed, and no journal written.
import { resolve } from 'node:path';
import type { ApioClient, DryRunAnswer } from './apio-client.js';
import { columnOf } from './csv-rows.js';
import { ApioHttpError, CliError, CliErrorCodes } from './errors.js';
import type { CliIo } from './io.js';
import { ImportJournal } from './journal.js';
import { planImport } from './import-plan.js';
import type { ImportTask } from './import-plan.js';
import { createProgress } from './progress.js';
import type { RowOutcome } from './progress.js';
import { formatOf, readRows } from './read-rows.js';
import type { RowFormat } from './read-rows.js';
import type { RowProblem } from './row-problems.js';
import { runPool } from './run-pool.js';

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
}

export interface ImportReport {
  rows: number;
  /** Rows that failed the checks before anything was sent. */
  invalid: RowProblem[];
  outcomes: RowOutcome[];
  interrupted: boolean;
  journalPath?: string;
}

export async function runImport(client: ApioClient, options: ImportOptions, io: CliIo): Promise<ImportReport> {
  const file = resolve(io.cwd, options.file);
  const format = formatOf(file, options.format);
  const target = { tenantId: options.tenantId, groupId: options.groupId };
  const { rows, problems } = readRows(file, format, target, options.update);
  const journal = options.dryRun ? undefined : ImportJournal.open(resolve(io.cwd, options.journal ?? `${options.file}.journal`), target);
  try {
    // One read of the group: what exists decides create, update or skip, and settles rows in doubt.
    const existing = new Set((await client.listInstances(target.tenantId, target.groupId)).map((item) => item.serviceUserId.toLowerCase()));
    const plan = planImport(rows, existing, journal, options.update);
    const outcomes: RowOutcome[] = [...plan.settled];
    const progress = createProgress(io, options.dryRun ? 'dry run' : 'import');
    progress.start(rows.length);
    for (const outcome of plan.settled) progress.row(outcome);
    try {
      await runPool(
        plan.tasks,
        options.concurrency,
        async (task) => {
          const outcome = await runTask(client, task, options, format, journal);
          outcomes.push(outcome);
          progress.row(outcome);
        },
        () => io.interrupted?.aborted === true,
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
  journal?.sending(row, action, id);
  try {
    if (action === 'create') {
      const answer = await client.createInstance(tenantId, groupId, row.body, dryRun);
      if (isDryRun(answer)) return { line: row.line, kind: 'would-create', ...idOf(answer.serviceUserId ?? id), commands: commandsOf(answer) };
      journal?.done(row, 'create', answer.serviceUserId);
      return { line: row.line, kind: 'created', id: answer.serviceUserId };
    }
    // PUT takes neither a template nor a password (APIO applies templates on creation only).
    const { templateName: _template, serviceUserId: _id, ...body } = row.body;
    const { password: _password, ...profile } = (body.serviceInstanceProfile ?? {}) as Record<string, unknown>;
    const answer = await client.updateInstance(tenantId, groupId, id!, { ...body, serviceInstanceProfile: profile }, dryRun);
    if (isDryRun(answer)) return { line: row.line, kind: 'would-update', ...idOf(id), commands: commandsOf(answer) };
    journal?.done(row, 'update', id);
    return { line: row.line, kind: 'updated', ...idOf(id) };
  } catch (error) {
    if (error instanceof CliError && error.code === CliErrorCodes.NETWORK) {
      // No answer: the gateway may have applied it. The journal keeps the row in doubt, and the
      // next run settles it against the group's list instead of sending it again blindly.
      return { line: row.line, kind: 'failed', ...idOf(id), reason: `in doubt, no answer: ${error.message}` };
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
  const reason = error.reason ? `${error.reason}: ${error.message}` : error.message;
  if (error.problems.length === 1) return { reason: error.problems[0]!.message, field: name(error.problems[0]!.path) };
  if (error.problems.length > 1) return { reason: error.problems.map((problem) => `${name(problem.path)}: ${problem.message}`).join('; ') };
  return { reason };
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
