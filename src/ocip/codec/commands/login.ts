// Login, logout and session checks (OCISchemaLogin.xsd, OCISchemaDeprecated*.xsd).
import { one, optional, request, response, xsBoolean, xsInt, xsLong, xsString } from '../schema.js';
import * as t from '../types/simple-types.js';
import { SuccessResponse } from './core.js';

export const AuthenticationResponse = response('AuthenticationResponse', {
  userId: one(t.UserId),
  nonce: one(xsString),
  passwordAlgorithm: one(t.DigitalSignatureAlgorithm),
});

/** Step one of the signed-password login: the server answers a nonce. */
export const AuthenticationRequest = request('AuthenticationRequest', { userId: one(t.UserId) }, AuthenticationResponse);

export const LoginResponse14sp4 = response('LoginResponse14sp4', {
  loginType: one(t.LoginType),
  locale: one(t.OCILocale),
  encoding: one(t.Encoding),
  groupId: optional(t.GroupId),
  serviceProviderId: optional(t.ServiceProviderId),
  isEnterprise: one(xsBoolean),
  passwordExpiresDays: optional(xsInt),
  userDomain: one(t.NetAddress),
});

/** Step two: signedPassword = md5(nonce + ":" + sha1(password)), lowercase hex. */
export const LoginRequest14sp4 = request(
  'LoginRequest14sp4',
  {
    userId: one(t.UserId),
    signedPassword: optional(t.SignedPassword),
    plainTextPassword: optional(t.Password),
  },
  LoginResponse14sp4,
);

export const LoginResponse22V5 = response('LoginResponse22V5', {
  loginType: one(t.LoginType22),
  locale: one(t.OCILocale22),
  encoding: one(t.Encoding),
  groupId: optional(t.GroupId),
  serviceProviderId: optional(t.ServiceProviderId),
  isEnterprise: one(xsBoolean),
  passwordExpiresDays: optional(xsInt),
  userDomain: one(t.NetAddress),
  resellerId: optional(t.ResellerId22),
  tokenRevocationTime: optional(xsLong),
});

/** One-step login with the plain password, for TLS and HTTPS transports. */
export const LoginRequest22V5 = request(
  'LoginRequest22V5',
  {
    userId: one(t.UserId),
    password: optional(t.Password),
    signedPassword: optional(t.SignedPassword),
  },
  LoginResponse22V5,
);

export const LoginResponse22V4 = response('LoginResponse22V4', {
  loginType: one(t.LoginType22),
  locale: one(t.OCILocale),
  encoding: one(t.Encoding),
  groupId: optional(t.GroupId),
  serviceProviderId: optional(t.ServiceProviderId),
  isEnterprise: one(xsBoolean),
  passwordExpiresDays: optional(xsInt),
  userDomain: one(t.NetAddress),
  resellerId: optional(t.ResellerId22),
  tokenRevocationTime: optional(xsLong),
});

/** R22's one-step login (OCISchemaLogin.xsd of R22; deprecated from R24): 22V5's fields, a 5-character locale. */
export const LoginRequest22V4 = request(
  'LoginRequest22V4',
  {
    userId: one(t.UserId),
    password: optional(t.Password),
    signedPassword: optional(t.SignedPassword),
  },
  LoginResponse22V4,
);

/** Sent by the client to end a session, or by the server to end it from its side. */
export const LogoutRequest = request(
  'LogoutRequest',
  { userId: one(t.UserId), reason: optional(t.LogoutRequestReason) },
  SuccessResponse,
);

/** No elements: a cheap check that the session is still logged in. */
export const VerifySessionIsValidRequest = request('VerifySessionIsValidRequest', {}, SuccessResponse);
