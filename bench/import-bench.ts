// `npm run bench:import`: the bulk CLI's goal, measured (a benchmark, not a test). The adapter with
// its embedded simulator starts in this process on loopback and free ports; `apio-igc import` runs
// as a user runs it (a child process, from the source as the CLI tests run it) with 1,000 rows at concurrency 8. Prints the
// time and rate; exits 1 when the import failed or took longer than the 30 s goal.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config/index.js';
import { startServer } from '../src/server.js';
import { CLI_COMMAND } from '../test/support/cli-runner.js';

const ROWS = 1_000;
const CONCURRENCY = 8;
const GOAL_S = 30;
const TIMEOUT_MS = 5 * 60_000;

const dir = await mkdtemp(join(tmpdir(), 'apio-import-bench-'));
const config = loadConfig({
  env: {},
  overrides: {
    server: { host: '127.0.0.1', port: 0 },
    simulator: { port: 0, httpPort: 0 },
    dataDir: join(dir, 'data'),
    logLevel: 'silent',
  },
});
const adapter = await startServer(config);
let status = 1;
try {
  const header = 'serviceUserId,name,cliFirstName,cliLastName,answerTimeoutEnabled,answerTimeoutMinutes,destinationPhoneNumbers,active';
  const rows = Array.from({ length: ROWS }, (_unused, index) => {
    const n = String(index).padStart(4, '0');
    return `bench-${n}@sip.netaxis.be,Bench ${n},Bench,${n},true,${(index % 60) + 1},+3271123456|+3271123457,${index % 5 !== 0}`;
  });
  const file = join(dir, 'rows.csv');
  await writeFile(file, [header, ...rows].join('\n'));

  const started = performance.now();
  const result = await runCli(['import', file, '--tenant', 'ApioSpTest', '--group', 'ApioGrpTest', '--concurrency', String(CONCURRENCY)], {
    PATH: process.env.PATH ?? '',
    APIO_URL: adapter.url,
    APIO_USERNAME: 'admin',
    APIO_PASSWORD: 'admin',
  });
  const seconds = (performance.now() - started) / 1000;
  const created = [...(adapter.simulator?.world.instantGroupCalls.values() ?? [])].filter((igc) => igc.serviceUserId.startsWith('bench-')).length;
  console.log(result.summary);
  console.log(
    `import of ${ROWS} instances at concurrency ${CONCURRENCY}: ${seconds.toFixed(1)} s (${(ROWS / seconds).toFixed(0)} rows/s), ` +
      `${created} created in the simulator; goal ≤ ${GOAL_S} s: ${seconds <= GOAL_S && created === ROWS && result.status === 0 ? 'met' : 'NOT met'}`,
  );
  status = seconds <= GOAL_S && created === ROWS && result.status === 0 ? 0 : 1;
} finally {
  await adapter.stop();
  await rm(dir, { recursive: true, force: true });
}
process.exit(status);

/** Runs the CLI; the last lines of its output are its summary (per-row lines are not kept). */
function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<{ status: number | null; summary: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...CLI_COMMAND, ...args], { env, stdio: ['ignore', 'pipe', 'inherit'] });
    let tail = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      tail = (tail + chunk).slice(-4_000);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ status: code, summary: tail.slice(tail.indexOf('\nImport of') + 1).trimEnd() });
    });
  });
}
