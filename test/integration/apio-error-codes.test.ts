// Every documented APIO error code (docs/api.md's table), each driven through HTTP by a request that
// produces it: the status, the numeric code and the reason together, in the APIO error shape. The
// table must list exactly the codes the adapter defines (domain and HTTP), so a new code without a
// row here — or a documented code the adapter no longer gives — fails.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ApioErrorCodes } from '../../src/domain/errors.js';
import { HttpErrorCodes } from '../../src/http/http-errors.js';
import { apioError, igcUrl, instanceUrl, minimalBody, startAdapter, TENANT } from '../support/adapter-harness.js';
import type { AdapterHarness, Agent } from '../support/adapter-harness.js';

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
    status: 500,
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
    // The rule has no random digits and its one id is taken (created in before()).
    produce: () => h.request.post(igcUrl()).send({ ...minimalBody('unused'), serviceUserId: undefined }),
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
];

test('the table covers every code the adapter defines, and docs/api.md documents exactly these', () => {
  const defined = Object.entries({ ...ApioErrorCodes, ...HttpErrorCodes }).map(([reason, code]) => `${code} ${reason}`);
  assert.deepEqual(ROWS.map((row) => `${row.code} ${row.reason}`).sort(), defined.sort());
  const documented = [...readFileSync(new URL('../../docs/api.md', import.meta.url), 'utf8').matchAll(/^\| (\d+) \| ([A-Z_]+) \| (\d{3}) \|$/gm)];
  assert.deepEqual(
    documented.map(([, code, reason, status]) => `${code} ${reason} ${status}`).sort(),
    ROWS.map((row) => `${row.code} ${row.reason} ${row.status}`).sort(),
  );
});

for (const row of ROWS) {
  test(`${row.code} ${row.reason}: HTTP ${row.status}`, async () => {
    const error = apioError(await row.produce(), row.status, row.reason);
    assert.equal(error.code, row.code);
    if (row.status >= 500) assert.doesNotMatch(error.message, /a bug in the check|TypeError/, 'nothing unplanned is shown');
  });
}
