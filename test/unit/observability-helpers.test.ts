// The small pieces of observability: the route label (pattern with its mount prefix), URL masking,
// request ids, and the drain's count of requests in flight.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import type { Request, Response } from 'express';
import { RequestDrain } from '../../src/http/request-drain.js';
import { maskUrl, REDACTED, routeLabel, UNMATCHED_ROUTE } from '../../src/observability/index.js';
import { requestIdFrom } from '../../src/observability/request-context.js';

const label = (originalUrl: string, path?: string) =>
  routeLabel({ originalUrl, route: path === undefined ? undefined : { path } } as unknown as Request);

test('the route label is the pattern under its prefix, whatever the ids and the query', () => {
  const pattern = '/tenants/:tenant_id/groups/:group_id/services/instant_group_calls/:service_user_id/';
  assert.equal(label('/api/v1/tenants/T/groups/G/services/instant_group_calls/a@b/?x=1', pattern), `/api/v1${pattern}`);
  assert.equal(label('/api/v01/p1/tenants/T/groups/G/services/instant_group_calls/a%2Fb/', pattern), `/api/v01/p1${pattern}`);
  assert.equal(label('/metrics', '/metrics'), '/metrics');
  assert.equal(label('/api/v01/auth/login', '/api/v01/auth/login'), '/api/v01/auth/login');
  assert.equal(label('/anything/at/all/'), UNMATCHED_ROUTE);
});

test('secret-looking query values are masked; other URLs are unchanged', () => {
  assert.equal(maskUrl('/x/?access_token=abc&page=2&password=p&apiKey=k'), `/x/?access_token=${REDACTED}&page=2&password=${REDACTED}&apiKey=${REDACTED}`);
  assert.equal(maskUrl('/api/v1/tenants/T/'), '/api/v1/tenants/T/');
});

test('X-Request-Id is kept when short and plain, replaced otherwise', () => {
  assert.equal(requestIdFrom('abc-123_x.y:z'), 'abc-123_x.y:z');
  assert.equal(requestIdFrom(['first', 'second']), 'first');
  for (const bad of [undefined, '', 'has space', 'x'.repeat(129), 'quote"', 'new\nline']) {
    assert.match(requestIdFrom(bad), /^[0-9a-f]{8}-[0-9a-f]{4}-/);
  }
});

test('the drain counts requests until their answers close, and waits for none at the end (bounded)', async () => {
  const drain = new RequestDrain();
  const responses = [0, 1].map(() => Object.assign(new EventEmitter(), { headersSent: false, setHeader() {} }) as unknown as Response);
  for (const response of responses) drain.middleware({} as Request, response, () => {});
  assert.equal(drain.inFlight, 2);
  const drained = drain.drain(5_000);
  (responses[0] as unknown as EventEmitter).emit('close');
  assert.equal(drain.inFlight, 1);
  (responses[1] as unknown as EventEmitter).emit('close');
  assert.equal(await drained, true);
  assert.equal(await new RequestDrain().drain(10), true, 'nothing in flight: at once');
  const stuck = new RequestDrain();
  stuck.middleware({} as Request, Object.assign(new EventEmitter(), { headersSent: false, setHeader() {} }) as unknown as Response, () => {});
  assert.equal(await stuck.drain(20), false, 'timed out');
});
