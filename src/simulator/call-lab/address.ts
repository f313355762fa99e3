// VoIPbin addresses `{type, target, target_name, name, detail}` (VOIPBIN.md §1.1), checked the way
// VoIPbin's own validate.go would if anything called it: the lab dials `tel` (E.164), `sip`
// (`user@host`) and `extension` targets, normalised on the way in (tel keeps `+` and digits; sip
// lower-cases the host), and refuses anything else with a message naming the field.
import type { Problems } from './errors.js';

export type AddressType = 'tel' | 'sip' | 'extension';

export interface Address {
  type: AddressType;
  target: string;
  target_name: string;
  name: string;
  detail: string;
}

export const ADDRESS_TYPES: readonly AddressType[] = ['tel', 'sip', 'extension'];

/** VoIPbin types the lab does not simulate: refused with a message that says so. */
const UNSIMULATED = new Set(['agent', 'conference', 'line', 'webchat', 'web_session', 'email', 'whatsapp', 'ai', 'ai_team']);

const E164 = /^\+[0-9]{7,15}$/;
/** Visual separators people type inside numbers: removed before the E.164 check, nothing else is. */
const SEPARATORS = /[\s\-.()]/g;
const SIP = /^[^\s@:;<>]+@[A-Za-z0-9\-.]+$/;
const EXTENSION = /^[0-9]{1,20}$/;

export function address(type: AddressType, target: string, name = ''): Address {
  return { type, target, target_name: '', name, detail: '' };
}

/** The normalised target, or a message saying what is wrong with it. */
export function normaliseTarget(type: AddressType, raw: string): { target: string } | { problem: string } {
  const text = raw.trim();
  switch (type) {
    case 'tel': {
      const target = text.replace(SEPARATORS, '');
      if (E164.test(target)) return { target };
      return { problem: `malformed tel target '${raw}': expected E.164, '+' and 7 to 15 digits, e.g. +3271123456` };
    }
    case 'sip': {
      const bare = text.replace(/^sip:/i, '');
      if (!SIP.test(bare)) return { problem: `malformed sip target '${raw}': expected user@host` };
      const at = bare.lastIndexOf('@');
      return { target: `${bare.slice(0, at)}@${bare.slice(at + 1).toLowerCase()}` };
    }
    case 'extension':
      if (EXTENSION.test(text)) return { target: text };
      return { problem: `malformed extension target '${raw}': expected 1 to 20 digits` };
  }
}

/** The type a bare target implies: `user@host` is sip, `+…` is tel, digits are an extension. */
export function typeOfBareTarget(raw: string): AddressType {
  if (raw.includes('@')) return 'sip';
  if (raw.trim().startsWith('+')) return 'tel';
  return 'extension';
}

/** Reads one address at `field`, adding every problem found; undefined when it is unusable. */
export function readAddress(value: unknown, field: string, problems: Problems): Address | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.add(field, 'must be an address object {type, target, target_name?, name?, detail?}');
    return undefined;
  }
  const record = value as Record<string, unknown>;
  const before = problems.list.length;
  const type = readType(record.type, `${field}.type`, problems);
  const optional: Record<'target_name' | 'name' | 'detail', string> = { target_name: '', name: '', detail: '' };
  for (const key of ['target_name', 'name', 'detail'] as const) {
    const text = record[key];
    if (text === undefined || text === null) continue;
    if (typeof text === 'string') optional[key] = text;
    else problems.add(`${field}.${key}`, 'must be a string');
  }
  let target: string | undefined;
  if (typeof record.target !== 'string' || record.target.trim() === '') {
    problems.add(`${field}.target`, 'is required (a non-empty string)');
  } else if (type) {
    const result = normaliseTarget(type, record.target);
    if ('problem' in result) problems.add(`${field}.target`, result.problem);
    else target = result.target;
  }
  if (problems.list.length > before || !type || target === undefined) return undefined;
  return { type, target, ...optional };
}

function readType(value: unknown, field: string, problems: Problems): AddressType | undefined {
  if (typeof value === 'string' && (ADDRESS_TYPES as readonly string[]).includes(value)) return value as AddressType;
  if (value === 'endpoint') {
    problems.add(field, "'endpoint' is not a VoIPbin address type (the groupcall doc's example is wrong); use tel, sip or extension");
  } else if (typeof value === 'string' && UNSIMULATED.has(value)) {
    problems.add(field, `'${value}' is a VoIPbin address type the lab does not simulate; use tel, sip or extension`);
  } else {
    problems.add(field, `must be one of ${ADDRESS_TYPES.join(', ')}, got ${JSON.stringify(value) ?? 'nothing'}`);
  }
  return undefined;
}
