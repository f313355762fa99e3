// Two adapter processes (src/main.ts) on one real redis-server and one simulator, as behind a load
// balancer: a session or token from one is valid on the other, a logout on one is seen by the
// other, and concurrent POSTs with generated ids on both never try the same id. The store's atomic
// operations are checked on Redis too, across two connections. Skipped, with the reason, when
// redis-server is not installed (.ci/run installs it).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AuditRecord } from '../../src/audit/index.js';
import { DEFAULT_SEED_WORLD_URL, readSeedWorld, startSimulator } from '../../src/simulator/index.js';
import type { Simulator } from '../../src/simulator/index.js';
import { createStore } from '../../src/store/index.js';
import { DEMO_LOGINS, igcUrl } from '../support/adapter-harness.js';
import { redisServerMissing, startAdapterProcess, startRedis } from '../support/processes.js';
import type { AdapterProcess, RedisServer } from '../support/processes.js';

const missing = redisServerMissing();
if (missing) console.log(`# redis-two-instances: skipped: ${missing}`);

const TIMEOUT = { signal: () => AbortSignal.timeout(10_000) };

interface Answer {
  status: number;
  body: any;
  headers: Headers;
}

async function call(base: string, method: string, path: string, options: { body?: unknown; bearer?: string; cookie?: string } = {}): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.bearer) headers.Authorization = `Bearer ${options.bearer}`;
  if (options.cookie) headers.Cookie = options.cookie;
  const response = await fetch(`${base}${path}`, {
    method,
    headers,
    ...(options.body !== undefined && { body: JSON.stringify(options.body) }),
    signal: TIMEOUT.signal(),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
}

describe('two adapter instances on one Redis', { skip: missing }, () => {
  let redis: RedisServer;
  let simulator: Simulator;
  let a: AdapterProcess;
  let b: AdapterProcess;
  let dir: string;

  before(async () => {
    redis = await startRedis();
    simulator = await startSimulator({ seed: await readSeedWorld(DEFAULT_SEED_WORLD_URL) });
    dir = await mkdtemp(join(tmpdir(), 'apio-redis-'));
    const configFile = join(dir, 'apio.json');
    // One random digit: ten ids for the two instances to draw from, so without the reservations
    // they would pick the same one most of the time.
    await writeFile(
      configFile,
      JSON.stringify({ AUTOMATIC_ID_RULES: { SUID_INSTANT_GROUP_CALL_AUTO_GENERATE: true, SUID_INSTANT_GROUP_CALL_RULE: '{{group_id}}_igc{{RND_1}}@{{domain}}' } }),
    );
    const common = {
      OCIP_URL: `tcp://127.0.0.1:${simulator.port}`,
      OCIP_USERNAME: 'admin',
      OCIP_PASSWORD: 'admin',
      REDIS_URL: redis.url,
      AUDIT_ENABLED: 'true',
      APIO_CONFIG: configFile,
    };
    // Started together, with data directories of their own: they must agree on one token key in Redis.
    [a, b] = await Promise.all([
      startAdapterProcess({ ...common, DATA_DIR: join(dir, 'a') }),
      startAdapterProcess({ ...common, DATA_DIR: join(dir, 'b') }),
    ]);
  });

  after(async () => {
    await Promise.allSettled([a?.stop(), b?.stop()]);
    await Promise.allSettled([simulator?.close(), redis?.stop()]);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('a gateway session opened on one is valid on the other; a logout on the other ends it on both', async () => {
    const login = await call(a.baseUrl, 'POST', '/api/v1/login/', { body: DEMO_LOGINS.group });
    assert.equal(login.status, 200, JSON.stringify(login.body));
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    assert.equal((await call(b.baseUrl, 'GET', igcUrl(), { cookie })).status, 200);
    assert.equal((await call(b.baseUrl, 'POST', '/api/v1/logout/', { cookie })).status, 200);
    assert.equal((await call(a.baseUrl, 'GET', igcUrl(), { cookie })).status, 401);
    assert.equal((await call(b.baseUrl, 'GET', igcUrl(), { cookie })).status, 401);
  });

  test('tokens from one are accepted by the other; a logout on one revokes them on the other', async () => {
    const login = await call(b.baseUrl, 'POST', '/api/v01/auth/login', { body: DEMO_LOGINS.tenant });
    assert.equal(login.status, 200, JSON.stringify(login.body));
    const { access_token: access, refresh_token: refresh } = login.body;
    assert.equal((await call(a.baseUrl, 'GET', igcUrl(), { bearer: access })).status, 200);
    const refreshed = await call(a.baseUrl, 'GET', '/api/v01/auth/access_token', { bearer: refresh });
    assert.equal(refreshed.status, 200);
    assert.equal((await call(a.baseUrl, 'POST', '/api/v01/auth/logout', { bearer: access })).status, 200);
    assert.equal((await call(b.baseUrl, 'GET', igcUrl(), { bearer: access })).status, 401);
    assert.equal((await call(b.baseUrl, 'GET', igcUrl(), { bearer: refreshed.body.access_token })).status, 401);
    assert.equal((await call(b.baseUrl, 'GET', '/api/v01/auth/access_token', { bearer: refresh })).status, 401);
  });

  test('concurrent POSTs with generated ids on both instances never try the same id', async () => {
    const { access_token: bearer } = (await call(a.baseUrl, 'POST', '/api/v01/auth/login', { body: DEMO_LOGINS.system })).body;
    // A little latency on every answer keeps the Adds of both instances in flight together.
    simulator.faults.latency(30);
    let answers: Answer[];
    try {
      answers = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          call(i % 2 === 0 ? a.baseUrl : b.baseUrl, 'POST', igcUrl(), {
            bearer,
            body: { serviceInstanceProfile: { name: `Generated ${i}`, cliFirstName: 'Gen', cliLastName: `${i}` }, answerTimeoutEnabled: false },
          }),
        ),
      );
    } finally {
      simulator.faults.latency(0);
    }
    for (const answer of answers) assert.equal(answer.status, 200, JSON.stringify(answer.body));
    const ids = answers.map((answer) => answer.body.serviceUserId as string);
    assert.equal(new Set(ids).size, 8, `distinct ids: ${ids.join(', ')}`);
    for (const id of ids) assert.match(id, /^ApioGrpTest_igc\d@sip\.netaxis\.be$/);
    // The audit log is shared: read on one instance, it holds both instances' calls. Each POST sent
    // exactly one Add, and BroadWorks took it: no instance ever sent an Add for an id another held.
    const log = await call(b.baseUrl, 'GET', '/api/v1/audit/records/?page_size=100', { bearer });
    assert.equal(log.status, 200, JSON.stringify(log.body));
    const records = log.body.records as AuditRecord[];
    for (const answer of answers) {
      const record = records.find((r) => r.id === answer.body._internal_record_id);
      assert.ok(record, `no audit record for ${answer.body.serviceUserId}`);
      const adds = record.ocipCommands.filter((c) => c.type === 'GroupInstantGroupCallAddInstanceRequest14');
      assert.deepEqual(adds.map((c) => c.outcome), ['success'], JSON.stringify(record.ocipCommands));
    }
  });

  test('the store on Redis: reserve, counters and the capped list are shared and atomic across connections', async () => {
    const one = createStore({ kind: 'redis', redisUrl: redis.url, namespace: 'store-test' });
    const two = createStore({ kind: 'redis', redisUrl: redis.url, namespace: 'store-test' });
    try {
      const wins = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? one : two).reserve('k', { by: i }, 60_000)));
      assert.equal(wins.filter(Boolean).length, 1);
      assert.deepEqual(await one.peek('k'), await two.peek('k'));
      await two.release('k');
      assert.equal(await one.reserve('k', 'again', 60_000), true);

      const hits = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? one : two).hit('counter', 60_000)));
      assert.deepEqual(hits.map((hit) => hit.count).sort((x, y) => x - y), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);

      await Promise.all([1, 2, 3, 4, 5].map((n) => (n % 2 ? one : two).pushCapped('log', { n }, 3)));
      const page = await one.range<{ n: number }>('log', 0, 10);
      assert.equal(page.total, 3);

      await one.set('plain', { v: 1 }, 60_000);
      assert.deepEqual(await two.get('plain'), { v: 1 });
      assert.equal(await two.delete('plain'), true);
      assert.equal(await one.get('plain'), undefined);
    } finally {
      await Promise.allSettled([one.disconnect(), two.disconnect()]);
    }
  });
});
