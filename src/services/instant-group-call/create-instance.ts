// POST instant_group_calls/, top to bottom: validate the body once, normalise its numbers once,
// derive the rule context once, apply the template, choose the id, then the Add with its read-back
// (retried with a fresh id while a generated one is taken), and the active status once it is made.
// An Add whose answer was lost is resolved by reading back (lost-answer.ts); with an Idempotency-Key
// the id tried is kept (the memo), so a retry reads that id back first and never draws another.
import { command } from '../../ocip/client.js';
import {
  GroupInstantGroupCallAddInstanceRequest14,
  GroupInstantGroupCallDeleteInstanceRequest,
  GroupInstantGroupCallModifyActiveInstanceListRequest,
} from '../../ocip/codec/index.js';
import { OcipErrorResponseError } from '../../ocip/errors.js';
import type { IdRule } from '../../ids/index.js';
import { isAlreadyExists, toApioError } from '../../domain/broadworks-errors.js';
import { isDryRun } from '../../domain/dry-run/recording-gateway.js';
import { ApioError, validationError } from '../../domain/errors.js';
import type { GroupData } from '../../domain/group-data.js';
import { inDoubtError, mayHaveApplied } from '../../domain/in-doubt.js';
import type { IdMemo } from '../../domain/in-doubt.js';
import { addWithGeneratedId, ruleContext } from '../../domain/generated-ids.js';
import type { IdTaken } from '../../domain/generated-ids.js';
import { partialFailure } from '../../domain/partial-failure.js';
import { acceptRead, readCommands } from '../../domain/read-back.js';
import { send } from '../../domain/send-document.js';
import type { Command, CommandResult } from '../../ocip/client.js';
import { applyTemplate } from '../../domain/templates.js';
import { validate } from '../../domain/validate.js';
import { instanceCheck, instanceReads } from './instance-reads.js';
import { isAsRequested, readBack, resolveLostAdd } from './lost-answer.js';
import type { Created } from './lost-answer.js';
import { toAddRequest } from './mapping.js';
import { mergeNumbers, normalizeRequestNumbers, numberFields, withNumbers } from './request-numbers.js';
import { createInstanceSchema, createInstanceShape } from './schemas.js';
import type { CreateInstanceInput, CreateInstanceShape, InstanceAnswer } from './schemas.js';
import { answerOf } from './service.js';
import type { InstantGroupCallDeps } from './settings.js';

export const TEMPLATE_CATEGORY = 'instant_group_call';

export type { Created } from './lost-answer.js';
/** The memo entry of the id a create with an Idempotency-Key tried. */
const TRIED_ID = 'serviceUserId';
/** What a dry run's create plans: the answer is the recorded documents (runDry), not this. */
export interface Planned {
  planned: true;
  serviceUserId: string;
}

/** `memo`: given with an Idempotency-Key (src/http/idempotency), so a retry goes back to the id tried. */
export async function createInstance(deps: InstantGroupCallDeps, tenantId: string, groupId: string, body: unknown, memo?: IdMemo): Promise<Created | Planned> {
  const request = readRequest(body);
  const group = await deps.groups.get(tenantId, groupId);
  // Every number of the request at once, so one 400 names every bad one (not just the first field).
  const numbers = normalizeRequestNumbers(numberFields(request.body), group.cliCallingCode);
  const context = ruleContext(tenantId, groupId, group, request.body.serviceInstanceProfile.name, numbers.phoneNumber);

  // Template default values fill only what the request lacks (APIO applies them after validation);
  // what they fill is validated, and the numbers they bring normalised, here.
  let input: CreateInstanceInput;
  let templateRule: IdRule | undefined;
  if (request.templateName !== undefined) {
    const templated = applyTemplate(deps.templates.get(TEMPLATE_CATEGORY, request.templateName), request.body, context);
    const merged = validate(createInstanceSchema, templated.body);
    const fromTemplate = normalizeRequestNumbers(numberFields(merged, numberFields(request.body)), group.cliCallingCode);
    input = withNumbers(merged, mergeNumbers(numbers, fromTemplate));
    templateRule = templated.idRule;
  } else {
    input = withNumbers(request.body, numbers);
  }

  // Priority: the request's id, then the template's rule, then the setting's rule.
  if (input.serviceUserId) {
    // A given id is tried once: BroadWorks having it is an ALREADY_EXISTS for the client.
    const outcome = await addOnce(deps, tenantId, groupId, group, input.serviceUserId, input, memo);
    if ('idTaken' in outcome) throw outcome.idTaken;
    return outcome;
  }
  const rule = templateRule ?? (deps.settings.autoGenerate ? deps.settings.idRule : undefined);
  if (!rule) throw validationError([{ path: 'serviceUserId', message: 'required: automatic id generation is off and no template gives a rule' }]);
  // One key never draws two ids: a retry goes back to the id its first attempt tried.
  const tried = await memo?.recall(TRIED_ID);
  if (tried !== undefined) {
    const outcome = await addOnce(deps, tenantId, groupId, group, tried, input, memo);
    if (!('idTaken' in outcome)) return outcome;
  }
  return addWithGeneratedId(rule, context, deps.ids, (serviceUserId) => addOnce(deps, tenantId, groupId, group, serviceUserId, input, memo));
}

/**
 * The body validated once. Without a template nothing can fill a missing field later, so the full
 * schema runs at once and one 400 lists every problem (a missing cliLastName beside an
 * out-of-range field); with one, only the structure is checked until its defaults are in.
 */
function readRequest(body: unknown): { templateName?: undefined; body: CreateInstanceInput } | { templateName: string; body: CreateInstanceShape } {
  const templateName: unknown = typeof body === 'object' && body !== null ? Reflect.get(body, 'templateName') : undefined;
  if (typeof templateName !== 'string') return { body: validate(createInstanceSchema, body) };
  const shape = validate(createInstanceShape, body);
  return { templateName: shape.templateName ?? templateName, body: shape };
}

/**
 * The Add, with the read-back in its document. BroadWorks creates instances active, so `active: true`
 * needs no command. `active: false` goes with the read-back in a second document, once the Add is
 * known to have been made: a document is not a transaction, and a status riding with an Add refused for a taken id
 * would reach the instance that already has it — a predictable conflict must change nothing.
 */
async function addOnce(
  deps: InstantGroupCallDeps,
  tenantId: string,
  groupId: string,
  group: GroupData,
  serviceUserId: string,
  input: CreateInstanceInput,
  memo: IdMemo | undefined,
): Promise<Created | Planned | IdTaken> {
  const what = `creating instant group call ${serviceUserId}`;
  const deactivate = input.active === false;
  const reads = readCommands(instanceReads, tenantId, groupId, serviceUserId);
  // An Add found made after its answer was lost still owes its inactive status.
  const settled = async (created: Created): Promise<Created> => {
    if (!deactivate) return created;
    const rest = await deactivateCreated(deps, serviceUserId, reads, what);
    return { serviceUserId, ...answerOf(deps, acceptRead(instanceReads, rest, serviceUserId, what), group.cliCallingCode) };
  };
  if (memo) {
    // A retry under the key of an attempt that tried this id: that attempt may have created it.
    if ((await memo.recall(TRIED_ID)) === serviceUserId) {
      const found = await readBack(deps, tenantId, groupId, serviceUserId, what).catch((error: unknown) => {
        throw inDoubtError(error, what, `read ${instanceCheck(tenantId, groupId, serviceUserId)}, or retry with the same Idempotency-Key`);
      });
      if (found && isAsRequested(found, input)) return settled({ serviceUserId, ...found });
    }
    await memo.remember(TRIED_ID, serviceUserId);
  }
  const add = command(GroupInstantGroupCallAddInstanceRequest14, toAddRequest(tenantId, groupId, serviceUserId, input));
  let results: CommandResult<unknown>[];
  try {
    results = await deps.ocip.executeBatch(deactivate ? [add] : [add, ...reads]);
  } catch (error) {
    // Sent, and no answer: read back what happened rather than guess.
    if (mayHaveApplied(error)) return settled(await resolveLostAdd(deps, tenantId, groupId, serviceUserId, input, error, what));
    throw toApioError(error, what);
  }
  const [added] = results;
  if (!added?.ok) {
    const failure = toApioError(added?.error, what);
    // BroadWorks has this id: a generated one is drawn again, a given one is the client's 400.
    if (isAlreadyExists(added?.error)) return { idTaken: failure };
    throw failure;
  }

  const readResults = deactivate ? await deactivateCreated(deps, serviceUserId, reads, what) : results.slice(1);
  // Recorded, not made: there is nothing to read back.
  if (isDryRun(deps.ocip)) return { planned: true, serviceUserId };

  const read = acceptRead(instanceReads, readResults, serviceUserId, what);
  const answer = answerOf(deps, read, group.cliCallingCode);
  if (input.active === true && !read.active) {
    const [activatedNow] = await send(
      deps.ocip,
      [command(GroupInstantGroupCallModifyActiveInstanceListRequest, { serviceActivation: [{ serviceUserId, isActive: true }] })],
      what,
    );
    if (!activatedNow?.ok) await undoAdd(deps, serviceUserId, what, activatedNow?.error);
    if (deps.settings.returnActiveStatus) answer.active = true;
  }
  return { serviceUserId, ...answer };
}

/**
 * The Add is made: the inactive status with the read-back, in one document. A BroadWorks that stops
 * answering now leaves a created instance, and says so; a refused status undoes the Add.
 */
async function deactivateCreated(deps: InstantGroupCallDeps, serviceUserId: string, reads: readonly Command[], what: string): Promise<CommandResult<unknown>[]> {
  const status = command(GroupInstantGroupCallModifyActiveInstanceListRequest, { serviceActivation: [{ serviceUserId, isActive: false }] });
  const [activated, ...rest] = await send(deps.ocip, [status, ...reads], what).catch((error: unknown) => {
    throw partialFailure(toApioError(error, what), ['creation'], ['active status'], what);
  });
  if (!isDryRun(deps.ocip) && !activated?.ok) await undoAdd(deps, serviceUserId, what, activated?.error);
  return rest;
}

/** The active status failed after the Add: delete the instance, or say exactly what stayed. */
async function undoAdd(deps: InstantGroupCallDeps, serviceUserId: string, what: string, cause: unknown): Promise<never> {
  const reason = toApioError(cause, `${what}: setting the active status`);
  const [deleted] = await deps.ocip
    .executeBatch([command(GroupInstantGroupCallDeleteInstanceRequest, { serviceUserId })])
    .catch(() => [undefined]);
  // The BroadWorks summary of the failed step, for clients that read details.errors["0"].summary.
  const broadworks = cause instanceof OcipErrorResponseError ? [cause.summary] : [];
  if (deleted?.ok) {
    throw new ApioError('BROADWORKS_REJECTED', `${reason.message}; the creation was undone`, {
      broadworks,
      applied: [],
      notApplied: ['creation', 'active status'],
    });
  }
  throw new ApioError('PARTIALLY_APPLIED', `${reason.message}; the instance ${serviceUserId} was created but its active status was not set`, {
    broadworks,
    applied: ['creation'],
    notApplied: ['active status'],
  });
}
