// PUT instant_group_calls/{id}/, top to bottom: validate once, read the instance (membership, its
// current number), normalise the numbers once, derive the new id when it follows the number, then
// the steps — Modify, active status, id rename — each one document, the read-back in the last.
// Fields absent from the body stay as they are. A step that fails after another went through is
// answered with exactly what was applied (domain/partial-failure.ts).
import { command } from '../../ocip/client.js';
import type { BatchItem } from '../../ocip/client.js';
import {
  GroupInstantGroupCallModifyActiveInstanceListRequest,
  GroupInstantGroupCallModifyInstanceRequest,
  UserModifyUserIdRequest,
} from '../../ocip/codec/index.js';
import type { IdRule } from '../../ids/index.js';
import type { NormalizedNumber } from '../../phone/index.js';
import { toApioError } from '../../domain/broadworks-errors.js';
import { isDryRun } from '../../domain/dry-run/recording-gateway.js';
import { validationError } from '../../domain/errors.js';
import type { GroupData } from '../../domain/group-data.js';
import { renderId, ruleContext } from '../../domain/generated-ids.js';
import { sendChange } from '../../domain/in-doubt.js';
import { partialFailure } from '../../domain/partial-failure.js';
import { readCommands } from '../../domain/read-back.js';
import { send } from '../../domain/send-document.js';
import { validate } from '../../domain/validate.js';
import { instanceCheck, instanceReads } from './instance-reads.js';
import { modifiesAnything, toModifyRequest } from './mapping.js';
import { normalizeRequestNumbers } from './request-numbers.js';
import { updateInstanceSchema } from './schemas.js';
import type { InstanceAnswer, UpdateInstanceInput } from './schemas.js';
import { readAnswer } from './service.js';
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
  const current = readAnswer(deps, await send(deps.ocip, readCommands(instanceReads, tenantId, groupId, serviceUserId), what), serviceUserId, what);

  const profile = input.serviceInstanceProfile;
  const numbers = normalizeRequestNumbers(
    { phoneNumber: profile?.phoneNumber, callingLineIdPhoneNumber: profile?.callingLineIdPhoneNumber, destinationPhoneNumbers: input.destinationPhoneNumbers },
    group.cliCallingCode,
  );
  const normalized: UpdateInstanceInput = {
    ...input,
    ...(profile && {
      serviceInstanceProfile: {
        ...profile,
        ...(numbers.phoneNumber !== undefined && { phoneNumber: numbers.phoneNumber?.dn ?? null }),
        ...(numbers.callingLineIdPhoneNumber !== undefined && { callingLineIdPhoneNumber: numbers.callingLineIdPhoneNumber?.dn ?? null }),
      },
    }),
    ...(numbers.destinationPhoneNumbers && { destinationPhoneNumbers: numbers.destinationPhoneNumbers }),
  };
  const finalId = renamedId(deps.settings, tenantId, groupId, group, serviceUserId, current, profile?.name, numbers.phoneNumber);

  const steps: Step[] = [];
  const modify = toModifyRequest(serviceUserId, normalized);
  if (modifiesAnything(modify)) steps.push({ label: 'modify', command: command(GroupInstantGroupCallModifyInstanceRequest, modify) });
  if (input.active !== undefined) {
    const serviceActivation = [{ serviceUserId, isActive: input.active }];
    steps.push({ label: 'active status', command: command(GroupInstantGroupCallModifyActiveInstanceListRequest, { serviceActivation }) });
  }
  if (finalId !== serviceUserId) {
    steps.push({ label: `id rename to ${finalId}`, command: command(UserModifyUserIdRequest, { userId: serviceUserId, newUserId: finalId }) });
  }
  if (steps.length === 0) return current;
  const check = `read ${instanceCheck(tenantId, groupId, finalId)}${finalId === serviceUserId ? '' : ` (or the old id ${serviceUserId})`}, or send the same change again`;
  const answer = await runSteps(deps, steps, readCommands(instanceReads, tenantId, groupId, finalId), what, check);
  if (answer === undefined) return current;
  const after = readAnswer(deps, answer, finalId, what);
  return finalId === serviceUserId ? after : { serviceUserId: finalId, ...after };
}

/**
 * SERVICE_USERS_UPDATE_ID_PHONE_NUMBER: the id follows a new number when the id rule is built on
 * it; otherwise (or when the number is unchanged) it stays.
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
  if (!updateIdWithPhoneNumber || !idRule.usesPhoneNumber || !newNumber || newNumber.e164 === current.serviceInstanceProfile.phoneNumber) return serviceUserId;
  return renderId(idRule, ruleContext(tenantId, groupId, group, newName ?? current.serviceInstanceProfile.name, newNumber));
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
