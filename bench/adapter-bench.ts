// npm run bench — the adapter under load through real HTTP, beside the same OCI-P work done by the
// project's OCI-P client alone, so the adapter's own cost shows, and beside an Express hello world
// answering a body of the same size, alternated with the adapter, so the ratio holds on a machine
// other work is loading (rely on the ratios there, not on the absolute figures). Processes on
// loopback: the simulator (BroadWorks, with the seed world), the adapter (compiled, as `npm start`
// runs it, OCIP_URL pointing at the simulator), the hello world, and this one (autocannon, the bare
// client). Prints the figures beside their goals (docs/performance.md), writes bench/results.json.
// BENCH_SECONDS (default 3) sets each run's length, BENCH_ROUNDS (2) the alternated rounds;
// BENCH_ONLY=<text> runs only the scenarios whose name contains it (profiling one);
// BENCH_RUNTIME=tsx runs the adapter from source; BENCH_NODE_OPTIONS the adapter's Node options
// (default none); BENCH_CPU_PROF=<dir> writes the adapter's CPU profile there; BENCH_LOG_LEVEL (info).
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { createOcipClient } from '../src/ocip/index.js';
import type { OcipClient } from '../src/ocip/index.js';
import { benchHeaders } from './bench-auth.js';
import { round } from './load-stats.js';
import { comparePaths, measure, SECONDS } from './adapter-measure.js';
import type { PathComparison, Row, Target } from './adapter-measure.js';
import { createGetInstance, createSmallGroup, getInstance, getList, growGroup, postDeletePairs, putActive, SMALL_GROUP } from './adapter-scenarios.js';
import type { Scenario } from './adapter-scenarios.js';
import { buildAdapter, spawnAdapter } from './spawn-adapter.js';
import type { AdapterProcess } from './spawn-adapter.js';
import { spawnSimulator } from './spawn-simulator.js';
import { spawnUntil } from './spawn-process.js';
import type { HelperProcess } from './spawn-process.js';
import { measureStart } from './start-time.js';
import type { StartFigure } from './start-time.js';
import { measureStoreWrites } from './store-write-latency.js';

const POOL_SIZE = 8;
const GOALS = { helloRatio: 0.6, p99Ms: 25, groupRatio: 0.8, listCpu: 2, writeCpu: 3, rssMb: 150, peakRssMb: 250, startMs: 2_000 };
const only = process.env.BENCH_ONLY;
const wanted = (name: string) => !only || name.includes(only);

const runtime = process.env.BENCH_RUNTIME === 'tsx' ? 'tsx' : 'dist';
// As `npm start` runs it: no Node options unless BENCH_NODE_OPTIONS gives some.
const nodeOptions = process.env.BENCH_NODE_OPTIONS ?? '';
const start: StartFigure | undefined = wanted('npm start') ? await measureStart() : undefined;
if (start) console.log(`  npm start on a built tree: /healthz answers after ${start.ms} ms (${start.build})`);
if (runtime === 'dist' && !buildAdapter()) throw new Error('the build wrote no dist/main.js');
const simulator = await spawnSimulator();
const simulatorPid = simulator.child.pid!;
const adapters: AdapterProcess[] = [];
let client: OcipClient | undefined;
let hello: HelperProcess | undefined;
// Interrupted (Ctrl-C, a timeout): the child processes stop with it.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void stopAll().finally(() => process.exit(130));
  });
}

async function startAdapter(returnActiveStatus: boolean, profile: boolean): Promise<Target> {
  const adapter = await spawnAdapter({
    runtime,
    settings: { SERVICE_USERS_RETURN_ACTIVE_STATUS: returnActiveStatus, ocip: { poolSize: POOL_SIZE } },
    env: { OCIP_URL: `tcp://127.0.0.1:${simulator.port}`, OCIP_USERNAME: 'admin', OCIP_PASSWORD: 'admin', ...(nodeOptions && { NODE_OPTIONS: nodeOptions }) },
    logLevel: process.env.BENCH_LOG_LEVEL ?? 'info',
    ...(profile && process.env.BENCH_CPU_PROF && { cpuProfileDir: process.env.BENCH_CPU_PROF }),
  });
  adapters.push(adapter);
  return { adapter, simulatorPid, headers: await benchHeaders(adapter.url) };
}

/** GET instance in the group of 10 against the same in the group of 1,000, on one adapter. */
function groupComparison(target: Target, flag: string): Promise<PathComparison> {
  const [small, large] = [getInstance(client!, 32, '', SMALL_GROUP), getInstance(client!, 32)];
  return comparePaths(target, `GET instance x32, group of 10 vs 1,000, active status ${flag}`, 32, small.http, large.http);
}

try {
  const main = await startAdapter(true, true);
  client = createOcipClient({ url: `tcp://127.0.0.1:${simulator.port}`, userId: 'admin', password: 'admin', poolSize: POOL_SIZE });
  console.log(`Adapter ${main.adapter.url} (${runtime}${nodeOptions ? ` ${nodeOptions}` : ''}, pid ${main.adapter.child.pid}), ` +
    `simulator tcp://127.0.0.1:${simulator.port} (pid ${simulatorPid}), ${SECONDS} s per run` + (main.headers.authorization ? ', logged in as admin (bearer token)' : ''));
  await createGetInstance(client);
  await createSmallGroup(client);
  // The yardstick answers exactly the body the adapter answers for GET instance.
  const sample = getInstance(client, 1).http[0]!;
  const body = await (await fetch(`${main.adapter.url}${sample.path}`, { headers: main.headers })).text();
  hello = await spawnUntil(process.execPath, ['bench/hello-world.mjs'], /HELLO (http:\/\/\S+)/, { env: { PATH: process.env.PATH, HELLO_BODY: body } });
  const helloUrl = hello.match[1]!;

  const rows: Row[] = [];
  const run = async (scenario: Scenario, yardstick?: string) => {
    if (wanted(scenario.name)) rows.push(await measure(main, scenario, yardstick));
  };
  await run(getInstance(client, 1));
  await run(getInstance(client, 32), helloUrl);
  await run(postDeletePairs(client, 8));
  await growGroup(client, 0, 100);
  await run(getList(client, 100, 8));
  await growGroup(client, 100, 1_000);
  await run(getList(client, 1_000, 1));
  await run(getList(client, 1_000, 8));
  await run(putActive(client, 500, 4));
  const comparisons: PathComparison[] = [];
  if (wanted('group of 10 vs 1,000, active status on')) comparisons.push(await groupComparison(main, 'on'));
  const memory = await main.adapter.memory();
  if (wanted('group of 10 vs 1,000, active status off')) comparisons.push(await groupComparison(await startAdapter(false, false), 'off'));

  const find = (prefix: string) => rows.find((row) => row.scenario.startsWith(prefix));
  const goals: Record<string, { goal: string; measured: number; met: boolean }> = {};
  const goal = (name: string, text: string, measured: number | undefined, met: (value: number) => boolean) => {
    if (measured !== undefined && Number.isFinite(measured)) goals[name] = { goal: text, measured, met: met(measured) };
  };
  const load = find('GET instance x32');
  goal('GET instance x32 / hello world (req/s)', `>= ${GOALS.helloRatio}`, load?.yardstick && round(load.http.perSecond / load.yardstick.perSecond), (v) => v >= GOALS.helloRatio);
  goal('GET instance x32 p99 ms', `<= ${GOALS.p99Ms}`, load?.http.p99Ms, (v) => v <= GOALS.p99Ms);
  goal('GET instance x32 errors', '0', load?.http.errors, (v) => v === 0);
  for (const comparison of comparisons) {
    goal(`${comparison.name.replace('GET instance x32, ', '')}: 1,000 / 10`, `>= ${GOALS.groupRatio}`, comparison.ratio, (v) => v >= GOALS.groupRatio);
  }
  const cpuRatio = (row: Row | undefined) => row && round(row.adapterCpuUs / row.bareCpuUs);
  goal('GET list (1,000) x1 CPU / bare', `<= ${GOALS.listCpu}`, cpuRatio(find('GET list (1,000) x1')), (v) => v <= GOALS.listCpu);
  goal('POST+DELETE x8 CPU / bare', `<= ${GOALS.writeCpu}`, cpuRatio(find('POST+DELETE')), (v) => v <= GOALS.writeCpu);
  goal('PUT active (500) CPU / bare', `<= ${GOALS.writeCpu}`, cpuRatio(find('PUT active')), (v) => v <= GOALS.writeCpu);
  goal('RSS MB under GET instance x32', `<= ${GOALS.rssMb}`, load?.peakRssMb, (v) => v <= GOALS.rssMb);
  goal('peak RSS MB over every scenario (VmHWM)', `<= ${GOALS.peakRssMb}`, only ? undefined : memory && round(memory.peakMb, 1), (v) => v <= GOALS.peakRssMb);
  goal('npm start, built tree: ms to /healthz', `<= ${GOALS.startMs}`, start?.ms, (v) => v <= GOALS.startMs);

  console.log(`\nAPIO adapter through HTTP (autocannon) vs the same OCI-P documents with the client alone; ${availableParallelism()} cores, Node ${process.version}`);
  console.table(
    Object.fromEntries(
      rows.map((row) => [
        row.scenario,
        {
          'req/s': row.http.perSecond,
          'p50 ms': row.http.p50Ms,
          'p99 ms': row.http.p99Ms,
          errors: row.http.errors,
          'OCI-P docs/call': row.ocipDocumentsPerCall,
          'CPU µs/call': row.adapterCpuUs,
          'bare req/s': row.bare.perSecond,
          'bare CPU µs': row.bareCpuUs,
          'CPU / bare': round(row.adapterCpuUs / row.bareCpuUs),
          'hello req/s': row.yardstick?.perSecond ?? '',
          'RSS MB': row.peakRssMb,
        },
      ]),
    ),
  );
  if (comparisons.length > 0) {
    console.table(Object.fromEntries(comparisons.map((c) => [c.name, { 'req/s 10': c.a.perSecond, 'req/s 1,000': c.b.perSecond, ratio: c.ratio, 'p99 10': c.a.p99Ms, 'p99 1,000': c.b.p99Ms, 'CPU µs 10': c.a.cpuUs, 'CPU µs 1,000': c.b.cpuUs }])));
  }
  console.table(goals);
  const storeWrites = await measureStoreWrites();
  console.log(
    `Store write latency (SQLite, WAL, synchronous=NORMAL; ${storeWrites.writes} writes each, one at a time): ` +
      `entry p50 ${storeWrites.setP50Us} µs, p99 ${storeWrites.setP99Us} µs; audit record p50 ${storeWrites.auditP50Us} µs, p99 ${storeWrites.auditP99Us} µs`,
  );
  const results = { date: new Date().toISOString(), node: process.version, cores: availableParallelism(), secondsPerRun: SECONDS, poolSize: POOL_SIZE, runtime, nodeOptions, start, storeWrites, rows, comparisons, goals };
  writeFileSync(new URL('./results.json', import.meta.url), JSON.stringify(results, null, 2) + '\n');
  console.log('Written to bench/results.json');
  if (Object.values(goals).some((entry) => !entry.met)) process.exitCode = 1;
} finally {
  await stopAll();
}

async function stopAll(): Promise<void> {
  await client?.close();
  await hello?.stop();
  for (const adapter of adapters) await adapter.stop();
  await simulator.stop();
}
