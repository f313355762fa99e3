// Test support: the whole adapter on the real path — supertest → createApp → domain → OCI-P client
// over a 127.0.0.1 socket → the simulator with the seed world in memory. Settings go through
// loadConfig under their APIO names, so the tests exercise the same setting keys a deployment uses.
// `request` is logged in (core login of a demo administrator, its bearer on every request): the
// system admin unless `as` says otherwise; `anonymous` sends no credentials.
import assert from 'node:assert/strict';
import type { Express } from 'express';
import supertest from 'supertest';
import { buildAdapter } from '../../src/adapter.js';
import type { AuditLog } from '../../src/audit/index.js';
import type { CredentialVerifier, Security } from '../../src/auth/index.js';
import { loadConfig } from '../../src/config/index.js';
import type { Config } from '../../src/config/index.js';
import type { DeclaredRoute } from '../../src/http/auth-guard.js';
import type { DocumentEvent, OcipClient } from '../../src/ocip/client.js';
import type { Release } from '../../src/ocip/codec/index.js';
import type { ReleaseSetting, TraceEvent } from '../../src/ocip/session/index.js';
import type { AnswerEncoding, SeedCommand, Simulator } from '../../src/simulator/index.js';
import { tlsFixture } from './fake-ocip-server.js';
import { createStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/index.js';

export interface AdapterSettings {
  /** AUTOMATIC_ID_RULES.SUID_INSTANT_GROUP_CALL_AUTO_GENERATE */
  autoGenerate: boolean;
  /** AUTOMATIC_ID_RULES.SUID_INSTANT_GROUP_CALL_RULE */
  rule: string;
  /** AUTOMATIC_ID_RULES.SERVICE_USERS_UPDATE_ID_PHONE_NUMBER */
  updateIdWithPhoneNumber: boolean;
  /** GROUP_NUMBERS_USE_CC_CLI */
  useCcCli: boolean;
  /** SERVICE_USERS_RETURN_ACTIVE_STATUS */
  returnActive: boolean;
  /** ocip.requestTimeoutMs */
  requestTimeoutMs: number;
}

/** The seed world's demo logins (README: demo only), by the level they log in at. */
export const DEMO_LOGINS = {
  system: { username: 'admin', password: 'admin' },
  tenant: { username: 'tenantadmin', password: 'admin' },
  group: { username: 'groupadmin', password: 'admin' },
} as const;

export type LoginAs = keyof typeof DEMO_LOGINS | 'none';

export interface AdapterHarnessOptions {
  /** Applied after the seed world, as the seed's system administrator. */
  extraSeedCommands?: SeedCommand[];
  /** Who `request` is logged in as. Default 'system'. */
  as?: LoginAs;
  /** Settings merged last, e.g. { auth: {...}, rateLimit: {...}, audit: { enabled: true } }. */
  overrides?: Record<string, unknown>;
  /** The clock of tokens, sessions and rate-limit windows (given to the store too). */
  clock?: () => number;
  /** How passwords are checked; default: an OCI-P login to the simulator. */
  verifier?: CredentialVerifier;
  /** A store of the test's own (e.g. a Redis nobody answers at); default: in memory. */
  store?: Store;
  /** The BroadWorks the adapter talks to: the simulator's release and encoding, TCP or TLS, the client's release setting. */
  backend?: BackendOptions;
}

export interface BackendOptions {
  /** SIMULATOR_RELEASE. Default R25. */
  release?: Release;
  /** SIMULATOR_ENCODING. Default ISO-8859-1. */
  encoding?: AnswerEncoding;
  sessionIdleTimeoutMs?: number;
  /** How the client reaches the simulator. Default tcp. */
  transport?: 'tcp' | 'tls';
  /** OCIP_RELEASE. Default auto (learned at the first login). */
  ocipRelease?: ReleaseSetting;
  /** Every document the client sends and receives (passwords masked). */
  onTrace?: (event: TraceEvent) => void;
  /** Answer elements the client skipped as unknown. */
  onIgnoredElements?: (event: { commandType: string; paths: string[] }) => void;
}

export type Agent = ReturnType<typeof supertest>;

export interface AdapterHarness {
  /** Logged in as `options.as` (default the system admin). */
  request: Agent;
  /** No credentials at all. */
  anonymous: Agent;
  /** An agent that sends this bearer token on every request. */
  withBearer(token: string): Agent;
  /** Core-style login (POST /api/v01/auth/login); the token pair. Asserts it succeeds. */
  login(username: string, password?: string): Promise<{ access_token: string; refresh_token: string }>;
  app: Express;
  security: Security;
  /** Set when the audit is enabled (overrides: { audit: { enabled: true } }). */
  audit?: AuditLog;
  /** Every route with its policy (app.locals.routes). */
  routes: DeclaredRoute[];
  simulator: Simulator;
  /** The adapter's own client (a second client would change the round-trip counts). */
  client: OcipClient;
  store: Store;
  config: Readonly<Config>;
  /** Every OCI-P document the adapter sent, in order; empty it with `roundTrips.length = 0`. */
  roundTrips: DocumentEvent[];
  /** Errors the app reported as 5xx (never in the answer). */
  loggedErrors: unknown[];
  close(): Promise<void>;
}

/** The settings under their APIO names, as an overrides block for loadConfig. */
export function settingsOverrides(settings: Partial<AdapterSettings>): Record<string, unknown> {
  const rules: Record<string, unknown> = {};
  if (settings.autoGenerate !== undefined) rules.SUID_INSTANT_GROUP_CALL_AUTO_GENERATE = settings.autoGenerate;
  if (settings.rule !== undefined) rules.SUID_INSTANT_GROUP_CALL_RULE = settings.rule;
  if (settings.updateIdWithPhoneNumber !== undefined) rules.SERVICE_USERS_UPDATE_ID_PHONE_NUMBER = settings.updateIdWithPhoneNumber;
  const overrides: Record<string, unknown> = { AUTOMATIC_ID_RULES: rules };
  if (settings.useCcCli !== undefined) overrides.GROUP_NUMBERS_USE_CC_CLI = settings.useCcCli;
  if (settings.returnActive !== undefined) overrides.SERVICE_USERS_RETURN_ACTIVE_STATUS = settings.returnActive;
  if (settings.requestTimeoutMs !== undefined) overrides.ocip = { requestTimeoutMs: settings.requestTimeoutMs };
  return overrides;
}

/** The BroadWorks the test talks to, as settings: the simulator's release, encoding and idle time, the client's release. */
function backendOverrides(backend: BackendOptions = {}): Record<string, unknown> {
  const simulator: Record<string, unknown> = {};
  if (backend.release) simulator.release = backend.release;
  if (backend.encoding) simulator.encoding = backend.encoding;
  if (backend.sessionIdleTimeoutMs) simulator.sessionIdleTimeoutMs = backend.sessionIdleTimeoutMs;
  return { simulator, ...(backend.ocipRelease && { ocip: { release: backend.ocipRelease } }) };
}

/** What only a test changes: ports chosen by the system, a small pool, short waits, no call lab. */
const TEST_INFRASTRUCTURE = {
  server: { host: '127.0.0.1', port: 0 },
  simulator: { host: '127.0.0.1', port: 0, httpPort: null },
  ocip: { poolSize: 2, connectTimeoutMs: 2_000, acquireTimeoutMs: 5_000 },
};

/** JSON log lines go nowhere: tests read answers, and observability has suites of its own. */
const DISCARD = { write: (_line: string) => undefined };

export async function startAdapter(settings: Partial<AdapterSettings> = {}, options: AdapterHarnessOptions = {}): Promise<AdapterHarness> {
  // env: {} so the developer's shell (PORT, OCIP_URL, APIO_CONFIG...) cannot leak into a test.
  const config = loadConfig({ env: {}, overrides: [TEST_INFRASTRUCTURE, settingsOverrides(settings), backendOverrides(options.backend), options.overrides ?? {}] });
  const backend = options.backend ?? {};
  const roundTrips: DocumentEvent[] = [];
  const loggedErrors: unknown[] = [];
  // The production wiring (buildAdapter), in memory: the simulator's world and the store.
  const adapter = await buildAdapter(config, {
    logDestination: DISCARD,
    store: options.store ?? createStore({ kind: 'memory', ...(options.clock && { clock: options.clock }) }),
    worldInMemory: true,
    ...(options.extraSeedCommands && { extraSeedCommands: options.extraSeedCommands }),
    ...(options.clock && { clock: options.clock }),
    ...(options.verifier && { verifier: options.verifier }),
    onDocument: (event) => roundTrips.push(event),
    onServerError: (error) => loggedErrors.push(error),
    ...(backend.transport === 'tls' && { simulatorTls: tlsFixture() }),
    ...(backend.onTrace && { onTrace: backend.onTrace }),
    ...(backend.onIgnoredElements && { onIgnoredElements: backend.onIgnoredElements }),
  });
  // destroy, not close: a test may have stopped the simulator, and a logout would then wait.
  const close = (): Promise<void> => adapter.destroy();
  const { app, security, audit } = adapter;
  const anonymous = supertest(app);
  // An agent (not plain supertest) keeps defaults: the header goes on every request it makes.
  const withBearer = (token: string): Agent => supertest.agent(app).set('Authorization', `Bearer ${token}`);
  const login = async (username: string, password = 'admin'): Promise<{ access_token: string; refresh_token: string }> => {
    const response = await supertest(app).post('/api/v01/auth/login').send({ username, password });
    assert.equal(response.status, 200, `login of ${username}: ${response.text}`);
    return response.body as { access_token: string; refresh_token: string };
  };
  const as = options.as ?? 'system';
  let request = anonymous;
  if (as !== 'none') {
    try {
      request = withBearer((await login(DEMO_LOGINS[as].username, DEMO_LOGINS[as].password)).access_token);
    } catch (error) {
      await close();
      throw error;
    }
  }
  const routes = (app.locals as { routes: DeclaredRoute[] }).routes;
  return {
    request,
    anonymous,
    withBearer,
    login,
    app,
    security,
    ...(audit && { audit }),
    routes,
    simulator: adapter.simulator!,
    client: adapter.ocip,
    store: adapter.store,
    config,
    roundTrips,
    loggedErrors,
    close,
  };
}

// ---- shared fixtures of the Instant Group Call suites ------------------------------------------

export const TENANT = 'ApioSpTest';
export const GROUP = 'ApioGrpTest';
export const DOMAIN = 'sip.netaxis.be';
export const SEED_ID = 'APIOTestIGC@sip.netaxis.be';

/** The list/create URL under one of the two prefixes. */
export function igcUrl(prefix: '/api/v1' | '/api/v01/p1' = '/api/v1', tenant = TENANT, group = GROUP): string {
  return `${prefix}/tenants/${tenant}/groups/${group}/services/instant_group_calls/`;
}

export function instanceUrl(serviceUserId: string, prefix: '/api/v1' | '/api/v01/p1' = '/api/v1', tenant = TENANT, group = GROUP): string {
  // '@' stays as is, as in the APIO examples (it is legal in a path segment).
  return `${igcUrl(prefix, tenant, group)}${serviceUserId}/`;
}

export function activeUrl(tenant = TENANT, group = GROUP): string {
  return `/api/v1/tenants/${tenant}/groups/${group}/services/instant_group_calls_active/`;
}

/** The POST example of the APIO Instant Group Call page, a fresh copy each time. */
export function seedPostBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    serviceUserId: SEED_ID,
    serviceInstanceProfile: {
      name: 'Test User',
      department: { tenantId: TENANT, groupId: GROUP, departmentName: 'test_department_initial' },
      cliFirstName: 'First Name',
      cliLastName: 'Last Name',
      language: 'English',
      timeZone: 'Europe/Brussels',
    },
    answerTimeoutMinutes: 5,
    answerTimeoutEnabled: true,
    destinationPhoneNumbers: ['+3271123456'],
    templateName: 'basic',
    active: true,
    ...overrides,
  };
}

/** The smallest body BroadWorks takes, for tests that need an instance and nothing more. */
export function minimalBody(serviceUserId: string, profile: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    serviceUserId,
    serviceInstanceProfile: { name: 'Minimal', cliFirstName: 'Min', cliLastName: 'Imal', ...profile },
    answerTimeoutEnabled: false,
  };
}

/** The command types of every document sent since the last reset. */
export function documents(harness: Pick<AdapterHarness, 'roundTrips'>): string[][] {
  return harness.roundTrips.map((event) => event.commandTypes);
}

/** Mutating commands (Add, Modify, Delete) among the documents sent since the last reset. */
export function mutatingCommands(harness: Pick<AdapterHarness, 'roundTrips'>): string[] {
  return documents(harness)
    .flat()
    .filter((type) => /(Add|Modify|Delete)/.test(type));
}

export interface ApioErrorEntry {
  code: number;
  message: string;
  details: { reason: string; errors: Record<string, { summary: string }>; [key: string]: unknown };
}

/** Text that only a leaked stack trace or internal path would put in an answer. */
const INTERNALS = /\bat\s+\S+\s+\(|\.ts:\d+|node:internal|node_modules|\/work\//;

/**
 * Checks the APIO error shape every Netaxis client reads (APIO.md §5.2) and returns the first
 * error: a numeric code, a message, `details` always an object with `reason` and `errors` keyed
 * by string index, and nothing that looks like a stack trace.
 */
export function apioError(response: { status: number; body: unknown; text: string }, status: number, reason?: string): ApioErrorEntry {
  assert.equal(response.status, status, `expected ${status}, got ${response.status}: ${response.text}`);
  const body = response.body as { errors?: unknown };
  assert.ok(Array.isArray(body.errors) && body.errors.length > 0, `no errors list in ${response.text}`);
  for (const entry of body.errors as ApioErrorEntry[]) {
    assert.equal(typeof entry.code, 'number');
    assert.equal(typeof entry.message, 'string');
    assert.ok(typeof entry.details === 'object' && entry.details !== null && !Array.isArray(entry.details), 'details must be an object');
    assert.equal(typeof entry.details.reason, 'string');
    assert.ok(typeof entry.details.errors === 'object' && entry.details.errors !== null && !Array.isArray(entry.details.errors));
    Object.entries(entry.details.errors).forEach(([key, value], index) => {
      assert.equal(key, String(index));
      assert.equal(typeof value.summary, 'string');
    });
  }
  assert.doesNotMatch(response.text, INTERNALS, 'the answer must not carry a stack trace or internal paths');
  const first = (body.errors as ApioErrorEntry[])[0]!;
  if (reason !== undefined) assert.equal(first.details.reason, reason, response.text);
  return first;
}
