// Small readers for JSON request bodies: each adds a problem naming the field instead of throwing,
// so one answer lists everything wrong with a request.
import type { Problems } from './errors.js';
import { isUuid } from './time.js';

export function objectBody(body: unknown, problems: Problems): Record<string, unknown> | undefined {
  if (typeof body === 'object' && body !== null && !Array.isArray(body)) return body as Record<string, unknown>;
  problems.add('body', 'must be a JSON object');
  return undefined;
}

export function optionalString(value: unknown, field: string, problems: Problems): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  problems.add(field, 'must be a string');
  return '';
}

export function requiredUuid(value: unknown, field: string, problems: Problems): string | undefined {
  if (typeof value === 'string' && isUuid(value)) return value.toLowerCase();
  problems.add(field, value === undefined ? 'is required (a UUID)' : `must be a UUID, got ${JSON.stringify(value)}`);
  return undefined;
}
