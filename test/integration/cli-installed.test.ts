// `apio-igc` as installed for production: the project built (`npm run build`, here into a temp copy
// so the worktree's dist/ is left alone), the copy installed with `npm ci --omit=dev` (offline, from
// the npm cache), and the package's bin run from it — no tsx, no TypeScript — against a started adapter.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cp, mkdtemp, rm, stat, symlink, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../src/config/index.js';
import { GROUP, igcUrl, minimalBody, startAdapter, TENANT } from '../support/adapter-harness.js';
import type { AdapterHarness } from '../support/adapter-harness.js';
import { cliEnv, listen } from '../support/cli-runner.js';
import type { ListeningAdapter } from '../support/cli-runner.js';

const STEP_TIMEOUT_MS = 180_000;

/** Runs a command to its end (bounded), with its output for the assertion messages. */
function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ status: number | null; output: string; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => ((stdout += chunk), (output += chunk)));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), STEP_TIMEOUT_MS);
    child.once('close', (status) => {
      clearTimeout(timer);
      resolve({ status, output, stdout });
    });
  });
}

describe('apio-igc from a tree installed with --omit=dev after a build', () => {
  let dir: string;
  let adapter: AdapterHarness;
  let http: ListeningAdapter;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'apio-cli-installed-'));
    adapter = await startAdapter();
    http = await listen(adapter.app);
  });

  after(async () => {
    await http?.close();
    await adapter?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('build, npm ci --omit=dev, then the bin exports a group through the adapter', { timeout: 3 * STEP_TIMEOUT_MS }, async () => {
    const tree = join(dir, 'package');
    for (const entry of ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'src', 'bin', 'config']) {
      await cp(join(projectRoot, entry), join(tree, entry), { recursive: true });
    }
    const env = { ...cliEnv({}), npm_config_cache: join(process.env.HOME ?? '', '.npm'), npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };
    // The build borrows the dev tree's node_modules (compiler and types); what ships is dist/.
    await symlink(join(projectRoot, 'node_modules'), join(tree, 'node_modules'), 'dir');
    const build = await run(process.execPath, [join(projectRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], tree, env);
    await unlink(join(tree, 'node_modules'));
    assert.equal(build.status, 0, build.output);
    await rm(join(tree, 'src'), { recursive: true });
    // --ignore-scripts: the CLI loads no native module, and building better-sqlite3 (the adapter's
    // store) from source here would take minutes; the adapter's own install builds it.
    const install = await run('npm', ['ci', '--omit=dev', '--offline', '--no-audit', '--ignore-scripts'], tree, env);
    assert.equal(install.status, 0, install.output);
    await assert.rejects(stat(join(tree, 'node_modules', 'tsx')), { code: 'ENOENT' }, 'no dev dependency installed');
    await assert.rejects(stat(join(tree, 'node_modules', 'typescript')), { code: 'ENOENT' });

    await adapter.request.post(igcUrl()).send(minimalBody('installed@sip.netaxis.be')).expect(200);
    const bin = join(tree, 'bin', 'apio-igc.mjs');
    const help = await run(process.execPath, [bin, '--help'], dir, env);
    assert.equal(help.status, 0, help.output);
    assert.match(help.stdout, /\bimport\b/);
    const exported = await run(process.execPath, [bin, 'export', '--tenant', TENANT, '--group', GROUP], dir, { ...env, APIO_URL: http.url, APIO_USERNAME: 'admin', APIO_PASSWORD: 'admin' });
    assert.equal(exported.status, 0, exported.output);
    assert.match(exported.stdout, /^serviceUserId,name,/);
    assert.match(exported.stdout, /\ninstalled@sip\.netaxis\.be,Minimal,Min,Imal,/);
  });
});
