// Login as BroadWorks does it: a fresh nonce per AuthenticationRequest, then LoginRequest14sp4 with
// signedPassword = md5(nonce + ":" + sha1(password)) (or a plain-text password), or
// LoginRequest22V5 with the plain password. Passwords are compared as SHA-1 hex and never kept in
// clear or logged. Every refusal is `[Error 4962] Invalid password`, whether the user exists or not.
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { sha1Hex } from '../ocip/codec/index.js';
import { simError } from './errors.js';
import type { LoginState, LoginType } from './session.js';
import type { World } from './world/world.js';

export interface SystemAdmin {
  userId: string;
  password: string;
}

/** Who may log in, and with which scope. */
export interface Identity {
  userId: string;
  loginType: LoginType;
  serviceProviderId?: string;
  groupId?: string;
  isEnterprise: boolean;
  passwordSha1: string | undefined;
}

/** What the login carried: a signed password with the nonce it was signed with, or a plain one. */
export type Proof = { signedPassword: string; nonce: string | undefined } | { password: string } | { none: true };

/** BroadWorks nonces are long decimal strings (like millisecond timestamps); this one is 16 random digits. */
export function newNonce(): string {
  return `${randomInt(10 ** 12, 10 ** 13)}${randomInt(100, 1000)}`;
}

export class Authenticator {
  private readonly systemAdmins: Map<string, string>;

  constructor(
    private readonly world: World,
    systemAdmins: readonly SystemAdmin[],
  ) {
    this.systemAdmins = new Map(systemAdmins.map((admin) => [admin.userId, sha1Hex(admin.password)]));
  }

  get systemAdminIds(): string[] {
    return [...this.systemAdmins.keys()];
  }

  /** The identity behind a verified proof, or 4962. */
  verify(userId: string, proof: Proof): Identity {
    const identity = this.identity(userId);
    const stored = identity?.passwordSha1;
    if (!identity || stored === undefined || !matches(stored, proof)) throw simError('INVALID_PASSWORD');
    return identity;
  }

  private identity(userId: string): Identity | undefined {
    const systemSha1 = this.systemAdmins.get(userId);
    if (systemSha1 !== undefined) return { userId, loginType: 'System', isEnterprise: false, passwordSha1: systemSha1 };
    const admin = this.world.admins.get(userId);
    if (!admin) return undefined;
    const sp = this.world.serviceProvider(admin.serviceProviderId);
    const identity: Identity = {
      userId,
      loginType: admin.kind === 'group' ? 'Group' : 'Service Provider',
      serviceProviderId: admin.serviceProviderId,
      isEnterprise: sp?.isEnterprise ?? false,
      passwordSha1: admin.passwordSha1,
    };
    if (admin.groupId !== undefined) identity.groupId = admin.groupId;
    return identity;
  }
}

function matches(storedSha1: string, proof: Proof): boolean {
  if ('password' in proof) return safeEqual(storedSha1, sha1Hex(proof.password));
  if ('signedPassword' in proof && proof.nonce !== undefined) {
    return safeEqual(signedFromSha1(proof.nonce, storedSha1), proof.signedPassword.toLowerCase());
  }
  return false;
}

/** The codec's signedPassword(nonce, password), computed from the stored SHA-1 instead of the password. */
function signedFromSha1(nonce: string, sha1: string): string {
  return createHash('md5').update(`${nonce}:${sha1}`, 'utf8').digest('hex');
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export function loginStateOf(identity: Identity, sessionId: string, now: number): LoginState {
  const login: LoginState = {
    sessionId,
    userId: identity.userId,
    loginType: identity.loginType,
    isEnterprise: identity.isEnterprise,
    loggedInAt: now,
  };
  if (identity.serviceProviderId !== undefined) login.serviceProviderId = identity.serviceProviderId;
  if (identity.groupId !== undefined) login.groupId = identity.groupId;
  return login;
}

/** The fields LoginResponse14sp4 and LoginResponse22V5 share, as captured from a real system. */
export function loginResponseFields(identity: Identity, userDomain: string) {
  return {
    loginType: identity.loginType,
    locale: 'en_US',
    encoding: 'ISO-8859-1',
    ...(identity.groupId !== undefined ? { groupId: identity.groupId } : {}),
    ...(identity.serviceProviderId !== undefined ? { serviceProviderId: identity.serviceProviderId } : {}),
    isEnterprise: identity.isEnterprise,
    passwordExpiresDays: 2147483647,
    userDomain,
  };
}
