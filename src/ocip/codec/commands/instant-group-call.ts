// Instant Group Call service instances (Services/OCISchemaServiceInstantGroupCall.xsd).
import { many, one, optional, query, request, response, ociTable, xsBoolean } from '../schema.js';
import * as t from '../types/simple-types.js';
import {
  ReplacementOutgoingDNorSIPURIList,
  ServiceActivation,
  ServiceInstanceAddProfile,
  ServiceInstanceModifyProfile,
  ServiceInstanceReadProfile19sp1,
} from '../types/complex-types.js';
import { SuccessResponse } from './core.js';

/** "The domain is required in the serviceUserId." isAnswerTimeoutEnabled is required here. */
export const GroupInstantGroupCallAddInstanceRequest14 = request(
  'GroupInstantGroupCallAddInstanceRequest14',
  {
    serviceProviderId: one(t.ServiceProviderId),
    groupId: one(t.GroupId),
    serviceUserId: one(t.UserId),
    serviceInstanceProfile: one(ServiceInstanceAddProfile),
    destinationPhoneNumber: many(t.OutgoingDNorSIPURI),
    isAnswerTimeoutEnabled: one(xsBoolean),
    answerTimeoutMinutes: optional(t.InstantGroupCallAnswerTimeoutMinutes),
    networkClassOfService: optional(t.NetworkClassOfServiceName),
  },
  SuccessResponse,
  { createsUser: 'serviceUserId' },
);

/** Carries no active flag: that lives only in the instance list's "Is Active" column. */
export const GroupInstantGroupCallGetInstanceResponse19sp1 = response('GroupInstantGroupCallGetInstanceResponse19sp1', {
  serviceInstanceProfile: one(ServiceInstanceReadProfile19sp1),
  destinationPhoneNumber: many(t.OutgoingDNorSIPURI),
  isAnswerTimeoutEnabled: one(xsBoolean),
  answerTimeoutMinutes: optional(t.InstantGroupCallAnswerTimeoutMinutes),
  networkClassOfService: optional(t.NetworkClassOfServiceName),
});

export const GroupInstantGroupCallGetInstanceRequest19sp1 = query(
  'GroupInstantGroupCallGetInstanceRequest19sp1',
  { serviceUserId: one(t.UserId) },
  GroupInstantGroupCallGetInstanceResponse19sp1,
);

/** The destination list replaces the stored one; nil clears it. */
export const GroupInstantGroupCallModifyInstanceRequest = request(
  'GroupInstantGroupCallModifyInstanceRequest',
  {
    serviceUserId: one(t.UserId),
    serviceInstanceProfile: optional(ServiceInstanceModifyProfile),
    destinationPhoneNumberList: optional(ReplacementOutgoingDNorSIPURIList, { nillable: true }),
    isAnswerTimeoutEnabled: optional(xsBoolean),
    answerTimeoutMinutes: optional(t.InstantGroupCallAnswerTimeoutMinutes, { nillable: true }),
    networkClassOfService: optional(t.NetworkClassOfServiceName),
  },
  SuccessResponse,
);

export const GroupInstantGroupCallDeleteInstanceRequest = request(
  'GroupInstantGroupCallDeleteInstanceRequest',
  { serviceUserId: one(t.UserId) },
  SuccessResponse,
);

/** Headings: Service User Id, Name, Phone Number, Extension, Department, Is Active. */
export const GroupInstantGroupCallGetInstanceListResponse = response('GroupInstantGroupCallGetInstanceListResponse', {
  instantGroupCallTable: one(ociTable),
});

export const GroupInstantGroupCallGetInstanceListRequest = query(
  'GroupInstantGroupCallGetInstanceListRequest',
  {
    serviceProviderId: one(t.ServiceProviderId),
    groupId: one(t.GroupId),
    groupDepartmentName: optional(t.DepartmentName),
  },
  GroupInstantGroupCallGetInstanceListResponse,
);

/** One command for any number of instances; it carries no group ids. */
export const GroupInstantGroupCallModifyActiveInstanceListRequest = request(
  'GroupInstantGroupCallModifyActiveInstanceListRequest',
  { serviceActivation: many(ServiceActivation) },
  SuccessResponse,
);
