// The standalone simulator's command line (`npm run simulator -- …`): `--seed FILE` starts from
// another seed (SIMULATOR_SEED does the same through the settings), and `--export-seed FILE`
// writes the world the simulator would serve — the stored one, else the seed's — as a seed file,
// then exits. A seed that is not valid stops the start with every wrong entry named.
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { seedFromWorld } from './seed-export.js';
import type { SeedWorld } from './seed.js';
import { SeedValidationError } from './seed-validation.js';
import type { World } from './world/world.js';

export interface SimulatorArgs {
  /** Absolute. */
  seed?: string;
  /** Absolute. */
  exportSeed?: string;
}

export function parseSimulatorArgs(argv: readonly string[], cwd: string): SimulatorArgs {
  const { values } = parseArgs({ args: [...argv], options: { seed: { type: 'string' }, 'export-seed': { type: 'string' } }, strict: true });
  return {
    ...(values.seed !== undefined && { seed: resolve(cwd, values.seed) }),
    ...(values['export-seed'] !== undefined && { exportSeed: resolve(cwd, values['export-seed']) }),
  };
}

/** Writes the world as a seed; returns the notes of what it could not carry. */
export async function exportSeed(world: World, seed: SeedWorld, file: string): Promise<string[]> {
  const { seed: exported, notes } = seedFromWorld(world.snapshot(), seed.systemAdmins ?? []);
  await writeFile(file, `${JSON.stringify(exported, null, 2)}\n`);
  return notes;
}

/** A seed error as the operator needs it (the entries), without a stack; anything else is rethrown. */
export function seedErrorMessage(error: unknown): string {
  if (error instanceof SeedValidationError) return error.message;
  throw error;
}
