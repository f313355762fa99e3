// Graceful shutdown (what SIGTERM runs): the adapter stops accepting connections at once, lets the
// request in flight finish with its answer, then logs its OCI-P sessions out and closes. And a
// request that outlives the drain timeout is cut, so shutdown stays bounded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startObservedServer } from '../support/observed-server.js';

const LIST = '/api/v1/tenants/ApioSpTest/groups/ApioGrpTest/services/instant_group_calls/';
const isListSent = (line: Record<string, unknown>) =>
  line.msg === 'ocip document sent' && (line.ocip as { commands: string[] }).commands[0] === 'GroupInstantGroupCallGetInstanceListRequest';

test('stop() drains the request in flight, refuses new connections, and logs the OCI-P sessions out', async () => {
  const server = await startObservedServer({ logLevel: 'trace', drainTimeoutMs: 5_000 });
  try {
    server.simulator.faults.latency(400);
    const inFlight = server.fetch(LIST, { headers: { 'x-request-id': 'in-flight-1' } });
    // The request has reached BroadWorks: its document is on the wire.
    await server.logs.waitFor(isListSent);

    const stopping = server.running.stop();
    await server.logs.waitFor((line) => line.msg === 'shutdown: draining');
    await assert.rejects(
      fetch(`${server.running.url}/healthz`, { signal: AbortSignal.timeout(2_000) }),
      'a new connection is refused while draining',
    );

    const response = await inFlight;
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { instantGroupCalls: [] });
    assert.equal(response.headers.get('connection'), 'close', 'the answer tells the client not to reuse the connection');
    await stopping;

    const lines = server.logs.lines;
    assert.equal(lines.find((line) => line.msg === 'shutdown: draining')?.inFlight, 1);
    assert.ok(lines.some((line) => line.msg === 'request' && line.reqId === 'in-flight-1' && line.status === 200));
    const logout = lines.find((line) => line.msg === 'ocip document sent' && (line.ocip as { commands: string[] }).commands[0] === 'LogoutRequest');
    assert.ok(logout, 'the pool sent LogoutRequest');
    assert.match(logout.xml as string, /<reason>Client Logout<\/reason>/);
    assert.equal(server.simulator.sessions().length, 0, 'no OCI-P session left logged in');
    assert.ok(lines.findIndex((line) => line.msg === 'shutdown: done') > lines.findIndex((line) => line.reqId === 'in-flight-1' && line.msg === 'request'));
  } finally {
    await server.close();
  }
});

test('a request still running at the drain timeout is cut, and stop() still ends', async () => {
  const server = await startObservedServer({ logLevel: 'trace', drainTimeoutMs: 100 });
  try {
    server.simulator.faults.latency(800);
    const inFlight = server.fetch(LIST).then(
      (response) => response.status,
      () => 'cut',
    );
    await server.logs.waitFor(isListSent);
    const started = performance.now();
    await server.running.stop();
    assert.ok(performance.now() - started < 4_000, 'bounded');
    assert.equal(await inFlight, 'cut');
    assert.ok(server.logs.lines.some((line) => line.msg === 'shutdown: requests still in flight cut short'));
  } finally {
    await server.close();
  }
});
