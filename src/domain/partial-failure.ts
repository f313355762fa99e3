// A change made in several documents (BroadWorks has no transaction across them): when a step fails
// after others went through, the answer says exactly what was applied and what was not.
import { ApioError } from './errors.js';

/** Nothing applied yet: the step's own error. Something applied: PARTIALLY_APPLIED, naming both. */
export function partialFailure(error: ApioError, applied: readonly string[], notApplied: readonly string[], what: string): ApioError {
  if (applied.length === 0) return error;
  return new ApioError(
    'PARTIALLY_APPLIED',
    `${what}: ${applied.join(', ')} went through but ${notApplied.join(', ')} did not: ${error.message}`,
    { ...error.details, applied: [...applied], notApplied: [...notApplied] },
    { cause: error },
  );
}
