// Test support for tests that run real processes: a free port, waiting for a line of output (bounded),
// a redis-server of the test's own on 127.0.0.1 (no persistence), and an adapter process (src/main.ts)
// with a clean environment. Every wait has a time limit; every process is stopped by its own pid.
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { projectRoot } from '../../src/config/index.js';

/** A port nobody listens on right now: listen on 0, read it, close. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

export interface RunningProcess {
  child: ChildProcess;
  /** Everything written to stdout and stderr so far. */
  output(): string;
  /** Resolves when the output matches; rejects when the process exits first or time runs out. */
  waitFor(pattern: RegExp, timeoutMs: number): Promise<void>;
  /** SIGTERM, then SIGKILL after graceMs; resolves when it has exited. */
  stop(graceMs?: number): Promise<void>;
}

export function run(command: string, args: string[], env: NodeJS.ProcessEnv): RunningProcess {
  const child = spawn(command, args, { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return {
    child,
    output: () => output,
    waitFor: (pattern, timeoutMs) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => finish(new Error(`no ${pattern} within ${timeoutMs} ms; output:\n${output}`)), timeoutMs);
        const check = (): void => {
          if (pattern.test(output)) finish();
        };
        const gone = (code: number | null): void => finish(new Error(`${command} exited (${code}) before ${pattern}; output:\n${output}`));
        function finish(error?: Error): void {
          clearTimeout(timer);
          child.stdout!.off('data', check);
          child.stderr!.off('data', check);
          child.off('exit', gone);
          if (error) reject(error);
          else resolve();
        }
        child.stdout!.on('data', check);
        child.stderr!.on('data', check);
        child.once('exit', gone);
        check();
      }),
    stop: async (graceMs = 10_000) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Why redis-server cannot be used here, or undefined when it can. */
export function redisServerMissing(): string | undefined {
  const probe = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) return 'redis-server is not installed (apt-get install -y redis-server; .ci/run installs it)';
  return undefined;
}

export interface RedisServer {
  url: string;
  stop(): Promise<void>;
}

/** A redis-server of this test's own: 127.0.0.1, a free port (or the one given: a restart), no RDB or AOF files. */
export async function startRedis(port?: number): Promise<RedisServer> {
  port ??= await freePort();
  const redis = run('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'], {
    PATH: process.env.PATH,
  });
  try {
    await redis.waitFor(/Ready to accept connections/, 10_000);
  } catch (error) {
    await redis.stop(1_000);
    throw error;
  }
  return { url: `redis://127.0.0.1:${port}`, stop: () => redis.stop(5_000) };
}

export interface AdapterProcess extends RunningProcess {
  baseUrl: string;
}

/** `node --import tsx src/main.ts` on a free port, with only the variables given (and PATH, HOME). */
export async function startAdapterProcess(variables: Record<string, string>, timeoutMs = 20_000): Promise<AdapterProcess> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ...(process.env.TMPDIR && { TMPDIR: process.env.TMPDIR }),
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'warn',
    ...variables,
  };
  const adapter = run(process.execPath, ['--import', 'tsx', 'src/main.ts'], env);
  try {
    await adapter.waitFor(/APIO adapter on http:\/\/127\.0\.0\.1:\d+\/api\/v1\//, timeoutMs);
  } catch (error) {
    await adapter.stop(1_000);
    throw error;
  }
  return { ...adapter, baseUrl: `http://127.0.0.1:${port}` };
}
