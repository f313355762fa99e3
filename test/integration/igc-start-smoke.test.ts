// The real start: `node --import tsx src/main.ts` with the embedded simulator, on ports of its own
// and a temporary data directory. The APIO page's POST example goes in over real HTTP and is read
// back; SIGTERM then stops the process cleanly. Every wait is bounded.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { instanceUrl, igcUrl, SEED_ID, seedPostBody } from '../support/adapter-harness.js';
import { startAdapterProcess } from '../support/processes.js';
import type { AdapterProcess } from '../support/processes.js';

const STOP_TIMEOUT_MS = 10_000;

let adapter: AdapterProcess;
let dataDir: string;
let baseUrl: string;
/** The demo system admin's access token (core login against the embedded simulator). */
let bearer: string;

before(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'apio-smoke-'));
  // A clean environment (startAdapterProcess passes only these, PATH and HOME): nothing from the
  // developer's shell (OCIP_URL, APIO_CONFIG, REDIS_URL) leaks in. Simulator ports 0: no race.
  adapter = await startAdapterProcess({ SIMULATOR_PORT: '0', SIMULATOR_HTTP_PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'info' });
  baseUrl = adapter.baseUrl;
  const login = await fetch(`${baseUrl}/api/v01/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'admin' }),
    signal: AbortSignal.timeout(5_000),
  });
  assert.equal(login.status, 200, await login.clone().text());
  bearer = ((await login.json()) as { access_token: string }).access_token;
});

after(async () => {
  await adapter?.stop(1_000);
  await rm(dataDir, { recursive: true, force: true });
});

test('without credentials the API answers 401', async () => {
  const response = await fetch(`${baseUrl}${igcUrl()}`, { signal: AbortSignal.timeout(5_000) });
  assert.equal(response.status, 401);
});

test('the seed POST example goes in over real HTTP and reads back', async () => {
  const authorization = `Bearer ${bearer}`;
  const created = await fetch(`${baseUrl}${igcUrl()}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: authorization },
    body: JSON.stringify(seedPostBody()),
    signal: AbortSignal.timeout(5_000),
  });
  const createdBody = (await created.json()) as { serviceUserId?: string };
  assert.equal(created.status, 200, JSON.stringify(createdBody));
  assert.equal(createdBody.serviceUserId, SEED_ID);

  const read = await fetch(`${baseUrl}${instanceUrl(SEED_ID)}`, { headers: { Authorization: authorization }, signal: AbortSignal.timeout(5_000) });
  const readBody = (await read.json()) as { serviceInstanceProfile: { name: string }; destinationPhoneNumbers: string[] };
  assert.equal(read.status, 200);
  assert.equal(readBody.serviceInstanceProfile.name, 'Test User');
  assert.deepEqual(readBody.destinationPhoneNumbers, ['+3271123456']);

  const list = await fetch(`${baseUrl}${igcUrl('/api/v01/p1')}`, { headers: { Authorization: authorization }, signal: AbortSignal.timeout(5_000) });
  assert.deepEqual(((await list.json()) as { instantGroupCalls: { serviceUserId: string }[] }).instantGroupCalls.map((i) => i.serviceUserId), [SEED_ID]);
});

test('SIGTERM stops the process with exit code 0', async () => {
  const child = adapter.child;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error(`still running ${STOP_TIMEOUT_MS} ms after SIGTERM; output:\n${adapter.output()}`)), STOP_TIMEOUT_MS).unref(),
  );
  const [code] = (await Promise.race([exited, timeout])) as [number | null];
  assert.equal(code, 0, adapter.output());
  assert.match(adapter.output(), /SIGTERM: stopping/);
});
