// Domain errors with stable APIO numeric codes. The HTTP layer alone turns a code into a status.
// APIO publishes only 11 (ALREADY_EXISTS) and 42; the rest are this adapter's, kept stable.
// Reasons only HTTP can give (14, 15, 23, 24) live in src/http/http-errors.ts.

export const ApioErrorCodes = {
  INTERNAL: 1,
  VALIDATION: 10,
  ALREADY_EXISTS: 11,
  NOT_FOUND: 12,
  BROADWORKS_REJECTED: 13,
  BROADWORKS_UNREACHABLE: 16,
  BROADWORKS_TIMEOUT: 17,
  PARTIALLY_APPLIED: 18,
  UNKNOWN_TEMPLATE: 19,
  ID_GENERATION_FAILED: 20,
  UNAUTHENTICATED: 21,
  FORBIDDEN: 22,
  STORE_UNAVAILABLE: 31,
} as const;

export type ApioErrorCode = (typeof ApioErrorCodes)[keyof typeof ApioErrorCodes];
export type ApioReason = keyof typeof ApioErrorCodes;

export interface Problem {
  /** JSON path of the offending field, e.g. "serviceInstanceProfile.phoneNumber". */
  path: string;
  message: string;
}

export interface ApioErrorDetails {
  problems?: Problem[];
  /** BroadWorks ErrorResponse summaries, in order. */
  broadworks?: string[];
  /** For a change that went part-way: what was applied and what was not. */
  applied?: string[];
  notApplied?: string[];
  /** The change may or may not have been applied (its answer was lost), and what to check. */
  inDoubt?: { check: string };
}

export class ApioError extends Error {
  override name = 'ApioError';
  readonly reason: ApioReason;
  readonly code: ApioErrorCode;

  constructor(
    reason: ApioReason,
    message: string,
    readonly details: ApioErrorDetails = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.reason = reason;
    this.code = ApioErrorCodes[reason];
  }
}

export function validationError(problems: Problem[]): ApioError {
  const summary = problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; ');
  return new ApioError('VALIDATION', `invalid request: ${summary}`, { problems });
}
