// Service user ids from rules (AUTOMATIC_ID_RULES, a template's serviceUserId): the rule context
// derived once from the request, rendering with 400s that name the missing field, and the bounded
// retry of generated ids with their reservations in the shared store (id-reservations.ts).
import { MissingPlaceholderError, renderDeep } from '../ids/index.js';
import type { IdRule, IdRuleContext } from '../ids/index.js';
import { ApioError, validationError } from './errors.js';
import type { GroupData } from './group-data.js';
import type { IdReservations } from './id-reservations.js';

/** A generated id that BroadWorks already has is generated again, this many times at most. */
export const MAX_ID_ATTEMPTS = 5;
/** Ids drawn per attempt when the ones drawn are reserved by other requests. */
const MAX_RESERVATION_DRAWS = 20;

/** What an Add answers when BroadWorks already has the id: a generated one is drawn again. */
export interface IdTaken {
  idTaken: ApioError;
}

function isIdTaken(outcome: object): outcome is IdTaken {
  return 'idTaken' in outcome;
}

export function ruleContext(
  tenantId: string,
  groupId: string,
  group: GroupData,
  name: string | undefined,
  phone: { e164: string; countryCode: string; nationalNumber: string } | undefined | null,
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

/** A template's default values with the placeholders filled from the same context. */
export function renderTemplateValues(defaults: Record<string, unknown>, context: IdRuleContext): Record<string, unknown> {
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

/**
 * Adds with ids from `rule` until one is free. A random id is first reserved in the shared store,
 * so no other request on any instance tries it: one another holds is skipped and another drawn. The
 * reservation stays once the Add is answered (BroadWorks then holds the id, or already did) or in
 * doubt (it may), and is given back when the Add failed otherwise. A rule without random digits has
 * one id to offer; two requests racing for it are settled by BroadWorks (4200), as for ids given by
 * clients.
 */
export async function addWithGeneratedId<T extends object>(
  rule: IdRule,
  context: IdRuleContext,
  reservations: IdReservations | undefined,
  add: (serviceUserId: string) => Promise<T | IdTaken>,
): Promise<T> {
  const ids = rule.hasRandomDigits ? reservations : undefined;
  for (let attempt = 1; ; attempt++) {
    const outcome = ids ? await addReserved(rule, context, ids, add) : await add(renderId(rule, context));
    if (!isIdTaken(outcome)) return outcome;
    // A rule without random digits has one id to offer: BroadWorks holding it is a plain duplicate,
    // the client's 400 ALREADY_EXISTS (code 11), as for an id it gave.
    if (!rule.hasRandomDigits) throw outcome.idTaken;
    if (attempt >= MAX_ID_ATTEMPTS) {
      throw new ApioError('ID_GENERATION_FAILED', `no free service user id after ${attempt} attempts with rule ${rule.source}`);
    }
  }
}

async function addReserved<T extends object>(rule: IdRule, context: IdRuleContext, ids: IdReservations, add: (serviceUserId: string) => Promise<T | IdTaken>): Promise<T | IdTaken> {
  let serviceUserId: string | undefined;
  // Drawing again costs no round trip, so a reserved id is skipped more freely than a taken one.
  for (let draw = 0; draw < MAX_RESERVATION_DRAWS && serviceUserId === undefined; draw++) {
    const candidate = renderId(rule, context);
    if (await ids.reserve(candidate)) serviceUserId = candidate;
  }
  if (serviceUserId === undefined) return { idTaken: new ApioError('ID_GENERATION_FAILED', 'every id drawn is reserved by another request') };
  try {
    return await add(serviceUserId);
  } catch (error) {
    // An Add in doubt may have given BroadWorks the id: its reservation stays. A failed release
    // only leaves the reservation to its TTL.
    if (!(error instanceof ApioError && error.details.inDoubt)) await ids.release(serviceUserId).catch(() => undefined);
    throw error;
  }
}
