// The settings of authentication, rate limiting and audit (README "Authentication, scope and shared
// state"). Kept apart from schema.ts so each block reads on its own.
import { z } from 'zod';

const seconds = z.number().int().min(1);

/** APIO user levels (APIO.md §4): 0 user, 4 department admin, 8 group admin, 12 tenant admin, 16 system. */
export const userLevelSchema = z.union([z.literal(0), z.literal(4), z.literal(8), z.literal(12), z.literal(16)]);

/**
 * A token for scripts and OSS integrations: only its SHA-256 is configured (make one with
 * `node scripts/machine-token.mjs`). Its scope follows its level, as for a BroadWorks login.
 */
const machineTokenSchema = z
  .object({
    name: z.string().min(1).max(64),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be the token\'s SHA-256 in 64 lower-case hex digits'),
    level: userLevelSchema,
    tenantId: z.string().min(1).optional(),
    groupId: z.string().min(1).optional(),
  })
  .strict()
  .superRefine((token, context) => {
    if (token.level <= 12 && !token.tenantId) {
      context.addIssue({ code: 'custom', path: ['tenantId'], message: `a level ${token.level} token needs the tenantId it is limited to` });
    }
    if (token.level <= 8 && !token.groupId) {
      context.addIssue({ code: 'custom', path: ['groupId'], message: `a level ${token.level} token needs the groupId it is limited to` });
    }
  });

export const authSchema = z
  .object({
    /** HS256 key of the access and refresh tokens; null: generated once and kept (DATA_DIR or Redis). */
    jwtSecret: z.string().min(32, 'must be at least 32 characters').nullable(),
    accessTokenTtlSeconds: seconds,
    refreshTokenTtlSeconds: seconds,
    /** Lifetime of a gateway `sessionid`. */
    sessionTtlSeconds: seconds,
    /** The cookie's Secure attribute: on whenever clients reach the adapter over HTTPS. */
    cookieSecure: z.boolean(),
    cookieSameSite: z.enum(['Strict', 'Lax']),
    /** How long the OCI-P login that checks a password may take. */
    loginTimeoutMs: z.number().int().min(1),
    machineTokens: z.array(machineTokenSchema),
  })
  .strict()
  .superRefine((auth, context) => {
    const seen = new Set<string>();
    auth.machineTokens.forEach((token, index) => {
      if (seen.has(token.name)) context.addIssue({ code: 'custom', path: ['machineTokens', index, 'name'], message: `duplicate name ${token.name}` });
      seen.add(token.name);
    });
  });

export const rateLimitSchema = z
  .object({
    enabled: z.boolean(),
    windowSeconds: seconds,
    /** Requests per window from one credential (a user, a machine token), on every instance together. */
    perCredential: z.number().int().min(1),
    /** Requests per window from one client address. */
    perAddress: z.number().int().min(1),
    /** Login attempts per loginWindowSeconds from one client address (each costs a BroadWorks login). */
    loginAttempts: z.number().int().min(1),
    loginWindowSeconds: seconds,
    /** Take the client address from X-Forwarded-For (behind a load balancer). */
    trustProxy: z.boolean(),
  })
  .strict();

export const auditSchema = z
  .object({
    enabled: z.boolean(),
    /** Records kept, newest first; older ones are dropped. */
    maxRecords: z.number().int().min(1),
  })
  .strict();
