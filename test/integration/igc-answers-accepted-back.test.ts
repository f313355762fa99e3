// A portal sends the adapter's own answers back: a GET answer as a PUT (an edit that changed nothing)
// and as a POST (a copy with a new id). Read-only fields are ignored, "" and null mean none, and a
// body that is the instance as it is sends no change to BroadWorks. With the audit and the active
// status on, so every field an answer can carry is in the body.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { apioError, DOMAIN, igcUrl, instanceUrl, minimalBody, mutatingCommands, seedPostBody, SEED_ID, startAdapter } from '../support/adapter-harness.js';
import type { AdapterHarness } from '../support/adapter-harness.js';

let h: AdapterHarness;
before(async () => {
  h = await startAdapter({ returnActive: true }, { overrides: { audit: { enabled: true } } });
  // The APIO page's POST example (template "basic"): the instance the page reads and edits.
  await h.request.post(igcUrl()).send(seedPostBody()).expect(200);
});
after(() => h.close());
beforeEach(() => {
  h.roundTrips.length = 0;
});

async function getAnswer(serviceUserId: string): Promise<Record<string, unknown>> {
  const response = await h.request.get(instanceUrl(serviceUserId));
  assert.equal(response.status, 200, response.text);
  return response.body as Record<string, unknown>;
}

describe('GET then PUT of the same body', () => {
  test('the seed instance: 200, the same answer, no change sent, the simulator as it was', async () => {
    const answer = await getAnswer(SEED_ID);
    assert.equal(typeof answer._internal_record_id, 'string', 'the audit is on');
    assert.equal(typeof (answer.serviceInstanceProfile as { timeZoneDisplayName?: unknown }).timeZoneDisplayName, 'string');
    const world = h.simulator.world.snapshot();
    h.roundTrips.length = 0;
    const put = await h.request.put(instanceUrl(SEED_ID)).send(answer);
    assert.equal(put.status, 200, put.text);
    assert.deepEqual(mutatingCommands(h), [], 'nothing to change: no Modify, no status');
    assert.deepEqual(h.simulator.world.snapshot(), world);
    const { _internal_record_id: _a, ...got } = answer;
    const { _internal_record_id: _b, ...back } = put.body as Record<string, unknown>;
    assert.deepEqual(back, got);
  });

  test('an instance with every field set, inactive: still nothing to change', async () => {
    const id = `full-edit@${DOMAIN}`;
    const body = seedPostBody({ serviceUserId: id, active: false, destinationPhoneNumbers: ['+3271123456', '1234', 'room@conf.example.com'] });
    const profile = body.serviceInstanceProfile as Record<string, unknown>;
    Object.assign(profile, { phoneNumber: '+3271112239', extension: '2239', aliases: [`alias-2239@${DOMAIN}`], publicUserIdentity: `pui-2239@${DOMAIN}`, callingLineIdPhoneNumber: '+3271112239', hiraganaFirstName: 'ひら', hiraganaLastName: 'がな' });
    await h.request.post(igcUrl()).send(body).expect(200);
    const answer = await getAnswer(id);
    const world = h.simulator.world.snapshot();
    h.roundTrips.length = 0;
    await h.request.put(instanceUrl(id)).send(answer).expect(200);
    assert.deepEqual(mutatingCommands(h), []);
    assert.deepEqual(h.simulator.world.snapshot(), world);
  });

  test('one field edited in the GET answer: only that field is sent', async () => {
    const answer = await getAnswer(SEED_ID);
    (answer.serviceInstanceProfile as Record<string, unknown>).name = 'Edited once';
    h.roundTrips.length = 0;
    const put = await h.request.put(instanceUrl(SEED_ID)).send(answer);
    assert.equal(put.status, 200, put.text);
    assert.deepEqual(mutatingCommands(h), ['GroupInstantGroupCallModifyInstanceRequest']);
    assert.equal(h.simulator.world.instantGroupCall(SEED_ID)!.name, 'Edited once');
    assert.equal(put.body.serviceInstanceProfile.name, 'Edited once');
  });
});

describe('GET answer POSTed as a new instance (a copy)', () => {
  test('with a new id: created, and its answer is the original\'s', async () => {
    const source = `copy-source@${DOMAIN}`;
    await h.request.post(igcUrl()).send({ ...minimalBody(source, { language: 'English', timeZone: 'Europe/Brussels' }), destinationPhoneNumbers: ['+3271123457', '112'] }).expect(200);
    const answer = await getAnswer(source);
    const profile = answer.serviceInstanceProfile as Record<string, unknown>;
    assert.equal(profile.extension, '');
    assert.equal(profile.publicUserIdentity, '');
    assert.equal(profile.phoneNumber, '');
    const copy = `copy-target@${DOMAIN}`;
    const posted = await h.request.post(igcUrl()).send({ ...answer, serviceUserId: copy });
    assert.equal(posted.status, 200, posted.text);
    assert.equal(posted.body.serviceUserId, copy);
    const { _internal_record_id: _a, ...original } = answer;
    const { _internal_record_id: _b, serviceUserId: _c, ...copied } = posted.body as Record<string, unknown>;
    assert.deepEqual(copied, original);
    assert.deepEqual(h.simulator.world.instantGroupCall(copy)!.destinations, ['+3271123457', '112']);
  });
});

describe('null clears what BroadWorks can clear', () => {
  test('destinationPhoneNumbers: null like [], and the profile\'s nillable fields', async () => {
    const id = `null-clears@${DOMAIN}`;
    await h.request
      .post(igcUrl())
      .send({ ...minimalBody(id, { phoneNumber: '+3271112238', extension: '2238', aliases: [`a-2238@${DOMAIN}`] }), answerTimeoutMinutes: 3, destinationPhoneNumbers: ['+3271123456'] })
      .expect(200);
    const put = await h.request.put(instanceUrl(id)).send({
      serviceInstanceProfile: { phoneNumber: null, extension: null, aliases: null, publicUserIdentity: null, callingLineIdPhoneNumber: null, department: null },
      destinationPhoneNumbers: null,
      answerTimeoutMinutes: null,
    });
    assert.equal(put.status, 200, put.text);
    const stored = h.simulator.world.instantGroupCall(id)!;
    assert.deepEqual(stored.destinations, []);
    assert.deepEqual(stored.aliases, []);
    assert.equal(stored.phoneNumber, undefined);
    assert.equal(stored.extension, undefined);
    assert.equal(stored.answerTimeoutMinutes, undefined);
    assert.deepEqual(put.body.destinationPhoneNumbers, []);
    assert.equal(put.body.serviceInstanceProfile.phoneNumber, '');
  });

  test('null on POST means none; a field that cannot be cleared still cannot be null', async () => {
    const id = `null-post@${DOMAIN}`;
    const posted = await h.request.post(igcUrl()).send({ ...minimalBody(id, { extension: null, department: null }), destinationPhoneNumbers: null, answerTimeoutMinutes: null });
    assert.equal(posted.status, 200, posted.text);
    assert.deepEqual(posted.body.destinationPhoneNumbers, []);
    const error = apioError(await h.request.put(instanceUrl(id)).send({ serviceInstanceProfile: { name: null } }), 400, 'VALIDATION');
    assert.match(error.message, /serviceInstanceProfile\.name/);
  });
});
