// npm run bench — the adapter under load through real HTTP, with the embedded simulator, beside the
// same OCI-P work done by the project's OCI-P client alone, so the adapter's own cost shows.
// The adapter runs in a child process (node --import tsx src/main.ts); autocannon and the bare
// client run here. Prints one table, checks the goals, writes bench/results.json.
// BENCH_SECONDS (default 3) sets each run's length; BENCH_CPU_PROF=<dir> writes the adapter's CPU
// profile there; BENCH_LOG_LEVEL (default info) sets the adapter's log level.
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
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
import { spawnAdapter } from './spawn-adapter.js';
import type { AdapterProcess } from './spawn-adapter.js';

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
  peakRssMb: number;
}

async function scrape(adapter: AdapterProcess, headers: Record<string, string>): Promise<string> {
  const response = await fetch(`${adapter.url}/metrics`, { headers, signal: AbortSignal.timeout(10_000) });
  return response.text();
}

async function measure(adapter: AdapterProcess, headers: Record<string, string>, scenario: Scenario): Promise<Row> {
  const http = { url: adapter.url, connections: scenario.connections, requests: scenario.http, headers };
  await runHttp({ ...http, seconds: WARM_UP_SECONDS });
  const before = await scrape(adapter, headers);
  let peakRssMb = 0;
  const sampler = setInterval(() => {
    void adapter.memory().then((memory) => {
      if (memory) peakRssMb = Math.max(peakRssMb, memory.rssMb);
    });
  }, 100);
  const httpStats = await runHttp({ ...http, seconds: SECONDS });
  clearInterval(sampler);
  const after = await scrape(adapter, headers);
  const calls = (text: string) => sumSamples(text, 'apio_http_requests_total', (labels) => scenario.routes.includes(labels.route ?? ''));
  const documents = (text: string) => sumSamples(text, 'apio_ocip_document_duration_seconds_count');
  const restCalls = calls(after) - calls(before);

  await runBare(scenario.connections, WARM_UP_SECONDS / 2, scenario.bare);
  const bare = await runBare(scenario.connections, SECONDS, scenario.bare);
  const row: Row = {
    scenario: scenario.name,
    connections: scenario.connections,
    http: httpStats,
    bare,
    ocipDocumentsPerCall: restCalls > 0 ? round((documents(after) - documents(before)) / restCalls) : NaN,
    peakRssMb: round(peakRssMb, 1),
  };
  console.log(`  ${row.scenario}: ${row.http.perSecond} req/s, p50 ${row.http.p50Ms} ms, p99 ${row.http.p99Ms} ms (bare ${row.bare.perSecond}/s, p50 ${row.bare.p50Ms} ms)`);
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
        'bare req/s': row.bare.perSecond,
        'bare p50': row.bare.p50Ms,
        'bare p99': row.bare.p99Ms,
        'p50 ratio': round(row.http.p50Ms / row.bare.p50Ms),
        '+p50 ms': round(row.http.p50Ms - row.bare.p50Ms),
        'RSS MB': row.peakRssMb,
      },
    ]),
  );
}

const adapter = await spawnAdapter({
  settings: { SERVICE_USERS_RETURN_ACTIVE_STATUS: true, ocip: { poolSize: POOL_SIZE } },
  logLevel: process.env.BENCH_LOG_LEVEL ?? 'info',
  ...(process.env.BENCH_CPU_PROF && { cpuProfileDir: process.env.BENCH_CPU_PROF }),
});
let client: OcipClient | undefined;
try {
  const headers = await benchHeaders(adapter.url);
  client = createOcipClient({ url: `tcp://127.0.0.1:${adapter.ocipPort}`, userId: 'admin', password: 'admin', poolSize: POOL_SIZE });
  console.log(`Adapter ${adapter.url} (pid ${adapter.child.pid}), simulator OCI-P port ${adapter.ocipPort}, ${SECONDS} s per run` +
    (headers.authorization ? ', authenticated as admin' : ''));
  await createGetInstance(client);

  const rows: Row[] = [];
  rows.push(await measure(adapter, headers, getInstance(client, 1)));
  rows.push(await measure(adapter, headers, getInstance(client, 32)));
  rows.push(await measure(adapter, headers, postDeletePairs(client, 8)));
  await growGroup(client, 0, 100);
  rows.push(await measure(adapter, headers, getList(client, 100, 8)));
  await growGroup(client, 100, 1_000);
  rows.push(await measure(adapter, headers, getList(client, 1_000, 1)));
  rows.push(await measure(adapter, headers, getList(client, 1_000, 8)));
  rows.push(await measure(adapter, headers, getInstance(client, 32, 'GET instance, group of 1,000,')));
  rows.push(await measure(adapter, headers, putActive(client, 500, 4)));
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
    [`1,000-instance list <= ${GOALS.list1000Ms} ms (p50 x1)`]: { measured: list1000.http.p50Ms, met: list1000.http.p50Ms <= GOALS.list1000Ms },
    [`adapter peak RSS <= ${GOALS.rssMb} MB`]: { measured: peakRssMb, met: peakRssMb <= GOALS.rssMb },
  };

  console.log(`\nAPIO adapter through HTTP (autocannon) vs the same OCI-P documents with the client alone; ${availableParallelism()} cores, Node ${process.version}`);
  console.table(tableOf(rows));
  console.table(goals);
  const results = {
    date: new Date().toISOString(),
    node: process.version,
    cores: availableParallelism(),
    secondsPerRun: SECONDS,
    poolSize: POOL_SIZE,
    peakRssMb,
    rows,
    goals,
  };
  writeFileSync(new URL('./results.json', import.meta.url), JSON.stringify(results, null, 2) + '\n');
  console.log('Written to bench/results.json');
  if (Object.values(goals).some((goal) => !goal.met)) process.exitCode = 1;
} finally {
  await client?.close();
  await adapter.stop();
}
