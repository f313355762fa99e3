// Encodes a BroadsoftDocument. Elements are written in the XSD sequence order of each type,
// whatever the key order of the value; every value is checked against its type first, so a
// schema-invalid request fails here with the path of the bad element, not at BroadWorks.
import { OcipEncodeError } from '../errors.js';
import { choiceProblem } from './choices.js';
import { facetProblem } from './facets.js';
import type { CommandSpec, Field, Fields, OciTable, SimpleType, TypeSpec } from './schema.js';
import { hasForbiddenCharacter } from './text.js';
import { escapeXml, startTag, textElement } from './xml-writer.js';

export interface OutgoingCommand {
  spec: CommandSpec;
  value: object;
  echo?: string;
}

export interface OutgoingDocument {
  sessionId: string;
  trackingId?: string;
  commands: readonly OutgoingCommand[];
}

/** The schema allows 1 to 15 commands in one document. */
export const MAX_COMMANDS_PER_DOCUMENT = 15;

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

const DECLARATION = '<?xml version="1.0" encoding="ISO-8859-1"?>';

export function encodeDocument(document: OutgoingDocument): string {
  const { commands } = document;
  if (commands.length < 1 || commands.length > MAX_COMMANDS_PER_DOCUMENT) {
    throw new OcipEncodeError(`a document carries 1 to ${MAX_COMMANDS_PER_DOCUMENT} commands, not ${commands.length}`, 'command');
  }
  let xml = DECLARATION + startTag('BroadsoftDocument', { protocol: 'OCI', xmlns: 'C', 'xmlns:xsi': XSI });
  xml += `${startTag('sessionId', { xmlns: '' })}${text(document.sessionId, 'sessionId')}</sessionId>`;
  if (document.trackingId !== undefined) {
    xml += `${startTag('trackingId', { xmlns: '' })}${text(document.trackingId, 'trackingId')}</trackingId>`;
  }
  commands.forEach((command, index) => (xml += encodeCommand(command, `command[${index}]`)));
  // BroadWorks ends each document with a newline; clients write one after each request too.
  return `${xml}</BroadsoftDocument>\n`;
}

function encodeCommand({ spec, value, echo }: OutgoingCommand, path: string): string {
  if (spec.portable) throw new OcipEncodeError(`${spec.name} is release-neutral: a release profile translates it before it is sent`, path);
  const attributes: Record<string, string> = {};
  const body = { ...(value as Record<string, unknown>) };
  // ErrorResponse carries its `type` as an attribute, written before the others as BroadWorks does.
  if (spec.name === 'ErrorResponse') {
    attributes.type = String(body.type ?? 'Error');
    delete body.type;
  }
  if (echo !== undefined) attributes.echo = checkText(echo, `${path}@echo`);
  else if (spec.role === 'response') attributes.echo = '';
  if (spec.namespace === 'C') {
    attributes['xsi:type'] = `c:${spec.name}`;
    attributes['xmlns:c'] = 'C';
  } else {
    attributes['xsi:type'] = spec.name;
  }
  attributes.xmlns = '';
  return `${startTag('command', attributes)}${encodeFields(spec.fields, body, path)}</command>`;
}

function encodeFields(fields: Fields, value: Record<string, unknown>, path: string): string {
  for (const key of Object.keys(value)) {
    if (!(key in fields) && value[key] !== undefined) throw new OcipEncodeError(`unknown element '${key}'`, path);
  }
  checkChoices(fields, value, path);
  let xml = '';
  for (const name in fields) xml += encodeField(name, fields[name]!, value[name], `${path}.${name}`);
  return xml;
}

function encodeField(name: string, field: Field, value: unknown, path: string): string {
  if (value === undefined) {
    if (field.min > 0 && !field.choice) throw new OcipEncodeError('missing required element', path);
    return '';
  }
  if (value === null) {
    if (!field.nillable) throw new OcipEncodeError('element is not nillable', path);
    return nilElement(name, field.type);
  }
  if (field.occurs === 'many') {
    if (!Array.isArray(value)) throw new OcipEncodeError('expected a list', path);
    if (value.length < field.min || value.length > field.max) {
      const bound = field.max === Infinity ? `at least ${field.min}` : `${field.min} to ${field.max}`;
      throw new OcipEncodeError(`${bound} items expected, got ${value.length}`, path);
    }
    let xml = '';
    value.forEach((item, index) => (xml += encodeElement(name, field.type, item, `${path}[${index}]`)));
    return xml;
  }
  return encodeElement(name, field.type, value, path);
}

function encodeElement(name: string, type: TypeSpec, value: unknown, path: string): string {
  switch (type.kind) {
    case 'simple':
      return textElement(name, checkText(simpleText(type, value, path), path));
    case 'complex':
      return `<${name}>${encodeFields(type.fields, asObject(value, path), path)}</${name}>`;
    case 'abstract': {
      const object = asObject(value, path);
      const variant = type.variants.find((candidate) => candidate.name === object.$type);
      if (!variant) {
        const names = type.variants.map((v) => v.name).join(' or ');
        throw new OcipEncodeError(`$type must name ${names} (${type.name} is abstract)`, path);
      }
      const { $type: _type, ...fields } = object;
      return `${startTag(name, { 'xsi:type': variant.name })}${encodeFields(variant.fields, fields, path)}</${name}>`;
    }
    case 'table':
      return `<${name}>${encodeTable(value as OciTable, path)}</${name}>`;
  }
}

function encodeTable(table: OciTable, path: string): string {
  if (!table || !Array.isArray(table.headings) || !Array.isArray(table.rows)) {
    throw new OcipEncodeError('expected {headings, rows}', path);
  }
  let xml = '';
  for (const heading of table.headings) xml += textElement('colHeading', checkText(heading, path));
  for (const row of table.rows) {
    xml += '<row>';
    for (const heading of table.headings) xml += textElement('col', checkText(row[heading] ?? '', path));
    xml += '</row>';
  }
  return xml;
}

/** xsi:nil on an abstract type still needs a concrete xsi:type, or the schema rejects it. */
function nilElement(name: string, type: TypeSpec): string {
  const attributes: Record<string, string> = { 'xsi:nil': 'true' };
  if (type.kind === 'abstract' && type.variants[0]) attributes['xsi:type'] = type.variants[0].name;
  return startTag(name, attributes, true);
}

function simpleText(type: SimpleType, value: unknown, path: string): string {
  let textValue: string;
  if (type.base === 'boolean') {
    if (typeof value !== 'boolean') throw new OcipEncodeError(`expected a boolean, got ${typeof value}`, path);
    textValue = String(value);
  } else if (type.base === 'int' || type.base === 'long') {
    if (typeof value !== 'number' || !Number.isInteger(value)) throw new OcipEncodeError('expected an integer', path);
    textValue = String(value);
  } else {
    if (typeof value !== 'string') throw new OcipEncodeError(`expected a string, got ${typeof value}`, path);
    textValue = value;
  }
  const problem = facetProblem(type, textValue);
  if (problem) throw new OcipEncodeError(problem, path);
  return textValue;
}

function checkChoices(fields: Fields, value: Record<string, unknown>, path: string): void {
  const problem = choiceProblem(fields, value);
  if (problem) throw new OcipEncodeError(problem, path);
}

function asObject(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new OcipEncodeError('expected an object', path);
  }
  return value as Record<string, unknown>;
}

function checkText(value: string, path: string): string {
  if (hasForbiddenCharacter(value)) throw new OcipEncodeError('control characters cannot travel in XML', path);
  return value;
}

function text(value: string, path: string): string {
  return escapeXml(checkText(value, path));
}
