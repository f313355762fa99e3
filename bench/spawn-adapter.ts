// Starts the adapter as `node --import tsx src/main.ts` in a child process, with its embedded
// simulator on loopback, free ports and a temporary data directory, so the adapter (and the
// simulator it embeds) run on their own thread, apart from the load generator. Samples the child's
// resident memory from /proc while a scenario runs.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../src/config/index.js';

export interface AdapterProcess {
  url: string;
  /** The embedded simulator's OCI-P TCP port, for the bare-client runs. */
  ocipPort: number;
  child: ChildProcess;
  /** Resident set size now and the process's peak so far (VmHWM), in MB; undefined off Linux. */
  memory(): Promise<{ rssMb: number; peakMb: number } | undefined>;
  stop(): Promise<void>;
}

export interface AdapterProcessOptions {
  /** Settings merged over config/default.json (an APIO_CONFIG file). */
  settings?: Record<string, unknown>;
  logLevel?: string;
  /** Writes a V8 CPU profile (.cpuprofile) into this directory when the adapter exits. */
  cpuProfileDir?: string;
  /** Extra environment variables (e.g. OCIP_URL for a simulator in a process of its own). */
  env?: Record<string, string>;
}

const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 15_000;

export async function spawnAdapter(options: AdapterProcessOptions = {}): Promise<AdapterProcess> {
  const dataDir = await mkdtemp(join(tmpdir(), 'apio-bench-'));
  const configFile = join(dataDir, 'bench-config.json');
  await writeFile(configFile, JSON.stringify(options.settings ?? {}));
  // A clean environment: nothing from the developer's shell (OCIP_URL, REDIS_URL...) leaks in.
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    HOST: '127.0.0.1',
    PORT: '0',
    SIMULATOR_PORT: '0',
    SIMULATOR_HTTP_PORT: '0',
    DATA_DIR: dataDir,
    APIO_CONFIG: configFile,
    LOG_LEVEL: options.logLevel ?? 'info',
    ...options.env,
  };
  const profile = options.cpuProfileDir ? ['--cpu-prof', '--cpu-prof-dir', options.cpuProfileDir] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', 'src/main.ts'], {
    cwd: projectRoot,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let banner = '';
  const started = await new Promise<{ url: string; ocipPort: number }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the adapter did not start within ${START_TIMEOUT_MS} ms:\n${banner}`)), START_TIMEOUT_MS);
    const onData = (chunk: Buffer): void => {
      banner += chunk.toString();
      const url = /APIO adapter on (http:\/\/[^/\s]+)\/api\/v1\//.exec(banner);
      const ocip = /OCI-P on tcp:\/\/[^:]+:(\d+)/.exec(banner);
      if (url && ocip) {
        clearTimeout(timer);
        child.off('exit', onExit);
        resolve({ url: url[1]!, ocipPort: Number(ocip[1]) });
      }
    };
    const onExit = (code: number | null): void => {
      clearTimeout(timer);
      reject(new Error(`the adapter exited (${code}) before it listened:\n${banner}`));
    };
    child.stdout!.on('data', onData);
    child.once('exit', onExit);
  });
  // From here the JSON log lines are read and dropped: the pipe must not fill up and block the adapter.
  child.stdout!.removeAllListeners('data');
  child.stdout!.resume();

  return {
    ...started,
    child,
    memory: async () => {
      try {
        const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
        const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
        return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
      } catch {
        return undefined;
      }
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = once(child, 'exit');
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
        await exited;
        clearTimeout(timer);
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
