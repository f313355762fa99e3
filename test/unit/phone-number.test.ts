// Number normalisation: E.164 and national inputs, the DN form for BroadWorks, and refusals.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { callingCodeOf, InvalidPhoneNumberError, normalizePhoneNumber, toE164 } from '../../src/phone/index.js';

test('E.164 with or without spaces and dashes', () => {
  for (const input of ['+3271123456', '+32 71 12 34 56', '+32-71-123456', '0032 71 123456']) {
    const number = normalizePhoneNumber(input);
    assert.equal(number.e164, '+3271123456', input);
    assert.equal(number.countryCode, '32');
    assert.equal(number.nationalNumber, '71123456');
    assert.equal(number.dn, '+32-71123456');
  }
});

test('national numbers are read in the group CLI country', () => {
  assert.equal(normalizePhoneNumber('071 12 34 56', '32').e164, '+3271123456');
  assert.equal(normalizePhoneNumber('(202) 555-0143', '1').e164, '+12025550143');
});

test('invalid numbers are refused with the value in the message', () => {
  for (const [input, code] of [['abc', '32'], ['+32 1', undefined], ['12', '32'], ['071123456', undefined]] as const) {
    assert.throws(() => normalizePhoneNumber(input, code), (error: unknown) => {
      assert.ok(error instanceof InvalidPhoneNumberError);
      assert.equal(error.value, input);
      assert.ok(error.message.includes(input));
      return true;
    });
  }
});

test('numbers read back from BroadWorks become E.164', () => {
  assert.equal(toE164('+32-71123456'), '+3271123456');
  assert.equal(toE164('+3271123456'), '+3271123456');
  assert.equal(toE164('071123456', '32'), '+3271123456');
  assert.equal(toE164('71123456', '32'), '+3271123456');
  assert.equal(toE164('071123456'), '071123456');
  assert.equal(toE164(''), '');
  assert.equal(callingCodeOf('+3271112230'), '32');
  assert.equal(callingCodeOf('+32-71112230'), '32');
  assert.equal(callingCodeOf(undefined), undefined);
});
