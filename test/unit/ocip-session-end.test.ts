// How a session ends: BroadWorks logs it out (LogoutRequest from the server), the connection drops,
// the owner closes it (drain, LogoutRequest "Client Logout") or destroys it (fail now).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  OcipErrorCodes,
  OcipServerLogoutError,
  OcipSessionClosedError,
  OcipSocketClosedError,
  Session,
  VerifySessionIsValidRequest,
} from '../../src/ocip/index.js';
import { FAKE_PASSWORD, FAKE_USER, FakeOcipBackend, memoryTransport } from '../support/fake-ocip-server.js';

const verify = [{ spec: VerifySessionIsValidRequest, value: {} }];

async function setup(options: { logoutTimeoutMs?: number } = {}) {
  const backend = new FakeOcipBackend();
  const session = await Session.open({
    transport: memoryTransport(backend),
    userId: FAKE_USER,
    password: FAKE_PASSWORD,
    requestTimeoutMs: 500,
    ...options,
  });
  const connection = [...backend.connections][0]!;
  const end = new Promise<Error | undefined>((resolve) => session.onEnd(resolve));
  return { backend, session, connection, end };
}

describe('session end', () => {
  test('a LogoutRequest instead of the answer fails in-flight and queued work with OcipServerLogoutError', async () => {
    const { backend, session, end } = await setup();
    backend.intercept = (document, connection) => {
      connection.sendLogout(document.sessionId);
      return 'handled';
    };
    const inFlight = session.send(verify);
    const queued = session.send(verify);
    for (const work of [inFlight, queued]) {
      await assert.rejects(work, (error: unknown) => {
        assert.ok(error instanceof OcipServerLogoutError);
        assert.equal(error.code, OcipErrorCodes.SERVER_LOGOUT);
        assert.match(error.message, /Open Client Server Forced Logout/);
        return true;
      });
    }
    assert.equal(session.isAlive, false);
    assert.ok((await end) instanceof OcipServerLogoutError);
  });

  test('an unsolicited LogoutRequest ends an idle session', async () => {
    const { session, connection, end } = await setup();
    connection.sendLogout(session.sessionId, 'Server Connection Failure');
    assert.ok((await end) instanceof OcipServerLogoutError);
    assert.equal(session.isAlive, false);
    await assert.rejects(session.send(verify), OcipSessionClosedError);
  });

  test('a connection dropped mid-request fails in-flight and queued work with OcipSocketClosedError', async () => {
    const { backend, session, end } = await setup();
    backend.intercept = (_document, connection) => {
      connection.close();
      return 'handled';
    };
    const inFlight = session.send(verify);
    const queued = session.send(verify);
    await assert.rejects(inFlight, (error: unknown) => (error as OcipSocketClosedError).code === OcipErrorCodes.SOCKET_CLOSED);
    await assert.rejects(queued, OcipSocketClosedError);
    assert.ok((await end) instanceof OcipSocketClosedError);
    assert.equal(session.isAlive, false);
  });

  test('close() lets in-flight work finish, refuses new work, then sends LogoutRequest (Client Logout)', async () => {
    const { backend, session, end } = await setup();
    backend.intercept = (document, connection) => {
      if (document.commands[0]!.type !== 'VerifySessionIsValidRequest') return 'default';
      setTimeout(() => connection.answer(document), 20);
      return 'handled';
    };
    const inFlight = session.send(verify);
    const queued = session.send(verify);
    const closing = session.close();
    assert.equal(session.isAlive, false);
    await assert.rejects(session.send(verify), OcipSessionClosedError);
    assert.equal((await inFlight)[0]!.type, 'SuccessResponse');
    assert.equal((await queued)[0]!.type, 'SuccessResponse');
    await closing;
    assert.deepEqual(backend.logouts, [{ connection: 1, userId: FAKE_USER, reason: 'Client Logout' }]);
    assert.deepEqual(backend.documents.at(-1)!.commandTypes, ['LogoutRequest']);
    assert.equal(await end, undefined, 'a clean close ends without an error');
    await backend.waitFor(() => backend.connections.size === 0);
  });

  test('close() still ends when the server never answers the LogoutRequest', async () => {
    const { backend, session, end } = await setup({ logoutTimeoutMs: 30 });
    backend.intercept = () => 'handled';
    await session.close();
    assert.equal(await end, undefined);
    assert.equal(backend.seen('LogoutRequest').length, 1);
  });

  test('close() twice returns the same promise; close() after the end resolves at once', async () => {
    const { session } = await setup();
    const first = session.close();
    assert.equal(session.close(), first);
    await first;
    await session.close();
  });

  test('destroy() fails in-flight and queued work now and sends no LogoutRequest', async () => {
    const { backend, session, end } = await setup();
    backend.intercept = () => 'handled';
    const inFlight = session.send(verify);
    const queued = session.send(verify);
    session.destroy();
    await assert.rejects(inFlight, OcipSessionClosedError);
    await assert.rejects(queued, OcipSessionClosedError);
    assert.ok((await end) instanceof OcipSessionClosedError);
    const reason = new Error('shutting down');
    const other = await setup();
    other.backend.intercept = () => 'handled';
    const pending = other.session.send(verify);
    other.session.destroy(reason);
    await assert.rejects(pending, (error: unknown) => error === reason);
    assert.equal(backend.seen('LogoutRequest').length, 0);
    assert.equal(other.backend.seen('LogoutRequest').length, 0);
  });
});
