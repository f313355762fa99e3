// The SOAP transport against a real 127.0.0.1 HTTP(S) fake gateway: the envelope round trip, the
// JSESSIONID cookie kept per session, HTTP errors and SOAP faults as OcipTransportError.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  GroupDnGetListRequest,
  GroupDnGetListResponse,
  OcipConnectError,
  OcipErrorCodes,
  OcipPool,
  OcipTransportError,
  Session,
  SoapTransport,
  VerifySessionIsValidRequest,
  createTransport, ReleaseMemo } from '../../src/ocip/index.js';
import type { FakeSoapServer } from '../support/fake-ocip-server.js';
import { FAKE_PASSWORD, FAKE_USER, FakeOcipBackend, startFakeSoapServer, tlsFixture } from '../support/fake-ocip-server.js';

const verify = [{ spec: VerifySessionIsValidRequest, value: {} }];

describe('SOAP transport', () => {
  const backend = new FakeOcipBackend();
  let http: FakeSoapServer;
  let https: FakeSoapServer;

  before(async () => {
    backend.respond('GroupDnGetListRequest', () => ({ spec: GroupDnGetListResponse, value: { phoneNumber: ['+3220 <&> é'] } }));
    http = await startFakeSoapServer(backend);
    https = await startFakeSoapServer(backend, { tls: true });
  });
  after(() => Promise.all([http.close(), https.close()]));

  test('round trips documents as SOAP, signed login over http, the JSESSIONID sent back on every later POST', async () => {
    const transport = createTransport(http.url);
    assert.ok(transport instanceof SoapTransport);
    const first = http.requests.length;
    const session = await Session.open({ transport, userId: FAKE_USER, password: FAKE_PASSWORD, requestTimeoutMs: 500, release: new ReleaseMemo('R25') });
    assert.equal(backend.logins.at(-1)!.method, 'signed', 'http is not encrypted: no plain password');
    const [answer] = await session.send([{ spec: GroupDnGetListRequest, value: { serviceProviderId: 'sp', groupId: 'g' } }]);
    assert.deepEqual(answer!.value!.phoneNumber, ['+3220 <&> é']);
    await session.close();
    const posts = http.requests.slice(first);
    assert.equal(posts.length, 4, 'AuthenticationRequest, LoginRequest14sp4, the request, LogoutRequest');
    assert.equal(posts[0]!.cookie, undefined);
    const jsessionId = /JSESSIONID=[^;]+/.exec(posts[1]!.cookie ?? '')?.[0];
    assert.ok(jsessionId);
    assert.ok(posts.slice(1).every((post) => post.cookie === jsessionId));
    assert.ok(posts.every((post) => post.soapAction === '""' && post.contentType === 'text/xml; charset=utf-8'));
    assert.equal(backend.logouts.at(-1)!.reason, 'Client Logout');
  });

  test('each session keeps its own cookie', async () => {
    const transport = createTransport(http.url);
    const first = http.requests.length;
    const [a, b] = await Promise.all([1, 2].map(() => Session.open({ transport, userId: FAKE_USER, password: FAKE_PASSWORD })));
    await Promise.all([a!.send(verify), b!.send(verify)]);
    const cookies = new Set(http.requests.slice(first).map((post) => post.cookie).filter(Boolean));
    assert.equal(cookies.size, 2);
    await Promise.all([a!.close(), b!.close()]);
  });

  test('https: plain-password login over a verified connection', async () => {
    const transport = createTransport(https.url, { tls: { ca: tlsFixture().cert, servername: 'localhost' } });
    assert.equal(transport.secure, true);
    const session = await Session.open({ transport, userId: FAKE_USER, password: FAKE_PASSWORD });
    assert.equal(backend.logins.at(-1)!.method, 'plain');
    await session.send(verify);
    await session.close();
  });

  test('a SOAP Fault or an HTTP error is an OcipTransportError; the pool replaces the session', async () => {
    const transport = createTransport(http.url);
    const pool = new OcipPool({ size: 1, createSession: () => Session.open({ transport, userId: FAKE_USER, password: FAKE_PASSWORD }) });
    await pool.send(verify);
    http.failNext(500, 'NO_OCS_CONNECTION');
    await assert.rejects(pool.send(verify), (error: unknown) => {
      assert.ok(error instanceof OcipTransportError);
      assert.equal(error.code, OcipErrorCodes.TRANSPORT);
      assert.match(error.message, /HTTP 500.*NO_OCS_CONNECTION/);
      return true;
    });
    http.failNext(503);
    const logins = backend.logins.length;
    // The next acquire logs in again; its first POST meets the 503.
    await assert.rejects(pool.send(verify), (error: unknown) => error instanceof OcipTransportError && /HTTP 503/.test(error.message));
    assert.equal(backend.logins.length, logins, 'the 503 hit the AuthenticationRequest');
    const [answer] = await pool.send(verify);
    assert.equal(answer!.type, 'SuccessResponse');
    await pool.close();
  });

  test('an unreachable gateway is an OcipConnectError on the first POST', async () => {
    const url = new URL(http.url);
    const closed = await startFakeSoapServer(new FakeOcipBackend());
    const deadUrl = closed.url;
    await closed.close();
    assert.notEqual(deadUrl, url.href);
    await assert.rejects(
      Session.open({ transport: createTransport(deadUrl, { connectTimeoutMs: 500 }), userId: FAKE_USER, password: FAKE_PASSWORD }),
      OcipConnectError,
    );
  });
});
