// GET /readyz: 200 when BroadWorks answers through the pool and the store answers, else 503 with
// the reason (GET /healthz, process alive, is in app.ts). Probes are never cached.
import { Router } from 'express';
import type { ReadinessReport } from '../observability/readiness.js';

export function healthRoutes(readiness: () => Promise<ReadinessReport>): Router {
  const router = Router({ strict: true });
  router.get('/readyz', async (_request, response) => {
    const report = await readiness();
    response.setHeader('Cache-Control', 'no-store');
    response.status(report.ready ? 200 : 503).json(
      report.ready ? { status: 'ready', checks: report.checks } : { status: 'not ready', reason: report.reason, checks: report.checks },
    );
  });
  return router;
}
