// PUT instant_group_calls/{id}/, top to bottom: validate once, read the instance (membership, its
// current state), normalise the numbers once, keep only what changes (changed-fields.ts: a body that
// is the GET answer changes nothing), derive the new id when it follows the number, check that id is
// free before anything is changed, then the steps — Modify, active status, id rename — each one
// document, the read-back in the last. A step that fails after another went through is answered
// 207 with exactly what was applied (domain/partial-failure.ts).
import { command } from '../../ocip/client.js';
import type { BatchItem } from '../../ocip/client.js';
import {
  GroupInstantGroupCallModifyActiveInstanceListRequest,
  GroupInstantGroupCallModifyInstanceRequest,
  UserModifyUserIdRequest,
} from '../../ocip/codec/index.js';
import { OcipErrorResponseError } from '../../ocip/errors.js';
import { idFollowingNumber } from '../../ids/index.js';
import type { IdRule } from '../../ids/index.js';
import { normalizePhoneNumber } from '../../phone/index.js';
import type { NormalizedNumber } from '../../phone/index.js';
import { isNotFound, toApioError } from '../../domain/broadworks-errors.js';
import { isDryRun } from '../../domain/dry-run/recording-gateway.js';
import { ApioError, validationError } from '../../domain/errors.js';
import type { GroupData } from '../../domain/group-data.js';
import { ruleContext } from '../../domain/generated-ids.js';
import { sendChange } from '../../domain/in-doubt.js';
import { partialFailure } from '../../domain/partial-failure.js';
import { acceptRead, readCommands } from '../../domain/read-back.js';
import { send } from '../../domain/send-document.js';
import { validate } from '../../domain/validate.js';
import { changedFields } from './changed-fields.js';
import { instanceCheck, instanceExists, instanceReads } from './instance-reads.js';
import { modifiesAnything, toModifyRequest } from './mapping.js';
import { normalizeRequestNumbers } from './request-numbers.js';
import { updateInstanceSchema } from './schemas.js';
import type { InstanceAnswer } from './schemas.js';
import { answerOf } from './service.js';
import type { InstantGroupCallDeps } from './settings.js';

interface Step {
  label: string;
  command: BatchItem;
}

export type Updated = InstanceAnswer & { serviceUserId?: string };

export async function updateInstance(deps: InstantGroupCallDeps, tenantId: string, groupId: string, serviceUserId: string, body: unknown): Promise<Updated> {
  const input = validate(updateInstanceSchema, body);
  if (input.serviceUserId !== undefined && input.serviceUserId !== serviceUserId) {
    throw validationError([{ path: 'serviceUserId', message: 'differs from the id in the URL; the id changes only with the phone number rule' }]);
  }
  const what = `updating instant group call ${serviceUserId}`;
  const group = await deps.groups.get(tenantId, groupId);
  const read = acceptRead(instanceReads, await send(deps.ocip, readCommands(instanceReads, tenantId, groupId, serviceUserId), what), serviceUserId, what);
  const current = answerOf(deps, read, group.cliCallingCode);

  const profile = input.serviceInstanceProfile;
  const numbers = normalizeRequestNumbers(
    { phoneNumber: profile?.phoneNumber, callingLineIdPhoneNumber: profile?.callingLineIdPhoneNumber, destinationPhoneNumbers: input.destinationPhoneNumbers },
    group.cliCallingCode,
  );
  const changes = changedFields(input, numbers, { answer: current, active: read.active });
  const newNumber = changes.serviceInstanceProfile?.phoneNumber !== undefined ? numbers.phoneNumber : undefined;
  const finalId = renamedId(deps.settings, tenantId, groupId, group, serviceUserId, current, profile?.name, newNumber);
  // The rename's target is checked before anything changes: a taken id is a 400 that changes nothing.
  if (finalId !== serviceUserId) await requireFreeId(deps, finalId, what);

  const steps: Step[] = [];
  const modify = toModifyRequest(serviceUserId, changes);
  if (modifiesAnything(modify)) steps.push({ label: 'modify', command: command(GroupInstantGroupCallModifyInstanceRequest, modify) });
  if (changes.active !== undefined) {
    const serviceActivation = [{ serviceUserId, isActive: changes.active }];
    steps.push({ label: 'active status', command: command(GroupInstantGroupCallModifyActiveInstanceListRequest, { serviceActivation }) });
  }
  if (finalId !== serviceUserId) {
    steps.push({ label: `id rename to ${finalId}`, command: command(UserModifyUserIdRequest, { userId: serviceUserId, newUserId: finalId }) });
  }
  if (steps.length === 0) return current;
  const check = `read ${instanceCheck(tenantId, groupId, finalId)}${finalId === serviceUserId ? '' : ` (or the old id ${serviceUserId})`}, or send the same change again`;
  const answer = await runSteps(deps, steps, readCommands(instanceReads, tenantId, groupId, finalId), what, check);
  if (answer === undefined) return current;
  const after = answerOf(deps, acceptRead(instanceReads, answer, finalId, what), group.cliCallingCode);
  return finalId === serviceUserId ? after : { serviceUserId: finalId, ...after };
}

/**
 * SERVICE_USERS_UPDATE_ID_PHONE_NUMBER: with a new number, an id the rule made from the old number
 * follows it, keeping its other parts (ids/follow-number.ts); any other id stays.
 */
export function renamedId(
  settings: { idRule: IdRule; updateIdWithPhoneNumber: boolean },
  tenantId: string,
  groupId: string,
  group: GroupData,
  serviceUserId: string,
  current: InstanceAnswer,
  newName: string | undefined,
  newNumber: NormalizedNumber | null | undefined,
): string {
  const { idRule, updateIdWithPhoneNumber } = settings;
  const oldNumber = current.serviceInstanceProfile.phoneNumber;
  if (!updateIdWithPhoneNumber || !idRule.usesPhoneNumber || !newNumber || !oldNumber || newNumber.e164 === oldNumber) return serviceUserId;
  let before: NormalizedNumber;
  try {
    before = normalizePhoneNumber(oldNumber);
  } catch {
    return serviceUserId;
  }
  const name = current.serviceInstanceProfile.name;
  const followed = idFollowingNumber(idRule, serviceUserId, ruleContext(tenantId, groupId, group, name, before), ruleContext(tenantId, groupId, group, newName ?? name, newNumber));
  return followed ?? serviceUserId;
}

/**
 * 400 ALREADY_EXISTS when BroadWorks has `serviceUserId`. The service's Get finds it (as the dry
 * run's existence check does); any answer but "not found" means the id is held.
 */
async function requireFreeId(deps: InstantGroupCallDeps, serviceUserId: string, what: string): Promise<void> {
  const [found] = await send(deps.ocip, [instanceExists(serviceUserId)], what);
  if (found !== undefined && !found.ok && isNotFound(found.error)) return;
  const broadworks = found && !found.ok && found.error instanceof OcipErrorResponseError ? [found.error.summary] : [];
  throw new ApioError('ALREADY_EXISTS', `${what}: the id ${serviceUserId} that follows the new phone number already exists; nothing was changed`, { broadworks });
}

/**
 * Each step its own document, the read-back riding in the last; the read-back's results, or
 * undefined in a dry run (the steps were recorded, not made: there is nothing to read).
 */
async function runSteps(deps: InstantGroupCallDeps, steps: readonly Step[], reads: readonly BatchItem[], what: string, check: string) {
  const applied: string[] = [];
  const notApplied = (from: number) => steps.slice(from).map((step) => step.label);
  for (const [index, step] of steps.entries()) {
    const last = index === steps.length - 1;
    let results;
    try {
      results = await sendChange(deps.ocip, [step.command, ...(last ? reads : [])], what, check);
    } catch (error) {
      throw partialFailure(toApioError(error, what), applied, notApplied(index), what);
    }
    const [result] = results;
    if (!result?.ok) throw partialFailure(toApioError(result?.error, `${what}: ${step.label}`), applied, notApplied(index), what);
    // In a dry run nothing is applied, so a later step's refusal is that step's own error.
    if (!isDryRun(deps.ocip)) applied.push(step.label);
    if (last) return isDryRun(deps.ocip) ? undefined : results.slice(1);
  }
  return undefined;
}
