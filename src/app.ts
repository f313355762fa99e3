// createApp(deps): the Express application. It never listens; main.ts does.
import express from 'express';
import type { AuditLog } from './audit/index.js';
import type { Security } from './auth/index.js';
import { auditRequests } from './http/audit-middleware.js';
import { auditRoutes } from './http/audit-routes.js';
import { createGuard, limitByAddress } from './http/auth-guard.js';
import type { DeclaredRoute } from './http/auth-guard.js';
import { AUTH_ROUTES, authRoutes } from './http/auth-routes.js';
import { apiHeaders, errorMiddleware, notFound, requireTrailingSlash } from './http/middleware.js';
import { openApiDocument } from './http/openapi.js';
import { docsRoutes } from './http/docs-route.js';
import { IdempotencyRecords } from './http/idempotency/idempotency-records.js';
import { idempotent } from './http/idempotency/idempotent.js';
import { serviceRoutes } from './http/service-routes.js';
import type { BoundService } from './services/index.js';
import type { HttpObservability } from './observability/index.js';
import type { Store } from './store/index.js';

export interface AppDeps {
  /** Every registered service, bound to its dependencies (src/services, buildAdapter). */
  services: readonly BoundService[];
  /** Logins, sessions, tokens, levels and scope, rate limits (src/auth). Every API route is guarded. */
  security: Security;
  /** The shared store: Idempotency-Key records (Redis when configured, so retries may land anywhere). */
  store: Store;
  /** AUDIT_ENABLED: the audit log (src/audit). */
  audit?: AuditLog;
  /** Where 5xx errors are reported (the answer itself never carries internals). */
  logError?: (error: unknown) => void;
  /** Request ids, log lines, metrics, drain, /metrics and /readyz (src/observability): first in the chain. */
  observability?: Pick<HttpObservability, 'requestHandlers' | 'errorObserver'>;
}

/** APIO gateway routes, also served under the APIO-core proxy prefix. */
export const API_PREFIXES = ['/api/v1', '/api/v01/p1'] as const;

export function createApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('strict routing', true);
  app.set('query parser', 'simple');
  // No ETag: provisioning answers are not cached, and hashing every body cost ~2% of a GET (bench).
  app.set('etag', false);
  if (deps.security.trustProxy) app.set('trust proxy', true);
  if (deps.observability) app.use(deps.observability.requestHandlers);
  app.use('/api', apiHeaders);
  if (deps.audit) app.use('/api', auditRequests(deps.audit));
  app.use('/api', limitByAddress(deps.security));

  app.get('/healthz', (_request, response) => {
    response.json({ status: 'ok' });
  });
  // Written from the route declarations (below) on its first request: ~60 ms of zod to JSON Schema
  // that start-up and /healthz need not wait for.
  let routes: DeclaredRoute[] = [];
  let openApi: object | undefined;
  app.get('/api/v1/openapi.json', (_request, response) => {
    openApi ??= openApiDocument({
      routes,
      tags: deps.services.map((service) => service.tag),
      schemas: Object.assign({}, ...deps.services.map((service) => service.schemas)),
    });
    response.json(openApi);
  });
  // The interactive docs page over that document (Swagger UI from swagger-ui-dist, no CDN).
  app.use(docsRoutes());

  app.use(authRoutes(deps.security));
  const guard = createGuard(deps.security);
  const audit = deps.audit && auditRoutes(deps.audit, guard);
  if (audit) app.use('/api/v1', requireTrailingSlash, audit.router);

  const api = express.Router({ strict: true });
  api.use(requireTrailingSlash);
  const logError = deps.logError ?? ((error) => console.error(error));
  const idempotency = idempotent(new IdempotencyRecords(deps.store), logError);
  const services = serviceRoutes(deps.services.flatMap((service) => service.routes), guard, idempotency);
  api.use(services.router);
  for (const prefix of API_PREFIXES) app.use(prefix, api);
  // Every route with what it demands, for the scope matrix test and anyone who asks.
  routes = [...AUTH_ROUTES, ...services.declared(API_PREFIXES), ...(audit?.declared(['/api/v1']) ?? [])];
  app.locals.routes = routes;

  app.use(notFound);
  if (deps.observability) app.use(deps.observability.errorObserver);
  app.use(errorMiddleware(logError));
  return app;
}
