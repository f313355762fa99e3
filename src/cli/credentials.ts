// Where the CLI connects and how it logs in: flags first, then APIO_URL, APIO_TOKEN,
// APIO_USERNAME / APIO_PASSWORD. A token wins over a username and password. None of it is ever
// printed: errors name the flag or variable that is missing, never a value.
import { CliError, CliErrorCodes } from './errors.js';

export interface ConnectionFlags {
  url?: string;
  token?: string;
  username?: string;
  password?: string;
}

export type Login = { kind: 'token'; token: string } | { kind: 'password'; username: string; password: string };

export interface Connection {
  /** The gateway's root, e.g. http://127.0.0.1:8080 (no trailing slash, no /api/v1). */
  baseUrl: string;
  login: Login;
}

export function resolveConnection(flags: ConnectionFlags, env: NodeJS.ProcessEnv): Connection {
  const url = flags.url ?? env.APIO_URL;
  if (!url) throw new CliError(CliErrorCodes.CREDENTIALS, 'no gateway URL: pass --url or set APIO_URL (e.g. http://127.0.0.1:8080)');
  const baseUrl = normalizeBaseUrl(url);
  const token = flags.token ?? env.APIO_TOKEN;
  if (token) return { baseUrl, login: { kind: 'token', token } };
  const username = flags.username ?? env.APIO_USERNAME;
  const password = flags.password ?? env.APIO_PASSWORD;
  if (username && password) return { baseUrl, login: { kind: 'password', username, password } };
  if (username) throw new CliError(CliErrorCodes.CREDENTIALS, 'a username without a password: pass --password or set APIO_PASSWORD');
  throw new CliError(CliErrorCodes.CREDENTIALS, 'no credentials: set APIO_TOKEN, or APIO_USERNAME and APIO_PASSWORD (or pass --token, or --username and --password)');
}

/** Accepts the root or an /api/v1 URL, with or without the trailing slash. */
function normalizeBaseUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new CliError(CliErrorCodes.USAGE, 'the gateway URL is not a URL (expected e.g. http://127.0.0.1:8080)');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new CliError(CliErrorCodes.USAGE, 'the gateway URL must be http:// or https://');
  }
  // Userinfo in the URL would be a credential on the command line that error messages could show.
  if (parsed.username || parsed.password) throw new CliError(CliErrorCodes.USAGE, 'put credentials in APIO_USERNAME/APIO_PASSWORD or APIO_TOKEN, not in the URL');
  const path = parsed.pathname.replace(/\/+$/, '').replace(/\/api\/v1$/, '');
  return `${parsed.origin}${path}`;
}
