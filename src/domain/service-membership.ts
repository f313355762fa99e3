// Is this service instance in this group, now? BroadWorks finds a service user by id alone, so a
// read through a group's URL must check the group itself, or the URL could reach another group's
// instance. One exact search (UserGetServiceInstanceListInServiceProviderRequest, user id and group
// id both "Equal To", case-sensitive, and the service type) answers it in at most one row, however
// large the group; it rides in the same document as the read, so it costs no round trip and sees
// the world as the read does — a deletion and a re-creation elsewhere under the same id included.
import { answerTo, command } from '../ocip/client.js';
import type { Command, CommandResult } from '../ocip/client.js';
import { UserGetServiceInstanceListInServiceProviderRequest } from '../ocip/codec/index.js';

/** OCISchemaDataTypes.xsd ServiceType, for the kinds of instance the adapter serves. */
export type ServiceTypeName = 'Instant Group Call';

export function membershipCommand(tenantId: string, groupId: string, serviceUserId: string, serviceType: ServiceTypeName): Command<typeof UserGetServiceInstanceListInServiceProviderRequest> {
  const exact = (value: string) => [{ mode: 'Equal To' as const, value, isCaseInsensitive: false }];
  return command(UserGetServiceInstanceListInServiceProviderRequest, {
    serviceProviderId: tenantId,
    SearchCriteriaGroupId: exact(groupId),
    SearchCriteriaExactServiceType: { serviceType },
    searchCriteriaUserId: exact(serviceUserId),
  });
}

/** The search's answer: a row naming exactly this id in exactly this group (the row is checked too). */
export function isMember(result: CommandResult<unknown> | undefined, groupId: string, serviceUserId: string): boolean {
  const table = answerTo(result, UserGetServiceInstanceListInServiceProviderRequest).serviceInstanceTable;
  return table.rows.some((row) => row['User Id'] === serviceUserId && row['Group Id'] === groupId);
}
