// The two OCI-P logins (OCIP.md §5): one step with the plain password (LoginRequest22V5) where the
// wire is encrypted, two steps with a signed password (AuthenticationRequest + LoginRequest14sp4)
// on plain TCP or HTTP, where the password itself must never travel.
import {
  AuthenticationRequest,
  LoginRequest14sp4,
  LoginRequest22V5,
  signedPassword,
} from '../codec/index.js';
import type { CommandSpec, DecodedCommand, OutgoingCommand } from '../codec/index.js';
import { OcipLoginError, OcipProtocolError } from '../errors.js';
import { toErrorResponseError } from './error-response.js';

/** 'auto': plain password over TLS/HTTPS, signed password otherwise. */
export type LoginMethod = 'signed' | 'plain' | 'auto';

/** What BroadWorks says about the logged-in administrator (LoginResponse14sp4 / LoginResponse22V5). */
export interface LoginInfo {
  readonly response: 'LoginResponse14sp4' | 'LoginResponse22V5';
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
}

export async function logIn(exchange: Exchange, { userId, password, method, secure }: LoginParameters): Promise<LoginInfo> {
  if (method === 'plain' || (method === 'auto' && secure)) {
    const login = await ask(exchange, LoginRequest22V5, { userId, password }, userId);
    return loginInfo('LoginResponse22V5', login);
  }
  const challenge = await ask(exchange, AuthenticationRequest, { userId }, userId);
  if (challenge.passwordAlgorithm !== 'MD5' || typeof challenge.nonce !== 'string') {
    throw new OcipProtocolError(`AuthenticationResponse asks for password algorithm '${String(challenge.passwordAlgorithm)}'`);
  }
  const login = await ask(exchange, LoginRequest14sp4, { userId, signedPassword: signedPassword(challenge.nonce, password) }, userId);
  return loginInfo('LoginResponse14sp4', login);
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
