// Instant Group Call use cases: list, read, delete and bulk active status. Create and update,
// which take several steps, live in create-instance.ts and update-instance.ts.
import {
  GroupDepartmentGetListRequest18,
  GroupInstantGroupCallDeleteInstanceRequest,
  GroupInstantGroupCallGetInstanceListRequest,
  GroupInstantGroupCallGetInstanceRequest19sp1,
  GroupInstantGroupCallModifyActiveInstanceListRequest,
} from '../../ocip/codec/index.js';
import type { IdRule } from '../../ids/index.js';
import { toE164 } from '../../phone/index.js';
import { toApioError } from '../../domain/broadworks-errors.js';
import { ApioError } from '../../domain/errors.js';
import type { GroupDataCache } from '../../domain/group-data.js';
import type { IdReservations } from '../../domain/id-reservations.js';
import type { BatchCommand, BatchResult, OcipGateway } from '../../domain/ocip-gateway.js';
import { command, unwrap } from '../../domain/ocip-gateway.js';
import type { TemplateCatalogue } from '../../domain/templates.js';
import { validate } from '../../domain/validate.js';
import { activeFlags, departmentRows, toInstanceAnswer, toListItems } from './mapping.js';
import { activeListSchema } from './schemas.js';
import type { InstanceAnswer, ListItem } from './schemas.js';

export interface InstantGroupCallSettings {
  /** AUTOMATIC_ID_RULES.SUID_INSTANT_GROUP_CALL_AUTO_GENERATE */
  autoGenerate: boolean;
  /** AUTOMATIC_ID_RULES.SUID_INSTANT_GROUP_CALL_RULE, compiled at start-up. */
  idRule: IdRule;
  /** AUTOMATIC_ID_RULES.SERVICE_USERS_UPDATE_ID_PHONE_NUMBER */
  updateIdWithPhoneNumber: boolean;
  /** GROUP_NUMBERS_USE_CC_CLI */
  numbersUseCliCountry: boolean;
  /** SERVICE_USERS_RETURN_ACTIVE_STATUS */
  returnActiveStatus: boolean;
}

export interface InstantGroupCallDeps {
  ocip: OcipGateway;
  groups: GroupDataCache;
  templates: TemplateCatalogue;
  settings: InstantGroupCallSettings;
  /** Reserves generated ids in the shared store for the time of their Add (id-reservations.ts). */
  ids?: IdReservations;
}

export async function listInstances(deps: InstantGroupCallDeps, tenantId: string, groupId: string): Promise<{ instantGroupCalls: ListItem[] }> {
  const { ocip, groups, settings } = deps;
  const cachedGroup = settings.numbersUseCliCountry ? await groups.cached(tenantId, groupId) : undefined;
  const needGroup = settings.numbersUseCliCountry && !cachedGroup;
  // One document: the list, the departments (for fullPathName) and, when needed, the group.
  const commands: BatchCommand[] = [
    command(GroupInstantGroupCallGetInstanceListRequest, { serviceProviderId: tenantId, groupId }),
    command(GroupDepartmentGetListRequest18, { serviceProviderId: tenantId, groupId, includeEnterpriseDepartments: true }),
  ];
  if (needGroup) commands.push(groups.lookupCommand(tenantId, groupId));
  const results = await send(ocip, commands, 'listing instant group calls');
  try {
    const list = unwrap(results[0], GroupInstantGroupCallGetInstanceListRequest);
    const departments = results[1]?.ok ? departmentRows(unwrap(results[1], GroupDepartmentGetListRequest18).departmentTable) : [];
    const group = needGroup ? await groups.accept(tenantId, groupId, results[2]) : cachedGroup;
    // GROUP_NUMBERS_USE_CC_CLI: a number not in E.164 is national in the group CLI country.
    const format = (number: string) => toE164(number, settings.numbersUseCliCountry ? group?.cliCallingCode : undefined);
    return { instantGroupCalls: toListItems(list.instantGroupCallTable, departments, tenantId, groupId, format) };
  } catch (error) {
    throw toApioError(error, 'listing instant group calls');
  }
}

/** The commands that read an instance and its group's list: membership, and the active flag. */
export function readCommands(tenantId: string, groupId: string, serviceUserId: string): BatchCommand[] {
  return [
    command(GroupInstantGroupCallGetInstanceRequest19sp1, { serviceUserId }),
    command(GroupInstantGroupCallGetInstanceListRequest, { serviceProviderId: tenantId, groupId }),
  ];
}

/**
 * Reads the answers of `readCommands`. The instance must be in the URL's group: BroadWorks finds a
 * service user by id alone, so without this check a URL could reach another group's instance.
 */
export function acceptRead(
  deps: InstantGroupCallDeps,
  results: readonly (BatchResult | undefined)[],
  serviceUserId: string,
  what: string,
): InstanceAnswer {
  try {
    const list = unwrap(results[1], GroupInstantGroupCallGetInstanceListRequest);
    const active = activeFlags(list.instantGroupCallTable);
    if (!active.has(serviceUserId)) {
      throw new ApioError('NOT_FOUND', `instant group call ${serviceUserId} not found in this group`);
    }
    const instance = unwrap(results[0], GroupInstantGroupCallGetInstanceRequest19sp1);
    const answer = toInstanceAnswer(instance, (number) => toE164(number));
    if (deps.settings.returnActiveStatus) answer.active = active.get(serviceUserId);
    return answer;
  } catch (error) {
    throw toApioError(error, what);
  }
}

export async function getInstance(deps: InstantGroupCallDeps, tenantId: string, groupId: string, serviceUserId: string): Promise<InstanceAnswer> {
  const what = `reading instant group call ${serviceUserId}`;
  const results = await send(deps.ocip, readCommands(tenantId, groupId, serviceUserId), what);
  return acceptRead(deps, results, serviceUserId, what);
}

export async function deleteInstance(deps: InstantGroupCallDeps, tenantId: string, groupId: string, serviceUserId: string): Promise<void> {
  await requireMembers(deps.ocip, tenantId, groupId, [serviceUserId]);
  const what = `deleting instant group call ${serviceUserId}`;
  const [result] = await send(deps.ocip, [command(GroupInstantGroupCallDeleteInstanceRequest, { serviceUserId })], what);
  if (!result?.ok) throw toApioError(result?.error, what);
}

/** One ModifyActiveInstanceList for every service; all must be in the group, or nothing changes. */
export async function setActiveStatus(deps: InstantGroupCallDeps, tenantId: string, groupId: string, body: unknown): Promise<Record<string, never>> {
  const input = validate(activeListSchema, body);
  await requireMembers(deps.ocip, tenantId, groupId, input.services.map((service) => service.serviceUserId));
  const what = 'setting the active status of instant group calls';
  const serviceActivation = input.services.map((service) => ({ serviceUserId: service.serviceUserId, isActive: service.active }));
  const [result] = await send(deps.ocip, [command(GroupInstantGroupCallModifyActiveInstanceListRequest, { serviceActivation })], what);
  if (!result?.ok) throw toApioError(result?.error, what);
  return {};
}

/** 404 naming every id that is not an instant group call of this group. */
async function requireMembers(ocip: OcipGateway, tenantId: string, groupId: string, ids: readonly string[]): Promise<void> {
  const what = 'listing instant group calls';
  const [result] = await send(ocip, [command(GroupInstantGroupCallGetInstanceListRequest, { serviceProviderId: tenantId, groupId })], what);
  let members: Map<string, boolean>;
  try {
    members = activeFlags(unwrap(result, GroupInstantGroupCallGetInstanceListRequest).instantGroupCallTable);
  } catch (error) {
    throw toApioError(error, what);
  }
  const missing = ids.filter((id) => !members.has(id));
  if (missing.length > 0) {
    throw new ApioError('NOT_FOUND', `instant group call(s) not found in this group: ${missing.join(', ')}`);
  }
}

/** One document; transport failures become 502/504 APIO errors. */
export async function send(ocip: OcipGateway, commands: BatchCommand[], what: string): Promise<BatchResult[]> {
  try {
    return await ocip.executeBatch(commands);
  } catch (error) {
    throw toApioError(error, what);
  }
}
