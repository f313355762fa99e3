// Pool acquisition: lazy creation up to `size`, idle reuse, FIFO waiters, acquire timeout, and a bad
// password that costs one login per acquire at most — never a storm of logins.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  OcipAcquireTimeoutError,
  OcipConnectError,
  OcipErrorCodes,
  OcipLoginError,
  OcipPool,
  Session,
  VerifySessionIsValidRequest,
} from '../../src/ocip/index.js';
import type { OcipPoolOptions } from '../../src/ocip/index.js';
import { FAKE_PASSWORD, FAKE_USER, FakeOcipBackend, memoryTransport } from '../support/fake-ocip-server.js';

const verify = [{ spec: VerifySessionIsValidRequest, value: {} }];

function setup(options: Partial<OcipPoolOptions<Session>> = {}, password = FAKE_PASSWORD) {
  const backend = new FakeOcipBackend();
  const transport = memoryTransport(backend);
  const pool = new OcipPool<Session>({
    size: 2,
    acquireTimeoutMs: 300,
    idleTimeoutMs: 0,
    createSession: () => Session.open({ transport, userId: FAKE_USER, password, requestTimeoutMs: 300 }),
    ...options,
  });
  return { backend, pool };
}

describe('pool acquire', () => {
  test('creates sessions lazily, up to size, and reuses idle ones', async () => {
    const { backend, pool } = setup({ size: 2 });
    assert.deepEqual(pool.stats(), { size: 0, inUse: 0, idle: 0, waiting: 0, creating: 0, max: 2 });
    await pool.send(verify);
    await pool.send(verify);
    assert.equal(backend.logins.length, 1, 'sequential work reuses one session');
    const a = await pool.acquire();
    const b = await pool.acquire();
    assert.notEqual(a, b);
    assert.equal(backend.logins.length, 2);
    const third = pool.acquire();
    assert.deepEqual(pool.stats(), { size: 2, inUse: 2, idle: 0, waiting: 1, creating: 0, max: 2 });
    pool.release(a);
    assert.equal(await third, a);
    pool.release(a);
    pool.release(b);
    assert.deepEqual(pool.stats(), { size: 2, inUse: 0, idle: 2, waiting: 0, creating: 0, max: 2 });
    assert.equal(backend.logins.length, 2);
    await pool.close();
  });

  test('waiters are served first in, first out', async () => {
    const { pool } = setup({ size: 1 });
    const held = await pool.acquire();
    const order: string[] = [];
    const first = pool.acquire().then((session) => (order.push('first'), session));
    const second = pool.acquire().then((session) => (order.push('second'), session));
    pool.release(held);
    pool.release(await first);
    pool.release(await second);
    assert.deepEqual(order, ['first', 'second']);
    await pool.close();
  });

  test('an acquire that waits too long fails with OcipAcquireTimeoutError', async () => {
    const { pool } = setup({ size: 1, acquireTimeoutMs: 50 });
    const held = await pool.acquire();
    await assert.rejects(pool.acquire(), (error: unknown) => {
      assert.ok(error instanceof OcipAcquireTimeoutError);
      assert.equal(error.code, OcipErrorCodes.ACQUIRE_TIMEOUT);
      return true;
    });
    assert.equal(pool.stats().waiting, 0);
    pool.release(held);
    await pool.close();
  });

  test('a login in progress is progress: waiters outlast the acquire timeout while sessions are built', async () => {
    const backend = new FakeOcipBackend();
    const transport = memoryTransport(backend);
    let builds = 0;
    const pool = new OcipPool<Session>({
      size: 2,
      acquireTimeoutMs: 50,
      idleTimeoutMs: 0,
      // Each login takes three acquire timeouts; the first is built alone, the second after it.
      createSession: async () => {
        builds++;
        await new Promise((done) => setTimeout(done, 150));
        return Session.open({ transport, userId: FAKE_USER, password: FAKE_PASSWORD });
      },
    });
    const answers = await Promise.all([1, 2, 3, 4].map(() => pool.send(verify)));
    assert.deepEqual(answers.map(([answer]) => answer!.type), Array(4).fill('SuccessResponse'));
    assert.equal(builds, 2);
    // With no build in progress, a wait is bounded again.
    const held = [await pool.acquire(), await pool.acquire()];
    await assert.rejects(pool.acquire(), OcipAcquireTimeoutError);
    for (const session of held) pool.release(session);
    await pool.close();
  });

  test('a bad password fails every waiter after ONE login and fails fast during the back-off', async () => {
    const { backend, pool } = setup({ size: 4, loginRetryDelayMs: 10_000 }, 'not-the-password');
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => pool.send(verify)));
    assert.ok(results.every((result) => result.status === 'rejected' && result.reason instanceof OcipLoginError));
    assert.equal(backend.logins.length, 1);
    // During the back-off, acquires fail at once with the same error and cost no login.
    const again = await Promise.allSettled([pool.send(verify), pool.send(verify), pool.send(verify)]);
    assert.ok(again.every((result) => result.status === 'rejected' && result.reason instanceof OcipLoginError));
    assert.equal(backend.logins.length, 1);
    assert.equal(pool.stats().size, 0);
    await pool.close();
  });

  test('without back-off, each acquire costs one login attempt at most', async () => {
    const { backend, pool } = setup({ size: 4, loginRetryDelayMs: 0 }, 'not-the-password');
    for (let attempt = 1; attempt <= 3; attempt++) {
      await assert.rejects(pool.send(verify), OcipLoginError);
      assert.equal(backend.logins.length, attempt);
    }
    // Concurrent acquires still share one probe login: sessions are built one at a time until one works.
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => pool.send(verify)));
    assert.ok(results.every((result) => result.status === 'rejected'));
    assert.equal(backend.logins.length, 4);
    await pool.close();
  });

  test('a failed connection rejects the acquire that caused it; the next acquire tries again', async () => {
    const backend = new FakeOcipBackend();
    const transport = memoryTransport(backend);
    let attempts = 0;
    const pool = new OcipPool<Session>({
      size: 1,
      acquireTimeoutMs: 300,
      createSession: () => {
        attempts++;
        if (attempts === 1) return Promise.reject(new OcipConnectError('tcp://127.0.0.1:1', new Error('ECONNREFUSED')));
        return Session.open({ transport, userId: FAKE_USER, password: FAKE_PASSWORD });
      },
    });
    await assert.rejects(pool.send(verify), OcipConnectError);
    const [answer] = await pool.send(verify);
    assert.equal(answer!.type, 'SuccessResponse');
    assert.equal(attempts, 2);
    await pool.close();
  });

  test('after the first session works, the others are built in parallel', async () => {
    const backend = new FakeOcipBackend();
    const transport = memoryTransport(backend);
    let building = 0;
    let maxBuilding = 0;
    const pool = new OcipPool<Session>({
      size: 3,
      createSession: async () => {
        maxBuilding = Math.max(maxBuilding, ++building);
        try {
          return await Session.open({ transport, userId: FAKE_USER, password: FAKE_PASSWORD });
        } finally {
          building--;
        }
      },
    });
    const first = await pool.acquire();
    const rest = await Promise.all([pool.acquire(), pool.acquire()]);
    assert.equal(maxBuilding, 2);
    for (const session of [first, ...rest]) pool.release(session);
    await pool.close();
  });
});
