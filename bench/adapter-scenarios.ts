// The benchmark's world and scenarios. Each scenario is one REST operation and, beside it, the same
// OCI-P documents the adapter sends for it, done with the project's OCI-P client alone.
import type autocannon from 'autocannon';
import {
  command,
  GroupAddRequest,
  GroupDepartmentGetListRequest18,
  GroupInstantGroupCallAddInstanceRequest14,
  GroupInstantGroupCallDeleteInstanceRequest,
  GroupInstantGroupCallGetInstanceListRequest,
  GroupInstantGroupCallGetInstanceRequest19sp1,
  GroupInstantGroupCallModifyActiveInstanceListRequest,
} from '../src/ocip/index.js';
import type { BatchItem, OcipClient } from '../src/ocip/index.js';
import { membershipCommand } from '../src/domain/service-membership.js';
import type { BareStep } from './bare-ocip.js';

export const TENANT = 'ApioSpTest';
export const GROUP = 'ApioGrpTest';
export const DOMAIN = 'sip.netaxis.be';
export const GET_ID = `bench_get@${DOMAIN}`;
/** A second group of 10 instances, beside GROUP grown to 1,000: a read must not cost more in the larger. */
export const SMALL_GROUP = 'ApioGrpBench10';
export const SMALL_GET_ID = `bench10_get@${DOMAIN}`;
const SMALL_GROUP_SIZE = 10;
const baseOf = (groupId: string) => `/api/v1/tenants/${TENANT}/groups/${groupId}/services`;
const LIST_PATH = `${baseOf(GROUP)}/instant_group_calls/`;
const ACTIVE_PATH = `${baseOf(GROUP)}/instant_group_calls_active/`;
export const instancePath = (serviceUserId: string, groupId = GROUP) => `${baseOf(groupId)}/instant_group_calls/${serviceUserId}/`;

export const ROUTES = {
  list: '/api/v1/tenants/:tenant_id/groups/:group_id/services/instant_group_calls/',
  instance: '/api/v1/tenants/:tenant_id/groups/:group_id/services/instant_group_calls/:service_user_id/',
  active: '/api/v1/tenants/:tenant_id/groups/:group_id/services/instant_group_calls_active/',
};

export interface Scenario {
  name: string;
  connections: number;
  /** Cycled on every connection. */
  http: autocannon.Request[];
  /** The route labels of the REST calls (for OCI-P documents per call, from /metrics). */
  routes: string[];
  /** The same OCI-P documents per REST call, cycled per caller. */
  bare: BareStep[];
}

const bulkId = (index: number) => `bench_${String(index).padStart(4, '0')}@${DOMAIN}`;

function addValue(serviceUserId: string, name: string, groupId = GROUP) {
  return {
    serviceProviderId: TENANT,
    groupId,
    serviceUserId,
    serviceInstanceProfile: {
      name,
      callingLineIdLastName: 'Bench',
      callingLineIdFirstName: name.slice(0, 30),
      ...(groupId === GROUP && {
        department: { $type: 'GroupDepartmentKey' as const, serviceProviderId: TENANT, groupId: GROUP, name: 'test_department_initial' },
      }),
    },
    destinationPhoneNumber: [] as string[],
    isAnswerTimeoutEnabled: false,
  };
}

/** Creates the instance GET reads, with two destinations. */
export async function createGetInstance(client: OcipClient, serviceUserId = GET_ID, groupId = GROUP): Promise<void> {
  await client.execute(GroupInstantGroupCallAddInstanceRequest14, {
    ...addValue(serviceUserId, 'Bench get', groupId),
    destinationPhoneNumber: ['+3271123456', '+3271123457'],
    isAnswerTimeoutEnabled: true,
    answerTimeoutMinutes: 5,
  });
}

/** SMALL_GROUP with SMALL_GET_ID (as GET_ID) and 9 more instances. */
export async function createSmallGroup(client: OcipClient): Promise<void> {
  await client.execute(GroupAddRequest, { serviceProviderId: TENANT, groupId: SMALL_GROUP, defaultDomain: DOMAIN, userLimit: 1000 });
  await createGetInstance(client, SMALL_GET_ID, SMALL_GROUP);
  const items = Array.from({ length: SMALL_GROUP_SIZE - 1 }, (_, index) =>
    command(GroupInstantGroupCallAddInstanceRequest14, addValue(`bench10_${index}@${DOMAIN}`, `Bench small ${index}`, SMALL_GROUP)),
  );
  await batch(client, items);
}

/** Grows the group to `total` bulk instances (bench_0000 …), 15 Add commands per document, 8 documents at once. */
export async function growGroup(client: OcipClient, from: number, total: number): Promise<void> {
  const items: BatchItem[] = [];
  for (let index = from; index < total; index++) {
    items.push(command(GroupInstantGroupCallAddInstanceRequest14, addValue(bulkId(index), `Bench instance ${index}`)));
  }
  const chunks: BatchItem[][] = [];
  for (let start = 0; start < items.length; start += 15 * 4) chunks.push(items.slice(start, start + 15 * 4));
  for (let start = 0; start < chunks.length; start += 8) {
    const results = await Promise.all(chunks.slice(start, start + 8).map((chunk) => client.executeBatch(chunk)));
    const failed = results.flat().find((result) => !result.ok);
    if (failed && !failed.ok) throw failed.error;
  }
}

const memberCommand = (serviceUserId: string, groupId = GROUP) => membershipCommand(TENANT, groupId, serviceUserId, 'Instant Group Call');
const listCommand = (groupId = GROUP) => command(GroupInstantGroupCallGetInstanceListRequest, { serviceProviderId: TENANT, groupId });

async function batch(client: OcipClient, items: BatchItem[]): Promise<void> {
  const results = await client.executeBatch(items);
  const failed = results.find((result) => !result.ok);
  if (failed && !failed.ok) throw failed.error;
}

export function getInstance(client: OcipClient, connections: number, label = 'GET instance', groupId = GROUP): Scenario {
  const serviceUserId = groupId === GROUP ? GET_ID : SMALL_GET_ID;
  return {
    name: `${label} x${connections}`,
    connections,
    http: [{ method: 'GET', path: instancePath(serviceUserId, groupId) }],
    routes: [ROUTES.instance],
    // getInstance: the instance and the exact membership search in one document (the group's list,
    // for the active flag, rides along at most once per second per group: active-status-cache.ts).
    bare: [() => batch(client, [command(GroupInstantGroupCallGetInstanceRequest19sp1, { serviceUserId }), memberCommand(serviceUserId, groupId)])],
  };
}

export function getList(client: OcipClient, instances: number, connections: number): Scenario {
  return {
    name: `GET list (${instances.toLocaleString('en')}) x${connections}`,
    connections,
    http: [{ method: 'GET', path: LIST_PATH }],
    routes: [ROUTES.list],
    // listInstances: the list and the departments (for their full path names) in one document.
    bare: [
      () =>
        batch(client, [
          listCommand(),
          command(GroupDepartmentGetListRequest18, { serviceProviderId: TENANT, groupId: GROUP, includeEnterpriseDepartments: true }),
        ]),
    ],
  };
}

let pairSequence = 0;
const nextPairId = (prefix: string) => `bench_${prefix}${++pairSequence}@${DOMAIN}`;

export function postDeletePairs(client: OcipClient, connections: number): Scenario {
  return {
    name: `POST+DELETE x${connections}`,
    connections,
    http: [
      {
        method: 'POST',
        path: LIST_PATH,
        setupRequest: (request, context: object) => {
          const serviceUserId = nextPairId('h');
          (context as Record<string, unknown>).serviceUserId = serviceUserId;
          const body = {
            serviceUserId,
            serviceInstanceProfile: {
              name: 'Bench pair',
              cliFirstName: 'Bench',
              cliLastName: 'Pair',
              department: { tenantId: TENANT, groupId: GROUP, departmentName: 'test_department_initial' },
            },
            answerTimeoutEnabled: false,
          };
          return { ...request, body: JSON.stringify(body) };
        },
      },
      {
        method: 'DELETE',
        setupRequest: (request, context: object) => ({
          ...request,
          path: instancePath(String((context as Record<string, unknown>).serviceUserId)),
        }),
      },
    ],
    routes: [ROUTES.list, ROUTES.instance],
    bare: [
      // createInstance: Add and the read-back in one document (the group data is cached).
      async (context) => {
        const serviceUserId = nextPairId('b');
        context.serviceUserId = serviceUserId;
        await batch(client, [
          command(GroupInstantGroupCallAddInstanceRequest14, addValue(serviceUserId, 'Bench pair')),
          command(GroupInstantGroupCallGetInstanceRequest19sp1, { serviceUserId }),
          listCommand(),
        ]);
      },
      // deleteInstance: the membership search, then the Delete.
      async (context) => {
        await batch(client, [memberCommand(String(context.serviceUserId))]);
        await batch(client, [command(GroupInstantGroupCallDeleteInstanceRequest, { serviceUserId: String(context.serviceUserId) })]);
      },
    ],
  };
}

export function putActive(client: OcipClient, services: number, connections: number): Scenario {
  const ids = Array.from({ length: services }, (_, index) => bulkId(index));
  // Each connection alternates all-inactive and all-active, so every PUT changes the world.
  const bodies = [false, true].map((active) => JSON.stringify({ services: ids.map((serviceUserId) => ({ serviceUserId, active })) }));
  const activation = [false, true].map((isActive) => ids.map((serviceUserId) => ({ serviceUserId, isActive })));
  const flip = (context: Record<string, unknown>) => {
    const next = context.active === 1 ? 0 : 1;
    context.active = next;
    return next;
  };
  return {
    name: `PUT active (${services}) x${connections}`,
    connections,
    http: [{ method: 'PUT', path: ACTIVE_PATH, setupRequest: (request, context: object) => ({ ...request, body: bodies[flip(context as Record<string, unknown>)]! }) }],
    routes: [ROUTES.active],
    // setActiveStatus: the membership check, then one ModifyActiveInstanceList.
    bare: [
      async (context) => {
        await batch(client, [listCommand()]);
        await batch(client, [command(GroupInstantGroupCallModifyActiveInstanceListRequest, { serviceActivation: activation[flip(context)]! })]);
      },
    ],
  };
}
