// The OpenAPI 3.1 document, generated from the same zod schemas that validate requests,
// so the published contract cannot drift from what the adapter accepts.
import { z } from 'zod';
import {
  activeListSchema,
  createInstanceShape,
  instanceAnswerSchema,
  listAnswerSchema,
  updateInstanceSchema,
} from '../services/instant-group-call/schemas.js';
import { dryRunParameter } from './dry-run.js';
import { idempotencyKeyParameter } from './idempotency/idempotency-key.js';
import { AUTH_TAG, authPaths } from './openapi-auth.js';
import { examples, parameterExamples } from '../services/instant-group-call/openapi-examples.js';

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' });

const errorBody = {
  type: 'object',
  properties: {
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['code', 'message', 'details'],
        properties: {
          code: { type: 'integer' },
          message: { type: 'string' },
          details: {
            type: 'object',
            properties: {
              reason: { type: 'string' },
              errors: { type: 'object', additionalProperties: { type: 'object', properties: { summary: { type: 'string' } } } },
            },
          },
        },
      },
    },
  },
};

const json = (schema: object, examples?: object) => ({ content: { 'application/json': { schema, ...(examples && { examples }) } } });
const IGC_TAG = 'Instant Group Call';
const errors = {
  '400': { description: 'Invalid request, BroadWorks rejection, or duplicate (code 11)', ...json({ $ref: '#/components/schemas/Error' }) },
  '401': { description: 'No credentials, or bad, expired or revoked ones', ...json({ $ref: '#/components/schemas/Error' }) },
  '403': { description: 'Below Group Admin, or a tenant/group outside the caller\'s scope', ...json({ $ref: '#/components/schemas/Error' }) },
  '404': { description: 'Unknown tenant, group or instance', ...json({ $ref: '#/components/schemas/Error' }) },
  '416': { description: 'The body is not a JSON object', ...json({ $ref: '#/components/schemas/Error' }) },
  '429': { description: 'Rate limit exceeded; see Retry-After', ...json({ $ref: '#/components/schemas/Error' }) },
  '502': { description: 'BroadWorks unreachable', ...json({ $ref: '#/components/schemas/Error' }) },
  '504': { description: 'BroadWorks did not answer in time', ...json({ $ref: '#/components/schemas/Error' }) },
};
/** What a change can also answer: media-type and size refusals, and the Idempotency-Key outcomes. */
const changeErrors = {
  ...errors,
  '409': { description: 'A request with this Idempotency-Key is still running; see Retry-After', ...json({ $ref: '#/components/schemas/Error' }) },
  '413': { description: 'The body is larger than 1 MB', ...json({ $ref: '#/components/schemas/Error' }) },
  '415': { description: 'Cookie authentication without Content-Type: application/json (CSRF), or an unsupported body encoding', ...json({ $ref: '#/components/schemas/Error' }) },
  '422': { description: 'This Idempotency-Key was used with another body', ...json({ $ref: '#/components/schemas/Error' }) },
  '502': { description: 'BroadWorks unreachable; with details.inDoubt the change may have been applied: details.check says what to read', ...json({ $ref: '#/components/schemas/Error' }) },
  '504': { description: 'BroadWorks did not answer in time; with details.inDoubt the change may have been applied', ...json({ $ref: '#/components/schemas/Error' }) },
};
/** Query and header parameters of every change. */
const changeParameters = [dryRunParameter, idempotencyKeyParameter];

const groupParameters = [
  // The OCI-P types they become: ServiceProviderId and GroupId (token 1–30), UserId (token 1–161).
  { name: 'tenant_id', in: 'path', required: true, schema: { type: 'string', minLength: 1, maxLength: 30 }, example: parameterExamples.tenant_id },
  { name: 'group_id', in: 'path', required: true, schema: { type: 'string', minLength: 1, maxLength: 30 }, example: parameterExamples.group_id },
];
/** Every mutating route takes ?dry_run=true (dry-run.ts). */
const dryRunAnswer = {
  type: 'object',
  required: ['dryRun', 'documents', 'readCommandsSent'],
  properties: {
    dryRun: { const: true },
    serviceUserId: { type: 'string', description: 'the id a create would use, or an id change would give' },
    documents: {
      type: 'array',
      items: {
        type: 'object',
        required: ['commands', 'xml'],
        properties: { commands: { type: 'array', items: { type: 'string' } }, xml: { type: 'string' }, refused: { type: 'string' } },
      },
    },
    readCommandsSent: { type: 'array', items: { type: 'string' } },
  },
};
const changed = (description: string, schema: object, example: object) => ({
  description: `${description}; with dry_run=true a DryRunAnswer (the OCI-P documents that would be sent)`,
  content: { 'application/json': { schema: { oneOf: [schema, { $ref: '#/components/schemas/DryRunAnswer' }] }, examples: example } },
});
const instanceParameters = [
  ...groupParameters,
  { name: 'service_user_id', in: 'path', required: true, schema: { type: 'string', minLength: 1, maxLength: 161 }, example: parameterExamples.service_user_id },
];

export function openApiDocument(): object {
  const base = '/api/v1/tenants/{tenant_id}/groups/{group_id}/services';
  return {
    openapi: '3.1.0',
    info: {
      title: 'APIO-compatible BroadWorks provisioning adapter',
      version: '0.1.0',
      description: 'Netaxis APIO Instant Group Call routes over OCI-P. The same routes are served under /api/v01/p1. Every URL ends with /.',
    },
    tags: [
      { name: AUTH_TAG, description: 'Log in with a BroadWorks username and password; send the access token as a bearer' },
      { name: IGC_TAG, description: 'Instant Group Call service instances (minimum Group Admin of the group)' },
    ],
    paths: {
      ...authPaths,
      [`${base}/instant_group_calls/`]: {
        get: { tags: [IGC_TAG], summary: 'List instant group calls', parameters: groupParameters, responses: { '200': { description: 'The list', ...json({ $ref: '#/components/schemas/InstantGroupCallList' }, examples.list) }, ...errors } },
        post: {
          tags: [IGC_TAG],
          summary: 'Create an instant group call',
          parameters: [...groupParameters, ...changeParameters],
          requestBody: { required: true, ...json({ $ref: '#/components/schemas/InstantGroupCallCreate' }, examples.createRequest) },
          responses: { '200': changed('The created instance, with its serviceUserId', { $ref: '#/components/schemas/InstantGroupCall' }, examples.createAnswer), ...changeErrors },
        },
      },
      [`${base}/instant_group_calls/{service_user_id}/`]: {
        get: { tags: [IGC_TAG], summary: 'Read an instant group call', parameters: instanceParameters, responses: { '200': { description: 'The instance', ...json({ $ref: '#/components/schemas/InstantGroupCall' }, examples.instance) }, ...errors } },
        put: {
          tags: [IGC_TAG],
          summary: 'Update an instant group call (absent fields are left as they are)',
          parameters: [...instanceParameters, ...changeParameters],
          requestBody: { required: true, ...json({ $ref: '#/components/schemas/InstantGroupCallUpdate' }, examples.updateRequest) },
          responses: { '200': changed('The instance after the change', { $ref: '#/components/schemas/InstantGroupCall' }, examples.instance), ...changeErrors },
        },
        delete: { tags: [IGC_TAG], summary: 'Delete an instant group call', parameters: [...instanceParameters, ...changeParameters], responses: { '200': changed('Deleted: {}', { type: 'object' }, examples.empty), ...changeErrors } },
      },
      [`${base}/instant_group_calls_active/`]: {
        put: {
          tags: [IGC_TAG],
          summary: 'Set the active status of instant group calls (minimum Group Admin)',
          parameters: [...groupParameters, ...changeParameters],
          requestBody: { required: true, ...json({ $ref: '#/components/schemas/InstantGroupCallActiveList' }, examples.activeRequest) },
          responses: { '200': changed('Done: {}', { type: 'object' }, examples.empty), ...changeErrors },
        },
      },
    },
    // Either credential works on every route: a bearer (core access token or machine token) or the gateway cookie.
    security: [{ bearer: [] }, { sessionCookie: [] }],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'POST /api/v01/auth/login access_token, or a configured machine token' },
        sessionCookie: { type: 'apiKey', in: 'cookie', name: 'sessionid', description: 'POST /api/v1/login/' },
      },
      schemas: {
        InstantGroupCallList: jsonSchema(listAnswerSchema, 'output'),
        InstantGroupCall: jsonSchema(instanceAnswerSchema, 'output'),
        InstantGroupCallCreate: jsonSchema(createInstanceShape, 'input'),
        InstantGroupCallUpdate: jsonSchema(updateInstanceSchema, 'input'),
        InstantGroupCallActiveList: jsonSchema(activeListSchema, 'input'),
        DryRunAnswer: dryRunAnswer,
        Error: errorBody,
      },
    },
  };
}
