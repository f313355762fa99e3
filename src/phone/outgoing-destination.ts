// Destinations as BroadWorks holds them: OCI-P OutgoingDNorSIPURI (OCISchemaDataTypes.xsd, token
// 1–161) is a "Phone Number or SIP URI that can be used to dial". One reading serves requests and
// answers alike, so what an answer says is what a request may send back:
//   - a SIP URI (it has an '@') is kept as written, checked against the schema's URI rules;
//   - an international number (+CC…, 00CC…) is E.164;
//   - a national number of the group's country, dialled with its trunk prefix (071 12 34 56 in
//     Belgium), is E.164 in the group's context;
//   - anything else dialable — an extension, a short code, an access code with * or # (OutgoingDN:
//     "access code digits may be included") — is kept as BroadWorks holds it.
// A national number without its trunk prefix is not guessed at: 12345678 may be an extension.
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { normalizePhoneNumber } from './phone-number.js';

/** OutgoingDNorSIPURI's maxLength. */
export const MAX_DESTINATION_LENGTH = 161;

/**
 * The schema's URI rules: string@string with exactly one '@', no "sip:"; user part alphanumerics and
 * - _ . ! ~ * ' ( ); host part alphanumerics, - and .
 */
export const DESTINATION_SIP_URI = /^[A-Za-z0-9\-_.!~*'()]+@[A-Za-z0-9\-.]+$/;

/** Separators people write inside numbers; they are not dialled. */
const SEPARATORS = /[\s\-.()/]/g;
const DIALABLE = /^\+?[0-9*#]+$/;

export type DestinationReading = { ok: true; destination: string } | { ok: false; reason: string };

/** A destination a client sent, as BroadWorks is to hold it; `callingCode` is the group CLI country's. */
export function readDestination(input: string, callingCode: string | undefined): DestinationReading {
  const text = input.trim();
  if (text === '') return { ok: false, reason: 'empty' };
  if (text.length > MAX_DESTINATION_LENGTH) return { ok: false, reason: `longer than ${MAX_DESTINATION_LENGTH} characters` };
  if (text.includes('@')) {
    return DESTINATION_SIP_URI.test(text)
      ? { ok: true, destination: text }
      : { ok: false, reason: `'${input}' is not a SIP URI (user@host, one @, no sip: prefix)` };
  }
  const digits = text.replace(SEPARATORS, '');
  if (!DIALABLE.test(digits)) return { ok: false, reason: `'${input}' is neither a SIP URI nor dialable (digits, * and #, an initial +)` };
  // '+' claims E.164, so it must be a valid number; '00…' is E.164 when it reads as one, else dialled.
  if (digits.startsWith('+')) {
    const international = internationalE164(digits);
    return international ? { ok: true, destination: international } : { ok: false, reason: `'${input}' is not a valid international number` };
  }
  const international = digits.startsWith('00') ? internationalE164(digits) : undefined;
  return { ok: true, destination: international ?? nationalE164(digits, callingCode) ?? digits };
}

/** A destination BroadWorks answered, as the adapter answers it (the same reading, never refused). */
export function answerDestination(stored: string, callingCode: string | undefined): string {
  const reading = readDestination(stored, callingCode);
  return reading.ok ? reading.destination : stored;
}

function internationalE164(digits: string): string | undefined {
  try {
    return normalizePhoneNumber(digits).e164;
  } catch {
    return undefined;
  }
}

/** E.164 when `digits` is a valid number of the group's country dialled with its trunk prefix. */
function nationalE164(digits: string, callingCode: string | undefined): string | undefined {
  if (!callingCode || !/^[0-9]+$/.test(digits)) return undefined;
  const parsed = parsePhoneNumberFromString(digits, { defaultCallingCode: callingCode });
  // The national significant number is shorter than what was dialled only when a trunk prefix was
  // taken off: without one, the digits are kept as dialled.
  if (!parsed?.isValid() || parsed.nationalNumber.length >= digits.length) return undefined;
  return parsed.number;
}
