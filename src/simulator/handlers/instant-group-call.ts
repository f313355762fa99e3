// Instant Group Call commands (Services/OCISchemaServiceInstantGroupCall.xsd).
import {
  GroupInstantGroupCallAddInstanceRequest14,
  GroupInstantGroupCallDeleteInstanceRequest,
  GroupInstantGroupCallGetInstanceListRequest,
  GroupInstantGroupCallGetInstanceRequest19sp1,
  GroupInstantGroupCallModifyActiveInstanceListRequest,
  GroupInstantGroupCallModifyInstanceRequest,
} from '../../ocip/codec/index.js';
import type { CommandValue, GroupInstantGroupCallGetInstanceResponse19sp1 } from '../../ocip/codec/index.js';
import { keyFromRef } from '../world/departments.js';
import {
  addInstantGroupCall,
  deleteInstantGroupCall,
  modifyInstantGroupCall,
  setActiveStates,
} from '../world/instances.js';
import { countryCodeOf, nationalNumberOf, nationalPrefixOf } from '../world/numbers.js';
import { timeZoneDisplayName } from '../world/time-zones.js';
import type { InstantGroupCallRecord } from '../world/types.js';
import { groupScope, handler } from './context.js';
import type { Handler, HandlerContext } from './context.js';
import { authorizedGroup } from './group-lookups.js';

export const INSTANCE_LIST_HEADINGS = ['Service User Id', 'Name', 'Phone Number', 'Extension', 'Department', 'Is Active'];

type GetResponse = CommandValue<typeof GroupInstantGroupCallGetInstanceResponse19sp1>;

export const instantGroupCallHandlers: Handler[] = [
  handler(GroupInstantGroupCallAddInstanceRequest14, (ctx, value) => {
    const group = authorizedGroup(ctx, value.serviceProviderId, value.groupId);
    addInstantGroupCall(ctx.world, group, value);
    return {};
  }),

  handler(GroupInstantGroupCallGetInstanceRequest19sp1, (ctx, value) => {
    return instanceAnswer(authorizedInstance(ctx, value.serviceUserId), ctx.now);
  }),

  handler(GroupInstantGroupCallModifyInstanceRequest, (ctx, value) => {
    modifyInstantGroupCall(ctx.world, authorizedInstance(ctx, value.serviceUserId), value);
    return {};
  }),

  handler(GroupInstantGroupCallDeleteInstanceRequest, (ctx, value) => {
    deleteInstantGroupCall(ctx.world, authorizedInstance(ctx, value.serviceUserId));
    return {};
  }),

  // Numbers in E.164, Is Active `true`/`false`, Department = the department's own name.
  handler(GroupInstantGroupCallGetInstanceListRequest, (ctx, value) => {
    const group = authorizedGroup(ctx, value.serviceProviderId, value.groupId);
    const filter = value.groupDepartmentName;
    const rows = ctx.world
      .instantGroupCallsOf(group)
      .filter((igc) => filter === undefined || (igc.department?.groupId === group.groupId && igc.department.name === filter))
      .map((igc) => ({
        'Service User Id': igc.serviceUserId,
        Name: igc.name,
        'Phone Number': igc.phoneNumber ?? '',
        Extension: igc.extension ?? '',
        Department: igc.department?.name ?? '',
        'Is Active': String(igc.isActive),
      }));
    return { instantGroupCallTable: { headings: [...INSTANCE_LIST_HEADINGS], rows } };
  }),

  // All or nothing: every id is resolved and authorised before any flag changes.
  handler(GroupInstantGroupCallModifyActiveInstanceListRequest, (ctx, value) => {
    const changes = (value.serviceActivation ?? []).map((activation) => ({
      record: ctx.world.requireInstantGroupCall(activation.serviceUserId),
      isActive: activation.isActive,
    }));
    for (const { record } of changes) ctx.authorize(groupScope(record));
    setActiveStates(ctx.world, changes);
    return {};
  }),
];

/** Existence first (4008), then scope: the id names the object, and no group id comes with it. */
export function authorizedInstance(ctx: HandlerContext, serviceUserId: string): InstantGroupCallRecord {
  const record = ctx.world.requireInstantGroupCall(serviceUserId);
  ctx.authorize(groupScope(record));
  return record;
}

/**
 * The Get answer as a real system gives it: the phone number as national digits with its
 * countryCode and nationalPrefix beside it (lists, by contrast, carry E.164).
 */
function instanceAnswer(igc: InstantGroupCallRecord, now: number): GetResponse {
  const profile: GetResponse['serviceInstanceProfile'] = {
    name: igc.name,
    callingLineIdLastName: igc.callingLineIdLastName,
    callingLineIdFirstName: igc.callingLineIdFirstName,
    language: igc.language,
    timeZone: igc.timeZone,
    timeZoneDisplayName: timeZoneDisplayName(igc.timeZone, now),
    alias: [...igc.aliases],
  };
  if (igc.hiraganaLastName !== undefined) profile.hiraganaLastName = igc.hiraganaLastName;
  if (igc.hiraganaFirstName !== undefined) profile.hiraganaFirstName = igc.hiraganaFirstName;
  if (igc.phoneNumber !== undefined) {
    const countryCode = countryCodeOf(igc.phoneNumber);
    profile.phoneNumber = nationalNumberOf(igc.phoneNumber);
    profile.countryCode = countryCode;
    profile.nationalPrefix = nationalPrefixOf(countryCode);
  }
  if (igc.extension !== undefined) profile.extension = igc.extension;
  if (igc.department !== undefined) profile.department = keyFromRef(igc.department);
  if (igc.publicUserIdentity !== undefined) profile.publicUserIdentity = igc.publicUserIdentity;
  if (igc.callingLineIdPhoneNumber !== undefined) profile.callingLineIdPhoneNumber = igc.callingLineIdPhoneNumber;
  const answer: GetResponse = {
    serviceInstanceProfile: profile,
    destinationPhoneNumber: [...igc.destinations],
    isAnswerTimeoutEnabled: igc.isAnswerTimeoutEnabled,
  };
  if (igc.answerTimeoutMinutes !== undefined) answer.answerTimeoutMinutes = igc.answerTimeoutMinutes;
  if (igc.networkClassOfService !== undefined) answer.networkClassOfService = igc.networkClassOfService;
  return answer;
}
