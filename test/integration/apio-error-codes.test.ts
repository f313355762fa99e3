// Every documented APIO error code (docs/api.md's table), each driven through HTTP by a request that
// produces it: the status, the numeric code and the reason together, in the APIO error shape. The
// table must list exactly the codes the adapter defines (domain and HTTP), so a new code without a
// row here — or a documented code the adapter no longer gives — fails. The codes only Node's own
// server gives (431, 408) are driven against a listening server in apio-error-codes-listening.test.ts
// and counted here from their shared rows.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ApioErrorCodes } from '../../src/domain/errors.js';
import { HttpErrorCodes } from '../../src/http/http-errors.js';
import { createStore } from '../../src/store/index.js';
import { apioError, DEMO_LOGINS, igcUrl, instanceUrl, minimalBody, startAdapter, TENANT } from '../support/adapter-harness.js';
import type { AdapterHarness, Agent } from '../support/adapter-harness.js';
import { LISTENING_ROWS } from '../support/listening-error-codes.js';
import { redisServerMissing, startRedis } from '../support/processes.js';

const EXISTING = 'codes-existing@sip.netaxis.be';
const FORCED = { summary: '[Error 4999] Forced refusal for the test' };

let h: AdapterHarness;
before(async () => {
  h = await startAdapter({ autoGenerate: true, rule: 'codes-fixed@{{domain}}', updateIdWithPhoneNumber: true }, { overrides: { rateLimit: { perAddress: 1_000_000 } } });
  await h.request.post(igcUrl()).send(minimalBody(EXISTING)).expect(200);
  await h.request.post(igcUrl()).send({ ...minimalBody('unused'), serviceUserId: undefined }).expect(200);
});
after(() => h.close());

interface Row {
  code: number;
  reason: string;
  status: number;
  /** Why this machine cannot produce it (a missing redis-server), shown as the test's skip reason. */
  skip?: string;
  /** A request that gets this error (with whatever set-up it needs, undone after). */
  produce(): Promise<{ status: number; body: unknown; text: string }>;
}

/** An adapter of its own for a case that changes settings or breaks something. */
async function withAdapter<T>(start: () => Promise<AdapterHarness>, use: (adapter: AdapterHarness) => Promise<T>): Promise<T> {
  const adapter = await start();
  try {
    return await use(adapter);
  } finally {
    await adapter.close();
  }
}

const ROWS: Row[] = [
  {
    code: 1,
    reason: 'INTERNAL',
    status: 500,
    // A failure nobody planned for (here the password check itself breaks): 500, nothing of it shown.
    produce: () =>
      withAdapter(
        () => startAdapter({}, { as: 'none', verifier: async () => { throw new TypeError('a bug in the check'); } }),
        (a) => a.anonymous.post('/api/v01/auth/login').send({ username: 'admin', password: 'admin' }),
      ),
  },
  { code: 10, reason: 'VALIDATION', status: 400, produce: () => h.request.post(igcUrl()).send({ serviceInstanceProfile: { name: 'x'.repeat(31) } }) },
  { code: 11, reason: 'ALREADY_EXISTS', status: 400, produce: () => h.request.post(igcUrl()).send(minimalBody(EXISTING)) },
  { code: 12, reason: 'NOT_FOUND', status: 404, produce: () => h.request.get(instanceUrl('nobody@sip.netaxis.be')) },
  {
    code: 13,
    reason: 'BROADWORKS_REJECTED',
    status: 400,
    produce: () => h.request.post(igcUrl()).send(minimalBody('codes-foreign-dn@sip.netaxis.be', { phoneNumber: '+3271112299' })),
  },
  { code: 14, reason: 'TRAILING_SLASH', status: 400, produce: () => h.request.get(igcUrl().slice(0, -1)) },
  { code: 15, reason: 'BAD_MEDIA_TYPE', status: 416, produce: () => h.request.post(igcUrl()).set('Content-Type', 'application/json').send('[1]') },
  {
    code: 16,
    reason: 'BROADWORKS_UNREACHABLE',
    status: 502,
    produce: () =>
      withAdapter(
        () => startAdapter(),
        async (a) => {
          await a.simulator.close();
          return a.request.get(igcUrl());
        },
      ),
  },
  {
    code: 17,
    reason: 'BROADWORKS_TIMEOUT',
    status: 504,
    produce: () =>
      withAdapter(
        () => startAdapter({ requestTimeoutMs: 100 }),
        async (a) => {
          await a.request.get(igcUrl()).expect(200);
          a.simulator.faults.latency(300);
          return a.request.get(igcUrl());
        },
      ),
  },
  {
    code: 18,
    reason: 'PARTIALLY_APPLIED',
    // APIO's 207 Multi-Status: "has only partially succeeded".
    status: 207,
    // The Modify goes through, the active status is refused: the answer names both.
    produce: async () => {
      h.simulator.faults.errorOnNext('GroupInstantGroupCallModifyActiveInstanceListRequest', FORCED);
      return h.request.put(instanceUrl(EXISTING)).send({ serviceInstanceProfile: { name: 'Half' }, active: false });
    },
  },
  { code: 19, reason: 'UNKNOWN_TEMPLATE', status: 400, produce: () => h.request.post(igcUrl()).send({ ...minimalBody('codes-t@sip.netaxis.be'), templateName: 'nope' }) },
  {
    code: 20,
    reason: 'ID_GENERATION_FAILED',
    status: 500,
    // Every id of {{RND_1}} is taken: the bounded attempts run out. (A rule without random digits
    // whose one id is taken is a plain duplicate: ALREADY_EXISTS.)
    produce: () =>
      withAdapter(
        () => startAdapter({ autoGenerate: true, rule: 'codes-rnd{{RND_1}}@{{domain}}' }),
        async (a: AdapterHarness) => {
          for (let digit = 0; digit < 10; digit++) await a.request.post(igcUrl()).send(minimalBody(`codes-rnd${digit}@sip.netaxis.be`)).expect(200);
          return a.request.post(igcUrl()).send({ ...minimalBody('unused'), serviceUserId: undefined });
        },
      ),
  },

  { code: 21, reason: 'UNAUTHENTICATED', status: 401, produce: () => h.anonymous.get(igcUrl()) },
  {
    code: 22,
    reason: 'FORBIDDEN',
    status: 403,
    produce: async () => h.withBearer((await h.login('groupadmin')).access_token).get(igcUrl('/api/v1', TENANT, 'SomeOtherGroup')),
  },
  {
    code: 23,
    reason: 'RATE_LIMITED',
    status: 429,
    produce: () =>
      withAdapter(
        () => startAdapter({}, { overrides: { rateLimit: { perCredential: 1, windowSeconds: 60 } } }),
        async (a: AdapterHarness) => {
          const agent: Agent = a.request;
          await agent.get(igcUrl());
          return agent.get(igcUrl());
        },
      ),
  },
  { code: 24, reason: 'ROUTE_NOT_FOUND', status: 404, produce: () => h.request.get('/api/v1/no/such/route/') },
  {
    code: 25,
    reason: 'PAYLOAD_TOO_LARGE',
    status: 413,
    produce: () => h.request.post(igcUrl()).set('Content-Type', 'application/json').send(JSON.stringify({ name: 'x'.repeat(1024 * 1024 + 1) })),
  },
  {
    code: 26,
    reason: 'UNSUPPORTED_MEDIA_TYPE',
    status: 415,
    // A cookie-authenticated change must say application/json (a cross-site form cannot).
    produce: async () => {
      const login = await h.anonymous.post('/api/v1/login/').send(DEMO_LOGINS.system);
      const cookie = ([] as string[]).concat(login.headers['set-cookie'] as unknown as string[]).find((line) => line.startsWith('sessionid='))!.split(';')[0]!;
      return h.anonymous.post(igcUrl()).set('Cookie', cookie).set('Content-Type', 'text/plain').send(JSON.stringify(minimalBody('codes-csrf@sip.netaxis.be')));
    },
  },
  {
    code: 28,
    reason: 'IDEMPOTENCY_KEY_IN_USE',
    status: 409,
    // The retry comes while the first request with the key is still waiting for BroadWorks.
    produce: async () => {
      const body = minimalBody('codes-idem-race@sip.netaxis.be');
      h.simulator.faults.latency(300);
      try {
        const first = h.request.post(igcUrl()).set('Idempotency-Key', '"codes-race"').send(body).then((response) => response);
        await new Promise((done) => setTimeout(done, 100));
        const second = await h.request.post(igcUrl()).set('Idempotency-Key', '"codes-race"').send(body);
        assert.equal((await first).status, 200);
        return second;
      } finally {
        h.simulator.faults.latency(0);
      }
    },
  },
  {
    code: 29,
    reason: 'IDEMPOTENCY_KEY_REUSED',
    status: 422,
    produce: async () => {
      await h.request.post(igcUrl()).set('Idempotency-Key', '"codes-reused"').send(minimalBody('codes-idem-1@sip.netaxis.be')).expect(200);
      return h.request.post(igcUrl()).set('Idempotency-Key', '"codes-reused"').send(minimalBody('codes-idem-2@sip.netaxis.be'));
    },
  },
  {
    code: 31,
    reason: 'STORE_UNAVAILABLE',
    status: 503,
    skip: redisServerMissing(),
    // The adapter starts on a Redis of its own, which then stops: the next call cannot reach its store.
    produce: async () => {
      const redis = await startRedis();
      try {
        const store = createStore({ kind: 'redis', redisUrl: redis.url, timeoutMs: 300, onError: () => undefined });
        return await withAdapter(
          () => startAdapter({}, { store }),
          async (a) => {
            await a.request.get(igcUrl()).expect(200);
            await redis.stop();
            return a.request.get(igcUrl());
          },
        );
      } finally {
        await redis.stop();
      }
    },
  },
];

test('the table covers every code the adapter defines, and docs/api.md documents exactly these', () => {
  const defined = Object.entries({ ...ApioErrorCodes, ...HttpErrorCodes }).map(([reason, code]) => `${code} ${reason}`);
  const rows = [...ROWS, ...LISTENING_ROWS];
  assert.deepEqual(rows.map((row) => `${row.code} ${row.reason}`).sort(), defined.sort());
  const documented = [...readFileSync(new URL('../../docs/api.md', import.meta.url), 'utf8').matchAll(/^\| (\d+) \| ([A-Z_]+) \| (\d{3}) \|$/gm)];
  assert.deepEqual(
    documented.map(([, code, reason, status]) => `${code} ${reason} ${status}`).sort(),
    rows.map((row) => `${row.code} ${row.reason} ${row.status}`).sort(),
  );
});

for (const row of ROWS) {
  test(`${row.code} ${row.reason}: HTTP ${row.status}`, { skip: row.skip ?? false }, async () => {
    const error = apioError(await row.produce(), row.status, row.reason);
    assert.equal(error.code, row.code);
    if (row.status >= 500) assert.doesNotMatch(error.message, /a bug in the check|TypeError/, 'nothing unplanned is shown');
  });
}
