// Release-neutral requests: what the adapter asks for ("read the group"), in fields every release
// can answer. They never reach the wire: a session translates each into its release's command
// (release-profiles.ts) and the answer back into the neutral response.
import { one, response } from '../schema.js';
import type { CommandSpec, Fields } from '../schema.js';
import * as t from '../types/simple-types.js';
import { GroupGetResponse14sp7 } from '../commands/group.js';

function portableQuery<const Name extends string, const F extends Fields, R extends CommandSpec>(
  name: Name,
  fields: F,
  answer: R,
): CommandSpec<Name, F, R> {
  return { kind: 'complex', role: 'request', namespace: '', name, fields, response: answer, portable: true, readOnly: true };
}

/** The group profile every release answers: GroupGetResponse14sp7's elements (R21), which later responses extend. */
export const GroupProfile = response('GroupProfile', GroupGetResponse14sp7.fields);

/** Reads one group's profile (a query: it changes nothing, so a dry run sends it): GroupGetRequest22V5 from R22 on, GroupGetRequest14sp7 on R21. */
export const GroupGet = portableQuery('GroupGet', { serviceProviderId: one(t.ServiceProviderId), groupId: one(t.GroupId) }, GroupProfile);

/** Every release-neutral request; each profile translates all of them (a test checks it). */
export const portableRequests: readonly CommandSpec[] = [GroupGet];
