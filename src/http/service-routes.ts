// Mounts the registered services' routes (src/services): each guarded by its policy, a JSON object
// body where it takes one, and ?dry_run=true on a change (the documents it would send instead).
import type { Request, Response } from 'express';
import type { BoundRoute } from '../services/index.js';
import { GuardedRouter } from './auth-guard.js';
import type { Guard } from './auth-guard.js';
import { dryRunRequested } from './dry-run.js';
import { requireJsonObject } from './middleware.js';

export function serviceRoutes(routes: readonly BoundRoute[], guard: Guard): GuardedRouter {
  const router = new GuardedRouter(guard);
  for (const route of routes) {
    const handler = async (request: Request<Record<string, string>>, response: Response) => {
      const body: unknown = request.body;
      response.json(route.change && dryRunRequested(request) ? await route.dryRun(request.params, body) : await route.run(request.params, body));
    };
    if (route.body) router.route(route.method, route.path, route.policy, requireJsonObject, handler);
    else router.route(route.method, route.path, route.policy, handler);
  }
  return router;
}
