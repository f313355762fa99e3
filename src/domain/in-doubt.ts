// A change whose answer was lost: the document may or may not have been applied. OCI-P has no
// request ids, so the only way to know is to read back, on another session, what the change would
// have left. This file says which OCI-P failures leave a change in doubt and how to say so when the
// read-back cannot settle it (details.inDoubt with what to check); the use cases do the reading.
import type { BatchItem, CommandResult, OcipGateway } from '../ocip/client.js';
import { OcipError, OcipErrorCodes } from '../ocip/errors.js';
import { toApioError } from './broadworks-errors.js';
import { ApioError } from './errors.js';

/**
 * Failures after the document was written: the connection closed or BroadWorks ended the session
 * before the answer, no answer in time, or an answer that could not be read. The others — no
 * connection, no login, no free session, an encoding refusal, work queued on a session that had
 * already ended — happen before a byte of the document is sent.
 */
const AFTER_WRITE: ReadonlySet<string> = new Set([
  OcipErrorCodes.SOCKET_CLOSED,
  OcipErrorCodes.SERVER_LOGOUT,
  OcipErrorCodes.REQUEST_TIMEOUT,
  OcipErrorCodes.PROTOCOL,
  OcipErrorCodes.TRANSPORT,
]);

/** True when `error` (thrown by a send) leaves the document's changes in doubt. */
export function mayHaveApplied(error: unknown): boolean {
  const cause = error instanceof ApioError ? error.cause : error;
  return cause instanceof OcipError && AFTER_WRITE.has(cause.code);
}

/** True when BroadWorks may still be working on the document (a timeout), so "not there yet" proves nothing. */
export function mayStillApply(error: unknown): boolean {
  const cause = error instanceof ApioError ? error.cause : error;
  return cause instanceof OcipError && cause.code === OcipErrorCodes.REQUEST_TIMEOUT;
}

/** The 502/504 of a change that may have been applied, with what the client should check. */
export function inDoubtError(error: unknown, what: string, check: string): ApioError {
  const failure = toApioError(error, what);
  return new ApioError(failure.reason, `${failure.message}; the change may have been applied: ${check}`, { ...failure.details, inDoubt: { check } }, { cause: error });
}

/** The failure of a change that the read-back shows was not applied: safe to send again. */
export function notAppliedError(error: unknown, what: string, outcome: string): ApioError {
  const failure = toApioError(error, what);
  return new ApioError(failure.reason, `${failure.message}; ${outcome}: a retry is safe`, failure.details, { cause: error });
}

/** One document that changes something: a lost answer is a 502/504 in doubt, naming what to check. */
export async function sendChange(ocip: OcipGateway, commands: readonly BatchItem[], what: string, check: string): Promise<CommandResult<unknown>[]> {
  try {
    return await ocip.executeBatch(commands);
  } catch (error) {
    throw mayHaveApplied(error) ? inDoubtError(error, what, check) : toApioError(error, what);
  }
}

/** Values that must not be drawn twice for one Idempotency-Key (a generated service user id). */
export interface IdMemo {
  recall(name: string): Promise<string | undefined>;
  remember(name: string, value: string): Promise<void>;
}
