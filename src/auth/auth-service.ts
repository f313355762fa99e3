// Authentication as one service: logging in against BroadWorks, the gateway session and the core
// tokens that follow, machine tokens, and telling who a request comes from. Knows nothing of HTTP:
// the HTTP layer hands it a bearer token or a session id and gets a principal or a reason.
import { ApioError } from '../domain/errors.js';
import type { CredentialVerifier } from './credential-verifier.js';
import type { MachineTokens } from './machine-tokens.js';
import type { Principal } from './principal.js';
import type { SessionService } from './session-service.js';
import type { TokenService } from './token-service.js';
import { levelOfLoginType } from './user-levels.js';

/** A principal, or why the credentials presented were refused; neither when none were presented. */
export interface AuthOutcome {
  principal?: Principal;
  failure?: string;
}

export interface Credentials {
  /** `Authorization: Bearer …`: an access token or a machine token. */
  bearer?: string;
  /** The gateway `sessionid` cookie. */
  sessionId?: string;
}

export interface AuthServiceParts {
  verifier: CredentialVerifier;
  sessions: SessionService;
  tokens: TokenService;
  machineTokens: MachineTokens;
}

export class AuthService {
  readonly sessions: SessionService;
  readonly tokens: TokenService;
  readonly #verifier: CredentialVerifier;
  readonly #machineTokens: MachineTokens;

  constructor(parts: AuthServiceParts) {
    this.sessions = parts.sessions;
    this.tokens = parts.tokens;
    this.#verifier = parts.verifier;
    this.#machineTokens = parts.machineTokens;
  }

  /** Checks the credentials with BroadWorks; the principal carries the level of its login type. */
  async login(username: string, password: string, via: 'session' | 'token'): Promise<Principal> {
    const login = await this.#verifier(username, password);
    const level = levelOfLoginType(login.loginType);
    if (level === undefined) {
      throw new ApioError('FORBIDDEN', `BroadWorks login type '${login.loginType}' has no APIO user level`);
    }
    const principal: Principal = { via, name: login.userId, level, loginType: login.loginType };
    if (login.serviceProviderId !== undefined) principal.tenantId = login.serviceProviderId;
    if (login.groupId !== undefined) principal.groupId = login.groupId;
    return principal;
  }

  /** A bearer token wins over a session cookie, as the more explicit of the two. */
  async authenticate(credentials: Credentials): Promise<AuthOutcome> {
    if (credentials.bearer !== undefined) {
      const machine = this.#machineTokens.find(credentials.bearer);
      if (machine) return { principal: machine };
      try {
        return { principal: (await this.tokens.verify(credentials.bearer, 'access')).principal };
      } catch (error) {
        if (error instanceof ApioError && error.reason === 'UNAUTHENTICATED') return { failure: error.message };
        throw error;
      }
    }
    if (credentials.sessionId !== undefined) {
      const principal = await this.sessions.find(credentials.sessionId);
      return principal ? { principal } : { failure: 'the session has ended or is not known' };
    }
    return {};
  }
}
