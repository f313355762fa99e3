// Readiness: can this adapter serve provisioning now? BroadWorks must answer through the session
// pool (VerifySessionIsValidRequest, the cheapest command there is) and the store must answer a
// read, each within a short timeout; a stopping adapter is not ready, so a balancer drains it.
import { VerifySessionIsValidRequest } from '../ocip/codec/index.js';
import type { OcipClient } from '../ocip/client.js';
import { StoreUnavailableError } from '../store/index.js';
import type { Store } from '../store/index.js';

export interface CheckResult {
  ok: boolean;
  ms: number;
  /** Why it failed: an error code and message, never a secret. */
  reason?: string;
}

export interface ReadinessReport {
  ready: boolean;
  /** The first failed check, for the 503 answer. */
  reason?: string;
  checks: Record<string, CheckResult>;
}

export interface ReadinessOptions {
  ocip: Pick<OcipClient, 'execute'>;
  store: Pick<Store, 'get'>;
  /** Each check's limit. Default 2 s: a probe must answer before its own timeout. */
  timeoutMs?: number;
  /** True once shutdown has begun. */
  stopping?: () => boolean;
}

const PROBE_KEY = 'readyz:probe';

export function createReadinessCheck(options: ReadinessOptions): () => Promise<ReadinessReport> {
  const timeoutMs = options.timeoutMs ?? 2_000;
  return async () => {
    if (options.stopping?.()) {
      return { ready: false, reason: 'shutting down', checks: {} };
    }
    const [broadworks, store] = await Promise.all([
      timed(() => options.ocip.execute(VerifySessionIsValidRequest, {}), timeoutMs),
      timed(() => options.store.get(PROBE_KEY), timeoutMs),
    ]);
    const checks = { broadworks, store };
    const failed = Object.entries(checks).find(([, check]) => !check.ok);
    return failed ? { ready: false, reason: `${failed[0]}: ${failed[1].reason}`, checks } : { ready: true, checks };
  };
}

async function timed(check: () => Promise<unknown>, timeoutMs: number): Promise<CheckResult> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([check(), timeout]);
    return { ok: true, ms: elapsed(started) };
  } catch (error) {
    return { ok: false, ms: elapsed(started), reason: describe(error) };
  } finally {
    clearTimeout(timer);
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // The store's own errors already say which store and why (e.g. Redis at redis://… is unavailable: …).
  if (error instanceof StoreUnavailableError) return error.message;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' || typeof code === 'number' ? `${code}: ${error.message}` : error.message;
}

const elapsed = (started: number) => Math.round((performance.now() - started) * 100) / 100;
