#!/usr/bin/env node
// The `apio-igc` command (package.json "bin"): runs the TypeScript CLI (src/cli/main.ts) through tsx
// in this process, so it works on a fresh clone right after `npm ci`, with no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
