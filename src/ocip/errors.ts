// Every error the OCI-P layer raises: one base class, small subclasses, each with a stable code.
// Callers match on `code`, never on message text. Messages never contain passwords.

export const OcipErrorCodes = {
  ENCODE: 'OCIP_ENCODE_ERROR',
  PROTOCOL: 'OCIP_PROTOCOL_ERROR',
  CONNECT_TIMEOUT: 'OCIP_CONNECT_TIMEOUT',
  CONNECT_FAILED: 'OCIP_CONNECT_FAILED',
  REQUEST_TIMEOUT: 'OCIP_REQUEST_TIMEOUT',
  SOCKET_CLOSED: 'OCIP_SOCKET_CLOSED',
  SERVER_LOGOUT: 'OCIP_SERVER_LOGOUT',
  SESSION_CLOSED: 'OCIP_SESSION_CLOSED',
  LOGIN_FAILED: 'OCIP_LOGIN_FAILED',
  ERROR_RESPONSE: 'OCIP_ERROR_RESPONSE',
  TRANSPORT: 'OCIP_TRANSPORT_ERROR',
  POOL_CLOSED: 'OCIP_POOL_CLOSED',
  ACQUIRE_TIMEOUT: 'OCIP_POOL_ACQUIRE_TIMEOUT',
  INVALID_URL: 'OCIP_INVALID_URL',
} as const;

export type OcipErrorCode = (typeof OcipErrorCodes)[keyof typeof OcipErrorCodes];

export class OcipError extends Error {
  readonly code: OcipErrorCode;

  constructor(code: OcipErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** A value that cannot be written as the command's schema type (missing element, unknown key, bad value). */
export class OcipEncodeError extends OcipError {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(OcipErrorCodes.ENCODE, `${message} at ${path}`);
  }
}

/** Bytes that are not a well-formed OCI-P document, or an answer that does not match the request. */
export class OcipProtocolError extends OcipError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(OcipErrorCodes.PROTOCOL, message, options);
  }
}

export class OcipConnectTimeoutError extends OcipError {
  constructor(address: string, timeoutMs: number) {
    super(OcipErrorCodes.CONNECT_TIMEOUT, `connecting to ${address} timed out after ${timeoutMs} ms`);
  }
}

export class OcipConnectError extends OcipError {
  constructor(address: string, cause: unknown) {
    super(OcipErrorCodes.CONNECT_FAILED, `cannot connect to ${address}: ${describe(cause)}`, { cause });
  }
}

/** The session that timed out is destroyed: OCI-P matches answers by order, so a late one is unusable. */
export class OcipRequestTimeoutError extends OcipError {
  constructor(readonly commandTypes: readonly string[], timeoutMs: number) {
    super(OcipErrorCodes.REQUEST_TIMEOUT, `no answer to ${commandTypes.join(', ')} within ${timeoutMs} ms`);
  }
}

export class OcipSocketClosedError extends OcipError {
  constructor(detail = 'the connection to BroadWorks closed', options?: { cause?: unknown }) {
    super(OcipErrorCodes.SOCKET_CLOSED, detail, options);
  }
}

/** BroadWorks sent a LogoutRequest: the session is over. */
export class OcipServerLogoutError extends OcipError {
  constructor(reason: string | undefined) {
    super(OcipErrorCodes.SERVER_LOGOUT, `BroadWorks ended the session${reason ? ` (${reason})` : ''}`);
  }
}

/**
 * Work given to a session that was closed or destroyed by its owner. Queued work of a session killed by
 * another request's failure (its timeout, a malformed answer) gets it too, with that failure as `cause`:
 * the queued document was never written.
 */
export class OcipSessionClosedError extends OcipError {
  /** True when the request never reached the wire: another session may safely carry it. */
  readonly neverSent: boolean;

  constructor(detail = 'the OCI-P session is closed', options?: { cause?: unknown; neverSent?: boolean }) {
    super(OcipErrorCodes.SESSION_CLOSED, detail, options);
    this.neverSent = options?.neverSent ?? false;
  }
}

/** An ErrorResponse from BroadWorks, with every field the schema gives it. */
export class OcipErrorResponseError extends OcipError {
  readonly summary: string;
  readonly summaryEnglish: string;
  readonly errorCode: number | undefined;
  readonly detail: string | undefined;
  readonly type: 'Error' | 'Warning' | 'Info';
  readonly commandType: string;

  constructor(
    commandType: string,
    fields: { summary: string; summaryEnglish: string; errorCode?: number; detail?: string; type: 'Error' | 'Warning' | 'Info' },
  ) {
    super(OcipErrorCodes.ERROR_RESPONSE, `${commandType}: ${fields.summaryEnglish || fields.summary}`);
    this.commandType = commandType;
    this.summary = fields.summary;
    this.summaryEnglish = fields.summaryEnglish;
    this.errorCode = fields.errorCode;
    this.detail = fields.detail;
    this.type = fields.type;
  }
}

/** The credentials were refused. Not retried: a loop of bad logins can lock the account. */
export class OcipLoginError extends OcipError {
  constructor(
    readonly userId: string,
    readonly response?: OcipErrorResponseError,
  ) {
    super(OcipErrorCodes.LOGIN_FAILED, `login of ${userId} refused${response ? `: ${response.summaryEnglish}` : ''}`);
  }
}

/** The SOAP gateway answered with something other than an OCI-P document (HTTP status, fault). */
export class OcipTransportError extends OcipError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(OcipErrorCodes.TRANSPORT, message, options);
  }
}

export class OcipPoolClosedError extends OcipError {
  constructor(detail = 'the OCI-P pool is closed') {
    super(OcipErrorCodes.POOL_CLOSED, detail);
  }
}

export class OcipAcquireTimeoutError extends OcipError {
  constructor(timeoutMs: number) {
    super(OcipErrorCodes.ACQUIRE_TIMEOUT, `no OCI-P session became free within ${timeoutMs} ms`);
  }
}

/** An OCI-P endpoint URL the client cannot use (scheme, missing host, credentials in the URL). */
export class OcipUrlError extends OcipError {
  constructor(message: string) {
    super(OcipErrorCodes.INVALID_URL, message);
  }
}

function describe(cause: unknown): string {
  if (cause instanceof Error) return (cause as NodeJS.ErrnoException).code ?? cause.message;
  return String(cause);
}
