// Fault injection for the client's tests: each fault observed through a real socket.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  GroupGetRequest22V5,
  GroupInstantGroupCallAddInstanceRequest14,
  VerifySessionIsValidRequest,
} from '../../src/ocip/codec/index.js';
import type { CommandValue } from '../../src/ocip/codec/index.js';
import { GARBAGE_ANSWER } from '../../src/simulator/index.js';
import type { OcipTestClient } from '../support/ocip-test-client.js';
import { useSeededSimulator } from '../support/seeded-simulator.js';

const IDS = { serviceProviderId: 'ApioSpTest', groupId: 'ApioGrpTest' };
const fixture = useSeededSimulator();

const loggedIn = (): Promise<OcipTestClient> => fixture.loggedIn('groupadmin');

function instance(name: string): CommandValue<typeof GroupInstantGroupCallAddInstanceRequest14> {
  return {
    ...IDS,
    serviceUserId: `${name}@sip.netaxis.be`,
    serviceInstanceProfile: { name, callingLineIdLastName: 'L', callingLineIdFirstName: 'F' },
    isAnswerTimeoutEnabled: false,
  };
}

async function elapsed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

test('applyThenDropOnNext runs the matching request, keeps its change, and closes the socket without answering', async () => {
  fixture.sim.faults.applyThenDropOnNext(GroupInstantGroupCallAddInstanceRequest14.name);
  const client = await loggedIn();
  assert.equal((await client.send(VerifySessionIsValidRequest, {})).type, 'SuccessResponse');
  client.write([{ spec: GroupInstantGroupCallAddInstanceRequest14, value: instance('applied') }]);
  await client.closed;
  assert.equal(fixture.sim.world.instantGroupCall('applied@sip.netaxis.be')?.name, 'applied');

  // It fired once: the same Add on a new connection is answered (BroadWorks already has the id).
  const again = await loggedIn();
  assert.equal((await again.send(GroupInstantGroupCallAddInstanceRequest14, instance('applied'))).type, 'ErrorResponse');
});

test('latency delays every answer', async () => {
  const client = await loggedIn();
  fixture.sim.faults.latency(150);
  assert.ok((await elapsed(() => client.send(VerifySessionIsValidRequest, {}))) >= 140);
  fixture.sim.faults.latency(0);
  assert.ok((await elapsed(() => client.send(VerifySessionIsValidRequest, {}))) < 140);
});

test('slowLogin delays login answers only', async () => {
  fixture.sim.faults.slowLogin(150);
  const client = await fixture.connect();
  assert.ok((await elapsed(() => client.login22('groupadmin', 'admin'))) >= 140);
  assert.ok((await elapsed(() => client.send(VerifySessionIsValidRequest, {}))) < 140);
});

test('dropConnectionOnNext closes the socket on the matching request, which is not run; it fires once', async () => {
  fixture.sim.faults.dropConnectionOnNext(GroupInstantGroupCallAddInstanceRequest14.name);
  const client = await loggedIn();
  assert.equal((await client.send(VerifySessionIsValidRequest, {})).type, 'SuccessResponse');
  client.write([{ spec: GroupInstantGroupCallAddInstanceRequest14, value: instance('dropped') }]);
  await client.closed;
  assert.equal(fixture.sim.world.instantGroupCall('dropped@sip.netaxis.be'), undefined);

  const again = await loggedIn();
  assert.equal((await again.send(GroupInstantGroupCallAddInstanceRequest14, instance('dropped'))).type, 'SuccessResponse');
});

test('garbageOnNext answers bytes that are not OCI-P (after running the request)', async () => {
  const client = await loggedIn();
  fixture.sim.faults.garbageOnNext();
  client.write([{ spec: GroupInstantGroupCallAddInstanceRequest14, value: instance('garbled') }]);
  assert.ok((await client.rawUntil(GARBAGE_ANSWER)).endsWith(GARBAGE_ANSWER));
  assert.ok(fixture.sim.world.instantGroupCall('garbled@sip.netaxis.be'));
});

test('wrongSessionIdOnNext answers a well-formed document under another sessionId', async () => {
  const client = await loggedIn();
  fixture.sim.faults.wrongSessionIdOnNext(VerifySessionIsValidRequest.name);
  const wrong = await client.exchange([{ spec: VerifySessionIsValidRequest, value: {} }]);
  assert.notEqual(wrong.sessionId, client.sessionId);
  assert.equal(wrong.commands[0]!.type, 'SuccessResponse');
  assert.equal((await client.exchange([{ spec: VerifySessionIsValidRequest, value: {} }])).sessionId, client.sessionId);
});

test('errorOnNext forces an ErrorResponse on the matching command only, once', async () => {
  const client = await loggedIn();
  fixture.sim.faults.errorOnNext(GroupGetRequest22V5.name, { errorCode: 4152, summary: '[Error 4152] Group not found: forced' });
  const reply = await client.exchange([
    { spec: VerifySessionIsValidRequest, value: {} },
    { spec: GroupGetRequest22V5, value: IDS, echo: 'g' },
  ]);
  assert.equal(reply.commands[0]!.type, 'SuccessResponse');
  assert.equal(reply.commands[1]!.echo, 'g');
  assert.deepEqual(reply.commands[1]!.value, {
    errorCode: 4152,
    summary: '[Error 4152] Group not found: forced',
    summaryEnglish: '[Error 4152] Group not found: forced',
    type: 'Error',
  });
  assert.equal((await client.send(GroupGetRequest22V5, IDS)).type, 'GroupGetResponse22V5');
});

test('reset clears latency and armed faults', async () => {
  const client = await loggedIn();
  fixture.sim.faults.latency(500);
  fixture.sim.faults.dropConnectionOnNext();
  fixture.sim.faults.reset();
  assert.ok((await elapsed(() => client.send(VerifySessionIsValidRequest, {}))) < 400);
});
