// A small client of the APIO REST API (not OCI-P), so the CLI works against this adapter or any APIO
// gateway: a core login (POST /api/v01/auth/login) or a bearer token, the Instant Group Call routes,
// and `?dry_run=true`. An expired access token is renewed once (refresh token, else a new login);
// a 429 waits for Retry-After, a bounded number of times. A change may carry an Idempotency-Key
// (sent in the draft's quoted form); a 409 for that key (the first request with it still runs)
// waits for Retry-After the same bounded way and retries with the same key. Tokens never reach a message.
import type { InstanceAnswer, ListItem } from '../services/instant-group-call/schemas.js';
import type { Connection } from './credentials.js';
import { ApioHttpError, CliError, CliErrorCodes, NetworkError } from './errors.js';
import type { ApioProblem } from './errors.js';

/** What a mutating route answers with `?dry_run=true`: the OCI-P documents it would send. */
export interface DryRunAnswer {
  dryRun: true;
  /** The id the create would use (given, or derived by the rule). */
  serviceUserId?: string;
  documents: Array<{ commands: string[]; xml: string }>;
}

export type CreatedInstance = InstanceAnswer & { serviceUserId: string };

/** How a change is sent: checked only (`?dry_run=true`), and/or under an Idempotency-Key. */
export interface ChangeOptions {
  dryRun?: boolean;
  idempotencyKey?: string;
}

export interface ApioClientOptions {
  /** The APIO gateway prefix. Default /api/v1. */
  prefix?: string;
  /** Per request. Default 60 s. */
  timeoutMs?: number;
  /** 429 answers (and 409s for an Idempotency-Key in use) waited out per request at most. Default 5. */
  maxRateLimitWaits?: number;
}

const DEFAULT_TIMEOUT_MS = 60_000;
const MAX_RETRY_AFTER_S = 30;

export class ApioClient {
  readonly #connection: Connection;
  readonly #prefix: string;
  readonly #timeoutMs: number;
  readonly #maxRateLimitWaits: number;
  #access: string | undefined;
  #refresh: string | undefined;
  #renewing: Promise<void> | undefined;

  constructor(connection: Connection, options: ApioClientOptions = {}) {
    this.#connection = connection;
    this.#prefix = options.prefix ?? '/api/v1';
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#maxRateLimitWaits = options.maxRateLimitWaits ?? 5;
    if (connection.login.kind === 'token') this.#access = connection.login.token;
  }

  /** Logs in when the connection has a username and password. */
  async open(): Promise<void> {
    if (this.#connection.login.kind === 'password') await this.#login();
  }

  /** Revokes the tokens of our own login; a token given by the user is left alone. */
  async close(): Promise<void> {
    if (this.#connection.login.kind !== 'password' || !this.#access) return;
    await this.#send('GET', '/api/v01/auth/logout', undefined, this.#access).catch(() => undefined);
    this.#access = undefined;
  }

  /**
   * Whether the gateway documents `dry_run` in its OpenAPI document. A gateway that does not know
   * the parameter would ignore it and apply the rows, so a dry run is refused there.
   */
  async supportsDryRun(): Promise<boolean> {
    const response = await this.#send('GET', `${this.#prefix}/openapi.json`, undefined, this.#access);
    if (!response.ok) return false;
    let document: { paths?: Record<string, Record<string, { parameters?: Array<{ name?: string; in?: string }> }>> };
    try {
      document = (await response.json()) as typeof document;
    } catch {
      return false;
    }
    const operations = Object.values(document.paths ?? {}).flatMap((path) => Object.values(path));
    return operations.some((operation) => (operation.parameters ?? []).some((parameter) => parameter.name === 'dry_run' && parameter.in === 'query'));
  }

  async listInstances(tenantId: string, groupId: string): Promise<ListItem[]> {
    const answer = (await this.#call('GET', this.#groupPath(tenantId, groupId, 'instant_group_calls/'))) as { instantGroupCalls?: ListItem[] };
    return answer.instantGroupCalls ?? [];
  }

  async getInstance(tenantId: string, groupId: string, serviceUserId: string): Promise<InstanceAnswer> {
    return (await this.#call('GET', this.#instancePath(tenantId, groupId, serviceUserId))) as InstanceAnswer;
  }

  async createInstance(tenantId: string, groupId: string, body: object, options: ChangeOptions = {}): Promise<CreatedInstance | DryRunAnswer> {
    return (await this.#call('POST', this.#groupPath(tenantId, groupId, 'instant_group_calls/'), body, options)) as CreatedInstance | DryRunAnswer;
  }

  async updateInstance(tenantId: string, groupId: string, serviceUserId: string, body: object, options: ChangeOptions = {}): Promise<InstanceAnswer | DryRunAnswer> {
    return (await this.#call('PUT', this.#instancePath(tenantId, groupId, serviceUserId), body, options)) as InstanceAnswer | DryRunAnswer;
  }

  async setActive(tenantId: string, groupId: string, services: Array<{ serviceUserId: string; active: boolean }>, dryRun = false): Promise<object> {
    return (await this.#call('PUT', this.#groupPath(tenantId, groupId, 'instant_group_calls_active/'), { services }, { dryRun })) as object;
  }

  #groupPath(tenantId: string, groupId: string, rest: string): string {
    return `${this.#prefix}/tenants/${segment(tenantId)}/groups/${segment(groupId)}/services/${rest}`;
  }

  #instancePath(tenantId: string, groupId: string, serviceUserId: string): string {
    return `${this.#groupPath(tenantId, groupId, 'instant_group_calls/')}${segment(serviceUserId)}/`;
  }

  async #call(method: string, path: string, body?: object, options: ChangeOptions = {}): Promise<unknown> {
    const fullPath = options.dryRun ? `${path}?dry_run=true` : path;
    const key = options.idempotencyKey;
    let renewed = false;
    for (let waits = 0; ; ) {
      const bearer = this.#access;
      const response = await this.#send(method, fullPath, body, bearer, key);
      if (response.status === 401 && !renewed && this.#connection.login.kind === 'password') {
        renewed = true;
        await this.#renew(bearer);
        continue;
      }
      // 409 with a key: the first request with it still runs; its outcome is what a retry gets.
      const keyInUse = response.status === 409 && key !== undefined;
      if ((response.status === 429 || keyInUse) && waits < this.#maxRateLimitWaits) {
        waits++;
        await delay(retryAfterMs(response.headers.get('retry-after')));
        continue;
      }
      return parseAnswer(response, method, path);
    }
  }

  async #send(method: string, path: string, body: object | undefined, bearer: string | undefined, idempotencyKey?: string): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (bearer !== undefined) headers.Authorization = `Bearer ${bearer}`;
    if (idempotencyKey !== undefined) headers['Idempotency-Key'] = sfString(idempotencyKey);
    try {
      return await fetch(`${this.#connection.baseUrl}${path}`, {
        method,
        headers,
        ...(body !== undefined && { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
    } catch (error) {
      throw new NetworkError(`${method} ${path}: ${networkReason(error, this.#timeoutMs)}`, !connectionRefused(error), { cause: error });
    }
  }

  /** One renewal at a time; a caller whose token was already replaced just retries. */
  async #renew(stale: string | undefined): Promise<void> {
    if (this.#access !== stale) return;
    this.#renewing ??= (async () => {
      try {
        if (this.#refresh) {
          const response = await this.#send('GET', '/api/v01/auth/access_token', undefined, this.#refresh);
          if (response.ok) {
            const tokens = (await response.json()) as { access_token?: string; refresh_token?: string };
            if (tokens.access_token) {
              this.#access = tokens.access_token;
              if (tokens.refresh_token) this.#refresh = tokens.refresh_token;
              return;
            }
          }
        }
        await this.#login();
      } finally {
        this.#renewing = undefined;
      }
    })();
    await this.#renewing;
  }

  async #login(): Promise<void> {
    const login = this.#connection.login;
    if (login.kind !== 'password') return;
    const response = await this.#send('POST', '/api/v01/auth/login', { username: login.username, password: login.password }, undefined);
    if (!response.ok) {
      const error = await parseAnswer(response, 'POST', '/api/v01/auth/login').catch((failure: unknown) => failure);
      const why = error instanceof Error ? error.message : `HTTP ${response.status}`;
      throw new CliError(CliErrorCodes.CREDENTIALS, `the gateway refused the login of ${login.username}: ${why}`);
    }
    const tokens = (await response.json()) as { access_token?: string; refresh_token?: string };
    if (!tokens.access_token) throw new CliError(CliErrorCodes.CREDENTIALS, 'the login answer has no access_token');
    this.#access = tokens.access_token;
    this.#refresh = tokens.refresh_token;
  }
}

/** The draft's form of a key: an sf-string (RFC 8941 §3.3.3), `"` and `\` escaped. */
function sfString(key: string): string {
  return `"${key.replace(/["\\]/g, '\\$&')}"`;
}

/** '@' stays as is, as in the APIO examples; everything else that needs it is escaped. */
function segment(value: string): string {
  return encodeURIComponent(value).replace(/%40/g, '@');
}

async function parseAnswer(response: Response, method: string, path: string): Promise<unknown> {
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : {};
  } catch {
    body = undefined;
  }
  if (response.ok) {
    if (body === undefined) throw new ApioHttpError(response.status, undefined, undefined, `${method} ${path}: the answer is not JSON`);
    return body;
  }
  const first = (
    body as
      | {
          errors?: Array<{
            code?: number;
            message?: string;
            details?: { reason?: string; problems?: ApioProblem[]; errors?: Record<string, { summary?: unknown }>; inDoubt?: unknown };
          }>;
        }
      | undefined
  )?.errors?.[0];
  const message = first?.message ?? (body as { error?: string } | undefined)?.error ?? `HTTP ${response.status}`;
  // APIO lists BroadWorks' summaries under details.errors {"0": {summary}, …}.
  const summaries = Object.values(first?.details?.errors ?? {}).map((entry) => entry?.summary);
  const broadworks = summaries.filter((summary): summary is string => typeof summary === 'string');
  const inDoubt = first?.details?.inDoubt === true;
  return Promise.reject(new ApioHttpError(response.status, first?.code, first?.details?.reason, message, first?.details?.problems ?? [], broadworks, inDoubt));
}

function networkReason(error: unknown, timeoutMs: number): string {
  if (error instanceof DOMException && error.name === 'TimeoutError') return `no answer within ${Math.round(timeoutMs / 1000)} s`;
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return `the gateway is unreachable (${cause?.code ?? cause?.message ?? (error as Error).message})`;
}

/** Failures before any byte of the request left: the gateway cannot have applied it. */
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);

function connectionRefused(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } }).cause;
  return cause?.code !== undefined && NOT_CONNECTED.has(cause.code);
}

function retryAfterMs(header: string | null): number {
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, MAX_RETRY_AFTER_S) * 1000 : 1000;
}

function delay(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}
