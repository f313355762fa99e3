// Damage is never silent: a store file that cannot be trusted stops the real process at start, with
// a message that names the file and both ways out (restore it, or move it away to start empty);
// nothing is reset. A first start on an empty DATA_DIR needs no step, and the JSON files of earlier
// releases are converted once. Every wait is bounded.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { cp, mkdtemp, readdir, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { openSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { igcUrl, minimalBody } from '../support/adapter-harness.js';
import { call, loginBearer } from '../support/adapter-http.js';
import { run, startAdapterProcess } from '../support/processes.js';
import type { AdapterProcess } from '../support/processes.js';

const STORE = 'adapter-store.sqlite';
const WORLD = 'simulator-world.sqlite';
const KEPT_ID = 'kept@sip.netaxis.be';
const dirs: string[] = [];
const started: AdapterProcess[] = [];
/** A DATA_DIR after one ordinary run: an instance created, then a clean stop. */
let pristine: string;

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'apio-damage-'));
  dirs.push(dir);
  return dir;
}

const environment = (dataDir: string) => ({ SIMULATOR_PORT: '0', SIMULATOR_HTTP_PORT: '0', DATA_DIR: dataDir, AUDIT_ENABLED: 'true' });

async function start(dataDir: string): Promise<AdapterProcess> {
  const adapter = await startAdapterProcess(environment(dataDir));
  started.push(adapter);
  return adapter;
}

/** Starts on dataDir expecting a refusal: resolves to the exit code and the output. */
async function refusedStart(dataDir: string): Promise<{ code: number | null; output: string }> {
  const child = run(process.execPath, ['--import', 'tsx', 'src/main.ts'], { PATH: process.env.PATH, HOME: process.env.HOME, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', ...environment(dataDir) });
  const exited = once(child.child, 'exit');
  const timer = setTimeout(() => child.child.kill('SIGKILL'), 20_000);
  const [code] = (await exited) as [number | null];
  clearTimeout(timer);
  return { code, output: child.output() };
}

async function copyOfPristine(): Promise<string> {
  const dir = await tempDir();
  await cp(pristine, dir, { recursive: true });
  return dir;
}

function garble(file: string, at: number): void {
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.from('this is not what SQLite wrote here'.repeat(4)), 0, 136, at);
  closeSync(fd);
}

function assertRefusal({ code, output }: { code: number | null; output: string }, file: string): void {
  assert.equal(code, 1, output);
  assert.ok(output.includes(file), `the message names ${file}:\n${output}`);
  assert.match(output, /restore this file/);
  assert.match(output, /move it away/);
  assert.doesNotMatch(output, /APIO adapter on/);
}

before(async () => {
  pristine = await tempDir();
  const adapter = await start(pristine);
  const { bearer } = await loginBearer(adapter.baseUrl);
  assert.equal((await call(adapter.baseUrl, 'POST', igcUrl(), { bearer, body: minimalBody(KEPT_ID) })).status, 200);
  await adapter.stop(10_000);
});

after(async () => {
  await Promise.all(started.map((adapter) => adapter.stop(1_000)));
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('a damaged store stops the start', () => {
  for (const name of [STORE, WORLD]) {
    test(`${name}: a garbled header`, async () => {
      const dir = await copyOfPristine();
      garble(join(dir, name), 0);
      assertRefusal(await refusedStart(dir), join(dir, name));
    });

    test(`${name}: cut to half its length`, async () => {
      const dir = await copyOfPristine();
      const file = join(dir, name);
      await truncate(file, Math.floor((await stat(file)).size / 2));
      assertRefusal(await refusedStart(dir), file);
    });

    test(`${name}: emptied`, async () => {
      const dir = await copyOfPristine();
      await truncate(join(dir, name), 0);
      assertRefusal(await refusedStart(dir), join(dir, name));
    });
  }

  test('an adapter-store.json of an earlier release that cannot be read', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'adapter-store.json'), '{"cache":[["apio:x", {"val');
    assertRefusal(await refusedStart(dir), join(dir, 'adapter-store.json'));
  });

  test('moved away as the message says, the next start begins empty', async () => {
    const dir = await copyOfPristine();
    garble(join(dir, STORE), 0);
    assertRefusal(await refusedStart(dir), join(dir, STORE));
    await rm(join(dir, STORE));
    const adapter = await start(dir);
    const { bearer } = await loginBearer(adapter.baseUrl);
    // The world file was intact: the instance is still there.
    const list = await call(adapter.baseUrl, 'GET', igcUrl(), { bearer });
    assert.ok((list.body.instantGroupCalls as Array<{ serviceUserId: string }>).some((item) => item.serviceUserId === KEPT_ID));
    await adapter.stop(10_000);
  });
});

describe('start-up without a step', () => {
  test('an empty DATA_DIR starts and writes both files', async () => {
    const dir = await tempDir();
    const adapter = await start(dir);
    await adapter.stop(10_000);
    const files = await readdir(dir);
    assert.ok(files.includes(STORE) && files.includes(WORLD), files.join(', '));
  });

  test('adapter-store.json and simulator-world.json of an earlier release are converted once', async () => {
    const dir = await tempDir();
    // The world of the pristine run, and one audit record, in keyv-file's layout.
    const db = new Database(join(pristine, WORLD), { readonly: true });
    const { snapshot } = db.prepare('SELECT snapshot FROM world').get() as { snapshot: string };
    db.close();
    const keyvFile = (namespace: string, key: string, value: unknown) => JSON.stringify({ cache: [[`${namespace}:${key}`, { value: JSON.stringify({ value }) }]], lastExpire: 0 });
    await writeFile(join(dir, 'simulator-world.json'), keyvFile('simulator', 'world', JSON.parse(snapshot)));
    const oldRecord = { id: 'converted-record', time: '2026-01-01T00:00:00.000Z', method: 'POST', path: '/api/v1/x', status: 200 };
    await writeFile(join(dir, 'adapter-store.json'), keyvFile('apio', 'audit:records', [oldRecord]));

    const adapter = await start(dir);
    const { bearer } = await loginBearer(adapter.baseUrl);
    const list = await call(adapter.baseUrl, 'GET', igcUrl(), { bearer });
    assert.ok((list.body.instantGroupCalls as Array<{ serviceUserId: string }>).some((item) => item.serviceUserId === KEPT_ID), 'the world was converted');
    const records = await call(adapter.baseUrl, 'GET', '/api/v1/audit/records/?page_size=500', { bearer });
    assert.ok((records.body.records as Array<{ id: string }>).some((record) => record.id === 'converted-record'), 'the audit list was converted');
    await adapter.stop(10_000);
    const files = await readdir(dir);
    assert.ok(files.includes('adapter-store.json.converted') && files.includes('simulator-world.json.converted'), files.join(', '));
    assert.ok(!files.includes('adapter-store.json') && !files.includes('simulator-world.json'));
  });
});

