// The TLS transport against a real 127.0.0.1 fake with the test certificate: the plain-password login
// (LoginRequest22V5) and certificate checks that refuse an untrusted or misnamed server.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { OcipConnectError, OcipErrorCodes, Session, TlsTransport, VerifySessionIsValidRequest, createTransport } from '../../src/ocip/index.js';
import type { FakeServer } from '../support/fake-ocip-server.js';
import { FAKE_PASSWORD, FAKE_USER, FakeOcipBackend, startFakeTcpServer, tlsFixture } from '../support/fake-ocip-server.js';

describe('TLS transport', () => {
  const backend = new FakeOcipBackend();
  const { cert } = tlsFixture();
  let server: FakeServer;

  before(async () => {
    server = await startFakeTcpServer(backend, { tls: true });
  });
  after(() => server.close());

  test('logs in with the plain password (LoginRequest22V5) over a verified connection', async () => {
    assert.match(server.url, /^tls:\/\/127\.0\.0\.1:\d+$/);
    const transport = createTransport(server.url, { tls: { ca: cert, servername: 'localhost' } });
    assert.ok(transport instanceof TlsTransport);
    const session = await Session.open({ transport, userId: FAKE_USER, password: FAKE_PASSWORD, requestTimeoutMs: 500 });
    assert.deepEqual(backend.logins.at(-1), { connection: backend.logins.at(-1)!.connection, userId: FAKE_USER, method: 'plain', ok: true });
    const [answer] = await session.send([{ spec: VerifySessionIsValidRequest, value: {} }]);
    assert.equal(answer!.type, 'SuccessResponse');
    await session.close();
    assert.equal(backend.logouts.length, 1);
  });

  test('an untrusted certificate is refused with OcipConnectError', async () => {
    const transport = createTransport(server.url, { tls: { servername: 'localhost' }, connectTimeoutMs: 1_000 });
    await assert.rejects(transport.connect(), (error: unknown) => {
      assert.ok(error instanceof OcipConnectError);
      assert.equal(error.code, OcipErrorCodes.CONNECT_FAILED);
      return true;
    });
  });

  test('a certificate for another name is refused', async () => {
    const transport = createTransport(server.url, { tls: { ca: cert, servername: 'bw.other.example' }, connectTimeoutMs: 1_000 });
    await assert.rejects(transport.connect(), OcipConnectError);
  });
});
