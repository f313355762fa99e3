// Test support: a minimal raw OCI-P client for the simulator's tests. It connects (TCP or TLS),
// writes encoded documents or raw bytes, and reads framed replies, nothing more: no pool, no
// session logic, no retries, so the tests see exactly what the simulator put on the wire.
// It deliberately shares nothing with src/ocip/{transport,session,pool}.
import { randomUUID } from 'node:crypto';
import { connect as connectTcp } from 'node:net';
import type { Socket } from 'node:net';
import { connect as connectTls } from 'node:tls';
import {
  AuthenticationRequest,
  DocumentFramer,
  LoginRequest14sp4,
  LoginRequest22V5,
  decodeDocument,
  decodeDocumentBytes,
  encodeDocument,
  signedPassword,
} from '../../src/ocip/codec/index.js';
import type { CommandSpec, CommandValue, DecodedCommand, DecodedDocument, OutgoingCommand } from '../../src/ocip/codec/index.js';

const DEFAULT_TIMEOUT_MS = 2000;

export interface ConnectOptions {
  host?: string;
  /** Connect with TLS; `ca` trusts a self-signed test certificate. */
  tls?: { ca: string | Buffer };
  sessionId?: string;
}

export class OcipTestClient {
  readonly sessionId: string;
  private readonly framer = new DocumentFramer();
  private readonly received: Buffer[] = [];
  private readonly waiters: { resolve: (doc: Buffer) => void; reject: (error: Error) => void }[] = [];
  private ended = false;
  /** Every byte received, as Latin-1 text, for answers that are not documents at all. */
  private raw = '';
  private rawWaiters: (() => void)[] = [];
  /** Resolves when the server closes the connection (or it is closed here). */
  readonly closed: Promise<void>;

  private constructor(private readonly socket: Socket, sessionId: string) {
    this.sessionId = sessionId;
    socket.on('data', (chunk: Buffer) => {
      this.raw += chunk.toString('latin1');
      for (const wake of this.rawWaiters.splice(0)) wake();
      let docs: Buffer[];
      try {
        docs = this.framer.push(chunk);
      } catch (error) {
        // Not OCI-P at all (a fault under test): the raw text stays readable through rawUntil.
        for (const waiter of this.waiters.splice(0)) waiter.reject(error as Error);
        this.framer.reset();
        return;
      }
      for (const doc of docs) {
        const waiter = this.waiters.shift();
        if (waiter) waiter.resolve(doc);
        else this.received.push(doc);
      }
    });
    socket.on('error', () => undefined);
    this.closed = new Promise((resolve) =>
      socket.once('close', () => {
        this.ended = true;
        for (const wake of this.rawWaiters.splice(0)) wake();
        for (const waiter of this.waiters.splice(0)) waiter.reject(new Error('connection closed before a document arrived'));
        resolve();
      }),
    );
  }

  static connect(port: number, options: ConnectOptions = {}): Promise<OcipTestClient> {
    const host = options.host ?? '127.0.0.1';
    return new Promise((resolve, reject) => {
      const socket = options.tls
        ? connectTls({ host, port, ca: options.tls.ca, servername: 'localhost' })
        : connectTcp({ host, port });
      socket.once(options.tls ? 'secureConnect' : 'connect', () => {
        socket.off('error', reject);
        resolve(new OcipTestClient(socket, options.sessionId ?? randomUUID()));
      });
      socket.once('error', reject);
    });
  }

  writeRaw(data: string | Buffer): void {
    this.socket.write(data);
  }

  /** Writes one document with these commands under this client's (or the given) sessionId. */
  write(commands: readonly OutgoingCommand[], sessionId = this.sessionId): void {
    this.writeRaw(encodeDocument({ sessionId, commands }));
  }

  /** The next whole document the server sent, as bytes. */
  nextBytes(timeoutMs = DEFAULT_TIMEOUT_MS): Promise<Buffer> {
    const ready = this.received.shift();
    if (ready) return Promise.resolve(ready);
    if (this.ended) return Promise.reject(new Error('connection is closed'));
    return new Promise((resolve, reject) => {
      const waiter = {
        resolve: (doc: Buffer) => {
          clearTimeout(timer);
          resolve(doc);
        },
        reject: (error: Error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(new Error(`no document within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** Resolves with everything received so far once it contains `marker` (framed or not). */
  async rawUntil(marker: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    while (!this.raw.includes(marker)) {
      const left = deadline - Date.now();
      if (left <= 0 || this.ended) throw new Error(`'${marker}' not received within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.rawWaiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.raw;
  }

  async nextText(timeoutMs?: number): Promise<string> {
    return decodeDocumentBytes(await this.nextBytes(timeoutMs));
  }

  async nextDocument(timeoutMs?: number): Promise<DecodedDocument> {
    return decodeDocument(await this.nextText(timeoutMs));
  }

  /** Writes a document and reads the answer. */
  async exchange(commands: readonly OutgoingCommand[], sessionId?: string): Promise<DecodedDocument> {
    this.write(commands, sessionId);
    return this.nextDocument();
  }

  /** One command, one answer: the decoded response command. */
  async send<S extends CommandSpec>(spec: S, value: CommandValue<S>, sessionId?: string): Promise<DecodedCommand> {
    const document = await this.exchange([{ spec, value }], sessionId);
    return document.commands[0]!;
  }

  /** AuthenticationRequest, then LoginRequest14sp4 with the signed password. */
  async login14(userId: string, password: string): Promise<DecodedCommand> {
    const auth = await this.send(AuthenticationRequest, { userId });
    if (auth.type !== 'AuthenticationResponse') return auth;
    const nonce = String(auth.value!.nonce);
    return this.send(LoginRequest14sp4, { userId, signedPassword: signedPassword(nonce, password) });
  }

  login22(userId: string, password: string): Promise<DecodedCommand> {
    return this.send(LoginRequest22V5, { userId, password });
  }

  close(): Promise<void> {
    this.socket.destroy();
    return this.closed;
  }
}

/** The BroadWorks code of an ErrorResponse: its errorCode element, else `[Error NNNN]` in the summary. */
export function errorCodeOf(command: DecodedCommand): number | undefined {
  if (command.type !== 'ErrorResponse' || !command.value) return undefined;
  if (typeof command.value.errorCode === 'number') return command.value.errorCode;
  const match = /^\[Error (\d+)\]/.exec(String(command.value.summary));
  return match ? Number(match[1]) : undefined;
}

/** Fails with the summary when the command is an ErrorResponse; returns its value otherwise. */
export function valueOf(command: DecodedCommand): Record<string, unknown> {
  if (command.problem !== undefined) throw new Error(`undecodable ${command.type}: ${command.problem}`);
  if (command.type === 'ErrorResponse') throw new Error(`ErrorResponse: ${String(command.value.summary)}`);
  return command.value;
}
