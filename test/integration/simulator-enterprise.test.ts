// A simulator started from a world snapshot (options.world): an enterprise with an enterprise
// department, a group department below it, and a group admin whose login says isEnterprise.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  GroupDepartmentGetListRequest18,
  GroupInstantGroupCallAddInstanceRequest14,
  GroupInstantGroupCallGetInstanceListRequest,
  GroupInstantGroupCallGetInstanceRequest19sp1,
  sha1Hex,
} from '../../src/ocip/codec/index.js';
import type { OciTable } from '../../src/ocip/codec/index.js';
import { startSimulator } from '../../src/simulator/index.js';
import type { Simulator, WorldSnapshot } from '../../src/simulator/index.js';
import { OcipTestClient, valueOf } from '../support/ocip-test-client.js';

const IDS = { serviceProviderId: 'Ent1', groupId: 'EntGrp' };
const SALES = { $type: 'EnterpriseDepartmentKey', serviceProviderId: 'Ent1', name: 'Sales' } as const;

const world: WorldSnapshot = {
  version: 1,
  defaultCountryCode: '32',
  systemDomains: ['ent.example.com'],
  serviceProviders: [{ serviceProviderId: 'Ent1', isEnterprise: true, defaultDomain: 'ent.example.com', domains: ['ent.example.com'] }],
  groups: [{ ...IDS, defaultDomain: 'ent.example.com', userLimit: 10, timeZone: 'Europe/Paris', domains: ['ent.example.com'] }],
  departments: [
    { serviceProviderId: 'Ent1', name: 'Sales' },
    { ...IDS, name: 'Team', parent: { serviceProviderId: 'Ent1', name: 'Sales' } },
  ],
  dns: [{ phoneNumber: '+33140000000', ...IDS }],
  admins: [{ userId: 'entadmin', kind: 'group', ...IDS, passwordSha1: sha1Hex('secret') }],
  instantGroupCalls: [],
};

let sim: Simulator;
let client: OcipTestClient;

before(async () => {
  sim = await startSimulator({ world });
  client = await OcipTestClient.connect(sim.port);
});
after(async () => {
  await client.close();
  await sim.close();
});

test('the login of an enterprise group admin says isEnterprise, with the system domain as userDomain', async () => {
  const login = valueOf(await client.login22('entadmin', 'secret'));
  assert.equal(login.isEnterprise, true);
  assert.equal(login.userDomain, 'ent.example.com');
});

test('enterprise departments are listed on request, and full paths cross into the enterprise', async () => {
  const withEnterprise = valueOf(await client.send(GroupDepartmentGetListRequest18, { ...IDS, includeEnterpriseDepartments: true }));
  const rows = (withEnterprise.departmentTable as OciTable).rows.map((r) => [r['Is Enterprise Department'], r['Full Path Name']]);
  assert.deepEqual(rows, [
    ['true', 'Sales'],
    ['false', 'Sales \\ Team'],
  ]);
  const groupOnly = valueOf(await client.send(GroupDepartmentGetListRequest18, { ...IDS, includeEnterpriseDepartments: false }));
  assert.deepEqual((groupOnly.departmentTable as OciTable).rows.map((r) => r['Department Name']), ['Team']);
});

test('an instance may reference an enterprise department; a French number reads back with countryCode 33', async () => {
  const add = await client.send(GroupInstantGroupCallAddInstanceRequest14, {
    ...IDS,
    serviceUserId: 'igc@ent.example.com',
    serviceInstanceProfile: { name: 'Ent IGC', callingLineIdLastName: 'L', callingLineIdFirstName: 'F', phoneNumber: '+33-140000000', department: SALES },
    isAnswerTimeoutEnabled: false,
  });
  assert.equal(add.type, 'SuccessResponse');
  const profile = valueOf(await client.send(GroupInstantGroupCallGetInstanceRequest19sp1, { serviceUserId: 'igc@ent.example.com' }))
    .serviceInstanceProfile as Record<string, unknown>;
  assert.deepEqual(profile.department, SALES);
  assert.equal(profile.countryCode, '33');
  assert.equal(profile.phoneNumber, '140000000');
  assert.equal(profile.timeZone, 'Europe/Paris');
  const table = valueOf(await client.send(GroupInstantGroupCallGetInstanceListRequest, IDS)).instantGroupCallTable as OciTable;
  assert.equal(table.rows[0]!.Department, 'Sales');
  assert.equal(table.rows[0]!['Phone Number'], '+33140000000');
});
