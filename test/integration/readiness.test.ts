// GET /readyz follows BroadWorks: ready while the simulator answers through the pool, 503 with the
// reason once it stops, ready again when it is back. GET /healthz only says the process is alive.
// The checks and the reason go only to a system-level caller (here the machine token); an anonymous
// probe learns ready or not ready and nothing of the network behind the adapter.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { AUTHORIZATION, startObservedServer } from '../support/observed-server.js';
import type { ObservedServer } from '../support/observed-server.js';

interface Readiness {
  status: string;
  reason?: string;
  checks: Record<string, { ok: boolean; ms: number; reason?: string }>;
}

let server: ObservedServer;
before(async () => {
  server = await startObservedServer({ readinessTimeoutMs: 1_000 });
});
after(() => server.close());

/** As an operator (the level-16 machine token): the checks are shown. */
async function readyz(): Promise<{ status: number; body: Readiness }> {
  const response = await fetch(`${server.running.url}/readyz`, { headers: AUTHORIZATION, signal: AbortSignal.timeout(5_000) });
  assert.equal(response.headers.get('cache-control'), 'no-store');
  return { status: response.status, body: (await response.json()) as Readiness };
}

/** No credentials: what an orchestrator's probe sees. */
async function anonymousReadyz(): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${server.running.url}/readyz`, { signal: AbortSignal.timeout(5_000) });
  assert.equal(response.headers.get('cache-control'), 'no-store');
  assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

test('ready: BroadWorks answers through the pool and the store answers', async () => {
  const { status, body } = await readyz();
  assert.equal(status, 200, JSON.stringify(body));
  assert.equal(body.status, 'ready');
  assert.equal(body.checks.broadworks?.ok, true);
  assert.equal(body.checks.store?.ok, true);
  assert.deepEqual(await anonymousReadyz(), { status: 200, body: { status: 'ready' } });
});

test('not ready (503, with the reason) when BroadWorks stops; healthz still answers', async () => {
  await server.stopSimulator();
  const { status, body } = await readyz();
  assert.equal(status, 503, JSON.stringify(body));
  assert.equal(body.status, 'not ready');
  assert.match(body.reason ?? '', /^broadworks: /);
  assert.equal(body.checks.broadworks?.ok, false);
  assert.equal(body.checks.store?.ok, true);
  // Neither the BroadWorks address nor the socket error reaches an anonymous caller.
  assert.deepEqual(await anonymousReadyz(), { status: 503, body: { status: 'not ready' } });
  const health = await fetch(`${server.running.url}/healthz`, { signal: AbortSignal.timeout(5_000) });
  assert.equal(health.status, 200);
});

test('ready again once BroadWorks is back on the same address', async () => {
  await server.restartSimulator();
  const { status, body } = await readyz();
  assert.equal(status, 200, JSON.stringify(body));
  assert.equal(body.checks.broadworks?.ok, true);
});

test('the probe answers within its timeout when BroadWorks accepts but never answers', async () => {
  server.simulator.faults.latency(3_000);
  try {
    const started = performance.now();
    const { status, body } = await readyz();
    assert.equal(status, 503, JSON.stringify(body));
    assert.match(body.checks.broadworks?.reason ?? '', /no answer within 1000 ms/);
    assert.ok(performance.now() - started < 2_500, 'bounded by readinessTimeoutMs');
  } finally {
    server.simulator.faults.latency(0);
  }
});
