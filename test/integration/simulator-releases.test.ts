// The simulator in each release mode serves exactly that release's command set: what the release's
// schema lacks is answered 6004, as its server would; SystemSoftwareVersionGetRequest says which
// release it is. Its answers can come in another encoding as raw bytes. Sessions expire after an
// idle time, and the client carries on transparently: over TCP (the server logs the session out)
// and over SOAP (the next request gets a fault and goes again on a fresh login).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  createOcipClient,
  GroupAddRequest,
  GroupGetRequest14sp7,
  GroupGetRequest22V5,
  GroupInstantGroupCallAddInstanceRequest14,
  GroupInstantGroupCallGetInstanceRequest19sp1,
  LoginRequest22V4,
  LoginRequest22V5,
  RELEASE_PROFILES,
  RELEASES,
  SystemSoftwareVersionGetRequest,
} from '../../src/ocip/index.js';
import { DEFAULT_SEED_WORLD_URL, readSeedWorld, SIM_ERRORS, startSimulator } from '../../src/simulator/index.js';
import type { Simulator } from '../../src/simulator/index.js';
import { errorCodeOf, OcipTestClient, valueOf } from '../support/ocip-test-client.js';

const IDS = { serviceProviderId: 'ApioSpTest', groupId: 'ApioGrpTest' };
const VALIDATION = SIM_ERRORS.REQUEST_VALIDATION.code;

for (const release of RELEASES) {
  describe(`SIMULATOR_RELEASE ${release}`, () => {
    let sim: Simulator;
    const profile = RELEASE_PROFILES[release];
    before(async () => {
      sim = await startSimulator({ seed: await readSeedWorld(DEFAULT_SEED_WORLD_URL), release });
    });
    after(() => sim.close());

    test('SystemSoftwareVersionGetRequest names the release', async () => {
      const client = await OcipTestClient.connect(sim.port);
      await client.login14('admin', 'admin');
      const version = String(valueOf(await client.send(SystemSoftwareVersionGetRequest, {})).version);
      assert.equal(version.split('.')[0], release.slice(1));
      await client.close();
    });

    for (const login of [LoginRequest22V5, LoginRequest22V4]) {
      const lacks = profile.missing.has(login.name);
      test(`${login.name} is ${lacks ? 'answered 6004' : 'served'}`, async () => {
        const client = await OcipTestClient.connect(sim.port);
        const reply = await client.send(login, { userId: 'admin', password: 'admin' });
        if (lacks) assert.equal(errorCodeOf(reply), VALIDATION);
        else assert.equal(reply.type, login.response!.name);
        await client.close();
      });
    }

    for (const read of [GroupGetRequest22V5, GroupGetRequest14sp7]) {
      const lacks = profile.missing.has(read.name);
      test(`${read.name} is ${lacks ? 'answered 6004' : 'served'}`, async () => {
        const client = await OcipTestClient.connect(sim.port);
        await client.login14('admin', 'admin');
        const reply = await client.send(read, IDS);
        if (lacks) assert.equal(errorCodeOf(reply), VALIDATION);
        else assert.equal(valueOf(reply).defaultDomain, 'sip.netaxis.be');
        await client.close();
      });
    }

    test(`elements ${release} lacks are answered 6004`, async () => {
      const client = await OcipTestClient.connect(sim.port);
      await client.login14('admin', 'admin');
      const reply = await client.send(GroupAddRequest, { serviceProviderId: 'ApioSpTest', groupId: `g-${release}`, defaultDomain: 'sip.netaxis.be', userLimit: 10, servicePolicy: 'p' });
      if (profile.lacksElements.has(GroupAddRequest.name)) assert.equal(errorCodeOf(reply), VALIDATION);
      else assert.equal(reply.type, 'SuccessResponse');
      await client.close();
    });
  });
}

describe('SIMULATOR_ENCODING', () => {
  test('ISO-8859-2 answers carry ł as its raw byte (0xB3) under that declaration', async () => {
    const sim = await startSimulator({ seed: await readSeedWorld(DEFAULT_SEED_WORLD_URL), encoding: 'ISO-8859-2' });
    const client = await OcipTestClient.connect(sim.port);
    try {
      await client.login14('admin', 'admin');
      const serviceUserId = 'bytes@sip.netaxis.be';
      const profile = { name: 'Łódź ł €', callingLineIdLastName: 'L', callingLineIdFirstName: 'F' };
      await client.send(GroupInstantGroupCallAddInstanceRequest14, { ...IDS, serviceUserId, serviceInstanceProfile: profile, isAnswerTimeoutEnabled: false });
      client.write([{ spec: GroupInstantGroupCallGetInstanceRequest19sp1, value: { serviceUserId } }]);
      const bytes = await client.nextBytes();
      assert.ok(bytes.subarray(0, 60).toString('latin1').includes('encoding="ISO-8859-2"'));
      // Ł = 0xA3, ó = 0xF3, d, ź = 0xBC; € is not in ISO-8859-2, so it stays a character reference.
      assert.ok(bytes.includes(Buffer.from([0x3e, 0xa3, 0xf3, 0x64, 0xbc, 0x20, 0xb3, 0x20])), bytes.toString('latin1'));
      assert.ok(bytes.includes(Buffer.from('&#8364;', 'latin1')));
    } finally {
      await client.close();
      await sim.close();
    }
  });
});

describe('session expiry', () => {
  test('over TCP the server logs an idle session out; the next request logs in again, transparently', async () => {
    const sim = await startSimulator({ seed: await readSeedWorld(DEFAULT_SEED_WORLD_URL), sessionIdleTimeoutMs: 150 });
    const client = createOcipClient({ url: `tcp://127.0.0.1:${sim.port}`, userId: 'admin', password: 'admin', poolSize: 1, release: 'R25' });
    try {
      await client.execute(GroupGetRequest22V5, IDS);
      const [first] = sim.sessions();
      await sleep(400);
      assert.deepEqual(sim.sessions(), [], 'the idle session was logged out by the server');
      assert.equal((await client.execute(GroupGetRequest22V5, IDS)).defaultDomain, 'sip.netaxis.be');
      assert.notEqual(sim.sessions()[0]?.sessionId, first?.sessionId);
    } finally {
      await client.close();
      await sim.close();
    }
  });

  test('over SOAP a request after the expiry gets a fault, and goes again on a fresh login', async () => {
    const sim = await startSimulator({ seed: await readSeedWorld(DEFAULT_SEED_WORLD_URL), sessionIdleTimeoutMs: 150, httpPort: 0 });
    const url = `http://127.0.0.1:${sim.httpPort}/webservice/services/ProvisioningService`;
    const client = createOcipClient({ url, userId: 'admin', password: 'admin', poolSize: 1, release: 'R25' });
    try {
      await client.execute(GroupGetRequest22V5, IDS);
      await sleep(300);
      assert.equal((await client.execute(GroupGetRequest22V5, IDS)).defaultDomain, 'sip.netaxis.be');
      assert.equal(client.roundTrips, 3, 'the faulted document was sent again');
    } finally {
      await client.close();
      await sim.close();
    }
  });
});
