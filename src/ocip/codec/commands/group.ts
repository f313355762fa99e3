// Group lookups the adapter needs for ids and numbers (OCISchemaGroup.xsd).
import { many, one, optional, query, request, response, ociTable, xsBoolean, xsInt } from '../schema.js';
import * as t from '../types/simple-types.js';
import { Contact, GroupExtensionLengthSettings, StreetAddress } from '../types/complex-types.js';
import { SuccessResponse } from './core.js';

export const GroupGetResponse22V5 = response('GroupGetResponse22V5', {
  defaultDomain: one(t.NetAddress),
  userLimit: one(t.GroupUserLimit),
  userCount: one(xsInt),
  groupName: optional(t.GroupName),
  callingLineIdName: optional(t.GroupCallingLineIdName),
  callingLineIdPhoneNumber: optional(t.DN),
  callingLineIdDisplayPhoneNumber: optional(t.DN),
  timeZone: one(t.TimeZone),
  timeZoneDisplayName: one(t.TimeZoneDisplayName),
  locationDialingCode: optional(t.LocationDialingCode),
  contact: optional(Contact),
  address: optional(StreetAddress),
  servicePolicy: optional(t.PolicyName),
  callProcessingSliceId: optional(t.PolicyName),
  provisioningSliceId: optional(t.PolicyName),
  subscriberPartition: optional(t.PolicyName),
  preferredDataCenter: optional(t.PolicyName),
  resellerId: optional(t.ResellerId22),
  defaultUserCallingLineIdPhoneNumber: optional(t.DN),
  serviceProviderId: one(t.ServiceProviderId),
  groupId: one(t.GroupId),
  groupExternalId: optional(t.ExternalId),
});

/** The schema's choice (ids | groupExternalId) is modelled as a named choice group. */
export const GroupGetRequest22V5 = query(
  'GroupGetRequest22V5',
  {
    serviceProviderId: optional(t.ServiceProviderId, { choice: 'group' }),
    groupId: optional(t.GroupId, { choice: 'group' }),
    groupExternalId: optional(t.ExternalId, { choice: 'group' }),
  },
  GroupGetResponse22V5,
);

export const GroupDomainGetAssignedListResponse = response('GroupDomainGetAssignedListResponse', {
  groupDefaultDomain: one(t.NetAddress),
  domain: many(t.NetAddress),
});

export const GroupDomainGetAssignedListRequest = query(
  'GroupDomainGetAssignedListRequest',
  { serviceProviderId: one(t.ServiceProviderId), groupId: one(t.GroupId) },
  GroupDomainGetAssignedListResponse,
);

export const GroupDnGetListResponse = response('GroupDnGetListResponse', { phoneNumber: many(t.DN) });

export const GroupDnGetListRequest = query(
  'GroupDnGetListRequest',
  { serviceProviderId: one(t.ServiceProviderId), groupId: one(t.GroupId) },
  GroupDnGetListResponse,
);

/** Headings: Is Enterprise Department, Department Name, Full Path Name, Calling Line Id Name, … Phone Number. */
export const GroupDepartmentGetListResponse18 = response('GroupDepartmentGetListResponse18', {
  departmentTable: one(ociTable),
});

export const GroupDepartmentGetListRequest18 = query(
  'GroupDepartmentGetListRequest18',
  {
    serviceProviderId: one(t.ServiceProviderId),
    groupId: one(t.GroupId),
    includeEnterpriseDepartments: one(xsBoolean),
  },
  GroupDepartmentGetListResponse18,
);

/**
 * Sets the group's calling line id number (GroupAddRequest has none). The trailing dial-plan
 * elements (dialPlanAccessCode, dialPlanPolicy) are not modelled: nothing here sets them.
 */
export const GroupModifyRequest = request(
  'GroupModifyRequest',
  {
    serviceProviderId: one(t.ServiceProviderId),
    groupId: one(t.GroupId),
    defaultDomain: optional(t.NetAddress),
    userLimit: optional(t.GroupUserLimit),
    groupName: optional(t.GroupName, { nillable: true }),
    callingLineIdName: optional(t.GroupCallingLineIdName, { nillable: true }),
    callingLineIdPhoneNumber: optional(t.DN, { nillable: true }),
    timeZone: optional(t.TimeZone),
    locationDialingCode: optional(t.LocationDialingCode, { nillable: true }),
    contact: optional(Contact),
    address: optional(StreetAddress),
    servicePolicy: optional(t.PolicyName, { nillable: true }),
    callProcessingSliceId: optional(t.PolicyName, { nillable: true }),
    provisioningSliceId: optional(t.PolicyName, { nillable: true }),
    subscriberPartition: optional(t.PolicyName, { nillable: true }),
    preferredDataCenter: optional(t.PolicyName, { nillable: true }),
    defaultUserCallingLineIdPhoneNumber: optional(t.DN, { nillable: true }),
    extensionLengthSettings: optional(GroupExtensionLengthSettings),
  },
  SuccessResponse,
);
