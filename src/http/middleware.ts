// Request guards that APIO applies to every route, and the one error middleware at the end.
import express from 'express';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { HttpError } from './http-errors.js';
import { toErrorAnswer } from './error-response.js';

/** "Every GW URL ends with /. Requests without the trailing slash are rejected." */
export const requireTrailingSlash: RequestHandler = (request, _response, next) => {
  if (!request.path.endsWith('/')) {
    next(new HttpError('TRAILING_SLASH', `the URL must end with '/': ${request.baseUrl}${request.path}/`));
    return;
  }
  next();
};

/** Set by the parser's verify hook: body-parser turns an empty body into {}, which must stay a 416. */
const BODY_BYTES = Symbol('bodyBytes');
type Counted = { [BODY_BYTES]?: number };

const parseJson = express.json({
  limit: '1mb',
  strict: false,
  type: () => true,
  verify: (request, _response, buffer) => {
    (request as Counted)[BODY_BYTES] = buffer.length;
  },
});

/** A body that is not a JSON object (or is empty where one is needed) is a 416 "Bad Media Type". */
export const requireJsonObject: RequestHandler = (request, response, next) => {
  parseJson(request, response, (error?: unknown) => {
    if (error) {
      next(new HttpError('BAD_MEDIA_TYPE', `the body is not valid JSON: ${(error as Error).message}`));
      return;
    }
    const body: unknown = request.body;
    if (!(request as Counted)[BODY_BYTES]) {
      next(new HttpError('BAD_MEDIA_TYPE', 'the body is empty; a JSON object is required'));
      return;
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      next(new HttpError('BAD_MEDIA_TYPE', 'the body must be a JSON object'));
      return;
    }
    next();
  });
};

export const notFound: RequestHandler = (request, _response, next) => {
  next(new HttpError('ROUTE_NOT_FOUND', `no route ${request.method} ${request.originalUrl}`));
};

export function errorMiddleware(log: (error: unknown) => void): ErrorRequestHandler {
  return (error, _request, response, _next) => {
    const answer = toErrorAnswer(error);
    if (answer.status >= 500) log(error);
    response.status(answer.status).json(answer.body);
  };
}
