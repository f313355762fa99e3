// Latency figures shared by the HTTP and the bare OCI-P runs: percentiles of per-request times (ms,
// sub-millisecond resolution) and requests per second.
export interface LoadStats {
  requests: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Requests that failed: connection errors, timeouts, or a non-2xx answer (HTTP) / a rejection (OCI-P). */
  errors: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function summarize(latencies: number[], seconds: number, errors: number): LoadStats {
  const sorted = latencies.sort((a, b) => a - b);
  return {
    requests: sorted.length,
    perSecond: Math.round(sorted.length / seconds),
    p50Ms: round(percentile(sorted, 50)),
    p99Ms: round(percentile(sorted, 99)),
    errors,
  };
}

export const round = (value: number, digits = 2): number => Number(value.toFixed(digits));
