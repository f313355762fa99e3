// GET /metrics after a few requests: HTTP requests by route pattern and status with latency
// histograms, OCI-P commands by type and outcome, the pool gauges, APIO errors by code; and the
// request id echoed in X-Request-Id.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startObservedServer } from '../support/observed-server.js';
import type { ObservedServer } from '../support/observed-server.js';

const LIST = '/api/v1/tenants/ApioSpTest/groups/ApioGrpTest/services/instant_group_calls/';
const LIST_ROUTE = '/api/v1/tenants/:tenant_id/groups/:group_id/services/instant_group_calls/';
const INSTANCE_ROUTE = '/api/v01/p1/tenants/:tenant_id/groups/:group_id/services/instant_group_calls/:service_user_id/';

let server: ObservedServer;
let metrics: string;

/** The value of one sample, labels in any order; undefined when absent. */
function sample(name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of metrics.split('\n')) {
    const match = /^([\w:]+)(?:\{(.*)\})?\s+(\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map(([, key, value]) => [key, value]));
    if (Object.entries(labels).every(([key, value]) => present[key] === value)) return Number(match[3]);
  }
  return undefined;
}

before(async () => {
  server = await startObservedServer();
  for (let i = 0; i < 2; i++) assert.equal((await server.fetch(LIST)).status, 200);
  assert.equal((await server.fetch('/api/v01/p1/tenants/ApioSpTest/groups/ApioGrpTest/services/instant_group_calls/nobody@sip.netaxis.be/')).status, 404);
  assert.equal((await server.fetch('/api/v1/no/such/route/')).status, 404);
  const response = await server.fetch('/metrics', { headers: {} });
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
  metrics = await response.text();
});
after(() => server.close());

test('HTTP requests are counted by the Express route pattern and status, never the raw URL', () => {
  assert.equal(sample('apio_http_requests_total', { method: 'GET', route: LIST_ROUTE, status: '200' }), 2);
  assert.equal(sample('apio_http_requests_total', { method: 'GET', route: INSTANCE_ROUTE, status: '404' }), 1);
  assert.equal(sample('apio_http_requests_total', { method: 'GET', route: 'unmatched', status: '404' }), 1);
  assert.doesNotMatch(metrics, /ApioSpTest|nobody@|no\/such/, 'ids from URLs must not become label values');
});

test('HTTP latency is a histogram per route and status', () => {
  const labels = { method: 'GET', route: LIST_ROUTE, status: '200' };
  assert.equal(sample('apio_http_request_duration_seconds_count', labels), 2);
  assert.equal(sample('apio_http_request_duration_seconds_bucket', { ...labels, le: '+Inf' }), 2);
  assert.ok(sample('apio_http_request_duration_seconds_bucket', { ...labels, le: '0.001' }) !== undefined);
  assert.ok(sample('apio_http_request_duration_seconds_sum', labels)! > 0);
});

test('OCI-P commands are counted by type and outcome, with latency histograms', () => {
  // Two lists, each one document: the list and the departments.
  assert.equal(sample('apio_ocip_command_duration_seconds_count', { command: 'GroupDepartmentGetListRequest18', outcome: 'success' }), 2);
  // The unknown instance: its GetInstance answered an ErrorResponse, its membership search succeeded.
  assert.equal(sample('apio_ocip_command_duration_seconds_count', { command: 'GroupInstantGroupCallGetInstanceRequest19sp1', outcome: 'error-response' }), 1);
  assert.equal(sample('apio_ocip_command_duration_seconds_count', { command: 'UserGetServiceInstanceListInServiceProviderRequest', outcome: 'success' }), 1);
  assert.equal(sample('apio_ocip_command_duration_seconds_count', { command: 'GroupInstantGroupCallGetInstanceListRequest', outcome: 'success' }), 2);
  assert.ok(sample('apio_ocip_command_duration_seconds_bucket', { command: 'GroupInstantGroupCallGetInstanceListRequest', outcome: 'success', le: '+Inf' }) === 2);
  // Round trips: one document per request; the unknown instance's document had an ErrorResponse in it.
  assert.equal(sample('apio_ocip_document_duration_seconds_count', { outcome: 'success' }), 2);
  assert.equal(sample('apio_ocip_document_duration_seconds_count', { outcome: 'error-response' }), 1);
});

test('the pool gauges show sessions in use, idle and waiting', () => {
  assert.equal(sample('apio_ocip_pool_sessions', { state: 'in_use' }), 0);
  assert.equal(sample('apio_ocip_pool_sessions', { state: 'waiting' }), 0);
  assert.ok(sample('apio_ocip_pool_sessions', { state: 'idle' })! >= 1);
  assert.equal(sample('apio_ocip_pool_max_sessions'), 2);
});

test('APIO errors are counted by code and reason', () => {
  assert.equal(sample('apio_errors_total', { code: '12', reason: 'NOT_FOUND' }), 1);
  assert.equal(sample('apio_errors_total', { code: '24', reason: 'ROUTE_NOT_FOUND' }), 1);
});

test('process metrics come from the same registry', () => {
  assert.ok(sample('apio_process_resident_memory_bytes')! > 0);
});

test('X-Request-Id: a caller\'s id is echoed; without one, a new one is made', async () => {
  const given = await server.fetch(LIST, { headers: { 'x-request-id': 'caller-id-42' } });
  assert.equal(given.headers.get('x-request-id'), 'caller-id-42');
  const made = await server.fetch(LIST);
  assert.match(made.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
  // An id that could forge log content is replaced.
  const odd = await server.fetch(LIST, { headers: { 'x-request-id': 'bad id"}\u00e9' } });
  assert.match(odd.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
});
