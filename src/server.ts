// The composition root: store, OCI-P client (to the embedded simulator unless OCIP_URL names a
// BroadWorks), logger, metrics, the app, listen; and stop(), the graceful shutdown: stop accepting,
// finish the requests in flight (bounded), log the OCI-P sessions out, close the store and the
// simulator. main.ts is the thin process entry around it; tests start and stop it in-process.
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { Request } from 'express';
import { createApp } from './app.js';
import { AuditLog, withAuditedDocuments } from './audit/index.js';
import { createSecurity, UserLevels, verifierForUrl } from './auth/index.js';
import type { Security } from './auth/index.js';
import { credentialsOf } from './http/auth-credentials.js';
import { answerClientErrors } from './http/client-errors.js';
import type { Config } from './config/index.js';
import { createInstantGroupCallDeps } from './domain/instant-group-call/index.js';
import { AdapterMetrics, createLogger, createReadinessCheck, httpObservability, ocipHooks } from './observability/index.js';
import type { Logger, LoggerOptions } from './observability/index.js';
import { createOcipClient } from './ocip/index.js';
import type { OcipClient } from './ocip/index.js';
import type { Simulator } from './simulator/index.js';
import { createStore } from './store/index.js';
import type { Store } from './store/index.js';

/** The demo login of the seed world (README: demo only). */
const SEED_ADMIN = { userId: 'admin', password: 'admin' };

/** How long stop() waits for the OCI-P logouts (each session's own logout is bounded at 2 s). */
const LOGOUT_TIMEOUT_MS = 5_000;
/** How long stop() waits for the last log lines to be written. */
const FLUSH_TIMEOUT_MS = 1_000;

export interface StartOptions {
  /** Where the JSON log lines go; default stdout. */
  logDestination?: LoggerOptions['destination'];
  /** How long stop() lets requests in flight finish before cutting their connections. Default 10 s. */
  drainTimeoutMs?: number;
  /** The /readyz checks' limit. Default 2 s. */
  readinessTimeoutMs?: number;
}

export interface RunningServer {
  /** http://host:port (127.0.0.1 when listening on every address). */
  url: string;
  port: number;
  /** The embedded simulator, when no OCIP_URL is set. */
  simulator?: Simulator;
  /** The BroadWorks URL the client talks to. */
  ocipUrl: string;
  ocip: OcipClient;
  store: Store;
  logger: Logger;
  metrics: AdapterMetrics;
  /** Graceful shutdown; resolves when everything is closed. Safe to call twice. */
  stop(): Promise<void>;
}

export async function startServer(config: Config, options: StartOptions = {}): Promise<RunningServer> {
  const dataDir = resolve(config.rootDir, config.dataDir);
  const logger = createLogger({ level: config.logLevel, ...(options.logDestination && { destination: options.logDestination }) });
  const metrics = new AdapterMetrics();
  let simulator: Simulator | undefined;
  let ocipUrl = config.ocip.url;
  // With the embedded simulator, the seed's system admin unless OCIP_USERNAME/PASSWORD say otherwise.
  const credentials = { userId: config.ocip.username ?? SEED_ADMIN.userId, password: config.ocip.password ?? SEED_ADMIN.password };
  if (config.embeddedSimulator) {
    // Loaded only when embedded: in front of a real BroadWorks the adapter carries none of its code,
    // and every MB of live heap is ~4 MB of peak RSS under load (V8 collects at ~4x the live size).
    const { createFileWorldStore, readSeedWorld, startSimulator } = await import('./simulator/index.js');
    simulator = await startSimulator({
      host: config.simulator.host,
      port: config.simulator.port,
      httpPort: config.simulator.httpPort,
      lab: config.simulator.lab,
      seed: await readSeedWorld(resolve(config.rootDir, config.simulator.seedFile)),
      store: createFileWorldStore(dataDir),
      onLabError: (error) => logger.error({ err: error }, 'simulator: call lab internal error'),
      onSaveError: (error) => logger.error({ err: error }, 'simulator: saving the world failed'),
    });
    ocipUrl = `tcp://${config.simulator.host}:${simulator.port}`;
  }

  const ocip = createOcipClient({
    url: ocipUrl!,
    userId: credentials.userId,
    password: credentials.password,
    poolSize: config.ocip.poolSize,
    connectTimeoutMs: config.ocip.connectTimeoutMs,
    requestTimeoutMs: config.ocip.requestTimeoutMs,
    acquireTimeoutMs: config.ocip.acquireTimeoutMs,
    idleTimeoutMs: config.ocip.idleTimeoutMs,
    tls: { rejectUnauthorized: config.ocip.tlsRejectUnauthorized },
    ...withAuditedDocuments(ocipHooks(logger, metrics)),
  });
  metrics.watchPool(() => ocip.stats());
  const store = config.redisUrl
    ? createStore({ kind: 'redis', redisUrl: config.redisUrl })
    : createStore({ kind: 'file', dataDir });

  let stopping = false;
  const readiness = createReadinessCheck({ ocip, store, timeoutMs: options.readinessTimeoutMs, stopping: () => stopping });
  // /readyz details go to a system-level caller (login or machine token); security is built below.
  let security: Security | undefined;
  const isOperator = async (request: Request): Promise<boolean> =>
    ((await security?.auth.authenticate(credentialsOf(request)))?.principal?.level ?? -1) >= UserLevels.SYSTEM;
  const observability = httpObservability(logger, metrics, readiness, isOperator);
  const audit = config.audit.enabled
    ? new AuditLog(store, { maxRecords: config.audit.maxRecords, onError: (error) => logger.error({ err: error }, 'audit: a record could not be written') })
    : undefined;
  let app;
  try {
    // Passwords are checked by an OCI-P login of their own to the same BroadWorks as the pool.
    const verifier = verifierForUrl(ocipUrl!, { ...config.ocip, loginTimeoutMs: config.auth.loginTimeoutMs });
    security = await createSecurity({ settings: config, store, verifier });
    app = createApp({
      instantGroupCalls: createInstantGroupCallDeps(config, ocip, store),
      security,
      store,
      ...(audit && { audit }),
      logError: (error) => logger.error({ err: error }, 'request failed'),
      observability,
    });
  } catch (error) {
    ocip.destroy();
    await Promise.allSettled([store.disconnect(), simulator?.close()]);
    throw error;
  }

  const server = app.listen(config.server.port, config.server.host);
  answerClientErrors(server);
  await new Promise<void>((ready, fail) => server.once('listening', ready).once('error', fail));
  const port = (server.address() as AddressInfo).port;
  const shownHost = config.server.host === '0.0.0.0' ? '127.0.0.1' : config.server.host;

  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopped ??= (async () => {
      stopping = true;
      const drainTimeoutMs = options.drainTimeoutMs ?? 10_000;
      logger.info({ inFlight: observability.drain.inFlight, drainTimeoutMs }, 'shutdown: draining');
      const closed = new Promise<void>((done) => server.close(() => done()));
      server.closeIdleConnections();
      const drained = await observability.drain.drain(drainTimeoutMs);
      if (!drained) logger.warn({ inFlight: observability.drain.inFlight }, 'shutdown: requests still in flight cut short');
      server.closeAllConnections();
      await closed;
      // Logs every OCI-P session out (work in progress was drained above); a BroadWorks that does
      // not answer the logouts in time gets its connections dropped instead.
      if (!(await within(ocip.close(), LOGOUT_TIMEOUT_MS))) {
        logger.warn('shutdown: OCI-P logout timed out; connections dropped');
        ocip.destroy();
      }
      await audit?.idle();
      await Promise.allSettled([store.disconnect(), simulator?.close()]);
      logger.info('shutdown: done');
      // Bounded: a log destination that broke (a closed pipe) never calls back.
      await within(new Promise<void>((done) => logger.flush(() => done())), FLUSH_TIMEOUT_MS);
    })();
    return stopped;
  };

  return { url: `http://${shownHost}:${port}`, port, simulator, ocipUrl: ocipUrl!, ocip, store, logger, metrics, stop };
}

/** True when `work` settles within `ms`. */
async function within(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((done) => {
    timer = setTimeout(() => done(false), ms);
  });
  try {
    return await Promise.race([work.then(() => true, () => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
