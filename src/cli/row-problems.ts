// A row of an import file and what is wrong with it. Every problem carries the row's line in the
// file and the field (CSV column or JSON path), so a migration script's user can fix the file.

/** One row, as the APIO body it becomes, with the line it starts on. */
export interface SourceRow {
  line: number;
  body: Record<string, unknown>;
}

export interface RowProblem {
  line: number;
  /** The CSV column or JSON path; empty for a problem of the whole row. */
  field: string;
  message: string;
}

export function formatProblem(problem: RowProblem): string {
  return `line ${problem.line}${problem.field ? `, field ${problem.field}` : ''}: ${problem.message}`;
}
