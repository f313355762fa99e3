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

/** Requests that matched no route share one label, so unknown URLs cannot grow the series. */
export const UNMATCHED_ROUTE = 'unmatched';

export function observeRequests(logger: Logger, metrics: AdapterMetrics): RequestHandler {
  return (request, response, next) => {
    const started = performance.now();
    const context: RequestContext = { requestId: requestIdFrom(request.headers['x-request-id']), ocipDocuments: 0 };
    response.setHeader(REQUEST_ID_HEADER, context.requestId);
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
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
    };
    response.once('finish', finish);
    response.once('close', finish);
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
  const pattern = (request.route as { path?: unknown } | undefined)?.path;
  if (typeof pattern !== 'string') return UNMATCHED_ROUTE;
  const path = request.originalUrl.split('?', 1)[0]!;
  const pathSegments = path.split('/');
  const extra = pathSegments.length - pattern.split('/').length;
  return extra > 0 ? pathSegments.slice(0, extra + 1).join('/') + pattern : pattern;
}
