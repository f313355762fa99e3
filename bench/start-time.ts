// How long `npm start` takes on an already-built tree to answer GET /healthz: the build script
// (scripts/build-if-changed.mjs) runs first and must find nothing to compile. Ports 0, a temporary
// data directory and a clean environment; `npm start` runs in a process group of its own, stopped
// as a whole.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout } from 'node:timers/promises';
import { projectRoot } from '../src/config/index.js';
import { spawnUntil } from './spawn-process.js';

export interface StartFigure {
  /** From spawning `npm start` to the first 200 of /healthz. */
  ms: number;
  /** What the build script said: "no build" is expected. */
  build: string;
}

export async function measureStart(): Promise<StartFigure> {
  // Brings dist/ up to date first, so the measured start is one on a built tree.
  const prepared = spawnSync(process.execPath, ['scripts/build-if-changed.mjs'], { cwd: projectRoot, encoding: 'utf8', timeout: 120_000 });
  if (prepared.status !== 0) throw new Error(`the build failed:\n${prepared.stdout}${prepared.stderr}`);
  const dataDir = await mkdtemp(join(tmpdir(), 'apio-start-'));
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, HOST: '127.0.0.1', PORT: '0', SIMULATOR_PORT: '0', SIMULATOR_HTTP_PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  const started = performance.now();
  const npm = await spawnUntil('npm', ['start', '--silent'], /APIO adapter on (http:\/\/[^/\s]+)\//, { cwd: projectRoot, env, detached: true });
  try {
    const url = `${npm.match[1]}/healthz`;
    for (let attempt = 0; attempt < 200; attempt++) {
      const ok = await fetch(url, { signal: AbortSignal.timeout(2_000) }).then((response) => response.ok, () => false);
      if (ok) return { ms: Math.round(performance.now() - started), build: /build: ([^\n(]*)/.exec(npm.output)?.[1]?.trim() ?? 'no build line' };
      await setTimeout(10);
    }
    throw new Error(`${url} did not answer 200`);
  } finally {
    await npm.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
