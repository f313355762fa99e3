// Checks a username and password the way BroadWorks does: an OCI-P login on a short-lived session
// of the adapter's own (never the shared pool, whose sessions are the adapter's system login), read
// the login type, service provider and group from the answer, log out. Every refusal reads the
// same, so the answer never tells which part was wrong.
import { ApioError } from '../domain/errors.js';
import { toApioError } from '../domain/broadworks-errors.js';
import { OcipEncodeError, OcipErrorCodes, OcipError } from '../ocip/errors.js';
import { Session } from '../ocip/session/session.js';
import type { Transport } from '../ocip/transport/channel.js';
import { createTransport } from '../ocip/transport/create-transport.js';

export interface VerifiedLogin {
  userId: string;
  loginType: string;
  serviceProviderId?: string;
  groupId?: string;
}

export type CredentialVerifier = (username: string, password: string) => Promise<VerifiedLogin>;

export const INVALID_CREDENTIALS = 'invalid username or password';

export interface OcipVerifierOptions {
  /** The same BroadWorks the pool talks to (for the embedded simulator: its TCP port). */
  transport: Transport;
  /** How long the login may take. */
  timeoutMs: number;
}

export function ocipCredentialVerifier({ transport, timeoutMs }: OcipVerifierOptions): CredentialVerifier {
  return async (username, password) => {
    let session: Session;
    try {
      session = await Session.open({ transport, userId: username, password, requestTimeoutMs: timeoutMs, logoutTimeoutMs: timeoutMs });
    } catch (error) {
      // A user id or password the schema cannot carry is as wrong as a refused one.
      if (error instanceof OcipEncodeError || (error instanceof OcipError && error.code === OcipErrorCodes.LOGIN_FAILED)) {
        throw new ApioError('UNAUTHENTICATED', INVALID_CREDENTIALS);
      }
      throw toApioError(error, 'checking the credentials with BroadWorks');
    }
    const info = session.loginInfo!;
    // The logout is not waited for: the answer depends only on the login. close() never rejects.
    void session.close();
    const login: VerifiedLogin = { userId: username, loginType: info.loginType };
    if (info.serviceProviderId !== undefined) login.serviceProviderId = info.serviceProviderId;
    if (info.groupId !== undefined) login.groupId = info.groupId;
    return login;
  };
}

/** The verifier for a BroadWorks URL (tcp://, tls://, the SOAP https:// URL), as the pool reaches it. */
export function verifierForUrl(
  url: string,
  options: { connectTimeoutMs: number; tlsRejectUnauthorized: boolean; loginTimeoutMs: number },
): CredentialVerifier {
  const transport = createTransport(url, { connectTimeoutMs: options.connectTimeoutMs, tls: { rejectUnauthorized: options.tlsRejectUnauthorized } });
  return ocipCredentialVerifier({ transport, timeoutMs: options.loginTimeoutMs });
}
