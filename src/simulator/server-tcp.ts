// The OCI-P listener on TCP (2208) and TLS (2209): one session per socket, a framer per socket,
// and one document processed at a time, answered in arrival order — the only correlation OCI-P
// has. A server-side logout is queued behind the answers already owed.
import { createServer as createNetServer } from 'node:net';
import type { Server, Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import { decodeDocumentBytes, DocumentFramer, encodeDocument, LogoutRequest } from '../ocip/codec/index.js';
import { answerBytes } from './answer-encoding.js';
import type { AnswerEncoding } from './answer-encoding.js';
import type { Dispatcher } from './dispatcher.js';
import type { ServerLogoutReason, SessionRegistry, SessionState } from './session.js';
import { listenOn } from './listen.js';

/** Requests are small (15 commands at most); a peer that sends more without an end tag is cut off. */
export const MAX_REQUEST_BYTES = 1024 * 1024;
/** Documents waiting for their turn before the socket stops reading (back-pressure). */
const MAX_QUEUED_DOCUMENTS = 64;
/** How long a socket may stay half-closed after a server logout before it is destroyed. */
const LOGOUT_LINGER_MS = 1000;

export interface ListenerOptions {
  host: string;
  port: number;
  transport: 'tcp' | 'tls';
  tls?: { key: string | Buffer; cert: string | Buffer };
  dispatcher: Dispatcher;
  registry: SessionRegistry;
  encoding: AnswerEncoding;
  /** A logged-in connection that sends nothing for this long is logged out (LogoutRequest) and closed. */
  sessionIdleTimeoutMs: number;
}

export interface Listener {
  port: number;
  close(): Promise<void>;
}

export async function startListener(options: ListenerOptions): Promise<Listener> {
  const sockets = new Set<Socket>();
  let nextId = 1;
  const onSocket = (socket: Socket): void => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    serveConnection(socket, `${options.transport}-${nextId++}`, options);
  };
  const server: Server =
    options.transport === 'tls'
      ? createTlsServer({ key: options.tls!.key, cert: options.tls!.cert }, onSocket)
      : createNetServer(onSocket);
  const port = await listenOn(server, options.port, options.host);
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}

function serveConnection(socket: Socket, key: string, options: ListenerOptions): void {
  const { dispatcher, registry } = options;
  const session: SessionState = { key, transport: options.transport, remoteAddress: socket.remoteAddress ?? '' };
  const framer = new DocumentFramer(MAX_REQUEST_BYTES);
  let queue: Promise<void> = Promise.resolve();
  let queued = 0;
  let idleTimer: NodeJS.Timeout | undefined;
  /** Restarted by every document; only a logged-in connection expires (one that never logs in just waits). */
  const touch = (): void => {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => {
      if (session.login) void session.forceLogout?.('Open Client Server Forced Logout');
    }, options.sessionIdleTimeoutMs);
    idleTimer.unref();
  };
  socket.once('close', () => clearTimeout(idleTimer));

  const enqueue = (work: () => Promise<void>): Promise<void> => {
    queued++;
    if (queued >= MAX_QUEUED_DOCUMENTS) socket.pause();
    queue = queue
      .then(() => (socket.destroyed ? undefined : work()))
      .catch(() => {
        socket.destroy();
      })
      .finally(() => {
        queued--;
        if (queued < MAX_QUEUED_DOCUMENTS && !socket.destroyed) socket.resume();
      });
    return queue;
  };

  session.forceLogout = (reason: ServerLogoutReason) =>
    enqueue(async () => {
      const login = session.login;
      delete session.login;
      delete session.nonce;
      if (login) {
        const text = encodeDocument({
          sessionId: login.sessionId,
          commands: [{ spec: LogoutRequest, value: { userId: login.userId, reason } }],
        });
        socket.write(answerBytes(text, options.encoding));
      }
      socket.end();
      setTimeout(() => socket.destroy(), LOGOUT_LINGER_MS).unref();
    });

  registry.add(session);
  socket.once('close', () => registry.remove(session));
  socket.on('error', () => socket.destroy());
  socket.on('data', (chunk: Buffer) => {
    let documents: Buffer[];
    try {
      documents = framer.push(chunk);
    } catch {
      // Not OCI-P (the first tag tells), or over MAX_REQUEST_BYTES without an end tag: nothing sensible can be answered.
      socket.destroy();
      return;
    }
    if (documents.length > 0) touch();
    for (const bytes of documents) {
      void enqueue(async () => {
        const outcome = await dispatcher.handle(session, decodeDocumentBytes(bytes));
        if (socket.destroyed) return;
        if (outcome.kind === 'drop') socket.destroy();
        else socket.write(outcome.bytes ?? answerBytes(outcome.text, options.encoding));
      });
    }
  });
}
