// APIO Instant Group Call routes. Thin: each hands the URL ids and body to a use case.
import { Router } from 'express';
import type { Request } from 'express';
import { createInstance } from '../domain/instant-group-call/create-instance.js';
import { deleteInstance, getInstance, listInstances, setActiveStatus } from '../domain/instant-group-call/service.js';
import type { InstantGroupCallDeps } from '../domain/instant-group-call/service.js';
import { updateInstance } from '../domain/instant-group-call/update-instance.js';
import { requireJsonObject } from './middleware.js';

type GroupParams = { tenant_id: string; group_id: string };
type InstanceParams = GroupParams & { service_user_id: string };

export function instantGroupCallRoutes(deps: InstantGroupCallDeps): Router {
  const router = Router({ strict: true, mergeParams: true });
  const base = '/tenants/:tenant_id/groups/:group_id/services';

  router.get(`${base}/instant_group_calls/`, async (request: Request<GroupParams>, response) => {
    response.json(await listInstances(deps, request.params.tenant_id, request.params.group_id));
  });
  router.post(`${base}/instant_group_calls/`, requireJsonObject, async (request: Request<GroupParams>, response) => {
    response.json(await createInstance(deps, request.params.tenant_id, request.params.group_id, request.body));
  });
  router.get(`${base}/instant_group_calls/:service_user_id/`, async (request: Request<InstanceParams>, response) => {
    const { tenant_id, group_id, service_user_id } = request.params;
    response.json(await getInstance(deps, tenant_id, group_id, service_user_id));
  });
  router.put(`${base}/instant_group_calls/:service_user_id/`, requireJsonObject, async (request: Request<InstanceParams>, response) => {
    const { tenant_id, group_id, service_user_id } = request.params;
    response.json(await updateInstance(deps, tenant_id, group_id, service_user_id, request.body));
  });
  router.delete(`${base}/instant_group_calls/:service_user_id/`, async (request: Request<InstanceParams>, response) => {
    const { tenant_id, group_id, service_user_id } = request.params;
    await deleteInstance(deps, tenant_id, group_id, service_user_id);
    response.json({});
  });
  router.put(`${base}/instant_group_calls_active/`, requireJsonObject, async (request: Request<GroupParams>, response) => {
    response.json(await setActiveStatus(deps, request.params.tenant_id, request.params.group_id, request.body));
  });
  return router;
}
