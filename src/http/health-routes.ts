// The operator's endpoints: GET /readyz, 200 when BroadWorks answers through the pool and the store
// answers, else 503 (GET /healthz, process alive, is in app.ts); and GET /metrics, the Prometheus
// text of the adapter's own registry. Neither is ever cached. An anonymous probe learns only ready
// or not ready: the checks (the BroadWorks address, socket errors) go to an authenticated operator
// (a system-level login or machine token), since they map the network behind the adapter.
// A plain middleware rather than a Router: it sits in front of every request, and a router pass
// cost every API call ~17 KB of garbage and a few µs (bench). It names its route for the metrics.
import type { Request, RequestHandler } from 'express';
import { ROUTE_LABEL } from '../observability/http-observer.js';
import type { AdapterMetrics } from '../observability/metrics.js';
import type { ReadinessReport } from '../observability/readiness.js';

/** True when the caller may see the readiness checks; default: nobody. */
export type ReadinessAudience = (request: Request) => Promise<boolean>;

export function healthRoutes(readiness: () => Promise<ReadinessReport>, metrics: AdapterMetrics, isOperator: ReadinessAudience = async () => false): RequestHandler {
  return (request, response, next) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    const path = request.path;
    if (path === '/metrics') {
      (request as { [ROUTE_LABEL]?: string })[ROUTE_LABEL] = path;
      metrics.render().then(({ contentType, body }) => {
        response.setHeader('Cache-Control', 'no-store');
        response.type(contentType).send(body);
      }, next);
      return;
    }
    if (path === '/readyz') {
      (request as { [ROUTE_LABEL]?: string })[ROUTE_LABEL] = path;
      Promise.all([readiness(), isOperator(request).catch(() => false)]).then(([report, operator]) => {
        response.set({ 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
        const status = report.ready ? 'ready' : 'not ready';
        const details = operator ? { ...(report.reason !== undefined && { reason: report.reason }), checks: report.checks } : {};
        response.status(report.ready ? 200 : 503).json({ status, ...details });
      }, next);
      return;
    }
    next();
  };
}
