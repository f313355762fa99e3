// Session login over an in-memory pair: the two-step signed-password flow (the fake checks the digest),
// the one-step plain login on a secure transport, and refused logins (typed, never retried).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { OcipErrorCodes, OcipLoginError, OcipProtocolError, Session, SuccessResponse, signedPassword } from '../../src/ocip/index.js';
import { FAKE_NONCE, FAKE_PASSWORD, FAKE_USER, FakeOcipBackend, memoryTransport } from '../support/fake-ocip-server.js';

function open(backend: FakeOcipBackend, options: { secure?: boolean; password?: string; loginMethod?: 'signed' | 'plain' | 'auto' } = {}) {
  return Session.open({
    transport: memoryTransport(backend, { secure: options.secure }),
    userId: FAKE_USER,
    password: options.password ?? FAKE_PASSWORD,
    loginMethod: options.loginMethod,
    requestTimeoutMs: 200,
  });
}

describe('session login', () => {
  test('over a plain transport, auto logs in with AuthenticationRequest + LoginRequest14sp4 and a signed password', async () => {
    const backend = new FakeOcipBackend();
    const session = await open(backend);
    assert.deepEqual(
      backend.documents.map((document) => document.commandTypes),
      // With the release not pinned, the session asks the server's version after the login.
      [['AuthenticationRequest'], ['LoginRequest14sp4'], ['SystemSoftwareVersionGetRequest']],
    );
    const login = backend.documents[1]!.commands[0]!.value!;
    assert.equal(login.signedPassword, signedPassword(FAKE_NONCE, FAKE_PASSWORD));
    assert.equal(login.plainTextPassword, undefined);
    assert.deepEqual(backend.logins, [{ connection: 1, userId: FAKE_USER, method: 'signed', ok: true }]);
    assert.equal(session.isAlive, true);
    assert.equal(session.loginInfo?.response, 'LoginResponse14sp4');
    assert.equal(session.loginInfo?.userDomain, 'fake.example');
    // Every document of the session carries its own sessionId.
    assert.ok(backend.documents.every((document) => document.sessionId === session.sessionId));
    await session.close();
  });

  test('over a secure transport, auto logs in with LoginRequest22V5 and the plain password', async () => {
    const backend = new FakeOcipBackend();
    const session = await open(backend, { secure: true });
    assert.deepEqual(backend.documents.map((document) => document.commandTypes), [['LoginRequest22V5'], ['SystemSoftwareVersionGetRequest']]);
    assert.equal(backend.logins[0]!.method, 'plain');
    assert.equal(session.loginInfo?.response, 'LoginResponse22V5');
    await session.close();
  });

  test('an explicit login method wins over the transport', async () => {
    const backend = new FakeOcipBackend();
    const session = await open(backend, { secure: true, loginMethod: 'signed' });
    assert.equal(backend.logins[0]!.method, 'signed');
    await session.close();
  });

  test('each session has its own random sessionId', async () => {
    const backend = new FakeOcipBackend();
    const [a, b] = await Promise.all([open(backend), open(backend)]);
    assert.notEqual(a!.sessionId, b!.sessionId);
    assert.match(a!.sessionId, /^[0-9a-f-]{36}$/);
    await Promise.all([a!.close(), b!.close()]);
  });

  test('a refused login rejects with OcipLoginError carrying the ErrorResponse, after one attempt', async () => {
    const backend = new FakeOcipBackend();
    const error = await open(backend, { password: 'wrong-password' }).then(
      () => assert.fail('login should fail'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof OcipLoginError);
    assert.equal(error.code, OcipErrorCodes.LOGIN_FAILED);
    assert.equal(error.userId, FAKE_USER);
    assert.equal(error.response?.errorCode, 4962);
    assert.equal(error.response?.code, OcipErrorCodes.ERROR_RESPONSE);
    assert.equal(error.response?.commandType, 'LoginRequest14sp4');
    assert.equal(backend.logins.length, 1);
    // The refused connection is dropped.
    await backend.waitFor(() => backend.connections.size === 0);
  });

  test('a login answered by the wrong command type is a protocol error', async () => {
    const backend = new FakeOcipBackend();
    backend.intercept = (document, connection) => {
      connection.reply(document.sessionId, [{ spec: SuccessResponse, value: {} }]);
      return 'handled';
    };
    await assert.rejects(open(backend, { secure: true }), (error: unknown) => error instanceof OcipProtocolError);
  });
});
