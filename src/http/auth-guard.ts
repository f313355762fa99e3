// The guard every protected route declares: who is calling (401 without valid credentials), their
// rate limit per credential (429), then the route's minimum level and scope (403). Routes register
// through a GuardedRouter, so none exists without a policy, and the app lists every route with its
// policy (app.locals.routes) for the scope matrix test.
import { Router } from 'express';
import type { RequestHandler, Response } from 'express';
import { noteCaller, noteRoute } from '../audit/index.js';
import { checkAccess, credentialKey } from '../auth/index.js';
import type { Principal, RateVerdict, RoutePolicy, Security } from '../auth/index.js';
import { ApioError } from '../domain/errors.js';
import { HttpError } from './http-errors.js';
import { clientAddress, credentialsOf } from './auth-credentials.js';
import { checkPathIds } from './path-params.js';

export type Guard = (policy: RoutePolicy) => RequestHandler;
export type HttpMethod = 'get' | 'post' | 'put' | 'delete';

/** An OpenAPI 3.1 operation object (summary, parameters, requestBody, responses...). */
export type OpenApiOperation = Readonly<Record<string, unknown>>;

/** One route of the app, what it demands (`policy: null` is public), and its OpenAPI operation. */
export interface DeclaredRoute {
  method: HttpMethod;
  path: string;
  policy: RoutePolicy | null;
  doc: OpenApiOperation;
}

const principals = new WeakMap<object, Principal>();

/** The caller of a request that passed a guard. */
export function principalOf(request: object): Principal | undefined {
  return principals.get(request);
}

export function createGuard(security: Security): Guard {
  return (policy) => async (request, response, next) => {
    const params = request.params as Record<string, string | undefined>;
    const target = { tenantId: params.tenant_id, groupId: params.group_id };
    noteRoute(`${request.baseUrl}${String(request.route?.path ?? '')}`, target.tenantId, target.groupId);
    const outcome = await security.auth.authenticate(credentialsOf(request));
    const principal = outcome.principal;
    if (!principal) {
      response.setHeader('WWW-Authenticate', 'Bearer');
      throw new ApioError(
        'UNAUTHENTICATED',
        outcome.failure ?? 'authentication required: log in with POST /api/v1/login/ or /api/v01/auth/login, or send a bearer token',
      );
    }
    noteCaller(principal);
    refuseCrossSiteForm(request.method, request.headers['content-type'], principal);
    refuseWhenLimited(response, await security.rateLimiter.forCredential(credentialKey(principal)));
    const access = checkAccess(principal, policy, target);
    if (!access.ok) throw new ApioError('FORBIDDEN', access.why);
    principals.set(request, principal);
    next();
  };
}

/** Every /api request counts against its client address's limit, before anything else is done. */
export function limitByAddress(security: Security): RequestHandler {
  return async (request, response, next) => {
    refuseWhenLimited(response, await security.rateLimiter.forAddress(clientAddress(request)));
    next();
  };
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * CSRF: a browser sends the session cookie with any same-site form or a no-preflight fetch, but only
 * with a text/plain, form or multipart body. Asking for application/json on every change made with a
 * cookie forces a preflight on another origin; bearer and machine tokens are never sent by a browser
 * on its own, so they are unaffected.
 */
function refuseCrossSiteForm(method: string, contentType: string | undefined, principal: Principal): void {
  if (principal.via !== 'session' || !MUTATING.has(method)) return;
  const mediaType = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (mediaType === 'application/json') return;
  throw new HttpError(
    'UNSUPPORTED_MEDIA_TYPE',
    `with cookie authentication, a ${method} needs Content-Type: application/json${mediaType ? ` (got ${mediaType})` : ''}`,
  );
}

/** 429 with Retry-After (seconds), in the APIO error shape. */
export function refuseWhenLimited(response: Response, verdict: RateVerdict): void {
  if (verdict.allowed) return;
  response.setHeader('Retry-After', String(verdict.retryAfterSeconds));
  throw new HttpError('RATE_LIMITED', `rate limit exceeded: ${verdict.what}; retry after ${verdict.retryAfterSeconds} s`);
}

/** A router whose every route carries a guard for its policy, and the list of them. */
export class GuardedRouter {
  readonly router = Router({ strict: true, mergeParams: true });
  readonly #declared: DeclaredRoute[] = [];

  constructor(private readonly guard: Guard) {
    checkPathIds(this.router);
  }

  // Express's own typing of route params is by string path only: a handler names its params type.
  route<P = Record<string, string>>(method: HttpMethod, path: string, policy: RoutePolicy, doc: OpenApiOperation, ...handlers: RequestHandler<P>[]): this {
    this.router[method](path, this.guard(policy), ...(handlers as unknown as RequestHandler[]));
    this.#declared.push({ method, path, policy, doc });
    return this;
  }

  /** The routes as mounted under each prefix. */
  declared(prefixes: readonly string[]): DeclaredRoute[] {
    return prefixes.flatMap((prefix) => this.#declared.map((route) => ({ ...route, path: `${prefix}${route.path}` })));
  }
}
