// The Idempotency-Key middleware of the mutating routes (POST, PUT, DELETE and the bulk active PUT),
// after the guard (the key is scoped to the authenticated caller) and the body parser (the body's
// fingerprint). Without the header nothing changes. With it:
//   same key, same body, answer kept      → that answer again (Idempotent-Replayed: true), no OCI-P
//   same key, other body                  → 422 IDEMPOTENCY_KEY_REUSED
//   same key while the first still runs   → 409 IDEMPOTENCY_KEY_IN_USE (Retry-After: 1)
// An answer is kept when it is final: below 500, except 408 and 429 (nothing was done, retry).
// A 5xx — BroadWorks unreachable, or a change in doubt — is not kept: the retry runs again, and a
// create resolves what happened by reading back, with the same generated id (the memo).
import type { Request, RequestHandler } from 'express';
import { credentialKey } from '../../auth/index.js';
import { ApioError } from '../../domain/errors.js';
import { HttpError } from '../http-errors.js';
import { principalOf } from '../auth-guard.js';
import { IDEMPOTENCY_HEADER, parseIdempotencyKey } from './idempotency-key.js';
import { fingerprintOf, idempotencyScope } from './idempotency-records.js';
import type { IdempotencyMemo, IdempotencyRecords } from './idempotency-records.js';

export const REPLAYED_HEADER = 'Idempotent-Replayed';

const memos = new WeakMap<object, IdempotencyMemo>();

/** The memo of a request sent with an Idempotency-Key, for the use case; undefined without one. */
export function idempotencyMemoOf(request: Request): IdempotencyMemo | undefined {
  return memos.get(request);
}

function isFinal(status: number): boolean {
  return status < 500 && status !== 408 && status !== 429;
}

export function idempotent(records: IdempotencyRecords, onError: (error: unknown) => void = () => undefined): RequestHandler {
  return async (request, response, next) => {
    const parsed = parseIdempotencyKey(request.headers['idempotency-key']);
    if (!parsed.ok) {
      throw new ApioError('VALIDATION', `invalid ${IDEMPOTENCY_HEADER} header: ${parsed.problem}`, {
        problems: [{ path: IDEMPOTENCY_HEADER, message: parsed.problem }],
      });
    }
    const principal = principalOf(request);
    if (parsed.key === undefined || !principal) return next();
    const scope = idempotencyScope(credentialKey(principal), request.method, request.originalUrl, parsed.key);
    const fingerprint = fingerprintOf(request.body);
    const begun = await records.begin(scope, fingerprint);
    if (begun.kind === 'replay') {
      response.setHeader(REPLAYED_HEADER, 'true');
      response.status(begun.outcome.status).json(begun.outcome.body);
      return;
    }
    if (begun.kind === 'other-body') {
      throw new HttpError('IDEMPOTENCY_KEY_REUSED', `this ${IDEMPOTENCY_HEADER} was used for another request body; use a new key for a new request`);
    }
    if (begun.kind === 'running') {
      response.setHeader('Retry-After', '1');
      throw new HttpError('IDEMPOTENCY_KEY_IN_USE', `a request with this ${IDEMPOTENCY_HEADER} is still running; retry once it has answered`);
    }
    memos.set(request, records.memo(scope));
    // The outcome is written before the answer goes out, so a retry that follows it finds it.
    const json = response.json.bind(response);
    let settled = false;
    response.json = (body: unknown) => {
      if (settled) return json(body);
      settled = true;
      const status = response.statusCode;
      records
        .finish(scope, isFinal(status) ? { fingerprint, status, body } : undefined)
        .catch(onError)
        .finally(() => json(body));
      return response;
    };
    next();
  };
}
