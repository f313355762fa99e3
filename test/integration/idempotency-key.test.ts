// Idempotency-Key (IETF httpapi draft) on POST, PUT, DELETE and the bulk active PUT, through HTTP →
// OCI-P → simulator: a retry with the same key and body gets the first answer without a document to
// BroadWorks; another body is a 422; a retry while the first runs is a 409; the key is the caller's
// own; a 5xx is not kept, so the retry runs again.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { activeUrl, apioError, DEMO_LOGINS, igcUrl, instanceUrl, minimalBody, startAdapter } from '../support/adapter-harness.js';
import type { AdapterHarness } from '../support/adapter-harness.js';

let h: AdapterHarness;
before(async () => {
  h = await startAdapter();
});
after(() => h.close());

const KEY = 'Idempotency-Key';

describe('POST with an Idempotency-Key', () => {
  test('the same key and body: the same answer again, marked replayed, and no OCI-P document', async () => {
    const body = minimalBody('idem.post@sip.netaxis.be');
    const first = await h.request.post(igcUrl()).set(KEY, '"post-1"').send(body);
    assert.equal(first.status, 200, first.text);
    h.roundTrips.length = 0;
    const again = await h.request.post(igcUrl()).set(KEY, '"post-1"').send(body);
    assert.equal(again.status, 200, again.text);
    assert.deepEqual(again.body, first.body);
    assert.equal(again.headers['idempotent-replayed'], 'true');
    assert.deepEqual(h.roundTrips, [], 'BroadWorks is not asked again');
  });

  test('the bare form of a key is the same key as its quoted form; key order in the body does not matter', async () => {
    const body = minimalBody('idem.bare@sip.netaxis.be');
    const first = await h.request.post(igcUrl()).set(KEY, 'f81d4fae-7dec-11d0-a765-00a0c91e6bf6').send(body);
    assert.equal(first.status, 200, first.text);
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const again = await h.request.post(igcUrl()).set(KEY, '"f81d4fae-7dec-11d0-a765-00a0c91e6bf6"').send(reordered);
    assert.equal(again.status, 200, again.text);
    assert.equal(again.headers['idempotent-replayed'], 'true');
  });

  test('the same key with another body: 422 in the APIO shape, nothing sent', async () => {
    assert.equal((await h.request.post(igcUrl()).set(KEY, '"post-2"').send(minimalBody('idem.two@sip.netaxis.be'))).status, 200);
    h.roundTrips.length = 0;
    const other = await h.request.post(igcUrl()).set(KEY, '"post-2"').send(minimalBody('idem.three@sip.netaxis.be'));
    apioError(other, 422, 'IDEMPOTENCY_KEY_REUSED');
    assert.deepEqual(h.roundTrips, []);
  });

  test('a retry while the first still runs: 409 with Retry-After, and one instance', async () => {
    h.simulator.faults.latency(300);
    try {
      const body = minimalBody('idem.race@sip.netaxis.be');
      const first = h.request.post(igcUrl()).set(KEY, '"race"').send(body).then((response) => response);
      await new Promise((done) => setTimeout(done, 100));
      const second = await h.request.post(igcUrl()).set(KEY, '"race"').send(body);
      const conflict = apioError(second, 409, 'IDEMPOTENCY_KEY_IN_USE');
      assert.match(conflict.message, /still running/);
      assert.equal(second.headers['retry-after'], '1');
      assert.equal((await first).status, 200);
    } finally {
      h.simulator.faults.latency(0);
    }
    const later = await h.request.post(igcUrl()).set(KEY, '"race"').send(minimalBody('idem.race@sip.netaxis.be'));
    assert.equal(later.status, 200);
    assert.equal(later.headers['idempotent-replayed'], 'true');
  });

  test("a key is the caller's own: another user with the same key and body is a request of its own", async () => {
    const body = minimalBody('idem.mine@sip.netaxis.be');
    assert.equal((await h.request.post(igcUrl()).set(KEY, '"shared"').send(body)).status, 200);
    const other = h.withBearer((await h.login(DEMO_LOGINS.group.username, DEMO_LOGINS.group.password)).access_token);
    const theirs = await other.post(igcUrl()).set(KEY, '"shared"').send(body);
    apioError(theirs, 400, 'ALREADY_EXISTS');
    assert.equal(theirs.headers['idempotent-replayed'], undefined);
  });

  test('a final 4xx is kept too: the retry gets the same 400 without a document', async () => {
    const body = minimalBody('idem.bad@sip.netaxis.be', { name: '' });
    apioError(await h.request.post(igcUrl()).set(KEY, '"bad"').send(body), 400, 'VALIDATION');
    h.roundTrips.length = 0;
    const again = await h.request.post(igcUrl()).set(KEY, '"bad"').send(body);
    apioError(again, 400, 'VALIDATION');
    assert.equal(again.headers['idempotent-replayed'], 'true');
  });

  test('a 5xx is not kept: BroadWorks unreachable for the first try, the retry with the key creates', async () => {
    const body = minimalBody('idem.retry@sip.netaxis.be');
    // The connection drops before the Add runs: nothing was created, the answer is 502.
    h.simulator.faults.dropConnectionOnNext('GroupInstantGroupCallAddInstanceRequest14');
    const failed = await h.request.post(igcUrl()).set(KEY, '"retry"').send(body);
    assert.ok(failed.status === 502, failed.text);
    const retried = await h.request.post(igcUrl()).set(KEY, '"retry"').send(body);
    assert.equal(retried.status, 200, retried.text);
    assert.equal(retried.headers['idempotent-replayed'], undefined);
  });

  for (const [header, why] of [
    ['""', 'empty'],
    ['"a", "b"', 'a list'],
    ['"key";p=1', 'parameters'],
    ['two words', 'white space'],
    [`"${'k'.repeat(256)}"`, 'over 255 characters'],
  ] as const) {
    test(`a malformed key (${why}) is a 400 naming the header`, async () => {
      const error = apioError(await h.request.post(igcUrl()).set(KEY, header).send(minimalBody('idem.malformed@sip.netaxis.be')), 400, 'VALIDATION');
      assert.match(error.message, /Idempotency-Key/);
    });
  }
});

describe('PUT, DELETE and the bulk active PUT with an Idempotency-Key', () => {
  const id = 'idem.other@sip.netaxis.be';
  before(async () => {
    assert.equal((await h.request.post(igcUrl()).send(minimalBody(id))).status, 200);
  });

  test('PUT: replayed without a document; another body is a 422', async () => {
    const first = await h.request.put(instanceUrl(id)).set(KEY, '"put-1"').send({ serviceInstanceProfile: { name: 'Renamed' } });
    assert.equal(first.status, 200, first.text);
    h.roundTrips.length = 0;
    const again = await h.request.put(instanceUrl(id)).set(KEY, '"put-1"').send({ serviceInstanceProfile: { name: 'Renamed' } });
    assert.deepEqual([again.status, again.body], [200, first.body]);
    assert.deepEqual(h.roundTrips, []);
    apioError(await h.request.put(instanceUrl(id)).set(KEY, '"put-1"').send({ serviceInstanceProfile: { name: 'Other' } }), 422, 'IDEMPOTENCY_KEY_REUSED');
  });

  test('bulk active PUT: replayed without a document', async () => {
    const body = { services: [{ serviceUserId: id, active: false }] };
    assert.equal((await h.request.put(activeUrl()).set(KEY, '"active-1"').send(body)).status, 200);
    h.roundTrips.length = 0;
    const again = await h.request.put(activeUrl()).set(KEY, '"active-1"').send(body);
    assert.equal(again.status, 200);
    assert.equal(again.headers['idempotent-replayed'], 'true');
    assert.deepEqual(h.roundTrips, []);
  });

  test('DELETE: a retry gets the first 200, where a plain second DELETE gets 404', async () => {
    const first = await h.request.delete(instanceUrl(id)).set(KEY, '"delete-1"');
    assert.equal(first.status, 200, first.text);
    const again = await h.request.delete(instanceUrl(id)).set(KEY, '"delete-1"');
    assert.deepEqual([again.status, again.headers['idempotent-replayed']], [200, 'true']);
    apioError(await h.request.delete(instanceUrl(id)), 404, 'NOT_FOUND');
  });
});
