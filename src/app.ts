// createApp(deps): the Express application. It never listens; main.ts does.
import express from 'express';
import type { InstantGroupCallDeps } from './domain/instant-group-call/service.js';
import { instantGroupCallRoutes } from './http/instant-group-call-routes.js';
import { errorMiddleware, notFound, requireTrailingSlash } from './http/middleware.js';
import { openApiDocument } from './http/openapi.js';

export interface AppDeps {
  instantGroupCalls: InstantGroupCallDeps;
  /** Where 5xx errors are reported (the answer itself never carries internals). */
  logError?: (error: unknown) => void;
}

/** APIO gateway routes, also served under the APIO-core proxy prefix. */
export const API_PREFIXES = ['/api/v1', '/api/v01/p1'] as const;

export function createApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('strict routing', true);
  app.set('query parser', 'simple');

  app.get('/healthz', (_request, response) => {
    response.json({ status: 'ok' });
  });
  const openApi = openApiDocument();
  app.get('/api/v1/openapi.json', (_request, response) => {
    response.json(openApi);
  });

  const api = express.Router({ strict: true });
  api.use(requireTrailingSlash);
  api.use(instantGroupCallRoutes(deps.instantGroupCalls));
  for (const prefix of API_PREFIXES) app.use(prefix, api);

  app.use(notFound);
  app.use(errorMiddleware(deps.logError ?? ((error) => console.error(error))));
  return app;
}
