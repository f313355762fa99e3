// Tolerant reading, end to end: the simulator answers as real servers do (raw bytes in ISO-8859-2,
// windows-1252 or UTF-8; a byte order mark; the XSI namespace under another prefix; white space kept
// in strings; elements a newer release adds) and the adapter's HTTP answers carry the right text.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { TraceEvent } from '../../src/ocip/session/index.js';
import type { AnswerEncoding } from '../../src/simulator/index.js';
import { igcUrl, instanceUrl, minimalBody, startAdapter } from '../support/adapter-harness.js';
import type { AdapterHarness } from '../support/adapter-harness.js';

/** A name each encoding carries as raw bytes (ł is not in windows-1252, € not in ISO-8859-2). */
const NAMES: Record<AnswerEncoding, string> = {
  'ISO-8859-1': 'Café Zürich ñ',
  'ISO-8859-2': 'Łódź żółć ě',
  'windows-1252': 'Café € „Œ”',
  'UTF-8': 'Łódź € 漢字',
};

for (const encoding of Object.keys(NAMES) as AnswerEncoding[]) {
  describe(`answers in ${encoding}`, () => {
    let h: AdapterHarness;
    const received: TraceEvent[] = [];
    before(async () => {
      h = await startAdapter({}, { backend: { encoding, onTrace: (event) => event.direction === 'in' && received.push(event) } });
    });
    after(() => h.close());

    test(`a name in ${encoding} comes back whole through create, read and list`, async () => {
      const id = `enc-${encoding.toLowerCase()}@sip.netaxis.be`;
      const name = NAMES[encoding];
      const created = await h.request.post(igcUrl()).send(minimalBody(id, { name }));
      assert.equal(created.status, 200, created.text);
      assert.equal(created.body.serviceInstanceProfile.name, name);
      const read = await h.request.get(instanceUrl(id));
      assert.equal(read.body.serviceInstanceProfile.name, name);
      const list = await h.request.get(igcUrl());
      assert.equal(list.body.instantGroupCalls.find((row: { serviceUserId: string }) => row.serviceUserId === id)?.name, name);
      // The answers really came as raw characters under the declared encoding, not as references.
      const answer = received.find((event) => event.commandTypes.includes('GroupInstantGroupCallGetInstanceResponse19sp1'));
      assert.ok(answer);
      assert.match(answer.xml, new RegExp(`^<\\?xml version="1.0" encoding="${encoding}"\\?>`));
      assert.ok(answer.xml.includes(`<name>${name}</name>`), answer.xml);
    });
  });
}

describe('documents as real servers write them', () => {
  let h: AdapterHarness;
  const ignored: { commandType: string; paths: string[] }[] = [];
  const id = 'variations@sip.netaxis.be';
  before(async () => {
    h = await startAdapter({}, { backend: { onIgnoredElements: (event) => ignored.push(event) } });
    await h.request.post(igcUrl()).send(minimalBody(id, { name: 'Variations' })).expect(200);
  });
  after(() => h.close());

  test('a UTF-8 byte order mark before the declaration', async () => {
    h.simulator.faults.rewriteAnswers((text) =>
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text.replace('encoding="ISO-8859-1"', 'encoding="UTF-8"').replaceAll('Variations', 'Variações'), 'utf8')]),
    );
    const read = await h.request.get(instanceUrl(id));
    assert.equal(read.status, 200, read.text);
    assert.equal(read.body.serviceInstanceProfile.name, 'Variações');
  });

  test('the XSI namespace under another prefix (xsi:type and xsi:nil read through it)', async () => {
    h.simulator.faults.rewriteAnswers((text) => text.replace('xmlns:xsi=', 'xmlns:i=').replaceAll('xsi:type=', 'i:type=').replaceAll('xsi:nil=', 'i:nil='));
    const read = await h.request.get(instanceUrl(id));
    assert.equal(read.status, 200, read.text);
    assert.equal(read.body.serviceInstanceProfile.name, 'Variations');
    const list = await h.request.get(igcUrl());
    assert.equal(list.status, 200, list.text);
  });

  test('text typed as the schema types it: a token collapses, a string table cell keeps its spaces', async () => {
    h.simulator.faults.rewriteAnswers((text) => text.replace('<name>Variations</name>', '<name>\n   Variations  </name>').replace('<col>Variations</col>', '<col>  Variations </col>'));
    const read = await h.request.get(instanceUrl(id));
    assert.equal(read.body.serviceInstanceProfile.name, 'Variations');
    const list = await h.request.get(igcUrl());
    assert.equal(list.body.instantGroupCalls.find((row: { serviceUserId: string }) => row.serviceUserId === id)?.name, '  Variations ');
  });

  test('elements a newer release adds to a known answer are skipped and reported', async () => {
    h.simulator.faults.rewriteAnswers((text) =>
      text
        .replace('<name>Variations</name>', '<name>Variations</name><futureProfileElement>x</futureProfileElement>')
        .replace('</command>', '<futureSetting><nested>1</nested></futureSetting></command>'),
    );
    ignored.length = 0;
    const read = await h.request.get(instanceUrl(id));
    assert.equal(read.status, 200, read.text);
    assert.equal(read.body.serviceInstanceProfile.name, 'Variations');
    assert.deepEqual(ignored, [
      {
        commandType: 'GroupInstantGroupCallGetInstanceResponse19sp1',
        paths: [
          'GroupInstantGroupCallGetInstanceResponse19sp1.serviceInstanceProfile.futureProfileElement',
          'GroupInstantGroupCallGetInstanceResponse19sp1.futureSetting',
        ],
      },
    ]);
  });
});
