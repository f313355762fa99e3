// One logged-in OCI-P connection. Documents go out one at a time from a FIFO queue and each answer
// is matched to the document in flight by order: OCI-P has no other correlation (OCIP.md §2). So any
// doubt about the order (a timeout, a foreign sessionId, a wrong command count) ends the session; a
// late answer must never be read as the next request's.
// The password is used for the login and then forgotten: it is never stored on the session.
import { randomUUID } from 'node:crypto';
import { decodeDocument, encodeDocument, LogoutRequest } from '../codec/index.js';
import type { DecodedCommand, DecodedDocument, OutgoingCommand } from '../codec/index.js';
import {
  OcipProtocolError,
  OcipRequestTimeoutError,
  OcipServerLogoutError,
  OcipSessionClosedError,
  OcipSocketClosedError,
} from '../errors.js';
import type { Channel, Transport } from '../transport/channel.js';
import { logIn } from './login.js';
import type { LoginInfo, LoginMethod } from './login.js';
import { fromRelease, learnRelease, ReleaseMemo, toRelease } from './release.js';
import type { CommandSpec, ReleaseProfile } from '../codec/index.js';
import { maskPasswords } from './password-mask.js';

export interface TraceEvent {
  direction: 'out' | 'in';
  sessionId: string;
  commandTypes: string[];
  /** The document with every password element's text replaced by *****. */
  xml: string;
}

export interface SessionOptions {
  transport: Transport;
  userId: string;
  password: string;
  /** How long BroadWorks gets to answer one document. Default 30 s. */
  requestTimeoutMs?: number;
  /** Default 'auto': plain password over TLS/HTTPS, signed password over TCP/HTTP. */
  loginMethod?: LoginMethod;
  /** How long close() waits for the answer to its LogoutRequest. Default min(requestTimeoutMs, 2 s). */
  logoutTimeoutMs?: number;
  onTrace?: (event: TraceEvent) => void;
  /** The release, shared by a client's sessions: pinned, or learned by the first login. Default: learn it. */
  release?: ReleaseMemo;
  /** Elements of an answer skipped as unknown to its type (a newer release's additions), for a debug log. */
  onIgnoredElements?: (event: IgnoredElementsEvent) => void;
}

/** The elements an answer carried that its type does not know, by path. */
export interface IgnoredElementsEvent {
  commandType: string;
  paths: string[];
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

interface Job {
  xml: string;
  commandTypes: string[];
  timeoutMs: number;
  resolve: (commands: DecodedCommand[]) => void;
  reject: (error: Error) => void;
}

/** open: accepts work. closing: drains, then logs out. ended: nothing more. */
type State = 'open' | 'closing' | 'ended';

/** Who a failure concerns: the whole session, or only the answer in flight (queued work was never sent). */
type Scope = 'session' | 'answer';

export class Session {
  readonly sessionId: string = randomUUID();
  readonly userId: string;
  readonly #channel: Channel;
  readonly #requestTimeoutMs: number;
  readonly #logoutTimeoutMs: number;
  readonly #onTrace: ((event: TraceEvent) => void) | undefined;
  readonly #onIgnored: SessionOptions['onIgnoredElements'];
  #profile!: ReleaseProfile;
  #state: State = 'open';
  #queue: Job[] = [];
  #inFlight: Job | undefined;
  #timer: NodeJS.Timeout | undefined;
  #loggingOut = false;
  #closing: Promise<void> | undefined;
  #login: LoginInfo | undefined;
  #endReason: Error | undefined;
  readonly #endListeners = new Set<(error?: Error) => void>();
  #drainWaiters: (() => void)[] = [];

  /** Connects and logs in. Rejects with OcipLoginError when the credentials are refused (never retried). */
  static async open(options: SessionOptions): Promise<Session> {
    const { transport, password, loginMethod = 'auto', release = new ReleaseMemo(), ...settings } = options;
    const channel = await transport.connect();
    const session = new Session(channel, settings);
    try {
      const exchange = (commands: OutgoingCommand[]) => session.#exchange(commands, session.#requestTimeoutMs);
      const known = release.profile;
      const { info, implied } = await logIn(exchange, { userId: options.userId, password, method: loginMethod, secure: transport.secure, profile: known });
      session.#login = info;
      session.#profile = known ?? (await learnRelease(exchange, implied));
      release.profile ??= session.#profile;
    } catch (error) {
      session.destroy(error as Error);
      throw error;
    }
    return session;
  }

  private constructor(channel: Channel, options: Omit<SessionOptions, 'password' | 'transport' | 'loginMethod' | 'release'>) {
    this.userId = options.userId;
    this.#channel = channel;
    this.#requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    this.#logoutTimeoutMs = options.logoutTimeoutMs ?? Math.min(this.#requestTimeoutMs, 2_000);
    this.#onTrace = options.onTrace;
    this.#onIgnored = options.onIgnoredElements;
    channel.onDocument((text) => this.#receive(text));
    channel.onClose((error) => this.#end(error ?? new OcipSocketClosedError('the OCI-P connection closed'), 'session'));
  }

  /** True while the session takes new work (not closing, not ended). */
  get isAlive(): boolean {
    return this.#state === 'open';
  }

  /** What the login answered (login type, user domain, ...). */
  get loginInfo(): LoginInfo | undefined {
    return this.#login;
  }

  /** The BroadWorks release this session speaks. */
  get release(): ReleaseProfile['release'] {
    return this.#profile.release;
  }

  /** The command type sent for `spec`: a release-neutral request as this session's release names it. */
  wireType(spec: CommandSpec): string {
    return spec.portable ? (this.#profile.translations.get(spec.name)?.spec.name ?? spec.name) : spec.name;
  }

  /** Documents queued or in flight. */
  get pending(): number {
    return this.#queue.length + (this.#inFlight ? 1 : 0);
  }

  /**
   * Sends 1 to 15 commands as one document; resolves with the answer's commands in the same order.
   * An ErrorResponse is data here: the caller decides what it means. Release-neutral requests
   * travel as this session's release names them and are answered in their neutral response.
   */
  send(commands: readonly OutgoingCommand[]): Promise<DecodedCommand[]> {
    if (this.#state !== 'open') {
      return Promise.reject(new OcipSessionClosedError('the OCI-P session is closed', { cause: this.#endReason, neverSent: true }));
    }
    let wire: readonly OutgoingCommand[];
    try {
      wire = toRelease(this.#profile, commands);
    } catch (error) {
      return Promise.reject(error as Error);
    }
    const answer = this.#exchange(wire, this.#requestTimeoutMs);
    return wire === commands ? answer : answer.then((replies) => fromRelease(this.#profile, commands, replies));
  }

  /** Called once when the session ends: `error` says why, undefined after a clean close(). */
  onEnd(listener: (error?: Error) => void): () => void {
    if (this.#state === 'ended') {
      const reason = this.#endReason;
      queueMicrotask(() => listener(reason));
      return () => {};
    }
    this.#endListeners.add(listener);
    return () => this.#endListeners.delete(listener);
  }

  /** Lets queued and in-flight work finish, sends LogoutRequest (reason Client Logout), closes. Never rejects. */
  close(): Promise<void> {
    if (this.#closing) return this.#closing;
    if (this.#state === 'ended') return Promise.resolve();
    this.#state = 'closing';
    this.#closing = this.#logOut();
    return this.#closing;
  }

  /** Fails queued and in-flight work now (with `error`, or OcipSessionClosedError) and drops the connection. */
  destroy(error?: Error): void {
    this.#end(error ?? new OcipSessionClosedError('the OCI-P session was destroyed'), 'session');
  }

  async #logOut(): Promise<void> {
    await new Promise<void>((resolve) => this.#whenDrained(resolve));
    if (this.#state === 'ended') return;
    this.#loggingOut = true;
    try {
      const logout = { spec: LogoutRequest, value: { userId: this.userId, reason: 'Client Logout' } };
      await this.#exchange([logout], this.#logoutTimeoutMs);
    } catch {
      // Best effort: a server may hang up instead of answering, and the session ends either way.
    }
    this.#end(undefined, 'session');
  }

  #exchange(commands: readonly OutgoingCommand[], timeoutMs: number): Promise<DecodedCommand[]> {
    if (this.#state === 'ended') return Promise.reject(new OcipSessionClosedError(undefined, { cause: this.#endReason }));
    let xml: string;
    try {
      xml = encodeDocument({ sessionId: this.sessionId, commands });
    } catch (error) {
      return Promise.reject(error as Error);
    }
    return new Promise((resolve, reject) => {
      this.#queue.push({ xml, commandTypes: commands.map((command) => command.spec.name), timeoutMs, resolve, reject });
      this.#dispatch();
    });
  }

  #dispatch(): void {
    if (this.#state === 'ended' || this.#inFlight) return;
    const job = this.#queue.shift();
    if (!job) {
      this.#notifyDrained();
      return;
    }
    this.#inFlight = job;
    this.#trace('out', job.commandTypes, job.xml);
    this.#timer = setTimeout(() => {
      if (this.#inFlight === job) this.#end(new OcipRequestTimeoutError(job.commandTypes, job.timeoutMs), 'answer');
    }, job.timeoutMs);
    try {
      this.#channel.send(job.xml);
    } catch (error) {
      this.#end(error as Error, 'session');
    }
  }

  #receive(text: string): void {
    if (this.#state === 'ended') return;
    let document: DecodedDocument;
    try {
      document = decodeDocument(text);
    } catch (error) {
      this.#end(error as Error, 'answer');
      return;
    }
    const types = document.commands.map((command) => command.type);
    this.#trace('in', types, text);
    if (this.#onIgnored) this.#reportIgnored(document.commands);
    const logout = document.commands.find((command) => command.type === 'LogoutRequest');
    if (logout) {
      // OCISchemaLogin.xsd: the server may send LogoutRequest to end the session, alone or instead of an answer.
      this.#end(new OcipServerLogoutError(logout.value?.reason as string | undefined), 'session');
      return;
    }
    const job = this.#inFlight;
    const problem = !job
      ? `BroadWorks sent ${types.join(', ')} while no request was waiting`
      : document.sessionId !== this.sessionId
        ? `the answer to ${job.commandTypes.join(', ')} carries another session's sessionId`
        : document.commands.length !== job.commandTypes.length
          ? `${job.commandTypes.length} commands were answered by ${document.commands.length}`
          : undefined;
    if (problem !== undefined || !job) {
      this.#end(new OcipProtocolError(problem ?? 'unexpected document'), 'answer');
      return;
    }
    clearTimeout(this.#timer);
    this.#inFlight = undefined;
    job.resolve(document.commands);
    this.#dispatch();
  }

  /** Ends the session once. `reason` undefined means a clean close (after the logout). */
  #end(reason: Error | undefined, scope: Scope): void {
    if (this.#state === 'ended') return;
    this.#state = 'ended';
    clearTimeout(this.#timer);
    const inFlight = this.#inFlight;
    const queued = this.#queue;
    this.#inFlight = undefined;
    this.#queue = [];
    // A failure while logging out is still a clean end for the owner: close() asked for it.
    this.#endReason = this.#loggingOut ? undefined : reason;
    if (reason === undefined) this.#channel.close();
    else this.#channel.destroy(reason);
    const failure = reason ?? new OcipSessionClosedError();
    inFlight?.reject(failure);
    // Queued work never reached the wire: marked so, the client may carry it on another session.
    const queuedFailure =
      scope === 'answer'
        ? new OcipSessionClosedError('the OCI-P session ended before this request was sent', { cause: failure, neverSent: true })
        : failure;
    for (const job of queued) job.reject(queuedFailure);
    this.#notifyDrained();
    const listeners = [...this.#endListeners];
    this.#endListeners.clear();
    for (const listener of listeners) listener(this.#endReason);
  }

  #whenDrained(callback: () => void): void {
    if (this.#state === 'ended' || (!this.#inFlight && this.#queue.length === 0)) callback();
    else this.#drainWaiters.push(callback);
  }

  #notifyDrained(): void {
    const waiters = this.#drainWaiters;
    this.#drainWaiters = [];
    for (const waiter of waiters) waiter();
  }

  #reportIgnored(commands: DecodedCommand[]): void {
    for (const command of commands) {
      if (!command.ignored) continue;
      try {
        this.#onIgnored!({ commandType: command.type, paths: command.ignored });
      } catch {
        // A failing log hook must not break the session.
      }
    }
  }

  #trace(direction: TraceEvent['direction'], commandTypes: string[], xml: string): void {
    if (!this.#onTrace) return;
    try {
      this.#onTrace({ direction, sessionId: this.sessionId, commandTypes, xml: maskPasswords(xml) });
    } catch {
      // A failing log hook must not break the session.
    }
  }
}
