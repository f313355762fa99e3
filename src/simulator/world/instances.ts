// Instant Group Call service instances (virtual users) and the rules BroadWorks applies to them:
// a system-wide unique `user@domain` id whose domain belongs to the group, a phone number that is a
// free DN of the group, an extension unique in the group, a department the group can see, and
// destinations that are phone numbers or SIP URIs. Every rule is checked before anything changes.
import type {
  CommandValue,
  GroupInstantGroupCallAddInstanceRequest14,
  GroupInstantGroupCallModifyInstanceRequest,
} from '../../ocip/codec/index.js';
import { simError } from '../errors.js';
import { checkDestinations, checkSipUris } from './destinations.js';
import { refOf, requireDepartmentFor } from './departments.js';
import { aliasTaken, checkAliases, checkLanguage, checkNetworkClassOfService, checkUserIdCharacters } from './identities.js';
import { checkTimeZone } from './time-zones.js';
import type { GroupRecord, InstantGroupCallRecord } from './types.js';
import type { World } from './world.js';

/** BroadWorks' default language for new users and instances. */
export const DEFAULT_LANGUAGE = 'English';

type AddValue = CommandValue<typeof GroupInstantGroupCallAddInstanceRequest14>;
type ModifyValue = CommandValue<typeof GroupInstantGroupCallModifyInstanceRequest>;

export function addInstantGroupCall(world: World, group: GroupRecord, value: AddValue): InstantGroupCallRecord {
  checkNewUserId(world, group, value.serviceUserId);
  const profile = value.serviceInstanceProfile;
  const aliases = profile.alias ?? [];
  const destinations = value.destinationPhoneNumber ?? [];
  const record: InstantGroupCallRecord = {
    serviceUserId: value.serviceUserId,
    serviceProviderId: group.serviceProviderId,
    groupId: group.groupId,
    name: profile.name,
    callingLineIdLastName: profile.callingLineIdLastName,
    callingLineIdFirstName: profile.callingLineIdFirstName,
    language: profile.language ?? DEFAULT_LANGUAGE,
    timeZone: profile.timeZone ?? group.timeZone,
    aliases,
    destinations,
    isAnswerTimeoutEnabled: value.isAnswerTimeoutEnabled,
    isActive: true,
  };
  if (profile.phoneNumber !== undefined) record.phoneNumber = freePhoneNumber(world, group, profile.phoneNumber);
  if (profile.extension !== undefined) record.extension = freeExtension(world, group, profile.extension);
  if (profile.department !== undefined) record.department = refOf(requireDepartmentFor(world, group, profile.department));
  checkTimeZone(record.timeZone);
  checkLanguage(record.language);
  if (value.networkClassOfService !== undefined) checkNetworkClassOfService(value.networkClassOfService);
  checkSipUris(aliases);
  checkAliases(world, aliases, record.serviceUserId);
  if (profile.publicUserIdentity !== undefined) checkSipUris([profile.publicUserIdentity]);
  checkDestinations(destinations);
  const cli = profile.callingLineIdPhoneNumber;
  if (cli !== undefined) record.callingLineIdPhoneNumber = world.canonicalNumber(cli, group);

  copyDefined(record, profile, ['hiraganaLastName', 'hiraganaFirstName', 'publicUserIdentity']);
  copyDefined(record, value, ['answerTimeoutMinutes', 'networkClassOfService']);
  world.instantGroupCalls.set(record.serviceUserId, record);
  world.touch();
  return record;
}

/** Partial: absent elements keep their value, nil clears, a destination list replaces the stored one. */
export function modifyInstantGroupCall(world: World, record: InstantGroupCallRecord, value: ModifyValue): void {
  const group = world.requireGroup(record.serviceProviderId, record.groupId);
  const profile = value.serviceInstanceProfile ?? {};
  const change: Partial<InstantGroupCallRecord> = {};
  const clear: (keyof InstantGroupCallRecord)[] = [];

  copyDefined(change, profile, ['name', 'callingLineIdLastName', 'callingLineIdFirstName', 'hiraganaLastName', 'hiraganaFirstName', 'language']);
  if (profile.timeZone !== undefined) change.timeZone = checked(profile.timeZone, checkTimeZone);
  if (profile.phoneNumber === null) clear.push('phoneNumber');
  else if (profile.phoneNumber !== undefined) change.phoneNumber = freePhoneNumber(world, group, profile.phoneNumber, record.serviceUserId);
  if (profile.extension === null) clear.push('extension');
  else if (profile.extension !== undefined) change.extension = freeExtension(world, group, profile.extension, record.serviceUserId);
  if (profile.department === null) clear.push('department');
  else if (profile.department !== undefined) change.department = refOf(requireDepartmentFor(world, group, profile.department));
  if (profile.sipAliasList === null) change.aliases = [];
  else if (profile.sipAliasList !== undefined) {
    change.aliases = checked(profile.sipAliasList.sipAlias ?? [], (aliases) => {
      checkSipUris(aliases);
      checkAliases(world, aliases, record.serviceUserId);
    });
  }
  if (profile.language !== undefined) checkLanguage(profile.language);
  if (value.networkClassOfService !== undefined && value.networkClassOfService !== null) checkNetworkClassOfService(value.networkClassOfService);
  if (profile.publicUserIdentity === null) clear.push('publicUserIdentity');
  else if (profile.publicUserIdentity !== undefined) change.publicUserIdentity = checked(profile.publicUserIdentity, (u) => checkSipUris([u]));
  if (profile.callingLineIdPhoneNumber === null) clear.push('callingLineIdPhoneNumber');
  else if (profile.callingLineIdPhoneNumber !== undefined) {
    change.callingLineIdPhoneNumber = world.canonicalNumber(profile.callingLineIdPhoneNumber, group);
  }
  if (value.destinationPhoneNumberList === null) change.destinations = [];
  else if (value.destinationPhoneNumberList !== undefined) {
    change.destinations = checked(value.destinationPhoneNumberList.phoneNumber ?? [], checkDestinations);
  }
  if (value.answerTimeoutMinutes === null) clear.push('answerTimeoutMinutes');
  copyDefined(change, value, ['isAnswerTimeoutEnabled', 'answerTimeoutMinutes', 'networkClassOfService']);

  Object.assign(record, change);
  for (const key of clear) delete record[key];
  world.touch();
}

export function deleteInstantGroupCall(world: World, record: InstantGroupCallRecord): void {
  world.instantGroupCalls.delete(record.serviceUserId);
  world.touch();
}

/** UserModifyUserIdRequest: the new id obeys the same rules as a new one; the instance keeps its place in lists. */
export function renameInstantGroupCall(world: World, record: InstantGroupCallRecord, newUserId: string): void {
  const group = world.requireGroup(record.serviceProviderId, record.groupId);
  checkNewUserId(world, group, newUserId);
  const entries = [...world.instantGroupCalls.entries()];
  world.instantGroupCalls.clear();
  for (const [id, igc] of entries) {
    if (id === record.serviceUserId) {
      igc.serviceUserId = newUserId;
      world.instantGroupCalls.set(newUserId, igc);
    } else {
      world.instantGroupCalls.set(id, igc);
    }
  }
  world.touch();
}

/** All or nothing: the caller resolves every id (4008 for the first unknown one) before this runs. */
export function setActiveStates(world: World, changes: readonly { record: InstantGroupCallRecord; isActive: boolean }[]): void {
  for (const { record, isActive } of changes) record.isActive = isActive;
  if (changes.length > 0) world.touch();
}

/** `user@domain`, the domain assigned to the group (its default domain always is), unique system-wide. */
function checkNewUserId(world: World, group: GroupRecord, userId: string): void {
  const at = userId.lastIndexOf('@');
  if (at <= 0 || at === userId.length - 1 || userId.indexOf('@') !== at) throw simError('INVALID_USER_ID', userId);
  checkUserIdCharacters(userId);
  const domain = userId.slice(at + 1);
  if (domain !== group.defaultDomain && !group.domains.includes(domain)) {
    throw simError('DOMAIN_NOT_ASSIGNED', domain, `not assigned to group ${group.serviceProviderId}:${group.groupId}`);
  }
  if (world.userIdTaken(userId)) throw simError('USER_ALREADY_EXISTS', userId);
  if (aliasTaken(world, userId)) throw simError('USER_ALREADY_EXISTS', userId, 'it is a SIP alias');
}

/** A DN assigned to the group and used by no other instance. */
function freePhoneNumber(world: World, group: GroupRecord, input: string, self?: string): string {
  const number = world.canonicalNumber(input, group);
  const dn = world.dns.get(number);
  if (!dn || dn.serviceProviderId !== group.serviceProviderId || dn.groupId !== group.groupId) {
    throw simError('DN_NOT_IN_GROUP', number);
  }
  for (const igc of world.instantGroupCalls.values()) {
    if (igc.phoneNumber === number && igc.serviceUserId !== self) throw simError('DN_IN_USE', number, `used by ${igc.serviceUserId}`);
  }
  return number;
}

function freeExtension(world: World, group: GroupRecord, extension: string, self?: string): string {
  for (const igc of world.instantGroupCallsOf(group)) {
    if (igc.extension === extension && igc.serviceUserId !== self) throw simError('EXTENSION_IN_USE', extension);
  }
  return extension;
}

function checked<T>(value: T, check: (value: NoInfer<T>) => void): T {
  check(value);
  return value;
}

function copyDefined<K extends string>(target: object, source: object, keys: readonly K[]): void {
  const from = source as Record<string, unknown>;
  const to = target as Record<string, unknown>;
  for (const key of keys) if (from[key] !== undefined && from[key] !== null) to[key] = from[key];
}
