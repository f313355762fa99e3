// The client facade: typed execute, ErrorResponse as a thrown typed error, answers of the wrong type,
// batches split at 15 commands per document, and the round-trip counter / onDocument hook.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  GroupDnGetListRequest,
  GroupDnGetListResponse,
  GroupInstantGroupCallDeleteInstanceRequest,
  OcipErrorCodes,
  OcipErrorResponseError,
  OcipProtocolError,
  OcipRequestTimeoutError,
  SuccessResponse,
  command,
  createOcipClient,
} from '../../src/ocip/index.js';
import type { CommandResult, DocumentEvent, ResponseOf } from '../../src/ocip/index.js';
import { FAKE_PASSWORD, FAKE_USER, FakeOcipBackend, errorResponse, memoryTransport } from '../support/fake-ocip-server.js';

function setup() {
  const backend = new FakeOcipBackend();
  backend.respond('GroupDnGetListRequest', (request) => {
    const group = String(request.value.groupId);
    if (group === 'missing') return errorResponse(4152, `Group not found: sp:${group}`);
    return { spec: GroupDnGetListResponse, value: { phoneNumber: [`+3220${group.replace(/\D/g, '')}`] } };
  });
  const events: DocumentEvent[] = [];
  const client = createOcipClient({
    transport: memoryTransport(backend),
    userId: FAKE_USER,
    password: FAKE_PASSWORD,
    poolSize: 2,
    requestTimeoutMs: 100,
    onDocument: (event) => events.push(event),
  });
  return { backend, client, events };
}

const dnList = (groupId: string) => command(GroupDnGetListRequest, { serviceProviderId: 'sp', groupId });

describe('client', () => {
  test('execute returns the typed response value', async () => {
    const { client } = setup();
    const answer = await client.execute(GroupDnGetListRequest, { serviceProviderId: 'sp', groupId: 'g42' });
    const numbers: string[] = answer.phoneNumber ?? [];
    assert.deepEqual(numbers, ['+322042']);
    assert.deepEqual(await client.execute(GroupInstantGroupCallDeleteInstanceRequest, { serviceUserId: 'igc@fake.example' }), {});
    assert.equal(client.roundTrips, 2);
    await client.close();
  });

  test('an ErrorResponse is thrown as OcipErrorResponseError, errorCode read from "[Error NNNN]"', async () => {
    const { client } = setup();
    await assert.rejects(client.execute(GroupDnGetListRequest, { serviceProviderId: 'sp', groupId: 'missing' }), (error: unknown) => {
      assert.ok(error instanceof OcipErrorResponseError);
      assert.equal(error.code, OcipErrorCodes.ERROR_RESPONSE);
      assert.equal(error.errorCode, 4152);
      assert.equal(error.commandType, 'GroupDnGetListRequest');
      assert.equal(error.summary, '[Error 4152] Group not found: sp:missing');
      assert.equal(error.summaryEnglish, '[Error 4152] Group not found: sp:missing');
      assert.equal(error.type, 'Error');
      assert.equal(error.detail, undefined);
      return true;
    });
    await client.close();
  });

  test('an <errorCode> element wins over the summary text', async () => {
    const { backend, client } = setup();
    backend.respond('GroupInstantGroupCallDeleteInstanceRequest', () => ({
      spec: errorResponse(0, '').spec,
      value: { errorCode: 4008, summary: 'User not found', summaryEnglish: 'User not found', detail: 'no such user', type: 'Warning' },
    }));
    await assert.rejects(client.execute(GroupInstantGroupCallDeleteInstanceRequest, { serviceUserId: 'x@fake.example' }), (error: unknown) => {
      assert.ok(error instanceof OcipErrorResponseError);
      assert.equal(error.errorCode, 4008);
      assert.equal(error.detail, 'no such user');
      assert.equal(error.type, 'Warning');
      return true;
    });
    await client.close();
  });

  test('an answer of an unexpected type is an OcipProtocolError', async () => {
    const { backend, client } = setup();
    backend.respond('GroupDnGetListRequest', () => ({ spec: SuccessResponse, value: {} }));
    await assert.rejects(client.execute(GroupDnGetListRequest, { serviceProviderId: 'sp', groupId: 'g1' }), OcipProtocolError);
    await client.close();
  });

  test('a batch of 20 commands goes as 2 documents (15 + 5), results in order, errors as data', async () => {
    const { backend, client, events } = setup();
    const items = Array.from({ length: 20 }, (_, index) => dnList(index === 7 ? 'missing' : `g${index}`));
    const results = await client.executeBatch(items);
    assert.equal(results.length, 20);
    results.forEach((result, index) => {
      if (index === 7) {
        assert.ok(!result.ok && result.error instanceof OcipErrorResponseError && result.error.errorCode === 4152);
      } else {
        assert.ok(result.ok);
        assert.deepEqual(result.value.phoneNumber, [`+3220${index}`]);
      }
    });
    const documents = backend.seen('GroupDnGetListRequest');
    assert.deepEqual(documents.map((document) => document.commandTypes.length), [15, 5]);
    assert.equal(documents[0]!.sessionId, documents[1]!.sessionId, 'one session for the whole batch');
    assert.equal(client.roundTrips, 2);
    assert.deepEqual(events.map((event) => [event.commandTypes.length, event.outcome]), [[15, 'error-response'], [5, 'success']]);
    assert.equal(events[0]!.commandOutcomes[7], 'error-response');
    assert.ok(events.every((event) => event.durationMs >= 0));
    await client.close();
  });

  test('executeBatch keeps the tuple types of command() items', async () => {
    const { client } = setup();
    const [list, removal] = await client.executeBatch([
      dnList('g5'),
      command(GroupInstantGroupCallDeleteInstanceRequest, { serviceUserId: 'igc@fake.example' }),
    ] as const);
    // Compile-time checks: each position has its own response type.
    const typedList: CommandResult<ResponseOf<typeof GroupDnGetListRequest>> = list;
    const typedRemoval: CommandResult<ResponseOf<typeof GroupInstantGroupCallDeleteInstanceRequest>> = removal;
    assert.ok(typedList.ok && typedList.value.phoneNumber?.[0] === '+32205');
    assert.ok(typedRemoval.ok);
    assert.deepEqual(await client.executeBatch([]), []);
    await client.close();
  });

  test('a document without an answer is reported as a failure and rethrown', async () => {
    const { backend, client, events } = setup();
    backend.intercept = (document) => (document.commands[0]!.type === 'GroupDnGetListRequest' ? 'handled' : 'default');
    await assert.rejects(client.execute(GroupDnGetListRequest, { serviceProviderId: 'sp', groupId: 'g1' }), OcipRequestTimeoutError);
    assert.equal(events.length, 1);
    assert.equal(events[0]!.outcome, 'failure');
    assert.ok(events[0]!.error instanceof OcipRequestTimeoutError);
    assert.deepEqual(client.stats(), { size: 0, inUse: 0, idle: 0, waiting: 0, creating: 0, max: 2 });
    client.destroy();
  });
});
