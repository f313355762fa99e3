// Departments: group departments (GroupDepartmentKey) and enterprise departments
// (EnterpriseDepartmentKey), their parent chains and the "Full Path Name" BroadWorks shows,
// levels joined with " \ " (`test_department_parent_1 \ test_department_initial`).
import { simError } from '../errors.js';
import type { DepartmentRecord, DepartmentRef, GroupRecord } from './types.js';
import type { World } from './world.js';

/** The decoded DepartmentKey value (codec: `$type` names the concrete key type). */
export type DepartmentKeyValue =
  | { $type: 'GroupDepartmentKey'; serviceProviderId: string; groupId: string; name: string }
  | { $type: 'EnterpriseDepartmentKey'; serviceProviderId: string; name: string };

/** Parent chains are short in practice; the bound only guards against a loop in a hand-made snapshot. */
const MAX_DEPTH = 32;

export function refFromKey(key: DepartmentKeyValue): DepartmentRef {
  return key.$type === 'GroupDepartmentKey'
    ? { serviceProviderId: key.serviceProviderId, groupId: key.groupId, name: key.name }
    : { serviceProviderId: key.serviceProviderId, name: key.name };
}

/** The bare key of a stored department (without its parent and CLI). */
export function refOf(department: DepartmentRef): DepartmentRef {
  return department.groupId === undefined
    ? { serviceProviderId: department.serviceProviderId, name: department.name }
    : { serviceProviderId: department.serviceProviderId, groupId: department.groupId, name: department.name };
}

export function keyFromRef(ref: DepartmentRef): DepartmentKeyValue {
  return ref.groupId === undefined
    ? { $type: 'EnterpriseDepartmentKey', serviceProviderId: ref.serviceProviderId, name: ref.name }
    : { $type: 'GroupDepartmentKey', serviceProviderId: ref.serviceProviderId, groupId: ref.groupId, name: ref.name };
}

export function describeRef(ref: DepartmentRef): string {
  return ref.groupId === undefined ? `${ref.serviceProviderId}:${ref.name}` : `${ref.serviceProviderId}:${ref.groupId}:${ref.name}`;
}

/**
 * A department the group may reference: one of its own, or one of its enterprise. A department of
 * another group does not exist as far as this group is concerned (error 4740).
 */
export function requireDepartmentFor(world: World, group: GroupRecord, key: DepartmentKeyValue): DepartmentRecord {
  const ref = refFromKey(key);
  const visible =
    ref.serviceProviderId === group.serviceProviderId && (ref.groupId === undefined || ref.groupId === group.groupId);
  const department = visible ? world.department(ref) : undefined;
  if (!department) throw simError('DEPARTMENT_NOT_FOUND', describeRef(ref));
  return department;
}

export function fullPathName(world: World, department: DepartmentRecord): string {
  const names = [department.name];
  let parent = department.parent ? world.department(department.parent) : undefined;
  for (let depth = 0; parent && depth < MAX_DEPTH; depth++) {
    names.unshift(parent.name);
    parent = parent.parent ? world.department(parent.parent) : undefined;
  }
  return names.join(' \\ ');
}

/** The departments a group sees: (on request) its enterprise's first, then its own, each in creation order. */
export function departmentsVisibleTo(world: World, group: GroupRecord, includeEnterprise: boolean): DepartmentRecord[] {
  const own = world.departments.filter((d) => d.serviceProviderId === group.serviceProviderId && d.groupId === group.groupId);
  if (!includeEnterprise) return own;
  const enterprise = world.departments.filter((d) => d.serviceProviderId === group.serviceProviderId && d.groupId === undefined);
  return [...enterprise, ...own];
}
