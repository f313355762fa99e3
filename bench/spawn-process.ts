// Starts a bench helper process (the hello world, `npm start`) and resolves once a line of its
// stdout matches; bounded in time. Stopped by its own pid (its process group when detached).
import { spawn } from 'node:child_process';
import type { ChildProcess, SpawnOptions } from 'node:child_process';
import { once } from 'node:events';

export interface HelperProcess {
  child: ChildProcess;
  match: RegExpExecArray;
  /** Its stdout and stderr up to the match. */
  output: string;
  stop(): Promise<void>;
}

export async function spawnUntil(command: string, args: string[], pattern: RegExp, options: SpawnOptions & { timeoutMs?: number } = {}): Promise<HelperProcess> {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
  let output = '';
  const match = await new Promise<RegExpExecArray>((resolve, reject) => {
    const timeoutMs = options.timeoutMs ?? 30_000;
    const timer = setTimeout(() => reject(new Error(`${command} ${args.join(' ')}: no ${pattern} within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const found = pattern.exec(output);
      if (!found) return;
      clearTimeout(timer);
      child.off('exit', onExit);
      resolve(found);
    };
    const onExit = (code: number | null): void => {
      clearTimeout(timer);
      reject(new Error(`${command} ${args.join(' ')} exited (${code}):\n${output}`));
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', onExit);
  });
  // Later output is read and dropped, so a full pipe never blocks the process.
  child.stdout!.removeAllListeners('data').resume();
  child.stderr!.removeAllListeners('data').resume();
  return {
    child,
    match,
    output,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      if (options.detached) process.kill(-child.pid!, 'SIGTERM');
      else child.kill('SIGTERM');
      const timer = setTimeout(() => (options.detached ? process.kill(-child.pid!, 'SIGKILL') : child.kill('SIGKILL')), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
