// The store's contract on the embedded kinds (memory, SQLite file): set-if-absent that only one caller
// wins, fixed-window counters, a capped newest-first list, and a file store that keeps sessions and
// the token key across a restart. The Redis kind runs the same operations in redis-two-instances.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SECRET_FILE } from '../../src/auth/index.js';
import { resolveJwtSecret } from '../../src/auth/jwt-secret.js';
import { createStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/index.js';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'apio-store-'));
  dirs.push(dir);
  return dir;
}
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const kinds: Array<{ kind: 'memory' | 'file'; open: (clock?: () => number) => Store }> = [
  { kind: 'memory', open: (clock) => createStore({ kind: 'memory', ...(clock && { clock }) }) },
  { kind: 'file', open: (clock) => createStore({ kind: 'file', dataDir: tempDir(), ...(clock && { clock }) }) },
];

for (const { kind, open } of kinds) {
  describe(`the ${kind} store`, () => {
    test('get, set, delete', async () => {
      const store = open();
      try {
        assert.equal(await store.get('a'), undefined);
        await store.set('a', { n: 1 });
        assert.deepEqual(await store.get('a'), { n: 1 });
        assert.equal(await store.delete('a'), true);
        assert.equal(await store.get('a'), undefined);
      } finally {
        await store.disconnect();
      }
    });

    test('reserve: of 20 concurrent callers exactly one wins; peek reads it; release frees it', async () => {
      const store = open();
      try {
        const wins = await Promise.all(Array.from({ length: 20 }, (_, i) => store.reserve('id', { by: i }, 60_000)));
        assert.equal(wins.filter(Boolean).length, 1);
        assert.deepEqual(await store.peek('id'), { by: wins.indexOf(true) });
        assert.equal(await store.get('id'), undefined, 'reservations live apart from plain entries');
        await store.release('id');
        assert.equal(await store.reserve('id', 'again', 60_000), true);
      } finally {
        await store.disconnect();
      }
    });

    test('hit counts within a fixed window and starts again in the next', async () => {
      let now = 1_700_000_000_000;
      const store = open(() => now);
      try {
        assert.deepEqual(await store.hit('k', 1_000), { count: 1, resetInMs: 1_000 });
        now += 400;
        assert.deepEqual(await store.hit('k', 1_000), { count: 2, resetInMs: 600 });
        assert.equal((await store.hit('other', 1_000)).count, 1);
        now += 600;
        assert.deepEqual(await store.hit('k', 1_000), { count: 1, resetInMs: 1_000 });
      } finally {
        await store.disconnect();
      }
    });

    test('pushCapped keeps the newest maxLength values; range pages through them', async () => {
      const store = open();
      try {
        await Promise.all([1, 2, 3, 4, 5].map((n) => store.pushCapped('log', { n }, 4)));
        const all = await store.range<{ n: number }>('log', 0, 10);
        assert.equal(all.total, 4);
        assert.deepEqual(all.items.map((item) => item.n), [5, 4, 3, 2]);
        assert.deepEqual((await store.range<{ n: number }>('log', 1, 2)).items.map((item) => item.n), [4, 3]);
      } finally {
        await store.disconnect();
      }
    });
  });
}

describe('the file store across a restart', () => {
  test('entries are committed as written and read back by a new store', async () => {
    const dataDir = tempDir();
    const first = createStore({ kind: 'file', dataDir });
    await first.set('auth:session:x', { principal: { name: 'admin' } }, 60_000);
    await first.reserve('id-reservation:y', true, 60_000);
    await first.disconnect();
    const second = createStore({ kind: 'file', dataDir });
    try {
      assert.deepEqual(await second.get('auth:session:x'), { principal: { name: 'admin' } });
      assert.equal(await second.reserve('id-reservation:y', true, 60_000), false);
    } finally {
      await second.disconnect();
    }
  });

  test('the generated token key is written once (mode 0600) and read back on the next start', async () => {
    const dataDir = tempDir();
    const store = createStore({ kind: 'file', dataDir });
    try {
      const key = await resolveJwtSecret({ configured: null, store, dataDir });
      assert.ok(key.length >= 32);
      assert.equal(statSync(join(dataDir, SECRET_FILE)).mode & 0o777, 0o600);
      assert.deepEqual(await resolveJwtSecret({ configured: null, store, dataDir }), key);
      const configured = await resolveJwtSecret({ configured: 'c'.repeat(32), store, dataDir });
      assert.deepEqual(configured, new TextEncoder().encode('c'.repeat(32)));
    } finally {
      await store.disconnect();
    }
  });
});
