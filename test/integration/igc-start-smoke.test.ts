// The real start: `node --import tsx src/main.ts` with the embedded simulator, on ports of its own
// and a temporary data directory. The APIO page's POST example goes in over real HTTP and is read
// back; SIGTERM then stops the process cleanly. Every wait is bounded.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../src/config/index.js';
import { instanceUrl, igcUrl, SEED_ID, seedPostBody } from '../support/adapter-harness.js';

const START_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 10_000;

let child: ChildProcess | undefined;
let dataDir: string;
let output = '';
let baseUrl: string;
/** The demo system admin's access token (core login against the embedded simulator). */
let bearer: string;

/** A port nobody listens on right now: listen on 0, read it, close. */
async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

/** Resolves when `pattern` appears in the output; rejects when the process exits first or time runs out. */
function waitForOutput(process: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error(`no ${pattern} within ${timeoutMs} ms; output so far:\n${output}`)), timeoutMs);
    const check = (): void => {
      if (pattern.test(output)) finish();
    };
    const exited = (code: number | null): void => finish(new Error(`exited (${code}) before ${pattern}; output:\n${output}`));
    function finish(error?: Error): void {
      clearTimeout(timer);
      process.stdout?.off('data', check);
      process.off('exit', exited);
      if (error) reject(error);
      else resolve();
    }
    process.stdout?.on('data', check);
    process.once('exit', exited);
    check();
  });
}

before(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'apio-smoke-'));
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  // A clean environment: nothing from the developer's shell (OCIP_URL, APIO_CONFIG, REDIS_URL) leaks in.
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ...(process.env.TMPDIR && { TMPDIR: process.env.TMPDIR }),
    HOST: '127.0.0.1',
    PORT: String(port),
    // 0: the simulator's OCI-P and SOAP listeners take free ports themselves, no race.
    SIMULATOR_PORT: '0',
    SIMULATOR_HTTP_PORT: '0',
    DATA_DIR: dataDir,
  };
  child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  await waitForOutput(child, /APIO adapter on http:\/\/127\.0\.0\.1:\d+\/api\/v1\//, START_TIMEOUT_MS);
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
  if (child && child.exitCode === null && child.signalCode === null) {
    child.kill('SIGKILL');
    await once(child, 'exit');
  }
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
  const exited = once(child!, 'exit');
  child!.kill('SIGTERM');
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error(`still running ${STOP_TIMEOUT_MS} ms after SIGTERM; output:\n${output}`)), STOP_TIMEOUT_MS).unref(),
  );
  const [code] = (await Promise.race([exited, timeout])) as [number | null];
  assert.equal(code, 0, output);
  assert.match(output, /SIGTERM: stopping/);
});
