// The summary of an import: counts by outcome (rows in doubt apart from rows not sent), rows the
// map rewrote, then every failure with its line, field and reason, and where the journal is.
import { ExitCodes } from './exit-codes.js';
import type { ExitCode } from './exit-codes.js';
import type { ImportReport } from './import-command.js';
import type { CliIo } from './io.js';
import { writeLine } from './io.js';
import { describeOutcome } from './progress.js';
import type { RowOutcome } from './progress.js';
import { formatProblem } from './row-problems.js';

export function printImportReport(io: CliIo, report: ImportReport, dryRun: boolean): ExitCode {
  const count = (kind: RowOutcome['kind']) => report.outcomes.filter((outcome) => outcome.kind === kind).length;
  const problems = report.outcomes.filter((outcome) => outcome.kind === 'failed' || outcome.kind === 'in-doubt' || outcome.kind === 'not-sent');
  const invalid = new Set(report.invalid.map((problem) => problem.line)).size;
  const notStarted = report.rows - report.outcomes.length - invalid;
  const notSent = count('not-sent') + notStarted;
  const out = (text?: string) => writeLine(io.stdout, text);
  out();
  out(dryRun ? `Dry run of ${report.rows} rows (nothing was changed):` : `Import of ${report.rows} rows:`);
  const parts = dryRun
    ? [`would create ${count('would-create')}`, `would update ${count('would-update')}`]
    : [`created ${count('created')}`, `updated ${count('updated')}`, `done in an earlier run ${count('done-before')}`];
  parts.push(`skipped ${count('skipped')}`, `invalid ${invalid}`, `failed ${count('failed')}`, `in doubt ${count('in-doubt')}`, `not sent ${notSent}`);
  out(`  ${parts.join(', ')}`);
  if (report.rewritten > 0) out(`  rewritten by --map/--drop: ${report.rewritten} rows`);
  if (report.stoppedAfterFailures !== undefined) {
    out(`  stopped after ${report.stoppedAfterFailures} connection failures in a row: ${notStarted} rows not started`);
  } else if (report.interrupted) out(`  interrupted: ${notStarted} rows not started`);
  if (report.invalid.length > 0) {
    out('Invalid rows (not sent):');
    for (const problem of report.invalid) out(`  ${formatProblem(problem)}`);
  }
  if (problems.length > 0) {
    out('Failed rows:');
    for (const outcome of problems) out(`  ${describeOutcome(outcome)}`);
  }
  if (report.journalPath) {
    out(`Journal: ${report.journalPath} (run the same command again to resume: rows done are not sent again, rows in doubt are checked first)`);
  }
  if (report.interrupted) return ExitCodes.INTERRUPTED;
  if (report.stoppedAfterFailures !== undefined) return ExitCodes.NOT_RUN;
  return invalid > 0 || problems.length > 0 ? ExitCodes.ROWS_FAILED : ExitCodes.OK;
}
