// The call lab's groupcalls over HTTP on a virtual clock: ring_all (first answer wins, the others
// cancelled; every endpoint behaviour and its hang-up reason; hang-up and delete), linear (fall
// through busy, no answer and failure; stop at the first answer), and Instant Group Call instances
// of the World (dialled by number, extension or id; answer timeout; inactive; nesting; loops).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DOMAIN, dial, endpoint, groupcall, instance, labError, legsOf, startLab, tel } from '../support/lab-harness.js';
import type { LabHarness } from '../support/lab-harness.js';
import { NIL_UUID, NOT_YET } from '../../src/simulator/call-lab/index.js';

describe('ring_all', () => {
  // The call lab's ring_all groupcall over HTTP on a virtual clock: the first answer wins and every
  // other leg is cancelled; each endpoint behaviour ends its leg with its own reason; hang-up and
  // delete; the VoIPbin shape with its timestamp forms.
  const STAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{6}$/;
  let lab: LabHarness;

  before(async () => {
    lab = await startLab();
  });
  after(() => lab.close());

  test('ring_all: every leg rings at once; the first answer wins and the others are cancelled', async () => {
    const { api, clock } = lab;
    await endpoint(api, '+3210000001', 'answer', 3_000);
    await endpoint(api, '+3210000002', 'answer', 2_000);
    await endpoint(api, '+3210000003', 'no_answer');
    const created = await dial(api, [tel('+3210000001'), tel('+3210000002'), tel('+32 1000 0003')]);

    assert.equal(created.ring_method, 'ring_all');
    assert.equal(created.answer_method, 'hangup_others');
    assert.equal(created.answer_call_id, NIL_UUID, 'no answer yet');
    assert.equal(created.call_ids.length, 3);
    assert.equal(created.status, 'progressing');
    assert.match(created.tm_create, STAMP);
    assert.equal(created.tm_update, NOT_YET);
    assert.equal(created.tm_delete, NOT_YET);
    assert.equal(created.destinations[2].target, '+3210000003', 'tel targets are normalised');
    assert.deepEqual(Object.keys(created.source).sort(), ['detail', 'name', 'target', 'target_name', 'type']);
    assert.deepEqual((await legsOf(api, created)).map((c) => c.status), ['ringing', 'ringing', 'ringing']);

    clock.advance(1_999);
    assert.equal((await groupcall(api, created.id)).answer_call_id, NIL_UUID);
    clock.advance(1);
    const answered = await groupcall(api, created.id);
    assert.equal(answered.answer_call_id, created.call_ids[1]);
    assert.match(answered.tm_update, STAMP);
    const legs = await legsOf(api, created);
    assert.deepEqual(legs.map((c) => [c.status, c.hangup_reason]), [['hangup', 'cancel'], ['progressing', ''], ['hangup', 'cancel']]);
    assert.equal(legs[1].groupcall_id, created.id);
    assert.equal(legs[0].tm_progressing, NOT_YET);

    // The cancelled leg would have answered at 3 s: it does not come back.
    clock.advance(10_000);
    assert.equal((await api.get(`/v1.0/calls/${created.call_ids[0]}`)).body.status, 'hangup');

    // The answered call hangs up: the groupcall ends, normally.
    const hungUp = await api.post(`/v1.0/calls/${created.call_ids[1]}/hangup`);
    assert.equal(hungUp.status, 200);
    assert.equal(hungUp.body.hangup_reason, 'normal');
    const ended = await groupcall(api, created.id);
    assert.equal(ended.status, 'hangup');
    assert.equal(ended.hangup_reason, 'normal');
    labError(await api.post(`/v1.0/calls/${created.call_ids[1]}/hangup`), 409, 'STATE_INVALID');
  });

  test('a tie goes to the leg dialled first', async () => {
    const { api, clock } = lab;
    await endpoint(api, '+3210000011', 'answer', 500);
    await endpoint(api, '+3210000012', 'answer', 500);
    const created = await dial(api, [tel('+3210000011'), tel('+3210000012')]);
    clock.advance(500);
    assert.equal((await groupcall(api, created.id)).answer_call_id, created.call_ids[0]);
    assert.equal((await legsOf(api, created))[1].hangup_reason, 'cancel');
  });

  test('busy, unreachable, no_answer (by itself and at the ring timeout): nobody answers, the groupcall ends noanswer', async () => {
    const { api, clock } = lab;
    await endpoint(api, '+3210000021', 'busy', 100);
    await endpoint(api, '+3210000022', 'unreachable', 200);
    await endpoint(api, '+3210000023', 'no_answer', 20_000);
    await endpoint(api, '+3210000024', 'no_answer');
    await endpoint(api, '+3210000025', 'answer', 60_000);
    const created = await dial(api, ['+3210000021', '+3210000022', '+3210000023', '+3210000024', '+3210000025'].map(tel));
    const legs0 = await legsOf(api, created);
    assert.deepEqual(legs0.map((c) => c.status), ['dialing', 'dialing', 'ringing', 'ringing', 'ringing'], 'busy and unreachable never ring');

    clock.advance(29_999);
    assert.equal((await groupcall(api, created.id)).status, 'progressing');
    clock.advance(1);
    const legs = await legsOf(api, created);
    assert.deepEqual(legs.map((c) => c.hangup_reason), ['busy', 'failed', 'noanswer', 'noanswer', 'noanswer']);
    const ended = await groupcall(api, created.id);
    assert.equal(ended.status, 'hangup');
    assert.equal(ended.hangup_reason, 'noanswer');
    assert.equal(ended.answer_call_id, NIL_UUID);
  });

  test('everyone busy ends busy; a ringing call hung up over its route is cancelled', async () => {
    const { api, clock } = lab;
    await endpoint(api, '+3210000031', 'busy', 0);
    const busy = await dial(api, [tel('+3210000031')]);
    clock.advance(0);
    assert.equal((await groupcall(api, busy.id)).hangup_reason, 'busy');

    await endpoint(api, '+3210000032', 'no_answer');
    const ringing = await dial(api, [tel('+3210000032')]);
    const cancelled = await api.post(`/v1.0/calls/${ringing.call_ids[0]}/hangup`);
    assert.equal(cancelled.body.hangup_reason, 'cancel');
  });

  test('POST /groupcalls/{id}/hangup cancels the ringing legs; a second hang-up is refused', async () => {
    const { api } = lab;
    await endpoint(api, '+3210000041', 'no_answer');
    await endpoint(api, '+3210000042', 'no_answer');
    const created = await dial(api, [tel('+3210000041'), tel('+3210000042')]);
    const hungUp = await api.post(`/v1.0/groupcalls/${created.id}/hangup`);
    assert.equal(hungUp.status, 200);
    assert.equal(hungUp.body.status, 'hangup');
    assert.equal(hungUp.body.hangup_reason, 'cancel');
    assert.deepEqual((await legsOf(api, created)).map((c) => c.hangup_reason), ['cancel', 'cancel']);
    labError(await api.post(`/v1.0/groupcalls/${created.id}/hangup`), 409, 'STATE_INVALID');
  });

  test('DELETE hangs up a live groupcall and sets tm_delete; a repeat answers it unchanged', async () => {
    const { api, clock } = lab;
    await endpoint(api, '+3210000051', 'answer', 0);
    const created = await dial(api, [tel('+3210000051')]);
    clock.advance(0);
    const deleted = await api.del(`/v1.0/groupcalls/${created.id}`);
    assert.equal(deleted.status, 200);
    assert.equal(deleted.body.status, 'hangup');
    assert.equal(deleted.body.hangup_reason, 'normal', 'it was answered');
    assert.match(deleted.body.tm_delete, STAMP);
    assert.equal((await legsOf(api, created))[0].hangup_reason, 'normal');
    clock.advance(1_000);
    const again = await api.del(`/v1.0/groupcalls/${created.id}`);
    assert.deepEqual(again.body, deleted.body);
    assert.equal((await groupcall(api, created.id)).tm_delete, deleted.body.tm_delete, 'still readable by id');
  });

  test('the callee may hang up by itself (hangup_after_ms)', async () => {
    const { api, clock } = lab;
    await endpoint(api, '+3210000061', 'answer', 1_000, { hangup_after_ms: 5_000 });
    const created = await dial(api, [tel('+3210000061')]);
    clock.advance(5_999);
    assert.equal((await groupcall(api, created.id)).status, 'progressing');
    clock.advance(1);
    const ended = await groupcall(api, created.id);
    assert.equal(ended.hangup_reason, 'normal');
    const [leg] = await legsOf(api, created);
    assert.equal(leg.hangup_reason, 'normal');
    assert.ok(leg.tm_ringing < leg.tm_progressing && leg.tm_progressing < leg.tm_hangup);
  });

  test('unconfigured destinations follow the default behaviour; DELETE of an endpoint restores it', async () => {
    const { api, clock } = lab;
    const shown = await api.get('/v1.0/lab/endpoints/+3219999999');
    assert.deepEqual(shown.body, { target: '+3219999999', configured: false, behavior: 'answer', after_ms: 1_000 });
    await endpoint(api, '+3219999998', 'busy', 10);
    assert.equal((await api.del('/v1.0/lab/endpoints/%2B3219999998')).body.configured, false);
    const created = await dial(api, [tel('+3219999998')]);
    clock.advance(1_000);
    assert.notEqual((await groupcall(api, created.id)).answer_call_id, NIL_UUID);
    const sip = await api.put('/v1.0/lab/endpoints/Alice@Example.NET', { behavior: 'no_answer' });
    assert.equal(sip.body.target, 'Alice@example.net');
    assert.ok((await api.get('/v1.0/lab/endpoints')).body.result.some((e: { target: string }) => e.target === 'Alice@example.net'));
  });
});

describe('linear', () => {
  // The call lab's linear groupcall on a virtual clock: one leg at a time, in order; busy, no answer
  // (the per-leg ring timeout, set in the lab's settings) and failure move on; the first answer stops
  // it; an exhausted list ends the groupcall.
  const RING_TIMEOUT_MS = 10_000;
  let lab: LabHarness;

  before(async () => {
    lab = await startLab({
      settings: { ringTimeoutMs: RING_TIMEOUT_MS },
      instances: [instance('team', { phoneNumber: '+3271123450', destinations: ['+3220000031', '+3220000032'] })],
    });
  });
  after(() => lab.close());

  test('linear falls through busy, no answer (ring timeout) and unreachable, and stops at the first answer', async () => {
    const { api, clock } = lab;
    await endpoint(api, '+3220000001', 'busy', 1_000);
    await endpoint(api, '+3220000002', 'no_answer');
    await endpoint(api, '+3220000003', 'unreachable', 500);
    await endpoint(api, '+3220000004', 'answer', 2_000);
    await endpoint(api, '+3220000005', 'answer', 0);
    const created = await dial(api, ['+3220000001', '+3220000002', '+3220000003', '+3220000004', '+3220000005'].map(tel), { ring_method: 'linear' });
    assert.equal(created.ring_method, 'linear');
    assert.equal(created.call_ids.length, 1, 'only the first destination is dialled');
    assert.equal(created.dial_index, 0);

    clock.advance(1_000); // busy → the second
    let now = await groupcall(api, created.id);
    assert.equal(now.call_ids.length, 2);
    assert.equal(now.dial_index, 1);

    clock.advance(RING_TIMEOUT_MS - 1);
    assert.equal((await groupcall(api, created.id)).call_ids.length, 2, 'still ringing the second');
    clock.advance(1); // the ring timeout → the third
    clock.advance(500); // unreachable → the fourth
    now = await groupcall(api, created.id);
    assert.equal(now.dial_index, 3);
    clock.advance(2_000); // answers
    now = await groupcall(api, created.id);
    assert.equal(now.answer_call_id, now.call_ids[3]);
    assert.equal(now.call_ids.length, 4, 'the fifth is never dialled');
    assert.deepEqual((await legsOf(api, now)).map((c) => c.hangup_reason), ['busy', 'noanswer', 'failed', '']);

    clock.advance(60_000);
    assert.equal((await groupcall(api, created.id)).call_ids.length, 4);
  });

  test('linear with nobody answering ends noanswer after the last destination', async () => {
    const { api, clock } = lab;
    await endpoint(api, '+3220000011', 'no_answer');
    await endpoint(api, '+3220000012', 'busy', 100);
    const created = await dial(api, [tel('+3220000011'), tel('+3220000012')], { ring_method: 'linear' });
    clock.advance(RING_TIMEOUT_MS + 100);
    const ended = await groupcall(api, created.id);
    assert.equal(ended.status, 'hangup');
    assert.equal(ended.hangup_reason, 'noanswer');
    assert.equal(ended.dial_index, 1);
    assert.deepEqual((await legsOf(api, ended)).map((c) => c.hangup_reason), ['noanswer', 'busy']);
  });

  test('hanging up a linear groupcall cancels the ringing leg and dials no further', async () => {
    const { api, clock } = lab;
    await endpoint(api, '+3220000021', 'no_answer');
    const created = await dial(api, [tel('+3220000021'), tel('+3220000022')], { ring_method: 'linear' });
    await api.post(`/v1.0/groupcalls/${created.id}/hangup`);
    clock.advance(RING_TIMEOUT_MS * 3);
    const ended = await groupcall(api, created.id);
    assert.equal(ended.hangup_reason, 'cancel');
    assert.equal(ended.call_ids.length, 1);
  });

  test('linear over an instance: the child groupcall gets the per-leg ring timeout, then the next destination answers', async () => {
    const { api, clock } = lab;
    await endpoint(api, '+3220000031', 'no_answer');
    await endpoint(api, '+3220000032', 'no_answer');
    await endpoint(api, '+3220000033', 'answer', 1_000);
    const created = await dial(api, [tel('+3271123450'), tel('+3220000033')], { ring_method: 'linear' });
    assert.equal(created.groupcall_ids.length, 1);
    assert.equal(created.call_ids.length, 0);
    clock.advance(RING_TIMEOUT_MS);
    const child = await groupcall(api, created.groupcall_ids[0]);
    assert.equal(child.hangup_reason, 'noanswer');
    assert.deepEqual((await legsOf(api, child)).map((c) => c.hangup_reason), ['noanswer', 'noanswer']);
    clock.advance(1_000);
    const now = await groupcall(api, created.id);
    assert.equal(now.dial_index, 1);
    assert.equal(now.answer_call_id, now.call_ids[0]);
    assert.ok(now.notes.some((n: string) => n.includes('did not answer within the ring timeout')), JSON.stringify(now.notes));
  });
});

describe('Instant Group Call instances', () => {
  // Dialling Instant Group Call instances of the simulator's World in the call lab: by phone number,
  // extension or service user id → ring_all + hangup_others over the instance's destinations,
  // bounded by its answer timeout; an inactive instance fails; nesting into child groupcalls whose
  // answer answers the parent; loops cut and said so.
  let lab: LabHarness;

  before(async () => {
    lab = await startLab({
      instances: [
        instance('sales', {
          phoneNumber: '+3271123450',
          extension: '450',
          // National, dashed and SIP destinations, as BroadWorks stores them.
          destinations: ['+32-30000001', '030000002', 'desk@pbx.example.net'],
          isAnswerTimeoutEnabled: true,
          answerTimeoutMinutes: 2,
        }),
        instance('closed', { phoneNumber: '+3271123451', destinations: ['+3230000011'], isActive: false }),
        // A → B → A: a loop, plus one real destination each.
        instance('loopa', { phoneNumber: '+3271123452', destinations: ['+3271123453', '+3230000021'] }),
        instance('loopb', { phoneNumber: '+3271123453', destinations: ['+3271123452', '+3230000022'] }),
        // A parent whose destinations include another instance (by its extension).
        instance('front', { phoneNumber: '+3271123454', destinations: ['+3230000031', '455'] }),
        instance('back', { extension: '455', destinations: ['+3230000041', '+3230000042'], isAnswerTimeoutEnabled: false, answerTimeoutMinutes: 1 }),
        instance('empty', { phoneNumber: '+3271123456', destinations: [] }),
      ],
    });
  });
  after(() => lab.close());

  test('dialling an instance by number rings all its destinations at once; the first answer wins', async () => {
    const { api, clock } = lab;
    await endpoint(api, '+3230000001', 'answer', 4_000);
    await endpoint(api, '+3230000002', 'answer', 3_000);
    await endpoint(api, 'desk@pbx.example.net', 'no_answer');
    const created = await dial(api, [tel('+3271123450')], { ring_method: 'linear' });
    assert.equal(created.ring_method, 'ring_all');
    assert.equal(created.answer_method, 'hangup_others');
    assert.equal(created.instance.service_user_id, `sales@${DOMAIN}`);
    assert.equal(created.instance.answer_timeout_minutes, 2);
    assert.deepEqual(created.destinations.map((d: { type: string; target: string }) => `${d.type}:${d.target}`), [
      'tel:+3230000001',
      'tel:+3230000002',
      'sip:desk@pbx.example.net',
    ]);
    assert.ok(created.notes.some((n: string) => n.includes('ring_method linear replaced by ring_all')));
    clock.advance(3_000);
    const answered = await groupcall(api, created.id);
    assert.equal(answered.answer_call_id, created.call_ids[1]);
    assert.deepEqual((await legsOf(api, created)).map((c) => c.hangup_reason), ['cancel', '', 'cancel']);
  });

  test('by extension and by service user id too', async () => {
    const { api } = lab;
    const byExtension = await dial(api, [{ type: 'extension', target: '450' }]);
    assert.equal(byExtension.instance.service_user_id, `sales@${DOMAIN}`);
    const byId = await dial(api, [{ type: 'sip', target: `sales@${DOMAIN.toUpperCase()}` }]);
    assert.equal(byId.instance.service_user_id, `sales@${DOMAIN}`);
    assert.equal(byId.call_ids.length, 3);
  });

  test('legs still ring out at the lab ring timeout (30 s) when the answer timeout (2 min) is longer', async () => {
    const { api, clock } = lab;
    await endpoint(api, '+3230000001', 'no_answer');
    await endpoint(api, '+3230000002', 'no_answer');
    const created = await dial(api, [tel('+3271123450')]);
    clock.advance(29_999);
    assert.equal((await groupcall(api, created.id)).status, 'progressing');
    clock.advance(1);
    const ended = await groupcall(api, created.id);
    assert.equal(ended.hangup_reason, 'noanswer');
    assert.deepEqual((await legsOf(api, created)).map((c) => c.hangup_reason), ['noanswer', 'noanswer', 'noanswer']);
  });

  test('an answer timeout shorter than the ring timeout ends the ringing at answerTimeoutMinutes', async () => {
    const long = await startLab({
      settings: { ringTimeoutMs: 10 * 60_000 },
      instances: [instance('sales', { phoneNumber: '+3271123450', destinations: ['+32-30000001', '030000002', 'desk@pbx.example.net'], isAnswerTimeoutEnabled: true, answerTimeoutMinutes: 2 })],
    });
    try {
      const { api, clock } = long;
      await endpoint(api, '+3230000001', 'no_answer');
      await endpoint(api, '+3230000002', 'no_answer');
      await endpoint(api, 'desk@pbx.example.net', 'no_answer');
      const created = await dial(api, [tel('+3271123450')]);
      clock.advance(2 * 60_000 - 1);
      assert.equal((await groupcall(api, created.id)).status, 'progressing');
      clock.advance(1);
      const ended = await groupcall(api, created.id);
      assert.equal(ended.status, 'hangup');
      assert.equal(ended.hangup_reason, 'timeout');
      assert.equal(ended.answer_call_id, NIL_UUID);
      assert.ok(ended.notes.some((n: string) => n.startsWith('answer timeout: nobody answered within 2 minutes')));
      assert.deepEqual((await legsOf(api, created)).map((c) => c.hangup_reason), ['timeout', 'timeout', 'timeout']);
    } finally {
      await long.close();
    }
  });

  test('an inactive instance fails the call at once; an instance without destinations too', async () => {
    const { api } = lab;
    const closed = await dial(api, [tel('+3271123451')]);
    assert.equal(closed.status, 'hangup');
    assert.equal(closed.hangup_reason, 'failed');
    assert.deepEqual(closed.call_ids, []);
    assert.equal(closed.instance.is_active, false);
    assert.ok(closed.notes.some((n: string) => n.includes('is inactive: the call fails')));
    const empty = await dial(api, [tel('+3271123456')]);
    assert.equal(empty.hangup_reason, 'failed');
    assert.ok(empty.notes.some((n: string) => n.includes('has no destination to ring')));
  });

  test('nesting: an instance among the destinations becomes a child groupcall whose answer answers the parent', async () => {
    const { api, clock } = lab;
    await endpoint(api, '+3230000031', 'no_answer');
    await endpoint(api, '+3230000041', 'no_answer');
    await endpoint(api, '+3230000042', 'answer', 1_500);
    await endpoint(api, '+3230000099', 'no_answer');
    // A plain number and the instance "front", whose destinations hold "back" by extension.
    const top = await dial(api, [tel('+3230000099'), tel('+3271123454')]);
    assert.equal(top.call_ids.length, 1);
    assert.equal(top.groupcall_ids.length, 1);
    const front = await groupcall(api, top.groupcall_ids[0]);
    assert.equal(front.master_groupcall_id, top.id);
    assert.equal(front.instance.service_user_id, `front@${DOMAIN}`);
    assert.equal(front.groupcall_ids.length, 1);
    const back = await groupcall(api, front.groupcall_ids[0]);
    assert.equal(back.master_groupcall_id, front.id);
    assert.equal(back.call_ids.length, 2);

    clock.advance(1_500);
    const [topNow, frontNow, backNow] = await Promise.all([top.id, front.id, back.id].map((id) => groupcall(api, id)));
    assert.equal(backNow.answer_call_id, back.call_ids[1]);
    assert.equal(frontNow.answer_groupcall_id, back.id);
    assert.equal(frontNow.answer_call_id, back.call_ids[1], 'the call that answered, two levels down');
    assert.equal(topNow.answer_groupcall_id, front.id);
    assert.equal((await api.get(`/v1.0/calls/${top.call_ids[0]}`)).body.hangup_reason, 'cancel');
    assert.equal((await api.get(`/v1.0/calls/${front.call_ids[0]}`)).body.hangup_reason, 'cancel');

    // Hanging up the top ends the answered call and every groupcall on the way.
    await api.post(`/v1.0/groupcalls/${top.id}/hangup`);
    const ended = await Promise.all([top.id, front.id, back.id].map((id) => groupcall(api, id)));
    assert.deepEqual(ended.map((g) => [g.status, g.hangup_reason]), [['hangup', 'normal'], ['hangup', 'normal'], ['hangup', 'normal']]);
  });

  test('a loop A → B → A is cut: B does not ring A again, and says so', async () => {
    const { api, clock } = lab;
    await endpoint(api, '+3230000021', 'no_answer');
    await endpoint(api, '+3230000022', 'no_answer');
    const a = await dial(api, [tel('+3271123452')]);
    assert.equal(a.groupcall_ids.length, 1);
    const b = await groupcall(api, a.groupcall_ids[0]);
    assert.equal(b.instance.service_user_id, `loopb@${DOMAIN}`);
    assert.deepEqual(b.groupcall_ids, [], 'A is not dialled again');
    assert.equal(b.call_ids.length, 1);
    const note = b.notes.find((n: string) => n.startsWith('loop cut'));
    assert.ok(note, JSON.stringify(b.notes));
    assert.match(note, /loopa@lab\.example\.net → loopb@lab\.example\.net → loopa@lab\.example\.net/);
    clock.advance(30_000);
    assert.equal((await groupcall(api, a.id)).hangup_reason, 'noanswer');
  });

  test('an extension used in two groups is ambiguous: 400 naming the field', async () => {
    const { api, sim } = lab;
    const other = instance('twin', { groupId: 'OtherGrp', extension: '450', destinations: [] });
    sim.world.instantGroupCalls.set(other.serviceUserId, other);
    try {
      const error = labError(await api.post('/v1.0/groupcalls', { source: tel('+3271112230'), destinations: [{ type: 'extension', target: '450' }] }), 400, 'INVALID_ARGUMENT');
      assert.equal(error.details![0]!.field, 'destinations[0].target');
      assert.match(error.details![0]!.message, /several groups/);
      const named = await dial(api, [{ type: 'extension', target: '450', target_name: 'OtherGrp' }]);
      assert.equal(named.instance.service_user_id, `twin@${DOMAIN}`);
    } finally {
      sim.world.instantGroupCalls.delete(other.serviceUserId);
    }
  });
});
