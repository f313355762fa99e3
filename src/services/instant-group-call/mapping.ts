// APIO JSON <-> OCI-P values for Instant Group Call. Pure: numbers arrive already normalised.
import type {
  CommandValue,
  GroupInstantGroupCallAddInstanceRequest14,
  GroupInstantGroupCallGetInstanceResponse19sp1,
  GroupInstantGroupCallModifyInstanceRequest,
  OciTable,
  types,
  ValueOf,
} from '../../ocip/codec/index.js';
import type { CreateInstanceInput, InstanceAnswer, ListItem, UpdateInstanceInput } from './schemas.js';

type DepartmentKeyValue = ValueOf<typeof types.DepartmentKey>;
type AddValue = CommandValue<typeof GroupInstantGroupCallAddInstanceRequest14>;
type ModifyValue = CommandValue<typeof GroupInstantGroupCallModifyInstanceRequest>;
type ModifyProfile = NonNullable<ModifyValue['serviceInstanceProfile']>;
type GetValue = CommandValue<typeof GroupInstantGroupCallGetInstanceResponse19sp1>;

export interface ApioDepartment {
  tenantId: string;
  groupId?: string;
  departmentName: string;
}

/** A department with a groupId is a GroupDepartmentKey, without one an EnterpriseDepartmentKey. */
export function toDepartmentKey(department: ApioDepartment): DepartmentKeyValue {
  return department.groupId
    ? { $type: 'GroupDepartmentKey', serviceProviderId: department.tenantId, groupId: department.groupId, name: department.departmentName }
    : { $type: 'EnterpriseDepartmentKey', serviceProviderId: department.tenantId, name: department.departmentName };
}

export function fromDepartmentKey(key: DepartmentKeyValue): ApioDepartment {
  return key.$type === 'GroupDepartmentKey'
    ? { tenantId: key.serviceProviderId, groupId: key.groupId, departmentName: key.name }
    : { tenantId: key.serviceProviderId, departmentName: key.name };
}

export function toAddRequest(tenantId: string, groupId: string, serviceUserId: string, input: CreateInstanceInput): AddValue {
  const profile = input.serviceInstanceProfile;
  return {
    serviceProviderId: tenantId,
    groupId,
    serviceUserId,
    serviceInstanceProfile: {
      name: profile.name,
      callingLineIdLastName: profile.cliLastName,
      callingLineIdFirstName: profile.cliFirstName,
      hiraganaLastName: profile.hiraganaLastName,
      hiraganaFirstName: profile.hiraganaFirstName,
      phoneNumber: emptyToUndefined(profile.phoneNumber),
      extension: profile.extension,
      password: profile.password,
      department: profile.department ? toDepartmentKey(profile.department) : undefined,
      language: profile.language,
      timeZone: profile.timeZone,
      alias: profile.aliases ?? [],
      publicUserIdentity: profile.publicUserIdentity,
      callingLineIdPhoneNumber: emptyToUndefined(profile.callingLineIdPhoneNumber),
    },
    destinationPhoneNumber: input.destinationPhoneNumbers ?? [],
    isAnswerTimeoutEnabled: input.answerTimeoutEnabled,
    answerTimeoutMinutes: input.answerTimeoutMinutes,
    networkClassOfService: input.networkClassOfService,
  };
}

/** Only what the body names is sent; null or "" clears a nillable element; [] clears the list (nil). */
export function toModifyRequest(serviceUserId: string, input: UpdateInstanceInput): ModifyValue {
  const request: ModifyValue = { serviceUserId };
  const profile = input.serviceInstanceProfile;
  if (profile) {
    const modify: ModifyProfile = {
      name: profile.name,
      callingLineIdLastName: profile.cliLastName,
      callingLineIdFirstName: profile.cliFirstName,
      hiraganaLastName: profile.hiraganaLastName,
      hiraganaFirstName: profile.hiraganaFirstName,
      phoneNumber: clearable(profile.phoneNumber),
      extension: clearable(profile.extension),
      department: profile.department === undefined ? undefined : profile.department === null ? null : toDepartmentKey(profile.department),
      language: profile.language,
      timeZone: profile.timeZone,
      sipAliasList: profile.aliases === undefined ? undefined : profile.aliases.length === 0 ? null : { sipAlias: profile.aliases },
      publicUserIdentity: clearable(profile.publicUserIdentity),
      callingLineIdPhoneNumber: clearable(profile.callingLineIdPhoneNumber),
    };
    if (Object.values(modify).some((value) => value !== undefined)) request.serviceInstanceProfile = modify;
  }
  if (input.destinationPhoneNumbers !== undefined) {
    request.destinationPhoneNumberList =
      input.destinationPhoneNumbers.length === 0 ? null : { phoneNumber: input.destinationPhoneNumbers };
  }
  if (input.answerTimeoutEnabled !== undefined) request.isAnswerTimeoutEnabled = input.answerTimeoutEnabled;
  if (input.answerTimeoutMinutes !== undefined) request.answerTimeoutMinutes = input.answerTimeoutMinutes;
  if (input.networkClassOfService !== undefined) request.networkClassOfService = input.networkClassOfService;
  return request;
}

/** True when the Modify carries something beyond the id. */
export function modifiesAnything(request: ModifyValue): boolean {
  return Object.keys(request).some((key) => key !== 'serviceUserId' && request[key as keyof ModifyValue] !== undefined);
}

/** The GET-instance answer. Absent optional strings are "" as APIO renders them. */
export function toInstanceAnswer(response: GetValue, toE164: (number: string) => string): InstanceAnswer {
  const profile = response.serviceInstanceProfile;
  return {
    serviceInstanceProfile: {
      name: profile.name,
      cliFirstName: profile.callingLineIdFirstName,
      cliLastName: profile.callingLineIdLastName,
      ...(profile.hiraganaFirstName !== undefined && { hiraganaFirstName: profile.hiraganaFirstName }),
      ...(profile.hiraganaLastName !== undefined && { hiraganaLastName: profile.hiraganaLastName }),
      phoneNumber: profile.phoneNumber ? toE164(withCountryCode(profile.phoneNumber, profile.countryCode)) : '',
      extension: profile.extension ?? '',
      ...(profile.department && { department: fromDepartmentKey(profile.department) }),
      ...(profile.language !== undefined && { language: profile.language }),
      ...(profile.timeZone !== undefined && { timeZone: profile.timeZone }),
      ...(profile.timeZoneDisplayName !== undefined && { timeZoneDisplayName: profile.timeZoneDisplayName }),
      aliases: profile.alias ?? [],
      publicUserIdentity: profile.publicUserIdentity ?? '',
      callingLineIdPhoneNumber: profile.callingLineIdPhoneNumber ? toE164(profile.callingLineIdPhoneNumber) : '',
    },
    ...(response.answerTimeoutMinutes !== undefined && { answerTimeoutMinutes: response.answerTimeoutMinutes }),
    answerTimeoutEnabled: response.isAnswerTimeoutEnabled,
    destinationPhoneNumbers: (response.destinationPhoneNumber ?? []).map((destination) =>
      destination.includes('@') ? destination : toE164(destination),
    ),
    ...(response.networkClassOfService !== undefined && { networkClassOfService: response.networkClassOfService }),
  };
}

/** Read profiles may give national digits plus a separate countryCode. */
function withCountryCode(number: string, countryCode: string | undefined): string {
  return number.startsWith('+') || !countryCode ? number : `+${countryCode}${number.replace(/^0/, '')}`;
}

export interface DepartmentRow {
  isEnterprise: boolean;
  name: string;
  fullPathName: string;
}

/** Rows of GroupDepartmentGetListResponse18, by heading. */
export function departmentRows(table: OciTable): DepartmentRow[] {
  return table.rows.map((row) => ({
    isEnterprise: row['Is Enterprise Department'] === 'true',
    name: row['Department Name'] ?? '',
    fullPathName: row['Full Path Name'] ?? row['Department Name'] ?? '',
  }));
}

/**
 * The list answer: columns found by heading; the department completed from the department list.
 * A group has few departments and a list may have thousands of rows: each department column value
 * is resolved once and its answer object shared by the rows that name it (bench: the 1,000-row list).
 */
export function toListItems(
  table: OciTable,
  departments: DepartmentRow[],
  tenantId: string,
  groupId: string,
  toE164: (number: string) => string,
): ListItem[] {
  const resolved = new Map<string, ListItem['department']>();
  const departmentOf = (column: string): ListItem['department'] => {
    if (resolved.has(column)) return resolved.get(column);
    const departmentName = stripGroupSuffix(column, groupId);
    const known = departments.find((department) => department.name === departmentName);
    const department = departmentName
      ? { tenantId, ...(!known?.isEnterprise && { groupId }), departmentName, fullPathName: known?.fullPathName ?? departmentName }
      : undefined;
    resolved.set(column, department);
    return department;
  };
  return table.rows.map((row) => {
    const phoneNumber = row['Phone Number'];
    const item: ListItem = {
      serviceUserId: row['Service User Id'] ?? '',
      name: row['Name'] ?? '',
      phoneNumber: phoneNumber ? toE164(phoneNumber) : '',
      extension: row['Extension'] ?? '',
    };
    const department = departmentOf(row['Department'] ?? '');
    if (department) item.department = department;
    return item;
  });
}

/** BroadWorks lists may show a group department as "name (groupId)". */
function stripGroupSuffix(name: string, groupId: string): string {
  const suffix = ` (${groupId})`;
  return name.endsWith(suffix) ? name.slice(0, -suffix.length) : name;
}

function emptyToUndefined(value: string | undefined): string | undefined {
  return value === '' ? undefined : value;
}

function clearable(value: string | null | undefined): string | null | undefined {
  return value === '' ? null : value;
}
