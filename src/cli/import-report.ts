// The summary of an import: counts by outcome, then every failure with its line, field and reason,
// and where the journal is. Its exit status: 0 all rows fine, 1 any row failed, 130 interrupted.
import type { ImportReport } from './import-command.js';
import type { CliIo } from './io.js';
import { writeLine } from './io.js';
import { describeOutcome } from './progress.js';
import type { RowOutcome } from './progress.js';
import { formatProblem } from './row-problems.js';

export const EXIT_OK = 0;
export const EXIT_ROWS_FAILED = 1;
export const EXIT_INTERRUPTED = 130;

export function printImportReport(io: CliIo, report: ImportReport, dryRun: boolean): number {
  const count = (kind: RowOutcome['kind']) => report.outcomes.filter((outcome) => outcome.kind === kind).length;
  const failed = report.outcomes.filter((outcome) => outcome.kind === 'failed');
  const out = (text?: string) => writeLine(io.stdout, text);
  out();
  out(dryRun ? `Dry run of ${report.rows} rows (nothing was changed):` : `Import of ${report.rows} rows:`);
  const parts = dryRun
    ? [`would create ${count('would-create')}`, `would update ${count('would-update')}`]
    : [`created ${count('created')}`, `updated ${count('updated')}`, `done in an earlier run ${count('done-before')}`];
  parts.push(`skipped ${count('skipped')}`, `invalid ${new Set(report.invalid.map((problem) => problem.line)).size}`, `failed ${failed.length}`);
  out(`  ${parts.join(', ')}`);
  const notStarted = report.rows - report.outcomes.length - new Set(report.invalid.map((problem) => problem.line)).size;
  if (report.interrupted) out(`  interrupted: ${notStarted} rows not started`);
  if (report.invalid.length > 0) {
    out('Invalid rows (not sent):');
    for (const problem of report.invalid) out(`  ${formatProblem(problem)}`);
  }
  if (failed.length > 0) {
    out('Failed rows:');
    for (const outcome of failed) out(`  ${describeOutcome(outcome)}`);
  }
  if (report.journalPath) out(`Journal: ${report.journalPath} (run the same command again to resume; rows done are not sent again)`);
  if (report.interrupted) return EXIT_INTERRUPTED;
  return report.invalid.length > 0 || failed.length > 0 ? EXIT_ROWS_FAILED : EXIT_OK;
}
