// Encode then decode (strict, as the simulator reads requests) gives back exactly what was sent,
// for every sample request, for multi-command documents and for the responses the simulator writes.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  decodeDocument,
  encodeDocument,
  ErrorResponse,
  GroupInstantGroupCallGetInstanceListResponse,
  GroupInstantGroupCallGetInstanceRequest19sp1,
  GroupInstantGroupCallGetInstanceResponse19sp1,
  SuccessResponse,
} from '../../src/ocip/codec/index.js';
import type { ResponseOf } from '../../src/ocip/codec/index.js';
import { SAMPLE_SESSION_ID, sampleCommands } from '../support/sample-commands.js';
import { encodeSample, withoutAddedEmptyLists } from '../support/golden.js';

describe('every sample survives encode → strict decode', () => {
  for (const sample of sampleCommands) {
    test(sample.label, () => {
      const decoded = decodeDocument(encodeSample(sample), { strict: true });
      assert.equal(decoded.protocol, 'OCI');
      assert.equal(decoded.sessionId, SAMPLE_SESSION_ID);
      assert.equal(decoded.trackingId, undefined);
      const [command] = decoded.commands;
      assert.ok(command && !command.problem, command?.problem);
      assert.equal(command.type, sample.spec.name);
      assert.equal(command.spec, sample.spec);
      assert.equal(command.echo, sample.echo);
      assert.deepEqual(withoutAddedEmptyLists(command.value, sample.value), sample.value);
    });
  }
});

test('a 15-command document keeps order, echoes and the trackingId', () => {
  const commands = sampleCommands.slice(0, 15).map((s, i) => ({ spec: s.spec, value: s.value, echo: `c-${i}` }));
  const decoded = decodeDocument(encodeDocument({ sessionId: 's-1', trackingId: 't-1', commands }), { strict: true });
  assert.equal(decoded.trackingId, 't-1');
  assert.deepEqual(
    decoded.commands.map((c) => [c.type, c.echo]),
    commands.map((c) => [c.spec.name, c.echo]),
  );
  decoded.commands.forEach((c, i) => assert.deepEqual(withoutAddedEmptyLists(c.value, commands[i]!.value), commands[i]!.value));
});

test('lists come back as arrays, absent lists as []', () => {
  const sample = sampleCommands.find((s) => s.label === 'GroupInstantGroupCallAddInstanceRequest14-minimal')!;
  const [command] = decodeDocument(encodeSample(sample)).commands;
  assert.deepEqual(command?.value?.destinationPhoneNumber, []);
  assert.deepEqual((command?.value?.serviceInstanceProfile as Record<string, unknown>).alias, []);
});

describe('responses, as the simulator writes them', () => {
  test('SuccessResponse carries echo="" when none was given, and the c: prefix bound to C', () => {
    const xml = encodeDocument({ sessionId: 's', commands: [{ spec: SuccessResponse, value: {} }] });
    assert.match(xml, /<command echo="" xsi:type="c:SuccessResponse" xmlns:c="C" xmlns=""><\/command>/);
    const [command] = decodeDocument(xml, { strict: true }).commands;
    assert.deepEqual([command?.type, command?.echo, command?.value], ['SuccessResponse', '', {}]);
  });

  test('ErrorResponse: type attribute first, errorCode optional, every field back', () => {
    const full = { errorCode: 4008, summary: '[Error 4008] User not found: x@y', summaryEnglish: '[Error 4008] User not found: x@y', detail: 'd', type: 'Warning' };
    const bare = { summary: '[Error 4152] Group not found: a:b', summaryEnglish: '[Error 4152] Group not found: a:b', type: 'Info' };
    const xml = encodeDocument({ sessionId: 's', commands: [{ spec: ErrorResponse, value: full, echo: 'e1' }, { spec: ErrorResponse, value: bare }] });
    assert.match(xml, /<command type="Warning" echo="e1" xsi:type="c:ErrorResponse" xmlns:c="C" xmlns=""><errorCode>4008<\/errorCode><summary>/);
    const decoded = decodeDocument(xml, { strict: true }).commands;
    assert.deepEqual(decoded.map((c) => c.value), [full, bare]);
    assert.deepEqual(decoded.map((c) => c.echo), ['e1', '']);
  });

  test('a typed data response with a department key and lists', () => {
    const value: ResponseOf<typeof GroupInstantGroupCallGetInstanceRequest19sp1> = {
      serviceInstanceProfile: {
        name: 'IGC',
        callingLineIdLastName: 'L',
        callingLineIdFirstName: 'F',
        countryCode: '32',
        department: { $type: 'EnterpriseDepartmentKey', serviceProviderId: 'ApioSpTest', name: 'Sales' },
        alias: ['a@sip.netaxis.be'],
      },
      destinationPhoneNumber: ['+3271123457', 'alice@example.com'],
      isAnswerTimeoutEnabled: false,
    };
    const xml = encodeDocument({ sessionId: 's', commands: [{ spec: GroupInstantGroupCallGetInstanceResponse19sp1, value }] });
    const [command] = decodeDocument(xml, { strict: true }).commands;
    assert.deepEqual(command?.value, value);
  });

  test('a table is written in heading order and read back keyed by heading', () => {
    const table = {
      headings: ['Service User Id', 'Name', 'Phone Number', 'Extension', 'Department', 'Is Active'],
      rows: [
        { 'Service User Id': 'a@x', Name: 'A', 'Phone Number': '+3271123456', Extension: '3456', Department: '', 'Is Active': 'true' },
        // Keys in another order, one missing: written by heading, missing → empty <col/>.
        { 'Is Active': 'false', Name: 'B', 'Service User Id': 'b@x', 'Phone Number': '', Extension: '', Department: 'D' },
      ],
    };
    const xml = encodeDocument({ sessionId: 's', commands: [{ spec: GroupInstantGroupCallGetInstanceListResponse, value: { instantGroupCallTable: table } }] });
    assert.ok(xml.includes('<row><col>b@x</col><col>B</col><col/><col/><col>D</col><col>false</col></row>'));
    const [command] = decodeDocument(xml, { strict: true }).commands;
    assert.deepEqual(command?.value, { instantGroupCallTable: table });
  });
});
