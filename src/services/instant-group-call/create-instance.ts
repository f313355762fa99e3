// POST instant_group_calls/: validate, apply the template, normalise numbers, derive the id,
// then one document — Add, the active status, and the read-back — and undo the Add when the
// active status could not be set.
import {
  GroupInstantGroupCallAddInstanceRequest14,
  GroupInstantGroupCallGetInstanceListRequest,
  GroupInstantGroupCallDeleteInstanceRequest,
  GroupInstantGroupCallModifyActiveInstanceListRequest,
} from '../../ocip/codec/index.js';
import { compileIdRule, MissingPlaceholderError, renderDeep } from '../../ids/index.js';
import type { IdRule, IdRuleContext } from '../../ids/index.js';
import { isAlreadyExists, toApioError } from '../../domain/broadworks-errors.js';
import { ApioError, validationError } from '../../domain/errors.js';
import type { GroupData } from '../../domain/group-data.js';
import type { BatchCommand, BatchResult } from '../../domain/ocip-gateway.js';
import { command, unwrap } from '../../domain/ocip-gateway.js';
import { fillMissing } from '../../domain/templates.js';
import { validate } from '../../domain/validate.js';
import { activeFlags, toAddRequest } from './mapping.js';
import { normalizeRequestNumbers } from './request-numbers.js';
import { createInstanceSchema, createInstanceShape } from './schemas.js';
import type { CreateInstanceInput, InstanceAnswer } from './schemas.js';
import { acceptRead, readCommands, send } from './service.js';
import type { InstantGroupCallDeps } from './service.js';

export const TEMPLATE_CATEGORY = 'instant_group_call';
/** A generated id that BroadWorks already has is generated again, this many times at most. */
const MAX_ID_ATTEMPTS = 5;
/** Ids drawn per attempt when the ones drawn are reserved by other requests. */
const MAX_RESERVATION_DRAWS = 20;
const RANDOM_PLACEHOLDER = /^RND_\d+$/;

export async function createInstance(
  deps: InstantGroupCallDeps,
  tenantId: string,
  groupId: string,
  body: unknown,
): Promise<InstanceAnswer & { serviceUserId: string }> {
  // Without a template nothing can fill a missing field later, so the full schema runs at once and
  // one 400 lists every problem (a missing cliLastName beside an out-of-range field).
  const withTemplate = typeof body === 'object' && body !== null && typeof (body as { templateName?: unknown }).templateName === 'string';
  const shape = validate(withTemplate ? createInstanceShape : createInstanceSchema, body) as Record<string, unknown> & {
    templateName?: string;
  };
  const group = await deps.groups.get(tenantId, groupId);
  const profileShape = (shape.serviceInstanceProfile ?? {}) as { name?: string; phoneNumber?: string; callingLineIdPhoneNumber?: string };
  // Every number of the request at once, so one 400 names every bad one (not just the first field).
  const early = normalizeRequestNumbers(
    {
      phoneNumber: profileShape.phoneNumber,
      callingLineIdPhoneNumber: profileShape.callingLineIdPhoneNumber,
      destinationPhoneNumbers: shape.destinationPhoneNumbers as string[] | undefined,
    },
    group.cliCallingCode,
  );
  const context = ruleContext(tenantId, groupId, group, profileShape.name, early.phoneNumber ?? undefined);

  // Template default values fill only what the request lacks (APIO applies them after validation).
  let idRuleFromTemplate: IdRule | undefined;
  let merged: Record<string, unknown> = shape;
  if (shape.templateName) {
    const template = deps.templates.get(TEMPLATE_CATEGORY, shape.templateName);
    const { serviceUserId: templateRule, ...defaults } = template.defaultValues;
    if (typeof templateRule === 'string') idRuleFromTemplate = compileIdRule(templateRule, `template ${template.name}`);
    merged = fillMissing(shape, renderTemplateValues(defaults, context));
  }
  const input = validate(createInstanceSchema, merged);
  const numbers = normalizeRequestNumbers(
    {
      phoneNumber: input.serviceInstanceProfile.phoneNumber,
      callingLineIdPhoneNumber: input.serviceInstanceProfile.callingLineIdPhoneNumber,
      destinationPhoneNumbers: input.destinationPhoneNumbers,
    },
    group.cliCallingCode,
  );
  const normalized: CreateInstanceInput = {
    ...input,
    serviceInstanceProfile: {
      ...input.serviceInstanceProfile,
      phoneNumber: numbers.phoneNumber?.dn,
      callingLineIdPhoneNumber: numbers.callingLineIdPhoneNumber?.dn,
    },
    destinationPhoneNumbers: numbers.destinationPhoneNumbers,
  };

  // Priority: the request's id, then the template's rule, then the setting's rule.
  const rule = input.serviceUserId ? undefined : (idRuleFromTemplate ?? (deps.settings.autoGenerate ? deps.settings.idRule : undefined));
  if (!input.serviceUserId && !rule) {
    throw validationError([{ path: 'serviceUserId', message: 'required: automatic id generation is off and no template gives a rule' }]);
  }
  const fullContext = ruleContext(tenantId, groupId, group, input.serviceInstanceProfile.name, numbers.phoneNumber ?? undefined);
  // A given id is tried once: its 4200 is an ALREADY_EXISTS for the client, never 'id-taken'.
  if (input.serviceUserId) return (await addOnce(deps, tenantId, groupId, input.serviceUserId, normalized)) as InstanceAnswer & { serviceUserId: string };
  for (let attempt = 1; ; attempt++) {
    const outcome = await addGenerated(deps, tenantId, groupId, rule!, fullContext, normalized);
    if (outcome !== 'id-taken') return outcome;
    // Only a rule with random digits can give another id: a fixed one would only repeat the same Add.
    if (attempt >= MAX_ID_ATTEMPTS || !rule!.placeholders.some((p) => RANDOM_PLACEHOLDER.test(p))) {
      throw new ApioError('ID_GENERATION_FAILED', `no free service user id after ${attempt} attempts with rule ${rule!.source}`);
    }
  }
}

/**
 * A generated id. A random one is first reserved in the shared store (id-reservations.ts), so no
 * other request on any instance tries it: one another holds is skipped and another drawn. The
 * reservation stays once the Add is answered (BroadWorks then holds the id, or already did), and is
 * given back when the Add failed otherwise. A rule without random digits has one id to offer; two
 * requests racing for it are settled by BroadWorks (4200), as for ids given by clients.
 */
async function addGenerated(
  deps: InstantGroupCallDeps,
  tenantId: string,
  groupId: string,
  rule: IdRule,
  context: IdRuleContext,
  input: CreateInstanceInput,
): Promise<(InstanceAnswer & { serviceUserId: string }) | 'id-taken'> {
  const ids = rule.placeholders.some((p) => RANDOM_PLACEHOLDER.test(p)) ? deps.ids : undefined;
  if (!ids) return addOnce(deps, tenantId, groupId, renderId(rule, context), input, true);
  let serviceUserId: string | undefined;
  // Drawing again costs no round trip, so a reserved id is skipped more freely than a taken one.
  for (let draw = 0; draw < MAX_RESERVATION_DRAWS && serviceUserId === undefined; draw++) {
    const candidate = renderId(rule, context);
    if (await ids.reserve(candidate)) serviceUserId = candidate;
  }
  if (serviceUserId === undefined) return 'id-taken';
  let answered = false;
  try {
    const outcome = await addOnce(deps, tenantId, groupId, serviceUserId, input, true);
    answered = true;
    return outcome;
  } finally {
    // A failed release only leaves the reservation to its TTL.
    if (!answered) await ids.release(serviceUserId).catch(() => undefined);
  }
}

/**
 * One document: Add, ModifyActiveInstanceList when `active` is false, then the read-back.
 * BroadWorks creates instances active, so `active: true` needs no command — which keeps the
 * non-transactional batch from ever touching an instance that already had this id in the common
 * case; should a system create them inactive, the read-back shows it and one more document fixes it.
 */
async function addOnce(
  deps: InstantGroupCallDeps,
  tenantId: string,
  groupId: string,
  serviceUserId: string,
  input: CreateInstanceInput,
  generated = false,
): Promise<(InstanceAnswer & { serviceUserId: string }) | 'id-taken'> {
  const what = `creating instant group call ${serviceUserId}`;
  const commands: BatchCommand[] = [command(GroupInstantGroupCallAddInstanceRequest14, toAddRequest(tenantId, groupId, serviceUserId, input))];
  const withActive = input.active === false;
  if (withActive) {
    commands.push(
      command(GroupInstantGroupCallModifyActiveInstanceListRequest, { serviceActivation: [{ serviceUserId, isActive: input.active! }] }),
    );
  }
  commands.push(...readCommands(tenantId, groupId, serviceUserId));
  const results = await send(deps.ocip, commands, what);
  const [added, activation] = results;

  if (!added?.ok) {
    // The batch is not a transaction: the active status may have reached an instance that already
    // had this id. Say so rather than retry silently.
    if (withActive && activation?.ok) {
      const failure = toApioError(added?.error, what);
      const reason = failure instanceof ApioError ? failure.reason : 'BROADWORKS_REJECTED';
      throw new ApioError(reason, (failure as Error).message, {
        ...(failure instanceof ApioError && failure.details),
        applied: [`active status of the existing service user ${serviceUserId} set to ${input.active}`],
        notApplied: ['creation'],
      });
    }
    if (isAlreadyExists(added?.error) && generated) return 'id-taken';
    throw toApioError(added?.error, what);
  }
  if (withActive && !activation?.ok) {
    await undoAdd(deps, serviceUserId, what, activation?.error);
  }
  const reads = results.slice(withActive ? 2 : 1);
  const answer = acceptRead(deps, reads, serviceUserId, what);
  if (input.active === true && !isActiveIn(reads[1], serviceUserId)) {
    const [activated] = await send(
      deps.ocip,
      [command(GroupInstantGroupCallModifyActiveInstanceListRequest, { serviceActivation: [{ serviceUserId, isActive: true }] })],
      what,
    );
    if (!activated?.ok) await undoAdd(deps, serviceUserId, what, activated?.error);
    if (deps.settings.returnActiveStatus) answer.active = true;
  }
  return { serviceUserId, ...answer };
}

function isActiveIn(list: BatchResult | undefined, serviceUserId: string): boolean {
  return list?.ok === true && activeFlags(unwrap(list, GroupInstantGroupCallGetInstanceListRequest).instantGroupCallTable).get(serviceUserId) === true;
}

/** The active status failed after the Add: delete the instance, or say exactly what stayed. */
async function undoAdd(deps: InstantGroupCallDeps, serviceUserId: string, what: string, cause: unknown): Promise<never> {
  const reason = toApioError(cause, `${what}: setting the active status`) as Error;
  const [deleted] = await deps.ocip
    .executeBatch([command(GroupInstantGroupCallDeleteInstanceRequest, { serviceUserId })])
    .catch(() => [undefined]);
  // The BroadWorks summary of the failed step, for clients that read details.errors["0"].summary.
  const broadworks = cause instanceof Error && 'summary' in cause ? [String(cause.summary)] : [];
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

export function ruleContext(
  tenantId: string,
  groupId: string,
  group: GroupData,
  name: string | undefined,
  phone: { e164: string; countryCode: string; nationalNumber: string } | undefined,
): IdRuleContext {
  return {
    tenant_id: tenantId,
    group_id: groupId,
    domain: group.defaultDomain,
    name,
    phone_number_e164: phone?.e164,
    country_code: phone?.countryCode,
    national_no_0: phone?.nationalNumber,
  };
}

export function renderId(rule: IdRule, context: IdRuleContext): string {
  try {
    return rule.render(context);
  } catch (error) {
    if (error instanceof MissingPlaceholderError) throw validationError([{ path: placeholderPath(error.placeholder), message: `required by the id rule ${rule.source}` }]);
    throw error;
  }
}

function renderTemplateValues(defaults: Record<string, unknown>, context: IdRuleContext): Record<string, unknown> {
  try {
    return renderDeep(defaults, context, 'template') as Record<string, unknown>;
  } catch (error) {
    if (error instanceof MissingPlaceholderError) {
      throw validationError([{ path: placeholderPath(error.placeholder), message: 'required by the template' }]);
    }
    throw error;
  }
}

function placeholderPath(placeholder: string): string {
  if (placeholder === 'name') return 'serviceInstanceProfile.name';
  if (['phone_number_e164', 'country_code', 'national_no_0'].includes(placeholder)) return 'serviceInstanceProfile.phoneNumber';
  return placeholder;
}
