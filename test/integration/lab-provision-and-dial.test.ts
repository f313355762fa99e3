// End to end: a portal provisions an Instant Group Call through the APIO API (adapter → OCI-P →
// simulator), dials its number in the simulator's call lab over HTTP and watches who rings; then
// deactivates it through APIO and sees the next call fail.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { endpoint, groupcall, legsOf, readEvents, startLabWithAdapter, tel } from '../support/lab-harness.js';
import type { AdapterLabHarness } from '../support/lab-harness.js';

const IGC_URL = '/api/v1/tenants/ApioSpTest/groups/ApioGrpTest/services/instant_group_calls/';
const ID = 'LabDialTest@sip.netaxis.be';
let h: AdapterLabHarness;

before(async () => {
  // Legs ring up to 5 minutes here, so the instance's own answer timeout (1 minute) is what stops them.
  h = await startLabWithAdapter({ ringTimeoutMs: 5 * 60_000 });
});
after(() => h.close());

test('provision over APIO, dial in the lab: every destination rings, the first answer wins, the answer timeout bounds the ringing', async () => {
  const provisioned = await h.adapter
    .post(IGC_URL)
    .send({
      serviceUserId: ID,
      serviceInstanceProfile: { name: 'Lab dial', cliFirstName: 'Lab', cliLastName: 'Dial', phoneNumber: '+3271123457', extension: '3457' },
      answerTimeoutEnabled: true,
      answerTimeoutMinutes: 1,
      destinationPhoneNumbers: ['+3271123458', '071123459', 'desk@sip.netaxis.be'],
      active: true,
    });
  assert.equal(provisioned.status, 200, provisioned.text);

  const { api, clock, base } = h;
  await endpoint(api, '+3271123458', 'answer', 4_000);
  await endpoint(api, '+3271123459', 'answer', 2_500);
  await endpoint(api, 'desk@sip.netaxis.be', 'no_answer');
  const events = await readEvents(base, '?types=groupcall_');
  try {
    const dialled = await api.post('/v1.0/groupcalls', { source: tel('+3271112230'), destinations: [tel('+32 71 12 34 57')], ring_method: 'ring_all', answer_method: 'hangup_others' });
    assert.equal(dialled.status, 200, JSON.stringify(dialled.body));
    const gc = dialled.body;
    assert.equal(gc.instance.service_user_id, ID);
    assert.equal(gc.instance.answer_timeout_minutes, 1);
    assert.deepEqual(gc.destinations.map((d: { target: string }) => d.target), ['+3271123458', '+3271123459', 'desk@sip.netaxis.be']);
    assert.deepEqual((await legsOf(api, gc)).map((c) => c.status), ['ringing', 'ringing', 'ringing']);

    clock.advance(2_500);
    const answered = await groupcall(api, gc.id);
    assert.equal(answered.answer_call_id, gc.call_ids[1]);
    assert.deepEqual((await legsOf(api, gc)).map((c) => c.hangup_reason), ['cancel', '', 'cancel']);
    assert.deepEqual((await events.take(2)).map((e) => e.event), ['groupcall_created', 'groupcall_progressing']);
    await api.post(`/v1.0/groupcalls/${gc.id}/hangup`);

    // Nobody answers (dialled by extension this time): the answer timeout stops the ringing at 1 minute.
    await endpoint(api, '+3271123458', 'no_answer');
    await endpoint(api, '+3271123459', 'no_answer');
    const byExtension = (await api.post('/v1.0/groupcalls', { source: tel('+3271112230'), destinations: [{ type: 'extension', target: '3457' }] })).body;
    assert.equal(byExtension.instance.service_user_id, ID);
    clock.advance(60_000 - 1);
    assert.equal((await groupcall(api, byExtension.id)).status, 'progressing');
    clock.advance(1);
    const timedOut = await groupcall(api, byExtension.id);
    assert.equal(timedOut.hangup_reason, 'timeout');
    assert.deepEqual((await legsOf(api, byExtension)).map((c) => c.hangup_reason), ['timeout', 'timeout', 'timeout']);
  } finally {
    events.close();
  }

  // Deactivated through APIO: the next call fails at once.
  const deactivated = await h.adapter.put('/api/v1/tenants/ApioSpTest/groups/ApioGrpTest/services/instant_group_calls_active/').send({ services: [{ serviceUserId: ID, active: false }] });
  assert.equal(deactivated.status, 200, deactivated.text);
  const failed = (await api.post('/v1.0/groupcalls', { source: tel('+3271112230'), destinations: [tel('+3271123457')] })).body;
  assert.equal(failed.status, 'hangup');
  assert.equal(failed.hangup_reason, 'failed');
  assert.ok(failed.notes.some((n: string) => n.includes('is inactive')));
});
