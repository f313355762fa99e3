// Where the CLI reads its environment and writes: the process in production, buffers in tests.
import type { Writable } from 'node:stream';

export interface CliIo {
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  /** Relative file names are resolved against it. */
  cwd: string;
  /** Set on the first SIGINT: stop starting rows, finish the ones in flight, report. */
  interrupted?: AbortSignal;
}

export function processIo(interrupted?: AbortSignal): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(), ...(interrupted && { interrupted }) };
}

export function writeLine(stream: Writable, text = ''): void {
  stream.write(`${text}\n`);
}
