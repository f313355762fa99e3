// OutgoingDNorSIPURI destinations, one reading for requests and answers: numbers in E.164 in the
// group's context, extensions, short and access codes and SIP URIs as BroadWorks holds them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { answerDestination, readDestination } from '../../src/phone/index.js';

const BELGIUM = '32';

test('numbers become E.164: international, 00-prefixed, national with the trunk prefix', () => {
  for (const [input, e164] of [
    ['+32 71 12 34 56', '+3271123456'],
    ['+32-71123456', '+3271123456'],
    ['0032 71 12 34 56', '+3271123456'],
    ['071 12 34 56', '+3271123456'],
    ['0471/23.45.67', '+32471234567'],
  ] as const) {
    assert.deepEqual(readDestination(input, BELGIUM), { ok: true, destination: e164 }, input);
  }
});

test('extensions, short codes, access codes and national digits without a trunk prefix are kept', () => {
  for (const [input, kept] of [
    ['1234', '1234'],
    ['112', '112'],
    ['*99', '*99'],
    ['#31#0471234567', '#31#0471234567'],
    ['12345678', '12345678'],
    ['12-34', '1234'],
  ] as const) {
    assert.deepEqual(readDestination(input, BELGIUM), { ok: true, destination: kept }, input);
  }
  // Without a group country, a national number cannot be read as one.
  assert.deepEqual(readDestination('071123456', undefined), { ok: true, destination: '071123456' });
});

test('SIP URIs by the schema rules: kept as written, or refused', () => {
  assert.deepEqual(readDestination(" o'brien.(x)~!*_-@host-1.example.com ", BELGIUM), { ok: true, destination: "o'brien.(x)~!*_-@host-1.example.com" });
  for (const bad of ['sip:alice@example.com', 'a@b@example.com', 'alice@', '@host', 'al ice@host']) {
    assert.equal(readDestination(bad, BELGIUM).ok, false, bad);
  }
});

test('not dialable, an invalid +number, empty or too long: refused with the value named', () => {
  for (const bad of ['12ab34', '+99 1', '', '   ', `${'1'.repeat(150)}@${'h'.repeat(20)}`]) {
    const reading = readDestination(bad, BELGIUM);
    assert.equal(reading.ok, false, bad);
  }
  const reading = readDestination('12ab34', BELGIUM);
  assert.ok(!reading.ok && reading.reason.includes("'12ab34'"));
});

test('answers read what BroadWorks holds the same way, and never refuse it', () => {
  assert.equal(answerDestination('071123456', BELGIUM), '+3271123456');
  assert.equal(answerDestination('1234', BELGIUM), '1234');
  assert.equal(answerDestination('+991', BELGIUM), '+991');
});
