// Instant Group Call CRUD through the real path (HTTP → domain → OCI-P socket → simulator): each
// answer is checked, and so is what the simulator holds afterwards.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { GroupInstantGroupCallGetInstanceRequest19sp1 } from '../../src/ocip/codec/index.js';
import {
  activeUrl,
  apioError,
  documents,
  GROUP,
  igcUrl,
  instanceUrl,
  minimalBody,
  mutatingCommands,
  SEED_ID,
  seedPostBody,
  startAdapter,
  TENANT,
} from '../support/adapter-harness.js';
import type { AdapterHarness } from '../support/adapter-harness.js';

let h: AdapterHarness;
before(async () => {
  h = await startAdapter();
});
after(() => h.close());

const department = { tenantId: TENANT, groupId: GROUP, departmentName: 'test_department_initial' };

describe('the seed document example, step by step', () => {
  test('POST answers 200 with the serviceUserId and the GET shape; the simulator holds the instance', async () => {
    const response = await h.request.post(igcUrl()).send(seedPostBody());
    assert.equal(response.status, 200, response.text);
    assert.equal(response.body.serviceUserId, SEED_ID);
    assert.deepEqual(response.body.serviceInstanceProfile.department, department);
    assert.equal(response.body.serviceInstanceProfile.name, 'Test User');
    assert.equal(response.body.serviceInstanceProfile.cliFirstName, 'First Name');
    assert.equal(response.body.serviceInstanceProfile.cliLastName, 'Last Name');
    assert.equal(response.body.serviceInstanceProfile.language, 'English');
    assert.equal(response.body.serviceInstanceProfile.timeZone, 'Europe/Brussels');
    assert.equal(response.body.serviceInstanceProfile.phoneNumber, '');
    assert.equal(response.body.answerTimeoutMinutes, 5);
    assert.equal(response.body.answerTimeoutEnabled, true);
    assert.deepEqual(response.body.destinationPhoneNumbers, ['+3271123456']);
    assert.equal('active' in response.body, false, 'SERVICE_USERS_RETURN_ACTIVE_STATUS is off by default');
    assert.equal('templateName' in response.body, false);

    const stored = h.simulator.world.instantGroupCall(SEED_ID);
    assert.ok(stored);
    assert.equal(stored.serviceProviderId, TENANT);
    assert.equal(stored.groupId, GROUP);
    assert.equal(stored.callingLineIdFirstName, 'First Name');
    assert.deepEqual(stored.department, { serviceProviderId: TENANT, groupId: GROUP, name: 'test_department_initial' });
    assert.deepEqual(stored.destinations, ['+3271123456']);
    assert.equal(stored.answerTimeoutMinutes, 5);
    assert.equal(stored.isActive, true);
  });

  test('GET instance answers what BroadWorks holds, without serviceUserId', async () => {
    const response = await h.request.get(instanceUrl(SEED_ID));
    assert.equal(response.status, 200, response.text);
    assert.equal(response.body.serviceUserId, undefined);
    assert.deepEqual(response.body.serviceInstanceProfile.department, department);
    assert.deepEqual(response.body.destinationPhoneNumbers, ['+3271123456']);
    // What the client reads straight from BroadWorks agrees.
    const direct = await h.client.execute(GroupInstantGroupCallGetInstanceRequest19sp1, { serviceUserId: SEED_ID });
    assert.equal(direct.serviceInstanceProfile.name, response.body.serviceInstanceProfile.name);
    assert.deepEqual(direct.destinationPhoneNumber, response.body.destinationPhoneNumbers);
  });

  test('GET list: department with fullPathName, extension "" when absent, phoneNumber in E.164', async () => {
    await h.request.put(instanceUrl(SEED_ID)).send({ serviceInstanceProfile: { phoneNumber: '+3271112233' } }).expect(200);
    const response = await h.request.get(igcUrl());
    assert.equal(response.status, 200, response.text);
    assert.deepEqual(response.body, {
      instantGroupCalls: [
        {
          serviceUserId: SEED_ID,
          name: 'Test User',
          phoneNumber: '+3271112233',
          extension: '',
          department: { ...department, fullPathName: 'test_department_parent_1 \\ test_department_initial' },
        },
      ],
    });
  });

  test('PUT of the name only leaves the destinations (and the rest) as they are', async () => {
    const response = await h.request.put(instanceUrl(SEED_ID)).send({ serviceInstanceProfile: { name: 'Renamed' } });
    assert.equal(response.status, 200, response.text);
    assert.equal(response.body.serviceInstanceProfile.name, 'Renamed');
    assert.deepEqual(response.body.destinationPhoneNumbers, ['+3271123456']);
    assert.equal(response.body.serviceInstanceProfile.phoneNumber, '+3271112233');
    const stored = h.simulator.world.instantGroupCall(SEED_ID)!;
    assert.equal(stored.name, 'Renamed');
    assert.deepEqual(stored.destinations, ['+3271123456']);
    assert.equal(stored.callingLineIdLastName, 'Last Name');
  });

  test('PUT destinationPhoneNumbers: [] clears them in BroadWorks', async () => {
    const response = await h.request.put(instanceUrl(SEED_ID)).send({ destinationPhoneNumbers: [] });
    assert.equal(response.status, 200, response.text);
    assert.deepEqual(response.body.destinationPhoneNumbers, []);
    assert.deepEqual(h.simulator.world.instantGroupCall(SEED_ID)!.destinations, []);
  });

  test('PUT phoneNumber null clears the number', async () => {
    const response = await h.request.put(instanceUrl(SEED_ID)).send({ serviceInstanceProfile: { phoneNumber: null } });
    assert.equal(response.status, 200, response.text);
    assert.equal(response.body.serviceInstanceProfile.phoneNumber, '');
    assert.equal(h.simulator.world.instantGroupCall(SEED_ID)!.phoneNumber, undefined);
  });

  test('DELETE answers 200, the simulator drops it, and a GET is then 404', async () => {
    const response = await h.request.delete(instanceUrl(SEED_ID));
    assert.equal(response.status, 200, response.text);
    assert.deepEqual(response.body, {});
    assert.equal(h.simulator.world.instantGroupCall(SEED_ID), undefined);
    apioError(await h.request.get(instanceUrl(SEED_ID)), 404, 'NOT_FOUND');
    apioError(await h.request.delete(instanceUrl(SEED_ID)), 404, 'NOT_FOUND');
  });
});

describe('both URL prefixes', () => {
  test('/api/v01/p1 serves the same routes as /api/v1', async () => {
    const id = 'prefix-igc@sip.netaxis.be';
    const created = await h.request.post(igcUrl('/api/v01/p1')).send(minimalBody(id));
    assert.equal(created.status, 200, created.text);
    assert.ok(h.simulator.world.instantGroupCall(id));
    const viaV1 = await h.request.get(instanceUrl(id, '/api/v1'));
    const viaP1 = await h.request.get(instanceUrl(id, '/api/v01/p1'));
    assert.equal(viaP1.status, 200);
    assert.deepEqual(viaP1.body, viaV1.body);
    const listP1 = await h.request.get(igcUrl('/api/v01/p1'));
    assert.ok(listP1.body.instantGroupCalls.some((item: { serviceUserId: string }) => item.serviceUserId === id));
    const updated = await h.request.put(instanceUrl(id, '/api/v01/p1')).send({ serviceInstanceProfile: { name: 'Via p1' } });
    assert.equal(updated.status, 200, updated.text);
    assert.equal(h.simulator.world.instantGroupCall(id)!.name, 'Via p1');
    assert.equal((await h.request.delete(instanceUrl(id, '/api/v01/p1'))).status, 200);
    assert.equal(h.simulator.world.instantGroupCall(id), undefined);
  });
});

describe('PUT instant_group_calls_active/', () => {
  const first = 'active-1@sip.netaxis.be';
  const second = 'active-2@sip.netaxis.be';
  before(async () => {
    await h.request.post(igcUrl()).send(minimalBody(first)).expect(200);
    await h.request.post(igcUrl()).send(minimalBody(second)).expect(200);
  });
  beforeEach(() => {
    h.roundTrips.length = 0;
  });

  test('two services: 200 {}, one mutating OCI-P command, both flags changed', async () => {
    const response = await h.request.put(activeUrl()).send({
      services: [
        { serviceUserId: first, active: false },
        { serviceUserId: second, active: 'false' },
      ],
    });
    assert.equal(response.status, 200, response.text);
    assert.deepEqual(response.body, {});
    assert.deepEqual(mutatingCommands(h), ['GroupInstantGroupCallModifyActiveInstanceListRequest']);
    assert.equal(h.simulator.world.instantGroupCall(first)!.isActive, false);
    assert.equal(h.simulator.world.instantGroupCall(second)!.isActive, false);
  });

  test('an id not in the group: 404 naming it, and nothing changes', async () => {
    const response = await h.request.put(activeUrl()).send({
      services: [
        { serviceUserId: first, active: true },
        { serviceUserId: 'nobody@sip.netaxis.be', active: true },
      ],
    });
    const error = apioError(response, 404, 'NOT_FOUND');
    assert.match(error.message, /nobody@sip\.netaxis\.be/);
    assert.deepEqual(mutatingCommands(h), []);
    assert.deepEqual(documents(h), [['GroupInstantGroupCallGetInstanceListRequest']]);
    assert.equal(h.simulator.world.instantGroupCall(first)!.isActive, false);
  });

  test('a body without services is a 400 naming the field', async () => {
    const error = apioError(await h.request.put(activeUrl()).send({ services: [] }), 400, 'VALIDATION');
    assert.equal(error.code, 10);
    assert.match(JSON.stringify(error.details), /services/);
  });
});
