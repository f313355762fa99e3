// World rules at group level: groups, their profile (GroupModifyRequest), domains, DNs,
// departments and administrators. Each rule checks everything first and changes the world only
// when the whole command is acceptable.
import type {
  CommandValue,
  GroupAddRequest,
  GroupAdminAddRequest,
  GroupDepartmentAddRequest,
  GroupDnAssignListRequest,
  GroupModifyRequest,
} from '../../ocip/codec/index.js';
import { simError } from '../errors.js';
import { refOf, requireDepartmentFor } from './departments.js';
import { addAdmin, collectNumbers } from './providers.js';
import { checkTimeZone } from './time-zones.js';
import type { DepartmentRecord, GroupRecord } from './types.js';
import { groupKey } from './world.js';
import type { World } from './world.js';

/** GroupAddRequest's timeZone is optional; BroadWorks then uses the system's, here Brussels (the seed world's). */
export const DEFAULT_TIME_ZONE = 'Europe/Brussels';

export function addGroup(world: World, value: CommandValue<typeof GroupAddRequest>): void {
  const sp = world.requireServiceProvider(value.serviceProviderId);
  if (world.group(value.serviceProviderId, value.groupId)) {
    throw simError('GROUP_EXISTS', `${value.serviceProviderId}:${value.groupId}`);
  }
  requireProviderDomain(sp.domains, value.defaultDomain, sp.serviceProviderId);
  const timeZone = value.timeZone ?? DEFAULT_TIME_ZONE;
  checkTimeZone(timeZone);
  const group: GroupRecord = {
    serviceProviderId: value.serviceProviderId,
    groupId: value.groupId,
    defaultDomain: value.defaultDomain,
    userLimit: value.userLimit,
    timeZone,
    domains: [value.defaultDomain],
  };
  if (value.groupName !== undefined) group.groupName = value.groupName;
  if (value.callingLineIdName !== undefined) group.callingLineIdName = value.callingLineIdName;
  if (value.locationDialingCode !== undefined) group.locationDialingCode = value.locationDialingCode;
  if (value.contact) group.contact = definedStrings(value.contact);
  if (value.address) group.address = definedStrings(value.address);
  world.groups.set(groupKey(group.serviceProviderId, group.groupId), group);
  world.touch();
}

/** Partial: absent elements keep their value, nil clears. The CLI number must be a DN of the group. */
export function modifyGroup(world: World, group: GroupRecord, value: CommandValue<typeof GroupModifyRequest>): void {
  const sp = world.requireServiceProvider(group.serviceProviderId);
  if (value.defaultDomain !== undefined) requireProviderDomain(sp.domains, value.defaultDomain, sp.serviceProviderId);
  if (value.timeZone !== undefined) checkTimeZone(value.timeZone);
  let cli: string | null | undefined = value.callingLineIdPhoneNumber;
  if (typeof cli === 'string') {
    cli = world.canonicalNumber(cli, group);
    if (world.dns.get(cli)?.groupId !== group.groupId || world.dns.get(cli)?.serviceProviderId !== group.serviceProviderId) {
      throw simError('DN_NOT_IN_GROUP', cli);
    }
  }

  if (value.defaultDomain !== undefined) {
    group.defaultDomain = value.defaultDomain;
    if (!group.domains.includes(value.defaultDomain)) group.domains.push(value.defaultDomain);
  }
  if (value.userLimit !== undefined) group.userLimit = value.userLimit;
  if (value.timeZone !== undefined) group.timeZone = value.timeZone;
  setOrClear(group, 'groupName', value.groupName);
  setOrClear(group, 'callingLineIdName', value.callingLineIdName);
  setOrClear(group, 'callingLineIdPhoneNumber', cli);
  setOrClear(group, 'locationDialingCode', value.locationDialingCode);
  if (value.contact) group.contact = mergeNillable(group.contact, value.contact);
  if (value.address) group.address = mergeNillable(group.address, value.address);
  world.touch();
}

/** The domains must be assigned to the group's provider; one already assigned is a no-op. */
export function assignGroupDomains(world: World, group: GroupRecord, domains: readonly string[]): void {
  const sp = world.requireServiceProvider(group.serviceProviderId);
  for (const domain of domains) requireProviderDomain(sp.domains, domain, sp.serviceProviderId);
  const added = domains.filter((domain, i) => !group.domains.includes(domain) && domains.indexOf(domain) === i);
  if (added.length === 0) return;
  group.domains.push(...added);
  world.touch();
}

/** DNs "must have previously been added to the service provider"; one held by another group refuses the list. */
export function assignGroupDns(world: World, group: GroupRecord, value: CommandValue<typeof GroupDnAssignListRequest>): void {
  const numbers = collectNumbers(value, (input) => world.canonicalNumber(input, group));
  for (const number of numbers) {
    const dn = world.dns.get(number);
    if (!dn || dn.serviceProviderId !== group.serviceProviderId) throw simError('DN_NOT_IN_PROVIDER', number);
    if (dn.groupId !== undefined && dn.groupId !== group.groupId) {
      throw simError('DN_IN_USE', number, `assigned to group ${dn.groupId}`);
    }
  }
  for (const number of numbers) world.dns.get(number)!.groupId = group.groupId;
  if (numbers.length > 0) world.touch();
}

/** Names are unique within a group; the parent must be a department the group can see. */
export function addDepartment(world: World, group: GroupRecord, value: CommandValue<typeof GroupDepartmentAddRequest>): void {
  const ref = { serviceProviderId: group.serviceProviderId, groupId: group.groupId, name: value.departmentName };
  if (world.department(ref)) throw simError('DEPARTMENT_EXISTS', value.departmentName);
  const department: DepartmentRecord = { ...ref };
  if (value.parentDepartmentKey) {
    department.parent = refOf(requireDepartmentFor(world, group, value.parentDepartmentKey));
  }
  if (value.callingLineIdName !== undefined) department.callingLineIdName = value.callingLineIdName;
  if (value.callingLineIdPhoneNumber !== undefined) {
    department.callingLineIdPhoneNumber = world.canonicalNumber(value.callingLineIdPhoneNumber, group);
  }
  world.departments.push(department);
  world.touch();
}

export function addGroupAdmin(world: World, group: GroupRecord, value: CommandValue<typeof GroupAdminAddRequest>): void {
  if (world.userIdTaken(value.userId)) throw simError('ADMIN_EXISTS', value.userId);
  addAdmin(world, { userId: value.userId, kind: 'group', serviceProviderId: group.serviceProviderId, groupId: group.groupId }, value);
}

function requireProviderDomain(domains: readonly string[], domain: string, serviceProviderId: string): void {
  if (!domains.includes(domain)) throw simError('DOMAIN_NOT_ASSIGNED', domain, `not assigned to service provider ${serviceProviderId}`);
}

type NillableKey = 'groupName' | 'callingLineIdName' | 'callingLineIdPhoneNumber' | 'locationDialingCode';

function setOrClear(group: GroupRecord, key: NillableKey, value: string | null | undefined): void {
  if (value === null) delete group[key];
  else if (value !== undefined) group[key] = value;
}

function definedStrings(value: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, item] of Object.entries(value)) if (typeof item === 'string') out[key] = item;
  return out;
}

/** Contact and address modify element by element: nil removes one, a value replaces it. */
function mergeNillable(current: Record<string, string> | undefined, change: Record<string, unknown>): Record<string, string> {
  const merged = { ...current };
  for (const [key, item] of Object.entries(change)) {
    if (item === null) delete merged[key];
    else if (typeof item === 'string') merged[key] = item;
  }
  return merged;
}
