// The OCI-P-over-SOAP endpoint: POST /webservice/services/ProvisioningService (and GET ?wsdl),
// served by the simulator's HTTP listener (server-http.ts). An OCI session is bound to the HTTP
// client's JSESSIONID cookie (issued on its first request), and the requests of one cookie are
// processed one at a time, in order, as on a socket.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Dispatcher } from './dispatcher.js';
import { LOGIN_COMMANDS } from './handlers/index.js';
import type { SessionRegistry, SessionState } from './session.js';
import { SOAP_PATH, SoapRequestError, unwrapRequest, wrapFault, wrapResponse, wsdl } from './soap-envelope.js';

export { SOAP_PATH };

const MAX_BODY_BYTES = 1024 * 1024;
/** Cookie sessions kept; the oldest is forgotten first (an idle HTTP client logs in again). */
const MAX_COOKIE_SESSIONS = 10_000;

export interface SoapOptions {
  dispatcher: Dispatcher;
  registry: SessionRegistry;
  /** A logged-in cookie idle this long is logged out: its next request is outside a session. */
  sessionIdleTimeoutMs: number;
}

interface CookieSession {
  state: SessionState;
  queue: Promise<void>;
  lastUsed: number;
}

/** The fault a request outside a logged-in session gets (the OCI session expired or never was). */
export const NO_SESSION_FAULT = 'Not logged in: no OCI session for this request, log in first';

const COMMAND_TYPE = /xsi:type\s*=\s*["'](?:[\w.-]+:)?([\w.-]+)["']/g;

/** True when every command of the document may come before a login. */
function onlyLoginCommands(documentText: string): boolean {
  const types = [...documentText.matchAll(COMMAND_TYPE)].map((match) => match[1]!);
  return types.length > 0 && types.every((type) => LOGIN_COMMANDS.has(type));
}

export interface SoapEndpoint {
  /** Answers one request for SOAP_PATH. */
  serve(request: IncomingMessage, response: ServerResponse): Promise<void>;
  /** Forgets every cookie session (the listener is closing). */
  close(): void;
}

export function createSoapEndpoint(options: SoapOptions): SoapEndpoint {
  const cookies = new Map<string, CookieSession>();

  const sessionFor = (request: IncomingMessage, response: ServerResponse): CookieSession => {
    const cookie = readCookie(request.headers.cookie, 'JSESSIONID');
    const known = cookie === undefined ? undefined : cookies.get(cookie);
    if (known) return known;
    const id = randomBytes(16).toString('hex').toUpperCase();
    response.setHeader('Set-Cookie', `JSESSIONID=${id}; Path=/webservice; HttpOnly`);
    const session: CookieSession = {
      state: { key: `soap-${id}`, transport: 'soap', remoteAddress: request.socket.remoteAddress ?? '' },
      queue: Promise.resolve(),
      lastUsed: Date.now(),
    };
    cookies.set(id, session);
    options.registry.add(session.state);
    if (cookies.size > MAX_COOKIE_SESSIONS) {
      const [oldest, evicted] = cookies.entries().next().value!;
      cookies.delete(oldest);
      options.registry.remove(evicted.state);
    }
    return session;
  };

  async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://simulator');
    if (request.method === 'GET' && url.searchParams.has('wsdl')) {
      return send(response, 200, 'text/xml; charset=utf-8', wsdl(`http://${request.headers.host ?? 'localhost'}${SOAP_PATH}`));
    }
    if (request.method !== 'POST') return send(response, 405, 'text/plain', 'POST a SOAP envelope\n');
    const body = await readBody(request);
    if (body === undefined) return send(response, 413, 'text/plain', 'request too large\n');
    let documentText: string;
    try {
      documentText = unwrapRequest(body);
    } catch (error) {
      if (!(error instanceof SoapRequestError)) throw error;
      return send(response, 500, 'text/xml; charset=utf-8', wrapFault('Client', error.message));
    }
    const session = sessionFor(request, response);
    const now = Date.now();
    if (session.state.login && now - session.lastUsed > options.sessionIdleTimeoutMs) {
      delete session.state.login;
      delete session.state.nonce;
    }
    session.lastUsed = now;
    if (!session.state.login && !onlyLoginCommands(documentText)) {
      return send(response, 500, 'text/xml; charset=utf-8', wrapFault('Client', NO_SESSION_FAULT));
    }
    const turn = session.queue.then(() => options.dispatcher.handle(session.state, documentText));
    session.queue = turn.then(
      () => undefined,
      () => undefined,
    );
    const outcome = await turn;
    if (outcome.kind === 'drop') {
      request.socket.destroy();
      return;
    }
    send(response, 200, 'text/xml; charset=utf-8', wrapResponse(outcome.text));
  }

  return {
    serve,
    close: () => {
      for (const session of cookies.values()) options.registry.remove(session.state);
      cookies.clear();
    },
  };
}

export function send(response: ServerResponse, status: number, contentType: string, body: string): void {
  response.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body) });
  response.end(body);
}

/** The body as UTF-8 text, or undefined past MAX_BODY_BYTES. */
async function readBody(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}
