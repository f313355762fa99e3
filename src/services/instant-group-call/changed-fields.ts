// What a PUT changes: the fields of the body that differ from the instance as it is, compared in
// the answer's own vocabulary (E.164 numbers, destinations as answered, "" for none). A body that is
// the instance's own GET answer therefore changes nothing and sends no Modify; read-only fields
// (timeZoneDisplayName, a department's fullPathName, _internal_record_id) never count.
import type { NormalizedNumber } from '../../phone/index.js';
import type { ApioDepartment } from './mapping.js';
import type { NormalizedNumbers } from './request-numbers.js';
import type { InstanceAnswer, UpdateInstanceInput } from './schemas.js';

type Profile = NonNullable<UpdateInstanceInput['serviceInstanceProfile']>;

/** The current state: the answer, with the active flag whether or not answers carry it. */
export interface CurrentInstance {
  answer: InstanceAnswer;
  active: boolean;
}

/**
 * The update input holding only what changes, its numbers as BroadWorks takes them (DNs as
 * +CC-NSN, null to clear). `numbers` are the body's, normalised once.
 */
export function changedFields(input: UpdateInstanceInput, numbers: NormalizedNumbers, current: CurrentInstance): UpdateInstanceInput {
  const now = current.answer;
  const changes: UpdateInstanceInput = {};
  const profile = input.serviceInstanceProfile;
  if (profile) {
    const was = now.serviceInstanceProfile;
    const out: Profile = {};
    for (const key of ['name', 'cliFirstName', 'cliLastName', 'hiraganaFirstName', 'hiraganaLastName', 'language', 'timeZone'] as const) {
      if (profile[key] !== undefined && profile[key] !== was[key]) out[key] = profile[key];
    }
    const phone = changedNumber(numbers.phoneNumber, was.phoneNumber);
    if (phone !== undefined) out.phoneNumber = phone;
    const cli = changedNumber(numbers.callingLineIdPhoneNumber, was.callingLineIdPhoneNumber);
    if (cli !== undefined) out.callingLineIdPhoneNumber = cli;
    for (const key of ['extension', 'publicUserIdentity'] as const) {
      if (profile[key] !== undefined && (profile[key] ?? '') !== was[key]) out[key] = profile[key];
    }
    if (profile.department !== undefined && !sameDepartment(profile.department, was.department)) out.department = profile.department;
    if (profile.aliases !== undefined && !sameList(profile.aliases ?? [], was.aliases)) out.aliases = profile.aliases;
    if (Object.keys(out).length > 0) changes.serviceInstanceProfile = out;
  }
  if (numbers.destinationPhoneNumbers !== undefined && !sameList(numbers.destinationPhoneNumbers, now.destinationPhoneNumbers)) {
    changes.destinationPhoneNumbers = numbers.destinationPhoneNumbers;
  }
  if (input.answerTimeoutMinutes !== undefined && (input.answerTimeoutMinutes ?? undefined) !== now.answerTimeoutMinutes) {
    changes.answerTimeoutMinutes = input.answerTimeoutMinutes;
  }
  if (input.answerTimeoutEnabled !== undefined && input.answerTimeoutEnabled !== now.answerTimeoutEnabled) changes.answerTimeoutEnabled = input.answerTimeoutEnabled;
  if (input.networkClassOfService !== undefined && input.networkClassOfService !== now.networkClassOfService) {
    changes.networkClassOfService = input.networkClassOfService;
  }
  if (input.active !== undefined && input.active !== current.active) changes.active = input.active;
  return changes;
}

/** The DN to send (null clears), or undefined when the number stays as it is. */
function changedNumber(number: NormalizedNumber | null | undefined, current: string): string | null | undefined {
  if (number === undefined) return undefined;
  if ((number?.e164 ?? '') === current) return undefined;
  return number?.dn ?? null;
}

function sameDepartment(department: ApioDepartment | null, current: ApioDepartment | undefined): boolean {
  if (department === null || current === undefined) return department === null && current === undefined;
  return department.tenantId === current.tenantId && (department.groupId ?? '') === (current.groupId ?? '') && department.departmentName === current.departmentName;
}

function sameList(list: readonly string[], current: readonly string[]): boolean {
  return list.length === current.length && list.every((item, index) => item === current[index]);
}
