// APIO gateway-style sessions (APIO.md §3.1): a random `sessionid` handed out as a cookie, the
// principal kept in the store under the id's SHA-256 (a copy of the store does not hold live
// session ids), with an expiry. Any instance sharing the store accepts it; logout deletes it.
import { createHash, randomBytes } from 'node:crypto';
import type { Store } from '../store/index.js';
import type { Principal } from './principal.js';

interface SessionRecord {
  principal: Principal;
  expiresAt: number;
}

export interface SessionServiceOptions {
  store: Store;
  ttlSeconds: number;
  clock: () => number;
}

export class SessionService {
  constructor(private readonly options: SessionServiceOptions) {}

  get ttlSeconds(): number {
    return this.options.ttlSeconds;
  }

  /** A new session id for the principal. */
  async open(principal: Principal): Promise<string> {
    const id = randomBytes(32).toString('base64url');
    const ttlMs = this.options.ttlSeconds * 1000;
    const record: SessionRecord = { principal: { ...principal, via: 'session' }, expiresAt: this.options.clock() + ttlMs };
    await this.options.store.set(sessionKey(id), record, ttlMs);
    return id;
  }

  /** The principal of a live session, or undefined. */
  async find(id: string): Promise<Principal | undefined> {
    const record = await this.options.store.get<SessionRecord>(sessionKey(id));
    if (!record || record.expiresAt <= this.options.clock()) return undefined;
    return record.principal;
  }

  async close(id: string): Promise<void> {
    await this.options.store.delete(sessionKey(id));
  }
}

function sessionKey(id: string): string {
  return `auth:session:${createHash('sha256').update(id).digest('hex')}`;
}
