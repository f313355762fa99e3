// The cross-group example of docs/migrations.md, run as written: the lines between the
// rehearsal-example markers are read from the document — the start line's variables become the
// adapter's environment (ports, data and logs made test-safe), the `export` line the CLI's, and each
// `npx apio-igc` line runs the CLI with exactly its arguments.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_MAX_CONNECTION_FAILURES } from '../../src/cli/import-command.js';
import { loadConfig, projectRoot } from '../../src/config/index.js';
import { startServer } from '../../src/server.js';
import { cliEnv, runCli } from '../support/cli-runner.js';

interface Example {
  startEnv: Record<string, string>;
  cliEnv: Record<string, string>;
  commands: string[][];
}

async function readExample(): Promise<Example> {
  const text = await readFile(join(projectRoot, 'docs', 'migrations.md'), 'utf8');
  const block = /<!-- rehearsal-example:start -->([\s\S]*?)<!-- rehearsal-example:end -->/.exec(text)?.[1];
  assert.ok(block, 'docs/migrations.md has the rehearsal example');
  const lines = block.split('\n').map((line) => line.trim());
  const assignments = (words: string[]) => Object.fromEntries(words.filter((word) => word.includes('=')).map((word) => word.split('=', 2) as [string, string]));
  const start = lines.find((line) => line.endsWith('npm start'));
  const exported = lines.find((line) => line.startsWith('export '));
  assert.ok(start && exported, block);
  return {
    startEnv: assignments(start.split(/\s+/)),
    cliEnv: assignments(exported.split(/\s+/).slice(1)),
    commands: lines.filter((line) => line.startsWith('npx apio-igc ')).map((line) => line.split(/\s+/).slice(2)),
  };
}

describe('docs/migrations.md: the cross-group rehearsal example', () => {
  let dir: string;
  let adapter: Awaited<ReturnType<typeof startServer>>;
  let example: Example;

  before(async () => {
    example = await readExample();
    dir = await mkdtemp(join(tmpdir(), 'apio-rehearsal-'));
    // The example runs from the project root; a copy of what it reads keeps the test's files apart.
    await cp(join(projectRoot, 'docs', 'examples'), join(dir, 'docs', 'examples'), { recursive: true });
    assert.equal(example.startEnv.DATA_DIR, '.tmp/rehearsal');
    const config = loadConfig({
      env: { ...example.startEnv, DATA_DIR: join(dir, 'data') },
      overrides: { server: { host: '127.0.0.1', port: 0 }, simulator: { port: 0, httpPort: 0 }, logLevel: 'silent' },
    });
    adapter = await startServer(config);
  });

  after(async () => {
    await adapter?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('the document states the stop threshold the import uses', async () => {
    const text = await readFile(join(projectRoot, 'docs', 'migrations.md'), 'utf8');
    assert.match(text, new RegExp(`After \\*\\*${DEFAULT_MAX_CONNECTION_FAILURES} connection failures in a row\\*\\*`));
  });

  test('every command of the example succeeds, and the target group ends up as the example says', async () => {
    assert.equal(example.cliEnv.APIO_URL, 'http://127.0.0.1:8080');
    const env = cliEnv({ ...example.cliEnv, APIO_URL: adapter.url });
    assert.equal(example.commands.length, 4);
    const results = [];
    for (const args of example.commands) {
      const result = await runCli(args, env, dir);
      assert.equal(result.status, 0, `apio-igc ${args.join(' ')}\n${result.stdout}\n${result.stderr}`);
      results.push(result);
    }
    assert.match(results[1]!.stdout, /would create 3, .* not sent 0\n {2}rewritten by --map\/--drop: 3 rows/);
    assert.match(results[2]!.stdout, /created 3, .* failed 0, in doubt 0, not sent 0/);
    const rows = results[3]!.stdout.trimEnd().split('\n');
    assert.equal(rows.length, 4, results[3]!.stdout);
    const byId = new Map(rows.slice(1).map((row) => [row.split(',')[0], row]));
    assert.match(byId.get('igc-sales@sip.target.example') ?? '', /,\+3222220000,2000,.*,Sales,,sales@sip\.target\.example,true,5,\+3222220001\|\+3222220002,,true$/);
    assert.match(byId.get('igc-support@sip.target.example') ?? '', /,\+3222220003,2003,.*\+3222220004\|support-desk@example\.com,,true$/);
    assert.match(byId.get('igc-night@sip.target.example') ?? '', /,false$/, 'inactive, as in the source');
  });
});
