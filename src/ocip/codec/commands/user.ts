// User-level commands (OCISchemaUser.xsd). Instant Group Call instances are virtual users.
import { many, ociTable, one, optional, query, request, response } from '../schema.js';
import * as sc from '../types/search-criteria.js';
import * as t from '../types/simple-types.js';
import { SuccessResponse } from './core.js';

/** Renames a real or virtual user; used when a service user id follows its phone number. */
export const UserModifyUserIdRequest = request(
  'UserModifyUserIdRequest',
  { userId: one(t.UserId), newUserId: one(t.UserId) },
  SuccessResponse,
  { createsUser: 'newUserId' },
);

/**
 * "Contains a table with column headings: User Id, Group Id, Service Type, Name, Phone Number,
 * Extension, Department in a row for each Service Instance."
 */
export const UserGetServiceInstanceListInServiceProviderResponse = response('UserGetServiceInstanceListInServiceProviderResponse', {
  serviceInstanceTable: one(ociTable),
});

/**
 * The service instances of a service provider, narrowed by criteria that are ANDed together. With
 * the user id and the group id both "Equal To", it answers in one row whether one instance is in
 * one group: the membership check of a read, without listing the whole group.
 */
export const UserGetServiceInstanceListInServiceProviderRequest = query(
  'UserGetServiceInstanceListInServiceProviderRequest',
  {
    serviceProviderId: one(t.ServiceProviderId),
    responseSizeLimit: optional(sc.ResponseSizeLimit),
    // The schema spells these two with a capital S.
    SearchCriteriaGroupId: many(sc.SearchCriteriaGroupId),
    SearchCriteriaExactServiceType: optional(sc.SearchCriteriaExactServiceType),
    searchCriteriaUserId: many(sc.SearchCriteriaUserId),
    searchCriteriaUserLastName: many(sc.SearchCriteriaUserLastName),
    searchCriteriaDn: many(sc.SearchCriteriaDn),
    searchCriteriaExtension: many(sc.SearchCriteriaExtension),
    searchCriteriaExactUserDepartment: optional(sc.SearchCriteriaExactUserDepartment),
  },
  UserGetServiceInstanceListInServiceProviderResponse,
);
