// Active status and group membership of service instances, read from a group's instance list.
// BroadWorks lists every service type's instances as an OCITable with "Service User Id" and
// "Is Active" columns (e.g. GroupInstantGroupCallGetInstanceListResponse, and hunt groups alike).
import type { OciTable } from '../ocip/codec/index.js';
import { ApioError } from './errors.js';

/** Service user id → active, for every instance of the list. */
export function activeFlags(table: OciTable): Map<string, boolean> {
  return new Map(table.rows.map((row) => [row['Service User Id'] ?? '', row['Is Active'] === 'true']));
}

/**
 * 404 naming every id that is not an instance of the group. BroadWorks finds a service user by id
 * alone, so without this check a URL could reach (or change) another group's instance.
 */
export function requireMembers(members: ReadonlyMap<string, boolean>, ids: readonly string[], noun: string): void {
  const missing = ids.filter((id) => !members.has(id));
  if (missing.length > 0) throw new ApioError('NOT_FOUND', `${noun}(s) not found in this group: ${missing.join(', ')}`);
}
