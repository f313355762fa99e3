// The scope matrix: every guarded route of the app × every user level × a target inside and outside
// the caller's scope, against one table of expected answers written out by hand (not derived from
// the guard's code): 401 without credentials, 403 below the route's level or outside the caller's
// tenant/group, through the guard otherwise. The routes come from the app itself
// (app.locals.routes), so a route added later is walked too, and must declare its level here.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sha256Hex } from '../../src/auth/index.js';
import type { DeclaredRoute } from '../../src/http/auth-guard.js';
import { AUTH_ROUTES } from '../../src/http/auth-routes.js';
import { GROUP, startAdapter, TENANT } from '../support/adapter-harness.js';
import type { AdapterHarness, Agent } from '../support/adapter-harness.js';

/** The minimum level each guarded route must declare (APIO: the IGC routes need a Group Admin). */
const EXPECTED_MIN_LEVEL: ReadonlyArray<{ pattern: RegExp; minLevel: number; scope: string }> = [
  { pattern: /\/services\/instant_group_calls(_active)?\//, minLevel: 8, scope: 'group' },
  { pattern: /^\/api\/v1\/audit\/records\/$/, minLevel: 16, scope: 'system' },
];

/** Where a group route may point: the demo group, a sibling group of its tenant, a group of another tenant. */
const TARGETS = {
  own: { tenant: TENANT, group: GROUP },
  sibling: { tenant: TENANT, group: 'SiblingGrp' },
  otherTenant: { tenant: 'OtherSp', group: 'OtherGrp' },
} as const;
type TargetName = keyof typeof TARGETS;

interface Caller {
  name: string;
  /** undefined: no credentials. */
  level?: number;
  /** Group targets it may reach, on a route whose level it has. */
  reaches: readonly TargetName[];
  /** Whether it may call system routes (only a system admin). */
  system: boolean;
  agent: () => Agent;
}

const tokens = {
  user: 'apio_matrix-user-0',
  department: 'apio_matrix-department-4',
  siblingGroupAdmin: 'apio_matrix-sibling-group-8',
  otherTenantAdmin: 'apio_matrix-other-tenant-12',
  system: 'apio_matrix-system-16',
};

let h: AdapterHarness;
const bearers: Record<string, string> = {};
before(async () => {
  h = await startAdapter(
    {},
    {
      as: 'none',
      overrides: {
        audit: { enabled: true },
        auth: {
          machineTokens: [
            { name: 'user', sha256: sha256Hex(tokens.user), level: 0, tenantId: TENANT, groupId: GROUP },
            { name: 'department', sha256: sha256Hex(tokens.department), level: 4, tenantId: TENANT, groupId: GROUP },
            { name: 'sibling-group-admin', sha256: sha256Hex(tokens.siblingGroupAdmin), level: 8, tenantId: TENANT, groupId: 'SiblingGrp' },
            { name: 'other-tenant-admin', sha256: sha256Hex(tokens.otherTenantAdmin), level: 12, tenantId: 'OtherSp' },
            { name: 'system', sha256: sha256Hex(tokens.system), level: 16 },
          ],
        },
      },
    },
  );
  for (const username of ['admin', 'tenantadmin', 'groupadmin']) bearers[username] = (await h.login(username)).access_token;
});
after(() => h.close());

function callers(): Caller[] {
  const bearer = (token: string) => () => h.withBearer(token);
  return [
    { name: 'no credentials', reaches: [], system: false, agent: () => h.anonymous },
    { name: 'end user (0) of the demo group', level: 0, reaches: [], system: false, agent: bearer(tokens.user) },
    { name: 'department admin (4) of the demo group', level: 4, reaches: [], system: false, agent: bearer(tokens.department) },
    { name: 'groupadmin (8, login)', level: 8, reaches: ['own'], system: false, agent: bearer(bearers.groupadmin!) },
    { name: 'group admin (8) of the sibling group', level: 8, reaches: ['sibling'], system: false, agent: bearer(tokens.siblingGroupAdmin) },
    { name: 'tenantadmin (12, login)', level: 12, reaches: ['own', 'sibling'], system: false, agent: bearer(bearers.tenantadmin!) },
    { name: 'tenant admin (12) of another tenant', level: 12, reaches: ['otherTenant'], system: false, agent: bearer(tokens.otherTenantAdmin) },
    { name: 'admin (16, login)', level: 16, reaches: ['own', 'sibling', 'otherTenant'], system: true, agent: bearer(bearers.admin!) },
    { name: 'system machine token (16)', level: 16, reaches: ['own', 'sibling', 'otherTenant'], system: true, agent: bearer(tokens.system) },
  ];
}

type Verdict = 401 | 403 | 'through';

function expected(caller: Caller, route: DeclaredRoute, target: TargetName | undefined): Verdict {
  if (caller.level === undefined) return 401;
  if (caller.level < route.policy!.minLevel) return 403;
  if (target === undefined) return caller.system ? 'through' : 403;
  return caller.reaches.includes(target) ? 'through' : 403;
}

function urlOf(route: DeclaredRoute, target: TargetName | undefined): string {
  const where = target ? TARGETS[target] : undefined;
  return route.path
    .replace(':tenant_id', where?.tenant ?? '')
    .replace(':group_id', where?.group ?? '')
    .replace(':service_user_id', 'matrix-nobody@sip.netaxis.be');
}

async function actual(agent: Agent, route: DeclaredRoute, url: string): Promise<{ verdict: Verdict; status: number; text: string }> {
  const request = agent[route.method](url);
  const response = route.method === 'post' || route.method === 'put' ? await request.send({}) : await request;
  const reason = (response.body as { errors?: { details?: { reason?: string } }[] })?.errors?.[0]?.details?.reason;
  // Through the guard: whatever the route then answers (200, a 400 for the empty body, a 404), but
  // never the guard's own refusals.
  let verdict: Verdict = 'through';
  if (response.status === 401 && reason === 'UNAUTHENTICATED') verdict = 401;
  else if (response.status === 403 && reason === 'FORBIDDEN') verdict = 403;
  else assert.ok(response.status !== 401 && response.status !== 403 && response.status !== 429, `${route.method} ${url}: ${response.status} ${response.text}`);
  return { verdict, status: response.status, text: response.text };
}

test('every route × every level × in and out of scope answers as the table says', async () => {
  const guarded = h.routes.filter((route) => route.policy !== null);
  assert.ok(guarded.length >= 13, `6 IGC routes × 2 prefixes and the audit route, found ${guarded.length}`);
  const mismatches: string[] = [];
  let walked = 0;
  for (const route of guarded) {
    const rule = EXPECTED_MIN_LEVEL.find((entry) => entry.pattern.test(route.path));
    assert.ok(rule, `${route.method.toUpperCase()} ${route.path} has no expected level in this test: add it`);
    assert.equal(route.policy!.minLevel, rule.minLevel, `${route.path} minimum level`);
    assert.equal(route.policy!.scope, rule.scope, `${route.path} scope`);
    const targets: (TargetName | undefined)[] = route.policy!.scope === 'group' ? (Object.keys(TARGETS) as TargetName[]) : [undefined];
    for (const caller of callers()) {
      for (const target of targets) {
        const want = expected(caller, route, target);
        const url = urlOf(route, target);
        const got = await actual(caller.agent(), route, url);
        walked++;
        if (got.verdict !== want) mismatches.push(`${caller.name}: ${route.method.toUpperCase()} ${url} → ${got.status} (want ${want}) ${got.text.slice(0, 160)}`);
      }
    }
  }
  assert.deepEqual(mismatches, []);
  assert.equal(walked, 12 * 9 * 3 + 1 * 9);
});

test('the only routes without a policy are the login routes', () => {
  const open = h.routes.filter((route) => route.policy === null).map((route) => `${route.method} ${route.path}`);
  assert.deepEqual(open.sort(), AUTH_ROUTES.map((route) => `${route.method} ${route.path}`).sort());
});
