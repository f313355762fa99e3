// The first middleware of every request: its id (X-Request-Id honoured or generated, echoed in the
// answer), the AsyncLocalStorage context that tags its log lines, and at the end one log line and
// the HTTP metrics. The error observer counts APIO errors by code just before the error middleware.
import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import { toErrorAnswer } from '../http/error-response.js';
import type { Logger } from './logger.js';
import { maskUrl } from './logger.js';
import type { AdapterMetrics } from './metrics.js';
import { requestContext, requestIdFrom } from './request-context.js';
import type { RequestContext } from './request-context.js';

export const REQUEST_ID_HEADER = 'X-Request-Id';

/** Where a handler that is not an Express route (GET /metrics, /readyz) names its route. */
export const ROUTE_LABEL = Symbol('routeLabel');

/** Requests that matched no route share one label, so unknown URLs cannot grow the series. */
export const UNMATCHED_ROUTE = 'unmatched';

export function observeRequests(logger: Logger, metrics: AdapterMetrics): RequestHandler {
  return (request, response, next) => {
    const started = performance.now();
    const context: RequestContext = { requestId: requestIdFrom(request.headers['x-request-id']), ocipDocuments: 0 };
    response.setHeader(REQUEST_ID_HEADER, context.requestId);
    // 'close' comes once per response, after 'finish' when the answer went out whole.
    response.once('close', () => {
      const ms = performance.now() - started;
      const route = routeLabel(request);
      // An answer cut short (the client went away) is counted as the 499 nginx would log.
      const status = response.writableFinished ? response.statusCode : 499;
      metrics.observeHttp(request.method, route, status, ms / 1000);
      logger.info(
        {
          reqId: context.requestId,
          method: request.method,
          url: maskUrl(request.originalUrl),
          route,
          status,
          ms: Math.round(ms * 100) / 100,
          ocipDocuments: context.ocipDocuments,
        },
        'request',
      );
    });
    requestContext.run(context, next);
  };
}

/** Counts the APIO error the error middleware is about to answer, by its stable code. */
export function observeErrors(metrics: AdapterMetrics): ErrorRequestHandler {
  return (error, _request, _response, next) => {
    const entry = toErrorAnswer(error).body.errors[0];
    if (entry) metrics.countError(entry.code, entry.details.reason);
    next(error);
  };
}

/**
 * The matched Express route pattern with its mount prefix, e.g.
 * /api/v1/tenants/:tenant_id/groups/:group_id/services/instant_group_calls/. The prefix is read from
 * the URL (as many leading segments as the URL has beyond the pattern's) because Express has reset
 * req.baseUrl by the time an error reaches the app-level error middleware.
 */
export function routeLabel(request: Request): string {
  const named = (request as { [ROUTE_LABEL]?: string })[ROUTE_LABEL];
  if (named !== undefined) return named;
  const pattern = (request.route as { path?: unknown } | undefined)?.path;
  if (typeof pattern !== 'string') return UNMATCHED_ROUTE;
  const url = request.originalUrl;
  const query = url.indexOf('?');
  const path = query === -1 ? url : url.slice(0, query);
  let extra = slashes(path) - slashes(pattern);
  if (extra <= 0) return pattern;
  // The prefix ends at the slash that starts the pattern's part of the path.
  let end = 0;
  while (extra-- > 0) end = path.indexOf('/', end + 1);
  return path.slice(0, end) + pattern;
}

function slashes(text: string): number {
  let count = 0;
  for (let index = text.indexOf('/'); index !== -1; index = text.indexOf('/', index + 1)) count++;
  return count;
}
