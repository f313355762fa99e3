// Mounts the registered services' routes (src/services): each guarded by its policy, a JSON object
// body where it takes one, and on a change ?dry_run=true (the documents it would send instead) and
// an Idempotency-Key (idempotency/idempotent.ts: a retry gets the first answer).
import type { Request, RequestHandler, Response } from 'express';
import type { BoundRoute } from '../services/index.js';
import { GuardedRouter } from './auth-guard.js';
import type { Guard } from './auth-guard.js';
import { dryRunRequested } from './dry-run.js';
import { idempotencyMemoOf } from './idempotency/idempotent.js';
import { requireJsonObject } from './middleware.js';

export function serviceRoutes(routes: readonly BoundRoute[], guard: Guard, idempotent: RequestHandler): GuardedRouter {
  const router = new GuardedRouter(guard);
  for (const route of routes) {
    const handler = async (request: Request<Record<string, string>>, response: Response) => {
      const body: unknown = request.body;
      const memo = idempotencyMemoOf(request);
      response.json(
        route.change && dryRunRequested(request) ? await route.dryRun(request.params, body) : await route.run(request.params, body, memo && { memo }),
      );
    };
    const before = [...(route.body ? [requireJsonObject] : []), ...(route.change ? [idempotent] : [])];
    router.route(route.method, route.path, route.policy, ...before, handler);
  }
  return router;
}
