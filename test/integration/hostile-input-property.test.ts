// A property over every route, driven by fast-check: generated hostile input — path ids that are
// too long, empty once collapsed, full of control characters or malformed percent-encoding; bodies
// with such strings in every text field, or any JSON at all, or no JSON; odd content types, query
// strings and Idempotency-Keys — goes through HTTP → OCI-P → simulator, and every answer is
//   - never a 5xx,
//   - in the APIO error shape when it is an error,
//   - a refusal that stored nothing (the simulator's world did not change).
// Bounded: NUM_RUNS requests per property and TIME_LIMIT_MS each; FC_SEED=<n> replays a failure.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Agent, createServer, request as httpRequest } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { answerClientErrors } from '../../src/http/client-errors.js';
import { DEMO_LOGINS, SEED_ID, startAdapter } from '../support/adapter-harness.js';
import type { AdapterHarness } from '../support/adapter-harness.js';

const NUM_RUNS = Number(process.env.FC_RUNS ?? 300);
const TIME_LIMIT_MS = Number(process.env.FC_TIME_LIMIT_MS ?? 25_000);
const SEED = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED);

let h: AdapterHarness;
let server: Server;
let port: number;
let bearer: string;
const agent = new Agent({ keepAlive: true, maxSockets: 1 });

before(async () => {
  // The audit routes exist; limits high enough that no 429 hides an answer.
  h = await startAdapter({}, { overrides: { audit: { enabled: true }, rateLimit: { perCredential: 1_000_000, perAddress: 1_000_000, loginAttempts: 1_000_000 } } });
  bearer = (await h.login(DEMO_LOGINS.system.username, DEMO_LOGINS.system.password)).access_token;
  server = createServer(h.app);
  answerClientErrors(server);
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  port = (server.address() as AddressInfo).port;
});

after(async () => {
  agent.destroy();
  await new Promise<void>((done) => server.close(() => done()));
  await h.close();
});

interface Answer {
  status: number;
  body: unknown;
  text: string;
}

function send(method: string, path: string, headers: Record<string, string>, body: string | undefined): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({ host: '127.0.0.1', port, method, path, headers, agent, timeout: 10_000 }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          parsed = undefined;
        }
        resolve({ status: response.statusCode ?? 0, body: parsed, text });
      });
    });
    outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer to ${method} ${path}`)));
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

// ---- generators -----------------------------------------------------------------------------

const NASTY = ['\u0000', '\u0001', '\u0007', '\t', '\n', '\r', '\u001f', '\u007f', '\u0085', '\u00a0', '\u2028', '\ufffe', '\uffff', '\ud800', '\udfff', '\u200b', '<', '>', '&', '"', "'", '%', '@', '/', '\\', ' ', 'é', '😀', ']]>'];
const unit = fc.oneof(fc.constantFrom(...NASTY), fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }));
/** An ordinary value with one nasty character slipped in: it passes every other rule of the field. */
const almostValid = fc
  .tuple(fc.constantFrom('Fresh', 'Sh', 'English', 'Europe/Brussels', 'ncos', 'dept'), fc.constantFrom(...NASTY), fc.nat())
  .map(([text, nasty, at]) => text.slice(0, at % (text.length + 1)) + nasty + text.slice(at % (text.length + 1)));
const hostileText = fc.oneof(
  { weight: 5, arbitrary: almostValid },
  fc.string({ unit, maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.integer({ min: 20, max: 400 }).map((n) => 'x'.repeat(n)),
  fc.constantFrom('', ' ', '   ', 'ApioSpTest', 'ApioGrpTest', SEED_ID, 'fresh@sip.netaxis.be', '+3271112233', '0032', 'English', 'Europe/Brussels'),
);

/** A path segment: valid ids, hostile text percent-encoded, or percent-encoding that is itself broken. */
const segment = (valid: string) =>
  fc.oneof(
    { weight: 12, arbitrary: fc.constant(valid) },
    { weight: 2, arbitrary: hostileText.map(encodeSegment) },
    { weight: 1, arbitrary: fc.constantFrom('%', '%zz', '%ff', '%C0%AE', '%E0%A4%A', '%00', '%20', 'a%2', '%ED%A0%80', '%2e%2e', '..', '.') },
  );

function encodeSegment(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return '%ED%A0%80'; // a lone surrogate, as its UTF-8 bytes would come in
  }
}

/** A body BroadWorks takes, with up to three of its fields replaced by hostile values. */
const VALID_INSTANCE = {
  serviceUserId: 'fresh@sip.netaxis.be',
  serviceInstanceProfile: {
    name: 'Fresh',
    cliFirstName: 'Fre',
    cliLastName: 'Sh',
    phoneNumber: '+3271112233',
    extension: '2233',
    language: 'English',
    timeZone: 'Europe/Brussels',
    department: { tenantId: 'ApioSpTest', groupId: 'ApioGrpTest', departmentName: 'test_department_initial' },
    aliases: ['fresh.alias@sip.netaxis.be'],
    publicUserIdentity: 'fresh.pui@sip.netaxis.be',
    callingLineIdPhoneNumber: '+3271112233',
  },
  answerTimeoutMinutes: 5,
  answerTimeoutEnabled: true,
  destinationPhoneNumbers: ['+3271123456'],
  networkClassOfService: 'ncos',
  active: true,
};
const FIELD_PATHS = [
  'serviceUserId',
  ...Object.keys(VALID_INSTANCE.serviceInstanceProfile).map((key) => `serviceInstanceProfile.${key}`),
  'serviceInstanceProfile.department.tenantId',
  'serviceInstanceProfile.department.departmentName',
  'serviceInstanceProfile.aliases.0',
  'serviceInstanceProfile.password',
  'answerTimeoutMinutes',
  'answerTimeoutEnabled',
  'destinationPhoneNumbers.0',
  'networkClassOfService',
  'templateName',
  'active',
];
const hostileValue = fc.oneof({ weight: 8, arbitrary: hostileText }, { weight: 1, arbitrary: fc.jsonValue() });

const instanceBody = fc
  .tuple(fc.subarray(FIELD_PATHS, { minLength: 0, maxLength: 3 }), fc.array(hostileValue, { minLength: 3, maxLength: 3 }), fc.boolean())
  .map(([paths, values, fresh]) => {
    const body = structuredClone(VALID_INSTANCE) as Record<string, unknown>;
    // Half of them on the seeded instance (PUT finds it; POST is told it exists).
    if (!fresh) body.serviceUserId = SEED_ID;
    paths.forEach((path, index) => setPath(body, path.split('.'), values[index]));
    return body;
  });

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  const [head, ...rest] = path;
  if (rest.length === 0) {
    target[head!] = value;
    return;
  }
  const next = target[head!];
  if (typeof next === 'object' && next !== null) setPath(next as Record<string, unknown>, rest, value);
}

const activeBody = fc.record({ services: fc.array(fc.record({ serviceUserId: hostileText, active: fc.oneof(fc.boolean(), hostileText) }, { requiredKeys: [] }), { maxLength: 4 }) }, { requiredKeys: [] });
const loginBody = fc.record({ username: hostileText, password: hostileText, proxy: hostileText }, { requiredKeys: [] });

/** The body's text: a structured hostile body, any JSON value, or text that may not be JSON at all. */
const bodyText = (structured: fc.Arbitrary<unknown>) =>
  fc.oneof(
    { weight: 12, arbitrary: structured.map((value) => JSON.stringify(value)) },
    { weight: 2, arbitrary: fc.jsonValue().map((value) => JSON.stringify(value)) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
    { weight: 1, arbitrary: fc.constant('') },
  );

const headerText = fc.string({ unit: 'binary-ascii', maxLength: 40 }).filter((text) => /^[\x20-\x7e]*$/.test(text));
/** Mostly absent or ordinary; now and then odd. */
const sometimes = <T>(arbitrary: fc.Arbitrary<T>) => fc.oneof({ weight: 6, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });
const extraHeaders = fc
  .record({
    'content-type': fc.oneof(
      { weight: 6, arbitrary: fc.constant('application/json') },
      { weight: 1, arbitrary: fc.constantFrom('text/plain', 'application/json; charset=utf-16', 'application/json; charset=bogus', 'multipart/form-data', '') },
    ),
    'idempotency-key': sometimes(fc.oneof(headerText, fc.uuid().map((id) => `"${id}"`))),
    'content-encoding': sometimes(fc.constantFrom('identity', 'gzip', 'bogus')),
  })
  .map((headers) => Object.fromEntries(Object.entries(headers).filter(([, value]) => value !== undefined)) as Record<string, string>);
const query = fc.oneof({ weight: 8, arbitrary: fc.constant('') }, fc.constantFrom('?dry_run=true', '?dry_run=maybe', '?dry_run', '?available=true'), headerText.map((text) => `?${encodeSegment(text)}`));

interface Call {
  method: string;
  path: string;
  body?: string;
  headers: Record<string, string>;
  auth: boolean;
}

const prefix = fc.constantFrom('/api/v1', '/api/v01/p1');
const group = fc.tuple(prefix, segment('ApioSpTest'), segment('ApioGrpTest')).map(([p, t, g]) => `${p}/tenants/${t}/groups/${g}/services`);

type Route = Omit<Call, 'headers'>;
const list = (base: string) => `${base}/instant_group_calls/`;
const instance = (base: string, id: string) => `${base}/instant_group_calls/${id}/`;

/** Every route; the ones whose text reaches the encoder get more of the runs. */
const calls: fc.Arbitrary<Route> = fc.oneof(
  { weight: 1, arbitrary: fc.tuple(group, query).map(([base, q]): Route => ({ method: 'GET', path: list(base) + q, auth: true })) },
  {
    weight: 4,
    arbitrary: fc.tuple(group, query, bodyText(instanceBody)).map(([base, q, body]): Route => ({ method: 'POST', path: list(base) + q, body, auth: true })),
  },
  { weight: 1, arbitrary: fc.tuple(group, segment(SEED_ID)).map(([base, id]): Route => ({ method: 'GET', path: instance(base, id), auth: true })) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(group, segment(SEED_ID), query, bodyText(instanceBody))
      .map(([base, id, q, body]): Route => ({ method: 'PUT', path: instance(base, id) + q, body, auth: true })),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(group, segment('fresh@sip.netaxis.be'), query).map(([base, id, q]): Route => ({ method: 'DELETE', path: instance(base, id) + q, auth: true })),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(group, query, bodyText(activeBody))
      .map(([base, q, body]): Route => ({ method: 'PUT', path: `${base}/instant_group_calls_active/${q}`, body, auth: true })),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.constantFrom('/api/v1/login/', '/api/v01/auth/login'), bodyText(loginBody)).map(([path, body]): Route => ({ method: 'POST', path, body, auth: false })),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.constantFrom('/api/v1/audit/records/', '/api/v01/auth/access_token'), query).map(([path, q]): Route => ({ method: 'GET', path: path + q, auth: true })),
  },
);

const hostileCalls: fc.Arbitrary<Call> = fc.tuple(calls, extraHeaders).map(([call, headers]) => {
  const all: Record<string, string> = { ...headers };
  if (call.auth) all.authorization = `Bearer ${bearer}`;
  if (call.body !== undefined) all['content-length'] = String(Buffer.byteLength(call.body));
  return { ...call, headers: all };
});

// ---- the property ---------------------------------------------------------------------------

test('no 5xx, the APIO shape, and nothing stored that was refused, for generated hostile input on every route', { timeout: TIME_LIMIT_MS + 30_000 }, async () => {
  const statuses = new Map<number, number>();
  await fc.assert(
    fc.asyncProperty(hostileCalls, async (call) => {
      const before = h.simulator.world.revision;
      const answer = await send(call.method, call.path, call.headers, call.body);
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      const what = `${call.method} ${call.path} → ${answer.status} ${answer.text.slice(0, 400)}`;
      assert.ok(answer.status >= 200 && answer.status < 500, what);
      if (answer.status >= 400) {
        const errors = (answer.body as { errors?: Array<{ code?: unknown; message?: unknown; details?: { reason?: unknown; errors?: unknown } }> })?.errors;
        assert.ok(Array.isArray(errors) && errors.length > 0, `not the APIO shape: ${what}`);
        for (const entry of errors) {
          assert.equal(typeof entry.code, 'number', what);
          assert.equal(typeof entry.message, 'string', what);
          assert.equal(typeof entry.details?.reason, 'string', what);
          assert.ok(typeof entry.details?.errors === 'object' && entry.details.errors !== null, what);
        }
        assert.equal(h.simulator.world.revision, before, `a refused request changed the world: ${what}`);
      }
    }),
    { numRuns: NUM_RUNS, interruptAfterTimeLimit: TIME_LIMIT_MS, ...(SEED !== undefined && { seed: SEED }), endOnFailure: true },
  );
  console.log(`# statuses: ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}`);
  assert.deepEqual(h.loggedErrors, [], 'no request was reported as a 5xx');
  // Not a vacuous run: refusals and successes both happened.
  assert.ok([...statuses.keys()].some((status) => status >= 400), JSON.stringify([...statuses]));
  assert.ok([...statuses.keys()].some((status) => status < 300), JSON.stringify([...statuses]));
});
