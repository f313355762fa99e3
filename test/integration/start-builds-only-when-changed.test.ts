// `npm start` compiles only when the sources changed (scripts/build-if-changed.mjs). Driven on a
// small project of its own in a temporary directory, with this project's tsc: the first start
// builds, a second finds nothing to do and leaves dist/ untouched, and a changed source, a changed
// tsconfig or a missing dist/main.js build again. No timing is asserted (the start-up time is a
// bench figure, bench/start-time.ts); only whether tsc ran.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../src/config/index.js';

const SCRIPT = join(projectRoot, 'scripts', 'build-if-changed.mjs');
let root: string;

/** Runs the script on the temporary project; its one line on stderr says what it did. */
function start(): { status: number | null; said: string } {
  const result = spawnSync(process.execPath, [SCRIPT, '--root', root], { encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, said: result.stderr };
}

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'apio-build-stamp-'));
  await mkdir(join(root, 'src'));
  await writeFile(join(root, 'tsconfig.json'), JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', strict: true, types: [] } }));
  await writeFile(
    join(root, 'tsconfig.build.json'),
    JSON.stringify({ extends: './tsconfig.json', compilerOptions: { rootDir: 'src', outDir: 'dist' }, include: ['src'] }),
  );
  await writeFile(join(root, 'src', 'main.ts'), 'export const answer: number = 1;\n');
});

after(() => rm(root, { recursive: true, force: true }));

test('the first start compiles; the next, with nothing changed, runs no build and leaves dist/ as it was', async () => {
  const first = start();
  assert.equal(first.status, 0, first.said);
  assert.match(first.said, /compiled with tsc/);
  assert.match(await readFile(join(root, 'dist', 'main.js'), 'utf8'), /answer = 1/);
  const built = (await stat(join(root, 'dist', 'main.js'))).mtimeMs;

  const second = start();
  assert.equal(second.status, 0, second.said);
  assert.match(second.said, /up to date with src\/, no build/);
  assert.equal((await stat(join(root, 'dist', 'main.js'))).mtimeMs, built);
});

test('a changed source builds again, and only once', async () => {
  await writeFile(join(root, 'src', 'main.ts'), 'export const answer: number = 2;\n');
  assert.match(start().said, /compiled with tsc/);
  assert.match(await readFile(join(root, 'dist', 'main.js'), 'utf8'), /answer = 2/);
  assert.match(start().said, /no build/);
});

test('a new source file or a changed tsconfig builds again', async () => {
  await writeFile(join(root, 'src', 'extra.ts'), 'export const extra = true;\n');
  assert.match(start().said, /compiled with tsc/);
  await writeFile(join(root, 'tsconfig.json'), JSON.stringify({ compilerOptions: { target: 'ES2023', module: 'NodeNext', strict: true, types: [] } }));
  assert.match(start().said, /compiled with tsc/);
  assert.match(start().said, /no build/);
});

test('a missing dist/main.js builds again', async () => {
  await unlink(join(root, 'dist', 'main.js'));
  assert.match(start().said, /compiled with tsc/);
  await stat(join(root, 'dist', 'main.js'));
});

test('a failed compile writes no stamp: the next start tries again', async () => {
  await writeFile(join(root, 'src', 'main.ts'), 'export const answer: number = "not a number";\n');
  const failed = start();
  assert.notEqual(failed.status, 0);
  assert.match(failed.said, /tsc failed/);
  assert.match(start().said, /tsc failed/);
});
