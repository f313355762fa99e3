// The call lab's virtual clock (timers fire in time order, ties in the order set, timers set by a
// callback within the same advance) and VoIPbin's timestamp form with its unique creation stamps.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createVirtualClock, formatStamp, NOT_YET, parseStamp } from '../../src/simulator/call-lab/index.js';
import { toClock } from '../../src/simulator/call-lab/clock.js';
import { Stamper } from '../../src/simulator/call-lab/time.js';

test('advance fires due timers earliest first, at their own time, ties in the order they were set', () => {
  const clock = createVirtualClock(1_000);
  const fired: string[] = [];
  clock.setTimeout(() => fired.push(`b@${clock.now()}`), 20);
  clock.setTimeout(() => fired.push(`a@${clock.now()}`), 10);
  clock.setTimeout(() => fired.push(`c@${clock.now()}`), 20);
  const cancelled = clock.setTimeout(() => fired.push('never'), 5);
  clock.clearTimeout(cancelled);
  clock.advance(15);
  assert.deepEqual(fired, ['a@1010']);
  assert.equal(clock.now(), 1_015);
  clock.advance(5);
  assert.deepEqual(fired, ['a@1010', 'b@1020', 'c@1020']);
  assert.equal(clock.pending(), 0);
});

test('a timer set by a callback fires within the same advance when it falls due', () => {
  const clock = createVirtualClock(0);
  const fired: number[] = [];
  clock.setTimeout(() => {
    fired.push(clock.now());
    clock.setTimeout(() => fired.push(clock.now()), 0);
    clock.setTimeout(() => fired.push(clock.now()), 50);
    clock.setTimeout(() => fired.push(clock.now()), 500);
  }, 100);
  clock.advance(200);
  assert.deepEqual(fired, [100, 100, 150]);
  assert.equal(clock.pending(), 1);
  clock.clearAll();
  assert.equal(clock.pending(), 0);
  assert.throws(() => clock.advance(-1), RangeError);
});

test('a bare now-function still works as the clock (real timers)', () => {
  const clock = toClock(() => 42);
  assert.equal(clock.now(), 42);
  const timer = clock.setTimeout(() => assert.fail('cleared'), 60_000);
  clock.clearTimeout(timer);
  clock.clearAll();
});

test('timestamps: YYYY-MM-DD HH:MM:SS.ffffff in UTC, 9999-01-01 for not yet, parsed back', () => {
  const micros = Date.UTC(2023, 3, 21, 15, 33, 28) * 1000 + 569_053;
  assert.equal(formatStamp(micros), '2023-04-21 15:33:28.569053');
  assert.equal(parseStamp('2023-04-21 15:33:28.569053'), micros);
  assert.equal(formatStamp(undefined), NOT_YET);
  assert.equal(NOT_YET, '9999-01-01 00:00:00.000000');
  assert.equal(parseStamp('2023-04-21T15:33:28Z'), undefined);
});

test('creation stamps are unique and growing even within one millisecond', () => {
  let now = 5_000;
  const stamps = new Stamper(() => now);
  const a = stamps.unique();
  const b = stamps.unique();
  now = 5_001;
  const c = stamps.unique();
  assert.deepEqual([a, b, c], [5_000_000, 5_000_001, 5_001_000]);
  assert.ok(stamps.now() >= b);
});
