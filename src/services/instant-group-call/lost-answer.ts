// A create whose answer was lost (domain/in-doubt.ts): read back, on another session (the one that
// lost the answer is gone), whether the instance exists, and answer what happened — the created
// instance; or, when it is not there and BroadWorks cannot still be working on it, the failure with
// "not created"; or, when the read-back cannot tell, a 502/504 with details.inDoubt and the URL to
// check.
import { collapseWhitespace } from '../../ocip/codec/facets.js';
import { ApioError } from '../../domain/errors.js';
import { inDoubtError, mayStillApply, notAppliedError } from '../../domain/in-doubt.js';
import { acceptRead, readCommands } from '../../domain/read-back.js';
import { instanceCheck, instanceReads } from './instance-reads.js';
import type { CreateInstanceInput, InstanceAnswer } from './schemas.js';
import { answerOf } from './service.js';
import type { InstantGroupCallDeps } from './settings.js';

export type Created = InstanceAnswer & { serviceUserId: string };

/** The instance as it stands, or undefined when BroadWorks says it is not there. Throws when it cannot tell. */
export async function readBack(deps: InstantGroupCallDeps, tenantId: string, groupId: string, serviceUserId: string, what: string): Promise<InstanceAnswer | undefined> {
  const group = await deps.groups.get(tenantId, groupId);
  const results = await deps.ocip.executeBatch(readCommands(instanceReads, tenantId, groupId, serviceUserId));
  try {
    return answerOf(deps, acceptRead(instanceReads, results, serviceUserId, what), group.cliCallingCode);
  } catch (error) {
    if (error instanceof ApioError && error.reason === 'NOT_FOUND') return undefined;
    throw error;
  }
}

/** The request's own names as BroadWorks stores them (xs:token collapses white space): ours, not another's. */
export function isAsRequested(found: InstanceAnswer, input: CreateInstanceInput): boolean {
  const sent = input.serviceInstanceProfile;
  const same = (a: string | undefined, b: string | undefined) => collapseWhitespace(a ?? '') === collapseWhitespace(b ?? '');
  const profile = found.serviceInstanceProfile;
  return same(profile.name, sent.name) && same(profile.cliFirstName, sent.cliFirstName) && same(profile.cliLastName, sent.cliLastName);
}

export async function resolveLostAdd(
  deps: InstantGroupCallDeps,
  tenantId: string,
  groupId: string,
  serviceUserId: string,
  input: CreateInstanceInput,
  lost: unknown,
  what: string,
): Promise<Created> {
  const check = instanceCheck(tenantId, groupId, serviceUserId);
  let found: InstanceAnswer | undefined;
  try {
    found = await readBack(deps, tenantId, groupId, serviceUserId, what);
  } catch {
    throw inDoubtError(lost, what, `read ${check} before retrying, or retry with the same Idempotency-Key`);
  }
  if (found && isAsRequested(found, input)) return { serviceUserId, ...found };
  if (found) throw new ApioError('ALREADY_EXISTS', `${what}: the answer was lost, and ${serviceUserId} holds an instance other than the one requested`);
  if (mayStillApply(lost)) throw inDoubtError(lost, what, `BroadWorks may still create it: read ${check} before retrying`);
  throw notAppliedError(lost, what, `${serviceUserId} was not created`);
}
