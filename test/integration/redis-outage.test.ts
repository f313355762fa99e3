// Redis is bounded: with REDIS_URL set and redis-server stopped, every API call of the real process
// answers 503 STORE_UNAVAILABLE in the APIO error shape within 2 s (never a hang, never a 500),
// /readyz says the store is why (to a system-level machine token; an anonymous probe learns only
// "not ready"), and calls succeed again by themselves once Redis is back on the
// same port. Skipped, with the reason, when redis-server is not installed (.ci/run installs it).
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { sha256Hex } from '../../src/auth/index.js';
import { igcUrl, instanceUrl, minimalBody, SEED_ID } from '../support/adapter-harness.js';
import { call, loginBearer } from '../support/adapter-http.js';
import { redisServerMissing, startAdapterProcess, startRedis } from '../support/processes.js';
import type { AdapterProcess, RedisServer } from '../support/processes.js';

const missing = redisServerMissing();
if (missing) console.log(`# redis-outage: skipped: ${missing}`);

const LIMIT_MS = 2_000;
/** A level-16 machine token: it needs no store, so it still shows the checks with Redis down. */
const OPERATOR = 'apio_redis-outage-operator-4c1d9e';
const RESUME_WITHIN_MS = 10_000;
let redis: RedisServer | undefined;
let adapter: AdapterProcess | undefined;
let dataDir: string | undefined;
after(async () => {
  await adapter?.stop(1_000);
  await redis?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

test('Redis down: every call 503 within 2 s; back: calls succeed again by themselves', { skip: missing }, async () => {
  redis = await startRedis();
  const port = Number(new URL(redis.url).port);
  dataDir = await mkdtemp(join(tmpdir(), 'apio-redis-outage-'));
  const settings = join(dataDir, 'operator.json');
  await writeFile(settings, JSON.stringify({ auth: { machineTokens: [{ name: 'redis-outage-operator', sha256: sha256Hex(OPERATOR), level: 16 }] } }));
  adapter = await startAdapterProcess({ SIMULATOR_PORT: '0', SIMULATOR_HTTP_PORT: '0', DATA_DIR: dataDir, REDIS_URL: redis.url, AUDIT_ENABLED: 'true', APIO_CONFIG: settings });
  const base = adapter.baseUrl;
  const { bearer } = await loginBearer(base);
  assert.equal((await call(base, 'GET', igcUrl(), { bearer })).status, 200);

  await redis.stop();
  const calls: Array<[string, string, { bearer?: string; body?: unknown }]> = [
    ['GET', igcUrl(), { bearer }],
    ['GET', instanceUrl(SEED_ID), { bearer }],
    ['POST', igcUrl(), { bearer, body: minimalBody('outage@sip.netaxis.be') }],
    ['POST', '/api/v01/auth/login', { body: { username: 'admin', password: 'admin' } }],
    ['POST', '/api/v1/login/', { body: { username: 'admin', password: 'admin' } }],
    ['POST', '/api/v01/auth/logout', { bearer }],
    ['GET', '/api/v1/audit/records/', { bearer }],
  ];
  for (let round = 0; round < 3; round++) {
    for (const [method, path, options] of calls) {
      const answer = await call(base, method, path, { ...options, timeoutMs: 5_000 });
      assert.equal(answer.status, 503, `${method} ${path}: ${JSON.stringify(answer.body)}`);
      assert.ok(answer.ms < LIMIT_MS, `${method} ${path} answered in ${Math.round(answer.ms)} ms`);
      const error = (answer.body.errors as Array<{ details: { reason: string } }>)[0]!;
      assert.equal(error.details.reason, 'STORE_UNAVAILABLE');
    }
  }
  const ready = await call(base, 'GET', '/readyz', { bearer: OPERATOR, timeoutMs: 5_000 });
  assert.equal(ready.status, 503);
  assert.match(JSON.stringify(ready.body), /store: .*Redis at redis:\/\/127\.0\.0\.1/);
  assert.deepEqual((await call(base, 'GET', '/readyz', { timeoutMs: 5_000 })).body, { status: 'not ready' });

  redis = await startRedis(port);
  const back = performance.now();
  let status = 0;
  while (performance.now() - back < RESUME_WITHIN_MS) {
    status = (await call(base, 'GET', igcUrl(), { bearer, timeoutMs: 5_000 })).status;
    if (status === 200) break;
    await sleep(100);
  }
  assert.equal(status, 200, `no success within ${RESUME_WITHIN_MS} ms of Redis returning`);
  assert.equal((await call(base, 'POST', igcUrl(), { bearer, body: minimalBody('after-outage@sip.netaxis.be') })).status, 200);
  assert.equal((await call(base, 'GET', '/readyz')).status, 200);
  assert.doesNotMatch(adapter.output(), /"status":500|INTERNAL/);
});
