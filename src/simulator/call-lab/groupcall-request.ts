// POST /v1.0/groupcalls body `{source, destinations, ring_method, answer_method}`, checked as a
// careful API would (VoIPbin answers 500 to most of these, VOIPBIN.md §5): every problem is listed
// with its field. "" means the default, as in VoIPbin: ring_all, and hangup_others (the lab never
// leaves other legs ringing after an answer).
import { readAddress } from './address.js';
import type { Address } from './address.js';
import { Problems } from './errors.js';
import { ANSWER_METHODS, RING_METHODS } from './groupcall-model.js';
import type { AnswerMethod, RingMethod } from './groupcall-model.js';

/** A groupcall rings at most this many destinations: more is a mistake, not a test. */
export const MAX_DESTINATIONS = 100;

export interface GroupcallRequest {
  source: Address;
  destinations: Address[];
  ringMethod: RingMethod;
  answerMethod: AnswerMethod;
  /** false when the body left ring_method empty or out (an instance then rings all without a note). */
  ringMethodGiven: boolean;
}

export function readGroupcallRequest(body: unknown): GroupcallRequest {
  const problems = new Problems();
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    problems.add('body', 'must be a JSON object {source, destinations, ring_method, answer_method}');
    problems.throwIfAny();
  }
  const record = body as Record<string, unknown>;
  const source = record.source === undefined ? (problems.add('source', 'is required'), undefined) : readAddress(record.source, 'source', problems);

  const destinations: Address[] = [];
  if (!Array.isArray(record.destinations)) {
    problems.add('destinations', 'is required: a list of 1 to 100 addresses');
  } else if (record.destinations.length === 0) {
    problems.add('destinations', 'is empty: list at least one address to ring');
  } else if (record.destinations.length > MAX_DESTINATIONS) {
    problems.add('destinations', `lists ${record.destinations.length} addresses; at most ${MAX_DESTINATIONS}`);
  } else {
    record.destinations.forEach((value, index) => {
      const parsed = readAddress(value, `destinations[${index}]`, problems);
      if (parsed) destinations.push(parsed);
    });
  }

  const ringMethod = readEnum(record.ring_method, 'ring_method', RING_METHODS, 'ring_all', problems);
  const answerMethod = readEnum(record.answer_method, 'answer_method', ANSWER_METHODS, 'hangup_others', problems);
  problems.throwIfAny();
  return {
    source: source!,
    destinations,
    ringMethod,
    answerMethod,
    ringMethodGiven: record.ring_method !== undefined && record.ring_method !== '',
  };
}

function readEnum<T extends string>(value: unknown, field: string, allowed: readonly T[], fallback: T, problems: Problems): T {
  if (value === undefined || value === null || value === '') return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  problems.add(field, `must be one of ${allowed.map((v) => `'${v}'`).join(', ')} (or '' for '${fallback}'), got ${JSON.stringify(value)}`);
  return fallback;
}
