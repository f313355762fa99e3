// Structured logs: one JSON line per request with its id, the OCI-P trace lines of that request
// tagged with the same id, and no secret anywhere — not the adapter's OCI-P password, not a bearer
// token, a cookie, a token in a query string, or a password sent to the login route.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { createLogger, REDACTED } from '../../src/observability/index.js';
import { MACHINE_TOKEN, OCIP_LOGIN, startObservedServer } from '../support/observed-server.js';
import type { LogLine, ObservedServer } from '../support/observed-server.js';

const LIST = '/api/v1/tenants/ApioSpTest/groups/ApioGrpTest/services/instant_group_calls/';
const COOKIE_SECRET = 'cookie-secret-5d8e1f';
const QUERY_SECRET = 'query-secret-9a7b3c';
const LOGIN_PASSWORD = 'login-password-2c4e6a';

let server: ObservedServer;
before(async () => {
  // trace: the OCI-P documents are logged too, the login with its password element among them.
  server = await startObservedServer({ logLevel: 'trace' });
  const list = await server.fetch(`${LIST}?access_token=${QUERY_SECRET}`, {
    headers: { 'x-request-id': 'req-logs-1', cookie: `sessionid=${COOKIE_SECRET}` },
  });
  assert.equal(list.status, 200, await list.text());
  const login = await server.fetch('/api/v01/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: '' },
    body: JSON.stringify({ username: 'admin', password: LOGIN_PASSWORD }),
  });
  assert.equal(login.status, 401);
  await server.logs.waitFor((line) => line.msg === 'request' && line.url === '/api/v01/auth/login');
});
after(() => server.close());

const requestLine = (id: string): LogLine | undefined => server.logs.lines.find((line) => line.msg === 'request' && line.reqId === id);

test('one JSON line per request: id, method, URL, route pattern, status, duration, OCI-P round trips', () => {
  const line = requestLine('req-logs-1');
  assert.ok(line, server.logs.text.join('\n'));
  assert.equal(line.level, 'info');
  assert.equal(line.method, 'GET');
  assert.equal(line.route, '/api/v1/tenants/:tenant_id/groups/:group_id/services/instant_group_calls/');
  assert.equal(line.status, 200);
  assert.equal(typeof line.ms, 'number');
  assert.equal(line.ocipDocuments, 1);
  assert.equal(typeof line.time, 'number');
  assert.equal(server.logs.lines.filter((l) => l.msg === 'request' && l.reqId === 'req-logs-1').length, 1);
});

test('the OCI-P trace lines of a request carry its id, the document sent and the one received', () => {
  const traces = server.logs.lines.filter((line) => line.reqId === 'req-logs-1' && typeof line.xml === 'string');
  const commands = (line: LogLine) => (line.ocip as { direction: string; commands: string[] }).direction + ' ' + (line.ocip as { commands: string[] }).commands[0];
  // The first request of the pool also opened its session: the login documents belong to it too.
  const seen = traces.map(commands);
  assert.ok(seen.includes('out GroupInstantGroupCallGetInstanceListRequest'), seen.join(', '));
  assert.ok(seen.includes('in GroupInstantGroupCallGetInstanceListResponse'), seen.join(', '));
  for (const line of traces) assert.equal(line.level, 'trace');
});

test('the adapter\'s OCI-P login is traced with its password element masked', () => {
  const login = server.logs.lines.find((line) => typeof line.xml === 'string' && /LoginRequest/.test(line.xml as string) && (line.ocip as { direction: string }).direction === 'out');
  assert.ok(login, 'no traced login document');
  assert.match(login.xml as string, /<signedPassword>\*{5}<\/signedPassword>|<password>\*{5}<\/password>/);
});

test('no secret reaches the log: OCI-P password, bearer token, cookie, query token, login password', () => {
  const all = server.logs.text.join('\n');
  for (const secret of [OCIP_LOGIN.password, MACHINE_TOKEN, COOKIE_SECRET, QUERY_SECRET, LOGIN_PASSWORD]) {
    assert.ok(!all.includes(secret), `the log contains ${secret}`);
  }
  assert.equal(requestLine('req-logs-1')!.url, `${LIST}?access_token=${REDACTED}`);
});

test('any line that carries headers or credentials has them redacted', () => {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  const logger = createLogger({ level: 'info', destination });
  logger.info({ req: { headers: { authorization: `Bearer ${MACHINE_TOKEN}`, cookie: `sessionid=${COOKIE_SECRET}`, accept: 'application/json' } } }, 'headers');
  logger.info({ password: OCIP_LOGIN.password, refresh_token: MACHINE_TOKEN, body: { password: LOGIN_PASSWORD } }, 'fields');
  const text = chunks.join('');
  for (const secret of [OCIP_LOGIN.password, MACHINE_TOKEN, COOKIE_SECRET, LOGIN_PASSWORD]) assert.ok(!text.includes(secret), text);
  const [headers] = chunks.map((chunk) => JSON.parse(chunk) as { req?: { headers: Record<string, string> } });
  assert.deepEqual(headers!.req!.headers, { authorization: REDACTED, cookie: REDACTED, accept: 'application/json' });
});

test('the level comes from the configuration (logLevel / LOG_LEVEL)', async () => {
  const quiet = await startObservedServer({ logLevel: 'info' });
  try {
    assert.equal((await quiet.fetch(LIST)).status, 200);
    await quiet.logs.waitFor((line) => line.msg === 'request');
    assert.ok(!quiet.logs.lines.some((line) => line.level === 'trace'), 'no trace lines at info');
  } finally {
    await quiet.close();
  }
});
