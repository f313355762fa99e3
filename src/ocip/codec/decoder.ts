// Decodes a BroadsoftDocument into typed values, walking each command's schema type: elements
// must come in sequence order, required ones must be there, lists become arrays, nil becomes
// null, tables become rows keyed by heading. A command that breaks its type is returned with the
// problem (the simulator answers it with error 6004) instead of failing the whole document.
// Strict mode (the simulator) also checks facets; the client trusts the server's values, and
// skips an element its type does not know (a newer release may add one to a known response),
// listing it in `ignored`. Text is typed as the schema types it: xs:string as sent, xs:token
// collapsed, numbers and booleans trimmed. The XSI namespace may be bound to any prefix.
import { OcipProtocolError } from '../errors.js';
import { commandCatalogue } from './commands/index.js';
import { choiceProblem } from './choices.js';
import { collapseWhitespace, facetProblem } from './facets.js';
import type { CommandSpec, Fields, OciTable, SimpleType, TypeSpec } from './schema.js';
import { MAX_COMMANDS_PER_DOCUMENT } from './encoder.js';
import { readXml } from './xml-reader.js';
import type { XmlElement } from './xml-reader.js';

export interface DecodedCommandOk {
  type: string;
  echo: string | undefined;
  spec: CommandSpec;
  value: Record<string, unknown>;
  problem?: undefined;
  /** Paths of elements skipped as unknown to the type (tolerant mode only); absent when none. */
  ignored?: string[];
}

export interface DecodedCommandInvalid {
  type: string;
  echo: string | undefined;
  spec: CommandSpec | undefined;
  value?: undefined;
  /** What is wrong, worded like a schema validator (path and reason). */
  problem: string;
  ignored?: undefined;
}

export type DecodedCommand = DecodedCommandOk | DecodedCommandInvalid;

export interface DecodedDocument {
  protocol: string;
  sessionId: string;
  trackingId: string | undefined;
  commands: DecodedCommand[];
}

export interface DecodeOptions {
  /** Check facets (lengths, ranges, enumerations) and nillability, as a validating server does. */
  strict?: boolean;
}

type Node = XmlElement;

class Problem extends Error {}

const XSI_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';

/** The qualified names of xsi:type and xsi:nil under the prefix a document binds the XSI namespace to. */
interface Xsi {
  type: string;
  nil: string;
}

const DEFAULT_XSI: Xsi = { type: 'xsi:type', nil: 'xsi:nil' };

/** `inherited`, unless these attributes bind the XSI namespace to a prefix of their own. */
function xsiOf(attributes: Record<string, string>, inherited: Xsi): Xsi {
  for (const name in attributes) {
    if (name.startsWith('xmlns:') && attributes[name] === XSI_NAMESPACE) {
      const prefix = name.slice(6);
      return prefix === 'xsi' ? DEFAULT_XSI : { type: `${prefix}:type`, nil: `${prefix}:nil` };
    }
  }
  return inherited;
}

/** What one decode carries down the walk. */
interface Walk {
  strict: boolean;
  xsi: Xsi;
  /** Unknown elements skipped so far in the current command. */
  ignored: string[] | undefined;
}

export function decodeDocument(xml: string, options: DecodeOptions = {}): DecodedDocument {
  let root: Node;
  try {
    root = readXml(xml);
  } catch (error) {
    throw new OcipProtocolError(`not well-formed XML: ${(error as Error).message}`, { cause: error });
  }
  if (localName(root.name) !== 'BroadsoftDocument') throw new OcipProtocolError(`root element is ${root.name}, not BroadsoftDocument`);
  const rootAttributes = root.attributes;
  const children = root.children;
  const xsi = xsiOf(rootAttributes, DEFAULT_XSI);

  let sessionId: string | undefined;
  let trackingId: string | undefined;
  const commands: DecodedCommand[] = [];
  for (const child of children) {
    const name = child.name;
    if (name === 'sessionId') sessionId = child.text.trim();
    else if (name === 'trackingId') trackingId = child.text.trim();
    else if (name === 'command') commands.push(decodeCommand(child, { strict: options.strict === true, xsi, ignored: undefined }));
    else throw new OcipProtocolError(`unexpected element '${name}' in BroadsoftDocument`);
  }
  if (sessionId === undefined) throw new OcipProtocolError('BroadsoftDocument has no sessionId');
  if (commands.length === 0) throw new OcipProtocolError('BroadsoftDocument has no command');
  if (options.strict && commands.length > MAX_COMMANDS_PER_DOCUMENT) {
    throw new OcipProtocolError(`BroadsoftDocument has ${commands.length} commands; at most ${MAX_COMMANDS_PER_DOCUMENT}`);
  }
  return { protocol: rootAttributes.protocol ?? '', sessionId, trackingId, commands };
}

function decodeCommand(node: Node, inherited: Walk): DecodedCommand {
  const attributes = node.attributes;
  const walk: Walk = { strict: inherited.strict, xsi: xsiOf(attributes, inherited.xsi), ignored: undefined };
  const type = localName(attributes[walk.xsi.type] ?? '');
  const echo = attributes.echo;
  const spec = commandCatalogue.get(type);
  if (!spec) {
    const problem = type ? `Invalid xsi:type qname: '${type}'` : 'command has no xsi:type';
    return { type, echo, spec: undefined, problem };
  }
  try {
    const value = decodeFields(spec.fields, node.children, spec.name, walk);
    if (spec.name === 'ErrorResponse') value.type = attributes.type ?? 'Error';
    return walk.ignored ? { type, echo, spec, value, ignored: walk.ignored } : { type, echo, spec, value };
  } catch (error) {
    if (error instanceof Problem) return { type, echo, spec, problem: error.message };
    throw error;
  }
}

/** Walks the children against the sequence: each child must match a field at or after the cursor. */
function decodeFields(fields: Fields, children: Node[], path: string, walk: Walk): Record<string, unknown> {
  const entries = Object.entries(fields);
  const value: Record<string, unknown> = {};
  const counts = new Map<string, number>();
  let cursor = 0;
  for (const child of children) {
    const name = child.name;
    let index = cursor;
    while (index < entries.length && entries[index]![0] !== name) index++;
    if (index === entries.length) {
      const known = name in fields;
      if (!known && !walk.strict) {
        (walk.ignored ??= []).push(`${path}.${name}`);
        continue;
      }
      throw new Problem(`${path}: element '${name}' ${known ? 'is out of sequence order' : 'is not expected'}`);
    }
    for (let skipped = cursor; skipped < index; skipped++) checkPresent(entries[skipped]!, counts, path);
    cursor = index;
    const [fieldName, field] = entries[index]!;
    const count = (counts.get(fieldName) ?? 0) + 1;
    if (count > field.max) throw new Problem(`${path}.${fieldName}: more than ${field.max} occurrences`);
    counts.set(fieldName, count);
    const item = decodeElement(child, field.type, field.nillable, `${path}.${fieldName}`, walk);
    if (field.occurs === 'many') ((value[fieldName] ??= []) as unknown[]).push(item);
    else value[fieldName] = item;
  }
  for (let rest = cursor; rest < entries.length; rest++) checkPresent(entries[rest]!, counts, path);
  checkChoices(fields, value, path, walk.strict);
  for (const [name, field] of entries) if (field.occurs === 'many') value[name] ??= [];
  return value;
}

function checkPresent([name, field]: [string, Fields[string]], counts: Map<string, number>, path: string): void {
  const count = counts.get(name) ?? 0;
  if (count < field.min && !field.choice) throw new Problem(`${path}: missing element '${name}'`);
}

function checkChoices(fields: Fields, value: Record<string, unknown>, path: string, strict: boolean): void {
  if (strict) {
    const problem = choiceProblem(fields, value);
    if (problem) throw new Problem(`${path}: ${problem}`);
    return;
  }
  const groups = new Set(Object.values(fields).flatMap((field) => (field.choice ? [field.choice] : [])));
  for (const group of groups) {
    const members = Object.entries(fields).filter(([, field]) => field.choice === group).map(([name]) => name);
    if (!members.some((name) => value[name] !== undefined)) {
      throw new Problem(`${path}: one of ${members.join(' | ')} is required`);
    }
  }
}

function decodeElement(node: Node, type: TypeSpec, nillable: boolean, path: string, walk: Walk): unknown {
  const attributes = node.attributes;
  const { xsi } = walk;
  const nil = attributes[xsi.nil];
  if (nil !== undefined && (nil.trim() === 'true' || nil.trim() === '1')) {
    if (walk.strict && !nillable) throw new Problem(`${path}: element is not nillable`);
    // A nil DepartmentKey still needs a concrete xsi:type: the schema rejects a bare nil as abstract.
    if (walk.strict && type.kind === 'abstract' && !type.variants.some((v) => v.name === localName(attributes[xsi.type] ?? ''))) {
      throw new Problem(`${path}: ${type.name} is abstract; xsi:type must name a concrete type`);
    }
    return null;
  }
  switch (type.kind) {
    case 'simple':
      return decodeSimple(type, node.text, path, walk.strict);
    case 'complex':
      return decodeFields(type.fields, node.children, path, walk);
    case 'abstract': {
      const concrete = localName(attributes[xsi.type] ?? '');
      const variant = type.variants.find((candidate) => candidate.name === concrete);
      if (!variant) throw new Problem(`${path}: ${type.name} is abstract; xsi:type must name a concrete type`);
      return { $type: variant.name, ...decodeFields(variant.fields, node.children, path, walk) };
    }
    case 'table':
      return decodeTable(node.children, path);
  }
}

/** XSD white space: xs:string preserves it, every other built-in base collapses it. */
function decodeSimple(type: SimpleType, raw: string, path: string, strict: boolean): unknown {
  if (strict) {
    const problem = facetProblem(type, raw);
    if (problem) throw new Problem(`${path}: ${problem}`);
  }
  switch (type.base) {
    case 'string':
      return raw;
    case 'token':
      return needsCollapse(raw) ? collapseWhitespace(raw) : raw;
    case 'boolean': {
      const text = raw.trim();
      if (text === 'true' || text === '1') return true;
      if (text === 'false' || text === '0') return false;
      throw new Problem(`${path}: '${text}' is not a boolean`);
    }
    case 'int':
    case 'long': {
      const text = raw.trim();
      if (!/^[+-]?\d+$/.test(text)) throw new Problem(`${path}: '${text}' is not an integer`);
      return Number(text);
    }
  }
}

/** Most tokens need no change: skip the regex replace for them. */
function needsCollapse(text: string): boolean {
  if (text.length === 0) return false;
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  if (first <= 0x20 || last <= 0x20) return true;
  return /[\t\n\r]| {2}/.test(text);
}

function decodeTable(children: Node[], path: string): OciTable {
  const headings: string[] = [];
  const rows: Record<string, string>[] = [];
  for (const child of children) {
    const name = child.name;
    if (name === 'colHeading') {
      if (rows.length > 0) throw new Problem(`${path}: colHeading after row`);
      headings.push(child.text);
    } else if (name === 'row') {
      const cells = child.children;
      if (cells.length !== headings.length) {
        throw new Problem(`${path}: row ${rows.length} has ${cells.length} cells for ${headings.length} headings`);
      }
      const row: Record<string, string> = {};
      for (let i = 0; i < headings.length; i++) row[headings[i]!] = cells[i]!.text;
      rows.push(row);
    } else {
      throw new Problem(`${path}: element '${name}' is not expected in a table`);
    }
  }
  return { headings, rows };
}

function localName(qualified: string): string {
  const colon = qualified.indexOf(':');
  return colon === -1 ? qualified : qualified.slice(colon + 1);
}
