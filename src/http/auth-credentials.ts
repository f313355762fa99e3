// Reading credentials off a request and writing the session cookie: `Authorization: Bearer …` and
// the gateway's `sessionid` cookie (HttpOnly, SameSite, Secure when configured). No cookie library:
// one cookie is read and one written.
import type { Request, Response } from 'express';
import type { Credentials, Security } from '../auth/index.js';

export const SESSION_COOKIE = 'sessionid';

export function credentialsOf(request: Request): Credentials {
  const credentials: Credentials = {};
  const bearer = bearerOf(request);
  if (bearer !== undefined) credentials.bearer = bearer;
  const sessionId = cookieOf(request, SESSION_COOKIE);
  if (sessionId !== undefined) credentials.sessionId = sessionId;
  return credentials;
}

export function bearerOf(request: Request): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

export function cookieOf(request: Request, name: string): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator < 0 || part.slice(0, separator).trim() !== name) continue;
    const value = part.slice(separator + 1).trim();
    return value === '' ? undefined : value;
  }
  return undefined;
}

export function setSessionCookie(response: Response, security: Security, sessionId: string): void {
  response.append('Set-Cookie', cookieText(security, sessionId, security.cookie.maxAgeSeconds));
}

export function clearSessionCookie(response: Response, security: Security): void {
  response.append('Set-Cookie', cookieText(security, '', 0));
}

function cookieText(security: Security, value: string, maxAgeSeconds: number): string {
  const attributes = [`${SESSION_COOKIE}=${value}`, 'Path=/', 'HttpOnly', `SameSite=${security.cookie.sameSite}`, `Max-Age=${maxAgeSeconds}`];
  if (security.cookie.secure) attributes.push('Secure');
  return attributes.join('; ');
}

/** The client address rate limits and audit records use (X-Forwarded-For only with trustProxy). */
export function clientAddress(request: Request): string {
  return request.ip ?? request.socket.remoteAddress ?? 'unknown';
}
