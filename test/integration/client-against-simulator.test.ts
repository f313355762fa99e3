// The real client against the real simulator: both ends of the wire over 127.0.0.1, with the
// simulator's faults standing in for a misbehaving BroadWorks.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  createOcipClient,
  GroupGetRequest22V5,
  GroupInstantGroupCallGetInstanceListRequest,
  OcipErrorCodes,
  OcipError,
  OcipErrorResponseError,
} from '../../src/ocip/index.js';
import type { OcipClient } from '../../src/ocip/index.js';
import { DEFAULT_SEED_WORLD_URL, readSeedWorld, startSimulator } from '../../src/simulator/index.js';
import type { Simulator } from '../../src/simulator/index.js';

const group = { serviceProviderId: 'ApioSpTest', groupId: 'ApioGrpTest' };

let simulator: Simulator;
const clients: OcipClient[] = [];

function client(options: { requestTimeoutMs?: number; password?: string; url?: string } = {}): OcipClient {
  const created = createOcipClient({
    url: options.url ?? `tcp://127.0.0.1:${simulator.port}`,
    userId: 'admin',
    password: options.password ?? 'admin',
    poolSize: 2,
    requestTimeoutMs: options.requestTimeoutMs ?? 2000,
    loginRetryDelayMs: 50,
  });
  clients.push(created);
  return created;
}

before(async () => {
  simulator = await startSimulator({ port: 0, httpPort: 0, seed: await readSeedWorld(DEFAULT_SEED_WORLD_URL) });
});

after(async () => {
  await Promise.all(clients.map((c) => c.destroy()));
  await simulator.close();
});

describe('the client and the simulator over TCP', () => {
  test('signed-password login, then a lookup of the seed group', async () => {
    const answer = await client().execute(GroupGetRequest22V5, group);
    assert.equal(answer.defaultDomain, 'sip.netaxis.be');
    assert.equal(answer.callingLineIdPhoneNumber?.replace('-', ''), '+3271112230');
  });

  test('a BroadWorks ErrorResponse becomes a typed error with the code parsed from the summary', async () => {
    await assert.rejects(client().execute(GroupGetRequest22V5, { serviceProviderId: 'ApioSpTest', groupId: 'NoSuchGroup' }), (error: unknown) => {
      assert.ok(error instanceof OcipErrorResponseError);
      assert.equal(error.errorCode, 4152);
      assert.match(error.summary, /^\[Error 4152\] Group not found/);
      return true;
    });
  });

  test('a bad password is a login error, not a retry loop', async () => {
    const bad = client({ password: 'wrong' });
    for (let i = 0; i < 3; i++) {
      await assert.rejects(bad.execute(GroupGetRequest22V5, group), (error: unknown) => {
        assert.ok(error instanceof OcipError);
        assert.equal(error.code, OcipErrorCodes.LOGIN_FAILED);
        assert.ok(!error.message.includes('wrong'), 'the password never appears');
        return true;
      });
    }
  });

  test('a dropped connection fails the request in flight; the next one gets a new session', async () => {
    const c = client();
    await c.execute(GroupGetRequest22V5, group);
    simulator.faults.dropConnectionOnNext('GroupGetRequest22V5');
    await assert.rejects(c.execute(GroupGetRequest22V5, group), (error: unknown) => {
      assert.ok(error instanceof OcipError);
      assert.equal(error.code, OcipErrorCodes.SOCKET_CLOSED);
      return true;
    });
    assert.equal((await c.execute(GroupGetRequest22V5, group)).defaultDomain, 'sip.netaxis.be');
  });

  test('a request timeout destroys the session; the late answer is never taken for the next request', async () => {
    const c = client({ requestTimeoutMs: 100 });
    await c.execute(GroupGetRequest22V5, group);
    simulator.faults.latency(250);
    await assert.rejects(c.execute(GroupInstantGroupCallGetInstanceListRequest, group), (error: unknown) => {
      assert.ok(error instanceof OcipError);
      assert.equal(error.code, OcipErrorCodes.REQUEST_TIMEOUT);
      return true;
    });
    simulator.faults.reset();
    // Had the late list answer been read as this one's, the types would not match.
    const answer = await c.execute(GroupGetRequest22V5, group);
    assert.equal(answer.groupId, 'ApioGrpTest');
  });

  test('a garbage answer is a protocol error and the session is replaced', async () => {
    const c = client();
    await c.execute(GroupGetRequest22V5, group);
    simulator.faults.garbageOnNext('GroupGetRequest22V5');
    await assert.rejects(c.execute(GroupGetRequest22V5, group), (error: unknown) => {
      assert.ok(error instanceof OcipError);
      assert.equal(error.code, OcipErrorCodes.PROTOCOL);
      return true;
    });
    simulator.faults.wrongSessionIdOnNext('GroupGetRequest22V5');
    await assert.rejects(c.execute(GroupGetRequest22V5, group), (error: unknown) => {
      assert.ok(error instanceof OcipError);
      assert.equal(error.code, OcipErrorCodes.PROTOCOL);
      return true;
    });
    assert.equal((await c.execute(GroupGetRequest22V5, group)).groupId, 'ApioGrpTest');
  });

  test('a server-sent LogoutRequest ends the session; the pool logs in again', async () => {
    const c = client();
    await c.execute(GroupGetRequest22V5, group);
    const before = simulator.sessions().map((s) => s.sessionId);
    let closed = 0;
    for (const sessionId of before) closed += await simulator.logoutSession(sessionId);
    assert.ok(closed >= 1);
    // The LogoutRequest crosses the wire before the client drops the session (bounded wait).
    for (let i = 0; i < 100 && c.stats().idle > 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    assert.equal(c.stats().idle, 0, 'the logged-out session left the pool');
    assert.equal((await c.execute(GroupGetRequest22V5, group)).groupId, 'ApioGrpTest');
  });

  test('close() logs every session out at the simulator', async () => {
    const c = client();
    await Promise.all([c.execute(GroupGetRequest22V5, group), c.execute(GroupGetRequest22V5, group)]);
    const count = () => simulator.sessions().length;
    const open = count();
    await c.close();
    assert.ok(count() < open, `sessions before ${open}, after ${count()}`);
  });
});

test('the same client over the simulator SOAP endpoint', async () => {
  const soap = client({ url: `http://127.0.0.1:${simulator.httpPort}/webservice/services/ProvisioningService` });
  const answer = await soap.execute(GroupGetRequest22V5, group);
  assert.equal(answer.defaultDomain, 'sip.netaxis.be');
  const list = await soap.execute(GroupInstantGroupCallGetInstanceListRequest, group);
  assert.deepEqual(list.instantGroupCallTable.headings, ['Service User Id', 'Name', 'Phone Number', 'Extension', 'Department', 'Is Active']);
});
