// The same work without HTTP: callers on the project's OCI-P client, each cycling through the same
// steps (the same OCI-P documents the adapter sends for the REST call), bounded in time and count.
import type { LoadStats } from './load-stats.js';
import { summarize } from './load-stats.js';

/** One step is one REST call's worth of OCI-P work; `context` is the caller's own (like a connection's). */
export type BareStep = (context: Record<string, unknown>) => Promise<void>;

export async function runBare(callers: number, seconds: number, steps: readonly BareStep[], maxRequests = 200_000): Promise<LoadStats> {
  const latencies: number[] = [];
  let errors = 0;
  let sent = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: callers }, async () => {
      const context: Record<string, unknown> = {};
      for (let step = 0; sent < maxRequests && performance.now() < deadline; step = (step + 1) % steps.length) {
        sent++;
        const t0 = performance.now();
        try {
          await steps[step]!(context);
          latencies.push(performance.now() - t0);
        } catch {
          errors++;
        }
      }
    }),
  );
  return summarize(latencies, (performance.now() - started) / 1000, errors);
}
