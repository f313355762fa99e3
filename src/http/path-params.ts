// The ids a URL carries (tenant, group, service user) checked against the OCI-P schema types they
// become (ServiceProviderId and GroupId: token 1–30; UserId: token 1–161), before anything is sent.
// Without it an id the schema cannot carry (a 200-character user id, %00, a space that is empty
// once xs:token collapses it) reached the encoder and came back as a 500.
import type { Router } from 'express';
import { ApioError } from '../domain/errors.js';
import { hasUnstorableCharacter, UNSTORABLE_MESSAGE } from '../domain/storable-text.js';
import { facetProblem } from '../ocip/codec/facets.js';
import type { SimpleType } from '../ocip/codec/schema.js';
import { GroupId, ServiceProviderId, UserId } from '../ocip/codec/types/simple-types.js';

/** Route parameter name → the schema type its value is sent as. */
const PATH_ID_TYPES: Readonly<Record<string, SimpleType>> = {
  tenant_id: ServiceProviderId,
  group_id: GroupId,
  service_user_id: UserId,
};

/** What is wrong with a path id, or undefined. */
export function pathIdProblem(name: string, value: string): string | undefined {
  const type = PATH_ID_TYPES[name];
  if (!type) return undefined;
  if (hasUnstorableCharacter(value)) return UNSTORABLE_MESSAGE;
  return facetProblem(type, value);
}

/** Registers the check on a router: Express runs param callbacks before the route's handlers. */
export function checkPathIds(router: Router): void {
  for (const name of Object.keys(PATH_ID_TYPES)) {
    router.param(name, (_request, _response, next, value: string) => {
      const problem = pathIdProblem(name, value);
      if (problem) {
        next(new ApioError('VALIDATION', `invalid path parameter ${name}: ${problem}`, { problems: [{ path: name, message: problem }] }));
        return;
      }
      next();
    });
  }
}
