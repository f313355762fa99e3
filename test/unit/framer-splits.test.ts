// The framer cuts an OCI-P byte stream into documents whatever the chunking: TCP delivers a
// document in any number of pieces, several in one piece, or a piece that ends mid-character
// (after pg-protocol's inbound-parser tests).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeDocument, decodeDocumentBytes, DocumentFramer } from '../../src/ocip/codec/index.js';

const HEAD = '<BroadsoftDocument protocol="OCI" xmlns="C" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><sessionId xmlns="">s</sessionId>';
function response(echo: string, summary = 'ok', encoding = 'ISO-8859-1'): string {
  return (
    `<?xml version="1.0" encoding="${encoding}"?>\n${HEAD}<command type="Error" echo="${echo}" xsi:type="c:ErrorResponse" xmlns:c="C" xmlns="">` +
    `<summary>${summary}</summary><summaryEnglish>${summary}</summaryEnglish></command></BroadsoftDocument>\n`
  );
}
const prefixed = (echo: string) =>
  `<?xml version="1.0"?><C:BroadsoftDocument protocol="OCI" xmlns:C="C"><sessionId>s</sessionId><command echo="${echo}" xsi:type="C:SuccessResponse" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/></C:BroadsoftDocument>\n`;

/** A framed document is the bytes from its declaration to its end tag: no leading white space, no newline. */
const framed = (text: string) => text.trimStart().replace(/\n$/, '');
const strings = (buffers: Buffer[]) => buffers.map((b) => b.toString('utf8'));

function feed(framer: DocumentFramer, chunks: Buffer[]): string[] {
  return chunks.flatMap((chunk) => strings(framer.push(chunk)));
}

test('a document split at every byte position, in two chunks', () => {
  for (const text of [response('q-1'), prefixed('p-1')]) {
    const bytes = Buffer.from(text);
    const complete = bytes.length - 1; // the end tag's '>' is the last byte before the newline
    for (let at = 0; at <= bytes.length; at++) {
      const framer = new DocumentFramer();
      const out = feed(framer, [bytes.subarray(0, at)]);
      assert.deepEqual(out, at >= complete ? [framed(text)] : [], `split at ${at}: a document only once its end tag is in`);
      out.push(...strings(framer.push(bytes.subarray(at))));
      assert.deepEqual(out, [framed(text)], `split at ${at}`);
      assert.equal(framer.pendingBytes, 0, `split at ${at}`);
    }
  }
});

test('a document fed one byte at a time', () => {
  const bytes = Buffer.from(response('q-1'));
  const framer = new DocumentFramer();
  const out: string[] = [];
  for (let i = 0; i < bytes.length; i++) {
    out.push(...strings(framer.push(bytes.subarray(i, i + 1))));
    if (out.length === 0) assert.equal(framer.pendingBytes, i + 1);
  }
  assert.deepEqual(out, [framed(response('q-1'))]);
  assert.equal(framer.pendingBytes, 0);
});

test('two documents in one chunk, in order', () => {
  const framer = new DocumentFramer();
  assert.deepEqual(strings(framer.push(Buffer.from(response('a') + response('b')))), [framed(response('a')), framed(response('b'))]);
  assert.equal(framer.pendingBytes, 0);
});

test('a document and a half, then the rest', () => {
  const second = Buffer.from(response('b'));
  const framer = new DocumentFramer();
  const half = Math.floor(second.length / 2);
  assert.deepEqual(strings(framer.push(Buffer.concat([Buffer.from(response('a')), second.subarray(0, half)]))), [framed(response('a'))]);
  assert.equal(framer.pendingBytes, 1 + half, "the first document's trailing newline waits with the second's half");
  assert.deepEqual(strings(framer.push(second.subarray(half))), [framed(response('b'))]);
  assert.equal(framer.pendingBytes, 0);
});

test('three documents cut at every pair of positions come out whole, in order', () => {
  const texts = [response('a'), prefixed('b'), response('c')];
  const bytes = Buffer.from(texts.join(''));
  const expected = texts.map(framed);
  // Bounded: ~700 bytes with a stride of 7 is ~5,000 framings.
  for (let i = 0; i <= bytes.length; i += 7) {
    for (let j = i; j <= bytes.length; j += 7) {
      const out = feed(new DocumentFramer(), [bytes.subarray(0, i), bytes.subarray(i, j), bytes.subarray(j)]);
      assert.deepEqual(out, expected, `cuts at ${i} and ${j}`);
    }
  }
});

test('a UTF-8 character split across chunks decodes whole', () => {
  const text = response('u', 'Zoë ☃ 😀', 'UTF-8');
  const bytes = Buffer.from(text, 'utf8');
  const start = bytes.indexOf(Buffer.from('Zo')) + 2;
  // Every cut inside ë (2 bytes), ☃ (3 bytes) and 😀 (4 bytes).
  for (let at = start; at < start + 12; at++) {
    const framer = new DocumentFramer();
    assert.deepEqual(framer.push(bytes.subarray(0, at)), []);
    const [document] = framer.push(bytes.subarray(at));
    assert.ok(document, `cut at ${at}`);
    const [command] = decodeDocument(decodeDocumentBytes(document)).commands;
    assert.equal(command?.value?.summary, 'Zoë ☃ 😀', `cut at ${at}`);
  }
});

test('white space and newlines between documents are ignored', () => {
  const framer = new DocumentFramer();
  const stream = `\r\n  ${response('a')}\n\n\t \r\n${response('b')}\n\n`;
  assert.deepEqual(strings(framer.push(Buffer.from(stream))), [framed(response('a')), framed(response('b'))]);
  assert.equal(framer.pendingBytes, 0, 'trailing white space is not a pending document');
  assert.deepEqual(strings(framer.push(Buffer.from('   \n'))), []);
  assert.equal(framer.pendingBytes, 0);
});

test('pendingBytes counts what waits for an end tag; reset() drops it', () => {
  const framer = new DocumentFramer();
  assert.equal(framer.pendingBytes, 0);
  framer.push(Buffer.from('<?xml version="1.0"?>'));
  assert.equal(framer.pendingBytes, 21);
  framer.push(Buffer.from(HEAD));
  assert.equal(framer.pendingBytes, 21 + HEAD.length);
  framer.reset();
  assert.equal(framer.pendingBytes, 0);
  assert.deepEqual(strings(framer.push(Buffer.from(response('z')))), [framed(response('z'))]);
});
