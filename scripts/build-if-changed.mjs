// `npm start` runs this before `node dist/main.js`: it compiles src/ into dist/ only when the
// sources changed since the last build, so a start on an already-built tree pays for no tsc run.
// "Changed" is a hash of the content of every file under src/ (mtimes lie after a checkout or a
// copy), the tsconfig files and package-lock.json (the compiler's version), kept in dist/.build-stamp
// and written only after tsc succeeded. Prints one line to stderr saying which it did.
// Usage: node scripts/build-if-changed.mjs [--root <project dir>]   (default: this project)
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
/** The compiler of this project, whichever tree is being built. */
const TSC = join(here, '..', 'node_modules', 'typescript', 'bin', 'tsc');
const INPUT_FILES = ['tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];
const STAMP = '.build-stamp';

function filesUnder(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]))
    .sort();
}

/** One hash over every input's path and content. */
export function sourceHash(root) {
  const hash = createHash('sha256');
  for (const file of [...filesUnder(join(root, 'src')), ...INPUT_FILES.map((name) => join(root, name))]) {
    if (!existsSync(file)) continue;
    hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

/** 'up-to-date' without running tsc, 'built' after a successful tsc, 'failed' otherwise. */
export function buildIfChanged(root) {
  const dist = join(root, 'dist');
  const stampFile = join(dist, STAMP);
  const hash = sourceHash(root);
  const stamp = existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : '';
  if (stamp === hash && existsSync(join(dist, 'main.js'))) return 'up-to-date';
  const result = spawnSync(process.execPath, [TSC, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) return 'failed';
  writeFileSync(stampFile, `${hash}\n`);
  return 'built';
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--root');
  const root = resolve(at === -1 ? join(here, '..') : process.argv[at + 1] ?? '.');
  const started = performance.now();
  const outcome = buildIfChanged(root);
  const ms = Math.round(performance.now() - started);
  const says = { 'up-to-date': 'dist/ is up to date with src/, no build', built: 'src/ changed: compiled with tsc', failed: 'tsc failed' };
  console.error(`build: ${says[outcome]} (${ms} ms)`);
  if (outcome === 'failed') process.exit(1);
}
