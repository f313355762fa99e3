// Checks the xmllint/XSD test harness itself on hand-written wire-form documents, so that a schema-backed
// test elsewhere fails because the XML is wrong, never because the harness is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { schemaAvailability, toLibxmlForm, validateDocuments } from '../support/xsd.js';

const availability = schemaAvailability();
const skip = availability.ok ? false : availability.reason;

/** A request exactly as the client puts it on the wire: default namespace C, commands un-declared with xmlns="". */
function wire(command: string): string {
  return (
    '<?xml version="1.0" encoding="ISO-8859-1"?>\n' +
    '<BroadsoftDocument protocol="OCI" xmlns="C" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<sessionId xmlns="">abc</sessionId>${command}</BroadsoftDocument>`
  );
}

const getInstance = wire(
  '<command xsi:type="GroupInstantGroupCallGetInstanceRequest19sp1" xmlns="">' +
    '<serviceUserId>a@b.c</serviceUserId></command>',
);
// InstantGroupCallAnswerTimeoutMinutes is 1..60.
const timeoutTooLong = wire(
  '<command xsi:type="GroupInstantGroupCallModifyInstanceRequest" xmlns="">' +
    '<serviceUserId>a@b.c</serviceUserId><answerTimeoutMinutes>61</answerTimeoutMinutes></command>',
);
// The request's xs:sequence puts serviceUserId first.
const outOfOrder = wire(
  '<command xsi:type="GroupInstantGroupCallModifyInstanceRequest" xmlns="">' +
    '<answerTimeoutMinutes>5</answerTimeoutMinutes><serviceUserId>a@b.c</serviceUserId></command>',
);
// Responses carry the type with a prefix bound to C (c:ErrorResponse), unlike requests.
const errorResponse = wire(
  '<command type="Error" echo="" xsi:type="c:ErrorResponse" xmlns:c="C" xmlns="">' +
    '<summary>[Error 4008] x</summary><summaryEnglish>[Error 4008] x</summaryEnglish></command>',
);

test('toLibxmlForm prefixes the root and drops every xmlns=""', () => {
  const out = toLibxmlForm(getInstance);
  assert.match(out, /<C:BroadsoftDocument xmlns:C="C" protocol="OCI" xmlns:xsi=/);
  assert.match(out, /<\/C:BroadsoftDocument>$/);
  assert.doesNotMatch(out, /xmlns=""|xmlns="C"/);
});

test('a valid request validates', { skip }, async () => {
  assert.deepEqual(await validateDocuments([getInstance]), [{ valid: true, errors: [] }]);
});

test('answerTimeoutMinutes 61 is rejected by its facet', { skip }, async () => {
  const [result] = await validateDocuments([timeoutTooLong]);
  assert.ok(result);
  assert.equal(result.valid, false);
  assert.ok(result.errors.some((e) => e.startsWith('doc[0]:') && e.includes('answerTimeoutMinutes')), String(result.errors));
});

test('elements out of sequence order are rejected', { skip }, async () => {
  const [result] = await validateDocuments([outOfOrder]);
  assert.ok(result);
  assert.equal(result.valid, false);
  assert.ok(result.errors.some((e) => e.includes('This element is not expected')), String(result.errors));
});

test('one batch keeps results in input order', { skip }, async () => {
  const results = await validateDocuments([getInstance, timeoutTooLong, getInstance]);
  assert.deepEqual(results.map((r) => r.valid), [true, false, true]);
  assert.ok(results[1]?.errors.every((e) => e.startsWith('doc[1]')));
});

test('an ErrorResponse validates', { skip }, async () => {
  assert.deepEqual(await validateDocuments([errorResponse]), [{ valid: true, errors: [] }]);
});

test('a document that is not well-formed is invalid, not dropped', { skip }, async () => {
  const results = await validateDocuments([getInstance, '<BroadsoftDocument', getInstance]);
  assert.deepEqual(results.map((r) => r.valid), [true, false, true]);
  assert.match(results[1]?.errors[0] ?? '', /^doc\[1\]:\d+: parser error/);
});
