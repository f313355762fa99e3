// The OCI-P logins (OCIP.md §5): one step with the plain password where the wire is encrypted
// (LoginRequest22V5 from R24, LoginRequest22V4 in R22), two steps with a signed password
// (AuthenticationRequest + LoginRequest14sp4, every release) on plain TCP or HTTP, where the
// password itself must never travel, and on R21, which has no one-step login.
// With the release unknown, the one-step logins are tried newest first: a release that lacks one
// answers 6004 (an unknown xsi:type), and the variant that succeeds tells the release apart.
import {
  AuthenticationRequest,
  LoginRequest14sp4,
  LoginRequest22V4,
  LoginRequest22V5,
  RELEASE_PROFILES,
  signedPassword,
} from '../codec/index.js';
import type { CommandSpec, DecodedCommand, OutgoingCommand, ReleaseProfile } from '../codec/index.js';
import { OcipLoginError, OcipProtocolError } from '../errors.js';
import { toErrorResponseError } from './error-response.js';

/** 'auto': plain password over TLS/HTTPS, signed password otherwise. */
export type LoginMethod = 'signed' | 'plain' | 'auto';

/** What BroadWorks says about the logged-in administrator (LoginResponse14sp4 / 22V4 / 22V5). */
export interface LoginInfo {
  readonly response: 'LoginResponse14sp4' | 'LoginResponse22V4' | 'LoginResponse22V5';
  readonly loginType: string;
  readonly locale: string;
  readonly encoding: string;
  readonly groupId?: string;
  readonly serviceProviderId?: string;
  readonly isEnterprise: boolean;
  readonly passwordExpiresDays?: number;
  readonly userDomain: string;
  readonly resellerId?: string;
}

export type Exchange = (commands: OutgoingCommand[]) => Promise<DecodedCommand[]>;

export interface LoginParameters {
  userId: string;
  password: string;
  method: LoginMethod;
  /** Whether the transport encrypts (decides 'auto'). */
  secure: boolean;
  /** The release, when pinned or already learned; undefined: find the login that works. */
  profile: ReleaseProfile | undefined;
}

export interface LoginOutcome {
  info: LoginInfo;
  /** The release the login itself told apart (or the known one); undefined when it could not tell. */
  implied: ReleaseProfile | undefined;
}

/** The one-step logins newest first, with the release their success implies (R24 and R25 share 22V5). */
const PLAIN_LOGINS: readonly { spec: typeof LoginRequest22V5 | typeof LoginRequest22V4; implies: ReleaseProfile }[] = [
  { spec: LoginRequest22V5, implies: RELEASE_PROFILES.R25 },
  { spec: LoginRequest22V4, implies: RELEASE_PROFILES.R22 },
];

export async function logIn(exchange: Exchange, parameters: LoginParameters): Promise<LoginOutcome> {
  const { userId, password, method, secure, profile } = parameters;
  const plain = method === 'plain' || (method === 'auto' && secure);
  if (plain) {
    const candidates = profile
      ? PLAIN_LOGINS.filter((login) => login.spec === profile.plainLogin)
      : PLAIN_LOGINS;
    for (const { spec, implies } of candidates) {
      try {
        const login = await ask(exchange, spec, { userId, password }, userId);
        return { info: loginInfo(spec.response!.name as LoginInfo['response'], login), implied: profile ?? implies };
      } catch (error) {
        if (!profile && isUnknownCommand(error)) continue;
        throw error;
      }
    }
  }
  const challenge = await ask(exchange, AuthenticationRequest, { userId }, userId);
  if (challenge.passwordAlgorithm !== 'MD5' || typeof challenge.nonce !== 'string') {
    throw new OcipProtocolError(`AuthenticationResponse asks for password algorithm '${String(challenge.passwordAlgorithm)}'`);
  }
  const login = await ask(exchange, LoginRequest14sp4, { userId, signedPassword: signedPassword(challenge.nonce, password) }, userId);
  // Only R21 refuses both one-step logins; otherwise a signed login says nothing of the release.
  const implied = profile ?? (plain ? RELEASE_PROFILES.R21 : undefined);
  return { info: loginInfo('LoginResponse14sp4', login), implied };
}

/** 6004 (request validation) to a login means the release does not know the command. */
function isUnknownCommand(error: unknown): boolean {
  return error instanceof OcipLoginError && error.response?.errorCode === 6004;
}

/** One login step: an ErrorResponse is a refused login, anything but the expected type a protocol error. */
async function ask(exchange: Exchange, spec: CommandSpec, value: object, userId: string): Promise<Record<string, unknown>> {
  const [reply] = await exchange([{ spec, value }]);
  const expected = (spec.response as CommandSpec).name;
  if (reply!.type === 'ErrorResponse' && reply!.value) {
    throw new OcipLoginError(userId, toErrorResponseError(spec.name, reply!.value));
  }
  if (reply!.problem !== undefined) throw new OcipProtocolError(`the answer to ${spec.name} is invalid: ${reply!.problem}`);
  if (reply!.type !== expected) throw new OcipProtocolError(`${spec.name} was answered by ${reply!.type}, not ${expected}`);
  return reply!.value;
}

function loginInfo(response: LoginInfo['response'], value: Record<string, unknown>): LoginInfo {
  return Object.freeze({ response, ...(value as Omit<LoginInfo, 'response'>) });
}
