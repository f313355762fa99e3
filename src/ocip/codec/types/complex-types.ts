// Complex types shared by several commands (OCISchemaDataTypes.xsd), in schema sequence order.
import { abstract, complex, many, one, optional, xsBoolean } from '../schema.js';
import * as t from './simple-types.js';

export const GroupDepartmentKey = complex('GroupDepartmentKey', {
  serviceProviderId: one(t.ServiceProviderId),
  groupId: one(t.GroupId),
  name: one(t.DepartmentName),
});

export const EnterpriseDepartmentKey = complex('EnterpriseDepartmentKey', {
  serviceProviderId: one(t.ServiceProviderId),
  name: one(t.DepartmentName),
});

/** Abstract: each `department` element carries xsi:type; a nil one too (a bare nil fails the schema). */
export const DepartmentKey = abstract('DepartmentKey', [GroupDepartmentKey, EnterpriseDepartmentKey] as const);

export const ServiceInstanceAddProfile = complex('ServiceInstanceAddProfile', {
  name: one(t.ServiceInstanceProfileName),
  callingLineIdLastName: one(t.CallingLineIdLastName),
  callingLineIdFirstName: one(t.CallingLineIdFirstName),
  hiraganaLastName: optional(t.HiraganaLastName),
  hiraganaFirstName: optional(t.HiraganaFirstName),
  phoneNumber: optional(t.DN),
  extension: optional(t.Extension17),
  password: optional(t.Password),
  department: optional(DepartmentKey),
  language: optional(t.Language),
  timeZone: optional(t.TimeZone),
  alias: many(t.SIPURI, 0, 3),
  publicUserIdentity: optional(t.SIPURI),
  callingLineIdPhoneNumber: optional(t.DN),
});

export const ReplacementSIPAliasList = complex('ReplacementSIPAliasList', {
  sipAlias: many(t.SIPURI, 1, 3),
});

export const ServiceInstanceModifyProfile = complex('ServiceInstanceModifyProfile', {
  name: optional(t.ServiceInstanceProfileName),
  callingLineIdLastName: optional(t.CallingLineIdLastName),
  callingLineIdFirstName: optional(t.CallingLineIdFirstName),
  hiraganaLastName: optional(t.HiraganaLastName),
  hiraganaFirstName: optional(t.HiraganaFirstName),
  phoneNumber: optional(t.DN, { nillable: true }),
  extension: optional(t.Extension17, { nillable: true }),
  password: optional(t.Password),
  department: optional(DepartmentKey, { nillable: true }),
  language: optional(t.Language),
  timeZone: optional(t.TimeZone),
  sipAliasList: optional(ReplacementSIPAliasList, { nillable: true }),
  publicUserIdentity: optional(t.SIPURI, { nillable: true }),
  callingLineIdPhoneNumber: optional(t.DN, { nillable: true }),
});

/** "The callingLineIdPhoneNumber is no longer being formatted for display purpose." */
export const ServiceInstanceReadProfile19sp1 = complex('ServiceInstanceReadProfile19sp1', {
  name: one(t.ServiceInstanceProfileName),
  callingLineIdLastName: one(t.CallingLineIdLastName),
  callingLineIdFirstName: one(t.CallingLineIdFirstName),
  hiraganaLastName: optional(t.HiraganaLastName),
  hiraganaFirstName: optional(t.HiraganaFirstName),
  phoneNumber: optional(t.DN),
  extension: optional(t.Extension17),
  countryCode: optional(t.CountryCode),
  nationalPrefix: optional(t.NationalPrefix),
  department: optional(DepartmentKey),
  language: optional(t.Language),
  timeZone: optional(t.TimeZone),
  timeZoneDisplayName: optional(t.TimeZoneDisplayName),
  alias: many(t.SIPURI, 0, 3),
  publicUserIdentity: optional(t.SIPURI),
  callingLineIdPhoneNumber: optional(t.DN),
});

/** "Replaces a previously configured list"; nil clears it, an empty element is schema-invalid. */
export const ReplacementOutgoingDNorSIPURIList = complex('ReplacementOutgoingDNorSIPURIList', {
  phoneNumber: many(t.OutgoingDNorSIPURI, 1),
});

export const ServiceActivation = complex('ServiceActivation', {
  serviceUserId: one(t.UserId),
  isActive: one(xsBoolean),
});

export const Contact = complex('Contact', {
  contactName: optional(t.ContactName, { nillable: true }),
  contactNumber: optional(t.ContactNumber, { nillable: true }),
  contactEmail: optional(t.EmailAddress, { nillable: true }),
});

export const StreetAddress = complex('StreetAddress', {
  addressLine1: optional(t.StreetLine, { nillable: true }),
  addressLine2: optional(t.StreetLine, { nillable: true }),
  city: optional(t.City, { nillable: true }),
  stateOrProvince: optional(t.StateOrProvince, { nillable: true }),
  stateOrProvinceDisplayName: optional(t.StateOrProvince),
  zipOrPostalCode: optional(t.ZipOrPostalCode, { nillable: true }),
  country: optional(t.Country, { nillable: true }),
});

export const DNRange = complex('DNRange', {
  minPhoneNumber: one(t.DN),
  maxPhoneNumber: one(t.DN),
});

export const GroupExtensionLengthSettings = complex('GroupExtensionLengthSettings', {
  minExtensionLength: optional(t.ExtensionLength),
  maxExtensionLength: optional(t.ExtensionLength),
  defaultExtensionLength: optional(t.ExtensionLength),
  useEnterpriseExtensionLengthSetting: optional(xsBoolean),
});
