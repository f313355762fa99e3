// startServer: the adapter as buildAdapter wires it (src/adapter.ts), listening; and stop(), the
// graceful shutdown: stop accepting, finish the requests in flight (bounded), log the OCI-P sessions
// out, close the store and the simulator. main.ts is the thin process entry around it.
import type { AddressInfo } from 'node:net';
import { buildAdapter } from './adapter.js';
import { answerClientErrors } from './http/client-errors.js';
import type { AdapterOverrides } from './adapter.js';
import type { Config } from './config/index.js';
import type { AdapterMetrics, Logger } from './observability/index.js';
import type { OcipClient } from './ocip/index.js';
import type { Simulator } from './simulator/index.js';
import type { Store } from './store/index.js';

/** How long stop() waits for the OCI-P logouts (each session's own logout is bounded at 2 s). */
const LOGOUT_TIMEOUT_MS = 5_000;
/** How long stop() waits for the last log lines to be written. */
const FLUSH_TIMEOUT_MS = 1_000;

export interface StartOptions extends AdapterOverrides {
  /** How long stop() lets requests in flight finish before cutting their connections. Default 10 s. */
  drainTimeoutMs?: number;
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
  const adapter = await buildAdapter(config, options);
  const { app, ocip, store, simulator, logger, metrics, observability, ocipUrl } = adapter;

  const server = app.listen(config.server.port, config.server.host);
  answerClientErrors(server);
  await new Promise<void>((ready, fail) => server.once('listening', ready).once('error', fail));
  const port = (server.address() as AddressInfo).port;
  const shownHost = config.server.host === '0.0.0.0' ? '127.0.0.1' : config.server.host;

  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopped ??= (async () => {
      adapter.markStopping();
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
      await adapter.audit?.idle();
      await Promise.allSettled([store.disconnect(), simulator?.close()]);
      logger.info('shutdown: done');
      // Bounded: a log destination that broke (a closed pipe) never calls back.
      await within(new Promise<void>((done) => logger.flush(() => done())), FLUSH_TIMEOUT_MS);
    })();
    return stopped;
  };

  return { url: `http://${shownHost}:${port}`, port, simulator, ocipUrl, ocip, store, logger, metrics, stop };
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
