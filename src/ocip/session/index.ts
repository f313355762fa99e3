// OCI-P sessions: one logged-in connection each, with a FIFO queue and order-matched answers.
export { Session, DEFAULT_REQUEST_TIMEOUT_MS } from './session.js';
export type { IgnoredElementsEvent, SessionOptions, TraceEvent } from './session.js';
export type { LoginInfo, LoginMethod } from './login.js';
export { toErrorResponseError } from './error-response.js';
export type { ErrorResponseFields } from './error-response.js';
export { maskPasswords } from './password-mask.js';
export { ReleaseMemo } from './release.js';
export type { ReleaseSetting } from './release.js';
