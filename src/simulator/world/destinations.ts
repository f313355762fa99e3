// OutgoingDNorSIPURI and SIPURI rules. The XSD enforces only the length (token 1–161); the rules
// below are the schema's documentation, which BroadWorks applies (OCIP.md §8.1).
import { simError } from '../errors.js';

/** `+`? digits, dashes allowed between digits: `+32-71123450`, `3271123450`, `1234`. */
const PHONE_NUMBER = /^\+?\d+(-\d+)*$/;
/** `user@host`, exactly one `@`, no `sip:` prefix (the colon is not a user-part character). */
const SIP_URI = /^[A-Za-z0-9\-_.!~*'()]+@[A-Za-z0-9\-.]+$/;

export function isPhoneNumberText(text: string): boolean {
  return PHONE_NUMBER.test(text);
}

export function isSipUri(text: string): boolean {
  return SIP_URI.test(text);
}

/** Refuses the first destination that is neither a phone number nor a SIP URI (error 4750). */
export function checkDestinations(destinations: readonly string[]): void {
  for (const destination of destinations) {
    if (!isPhoneNumberText(destination) && !isSipUri(destination)) throw simError('INVALID_DESTINATION', destination);
  }
}

/** SIP aliases and public user identities must be `user@host` (SIPURI). */
export function checkSipUris(uris: readonly string[]): void {
  for (const uri of uris) if (!isSipUri(uri)) throw simError('INVALID_DESTINATION', uri, 'not a SIP URI');
}
