// Instant Group Call instances as the lab dials them, read from the simulator's World (never
// changed). An address reaches an instance by its phone number (tel), its service user id or a SIP
// alias (sip), or its extension (extension; `target_name` may name the group when two groups use
// the same extension). An instance's `destinationPhoneNumber`s become addresses: SIP URIs as sip,
// short digits as an extension of the instance's group, other numbers as E.164 in the group's
// country (as BroadWorks reads national numbers).
import { isSipUri } from '../world/destinations.js';
import type { InstantGroupCallRecord } from '../world/types.js';
import type { World } from '../world/world.js';
import { address, normaliseTarget } from './address.js';
import type { Address } from './address.js';

/** BroadWorks extensions are short; a longer run of digits is a national number. */
const MAX_EXTENSION_DIGITS = 6;

export type InstanceLookup =
  | { kind: 'none' }
  | { kind: 'instance'; record: InstantGroupCallRecord }
  | { kind: 'ambiguous'; message: string };

export function findInstance(world: World, to: Address): InstanceLookup {
  const all = [...world.instantGroupCalls.values()];
  let matches: InstantGroupCallRecord[];
  switch (to.type) {
    case 'tel':
      matches = all.filter((igc) => igc.phoneNumber === to.target);
      break;
    case 'sip': {
      const wanted = to.target.toLowerCase();
      matches = all.filter((igc) => igc.serviceUserId.toLowerCase() === wanted || igc.aliases.some((a) => a.toLowerCase() === wanted));
      break;
    }
    case 'extension':
      matches = all.filter((igc) => igc.extension === to.target && (to.target_name === '' || igc.groupId === to.target_name));
      break;
  }
  if (matches.length === 0) return { kind: 'none' };
  if (matches.length === 1) return { kind: 'instance', record: matches[0]! };
  const groups = matches.map((igc) => `${igc.serviceProviderId}/${igc.groupId}`).join(', ');
  return { kind: 'ambiguous', message: `extension ${to.target} is used in several groups (${groups}); name the group id in target_name` };
}

/** The instance's destinations as addresses, and a note for each one that cannot be dialled. */
export function instanceDestinations(world: World, igc: InstantGroupCallRecord): { addresses: Address[]; notes: string[] } {
  const group = world.group(igc.serviceProviderId, igc.groupId);
  const addresses: Address[] = [];
  const notes: string[] = [];
  for (const destination of igc.destinations) {
    if (isSipUri(destination)) {
      const result = normaliseTarget('sip', destination);
      if ('target' in result) addresses.push(address('sip', result.target));
      else notes.push(`destination ${destination} of ${igc.serviceUserId} cannot be dialled: ${result.problem}`);
      continue;
    }
    if (/^[1-9]\d*$/.test(destination) && destination.length <= MAX_EXTENSION_DIGITS) {
      addresses.push({ ...address('extension', destination), target_name: igc.groupId });
      continue;
    }
    try {
      addresses.push(address('tel', world.canonicalNumber(destination, group)));
    } catch {
      notes.push(`destination ${destination} of ${igc.serviceUserId} is not a number the lab can dial`);
    }
  }
  return { addresses, notes };
}

/** How an instance is shown in a groupcall and in notes. */
export function instanceLabel(igc: InstantGroupCallRecord): string {
  return igc.phoneNumber ? `${igc.serviceUserId} (${igc.phoneNumber})` : igc.serviceUserId;
}
