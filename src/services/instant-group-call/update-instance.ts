// PUT instant_group_calls/{id}/: fields absent from the body stay as they are. Steps, each one
// document: read (membership, current number), Modify, active status, id rename when the id
// follows the phone number; the read-back rides in the last document. A step that fails after
// another went through is answered with exactly what was applied.
import {
  GroupInstantGroupCallModifyActiveInstanceListRequest,
  GroupInstantGroupCallModifyInstanceRequest,
  UserModifyUserIdRequest,
} from '../../ocip/codec/index.js';
import { toApioError } from '../../domain/broadworks-errors.js';
import { ApioError, validationError } from '../../domain/errors.js';
import type { BatchCommand } from '../../domain/ocip-gateway.js';
import { command } from '../../domain/ocip-gateway.js';
import { validate } from '../../domain/validate.js';
import { renderId, ruleContext } from './create-instance.js';
import { modifiesAnything, toModifyRequest } from './mapping.js';
import { normalizeRequestNumbers } from './request-numbers.js';
import { updateInstanceSchema } from './schemas.js';
import type { InstanceAnswer, UpdateInstanceInput } from './schemas.js';
import { acceptRead, readCommands, send } from './service.js';
import type { InstantGroupCallDeps } from './service.js';

interface Step {
  label: string;
  command: BatchCommand;
}

export async function updateInstance(
  deps: InstantGroupCallDeps,
  tenantId: string,
  groupId: string,
  serviceUserId: string,
  body: unknown,
): Promise<InstanceAnswer & { serviceUserId?: string }> {
  const input = validate(updateInstanceSchema, body);
  if (input.serviceUserId !== undefined && input.serviceUserId !== serviceUserId) {
    throw validationError([{ path: 'serviceUserId', message: 'differs from the id in the URL; the id changes only with the phone number rule' }]);
  }
  const what = `updating instant group call ${serviceUserId}`;
  const group = await deps.groups.get(tenantId, groupId);
  const current = acceptRead(deps, await send(deps.ocip, readCommands(tenantId, groupId, serviceUserId), what), serviceUserId, what);

  const profile = input.serviceInstanceProfile;
  const numbers = normalizeRequestNumbers(
    {
      phoneNumber: profile?.phoneNumber,
      callingLineIdPhoneNumber: profile?.callingLineIdPhoneNumber,
      destinationPhoneNumbers: input.destinationPhoneNumbers,
    },
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

  const steps: Step[] = [];
  const modify = toModifyRequest(serviceUserId, normalized);
  if (modifiesAnything(modify)) steps.push({ label: 'modify', command: command(GroupInstantGroupCallModifyInstanceRequest, modify) });
  if (input.active !== undefined) {
    steps.push({
      label: 'active status',
      command: command(GroupInstantGroupCallModifyActiveInstanceListRequest, { serviceActivation: [{ serviceUserId, isActive: input.active }] }),
    });
  }
  // SERVICE_USERS_UPDATE_ID_PHONE_NUMBER: the id follows a new number when the rule is built on it.
  let finalId = serviceUserId;
  const newNumber = numbers.phoneNumber;
  const { idRule, updateIdWithPhoneNumber } = deps.settings;
  if (updateIdWithPhoneNumber && idRule.usesPhoneNumber && newNumber && newNumber.e164 !== current.serviceInstanceProfile.phoneNumber) {
    const name = profile?.name ?? current.serviceInstanceProfile.name;
    finalId = renderId(idRule, ruleContext(tenantId, groupId, group, name, newNumber));
    if (finalId !== serviceUserId) {
      steps.push({ label: `id rename to ${finalId}`, command: command(UserModifyUserIdRequest, { userId: serviceUserId, newUserId: finalId }) });
    }
  }
  if (steps.length === 0) return current;

  const applied: string[] = [];
  for (const [index, step] of steps.entries()) {
    const last = index === steps.length - 1;
    const reads = last ? readCommands(tenantId, groupId, finalId) : [];
    let results;
    try {
      results = await send(deps.ocip, [step.command, ...reads], what);
    } catch (error) {
      throw partial(error, applied, steps.slice(index), what);
    }
    const [result] = results;
    if (!result?.ok) throw partial(toApioError(result?.error, `${what}: ${step.label}`), applied, steps.slice(index), what);
    applied.push(step.label);
    if (last) {
      const answer = acceptRead(deps, results.slice(1), finalId, what);
      return finalId === serviceUserId ? answer : { serviceUserId: finalId, ...answer };
    }
  }
  throw new Error('unreachable');
}

/** Nothing applied yet: the step's own error. Something applied: say exactly what. */
function partial(error: unknown, applied: string[], rest: Step[], what: string): unknown {
  if (applied.length === 0 || !(error instanceof ApioError)) return error;
  return new ApioError(
    'PARTIALLY_APPLIED',
    `${what}: ${applied.join(', ')} went through but ${rest.map((s) => s.label).join(', ')} did not: ${error.message}`,
    { ...error.details, applied: [...applied], notApplied: rest.map((step) => step.label) },
    { cause: error },
  );
}
