// The TCP transport against a real 127.0.0.1 fake: signed login and round trips, answers split over
// several writes, refused connections and connect timeouts.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import {
  GroupDnGetListRequest,
  GroupDnGetListResponse,
  OcipConnectError,
  OcipConnectTimeoutError,
  OcipErrorCodes,
  Session,
  TcpTransport,
  TlsTransport,
  createTransport,
  encodeDocument,
} from '../../src/ocip/index.js';
import type { FakeServer } from '../support/fake-ocip-server.js';
import { FAKE_PASSWORD, FAKE_USER, FakeOcipBackend, startFakeTcpServer } from '../support/fake-ocip-server.js';

describe('TCP transport', () => {
  const backend = new FakeOcipBackend();
  let server: FakeServer;

  before(async () => {
    backend.respond('GroupDnGetListRequest', (command) => ({
      spec: GroupDnGetListResponse,
      value: { phoneNumber: [`+3220${String(command.value.groupId).replace(/\D/g, '')}`, 'café@fake.example'] },
    }));
    server = await startFakeTcpServer(backend);
  });
  after(() => server.close());

  test('logs in with the signed-password digest, answers, and logs out on close', async () => {
    const transport = createTransport(server.url, { connectTimeoutMs: 500 });
    assert.ok(transport instanceof TcpTransport);
    const session = await Session.open({ transport, userId: FAKE_USER, password: FAKE_PASSWORD, requestTimeoutMs: 500 });
    assert.equal(backend.logins.at(-1)!.method, 'signed');
    assert.equal(backend.logins.at(-1)!.ok, true);
    const [answer] = await session.send([{ spec: GroupDnGetListRequest, value: { serviceProviderId: 'sp', groupId: 'g12' } }]);
    // Non-ASCII travels as a character reference and comes back intact.
    assert.deepEqual(answer!.value!.phoneNumber, ['+322012', 'café@fake.example']);
    await session.close();
    assert.equal(backend.logouts.at(-1)!.reason, 'Client Logout');
  });

  test('an answer written in pieces, with pauses, is put back together', async () => {
    const session = await Session.open({ transport: createTransport(server.url), userId: FAKE_USER, password: FAKE_PASSWORD, requestTimeoutMs: 500 });
    backend.intercept = (document, connection) => {
      if (document.commands[0]!.type !== 'GroupDnGetListRequest') return 'default';
      const text = encodeDocument({
        sessionId: document.sessionId,
        commands: [{ spec: GroupDnGetListResponse, value: { phoneNumber: ['+3220999'] } }],
      });
      const cuts = [0, 10, Math.floor(text.length / 2), text.length - 5, text.length];
      cuts.slice(1).forEach((end, index) => setTimeout(() => connection.send(text.slice(cuts[index], end)), index * 5));
      return 'handled';
    };
    try {
      const [answer] = await session.send([{ spec: GroupDnGetListRequest, value: { serviceProviderId: 'sp', groupId: 'g1' } }]);
      assert.deepEqual(answer!.value!.phoneNumber, ['+3220999']);
    } finally {
      backend.intercept = undefined;
      await session.close();
    }
  });

  test('a refused connection is an OcipConnectError', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await assert.rejects(new TcpTransport({ host: '127.0.0.1', port, connectTimeoutMs: 500 }).connect(), (error: unknown) => {
      assert.ok(error instanceof OcipConnectError);
      assert.equal(error.code, OcipErrorCodes.CONNECT_FAILED);
      assert.match(error.message, /ECONNREFUSED/);
      return true;
    });
  });

  test('a connection that never completes is an OcipConnectTimeoutError', async () => {
    // A plain TCP server that never speaks TLS: the handshake, part of connecting, never ends.
    const sockets = new Set<Socket>();
    const silent = createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as AddressInfo).port;
    try {
      const transport = new TlsTransport({ host: '127.0.0.1', port, connectTimeoutMs: 50 });
      await assert.rejects(transport.connect(), (error: unknown) => {
        assert.ok(error instanceof OcipConnectTimeoutError);
        assert.equal(error.code, OcipErrorCodes.CONNECT_TIMEOUT);
        return true;
      });
    } finally {
      sockets.forEach((socket) => socket.destroy());
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});
