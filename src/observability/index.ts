// Observability as one piece for the composition root: the logger, the metrics, the OCI-P hooks,
// and the handlers that go first (request context, log line, metrics, drain, /metrics, /readyz) and
// just before the error middleware (APIO errors by code).
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { healthRoutes } from '../http/health-routes.js';
import type { ReadinessAudience } from '../http/health-routes.js';
import { RequestDrain } from '../http/request-drain.js';
import { observeErrors, observeRequests } from './http-observer.js';
import type { Logger } from './logger.js';
import type { AdapterMetrics } from './metrics.js';
import type { ReadinessReport } from './readiness.js';

export { createLogger, maskUrl, REDACTED } from './logger.js';
export type { Logger, LogLevel, LoggerOptions } from './logger.js';
export { AdapterMetrics } from './metrics.js';
export { ocipHooks } from './ocip-hooks.js';
export { createReadinessCheck } from './readiness.js';
export type { ReadinessReport } from './readiness.js';
export { currentRequest, requestContext } from './request-context.js';
export { REQUEST_ID_HEADER, routeLabel, UNMATCHED_ROUTE } from './http-observer.js';

export interface HttpObservability {
  /** Mounted first, in this order. */
  requestHandlers: RequestHandler[];
  /** Mounted just before the error middleware. */
  errorObserver: ErrorRequestHandler;
  drain: RequestDrain;
}

export function httpObservability(
  logger: Logger,
  metrics: AdapterMetrics,
  readiness: () => Promise<ReadinessReport>,
  readinessAudience?: ReadinessAudience,
): HttpObservability {
  const drain = new RequestDrain();
  return {
    requestHandlers: [observeRequests(logger, metrics), drain.middleware, healthRoutes(readiness, metrics, readinessAudience)],
    errorObserver: observeErrors(metrics),
    drain,
  };
}
