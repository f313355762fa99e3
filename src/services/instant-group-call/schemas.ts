// The Instant Group Call JSON contract, defined once: these schemas validate requests and are
// published as OpenAPI (src/http/openapi.ts). Field limits are the OCI-P schema's, so a request
// that passes here is one BroadWorks can take.
import { z } from 'zod';
import { storable } from '../../domain/storable-text.js';

/** APIO clients sometimes send booleans as strings ("true"). */
const flexibleBoolean = z.union([z.boolean(), z.enum(['true', 'false']).transform((value) => value === 'true')]);

/** Every text field refuses what BroadWorks cannot store (domain/storable-text.ts): a 400 naming the field. */
const text = () => storable(z.string());
const token = (min: number, max: number) => text().trim().min(min).max(max);

/** SIP URI as OCI-P takes it: user@host, no sip: prefix (OutgoingDNorSIPURI / SIPURI rules). */
export const SIP_URI = /^[A-Za-z0-9\-_.!~*'()]+@[A-Za-z0-9\-.]+$/;
const sipUri = text().trim().max(161).regex(SIP_URI, 'must be a SIP URI user@host without sip:');

export const departmentSchema = z
  .object({
    tenantId: token(1, 30),
    groupId: token(1, 30).optional(),
    departmentName: token(1, 50),
    fullPathName: z.string().optional().describe('read-only; ignored on input'),
  })
  .strict();

const profileFields = {
  name: token(1, 30),
  cliFirstName: token(1, 30),
  cliLastName: token(1, 30),
  hiraganaFirstName: token(1, 30),
  hiraganaLastName: token(1, 30),
  phoneNumber: text().max(30),
  extension: token(2, 20),
  department: departmentSchema,
  language: token(1, 40),
  timeZone: token(1, 127),
  aliases: z.array(sipUri).max(3),
  publicUserIdentity: sipUri,
  callingLineIdPhoneNumber: text().max(30),
};

const destination = text().trim().min(1).max(161);

/**
 * What an answer carries that a request cannot set: accepted so an answer can be sent back as a
 * body (a portal's edit or copy), and ignored. `_internal_record_id` is the audit's (APIO principles).
 */
const readOnly = z.unknown().optional().describe('read-only: answered by the adapter, ignored on input');
const readOnlyFields = { _internal_record_id: readOnly };

/**
 * What OCI-P can clear (the Modify profile's nillable elements, the destination list, the answer
 * timeout): `null` — or "" for strings, [] for lists, as answers render "none" — means none.
 */
const clearableProfileFields = {
  phoneNumber: profileFields.phoneNumber.nullable(),
  extension: z.union([profileFields.extension, z.literal('')]).nullable(),
  department: departmentSchema.nullable(),
  aliases: profileFields.aliases.nullable(),
  publicUserIdentity: z.union([sipUri, z.literal('')]).nullable(),
  callingLineIdPhoneNumber: profileFields.callingLineIdPhoneNumber.nullable(),
  timeZoneDisplayName: readOnly,
};
const clearableFields = {
  answerTimeoutMinutes: z.number().int().min(1).max(60).nullable(),
  destinationPhoneNumbers: z.array(destination).nullable(),
};

/** POST body before template defaults: only the structure is checked (APIO applies templates after). */
export const createInstanceShape = z
  .object({
    serviceUserId: token(1, 161).optional(),
    serviceInstanceProfile: z
      .object({ ...profileFields, ...clearableProfileFields, password: token(1, 60) })
      .partial()
      .strict(),
    answerTimeoutMinutes: clearableFields.answerTimeoutMinutes.optional(),
    answerTimeoutEnabled: flexibleBoolean.optional(),
    destinationPhoneNumbers: clearableFields.destinationPhoneNumbers.optional(),
    networkClassOfService: token(1, 40).optional(),
    templateName: token(1, 80).optional(),
    active: flexibleBoolean.optional(),
    ...readOnlyFields,
  })
  .strict();

/** POST body after template defaults: what BroadWorks requires on Add is required here. */
export const createInstanceSchema = createInstanceShape.extend({
  serviceInstanceProfile: z
    .object({
      name: profileFields.name,
      cliFirstName: profileFields.cliFirstName,
      cliLastName: profileFields.cliLastName,
      hiraganaFirstName: profileFields.hiraganaFirstName.optional(),
      hiraganaLastName: profileFields.hiraganaLastName.optional(),
      password: token(1, 60).optional(),
      language: profileFields.language.optional(),
      timeZone: profileFields.timeZone.optional(),
      ...optional(clearableProfileFields),
    })
    .strict(),
  answerTimeoutEnabled: flexibleBoolean,
});

export type CreateInstanceInput = z.infer<typeof createInstanceSchema>;
export type CreateInstanceShape = z.infer<typeof createInstanceShape>;

/** PUT body: every field optional; null (or "" for strings, [] for lists) clears what OCI-P can clear. */
export const updateInstanceSchema = z
  .object({
    serviceUserId: token(1, 161).optional().describe('ignored unless it differs from the URL'),
    serviceInstanceProfile: z
      .object({
        name: profileFields.name.optional(),
        cliFirstName: profileFields.cliFirstName.optional(),
        cliLastName: profileFields.cliLastName.optional(),
        hiraganaFirstName: profileFields.hiraganaFirstName.optional(),
        hiraganaLastName: profileFields.hiraganaLastName.optional(),
        language: profileFields.language.optional(),
        timeZone: profileFields.timeZone.optional(),
        ...optional(clearableProfileFields),
      })
      .strict()
      .optional(),
    ...optional(clearableFields),
    answerTimeoutEnabled: flexibleBoolean.optional(),
    networkClassOfService: token(1, 40).optional(),
    active: flexibleBoolean.optional(),
    ...readOnlyFields,
  })
  .strict();

/** Every schema of `fields` made optional. */
function optional<F extends Record<string, z.ZodType>>(fields: F): { [K in keyof F]: z.ZodOptional<F[K]> } {
  return Object.fromEntries(Object.entries(fields).map(([key, schema]) => [key, schema.optional()])) as { [K in keyof F]: z.ZodOptional<F[K]> };
}

export type UpdateInstanceInput = z.infer<typeof updateInstanceSchema>;

export const activeListSchema = z
  .object({
    services: z
      .array(z.object({ serviceUserId: token(1, 161), active: flexibleBoolean }).strict())
      .min(1),
  })
  .strict();

export type ActiveListInput = z.infer<typeof activeListSchema>;

// ---- answers ---------------------------------------------------------------------------------

export const listItemSchema = z.object({
  serviceUserId: z.string(),
  name: z.string(),
  phoneNumber: z.string(),
  extension: z.string(),
  department: z
    .object({ tenantId: z.string(), groupId: z.string().optional(), departmentName: z.string(), fullPathName: z.string() })
    .optional(),
});

export const listAnswerSchema = z.object({ instantGroupCalls: z.array(listItemSchema) });

export const instanceAnswerSchema = z.object({
  serviceUserId: z.string().optional().describe('present on POST and when an id changed on PUT'),
  serviceInstanceProfile: z.object({
    name: z.string(),
    cliFirstName: z.string(),
    cliLastName: z.string(),
    hiraganaFirstName: z.string().optional(),
    hiraganaLastName: z.string().optional(),
    phoneNumber: z.string(),
    extension: z.string(),
    department: departmentSchema.optional(),
    language: z.string().optional(),
    timeZone: z.string().optional(),
    timeZoneDisplayName: z.string().optional(),
    aliases: z.array(z.string()),
    publicUserIdentity: z.string(),
    callingLineIdPhoneNumber: z.string(),
  }),
  answerTimeoutMinutes: z.number().int().optional(),
  answerTimeoutEnabled: z.boolean(),
  destinationPhoneNumbers: z.array(z.string()),
  networkClassOfService: z.string().optional(),
  active: z.boolean().optional().describe('with SERVICE_USERS_RETURN_ACTIVE_STATUS'),
});

export type InstanceAnswer = z.infer<typeof instanceAnswerSchema>;
export type ListItem = z.infer<typeof listItemSchema>;
