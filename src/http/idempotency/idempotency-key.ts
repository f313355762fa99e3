// The Idempotency-Key request header (IETF httpapi draft "The Idempotency-Key HTTP Header Field"):
// an Item Structured Header whose value is a String, e.g. `Idempotency-Key: "8e03978e-40d5-43e8"`.
// Clients also send it bare (`Idempotency-Key: 8e03978e-40d5-43e8`), so a bare token is taken too.
// Anything else (empty, parameters, a list, over 255 characters) is a 400 naming the header.

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
const MAX_KEY_LENGTH = 255;

/** sf-string (RFC 8941 §3.3.3): printable ASCII in quotes; `"` and `\` escaped with a backslash. */
const SF_STRING = /^"((?:[\x20\x21\x23-\x5B\x5D-\x7E]|\\["\\])*)"$/;
/** A bare key: RFC 9110 tchar, plus ':' and '/' as sf-token allows (UUIDs, ULIDs, base64url). */
const BARE = /^[!#$%&'*+\-.^_`|~0-9A-Za-z:/]+$/;

export type KeyParse = { ok: true; key: string | undefined } | { ok: false; problem: string };

/** The key of a request (undefined when the header is absent), or what is wrong with the header. */
export function parseIdempotencyKey(header: string | string[] | undefined): KeyParse {
  if (header === undefined) return { ok: true, key: undefined };
  if (Array.isArray(header)) return { ok: false, problem: 'send one Idempotency-Key header, not several' };
  const text = header.trim();
  const quoted = SF_STRING.exec(text);
  const key = quoted ? quoted[1]!.replace(/\\(["\\])/g, '$1') : BARE.test(text) ? text : undefined;
  if (key === undefined) return { ok: false, problem: 'must be a quoted string ("…", printable ASCII) or a bare token' };
  if (key.length === 0) return { ok: false, problem: 'must not be empty' };
  if (key.length > MAX_KEY_LENGTH) return { ok: false, problem: `must be at most ${MAX_KEY_LENGTH} characters` };
  return { ok: true, key };
}

/** The documented header of every mutating route (openapi.ts). */
export const idempotencyKeyParameter = {
  name: IDEMPOTENCY_HEADER,
  in: 'header',
  required: false,
  schema: { type: 'string', minLength: 1, maxLength: MAX_KEY_LENGTH + 2 },
  example: '"8e03978e-40d5-43e8-bc93-6894a57f9324"',
  description:
    'IETF httpapi draft "The Idempotency-Key HTTP Header Field": a quoted string (or a bare token), unique per intended change. ' +
    'The answer is kept 24 h for this caller, method, path and key: a retry with the same body gets it again without a change to BroadWorks ' +
    '(header Idempotent-Replayed: true); another body gets 422; a retry while the first runs gets 409. A 5xx is not kept: retry with the same key, ' +
    'and a create whose answer was lost is resolved by reading back, with the same generated id. See docs/retries-and-security.md.',
};
