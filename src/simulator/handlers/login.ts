// Login, logout and session checks (OCISchemaLogin.xsd and the deprecated 14sp4 pair).
import {
  AuthenticationRequest,
  LoginRequest14sp4,
  LoginRequest22V4,
  LoginRequest22V5,
  LogoutRequest,
  VerifySessionIsValidRequest,
} from '../../ocip/codec/index.js';
import { loginResponseFields, loginStateOf, newNonce } from '../session-auth.js';
import type { Identity, Proof } from '../session-auth.js';
import { handler } from './context.js';
import type { Handler, HandlerContext } from './context.js';

/** userDomain is required in login answers; a world without system domains answers this. */
export const FALLBACK_USER_DOMAIN = 'localhost';

/** Commands a session may send before it is logged in. */
export const LOGIN_COMMANDS: ReadonlySet<string> = new Set([
  AuthenticationRequest.name,
  LoginRequest14sp4.name,
  LoginRequest22V4.name,
  LoginRequest22V5.name,
  LogoutRequest.name,
]);

export const loginHandlers: Handler[] = [
  // The user is not checked here: a nonce is answered to anyone, so the answer reveals nothing.
  handler(AuthenticationRequest, (ctx, value) => {
    const nonce = newNonce();
    ctx.session.nonce = { value: nonce, userId: value.userId };
    return { userId: value.userId, nonce, passwordAlgorithm: 'MD5' as const };
  }),

  handler(LoginRequest14sp4, (ctx, value) => {
    let proof: Proof = { none: true };
    if (value.signedPassword !== undefined) {
      const nonce = ctx.session.nonce?.userId === value.userId ? ctx.session.nonce.value : undefined;
      proof = { signedPassword: value.signedPassword, nonce };
    } else if (value.plainTextPassword !== undefined) {
      proof = { password: value.plainTextPassword };
    }
    const identity = logIn(ctx, value.userId, proof);
    return loginResponseFields(identity, userDomain(ctx));
  }),

  // In AS data mode a signedPassword without password is an error, and so is no password at all.
  handler(LoginRequest22V5, (ctx, value) => {
    const proof: Proof = value.password !== undefined ? { password: value.password } : { none: true };
    const identity = logIn(ctx, value.userId, proof);
    return loginResponseFields(identity, userDomain(ctx));
  }),

  // R22's one-step login: the same rules, a locale of at most 5 characters (en_US fits).
  handler(LoginRequest22V4, (ctx, value) => {
    const proof: Proof = value.password !== undefined ? { password: value.password } : { none: true };
    const identity = logIn(ctx, value.userId, proof);
    return loginResponseFields(identity, userDomain(ctx));
  }),

  handler(LogoutRequest, (ctx) => {
    delete ctx.session.login;
    delete ctx.session.nonce;
    return {};
  }),

  // Reaching the handler means the session check passed.
  handler(VerifySessionIsValidRequest, () => ({})),
];

/** A nonce serves one login attempt, successful or not, so a captured signedPassword cannot be replayed. */
function logIn(ctx: HandlerContext, userId: string, proof: Proof): Identity {
  delete ctx.session.nonce;
  const identity = ctx.auth.verify(userId, proof);
  ctx.session.login = loginStateOf(identity, ctx.sessionId, ctx.now);
  return identity;
}

function userDomain(ctx: HandlerContext): string {
  return ctx.world.systemDefaultDomain ?? FALLBACK_USER_DOMAIN;
}
