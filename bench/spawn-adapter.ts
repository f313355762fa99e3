// Starts the adapter in a child process on loopback, free ports and a temporary data directory, so
// it runs on its own thread, apart from the load generator: compiled (`node dist/main.js`, as
// `npm start` runs it) or from source (`node --import tsx src/main.ts`, whose loader thread adds
// ~50 MB of RSS). With OCIP_URL in `env` it talks to that BroadWorks, else it starts its embedded
// simulator. Reads the child's memory and CPU time from /proc.
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
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
  /** CPU time (user + system) the process has used so far, in ms; undefined off Linux. */
  cpuMs(): Promise<number | undefined>;
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
  /** 'dist' (default): dist/main.js, built by buildAdapter(); 'tsx': src/main.ts. */
  runtime?: 'dist' | 'tsx';
  /** Node/V8 options before the entry, e.g. ['--max-old-space-size=160']. */
  nodeArgs?: string[];
  /** Where the adapter's stdout (its JSON log lines) goes after the banner; default: dropped. */
  onOutput?: (chunk: Buffer) => void;
}

/**
 * Compiles src/ into dist/ (tsconfig.build.json), as `npm start` does. Type errors are reported
 * but do not stop the emit; false when there is no dist/main.js afterwards.
 */
export function buildAdapter(): boolean {
  const tsc = join(projectRoot, 'node_modules', 'typescript', 'bin', 'tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: projectRoot, encoding: 'utf8', timeout: 120_000 });
  if (result.status !== 0) console.warn(`tsc -p tsconfig.build.json reported problems:\n${result.stdout}${result.stderr}`);
  return existsSync(join(projectRoot, 'dist', 'main.js'));
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
  const entry = options.runtime === 'tsx' ? ['--import', 'tsx', 'src/main.ts'] : ['dist/main.js'];
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), ...profile, ...entry], {
    cwd: projectRoot,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let banner = '';
  const starting = new Promise<{ url: string; ocipPort: number }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the adapter did not start within ${START_TIMEOUT_MS} ms:\n${banner}`)), START_TIMEOUT_MS);
    const onData = (chunk: Buffer): void => {
      banner += chunk.toString();
      const url = /APIO adapter on (http:\/\/[^/\s]+)\/api\/v1\//.exec(banner);
      // The embedded simulator's port, or the BroadWorks named by OCIP_URL.
      const ocip = /(?:OCI-P on|BroadWorks:) tcp:\/\/[^:\s]+:(\d+)/.exec(banner);
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
  let started: { url: string; ocipPort: number };
  try {
    started = await starting;
  } catch (error) {
    child.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  // From here the JSON log lines are read and dropped: the pipe must not fill up and block the adapter.
  child.stdout!.removeAllListeners('data');
  if (options.onOutput) child.stdout!.on('data', options.onOutput);
  else child.stdout!.resume();

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
    cpuMs: () => processCpuMs(child.pid!),
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

/** utime + stime of a process from /proc/<pid>/stat (fields 14 and 15, in clock ticks of 10 ms). */
export async function processCpuMs(pid: number): Promise<number | undefined> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}
