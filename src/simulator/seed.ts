// The seed world: OCI-P commands applied in order, as a system administrator, on the first start
// (when the store holds no world). Each command goes through the codec and the same handlers as a
// request on the wire, so the seed obeys the schema and every world rule.
import { readFile } from 'node:fs/promises';
import { commandCatalogue, decodeDocument, encodeDocument, ErrorResponse } from '../ocip/codec/index.js';
import type { ErrorResponseValue } from '../ocip/codec/index.js';
import { OcipEncodeError, OcipErrorResponseError } from '../ocip/errors.js';
import type { Dispatcher } from './dispatcher.js';
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

/** Reads and shape-checks a seed file. */
export async function readSeedWorld(file: string | URL = DEFAULT_SEED_WORLD_URL): Promise<SeedWorld> {
  const parsed = JSON.parse(await readFile(file, 'utf8')) as unknown;
  if (!isSeedWorld(parsed)) {
    throw new Error(`${String(file)}: expected { systemAdmins?: [{userId, password}], commands: [{type, value}] }`);
  }
  return parsed;
}

function isSeedWorld(value: unknown): value is SeedWorld {
  if (typeof value !== 'object' || value === null) return false;
  const seed = value as Record<string, unknown>;
  const admins = seed.systemAdmins ?? [];
  return (
    Array.isArray(seed.commands) &&
    seed.commands.every((c) => typeof c?.type === 'string' && typeof c?.value === 'object' && c.value !== null) &&
    Array.isArray(admins) &&
    admins.every((a) => typeof a?.userId === 'string' && typeof a?.password === 'string')
  );
}
