#!/usr/bin/env node
// The `apio-igc` command (package.json "bin"): runs the built JavaScript (dist/cli/main.js, made by
// `npm run build`), so an install without dev dependencies works once built. On a checkout that was
// never built it runs the TypeScript source through tsx, a dev dependency, when that is installed.
import { existsSync } from 'node:fs';

const built = new URL('../dist/cli/main.js', import.meta.url);
if (existsSync(built)) {
  await import(built.href);
} else {
  let register;
  try {
    ({ register } = await import('tsx/esm/api'));
  } catch {
    process.stderr.write('apio-igc: not built: run `npm run build` first (dist/cli/main.js is missing, and tsx, a dev dependency, is not installed)\n');
    process.exit(2);
  }
  register();
  await import('../src/cli/main.ts');
}
