// Where a document ends: only at an end tag `</BroadsoftDocument>` or `</prefix:BroadsoftDocument>`.
// What else can carry those characters on a real wire: `>` may stay raw in text (only `<` and `&`
// must be escaped), escaped markup (`&lt;/BroadsoftDocument&gt;`), and CDATA such as the 6004 detail
// that quotes the offending <command>. And the guard against a peer that never ends a document.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeDocument, decodeDocumentBytes, DEFAULT_MAX_DOCUMENT_BYTES, DocumentFramer, encodeDocument, GroupInstantGroupCallModifyInstanceRequest } from '../../src/ocip/codec/index.js';
import { OcipErrorCodes, OcipProtocolError } from '../../src/ocip/errors.js';

const HEAD = '<?xml version="1.0" encoding="ISO-8859-1"?>\n<BroadsoftDocument protocol="OCI" xmlns="C" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><sessionId xmlns="">s</sessionId>';
const errorDoc = (summaryXml: string, detailXml = '') =>
  `${HEAD}<command type="Error" echo="" xsi:type="c:ErrorResponse" xmlns:c="C" xmlns=""><summary>${summaryXml}</summary>` +
  `<summaryEnglish>x</summaryEnglish>${detailXml}</command></BroadsoftDocument>\n`;

function frameOne(text: string): string {
  const framer = new DocumentFramer();
  const documents = framer.push(Buffer.from(text, 'latin1'));
  assert.equal(documents.length, 1, `expected one document, got ${documents.length}`);
  assert.equal(framer.pendingBytes, 0);
  return decodeDocumentBytes(documents[0]!);
}

test('a prefixed end tag </C:BroadsoftDocument> ends a document', () => {
  const text = '<?xml version="1.0"?><C:BroadsoftDocument protocol="OCI" xmlns:C="C"><sessionId>s</sessionId><command xsi:type="C:SuccessResponse" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/></C:BroadsoftDocument>';
  assert.equal(frameOne(`${text}\n`), text);
  // Any prefix bound to C will do.
  const other = text.replaceAll('C:', 'oci:').replace('xmlns:C="C"', 'xmlns:oci="C"');
  assert.equal(frameOne(other), other);
  assert.equal(decodeDocument(other).commands[0]?.type, 'SuccessResponse');
});

test('"BroadsoftDocument>" in text is not an end tag (a raw > is legal in character data)', () => {
  const text = errorDoc('x BroadsoftDocument> y /BroadsoftDocument> z');
  assert.equal(decodeDocument(frameOne(text)).commands[0]?.value?.summary, 'x BroadsoftDocument> y /BroadsoftDocument> z');
});

test('escaped markup &lt;/BroadsoftDocument&gt; is not an end tag', () => {
  const text = errorDoc('&lt;/BroadsoftDocument&gt; and &lt;/C:BroadsoftDocument>');
  assert.equal(decodeDocument(frameOne(text)).commands[0]?.value?.summary, '</BroadsoftDocument> and </C:BroadsoftDocument>');
});

test('a 6004 detail quoting the offending command in CDATA stays inside its document', () => {
  const detail = '<detail><![CDATA[Invalid xsi:type qname\n<command xsi:type="X" echo="q"><name>a BroadsoftDocument> b</name></command>\n]]></detail>';
  const decoded = decodeDocument(frameOne(errorDoc('[Error 6004] OCI XML Request validation error', detail)));
  assert.match(String(decoded.commands[0]?.value?.detail), /<name>a BroadsoftDocument> b<\/name><\/command>\n$/);
});

test('an element whose name merely ends in BroadsoftDocument is not the end tag', () => {
  const text = errorDoc('<![CDATA[</NotBroadsoftDocument>]]>');
  assert.equal(decodeDocument(frameOne(text)).commands[0]?.value?.summary, '</NotBroadsoftDocument>');
});

test('a request value holding "</BroadsoftDocument>" is escaped by the encoder and framed as one document', () => {
  const name = '</BroadsoftDocument>';
  const xml = encodeDocument({ sessionId: 's', commands: [{ spec: GroupInstantGroupCallModifyInstanceRequest, value: { serviceUserId: 'u@x', serviceInstanceProfile: { name } } }] });
  const [command] = decodeDocument(frameOne(xml), { strict: true }).commands;
  assert.deepEqual(command?.value?.serviceInstanceProfile, { name });
});

test('the size guard: more pending bytes than the maximum without an end tag is OcipProtocolError', () => {
  const framer = new DocumentFramer(1024);
  framer.push(Buffer.alloc(1000, 0x61));
  framer.push(Buffer.alloc(24, 0x61)); // exactly the maximum: still waiting
  assert.equal(framer.pendingBytes, 1024);
  assert.throws(() => framer.push(Buffer.from('a')), (error: unknown) => error instanceof OcipProtocolError && error.code === OcipErrorCodes.PROTOCOL);
});

test('the size guard counts only the unfinished document, not the ones already cut', () => {
  const framer = new DocumentFramer(1024);
  const doc = errorDoc('x'.repeat(300));
  for (let i = 0; i < 10; i++) assert.equal(framer.push(Buffer.from(doc)).length, 1);
  assert.equal(framer.pendingBytes, 0);
});

test('the default maximum is generous (a 1,000-row instance list is ~160 kB)', () => {
  assert.ok(DEFAULT_MAX_DOCUMENT_BYTES >= 16 * 1024 * 1024);
});

test('bytes that do not start an OCI-P document fail at once, not at the request timeout', () => {
  assert.throws(() => new DocumentFramer().push(Buffer.from('<html>oops</html>\n')), OcipProtocolError);
  assert.throws(() => new DocumentFramer().push(Buffer.from('\n  <Error>busy</Error>')), OcipProtocolError);
  // A declaration, or a (prefixed) BroadsoftDocument start tag, is a document starting.
  assert.deepEqual(new DocumentFramer().push(Buffer.from('<?xml version="1.0"?><Broadsoft')), []);
  assert.deepEqual(new DocumentFramer().push(Buffer.from('<C:BroadsoftDocument protocol="OCI" xmlns:C="C">')), []);
  assert.deepEqual(new DocumentFramer().push(Buffer.from('<Broads')), [], 'an unfinished first tag waits for more');
});
