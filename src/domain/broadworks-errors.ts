// Turns OCI-P failures into APIO errors: BroadWorks codes that mean "not found" or "exists"
// become 404 / ALREADY_EXISTS; an unreachable or slow BroadWorks becomes 502 / 504.
import { OcipError, OcipErrorCodes, OcipErrorResponseError } from '../ocip/errors.js';
import { ApioError } from './errors.js';

/** 4008 user, 4152 group (captured codes); 4701 service provider (the simulator's own). */
const NOT_FOUND_CODES = new Set([4008, 4152, 4701]);
/** 4200 user already exists. */
const EXISTS_CODES = new Set([4200]);

const UNREACHABLE: ReadonlySet<string> = new Set([
  OcipErrorCodes.CONNECT_FAILED,
  OcipErrorCodes.CONNECT_TIMEOUT,
  OcipErrorCodes.SOCKET_CLOSED,
  OcipErrorCodes.SERVER_LOGOUT,
  OcipErrorCodes.SESSION_CLOSED,
  OcipErrorCodes.LOGIN_FAILED,
  OcipErrorCodes.TRANSPORT,
  OcipErrorCodes.POOL_CLOSED,
  OcipErrorCodes.PROTOCOL,
]);
const TIMED_OUT: ReadonlySet<string> = new Set([OcipErrorCodes.REQUEST_TIMEOUT, OcipErrorCodes.ACQUIRE_TIMEOUT]);

export function isNotFound(error: unknown): boolean {
  return error instanceof OcipErrorResponseError && error.errorCode !== undefined && NOT_FOUND_CODES.has(error.errorCode);
}

export function isAlreadyExists(error: unknown): boolean {
  return error instanceof OcipErrorResponseError && error.errorCode !== undefined && EXISTS_CODES.has(error.errorCode);
}

/**
 * `what` says what was being done, e.g. "creating the instant group call". Anything unplanned
 * becomes an INTERNAL error (a 500 that shows nothing of it) with the original as its cause.
 */
export function toApioError(error: unknown, what: string): ApioError {
  if (error instanceof ApioError) return error;
  if (error instanceof OcipErrorResponseError) {
    const broadworks = [error.summary];
    if (isNotFound(error)) return new ApioError('NOT_FOUND', `${what}: ${error.summaryEnglish}`, { broadworks }, { cause: error });
    if (isAlreadyExists(error)) return new ApioError('ALREADY_EXISTS', `${what}: ${error.summaryEnglish}`, { broadworks }, { cause: error });
    return new ApioError('BROADWORKS_REJECTED', `${what}: ${error.summaryEnglish}`, { broadworks }, { cause: error });
  }
  if (error instanceof OcipError) {
    if (TIMED_OUT.has(error.code)) return new ApioError('BROADWORKS_TIMEOUT', `${what}: BroadWorks did not answer in time`, {}, { cause: error });
    if (UNREACHABLE.has(error.code)) return new ApioError('BROADWORKS_UNREACHABLE', `${what}: BroadWorks is unreachable`, {}, { cause: error });
  }
  return new ApioError('INTERNAL', 'internal error', {}, { cause: error });
}
