// Requests that take several OCI-P steps, with one step refused by BroadWorks (forced with the
// simulator's FaultInjector): the answer says exactly what was applied, and the simulator agrees.
// A change that went part-way is APIO's 207 Multi-Status ("has only partially succeeded"), with
// details.applied / details.notApplied; one that changed nothing is the refusal's own status.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { apioError, documents, DOMAIN, igcUrl, instanceUrl, minimalBody, seedPostBody, SEED_ID, startAdapter } from '../support/adapter-harness.js';
import type { AdapterHarness } from '../support/adapter-harness.js';

const ACTIVE = 'GroupInstantGroupCallModifyActiveInstanceListRequest';
const DELETE = 'GroupInstantGroupCallDeleteInstanceRequest';
const RENAME = 'UserModifyUserIdRequest';
const FORCED = { summary: '[Error 4999] Forced refusal for the test' };

describe('POST with active, the active step refused', () => {
  let h: AdapterHarness;
  before(async () => {
    h = await startAdapter({ returnActive: true });
    // Caches the group data, so the documents below are the POST's own.
    await h.request.post(igcUrl()).send(minimalBody('warm-up@sip.netaxis.be')).expect(200);
  });
  after(() => h.close());
  beforeEach(() => {
    h.roundTrips.length = 0;
  });

  test('the creation is undone, the answer says so, and BroadWorks holds no such instance', async () => {
    h.simulator.faults.errorOnNext(ACTIVE, FORCED);
    const error = apioError(await h.request.post(igcUrl()).send(seedPostBody({ active: false })), 400, 'BROADWORKS_REJECTED');
    assert.match(error.message, /the creation was undone/);
    assert.equal(error.details.errors['0']!.summary, FORCED.summary);
    assert.deepEqual(error.details.applied, []);
    assert.deepEqual(error.details.notApplied, ['creation', 'active status']);
    assert.equal(h.simulator.world.instantGroupCall(SEED_ID), undefined);
    // The status waits for the Add (a document of its own), then the undo.
    assert.deepEqual(documents(h).map((types) => types[0]), ['GroupInstantGroupCallAddInstanceRequest14', ACTIVE, DELETE]);
  });

  test('the undo refused too: 207 saying the instance exists without its active status', async () => {
    h.simulator.faults.errorOnNext(ACTIVE, FORCED);
    h.simulator.faults.errorOnNext(DELETE, { summary: '[Error 4998] Forced: no delete' });
    const error = apioError(await h.request.post(igcUrl()).send(seedPostBody({ active: false })), 207, 'PARTIALLY_APPLIED');
    assert.match(error.message, /was created but its active status was not set/);
    assert.deepEqual(error.details.applied, ['creation']);
    assert.deepEqual(error.details.notApplied, ['active status']);
    assert.equal(error.details.errors['0']!.summary, FORCED.summary);
    assert.equal(h.simulator.world.instantGroupCall(SEED_ID)!.isActive, true, 'created, with the default status');
  });
});

describe('POST with active: false, BroadWorks gone after the Add', () => {
  test('207: the creation went through, the status is not known to have', async () => {
    const h = await startAdapter({ returnActive: true });
    try {
      await h.request.post(igcUrl()).send(minimalBody('warm-up@sip.netaxis.be')).expect(200);
      h.simulator.faults.dropConnectionOnNext(ACTIVE);
      const error = apioError(await h.request.post(igcUrl()).send(seedPostBody({ active: false })), 207, 'PARTIALLY_APPLIED');
      assert.deepEqual(error.details.applied, ['creation']);
      assert.deepEqual(error.details.notApplied, ['active status']);
      assert.ok(h.simulator.world.instantGroupCall(SEED_ID), 'the instance exists');
    } finally {
      await h.close();
    }
  });
});

describe('PUT in several steps, a later step refused', () => {
  const rule = '{{group_id}}_igc{{national_no_0}}@{{domain}}';
  const oldId = `ApioGrpTest_igc71112231@${DOMAIN}`;
  const newId = `ApioGrpTest_igc71112232@${DOMAIN}`;
  let h: AdapterHarness;
  before(async () => {
    h = await startAdapter({ autoGenerate: true, rule, updateIdWithPhoneNumber: true });
    const { serviceUserId: _none, ...body } = minimalBody('unused', { phoneNumber: '+3271112231' });
    const created = await h.request.post(igcUrl()).send(body);
    assert.equal(created.body.serviceUserId, oldId, created.text);
  });
  after(() => h.close());

  test('the rename refused after the Modify went through: applied / notApplied, the Modify kept under the old id', async () => {
    h.simulator.faults.errorOnNext(RENAME, FORCED);
    const response = await h.request.put(instanceUrl(oldId)).send({ serviceInstanceProfile: { name: 'Half done', phoneNumber: '+3271112232' } });
    const error = apioError(response, 207, 'PARTIALLY_APPLIED');
    assert.deepEqual(error.details.applied, ['modify']);
    assert.deepEqual(error.details.notApplied, [`id rename to ${newId}`]);
    assert.equal(error.details.errors['0']!.summary, FORCED.summary);
    assert.match(error.message, /modify went through but id rename/);
    const stored = h.simulator.world.instantGroupCall(oldId)!;
    assert.equal(stored.name, 'Half done');
    assert.equal(stored.phoneNumber, '+3271112232');
    assert.equal(h.simulator.world.instantGroupCall(newId), undefined);
  });

  test('the active step refused after the Modify: the Modify stays, the flag does not change', async () => {
    h.simulator.faults.errorOnNext(ACTIVE, FORCED);
    const response = await h.request.put(instanceUrl(oldId)).send({ serviceInstanceProfile: { name: 'Second try' }, active: false });
    const error = apioError(response, 207, 'PARTIALLY_APPLIED');
    assert.deepEqual(error.details.applied, ['modify']);
    assert.deepEqual(error.details.notApplied, ['active status']);
    const stored = h.simulator.world.instantGroupCall(oldId)!;
    assert.equal(stored.name, 'Second try');
    assert.equal(stored.isActive, true);
  });

  test('the first step refused: its own error, nothing applied, nothing changed', async () => {
    h.simulator.faults.errorOnNext('GroupInstantGroupCallModifyInstanceRequest', FORCED);
    const before = structuredClone(h.simulator.world.instantGroupCall(oldId));
    const error = apioError(await h.request.put(instanceUrl(oldId)).send({ serviceInstanceProfile: { name: 'Never' }, active: false }), 400, 'BROADWORKS_REJECTED');
    assert.equal(error.details.applied, undefined);
    assert.equal(error.details.errors['0']!.summary, FORCED.summary);
    assert.deepEqual(h.simulator.world.instantGroupCall(oldId), before);
  });
});
