// The XSD simple types the commands use, with their facets (OCISchemaDataTypes.xsd, OCISchemaBASE.xsd).
import { enumeration, int, token } from '../schema.js';
import type { SimpleType } from '../schema.js';

export const ServiceProviderId = token('ServiceProviderId', 1, 30);
export const GroupId = token('GroupId', 1, 30);
/** user@domain for users and service instances; no domain for system and provider admins. */
export const UserId = token('UserId', 1, 161);
/** "Directory Number in E164 Format": the schema enforces only the length. */
export const DN = token('DN', 1, 23);
/** A phone number or a SIP URI without the sip: prefix. */
export const OutgoingDNorSIPURI = token('OutgoingDNorSIPURI', 1, 161);
export const SIPURI = token('SIPURI', 1, 161);
export const ServiceInstanceProfileName = token('ServiceInstanceProfileName', 1, 30);
export const CallingLineIdLastName = token('CallingLineIdLastName', 1, 30);
export const CallingLineIdFirstName = token('CallingLineIdFirstName', 1, 30);
export const HiraganaLastName = token('HiraganaLastName', 1, 30);
export const HiraganaFirstName = token('HiraganaFirstName', 1, 30);
export const Extension17 = token('Extension17', 2, 20);
export const Password = token('Password', 1, 60, { secret: true });
export const SignedPassword = token('SignedPassword', 1, Infinity, { secret: true });
export const DepartmentName = token('DepartmentName', 1, 50);
export const Language = token('Language', 1, 40);
export const TimeZone = token('TimeZone', 1, 127);
export const TimeZoneDisplayName = token('TimeZoneDisplayName', 1, 127);
export const CountryCode = token('CountryCode', 1, 3, { pattern: /^([0-9]|[1-9][0-9]{1,2})$/ });
export const NationalPrefix = token('NationalPrefix', 1, 2);
export const NetworkClassOfServiceName = token('NetworkClassOfServiceName', 1, 40);
export const InstantGroupCallAnswerTimeoutMinutes = int('InstantGroupCallAnswerTimeoutMinutes', 1, 60);
export const NetAddress = token('NetAddress', 1, 80);
export const GroupName = token('GroupName', 1, 80);
export const GroupCallingLineIdName = token('GroupCallingLineIdName', 1, 80);
export const ServiceProviderName = token('ServiceProviderName', 1, 80);
export const EmailAddress = token('EmailAddress', 1, 80);
export const GroupUserLimit = int('GroupUserLimit', 1, 999999);
export const LocationDialingCode = token('LocationDialingCode', 1, 15);
export const DepartmentCallingLineIdName = token('DepartmentCallingLineIdName', 1, 80);
export const FirstName = token('FirstName', 1, 30);
export const LastName = token('LastName', 1, 30);
export const ResellerId22 = token('ResellerId22', 1, 36);
export const ExternalId = token('ExternalId', 1, 36);
export const OCILocale = token('OCILocale', 1, 5);
export const OCILocale22 = token('OCILocale22', 1, 20);
export const Encoding = token('Encoding', 1, 40);
export const PolicyName = token('PolicyName', 1, 80);
export const ContactName = token('ContactName', 1, 30);
export const ContactNumber = token('ContactNumber', 1, 30);
export const StreetLine = token('StreetLine', 1, 80);
export const City = token('City', 1, 50);
export const StateOrProvince = token('StateOrProvince', 1, 50);
export const ZipOrPostalCode = token('ZipOrPostalCode', 1, 50);
export const Country = token('Country', 1, 50);
export const ExtensionLength = int('ExtensionLength', 2, 20);
export const NonEmptyToken = token('NonEmptyToken', 1, Infinity);
/** xs:boolean with fixed="true" (ServiceProviderAddRequest13mp2's isEnterprise): `false` is schema-invalid. */
export const FixedTrue: SimpleType<boolean> = { kind: 'simple', name: 'xs:boolean fixed true', base: 'boolean', enumeration: ['true'] };

export const LoginType = enumeration('LoginType', [
  'System',
  'Provisioning',
  'Service Provider',
  'Group',
  'Group Department',
  'User',
  'Lawful Intercept',
] as const);

export const LoginType22 = enumeration('LoginType22', [
  'System',
  'Provisioning',
  'Reseller',
  'Service Provider',
  'Group',
  'Group Department',
  'User',
  'Lawful Intercept',
] as const);

export const DigitalSignatureAlgorithm = enumeration('DigitalSignatureAlgorithm', ['MD5'] as const);

export const LogoutRequestReason = enumeration('LogoutRequestReason', [
  'Client Logout',
  'Server Connection Failure',
  'Open Client Server Forced Logout',
] as const);

export const ServiceProviderAdminType = enumeration('ServiceProviderAdminType', [
  'Normal',
  'Customer',
  'Password Reset Only',
] as const);

export const ErrorResponseType = enumeration('ErrorResponseType', ['Error', 'Warning', 'Info'] as const);
