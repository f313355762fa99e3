// Authentication, user levels, scope and rate limits. createSecurity builds it all from the
// settings; the HTTP layer (src/http/auth-*.ts) applies it to requests.
import { resolve } from 'node:path';
import type { Store } from '../store/index.js';
import { AuthService } from './auth-service.js';
import type { CredentialVerifier } from './credential-verifier.js';
import { resolveJwtSecret } from './jwt-secret.js';
import { MachineTokens } from './machine-tokens.js';
import type { MachineTokenSetting } from './machine-tokens.js';
import { RateLimiter } from './rate-limiter.js';
import type { RateLimitSettings } from './rate-limiter.js';
import { SessionService } from './session-service.js';
import { TokenService } from './token-service.js';

export { AuthService } from './auth-service.js';
export type { AuthOutcome, Credentials } from './auth-service.js';
export { ocipCredentialVerifier, verifierForUrl, INVALID_CREDENTIALS } from './credential-verifier.js';
export type { CredentialVerifier, VerifiedLogin } from './credential-verifier.js';
export { checkAccess, credentialKey, loginAnswer } from './principal.js';
export type { Principal, RoutePolicy, RouteScope, Target } from './principal.js';
export { RateLimiter } from './rate-limiter.js';
export type { RateVerdict } from './rate-limiter.js';
export { UserLevels, levelName, levelOfLoginType } from './user-levels.js';
export type { UserLevel } from './user-levels.js';
export { MachineTokens, sha256Hex } from './machine-tokens.js';
export { SECRET_FILE } from './jwt-secret.js';

/** The settings this needs, under their config keys. */
export interface SecuritySettings {
  rootDir: string;
  dataDir: string;
  auth: {
    jwtSecret: string | null;
    accessTokenTtlSeconds: number;
    refreshTokenTtlSeconds: number;
    sessionTtlSeconds: number;
    cookieSecure: boolean;
    cookieSameSite: 'Strict' | 'Lax';
    loginTimeoutMs: number;
    machineTokens: readonly MachineTokenSetting[];
  };
  rateLimit: RateLimitSettings & { trustProxy: boolean };
}

export interface Security {
  auth: AuthService;
  rateLimiter: RateLimiter;
  cookie: { secure: boolean; sameSite: 'Strict' | 'Lax'; maxAgeSeconds: number };
  /** Take the client address from X-Forwarded-For. */
  trustProxy: boolean;
}

export interface SecurityOptions {
  settings: SecuritySettings;
  store: Store;
  /** How passwords are checked: ocipCredentialVerifier against the adapter's BroadWorks. */
  verifier: CredentialVerifier;
  /** Token and session expiry (tests move it). */
  clock?: () => number;
}

export async function createSecurity({ settings, store, verifier, clock = Date.now }: SecurityOptions): Promise<Security> {
  const { auth } = settings;
  const key = await resolveJwtSecret({ configured: auth.jwtSecret, store, dataDir: resolve(settings.rootDir, settings.dataDir) });
  return {
    auth: new AuthService({
      verifier,
      sessions: new SessionService({ store, ttlSeconds: auth.sessionTtlSeconds, clock }),
      tokens: new TokenService({ key, store, accessTtlSeconds: auth.accessTokenTtlSeconds, refreshTtlSeconds: auth.refreshTokenTtlSeconds, clock }),
      machineTokens: new MachineTokens(auth.machineTokens),
    }),
    rateLimiter: new RateLimiter(store, settings.rateLimit),
    cookie: { secure: auth.cookieSecure, sameSite: auth.cookieSameSite, maxAgeSeconds: auth.sessionTtlSeconds },
    trustProxy: settings.rateLimit.trustProxy,
  };
}
