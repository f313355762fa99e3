// User-level commands (OCISchemaUser.xsd). Instant Group Call instances are virtual users.
import { one, request } from '../schema.js';
import * as t from '../types/simple-types.js';
import { SuccessResponse } from './core.js';

/** Renames a real or virtual user; used when a service user id follows its phone number. */
export const UserModifyUserIdRequest = request(
  'UserModifyUserIdRequest',
  { userId: one(t.UserId), newUserId: one(t.UserId) },
  SuccessResponse,
  { createsUser: 'newUserId' },
);
