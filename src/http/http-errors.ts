// Errors only the HTTP layer can give, in the APIO error shape with stable codes beside the
// domain's (src/domain/errors.ts): a URL without its trailing slash, a body that is not a JSON
// object, a rate limit, a route that does not exist.
import type { ApioErrorDetails } from '../domain/errors.js';

export const HttpErrorCodes = {
  TRAILING_SLASH: 14,
  BAD_MEDIA_TYPE: 15,
  RATE_LIMITED: 23,
  ROUTE_NOT_FOUND: 24,
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
