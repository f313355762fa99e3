// The CLI's errors, each with a stable `code`: callers and tests match on it, never on the text.
// None carries a password or token; an HTTP failure keeps the APIO reason and problems it answered.

export const CliErrorCodes = {
  /** Bad arguments or options (exit 2). */
  USAGE: 'USAGE',
  /** No or incomplete credentials, or a login the gateway refused (exit 2). */
  CREDENTIALS: 'CREDENTIALS',
  /** The rows file cannot be read or parsed as a whole (exit 2). */
  FILE: 'FILE',
  /** The journal belongs to another import, or cannot be written (exit 2). */
  JOURNAL: 'JOURNAL',
  /** The gateway answered an error (APIO shape when it could be read). */
  HTTP: 'HTTP',
  /** The gateway could not be reached, or did not answer in time. */
  NETWORK: 'NETWORK',
} as const;

export type CliErrorCode = (typeof CliErrorCodes)[keyof typeof CliErrorCodes];

export class CliError extends Error {
  override name = 'CliError';
  constructor(
    readonly code: CliErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * The gateway could not be reached or did not answer. `sent` is false when the connection itself
 * was refused (nothing left this process, so nothing was applied): such a row is "not sent", while
 * a request that left and got no answer is "in doubt".
 */
export class NetworkError extends CliError {
  override name = 'NetworkError';
  constructor(
    message: string,
    readonly sent: boolean,
    options?: { cause?: unknown },
  ) {
    super(CliErrorCodes.NETWORK, message, options);
  }
}

/** One problem of an APIO validation answer (details.problems). */
export interface ApioProblem {
  path: string;
  message: string;
}

/** An APIO error answer: the HTTP status, and the APIO code, reason and problems when present. */
export class ApioHttpError extends CliError {
  override name = 'ApioHttpError';
  constructor(
    readonly status: number,
    readonly apioCode: number | undefined,
    readonly reason: string | undefined,
    message: string,
    readonly problems: readonly ApioProblem[] = [],
    /** The summaries under details.errors, e.g. BroadWorks' "[Error 4200] User already exists". */
    readonly broadworks: readonly string[] = [],
    /** details.inDoubt: the gateway could not tell whether the change was applied. */
    readonly inDoubt = false,
  ) {
    super(CliErrorCodes.HTTP, message);
  }
}
