// Rate limits per credential, per client address and on login attempts, counted in the store's
// fixed windows, so with Redis every instance counts together. The defaults (config/default.json)
// leave one credential thousands of requests a second: the limit is a guard against a runaway
// script, not a quota.
import type { Store } from '../store/index.js';

export interface RateLimitSettings {
  enabled: boolean;
  windowSeconds: number;
  perCredential: number;
  perAddress: number;
  loginAttempts: number;
  loginWindowSeconds: number;
}

export type RateVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number; what: string };

const ALLOWED: RateVerdict = { allowed: true };

export class RateLimiter {
  constructor(
    private readonly store: Store,
    private readonly settings: RateLimitSettings,
  ) {}

  forCredential(credential: string): Promise<RateVerdict> {
    return this.#count(`rl:credential:${credential}`, this.settings.perCredential, this.settings.windowSeconds, 'requests from this credential');
  }

  forAddress(address: string): Promise<RateVerdict> {
    return this.#count(`rl:address:${address}`, this.settings.perAddress, this.settings.windowSeconds, 'requests from this address');
  }

  forLogin(address: string): Promise<RateVerdict> {
    return this.#count(`rl:login:${address}`, this.settings.loginAttempts, this.settings.loginWindowSeconds, 'login attempts from this address');
  }

  async #count(key: string, limit: number, windowSeconds: number, what: string): Promise<RateVerdict> {
    if (!this.settings.enabled) return ALLOWED;
    const hit = await this.store.hit(key, windowSeconds * 1000);
    if (hit.count <= limit) return ALLOWED;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(hit.resetInMs / 1000)), what: `${what}: more than ${limit} in ${windowSeconds} s` };
  }
}
