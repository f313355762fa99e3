// The shape of the settings, validated once at start-up. The APIO settings sit at the top level
// under APIO's own names, so an APIO settings block can be pasted into the APIO_CONFIG file as is.
import { z } from 'zod';
import { auditSchema, authSchema, rateLimitSchema } from './security-schema.js';

const port = z.number().int().min(0).max(65535);
const positiveMs = z.number().int().min(1);

const ocipUrl = z
  .string()
  .regex(/^(tcp|tls|http|https):\/\/[^/\s]+/, 'must be tcp://host:port, tls://host:port or the SOAP http(s):// URL');

export const settingsSchema = z
  .object({
    server: z.object({ host: z.string().min(1), port }).strict(),
    dataDir: z.string().min(1),
    redisUrl: z.string().regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL').nullable(),
    logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
    ocip: z
      .object({
        /** null: start the embedded simulator and talk to it. */
        url: ocipUrl.nullable(),
        username: z.string().min(1).nullable(),
        password: z.string().min(1).nullable(),
        poolSize: z.number().int().min(1).max(256),
        connectTimeoutMs: positiveMs,
        requestTimeoutMs: positiveMs,
        acquireTimeoutMs: positiveMs,
        idleTimeoutMs: positiveMs,
        tlsRejectUnauthorized: z.boolean(),
        /** The BroadWorks release to speak; auto: learn it at the first login (docs/broadworks-releases.md). */
        release: z.enum(['auto', 'R21', 'R22', 'R24', 'R25']),
      })
      .strict(),
    simulator: z
      .object({
        host: z.string().min(1),
        port,
        httpPort: port.nullable(),
        seedFile: z.string().min(1),
        /** The release whose command set the simulator serves (6004 to what it lacks). */
        release: z.enum(['R21', 'R22', 'R24', 'R25']),
        /** The encoding of its answers, written as raw bytes (docs/broadworks-releases.md). */
        encoding: z.enum(['ISO-8859-1', 'ISO-8859-2', 'windows-1252', 'UTF-8']),
        /** A logged-in session idle this long is logged out by the server. */
        sessionIdleTimeoutMs: positiveMs,
        /** The call lab (src/simulator/call-lab): how unconfigured endpoints behave, how long a leg rings. */
        lab: z
          .object({
            defaultBehavior: z.enum(['answer', 'busy', 'no_answer', 'unreachable']),
            defaultAfterMs: z.number().int().min(0).max(86_400_000),
            ringTimeoutMs: z.number().int().min(1).max(86_400_000),
          })
          .strict(),
      })
      .strict(),
    AUTOMATIC_ID_RULES: z
      .object({
        SUID_INSTANT_GROUP_CALL_AUTO_GENERATE: z.boolean(),
        SUID_INSTANT_GROUP_CALL_RULE: z.string().min(1),
        SERVICE_USERS_UPDATE_ID_PHONE_NUMBER: z.boolean(),
      })
      // APIO blocks carry rules for other service types (hunt groups, call centers): kept, not used.
      .passthrough(),
    GROUP_NUMBERS_USE_CC_CLI: z.boolean(),
    SERVICE_USERS_RETURN_ACTIVE_STATUS: z.boolean(),
    auth: authSchema,
    rateLimit: rateLimitSchema,
    audit: auditSchema,
  })
  .superRefine((settings, context) => {
    if (settings.ocip.url && (!settings.ocip.username || !settings.ocip.password)) {
      context.addIssue({
        code: 'custom',
        path: ['ocip', 'username'],
        message: 'OCIP_USERNAME and OCIP_PASSWORD are required when OCIP_URL is set',
      });
    }
  });

export type Settings = z.infer<typeof settingsSchema>;
