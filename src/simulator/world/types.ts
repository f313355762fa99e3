// The simulator's state as plain, JSON-safe records: what a WorldStore saves and loads.
// Phone numbers are held canonically (E.164 `+<cc><nsn>`, no dash); passwords only as SHA-1 hex,
// which is all the signed-password check needs (md5(nonce + ":" + sha1(password))).

export interface ServiceProviderRecord {
  serviceProviderId: string;
  /** Added with isEnterprise=true; a plain service provider with useCustomRoutingProfile. */
  isEnterprise: boolean;
  useCustomRoutingProfile?: boolean;
  defaultDomain: string;
  serviceProviderName?: string;
  supportEmail?: string;
  /** Assigned domains, the default domain included. */
  domains: string[];
}

export interface GroupRecord {
  serviceProviderId: string;
  groupId: string;
  defaultDomain: string;
  userLimit: number;
  groupName?: string;
  callingLineIdName?: string;
  callingLineIdPhoneNumber?: string;
  timeZone: string;
  locationDialingCode?: string;
  contact?: Record<string, string>;
  address?: Record<string, string>;
  /** Assigned domains, the default domain included. */
  domains: string[];
}

/** A department key as stored: a group department has a groupId, an enterprise department none. */
export interface DepartmentRef {
  serviceProviderId: string;
  groupId?: string;
  name: string;
}

export interface DepartmentRecord extends DepartmentRef {
  parent?: DepartmentRef;
  callingLineIdName?: string;
  callingLineIdPhoneNumber?: string;
}

/** Who holds a DN: always a service provider, and a group once assigned. */
export interface DnRecord {
  phoneNumber: string;
  serviceProviderId: string;
  groupId?: string;
}

export interface AdminRecord {
  userId: string;
  kind: 'serviceProvider' | 'group';
  serviceProviderId: string;
  groupId?: string;
  firstName?: string;
  lastName?: string;
  language?: string;
  administratorType?: string;
  /** sha1(password) as lowercase hex; absent when the admin was added without a password. */
  passwordSha1?: string;
}

export interface InstantGroupCallRecord {
  serviceUserId: string;
  serviceProviderId: string;
  groupId: string;
  name: string;
  callingLineIdLastName: string;
  callingLineIdFirstName: string;
  hiraganaLastName?: string;
  hiraganaFirstName?: string;
  phoneNumber?: string;
  extension?: string;
  department?: DepartmentRef;
  language: string;
  timeZone: string;
  aliases: string[];
  publicUserIdentity?: string;
  callingLineIdPhoneNumber?: string;
  /** Phone numbers and SIP URIs, as sent (OutgoingDNorSIPURI is stored verbatim). */
  destinations: string[];
  isAnswerTimeoutEnabled: boolean;
  answerTimeoutMinutes?: number;
  networkClassOfService?: string;
  /** Only readable through the instance list's "Is Active" column. New instances are active. */
  isActive: boolean;
}

export interface WorldSnapshot {
  version: 1;
  /** Country code for national numbers when a group has no CLI number to take it from. */
  defaultCountryCode: string;
  systemDomains: string[];
  serviceProviders: ServiceProviderRecord[];
  groups: GroupRecord[];
  departments: DepartmentRecord[];
  dns: DnRecord[];
  admins: AdminRecord[];
  instantGroupCalls: InstantGroupCallRecord[];
}

export function emptySnapshot(): WorldSnapshot {
  return {
    version: 1,
    defaultCountryCode: '32',
    systemDomains: [],
    serviceProviders: [],
    groups: [],
    departments: [],
    dns: [],
    admins: [],
    instantGroupCalls: [],
  };
}
