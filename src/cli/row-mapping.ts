// --map and --drop: how a row of one group becomes a row of another. Service user ids, aliases and
// DNs are unique system-wide in BroadWorks, so an export imported next to its source must rename
// them. A map file is a CSV `kind,from,to` (kind: id, number, domain, department); `from` may hold
// one `*`, which matches any text and is carried into the `*` of `to`. The rewrite runs on the
// APIO body before validation, so a dry run and the journal see the rewritten row.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { CliError, CliErrorCodes } from './errors.js';

export const MAP_KINDS = ['id', 'number', 'domain', 'department'] as const;
export type MapKind = (typeof MAP_KINDS)[number];

/** Fields --drop may leave out: none that a create needs. */
export const DROPPABLE_FIELDS = {
  phoneNumber: 'profile',
  extension: 'profile',
  aliases: 'profile',
  publicUserIdentity: 'profile',
  callingLineIdPhoneNumber: 'profile',
  department: 'profile',
  hiraganaFirstName: 'profile',
  hiraganaLastName: 'profile',
  language: 'profile',
  timeZone: 'profile',
  destinationPhoneNumbers: 'top',
  networkClassOfService: 'top',
  answerTimeoutMinutes: 'top',
  active: 'top',
} as const;
export type DroppableField = keyof typeof DROPPABLE_FIELDS;

interface Rule {
  prefix: string;
  suffix: string;
  wildcard: boolean;
  to: string;
}

export interface RowMapping {
  map: (kind: MapKind, value: string) => string;
  drop: readonly DroppableField[];
}

export function readMapFile(path: string): Map<MapKind, Rule[]> {
  let content: string;
  try {
    content = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CliError(CliErrorCodes.FILE, `cannot read the map ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return parseMap(content, path);
}

export function parseMap(content: string, name = 'the map'): Map<MapKind, Rule[]> {
  let records: string[][];
  try {
    records = parse(content, { bom: true, skip_empty_lines: true, trim: true, comment: '#' }) as string[][];
  } catch (error) {
    throw new CliError(CliErrorCodes.FILE, `${name} cannot be read as CSV: ${(error as Error).message}`);
  }
  const rules = new Map<MapKind, Rule[]>(MAP_KINDS.map((kind) => [kind, []]));
  records.forEach((record, index) => {
    if (index === 0 && record.join(',').toLowerCase() === 'kind,from,to') return;
    const where = `${name}, row ${index + 1}`;
    if (record.length !== 3) throw new CliError(CliErrorCodes.FILE, `${where}: expected kind,from,to (${record.length} cells)`);
    const [kind, from, to] = record as [string, string, string];
    if (!(MAP_KINDS as readonly string[]).includes(kind)) throw new CliError(CliErrorCodes.FILE, `${where}: kind '${kind}' is not one of ${MAP_KINDS.join(', ')}`);
    if (from === '' || to === '') throw new CliError(CliErrorCodes.FILE, `${where}: from and to must not be empty`);
    const stars = from.split('*').length - 1;
    if (stars > 1 || to.split('*').length - 1 > stars) throw new CliError(CliErrorCodes.FILE, `${where}: at most one '*' in from, and in to only when from has one`);
    const key = kind === 'number' ? numberKey(from) : kind === 'department' ? from : from.toLowerCase();
    const [prefix, suffix = ''] = key.split('*') as [string, string?];
    rules.get(kind as MapKind)!.push({ prefix, suffix, wildcard: stars === 1, to });
  });
  return rules;
}

/** The first rule that matches wins; a value no rule matches is kept as it is. */
export function createRowMapping(rules: Map<MapKind, Rule[]>, drop: readonly DroppableField[]): RowMapping {
  const map = (kind: MapKind, value: string): string => {
    const key = kind === 'number' ? numberKey(value) : kind === 'department' ? value : value.toLowerCase();
    for (const rule of rules.get(kind) ?? []) {
      if (!rule.wildcard) {
        if (key === rule.prefix) return rule.to;
        continue;
      }
      if (key.length >= rule.prefix.length + rule.suffix.length && key.startsWith(rule.prefix) && key.endsWith(rule.suffix)) {
        // The matched text keeps its case (ids and domains match case-insensitively).
        const source = key.length === value.length ? value : key;
        return rule.to.replace('*', source.slice(rule.prefix.length, key.length - rule.suffix.length));
      }
    }
    return value;
  };
  return { map, drop };
}

export function parseDrop(list: string): DroppableField[] {
  const fields = list.split(',').map((field) => field.trim()).filter((field) => field !== '');
  const unknown = fields.filter((field) => !(field in DROPPABLE_FIELDS));
  if (unknown.length > 0) {
    throw new CliError(CliErrorCodes.USAGE, `--drop: ${unknown.join(', ')} cannot be dropped; the fields are ${Object.keys(DROPPABLE_FIELDS).join(', ')}`);
  }
  return fields as DroppableField[];
}

/** A new body with the map and drop applied (the given one is left as it is). */
export function rewriteBody(body: Record<string, unknown>, mapping: RowMapping): Record<string, unknown> {
  const out: Record<string, unknown> = structuredClone(body);
  const profile = (typeof out.serviceInstanceProfile === 'object' && out.serviceInstanceProfile !== null ? out.serviceInstanceProfile : {}) as Record<string, unknown>;
  for (const field of mapping.drop) {
    if (DROPPABLE_FIELDS[field] === 'profile') delete profile[field];
    else delete out[field];
  }
  const address = (value: unknown) => (typeof value === 'string' ? mapAddress(value, mapping) : value);
  const number = (value: unknown) => (typeof value === 'string' ? mapping.map('number', value) : value);
  if (out.serviceUserId !== undefined) out.serviceUserId = address(out.serviceUserId);
  if (Array.isArray(profile.aliases)) profile.aliases = profile.aliases.map(address);
  if (profile.publicUserIdentity !== undefined) profile.publicUserIdentity = address(profile.publicUserIdentity);
  for (const field of ['phoneNumber', 'extension', 'callingLineIdPhoneNumber'] as const) {
    if (profile[field] !== undefined) profile[field] = number(profile[field]);
  }
  const department = profile.department as Record<string, unknown> | undefined;
  if (department && typeof department.departmentName === 'string') {
    profile.department = { ...department, departmentName: mapping.map('department', department.departmentName) };
  }
  // A destination is a number or a SIP URI (OutgoingDNorSIPURI): each is mapped as what it is.
  if (Array.isArray(out.destinationPhoneNumbers)) {
    out.destinationPhoneNumbers = out.destinationPhoneNumbers.map((value: unknown) =>
      typeof value === 'string' && value.includes('@') ? address(value) : number(value),
    );
  }
  return out;
}

/** An id-like address (user@domain): an `id` rule for the whole, else a `domain` rule for its domain. */
function mapAddress(value: string, mapping: RowMapping): string {
  const whole = mapping.map('id', value);
  if (whole !== value) return whole;
  const at = value.lastIndexOf('@');
  if (at < 0) return value;
  const domain = value.slice(at + 1);
  const mapped = mapping.map('domain', domain);
  return mapped === domain ? value : `${value.slice(0, at + 1)}${mapped}`;
}

/** Numbers are compared without the spaces, dots, dashes and brackets people write them with. */
function numberKey(value: string): string {
  return value.replace(/[\s.\-()]/g, '');
}
