// The embedded store's write latency: the SQLite file (WAL, synchronous=NORMAL) the adapter uses
// by default, in a temporary data directory, written the way requests write it — a session-sized
// entry with a TTL (login, logout, id reservation) and an audit record — one at a time, each
// committed before the next. Measured in this process: the store runs in the caller's thread.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStore } from '../src/store/index.js';
import { percentile, round } from './load-stats.js';

const WRITES = 2_000;

export interface StoreWriteLatency {
  writes: number;
  setP50Us: number;
  setP99Us: number;
  auditP50Us: number;
  auditP99Us: number;
}

export async function measureStoreWrites(): Promise<StoreWriteLatency> {
  const dir = mkdtempSync(join(tmpdir(), 'apio-bench-store-'));
  const store = createStore({ kind: 'file', dataDir: dir });
  try {
    const session = { principal: { name: 'admin', via: 'password', level: 16, tenantId: null, groupId: null }, openedAt: new Date().toISOString() };
    const sets = await timed(WRITES, (i) => store.set(`auth:session:${i}`, session, 8 * 3_600_000));
    const audits = await timed(WRITES, (i) =>
      store.auditTrail!.append({ id: `bench-${i}`, time: new Date().toISOString(), ...{ method: 'POST', path: '/api/v1/x', status: 200, ocipCommands: [] } }, 10_000),
    );
    return { writes: WRITES, setP50Us: percentile(sets, 50), setP99Us: percentile(sets, 99), auditP50Us: percentile(audits, 50), auditP99Us: percentile(audits, 99) };
  } finally {
    await store.disconnect();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function timed(count: number, write: (i: number) => Promise<void>): Promise<number[]> {
  const micros: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await write(i);
    micros.push(round((performance.now() - started) * 1000, 1));
  }
  return micros.sort((a, b) => a - b);
}
