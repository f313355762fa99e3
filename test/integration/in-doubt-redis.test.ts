// Retries across adapter instances: two adapter processes (src/main.ts) on one redis-server and one
// simulator. A create whose answer was lost on instance A (applied, then the connection dropped, and
// A's read-back dropped too) answers 502 with details.inDoubt; the retry with the same
// Idempotency-Key on instance B resolves it — the same generated id, no second Add — and a later
// retry on A replays B's answer. While a request runs on one instance, its key is busy on the other.
// Skipped, with the reason, when redis-server is not installed.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SEED_WORLD_URL, readSeedWorld, startSimulator } from '../../src/simulator/index.js';
import type { Simulator } from '../../src/simulator/index.js';
import { DEMO_LOGINS, igcUrl } from '../support/adapter-harness.js';
import { redisServerMissing, startAdapterProcess, startRedis } from '../support/processes.js';
import type { AdapterProcess, RedisServer } from '../support/processes.js';

const missing = redisServerMissing();
if (missing) console.log(`# in-doubt-redis: skipped: ${missing}`);

const START_TIMEOUT_MS = 60_000;
const ADD = 'GroupInstantGroupCallAddInstanceRequest14';
const READ = 'GroupInstantGroupCallGetInstanceRequest19sp1';

interface Answer {
  status: number;
  body: any;
  headers: Headers;
}

async function post(base: string, bearer: string, key: string, body: unknown): Promise<Answer> {
  const response = await fetch(`${base}${igcUrl()}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${bearer}`, 'Idempotency-Key': `"${key}"` },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(15_000),
  });
  return { status: response.status, body: await response.json(), headers: response.headers };
}

const generated = (name: string) => ({ serviceInstanceProfile: { name, cliFirstName: 'Re', cliLastName: 'Try' }, answerTimeoutEnabled: false });

describe('an in-doubt create retried on another adapter instance, on Redis', { skip: missing, timeout: 2 * START_TIMEOUT_MS + 30_000 }, () => {
  let redis: RedisServer;
  let simulator: Simulator;
  let a: AdapterProcess;
  let b: AdapterProcess;
  let dir: string;
  let bearer: string;

  before(async () => {
    redis = await startRedis();
    simulator = await startSimulator({ seed: await readSeedWorld(DEFAULT_SEED_WORLD_URL) });
    dir = await mkdtemp(join(tmpdir(), 'apio-indoubt-'));
    const configFile = join(dir, 'apio.json');
    await writeFile(configFile, JSON.stringify({ AUTOMATIC_ID_RULES: { SUID_INSTANT_GROUP_CALL_AUTO_GENERATE: true } }));
    const common = {
      OCIP_URL: `tcp://127.0.0.1:${simulator.port}`,
      OCIP_USERNAME: 'admin',
      OCIP_PASSWORD: 'admin',
      REDIS_URL: redis.url,
      APIO_CONFIG: configFile,
    };
    // Two processes compiling at once on a shared machine: a start-up may take more than 20 s.
    [a, b] = await Promise.all([
      startAdapterProcess({ ...common, DATA_DIR: join(dir, 'a') }, START_TIMEOUT_MS),
      startAdapterProcess({ ...common, DATA_DIR: join(dir, 'b') }, START_TIMEOUT_MS),
    ]);
    const login = await fetch(`${a.baseUrl}/api/v01/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(DEMO_LOGINS.system),
      signal: AbortSignal.timeout(10_000),
    });
    bearer = ((await login.json()) as { access_token: string }).access_token;
  });

  after(async () => {
    await Promise.allSettled([a?.stop(), b?.stop()]);
    await Promise.allSettled([simulator?.close(), redis?.stop()]);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('A: in doubt (502, inDoubt); B: the same key resolves the same generated id; A again: replayed', async () => {
    const group = simulator.world.group('ApioSpTest', 'ApioGrpTest')!;
    const named = (name: string) => simulator.world.instantGroupCallsOf(group).filter((i) => i.name === name).map((i) => i.serviceUserId);
    simulator.faults.applyThenDropOnNext(ADD);
    simulator.faults.dropConnectionOnNext(READ);
    const first = await post(a.baseUrl, bearer, 'two-instances', generated('Across'));
    assert.equal(first.status, 502, JSON.stringify(first.body));
    assert.equal(first.body.errors[0].details.inDoubt, true);
    const drawn = /instant_group_calls\/([^/]+)\//.exec(first.body.errors[0].details.check)?.[1];
    assert.ok(drawn, JSON.stringify(first.body));
    assert.deepEqual(named('Across'), [drawn], 'the change was applied');

    const retried = await post(b.baseUrl, bearer, 'two-instances', generated('Across'));
    assert.equal(retried.status, 200, JSON.stringify(retried.body));
    assert.equal(retried.body.serviceUserId, drawn);
    assert.deepEqual(named('Across'), [drawn], 'one instance, one id');

    const replayed = await post(a.baseUrl, bearer, 'two-instances', generated('Across'));
    assert.equal(replayed.status, 200);
    assert.equal(replayed.headers.get('idempotent-replayed'), 'true');
    assert.equal(replayed.body.serviceUserId, drawn);
  });

  test('while a request runs on A, its key is busy on B (409)', async () => {
    simulator.faults.latency(600);
    try {
      const running = post(a.baseUrl, bearer, 'busy', generated('Busy'));
      await new Promise((done) => setTimeout(done, 250));
      const meanwhile = await post(b.baseUrl, bearer, 'busy', generated('Busy'));
      assert.equal(meanwhile.status, 409, JSON.stringify(meanwhile.body));
      assert.equal(meanwhile.body.errors[0].details.reason, 'IDEMPOTENCY_KEY_IN_USE');
      assert.equal((await running).status, 200);
    } finally {
      simulator.faults.latency(0);
    }
  });
});
