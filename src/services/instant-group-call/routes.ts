// APIO Instant Group Call routes, thin: each hands the URL ids and the body to a use case. Every
// route needs at least a Group Admin of the URL's group (APIO's IGC page: "minimum Group Admin");
// changes take ?dry_run=true (src/http mounts them, domain/dry-run answers the documents).
import type { RoutePolicy } from '../../auth/index.js';
import { UserLevels } from '../../auth/index.js';
import type { ServiceRoute } from '../service-module.js';
import { createInstance } from './create-instance.js';
import { examples } from './openapi-examples.js';
import { deleteInstance, getInstance, listInstances, setActiveStatus } from './service.js';
import type { InstantGroupCallDeps } from './settings.js';
import { updateInstance } from './update-instance.js';

const GROUP_ADMIN: RoutePolicy = { minLevel: UserLevels.GROUP_ADMIN, scope: 'group' };
const GROUP = '/tenants/:tenant_id/groups/:group_id/services';
const INSTANCE = `${GROUP}/instant_group_calls/:service_user_id/`;

export const routes: readonly ServiceRoute<InstantGroupCallDeps>[] = [
  {
    method: 'get',
    path: `${GROUP}/instant_group_calls/`,
    policy: GROUP_ADMIN,
    run: (deps, p) => listInstances(deps, p.tenant_id!, p.group_id!),
    doc: { summary: 'List instant group calls', answer: { description: 'The list', schema: 'InstantGroupCallList', examples: examples.list } },
  },
  {
    method: 'post',
    path: `${GROUP}/instant_group_calls/`,
    policy: GROUP_ADMIN,
    body: true,
    change: true,
    run: (deps, p, body, context) => createInstance(deps, p.tenant_id!, p.group_id!, body, context?.memo),
    doc: {
      summary: 'Create an instant group call',
      request: { schema: 'InstantGroupCallCreate', examples: examples.createRequest },
      answer: { description: 'The created instance, with its serviceUserId', schema: 'InstantGroupCall', examples: examples.createAnswer },
      partial: true,
    },
  },
  {
    method: 'get',
    path: INSTANCE,
    policy: GROUP_ADMIN,
    run: (deps, p) => getInstance(deps, p.tenant_id!, p.group_id!, p.service_user_id!),
    doc: { summary: 'Read an instant group call', answer: { description: 'The instance', schema: 'InstantGroupCall', examples: examples.instance } },
  },
  {
    method: 'put',
    path: INSTANCE,
    policy: GROUP_ADMIN,
    body: true,
    change: true,
    run: (deps, p, body) => updateInstance(deps, p.tenant_id!, p.group_id!, p.service_user_id!, body),
    doc: {
      summary: 'Update an instant group call (absent fields are left as they are)',
      request: { schema: 'InstantGroupCallUpdate', examples: examples.updateRequest },
      answer: { description: 'The instance after the change', schema: 'InstantGroupCall', examples: examples.instance },
      partial: true,
    },
  },
  {
    method: 'delete',
    path: INSTANCE,
    policy: GROUP_ADMIN,
    change: true,
    run: (deps, p) => deleteInstance(deps, p.tenant_id!, p.group_id!, p.service_user_id!),
    doc: { summary: 'Delete an instant group call', answer: { description: 'Deleted: {}', schema: { type: 'object' }, examples: examples.empty } },
  },
  {
    method: 'put',
    path: `${GROUP}/instant_group_calls_active/`,
    policy: GROUP_ADMIN,
    body: true,
    change: true,
    run: (deps, p, body) => setActiveStatus(deps, p.tenant_id!, p.group_id!, body),
    doc: {
      summary: 'Set the active status of instant group calls (minimum Group Admin)',
      request: { schema: 'InstantGroupCallActiveList', examples: examples.activeRequest },
      answer: { description: 'Done: {}', schema: { type: 'object' }, examples: examples.empty },
    },
  },
];
