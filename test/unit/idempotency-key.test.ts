// The Idempotency-Key header's two forms (the draft's quoted sf-string, a bare token) and what is
// refused; and the body fingerprint that decides "same request" (key order does not count).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseIdempotencyKey } from '../../src/http/idempotency/idempotency-key.js';
import { fingerprintOf, idempotencyScope } from '../../src/http/idempotency/idempotency-records.js';

test('quoted and bare forms; escapes inside the quotes; absent is no key', () => {
  assert.deepEqual(parseIdempotencyKey('"8e03978e-40d5-43e8-bc93-6894a57f9324"'), { ok: true, key: '8e03978e-40d5-43e8-bc93-6894a57f9324' });
  assert.deepEqual(parseIdempotencyKey('8e03978e-40d5-43e8-bc93-6894a57f9324'), { ok: true, key: '8e03978e-40d5-43e8-bc93-6894a57f9324' });
  assert.deepEqual(parseIdempotencyKey('"a \\"quoted\\" \\\\ key"'), { ok: true, key: 'a "quoted" \\ key' });
  assert.deepEqual(parseIdempotencyKey('  row-17:import/2026  '), { ok: true, key: 'row-17:import/2026' });
  assert.deepEqual(parseIdempotencyKey(undefined), { ok: true, key: undefined });
});

test('refused: empty, a list, parameters, white space or non-ASCII in a bare key, a stray quote, over 255, repeated', () => {
  for (const header of ['""', '', '"a", "b"', '"a";p=1', 'two words', 'clé', '"unterminated', '"bad\\x"', `"${'k'.repeat(256)}"`, ['a', 'b']]) {
    assert.equal(parseIdempotencyKey(header).ok, false, JSON.stringify(header));
  }
  assert.equal(parseIdempotencyKey(`"${'k'.repeat(255)}"`).ok, true);
});

test('fingerprints: key order does not count, values and nesting do; scopes separate callers, methods, URLs and keys', () => {
  assert.equal(fingerprintOf({ a: 1, b: { c: [1, 2], d: 'x' } }), fingerprintOf({ b: { d: 'x', c: [1, 2] }, a: 1 }));
  assert.notEqual(fingerprintOf({ a: [1, 2] }), fingerprintOf({ a: [2, 1] }));
  assert.notEqual(fingerprintOf({ a: '1' }), fingerprintOf({ a: 1 }));
  assert.notEqual(fingerprintOf(undefined), fingerprintOf({}));
  const scope = idempotencyScope('user:admin', 'POST', '/api/v1/x/', 'k');
  for (const other of [
    idempotencyScope('user:other', 'POST', '/api/v1/x/', 'k'),
    idempotencyScope('user:admin', 'PUT', '/api/v1/x/', 'k'),
    idempotencyScope('user:admin', 'POST', '/api/v1/x/?dry_run=true', 'k'),
    idempotencyScope('user:admin', 'POST', '/api/v1/x/', 'k2'),
  ]) {
    assert.notEqual(other, scope);
  }
});
