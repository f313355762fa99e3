// Test support for the bulk CLI: the adapter's app on a real 127.0.0.1 socket (optionally holding
// some answers back, to cut an import off at a known point), and `apio-igc` run as a user runs it —
// its own node process with a clean environment. The process runs the TypeScript source through
// tsx (a dist/ left from an older build must not stand in for the code under test); the bin and
// the built tree are driven by cli-installed.test.ts. Every wait is bounded.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Express } from 'express';
import { projectRoot } from '../../src/config/index.js';

/** The CLI's source entry and the tsx loader, by absolute URL: tests run the CLI from temp directories. */
const CLI_SOURCE = join(projectRoot, 'src', 'cli', 'main.ts');
const TSX_LOADER = pathToFileURL(join(projectRoot, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
export const CLI_COMMAND: readonly string[] = ['--import', TSX_LOADER, CLI_SOURCE];
const RUN_TIMEOUT_MS = 60_000;

/** Decides, per request, whether its answer waits for `release` (the request is fully handled first). */
export type HoldAnswer = (request: IncomingMessage) => boolean;

export interface ListeningAdapter {
  url: string;
  /** Answers held back so far. */
  held(): number;
  /** Resolves when `count` answers are held. */
  whenHeld(count: number, timeoutMs?: number): Promise<void>;
  /** Sends every held answer (to whoever still listens) and holds no more. */
  release(): void;
  close(): Promise<void>;
  /** The gateway dies: held answers are never sent, open connections are cut, new ones refused. */
  kill(): Promise<void>;
}

export async function listen(app: Express, hold?: HoldAnswer): Promise<ListeningAdapter> {
  const heldAnswers: Array<() => void> = [];
  const waiters: Array<{ count: number; done: () => void }> = [];
  let holding = hold !== undefined;
  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    if (holding && hold!(request)) {
      // The app does all its work (OCI-P included); only the bytes of the answer wait.
      const end = response.end.bind(response) as (...args: unknown[]) => ServerResponse;
      (response as { end: unknown }).end = (...args: unknown[]) => {
        heldAnswers.push(() => end(...args));
        for (const waiter of waiters.filter((w) => heldAnswers.length >= w.count)) waiter.done();
        return response;
      };
    }
    app(request, response);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    held: () => heldAnswers.length,
    whenHeld: (count, timeoutMs = 20_000) =>
      new Promise((resolve, reject) => {
        if (heldAnswers.length >= count) return resolve();
        const timer = setTimeout(() => reject(new Error(`${count} held answers not reached in ${timeoutMs} ms (${heldAnswers.length})`)), timeoutMs);
        waiters.push({ count, done: () => (clearTimeout(timer), resolve()) });
      }),
    release: () => {
      holding = false;
      for (const send of heldAnswers.splice(0)) send();
    },
    kill: async () => {
      holding = false;
      heldAnswers.splice(0);
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    },
    close: async () => {
      if (!server.listening) return;
      holding = false;
      for (const send of heldAnswers.splice(0)) send();
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    },
  };
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface CliProcess {
  child: ChildProcess;
  stdout(): string;
  /** Resolves when its output (stdout and stderr) matches `count` times; rejects when it exits first or time runs out. */
  waitForLines(pattern: RegExp, count: number, timeoutMs?: number): Promise<void>;
  done: Promise<CliRun>;
}

/** The environment of a user who set only what the CLI reads (nothing of the test runner's leaks in). */
export function cliEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, ...(process.env.TMPDIR && { TMPDIR: process.env.TMPDIR }), ...extra };
}

export function startCli(args: string[], env: NodeJS.ProcessEnv, cwd = projectRoot): CliProcess {
  const child = spawn(process.execPath, [...CLI_COMMAND, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), RUN_TIMEOUT_MS);
  const done = new Promise<CliRun>((resolve) => {
    child.once('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
  return {
    child,
    stdout: () => stdout,
    done,
    waitForLines: (pattern, count, timeoutMs = 20_000) =>
      new Promise((resolve, reject) => {
        const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
        const check = (): boolean => ((stdout + stderr).match(global)?.length ?? 0) >= count;
        if (check()) return resolve();
        const timer = setTimeout(() => finish(new Error(`no ${count}× ${pattern} in ${timeoutMs} ms; stdout:\n${stdout}\nstderr:\n${stderr}`)), timeoutMs);
        const onData = (): void => {
          if (check()) finish();
        };
        const onClose = (): void => finish(check() ? undefined : new Error(`the CLI exited before ${count}× ${pattern}; stdout:\n${stdout}\nstderr:\n${stderr}`));
        function finish(error?: Error): void {
          clearTimeout(timer);
          child.stdout!.off('data', onData);
          child.stderr!.off('data', onData);
          child.off('close', onClose);
          if (error) reject(error);
          else resolve();
        }
        child.stdout!.on('data', onData);
        child.stderr!.on('data', onData);
        child.once('close', onClose);
      }),
  };
}

export function runCli(args: string[], env: NodeJS.ProcessEnv, cwd?: string): Promise<CliRun> {
  return startCli(args, env, cwd).done;
}
