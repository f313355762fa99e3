// Test support: a small scriptable BroadWorks stand-in built on the OCI-P codec, reachable through an
// in-memory channel pair or real 127.0.0.1 TCP / TLS / HTTP(S) SOAP servers. It answers the logins
// (checking the signed-password digest), LogoutRequest, and whatever a test registers; tests can
// intercept any document to answer late, not at all, with a wrong sessionId, or with a LogoutRequest.
// The real simulator lives in src/simulator; this fake stays independent of it on purpose.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer } from 'node:net';
import type { AddressInfo, Server as NetServer, Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import { XMLParser } from 'fast-xml-parser';
import {
  AuthenticationResponse,
  DocumentFramer,
  ErrorResponse,
  LoginResponse14sp4,
  LoginResponse22V5,
  LogoutRequest,
  MemoryTransport,
  SuccessResponse,
  decodeDocument,
  decodeDocumentBytes,
  encodeDocument,
  signedPassword,
} from '../../src/ocip/index.js';
import type { DecodedCommand, DecodedCommandOk, DecodedDocument, OutgoingCommand } from '../../src/ocip/index.js';

export const FAKE_USER = 'admin@fake.example';
export const FAKE_PASSWORD = 'S3cret-Pa55word';
export const FAKE_NONCE = '1234567890123';

export interface FakeLogin {
  connection: number;
  userId: string;
  method: 'signed' | 'plain';
  ok: boolean;
}

export interface FakeDocument {
  connection: number;
  sessionId: string;
  commandTypes: string[];
  commands: DecodedCommand[];
}

/** Answers one command (after login); return an ErrorResponse command to refuse it. */
export type Responder = (command: DecodedCommandOk, connection: FakeConnection) => OutgoingCommand;

/** Sees each document first. Return 'handled' when the test answered (or dropped) it itself. */
export type Interceptor = (document: DecodedDocument, connection: FakeConnection) => 'handled' | 'default' | void;

interface Peer {
  send(text: string): void;
  close(): void;
}

export function errorResponse(code: number, summary: string, withCode = false): OutgoingCommand {
  const text = `[Error ${code}] ${summary}`;
  const value = { summary: text, summaryEnglish: text, type: 'Error', ...(withCode ? { errorCode: code } : {}) };
  return { spec: ErrorResponse, value };
}

export class FakeOcipBackend {
  readonly users = new Map<string, string>([[FAKE_USER, FAKE_PASSWORD]]);
  readonly documents: FakeDocument[] = [];
  readonly logins: FakeLogin[] = [];
  readonly logouts: { connection: number; userId: string; reason: string | undefined }[] = [];
  readonly connections = new Set<FakeConnection>();
  readonly responders = new Map<string, Responder>();
  intercept: Interceptor | undefined;
  #nextId = 1;
  #watchers: { predicate: () => boolean; resolve: () => void }[] = [];

  respond(type: string, responder: Responder): this {
    this.responders.set(type, responder);
    return this;
  }

  /** A new client connection; `peer` carries the answers back. */
  accept(peer: Peer): FakeConnection {
    const connection = new FakeConnection(this, this.#nextId++, peer);
    this.connections.add(connection);
    return connection;
  }

  /** Documents of the given command type seen so far. */
  seen(type: string): FakeDocument[] {
    return this.documents.filter((document) => document.commandTypes.includes(type));
  }

  /** Resolves once `predicate` holds (checked after every document); rejects after `timeoutMs`. */
  waitFor(predicate: () => boolean, timeoutMs = 1_000): Promise<void> {
    if (predicate()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('fake OCI-P server: condition not met in time')), timeoutMs);
      this.#watchers.push({ predicate, resolve: () => (clearTimeout(timer), resolve()) });
    });
  }

  /** @internal A client connection went away. */
  disconnected(connection: FakeConnection): void {
    this.connections.delete(connection);
    this.notify();
  }

  /** @internal */
  record(document: FakeDocument): void {
    this.documents.push(document);
    this.notify();
  }

  /** @internal */
  notify(): void {
    this.#watchers = this.#watchers.filter((watcher) => {
      if (!watcher.predicate()) return true;
      watcher.resolve();
      return false;
    });
  }
}

export class FakeConnection {
  nonce: string | undefined;
  loggedInAs: string | undefined;
  closed = false;

  constructor(
    readonly backend: FakeOcipBackend,
    readonly id: number,
    readonly peer: Peer,
  ) {}

  receive(text: string): void {
    const document = decodeDocument(text, { strict: true });
    const types = document.commands.map((command) => command.type);
    this.backend.record({ connection: this.id, sessionId: document.sessionId, commandTypes: types, commands: document.commands });
    if (this.backend.intercept?.(document, this) === 'handled') return;
    this.answer(document);
  }

  /** The default answer to a document. */
  answer(document: DecodedDocument, sessionId = document.sessionId): void {
    this.reply(sessionId, document.commands.map((command) => ({ ...this.#answerOne(command), echo: command.echo })));
  }

  reply(sessionId: string, commands: OutgoingCommand[]): void {
    this.send(encodeDocument({ sessionId, commands }));
  }

  send(text: string): void {
    if (!this.closed) this.peer.send(text);
  }

  /** The server ends the session (OCISchemaLogin.xsd: LogoutRequest may come from the OCS). */
  sendLogout(sessionId: string, reason = 'Open Client Server Forced Logout'): void {
    this.reply(sessionId, [{ spec: LogoutRequest, value: { userId: this.loggedInAs ?? FAKE_USER, reason } }]);
  }

  close(): void {
    this.closed = true;
    this.peer.close();
    this.backend.disconnected(this);
  }

  #answerOne(command: DecodedCommand): OutgoingCommand {
    if (command.problem !== undefined) return errorResponse(6004, `OCI XML Request validation error: ${command.problem}`);
    const value = command.value as Record<string, unknown>;
    const users = this.backend.users;
    switch (command.type) {
      case 'AuthenticationRequest':
        this.nonce = FAKE_NONCE;
        return { spec: AuthenticationResponse, value: { userId: value.userId, nonce: this.nonce, passwordAlgorithm: 'MD5' } };
      case 'LoginRequest14sp4': {
        const password = users.get(value.userId as string);
        const ok =
          password !== undefined &&
          this.nonce !== undefined &&
          value.signedPassword === signedPassword(this.nonce, password);
        return this.#login(value.userId as string, 'signed', ok, LoginResponse14sp4);
      }
      case 'LoginRequest22V5': {
        const ok = users.has(value.userId as string) && users.get(value.userId as string) === value.password;
        return this.#login(value.userId as string, 'plain', ok, LoginResponse22V5);
      }
      case 'LogoutRequest':
        this.backend.logouts.push({ connection: this.id, userId: value.userId as string, reason: value.reason as string | undefined });
        this.loggedInAs = undefined;
        this.backend.notify();
        return { spec: SuccessResponse, value: {} };
    }
    if (!this.loggedInAs) return errorResponse(4962, 'Not logged in');
    const responder = this.backend.responders.get(command.type);
    if (responder) return responder(command, this);
    if (command.spec.response === SuccessResponse) return { spec: SuccessResponse, value: {} };
    return errorResponse(9999, `the fake has no answer for ${command.type}`);
  }

  #login(userId: string, method: FakeLogin['method'], ok: boolean, spec: typeof LoginResponse14sp4 | typeof LoginResponse22V5): OutgoingCommand {
    this.backend.logins.push({ connection: this.id, userId, method, ok });
    this.backend.notify();
    if (!ok) return errorResponse(4962, 'Invalid password');
    this.loggedInAs = userId;
    const value = { loginType: 'System', locale: 'en_US', encoding: 'ISO-8859-1', isEnterprise: false, userDomain: 'fake.example' };
    return { spec, value };
  }
}

// ---- servers ------------------------------------------------------------------------------------

export interface FakeServer {
  url: string;
  backend: FakeOcipBackend;
  /** Drops every open client connection (the server keeps listening). */
  dropConnections(): void;
  close(): Promise<void>;
}

export function tlsFixture(): { key: Buffer; cert: Buffer } {
  const dir = new URL('../fixtures/tls/', import.meta.url);
  return { key: readFileSync(new URL('key.pem', dir)), cert: readFileSync(new URL('cert.pem', dir)) };
}

/** A client end for sessions, the server end wired to `backend`. */
export function memoryTransport(backend: FakeOcipBackend, options: { secure?: boolean } = {}): MemoryTransport {
  return new MemoryTransport((serverEnd) => {
    const connection = backend.accept({
      send: (text) => {
        if (!serverEnd.closed) serverEnd.send(text);
      },
      close: () => serverEnd.destroy(),
    });
    serverEnd.onDocument((text) => connection.receive(text));
    serverEnd.onClose(() => backend.disconnected(connection));
  }, options);
}

/** tcp:// (or tls:// with `tls`) on 127.0.0.1, a random port. */
export async function startFakeTcpServer(backend: FakeOcipBackend, options: { tls?: boolean } = {}): Promise<FakeServer> {
  const sockets = new Set<Socket>();
  const onSocket = (socket: Socket) => {
    sockets.add(socket);
    const framer = new DocumentFramer();
    const connection = backend.accept({ send: (text) => socket.write(text, 'latin1'), close: () => socket.destroy() });
    socket.on('data', (chunk: Buffer) => {
      for (const document of framer.push(chunk)) connection.receive(decodeDocumentBytes(document));
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      sockets.delete(socket);
      backend.disconnected(connection);
    });
  };
  const server: NetServer = options.tls ? createTlsServer(tlsFixture(), onSocket) : createNetServer(onSocket);
  const port = await listen(server);
  return {
    url: `${options.tls ? 'tls' : 'tcp'}://127.0.0.1:${port}`,
    backend,
    dropConnections: () => sockets.forEach((socket) => socket.destroy()),
    close: () => closeServer(server, () => sockets.forEach((socket) => socket.destroy())),
  };
}

export interface FakeSoapServer extends FakeServer {
  /** Per POST: the Cookie header, SOAPAction and Content-Type the client sent. */
  requests: { cookie: string | undefined; soapAction: string | undefined; contentType: string | undefined }[];
  /** Makes the next POST fail: an HTTP status with an optional SOAP Fault string. */
  failNext(status: number, faultString?: string): void;
}

const SOAP_PATH = '/webservice/services/ProvisioningService';
const soapParser = new XMLParser({ removeNSPrefix: true, ignoreAttributes: true, parseTagValue: false, trimValues: false, htmlEntities: true });

/** http:// (or https:// with `tls`) SOAP gateway on 127.0.0.1 with a JSESSIONID per client session. */
export async function startFakeSoapServer(backend: FakeOcipBackend, options: { tls?: boolean } = {}): Promise<FakeSoapServer> {
  const byCookie = new Map<string, { connection: FakeConnection; pending?: (text: string) => void }>();
  const requests: FakeSoapServer['requests'] = [];
  let failure: { status: number; fault?: string } | undefined;

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const cookie = request.headers.cookie;
    requests.push({ cookie, soapAction: request.headers.soapaction as string | undefined, contentType: request.headers['content-type'] });
    if (request.method !== 'POST' || request.url !== SOAP_PATH) return void response.writeHead(404).end();
    if (failure) {
      const { status, fault } = failure;
      failure = undefined;
      return void response.writeHead(status, { 'Content-Type': 'text/xml; charset=utf-8' }).end(fault ? soapFault(fault) : 'gateway error');
    }
    const headers: Record<string, string> = { 'Content-Type': 'text/xml; charset=utf-8' };
    const jsessionId = /JSESSIONID=([^;]+)/.exec(cookie ?? '')?.[1];
    let entry = jsessionId ? byCookie.get(jsessionId) : undefined;
    if (!entry) {
      const id = randomUUID();
      const created: { connection: FakeConnection; pending?: (text: string) => void } = {
        connection: backend.accept({ send: (text) => created.pending?.(text), close: () => {} }),
      };
      entry = created;
      byCookie.set(id, entry);
      headers['Set-Cookie'] = `JSESSIONID=${id}; Path=/webservice; HttpOnly`;
    }
    const parsed = soapParser.parse(Buffer.concat(chunks).toString('utf8'));
    const document = String(parsed?.Envelope?.Body?.processOCIMessage?.in0 ?? '');
    const current = entry;
    current.pending = (text) => {
      current.pending = undefined;
      response.writeHead(200, headers).end(soapAnswer(text));
    };
    current.connection.receive(document);
  };

  const listener = (request: IncomingMessage, response: ServerResponse) => {
    handle(request, response).catch(() => response.writeHead(500).end());
  };
  const server: HttpServer = options.tls ? createHttpsServer(tlsFixture(), listener) : createHttpServer(listener);
  const port = await listen(server);
  return {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}${SOAP_PATH}`,
    backend,
    requests,
    failNext: (status, fault) => (failure = { status, fault }),
    dropConnections: () => server.closeAllConnections(),
    close: () => closeServer(server, () => server.closeAllConnections()),
  };
}

function soapAnswer(document: string): string {
  const escaped = document.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return (
    '<?xml version="1.0" encoding="utf-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/">' +
    '<soapenv:Body><ns1:processOCIMessageResponse xmlns:ns1="urn:com:broadsoft:webservice">' +
    `<ns1:processOCIMessageReturn>${escaped}</ns1:processOCIMessageReturn>` +
    '</ns1:processOCIMessageResponse></soapenv:Body></soapenv:Envelope>'
  );
}

function soapFault(faultString: string): string {
  return (
    '<?xml version="1.0" encoding="utf-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/">' +
    `<soapenv:Body><soapenv:Fault><faultcode>soapenv:Server</faultcode><faultstring>${faultString}</faultstring></soapenv:Fault>` +
    '</soapenv:Body></soapenv:Envelope>'
  );
}

function listen(server: NetServer | HttpServer): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

function closeServer(server: NetServer | HttpServer, dropAll: () => void): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    dropAll();
  });
}
