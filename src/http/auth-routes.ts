// The two APIO login styles (APIO.md §3):
//   gateway  POST /api/v1/login/ → ids + profile and a `sessionid` cookie; POST /api/v1/logout/
//   core     POST /api/v01/auth/login → access + refresh JWT; GET /api/v01/auth/access_token with the
//            refresh token; GET or POST /api/v01/auth/logout revokes both tokens of the login.
// Core answers errors as the core does ({"error": "…"}) and in the APIO shape too, so either kind of
// client reads them. Every login attempt counts against the address's login limit first.
import { Router } from 'express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { z } from 'zod';
import { noteCaller } from '../audit/index.js';
import { loginAnswer } from '../auth/index.js';
import type { Security } from '../auth/index.js';
import { ApioError } from '../domain/errors.js';
import { validate } from '../domain/validate.js';
import { bearerOf, clearSessionCookie, clientAddress, cookieOf, SESSION_COOKIE, setSessionCookie } from './auth-credentials.js';
import type { DeclaredRoute } from './auth-guard.js';
import { refuseWhenLimited } from './auth-guard.js';
import { isApioShaped, toErrorAnswer } from './error-response.js';
import { requireJsonObject } from './middleware.js';
import { authOperations } from './openapi-auth.js';

/** GW login: `provide_basic_profile` is deprecated and ignored, like any other extra field. */
const gatewayLoginSchema = z.object({ username: z.string().min(1).max(200), password: z.string().min(1).max(200) });
/** Core login (openapi): maxLength 200/200/70, additionalProperties false. */
const coreLoginSchema = z
  .object({ username: z.string().min(1).max(200), password: z.string().min(1).max(200), proxy: z.string().max(70).optional() })
  .strict();

/** The routes below with their OpenAPI operations; the route-table test holds the two together. */
export const AUTH_ROUTES: readonly DeclaredRoute[] = [
  { method: 'post', path: '/api/v1/login/', policy: null, doc: authOperations.gatewayLogin },
  { method: 'post', path: '/api/v1/logout/', policy: null, doc: authOperations.gatewayLogout },
  { method: 'post', path: '/api/v01/auth/login', policy: null, doc: authOperations.coreLogin },
  { method: 'get', path: '/api/v01/auth/access_token', policy: null, doc: authOperations.accessToken },
  { method: 'get', path: '/api/v01/auth/logout', policy: null, doc: authOperations.coreLogout },
  { method: 'post', path: '/api/v01/auth/logout', policy: null, doc: authOperations.coreLogout },
];

export function authRoutes(security: Security): Router {
  const router = Router({ strict: true });
  const { auth } = security;

  const limitLogins: RequestHandler = async (request, response, next) => {
    refuseWhenLimited(response, await security.rateLimiter.forLogin(clientAddress(request)));
    next();
  };

  router.post('/api/v1/login/', limitLogins, requireJsonObject, async (request, response) => {
    const { username, password } = validate(gatewayLoginSchema, request.body);
    const principal = await auth.login(username, password, 'session');
    noteCaller(principal);
    setSessionCookie(response, security, await auth.sessions.open(principal));
    response.json(loginAnswer(principal));
  });

  router.post('/api/v1/logout/', async (request, response) => {
    const sessionId = cookieOf(request, SESSION_COOKIE);
    if (sessionId !== undefined) await auth.sessions.close(sessionId);
    clearSessionCookie(response, security);
    response.json({});
  });

  router.post(
    '/api/v01/auth/login',
    core(limitLogins),
    core(requireJsonObject),
    core(async (request, response) => {
      const { username, password } = validate(coreLoginSchema, request.body);
      const principal = await auth.login(username, password, 'token');
      noteCaller(principal);
      response.json(await auth.tokens.issue(principal));
    }),
  );

  router.get(
    '/api/v01/auth/access_token',
    core(async (request, response) => {
      response.json(await auth.tokens.refresh(requireBearer(request)));
    }),
  );

  // YAOH sends GET …/logout?sign=sha1:<SHA1(refresh_token)> with its bearer; the bearer (access or
  // refresh token) names the login, and its whole family is revoked.
  const logout = core(async (request, response) => {
    noteCaller((await auth.tokens.revoke(requireBearer(request))).principal);
    response.json({});
  });
  router.get('/api/v01/auth/logout', logout);
  router.post('/api/v01/auth/logout', logout);
  return router;
}

function requireBearer(request: Request): string {
  const bearer = bearerOf(request);
  if (bearer === undefined) throw new ApioError('UNAUTHENTICATED', 'Authorization: Bearer <token> is required');
  return bearer;
}

/** Core-style error answers: {"error": "…"} beside the APIO errors list. */
function core(handler: RequestHandler): RequestHandler {
  return async (request: Request, response: Response, next: NextFunction) => {
    try {
      await handler(request, response, (error?: unknown) => {
        if (error !== undefined && error !== null && error !== 'route' && error !== 'router') answerCoreError(response, error, next);
        else next(error as undefined);
      });
    } catch (error) {
      answerCoreError(response, error, next);
    }
  };
}

function answerCoreError(response: Response, error: unknown, next: NextFunction): void {
  if (!isApioShaped(error) || response.headersSent) {
    next(error);
    return;
  }
  const answer = toErrorAnswer(error);
  if (answer.status === 401) response.setHeader('WWW-Authenticate', 'Bearer');
  response.status(answer.status).json({ error: error.message, ...answer.body });
}
