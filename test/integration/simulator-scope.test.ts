// Administrator scope as BroadWorks enforces it: a group admin only its group, a provider admin only
// its provider, system-level objects only a system admin. Also the world builders' own rules.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  GroupAddRequest,
  GroupDepartmentAddRequest,
  GroupDnAssignListRequest,
  GroupGetRequest22V5,
  GroupInstantGroupCallAddInstanceRequest14,
  GroupInstantGroupCallGetInstanceRequest19sp1,
  GroupInstantGroupCallModifyActiveInstanceListRequest,
  GroupModifyRequest,
  ServiceProviderAddRequest13mp2,
  ServiceProviderDnAddListRequest,
  SystemDomainAddRequest,
} from '../../src/ocip/codec/index.js';
import type { CommandValue } from '../../src/ocip/codec/index.js';
import { readSeedWorld, SIM_ERRORS, startSimulator } from '../../src/simulator/index.js';
import type { Simulator } from '../../src/simulator/index.js';
import { errorCodeOf, OcipTestClient, valueOf } from '../support/ocip-test-client.js';

const DENIED = SIM_ERRORS.ACCESS_DENIED.code;
let sim: Simulator;
let system: OcipTestClient;
let provider: OcipTestClient;
let group: OcipTestClient;

function igc(serviceProviderId: string, groupId: string, name: string): CommandValue<typeof GroupInstantGroupCallAddInstanceRequest14> {
  return {
    serviceProviderId,
    groupId,
    serviceUserId: `${name}@sip.netaxis.be`,
    serviceInstanceProfile: { name, callingLineIdLastName: 'L', callingLineIdFirstName: 'F' },
    isAnswerTimeoutEnabled: false,
  };
}

before(async () => {
  sim = await startSimulator({ seed: await readSeedWorld() });
  system = await OcipTestClient.connect(sim.port);
  provider = await OcipTestClient.connect(sim.port);
  group = await OcipTestClient.connect(sim.port);
  valueOf(await system.login22('admin', 'admin'));
  valueOf(await provider.login22('tenantadmin', 'admin'));
  valueOf(await group.login22('groupadmin', 'admin'));
  // A second group in ApioSpTest and a second provider, built by the system admin.
  const build = await system.exchange([
    { spec: GroupAddRequest, value: { serviceProviderId: 'ApioSpTest', groupId: 'OtherGroup', defaultDomain: 'sip.netaxis.be', userLimit: 10 } },
    { spec: ServiceProviderAddRequest13mp2, value: { isEnterprise: true, serviceProviderId: 'OtherEnt', defaultDomain: 'sip.netaxis.be' } },
    { spec: GroupAddRequest, value: { serviceProviderId: 'OtherEnt', groupId: 'EntGroup', defaultDomain: 'sip.netaxis.be', userLimit: 10 } },
  ]);
  assert.deepEqual(build.commands.map((c) => c.type), ['SuccessResponse', 'SuccessResponse', 'SuccessResponse']);
  valueOf(await system.send(GroupInstantGroupCallAddInstanceRequest14, igc('ApioSpTest', 'OtherGroup', 'other-igc')));
});
after(async () => {
  await Promise.all([system, provider, group].map((client) => client.close()));
  await sim.close();
});

describe('group administrator', () => {
  test('may not read or write another group of its provider', async () => {
    const get = await group.send(GroupGetRequest22V5, { serviceProviderId: 'ApioSpTest', groupId: 'OtherGroup' });
    assert.equal(errorCodeOf(get), DENIED);
    assert.equal(get.value?.summary, '[Error 4902] Access denied: group ApioSpTest:OtherGroup');
    assert.equal(errorCodeOf(await group.send(GroupInstantGroupCallAddInstanceRequest14, igc('ApioSpTest', 'OtherGroup', 'x1'))), DENIED);
    const read = await group.send(GroupInstantGroupCallGetInstanceRequest19sp1, { serviceUserId: 'other-igc@sip.netaxis.be' });
    assert.equal(errorCodeOf(read), DENIED);
    const activate = await group.send(GroupInstantGroupCallModifyActiveInstanceListRequest, {
      serviceActivation: [{ serviceUserId: 'other-igc@sip.netaxis.be', isActive: false }],
    });
    assert.equal(errorCodeOf(activate), DENIED);
  });

  test('a group that does not exist in its scope is denied, not reported missing', async () => {
    assert.equal(errorCodeOf(await group.send(GroupGetRequest22V5, { serviceProviderId: 'ApioSpTest', groupId: 'Nope' })), DENIED);
  });

  test('may add departments and edit its profile, but not its user limit, nor assign DNs', async () => {
    const department = { serviceProviderId: 'ApioSpTest', groupId: 'ApioGrpTest', departmentName: 'scope_dept' };
    assert.equal((await group.send(GroupDepartmentAddRequest, department)).type, 'SuccessResponse');
    assert.equal(errorCodeOf(await group.send(GroupDepartmentAddRequest, department)), SIM_ERRORS.DEPARTMENT_EXISTS.code);
    const ids = { serviceProviderId: 'ApioSpTest', groupId: 'ApioGrpTest' };
    assert.equal((await group.send(GroupModifyRequest, { ...ids, callingLineIdName: 'Apio CLI' })).type, 'SuccessResponse');
    assert.equal(errorCodeOf(await group.send(GroupModifyRequest, { ...ids, userLimit: 5 })), DENIED);
    assert.equal(errorCodeOf(await group.send(GroupDnAssignListRequest, { ...ids, phoneNumber: ['+3271112230'] })), DENIED);
    assert.equal(errorCodeOf(await group.send(GroupAddRequest, { ...ids, groupId: 'G2', defaultDomain: 'sip.netaxis.be', userLimit: 1 })), DENIED);
  });
});

describe('service provider administrator', () => {
  test('reaches every group of its provider, nothing of another provider', async () => {
    assert.equal((await provider.send(GroupGetRequest22V5, { serviceProviderId: 'ApioSpTest', groupId: 'OtherGroup' })).type, 'GroupGetResponse22V5');
    assert.equal(errorCodeOf(await provider.send(GroupGetRequest22V5, { serviceProviderId: 'OtherEnt', groupId: 'EntGroup' })), DENIED);
    assert.equal(errorCodeOf(await provider.send(GroupGetRequest22V5, { serviceProviderId: 'ApioSpTest', groupId: 'Nope' })), 4152);
  });

  test('may not add system-level objects: domains, providers, provider DNs', async () => {
    assert.equal(errorCodeOf(await provider.send(SystemDomainAddRequest, { domain: 'x.example.com' })), DENIED);
    const sp = { useCustomRoutingProfile: false, serviceProviderId: 'Sp2', defaultDomain: 'sip.netaxis.be' };
    assert.equal(errorCodeOf(await provider.send(ServiceProviderAddRequest13mp2, sp)), DENIED);
    assert.equal(errorCodeOf(await provider.send(ServiceProviderDnAddListRequest, { serviceProviderId: 'ApioSpTest', phoneNumber: ['+3220000000'] })), DENIED);
  });
});

describe('world builder rules', () => {
  test('providers, groups and domains refuse duplicates and unknown references', async () => {
    assert.equal(errorCodeOf(await system.send(SystemDomainAddRequest, { domain: 'sip.netaxis.be' })), SIM_ERRORS.DOMAIN_EXISTS.code);
    const sp = { useCustomRoutingProfile: false, serviceProviderId: 'ApioSpTest', defaultDomain: 'sip.netaxis.be' };
    assert.equal(errorCodeOf(await system.send(ServiceProviderAddRequest13mp2, sp)), SIM_ERRORS.SERVICE_PROVIDER_EXISTS.code);
    const noDomain = { ...sp, serviceProviderId: 'Sp3', defaultDomain: 'unknown.example.com' };
    assert.equal(errorCodeOf(await system.send(ServiceProviderAddRequest13mp2, noDomain)), SIM_ERRORS.DOMAIN_NOT_FOUND.code);
    const existing = { serviceProviderId: 'ApioSpTest', groupId: 'ApioGrpTest', defaultDomain: 'sip.netaxis.be', userLimit: 1 };
    assert.equal(errorCodeOf(await system.send(GroupAddRequest, existing)), SIM_ERRORS.GROUP_EXISTS.code);
    assert.equal(errorCodeOf(await system.send(GroupAddRequest, { ...existing, serviceProviderId: 'NoSp' })), SIM_ERRORS.SERVICE_PROVIDER_NOT_FOUND.code);
  });

  test('DNs: added once system-wide, assigned only from the own provider, to one group', async () => {
    const dn = { serviceProviderId: 'OtherEnt', phoneNumber: ['+3220000001'] };
    assert.equal((await system.send(ServiceProviderDnAddListRequest, dn)).type, 'SuccessResponse');
    assert.equal(errorCodeOf(await system.send(ServiceProviderDnAddListRequest, dn)), SIM_ERRORS.DN_EXISTS.code);
    const toApio = { serviceProviderId: 'ApioSpTest', groupId: 'OtherGroup', phoneNumber: ['+3220000001'] };
    assert.equal(errorCodeOf(await system.send(GroupDnAssignListRequest, toApio)), SIM_ERRORS.DN_NOT_IN_PROVIDER.code);
    const seeded = { serviceProviderId: 'ApioSpTest', groupId: 'OtherGroup', phoneNumber: ['+3271112239'] };
    assert.equal(errorCodeOf(await system.send(GroupDnAssignListRequest, seeded)), SIM_ERRORS.DN_IN_USE.code);
    const cli = { serviceProviderId: 'ApioSpTest', groupId: 'OtherGroup', callingLineIdPhoneNumber: '+3271112239' };
    assert.equal(errorCodeOf(await system.send(GroupModifyRequest, cli)), SIM_ERRORS.DN_NOT_IN_GROUP.code);
  });
});
