// The APIO error body and the one place an error becomes an HTTP status.
// Shape read by every Netaxis client: errors[0].message, errors[0].details.reason,
// errors[0].details.errors["0"].summary (an object keyed by index, holding BroadWorks summaries).
import { ApioError } from '../domain/errors.js';
import type { ApioReason } from '../domain/errors.js';
import { HttpError } from './http-errors.js';
import type { HttpReason } from './http-errors.js';

const STATUS: Record<ApioReason | HttpReason, number> = {
  INTERNAL: 500,
  VALIDATION: 400,
  ALREADY_EXISTS: 400,
  NOT_FOUND: 404,
  BROADWORKS_REJECTED: 400,
  TRAILING_SLASH: 400,
  BAD_MEDIA_TYPE: 416,
  BROADWORKS_UNREACHABLE: 502,
  BROADWORKS_TIMEOUT: 504,
  // APIO's 207 Multi-Status: the operation "has only partially succeeded" (details.applied / notApplied).
  PARTIALLY_APPLIED: 207,
  UNKNOWN_TEMPLATE: 400,
  ID_GENERATION_FAILED: 500,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  RATE_LIMITED: 429,
  ROUTE_NOT_FOUND: 404,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  HEADERS_TOO_LARGE: 431,
  IDEMPOTENCY_KEY_IN_USE: 409,
  IDEMPOTENCY_KEY_REUSED: 422,
  REQUEST_TIMEOUT: 408,
  STORE_UNAVAILABLE: 503,
};

export interface ErrorAnswer {
  status: number;
  body: {
    errors: Array<{
      code: number;
      message: string;
      details: { reason: string; errors: Record<string, { summary: string }>; [key: string]: unknown };
    }>;
  };
}

/** Unknown errors become a 500 that says nothing of the internals (no stack, no message). */
export function toErrorAnswer(error: unknown): ErrorAnswer {
  const apio = isApioShaped(error) ? error : (fromFramework(error) ?? new ApioError('INTERNAL', 'internal error'));
  const { problems, broadworks, applied, notApplied, inDoubt } = apio.details;
  const summaries = broadworks ?? problems?.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)) ?? [];
  return {
    status: STATUS[apio.reason],
    body: {
      errors: [
        {
          code: apio.code,
          message: apio.message,
          details: {
            reason: apio.reason,
            errors: Object.fromEntries(summaries.map((summary, index) => [String(index), { summary }])),
            ...(problems && { problems }),
            ...(applied && { applied }),
            ...(notApplied && { notApplied }),
            ...(inDoubt && { inDoubt: true, check: inDoubt.check }),
          },
        },
      ],
    },
  };
}


/** An error that carries its own APIO reason and code (the domain's, or one only HTTP gives). */
export function isApioShaped(error: unknown): error is ApioError | HttpError {
  return error instanceof ApioError || error instanceof HttpError;
}

/**
 * What Express and its parsers throw for bad client input, in the APIO vocabulary: the router's
 * URIError for a path segment that is not valid percent-encoding (`%`, `%zz`, `%C0%AE`), and the
 * http-errors of body-parser (413 entity.too.large, 400 for an aborted or badly encoded body).
 */
function fromFramework(error: unknown): ApioError | HttpError | undefined {
  if (error instanceof URIError) {
    return new ApioError('VALIDATION', 'the URL is not valid percent-encoding', { problems: [{ path: 'url', message: 'malformed percent-encoding' }] });
  }
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status !== 'number' || status < 400 || status >= 500) return undefined;
  if (status === 413) return new HttpError('PAYLOAD_TOO_LARGE', 'the body is too large');
  if (status === 415) return new HttpError('UNSUPPORTED_MEDIA_TYPE', 'the body\'s content encoding or charset is not supported');
  return new ApioError('VALIDATION', `bad request: ${(error as { type?: string }).type ?? 'malformed request'}`);
}
