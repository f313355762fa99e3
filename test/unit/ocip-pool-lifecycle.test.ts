// Pool lifecycle: dead sessions are replaced, idle ones logged out, close() drains and logs every
// session out, destroy() fails everything now.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  OcipErrorCodes,
  OcipPool,
  OcipPoolClosedError,
  OcipSocketClosedError,
  Session,
  VerifySessionIsValidRequest,
} from '../../src/ocip/index.js';
import type { OcipPoolOptions } from '../../src/ocip/index.js';
import { FAKE_PASSWORD, FAKE_USER, FakeOcipBackend, memoryTransport } from '../support/fake-ocip-server.js';

const verify = [{ spec: VerifySessionIsValidRequest, value: {} }];

function setup(options: Partial<OcipPoolOptions<Session>> = {}) {
  const backend = new FakeOcipBackend();
  const transport = memoryTransport(backend);
  const sessions: Session[] = [];
  const pool = new OcipPool<Session>({
    size: 2,
    acquireTimeoutMs: 300,
    idleTimeoutMs: 0,
    createSession: async () => {
      const session = await Session.open({ transport, userId: FAKE_USER, password: FAKE_PASSWORD, requestTimeoutMs: 300 });
      sessions.push(session);
      return session;
    },
    ...options,
  });
  return { backend, pool, sessions };
}

/** Makes every VerifySessionIsValidRequest answer after `ms`. */
function slowVerify(backend: FakeOcipBackend, ms: number): void {
  backend.intercept = (document, connection) => {
    if (document.commands[0]!.type !== 'VerifySessionIsValidRequest') return 'default';
    setTimeout(() => connection.answer(document), ms);
    return 'handled';
  };
}

const ended = (session: Session) => new Promise<Error | undefined>((resolve) => session.onEnd(resolve));

describe('pool lifecycle', () => {
  test('a session dropped by the server is replaced and the next request succeeds', async () => {
    const { backend, pool, sessions } = setup();
    await pool.send(verify);
    const end = ended(sessions[0]!);
    [...backend.connections][0]!.close();
    assert.ok((await end) instanceof OcipSocketClosedError);
    assert.equal(pool.stats().size, 0);
    const [answer] = await pool.send(verify);
    assert.equal(answer!.type, 'SuccessResponse');
    assert.equal(backend.logins.length, 2);
    assert.equal(pool.stats().size, 1);
    await pool.close();
  });

  test('a session that dies while in use is dropped when released', async () => {
    const { backend, pool } = setup();
    backend.intercept = (document, connection) => {
      if (document.commands[0]!.type !== 'VerifySessionIsValidRequest') return 'default';
      connection.close();
      return 'handled';
    };
    await assert.rejects(pool.send(verify), OcipSocketClosedError);
    assert.deepEqual(pool.stats(), { size: 0, inUse: 0, idle: 0, waiting: 0, creating: 0, max: 2 });
    backend.intercept = undefined;
    await pool.send(verify);
    await pool.close();
  });

  test('an idle session is logged out after idleTimeoutMs', async () => {
    const { backend, pool } = setup({ idleTimeoutMs: 40 });
    await pool.send(verify);
    assert.equal(pool.stats().idle, 1);
    await backend.waitFor(() => backend.logouts.length === 1, 1_000);
    assert.equal(backend.logouts[0]!.reason, 'Client Logout');
    assert.deepEqual(pool.stats(), { size: 0, inUse: 0, idle: 0, waiting: 0, creating: 0, max: 2 });
    await pool.send(verify);
    assert.equal(backend.logins.length, 2);
    await pool.close();
  });

  test('close() refuses new work, lets in-flight work finish, and logs every session out', async () => {
    const { backend, pool, sessions } = setup({ size: 2 });
    // Two sessions: one will be idle at close time, one busy with a slow request.
    const [a, b] = [await pool.acquire(), await pool.acquire()];
    pool.release(a);
    pool.release(b);
    slowVerify(backend, 30);
    const inFlight = pool.send(verify);
    const closing = pool.close();
    await assert.rejects(pool.send(verify), (error: unknown) => (error as OcipPoolClosedError).code === OcipErrorCodes.POOL_CLOSED);
    assert.equal((await inFlight)[0]!.type, 'SuccessResponse');
    await closing;
    assert.equal(backend.logouts.length, 2);
    assert.deepEqual(new Set(backend.logouts.map((logout) => logout.connection)), new Set([1, 2]));
    assert.ok(sessions.every((session) => !session.isAlive));
    assert.deepEqual(pool.stats(), { size: 0, inUse: 0, idle: 0, waiting: 0, creating: 0, max: 2 });
    await backend.waitFor(() => backend.connections.size === 0);
  });

  test('close() fails waiters that had not got a session yet', async () => {
    const { backend, pool } = setup({ size: 1 });
    await pool.send(verify);
    slowVerify(backend, 30);
    const inFlight = pool.send(verify);
    const waiting = pool.send(verify);
    const closing = pool.close();
    await assert.rejects(waiting, OcipPoolClosedError);
    await inFlight;
    await closing;
    assert.equal(backend.logouts.length, 1);
  });

  test('destroy() fails in-flight work and waiters now, without logging out', async () => {
    const { backend, pool } = setup({ size: 1 });
    await pool.send(verify);
    backend.intercept = () => 'handled';
    const inFlight = pool.send(verify);
    const waiting = pool.send(verify);
    await backend.waitFor(() => backend.seen('VerifySessionIsValidRequest').length === 2);
    pool.destroy();
    await assert.rejects(inFlight, OcipPoolClosedError);
    await assert.rejects(waiting, OcipPoolClosedError);
    await assert.rejects(pool.send(verify), OcipPoolClosedError);
    assert.equal(backend.logouts.length, 0);
    assert.equal(backend.seen('LogoutRequest').length, 0);
    await backend.waitFor(() => backend.connections.size === 0);
    assert.deepEqual(pool.stats(), { size: 0, inUse: 0, idle: 0, waiting: 0, creating: 0, max: 1 });
  });
});
