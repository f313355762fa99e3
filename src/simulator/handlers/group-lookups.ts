// Group lookups: profile, domains, DNs and departments (OCISchemaGroup.xsd).
import {
  GroupDepartmentGetListRequest18,
  GroupDnGetListRequest,
  GroupDomainGetAssignedListRequest,
  GroupGetRequest14sp7,
  GroupGetRequest22V5,
} from '../../ocip/codec/index.js';
import type { GroupGetResponse22V5, CommandValue } from '../../ocip/codec/index.js';
import { simError } from '../errors.js';
import { departmentsVisibleTo, fullPathName } from '../world/departments.js';
import { timeZoneDisplayName } from '../world/time-zones.js';
import type { GroupRecord } from '../world/types.js';
import { groupScope, handler } from './context.js';
import type { Handler, HandlerContext } from './context.js';

export const DEPARTMENT_HEADINGS = [
  'Is Enterprise Department',
  'Department Name',
  'Full Path Name',
  'Calling Line Id Name',
  'Calling Line Id Phone Number',
];

export const groupLookupHandlers: Handler[] = [
  handler(GroupGetRequest22V5, (ctx, value) => {
    // groupExternalId is an AS-mode alternative the simulator's world has no ids for.
    if (value.serviceProviderId === undefined || value.groupId === undefined) {
      throw simError('GROUP_NOT_FOUND', value.groupExternalId ?? '');
    }
    const group = authorizedGroup(ctx, value.serviceProviderId, value.groupId);
    return groupProfile(group, ctx.now);
  }),

  // R21's group read: the first twelve elements of the 22V5 answer (the same sequence head).
  handler(GroupGetRequest14sp7, (ctx, value) => {
    const { serviceProviderId: _provider, groupId: _group, ...profile } = groupProfile(authorizedGroup(ctx, value.serviceProviderId, value.groupId), ctx.now);
    return profile;
  }),

  handler(GroupDomainGetAssignedListRequest, (ctx, value) => {
    const group = authorizedGroup(ctx, value.serviceProviderId, value.groupId);
    return { groupDefaultDomain: group.defaultDomain, domain: [...group.domains] };
  }),

  // One DN per number, E.164, in number order.
  handler(GroupDnGetListRequest, (ctx, value) => {
    const group = authorizedGroup(ctx, value.serviceProviderId, value.groupId);
    return { phoneNumber: ctx.world.dnsOfGroup(group) };
  }),

  handler(GroupDepartmentGetListRequest18, (ctx, value) => {
    const group = authorizedGroup(ctx, value.serviceProviderId, value.groupId);
    const rows = departmentsVisibleTo(ctx.world, group, value.includeEnterpriseDepartments).map((department) => ({
      'Is Enterprise Department': String(department.groupId === undefined),
      'Department Name': department.name,
      'Full Path Name': fullPathName(ctx.world, department),
      'Calling Line Id Name': department.callingLineIdName ?? '',
      'Calling Line Id Phone Number': department.callingLineIdPhoneNumber ?? '',
    }));
    return { departmentTable: { headings: [...DEPARTMENT_HEADINGS], rows } };
  }),
];

/** Scope first (a group admin learns nothing about other groups), then existence (4152). */
export function authorizedGroup(ctx: HandlerContext, serviceProviderId: string, groupId: string): GroupRecord {
  ctx.authorize(groupScope({ serviceProviderId, groupId }));
  return ctx.world.requireGroup(serviceProviderId, groupId);
}

function groupProfile(group: GroupRecord, now: number): CommandValue<typeof GroupGetResponse22V5> {
  const profile: CommandValue<typeof GroupGetResponse22V5> = {
    defaultDomain: group.defaultDomain,
    userLimit: group.userLimit,
    // Service instances are virtual users: they do not count against the user limit.
    userCount: 0,
    timeZone: group.timeZone,
    timeZoneDisplayName: timeZoneDisplayName(group.timeZone, now),
    serviceProviderId: group.serviceProviderId,
    groupId: group.groupId,
  };
  if (group.groupName !== undefined) profile.groupName = group.groupName;
  if (group.callingLineIdName !== undefined) profile.callingLineIdName = group.callingLineIdName;
  if (group.callingLineIdPhoneNumber !== undefined) profile.callingLineIdPhoneNumber = group.callingLineIdPhoneNumber;
  if (group.locationDialingCode !== undefined) profile.locationDialingCode = group.locationDialingCode;
  if (group.contact && Object.keys(group.contact).length > 0) profile.contact = { ...group.contact };
  if (group.address && Object.keys(group.address).length > 0) profile.address = { ...group.address };
  return profile;
}
