// Environment variables and the setting each one overrides. The one table of them: the README
// documents the same list.
type Parser = (raw: string) => unknown;

const text: Parser = (raw) => raw;
const integer: Parser = (raw) => (/^-?\d+$/.test(raw.trim()) ? Number(raw) : raw);
const boolean: Parser = (raw) => {
  const value = raw.trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(value)) return true;
  if (['false', '0', 'no', 'off'].includes(value)) return false;
  return raw;
};
/** An empty value means "unset", e.g. REDIS_URL= to go back to the embedded store. */
const nullableText: Parser = (raw) => (raw === '' ? null : raw);

export const environmentVariables: ReadonlyArray<{ name: string; path: readonly string[]; parse: Parser }> = [
  { name: 'HOST', path: ['server', 'host'], parse: text },
  { name: 'PORT', path: ['server', 'port'], parse: integer },
  { name: 'DATA_DIR', path: ['dataDir'], parse: text },
  { name: 'REDIS_URL', path: ['redisUrl'], parse: nullableText },
  { name: 'LOG_LEVEL', path: ['logLevel'], parse: text },
  { name: 'OCIP_URL', path: ['ocip', 'url'], parse: nullableText },
  { name: 'OCIP_USERNAME', path: ['ocip', 'username'], parse: nullableText },
  { name: 'OCIP_PASSWORD', path: ['ocip', 'password'], parse: nullableText },
  { name: 'OCIP_POOL_SIZE', path: ['ocip', 'poolSize'], parse: integer },
  { name: 'OCIP_REQUEST_TIMEOUT_MS', path: ['ocip', 'requestTimeoutMs'], parse: integer },
  { name: 'OCIP_TLS_REJECT_UNAUTHORIZED', path: ['ocip', 'tlsRejectUnauthorized'], parse: boolean },
  { name: 'SIMULATOR_HOST', path: ['simulator', 'host'], parse: text },
  { name: 'SIMULATOR_PORT', path: ['simulator', 'port'], parse: integer },
  { name: 'SIMULATOR_HTTP_PORT', path: ['simulator', 'httpPort'], parse: integer },
  { name: 'SIMULATOR_SEED', path: ['simulator', 'seedFile'], parse: text },
  { name: 'AUTH_JWT_SECRET', path: ['auth', 'jwtSecret'], parse: nullableText },
  { name: 'AUTH_ACCESS_TOKEN_TTL_SECONDS', path: ['auth', 'accessTokenTtlSeconds'], parse: integer },
  { name: 'AUTH_REFRESH_TOKEN_TTL_SECONDS', path: ['auth', 'refreshTokenTtlSeconds'], parse: integer },
  { name: 'AUTH_SESSION_TTL_SECONDS', path: ['auth', 'sessionTtlSeconds'], parse: integer },
  { name: 'AUTH_COOKIE_SECURE', path: ['auth', 'cookieSecure'], parse: boolean },
  { name: 'RATE_LIMIT_ENABLED', path: ['rateLimit', 'enabled'], parse: boolean },
  { name: 'RATE_LIMIT_PER_CREDENTIAL', path: ['rateLimit', 'perCredential'], parse: integer },
  { name: 'RATE_LIMIT_PER_ADDRESS', path: ['rateLimit', 'perAddress'], parse: integer },
  { name: 'TRUST_PROXY', path: ['rateLimit', 'trustProxy'], parse: boolean },
  { name: 'AUDIT_ENABLED', path: ['audit', 'enabled'], parse: boolean },
];
