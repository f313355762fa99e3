// Instant Group Call use cases that take one document each: list, read, delete and bulk active
// status. Create and update, which take several steps, live in create-instance.ts and
// update-instance.ts.
import { answerTo, command } from '../../ocip/client.js';
import type { CommandResult } from '../../ocip/client.js';
import {
  GroupDepartmentGetListRequest18,
  GroupInstantGroupCallDeleteInstanceRequest,
  GroupInstantGroupCallGetInstanceListRequest,
  GroupInstantGroupCallGetInstanceRequest19sp1,
  GroupInstantGroupCallModifyActiveInstanceListRequest,
} from '../../ocip/codec/index.js';
import type { ResponseOf } from '../../ocip/codec/index.js';
import { answerDestination, toE164 } from '../../phone/index.js';
import { activeFlags, requireMembers } from '../../domain/active-status.js';
import { toApioError } from '../../domain/broadworks-errors.js';
import type { FlagSource } from '../../domain/active-status-cache.js';
import { ApioError } from '../../domain/errors.js';
import { acceptRead } from '../../domain/read-back.js';
import { isMember, membershipCommand } from '../../domain/service-membership.js';
import type { ReadInstance } from '../../domain/read-back.js';
import { inDoubtError, mayHaveApplied, mayStillApply, notAppliedError, sendChange } from '../../domain/in-doubt.js';
import { send } from '../../domain/send-document.js';
import { validate } from '../../domain/validate.js';
import { instanceCheck, instanceReads, listCheck } from './instance-reads.js';
import { departmentRows, toInstanceAnswer, toListItems } from './mapping.js';
import { activeListSchema } from './schemas.js';
import type { InstanceAnswer, ListItem } from './schemas.js';
import type { InstantGroupCallDeps } from './settings.js';

export async function listInstances(deps: InstantGroupCallDeps, tenantId: string, groupId: string): Promise<{ instantGroupCalls: ListItem[] }> {
  const { ocip, groups, settings } = deps;
  const cachedGroup = settings.numbersUseCliCountry ? await groups.cached(tenantId, groupId) : undefined;
  const needGroup = settings.numbersUseCliCountry && !cachedGroup;
  const what = 'listing instant group calls';
  // One document: the list, the departments (for fullPathName) and, when needed, the group.
  const results = await send(
    ocip,
    [
      command(GroupInstantGroupCallGetInstanceListRequest, { serviceProviderId: tenantId, groupId }),
      command(GroupDepartmentGetListRequest18, { serviceProviderId: tenantId, groupId, includeEnterpriseDepartments: true }),
      ...(needGroup ? [groups.lookupCommand(tenantId, groupId)] : []),
    ],
    what,
  );
  try {
    const list = answerTo(results[0], GroupInstantGroupCallGetInstanceListRequest);
    const departments = results[1]?.ok ? departmentRows(answerTo(results[1], GroupDepartmentGetListRequest18).departmentTable) : [];
    const group = needGroup ? await groups.accept(tenantId, groupId, results[2]) : cachedGroup;
    // GROUP_NUMBERS_USE_CC_CLI: a number not in E.164 is national in the group CLI country.
    const format = (number: string) => toE164(number, settings.numbersUseCliCountry ? group?.cliCallingCode : undefined);
    return { instantGroupCalls: toListItems(list.instantGroupCallTable, departments, tenantId, groupId, format) };
  } catch (error) {
    throw toApioError(error, what);
  }
}

/**
 * A read-back as the APIO answer: the instance, and its active flag when the setting asks. National
 * destinations are read in the group CLI country (`cliCallingCode`), as requests are.
 */
export function answerOf(deps: InstantGroupCallDeps, read: ReadInstance<ResponseOf<typeof GroupInstantGroupCallGetInstanceRequest19sp1>>, cliCallingCode: string | undefined): InstanceAnswer {
  const answer = toInstanceAnswer(read.instance, (number) => toE164(number), (destination) => answerDestination(destination, cliCallingCode));
  if (deps.settings.returnActiveStatus) answer.active = read.active;
  return answer;
}

/**
 * One document: the instance, its membership in the URL's group (one exact search, whatever the
 * group's size), the group when its data is not cached (destinations are read in its CLI country)
 * and, only when the active flag is asked for and not known (active-status-cache.ts), the group's list.
 */
export async function getInstance(deps: InstantGroupCallDeps, tenantId: string, groupId: string, serviceUserId: string): Promise<InstanceAnswer> {
  const what = `reading instant group call ${serviceUserId}`;
  const flag = deps.settings.returnActiveStatus ? deps.activeStatus.source(tenantId, groupId, serviceUserId) : undefined;
  const cachedGroup = await deps.groups.cached(tenantId, groupId);
  const commands = [
    command(GroupInstantGroupCallGetInstanceRequest19sp1, { serviceUserId }),
    membershipCommand(tenantId, groupId, serviceUserId, 'Instant Group Call'),
    ...(flag?.kind === 'fetch' ? [listCommand(tenantId, groupId)] : []),
    ...(cachedGroup ? [] : [deps.groups.lookupCommand(tenantId, groupId)]),
  ];
  let results: CommandResult<unknown>[] | undefined;
  try {
    results = await send(deps.ocip, commands, what);
  } finally {
    // Also when the document failed: the reads waiting for this list then fetch their own.
    if (flag?.kind === 'fetch') flag.settle(listedFlags(results?.[2]));
  }
  try {
    if (!isMember(results[1], groupId, serviceUserId)) throw new ApioError('NOT_FOUND', `instant group call ${serviceUserId} not found in this group`);
    const group = cachedGroup ?? (await deps.groups.accept(tenantId, groupId, results[commands.length - 1]));
    const answer = toInstanceAnswer(
      answerTo(results[0], GroupInstantGroupCallGetInstanceRequest19sp1),
      (number) => toE164(number),
      (destination) => answerDestination(destination, group.cliCallingCode),
    );
    if (flag) answer.active = await activeOf(deps, flag, results[2], tenantId, groupId, serviceUserId, what);
    return answer;
  } catch (error) {
    throw toApioError(error, what);
  }
}

/**
 * The flag from the cache, the list another read fetched, or this read's own list; when none has
 * the instance (created since), one more list of its own.
 */
async function activeOf(
  deps: InstantGroupCallDeps,
  flag: FlagSource,
  ownList: CommandResult<unknown> | undefined,
  tenantId: string,
  groupId: string,
  serviceUserId: string,
  what: string,
): Promise<boolean> {
  if (flag.kind === 'known') return flag.active;
  const flags = flag.kind === 'wait' ? await flag.flags : listedFlags(ownList);
  const active = flags?.get(serviceUserId);
  if (active !== undefined) return active;
  const [result] = await send(deps.ocip, [listCommand(tenantId, groupId)], what);
  const listed = activeFlags(answerTo(result, GroupInstantGroupCallGetInstanceListRequest).instantGroupCallTable).get(serviceUserId);
  if (listed === undefined) throw new ApioError('NOT_FOUND', `instant group call ${serviceUserId} not found in this group`);
  return listed;
}

function listCommand(tenantId: string, groupId: string) {
  return command(GroupInstantGroupCallGetInstanceListRequest, { serviceProviderId: tenantId, groupId });
}

/** The flags of a list's answer; undefined when there is none to use (an error, a wrong answer). */
function listedFlags(result: CommandResult<unknown> | undefined): Map<string, boolean> | undefined {
  if (!result?.ok || result.type !== GroupInstantGroupCallGetInstanceListRequest.response?.name) return undefined;
  return activeFlags(answerTo(result, GroupInstantGroupCallGetInstanceListRequest).instantGroupCallTable);
}

export async function deleteInstance(deps: InstantGroupCallDeps, tenantId: string, groupId: string, serviceUserId: string): Promise<Record<string, never>> {
  const what = `deleting instant group call ${serviceUserId}`;
  // Membership by one exact search, not the group's list: the cost does not grow with the group.
  if (!(await isInstance(deps, tenantId, groupId, serviceUserId, what))) {
    throw new ApioError('NOT_FOUND', `instant group call(s) not found in this group: ${serviceUserId}`);
  }
  let results: CommandResult<unknown>[];
  try {
    results = await deps.ocip.executeBatch([command(GroupInstantGroupCallDeleteInstanceRequest, { serviceUserId })]);
  } catch (error) {
    if (mayHaveApplied(error)) return resolveLostDelete(deps, tenantId, groupId, serviceUserId, error, what);
    throw toApioError(error, what);
  }
  const [result] = results;
  if (!result?.ok) throw toApioError(result?.error, what);
  return {};
}

/** A Delete whose answer was lost: gone from the group (searched on another session) means done. */
async function resolveLostDelete(deps: InstantGroupCallDeps, tenantId: string, groupId: string, serviceUserId: string, lost: unknown, what: string): Promise<Record<string, never>> {
  const check = instanceCheck(tenantId, groupId, serviceUserId);
  let member: boolean;
  try {
    member = await isInstance(deps, tenantId, groupId, serviceUserId, what);
  } catch {
    throw inDoubtError(lost, what, `read ${check} (404: deleted) before retrying`);
  }
  if (!member) return {};
  if (mayStillApply(lost)) throw inDoubtError(lost, what, `BroadWorks may still delete it: read ${check} before retrying`);
  throw notAppliedError(lost, what, `${serviceUserId} was not deleted`);
}

/** One ModifyActiveInstanceList for every service; all must be in the group, or nothing changes. */
export async function setActiveStatus(deps: InstantGroupCallDeps, tenantId: string, groupId: string, body: unknown): Promise<Record<string, never>> {
  const input = validate(activeListSchema, body);
  await requireInstances(deps, tenantId, groupId, input.services.map((service) => service.serviceUserId));
  const what = 'setting the active status of instant group calls';
  const serviceActivation = input.services.map((service) => ({ serviceUserId: service.serviceUserId, isActive: service.active }));
  const [result] = await sendChange(deps.ocip, [command(GroupInstantGroupCallModifyActiveInstanceListRequest, { serviceActivation })], what, `read ${listCheck(tenantId, groupId)}, or send the same list again`);
  if (!result?.ok) throw toApioError(result?.error, what);
  return {};
}

/** 404 naming every id that is not an instant group call of this group. */
async function requireInstances(deps: InstantGroupCallDeps, tenantId: string, groupId: string, ids: readonly string[]): Promise<void> {
  requireMembers(await memberFlags(deps, tenantId, groupId), ids, 'instant group call');
}

/** True when the group has this instant group call (one exact search). */
async function isInstance(deps: InstantGroupCallDeps, tenantId: string, groupId: string, serviceUserId: string, what: string): Promise<boolean> {
  const [membership] = await send(deps.ocip, [membershipCommand(tenantId, groupId, serviceUserId, 'Instant Group Call')], what);
  try {
    return isMember(membership, groupId, serviceUserId);
  } catch (error) {
    throw toApioError(error, what);
  }
}

/** The group's instances and their active flags. */
async function memberFlags(deps: InstantGroupCallDeps, tenantId: string, groupId: string): Promise<Map<string, boolean>> {
  const what = 'listing instant group calls';
  const [result] = await send(deps.ocip, [command(GroupInstantGroupCallGetInstanceListRequest, { serviceProviderId: tenantId, groupId })], what);
  try {
    return activeFlags(answerTo(result, GroupInstantGroupCallGetInstanceListRequest).instantGroupCallTable);
  } catch (error) {
    throw toApioError(error, what);
  }
}
