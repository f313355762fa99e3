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
