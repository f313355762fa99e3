// Idempotency records in the shared store (Store seam: Redis when configured, so every adapter
// instance sees them). Per scope — the authenticated caller, the method and path, the key — three
// entries:
//   running   a reservation (SET NX PX) while the first request runs: exactly one request, on any
//             instance, gets to run; a retry meanwhile is told 409. It expires after RUNNING_TTL_MS
//             should the instance die mid-request.
//   outcome   the final answer (status and body) and the body's fingerprint, kept OUTCOME_TTL_MS: a
//             retry with the same body gets it again without touching BroadWorks; another body, 422.
//   memo      values the use case must not draw twice for one key (a generated service user id),
//             kept as long as an outcome, whatever the outcome: a retry after an in-doubt answer
//             resolves the same id instead of drawing a new one.
import { createHash } from 'node:crypto';
import type { Store } from '../../store/index.js';

/** How long an answer is kept for retries: a day, long enough for any client's retry schedule. */
export const OUTCOME_TTL_MS = 24 * 60 * 60_000;
/** Longer than any request can run (documents are bounded by ocip.requestTimeoutMs each). */
export const RUNNING_TTL_MS = 5 * 60_000;

export interface StoredOutcome {
  fingerprint: string;
  status: number;
  body: unknown;
}

export type Begin =
  | { kind: 'started' }
  | { kind: 'replay'; outcome: StoredOutcome }
  | { kind: 'other-body' }
  | { kind: 'running' };

/** Values kept under one idempotency scope (the domain sees only this). */
export interface IdempotencyMemo {
  recall(name: string): Promise<string | undefined>;
  remember(name: string, value: string): Promise<void>;
}

export class IdempotencyRecords {
  constructor(
    private readonly store: Store,
    private readonly ttls: { outcomeMs: number; runningMs: number } = { outcomeMs: OUTCOME_TTL_MS, runningMs: RUNNING_TTL_MS },
  ) {}

  /** Starts the request of a scope, or says why it must not run (its answer exists, or it is running). */
  async begin(scope: string, fingerprint: string): Promise<Begin> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const done = await this.#outcome(scope, fingerprint);
      if (done) return done;
      if (await this.store.reserve(key(scope, 'running'), { fingerprint, startedAt: new Date().toISOString() }, this.ttls.runningMs)) {
        // The first request may have finished between the read above and the reservation.
        const finished = await this.#outcome(scope, fingerprint);
        if (finished) await this.store.release(key(scope, 'running'));
        return finished ?? { kind: 'started' };
      }
      const running = await this.store.peek<{ fingerprint: string }>(key(scope, 'running'));
      if (running) return running.fingerprint === fingerprint ? { kind: 'running' } : { kind: 'other-body' };
      // The reservation ended between our two calls: read the outcome again, once.
    }
    return { kind: 'running' };
  }

  /** Ends a started request: keeps its outcome when final (undefined: not kept), then frees the scope. */
  async finish(scope: string, outcome: StoredOutcome | undefined): Promise<void> {
    try {
      if (outcome) await this.store.set(key(scope, 'outcome'), outcome, this.ttls.outcomeMs);
    } finally {
      await this.store.release(key(scope, 'running'));
    }
  }

  memo(scope: string): IdempotencyMemo {
    const memoKey = (name: string) => `${key(scope, 'memo')}:${name}`;
    return {
      recall: (name) => this.store.get<string>(memoKey(name)),
      remember: (name, value) => this.store.set(memoKey(name), value, this.ttls.outcomeMs),
    };
  }

  async #outcome(scope: string, fingerprint: string): Promise<Begin | undefined> {
    const outcome = await this.store.get<StoredOutcome>(key(scope, 'outcome'));
    if (!outcome) return undefined;
    return outcome.fingerprint === fingerprint ? { kind: 'replay', outcome } : { kind: 'other-body' };
  }
}

/** One scope per caller, method and path (query included: ?dry_run=true is another request) and key. */
export function idempotencyScope(caller: string, method: string, url: string, idempotencyKey: string): string {
  return sha256([caller, method, url, idempotencyKey].join('\n'));
}

/** The body's fingerprint: its JSON with keys sorted, so key order does not make it "another body". */
export function fingerprintOf(body: unknown): string {
  return sha256(body === undefined ? '' : canonicalJson(body));
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function key(scope: string, part: 'running' | 'outcome' | 'memo'): string {
  return `idempotency:${scope}:${part}`;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
