// Runs every test file under test/ (or the files named) with Node's own runner and tsx for
// TypeScript, one process per file, in turn: each file passes alone, whatever ran before it.
// A test that hangs fails after TEST_TIMEOUT_MS (node's --test-timeout, per test: a file run
// directly applies it to each test, where `node --test` would apply it to the whole file), and a
// file whose process does not end (an open handle after its tests) is killed after FILE_TIMEOUT_MS.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const TEST_TIMEOUT_MS = Number(process.env.TEST_TIMEOUT_MS ?? 120_000);
const FILE_TIMEOUT_MS = Number(process.env.FILE_TIMEOUT_MS ?? 900_000);

function findTests(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return findTests(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const only = process.argv.slice(2);
const files = only.length > 0 ? only : findTests('test').sort();
const failed = [];
for (const file of files) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--test-reporter=spec', `--test-timeout=${TEST_TIMEOUT_MS}`, file], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'test' },
    timeout: FILE_TIMEOUT_MS,
    killSignal: 'SIGKILL',
  });
  if (result.status !== 0) failed.push(result.error || result.signal ? `${file} (killed after ${FILE_TIMEOUT_MS} ms: did not end)` : file);
}
console.log(`\n${files.length - failed.length} of ${files.length} test files passed`);
for (const file of failed) console.log(`failed: ${file}`);
process.exit(failed.length === 0 ? 0 : 1);
