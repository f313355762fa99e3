// Work that never reached the wire (a session closed or ended before the document was written) goes
// again on a fresh session, transparently and at most twice; work that was written is never repeated.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OcipClient, OcipPool, OcipSessionClosedError, OcipSocketClosedError, VerifySessionIsValidRequest } from '../../src/ocip/index.js';
import type { DecodedCommand, OutgoingCommand, PoolSession } from '../../src/ocip/index.js';

/** A session whose send() answers with `outcome` (an error to reject with, or a success). */
function fakeSession(outcome: Error | 'success', sent: string[]): PoolSession {
  let alive = true;
  return {
    get isAlive() {
      return alive;
    },
    send(commands: readonly OutgoingCommand[]): Promise<DecodedCommand[]> {
      if (outcome !== 'success') {
        alive = false;
        return Promise.reject(outcome);
      }
      sent.push(commands.map((command) => command.spec.name).join(','));
      return Promise.resolve(commands.map(() => ({ type: 'SuccessResponse', echo: '', spec: VerifySessionIsValidRequest.response!, value: {} })));
    },
    close: () => Promise.resolve(),
    destroy: () => {
      alive = false;
    },
    onEnd: () => () => {},
  };
}

function clientWith(outcomes: (Error | 'success')[], sent: string[]): { client: OcipClient; built: () => number } {
  let built = 0;
  const pool = new OcipPool({ size: 1, createSession: async () => fakeSession(outcomes[built++] ?? 'success', sent) });
  return { client: new OcipClient(pool), built: () => built };
}

const unsent = () => new OcipSessionClosedError('the OCI-P session is closed', { neverSent: true });

test('a document never written goes again on a fresh session', async () => {
  const sent: string[] = [];
  const { client, built } = clientWith([unsent(), 'success'], sent);
  await client.execute(VerifySessionIsValidRequest, {});
  assert.deepEqual(sent, ['VerifySessionIsValidRequest']);
  assert.equal(built(), 2);
  client.destroy();
});

test('at most twice: a third unsent failure reaches the caller', async () => {
  const { client, built } = clientWith([unsent(), unsent(), unsent(), 'success'], []);
  await assert.rejects(client.execute(VerifySessionIsValidRequest, {}), (error: unknown) => error instanceof OcipSessionClosedError && error.neverSent);
  assert.equal(built(), 3);
  client.destroy();
});

test('a document that was written is not repeated', async () => {
  const sent: string[] = [];
  const { client, built } = clientWith([new OcipSocketClosedError('the connection closed'), 'success'], sent);
  await assert.rejects(client.execute(VerifySessionIsValidRequest, {}), OcipSocketClosedError);
  assert.deepEqual(sent, [], 'not sent again');
  await client.execute(VerifySessionIsValidRequest, {});
  assert.equal(built(), 2);
  assert.deepEqual(sent, ['VerifySessionIsValidRequest'], 'only the second call, on its own session');
  client.destroy();
});
