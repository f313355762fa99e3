// `?dry_run=true` on a change route: the use case runs on a recording gateway (domain/dry-run)
// and the answer is the OCI-P documents it would send, instead of its result. Validation, id and
// number derivation and their errors are the real ones; nothing that changes BroadWorks is sent.
import type { Request } from 'express';
import { validationError } from '../domain/errors.js';

/** The documented query parameter of every mutating route (openapi.ts). */
export const dryRunParameter = {
  name: 'dry_run',
  in: 'query',
  required: false,
  schema: { type: 'boolean', default: false },
  description:
    'true: validate, derive ids and numbers, and answer the OCI-P documents that would be sent (passwords masked) — nothing is changed. ' +
    'Read-only commands (group data, existence checks) are still sent.',
};

/** Reads ?dry_run; anything but true/false (or 1/0) is a 400 naming the parameter. */
export function dryRunRequested(request: Request): boolean {
  const raw = request.query.dry_run;
  if (raw === undefined) return false;
  const value = Array.isArray(raw) ? raw[raw.length - 1] : raw;
  if (typeof value === 'string' && /^(true|1)$/i.test(value)) return true;
  if (typeof value === 'string' && /^(false|0)$/i.test(value)) return false;
  throw validationError([{ path: 'dry_run', message: 'must be true or false' }]);
}
