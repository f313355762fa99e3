// The shared store: keyv on Redis (@keyv/redis), so several adapter instances behind a load
// balancer see the same sessions, revocations, counters, reservations and audit log. The atomic
// operations use one Redis command or MULTI each on the same connection, under keys of their own
// (`<namespace>:atomic:…`) beside keyv's (`<namespace>::…`):
//   reserve     SET key value NX PX ttl    — only one instance gets true for a key while it lives
//   hit         MULTI INCR key:window; PEXPIRE — a fixed window per key, shared by every instance
//   pushCapped  MULTI LPUSH; LTRIM         — newest first, at most maxLength
import { createRequire } from 'node:module';
import Keyv from 'keyv';
import type KeyvRedis from '@keyv/redis';
import type { RedisClientType } from '@keyv/redis';
import { bounded } from './bounded.js';
import type { Store, WindowHit } from './store.js';

/**
 * @keyv/redis and its client are loaded when a Redis store is made, not at start-up: the default
 * embedded store never needs them, and they cost ~18 MB of RSS and ~120 ms of start-up (bench).
 */
function loadKeyvRedis(): typeof import('@keyv/redis') {
  return createRequire(import.meta.url)('@keyv/redis') as typeof import('@keyv/redis');
}

/** Each store call's limit by default: well inside the 2 s an API call may take to say 503. */
const DEFAULT_TIMEOUT_MS = 1_000;

export interface RedisStoreOptions {
  redisUrl: string;
  namespace: string;
  clock?: () => number;
  connectTimeoutMs?: number;
  /** How long one store call may take; past it, or with Redis down, it fails with 503. */
  timeoutMs?: number;
  onError?: (error: unknown) => void;
}

export class RedisStore implements Store {
  readonly kind = 'redis' as const;
  readonly #adapter: KeyvRedis<unknown>;
  readonly #keyv: Keyv;
  readonly #prefix: string;
  readonly #clock: () => number;
  /** The URL without its password, for messages. */
  readonly #where: string;
  readonly #timeoutMs: number;
  #ready: Promise<void> | undefined;

  constructor(options: RedisStoreOptions) {
    const connectTimeout = options.connectTimeoutMs ?? 5_000;
    const { default: KeyvRedisStore, createClient } = loadKeyvRedis();
    // No offline queue: while disconnected a command fails at once (503) instead of waiting, and is
    // never replayed after the caller was told it failed. The client reconnects by itself (backoff
    // up to 500 ms), so service resumes within a second of Redis returning.
    const client = createClient({
      url: options.redisUrl,
      disableOfflineQueue: true,
      socket: { connectTimeout, reconnectStrategy: (retries: number) => Math.min(50 * (retries + 1), 500) },
    });
    // Without a listener an 'error' event would end the process; the client reconnects by itself and
    // says the same thing on every try, so only a change is reported.
    let last = '';
    client.on('error', (error: unknown) => {
      const text = error instanceof Error ? error.message : String(error);
      if (text === last) return;
      last = text;
      options.onError?.(error);
    });
    client.on('ready', () => (last = ''));
    this.#adapter = new KeyvRedisStore(client, { throwOnConnectError: true, throwOnErrors: true, connectionTimeout: connectTimeout });
    this.#adapter.on('error', () => undefined);
    // throwOnErrors: an unreachable Redis must fail the request, not read as "no session" or,
    // worse, "not revoked".
    this.#keyv = new Keyv({ store: this.#adapter, namespace: options.namespace, throwOnErrors: true });
    this.#keyv.on('error', () => undefined);
    this.#prefix = `${options.namespace}:atomic:`;
    this.#clock = options.clock ?? Date.now;
    this.#where = `Redis at ${options.redisUrl.replace(/\/\/[^@/]*@/, '//')}`;
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  get<T>(key: string): Promise<T | undefined> {
    return this.#bounded(async () => {
      await this.#client();
      return ((await this.#keyv.get<T>(key)) ?? undefined) as T | undefined;
    });
  }

  set(key: string, value: unknown, ttlMs?: number): Promise<void> {
    return this.#bounded(async () => {
      await this.#client();
      await this.#keyv.set(key, value, ttlMs);
    });
  }

  delete(key: string): Promise<boolean> {
    return this.#bounded(async () => {
      await this.#client();
      return this.#keyv.delete(key);
    });
  }

  reserve(key: string, value: unknown, ttlMs?: number): Promise<boolean> {
    return this.#bounded(() => this.#reserve(key, value, ttlMs));
  }

  peek<T>(key: string): Promise<T | undefined> {
    return this.#bounded(() => this.#peek<T>(key));
  }

  release(key: string): Promise<void> {
    return this.#bounded(() => this.#release(key));
  }

  hit(key: string, windowMs: number): Promise<WindowHit> {
    return this.#bounded(() => this.#hit(key, windowMs));
  }

  pushCapped(key: string, value: unknown, maxLength: number): Promise<void> {
    return this.#bounded(() => this.#pushCapped(key, value, maxLength));
  }

  range<T>(key: string, offset: number, limit: number): Promise<{ items: T[]; total: number }> {
    return this.#bounded(() => this.#range<T>(key, offset, limit));
  }

  async disconnect(): Promise<void> {
    await this.#keyv.disconnect();
  }

  #bounded<T>(work: () => Promise<T>): Promise<T> {
    return bounded(work, this.#timeoutMs, this.#where);
  }

  async #reserve(key: string, value: unknown, ttlMs?: number): Promise<boolean> {
    const client = await this.#client();
    const options = ttlMs === undefined ? { condition: 'NX' as const } : { condition: 'NX' as const, expiration: { type: 'PX' as const, value: ttlMs } };
    const reply = await client.set(this.#prefix + key, JSON.stringify(value), options);
    return reply !== null;
  }

  async #peek<T>(key: string): Promise<T | undefined> {
    const client = await this.#client();
    const raw = await client.get(this.#prefix + key);
    return raw === null ? undefined : (JSON.parse(String(raw)) as T);
  }

  async #release(key: string): Promise<void> {
    const client = await this.#client();
    await client.del(this.#prefix + key);
  }

  async #hit(key: string, windowMs: number): Promise<WindowHit> {
    const now = this.#clock();
    const window = Math.floor(now / windowMs);
    const redisKey = `${this.#prefix}${key}:${windowMs}:${window}`;
    const client = await this.#client();
    // The key outlives its window a little, so a late hit from a slower clock still finds it.
    const [count] = await client.multi().incr(redisKey).pExpire(redisKey, windowMs + 1_000).exec();
    return { count: Number(count), resetInMs: (window + 1) * windowMs - now };
  }

  async #pushCapped(key: string, value: unknown, maxLength: number): Promise<void> {
    const client = await this.#client();
    const redisKey = this.#prefix + key;
    await client.multi().lPush(redisKey, JSON.stringify(value)).lTrim(redisKey, 0, maxLength - 1).exec();
  }

  async #range<T>(key: string, offset: number, limit: number): Promise<{ items: T[]; total: number }> {
    const client = await this.#client();
    const redisKey = this.#prefix + key;
    const [items, total] = await client.multi().lRange(redisKey, offset, offset + limit - 1).lLen(redisKey).exec();
    return { items: (items as unknown as string[]).map((item) => JSON.parse(item) as T), total: Number(total) };
  }

  /** The client once it is ready: a command sent while it connects would fail (no offline queue). */
  async #client(): Promise<RedisClientType> {
    let client: RedisClientType;
    try {
      client = (await this.#adapter.getClient()) as RedisClientType;
    } catch (error) {
      throw new Error(`${this.#where} is unreachable`, { cause: error });
    }
    if (!client.isReady) {
      // One waiter for every caller; the caller's own limit (bounded) ends the wait.
      this.#ready ??= new Promise<void>((done) =>
        client.once('ready', () => {
          this.#ready = undefined;
          done();
        }),
      );
      await this.#ready;
    }
    return client;
  }
}
