// APIO Instant Group Call routes. Thin: each hands the URL ids and body to a use case. Every route
// needs at least a Group Admin of the URL's group (APIO's IGC page: "minimum Group Admin").
// Mutating routes take ?dry_run=true (dry-run.ts): the OCI-P documents instead of the change, and
// an Idempotency-Key (idempotency/idempotent.ts): a retry gets the first answer.
import type { Request, RequestHandler } from 'express';
import type { RoutePolicy } from '../auth/index.js';
import { UserLevels } from '../auth/index.js';
import { createInstance } from '../domain/instant-group-call/create-instance.js';
import { deleteInstance, getInstance, listInstances, setActiveStatus } from '../domain/instant-group-call/service.js';
import type { InstantGroupCallDeps } from '../domain/instant-group-call/service.js';
import { updateInstance } from '../domain/instant-group-call/update-instance.js';
import { GuardedRouter } from './auth-guard.js';
import type { Guard } from './auth-guard.js';
import { orDryRun } from './dry-run.js';
import { requireJsonObject } from './middleware.js';

type GroupParams = { tenant_id: string; group_id: string };
type InstanceParams = GroupParams & { service_user_id: string };

const GROUP_ADMIN: RoutePolicy = { minLevel: UserLevels.GROUP_ADMIN, scope: 'group' };

export function instantGroupCallRoutes(deps: InstantGroupCallDeps, guard: Guard, idempotent: RequestHandler): GuardedRouter {
  const routes = new GuardedRouter(guard);
  const base = '/tenants/:tenant_id/groups/:group_id/services';

  routes.route('get', `${base}/instant_group_calls/`, GROUP_ADMIN, async (request: Request<GroupParams>, response) => {
    response.json(await listInstances(deps, request.params.tenant_id, request.params.group_id));
  });
  routes.route('post', `${base}/instant_group_calls/`, GROUP_ADMIN, requireJsonObject, idempotent, async (request: Request<GroupParams>, response) => {
    response.json(await orDryRun(request, deps, (run) => createInstance(run, request.params.tenant_id, request.params.group_id, request.body)));
  });
  routes.route('get', `${base}/instant_group_calls/:service_user_id/`, GROUP_ADMIN, async (request: Request<InstanceParams>, response) => {
    const { tenant_id, group_id, service_user_id } = request.params;
    response.json(await getInstance(deps, tenant_id, group_id, service_user_id));
  });
  routes.route('put', `${base}/instant_group_calls/:service_user_id/`, GROUP_ADMIN, requireJsonObject, idempotent, async (request: Request<InstanceParams>, response) => {
    const { tenant_id, group_id, service_user_id } = request.params;
    response.json(await orDryRun(request, deps, (run) => updateInstance(run, tenant_id, group_id, service_user_id, request.body)));
  });
  routes.route('delete', `${base}/instant_group_calls/:service_user_id/`, GROUP_ADMIN, idempotent, async (request: Request<InstanceParams>, response) => {
    const { tenant_id, group_id, service_user_id } = request.params;
    const deleted = orDryRun(request, deps, async (run) => {
      await deleteInstance(run, tenant_id, group_id, service_user_id);
      return {};
    });
    response.json(await deleted);
  });
  routes.route('put', `${base}/instant_group_calls_active/`, GROUP_ADMIN, requireJsonObject, idempotent, async (request: Request<GroupParams>, response) => {
    response.json(await orDryRun(request, deps, (run) => setActiveStatus(run, request.params.tenant_id, request.params.group_id, request.body)));
  });
  return routes;
}
