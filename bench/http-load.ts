// One HTTP load run with autocannon (programmatic API): N keep-alive connections, each cycling
// through a sequence of requests, for a bounded time and count. Latencies are taken per response
// (autocannon's own histogram has whole-millisecond resolution, too coarse for a 1 ms goal).
import autocannon from 'autocannon';
import type { LoadStats } from './load-stats.js';
import { summarize } from './load-stats.js';

export interface HttpRun {
  url: string;
  connections: number;
  seconds: number;
  /** Cycled in order on every connection; setupRequest gets a per-connection context. */
  requests: autocannon.Request[];
  headers?: Record<string, string>;
  maxRequests?: number;
}

export interface HttpStats extends LoadStats {
  non2xx: number;
  /** Connection errors and timeouts. */
  connectionErrors: number;
}

export function runHttp(run: HttpRun): Promise<HttpStats> {
  const latencies: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: run.url,
        connections: run.connections,
        duration: run.seconds,
        maxOverallRequests: Math.max(run.connections, run.maxRequests ?? 200_000),
        requests: run.requests,
        headers: { 'content-type': 'application/json', ...run.headers },
        timeout: 10,
      },
      (error, result) => {
        if (error) {
          reject(error);
          return;
        }
        const stats = summarize(latencies, result.duration, result.errors + result.non2xx);
        resolve({ ...stats, non2xx: result.non2xx, connectionErrors: result.errors });
      },
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode < 300) latencies.push(responseTime);
    });
  });
}
