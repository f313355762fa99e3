// Test support for observability: the real composition (startServer) on 127.0.0.1 port 0, talking
// over TCP to a simulator this file starts itself — so a test can stop and restart "BroadWorks" — with
// a log destination that keeps every JSON line and lets a test await one. The adapter logs in to the
// simulator as its own system admin with a password used nowhere else, and the API is called with a
// machine token, so a test can search the log for both secrets.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sha256Hex } from '../../src/auth/index.js';
import { loadConfig } from '../../src/config/index.js';
import { startServer } from '../../src/server.js';
import type { RunningServer } from '../../src/server.js';
import { DEFAULT_SEED_WORLD_URL, readSeedWorld, startSimulator } from '../../src/simulator/index.js';
import type { Simulator } from '../../src/simulator/index.js';

/** The adapter's own OCI-P login: a secret no log line may contain. */
export const OCIP_LOGIN = { userId: 'obs.admin', password: 'Ocip-S3cret-Pw!9' };
/** A level-16 machine token for the API: a secret no log line may contain. */
export const MACHINE_TOKEN = 'apio_obs-machine-token-7f3a9c2e1b';
export const AUTHORIZATION = { authorization: `Bearer ${MACHINE_TOKEN}` };

export type LogLine = Record<string, unknown> & { msg?: string; level?: string; reqId?: string };

/** A pino destination that keeps the lines and resolves waits when a matching one arrives. */
export class LogCapture {
  readonly text: string[] = [];
  readonly #waiters: { match: (line: LogLine) => boolean; resolve: (line: LogLine) => void }[] = [];

  write(chunk: string): void {
    for (const raw of chunk.split('\n')) {
      if (!raw) continue;
      this.text.push(raw);
      const line = JSON.parse(raw) as LogLine;
      for (const waiter of [...this.#waiters]) {
        if (!waiter.match(line)) continue;
        this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    }
  }

  get lines(): LogLine[] {
    return this.text.map((raw) => JSON.parse(raw) as LogLine);
  }

  /** The first line, already written or still to come, that matches; bounded by timeoutMs. */
  waitFor(match: (line: LogLine) => boolean, timeoutMs = 5_000): Promise<LogLine> {
    const seen = this.lines.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching log line within ${timeoutMs} ms`)), timeoutMs);
      this.#waiters.push({
        match,
        resolve: (line) => {
          clearTimeout(timer);
          resolve(line);
        },
      });
    });
  }
}

export interface ObservedServer {
  running: RunningServer;
  simulator: Simulator;
  logs: LogCapture;
  /** GET/POST… on the adapter with the machine token unless `headers` says otherwise. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** Stops the simulator ("BroadWorks goes away"). */
  stopSimulator(): Promise<void>;
  /** Starts it again on the same port. */
  restartSimulator(): Promise<void>;
  close(): Promise<void>;
}

export interface ObservedServerOptions {
  logLevel?: 'trace' | 'debug' | 'info';
  drainTimeoutMs?: number;
  readinessTimeoutMs?: number;
}

async function simulatorOn(port: number): Promise<Simulator> {
  return startSimulator({ port, seed: await readSeedWorld(DEFAULT_SEED_WORLD_URL), systemAdmins: [OCIP_LOGIN] });
}

export async function startObservedServer(options: ObservedServerOptions = {}): Promise<ObservedServer> {
  let simulator = await simulatorOn(0);
  const port = simulator.port;
  const dataDir = await mkdtemp(join(tmpdir(), 'apio-observed-'));
  const logs = new LogCapture();
  // env: {} so the developer's shell (PORT, OCIP_URL, APIO_CONFIG...) cannot leak into a test.
  const config = loadConfig({
    env: {},
    overrides: {
      server: { host: '127.0.0.1', port: 0 },
      dataDir,
      logLevel: options.logLevel ?? 'info',
      ocip: { url: `tcp://127.0.0.1:${port}`, username: OCIP_LOGIN.userId, password: OCIP_LOGIN.password, poolSize: 2, connectTimeoutMs: 2_000 },
      auth: { machineTokens: [{ name: 'observability-test', sha256: sha256Hex(MACHINE_TOKEN), level: 16 }] },
    },
  });
  let running: RunningServer;
  try {
    running = await startServer(config, {
      logDestination: logs,
      drainTimeoutMs: options.drainTimeoutMs ?? 5_000,
      readinessTimeoutMs: options.readinessTimeoutMs ?? 1_000,
    });
  } catch (error) {
    await simulator.close();
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  let simulatorRunning = true;
  return {
    running,
    get simulator() {
      return simulator;
    },
    logs,
    fetch: (path, init = {}) =>
      fetch(`${running.url}${path}`, { ...init, headers: { ...AUTHORIZATION, ...(init.headers as Record<string, string>) }, signal: init.signal ?? AbortSignal.timeout(10_000) }),
    stopSimulator: async () => {
      simulatorRunning = false;
      await simulator.close();
    },
    restartSimulator: async () => {
      simulator = await simulatorOn(port);
      simulatorRunning = true;
    },
    close: async () => {
      await running.stop();
      if (simulatorRunning) await simulator.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

