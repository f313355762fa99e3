// npm run bench:ocip — the OCI-P client against the simulator over loopback TCP.
// Figures: round trips/s for GroupInstantGroupCallGetInstanceRequest19sp1 through a pool of 8
// sessions (goal >= 4,000/s on 2 cores), and encode + decode of a 1,000-row instance list
// (goal < 10 ms). Bounded in count and time. Writes bench/results-ocip.json.
import { writeFileSync } from 'node:fs';
import {
  createOcipClient,
  decodeDocument,
  encodeDocument,
  GroupInstantGroupCallAddInstanceRequest14,
  GroupInstantGroupCallGetInstanceListResponse,
  GroupInstantGroupCallGetInstanceRequest19sp1,
} from '../src/ocip/index.js';
import { spawnSimulator } from './spawn-simulator.js';

const POOL_SIZE = 8;
const CALLERS = 64;
const MAX_REQUESTS = 40_000;
const MAX_SECONDS = 8;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function roundTrips(): Promise<Record<string, number>> {
  const simulator = await spawnSimulator();
  const client = createOcipClient({ url: `tcp://127.0.0.1:${simulator.port}`, userId: 'admin', password: 'admin', poolSize: POOL_SIZE });
  try {
    const serviceUserId = 'bench_igc@sip.netaxis.be';
    await client.execute(GroupInstantGroupCallAddInstanceRequest14, {
      serviceProviderId: 'ApioSpTest',
      groupId: 'ApioGrpTest',
      serviceUserId,
      serviceInstanceProfile: { name: 'Bench', callingLineIdLastName: 'Bench', callingLineIdFirstName: 'IGC' },
      destinationPhoneNumber: ['+3271123456', '+3271123457'],
      isAnswerTimeoutEnabled: true,
      answerTimeoutMinutes: 5,
    });
    const once = () => client.execute(GroupInstantGroupCallGetInstanceRequest19sp1, { serviceUserId });
    // Warm up: every session logged in, code paths compiled.
    await Promise.all(Array.from({ length: 2_000 }, once));

    const latencies: number[] = [];
    let sent = 0;
    const deadline = performance.now() + MAX_SECONDS * 1000;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CALLERS }, async () => {
        while (sent < MAX_REQUESTS && performance.now() < deadline) {
          sent++;
          const t0 = performance.now();
          await once();
          latencies.push(performance.now() - t0);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    return {
      requests: latencies.length,
      perSecond: Math.round(latencies.length / seconds),
      p50Ms: Number(percentile(latencies, 50).toFixed(2)),
      p99Ms: Number(percentile(latencies, 99).toFixed(2)),
    };
  } finally {
    await client.close();
    await simulator.stop();
  }
}

function listCodec(): Record<string, number> {
  const headings = ['Service User Id', 'Name', 'Phone Number', 'Extension', 'Department', 'Is Active'];
  const rows = Array.from({ length: 1000 }, (_, i) => ({
    'Service User Id': `ApioGrpTest_igc${String(i).padStart(4, '0')}@sip.netaxis.be`,
    Name: `Instant group call ${i}`,
    'Phone Number': `+32711${String(i).padStart(5, '0')}`,
    Extension: String(1000 + i),
    Department: 'test_department_initial',
    'Is Active': i % 2 ? 'true' : 'false',
  }));
  const document = { sessionId: 'bench', commands: [{ spec: GroupInstantGroupCallGetInstanceListResponse, value: { instantGroupCallTable: { headings, rows } } }] };
  const run = () => {
    const t0 = performance.now();
    const xml = encodeDocument(document);
    const decoded = decodeDocument(xml);
    if (decoded.commands.length !== 1) throw new Error('decode failed');
    return { ms: performance.now() - t0, bytes: xml.length };
  };
  for (let i = 0; i < 50; i++) run();
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 200; i++) {
    const result = run();
    times.push(result.ms);
    bytes = result.bytes;
  }
  times.sort((a, b) => a - b);
  return { rows: 1000, bytes, p50Ms: Number(percentile(times, 50).toFixed(2)), p99Ms: Number(percentile(times, 99).toFixed(2)) };
}

const trips = await roundTrips();
const codec = listCodec();
const results = { date: new Date().toISOString(), node: process.version, poolSize: POOL_SIZE, callers: CALLERS, roundTrips: trips, listEncodeDecode: codec };
console.log('OCI-P client against the simulator (loopback TCP)');
console.table({
  'GetInstance19sp1 round trips/s (pool 8, goal >= 4000)': { value: trips.perSecond, p50_ms: trips.p50Ms, p99_ms: trips.p99Ms, n: trips.requests },
  '1,000-row list encode+decode ms (goal < 10)': { value: codec.p50Ms, p50_ms: codec.p50Ms, p99_ms: codec.p99Ms, n: 200 },
});
writeFileSync(new URL('./results-ocip.json', import.meta.url), JSON.stringify(results, null, 2) + '\n');
