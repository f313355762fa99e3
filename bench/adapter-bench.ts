// npm run bench — the adapter under load through real HTTP, beside the same OCI-P work done by the
// project's OCI-P client alone, so the adapter's own cost shows. Three processes on loopback: the
// simulator (BroadWorks, with the seed world), the adapter (compiled, as `npm start` runs it,
// OCIP_URL pointing at the simulator), and this one, which runs autocannon and the bare client.
// Prints one table, checks the goals, writes bench/results.json.
// BENCH_SECONDS (default 3) sets each run's length; BENCH_RUNTIME=tsx runs the adapter from source;
// BENCH_NODE_OPTIONS the adapter's Node options (default none); BENCH_CPU_PROF=<dir>
// writes the adapter's CPU profile there; BENCH_LOG_LEVEL (default info).
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { setTimeout } from 'node:timers/promises';
import { createOcipClient } from '../src/ocip/index.js';
import type { OcipClient } from '../src/ocip/index.js';
import { benchHeaders } from './bench-auth.js';
import { runBare } from './bare-ocip.js';
import { runHttp } from './http-load.js';
import type { HttpStats } from './http-load.js';
import type { LoadStats } from './load-stats.js';
import { round } from './load-stats.js';
import { sumSamples } from './prometheus-text.js';
import { createGetInstance, getInstance, getList, growGroup, postDeletePairs, putActive } from './adapter-scenarios.js';
import type { Scenario } from './adapter-scenarios.js';
import { buildAdapter, processCpuMs, spawnAdapter } from './spawn-adapter.js';
import type { AdapterProcess } from './spawn-adapter.js';
import { spawnSimulator } from './spawn-simulator.js';
import { measureStoreWrites } from './store-write-latency.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const WARM_UP_SECONDS = 1;
const POOL_SIZE = 8;
const GOALS = { getInstanceRps: 2_500, getInstanceP99Ms: 25, addedP50Ms: 1, list1000Ms: 50, rssMb: 200 };

interface Row {
  scenario: string;
  connections: number;
  http: HttpStats;
  bare: LoadStats;
  /** OCI-P documents per REST call, from the adapter's /metrics. */
  ocipDocumentsPerCall: number;
  /** CPU time per REST call: the adapter process, the simulator process; the bare client per call. */
  adapterCpuUs: number;
  simulatorCpuUs: number;
  bareCpuUs: number;
  peakRssMb: number;
}

async function scrape(adapter: AdapterProcess, headers: Record<string, string>): Promise<string> {
  const response = await fetch(`${adapter.url}/metrics`, { headers, signal: AbortSignal.timeout(10_000) });
  return response.text();
}

/**
 * The metrics once the adapter has finished what a run left behind (requests autocannon cut at the
 * end still complete their OCI-P work): no session in use, nobody waiting for one. Bounded.
 */
async function settled(adapter: AdapterProcess, headers: Record<string, string>): Promise<string> {
  const deadline = performance.now() + 5_000;
  for (;;) {
    const text = await scrape(adapter, headers);
    const busy = sumSamples(text, 'apio_ocip_pool_sessions', (labels) => labels.state === 'in_use' || labels.state === 'waiting');
    if (busy === 0 || performance.now() > deadline) return text;
    await setTimeout(50);
  }
}

async function measure(adapter: AdapterProcess, simulatorPid: number, headers: Record<string, string>, scenario: Scenario): Promise<Row> {
  const http = { url: adapter.url, connections: scenario.connections, requests: scenario.http, headers };
  await runHttp({ ...http, seconds: WARM_UP_SECONDS });
  const before = await settled(adapter, headers);
  let peakRssMb = 0;
  const sampler = setInterval(() => {
    void adapter.memory().then((memory) => {
      if (memory) peakRssMb = Math.max(peakRssMb, memory.rssMb);
    });
  }, 100);
  const [adapterCpu0, simulatorCpu0] = [await adapter.cpuMs(), await processCpuMs(simulatorPid)];
  const httpStats = await runHttp({ ...http, seconds: SECONDS });
  const [adapterCpu1, simulatorCpu1] = [await adapter.cpuMs(), await processCpuMs(simulatorPid)];
  clearInterval(sampler);
  const after = await settled(adapter, headers);
  const calls = (text: string) => sumSamples(text, 'apio_http_requests_total', (labels) => scenario.routes.includes(labels.route ?? ''));
  const documents = (text: string) => sumSamples(text, 'apio_ocip_document_duration_seconds_count');
  const restCalls = calls(after) - calls(before);

  await runBare(scenario.connections, WARM_UP_SECONDS / 2, scenario.bare);
  const bareCpu0 = process.cpuUsage();
  const bare = await runBare(scenario.connections, SECONDS, scenario.bare);
  const bareCpu = process.cpuUsage(bareCpu0);
  const perCall = (ms: number | undefined, calls: number) => (ms === undefined || calls === 0 ? NaN : Math.round((ms * 1000) / calls));
  const row: Row = {
    scenario: scenario.name,
    connections: scenario.connections,
    http: httpStats,
    bare,
    ocipDocumentsPerCall: restCalls > 0 ? round((documents(after) - documents(before)) / restCalls) : NaN,
    adapterCpuUs: perCall(adapterCpu1 !== undefined && adapterCpu0 !== undefined ? adapterCpu1 - adapterCpu0 : undefined, httpStats.requests),
    simulatorCpuUs: perCall(simulatorCpu1 !== undefined && simulatorCpu0 !== undefined ? simulatorCpu1 - simulatorCpu0 : undefined, httpStats.requests),
    bareCpuUs: perCall((bareCpu.user + bareCpu.system) / 1000, bare.requests),
    peakRssMb: round(peakRssMb, 1),
  };
  console.log(
    `  ${row.scenario}: ${row.http.perSecond} req/s, p50 ${row.http.p50Ms} ms, p99 ${row.http.p99Ms} ms, ${row.adapterCpuUs} µs CPU/call ` +
      `(bare ${row.bare.perSecond}/s, p50 ${row.bare.p50Ms} ms, ${row.bareCpuUs} µs CPU/call)`,
  );
  return row;
}

function tableOf(rows: Row[]): Record<string, Record<string, number | string>> {
  return Object.fromEntries(
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
        'bare p50': row.bare.p50Ms,
        'bare p99': row.bare.p99Ms,
        'bare CPU µs': row.bareCpuUs,
        'p50 ratio': round(row.http.p50Ms / row.bare.p50Ms),
        '+p50 ms': round(row.http.p50Ms - row.bare.p50Ms),
        'RSS MB': row.peakRssMb,
      },
    ]),
  );
}

const runtime = process.env.BENCH_RUNTIME === 'tsx' ? 'tsx' : 'dist';
// As `npm start` runs it: no Node options unless BENCH_NODE_OPTIONS gives some (README "Memory": a
// heap cap such as --max-old-space-size=256 trades ~70 MB of peak RSS for CPU per call).
const nodeOptions = process.env.BENCH_NODE_OPTIONS ?? '';
if (runtime === 'dist' && !buildAdapter()) throw new Error('the build wrote no dist/main.js');
const simulator = await spawnSimulator();
const simulatorPid = simulator.child.pid!;
let adapter: AdapterProcess | undefined;
let client: OcipClient | undefined;
try {
  adapter = await spawnAdapter({
    runtime,
    settings: { SERVICE_USERS_RETURN_ACTIVE_STATUS: true, ocip: { poolSize: POOL_SIZE } },
    env: { OCIP_URL: `tcp://127.0.0.1:${simulator.port}`, OCIP_USERNAME: 'admin', OCIP_PASSWORD: 'admin', ...(nodeOptions && { NODE_OPTIONS: nodeOptions }) },
    logLevel: process.env.BENCH_LOG_LEVEL ?? 'info',
    ...(process.env.BENCH_CPU_PROF && { cpuProfileDir: process.env.BENCH_CPU_PROF }),
  });
  const headers = await benchHeaders(adapter.url);
  client = createOcipClient({ url: `tcp://127.0.0.1:${simulator.port}`, userId: 'admin', password: 'admin', poolSize: POOL_SIZE });
  console.log(`Adapter ${adapter.url} (${runtime}${nodeOptions ? ` ${nodeOptions}` : ''}, pid ${adapter.child.pid}), simulator tcp://127.0.0.1:${simulator.port} (pid ${simulatorPid}), ` +
    `${SECONDS} s per run` + (headers.authorization ? ', logged in as admin (bearer token)' : ''));
  await createGetInstance(client);

  const rows: Row[] = [];
  rows.push(await measure(adapter, simulatorPid, headers, getInstance(client, 1)));
  rows.push(await measure(adapter, simulatorPid, headers, getInstance(client, 32)));
  rows.push(await measure(adapter, simulatorPid, headers, postDeletePairs(client, 8)));
  await growGroup(client, 0, 100);
  rows.push(await measure(adapter, simulatorPid, headers, getList(client, 100, 8)));
  await growGroup(client, 100, 1_000);
  rows.push(await measure(adapter, simulatorPid, headers, getList(client, 1_000, 1)));
  rows.push(await measure(adapter, simulatorPid, headers, getList(client, 1_000, 8)));
  rows.push(await measure(adapter, simulatorPid, headers, getInstance(client, 32, 'GET instance, group of 1,000,')));
  rows.push(await measure(adapter, simulatorPid, headers, putActive(client, 500, 4)));
  const memory = await adapter.memory();

  const [latency, load] = [rows[0]!, rows[1]!];
  const list1000 = rows[4]!;
  const peakRssMb = round(memory?.peakMb ?? Math.max(...rows.map((row) => row.peakRssMb)), 1);
  const goals = {
    [`GET instance x32 >= ${GOALS.getInstanceRps} req/s`]: { measured: load.http.perSecond, met: load.http.perSecond >= GOALS.getInstanceRps },
    [`GET instance x32 p99 <= ${GOALS.getInstanceP99Ms} ms`]: { measured: load.http.p99Ms, met: load.http.p99Ms <= GOALS.getInstanceP99Ms },
    'GET instance x32 no errors': { measured: load.http.errors, met: load.http.errors === 0 },
    [`adapter adds <= ${GOALS.addedP50Ms} ms at p50 (x1)`]: {
      measured: round(latency.http.p50Ms - latency.bare.p50Ms),
      met: latency.http.p50Ms - latency.bare.p50Ms <= GOALS.addedP50Ms,
    },
    [`1,000-instance list <= ${GOALS.list1000Ms} ms (p99 x1)`]: { measured: list1000.http.p99Ms, met: list1000.http.p99Ms <= GOALS.list1000Ms },
    [`adapter RSS <= ${GOALS.rssMb} MB under GET instance x32`]: { measured: load.peakRssMb, met: load.peakRssMb <= GOALS.rssMb },
  };

  console.log(`\nAPIO adapter through HTTP (autocannon) vs the same OCI-P documents with the client alone; ${availableParallelism()} cores, Node ${process.version}`);
  console.table(tableOf(rows));
  console.table(goals);
  console.log(`Adapter peak RSS over every scenario (VmHWM): ${peakRssMb} MB; the 1,000-row lists and the 500-service PUT weigh most.`);
  const storeWrites = await measureStoreWrites();
  console.log(
    `Store write latency (SQLite, WAL, synchronous=NORMAL; ${storeWrites.writes} writes each, one at a time): ` +
      `entry p50 ${storeWrites.setP50Us} µs, p99 ${storeWrites.setP99Us} µs; audit record p50 ${storeWrites.auditP50Us} µs, p99 ${storeWrites.auditP99Us} µs`,
  );
  const results = {
    date: new Date().toISOString(),
    node: process.version,
    cores: availableParallelism(),
    secondsPerRun: SECONDS,
    poolSize: POOL_SIZE,
    runtime,
    nodeOptions,
    peakRssMb,
    storeWrites,
    rows,
    goals,
  };
  writeFileSync(new URL('./results.json', import.meta.url), JSON.stringify(results, null, 2) + '\n');
  console.log('Written to bench/results.json');
  if (Object.values(goals).some((goal) => !goal.met)) process.exitCode = 1;
} finally {
  await client?.close();
  await adapter?.stop();
  await simulator.stop();
}
