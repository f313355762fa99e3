// The BroadWorks OCI-P simulator: the adapter's embedded default backend and the peer of every
// test. It listens on TCP (and optionally TLS, and HTTP for SOAP and the call lab), keeps a world of
// providers, groups, DNs, departments, administrators and Instant Group Call instances, applies
// BroadWorks' rules and errors to it, and persists it through a WorldStore. Its call lab rings
// those instances against simulated endpoints (call-lab/).
import { CallLab, labRoutes, toClock } from './call-lab/index.js';
import type { Clock, LabSettings } from './call-lab/index.js';
import { Dispatcher } from './dispatcher.js';
import { FaultInjector } from './faults.js';
import { createMemoryWorldStore, SaveQueue } from './persistence.js';
import type { WorldStore } from './persistence.js';
import { applySeed } from './seed.js';
import type { SeedWorld } from './seed.js';
import { startHttpListener } from './server-http.js';
import { createSoapEndpoint } from './server-soap.js';
import { startListener } from './server-tcp.js';
import type { Listener } from './server-tcp.js';
import { Authenticator } from './session-auth.js';
import type { SystemAdmin } from './session-auth.js';
import { SessionRegistry } from './session.js';
import type { ServerLogoutReason, SessionInfo } from './session.js';
import { World } from './world/world.js';
import type { WorldSnapshot } from './world/types.js';

export interface SimulatorOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** OCI-P over TCP; 0 (the default) picks a free port. */
  port?: number;
  /** HTTP (OCI-P over SOAP, and the call lab under /v1.0/); a number (0 = free port) turns it on, null or absent leaves it off. */
  httpPort?: number | null;
  /** OCI-P over TLS, with a PEM key and certificate. */
  tls?: { port: number; key: string | Buffer; cert: string | Buffer } | undefined;
  /** The initial state when the store holds none (instead of the seed). */
  world?: WorldSnapshot;
  /** Applied when the store holds no world and no `world` is given; its systemAdmins apply always. */
  seed?: SeedWorld;
  /** Where the world is loaded from and saved to; in memory by default. */
  store?: WorldStore;
  systemAdmins?: SystemAdmin[];
  /**
   * Time and timers (the call lab rings on it): real time by default; a virtual clock
   * (createVirtualClock) in tests. A bare `() => number` gives that time with real timers.
   */
  clock?: Clock | (() => number);
  /** The call lab's settings (config simulator.lab); the defaults where absent. */
  lab?: Partial<LabSettings>;
  /** An internal error of the call lab's routes (answered 500). Default: console.error. */
  onLabError?: (error: unknown) => void;
  /** A save that failed (the simulator keeps serving). Default: console.error. */
  onSaveError?: (error: unknown) => void;
}

export interface Simulator {
  port: number;
  httpPort?: number;
  tlsPort?: number;
  /** The live state, for tests to read. */
  world: World;
  /** The call lab, for tests to drive without HTTP. */
  lab: CallLab;
  clock: Clock;
  faults: FaultInjector;
  /** The logged-in sessions on every transport. */
  sessions(): SessionInfo[];
  /**
   * Sends a server LogoutRequest to every connection logged in with this sessionId (or session key),
   * then closes it. A SOAP session is only logged out (HTTP cannot push). Resolves to how many.
   */
  logoutSession(sessionId: string, reason?: ServerLogoutReason): Promise<number>;
  /** Stops listening, drops every connection, and waits for pending saves. */
  close(): Promise<void>;
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const host = options.host ?? '127.0.0.1';
  const clock = toClock(options.clock);
  const store = options.store ?? createMemoryWorldStore();
  const saved = await store.load();
  const world = new World(saved ?? options.world);
  const auth = new Authenticator(world, [...(options.seed?.systemAdmins ?? []), ...(options.systemAdmins ?? [])]);
  for (const userId of auth.systemAdminIds) world.reservedUserIds.add(userId);
  const faults = new FaultInjector();
  const saves = new SaveQueue(store, () => world.snapshot(), options.onSaveError ?? ((error) => console.error('simulator: saving the world failed', error)));
  const dispatcher = new Dispatcher({ world, auth, faults, clock: () => clock.now(), onWorldChanged: () => saves.request() });
  if (!saved) {
    if (!options.world && options.seed) applySeed(dispatcher, options.seed);
    // The first start writes its world, so a later change of the seed does not alter it.
    saves.request();
  }

  const registry = new SessionRegistry();
  const lab = new CallLab({ world, clock, settings: options.lab });
  const listeners: Listener[] = [];
  try {
    const tcp = await startListener({ host, port: options.port ?? 0, transport: 'tcp', dispatcher, registry });
    listeners.push(tcp);
    const simulator: Simulator = {
      port: tcp.port,
      world,
      lab,
      clock,
      faults,
      sessions: () => registry.loggedIn(),
      logoutSession: async (sessionId, reason = 'Open Client Server Forced Logout') => {
        const sessions = registry.find(sessionId).filter((session) => session.login);
        for (const session of sessions) {
          if (session.forceLogout) await session.forceLogout(reason);
          else delete session.login;
        }
        return sessions.length;
      },
      close: async () => {
        lab.close();
        await Promise.all(listeners.map((listener) => listener.close()));
        await saves.idle();
        store.close?.();
      },
    };
    if (options.tls) {
      const tls = await startListener({ host, port: options.tls.port, transport: 'tls', tls: options.tls, dispatcher, registry });
      listeners.push(tls);
      simulator.tlsPort = tls.port;
    }
    if (typeof options.httpPort === 'number') {
      const soap = createSoapEndpoint({ dispatcher, registry });
      const http = await startHttpListener({ host, port: options.httpPort, soap, lab: labRoutes(lab, options.onLabError) });
      listeners.push(http);
      simulator.httpPort = http.port;
    }
    return simulator;
  } catch (error) {
    lab.close();
    await Promise.all(listeners.map((listener) => listener.close()));
    await saves.idle();
    store.close?.();
    throw error;
  }
}

export { World } from './world/world.js';
export { CallLab, createVirtualClock, realClock, DEFAULT_LAB_SETTINGS, ENDPOINT_BEHAVIORS } from './call-lab/index.js';
export type { Clock, VirtualClock, LabSettings, EndpointBehavior, LabEvent } from './call-lab/index.js';
export { createMemoryWorldStore } from './persistence.js';
export type { WorldStore } from './persistence.js';
export { createFileWorldStore, LEGACY_WORLD_FILE_NAME, WORLD_FILE_NAME } from './file-world-store.js';
export { readSeedWorld, DEFAULT_SEED_WORLD_URL } from './seed.js';
export type { SeedWorld, SeedCommand } from './seed.js';
export type { SystemAdmin } from './session-auth.js';
export type { SessionInfo, ServerLogoutReason } from './session.js';
export { FaultInjector, GARBAGE_ANSWER } from './faults.js';
export type { ForcedError } from './faults.js';
export { SIM_ERRORS } from './errors.js';
export type { SimErrorKind } from './errors.js';
export type * from './world/types.js';
