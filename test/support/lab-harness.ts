// Test support for the call lab: a simulator on 127.0.0.1 (port 0, HTTP on) with a virtual clock,
// a small world of Instant Group Call instances, and a JSON client for the /v1.0/ routes. Time moves
// only when a test calls `clock.advance(ms)`, so ring timeouts of minutes cost nothing.
// `startLabWithAdapter` adds the adapter (createApp over a real OCI-P client, logged in as the seed's
// system admin the way test/support/adapter-harness.ts does it) on the same simulator, for the test
// that provisions over APIO and then dials in the lab.
import assert from 'node:assert/strict';
import type supertest from 'supertest';
import { createVirtualClock, DEFAULT_SEED_WORLD_URL, readSeedWorld, startSimulator } from '../../src/simulator/index.js';
import type { InstantGroupCallRecord, LabSettings, Simulator, VirtualClock, WorldSnapshot } from '../../src/simulator/index.js';

export const SP = 'LabSp';
export const GROUP = 'LabGrp';
export const DOMAIN = 'lab.example.net';

export interface JsonAnswer {
  status: number;
  body: any;
}

export interface LabApi {
  get(path: string): Promise<JsonAnswer>;
  post(path: string, body?: unknown): Promise<JsonAnswer>;
  put(path: string, body: unknown): Promise<JsonAnswer>;
  del(path: string): Promise<JsonAnswer>;
  /** Sends raw text as the body (bad JSON tests). */
  raw(method: string, path: string, text: string): Promise<JsonAnswer>;
}

export interface LabHarness {
  sim: Simulator;
  clock: VirtualClock;
  /** http://127.0.0.1:<port> */
  base: string;
  api: LabApi;
  close(): Promise<void>;
}

export interface LabOptions {
  instances?: InstantGroupCallRecord[];
  settings?: Partial<LabSettings>;
}

/** The default settings of the tests: legs answer after 1 s unless configured, ring 30 s at most. */
export const TEST_SETTINGS: LabSettings = { defaultBehavior: 'answer', defaultAfterMs: 1_000, ringTimeoutMs: 30_000 };

export async function startLab(options: LabOptions = {}): Promise<LabHarness> {
  const clock = createVirtualClock();
  const sim = await startSimulator({
    httpPort: 0,
    clock,
    world: labWorld(options.instances ?? []),
    lab: { ...TEST_SETTINGS, ...options.settings },
    onLabError: (error) => assert.fail(`call lab internal error: ${String(error)}`),
  });
  const base = `http://127.0.0.1:${sim.httpPort}`;
  return { sim, clock, base, api: labApi(base), close: () => sim.close() };
}

export function labApi(base: string): LabApi {
  const send = async (method: string, path: string, body?: string): Promise<JsonAnswer> => {
    const init: RequestInit = { method };
    if (body !== undefined) {
      init.body = body;
      init.headers = { 'Content-Type': 'application/json' };
    }
    const response = await fetch(`${base}${path}`, init);
    const text = await response.text();
    return { status: response.status, body: text === '' ? undefined : JSON.parse(text) };
  };
  return {
    get: (path) => send('GET', path),
    post: (path, body) => send('POST', path, body === undefined ? undefined : JSON.stringify(body)),
    put: (path, body) => send('PUT', path, JSON.stringify(body)),
    del: (path) => send('DELETE', path),
    raw: (method, path, text) => send(method, path, text),
  };
}

/** One provider and group (country 32), the DNs +3271123450–59, and the given instances. */
export function labWorld(instances: InstantGroupCallRecord[]): WorldSnapshot {
  const dns = Array.from({ length: 10 }, (_, i) => ({ phoneNumber: `+327112345${i}`, serviceProviderId: SP, groupId: GROUP }));
  return {
    version: 1,
    defaultCountryCode: '32',
    systemDomains: [DOMAIN],
    serviceProviders: [{ serviceProviderId: SP, isEnterprise: false, defaultDomain: DOMAIN, domains: [DOMAIN] }],
    groups: [
      {
        serviceProviderId: SP,
        groupId: GROUP,
        defaultDomain: DOMAIN,
        userLimit: 100,
        callingLineIdPhoneNumber: '+3271112230',
        timeZone: 'Europe/Brussels',
        domains: [DOMAIN],
      },
    ],
    departments: [],
    dns,
    admins: [],
    instantGroupCalls: instances,
  };
}

/** An instance of the lab's group: active, no answer timeout, unless the overrides say otherwise. */
export function instance(name: string, overrides: Partial<InstantGroupCallRecord> = {}): InstantGroupCallRecord {
  return {
    serviceUserId: `${name}@${DOMAIN}`,
    serviceProviderId: SP,
    groupId: GROUP,
    name,
    callingLineIdLastName: name,
    callingLineIdFirstName: 'Lab',
    language: 'English',
    timeZone: 'Europe/Brussels',
    aliases: [],
    destinations: [],
    isAnswerTimeoutEnabled: false,
    isActive: true,
    ...overrides,
  };
}

export function tel(target: string): { type: 'tel'; target: string } {
  return { type: 'tel', target };
}

export const SOURCE = tel('+3271112230');

/** Sets how a destination behaves. */
export async function endpoint(api: LabApi, target: string, behavior: string, afterMs?: number, extra: Record<string, unknown> = {}): Promise<void> {
  const answer = await api.put(`/v1.0/lab/endpoints/${encodeURIComponent(target)}`, { behavior, ...(afterMs === undefined ? {} : { after_ms: afterMs }), ...extra });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
}

/** POST /v1.0/groupcalls, expecting 200. */
export async function dial(api: LabApi, destinations: unknown[], extra: Record<string, unknown> = {}): Promise<any> {
  const answer = await api.post('/v1.0/groupcalls', { source: SOURCE, destinations, ...extra });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  return answer.body;
}

/** The calls of a groupcall, in call_ids order. */
export async function legsOf(api: LabApi, groupcall: { call_ids: string[] }): Promise<any[]> {
  return Promise.all(groupcall.call_ids.map(async (id) => (await api.get(`/v1.0/calls/${id}`)).body));
}

export async function groupcall(api: LabApi, id: string): Promise<any> {
  const answer = await api.get(`/v1.0/groupcalls/${id}`);
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  return answer.body;
}

/** Checks VoIPbin's error envelope and returns its `error`. */
export function labError(answer: JsonAnswer, status: number, reason: string): { status: string; reason: string; message: string; details?: { field: string; message: string }[] } {
  assert.equal(answer.status, status, JSON.stringify(answer.body));
  const error = answer.body?.error;
  assert.ok(error && typeof error.message === 'string' && typeof error.request_id === 'string', JSON.stringify(answer.body));
  assert.equal(error.reason, reason, JSON.stringify(answer.body));
  return error;
}

// ---- the adapter and the lab on one simulator --------------------------------------------------

export interface AdapterLabHarness extends LabHarness {
  /** supertest on the adapter's app (createApp), logged in as the system admin (bearer token). */
  adapter: ReturnType<typeof supertest.agent>;
}

export async function startLabWithAdapter(settings: Partial<LabSettings> = {}): Promise<AdapterLabHarness> {
  // Imported here: the adapter takes a second to load, and only this one test file needs it.
  const [{ default: supertest }, { buildAdapter }, { loadConfig }, { createStore }] = await Promise.all([
    import('supertest'),
    import('../../src/adapter.js'),
    import('../../src/config/index.js'),
    import('../../src/store/index.js'),
  ]);
  const clock = createVirtualClock();
  const sim = await startSimulator({ seed: await readSeedWorld(DEFAULT_SEED_WORLD_URL), httpPort: 0, clock, lab: { ...TEST_SETTINGS, ...settings } });
  // The production wiring (buildAdapter) in front of this simulator, as in front of a BroadWorks.
  let built;
  try {
    const config = loadConfig({
      env: {},
      // The seed world's system admin (README: demo only), as a deployment would name its own.
      overrides: { ocip: { url: `tcp://127.0.0.1:${sim.port}`, username: 'admin', password: 'admin', poolSize: 1, requestTimeoutMs: 5_000, connectTimeoutMs: 2_000, acquireTimeoutMs: 5_000 } },
    });
    built = await buildAdapter(config, { store: createStore({ kind: 'memory' }), logDestination: { write: () => undefined } });
  } catch (error) {
    await sim.close();
    throw error;
  }
  const { app } = built;
  const close = async (): Promise<void> => {
    await Promise.allSettled([built.destroy(), sim.close()]);
  };
  try {
    // The seed world's demo login (README: demo only).
    const login = await supertest(app).post('/api/v01/auth/login').send({ username: 'admin', password: 'admin' });
    assert.equal(login.status, 200, `login: ${login.text}`);
    const adapter = supertest.agent(app).set('Authorization', `Bearer ${(login.body as { access_token: string }).access_token}`);
    const base = `http://127.0.0.1:${sim.httpPort}`;
    return { sim, clock, base, api: labApi(base), adapter, close };
  } catch (error) {
    await close();
    throw error;
  }
}

// ---- server-sent events ------------------------------------------------------------------------

export interface StreamedEvent {
  id: string;
  event: string;
  data: { type: string; data: any };
}

export interface EventReader {
  /** Resolves with the first `count` events received since connecting (bounded by a 5 s timeout). */
  take(count: number): Promise<StreamedEvent[]>;
  close(): void;
}

/** Connects to GET /v1.0/events (with `query`, e.g. `?types=groupcall_`) and parses the stream. */
export async function readEvents(base: string, query = ''): Promise<EventReader> {
  const controller = new AbortController();
  const response = await fetch(`${base}/v1.0/events${query}`, { signal: controller.signal });
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type') ?? '', /^text\/event-stream/);
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const events: StreamedEvent[] = [];
  let buffer = '';
  return {
    async take(count) {
      const deadline = AbortSignal.timeout(5_000);
      while (events.length < count) {
        if (deadline.aborted) assert.fail(`only ${events.length} of ${count} events: ${events.map((e) => e.event).join(', ')}`);
        const timeout = new Promise<never>((_, reject) => deadline.addEventListener('abort', () => reject(new Error('no event within 5 s')), { once: true }));
        const { value, done } = await Promise.race([reader.read(), timeout]);
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const fields = new Map<string, string>();
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) continue;
            const colon = line.indexOf(': ');
            if (colon > 0) fields.set(line.slice(0, colon), line.slice(colon + 2));
          }
          if (fields.has('event')) events.push({ id: fields.get('id')!, event: fields.get('event')!, data: JSON.parse(fields.get('data')!) });
        }
      }
      return events.slice(0, count);
    },
    close: () => controller.abort(),
  };
}
