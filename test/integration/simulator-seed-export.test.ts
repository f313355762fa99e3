// A rehearsal world: the standalone simulator started from a chosen seed (`--seed`) writes its world
// as a seed (`--export-seed`); a simulator seeded with that file holds the same world. Run as an
// operator runs it (src/simulator/main.ts in its own process, settings from the environment).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot } from '../../src/config/index.js';
import { readSeedWorld, startSimulator } from '../../src/simulator/index.js';
import type { WorldSnapshot } from '../../src/simulator/world/types.js';
import { cliEnv } from '../support/cli-runner.js';

const EXAMPLE = join(projectRoot, 'docs', 'examples', 'seed-two-tenants.json');
const TSX_LOADER = join(projectRoot, 'node_modules', 'tsx', 'dist', 'loader.mjs');

function runSimulator(args: string[], env: NodeJS.ProcessEnv): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', pathToFileURL(TSX_LOADER).href, join(projectRoot, 'src', 'simulator', 'main.ts'), ...args], { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.once('close', (status) => {
      clearTimeout(timer);
      resolve({ status, output });
    });
  });
}

/** Passwords are kept as hashes only, so an export cannot carry them: compared without. */
function withoutPasswords(snapshot: WorldSnapshot): WorldSnapshot {
  return { ...snapshot, admins: snapshot.admins.map(({ passwordSha1: _hash, ...admin }) => admin) };
}

describe('simulator --seed and --export-seed', () => {
  test('the example seed exported and seeded again gives the same world', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'apio-seed-export-'));
    try {
      const file = join(dir, 'exported.json');
      const env = cliEnv({ DATA_DIR: join(dir, 'data'), LOG_LEVEL: 'silent' });
      const result = await runSimulator(['--seed', EXAMPLE, '--export-seed', file], env);
      assert.equal(result.status, 0, result.output);
      assert.match(result.output, /note: administrators exported without their password/);

      const exported = await readSeedWorld(file);
      const original = await startSimulator({ seed: await readSeedWorld(EXAMPLE) });
      const copy = await startSimulator({ seed: exported });
      try {
        assert.equal(copy.world.snapshot().instantGroupCalls.length, 3);
        assert.equal(copy.world.instantGroupCalls.get('igc-night@sip.netaxis.be')?.isActive, false);
        assert.deepEqual(withoutPasswords(copy.world.snapshot()), withoutPasswords(original.world.snapshot()));
      } finally {
        await Promise.all([original.close(), copy.close()]);
      }
      assert.deepEqual(JSON.parse(await readFile(file, 'utf8')).systemAdmins, [{ userId: 'admin', password: 'admin' }]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('SIMULATOR_SEED names the seed; a wrong one stops the start with the entry named', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'apio-seed-bad-'));
    try {
      await writeFile(join(dir, 'bad.json'), JSON.stringify({ commands: [{ type: 'SystemDomainAddRequest', value: { domain: 'a.example' } }, { type: 'GroupAddRequest', value: {} }] }));
      const result = await runSimulator(['--export-seed', join(dir, 'never.json')], cliEnv({ DATA_DIR: join(dir, 'data'), SIMULATOR_SEED: join(dir, 'bad.json') }));
      assert.equal(result.status, 1, result.output);
      assert.match(result.output, /bad\.json: the seed is not valid:\n {2}commands\[1\] GroupAddRequest: /);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
