// The OpenAPI document is generated from the route registrations, so it lists every route the
// adapter serves: this compares it with Express's own route table (every method and path under
// /api/v1 and /api/v01, both prefixes of every service route, the logins, the audit log), so the two
// cannot drift, and checks each operation says what a client needs.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Express } from 'express';
import { openApiPath } from '../../src/http/openapi.js';
import { startAdapter } from '../support/adapter-harness.js';
import type { AdapterHarness } from '../support/adapter-harness.js';

interface Layer {
  rawPath?: unknown;
  route?: { path: string; methods: Record<string, boolean> };
  handle: { stack?: Layer[] };
}

/** Every route Express would dispatch to, as "METHOD /full/path", read from the router stacks. */
function expressRoutes(app: Express): string[] {
  const walk = (stack: Layer[], prefix: string): string[] =>
    stack.flatMap((layer) => {
      const at = typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? `${prefix}${layer.rawPath}` : prefix;
      if (layer.route) return Object.keys(layer.route.methods).map((method) => `${method.toUpperCase()} ${prefix}${layer.route!.path}`);
      return layer.handle.stack ? walk(layer.handle.stack, at) : [];
    });
  return walk((app as unknown as { router: { stack: Layer[] } }).router.stack, '');
}

let h: AdapterHarness;
let document: { paths: Record<string, Record<string, { tags?: string[]; summary?: string; parameters?: { name: string; in: string }[]; responses?: object }>> };
before(async () => {
  h = await startAdapter({}, { overrides: { audit: { enabled: true } } });
  document = (await h.request.get('/api/v1/openapi.json').expect(200)).body;
});
after(() => h.close());

test('the document lists exactly the API routes Express serves, under both prefixes', () => {
  const served = expressRoutes(h.app)
    .filter((route) => /^\w+ \/api\/v0?1\//.test(route) && route !== 'GET /api/v1/openapi.json')
    .map((route) => {
      const [method, path] = route.split(' ');
      return `${method} ${openApiPath(path!)}`;
    });
  const documented = Object.entries(document.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`));
  assert.deepEqual([...new Set(served)].sort(), documented.sort());
  for (const expected of [
    'POST /api/v1/login/',
    'POST /api/v1/logout/',
    'POST /api/v01/auth/login',
    'GET /api/v01/auth/access_token',
    'GET /api/v01/auth/logout',
    'POST /api/v01/auth/logout',
    'GET /api/v1/audit/records/',
    'PUT /api/v1/tenants/{tenant_id}/groups/{group_id}/services/instant_group_calls_active/',
    'PUT /api/v01/p1/tenants/{tenant_id}/groups/{group_id}/services/instant_group_calls_active/',
    'DELETE /api/v01/p1/tenants/{tenant_id}/groups/{group_id}/services/instant_group_calls/{service_user_id}/',
  ]) {
    assert.ok(documented.includes(expected), `${expected} is documented`);
  }
});

test('every documented route is the one the app declares with its policy, and every operation is complete', () => {
  const declared = h.routes.map((route) => `${route.method.toUpperCase()} ${openApiPath(route.path)}`).sort();
  const documented = Object.entries(document.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`));
  assert.deepEqual(documented.sort(), declared);
  for (const [path, operations] of Object.entries(document.paths)) {
    const pathParameters = [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => name);
    for (const [method, operation] of Object.entries(operations)) {
      assert.ok(operation.summary && operation.tags?.length && operation.responses, `${method} ${path}`);
      const declaredParameters = (operation.parameters ?? []).filter((parameter) => parameter.in === 'path').map((parameter) => parameter.name);
      assert.deepEqual(declaredParameters, pathParameters, `${method} ${path}: path parameters`);
    }
  }
});
