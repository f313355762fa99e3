// The call lab's conferencecalls (forward-only status), campaigns and their campaigncalls (retry,
// result mapping), and GET /v1.0/events streaming every kind of event as it happens.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dial, endpoint, labError, readEvents, startLab, tel } from '../support/lab-harness.js';
import type { LabApi, LabHarness } from '../support/lab-harness.js';
import { isForward } from '../../src/simulator/call-lab/conferences.js';
import { CONFERENCE_BRIDGE_MS } from '../../src/simulator/call-lab/settings.js';

describe('conferencecalls', () => {
  // Conferencecalls in the call lab: an answered call joins (joining → joined), a kick or a hang-up
  // goes through leaving to leaved, status only moves forward, leaved is final and further changes
  // are refused — the guard VoIPbin documents but does not enforce.
  let lab: LabHarness;
  let next = 0;

  before(async () => {
    lab = await startLab();
  });
  after(() => lab.close());

  /** An answered call, ready to join. */
  async function answeredCall(api: LabApi): Promise<string> {
    const target = `+32500000${String(next++).padStart(2, '0')}`;
    await endpoint(api, target, 'answer', 0);
    const gc = await dial(api, [tel(target)]);
    lab.clock.advance(0);
    return gc.call_ids[0];
  }

  async function join(api: LabApi, conferenceId: string, callId: string): Promise<any> {
    const answer = await api.post('/v1.0/conferencecalls', { conference_id: conferenceId, reference_type: 'call', reference_id: callId });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    return answer.body;
  }

  async function statusOf(api: LabApi, id: string): Promise<string> {
    return (await api.get(`/v1.0/conferencecalls/${id}`)).body.status;
  }

  test('the guard: only later statuses are moves, nothing leaves leaved', () => {
    assert.ok(isForward('joining', 'joined'));
    assert.ok(isForward('joining', 'leaving'));
    assert.ok(isForward('leaving', 'leaved'));
    assert.ok(!isForward('joined', 'joining'));
    assert.ok(!isForward('leaving', 'joined'));
    assert.ok(!isForward('leaving', 'leaving'));
    for (const to of ['joining', 'joined', 'leaving', 'leaved'] as const) assert.ok(!isForward('leaved', to));
  });

  test('join, then kick: joining → joined → leaving → leaved; a second kick is refused', async () => {
    const { api, clock } = lab;
    const conference = (await api.post('/v1.0/conferences', { name: 'standup' })).body;
    const callId = await answeredCall(api);
    const cc = await join(api, conference.id, callId);
    assert.equal(cc.status, 'joining');
    assert.equal(cc.reference_type, 'call');
    assert.equal(cc.reference_id, callId);
    assert.equal(cc.tm_delete, '9999-01-01 00:00:00.000000');
    clock.advance(CONFERENCE_BRIDGE_MS);
    assert.equal(await statusOf(api, cc.id), 'joined');
    assert.deepEqual((await api.get(`/v1.0/conferences/${conference.id}`)).body.conferencecall_ids, [cc.id]);

    const kicked = await api.del(`/v1.0/conferencecalls/${cc.id}`);
    assert.equal(kicked.body.status, 'leaving');
    labError(await api.del(`/v1.0/conferencecalls/${cc.id}`), 409, 'STATE_INVALID');
    clock.advance(CONFERENCE_BRIDGE_MS);
    assert.equal(await statusOf(api, cc.id), 'leaved');
    const refused = labError(await api.del(`/v1.0/conferencecalls/${cc.id}`), 409, 'STATE_INVALID');
    assert.match(refused.message, /leaved is final/);
    assert.equal((await api.get(`/v1.0/calls/${callId}`)).body.status, 'progressing', 'a kick leaves the call up');
  });

  test('a kick while joining goes to leaving, and the late bridge event cannot move it back to joined', async () => {
    const { api, clock } = lab;
    const conference = (await api.post('/v1.0/conferences', {})).body;
    const seen: string[] = [];
    const stop = lab.sim.lab.events.subscribe((event) => {
      if (event.type.startsWith('conferencecall_')) seen.push(event.type);
    });
    const cc = await join(api, conference.id, await answeredCall(api));
    assert.equal((await api.del(`/v1.0/conferencecalls/${cc.id}`)).body.status, 'leaving');
    clock.advance(CONFERENCE_BRIDGE_MS * 4);
    stop();
    assert.equal(await statusOf(api, cc.id), 'leaved');
    assert.deepEqual(seen, ['conferencecall_joining', 'conferencecall_leaving', 'conferencecall_leaved']);
  });

  test('the call hanging up takes its participant through leaving to leaved', async () => {
    const { api, clock } = lab;
    const conference = (await api.post('/v1.0/conferences', {})).body;
    const callId = await answeredCall(api);
    const cc = await join(api, conference.id, callId);
    clock.advance(CONFERENCE_BRIDGE_MS);
    await api.post(`/v1.0/calls/${callId}/hangup`);
    assert.equal(await statusOf(api, cc.id), 'leaving');
    clock.advance(CONFERENCE_BRIDGE_MS);
    assert.equal(await statusOf(api, cc.id), 'leaved');
  });

  test('only an answered call joins, once; ending the conference kicks everyone', async () => {
    const { api, clock } = lab;
    const conference = (await api.post('/v1.0/conferences', {})).body;
    await endpoint(api, '+3250009999', 'no_answer');
    const ringing = (await dial(api, [tel('+3250009999')])).call_ids[0];
    const refused = labError(await api.post('/v1.0/conferencecalls', { conference_id: conference.id, reference_type: 'call', reference_id: ringing }), 409, 'STATE_INVALID');
    assert.match(refused.message, /must be answered/);

    const callId = await answeredCall(api);
    const cc = await join(api, conference.id, callId);
    labError(await api.post('/v1.0/conferencecalls', { conference_id: conference.id, reference_type: 'call', reference_id: callId }), 409, 'STATE_INVALID');
    const ended = await api.del(`/v1.0/conferences/${conference.id}`);
    assert.equal(ended.body.status, 'terminated');
    assert.equal(await statusOf(api, cc.id), 'leaving');
    clock.advance(CONFERENCE_BRIDGE_MS);
    assert.equal(await statusOf(api, cc.id), 'leaved');
    labError(await api.post('/v1.0/conferencecalls', { conference_id: conference.id, reference_type: 'call', reference_id: callId }), 409, 'STATE_INVALID');
    const list = await api.get('/v1.0/conferencecalls?page_size=2');
    assert.equal(list.body.result[0].id, cc.id);
  });
});

describe('campaigns', () => {
  // Campaigns in the call lab: the executor dials targets, campaigncalls go dialing → progressing →
  // done, `result` comes from the call's hang-up reason (only normal is success), a failed target is
  // retried after try_interval while try_count < max_try_count for that destination index, then the
  // next index is tried; a done campaigncall can be deleted, a live one cannot.
  let lab: LabHarness;

  before(async () => {
    lab = await startLab();
  });
  after(() => lab.close());

  async function created(answer: Promise<{ status: number; body: any }>): Promise<any> {
    const { status, body } = await answer;
    assert.equal(status, 200, JSON.stringify(body));
    return body;
  }

  /** The campaign's campaigncalls, oldest first. */
  async function attempts(api: LabApi, campaignId: string): Promise<any[]> {
    const page = await api.get(`/v1.0/campaigns/${campaignId}/campaigncalls`);
    assert.equal(page.status, 200);
    return [...page.body.result].reverse();
  }

  function summary(cc: { destination_index: number; try_count: number; status: string; result: string }): string {
    return `${cc.destination_index}#${cc.try_count} ${cc.status} ${cc.result}`.trim();
  }

  test('a failed target is retried after try_interval, index 0 is used up before index 1, success ends it', async () => {
    const { api, clock } = lab;
    await endpoint(api, '+3260000001', 'busy', 100);
    await endpoint(api, '+3260000002', 'answer', 0, { hangup_after_ms: 1_000 });
    await endpoint(api, '+3260000003', 'answer', 0, { hangup_after_ms: 1_000 });
    const outplan = await created(api.post('/v1.0/outplans', { source: tel('+3271112230'), try_interval: 10_000, max_try_count_0: 2, max_try_count_1: 1 }));
    assert.equal(outplan.max_try_count_0, 2);
    const outdial = await created(api.post('/v1.0/outdials', { name: 'leads' }));
    const a = await created(api.post(`/v1.0/outdials/${outdial.id}/targets`, { name: 'a', destination_0: tel('+3260000001'), destination_1: tel('+3260000002') }));
    const b = await created(api.post(`/v1.0/outdials/${outdial.id}/targets`, { name: 'b', destination_0: tel('+3260000003') }));
    assert.equal(a.status, 'idle');
    assert.equal(a.destination_2, null);
    const campaign = await created(api.post('/v1.0/campaigns', { name: 'spring', outplan_id: outplan.id, outdial_id: outdial.id, end_handle: 'stop' }));
    assert.equal(campaign.status, 'stop');
    assert.equal((await created(api.put(`/v1.0/campaigns/${campaign.id}/status`, { status: 'run' }))).status, 'run');
    const start = clock.now();
    /** Moves the clock to `ms` after the campaign started. */
    const at = (ms: number): void => clock.advance(start + ms - clock.now());

    at(0);
    let calls = await attempts(api, campaign.id);
    assert.deepEqual(calls.map(summary), ['0#1 dialing']);
    assert.equal(calls[0].outdial_target_id, a.id);
    assert.equal(calls[0].reference_type, 'call');
    assert.equal((await api.get(`/v1.0/calls/${calls[0].reference_id}`)).body.destination.target, '+3260000001');
    labError(await api.del(`/v1.0/campaigncalls/${calls[0].id}`), 409, 'STATE_INVALID');

    at(100); // a busy → fail; b dialled and answered at once
    calls = await attempts(api, campaign.id);
    assert.deepEqual(calls.map(summary), ['0#1 done fail', '0#1 progressing']);
    assert.equal((await api.get(`/v1.0/outdials/${outdial.id}/targets/${a.id}`)).body.status, 'idle');

    at(1_100); // b hangs up normally → success
    assert.deepEqual((await attempts(api, campaign.id)).map(summary), ['0#1 done fail', '0#1 done success']);
    assert.equal((await api.get(`/v1.0/outdials/${outdial.id}/targets/${b.id}`)).body.status, 'done');

    at(10_099); // the interval counts from the end of the attempt (100): not yet
    assert.equal((await attempts(api, campaign.id)).length, 2);
    at(10_100); // retried at index 0, try 2
    assert.deepEqual((await attempts(api, campaign.id)).map(summary).slice(2), ['0#2 dialing']);
    at(10_200); // busy again: index 0 is used up (2 of 2)
    assert.deepEqual((await attempts(api, campaign.id)).map(summary).slice(2), ['0#2 done fail']);

    at(20_199);
    assert.equal((await attempts(api, campaign.id)).length, 3);
    at(20_200); // index 1, try 1, answers at once
    calls = await attempts(api, campaign.id);
    assert.deepEqual(calls.map(summary).slice(3), ['1#1 progressing']);
    assert.equal(calls[3].destination.target, '+3260000002');
    at(21_200);
    const target = (await api.get(`/v1.0/outdials/${outdial.id}/targets/${a.id}`)).body;
    assert.equal(target.status, 'done');
    assert.deepEqual([target.try_count_0, target.try_count_1], [2, 1]);
    assert.equal((await api.get(`/v1.0/campaigns/${campaign.id}`)).body.status, 'stop', 'end_handle stop: nothing left to dial');

    const first = calls[0];
    const deleted = await api.del(`/v1.0/campaigncalls/${first.id}`);
    assert.equal(deleted.status, 200);
    assert.notEqual(deleted.body.tm_delete, '9999-01-01 00:00:00.000000');
    assert.equal((await attempts(api, campaign.id)).length, 3, 'deleted ones leave the list');
  });

  test('result mapping: noanswer, failed and cancel are fail; normal (hung up after an answer) is success', async () => {
    const { api, clock } = lab;
    await endpoint(api, '+3260000011', 'unreachable', 0);
    await endpoint(api, '+3260000012', 'no_answer');
    await endpoint(api, '+3260000013', 'no_answer');
    await endpoint(api, '+3260000014', 'answer', 0);
    // dial_timeout is the ring timeout of each campaign leg (VoIPbin stores it and ignores it).
    const outplan = await created(api.post('/v1.0/outplans', { source: tel('+3271112230'), dial_timeout: 2_000, try_interval: 0, max_try_count_0: 1 }));
    const outdial = await created(api.post('/v1.0/outdials', {}));
    for (const n of ['11', '12', '13', '14']) await created(api.post(`/v1.0/outdials/${outdial.id}/targets`, { destination_0: tel(`+32600000${n}`) }));
    const campaign = await created(api.post('/v1.0/campaigns', { outplan_id: outplan.id, outdial_id: outdial.id }));
    await created(api.put(`/v1.0/campaigns/${campaign.id}/status`, { status: 'run' }));
    clock.advance(1_500); // one dial per 500 ms: all four dialled
    let calls = await attempts(api, campaign.id);
    assert.equal(calls.length, 4);
    await api.post(`/v1.0/calls/${calls[2].reference_id}/hangup`); // ringing → cancel
    await api.post(`/v1.0/calls/${calls[3].reference_id}/hangup`); // answered → normal
    clock.advance(2_000); // the second rings out at dial_timeout
    calls = await attempts(api, campaign.id);
    const reasons = await Promise.all(calls.map(async (cc) => (await api.get(`/v1.0/calls/${cc.reference_id}`)).body.hangup_reason));
    assert.deepEqual(reasons, ['failed', 'noanswer', 'cancel', 'normal']);
    assert.deepEqual(calls.map((cc) => cc.result), ['fail', 'fail', 'fail', 'success']);
    assert.deepEqual(calls.map((cc) => cc.status), ['done', 'done', 'done', 'done']);
    clock.advance(5_000);
    assert.equal((await attempts(api, campaign.id)).length, 4, 'max_try_count_0 = 1: no retry');
    const all = await api.get('/v1.0/campaigncalls?page_size=100');
    assert.ok(calls.every((cc) => all.body.result.some((row: { id: string }) => row.id === cc.id)));
  });

  test('stopping a campaign dials nothing more; running it again picks up', async () => {
    const { api, clock } = lab;
    await endpoint(api, '+3260000021', 'busy', 0);
    const outplan = await created(api.post('/v1.0/outplans', { source: tel('+3271112230'), try_interval: 1_000, max_try_count_0: 3 }));
    const outdial = await created(api.post('/v1.0/outdials', {}));
    await created(api.post(`/v1.0/outdials/${outdial.id}/targets`, { destination_0: tel('+3260000021') }));
    const campaign = await created(api.post('/v1.0/campaigns', { outplan_id: outplan.id, outdial_id: outdial.id, end_handle: 'continue' }));
    await created(api.put(`/v1.0/campaigns/${campaign.id}/status`, { status: 'run' }));
    clock.advance(0);
    assert.equal((await created(api.put(`/v1.0/campaigns/${campaign.id}/status`, { status: 'stop' }))).status, 'stop');
    clock.advance(60_000);
    assert.equal((await attempts(api, campaign.id)).length, 1);
    await created(api.put(`/v1.0/campaigns/${campaign.id}/status`, { status: 'run' }));
    clock.advance(10_000);
    assert.deepEqual((await attempts(api, campaign.id)).map(summary), ['0#1 done fail', '0#2 done fail', '0#3 done fail']);
    assert.equal((await api.get(`/v1.0/campaigns/${campaign.id}`)).body.status, 'run', 'end_handle continue keeps it running');
    labError(await api.put(`/v1.0/campaigns/${campaign.id}/status`, { status: 'pause' }), 400, 'INVALID_ARGUMENT');
  });
});

describe('events', () => {
  // GET /v1.0/events: the call lab's server-sent events, as they happen, in the VoIPbin webhook
  // envelope {type, data}: groupcall_*, call_*, conferencecall_* and campaigncall_*.
  let lab: LabHarness;

  before(async () => {
    lab = await startLab();
  });
  after(() => lab.close());

  test('a ring_all groupcall streams created, each leg, progressing on the answer, hangup at the end', async () => {
    const { api, clock, base } = lab;
    await endpoint(api, '+3270000001', 'no_answer');
    await endpoint(api, '+3270000002', 'answer', 1_000);
    const all = await readEvents(base);
    const groupcalls = await readEvents(base, '?types=groupcall_');
    try {
      const gc = await dial(api, [tel('+3270000001'), tel('+3270000002')]);
      clock.advance(1_000);
      await api.post(`/v1.0/groupcalls/${gc.id}/hangup`);

      const only = await groupcalls.take(3);
      assert.deepEqual(only.map((e) => e.event), ['groupcall_created', 'groupcall_progressing', 'groupcall_hangup']);
      assert.equal(only[0]!.data.type, 'groupcall_created');
      assert.equal(only[0]!.data.data.id, gc.id);
      assert.deepEqual(only[0]!.data.data.call_ids, gc.call_ids, 'the legs are known when it is created');
      assert.equal(only[1]!.data.data.answer_call_id, gc.call_ids[1]);
      assert.equal(only[2]!.data.data.status, 'hangup');

      const events = await all.take(10);
      assert.deepEqual(events.map((e) => e.event), [
        'groupcall_created',
        'call_created',
        'call_ringing',
        'call_created',
        'call_ringing',
        'call_progressing',
        'groupcall_progressing',
        'call_hangup', // the other leg, cancelled
        'call_hangup', // the answered leg, on the groupcall's hang-up
        'groupcall_hangup',
      ]);
      assert.equal(events[7]!.data.data.hangup_reason, 'cancel');
      assert.equal(events[8]!.data.data.hangup_reason, 'normal');
      const ids = events.map((e) => Number(e.id));
      assert.deepEqual(ids, [...ids].sort((a, b) => a - b), 'ids grow');
    } finally {
      all.close();
      groupcalls.close();
    }
  });

  test('conferencecall and campaigncall events stream too', async () => {
    const { api, clock, base } = lab;
    const stream = await readEvents(base, '?types=conferencecall_,campaigncall_');
    try {
      await endpoint(api, '+3270000011', 'answer', 0, { hangup_after_ms: 10_000 });
      const gc = await dial(api, [tel('+3270000011')]);
      clock.advance(0);
      const conference = (await api.post('/v1.0/conferences', {})).body;
      const cc = (await api.post('/v1.0/conferencecalls', { conference_id: conference.id, reference_type: 'call', reference_id: gc.call_ids[0] })).body;
      clock.advance(CONFERENCE_BRIDGE_MS);
      await api.del(`/v1.0/conferencecalls/${cc.id}`);
      clock.advance(CONFERENCE_BRIDGE_MS);

      await endpoint(api, '+3270000012', 'answer', 0, { hangup_after_ms: 100 });
      const outplan = (await api.post('/v1.0/outplans', { source: tel('+3271112230'), max_try_count_0: 1 })).body;
      const outdial = (await api.post('/v1.0/outdials', {})).body;
      await api.post(`/v1.0/outdials/${outdial.id}/targets`, { destination_0: tel('+3270000012') });
      const campaign = (await api.post('/v1.0/campaigns', { outplan_id: outplan.id, outdial_id: outdial.id })).body;
      await api.put(`/v1.0/campaigns/${campaign.id}/status`, { status: 'run' });
      clock.advance(100);

      const events = await stream.take(7);
      assert.deepEqual(events.map((e) => e.event), [
        'conferencecall_joining',
        'conferencecall_joined',
        'conferencecall_leaving',
        'conferencecall_leaved',
        'campaigncall_created',
        'campaigncall_updated',
        'campaigncall_updated',
      ]);
      assert.deepEqual(events.slice(4).map((e) => [e.data.data.status, e.data.data.result]), [['dialing', ''], ['progressing', ''], ['done', 'success']]);
    } finally {
      stream.close();
    }
  });
});
