// Search criteria (OCISchemaSearchCriteria.xsd) of the service instance search, in schema order.
// Each string criterion is a mode, a value and isCaseInsensitive (schema default true, but the
// element is required).
import { complex, enumeration, int, one, token, xsBoolean } from '../schema.js';
import type { SimpleType } from '../schema.js';
import { DepartmentKey } from './complex-types.js';
import * as t from './simple-types.js';

export const SearchMode = enumeration('SearchMode', ['Starts With', 'Contains', 'Equal To'] as const);

/** "Maximum number of rows to return in response to a search"; omitted means unlimited. */
export const ResponseSizeLimit = int('ResponseSizeLimit', 1);

/** OCISchemaDataTypes.xsd ServiceType: the kinds of service instance (virtual user). */
export const ServiceType = enumeration('ServiceType', [
  'Auto Attendant',
  'Auto Attendant - Standard',
  'BroadWorks Anywhere Portal',
  'Call Center',
  'Collaborate Bridge',
  'Find-me/Follow-me',
  'Flexible Seating Host',
  'Group Paging',
  'Hunt Group',
  'Instant Group Call',
  'Instant Conference Bridge',
  'Meet-Me Conference Bridge',
  'Route Point',
  'VoiceXML',
] as const);

function textCriterion<const Name extends string>(name: Name, value: SimpleType<string>) {
  return complex(name, { mode: one(SearchMode), value: one(value), isCaseInsensitive: one(xsBoolean) });
}

export const SearchCriteriaGroupId = textCriterion('SearchCriteriaGroupId', t.GroupId);
export const SearchCriteriaUserId = textCriterion('SearchCriteriaUserId', t.UserId);
export const SearchCriteriaUserLastName = textCriterion('SearchCriteriaUserLastName', t.LastName);
export const SearchCriteriaDn = textCriterion('SearchCriteriaDn', t.DN);
export const SearchCriteriaExtension = textCriterion('SearchCriteriaExtension', token('SearchCriteriaExtensionValue', 1, 20));
export const SearchCriteriaExactServiceType = complex('SearchCriteriaExactServiceType', { serviceType: one(ServiceType) });
export const SearchCriteriaExactUserDepartment = complex('SearchCriteriaExactUserDepartment', { departmentKey: one(DepartmentKey) });
