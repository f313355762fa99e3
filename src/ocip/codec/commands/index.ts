// Every command type the codec knows, and the catalogue the decoder looks types up in.
import type { CommandSpec } from '../schema.js';
import * as core from './core.js';
import * as login from './login.js';
import * as group from './group.js';
import * as igc from './instant-group-call.js';
import * as user from './user.js';
import * as provisioning from './provisioning.js';
import * as system from './system.js';

export * from './core.js';
export * from './login.js';
export * from './group.js';
export * from './instant-group-call.js';
export * from './user.js';
export * from './provisioning.js';
export * from './system.js';

const all = [core, login, group, igc, user, provisioning, system].flatMap((module) => Object.values(module)) as unknown[];

function isCommandSpec(value: unknown): value is CommandSpec {
  return typeof value === 'object' && value !== null && 'role' in value && 'fields' in value;
}

/** Command specs by xsi:type name (without namespace prefix). */
export const commandCatalogue: ReadonlyMap<string, CommandSpec> = new Map(
  all.filter(isCommandSpec).map((spec) => [spec.name, spec]),
);

/** Every request type the client can emit: the schema test validates one document of each. */
export const requestSpecs: readonly CommandSpec[] = [...commandCatalogue.values()].filter((s) => s.role === 'request');
