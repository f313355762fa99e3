// Instant Group Call instances on the simulator: every BroadWorks rule, through a real socket,
// logged in as the seed world's group administrator.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  GroupAdminAddRequest,
  GroupInstantGroupCallAddInstanceRequest14,
  GroupInstantGroupCallDeleteInstanceRequest,
  GroupInstantGroupCallGetInstanceListRequest,
  GroupInstantGroupCallGetInstanceRequest19sp1,
  GroupInstantGroupCallModifyActiveInstanceListRequest,
  GroupInstantGroupCallModifyInstanceRequest,
  UserModifyUserIdRequest,
  encodeDocument,
} from '../../src/ocip/codec/index.js';
import type { CommandValue, OciTable } from '../../src/ocip/codec/index.js';
import { readSeedWorld, SIM_ERRORS, startSimulator } from '../../src/simulator/index.js';
import type { Simulator } from '../../src/simulator/index.js';
import { errorCodeOf, OcipTestClient, valueOf } from '../support/ocip-test-client.js';

const SP = 'ApioSpTest';
const GROUP = 'ApioGrpTest';
const DOMAIN = 'sip.netaxis.be';
const INITIAL = { $type: 'GroupDepartmentKey', serviceProviderId: SP, groupId: GROUP, name: 'test_department_initial' } as const;

type AddValue = CommandValue<typeof GroupInstantGroupCallAddInstanceRequest14>;
type Profile = Partial<AddValue['serviceInstanceProfile']>;

let sim: Simulator;
let client: OcipTestClient;

function instance(name: string, profile: Profile = {}, extra: Partial<AddValue> = {}): AddValue {
  return {
    serviceProviderId: SP,
    groupId: GROUP,
    serviceUserId: `${name}@${DOMAIN}`,
    serviceInstanceProfile: { name, callingLineIdLastName: 'Last', callingLineIdFirstName: 'First', ...profile },
    destinationPhoneNumber: ['+3271123456'],
    isAnswerTimeoutEnabled: true,
    answerTimeoutMinutes: 5,
    ...extra,
  };
}

async function add(value: AddValue) {
  return client.send(GroupInstantGroupCallAddInstanceRequest14, value);
}

async function get(serviceUserId: string) {
  return client.send(GroupInstantGroupCallGetInstanceRequest19sp1, { serviceUserId });
}

async function list(groupDepartmentName?: string): Promise<OciTable> {
  const value = { serviceProviderId: SP, groupId: GROUP, ...(groupDepartmentName ? { groupDepartmentName } : {}) };
  return valueOf(await client.send(GroupInstantGroupCallGetInstanceListRequest, value)).instantGroupCallTable as OciTable;
}

function row(table: OciTable, serviceUserId: string): Record<string, string> | undefined {
  return table.rows.find((r) => r['Service User Id'] === serviceUserId);
}

before(async () => {
  sim = await startSimulator({ seed: await readSeedWorld() });
  client = await OcipTestClient.connect(sim.port);
  valueOf(await client.login22('groupadmin', 'admin'));
});
after(async () => {
  await client.close();
  await sim.close();
});

describe('add and read', () => {
  test('an added instance reads back; its number is national digits with countryCode and nationalPrefix', async () => {
    const added = await add(
      instance('igc-read', { phoneNumber: '+32-71112231', extension: '2231', department: INITIAL }, { destinationPhoneNumber: ['+3271123456', 'conf.room@sip.example.com'] }),
    );
    assert.equal(added.type, 'SuccessResponse');
    const answer = valueOf(await get(`igc-read@${DOMAIN}`));
    const profile = answer.serviceInstanceProfile as Record<string, unknown>;
    assert.equal(profile.phoneNumber, '71112231');
    assert.equal(profile.countryCode, '32');
    assert.equal(profile.nationalPrefix, '0');
    assert.equal(profile.extension, '2231');
    assert.deepEqual(profile.department, INITIAL);
    assert.equal(profile.language, 'English');
    assert.equal(profile.timeZone, 'Europe/Brussels');
    assert.match(String(profile.timeZoneDisplayName), /^\(GMT\+0[12]:00\) Europe\/Brussels$/);
    assert.deepEqual(answer.destinationPhoneNumber, ['+3271123456', 'conf.room@sip.example.com']);
    assert.equal(answer.isAnswerTimeoutEnabled, true);
    assert.equal(answer.answerTimeoutMinutes, 5);
  });

  test('the list has the schema headings, E.164 numbers, the department name and Is Active', async () => {
    const table = await list();
    assert.deepEqual(table.headings, ['Service User Id', 'Name', 'Phone Number', 'Extension', 'Department', 'Is Active']);
    assert.deepEqual(row(table, `igc-read@${DOMAIN}`), {
      'Service User Id': `igc-read@${DOMAIN}`,
      Name: 'igc-read',
      'Phone Number': '+3271112231',
      Extension: '2231',
      Department: 'test_department_initial',
      'Is Active': 'true',
    });
    assert.equal((await add(instance('igc-nodept'))).type, 'SuccessResponse');
    const filtered = await list('test_department_initial');
    assert.ok(row(filtered, `igc-read@${DOMAIN}`));
    assert.equal(row(filtered, `igc-nodept@${DOMAIN}`), undefined);
  });
});

describe('rules', () => {
  test('a service user id is unique system-wide, instances and administrators alike', async () => {
    assert.equal((await add(instance('igc-unique'))).type, 'SuccessResponse');
    const again = await add(instance('igc-unique'));
    assert.equal(again.value?.summary, `[Error 4200] User already exists: igc-unique@${DOMAIN}`);

    const admin = await OcipTestClient.connect(sim.port);
    valueOf(await admin.login22('tenantadmin', 'admin'));
    valueOf(await admin.send(GroupAdminAddRequest, { serviceProviderId: SP, groupId: GROUP, userId: `igc-admin@${DOMAIN}`, password: 'x' }));
    await admin.close();
    assert.equal(errorCodeOf(await add(instance('igc-admin'))), 4200);
  });

  test('the id needs @domain, and the domain must be assigned to the group', async () => {
    assert.equal(errorCodeOf(await add({ ...instance('x'), serviceUserId: 'no-domain' })), SIM_ERRORS.INVALID_USER_ID.code);
    const foreign = await add({ ...instance('x'), serviceUserId: 'igc@other.example.com' });
    assert.equal(errorCodeOf(foreign), SIM_ERRORS.DOMAIN_NOT_ASSIGNED.code);
    assert.equal(foreign.value?.summary, '[Error 4712] Domain not assigned: other.example.com');
  });

  test('the phone number must be a DN of the group, used by no other instance, in any notation', async () => {
    const outside = await add(instance('igc-dn-out', { phoneNumber: '+3299999999' }));
    assert.equal(errorCodeOf(outside), SIM_ERRORS.DN_NOT_IN_GROUP.code);
    assert.equal((await add(instance('igc-dn-1', { phoneNumber: '+3271112232' }))).type, 'SuccessResponse');
    for (const [i, notation] of ['+3271112232', '+32-71112232', '071112232'].entries()) {
      assert.equal(errorCodeOf(await add(instance(`igc-dn-2${i}`, { phoneNumber: notation }))), SIM_ERRORS.DN_IN_USE.code, notation);
    }
    assert.equal((await add(instance('igc-dn-3', { phoneNumber: '071112233' }))).type, 'SuccessResponse');
    assert.equal(row(await list(), `igc-dn-3@${DOMAIN}`)?.['Phone Number'], '+3271112233');
  });

  test('an extension is unique in the group', async () => {
    assert.equal((await add(instance('igc-ext-1', { extension: '7001' }))).type, 'SuccessResponse');
    assert.equal(errorCodeOf(await add(instance('igc-ext-2', { extension: '7001' }))), SIM_ERRORS.EXTENSION_IN_USE.code);
  });

  test('schema violations (answer timeout 61, a 1-character extension) get 6004 with the problem as detail', async () => {
    const valid = encodeDocument({
      sessionId: client.sessionId,
      commands: [{ spec: GroupInstantGroupCallAddInstanceRequest14, value: instance('igc-schema', { extension: '99' }) }],
    });
    for (const broken of [valid.replace('<answerTimeoutMinutes>5<', '<answerTimeoutMinutes>61<'), valid.replace('<extension>99<', '<extension>9<')]) {
      client.writeRaw(broken);
      const reply = (await client.nextDocument()).commands[0]!;
      assert.equal(reply.value?.summary, '[Error 6004] OCI XML Request validation error');
      assert.match(String(reply.value?.detail), /answerTimeoutMinutes|extension/);
    }
    assert.equal(errorCodeOf(await get(`igc-schema@${DOMAIN}`)), 4008);
  });

  // OutgoingDNorSIPURI: "Phone Number or SIP URI that can be used to dial" (OCISchemaDataTypes.xsd).
  test('destinations are anything dialable (numbers, extensions, short and access codes) or SIP URIs without sip:', async () => {
    for (const bad of ['sip:alice@example.com', 'a@b@example.com', '+32 71123456', 'alice@', 'just-text', '12ab34', '+', '1--2']) {
      const reply = await add(instance('igc-dest', {}, { destinationPhoneNumber: [bad] }));
      assert.equal(errorCodeOf(reply), SIM_ERRORS.INVALID_DESTINATION.code, bad);
    }
    const good = ['+32-71123456', '3271123457', '071123458', '1234', '112', '*99', '#31#0471234567', "o'brien.(x)~!*_-@host-1.example.com"];
    assert.equal((await add(instance('igc-dest', {}, { destinationPhoneNumber: good }))).type, 'SuccessResponse');
  });

  test('a department must exist in the group (or its enterprise)', async () => {
    const missing = { ...INITIAL, name: 'no_such_department' };
    assert.equal(errorCodeOf(await add(instance('igc-dept', { department: missing }))), SIM_ERRORS.DEPARTMENT_NOT_FOUND.code);
    const otherGroup = { ...INITIAL, groupId: 'OtherGroup' };
    assert.equal(errorCodeOf(await add(instance('igc-dept', { department: otherGroup }))), SIM_ERRORS.DEPARTMENT_NOT_FOUND.code);
  });
});

describe('modify, activate, rename, delete', () => {
  test('modify is partial; nil clears; the destination list replaces', async () => {
    const id = `igc-mod@${DOMAIN}`;
    valueOf(await add(instance('igc-mod', { phoneNumber: '+3271112234', extension: '2234', department: INITIAL })));
    const modify = (value: Omit<CommandValue<typeof GroupInstantGroupCallModifyInstanceRequest>, 'serviceUserId'>) =>
      client.send(GroupInstantGroupCallModifyInstanceRequest, { serviceUserId: id, ...value });

    valueOf(await modify({ serviceInstanceProfile: { name: 'Renamed' }, destinationPhoneNumberList: { phoneNumber: ['+3271123458', 'ops@example.com'] } }));
    let answer = valueOf(await get(id));
    let profile = answer.serviceInstanceProfile as Record<string, unknown>;
    assert.equal(profile.name, 'Renamed');
    assert.equal(profile.phoneNumber, '71112234');
    assert.equal(profile.extension, '2234');
    assert.deepEqual(answer.destinationPhoneNumber, ['+3271123458', 'ops@example.com']);

    valueOf(await modify({ serviceInstanceProfile: { phoneNumber: null, extension: null, department: null }, destinationPhoneNumberList: null, answerTimeoutMinutes: null }));
    answer = valueOf(await get(id));
    profile = answer.serviceInstanceProfile as Record<string, unknown>;
    assert.equal(profile.phoneNumber, undefined);
    assert.equal(profile.extension, undefined);
    assert.equal(profile.department, undefined);
    assert.equal(profile.name, 'Renamed');
    assert.deepEqual(answer.destinationPhoneNumber, []);
    assert.equal(answer.answerTimeoutMinutes, undefined);

    // One refused element leaves the whole command without effect.
    valueOf(await add(instance('igc-mod-other', { phoneNumber: '+3271112235' })));
    const refused = await modify({ serviceInstanceProfile: { name: 'Nope', phoneNumber: '+3271112235' } });
    assert.equal(errorCodeOf(refused), SIM_ERRORS.DN_IN_USE.code);
    assert.equal((valueOf(await get(id)).serviceInstanceProfile as Record<string, unknown>).name, 'Renamed');
  });

  test('the active list is all or nothing: an unknown id changes nothing and is named', async () => {
    valueOf(await add(instance('igc-act-1')));
    valueOf(await add(instance('igc-act-2')));
    const [a, b] = [`igc-act-1@${DOMAIN}`, `igc-act-2@${DOMAIN}`];
    const refused = await client.send(GroupInstantGroupCallModifyActiveInstanceListRequest, {
      serviceActivation: [{ serviceUserId: a, isActive: false }, { serviceUserId: `ghost@${DOMAIN}`, isActive: false }],
    });
    assert.equal(refused.value?.summary, `[Error 4008] User not found: ghost@${DOMAIN}`);
    assert.equal(row(await list(), a)?.['Is Active'], 'true');

    const done = await client.send(GroupInstantGroupCallModifyActiveInstanceListRequest, {
      serviceActivation: [{ serviceUserId: a, isActive: false }, { serviceUserId: b, isActive: false }],
    });
    assert.equal(done.type, 'SuccessResponse');
    const table = await list();
    assert.equal(row(table, a)?.['Is Active'], 'false');
    assert.equal(row(table, b)?.['Is Active'], 'false');
  });

  test('UserModifyUserIdRequest renames an instance under the same id rules', async () => {
    valueOf(await add(instance('igc-old')));
    valueOf(await add(instance('igc-taken')));
    const [oldId, newId] = [`igc-old@${DOMAIN}`, `igc-new@${DOMAIN}`];
    const position = (await list()).rows.findIndex((r) => r['Service User Id'] === oldId);
    assert.equal(errorCodeOf(await client.send(UserModifyUserIdRequest, { userId: oldId, newUserId: `igc-taken@${DOMAIN}` })), 4200);
    assert.equal(errorCodeOf(await client.send(UserModifyUserIdRequest, { userId: oldId, newUserId: 'igc@other.example.com' })), SIM_ERRORS.DOMAIN_NOT_ASSIGNED.code);
    assert.equal((await client.send(UserModifyUserIdRequest, { userId: oldId, newUserId: newId })).type, 'SuccessResponse');
    assert.equal(errorCodeOf(await get(oldId)), 4008);
    assert.equal((valueOf(await get(newId)).serviceInstanceProfile as Record<string, unknown>).name, 'igc-old');
    assert.equal((await list()).rows.findIndex((r) => r['Service User Id'] === newId), position);
    assert.equal(errorCodeOf(await client.send(UserModifyUserIdRequest, { userId: `ghost@${DOMAIN}`, newUserId: `g2@${DOMAIN}` })), 4008);
  });

  test('delete removes the instance; an unknown one is 4008 User not found', async () => {
    valueOf(await add(instance('igc-del', { phoneNumber: '+3271112236' })));
    const id = `igc-del@${DOMAIN}`;
    assert.equal((await client.send(GroupInstantGroupCallDeleteInstanceRequest, { serviceUserId: id })).type, 'SuccessResponse');
    const gone = await get(id);
    assert.deepEqual(gone.value, { summary: `[Error 4008] User not found: ${id}`, summaryEnglish: `[Error 4008] User not found: ${id}`, type: 'Error' });
    assert.equal(errorCodeOf(await client.send(GroupInstantGroupCallDeleteInstanceRequest, { serviceUserId: id })), 4008);
    // The number is free again.
    assert.equal((await add(instance('igc-del-2', { phoneNumber: '+3271112236' }))).type, 'SuccessResponse');
  });
});
