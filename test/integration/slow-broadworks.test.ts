// A slow BroadWorks: 1 s of latency each way (a TCP proxy in front of the simulator) makes every
// login take ~4 s (AuthenticationRequest + LoginRequest14sp4), longer than the 5 s acquire timeout
// once the first session's login is counted in. Eight concurrent GETs on a freshly started adapter
// (the shipped defaults: a pool of 8, acquire timeout 5 s) must all answer 200: a login in progress
// counts as progress, not as a wait to time out.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sha256Hex } from '../../src/auth/index.js';
import { loadConfig } from '../../src/config/index.js';
import { startServer } from '../../src/server.js';
import type { RunningServer } from '../../src/server.js';
import { DEFAULT_SEED_WORLD_URL, readSeedWorld, startSimulator } from '../../src/simulator/index.js';
import type { Simulator } from '../../src/simulator/index.js';
import { startLatencyProxy } from '../support/latency-proxy.js';
import type { LatencyProxy } from '../support/latency-proxy.js';

const TOKEN = 'apio_slow-broadworks-token-5d1e';
const LIST = '/api/v1/tenants/ApioSpTest/groups/ApioGrpTest/services/instant_group_calls/';

let simulator: Simulator;
let proxy: LatencyProxy;
let adapter: RunningServer;
let dataDir: string;

before(async () => {
  simulator = await startSimulator({ seed: await readSeedWorld(DEFAULT_SEED_WORLD_URL) });
  proxy = await startLatencyProxy({ host: '127.0.0.1', port: simulator.port }, 1_000);
  dataDir = await mkdtemp(join(tmpdir(), 'apio-slow-'));
  const config = loadConfig({
    env: {},
    overrides: {
      server: { host: '127.0.0.1', port: 0 },
      dataDir,
      logLevel: 'error',
      ocip: { url: `tcp://127.0.0.1:${proxy.port}`, username: 'admin', password: 'admin' },
      auth: { machineTokens: [{ name: 'slow-test', sha256: sha256Hex(TOKEN), level: 16 }] },
    },
  });
  assert.equal(config.ocip.poolSize, 8);
  assert.equal(config.ocip.acquireTimeoutMs, 5_000);
  adapter = await startServer(config, { logDestination: { write: () => undefined } });
});

after(async () => {
  await adapter?.stop();
  await proxy?.close();
  await simulator?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

test('8 concurrent GETs on a fresh adapter, 1 s each way to BroadWorks: all 200', { timeout: 40_000 }, async () => {
  const answers = await Promise.all(
    Array.from({ length: 8 }, () =>
      fetch(`${adapter.url}${LIST}`, { headers: { authorization: `Bearer ${TOKEN}` }, signal: AbortSignal.timeout(30_000) }).then(async (response) => ({
        status: response.status,
        body: (await response.json()) as { instantGroupCalls?: unknown[] },
      })),
    ),
  );
  assert.deepEqual(
    answers.map((answer) => answer.status),
    Array(8).fill(200),
    JSON.stringify(answers.filter((answer) => answer.status !== 200)),
  );
  for (const answer of answers) assert.ok(Array.isArray(answer.body.instantGroupCalls));
});
