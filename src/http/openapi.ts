// The OpenAPI 3.1 document, generated from the routes as the app declares them (app.locals.routes:
// the service routes under each prefix, the logins, the audit log), each with its operation, and
// from the zod schemas that validate requests — so the published contract cannot drift from what
// the adapter serves and accepts (test/integration/openapi-routes.test.ts compares it with Express's
// own route table).
import type { DeclaredRoute } from './auth-guard.js';
import { AUTH_TAG } from './openapi-auth.js';

const errorBody = {
  type: 'object',
  properties: {
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['code', 'message', 'details'],
        properties: {
          code: { type: 'integer' },
          message: { type: 'string' },
          details: {
            type: 'object',
            properties: {
              reason: { type: 'string' },
              errors: { type: 'object', additionalProperties: { type: 'object', properties: { summary: { type: 'string' } } } },
            },
          },
        },
      },
    },
  },
};

/** What every change route answers with ?dry_run=true (dry-run.ts). */
const dryRunAnswer = {
  type: 'object',
  required: ['dryRun', 'documents', 'readCommandsSent'],
  properties: {
    dryRun: { const: true },
    serviceUserId: { type: 'string', description: 'the id a create would use, or an id change would give' },
    documents: {
      type: 'array',
      items: {
        type: 'object',
        required: ['commands', 'xml'],
        properties: { commands: { type: 'array', items: { type: 'string' } }, xml: { type: 'string' }, refused: { type: 'string' } },
      },
    },
    readCommandsSent: { type: 'array', items: { type: 'string' } },
  },
};

export interface OpenApiParts {
  routes: readonly DeclaredRoute[];
  /** The services' tags and components/schemas (src/services). */
  tags: readonly { name: string; description: string }[];
  schemas: Readonly<Record<string, object>>;
}

/** Express's ":name" path parameters as OpenAPI's "{name}". */
export function openApiPath(expressPath: string): string {
  return expressPath.replace(/:(\w+)/g, '{$1}');
}

/** The APIO-core proxy prefix: the same service routes again, listed under one tag of their own so
 * the docs page shows each service's operations once. */
const PROXY_PREFIX = '/api/v01/p1/';
const PROXY_TAG = 'Under the APIO-core proxy prefix /api/v01/p1';

export function openApiDocument(parts: OpenApiParts): object {
  const paths: Record<string, Record<string, object>> = {};
  for (const route of parts.routes) {
    const viaProxy = route.path.startsWith(PROXY_PREFIX);
    const doc = viaProxy ? { ...route.doc, tags: [PROXY_TAG] } : route.doc;
    (paths[openApiPath(route.path)] ??= {})[route.method] = doc;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'APIO-compatible BroadWorks provisioning adapter',
      version: '0.1.0',
      description: 'Netaxis APIO service routes over OCI-P, under /api/v1 and the APIO-core proxy prefix /api/v01/p1. Every gateway URL ends with /.',
    },
    tags: [
      { name: AUTH_TAG, description: 'Log in with a BroadWorks username and password; send the access token as a bearer' },
      ...parts.tags,
      { name: 'Audit', description: 'The audit log (AUDIT_ENABLED), for system admins' },
      { name: PROXY_TAG, description: 'Every service route again, as APIO core proxies it' },
    ],
    paths,
    // Either credential works on every route: a bearer (core access token or machine token) or the gateway cookie.
    security: [{ bearer: [] }, { sessionCookie: [] }],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'POST /api/v01/auth/login access_token, or a configured machine token' },
        sessionCookie: { type: 'apiKey', in: 'cookie', name: 'sessionid', description: 'POST /api/v1/login/' },
      },
      schemas: { ...parts.schemas, DryRunAnswer: dryRunAnswer, Error: errorBody },
    },
  };
}
