// An ErrorResponse is data in the codec and a typed error above it. BroadWorks often leaves out
// <errorCode> and starts the summary with "[Error NNNN]" instead, so the code is read from either.
import { OcipErrorResponseError } from '../errors.js';

const CODE_IN_SUMMARY = /^\s*\[Error (\d+)\]/;

export interface ErrorResponseFields {
  errorCode?: number;
  summary?: string;
  summaryEnglish?: string;
  detail?: string;
  type?: string;
}

/** The error for an ErrorResponse answering `commandType` (the request's type). */
export function toErrorResponseError(commandType: string, value: ErrorResponseFields): OcipErrorResponseError {
  const summary = value.summary ?? '';
  const summaryEnglish = value.summaryEnglish ?? summary;
  const parsed = CODE_IN_SUMMARY.exec(summaryEnglish) ?? CODE_IN_SUMMARY.exec(summary);
  const errorCode = typeof value.errorCode === 'number' ? value.errorCode : parsed ? Number(parsed[1]) : undefined;
  const type = value.type === 'Warning' || value.type === 'Info' ? value.type : 'Error';
  return new OcipErrorResponseError(commandType, { summary, summaryEnglish, errorCode, detail: value.detail, type });
}
