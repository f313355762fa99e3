// The simulator's BroadWorks error codes, in one table, and the ErrorResponse they become.
//
// BroadWorks publishes no list of codes. The first block is what public captures show (OCIP.md §6);
// the rest are the simulator's own, chosen once and kept stable so the client's tests can rely on
// them. Own codes live in 4700–4799 (plus 4902 and 6000), away from the captured ones.
//
// On the wire an error is `summary` = `summaryEnglish` = `[Error NNNN] text[: subject]`, type
// "Error", and NO <errorCode> element: captured BroadWorks traffic omits it, and the client must
// read the code from the summary.
import type { ErrorResponseValue } from '../ocip/codec/index.js';

export const SIM_ERRORS = {
  // ---- seen in captures of real systems ----------------------------------------------------
  /** Also for an unknown service instance (virtual users are users). */
  USER_NOT_FOUND: { code: 4008, text: 'User not found' },
  GROUP_NOT_FOUND: { code: 4152, text: 'Group not found' },
  USER_ALREADY_EXISTS: { code: 4200, text: 'User already exists' },
  /** Also for an unknown user: a login never reveals whether the user exists. */
  INVALID_PASSWORD: { code: 4962, text: 'Invalid password' },
  /** detail = the strict decoder's problem text. */
  REQUEST_VALIDATION: { code: 6004, text: 'OCI XML Request validation error' },

  // ---- the simulator's own -----------------------------------------------------------------
  /** Not logged in, or a sessionId other than the one the connection logged in with. */
  INVALID_SESSION: { code: 6000, text: 'Invalid session' },
  /** The login's scope (system, service provider, group) does not cover the object. */
  ACCESS_DENIED: { code: 4902, text: 'Access denied' },
  SERVICE_PROVIDER_NOT_FOUND: { code: 4701, text: 'Service provider not found' },
  SERVICE_PROVIDER_EXISTS: { code: 4702, text: 'Service provider already exists' },
  GROUP_EXISTS: { code: 4703, text: 'Group already exists' },
  DOMAIN_NOT_FOUND: { code: 4710, text: 'Domain not found' },
  DOMAIN_EXISTS: { code: 4711, text: 'Domain already exists' },
  /** Not assigned to the service provider or group that needs it; detail names the container. */
  DOMAIN_NOT_ASSIGNED: { code: 4712, text: 'Domain not assigned' },
  /** A service user id without `@domain`. */
  INVALID_USER_ID: { code: 4713, text: 'Invalid user id, the domain is required' },
  /** A character BroadWorks refuses in a user id (world/identities.ts cites the rule). */
  INVALID_USER_ID_CHARACTERS: { code: 4714, text: 'Invalid character in user id' },
  DN_NOT_IN_PROVIDER: { code: 4720, text: 'DN not found in service provider' },
  DN_NOT_IN_GROUP: { code: 4721, text: 'DN not assigned to group' },
  /** Used by another service instance, or assigned to another group. */
  DN_IN_USE: { code: 4722, text: 'DN already in use' },
  /** Already added to a service provider. */
  DN_EXISTS: { code: 4723, text: 'DN already exists' },
  INVALID_PHONE_NUMBER: { code: 4724, text: 'Invalid phone number' },
  EXTENSION_IN_USE: { code: 4730, text: 'Extension already in use' },
  /** Another user's alias, a user id, or twice in one list. */
  ALIAS_IN_USE: { code: 4731, text: 'SIP alias already in use' },
  DEPARTMENT_NOT_FOUND: { code: 4740, text: 'Department not found' },
  DEPARTMENT_EXISTS: { code: 4741, text: 'Department already exists' },
  /** A destination that is neither a phone number nor a SIP URI (OutgoingDNorSIPURI rules). */
  INVALID_DESTINATION: { code: 4750, text: 'Invalid destination' },
  ADMIN_EXISTS: { code: 4760, text: 'Administrator already exists' },
  INVALID_TIME_ZONE: { code: 4770, text: 'Invalid time zone' },
  LANGUAGE_NOT_FOUND: { code: 4771, text: 'Language not found' },
  NETWORK_CLASS_OF_SERVICE_NOT_FOUND: { code: 4772, text: 'Network class of service not found' },
  /** A valid request type (the codec and the release know it) that the simulator does not serve, or a response sent as a request. */
  NOT_SUPPORTED: { code: 4790, text: 'Request not implemented by this simulator' },
  /** A bug in the simulator; detail carries the message. */
  INTERNAL: { code: 4799, text: 'Internal error' },
} as const;

export type SimErrorKind = keyof typeof SIM_ERRORS;

/** Thrown by world rules and handlers; the dispatcher turns it into an ErrorResponse. Never leaves the simulator. */
export class SimulatorError extends Error {
  readonly kind: SimErrorKind;
  readonly code: number;
  readonly summary: string;
  readonly detail: string | undefined;

  constructor(kind: SimErrorKind, subject?: string, detail?: string) {
    const { code, text } = SIM_ERRORS[kind];
    const summary = `[Error ${code}] ${text}${subject === undefined ? '' : `: ${subject}`}`;
    super(summary);
    this.name = 'SimulatorError';
    this.kind = kind;
    this.code = code;
    this.summary = summary;
    this.detail = detail;
  }
}

export function simError(kind: SimErrorKind, subject?: string, detail?: string): SimulatorError {
  return new SimulatorError(kind, subject, detail);
}

/** The ErrorResponse value as BroadWorks sends it: no errorCode element, summary twice. */
export function errorResponseValue(error: SimulatorError): ErrorResponseValue {
  const value: ErrorResponseValue = { summary: error.summary, summaryEnglish: error.summary, type: 'Error' };
  if (error.detail !== undefined) value.detail = error.detail;
  return value;
}
