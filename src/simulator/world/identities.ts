// System-wide identity rules, and the system's catalogue of languages and network classes of service.
// - A user id (service instances are virtual users) is `user@domain` whose user part holds only the
//   characters BroadWorks documents for a SIP URI user part: alphanumerics and - _ . ! ~ * ' ( )
//   (OCISchemaDataTypes.xsd, simpleType SIPURI: "If the SIPURI is an alias, the Validation rules
//   are ..."). The UserId type itself documents only `user[@domain]` and its length; a user id is also
//   the user's SIP identity, so a space, '/', '#' or '?' is refused. No public BroadWorks document
//   listing user-id characters beyond these was found. '+' is taken as well: APIO's own id rules
//   ({{phone_number_e164}}) build ids such as `igc+3271112231@domain` against real systems.
// - A SIP alias is unique system-wide and never equals a user id (an alias and a user id share one
//   namespace: both address the user), so a new user id may not equal an existing alias either.
// - A language or network class of service must exist on the system (SystemLanguage*,
//   SystemNetworkClassOfService* in OCISchemaSystem.xsd); the simulator's system holds a few.
import { simError } from '../errors.js';
/** The SIPURI alias user-part characters, plus '+'; then `@` and a host. */
const USER_ID = /^[A-Za-z0-9\-_.!~*'()+]+@[A-Za-z0-9\-.]+$/;
import type { World } from './world.js';

/** The languages the simulated system has installed (BroadWorks ships English as the default). */
export const SYSTEM_LANGUAGES: ReadonlySet<string> = new Set(['English', 'French', 'Dutch', 'German', 'Spanish', 'Italian']);

/** The network classes of service the simulated system defines. */
export const SYSTEM_NETWORK_CLASSES_OF_SERVICE: ReadonlySet<string> = new Set(['Default', 'Default NCOS', 'National', 'International']);

export function checkUserIdCharacters(userId: string): void {
  if (!USER_ID.test(userId)) throw simError('INVALID_USER_ID_CHARACTERS', userId, "allowed in the user part: letters, digits and - _ . ! ~ * ' ( ) +");
}

/** True when some instance other than `self` has `uri` among its SIP aliases. */
export function aliasTaken(world: World, uri: string, self?: string): boolean {
  for (const igc of world.instantGroupCalls.values()) {
    if (igc.serviceUserId !== self && igc.aliases.includes(uri)) return true;
  }
  return false;
}

/** The aliases of instance `owner`: each unique system-wide, none a user id (its own included). */
export function checkAliases(world: World, aliases: readonly string[], owner: string): void {
  const seen = new Set<string>();
  for (const alias of aliases) {
    if (seen.has(alias)) throw simError('ALIAS_IN_USE', alias, 'listed twice');
    seen.add(alias);
    if (alias === owner || world.userIdTaken(alias)) throw simError('ALIAS_IN_USE', alias, 'it is a user id');
    if (aliasTaken(world, alias, owner)) throw simError('ALIAS_IN_USE', alias, 'it is another user\'s alias');
  }
}

export function checkLanguage(language: string): void {
  if (!SYSTEM_LANGUAGES.has(language)) throw simError('LANGUAGE_NOT_FOUND', language);
}

export function checkNetworkClassOfService(name: string): void {
  if (!SYSTEM_NETWORK_CLASSES_OF_SERVICE.has(name)) throw simError('NETWORK_CLASS_OF_SERVICE_NOT_FOUND', name);
}
