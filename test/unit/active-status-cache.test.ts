// The active-flag cache (src/domain/active-status-cache.ts): a flag is used for at most MAX_AGE_MS
// after its list was requested, a document of this adapter's that changes anything drops every
// group's flags when it completes, a list requested before such a write is never kept after it, and
// concurrent reads share one list.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ActiveStatusCache, forgettingOnWrites, MAX_AGE_MS } from '../../src/domain/active-status-cache.js';
import type { FlagSource } from '../../src/domain/active-status-cache.js';
import type { BatchItem, CommandResult, OcipGateway } from '../../src/ocip/client.js';
import { command } from '../../src/ocip/client.js';
import {
  GroupInstantGroupCallDeleteInstanceRequest,
  GroupInstantGroupCallGetInstanceRequest19sp1,
} from '../../src/ocip/codec/index.js';

const flags = (entries: Record<string, boolean>) => new Map(Object.entries(entries));

function clocked(): { cache: ActiveStatusCache; advance(ms: number): void } {
  let now = 1_000;
  return { cache: new ActiveStatusCache(() => now), advance: (ms) => (now += ms) };
}

/** Known flags for a group, as a read that fetched them leaves them. */
function known(cache: ActiveStatusCache, tenantId: string, groupId: string, entries: Record<string, boolean>): void {
  fetching(cache.source(tenantId, groupId, '\u0000')).settle(flags(entries));
}

function fetching(source: FlagSource): Extract<FlagSource, { kind: 'fetch' }> {
  assert.equal(source.kind, 'fetch');
  return source as Extract<FlagSource, { kind: 'fetch' }>;
}

test('an unknown group is fetched; its flags are then known until MAX_AGE_MS after the list was requested', () => {
  const { cache, advance } = clocked();
  const fetch = fetching(cache.source('T', 'G', 'a'));
  advance(100); // the list's round trip: the age counts from the request
  fetch.settle(flags({ a: true, b: false }));
  assert.deepEqual(cache.source('T', 'G', 'b'), { kind: 'known', active: false });
  advance(MAX_AGE_MS - 100);
  assert.deepEqual(cache.source('T', 'G', 'a'), { kind: 'known', active: true });
  advance(1);
  fetching(cache.source('T', 'G', 'a'));
});

test('an id missing from fresh flags (created elsewhere since) is fetched, not guessed', () => {
  const { cache } = clocked();
  known(cache, 'T', 'G', { a: true });
  fetching(cache.source('T', 'G', 'new'));
});

test('concurrent reads share one list: the others wait for the first one', async () => {
  const { cache } = clocked();
  const first = fetching(cache.source('T', 'G', 'a'));
  const second = cache.source('T', 'G', 'b');
  assert.equal(second.kind, 'wait');
  first.settle(flags({ a: true, b: false }));
  assert.deepEqual(await (second as Extract<FlagSource, { kind: 'wait' }>).flags, flags({ a: true, b: false }));
  assert.equal(cache.source('T', 'G', 'b').kind, 'known');
});

test('a failed list is not kept and frees the next read to fetch', async () => {
  const { cache } = clocked();
  const first = fetching(cache.source('T', 'G', 'a'));
  const waiting = cache.source('T', 'G', 'a') as Extract<FlagSource, { kind: 'wait' }>;
  first.settle(undefined);
  assert.equal(await waiting.flags, undefined);
  fetching(cache.source('T', 'G', 'a'));
});

test('a local write drops the flags at once; a list requested before the write is not kept after it', () => {
  const { cache } = clocked();
  known(cache, 'T', 'G', { a: true });
  known(cache, 'T', 'H', { a: true });
  cache.forgetAll();
  fetching(cache.source('T', 'H', 'a'));
  const before = fetching(cache.source('T', 'G', 'a'));
  cache.forgetAll(); // e.g. PUT active completed while that list was on its way
  // Nobody waits for the list from before the write: the next read fetches its own.
  const after = fetching(cache.source('T', 'G', 'a'));
  before.settle(flags({ a: true }));
  // Not kept: a read now waits for the list requested after the write.
  assert.equal(cache.source('T', 'G', 'a').kind, 'wait');
  after.settle(flags({ a: false }));
  assert.deepEqual(cache.source('T', 'G', 'a'), { kind: 'known', active: false });
});

test('groups are kept apart', () => {
  const { cache } = clocked();
  known(cache, 'T', 'G', { a: false });
  assert.deepEqual(cache.source('T', 'G', 'a'), { kind: 'known', active: false });
  fetching(cache.source('T', 'H', 'a'));
  fetching(cache.source('U', 'G', 'a'));
});

test('the gateway drops the flags after a document with a change, success or not; queries leave them', async () => {
  const { cache } = clocked();
  let fail = false;
  const inner: OcipGateway = {
    executeBatch: async (items: readonly BatchItem[]): Promise<CommandResult<unknown>[]> => {
      // While the change is on its way, a read may fetch; what it gets must not be kept.
      if (items.some((item) => !item.spec.readOnly)) fetching(cache.source('T', 'G', 'z')).settle(flags({ a: true, z: true }));
      if (fail) throw new Error('timed out');
      return [];
    },
  };
  const gateway = forgettingOnWrites(inner, cache);
  known(cache, 'T', 'G', { a: true });
  await gateway.executeBatch([command(GroupInstantGroupCallGetInstanceRequest19sp1, { serviceUserId: 'a' })]);
  assert.equal(cache.source('T', 'G', 'a').kind, 'known');
  await gateway.executeBatch([command(GroupInstantGroupCallDeleteInstanceRequest, { serviceUserId: 'b' })]);
  fetching(cache.source('T', 'G', 'a')).settle(flags({ a: false }));
  fail = true;
  await assert.rejects(gateway.executeBatch([command(GroupInstantGroupCallDeleteInstanceRequest, { serviceUserId: 'b' })]));
  fetching(cache.source('T', 'G', 'a'));
});
