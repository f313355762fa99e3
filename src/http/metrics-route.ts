// GET /metrics: the Prometheus text exposition of the adapter's own registry.
import { Router } from 'express';
import type { AdapterMetrics } from '../observability/metrics.js';

export function metricsRoute(metrics: AdapterMetrics): Router {
  const router = Router({ strict: true });
  router.get('/metrics', async (_request, response) => {
    const { contentType, body } = await metrics.render();
    response.setHeader('Cache-Control', 'no-store');
    response.type(contentType).send(body);
  });
  return router;
}
