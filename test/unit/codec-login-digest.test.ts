// The signed password of the two-step login (OCIP.md §5.2): md5(nonce + ":" + sha1(password)),
// lowercase hex. The vector was recomputed independently of this code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { sha1Hex, signedPassword } from '../../src/ocip/codec/index.js';

test('the published vector: nonce 1234567890123, password "password"', () => {
  assert.equal(sha1Hex('password'), '5baa61e4c9b93f3f0682250b6cf8331b7ee68fd8');
  assert.equal(signedPassword('1234567890123', 'password'), '77e4a6de3a1e00be05e121cf0ebee860');
});

test('32 lowercase hex digits; depends on both nonce and password', () => {
  const signed = signedPassword('42', 'Tr0ub4dor&3');
  assert.match(signed, /^[0-9a-f]{32}$/);
  assert.notEqual(signedPassword('43', 'Tr0ub4dor&3'), signed);
  assert.notEqual(signedPassword('42', 'Tr0ub4dor&4'), signed);
});

test('non-ASCII passwords are hashed as UTF-8 bytes', () => {
  const sha1 = createHash('sha1').update(Buffer.from('Zoë☃', 'utf8')).digest('hex');
  assert.equal(sha1Hex('Zoë☃'), sha1);
  assert.equal(signedPassword('n', 'Zoë☃'), createHash('md5').update(Buffer.from(`n:${sha1}`, 'utf8')).digest('hex'));
});
