// How an Instant Group Call instance is read back and checked for membership (domain/read-back.ts),
// and the query a dry run uses to find whether an id is taken.
import { command } from '../../ocip/client.js';
import type { BatchItem } from '../../ocip/client.js';
import { GroupInstantGroupCallGetInstanceListRequest, GroupInstantGroupCallGetInstanceRequest19sp1 } from '../../ocip/codec/index.js';
import type { InstanceReads } from '../../domain/read-back.js';

export const instanceReads: InstanceReads<typeof GroupInstantGroupCallGetInstanceRequest19sp1, typeof GroupInstantGroupCallGetInstanceListRequest> = {
  noun: 'instant group call',
  instanceSpec: GroupInstantGroupCallGetInstanceRequest19sp1,
  listSpec: GroupInstantGroupCallGetInstanceListRequest,
  instance: (serviceUserId) => ({ serviceUserId }),
  list: (serviceProviderId, groupId) => ({ serviceProviderId, groupId }),
  table: (list) => list.instantGroupCallTable,
};

/** Succeeds when BroadWorks has an instance with this id (a dry run's existence check). */
export function instanceExists(serviceUserId: string): BatchItem {
  return command(GroupInstantGroupCallGetInstanceRequest19sp1, { serviceUserId });
}

/** What a client can read to see whether an instance exists (an in-doubt answer's details.check). */
export function instanceCheck(tenantId: string, groupId: string, serviceUserId: string): string {
  return `GET /api/v1/tenants/${tenantId}/groups/${groupId}/services/instant_group_calls/${serviceUserId}/`;
}

/** What a client can read to see the active flags of a group's instances. */
export function listCheck(tenantId: string, groupId: string): string {
  return `GET /api/v1/tenants/${tenantId}/groups/${groupId}/services/instant_group_calls/ (with SERVICE_USERS_RETURN_ACTIVE_STATUS, GET each instance)`;
}
