// The service instance search of a service provider (OCISchemaUser.xsd
// UserGetServiceInstanceListInServiceProviderRequest): every criterion given must match ("Multiple
// search criteria are logically ANDed together"); several of one kind too. The world's only service
// instances are Instant Group Calls, so any other exact service type finds nothing.
import { UserGetServiceInstanceListInServiceProviderRequest } from '../../ocip/codec/index.js';
import type { CommandValue } from '../../ocip/codec/index.js';
import type { InstantGroupCallRecord } from '../world/types.js';
import { handler, providerScope } from './context.js';
import type { Handler } from './context.js';

export const SERVICE_INSTANCE_HEADINGS = ['User Id', 'Group Id', 'Service Type', 'Name', 'Phone Number', 'Extension', 'Department'];

type Search = CommandValue<typeof UserGetServiceInstanceListInServiceProviderRequest>;
interface TextCriterion {
  mode: 'Starts With' | 'Contains' | 'Equal To';
  value: string;
  isCaseInsensitive: boolean;
}

export const serviceInstanceHandlers: Handler[] = [
  handler(UserGetServiceInstanceListInServiceProviderRequest, (ctx, value) => {
    // A provider-level request: a group administrator is refused (4902) like any provider query.
    ctx.authorize(providerScope(value.serviceProviderId));
    ctx.world.requireServiceProvider(value.serviceProviderId);
    const rows = candidates(ctx.world.instantGroupCalls, value)
      .filter((igc) => igc.serviceProviderId === value.serviceProviderId && matches(igc, value))
      .slice(0, value.responseSizeLimit ?? Infinity)
      .map((igc) => ({
        'User Id': igc.serviceUserId,
        'Group Id': igc.groupId,
        'Service Type': 'Instant Group Call',
        Name: igc.name,
        'Phone Number': igc.phoneNumber ?? '',
        Extension: igc.extension ?? '',
        Department: igc.department?.name ?? '',
      }));
    return { serviceInstanceTable: { headings: [...SERVICE_INSTANCE_HEADINGS], rows } };
  }),
];

/** A case-sensitive "Equal To" user id names at most one instance: look it up instead of scanning. */
function candidates(all: ReadonlyMap<string, InstantGroupCallRecord>, search: Search): InstantGroupCallRecord[] {
  const exact = (search.searchCriteriaUserId ?? []).find((criterion) => criterion.mode === 'Equal To' && !criterion.isCaseInsensitive);
  if (!exact) return [...all.values()];
  const record = all.get(exact.value);
  return record ? [record] : [];
}

function matches(igc: InstantGroupCallRecord, search: Search): boolean {
  const type = search.SearchCriteriaExactServiceType?.serviceType;
  if (type !== undefined && type !== 'Instant Group Call') return false;
  const department = search.searchCriteriaExactUserDepartment?.departmentKey;
  if (department) {
    const ref = igc.department;
    const groupId = department.$type === 'GroupDepartmentKey' ? department.groupId : undefined;
    if (!ref || ref.serviceProviderId !== department.serviceProviderId || ref.groupId !== groupId || ref.name !== department.name) return false;
  }
  return (
    all(search.SearchCriteriaGroupId, igc.groupId) &&
    all(search.searchCriteriaUserId, igc.serviceUserId) &&
    all(search.searchCriteriaUserLastName, igc.callingLineIdLastName) &&
    all(search.searchCriteriaDn, igc.phoneNumber) &&
    all(search.searchCriteriaExtension, igc.extension)
  );
}

/** Every criterion of one kind holds; a field the instance lacks matches none. */
function all(criteria: readonly TextCriterion[] | undefined, field: string | undefined): boolean {
  return (criteria ?? []).every((criterion) => field !== undefined && textMatches(criterion, field));
}

function textMatches(criterion: TextCriterion, field: string): boolean {
  const [text, wanted] = criterion.isCaseInsensitive ? [field.toLowerCase(), criterion.value.toLowerCase()] : [field, criterion.value];
  switch (criterion.mode) {
    case 'Equal To':
      return text === wanted;
    case 'Starts With':
      return text.startsWith(wanted);
    case 'Contains':
      return text.includes(wanted);
  }
}
