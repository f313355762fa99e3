// The request a piece of work belongs to, carried through async calls with AsyncLocalStorage, so a
// log line written deep in the OCI-P layer (a trace of the document sent) names its HTTP request
// without passing an id through every function.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

export interface RequestContext {
  readonly requestId: string;
  /** OCI-P documents (round trips) sent for this request so far. */
  ocipDocuments: number;
}

export const requestContext = new AsyncLocalStorage<RequestContext>();

export function currentRequest(): RequestContext | undefined {
  return requestContext.getStore();
}

/** A caller's id is kept only when it is short and plain: it goes into every log line of the request. */
const ACCEPTABLE_ID = /^[\w.:@/+=-]{1,128}$/;

/** X-Request-Id as sent when it is acceptable, else a new UUID. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && ACCEPTABLE_ID.test(value) ? value : randomUUID();
}
