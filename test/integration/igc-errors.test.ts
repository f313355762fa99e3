// Every failure answer in the APIO error shape (APIO.md §5): {"errors":[{code, message, details:
// {reason, errors: {"0": {summary}}}}]}, `details` always an object, no stack trace anywhere, and the
// status APIO gives each case. BroadWorks failures (rejected, unreachable, slow) included.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  GroupAddRequest,
  GroupDomainAssignListRequest,
  GroupInstantGroupCallAddInstanceRequest14,
} from '../../src/ocip/codec/index.js';
import { apioError, igcUrl, instanceUrl, minimalBody, SEED_ID, seedPostBody, startAdapter, TENANT } from '../support/adapter-harness.js';
import type { AdapterHarness } from '../support/adapter-harness.js';

let h: AdapterHarness;
before(async () => {
  h = await startAdapter();
  await h.request.post(igcUrl()).send(seedPostBody()).expect(200);
});
after(() => h.close());

describe('request errors', () => {
  test('a URL without its trailing slash is a 400 that says so', async () => {
    const url = igcUrl().slice(0, -1);
    for (const response of [await h.request.get(url), await h.request.post(url).send(minimalBody('x@sip.netaxis.be'))]) {
      const error = apioError(response, 400, 'TRAILING_SLASH');
      assert.match(error.message, /must end with '\/'/);
    }
    apioError(await h.request.get(instanceUrl(SEED_ID).slice(0, -1)), 400, 'TRAILING_SLASH');
  });

  test('a body that is not a JSON object, or none, on POST and PUT is a 416', async () => {
    const cases: Array<[string, string | undefined]> = [
      ['not JSON', '{"serviceUserId": '],
      ['a JSON array', '[{"serviceUserId": "a@b"}]'],
      ['a JSON string', '"text"'],
      ['empty', undefined],
    ];
    for (const [label, text] of cases) {
      for (const send of [() => h.request.post(igcUrl()), () => h.request.put(instanceUrl(SEED_ID))]) {
        const request = send().set('Content-Type', 'application/json');
        const response = text === undefined ? await request : await request.send(text);
        const error = apioError(response, 416, 'BAD_MEDIA_TYPE');
        assert.equal(error.code, 15, label);
      }
    }
    assert.equal(h.simulator.world.instantGroupCall(SEED_ID)!.name, 'Test User');
  });

  test('validation lists every problem with its path', async () => {
    const body = minimalBody('several@sip.netaxis.be');
    const profile = body.serviceInstanceProfile as Record<string, unknown>;
    delete profile.cliLastName;
    const response = await h.request.post(igcUrl()).send({ ...body, answerTimeoutMinutes: 61, colour: 'blue' });
    const error = apioError(response, 400, 'VALIDATION');
    assert.equal(error.code, 10);
    const summaries = Object.values(error.details.errors).map((entry) => entry.summary);
    assert.ok(summaries.some((s) => s.startsWith('answerTimeoutMinutes:')), summaries.join(' | '));
    assert.ok(summaries.some((s) => s.startsWith('serviceInstanceProfile.cliLastName:')), summaries.join(' | '));
    assert.ok(summaries.some((s) => s.includes('colour')), summaries.join(' | '));
    assert.equal(h.simulator.world.instantGroupCall('several@sip.netaxis.be'), undefined);
  });

  test('an unknown route under the API prefix is a 404 in the same shape', async () => {
    apioError(await h.request.get('/api/v1/tenants/ApioSpTest/nothing-here/'), 404, 'ROUTE_NOT_FOUND');
  });
});

describe('BroadWorks refusals', () => {
  test('a duplicate id is a 400 with code 11 and the BroadWorks summary', async () => {
    const before = structuredClone(h.simulator.world.instantGroupCall(SEED_ID));
    const { active: _active, ...body } = seedPostBody({ serviceInstanceProfile: { name: 'Other', cliFirstName: 'O', cliLastName: 'T' } });
    const error = apioError(await h.request.post(igcUrl()).send(body), 400, 'ALREADY_EXISTS');
    assert.equal(error.code, 11);
    assert.equal(error.details.errors['0']!.summary, `[Error 4200] User already exists: ${SEED_ID}`);
    assert.deepEqual(h.simulator.world.instantGroupCall(SEED_ID), before);
  });

  test('a duplicate id with active: still code 11, and the answer says the existing instance got the status', async () => {
    // The Add and the active status travel in one document (no transaction): the status reaches the
    // instance that already has the id. The answer must say so.
    const error = apioError(await h.request.post(igcUrl()).send(seedPostBody({ active: false })), 400, 'ALREADY_EXISTS');
    assert.equal(error.code, 11);
    assert.deepEqual(error.details.notApplied, ['creation']);
    assert.match(String((error.details.applied as string[])[0]), /active status of the existing service user/);
    assert.equal(h.simulator.world.instantGroupCall(SEED_ID)!.isActive, false);
  });

  test('a duplicate id with active: true sends no status at all, so the existing instance is untouched', async () => {
    // Its own starting point (an inactive instance), whatever ran before.
    await h.request.put(instanceUrl(SEED_ID)).send({ active: false }).expect(200);
    assert.equal(h.simulator.world.instantGroupCall(SEED_ID)!.isActive, false);
    const error = apioError(await h.request.post(igcUrl()).send(seedPostBody({ active: true })), 400, 'ALREADY_EXISTS');
    assert.equal(error.details.applied, undefined);
    assert.equal(h.simulator.world.instantGroupCall(SEED_ID)!.isActive, false);
    await h.request.put(instanceUrl(SEED_ID)).send({ active: true }).expect(200);
  });

  test('unknown group, unknown tenant, unknown instance: 404', async () => {
    for (const url of [igcUrl('/api/v1', TENANT, 'NoSuchGroup'), igcUrl('/api/v1', 'NoSuchTenant', 'ApioGrpTest')]) {
      apioError(await h.request.get(url), 404, 'NOT_FOUND');
      apioError(await h.request.post(url).send(minimalBody('lost@sip.netaxis.be')), 404, 'NOT_FOUND');
    }
    apioError(await h.request.get(instanceUrl(SEED_ID, '/api/v1', TENANT, 'NoSuchGroup')), 404, 'NOT_FOUND');
    apioError(await h.request.get(instanceUrl('nobody@sip.netaxis.be')), 404, 'NOT_FOUND');
    apioError(await h.request.put(instanceUrl('nobody@sip.netaxis.be')).send({ serviceInstanceProfile: { name: 'x' } }), 404, 'NOT_FOUND');
    assert.equal(h.simulator.world.instantGroupCall('lost@sip.netaxis.be'), undefined);
  });

  test("another group's instance through this group's URL: 404 for GET, PUT and DELETE, and it is untouched", async () => {
    const otherId = 'other-group-igc@sip.netaxis.be';
    await h.client.execute(GroupAddRequest, {
      serviceProviderId: TENANT,
      groupId: 'ApioGrpOther',
      defaultDomain: 'sip.netaxis.be',
      userLimit: 10,
      groupName: 'Other group',
    });
    await h.client.execute(GroupDomainAssignListRequest, { serviceProviderId: TENANT, groupId: 'ApioGrpOther', domain: ['sip.netaxis.be'] });
    await h.client.execute(GroupInstantGroupCallAddInstanceRequest14, {
      serviceProviderId: TENANT,
      groupId: 'ApioGrpOther',
      serviceUserId: otherId,
      serviceInstanceProfile: { name: 'Other', callingLineIdLastName: 'O', callingLineIdFirstName: 'O' },
      isAnswerTimeoutEnabled: false,
    });
    const before = structuredClone(h.simulator.world.instantGroupCall(otherId));
    assert.equal(before?.groupId, 'ApioGrpOther');

    apioError(await h.request.get(instanceUrl(otherId)), 404, 'NOT_FOUND');
    apioError(await h.request.put(instanceUrl(otherId)).send({ serviceInstanceProfile: { name: 'Hijacked' } }), 404, 'NOT_FOUND');
    apioError(await h.request.delete(instanceUrl(otherId)), 404, 'NOT_FOUND');
    assert.deepEqual(h.simulator.world.instantGroupCall(otherId), before);
    // Reached through its own group's URL it is there.
    assert.equal((await h.request.get(instanceUrl(otherId, '/api/v1', TENANT, 'ApioGrpOther'))).status, 200);
  });

  test('a phone number not assigned to the group is a 400 with the BroadWorks summary', async () => {
    const id = 'foreign-dn@sip.netaxis.be';
    const error = apioError(await h.request.post(igcUrl()).send(minimalBody(id, { phoneNumber: '+3271112299' })), 400, 'BROADWORKS_REJECTED');
    assert.match(error.details.errors['0']!.summary, /^\[Error \d+\] DN not assigned to group: \+3271112299/);
    assert.equal(h.simulator.world.instantGroupCall(id), undefined);
    const put = apioError(await h.request.put(instanceUrl(SEED_ID)).send({ serviceInstanceProfile: { phoneNumber: '+3271112299' } }), 400, 'BROADWORKS_REJECTED');
    assert.match(put.details.errors['0']!.summary, /DN not assigned to group/);
    assert.equal(h.simulator.world.instantGroupCall(SEED_ID)!.phoneNumber, undefined);
  });
});

describe('BroadWorks unreachable or slow', () => {
  test('slower than requestTimeoutMs: 504', async () => {
    const slow = await startAdapter({ requestTimeoutMs: 100 });
    try {
      await slow.request.get(igcUrl()).expect(200);
      slow.simulator.faults.latency(300);
      const error = apioError(await slow.request.get(igcUrl()), 504, 'BROADWORKS_TIMEOUT');
      assert.equal(error.code, 17);
      assert.deepEqual(slow.loggedErrors.length, 1, 'a 5xx is logged for the operator');
      slow.simulator.faults.latency(0);
    } finally {
      await slow.close();
    }
  });

  test('simulator stopped: 502, for reads and writes', async () => {
    const down = await startAdapter();
    try {
      await down.request.get(igcUrl()).expect(200);
      await down.simulator.close();
      const error = apioError(await down.request.get(igcUrl()), 502, 'BROADWORKS_UNREACHABLE');
      assert.equal(error.code, 16);
      // POST and PUT first read the group (domain, CLI country): that step too must say 502, not 500.
      apioError(await down.request.post(igcUrl()).send(minimalBody('down@sip.netaxis.be')), 502, 'BROADWORKS_UNREACHABLE');
      apioError(await down.request.put(instanceUrl(SEED_ID)).send({ serviceInstanceProfile: { name: 'x' } }), 502, 'BROADWORKS_UNREACHABLE');
      apioError(await down.request.delete(instanceUrl(SEED_ID)), 502, 'BROADWORKS_UNREACHABLE');
      assert.equal(down.loggedErrors.length, 4, 'every 5xx is logged for the operator');
    } finally {
      await down.close();
    }
  });
});
