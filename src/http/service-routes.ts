// Mounts the registered services' routes (src/services): each guarded by its policy, a JSON object
// body where it takes one, and ?dry_run=true on a change (the documents it would send instead).
// Each is declared with its OpenAPI operation, made here from the route's own description.
import type { Request, Response } from 'express';
import type { BoundRoute } from '../services/index.js';
import { GuardedRouter } from './auth-guard.js';
import type { Guard, OpenApiOperation } from './auth-guard.js';
import { dryRunParameter, dryRunRequested } from './dry-run.js';
import { requireJsonObject } from './middleware.js';

export function serviceRoutes(routes: readonly BoundRoute[], guard: Guard): GuardedRouter {
  const router = new GuardedRouter(guard);
  for (const route of routes) {
    const handler = async (request: Request<Record<string, string>>, response: Response) => {
      const body: unknown = request.body;
      response.json(route.change && dryRunRequested(request) ? await route.dryRun(request.params, body) : await route.run(request.params, body));
    };
    const doc = operationOf(route);
    if (route.body) router.route(route.method, route.path, route.policy, doc, requireJsonObject, handler);
    else router.route(route.method, route.path, route.policy, doc, handler);
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
  '504': error('BroadWorks did not answer in time'),
};

/** APIO's 207 Multi-Status, for a change made in several OCI-P documents that went only part-way. */
const PARTIAL = {
  '207': error('Partially applied (PARTIALLY_APPLIED, code 18): details.applied and details.notApplied name the steps'),
};

function operationOf(route: BoundRoute): OpenApiOperation {
  const parameters = [...route.path.matchAll(/:(\w+)/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    schema: { type: 'string' },
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
    parameters: route.change ? [...parameters, dryRunParameter] : parameters,
    ...(request && { requestBody: { required: true, ...json(ref(request.schema), request.examples) } }),
    responses: { '200': ok, ...(route.doc.partial && PARTIAL), ...ERRORS },
  };
}
