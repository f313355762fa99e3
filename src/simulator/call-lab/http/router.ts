// A small JSON router on node:http for the lab's routes: `:name` path parameters (an `id` or
// `*_id` parameter must be a UUID, else 400 INVALID_ID), JSON bodies (bad JSON is 400
// INVALID_JSON_BODY), and one error mapping: a LabError becomes VoIPbin's error envelope
// `{"error": {status, reason, message, request_id, details}}` with the status of its table; anything
// else is a 500 that says nothing about the inside.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HTTP_STATUS_OF, LabError } from '../errors.js';
import { isUuid } from '../time.js';

const MAX_BODY_BYTES = 1024 * 1024;

export interface LabRequest {
  params: Record<string, string>;
  query: URLSearchParams;
  /** The parsed JSON body; undefined when there was none. */
  body: unknown;
}

type JsonHandler = (request: LabRequest) => object;
type StreamHandler = (request: IncomingMessage, response: ServerResponse) => void;

interface Route {
  method: string;
  pattern: RegExp;
  keys: string[];
  json?: JsonHandler;
  stream?: StreamHandler;
}

export class Router {
  private readonly routes: Route[] = [];

  constructor(
    /** Called with errors that are not LabErrors (they answer 500). */
    private readonly onError: (error: unknown) => void = (error) => console.error('call lab: internal error', error),
  ) {}

  add(method: string, path: string, json: JsonHandler): this {
    this.routes.push({ method, ...compile(path), json });
    return this;
  }

  stream(method: string, path: string, stream: StreamHandler): this {
    this.routes.push({ method, ...compile(path), stream });
    return this;
  }

  async serve(request: IncomingMessage, response: ServerResponse, pathname: string, query: URLSearchParams): Promise<void> {
    try {
      const { route, params } = this.match(request.method ?? 'GET', pathname);
      if (route.stream) return route.stream(request, response);
      const body = await readJson(request);
      sendJson(response, 200, route.json!({ params, query, body }));
    } catch (error) {
      if (!(error instanceof LabError)) this.onError(error);
      const failure = error instanceof LabError ? error : new LabError('INTERNAL', 'INTERNAL', 'internal error of the call lab');
      sendJson(response, HTTP_STATUS_OF[failure.status], {
        error: {
          status: failure.status,
          reason: failure.reason,
          message: failure.message,
          request_id: randomUUID(),
          ...(failure.details.length > 0 ? { details: failure.details } : {}),
        },
      });
    }
  }

  private match(method: string, pathname: string): { route: Route; params: Record<string, string> } {
    for (const route of this.routes) {
      if (route.method !== method) continue;
      const found = route.pattern.exec(pathname);
      if (!found) continue;
      const params: Record<string, string> = {};
      route.keys.forEach((key, index) => (params[key] = decodeSegment(found[index + 1]!)));
      for (const key of route.keys) {
        if ((key === 'id' || key.endsWith('_id')) && !isUuid(params[key]!)) {
          throw new LabError('INVALID_ARGUMENT', 'INVALID_ID', `${key} '${params[key]}' is not a UUID`, [{ field: key, message: 'must be a UUID' }]);
        }
      }
      return { route, params };
    }
    throw new LabError('NOT_FOUND', 'ROUTE_NOT_FOUND', `no route ${method} ${pathname}`);
  }
}

function compile(path: string): { pattern: RegExp; keys: string[] } {
  const keys: string[] = [];
  const source = path
    .split('/')
    .map((part) => {
      if (!part.startsWith(':')) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      keys.push(part.slice(1));
      return '([^/]+)';
    })
    .join('/');
  return { pattern: new RegExp(`^${source}/?$`), keys };
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new LabError('INVALID_ARGUMENT', 'INVALID_ARGUMENT', `malformed percent-encoding in '${segment}'`);
  }
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new LabError('INVALID_ARGUMENT', 'INVALID_JSON_BODY', `the body is over ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new LabError('INVALID_ARGUMENT', 'INVALID_JSON_BODY', `the body is not JSON: ${(error as Error).message}`);
  }
}

export function sendJson(response: ServerResponse, status: number, body: object): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  response.end(text);
}
