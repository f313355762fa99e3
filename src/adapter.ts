// buildAdapter(config, overrides?): the one wiring of the adapter — store, embedded simulator
// (unless OCIP_URL names a BroadWorks), OCI-P client with its hooks (metrics, logs, audited
// documents), the service-instance kit and every registered service, security, audit,
// observability, and the app. It never listens: server.ts does, for production, and every test
// drives the same wiring in-process (test/support/adapter-harness.ts).
import { join, resolve } from 'node:path';
import type { Express, Request } from 'express';
import { createApp } from './app.js';
import { AuditLog, withAuditedDocuments } from './audit/index.js';
import { createSecurity, ocipCredentialVerifier, UserLevels, verifierForUrl } from './auth/index.js';
import type { CredentialVerifier, Security } from './auth/index.js';
import type { Config } from './config/index.js';
import { ActiveStatusCache, forgettingOnWrites } from './domain/active-status-cache.js';
import { GroupDataCache } from './domain/group-data.js';
import { storeIdReservations } from './domain/id-reservations.js';
import type { ServiceInstanceKit } from './domain/service-instance-kit.js';
import { TemplateCatalogue } from './domain/templates.js';
import { credentialsOf } from './http/auth-credentials.js';
import { AdapterMetrics, createLogger, createReadinessCheck, httpObservability, ocipHooks } from './observability/index.js';
import type { HttpObservability, Logger, LoggerOptions } from './observability/index.js';
import { createOcipClient, createTransport } from './ocip/index.js';
import type { DocumentEvent, IgnoredElementsEvent, OcipClient, TraceEvent } from './ocip/index.js';
import { services } from './services/index.js';
import type { SeedCommand, Simulator } from './simulator/index.js';
import { createStore } from './store/index.js';
import type { Store } from './store/index.js';

/** The demo login of the seed world (README: demo only). */
const SEED_ADMIN = { userId: 'admin', password: 'admin' };

/** What a caller (a test, a benchmark) may supply instead of what the settings would build. */
export interface AdapterOverrides {
  /** Where the JSON log lines go; default stdout. */
  logDestination?: LoggerOptions['destination'];
  /** The /readyz checks' limit. Default 2 s. */
  readinessTimeoutMs?: number;
  /** A store of the caller's instead of Redis or the data directory (tests: in memory). */
  store?: Store;
  /** The clock of tokens, sessions and rate-limit windows. */
  clock?: () => number;
  /** How passwords are checked; default an OCI-P login to the same BroadWorks as the pool. */
  verifier?: CredentialVerifier;
  /** Applied after the embedded simulator's seed world, as its system administrator. */
  extraSeedCommands?: SeedCommand[];
  /** The embedded simulator keeps its world in memory, not in the data directory. */
  worldInMemory?: boolean;
  /** Sees every OCI-P document after the adapter's own hooks. */
  onDocument?: (event: DocumentEvent) => void;
  /** Sees every error answered with a 5xx, after the log. */
  onServerError?: (error: unknown) => void;
  /** The embedded simulator also listens on TLS with this key and certificate, and the client talks TLS to it. */
  simulatorTls?: { key: string | Buffer; cert: string | Buffer };
  /** Sees every OCI-P document sent and received (passwords masked). */
  onTrace?: (event: TraceEvent) => void;
  /** Sees the answer elements the client skipped as unknown to its release (after the debug log). */
  onIgnoredElements?: (event: IgnoredElementsEvent) => void;
}

export interface Adapter {
  app: Express;
  ocip: OcipClient;
  /** The BroadWorks URL the client talks to. */
  ocipUrl: string;
  /** The embedded simulator, when no OCIP_URL is set. */
  simulator?: Simulator;
  store: Store;
  security: Security;
  audit?: AuditLog;
  logger: Logger;
  metrics: AdapterMetrics;
  observability: HttpObservability;
  /** Set by server.ts when it starts to stop: /readyz then answers not ready. */
  markStopping(): void;
  /** Fails the OCI-P work now and closes the store and the simulator (server.ts drains first). */
  destroy(): Promise<void>;
}

export async function buildAdapter(config: Config, overrides: AdapterOverrides = {}): Promise<Adapter> {
  const dataDir = resolve(config.rootDir, config.dataDir);
  const logger = createLogger({ level: config.logLevel, ...(overrides.logDestination && { destination: overrides.logDestination }) });
  const metrics = new AdapterMetrics();
  const simulator = config.embeddedSimulator ? await startEmbeddedSimulator(config, dataDir, logger, overrides) : undefined;
  const ocipUrl = !simulator
    ? config.ocip.url!
    : simulator.tlsPort !== undefined
      ? `tls://${config.simulator.host}:${simulator.tlsPort}`
      : `tcp://${config.simulator.host}:${simulator.port}`;
  // The embedded simulator's own certificate is the one to trust; otherwise the system's.
  const tls = overrides.simulatorTls && simulator ? { ca: overrides.simulatorTls.cert, servername: 'localhost' } : { rejectUnauthorized: config.ocip.tlsRejectUnauthorized };
  const logIgnored = (event: IgnoredElementsEvent): void => {
    logger.debug({ ocip: event }, 'ocip answer: elements unknown to this release skipped');
    overrides.onIgnoredElements?.(event);
  };
  // With the embedded simulator, the seed's system admin unless OCIP_USERNAME/PASSWORD say otherwise.
  const hooks = withAuditedDocuments(ocipHooks(logger, metrics));
  const ocip = createOcipClient({
    url: ocipUrl,
    userId: config.ocip.username ?? SEED_ADMIN.userId,
    password: config.ocip.password ?? SEED_ADMIN.password,
    poolSize: config.ocip.poolSize,
    connectTimeoutMs: config.ocip.connectTimeoutMs,
    requestTimeoutMs: config.ocip.requestTimeoutMs,
    acquireTimeoutMs: config.ocip.acquireTimeoutMs,
    idleTimeoutMs: config.ocip.idleTimeoutMs,
    tls,
    release: config.ocip.release,
    onIgnoredElements: logIgnored,
    ...hooks,
    ...(overrides.onDocument && { onDocument: chain(hooks.onDocument, overrides.onDocument) }),
    ...(overrides.onTrace && { onTrace: hooks.onTrace ? chainTrace(hooks.onTrace, overrides.onTrace) : overrides.onTrace }),
  });
  metrics.watchPool(() => ocip.stats());
  const store =
    overrides.store ?? (config.redisUrl ? createStore({ kind: 'redis', redisUrl: config.redisUrl }) : createStore({ kind: 'file', dataDir }));
  const destroy = async (): Promise<void> => {
    ocip.destroy();
    await Promise.allSettled([store.disconnect(), simulator?.close()]);
  };

  let stopping = false;
  const readiness = createReadinessCheck({ ocip, store, timeoutMs: overrides.readinessTimeoutMs, stopping: () => stopping });
  // /readyz details go to a system-level caller (login or machine token); security is built below.
  let security: Security | undefined;
  const isOperator = async (request: Request): Promise<boolean> =>
    ((await security?.auth.authenticate(credentialsOf(request)))?.principal?.level ?? -1) >= UserLevels.SYSTEM;
  const observability = httpObservability(logger, metrics, readiness, isOperator);
  const audit = config.audit.enabled
    ? new AuditLog(store, { maxRecords: config.audit.maxRecords, onError: (error) => logger.error({ err: error }, 'audit: a record could not be written') })
    : undefined;
  try {
    const activeStatus = new ActiveStatusCache();
    const kit: ServiceInstanceKit = {
      ocip: forgettingOnWrites(ocip, activeStatus),
      activeStatus,
      groups: new GroupDataCache(ocip, store),
      ids: storeIdReservations(store),
      templates: TemplateCatalogue.load(join(config.rootDir, 'templates')),
    };
    // Passwords are checked by an OCI-P login of their own to the same BroadWorks as the pool.
    const verifier =
      overrides.verifier ??
      (overrides.simulatorTls && simulator
        ? ocipCredentialVerifier({ transport: createTransport(ocipUrl, { connectTimeoutMs: config.ocip.connectTimeoutMs, tls }), timeoutMs: config.auth.loginTimeoutMs })
        : verifierForUrl(ocipUrl, { ...config.ocip, loginTimeoutMs: config.auth.loginTimeoutMs }));
    security = await createSecurity({ settings: config, store, verifier, ...(overrides.clock && { clock: overrides.clock }) });
    const app = createApp({
      services: services.map((service) => service.bind(kit, config)),
      security,
      store,
      ...(audit && { audit }),
      logError: (error) => {
        logger.error({ err: error }, 'request failed');
        overrides.onServerError?.(error);
      },
      observability,
    });
    const markStopping = () => {
      stopping = true;
    };
    return { app, ocip, ocipUrl, simulator, store, security, audit, logger, metrics, observability, markStopping, destroy };
  } catch (error) {
    // A bad id rule, template or setting: nothing stays open behind the start-up error.
    await destroy();
    throw error;
  }
}

async function startEmbeddedSimulator(config: Config, dataDir: string, logger: Logger, overrides: AdapterOverrides): Promise<Simulator> {
  // Loaded only when embedded: in front of a real BroadWorks the adapter carries none of its code,
  // and every MB of live heap is ~4 MB of peak RSS under load (V8 collects at ~4x the live size).
  const { createFileWorldStore, readSeedWorld, startSimulator } = await import('./simulator/index.js');
  const seed = await readSeedWorld(resolve(config.rootDir, config.simulator.seedFile));
  seed.commands.push(...(overrides.extraSeedCommands ?? []));
  return startSimulator({
    host: config.simulator.host,
    port: config.simulator.port,
    httpPort: config.simulator.httpPort,
    lab: config.simulator.lab,
    release: config.simulator.release,
    encoding: config.simulator.encoding,
    sessionIdleTimeoutMs: config.simulator.sessionIdleTimeoutMs,
    ...(overrides.simulatorTls && { tls: { ...overrides.simulatorTls, port: 0 } }),
    seed,
    ...(!overrides.worldInMemory && { store: createFileWorldStore(dataDir) }),
    onLabError: (error) => logger.error({ err: error }, 'simulator: call lab internal error'),
    onSaveError: (error) => logger.error({ err: error }, 'simulator: saving the world failed'),
  });
}

function chainTrace(first: (event: TraceEvent) => void, second: (event: TraceEvent) => void): (event: TraceEvent) => void {
  return (event) => {
    first(event);
    second(event);
  };
}

function chain(first: (event: DocumentEvent) => void, second: (event: DocumentEvent) => void): (event: DocumentEvent) => void {
  return (event) => {
    first(event);
    second(event);
  };
}
