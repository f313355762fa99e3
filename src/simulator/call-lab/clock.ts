// Time for the simulator: `now()` plus timers. Real time under `npm start`; a virtual clock in tests,
// where nothing happens until the test calls `advance(ms)`, so ring timeouts of minutes take no
// wall time and every run fires the same timers in the same order.

export interface TimerHandle {
  readonly id: number;
}

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle | undefined): void;
  /** Drops every pending timer (the simulator is closing). */
  clearAll(): void;
}

export interface VirtualClock extends Clock {
  /**
   * Moves time forward by `ms`, firing every timer that falls due on the way, earliest first, at
   * its own time (ties in the order they were set). Timers set by a callback fire too when they
   * fall within the same advance.
   */
  advance(ms: number): void;
  /** Timers not yet fired. */
  pending(): number;
}

/** The clock of `npm start`: Date.now and node timers, unref'd so they never hold the process open. */
export function realClock(): Clock {
  const timers = new Map<number, NodeJS.Timeout>();
  let nextId = 1;
  return {
    now: () => Date.now(),
    setTimeout(callback, ms) {
      const id = nextId++;
      const timer = setTimeout(() => {
        timers.delete(id);
        callback();
      }, Math.max(0, ms));
      timer.unref();
      timers.set(id, timer);
      return { id };
    },
    clearTimeout(handle) {
      if (!handle) return;
      clearTimeout(timers.get(handle.id));
      timers.delete(handle.id);
    },
    clearAll() {
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}

/** A fixed, readable start: 2024-01-01 09:00:00 UTC. */
export const VIRTUAL_EPOCH_MS = Date.UTC(2024, 0, 1, 9, 0, 0);

/** Bounds one advance: a callback that keeps re-arming a zero-delay timer is a bug, not a hang. */
const MAX_FIRES_PER_ADVANCE = 1_000_000;

interface VirtualTimer {
  id: number;
  due: number;
  callback: () => void;
}

export function createVirtualClock(startMs: number = VIRTUAL_EPOCH_MS): VirtualClock {
  let now = startMs;
  let nextId = 1;
  const timers = new Map<number, VirtualTimer>();

  /** The earliest due timer at or before `limit`; the lower id wins a tie (set first, fires first). */
  const nextDue = (limit: number): VirtualTimer | undefined => {
    let best: VirtualTimer | undefined;
    for (const timer of timers.values()) {
      if (timer.due > limit) continue;
      if (!best || timer.due < best.due || (timer.due === best.due && timer.id < best.id)) best = timer;
    }
    return best;
  };

  return {
    now: () => now,
    setTimeout(callback, ms) {
      const id = nextId++;
      timers.set(id, { id, due: now + Math.max(0, ms), callback });
      return { id };
    },
    clearTimeout(handle) {
      if (handle) timers.delete(handle.id);
    },
    clearAll() {
      timers.clear();
    },
    advance(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`advance(ms) needs a finite ms >= 0, got ${ms}`);
      const target = now + ms;
      for (let fired = 0; ; fired++) {
        if (fired >= MAX_FIRES_PER_ADVANCE) throw new Error(`virtual clock: more than ${MAX_FIRES_PER_ADVANCE} timers in one advance`);
        const timer = nextDue(target);
        if (!timer) break;
        timers.delete(timer.id);
        now = timer.due;
        timer.callback();
      }
      now = target;
    },
    pending: () => timers.size,
  };
}

/** Accepts the old `() => number` option too: a bare now-function gets real timers. */
export function toClock(clock: Clock | (() => number) | undefined): Clock {
  if (clock === undefined) return realClock();
  if (typeof clock !== 'function') return clock;
  const timers = realClock();
  return { ...timers, now: clock };
}
