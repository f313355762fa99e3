// Text that looks like markup stays text, attribute values survive any character, and non-ASCII
// travels as numeric character references (the documents declare ISO-8859-1 but are pure ASCII).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  decodeDocument,
  encodeDocument,
  ErrorResponse,
  GroupInstantGroupCallGetInstanceRequest19sp1,
  GroupInstantGroupCallModifyInstanceRequest,
} from '../../src/ocip/codec/index.js';
import { OcipErrorCodes, OcipProtocolError } from '../../src/ocip/errors.js';

const IGC = 'APIOTestIGC@sip.netaxis.be';

function modifyName(name: string, echo?: string): string {
  const command = { spec: GroupInstantGroupCallModifyInstanceRequest, value: { serviceUserId: IGC, serviceInstanceProfile: { name } } };
  return encodeDocument({ sessionId: 's', commands: [echo === undefined ? command : { ...command, echo }] });
}

function decodedName(xml: string): unknown {
  const [command] = decodeDocument(xml, { strict: true }).commands;
  assert.ok(command?.value, command?.problem);
  return (command.value.serviceInstanceProfile as Record<string, unknown>).name;
}

/** A response document around one command body, as the server would write it. */
function serverDoc(commandXml: string): string {
  return (
    '<?xml version="1.0" encoding="ISO-8859-1"?>\n<BroadsoftDocument protocol="OCI" xmlns="C" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<sessionId xmlns="">s</sessionId>${commandXml}</BroadsoftDocument>\n`
  );
}

function errorSummary(summaryXml: string): unknown {
  const xml = serverDoc(
    `<command type="Error" echo="" xsi:type="c:ErrorResponse" xmlns:c="C" xmlns=""><summary>${summaryXml}</summary><summaryEnglish>e</summaryEnglish></command>`,
  );
  return decodeDocument(xml).commands[0]?.value?.summary;
}

test('a name holding markup arrives as literal text, never as elements', () => {
  const xml = modifyName('</name><password>x');
  assert.ok(xml.includes('<name>&lt;/name&gt;&lt;password&gt;x</name>'));
  assert.doesNotMatch(xml, /<password>/);
  const [command] = decodeDocument(xml, { strict: true }).commands;
  assert.deepEqual(command?.value?.serviceInstanceProfile, { name: '</name><password>x' });
});

test('&, < and quotes in text and in the echo attribute', () => {
  const echo = `a&b "double" 'single' <x> </BroadsoftDocument>`;
  const xml = modifyName(`Ann & "Bob" 'C'`, echo);
  assert.ok(xml.includes('echo="a&amp;b &quot;double&quot; &apos;single&apos; &lt;x&gt; &lt;/BroadsoftDocument&gt;"'));
  assert.equal(decodeDocument(xml).commands[0]?.echo, echo);
  assert.equal(decodedName(xml), `Ann & "Bob" 'C'`);
});

test('tab, newline and CR in an echo are written as references, so any XML parser returns them unchanged', () => {
  const echo = 'line1\nline2\tcol\rend';
  const xml = encodeDocument({ sessionId: 's', commands: [{ spec: GroupInstantGroupCallGetInstanceRequest19sp1, value: { serviceUserId: IGC }, echo }] });
  assert.ok(xml.includes('echo="line1&#10;line2&#9;col&#13;end"'));
  assert.equal(decodeDocument(xml).commands[0]?.echo, echo);
});

test('a CR inside xs:string text is written as &#13; (a raw CR would be read as LF)', () => {
  const value = { summary: 'a\r\nb', summaryEnglish: 'a', type: 'Error' };
  const xml = encodeDocument({ sessionId: 's', commands: [{ spec: ErrorResponse, value }] });
  assert.ok(xml.includes('<summary>a&#13;\nb</summary>'));
  assert.equal(decodeDocument(xml).commands[0]?.value?.summary, 'a\r\nb');
});

test('non-ASCII becomes &#NNN; (BMP and astral) and decodes back', () => {
  const name = 'Zoë ☃ 😀 Ωmega';
  const xml = modifyName(name);
  assert.ok(xml.includes('<name>Zo&#235; &#9731; &#128512; &#937;mega</name>'));
  assert.doesNotMatch(xml, /[^\x00-\x7f]/);
  assert.equal(decodedName(xml), name);
});

test('the session id is escaped too', () => {
  const xml = encodeDocument({ sessionId: 'a<b&c', commands: [{ spec: GroupInstantGroupCallGetInstanceRequest19sp1, value: { serviceUserId: IGC } }] });
  assert.ok(xml.includes('<sessionId xmlns="">a&lt;b&amp;c</sessionId>'));
  assert.equal(decodeDocument(xml).sessionId, 'a<b&c');
});

test('decimal and hex character references, the five named entities', () => {
  assert.equal(errorSummary('caf&#233; caf&#xE9; caf&#XE9; &#x1F600; &#128512;'), 'café café café 😀 😀');
  assert.equal(errorSummary('&lt;&gt;&amp;&quot;&apos;'), `<>&"'`);
});

test('CDATA is taken verbatim and joins the surrounding text', () => {
  assert.equal(errorSummary('before <![CDATA[<b>&amp; </summary>]]> after'), 'before <b>&amp; </summary> after');
  assert.equal(errorSummary('<![CDATA[]]>'), '');
});

test('comments inside an element are skipped', () => {
  assert.equal(errorSummary('a<!-- </summary> -->b'), 'ab');
});

test('an unknown entity or a bad reference is not well-formed: OcipProtocolError', () => {
  for (const bad of ['&nbsp;', '&amp', '&#0;', '&#x110000;', '&#xZZ;', 'a & b']) {
    assert.throws(() => errorSummary(bad), (error: unknown) => error instanceof OcipProtocolError && error.code === OcipErrorCodes.PROTOCOL, bad);
  }
});

test('attribute values: single quotes and entities decode, a raw < is refused', () => {
  const command = (attributes: string) => serverDoc(`<command ${attributes} xsi:type="c:SuccessResponse" xmlns:c="C" xmlns=""/>`);
  assert.equal(decodeDocument(command(`echo='it&apos;s &#x41;'`)).commands[0]?.echo, "it's A");
  assert.throws(() => decodeDocument(command('echo="a<b"')), OcipProtocolError);
});
