// The JSON shape of an import or export: a JSON array of APIO instance bodies (each with its
// serviceUserId), one per line on export; `{"instantGroupCalls": [...]}` and JSON Lines are read too.
// JSON.parse gives no positions, so a small scan finds the line each array element starts on.
import type { InstanceAnswer } from '../services/instant-group-call/schemas.js';
import { CliError, CliErrorCodes } from './errors.js';
import type { RowProblem, SourceRow } from './row-problems.js';

/** An instance as a row: what POST takes, read-only fields and empty values left out. */
export function instanceToJsonRow(serviceUserId: string, instance: InstanceAnswer): Record<string, unknown> {
  const { serviceUserId: _ignored, ...rest } = instance;
  const { timeZoneDisplayName: _display, department, ...profile } = rest.serviceInstanceProfile;
  const row: Record<string, unknown> = { serviceUserId, ...rest, serviceInstanceProfile: { ...profile } };
  if (department) {
    const { fullPathName: _path, ...key } = department;
    (row.serviceInstanceProfile as Record<string, unknown>).department = key;
  }
  return withoutEmpty(row) as Record<string, unknown>;
}

/** One element per line, so a diff of two exports shows instances, and lines point at them. */
export function toJsonArray(rows: readonly Record<string, unknown>[]): string {
  return rows.length === 0 ? '[]\n' : `[\n${rows.map((row) => JSON.stringify(row)).join(',\n')}\n]\n`;
}

/**
 * The rows of a JSON file. Departments are taken by name in the target: a group department's
 * tenant and group become the target's (a group sees only its own), an enterprise one's tenant too.
 */
export function parseJsonRows(content: string, target: { tenantId: string; groupId: string }): { rows: SourceRow[]; problems: RowProblem[] } {
  const trimmed = content.replace(/^\uFEFF/, '').trim();
  // An array or the wrapper is one document; anything else is JSON Lines (one object per line).
  const elements = trimmed.startsWith('[') || /^\{\s*"instantGroupCalls"/.test(trimmed) ? arrayElements(content) : jsonLines(content);
  const rows: SourceRow[] = [];
  const problems: RowProblem[] = [];
  for (const { line, value } of elements) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      problems.push({ line, field: '', message: 'a row must be a JSON object' });
      continue;
    }
    rows.push({ line, body: retarget(value as Record<string, unknown>, target) });
  }
  return { rows, problems };
}

function retarget(body: Record<string, unknown>, target: { tenantId: string; groupId: string }): Record<string, unknown> {
  const profile = body.serviceInstanceProfile as Record<string, unknown> | undefined;
  const department = profile?.department as Record<string, unknown> | undefined;
  if (!profile || typeof department !== 'object' || department === null) return body;
  const key = { ...department, tenantId: target.tenantId, ...(department.groupId !== undefined && { groupId: target.groupId }) };
  return { ...body, serviceInstanceProfile: { ...profile, department: key } };
}

function jsonLines(content: string): Array<{ line: number; value: unknown }> {
  const out: Array<{ line: number; value: unknown }> = [];
  content.split('\n').forEach((text, index) => {
    if (text.trim() === '') return;
    try {
      out.push({ line: index + 1, value: JSON.parse(text) });
    } catch (error) {
      throw new CliError(CliErrorCodes.FILE, `line ${index + 1}: not JSON (${(error as Error).message})`);
    }
  });
  return out;
}

/** The elements of the top-level array (or of instantGroupCalls), each with its starting line. */
function arrayElements(content: string): Array<{ line: number; value: unknown }> {
  let document: unknown;
  try {
    document = JSON.parse(content.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new CliError(CliErrorCodes.FILE, `the JSON cannot be read: ${(error as Error).message}`);
  }
  const wrapped = !Array.isArray(document);
  const list = wrapped ? (document as { instantGroupCalls?: unknown }).instantGroupCalls : document;
  if (!Array.isArray(list)) throw new CliError(CliErrorCodes.FILE, 'the JSON must be an array of rows, or {"instantGroupCalls": [...]}');
  const lines = elementLines(content, wrapped ? 2 : 1);
  return list.map((value, index) => ({ line: lines[index] ?? 1, value }));
}

/**
 * Lines on which the elements of the first array at `depth` (1: the top level; 2: the array inside
 * the {"instantGroupCalls": [...]} wrapper) start. The text is valid JSON (JSON.parse read it).
 */
function elementLines(content: string, depth: number): number[] {
  const starts: number[] = [];
  const stack: string[] = [];
  let line = 1;
  let inString = false;
  let expectElement = false;
  let done = false;
  for (let i = 0; i < content.length && !done; i++) {
    const char = content[i]!;
    if (char === '\n') line++;
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
      continue;
    }
    if (char === ' ' || char === '\t' || char === '\r' || char === '\n') continue;
    const inTarget = stack.length === depth && stack[depth - 1] === '[';
    if (inTarget && expectElement && char !== ']') starts.push(line);
    expectElement = false;
    if (char === '"') inString = true;
    else if (char === '[' || char === '{') {
      stack.push(char);
      expectElement = stack.length === depth && char === '[';
    } else if (char === ']' || char === '}') {
      if (inTarget) done = true;
      stack.pop();
    } else if (char === ',' && inTarget) expectElement = true;
  }
  return starts;
}

function withoutEmpty(value: unknown): unknown {
  if (Array.isArray(value)) return value;
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (inner === '' || inner === undefined || inner === null) continue;
    out[key] = withoutEmpty(inner);
  }
  return out;
}
