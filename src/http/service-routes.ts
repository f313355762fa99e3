// Mounts the registered services' routes (src/services): each guarded by its policy, a JSON object
// body where it takes one, and on a change ?dry_run=true (the documents it would send instead) and
// an Idempotency-Key (idempotency/idempotent.ts: a retry gets the first answer).
// Each is declared with its OpenAPI operation, made here from the route's own description.
import type { Request, RequestHandler, Response } from 'express';
import type { BoundRoute } from '../services/index.js';
import { GuardedRouter } from './auth-guard.js';
import type { Guard, OpenApiOperation } from './auth-guard.js';
import { dryRunParameter, dryRunRequested } from './dry-run.js';
import { idempotencyKeyParameter } from './idempotency/idempotency-key.js';
import { idempotencyMemoOf } from './idempotency/idempotent.js';
import { requireJsonObject } from './middleware.js';

export function serviceRoutes(routes: readonly BoundRoute[], guard: Guard, idempotent: RequestHandler): GuardedRouter {
  const router = new GuardedRouter(guard);
  for (const route of routes) {
    const handler = async (request: Request<Record<string, string>>, response: Response) => {
      const body: unknown = request.body;
      const memo = idempotencyMemoOf(request);
      response.json(
        route.change && dryRunRequested(request) ? await route.dryRun(request.params, body) : await route.run(request.params, body, memo && { memo }),
      );
    };
    const before = [...(route.body ? [requireJsonObject] : []), ...(route.change ? [idempotent] : [])];
    router.route(route.method, route.path, route.policy, operationOf(route), ...before, handler);
  }
  return router;
}

const json = (schema: object, examples?: object) => ({ content: { 'application/json': { schema, ...(examples && { examples }) } } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const error = (description: string) => ({ description, ...json(ref('Error')) });

/** What any service route can answer besides its 200 (docs/api.md lists the codes). */
const ERRORS = {
  '400': error('Invalid request, BroadWorks rejection, or duplicate (code 11)'),
  '401': error('No credentials, or bad, expired or revoked ones'),
  '403': error("Below the route's level, or a tenant/group outside the caller's scope"),
  '404': error('Unknown tenant, group or instance'),
  '416': error('The body is not a JSON object'),
  '429': error('Rate limit exceeded; see Retry-After'),
  '500': error('An internal error'),
  '502': error('BroadWorks unreachable'),
  '503': error('The shared store (Redis) is unavailable; retry later'),
  '504': error('BroadWorks did not answer in time'),
};
/** What a change can also answer: media-type and size refusals, and the Idempotency-Key outcomes. */
const CHANGE_ERRORS = {
  ...ERRORS,
  '409': error('A request with this Idempotency-Key is still running; see Retry-After'),
  '413': error('The body is larger than 1 MB'),
  '415': error('Cookie authentication without Content-Type: application/json (CSRF), or an unsupported body encoding'),
  '422': error('This Idempotency-Key was used with another body'),
  '502': error('BroadWorks unreachable; with details.inDoubt the change may have been applied: details.check says what to read'),
  '504': error('BroadWorks did not answer in time; with details.inDoubt the change may have been applied'),
};
/** The OCI-P types path ids become: ServiceProviderId and GroupId (token 1–30), UserId (token 1–161). */
const PATH_ID_MAX_LENGTH: Readonly<Record<string, number>> = { tenant_id: 30, group_id: 30, service_user_id: 161 };

/** APIO's 207 Multi-Status, for a change made in several OCI-P documents that went only part-way. */
const PARTIAL = {
  '207': error('Partially applied (PARTIALLY_APPLIED, code 18): details.applied and details.notApplied name the steps'),
};

function operationOf(route: BoundRoute): OpenApiOperation {
  const parameters = [...route.path.matchAll(/:(\w+)/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    schema: { type: 'string', minLength: 1, ...(PATH_ID_MAX_LENGTH[name!] !== undefined && { maxLength: PATH_ID_MAX_LENGTH[name!] }) },
    ...(route.parameterExamples[name!] !== undefined && { example: route.parameterExamples[name!] }),
  }));
  const { answer, request } = route.doc;
  const answerSchema = typeof answer.schema === 'string' ? ref(answer.schema) : answer.schema;
  const ok = route.change
    ? {
        description: `${answer.description}; with dry_run=true a DryRunAnswer (the OCI-P documents that would be sent)`,
        ...json({ oneOf: [answerSchema, ref('DryRunAnswer')] }, answer.examples),
      }
    : { description: answer.description, ...json(answerSchema, answer.examples) };
  return {
    tags: [route.tag],
    summary: route.doc.summary,
    parameters: route.change ? [...parameters, dryRunParameter, idempotencyKeyParameter] : parameters,
    ...(request && { requestBody: { required: true, ...json(ref(request.schema), request.examples) } }),
    responses: { '200': ok, ...(route.doc.partial && PARTIAL), ...(route.change ? CHANGE_ERRORS : ERRORS) },
  };
}
