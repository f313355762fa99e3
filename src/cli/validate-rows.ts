// Checks every row before anything is sent, with the same zod schemas the adapter validates with
// (src/services/instant-group-call/schemas.ts): a bad row is reported with its line and field, and
// the others go on. With --update a row may name only what changes, so only its shape is checked
// (a row that turns out to be a create is then checked by the gateway, and reported the same way).
import { ApioError } from '../domain/errors.js';
import { createInstanceSchema, createInstanceShape } from '../services/instant-group-call/schemas.js';
import { validate } from '../domain/validate.js';
import type { RowProblem, SourceRow } from './row-problems.js';

export function validateRows(
  rows: readonly SourceRow[],
  options: { update: boolean; fieldName?: (path: string) => string },
): { valid: SourceRow[]; problems: RowProblem[] } {
  const valid: SourceRow[] = [];
  const problems: RowProblem[] = [];
  const firstLineOfId = new Map<string, number>();
  const fieldName = options.fieldName ?? ((path: string) => path);
  for (const row of rows) {
    const rowProblems: RowProblem[] = [];
    const templated = typeof row.body.templateName === 'string';
    // Templates fill missing fields on the gateway, so a templated row is checked for shape only.
    const schema = options.update || templated ? createInstanceShape : createInstanceSchema;
    try {
      validate(schema, row.body);
    } catch (error) {
      if (!(error instanceof ApioError)) throw error;
      for (const problem of error.details.problems ?? []) rowProblems.push({ line: row.line, field: fieldName(problem.path), message: problem.message });
    }
    const id = typeof row.body.serviceUserId === 'string' ? row.body.serviceUserId.toLowerCase() : undefined;
    if (id !== undefined) {
      const first = firstLineOfId.get(id);
      if (first !== undefined) rowProblems.push({ line: row.line, field: fieldName('serviceUserId'), message: `the same id as line ${first}` });
      else firstLineOfId.set(id, row.line);
    }
    if (rowProblems.length > 0) problems.push(...rowProblems);
    else valid.push(row);
  }
  return { valid, problems };
}
