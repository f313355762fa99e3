// OutgoingDNorSIPURI and SIPURI rules. The XSD enforces only the length (token 1–161, checked by the
// codec); the rules below are the schema's documentation, which BroadWorks applies (OCIP.md §8.1).
// OutgoingDNorSIPURI is a "Phone Number or SIP URI that can be used to dial": anything dialable —
// an E.164 or national number, an extension, a short code, an access code with * or # (OutgoingDN:
// "access code digits may be included") — or a user@host URI (OCISchemaDataTypes.xsd).
import { simError } from '../errors.js';

/** `+`? dial digits (0-9 * #), dashes allowed between them: `+32-71123450`, `071123450`, `1234`, `112`, `*99`. */
const PHONE_NUMBER = /^\+?[0-9*#]+(-[0-9*#]+)*$/;
/** `user@host`, exactly one `@`, no `sip:` prefix (the colon is not a user-part character). */
const SIP_URI = /^[A-Za-z0-9\-_.!~*'()]+@[A-Za-z0-9\-.]+$/;

export function isPhoneNumberText(text: string): boolean {
  return PHONE_NUMBER.test(text);
}

export function isSipUri(text: string): boolean {
  return SIP_URI.test(text);
}

/** Refuses the first destination that is neither dialable nor a SIP URI (error 4750): `sip:x@y`, `12ab`, `1 2`. */
export function checkDestinations(destinations: readonly string[]): void {
  for (const destination of destinations) {
    if (!isPhoneNumberText(destination) && !isSipUri(destination)) throw simError('INVALID_DESTINATION', destination);
  }
}

/** SIP aliases and public user identities must be `user@host` (SIPURI). */
export function checkSipUris(uris: readonly string[]): void {
  for (const uri of uris) if (!isSipUri(uri)) throw simError('INVALID_DESTINATION', uri, 'not a SIP URI');
}
