// The seed world: OCI-P commands applied in order, as a system administrator, on the first start
// (when the store holds no world). Each command goes through the codec and the same handlers as a
// request on the wire, so the seed obeys the schema and every world rule. The file's format is
// checked first, whole (seed-validation.ts; docs/simulator-seed.md, config/seed-world.schema.json).
import { readFile } from 'node:fs/promises';
import { commandCatalogue, decodeDocument, encodeDocument, ErrorResponse } from '../ocip/codec/index.js';
import type { ErrorResponseValue } from '../ocip/codec/index.js';
import { OcipEncodeError, OcipErrorResponseError } from '../ocip/errors.js';
import type { Dispatcher } from './dispatcher.js';
import { SeedValidationError, validateSeed } from './seed-validation.js';
import type { SystemAdmin } from './session-auth.js';

export interface SeedCommand {
  /** A request type, e.g. `ServiceProviderAddRequest13mp2`. */
  type: string;
  /** Its value as the codec types it (a DepartmentKey carries `$type`). */
  value: Record<string, unknown>;
}

export interface SeedWorld {
  /** Logins of loginType System; configuration, not world state, so they apply on every start. */
  systemAdmins?: SystemAdmin[];
  commands: SeedCommand[];
}

/** config/seed-world.json, the same relative path from src/simulator and dist/simulator. */
export const DEFAULT_SEED_WORLD_URL = new URL('../../config/seed-world.json', import.meta.url);

const SEED_SESSION_ID = 'seed';

/** Throws the first refusal (OcipEncodeError for a schema break, OcipErrorResponseError for a rule). */
export function applySeed(dispatcher: Dispatcher, seed: SeedWorld): void {
  seed.commands.forEach((command, index) => {
    const spec = commandCatalogue.get(command.type);
    if (!spec || spec.role !== 'request') throw new OcipEncodeError(`unknown request type '${command.type}'`, `seed.commands[${index}]`);
    const text = encodeDocument({ sessionId: SEED_SESSION_ID, commands: [{ spec, value: command.value }] });
    const decoded = decodeDocument(text, { strict: true }).commands[0]!;
    const response = dispatcher.runAsSystem(decoded);
    if (response.spec === ErrorResponse) {
      throw new OcipErrorResponseError(`seed.commands[${index}] ${command.type}`, response.value as ErrorResponseValue);
    }
  });
}

/** Reads a seed file and checks it whole (SeedValidationError lists every entry that is wrong). */
export async function readSeedWorld(file: string | URL = DEFAULT_SEED_WORLD_URL): Promise<SeedWorld> {
  const source = file instanceof URL ? decodeURIComponent(file.pathname) : file;
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8')) as unknown;
  } catch (error) {
    throw new SeedValidationError(source, [(error as Error).message]);
  }
  const seed = validateSeed(parsed, source);
  return { ...(seed.systemAdmins && { systemAdmins: seed.systemAdmins }), commands: seed.commands.map(({ type, value }) => ({ type, value })) };
}
