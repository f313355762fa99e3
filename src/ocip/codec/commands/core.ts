// The core responses of namespace "C" (OCISchemaBASE.xsd): SuccessResponse and ErrorResponse.
import { optional, one, response, xsInt, xsString } from '../schema.js';
import type { CommandValue } from '../schema.js';

export const SuccessResponse = response('SuccessResponse', {}, 'C');

/** The `type` attribute (Error | Warning | Info) travels beside the elements; see ErrorResponseValue. */
export const ErrorResponse = response(
  'ErrorResponse',
  {
    errorCode: optional(xsInt),
    summary: one(xsString),
    summaryEnglish: one(xsString),
    detail: optional(xsString),
  },
  'C',
);

export type ErrorResponseValue = CommandValue<typeof ErrorResponse> & { type: 'Error' | 'Warning' | 'Info' };
