// Expiry is a column and a sweep: reading an expired entry is a plain miss, never a write, never a
// recursion. 10,000 reads of expired entries straight on the SQLite store, then 2,000 requests with an
// ended session through the real process: each a plain miss, no error line. Bounded in count and time.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createStore } from '../../src/store/index.js';
import { igcUrl } from '../support/adapter-harness.js';
import { call } from '../support/adapter-http.js';
import { startAdapterProcess } from '../support/processes.js';
import type { AdapterProcess } from '../support/processes.js';

const READS = 10_000;
/** Through HTTP the same path is taken by every request; 2,000 keep the file's run time short. */
const PROCESS_READS = 2_000;
const CONCURRENCY = 20;
const dirs: string[] = [];
let adapter: AdapterProcess | undefined;
after(async () => {
  await adapter?.stop(1_000);
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'apio-expiry-'));
  dirs.push(dir);
  return dir;
}

test('the SQLite store: 10,000 reads, deletes and reservations of expired entries; the sweep removes them', async () => {
  const store = createStore({ kind: 'file', dataDir: await tempDir() });
  const errors: unknown[] = [];
  const originalError = console.error;
  console.error = (...args: unknown[]) => errors.push(args);
  try {
    for (let i = 0; i < READS; i++) await store.set(`session:${i}`, { i }, 1);
    await store.reserve('id', 'first', 1);
    await sleep(10);
    for (let i = 0; i < READS; i++) assert.equal(await store.get(`session:${i}`), undefined);
    assert.equal(await store.delete('session:0'), false, 'an expired entry was not there to delete');
    assert.equal(await store.reserve('id', 'second', 60_000), true, 'an expired reservation is free again');
    assert.equal(await store.peek('id'), 'second');
    assert.equal((store as unknown as { sweep(): number }).sweep(), READS - 1);
  } finally {
    console.error = originalError;
    await store.disconnect();
  }
  assert.deepEqual(errors, []);
});

test('the real process: 2,000 requests with an ended session are refused, with no error line', async () => {
  adapter = await startAdapterProcess({ SIMULATOR_PORT: '0', SIMULATOR_HTTP_PORT: '0', DATA_DIR: await tempDir(), AUTH_SESSION_TTL_SECONDS: '1', LOG_LEVEL: 'warn' });
  const base = adapter.baseUrl;
  const login = await fetch(`${base}/api/v1/login/`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'admin' }),
    signal: AbortSignal.timeout(5_000),
  });
  assert.equal(login.status, 200);
  const cookie = login.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
  assert.equal((await call(base, 'GET', igcUrl(), { cookie })).status, 200);
  await sleep(1_200);

  const deadline = performance.now() + 120_000;
  let sent = 0;
  const statuses = new Map<number, number>();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (sent < PROCESS_READS && performance.now() < deadline) {
        sent++;
        const { status } = await call(base, 'GET', igcUrl(), { cookie });
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }),
  );
  assert.deepEqual([...statuses], [[401, PROCESS_READS]], 'every request with the ended session is refused');
  const errorLines = adapter.output().split('\n').filter((line) => /"level":(50|60)|Maximum call stack|RangeError/.test(line));
  assert.deepEqual(errorLines, []);
});
