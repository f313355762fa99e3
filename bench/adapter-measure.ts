// One scenario measured: the adapter under HTTP load (autocannon), its CPU time and RSS from /proc,
// OCI-P documents per call from its /metrics, and beside it the same OCI-P work done by the bare
// client. A yardstick (the Express hello world) or a second path can run in the same measurement,
// alternated round by round with the adapter, so the ratio holds while other work loads the machine.
import { setTimeout } from 'node:timers/promises';
import type autocannon from 'autocannon';
import { runBare } from './bare-ocip.js';
import { runHttp } from './http-load.js';
import type { HttpStats } from './http-load.js';
import type { LoadStats } from './load-stats.js';
import { round } from './load-stats.js';
import { sumSamples } from './prometheus-text.js';
import type { Scenario } from './adapter-scenarios.js';
import { processCpuMs } from './spawn-adapter.js';
import type { AdapterProcess } from './spawn-adapter.js';

export const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
/** Alternated rounds for a ratio: yardstick, adapter, yardstick, adapter. */
export const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const WARM_UP_SECONDS = 1;

export interface Row {
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
  /** The yardstick's figures when one ran alternated with the adapter. */
  yardstick?: HttpStats;
}

export interface Target {
  adapter: AdapterProcess;
  simulatorPid: number;
  headers: Record<string, string>;
}

async function scrape(target: Target): Promise<string> {
  const response = await fetch(`${target.adapter.url}/metrics`, { headers: target.headers, signal: AbortSignal.timeout(10_000) });
  return response.text();
}

/**
 * The metrics once the adapter has finished what a run left behind (requests autocannon cut at the
 * end still complete their OCI-P work): no session in use, nobody waiting for one. Bounded.
 */
async function settled(target: Target): Promise<string> {
  const deadline = performance.now() + 5_000;
  for (;;) {
    const text = await scrape(target);
    const busy = sumSamples(text, 'apio_ocip_pool_sessions', (labels) => labels.state === 'in_use' || labels.state === 'waiting');
    if (busy === 0 || performance.now() > deadline) return text;
    await setTimeout(50);
  }
}

/** Several runs of the same load as one: requests and seconds add up, p50 averaged, p99 the worst. */
function combine(runs: HttpStats[]): HttpStats {
  const requests = runs.reduce((sum, run) => sum + run.requests, 0);
  const seconds = runs.reduce((sum, run) => sum + (run.perSecond > 0 ? run.requests / run.perSecond : 0), 0);
  return {
    requests,
    perSecond: seconds > 0 ? Math.round(requests / seconds) : 0,
    p50Ms: round(runs.reduce((sum, run) => sum + run.p50Ms, 0) / runs.length),
    p99Ms: Math.max(...runs.map((run) => run.p99Ms)),
    errors: runs.reduce((sum, run) => sum + run.errors, 0),
    non2xx: runs.reduce((sum, run) => sum + run.non2xx, 0),
    connectionErrors: runs.reduce((sum, run) => sum + run.connectionErrors, 0),
  };
}

/** The adapter's CPU per call (µs) and its RSS peak over one run. */
async function adapterRun(target: Target, run: () => Promise<HttpStats>): Promise<{ http: HttpStats; cpuMs: number; simulatorCpuMs: number; peakRssMb: number }> {
  let peakRssMb = 0;
  const sampler = setInterval(() => {
    void target.adapter.memory().then((memory) => {
      if (memory) peakRssMb = Math.max(peakRssMb, memory.rssMb);
    });
  }, 100);
  const [cpu0, simulator0] = [await target.adapter.cpuMs(), await processCpuMs(target.simulatorPid)];
  const http = await run();
  const [cpu1, simulator1] = [await target.adapter.cpuMs(), await processCpuMs(target.simulatorPid)];
  clearInterval(sampler);
  return { http, cpuMs: (cpu1 ?? NaN) - (cpu0 ?? NaN), simulatorCpuMs: (simulator1 ?? NaN) - (simulator0 ?? NaN), peakRssMb };
}

const perCallUs = (ms: number, calls: number) => (calls === 0 || !Number.isFinite(ms) ? NaN : Math.round((ms * 1000) / calls));

/** The scenario through the adapter (alternated with `yardstickUrl` when given), then bare. */
export async function measure(target: Target, scenario: Scenario, yardstickUrl?: string): Promise<Row> {
  const load = (url: string, seconds: number) => runHttp({ url, connections: scenario.connections, requests: scenario.http, headers: target.headers, seconds });
  await load(target.adapter.url, WARM_UP_SECONDS);
  if (yardstickUrl) await load(yardstickUrl, WARM_UP_SECONDS);
  const before = await settled(target);
  const runs: Awaited<ReturnType<typeof adapterRun>>[] = [];
  const yardstick: HttpStats[] = [];
  for (let index = 0; index < (yardstickUrl ? ROUNDS : 1); index++) {
    if (yardstickUrl) yardstick.push(await load(yardstickUrl, SECONDS));
    runs.push(await adapterRun(target, () => load(target.adapter.url, SECONDS)));
  }
  const after = await settled(target);
  const calls = (text: string) => sumSamples(text, 'apio_http_requests_total', (labels) => scenario.routes.includes(labels.route ?? ''));
  const documents = (text: string) => sumSamples(text, 'apio_ocip_document_duration_seconds_count');
  const restCalls = calls(after) - calls(before);
  const http = combine(runs.map((run) => run.http));

  await runBare(scenario.connections, WARM_UP_SECONDS / 2, scenario.bare);
  const bareCpu0 = process.cpuUsage();
  const bare = await runBare(scenario.connections, SECONDS, scenario.bare);
  const bareCpu = process.cpuUsage(bareCpu0);
  const row: Row = {
    scenario: scenario.name,
    connections: scenario.connections,
    http,
    bare,
    ocipDocumentsPerCall: restCalls > 0 ? round((documents(after) - documents(before)) / restCalls) : NaN,
    adapterCpuUs: perCallUs(runs.reduce((sum, run) => sum + run.cpuMs, 0), http.requests),
    simulatorCpuUs: perCallUs(runs.reduce((sum, run) => sum + run.simulatorCpuMs, 0), http.requests),
    bareCpuUs: perCallUs((bareCpu.user + bareCpu.system) / 1000, bare.requests),
    peakRssMb: round(Math.max(...runs.map((run) => run.peakRssMb)), 1),
    ...(yardstickUrl && { yardstick: combine(yardstick) }),
  };
  console.log(
    `  ${row.scenario}: ${row.http.perSecond} req/s, p50 ${row.http.p50Ms} ms, p99 ${row.http.p99Ms} ms, ${row.adapterCpuUs} µs CPU/call ` +
      `(bare ${row.bare.perSecond}/s, p50 ${row.bare.p50Ms} ms, ${row.bareCpuUs} µs CPU/call)` +
      (row.yardstick ? `; hello world ${row.yardstick.perSecond} req/s, p99 ${row.yardstick.p99Ms} ms` : ''),
  );
  return row;
}

export interface PathComparison {
  name: string;
  /** Figures for path a and path b, alternated round by round on the same adapter. */
  a: HttpStats & { cpuUs: number };
  b: HttpStats & { cpuUs: number };
  /** b's req/s over a's. */
  ratio: number;
}

/** Two GET paths on one adapter, alternated a, b, a, b: the ratio of their throughputs. */
export async function comparePaths(target: Target, name: string, connections: number, a: autocannon.Request[], b: autocannon.Request[]): Promise<PathComparison> {
  const load = (requests: autocannon.Request[], seconds: number) =>
    runHttp({ url: target.adapter.url, connections, requests, headers: target.headers, seconds });
  await load(a, WARM_UP_SECONDS);
  await load(b, WARM_UP_SECONDS);
  const runs: { a: Awaited<ReturnType<typeof adapterRun>>[]; b: Awaited<ReturnType<typeof adapterRun>>[] } = { a: [], b: [] };
  for (let index = 0; index < ROUNDS; index++) {
    runs.a.push(await adapterRun(target, () => load(a, SECONDS)));
    runs.b.push(await adapterRun(target, () => load(b, SECONDS)));
  }
  const figures = (side: Awaited<ReturnType<typeof adapterRun>>[]) => {
    const http = combine(side.map((run) => run.http));
    return { ...http, cpuUs: perCallUs(side.reduce((sum, run) => sum + run.cpuMs, 0), http.requests) };
  };
  const comparison = { name, a: figures(runs.a), b: figures(runs.b), ratio: 0 };
  comparison.ratio = round(comparison.b.perSecond / comparison.a.perSecond);
  console.log(
    `  ${name}: ${comparison.a.perSecond} vs ${comparison.b.perSecond} req/s (${comparison.ratio}×), ` +
      `p99 ${comparison.a.p99Ms} vs ${comparison.b.p99Ms} ms, ${comparison.a.cpuUs} vs ${comparison.b.cpuUs} µs CPU/call`,
  );
  return comparison;
}
