// The published contract: GET /api/v1/openapi.json is generated from the schemas that validate
// requests, so what it documents is what the adapter accepts.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startAdapter } from '../support/adapter-harness.js';
import type { AdapterHarness } from '../support/adapter-harness.js';

let adapter: AdapterHarness;
before(async () => {
  adapter = await startAdapter();
});
after(async () => {
  await adapter.close();
});

test('the OpenAPI document lists every Instant Group Call operation', async () => {
  const response = await adapter.request.get('/api/v1/openapi.json').expect(200);
  const document = response.body as { openapi: string; paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, any> } };
  assert.equal(document.openapi, '3.1.0');
  const base = '/api/v1/tenants/{tenant_id}/groups/{group_id}/services';
  assert.deepEqual(Object.keys(document.paths[`${base}/instant_group_calls/`]!).sort(), ['get', 'post']);
  assert.deepEqual(Object.keys(document.paths[`${base}/instant_group_calls/{service_user_id}/`]!).sort(), ['delete', 'get', 'put']);
  assert.deepEqual(Object.keys(document.paths[`${base}/instant_group_calls_active/`]!), ['put']);

  const create = document.components.schemas.InstantGroupCallCreate;
  assert.deepEqual(create.required, ['serviceInstanceProfile']);
  assert.equal(create.additionalProperties, false);
  // null is accepted too (none): the limit is on the number branch.
  const minutes = create.properties.answerTimeoutMinutes;
  assert.equal((minutes.anyOf ?? [minutes]).find((branch: { type?: string }) => branch.type === 'integer').maximum, 60);
  // A change that went part-way is APIO's 207, with what was and was not applied.
  for (const method of ['post', 'put']) {
    const path = method === 'post' ? `${base}/instant_group_calls/` : `${base}/instant_group_calls/{service_user_id}/`;
    const operation = document.paths[path]![method] as { responses: Record<string, unknown> };
    assert.ok(operation.responses['207'], `${method} documents 207`);
  }
  assert.ok(document.components.schemas.Error.properties.errors.items.properties.details.properties.notApplied);
  assert.equal(create.properties.serviceInstanceProfile.properties.name.maxLength, 30);
  const active = document.components.schemas.InstantGroupCallActiveList;
  assert.deepEqual(active.required, ['services']);
});

test('what the document forbids, the adapter refuses', async () => {
  const response = await adapter.request
    .post('/api/v1/tenants/ApioSpTest/groups/ApioGrpTest/services/instant_group_calls/')
    .send({ serviceUserId: 'x@sip.netaxis.be', serviceInstanceProfile: { name: 'n'.repeat(31) }, answerTimeoutEnabled: true, answerTimeoutMinutes: 61 })
    .expect(400);
  const paths = (response.body.errors[0].details.problems as { path: string }[]).map((p) => p.path).sort();
  assert.ok(paths.includes('answerTimeoutMinutes'));
  assert.ok(paths.includes('serviceInstanceProfile.name'));
});

test('every change documents the Idempotency-Key header and its answers; path ids carry their OCI-P limits', async () => {
  const document = (await adapter.request.get('/api/v1/openapi.json').expect(200)).body as { paths: Record<string, Record<string, any>> };
  const base = '/api/v1/tenants/{tenant_id}/groups/{group_id}/services';
  const changes = [
    document.paths[`${base}/instant_group_calls/`]!.post,
    document.paths[`${base}/instant_group_calls/{service_user_id}/`]!.put,
    document.paths[`${base}/instant_group_calls/{service_user_id}/`]!.delete,
    document.paths[`${base}/instant_group_calls_active/`]!.put,
  ];
  for (const operation of changes) {
    const header = (operation.parameters as { name: string; in: string }[]).find((p) => p.name === 'Idempotency-Key');
    assert.equal(header?.in, 'header', operation.summary);
    for (const status of ['409', '413', '415', '422']) assert.ok(operation.responses[status], `${operation.summary}: ${status}`);
  }
  const read = document.paths[`${base}/instant_group_calls/{service_user_id}/`]!.get;
  assert.equal((read.parameters as { name: string }[]).some((p) => p.name === 'Idempotency-Key'), false);
  const limits = Object.fromEntries((read.parameters as { name: string; schema: { maxLength: number } }[]).map((p) => [p.name, p.schema.maxLength]));
  assert.deepEqual(limits, { tenant_id: 30, group_id: 30, service_user_id: 161 });
});
