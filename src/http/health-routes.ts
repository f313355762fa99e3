// The operator's endpoints: GET /readyz, 200 when BroadWorks answers through the pool and the store
// answers, else 503 with the reason (GET /healthz, process alive, is in app.ts); and GET /metrics,
// the Prometheus text of the adapter's own registry. Neither is ever cached.
// A plain middleware rather than a Router: it sits in front of every request, and a router pass
// cost every API call ~17 KB of garbage and a few µs (bench). It names its route for the metrics.
import type { RequestHandler } from 'express';
import { ROUTE_LABEL } from '../observability/http-observer.js';
import type { AdapterMetrics } from '../observability/metrics.js';
import type { ReadinessReport } from '../observability/readiness.js';

export function healthRoutes(readiness: () => Promise<ReadinessReport>, metrics: AdapterMetrics): RequestHandler {
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
      readiness().then((report) => {
        response.setHeader('Cache-Control', 'no-store');
        response.status(report.ready ? 200 : 503).json(
          report.ready ? { status: 'ready', checks: report.checks } : { status: 'not ready', reason: report.reason, checks: report.checks },
        );
      }, next);
      return;
    }
    next();
  };
}
