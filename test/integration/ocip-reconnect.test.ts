// The client over real TCP when things go wrong: the server drops its connections, a request times
// out and its answer arrives late, and the client closes (every session logged out).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  GroupDnGetListRequest,
  GroupDnGetListResponse,
  OcipClient,
  OcipPool,
  OcipRequestTimeoutError,
  OcipSocketClosedError,
  Session,
  createTransport,
} from '../../src/ocip/index.js';
import type { DecodedDocument, PoolSession } from '../../src/ocip/index.js';
import type { FakeConnection, FakeServer } from '../support/fake-ocip-server.js';
import { FAKE_PASSWORD, FAKE_USER, FakeOcipBackend, startFakeTcpServer } from '../support/fake-ocip-server.js';

const dnList = (groupId: string) => ({ serviceProviderId: 'sp', groupId });

describe('client reconnection over TCP', () => {
  const backend = new FakeOcipBackend();
  let server: FakeServer;

  before(async () => {
    backend.respond('GroupDnGetListRequest', (command) => ({
      spec: GroupDnGetListResponse,
      value: { phoneNumber: [`+3220${String(command.value.groupId).replace(/\D/g, '')}`] },
    }));
    server = await startFakeTcpServer(backend);
  });
  after(() => server.close());

  /** A client whose sessions the test can watch. */
  function client(size = 1) {
    const transport = createTransport(server.url, { connectTimeoutMs: 500 });
    const sessions: Session[] = [];
    const pool = new OcipPool<PoolSession>({
      size,
      acquireTimeoutMs: 500,
      createSession: async () => {
        const session = await Session.open({ transport, userId: FAKE_USER, password: FAKE_PASSWORD, requestTimeoutMs: 80 });
        sessions.push(session);
        return session;
      },
    });
    return { ocip: new OcipClient(pool), sessions };
  }

  test('after the server drops the connection, the next request runs on a new session', async () => {
    const { ocip, sessions } = client();
    assert.deepEqual((await ocip.execute(GroupDnGetListRequest, dnList('g1'))).phoneNumber, ['+32201']);
    const end = new Promise<Error | undefined>((resolve) => sessions[0]!.onEnd(resolve));
    server.dropConnections();
    assert.ok((await end) instanceof OcipSocketClosedError);
    assert.deepEqual((await ocip.execute(GroupDnGetListRequest, dnList('g2'))).phoneNumber, ['+32202']);
    assert.equal(sessions.length, 2);
    await ocip.close();
  });

  test('a drop in the middle of a request fails it; the next one succeeds', async () => {
    const { ocip } = client();
    await ocip.execute(GroupDnGetListRequest, dnList('g1'));
    backend.intercept = (document, connection) => {
      if (document.commands[0]!.type !== 'GroupDnGetListRequest') return 'default';
      backend.intercept = undefined;
      connection.close();
      return 'handled';
    };
    await assert.rejects(ocip.execute(GroupDnGetListRequest, dnList('g3')), OcipSocketClosedError);
    assert.deepEqual((await ocip.execute(GroupDnGetListRequest, dnList('g4'))).phoneNumber, ['+32204']);
    await ocip.close();
  });

  test('a late answer on the old socket is never taken for the next request’s answer', async () => {
    const { ocip, sessions } = client();
    await ocip.execute(GroupDnGetListRequest, dnList('g0'));
    const held: { document: DecodedDocument; connection: FakeConnection }[] = [];
    backend.intercept = (document, connection) => {
      if (document.commands[0]!.value?.groupId !== 'g5') return 'default';
      held.push({ document, connection });
      return 'handled';
    };
    try {
      await assert.rejects(ocip.execute(GroupDnGetListRequest, dnList('g5')), OcipRequestTimeoutError);
      // Late: the answer to g5 is written to the socket it came from.
      held[0]!.connection.answer(held[0]!.document);
      assert.deepEqual((await ocip.execute(GroupDnGetListRequest, dnList('g6'))).phoneNumber, ['+32206']);
      assert.equal(sessions.length, 2);
      assert.equal(sessions[0]!.isAlive, false);
    } finally {
      backend.intercept = undefined;
      await ocip.close();
    }
  });

  test('close() logs every session out and closes their sockets', async () => {
    const { ocip } = client(3);
    const logouts = backend.logouts.length;
    await Promise.all(['g1', 'g2', 'g3'].map((group) => ocip.execute(GroupDnGetListRequest, dnList(group))));
    // Sessions still being built when close() starts are logged out too once they are ready.
    const open = ocip.stats().size + ocip.stats().creating;
    assert.ok(open >= 1 && open <= 3);
    await ocip.close();
    assert.equal(backend.logouts.length - logouts, open);
    await backend.waitFor(() => backend.connections.size === 0);
    assert.equal(ocip.stats().size, 0);
  });
});
