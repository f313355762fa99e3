// The session's FIFO: one document in flight, answers matched by order, and every doubt about the
// order (foreign sessionId, wrong command count, unasked documents) ends the session.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  GroupDnGetListRequest,
  GroupDnGetListResponse,
  MAX_COMMANDS_PER_DOCUMENT,
  OcipEncodeError,
  OcipErrorCodes,
  OcipProtocolError,
  OcipSessionClosedError,
  Session,
  SuccessResponse,
  VerifySessionIsValidRequest,
} from '../../src/ocip/index.js';
import { FAKE_PASSWORD, FAKE_USER, FakeOcipBackend, errorResponse, memoryTransport } from '../support/fake-ocip-server.js';

function open(backend: FakeOcipBackend) {
  return Session.open({ transport: memoryTransport(backend), userId: FAKE_USER, password: FAKE_PASSWORD, requestTimeoutMs: 200 });
}

/** Answers GroupDnGetListRequest with one number derived from the group id, so answers are recognisable. */
function numbersByGroup(backend: FakeOcipBackend): void {
  backend.respond('GroupDnGetListRequest', (command) => ({
    spec: GroupDnGetListResponse,
    value: { phoneNumber: [`+3220${String(command.value.groupId).replace(/\D/g, '')}`] },
  }));
}

const dnList = (group: number) => ({ spec: GroupDnGetListRequest, value: { serviceProviderId: 'sp', groupId: `g${group}` } });

function ended(session: Session): Promise<Error | undefined> {
  return new Promise((resolve) => session.onEnd(resolve));
}

describe('session queue', () => {
  test('concurrent sends go one document at a time, in order, and each gets its own answer', async () => {
    const backend = new FakeOcipBackend();
    numbersByGroup(backend);
    let outstanding = 0;
    let maxOutstanding = 0;
    backend.intercept = (document, connection) => {
      if (document.commands[0]!.type !== 'GroupDnGetListRequest') return 'default';
      outstanding++;
      maxOutstanding = Math.max(maxOutstanding, outstanding);
      // Answer after a pause, so the next send would overlap if the session let it.
      setTimeout(() => {
        outstanding--;
        connection.answer(document);
      }, 5);
      return 'handled';
    };
    const session = await open(backend);
    const answers = await Promise.all([1, 2, 3, 4, 5].map((group) => session.send([dnList(group)])));
    assert.deepEqual(
      answers.map((commands) => commands[0]!.value!.phoneNumber),
      [['+32201'], ['+32202'], ['+32203'], ['+32204'], ['+32205']],
    );
    assert.equal(maxOutstanding, 1);
    assert.deepEqual(
      backend.seen('GroupDnGetListRequest').map((document) => document.commands[0]!.value!.groupId),
      ['g1', 'g2', 'g3', 'g4', 'g5'],
    );
    await session.close();
  });

  test('several commands in one document come back in order; an ErrorResponse is data here', async () => {
    const backend = new FakeOcipBackend();
    numbersByGroup(backend);
    backend.respond('VerifySessionIsValidRequest', () => errorResponse(4008, 'User not found: x'));
    const session = await open(backend);
    const answer = await session.send([dnList(7), { spec: VerifySessionIsValidRequest, value: {} }]);
    assert.deepEqual(answer.map((command) => command.type), ['GroupDnGetListResponse', 'ErrorResponse']);
    assert.equal(answer[1]!.value!.summary, '[Error 4008] User not found: x');
    assert.equal(session.isAlive, true);
    await session.close();
  });

  test('an answer carrying another sessionId ends the session with a protocol error', async () => {
    const backend = new FakeOcipBackend();
    const session = await open(backend);
    backend.intercept = (document, connection) => {
      connection.answer(document, 'someone-elses-session');
      return 'handled';
    };
    const end = ended(session);
    const first = session.send([dnList(1)]);
    const queued = session.send([dnList(2)]);
    await assert.rejects(first, (error: unknown) => error instanceof OcipProtocolError && /sessionId/.test(error.message));
    // The queued document was never written: it gets SESSION_CLOSED, with the reason as cause.
    await assert.rejects(queued, (error: unknown) => error instanceof OcipSessionClosedError && error.cause instanceof OcipProtocolError);
    assert.equal(session.isAlive, false);
    assert.ok((await end) instanceof OcipProtocolError);
    assert.equal(backend.seen('GroupDnGetListRequest').length, 1);
    await assert.rejects(session.send([dnList(3)]), (error: unknown) => (error as OcipSessionClosedError).code === OcipErrorCodes.SESSION_CLOSED);
  });

  test('an answer with the wrong number of commands ends the session', async () => {
    const backend = new FakeOcipBackend();
    const session = await open(backend);
    backend.intercept = (document, connection) => {
      connection.reply(document.sessionId, [{ spec: SuccessResponse, value: {} }, { spec: SuccessResponse, value: {} }]);
      return 'handled';
    };
    await assert.rejects(session.send([{ spec: VerifySessionIsValidRequest, value: {} }]), OcipProtocolError);
    assert.equal(session.isAlive, false);
  });

  test('a document nobody asked for, or one that is not OCI-P, ends the session', async () => {
    const backend = new FakeOcipBackend();
    const unasked = await open(backend);
    const end = ended(unasked);
    [...backend.connections][0]!.reply(unasked.sessionId, [{ spec: SuccessResponse, value: {} }]);
    assert.ok((await end) instanceof OcipProtocolError);

    const garbled = await open(backend);
    const pending = garbled.send([{ spec: VerifySessionIsValidRequest, value: {} }]);
    [...backend.connections].at(-1)!.send('<?xml version="1.0"?><nonsense/>');
    await assert.rejects(pending, OcipProtocolError);
    assert.equal(garbled.isAlive, false);
  });

  test('a value the schema refuses fails that send only; the session stays usable', async () => {
    const backend = new FakeOcipBackend();
    const session = await open(backend);
    await assert.rejects(
      session.send([{ spec: GroupDnGetListRequest, value: { serviceProviderId: 'sp' } }]),
      (error: unknown) => error instanceof OcipEncodeError && error.path.includes('groupId'),
    );
    const tooMany = Array.from({ length: MAX_COMMANDS_PER_DOCUMENT + 1 }, () => ({ spec: VerifySessionIsValidRequest, value: {} }));
    await assert.rejects(session.send(tooMany), OcipEncodeError);
    const [ok] = await session.send([{ spec: VerifySessionIsValidRequest, value: {} }]);
    assert.equal(ok!.type, 'SuccessResponse');
    await session.close();
  });
});
