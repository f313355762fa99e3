// What every APIO service type's use cases run on: the OCI-P gateway, the group facts cache, the
// provisioning templates and the shared id reservations. buildAdapter (src/adapter.ts) makes one.
import type { OcipGateway } from '../ocip/client.js';
import type { ActiveStatusCache } from './active-status-cache.js';
import type { GroupDataCache } from './group-data.js';
import type { IdReservations } from './id-reservations.js';
import type { TemplateCatalogue } from './templates.js';

export interface ServiceInstanceKit {
  ocip: OcipGateway;
  groups: GroupDataCache;
  templates: TemplateCatalogue;
  /** Reserves generated ids in the shared store for the time of their Add (id-reservations.ts). */
  ids?: IdReservations;
  /** Groups' active flags for reads, bounded in age, dropped by every change this adapter sends. */
  activeStatus: ActiveStatusCache;
}
