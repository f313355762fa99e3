// A pool of logged-in OCI-P sessions, built on demand through a factory (as pg-pool and undici do).
// OCI-P binds a login to its socket, so each pooled session is one connection and one login.
// - acquire: an idle session (most recently used first, so spare ones age out), else a new one up to
//   `size`, else a FIFO wait bounded by acquireTimeoutMs. A login in progress counts as progress, not
//   as waiting: while a session is being built the wait goes on (each build is bounded by its own
//   connect and request timeouts), so a slow BroadWorks whose logins take longer than the acquire
//   timeout still serves a burst on a fresh pool instead of failing it with 504s.
// - A refused login is not retried in a loop: it fails every waiter, and for loginRetryDelayMs further
//   acquires that would need a new login fail at once with the same error. Until one session has been
//   built, sessions are built one at a time, so a bad password costs one login, not `size` of them.
// - close() drains and logs every session out; destroy() fails everything now.
import type { DecodedCommand, OutgoingCommand } from '../codec/index.js';
import { OcipAcquireTimeoutError, OcipErrorCodes, OcipPoolClosedError } from '../errors.js';
import type { OcipError } from '../errors.js';
import { IdleList } from './idle-list.js';
import type { OcipPoolOptions, PoolSession, PoolStats } from './pool-types.js';

export type { OcipPoolOptions, PoolSession, PoolStats } from './pool-types.js';

interface Waiter<S> {
  resolve: (session: S) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
  creation?: Creation<S>;
}

interface Creation<S> {
  owner?: Waiter<S>;
}

export class OcipPool<S extends PoolSession = PoolSession> {
  readonly #size: number;
  readonly #createSession: () => Promise<S>;
  readonly #acquireTimeoutMs: number;
  readonly #loginRetryDelayMs: number;
  readonly #sessions = new Set<S>();
  readonly #inUse = new Set<S>();
  readonly #idle: IdleList<S>;
  #waiters: Waiter<S>[] = [];
  readonly #creations = new Set<Creation<S>>();
  #state: 'open' | 'closing' | 'closed' = 'open';
  /** A session was built since the last failure: builds may run in parallel. */
  #proven = false;
  #loginFailure: { error: Error; until: number } | undefined;
  /** Logouts in progress; close() waits for them. */
  readonly #closeWork = new Set<Promise<void>>();
  /** Sessions logging out (evicted, or retired by close()): destroy() cuts them short. */
  readonly #retiring = new Set<S>();
  #drained: (() => void) | undefined;
  #closed: Promise<void> | undefined;

  constructor(options: OcipPoolOptions<S>) {
    if (!Number.isInteger(options.size) || options.size < 1) throw new RangeError('OcipPool size must be a positive integer');
    this.#size = options.size;
    this.#createSession = options.createSession;
    this.#acquireTimeoutMs = options.acquireTimeoutMs ?? 30_000;
    this.#idle = new IdleList<S>(options.idleTimeoutMs ?? 60_000, (session) => this.#retire(session));
    this.#loginRetryDelayMs = options.loginRetryDelayMs ?? 10_000;
  }

  /** Runs `fn` with a session of its own and gives the session back afterwards, whatever happens. */
  async run<T>(fn: (session: S) => Promise<T>): Promise<T> {
    const session = await this.acquire();
    try {
      return await fn(session);
    } finally {
      this.release(session);
    }
  }

  /** One document on some session. */
  send(commands: readonly OutgoingCommand[]): Promise<DecodedCommand[]> {
    return this.run((session) => session.send(commands));
  }

  /** A session for the caller alone, until release(). Prefer run(). */
  acquire(): Promise<S> {
    if (this.#state !== 'open') return Promise.reject(new OcipPoolClosedError());
    const idle = this.#takeIdle();
    if (idle) {
      this.#inUse.add(idle);
      return Promise.resolve(idle);
    }
    const failure = this.#activeLoginFailure();
    if (failure && this.#inUse.size === 0) return Promise.reject(failure);
    return new Promise<S>((resolve, reject) => {
      const expire = (): void => {
        if (this.#creations.size > 0) {
          waiter.timer = setTimeout(expire, this.#acquireTimeoutMs);
          return;
        }
        this.#removeWaiter(waiter);
        reject(new OcipAcquireTimeoutError(this.#acquireTimeoutMs));
        this.#pulse();
      };
      const waiter: Waiter<S> = { resolve, reject, timer: setTimeout(expire, this.#acquireTimeoutMs) };
      this.#waiters.push(waiter);
      this.#pulse();
    });
  }

  /** Gives a session back. A dead one is dropped (and replaced on demand); during close() it is logged out. */
  release(session: S): void {
    if (!this.#inUse.delete(session)) return;
    if (!this.#sessions.has(session)) return;
    if (this.#state !== 'open') {
      this.#retire(session);
      return;
    }
    if (!session.isAlive) {
      this.#forget(session);
      this.#pulse();
      return;
    }
    this.#addIdle(session);
    this.#pulse();
  }

  stats(): PoolStats {
    return {
      size: this.#sessions.size,
      inUse: this.#inUse.size,
      idle: this.#idle.size,
      waiting: this.#waiters.length,
      creating: this.#creations.size,
      max: this.#size,
    };
  }

  /** Stops taking work (OcipPoolClosedError), lets work in progress finish, logs every session out. */
  close(): Promise<void> {
    if (this.#closed) return this.#closed;
    if (this.#state === 'closed') return Promise.resolve();
    this.#state = 'closing';
    this.#failWaiters(new OcipPoolClosedError());
    for (const session of this.#idle.drain()) this.#retire(session);
    this.#closed = new Promise<void>((resolve) => {
      this.#drained = resolve;
      this.#checkDrained();
    }).then(async () => {
      await Promise.allSettled([...this.#closeWork]);
      this.#state = 'closed';
    });
    return this.#closed;
  }

  /** Fails waiters and in-flight work now and drops every connection (no logout). */
  destroy(error: Error = new OcipPoolClosedError('the OCI-P pool was destroyed')): void {
    this.#state = 'closed';
    this.#failWaiters(error);
    this.#idle.drain();
    for (const session of [...this.#sessions, ...this.#retiring]) {
      this.#forget(session);
      session.destroy(error);
    }
    this.#retiring.clear();
    this.#inUse.clear();
    this.#checkDrained();
  }

  // ---- internals ------------------------------------------------------------------------------

  /** Hands idle sessions to waiters in order, then starts the builds the remaining waiters need. */
  #pulse(): void {
    if (this.#state !== 'open') return;
    while (this.#waiters.length > 0) {
      const session = this.#takeIdle();
      if (!session) break;
      this.#serve(this.#waiters.shift()!, session);
    }
    const failure = this.#activeLoginFailure();
    if (failure) {
      if (this.#inUse.size === 0) this.#failWaiters(failure);
      return;
    }
    for (const waiter of this.#waiters) {
      if (waiter.creation) continue;
      const orphan = [...this.#creations].find((creation) => !creation.owner);
      if (orphan) {
        orphan.owner = waiter;
        waiter.creation = orphan;
        continue;
      }
      if (this.#sessions.size + this.#creations.size >= this.#size) break;
      if (!this.#proven && this.#creations.size > 0) break;
      this.#create(waiter);
    }
  }

  #create(owner: Waiter<S>): void {
    const creation: Creation<S> = { owner };
    owner.creation = creation;
    this.#creations.add(creation);
    this.#createSession().then(
      (session) => {
        this.#creations.delete(creation);
        this.#disown(creation);
        this.#proven = true;
        this.#loginFailure = undefined;
        if (this.#state === 'closed') session.destroy(new OcipPoolClosedError());
        else if (this.#state === 'closing') this.#retire(session);
        else {
          this.#sessions.add(session);
          session.onEnd(() => this.#onSessionEnd(session));
          this.#addIdle(session);
        }
        this.#pulse();
        this.#checkDrained();
      },
      (error: Error) => {
        this.#creations.delete(creation);
        const owner = creation.owner;
        this.#disown(creation);
        this.#proven = false;
        if ((error as OcipError).code === OcipErrorCodes.LOGIN_FAILED) {
          // Every waiter would fail the same way; retrying at once could lock the account.
          this.#loginFailure = { error, until: Date.now() + this.#loginRetryDelayMs };
          this.#failWaiters(error);
        } else if (owner) {
          this.#removeWaiter(owner);
          owner.reject(error);
        }
        this.#pulse();
        this.#checkDrained();
      },
    );
  }

  #disown(creation: Creation<S>): void {
    if (creation.owner) creation.owner.creation = undefined;
    creation.owner = undefined;
  }

  #serve(waiter: Waiter<S>, session: S): void {
    clearTimeout(waiter.timer);
    this.#handOver(waiter);
    this.#inUse.add(session);
    waiter.resolve(session);
  }

  /** A waiter leaves the queue: the build it owned passes to the next waiter without one. */
  #handOver(waiter: Waiter<S>): void {
    const creation = waiter.creation;
    if (!creation) return;
    waiter.creation = undefined;
    creation.owner = this.#waiters.find((candidate) => candidate !== waiter && !candidate.creation);
    if (creation.owner) creation.owner.creation = creation;
  }

  #removeWaiter(waiter: Waiter<S>): void {
    const index = this.#waiters.indexOf(waiter);
    if (index === -1) return;
    this.#waiters.splice(index, 1);
    clearTimeout(waiter.timer);
    this.#handOver(waiter);
  }

  #failWaiters(error: Error): void {
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const waiter of waiters) {
      clearTimeout(waiter.timer);
      if (waiter.creation) waiter.creation.owner = undefined;
      waiter.creation = undefined;
      waiter.reject(error);
    }
  }

  #activeLoginFailure(): Error | undefined {
    if (this.#loginFailure && Date.now() < this.#loginFailure.until) return this.#loginFailure.error;
    this.#loginFailure = undefined;
    return undefined;
  }

  /** The most recently used idle session that is still alive. */
  #takeIdle(): S | undefined {
    return this.#idle.takeAlive((dead) => this.#forget(dead));
  }

  #addIdle(session: S): void {
    this.#idle.add(session);
  }

  /** Logs a session out and forgets it. */
  #retire(session: S): void {
    this.#forget(session);
    this.#retiring.add(session);
    const work: Promise<void> = session.close().finally(() => {
      this.#retiring.delete(session);
      this.#closeWork.delete(work);
    });
    this.#closeWork.add(work);
    this.#checkDrained();
  }

  #forget(session: S): void {
    this.#sessions.delete(session);
    this.#inUse.delete(session);
  }

  #onSessionEnd(session: S): void {
    if (!this.#sessions.has(session)) return;
    this.#idle.remove(session);
    // An in-use session stays counted until release(): the caller still holds it.
    if (!this.#inUse.has(session)) this.#forget(session);
    this.#pulse();
  }

  #checkDrained(): void {
    if (!this.#drained) return;
    if (this.#inUse.size > 0 || this.#creations.size > 0) return;
    const drained = this.#drained;
    this.#drained = undefined;
    drained();
  }
}
