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

/** Every API and token answer: never sniffed as another type, never kept by a cache or a browser. */
export const API_HEADERS: Readonly<Record<string, string>> = { 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' };

export const apiHeaders: RequestHandler = (_request, response, next) => {
  response.set(API_HEADERS);
  next();
};

/** Set by the parser's verify hook: body-parser turns an empty body into {}, which must stay a 416. */
const BODY_BYTES = Symbol('bodyBytes');
type Counted = { [BODY_BYTES]?: number };

const BODY_LIMIT = '1mb';

const parseJson = express.json({
  limit: BODY_LIMIT,
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
      next(parseFailure(error));
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

/** body-parser's errors by type: too large is 413, an unknown charset 415, the rest 416 (APIO). */
function parseFailure(error: unknown): HttpError {
  const type = (error as { type?: unknown }).type;
  if (type === 'entity.too.large') return new HttpError('PAYLOAD_TOO_LARGE', `the body is larger than ${BODY_LIMIT}`);
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
    return new HttpError('UNSUPPORTED_MEDIA_TYPE', `the body's encoding is not supported: ${(error as Error).message}`);
  }
  return new HttpError('BAD_MEDIA_TYPE', `the body is not valid JSON: ${(error as Error).message}`);
}

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
