// APIO core-style tokens (APIO.md §3.2): a short access token and a longer refresh token, both
// HS256 JWTs (jose) with a standard `exp` that clients read. The two tokens of one login share a
// family id (`fid`); logout revokes the family in the store, so both stop working on every
// instance at once, and a refresh gives a new access token in the same family.
import { randomUUID, webcrypto } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import type { JWTPayload } from 'jose';
import { ApioError } from '../domain/errors.js';
import type { Store } from '../store/index.js';
import type { Principal } from './principal.js';
import type { UserLevel } from './user-levels.js';

const ISSUER = 'apio-adapter';
/** Tokens whose signature was checked, kept so a busy client's every call does not pay the HMAC again. */
const VERIFIED_CACHE_SIZE = 10_000;
/** A refresh token with less than this share of its life left is replaced on refresh (APIO: "about to expire"). */
const RENEW_REFRESH_BELOW = 0.2;

type TokenUse = 'access' | 'refresh';

interface Claims extends JWTPayload {
  use: TokenUse;
  fid: string;
  user_level: UserLevel;
  broadsoft_type: string;
  tenant_id?: string;
  group_id?: string;
}

export interface TokenPair {
  access_token: string;
  refresh_token: string;
}

export interface TokenServiceOptions {
  key: Uint8Array;
  store: Store;
  accessTtlSeconds: number;
  refreshTtlSeconds: number;
  clock: () => number;
}

/** A verified token: who, and the family it belongs to. */
export interface VerifiedToken {
  principal: Principal;
  family: string;
  use: TokenUse;
  expiresAt: number;
}

export class TokenService {
  /** jose verifies fastest with a CryptoKey; imported once. */
  readonly #key: Promise<webcrypto.CryptoKey>;
  /** Token text → its checked claims. Expiry and revocation are still checked on every use. */
  readonly #verified = new Map<string, Claims>();

  constructor(private readonly options: TokenServiceOptions) {
    this.#key = webcrypto.subtle.importKey('raw', options.key as Uint8Array<ArrayBuffer>, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
  }

  async issue(principal: Principal): Promise<TokenPair> {
    const family = randomUUID();
    return {
      access_token: await this.#sign(principal, family, 'access'),
      refresh_token: await this.#sign(principal, family, 'refresh'),
    };
  }

  /** A new access token for a valid, unrevoked refresh token; a new refresh token too when it nears its end. */
  async refresh(refreshToken: string): Promise<{ access_token: string; refresh_token?: string }> {
    const verified = await this.verify(refreshToken, 'refresh');
    const answer: { access_token: string; refresh_token?: string } = {
      access_token: await this.#sign(verified.principal, verified.family, 'access'),
    };
    const left = verified.expiresAt - this.options.clock();
    if (left < this.options.refreshTtlSeconds * 1000 * RENEW_REFRESH_BELOW) {
      answer.refresh_token = await this.#sign(verified.principal, verified.family, 'refresh');
    }
    return answer;
  }

  /** Revokes the whole family of a valid token (access or refresh): logout. */
  async revoke(token: string): Promise<VerifiedToken> {
    const verified = await this.verify(token);
    // Every token of the family was signed before now, so none outlives now + the refresh lifetime.
    await this.options.store.set(revokedKey(verified.family), true, this.options.refreshTtlSeconds * 1000);
    return verified;
  }

  /** The token's principal; UNAUTHENTICATED for a bad signature, the wrong use, an expired or revoked token. */
  async verify(token: string, use?: TokenUse): Promise<VerifiedToken> {
    const claims = this.#verified.get(token) ?? (await this.#checkSignature(token));
    // jose compares exp with the same clock; a remembered token must be held to it too.
    if (claims.exp! * 1000 <= this.options.clock()) {
      this.#verified.delete(token);
      throw new ApioError('UNAUTHENTICATED', 'the token has expired');
    }
    if (use !== undefined && claims.use !== use) throw new ApioError('UNAUTHENTICATED', `a ${use} token is needed here`);
    if (await this.options.store.get(revokedKey(claims.fid))) throw new ApioError('UNAUTHENTICATED', 'the token has been revoked');
    const principal: Principal = { via: 'token', name: claims.sub!, level: claims.user_level, loginType: claims.broadsoft_type };
    if (claims.tenant_id !== undefined) principal.tenantId = claims.tenant_id;
    if (claims.group_id !== undefined) principal.groupId = claims.group_id;
    return { principal, family: claims.fid, use: claims.use, expiresAt: claims.exp! * 1000 };
  }

  async #checkSignature(token: string): Promise<Claims> {
    let claims: Claims;
    try {
      const verified = await jwtVerify<Claims>(token, await this.#key, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        currentDate: new Date(this.options.clock()),
        requiredClaims: ['exp', 'sub', 'use', 'fid'],
      });
      claims = verified.payload;
    } catch (error) {
      const expired = (error as { code?: string }).code === 'ERR_JWT_EXPIRED';
      throw new ApioError('UNAUTHENTICATED', expired ? 'the token has expired' : 'the token is not valid');
    }
    if (this.#verified.size >= VERIFIED_CACHE_SIZE) this.#verified.delete(this.#verified.keys().next().value!);
    this.#verified.set(token, claims);
    return claims;
  }

  async #sign(principal: Principal, family: string, use: TokenUse): Promise<string> {
    const now = Math.floor(this.options.clock() / 1000);
    const ttl = use === 'access' ? this.options.accessTtlSeconds : this.options.refreshTtlSeconds;
    const claims: Claims = { use, fid: family, user_level: principal.level, broadsoft_type: principal.loginType };
    if (principal.tenantId !== undefined) claims.tenant_id = principal.tenantId;
    if (principal.groupId !== undefined) claims.group_id = principal.groupId;
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(ISSUER)
      .setSubject(principal.name)
      .setJti(randomUUID())
      .setIssuedAt(now)
      .setExpirationTime(now + ttl)
      .sign(await this.#key);
  }
}

function revokedKey(family: string): string {
  return `auth:revoked:${family}`;
}
