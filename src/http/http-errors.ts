// Errors only the HTTP layer can give, in the APIO error shape with stable codes beside the
// domain's (src/domain/errors.ts): a URL without its trailing slash, a body that is not a JSON
// object, a rate limit, a route that does not exist; a body too large or of a refused media type,
// headers too large, a request that arrived too slowly; an Idempotency-Key in use or reused.
import type { ApioErrorDetails } from '../domain/errors.js';

export const HttpErrorCodes = {
  TRAILING_SLASH: 14,
  BAD_MEDIA_TYPE: 15,
  RATE_LIMITED: 23,
  ROUTE_NOT_FOUND: 24,
  PAYLOAD_TOO_LARGE: 25,
  UNSUPPORTED_MEDIA_TYPE: 26,
  HEADERS_TOO_LARGE: 27,
  IDEMPOTENCY_KEY_IN_USE: 28,
  IDEMPOTENCY_KEY_REUSED: 29,
  REQUEST_TIMEOUT: 30,
} as const;

export type HttpReason = keyof typeof HttpErrorCodes;

export class HttpError extends Error {
  override name = 'HttpError';
  readonly reason: HttpReason;
  readonly code: (typeof HttpErrorCodes)[HttpReason];
  readonly details: ApioErrorDetails = {};

  constructor(reason: HttpReason, message: string) {
    super(message);
    this.reason = reason;
    this.code = HttpErrorCodes[reason];
  }
}
