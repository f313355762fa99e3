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
import { toE164 } from '../../phone/index.js';
import { activeFlags, requireMembers } from '../../domain/active-status.js';
import { toApioError } from '../../domain/broadworks-errors.js';
import { acceptRead, readCommands } from '../../domain/read-back.js';
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

/** A read-back as the APIO answer: the instance, and its active flag when the setting asks. */
export function answerOf(deps: InstantGroupCallDeps, read: ReadInstance<ResponseOf<typeof GroupInstantGroupCallGetInstanceRequest19sp1>>): InstanceAnswer {
  const answer = toInstanceAnswer(read.instance, (number) => toE164(number));
  if (deps.settings.returnActiveStatus) answer.active = read.active;
  return answer;
}

export function readAnswer(deps: InstantGroupCallDeps, results: readonly (CommandResult<unknown> | undefined)[], serviceUserId: string, what: string): InstanceAnswer {
  return answerOf(deps, acceptRead(instanceReads, results, serviceUserId, what));
}

export async function getInstance(deps: InstantGroupCallDeps, tenantId: string, groupId: string, serviceUserId: string): Promise<InstanceAnswer> {
  const what = `reading instant group call ${serviceUserId}`;
  const results = await send(deps.ocip, readCommands(instanceReads, tenantId, groupId, serviceUserId), what);
  return readAnswer(deps, results, serviceUserId, what);
}

export async function deleteInstance(deps: InstantGroupCallDeps, tenantId: string, groupId: string, serviceUserId: string): Promise<Record<string, never>> {
  await requireInstances(deps, tenantId, groupId, [serviceUserId]);
  const what = `deleting instant group call ${serviceUserId}`;
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

/** A Delete whose answer was lost: gone from the group's list (read on another session) means done. */
async function resolveLostDelete(deps: InstantGroupCallDeps, tenantId: string, groupId: string, serviceUserId: string, lost: unknown, what: string): Promise<Record<string, never>> {
  const check = instanceCheck(tenantId, groupId, serviceUserId);
  let members: Map<string, boolean>;
  try {
    members = await memberFlags(deps, tenantId, groupId);
  } catch {
    throw inDoubtError(lost, what, `read ${check} (404: deleted) before retrying`);
  }
  if (!members.has(serviceUserId)) return {};
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
