// No 5xx from client input, and the CSRF and header rules, through HTTP → OCI-P → simulator:
// malformed percent-encoding and path ids the OCI-P schema cannot carry are 400s naming the
// parameter; a body too large is 413; Node's own parser errors (headers too large, a request line
// that is not HTTP) come in the APIO shape; a cookie-authenticated change needs application/json.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerClientErrors } from '../../src/http/client-errors.js';
import { apioError, DEMO_LOGINS, igcUrl, instanceUrl, minimalBody, mutatingCommands, SEED_ID, startAdapter } from '../support/adapter-harness.js';
import type { AdapterHarness } from '../support/adapter-harness.js';
import { raw as rawAnswer } from '../support/listening-error-codes.js';
import type { RawAnswer } from '../support/listening-error-codes.js';

let h: AdapterHarness;
before(async () => {
  h = await startAdapter();
});
after(() => h.close());

describe('the URL', () => {
  for (const segment of ['%', '%zz', '%ff', '%C0%AE', 'a%2', '%E0%A4%A']) {
    test(`a service user id with malformed percent-encoding (${segment}) is a 400`, async () => {
      const error = apioError(await h.request.get(instanceUrl(segment)), 400, 'VALIDATION');
      assert.match(error.message, /percent-encoding/);
    });
  }

  test('a tenant segment with malformed percent-encoding is a 400 too', async () => {
    apioError(await h.request.get(igcUrl('/api/v1', '%zz')), 400, 'VALIDATION');
  });

  const cases: [string, string, string][] = [
    ['a service user id of 162 characters', instanceUrl(`${'x'.repeat(150)}@example.com`), 'service_user_id'],
    ['a service user id with %00', instanceUrl('a%00b@example.com'), 'service_user_id'],
    ['a service user id that is only spaces', instanceUrl('%20%20'), 'service_user_id'],
    ['a tenant id of 31 characters', igcUrl('/api/v1', 't'.repeat(31)), 'tenant_id'],
    ['a group id of 31 characters', igcUrl('/api/v1', 'ApioSpTest', 'g'.repeat(31)), 'group_id'],
    ['a group id with a tab', igcUrl('/api/v1', 'ApioSpTest', 'a%09b'), 'group_id'],
    ['a group id that is only a space', igcUrl('/api/v01/p1', 'ApioSpTest', '%20'), 'group_id'],
  ];
  for (const [what, url, parameter] of cases) {
    test(`${what}: 400 naming ${parameter}, nothing sent to BroadWorks`, async () => {
      h.roundTrips.length = 0;
      const answers = [await h.request.get(url)];
      if (parameter === 'service_user_id') answers.push(await h.request.delete(url), await h.request.put(url).send({ active: true }));
      for (const response of answers) {
        const error = apioError(response, 400, 'VALIDATION');
        assert.match(error.message, new RegExp(`path parameter ${parameter}`));
        assert.deepEqual((error.details.problems as { path: string }[]).map((p) => p.path), [parameter]);
      }
      assert.deepEqual(h.roundTrips, []);
    });
  }
});

describe('the body', () => {
  test('10 MB is a 413 in the APIO shape, not a 416', async () => {
    const huge = JSON.stringify({ serviceInstanceProfile: { name: 'x'.repeat(10 * 1024 * 1024) } });
    const response = await h.request.post(igcUrl()).set('Content-Type', 'application/json').send(huge);
    const error = apioError(response, 413, 'PAYLOAD_TOO_LARGE');
    assert.match(error.message, /larger than 1mb/);
  });

  test('control characters in text fields are refused by the schema with a 400 naming the field', async () => {
    h.roundTrips.length = 0;
    const body = minimalBody('ctl.igc@sip.netaxis.be', { name: 'bell\u0007', cliLastName: 'nul\u0000' });
    const error = apioError(await h.request.post(igcUrl()).send(body), 400, 'VALIDATION');
    const paths = (error.details.problems as { path: string }[]).map((p) => p.path).sort();
    assert.deepEqual(paths, ['serviceInstanceProfile.cliLastName', 'serviceInstanceProfile.name']);
    assert.match(error.message, /control characters/);
    assert.deepEqual(mutatingCommands(h), []);
  });
});

describe("Node's HTTP parser, answered in the APIO shape", () => {
  let server: Server;
  let port: number;
  before(async () => {
    server = createServer(h.app);
    answerClientErrors(server);
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
    port = (server.address() as AddressInfo).port;
  });
  after(() => new Promise<void>((done) => server.close(() => done())));

  const raw = (bytes: string): Promise<RawAnswer> => rawAnswer(port, bytes);

  test('headers over 16 KB: 431 with an APIO body', async () => {
    const answer = await raw(`GET ${igcUrl()} HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    assert.equal(answer.status, 431);
    assert.equal(answer.body.errors[0]?.details.reason, 'HEADERS_TOO_LARGE');
    assert.match(answer.headers, /X-Content-Type-Options: nosniff/);
  });

  test('a request line that is not HTTP: 400 with an APIO body', async () => {
    const answer = await raw('HELLO THERE\r\n\r\n');
    assert.equal(answer.status, 400);
    assert.equal(answer.body.errors[0]?.details.reason, 'VALIDATION');
    assert.equal(typeof answer.body.errors[0]?.code, 'number');
  });

  test('a header with a control character: 400 with an APIO body', async () => {
    const answer = await raw(`GET ${igcUrl()} HTTP/1.1\r\nHost: x\r\nX-Bad: a\u0001b\r\n\r\n`);
    assert.equal(answer.status, 400);
    assert.equal(answer.body.errors[0]?.details.reason, 'VALIDATION');
  });
});

describe('CSRF: cookie-authenticated changes need Content-Type: application/json', () => {
  let cookie: string;
  before(async () => {
    const login = await h.anonymous.post('/api/v1/login/').send(DEMO_LOGINS.system);
    assert.equal(login.status, 200, login.text);
    cookie = ([] as string[]).concat(login.headers['set-cookie'] as unknown as string[]).find((line) => line.startsWith('sessionid='))!.split(';')[0]!;
  });

  test('a text/plain POST with the cookie is a 415 and creates nothing', async () => {
    h.roundTrips.length = 0;
    const body = JSON.stringify(minimalBody('csrf.igc@sip.netaxis.be'));
    const response = await h.anonymous.post(igcUrl()).set('Cookie', cookie).set('Content-Type', 'text/plain').send(body);
    const error = apioError(response, 415, 'UNSUPPORTED_MEDIA_TYPE');
    assert.match(error.message, /application\/json/);
    assert.deepEqual(h.roundTrips, []);
  });

  test('form bodies and a DELETE without a Content-Type are refused too; GET is not', async () => {
    apioError(await h.anonymous.put(instanceUrl(SEED_ID)).set('Cookie', cookie).type('form').send('name=x'), 415, 'UNSUPPORTED_MEDIA_TYPE');
    apioError(await h.anonymous.delete(instanceUrl('nobody@sip.netaxis.be')).set('Cookie', cookie), 415, 'UNSUPPORTED_MEDIA_TYPE');
    assert.equal((await h.anonymous.get(igcUrl()).set('Cookie', cookie)).status, 200);
  });

  test('with application/json the cookie works as before', async () => {
    const response = await h.anonymous.post(igcUrl()).set('Cookie', cookie).set('Content-Type', 'application/json; charset=utf-8').send(JSON.stringify(minimalBody('csrf.ok@sip.netaxis.be')));
    assert.equal(response.status, 200, response.text);
    const deleted = await h.anonymous.delete(instanceUrl('csrf.ok@sip.netaxis.be')).set('Cookie', cookie).set('Content-Type', 'application/json');
    assert.equal(deleted.status, 200, deleted.text);
  });

  test('a bearer token is unaffected: text/plain is parsed as JSON as before', async () => {
    const response = await h.request.post(igcUrl()).set('Content-Type', 'text/plain').send(JSON.stringify(minimalBody('bearer.plain@sip.netaxis.be')));
    assert.equal(response.status, 200, response.text);
  });
});

describe('headers of API and token answers', () => {
  test('nosniff and no-store on answers, errors and token answers', async () => {
    const answers = [
      await h.request.get(igcUrl()),
      await h.request.get(instanceUrl('%zz')),
      await h.anonymous.post('/api/v01/auth/login').send(DEMO_LOGINS.system),
      await h.anonymous.post('/api/v1/login/').send(DEMO_LOGINS.group),
    ];
    for (const [index, response] of answers.entries()) {
      assert.equal(response.headers['x-content-type-options'], 'nosniff', `answer ${index}`);
      assert.equal(response.headers['cache-control'], 'no-store', `answer ${index}`);
    }
  });
});
