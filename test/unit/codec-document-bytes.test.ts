// Bytes to text by the encoding the XML declaration names: BroadWorks answers ISO-8859-1 on TCP and
// UTF-8 over SOAP; the same character arrives as different bytes and must decode the same.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeDocument, decodeDocumentBytes, encodeDocument, GroupInstantGroupCallModifyInstanceRequest } from '../../src/ocip/codec/index.js';

const body = (name: string) =>
  '<BroadsoftDocument protocol="OCI" xmlns="C" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><sessionId xmlns="">s</sessionId>' +
  `<command type="Error" echo="" xsi:type="c:ErrorResponse" xmlns:c="C" xmlns=""><summary>${name}</summary><summaryEnglish>x</summaryEnglish></command></BroadsoftDocument>\n`;
const summaryOf = (bytes: Buffer) => decodeDocument(decodeDocumentBytes(bytes)).commands[0]?.value?.summary;

test('ISO-8859-1 declared: one byte per character', () => {
  const bytes = Buffer.from(`<?xml version="1.0" encoding="ISO-8859-1"?>\n${body('Liège Zoë')}`, 'latin1');
  assert.equal(bytes.includes(0xe8), true);
  assert.equal(summaryOf(bytes), 'Liège Zoë');
});

test('UTF-8 declared: multi-byte characters, beyond Latin-1 too', () => {
  const bytes = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n${body('Liège Zoë ☃ 😀')}`, 'utf8');
  assert.equal(summaryOf(bytes), 'Liège Zoë ☃ 😀');
});

test('the declaration decides: the same UTF-8 bytes read as Latin-1 would be mojibake', () => {
  const utf8Bytes = Buffer.from(body('Zoë'), 'utf8');
  const declaredLatin1 = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?>'), utf8Bytes]);
  assert.equal(summaryOf(declaredLatin1), 'ZoÃ«');
});

test('encoding names are case-insensitive, quotes single or double; no declaration means UTF-8', () => {
  assert.equal(summaryOf(Buffer.from(`<?xml version='1.0' encoding='iso-8859-1'?>${body('é')}`, 'latin1')), 'é');
  assert.equal(summaryOf(Buffer.from(`<?xml version="1.0" encoding="utf-8"?>${body('é')}`, 'utf8')), 'é');
  assert.equal(summaryOf(Buffer.from(body('é'), 'utf8')), 'é');
});

test('what the encoder writes is ASCII, so it reads back the same under either decoding', () => {
  const xml = encodeDocument({
    sessionId: 's',
    commands: [{ spec: GroupInstantGroupCallModifyInstanceRequest, value: { serviceUserId: 'u@x', serviceInstanceProfile: { name: 'Zoë ☃ 😀' } } }],
  });
  const bytes = Buffer.from(xml, 'latin1');
  assert.equal(bytes.toString('latin1'), bytes.toString('utf8'));
  assert.equal(decodeDocumentBytes(bytes), xml);
});
