// Documents on the wire: framing, several commands per document, schema-invalid and non-OCI-P
// input, and the simulator's answers checked against the R25 schema.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  AuthenticationRequest,
  GroupDepartmentGetListRequest18,
  GroupDomainGetAssignedListRequest,
  GroupDnGetListRequest,
  GroupGetRequest22V5,
  GroupInstantGroupCallAddInstanceRequest14,
  GroupInstantGroupCallGetInstanceListRequest,
  GroupInstantGroupCallGetInstanceRequest19sp1,
  LoginRequest14sp4,
  LoginRequest22V5,
  VerifySessionIsValidRequest,
  encodeDocument,
} from '../../src/ocip/codec/index.js';
import type { OutgoingCommand } from '../../src/ocip/codec/index.js';
import { SIM_ERRORS } from '../../src/simulator/index.js';
import { errorCodeOf } from '../support/ocip-test-client.js';
import type { OcipTestClient } from '../support/ocip-test-client.js';
import { useSeededSimulator } from '../support/seeded-simulator.js';
import { schemaAvailability, validateDocuments } from '../support/xsd.js';

const IDS = { serviceProviderId: 'ApioSpTest', groupId: 'ApioGrpTest' };
const fixture = useSeededSimulator();

const loggedIn = (): Promise<OcipTestClient> => fixture.loggedIn('tenantadmin');

describe('several commands in one document', () => {
  test('one response per command, in order, each with its echo (empty when none was sent)', async () => {
    const client = await loggedIn();
    const reply = await client.exchange([
      { spec: VerifySessionIsValidRequest, value: {}, echo: 'first' },
      { spec: GroupGetRequest22V5, value: IDS, echo: 'second' },
      { spec: GroupGetRequest22V5, value: { ...IDS, groupId: 'Nope' }, echo: 'third' },
      { spec: GroupDnGetListRequest, value: IDS },
    ]);
    assert.equal(reply.sessionId, client.sessionId);
    assert.deepEqual(
      reply.commands.map((c) => [c.type, c.echo]),
      [
        ['SuccessResponse', 'first'],
        ['GroupGetResponse22V5', 'second'],
        ['ErrorResponse', 'third'],
        ['GroupDnGetListResponse', ''],
      ],
    );
    assert.equal(reply.commands[2]!.value?.summary, '[Error 4152] Group not found: ApioSpTest:Nope');
  });

  test('a schema-invalid command gets 6004 and the others are still run (no transaction)', async () => {
    const client = await loggedIn();
    const add = (name: string, extension: string): OutgoingCommand => ({
      spec: GroupInstantGroupCallAddInstanceRequest14,
      value: {
        ...IDS,
        serviceUserId: `${name}@sip.netaxis.be`,
        serviceInstanceProfile: { name, callingLineIdLastName: 'L', callingLineIdFirstName: 'F', extension },
        isAnswerTimeoutEnabled: false,
      },
    });
    const text = encodeDocument({ sessionId: client.sessionId, commands: [add('doc-a', '11'), add('doc-b', '12'), add('doc-c', '13')] });
    client.writeRaw(text.replace('<extension>12</extension>', '<extension>12</extension><bogus/>'));
    const reply = await client.nextDocument();
    assert.deepEqual(reply.commands.map((c) => c.type), ['SuccessResponse', 'ErrorResponse', 'SuccessResponse']);
    assert.equal(errorCodeOf(reply.commands[1]!), 6004);
    assert.match(String(reply.commands[1]!.value?.detail), /bogus/);
    assert.ok(fixture.sim.world.instantGroupCall('doc-c@sip.netaxis.be'));
  });

  test('an unknown xsi:type is a 6004 validation error; a response type sent as a request is not served', async () => {
    const client = await loggedIn();
    const text = encodeDocument({ sessionId: client.sessionId, commands: [{ spec: VerifySessionIsValidRequest, value: {} }] });
    client.writeRaw(text.replace('xsi:type="VerifySessionIsValidRequest"', 'xsi:type="NoSuchRequest"'));
    const unknown = (await client.nextDocument()).commands[0]!;
    assert.equal(errorCodeOf(unknown), 6004);
    assert.equal(unknown.value?.detail, "Invalid xsi:type qname: 'NoSuchRequest'");
    client.writeRaw(text.replace('xsi:type="VerifySessionIsValidRequest" xmlns=""', 'xsi:type="c:SuccessResponse" xmlns:c="C" xmlns=""'));
    assert.equal(errorCodeOf((await client.nextDocument()).commands[0]!), SIM_ERRORS.NOT_SUPPORTED.code);
  });
});

describe('framing and broken documents', () => {
  test('a document split into single bytes, then two documents in one chunk, are answered in order', async () => {
    const client = await loggedIn();
    const doc = (echo: string) => encodeDocument({ sessionId: client.sessionId, commands: [{ spec: VerifySessionIsValidRequest, value: {}, echo }] });
    for (const byte of Buffer.from(doc('bytes'))) client.writeRaw(Buffer.from([byte]));
    client.writeRaw(doc('one') + doc('two'));
    for (const echo of ['bytes', 'one', 'two']) assert.equal((await client.nextDocument()).commands[0]!.echo, echo);
  });

  test('a broken BroadsoftDocument gets one ErrorResponse under the sessionId found in it; input that is not OCI-P closes the connection', async () => {
    const client = await loggedIn();
    client.writeRaw(`<?xml version="1.0"?><BroadsoftDocument protocol="OCI"><sessionId>${client.sessionId}</sessionId><oops></BroadsoftDocument>\n`);
    const reply = await client.nextDocument();
    assert.equal(reply.sessionId, client.sessionId);
    assert.equal(reply.commands.length, 1);
    assert.equal(errorCodeOf(reply.commands[0]!), 6004);
    // The connection still works.
    assert.equal((await client.send(VerifySessionIsValidRequest, {})).type, 'SuccessResponse');
    // Markup that is no BroadsoftDocument at all: a real server hangs up, and so does the simulator.
    client.writeRaw('<html>not oci</html></BroadsoftDocument>\n');
    await client.closed;
  });

  test('more than 15 commands is refused as a whole', async () => {
    const client = await loggedIn();
    const one = encodeDocument({ sessionId: client.sessionId, commands: [{ spec: VerifySessionIsValidRequest, value: {} }] });
    const command = /<command[\s\S]*<\/command>/.exec(one)![0];
    client.writeRaw(one.replace(command, command.repeat(16)));
    const reply = await client.nextDocument();
    assert.equal(reply.commands.length, 1);
    assert.match(String(reply.commands[0]!.value?.detail), /16 commands/);
  });

  test('a megabyte without an end tag closes the connection', async () => {
    const client = await loggedIn();
    client.writeRaw(Buffer.alloc(1024 * 1024 + 10, 0x61));
    await client.closed;
  });
});

describe('the answers obey the R25 schema', () => {
  const availability = schemaAvailability();
  test('logins, lookups, instance answers and errors validate with xmllint', { skip: availability.ok ? false : availability.reason }, async () => {
    const client = await fixture.connect();
    const answers: string[] = [];
    const ask = async (commands: OutgoingCommand[]) => {
      client.write(commands);
      answers.push(await client.nextText());
    };
    await ask([{ spec: VerifySessionIsValidRequest, value: {} }]);
    await ask([{ spec: AuthenticationRequest, value: { userId: 'tenantadmin' } }]);
    await ask([{ spec: LoginRequest14sp4, value: { userId: 'tenantadmin', plainTextPassword: 'admin' } }]);
    await ask([{ spec: LoginRequest22V5, value: { userId: 'tenantadmin', password: 'admin' } }]);
    const department = { $type: 'GroupDepartmentKey', ...IDS, name: 'test_department_initial' } as const;
    await ask([
      {
        spec: GroupInstantGroupCallAddInstanceRequest14,
        value: {
          ...IDS,
          serviceUserId: 'xsd-igc@sip.netaxis.be',
          serviceInstanceProfile: {
            name: 'XSD',
            callingLineIdLastName: 'L',
            callingLineIdFirstName: 'F',
            phoneNumber: '+3271123459',
            extension: '3459',
            department,
            alias: ['xsd.alias@sip.netaxis.be'],
            callingLineIdPhoneNumber: '+3271123459',
          },
          destinationPhoneNumber: ['+3271123450', 'a@b.example.com'],
          isAnswerTimeoutEnabled: true,
          answerTimeoutMinutes: 3,
          networkClassOfService: 'Default',
        },
      },
      { spec: GroupGetRequest22V5, value: IDS },
      { spec: GroupDomainGetAssignedListRequest, value: IDS },
      { spec: GroupDnGetListRequest, value: IDS },
      { spec: GroupDepartmentGetListRequest18, value: { ...IDS, includeEnterpriseDepartments: true } },
      { spec: GroupInstantGroupCallGetInstanceRequest19sp1, value: { serviceUserId: 'xsd-igc@sip.netaxis.be' } },
      { spec: GroupInstantGroupCallGetInstanceListRequest, value: IDS },
      { spec: GroupGetRequest22V5, value: { ...IDS, groupId: 'Nope' } },
    ]);
    const results = await validateDocuments(answers);
    results.forEach((result, i) => assert.ok(result.valid, `${answers[i]}\n${result.errors.join('\n')}`));
  });
});

test('the error table gives every kind its own code', async () => {
  const codes = Object.values(SIM_ERRORS).map((entry) => entry.code);
  assert.equal(new Set(codes).size, codes.length);
  assert.deepEqual(
    [SIM_ERRORS.USER_NOT_FOUND.code, SIM_ERRORS.GROUP_NOT_FOUND.code, SIM_ERRORS.USER_ALREADY_EXISTS.code, SIM_ERRORS.INVALID_PASSWORD.code, SIM_ERRORS.REQUEST_VALIDATION.code],
    [4008, 4152, 4200, 4962, 6004],
  );
});
