// Reads an import file into rows and their problems: the format from --format or the file's
// extension, then the shared validation (validate-rows.ts) with fields named as the file names them.
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { columnOf, parseCsvRows } from './csv-rows.js';
import { CliError, CliErrorCodes } from './errors.js';
import { parseJsonRows } from './json-rows.js';
import { rewriteBody } from './row-mapping.js';
import type { RowMapping } from './row-mapping.js';
import type { RowProblem, SourceRow } from './row-problems.js';
import { validateRows } from './validate-rows.js';

export type RowFormat = 'csv' | 'json';

export function formatOf(path: string, explicit: string | undefined): RowFormat {
  if (explicit !== undefined) {
    if (explicit !== 'csv' && explicit !== 'json') throw new CliError(CliErrorCodes.USAGE, `--format is csv or json, not ${explicit}`);
    return explicit;
  }
  const extension = extname(path).toLowerCase();
  if (extension === '.csv') return 'csv';
  if (['.json', '.jsonl', '.ndjson'].includes(extension)) return 'json';
  throw new CliError(CliErrorCodes.USAGE, `cannot tell the format of ${path} from its extension: pass --format csv or --format json`);
}

export interface ReadRows {
  /** Rows that passed every check, in file order. */
  rows: SourceRow[];
  /** Every problem of every other row, in line order. */
  problems: RowProblem[];
  /** Rows --map or --drop changed. */
  rewritten: number;
}

export function readRows(
  path: string,
  format: RowFormat,
  target: { tenantId: string; groupId: string },
  update: boolean,
  mapping?: RowMapping,
): ReadRows {
  let content: string;
  try {
    content = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CliError(CliErrorCodes.FILE, `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const parsed = format === 'csv' ? parseCsvRows(content, target) : parseJsonRows(content, target);
  // Rewritten before the checks: the row validated, journaled and sent is the rewritten one.
  let rewritten = 0;
  if (mapping) {
    parsed.rows = parsed.rows.map((row) => {
      const body = rewriteBody(row.body, mapping);
      if (JSON.stringify(body) !== JSON.stringify(row.body)) rewritten++;
      return { line: row.line, body };
    });
  }
  const checked = validateRows(parsed.rows, { update, ...(format === 'csv' && { fieldName: columnOf }) });
  // A cell that could not be read was left out of its row; the schema's "required" for it adds nothing.
  const unreadable = new Set(parsed.problems.map((problem) => `${problem.line}:${problem.field}`));
  const problems = [...parsed.problems, ...checked.problems.filter((problem) => !unreadable.has(`${problem.line}:${problem.field}`))].sort(
    (a, b) => a.line - b.line,
  );
  const badLines = new Set(problems.map((problem) => problem.line));
  return { rows: checked.valid.filter((row) => !badLines.has(row.line)), problems, rewritten };
}
