// The seed world's content as a client reads it, and the world's persistence through a WorldStore
// (in memory, and the SQLite store on disk).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  GroupDepartmentGetListRequest18,
  GroupDnGetListRequest,
  GroupDomainGetAssignedListRequest,
  GroupGetRequest22V5,
  GroupInstantGroupCallAddInstanceRequest14,
  GroupInstantGroupCallGetInstanceRequest19sp1,
} from '../../src/ocip/codec/index.js';
import { OcipErrorResponseError } from '../../src/ocip/errors.js';
import { createFileWorldStore, createMemoryWorldStore, readSeedWorld, startSimulator } from '../../src/simulator/index.js';
import type { SeedWorld, Simulator, WorldStore } from '../../src/simulator/index.js';
import { OcipTestClient, valueOf } from '../support/ocip-test-client.js';

const IDS = { serviceProviderId: 'ApioSpTest', groupId: 'ApioGrpTest' };
let seed: SeedWorld;

before(async () => {
  seed = await readSeedWorld();
});

async function withGroupAdmin<T>(sim: Simulator, work: (client: OcipTestClient) => Promise<T>): Promise<T> {
  const client = await OcipTestClient.connect(sim.port);
  try {
    valueOf(await client.login22('groupadmin', 'admin'));
    return await work(client);
  } finally {
    await client.close();
  }
}

const addInstance = (client: OcipTestClient, name: string) =>
  client.send(GroupInstantGroupCallAddInstanceRequest14, {
    ...IDS,
    serviceUserId: `${name}@sip.netaxis.be`,
    serviceInstanceProfile: { name, callingLineIdLastName: 'L', callingLineIdFirstName: 'F', phoneNumber: '+3271123455' },
    isAnswerTimeoutEnabled: false,
  });

describe('seed world', () => {
  let sim: Simulator;
  before(async () => {
    sim = await startSimulator({ seed });
  });
  after(() => sim.close());

  test('the group profile shows the default domain, the CLI number and the time zone', async () => {
    const group = await withGroupAdmin(sim, async (client) => valueOf(await client.send(GroupGetRequest22V5, IDS)));
    assert.equal(group.defaultDomain, 'sip.netaxis.be');
    assert.equal(group.callingLineIdPhoneNumber, '+3271112230');
    assert.equal(group.timeZone, 'Europe/Brussels');
    assert.match(String(group.timeZoneDisplayName), /Europe\/Brussels/);
    assert.equal(group.userLimit, 1000);
    assert.equal(group.serviceProviderId, 'ApioSpTest');
    assert.equal(group.groupId, 'ApioGrpTest');
  });

  test('domains and the 20 DNs, E.164, in number order', async () => {
    const [domains, dns] = await withGroupAdmin(sim, async (client) => [
      valueOf(await client.send(GroupDomainGetAssignedListRequest, IDS)),
      valueOf(await client.send(GroupDnGetListRequest, IDS)),
    ]);
    assert.deepEqual(domains, { groupDefaultDomain: 'sip.netaxis.be', domain: ['sip.netaxis.be'] });
    const expected = [...Array(10).keys()].map((i) => `+327111223${i}`).concat([...Array(10).keys()].map((i) => `+327112345${i}`));
    assert.deepEqual(dns!.phoneNumber, expected);
  });

  test('the departments table carries the full path', async () => {
    const table = await withGroupAdmin(sim, async (client) =>
      valueOf(await client.send(GroupDepartmentGetListRequest18, { ...IDS, includeEnterpriseDepartments: true })),
    );
    assert.deepEqual(table.departmentTable, {
      headings: ['Is Enterprise Department', 'Department Name', 'Full Path Name', 'Calling Line Id Name', 'Calling Line Id Phone Number'],
      rows: [
        {
          'Is Enterprise Department': 'false',
          'Department Name': 'test_department_parent_1',
          'Full Path Name': 'test_department_parent_1',
          'Calling Line Id Name': '',
          'Calling Line Id Phone Number': '',
        },
        {
          'Is Enterprise Department': 'false',
          'Department Name': 'test_department_initial',
          'Full Path Name': 'test_department_parent_1 \\ test_department_initial',
          'Calling Line Id Name': '',
          'Calling Line Id Phone Number': '',
        },
      ],
    });
  });

  test('a seed that breaks a rule stops the start with the ErrorResponse', async () => {
    const broken: SeedWorld = { commands: [{ type: 'GroupAddRequest', value: { ...IDS, defaultDomain: 'sip.netaxis.be', userLimit: 1 } }] };
    await assert.rejects(startSimulator({ seed: broken }), (error: unknown) => {
      assert.ok(error instanceof OcipErrorResponseError);
      assert.match(error.summary, /^\[Error 4701\] Service provider not found: ApioSpTest$/);
      return true;
    });
  });
});

describe('persistence', () => {
  test('a restart on the same store keeps the world and does not seed again', async () => {
    const store = createMemoryWorldStore();
    const first = await startSimulator({ seed, store });
    assert.equal((await withGroupAdmin(first, (client) => addInstance(client, 'kept'))).type, 'SuccessResponse');
    await first.close();

    const second = await startSimulator({ seed, store });
    try {
      const read = await withGroupAdmin(second, (client) =>
        client.send(GroupInstantGroupCallGetInstanceRequest19sp1, { serviceUserId: 'kept@sip.netaxis.be' }),
      );
      assert.equal(read.type, 'GroupInstantGroupCallGetInstanceResponse19sp1');
      assert.equal(second.world.departments.length, 2);
    } finally {
      await second.close();
    }
  });

  test('saves never overlap and the last state wins', async () => {
    let saving = 0;
    let overlapped = false;
    const saved: number[] = [];
    const memory = createMemoryWorldStore();
    const store: WorldStore = {
      load: () => memory.load(),
      save: async (snapshot) => {
        overlapped ||= saving > 0;
        saving++;
        await new Promise((resolve) => setImmediate(resolve));
        saved.push(snapshot.instantGroupCalls.length);
        await memory.save(snapshot);
        saving--;
      },
    };
    const sim = await startSimulator({ seed, store });
    await withGroupAdmin(sim, async (client) => {
      const names = ['s1', 's2', 's3', 's4'];
      client.write(names.map((name) => ({ spec: GroupInstantGroupCallAddInstanceRequest14, value: { ...IDS, serviceUserId: `${name}@sip.netaxis.be`, serviceInstanceProfile: { name, callingLineIdLastName: 'L', callingLineIdFirstName: 'F' }, isAnswerTimeoutEnabled: false } })));
      await client.nextDocument();
      for (const name of ['s5', 's6']) {
        client.write([{ spec: GroupInstantGroupCallAddInstanceRequest14, value: { ...IDS, serviceUserId: `${name}@sip.netaxis.be`, serviceInstanceProfile: { name, callingLineIdLastName: 'L', callingLineIdFirstName: 'F' }, isAnswerTimeoutEnabled: false } }]);
      }
      await client.nextDocument();
      await client.nextDocument();
    });
    await sim.close();
    assert.equal(overlapped, false);
    assert.equal(saved.at(-1), 6);
    assert.equal((await memory.load())!.instantGroupCalls.length, 6);
  });

  test('the SQLite store keeps the world on disk across restarts', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'sim-world-'));
    try {
      const first = await startSimulator({ seed, store: createFileWorldStore(dataDir) });
      assert.equal((await withGroupAdmin(first, (client) => addInstance(client, 'on-disk'))).type, 'SuccessResponse');
      await first.close();

      const second = await startSimulator({ seed, store: createFileWorldStore(dataDir) });
      try {
        assert.ok(second.world.instantGroupCall('on-disk@sip.netaxis.be'));
        assert.equal(second.world.dns.get('+3271123455')?.groupId, 'ApioGrpTest');
      } finally {
        await second.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
