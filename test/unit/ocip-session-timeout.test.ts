// A request timeout destroys the session: OCI-P matches answers by order only, so an answer that comes
// after the timeout must never be taken as the answer to the next request.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  GroupDnGetListRequest,
  GroupDnGetListResponse,
  OcipErrorCodes,
  OcipPool,
  OcipRequestTimeoutError,
  OcipSessionClosedError,
  Session,
} from '../../src/ocip/index.js';
import type { DecodedDocument } from '../../src/ocip/index.js';
import type { FakeConnection } from '../support/fake-ocip-server.js';
import { FAKE_PASSWORD, FAKE_USER, FakeOcipBackend, memoryTransport } from '../support/fake-ocip-server.js';

const TIMEOUT_MS = 60;

function setup() {
  const backend = new FakeOcipBackend();
  backend.respond('GroupDnGetListRequest', (command) => ({
    spec: GroupDnGetListResponse,
    value: { phoneNumber: [`+3220${String(command.value.groupId).replace(/\D/g, '')}`] },
  }));
  const held: { document: DecodedDocument; connection: FakeConnection }[] = [];
  // Holds the answer to group g1 (the "slow" request); answers everything else at once.
  backend.intercept = (document, connection) => {
    if (document.commands[0]!.value?.groupId !== 'g1') return 'default';
    held.push({ document, connection });
    return 'handled';
  };
  const open = () => Session.open({ transport: memoryTransport(backend), userId: FAKE_USER, password: FAKE_PASSWORD, requestTimeoutMs: TIMEOUT_MS });
  return { backend, held, open };
}

const dnList = (group: number) => [{ spec: GroupDnGetListRequest, value: { serviceProviderId: 'sp', groupId: `g${group}` } }];

describe('request timeout', () => {
  test('fails the request with OcipRequestTimeoutError, destroys the session, fails queued work as never sent', async () => {
    const { open } = setup();
    const session = await open();
    const end = new Promise<Error | undefined>((resolve) => session.onEnd(resolve));
    const slow = session.send(dnList(1));
    const queued = session.send(dnList(2));
    await assert.rejects(slow, (error: unknown) => {
      assert.ok(error instanceof OcipRequestTimeoutError);
      assert.equal(error.code, OcipErrorCodes.REQUEST_TIMEOUT);
      assert.deepEqual(error.commandTypes, ['GroupDnGetListRequest']);
      return true;
    });
    await assert.rejects(queued, (error: unknown) => {
      assert.ok(error instanceof OcipSessionClosedError);
      assert.ok(error.cause instanceof OcipRequestTimeoutError);
      return true;
    });
    assert.equal(session.isAlive, false);
    assert.ok((await end) instanceof OcipRequestTimeoutError);
  });

  test('a late answer is never taken as the next request’s answer: the next request runs on a new session', async () => {
    const { backend, held, open } = setup();
    const pool = new OcipPool({ size: 1, createSession: open, acquireTimeoutMs: 500 });
    await assert.rejects(pool.send(dnList(1)), OcipRequestTimeoutError);
    assert.equal(held.length, 1);
    // The fake now answers the timed-out request, late, on the connection it came from.
    held[0]!.connection.answer(held[0]!.document);

    const [answer] = await pool.send(dnList(2));
    assert.deepEqual(answer!.value!.phoneNumber, ['+32202']);
    const requests = backend.seen('GroupDnGetListRequest');
    assert.equal(requests.length, 2);
    assert.notEqual(requests[0]!.sessionId, requests[1]!.sessionId, 'the second request used a new session');
    assert.notEqual(requests[0]!.connection, requests[1]!.connection, 'and a new connection');
    assert.equal(backend.logins.length, 2);
    await pool.close();
  });

  test('the timer runs per document on the wire, not while queued behind another', async () => {
    const { backend, open } = setup();
    const session = await open();
    // Each answer takes 25 ms: three queued requests take longer than one timeout, none times out.
    backend.intercept = (document, connection) => {
      if (document.commands[0]!.type !== 'GroupDnGetListRequest') return 'default';
      setTimeout(() => connection.answer(document), 25);
      return 'handled';
    };
    const started = performance.now();
    const answers = await Promise.all([2, 3, 4].map((group) => session.send(dnList(group))));
    assert.ok(performance.now() - started > TIMEOUT_MS);
    assert.deepEqual(answers.map((answer) => answer[0]!.value!.phoneNumber), [['+32202'], ['+32203'], ['+32204']]);
    assert.equal(session.isAlive, true);
    await session.close();
  });
});
