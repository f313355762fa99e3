// Commands that build a world over OCI-P itself: providers, domains, groups, numbers,
// departments and administrators (OCISchemaDeprecatedAS.xsd, OCISchemaSystem/ServiceProvider/Group.xsd).
import { many, one, optional, request, xsBoolean } from '../schema.js';
import * as t from '../types/simple-types.js';
import { Contact, DepartmentKey, DNRange, StreetAddress } from '../types/complex-types.js';
import { SuccessResponse } from './core.js';

/** An enterprise is added with isEnterprise=true (fixed), a service provider with useCustomRoutingProfile. */
export const ServiceProviderAddRequest13mp2 = request(
  'ServiceProviderAddRequest13mp2',
  {
    isEnterprise: optional(t.FixedTrue, { choice: 'kind' }),
    useCustomRoutingProfile: optional(xsBoolean, { choice: 'kind' }),
    serviceProviderId: one(t.ServiceProviderId),
    defaultDomain: one(t.NetAddress),
    serviceProviderName: optional(t.ServiceProviderName),
    supportEmail: optional(t.EmailAddress),
    contact: optional(Contact),
    address: optional(StreetAddress),
    servicePolicy: optional(t.PolicyName),
    callProcessingSliceId: optional(t.PolicyName),
    provisioningSliceId: optional(t.PolicyName),
    subscriberPartition: optional(t.PolicyName),
    preferredDataCenter: optional(t.PolicyName),
    resellerId: optional(t.ResellerId22),
  },
  SuccessResponse,
);

export const SystemDomainAddRequest = request(
  'SystemDomainAddRequest',
  { domain: one(t.NetAddress), resellerId: optional(t.ResellerId22) },
  SuccessResponse,
);

export const ServiceProviderDomainAssignListRequest = request(
  'ServiceProviderDomainAssignListRequest',
  { serviceProviderId: one(t.ServiceProviderId), domain: many(t.NetAddress, 1) },
  SuccessResponse,
);

export const GroupAddRequest = request(
  'GroupAddRequest',
  {
    serviceProviderId: one(t.ServiceProviderId),
    groupId: one(t.GroupId),
    defaultDomain: one(t.NetAddress),
    userLimit: one(t.GroupUserLimit),
    groupName: optional(t.GroupName),
    callingLineIdName: optional(t.GroupCallingLineIdName),
    timeZone: optional(t.TimeZone),
    locationDialingCode: optional(t.LocationDialingCode),
    contact: optional(Contact),
    address: optional(StreetAddress),
    servicePolicy: optional(t.PolicyName),
    callProcessingSliceId: optional(t.PolicyName),
    provisioningSliceId: optional(t.PolicyName),
    subscriberPartition: optional(t.PolicyName),
    preferredDataCenter: optional(t.PolicyName),
    defaultUserCallingLineIdPhoneNumber: optional(t.DN),
  },
  SuccessResponse,
);

export const GroupDomainAssignListRequest = request(
  'GroupDomainAssignListRequest',
  { serviceProviderId: one(t.ServiceProviderId), groupId: one(t.GroupId), domain: many(t.NetAddress, 1) },
  SuccessResponse,
);

export const ServiceProviderDnAddListRequest = request(
  'ServiceProviderDnAddListRequest',
  { serviceProviderId: one(t.ServiceProviderId), phoneNumber: many(t.DN), dnRange: many(DNRange) },
  SuccessResponse,
);

/** The DNs "must have previously been added to the service provider or enterprise". */
export const GroupDnAssignListRequest = request(
  'GroupDnAssignListRequest',
  {
    serviceProviderId: one(t.ServiceProviderId),
    groupId: one(t.GroupId),
    phoneNumber: many(t.DN),
    dnRange: many(DNRange),
  },
  SuccessResponse,
);

export const GroupDepartmentAddRequest = request(
  'GroupDepartmentAddRequest',
  {
    serviceProviderId: one(t.ServiceProviderId),
    groupId: one(t.GroupId),
    departmentName: one(t.DepartmentName),
    parentDepartmentKey: optional(DepartmentKey),
    callingLineIdName: optional(t.DepartmentCallingLineIdName),
    callingLineIdPhoneNumber: optional(t.DN),
  },
  SuccessResponse,
);

/** Service provider administrators have no domain in their user id. */
export const ServiceProviderAdminAddRequest14 = request(
  'ServiceProviderAdminAddRequest14',
  {
    serviceProviderId: one(t.ServiceProviderId),
    userId: one(t.UserId),
    firstName: optional(t.FirstName),
    lastName: optional(t.LastName),
    password: optional(t.Password),
    language: optional(t.Language),
    administratorType: one(t.ServiceProviderAdminType),
  },
  SuccessResponse,
);

export const GroupAdminAddRequest = request(
  'GroupAdminAddRequest',
  {
    serviceProviderId: one(t.ServiceProviderId),
    groupId: one(t.GroupId),
    userId: one(t.UserId),
    firstName: optional(t.FirstName),
    lastName: optional(t.LastName),
    password: optional(t.Password),
    language: optional(t.Language),
  },
  SuccessResponse,
);
