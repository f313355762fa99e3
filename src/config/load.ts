// Loads the settings once: config/default.json, then the JSON file named by APIO_CONFIG (deep
// merged), then environment variables; validates; freezes. The only reader of process.env.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { environmentVariables } from './environment.js';
import { settingsSchema } from './schema.js';
import type { Settings } from './schema.js';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export interface Config extends Settings {
  /** Absolute path of the project root (config/, templates/ are resolved from it). */
  readonly rootDir: string;
  /** True when no OCIP_URL is set: the adapter starts the embedded simulator. */
  readonly embeddedSimulator: boolean;
}

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

type Json = Record<string, unknown>;

export interface LoadOptions {
  env?: NodeJS.ProcessEnv;
  /** Extra settings merged last, layer after layer (tests). */
  overrides?: Json | readonly Json[];
}

export function loadConfig(options: LoadOptions = {}): Readonly<Config> {
  const env = options.env ?? process.env;
  let merged = readJson(join(projectRoot, 'config', 'default.json'), 'config/default.json');
  if (env.APIO_CONFIG) merged = deepMerge(merged, readJson(resolve(env.APIO_CONFIG), `APIO_CONFIG (${env.APIO_CONFIG})`));
  for (const variable of environmentVariables) {
    const raw = env[variable.name];
    if (raw !== undefined) setPath(merged, variable.path, variable.parse(raw));
  }
  for (const layer of [options.overrides ?? []].flat()) merged = deepMerge(merged, layer);

  const result = settingsSchema.safeParse(merged);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${keyName(issue.path)}: ${issue.message}`);
    throw new ConfigError(`invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const settings = result.data;
  return deepFreeze({ ...settings, rootDir: projectRoot, embeddedSimulator: settings.ocip.url === null });
}

/** Names the setting and, where one exists, the environment variable that sets it. */
function keyName(path: readonly PropertyKey[]): string {
  const dotted = path.map(String).join('.');
  const variable = environmentVariables.find((v) => v.path.join('.') === dotted);
  return variable ? `${dotted} (${variable.name})` : dotted;
}

function readJson(path: string, label: string): Json {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`${label}: cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? error}`);
  }
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not a JSON object');
    return value as Json;
  } catch (error) {
    throw new ConfigError(`${label}: ${(error as Error).message}`);
  }
}

function deepMerge(base: Json, extra: Json): Json {
  const out: Json = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    const current = out[key];
    out[key] = isObject(current) && isObject(value) ? deepMerge(current, value) : value;
  }
  return out;
}

function setPath(target: Json, path: readonly string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    if (!isObject(node[key])) node[key] = {};
    node = node[key] as Json;
  }
  node[path[path.length - 1]!] = value;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function deepFreeze<T>(value: T): T {
  if (isObject(value)) for (const child of Object.values(value)) deepFreeze(child);
  return Object.freeze(value);
}
