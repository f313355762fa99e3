// The OCI-P client facade: typed commands over a session pool. An ErrorResponse becomes a thrown
// OcipErrorResponseError here (execute) or a failed result (executeBatch); every document sent is
// counted and reported through onDocument, for the adapter's round-trip tests and its metrics.
import type { CommandSpec, CommandValue, DecodedCommand, Fields, OutgoingCommand, ResponseOf } from './codec/index.js';
import { MAX_COMMANDS_PER_DOCUMENT } from './codec/index.js';
import { OcipErrorCodes, OcipProtocolError } from './errors.js';
import type { OcipErrorResponseError } from './errors.js';
import { OcipPool } from './pool/pool.js';
import type { PoolSession, PoolStats } from './pool/pool.js';
import { toErrorResponseError } from './session/error-response.js';
import type { LoginMethod } from './session/login.js';
import { Session } from './session/session.js';
import type { TraceEvent } from './session/session.js';
import type { Transport } from './transport/channel.js';
import { createTransport } from './transport/create-transport.js';
import type { TlsOptions } from './transport/tls-transport.js';

/** A request spec (built with `request(...)`): it names the response it expects. */
export type RequestSpec = CommandSpec<string, Fields, CommandSpec>;

/** One command of a batch. Build it with command() so the value is checked against the spec. */
export interface Command<S extends RequestSpec = RequestSpec> {
  readonly spec: S;
  readonly value: CommandValue<S>;
  readonly echo?: string;
}

/** What executeBatch accepts: command() results, or plain { spec, value } objects. */
export interface BatchItem {
  readonly spec: RequestSpec;
  readonly value: object;
  readonly echo?: string;
}

/** The answer to one command: its value with the response type that carried it, or why there is none. */
export type CommandResult<T> = { ok: true; type: string; value: T } | { ok: false; error: OcipErrorResponseError | OcipProtocolError };

/**
 * What a caller needs of OCI-P: commands in (up to 15 per document, one round trip each), one result
 * per command out, no transaction. The client is one; the domain's dry run is another.
 */
export interface OcipGateway {
  executeBatch(items: readonly BatchItem[]): Promise<CommandResult<unknown>[]>;
}

/** The results of a batch, position by position: a tuple in, a tuple out. */
export type BatchResults<T extends readonly BatchItem[]> = {
  -readonly [K in keyof T]: T[K] extends { spec: infer S } ? CommandResult<ResponseOf<S>> : never;
};

export type CommandOutcome = 'success' | 'error-response' | 'failure';

/** One document's round trip, for metrics and tests. */
export interface DocumentEvent {
  commandTypes: string[];
  durationMs: number;
  /** success: every command succeeded; error-response: some got an ErrorResponse; failure: no usable answer. */
  outcome: CommandOutcome;
  /** Per command, in order. */
  commandOutcomes: CommandOutcome[];
  /** Why the document failed (timeout, closed socket, ...), when outcome is 'failure' for the whole document. */
  error?: Error;
}

export interface OcipClientHooks {
  onDocument?: (event: DocumentEvent) => void;
}

/** Builds a batch item whose value is type-checked against its spec. */
export function command<S extends RequestSpec>(spec: S, value: CommandValue<S>, echo?: string): Command<S> {
  return echo === undefined ? { spec, value } : { spec, value, echo };
}

export class OcipClient {
  readonly #pool: OcipPool<PoolSession>;
  readonly #onDocument: ((event: DocumentEvent) => void) | undefined;
  #roundTrips = 0;

  constructor(pool: OcipPool<PoolSession>, hooks: OcipClientHooks = {}) {
    this.#pool = pool;
    this.#onDocument = hooks.onDocument;
  }

  /** Documents sent so far (logins not counted): one per execute, ceil(n / 15) per executeBatch of n. */
  get roundTrips(): number {
    return this.#roundTrips;
  }

  /** One command. Throws OcipErrorResponseError for an ErrorResponse, OcipProtocolError for an answer of the wrong type. */
  async execute<S extends RequestSpec>(spec: S, value: CommandValue<S>): Promise<ResponseOf<S>> {
    const [result] = await this.#pool.run((session) => this.#document(session, [{ spec, value }]));
    return answerTo(result, spec);
  }

  /**
   * Many commands, 15 per document, documents in order on one session. Not a transaction: a failed
   * command does not stop the others (OCIP.md §4). Rejects only when a document gets no answer.
   */
  // The tuple types hold by construction: toResult answers ok only when the reply is the spec's
  // response type, decoded and checked against that spec.
  executeBatch<const T extends readonly BatchItem[]>(items: T): Promise<BatchResults<T>>;
  executeBatch(items: readonly BatchItem[]): Promise<CommandResult<unknown>[]>;
  async executeBatch(items: readonly BatchItem[]): Promise<CommandResult<unknown>[]> {
    if (items.length === 0) return [];
    return this.#pool.run(async (session) => {
      const all: CommandResult<unknown>[] = [];
      for (let start = 0; start < items.length; start += MAX_COMMANDS_PER_DOCUMENT) {
        all.push(...(await this.#document(session, items.slice(start, start + MAX_COMMANDS_PER_DOCUMENT))));
      }
      return all;
    });
  }

  stats(): PoolStats {
    return this.#pool.stats();
  }

  /** Finishes the work in progress and logs every session out. */
  close(): Promise<void> {
    return this.#pool.close();
  }

  /** Fails everything now and drops the connections. */
  destroy(error?: Error): void {
    this.#pool.destroy(error);
  }

  async #document(session: PoolSession, items: readonly BatchItem[]): Promise<CommandResult<unknown>[]> {
    const commandTypes = items.map((item) => item.spec.name);
    const started = performance.now();
    this.#roundTrips++;
    let replies: DecodedCommand[];
    try {
      replies = await session.send(items as readonly OutgoingCommand[]);
    } catch (error) {
      this.#report({ commandTypes, started, outcomes: commandTypes.map(() => 'failure'), error: error as Error });
      throw error;
    }
    const results = items.map((item, index) => toResult(item.spec, replies[index]!));
    const outcomes = results.map((result): CommandOutcome =>
      result.ok ? 'success' : result.error.code === OcipErrorCodes.ERROR_RESPONSE ? 'error-response' : 'failure',
    );
    this.#report({ commandTypes, started, outcomes });
    return results;
  }

  #report(document: { commandTypes: string[]; started: number; outcomes: CommandOutcome[]; error?: Error }): void {
    if (!this.#onDocument) return;
    const { outcomes } = document;
    const outcome: CommandOutcome = outcomes.includes('failure')
      ? 'failure'
      : outcomes.includes('error-response')
        ? 'error-response'
        : 'success';
    try {
      this.#onDocument({
        commandTypes: document.commandTypes,
        durationMs: performance.now() - document.started,
        outcome,
        commandOutcomes: outcomes,
        ...(document.error ? { error: document.error } : {}),
      });
    } catch {
      // Metrics must not break provisioning.
    }
  }
}

/** The answer to one command as a result: its value, or the ErrorResponse / protocol problem. */
function toResult(spec: RequestSpec, reply: DecodedCommand): CommandResult<unknown> {
  if (reply.type === 'ErrorResponse' && reply.value) {
    return { ok: false, error: toErrorResponseError(spec.name, reply.value) };
  }
  const expected = spec.response!.name;
  if (reply.problem !== undefined) {
    return { ok: false, error: new OcipProtocolError(`the answer to ${spec.name} is not a valid ${reply.type}: ${reply.problem}`) };
  }
  if (reply.type !== expected) {
    return { ok: false, error: new OcipProtocolError(`${spec.name} was answered by ${reply.type}, not ${expected}`) };
  }
  return { ok: true, type: reply.type, value: reply.value };
}

/**
 * The value of the answer to `spec`, or its error thrown. The result says which response type it
 * decoded, so the narrowing to the spec's response value is a check, not a cast.
 */
export function answerTo<S extends RequestSpec>(result: CommandResult<unknown> | undefined, spec: S): ResponseOf<S> {
  if (!result) throw new OcipProtocolError(`no answer to ${spec.name}: the document had fewer results than commands`);
  if (!result.ok) throw result.error;
  if (!answers(result, spec)) throw new OcipProtocolError(`${spec.name} was answered by ${result.type}`);
  return result.value;
}

function answers<S extends RequestSpec>(result: { type: string; value: unknown }, spec: S): result is { type: string; value: ResponseOf<S> } {
  return result.type === spec.response?.name;
}

export interface OcipClientOptions extends OcipClientHooks {
  /** tcp://host:2208, tls://host:2209 or https://host/webservice/services/ProvisioningService. */
  url?: string;
  /** Instead of url: a transport of your own (an in-memory pair, an embedded server). */
  transport?: Transport;
  userId: string;
  password: string;
  /** Sessions (connections, logins) at most. Default 4. */
  poolSize?: number;
  requestTimeoutMs?: number;
  connectTimeoutMs?: number;
  acquireTimeoutMs?: number;
  idleTimeoutMs?: number;
  loginRetryDelayMs?: number;
  loginMethod?: LoginMethod;
  tls?: TlsOptions;
  onTrace?: (event: TraceEvent) => void;
}

/** A client with its pool and transport. The password stays in this closure; nothing exposes it. */
export function createOcipClient(options: OcipClientOptions): OcipClient {
  const { password, userId, requestTimeoutMs, loginMethod, onTrace } = options;
  if (!options.transport && !options.url) throw new TypeError('createOcipClient needs a url or a transport');
  const transport =
    options.transport ?? createTransport(options.url!, { connectTimeoutMs: options.connectTimeoutMs, tls: options.tls });
  const pool = new OcipPool<PoolSession>({
    size: options.poolSize ?? 4,
    acquireTimeoutMs: options.acquireTimeoutMs,
    idleTimeoutMs: options.idleTimeoutMs,
    loginRetryDelayMs: options.loginRetryDelayMs,
    createSession: () => Session.open({ transport, userId, password, requestTimeoutMs, loginMethod, onTrace }),
  });
  return new OcipClient(pool, { onDocument: options.onDocument });
}
