// OCI-P sessions on the server side. A TCP/TLS session is bound to its socket; a SOAP session to
// its JSESSIONID cookie. The login, and the nonce of the last AuthenticationRequest, belong to it.
// The registry lets tests list logged-in sessions and force a server-side logout.

export type LoginType = 'System' | 'Service Provider' | 'Group';

export interface LoginState {
  /** The document sessionId used at login: the only one this connection accepts afterwards. */
  sessionId: string;
  userId: string;
  loginType: LoginType;
  serviceProviderId?: string;
  groupId?: string;
  isEnterprise: boolean;
  loggedInAt: number;
}

export interface SessionState {
  /** The simulator's own id of the connection or cookie, e.g. `tcp-3`, `soap-<cookie>`. */
  readonly key: string;
  readonly transport: 'tcp' | 'tls' | 'soap';
  readonly remoteAddress: string;
  /** The nonce answered to the last AuthenticationRequest; a login consumes it. */
  nonce?: { value: string; userId: string };
  login?: LoginState;
  /** Sends a server LogoutRequest and ends the connection; absent on SOAP (HTTP cannot push). */
  forceLogout?: (reason: ServerLogoutReason) => Promise<void>;
}

export type ServerLogoutReason = 'Client Logout' | 'Server Connection Failure' | 'Open Client Server Forced Logout';

/** What `simulator.sessions()` shows of a logged-in session. */
export interface SessionInfo {
  key: string;
  sessionId: string;
  transport: 'tcp' | 'tls' | 'soap';
  userId: string;
  loginType: LoginType;
  serviceProviderId?: string;
  groupId?: string;
  remoteAddress: string;
  loggedInAt: number;
}

export class SessionRegistry {
  private readonly sessions = new Set<SessionState>();

  add(session: SessionState): void {
    this.sessions.add(session);
  }

  remove(session: SessionState): void {
    this.sessions.delete(session);
  }

  loggedIn(): SessionInfo[] {
    const infos: SessionInfo[] = [];
    for (const session of this.sessions) {
      const login = session.login;
      if (!login) continue;
      const info: SessionInfo = {
        key: session.key,
        sessionId: login.sessionId,
        transport: session.transport,
        userId: login.userId,
        loginType: login.loginType,
        remoteAddress: session.remoteAddress,
        loggedInAt: login.loggedInAt,
      };
      if (login.serviceProviderId !== undefined) info.serviceProviderId = login.serviceProviderId;
      if (login.groupId !== undefined) info.groupId = login.groupId;
      infos.push(info);
    }
    return infos;
  }

  /** Every session logged in with this OCI sessionId (or with this registry key). */
  find(sessionIdOrKey: string): SessionState[] {
    return [...this.sessions].filter((s) => s.key === sessionIdOrKey || s.login?.sessionId === sessionIdOrKey);
  }
}
