// The lab's errors: one class with a stable `reason`, in VoIPbin's error envelope (VOIPBIN.md §1.4).
// Unlike VoIPbin, which answers 500 to a bad ring method (§5), every bad input is a 400 that names
// the field, and an unknown id is a 404. The HTTP status is chosen from `status` in one table.

export type LabErrorStatus = 'INVALID_ARGUMENT' | 'NOT_FOUND' | 'FAILED_PRECONDITION' | 'INTERNAL';

export const HTTP_STATUS_OF: Readonly<Record<LabErrorStatus, number>> = {
  INVALID_ARGUMENT: 400,
  NOT_FOUND: 404,
  FAILED_PRECONDITION: 409,
  INTERNAL: 500,
};

export interface Problem {
  /** The JSON path of the bad value, e.g. `destinations[1].target`. */
  field: string;
  message: string;
}

export class LabError extends Error {
  override name = 'LabError';
  constructor(
    readonly status: LabErrorStatus,
    /** Stable, e.g. INVALID_ARGUMENT, GROUPCALL_NOT_FOUND, STATE_INVALID. */
    readonly reason: string,
    message: string,
    readonly details: Problem[] = [],
  ) {
    super(message);
  }
}

export function invalid(problems: Problem[]): LabError {
  const message = problems.map((p) => `${p.field}: ${p.message}`).join('; ');
  return new LabError('INVALID_ARGUMENT', 'INVALID_ARGUMENT', message, problems);
}

/** `resource` in upper snake case names the reason: GROUPCALL → GROUPCALL_NOT_FOUND. */
export function notFound(resource: string, id: string): LabError {
  const label = resource.toLowerCase().replaceAll('_', ' ');
  return new LabError('NOT_FOUND', `${resource}_NOT_FOUND`, `${label} ${id} not found`);
}

export function stateInvalid(message: string): LabError {
  return new LabError('FAILED_PRECONDITION', 'STATE_INVALID', message);
}

/** Collects every problem of one request, so the answer lists them all at once. */
export class Problems {
  readonly list: Problem[] = [];
  add(field: string, message: string): void {
    this.list.push({ field, message });
  }
  get empty(): boolean {
    return this.list.length === 0;
  }
  throwIfAny(): void {
    if (!this.empty) throw invalid(this.list);
  }
}
