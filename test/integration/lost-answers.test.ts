// A create whose answer was lost after BroadWorks applied it (the simulator's applyThenDrop fault),
// through HTTP → OCI-P → simulator: the adapter reads back on another session and answers the created
// instance — for an explicit and for a generated id, with and without an Idempotency-Key. When the
// read-back fails too, the answer is a 502 with details.inDoubt and what to check, and a retry with
// the same key resolves it under the same id, without a second Add. A lost DELETE is resolved the
// same way; a lost PUT or bulk active PUT is a 502 in doubt, naming what to read.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { apioError, igcUrl, minimalBody, startAdapter } from '../support/adapter-harness.js';
import type { AdapterHarness } from '../support/adapter-harness.js';

const ADD = 'GroupInstantGroupCallAddInstanceRequest14';
const READ = 'GroupInstantGroupCallGetInstanceRequest19sp1';
const KEY = 'Idempotency-Key';

let h: AdapterHarness;
before(async () => {
  h = await startAdapter({ autoGenerate: true, rule: '{{group_id}}_igc{{RND_4}}@{{domain}}' });
});
after(() => h.close());

/** The instant group calls of the seeded group with this name, from the simulator itself. */
function named(name: string): string[] {
  return h.simulator.world
    .instantGroupCallsOf(h.simulator.world.group('ApioSpTest', 'ApioGrpTest')!)
    .filter((instance) => instance.name === name)
    .map((instance) => instance.serviceUserId);
}

function adds(): number {
  return h.roundTrips.flatMap((event) => event.commandTypes).filter((type) => type === ADD).length;
}

function generatedBody(name: string): Record<string, unknown> {
  const { serviceUserId: _none, ...body } = minimalBody('unused@sip.netaxis.be', { name });
  return body;
}

describe('the read-back answers what happened', () => {
  for (const withKey of [false, true]) {
    const label = withKey ? 'with an Idempotency-Key' : 'without a key';

    test(`explicit id, ${label}: 200 with the created instance`, async () => {
      const id = `lost.explicit.${withKey ? 'k' : 'n'}@sip.netaxis.be`;
      h.simulator.faults.applyThenDropOnNext(ADD);
      h.roundTrips.length = 0;
      const post = h.request.post(igcUrl());
      if (withKey) post.set(KEY, `"explicit-${withKey}"`);
      const response = await post.send(minimalBody(id, { name: `Lost E ${withKey}` }));
      assert.equal(response.status, 200, response.text);
      assert.equal(response.body.serviceUserId, id);
      assert.equal(response.body.serviceInstanceProfile.name, `Lost E ${withKey}`);
      assert.deepEqual(named(`Lost E ${withKey}`), [id]);
      assert.equal(adds(), 1, 'one Add, never a second');
    });

    test(`generated id, ${label}: 200 with the created instance, one instance`, async () => {
      const name = `Lost G ${withKey}`;
      h.simulator.faults.applyThenDropOnNext(ADD);
      h.roundTrips.length = 0;
      const post = h.request.post(igcUrl());
      if (withKey) post.set(KEY, `"generated-${withKey}"`);
      const response = await post.send(generatedBody(name));
      assert.equal(response.status, 200, response.text);
      assert.match(response.body.serviceUserId, /^ApioGrpTest_igc\d{4}@sip\.netaxis\.be$/);
      assert.deepEqual(named(name), [response.body.serviceUserId]);
      assert.equal(adds(), 1);
    });
  }

  test('active: false, the Add applied and its answer lost: the resolved instance is made inactive too', async () => {
    const id = 'lost.inactive@sip.netaxis.be';
    h.simulator.faults.applyThenDropOnNext(ADD);
    const response = await h.request.post(igcUrl()).send({ ...minimalBody(id, { name: 'Lost inactive' }), active: false });
    assert.equal(response.status, 200, response.text);
    assert.equal(response.body.serviceUserId, id);
    assert.equal(h.simulator.world.instantGroupCalls.get(id)?.isActive, false, 'the requested inactive status was applied');
  });

  test('a change that was not applied (the connection dropped before it ran): 502 without inDoubt; a retry creates', async () => {
    const id = 'lost.notapplied@sip.netaxis.be';
    h.simulator.faults.dropConnectionOnNext(ADD);
    const failed = apioError(await h.request.post(igcUrl()).send(minimalBody(id)), 502, 'BROADWORKS_UNREACHABLE');
    assert.equal(failed.details.inDoubt, undefined, JSON.stringify(failed));
    assert.match(failed.message, /not created/);
    assert.equal((await h.request.post(igcUrl()).send(minimalBody(id))).status, 200);
  });
});

describe('when the read-back fails too: in doubt, and a retry with the key resolves it', () => {
  test('explicit id: 502 inDoubt naming what to check; the retry answers the instance without a second Add', async () => {
    const id = 'doubt.explicit@sip.netaxis.be';
    h.simulator.faults.applyThenDropOnNext(ADD);
    h.simulator.faults.dropConnectionOnNext(READ);
    const body = minimalBody(id, { name: 'Doubt E' });
    const first = apioError(await h.request.post(igcUrl()).set(KEY, '"doubt-explicit"').send(body), 502, 'BROADWORKS_UNREACHABLE');
    assert.equal(first.details.inDoubt, true);
    assert.match(String(first.details.check), new RegExp(`instant_group_calls/${id.replace(/\./g, '\\.')}/`));
    h.roundTrips.length = 0;
    const retry = await h.request.post(igcUrl()).set(KEY, '"doubt-explicit"').send(body);
    assert.equal(retry.status, 200, retry.text);
    assert.equal(retry.body.serviceUserId, id);
    assert.equal(retry.headers['idempotent-replayed'], undefined, 'resolved again, not replayed');
    assert.equal(adds(), 0);
    // Now final: the next retry is a replay.
    assert.equal((await h.request.post(igcUrl()).set(KEY, '"doubt-explicit"').send(body)).headers['idempotent-replayed'], 'true');
  });

  test('generated id: the retry resolves the same id — one key never draws two ids', async () => {
    h.simulator.faults.applyThenDropOnNext(ADD);
    h.simulator.faults.dropConnectionOnNext(READ);
    const body = generatedBody('Doubt G');
    const first = apioError(await h.request.post(igcUrl()).set(KEY, '"doubt-generated"').send(body), 502, 'BROADWORKS_UNREACHABLE');
    assert.equal(first.details.inDoubt, true);
    const drawn = /instant_group_calls\/([^/]+)\//.exec(String(first.details.check))?.[1];
    assert.ok(drawn, String(first.details.check));
    h.roundTrips.length = 0;
    const retry = await h.request.post(igcUrl()).set(KEY, '"doubt-generated"').send(body);
    assert.equal(retry.status, 200, retry.text);
    assert.equal(retry.body.serviceUserId, drawn);
    assert.deepEqual(named('Doubt G'), [drawn]);
    assert.equal(adds(), 0);
  });

  test('generated id, the Add never ran: the retry with the key creates under the same id', async () => {
    h.simulator.faults.dropConnectionOnNext(ADD);
    h.simulator.faults.dropConnectionOnNext(READ);
    const body = generatedBody('Doubt N');
    const first = apioError(await h.request.post(igcUrl()).set(KEY, '"doubt-none"').send(body), 502, 'BROADWORKS_UNREACHABLE');
    const drawn = /instant_group_calls\/([^/]+)\//.exec(String(first.details.check))?.[1];
    assert.ok(drawn);
    assert.deepEqual(named('Doubt N'), []);
    const retry = await h.request.post(igcUrl()).set(KEY, '"doubt-none"').send(body);
    assert.equal(retry.status, 200, retry.text);
    assert.equal(retry.body.serviceUserId, drawn);
    assert.deepEqual(named('Doubt N'), [drawn]);
  });
});

describe('other changes whose answer was lost', () => {

  test('DELETE applied, answer lost: the read-back shows it gone, 200 {}', async () => {
    const id = 'lost.delete@sip.netaxis.be';
    assert.equal((await h.request.post(igcUrl()).send(minimalBody(id))).status, 200);
    h.simulator.faults.applyThenDropOnNext('GroupInstantGroupCallDeleteInstanceRequest');
    const response = await h.request.delete(`${igcUrl()}${id}/`);
    assert.deepEqual([response.status, response.body], [200, {}], response.text);
    assert.equal(h.simulator.world.instantGroupCall(id), undefined);
  });

  test('DELETE not applied (dropped before it ran): 502 "not deleted", without inDoubt', async () => {
    const id = 'kept.delete@sip.netaxis.be';
    assert.equal((await h.request.post(igcUrl()).send(minimalBody(id))).status, 200);
    h.simulator.faults.dropConnectionOnNext('GroupInstantGroupCallDeleteInstanceRequest');
    const error = apioError(await h.request.delete(`${igcUrl()}${id}/`), 502, 'BROADWORKS_UNREACHABLE');
    assert.match(error.message, /was not deleted: a retry is safe/);
    assert.equal(error.details.inDoubt, undefined);
    assert.ok(h.simulator.world.instantGroupCall(id));
  });

  test('PUT and the bulk active PUT: a lost answer is a 502 with inDoubt and what to read', async () => {
    const id = 'lost.put@sip.netaxis.be';
    assert.equal((await h.request.post(igcUrl()).send(minimalBody(id))).status, 200);
    h.simulator.faults.applyThenDropOnNext('GroupInstantGroupCallModifyInstanceRequest');
    const put = apioError(await h.request.put(`${igcUrl()}${id}/`).send({ serviceInstanceProfile: { name: 'Changed' } }), 502, 'BROADWORKS_UNREACHABLE');
    assert.equal(put.details.inDoubt, true);
    assert.match(String(put.details.check), /instant_group_calls\/lost\.put@sip\.netaxis\.be\//);
    assert.equal(h.simulator.world.instantGroupCall(id)?.name, 'Changed', 'it was applied');

    h.simulator.faults.applyThenDropOnNext('GroupInstantGroupCallModifyActiveInstanceListRequest');
    const active = apioError(await h.request.put(`/api/v1/tenants/ApioSpTest/groups/ApioGrpTest/services/instant_group_calls_active/`).send({ services: [{ serviceUserId: id, active: false }] }), 502);
    assert.equal(active.details.inDoubt, true);
    assert.match(String(active.details.check), /instant_group_calls\//);
  });
});
