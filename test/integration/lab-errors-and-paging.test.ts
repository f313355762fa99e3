// The call lab's answers to bad requests — every 400 and 404 in VoIPbin's error envelope — and
// its list paging.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { dial, endpoint, labError, SOURCE, startLab, tel } from '../support/lab-harness.js';
import type { LabHarness } from '../support/lab-harness.js';

describe('errors', () => {
  // Every 400 and 404 of the call lab: VoIPbin's error envelope, a clear message naming each bad
  // field (where VoIPbin itself answers 500), INVALID_ID for a malformed id, and RESOURCE_NOT_FOUND
  // style reasons for unknown ids.
  let lab: LabHarness;

  before(async () => {
    lab = await startLab();
  });
  after(() => lab.close());

  function fields(error: { details?: { field: string; message: string }[] }): string[] {
    return (error.details ?? []).map((d) => d.field);
  }

  test('groupcall body: bad enums, empty or missing destinations, malformed targets are 400 naming the field', async () => {
    const { api } = lab;
    const post = (body: unknown) => api.post('/v1.0/groupcalls', body);

    let error = labError(await post({ source: SOURCE, destinations: [tel('+3271123456')], ring_method: 'ringall' }), 400, 'INVALID_ARGUMENT');
    assert.deepEqual(fields(error), ['ring_method']);
    assert.match(error.message, /ring_method: must be one of 'ring_all', 'linear'/);

    error = labError(await post({ source: SOURCE, destinations: [tel('+3271123456')], answer_method: 'keep_ringing' }), 400, 'INVALID_ARGUMENT');
    assert.deepEqual(fields(error), ['answer_method']);

    error = labError(await post({ source: SOURCE, destinations: [] }), 400, 'INVALID_ARGUMENT');
    assert.deepEqual(fields(error), ['destinations']);
    assert.match(error.message, /empty/);

    error = labError(await post({ source: SOURCE }), 400, 'INVALID_ARGUMENT');
    assert.deepEqual(fields(error), ['destinations']);

    error = labError(await post({ source: SOURCE, destinations: [tel('3271123456'), tel('+32abc'), tel('+123'), { type: 'tel' }] }), 400, 'INVALID_ARGUMENT');
    assert.deepEqual(fields(error), ['destinations[0].target', 'destinations[1].target', 'destinations[2].target', 'destinations[3].target']);
    assert.match(error.details![0]!.message, /malformed tel target '3271123456'/);

    error = labError(await post({ source: SOURCE, destinations: [{ type: 'endpoint', target: 'test11@test' }, { type: 'agent', target: randomUUID() }, { type: 'sip', target: 'no-at-sign' }, 'x'] }), 400, 'INVALID_ARGUMENT');
    assert.deepEqual(fields(error), ['destinations[0].type', 'destinations[1].type', 'destinations[2].target', 'destinations[3]']);
    assert.match(error.details![0]!.message, /not a VoIPbin address type/);
    assert.match(error.details![1]!.message, /does not simulate/);

    error = labError(await post({ destinations: [tel('+3271123456')], ring_method: 5 }), 400, 'INVALID_ARGUMENT');
    assert.deepEqual(fields(error), ['source', 'ring_method'], 'every problem at once');

    error = labError(await post({ source: { type: 'tel', target: '+3271123456', name: 7 }, destinations: Array.from({ length: 101 }, () => tel('+3271123456')) }), 400, 'INVALID_ARGUMENT');
    assert.deepEqual(fields(error), ['source.name', 'destinations']);

    labError(await post([1, 2]), 400, 'INVALID_ARGUMENT');
    labError(await api.raw('POST', '/v1.0/groupcalls', '{"source":'), 400, 'INVALID_JSON_BODY');
  });

  test('endpoint configuration: bad behaviour, bad delays, malformed targets', async () => {
    const { api } = lab;
    let error = labError(await api.put('/v1.0/lab/endpoints/+3271123456', { behavior: 'ring' }), 400, 'INVALID_ARGUMENT');
    assert.deepEqual(fields(error), ['behavior']);
    error = labError(await api.put('/v1.0/lab/endpoints/+3271123456', { behavior: 'busy', after_ms: -1, hangup_after_ms: 5 }), 400, 'INVALID_ARGUMENT');
    assert.deepEqual(fields(error), ['after_ms', 'hangup_after_ms']);
    error = labError(await api.put('/v1.0/lab/endpoints/+32x', { behavior: 'busy' }), 400, 'INVALID_ARGUMENT');
    assert.deepEqual(fields(error), ['target']);
    labError(await api.put('/v1.0/lab/endpoints/+3271123456', 'answer'), 400, 'INVALID_ARGUMENT');
  });

  test('paging parameters: a page_size that is not a number, a page_token that is not a tm_create', async () => {
    const { api } = lab;
    assert.deepEqual(fields(labError(await api.get('/v1.0/groupcalls?page_size=ten'), 400, 'INVALID_ARGUMENT')), ['page_size']);
    assert.deepEqual(fields(labError(await api.get('/v1.0/groupcalls?page_token=yesterday'), 400, 'INVALID_ARGUMENT')), ['page_token']);
  });

  test('unknown ids are 404 with the resource named; malformed ids are 400 INVALID_ID; unknown routes 404', async () => {
    const { api } = lab;
    const id = randomUUID();
    labError(await api.get(`/v1.0/groupcalls/${id}`), 404, 'GROUPCALL_NOT_FOUND');
    labError(await api.post(`/v1.0/groupcalls/${id}/hangup`), 404, 'GROUPCALL_NOT_FOUND');
    labError(await api.del(`/v1.0/groupcalls/${id}`), 404, 'GROUPCALL_NOT_FOUND');
    labError(await api.get(`/v1.0/calls/${id}`), 404, 'CALL_NOT_FOUND');
    labError(await api.post(`/v1.0/calls/${id}/hangup`), 404, 'CALL_NOT_FOUND');
    labError(await api.get(`/v1.0/conferences/${id}`), 404, 'CONFERENCE_NOT_FOUND');
    labError(await api.get(`/v1.0/conferencecalls/${id}`), 404, 'CONFERENCECALL_NOT_FOUND');
    labError(await api.del(`/v1.0/conferencecalls/${id}`), 404, 'CONFERENCECALL_NOT_FOUND');
    labError(await api.get(`/v1.0/campaigncalls/${id}`), 404, 'CAMPAIGNCALL_NOT_FOUND');
    labError(await api.del(`/v1.0/campaigncalls/${id}`), 404, 'CAMPAIGNCALL_NOT_FOUND');
    labError(await api.get(`/v1.0/campaigns/${id}`), 404, 'CAMPAIGN_NOT_FOUND');
    labError(await api.get(`/v1.0/campaigns/${id}/campaigncalls`), 404, 'CAMPAIGN_NOT_FOUND');
    labError(await api.put(`/v1.0/campaigns/${id}/status`, { status: 'run' }), 404, 'CAMPAIGN_NOT_FOUND');
    labError(await api.get(`/v1.0/outplans/${id}`), 404, 'OUTPLAN_NOT_FOUND');
    labError(await api.get(`/v1.0/outdials/${id}`), 404, 'OUTDIAL_NOT_FOUND');
    labError(await api.post(`/v1.0/outdials/${id}/targets`, { destination_0: tel('+3271123456') }), 404, 'OUTDIAL_NOT_FOUND');

    const malformed = labError(await api.get('/v1.0/groupcalls/not-a-uuid'), 400, 'INVALID_ID');
    assert.match(malformed.message, /not a UUID/);
    labError(await api.get('/v1.0/calls/123'), 400, 'INVALID_ID');
    labError(await api.get('/v1.0/nothing-here'), 404, 'ROUTE_NOT_FOUND');
    labError(await api.raw('PATCH', '/v1.0/groupcalls', '{}'), 404, 'ROUTE_NOT_FOUND');
    const other = await fetch(`${lab.base}/elsewhere`);
    assert.equal(other.status, 404);
  });

  test('conferencecall, campaign and outplan bodies: 400 naming the field; a missing conference or call is 404', async () => {
    const { api } = lab;
    const conference = (await api.post('/v1.0/conferences', { name: 'standup' })).body;
    let error = labError(await api.post('/v1.0/conferencecalls', { conference_id: 'x', reference_type: 'sms' }), 400, 'INVALID_ARGUMENT');
    assert.deepEqual(fields(error), ['conference_id', 'reference_type', 'reference_id']);
    labError(await api.post('/v1.0/conferencecalls', { conference_id: randomUUID(), reference_type: 'call', reference_id: randomUUID() }), 404, 'CONFERENCE_NOT_FOUND');
    labError(await api.post('/v1.0/conferencecalls', { conference_id: conference.id, reference_type: 'call', reference_id: randomUUID() }), 404, 'CALL_NOT_FOUND');

    error = labError(await api.post('/v1.0/outplans', { try_interval: -5, max_try_count_0: 1.5, max_try_count_4: 'x' }), 400, 'INVALID_ARGUMENT');
    assert.deepEqual(fields(error), ['source', 'try_interval', 'max_try_count_0', 'max_try_count_4']);
    const outdial = (await api.post('/v1.0/outdials', { name: 'leads' })).body;
    error = labError(await api.post(`/v1.0/outdials/${outdial.id}/targets`, {}), 400, 'INVALID_ARGUMENT');
    assert.deepEqual(fields(error), ['destination_0']);
    error = labError(await api.post(`/v1.0/outdials/${outdial.id}/targets`, { destination_2: tel('12') }), 400, 'INVALID_ARGUMENT');
    assert.deepEqual(fields(error), ['destination_2.target']);
    error = labError(await api.post('/v1.0/campaigns', { outplan_id: randomUUID(), end_handle: 'later' }), 400, 'INVALID_ARGUMENT');
    assert.deepEqual(fields(error), ['outdial_id', 'end_handle']);
    labError(await api.post('/v1.0/campaigns', { outplan_id: randomUUID(), outdial_id: outdial.id }), 404, 'OUTPLAN_NOT_FOUND');
  });
});

describe('paging', () => {
  // List paging of the call lab (VOIPBIN.md §1.3): newest first, page_size default and cap 100,
  // page_token = the last row's tm_create, `{result, next_page_token}` with "" on an empty page,
  // deleted groupcalls left out; resources created in the same millisecond still page without a gap.
  const TOTAL = 230;
  let lab: LabHarness;
  const created: string[] = [];

  before(async () => {
    lab = await startLab();
    await endpoint(lab.api, '+3240000001', 'no_answer');
    for (let i = 0; i < TOTAL; i++) {
      created.push((await dial(lab.api, [tel('+3240000001')])).id);
      // Half of them in the same millisecond as the one before.
      if (i % 2 === 1) lab.clock.advance(1);
    }
  });
  after(() => lab.close());

  test('pages of 100 by default, newest first, chained by next_page_token, without a gap or a repeat', async () => {
    const seen: string[] = [];
    let token = '';
    const sizes: number[] = [];
    for (let page = 0; page < 10; page++) {
      const answer = await lab.api.get(`/v1.0/groupcalls${token ? `?page_token=${encodeURIComponent(token)}` : ''}`);
      assert.equal(answer.status, 200);
      assert.deepEqual(Object.keys(answer.body).sort(), ['next_page_token', 'result']);
      sizes.push(answer.body.result.length);
      if (answer.body.result.length === 0) {
        assert.equal(answer.body.next_page_token, '');
        break;
      }
      const rows = answer.body.result as { id: string; tm_create: string }[];
      assert.equal(answer.body.next_page_token, rows.at(-1)!.tm_create);
      for (let i = 1; i < rows.length; i++) assert.ok(rows[i - 1]!.tm_create > rows[i]!.tm_create, 'newest first, strictly');
      seen.push(...rows.map((r) => r.id));
      token = answer.body.next_page_token;
    }
    assert.deepEqual(sizes, [100, 100, 30, 0]);
    assert.deepEqual(seen, [...created].reverse());
  });

  test('page_size: a smaller page; 0, negative and over 100 mean 100 (as VoIPbin)', async () => {
    const small = await lab.api.get('/v1.0/groupcalls?page_size=7');
    assert.equal(small.body.result.length, 7);
    assert.equal(small.body.result[0].id, created.at(-1));
    for (const size of ['0', '-3', '500']) {
      assert.equal((await lab.api.get(`/v1.0/groupcalls?page_size=${size}`)).body.result.length, 100, size);
    }
    const next = await lab.api.get(`/v1.0/groupcalls?page_size=7&page_token=${encodeURIComponent(small.body.next_page_token)}`);
    assert.equal(next.body.result[0].id, created.at(-8));
  });

  test('a deleted groupcall leaves the list; the calls list pages the same way', async () => {
    const newest = created.at(-1)!;
    await lab.api.del(`/v1.0/groupcalls/${newest}`);
    const first = await lab.api.get('/v1.0/groupcalls?page_size=1');
    assert.equal(first.body.result[0].id, created.at(-2));
    const calls = await lab.api.get('/v1.0/calls?page_size=3');
    assert.equal(calls.body.result.length, 3);
    assert.equal(calls.body.next_page_token, calls.body.result[2].tm_create);
  });
});
