// Tolerant reading, strict writing: what the client accepts from a server (any declared encoding, a
// byte order mark in any chunking, any XSI prefix, text as the schema types it, elements a newer
// release adds) and what the strict decoder (the simulator) still refuses.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeDocument, decodeDocumentBytes, DocumentFramer } from '../../src/ocip/codec/index.js';
import { OcipProtocolError } from '../../src/ocip/errors.js';

const ROOT = '<BroadsoftDocument protocol="OCI" xmlns="C" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><sessionId xmlns="">s</sessionId>';
const dnList = (numbers: string) => `<command echo="" xsi:type="GroupDnGetListResponse" xmlns="">${numbers}</command>`;
const instance = (profile: string, rest = '<isAnswerTimeoutEnabled>false</isAnswerTimeoutEnabled>') =>
  `<command echo="" xsi:type="GroupInstantGroupCallGetInstanceResponse19sp1" xmlns=""><serviceInstanceProfile>${profile}` +
  `<callingLineIdLastName>L</callingLineIdLastName><callingLineIdFirstName>F</callingLineIdFirstName><language>English</language>` +
  `<timeZone>Europe/Brussels</timeZone><timeZoneDisplayName>(GMT+01:00) Europe/Brussels</timeZoneDisplayName></serviceInstanceProfile>${rest}</command>`;
const doc = (body: string, declaration = '<?xml version="1.0" encoding="ISO-8859-1"?>') => `${declaration}${ROOT}${body}</BroadsoftDocument>\n`;
const profileName = (xml: string) => (decodeDocument(xml).commands[0]!.value!.serviceInstanceProfile as { name: string }).name;

describe('declared encodings', () => {
  const cases: { encoding: string; bytes: number[]; text: string }[] = [
    { encoding: 'ISO-8859-2', bytes: [0xa3, 0xf3, 0x64, 0xbc], text: 'Łódź' },
    { encoding: 'windows-1252', bytes: [0x80, 0x20, 0x84, 0x93, 0x94, 0x8c], text: '€ „“”Œ' },
    { encoding: 'windows-1250', bytes: [0x8a, 0xb3], text: 'Šł' },
    { encoding: 'ISO-8859-1', bytes: [0xe9, 0xfc], text: 'éü' },
    { encoding: 'UTF-8', bytes: [...Buffer.from('ł€漢', 'utf8')], text: 'ł€漢' },
  ];
  for (const { encoding, bytes, text } of cases) {
    test(`${encoding}: raw bytes decode to the right characters`, () => {
      const xml = doc(instance('<name>@@</name>'), `<?xml version="1.0" encoding="${encoding}"?>`);
      const [head, tail] = xml.split('@@');
      const raw = Buffer.concat([Buffer.from(head!, 'latin1'), Buffer.from(bytes), Buffer.from(tail!, 'latin1')]);
      assert.equal(profileName(decodeDocumentBytes(raw)), text);
    });
  }

  test('an encoding the runtime does not know is a protocol error, not mojibake', () => {
    const raw = Buffer.from(doc(dnList(''), '<?xml version="1.0" encoding="x-no-such-charset"?>'), 'latin1');
    assert.throws(() => decodeDocumentBytes(raw), OcipProtocolError);
  });
});

describe('a UTF-8 byte order mark', () => {
  const bom = Buffer.from([0xef, 0xbb, 0xbf]);
  const body = Buffer.from(doc(instance('<name>ł</name>'), '<?xml version="1.0" encoding="UTF-8"?>'), 'utf8');
  const whole = Buffer.concat([bom, body, bom, body]);

  test('before each document, split at every position, in two chunks', () => {
    for (let cut = 0; cut <= whole.length; cut++) {
      const framer = new DocumentFramer();
      const documents = [...framer.push(whole.subarray(0, cut)), ...framer.push(whole.subarray(cut))];
      assert.equal(documents.length, 2, `cut at ${cut}`);
      for (const document of documents) assert.equal(profileName(decodeDocumentBytes(document)), 'ł');
    }
  });

  test('one byte at a time', () => {
    const framer = new DocumentFramer();
    const documents = [...whole].flatMap((byte) => framer.push(Buffer.from([byte])));
    assert.equal(documents.length, 2);
    assert.equal(framer.pendingBytes, 0);
  });

  test('a document given whole to decodeDocumentBytes with its BOM', () => {
    assert.equal(profileName(decodeDocumentBytes(Buffer.concat([bom, body]))), 'ł');
  });

  test('bytes that only look like the start of a BOM are still not OCI-P', () => {
    assert.throws(() => new DocumentFramer().push(Buffer.from([0xef, 0x41, 0x3c, 0x61, 0x3e])), OcipProtocolError);
  });
});

describe('the XSI namespace under any prefix', () => {
  test('xsi:type and xsi:nil are read through the prefix the document binds', () => {
    const xml = doc(instance('<name>N</name>', '<isAnswerTimeoutEnabled>false</isAnswerTimeoutEnabled>'))
      .replace('xmlns:xsi=', 'xmlns:inst=')
      .replaceAll('xsi:type=', 'inst:type=');
    const [command] = decodeDocument(xml).commands;
    assert.equal(command!.type, 'GroupInstantGroupCallGetInstanceResponse19sp1');
    assert.equal(command!.problem, undefined);
  });

  test('a binding on the command itself counts too', () => {
    const xml = doc(dnList('<phoneNumber>+3271</phoneNumber>').replace('xsi:type=', 'x:type=').replace('<command ', '<command xmlns:x="http://www.w3.org/2001/XMLSchema-instance" '));
    assert.deepEqual(decodeDocument(xml).commands[0]!.value, { phoneNumber: ['+3271'] });
  });

  test('a prefix bound to another namespace is not XSI', () => {
    const xml = doc(dnList('')).replace('xsi:type=', 'y:type=').replace('<command ', '<command xmlns:y="urn:other" ');
    assert.match(String(decodeDocument(xml).commands[0]!.problem), /no xsi:type/);
  });
});

describe('text as the schema types it', () => {
  test('xs:string keeps its white space, tokens collapse, numbers and booleans are trimmed', () => {
    const xml = doc(
      '<command type="Error" echo="" xsi:type="c:ErrorResponse" xmlns:c="C" xmlns=""><errorCode> 4008 </errorCode>' +
        '<summary>  [Error 4008] User not found  </summary><summaryEnglish>x</summaryEnglish><detail>\n line one\n line two\n</detail></command>' +
        instance('<name>\n  Sales   team </name>', '<isAnswerTimeoutEnabled> true </isAnswerTimeoutEnabled><answerTimeoutMinutes>\n5\n</answerTimeoutMinutes>'),
    );
    const [error, igc] = decodeDocument(xml).commands;
    assert.equal(error!.value!.errorCode, 4008);
    assert.equal(error!.value!.summary, '  [Error 4008] User not found  ');
    assert.equal(error!.value!.detail, '\n line one\n line two\n');
    assert.equal((igc!.value!.serviceInstanceProfile as { name: string }).name, 'Sales team');
    assert.equal(igc!.value!.isAnswerTimeoutEnabled, true);
    assert.equal(igc!.value!.answerTimeoutMinutes, 5);
  });
});

describe('elements a newer release adds', () => {
  const xml = doc(instance('<name>N</name><newProfileThing>1</newProfileThing>', '<isAnswerTimeoutEnabled>false</isAnswerTimeoutEnabled><newSetting><deep/></newSetting>'));

  test('the client skips them and lists where they were', () => {
    const [command] = decodeDocument(xml).commands;
    assert.equal(command!.problem, undefined);
    assert.deepEqual(command!.ignored, [
      'GroupInstantGroupCallGetInstanceResponse19sp1.serviceInstanceProfile.newProfileThing',
      'GroupInstantGroupCallGetInstanceResponse19sp1.newSetting',
    ]);
  });

  test('a known element out of order is still a problem, and the strict decoder refuses unknown ones', () => {
    const swapped = doc(instance('<callingLineIdLastName>L</callingLineIdLastName><name>N</name>'));
    // A known element before its turn leaves a required one behind: still refused, not skipped.
    assert.match(String(decodeDocument(swapped).commands[0]!.problem), /missing element 'name'/);
    assert.match(String(decodeDocument(xml, { strict: true }).commands[0]!.problem), /newProfileThing' is not expected/);
  });
});
