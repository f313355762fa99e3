// Phone number normalisation with libphonenumber-js. Inputs are E.164 (spaces and dashes allowed)
// or national numbers in the country of the group's CLI number; BroadWorks gets DNs as +CC-NSN,
// the form field practice shows it accepts everywhere; answers carry E.164 without separators.
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { PhoneNumber } from 'libphonenumber-js';

export interface NormalizedNumber {
  /** +3271123456 */
  e164: string;
  /** 32 */
  countryCode: string;
  /** 71123456: the national significant number, without the trunk prefix 0. */
  nationalNumber: string;
  /** +32-71123456: the DN form sent to BroadWorks. */
  dn: string;
}

export class InvalidPhoneNumberError extends Error {
  override name = 'InvalidPhoneNumberError';
  constructor(readonly value: string, reason: string) {
    super(`'${value}' is not a valid phone number: ${reason}`);
  }
}

const ALLOWED = /^\+?[0-9 ().\-/]+$/;

/**
 * Parses a number given by a client. `defaultCallingCode` (e.g. "32", from the group's CLI number)
 * lets national numbers in; without it only E.164 is accepted.
 */
export function normalizePhoneNumber(input: string, defaultCallingCode?: string): NormalizedNumber {
  const text = input.trim();
  if (!ALLOWED.test(text)) throw new InvalidPhoneNumberError(input, 'only digits, an initial +, spaces and dashes are allowed');
  const international = text.startsWith('+') || text.startsWith('00');
  if (!international && !defaultCallingCode) {
    throw new InvalidPhoneNumberError(input, 'a national number needs the group CLI country; give it in E.164 (+CC…)');
  }
  const parsed = parsePhoneNumberFromString(text.startsWith('00') ? `+${text.slice(2)}` : text, {
    defaultCallingCode: international ? undefined : defaultCallingCode,
  });
  if (!parsed || !parsed.isValid()) throw new InvalidPhoneNumberError(input, 'not a valid number for its country');
  return fromParsed(parsed);
}

/**
 * Reads a number BroadWorks answered: E.164 with or without a dash, or (when the list quirk that
 * GROUP_NUMBERS_USE_CC_CLI works around applies) national digits in the group CLI country.
 * Returns the E.164 form, or the text unchanged when it cannot be read as a number.
 */
export function toE164(stored: string, nationalCallingCode?: string): string {
  const text = stored.trim();
  if (text === '') return text;
  if (text.startsWith('+')) return `+${text.slice(1).replace(/[^0-9]/g, '')}`;
  if (!nationalCallingCode) return text;
  const parsed = parsePhoneNumberFromString(text, { defaultCallingCode: nationalCallingCode });
  return parsed ? parsed.number : text;
}

/** The country calling code of an E.164 number (the group CLI number), e.g. "32". */
export function callingCodeOf(number: string | undefined): string | undefined {
  if (!number) return undefined;
  const parsed = parsePhoneNumberFromString(number.startsWith('+') ? number.replace(/-/g, '') : `+${number}`);
  return parsed?.countryCallingCode;
}

function fromParsed(parsed: PhoneNumber): NormalizedNumber {
  return {
    e164: parsed.number,
    countryCode: parsed.countryCallingCode,
    nationalNumber: parsed.nationalNumber,
    dn: `+${parsed.countryCallingCode}-${parsed.nationalNumber}`,
  };
}
