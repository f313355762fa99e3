// The OpenAPI 3.1 document, generated from the same zod schemas that validate requests,
// so the published contract cannot drift from what the adapter accepts.
import { z } from 'zod';
import {
  activeListSchema,
  createInstanceShape,
  instanceAnswerSchema,
  listAnswerSchema,
  updateInstanceSchema,
} from '../domain/instant-group-call/schemas.js';

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

const json = (schema: object) => ({ content: { 'application/json': { schema } } });
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

const groupParameters = [
  { name: 'tenant_id', in: 'path', required: true, schema: { type: 'string' } },
  { name: 'group_id', in: 'path', required: true, schema: { type: 'string' } },
];
const instanceParameters = [...groupParameters, { name: 'service_user_id', in: 'path', required: true, schema: { type: 'string' } }];

export function openApiDocument(): object {
  const base = '/api/v1/tenants/{tenant_id}/groups/{group_id}/services';
  return {
    openapi: '3.1.0',
    info: {
      title: 'APIO-compatible BroadWorks provisioning adapter',
      version: '0.1.0',
      description: 'Netaxis APIO Instant Group Call routes over OCI-P. The same routes are served under /api/v01/p1. Every URL ends with /.',
    },
    paths: {
      [`${base}/instant_group_calls/`]: {
        get: { summary: 'List instant group calls', parameters: groupParameters, responses: { '200': { description: 'The list', ...json({ $ref: '#/components/schemas/InstantGroupCallList' }) }, ...errors } },
        post: {
          summary: 'Create an instant group call',
          parameters: groupParameters,
          requestBody: { required: true, ...json({ $ref: '#/components/schemas/InstantGroupCallCreate' }) },
          responses: { '200': { description: 'The created instance, with its serviceUserId', ...json({ $ref: '#/components/schemas/InstantGroupCall' }) }, ...errors },
        },
      },
      [`${base}/instant_group_calls/{service_user_id}/`]: {
        get: { summary: 'Read an instant group call', parameters: instanceParameters, responses: { '200': { description: 'The instance', ...json({ $ref: '#/components/schemas/InstantGroupCall' }) }, ...errors } },
        put: {
          summary: 'Update an instant group call (absent fields are left as they are)',
          parameters: instanceParameters,
          requestBody: { required: true, ...json({ $ref: '#/components/schemas/InstantGroupCallUpdate' }) },
          responses: { '200': { description: 'The instance after the change', ...json({ $ref: '#/components/schemas/InstantGroupCall' }) }, ...errors },
        },
        delete: { summary: 'Delete an instant group call', parameters: instanceParameters, responses: { '200': { description: 'Deleted', ...json({ type: 'object' }) }, ...errors } },
      },
      [`${base}/instant_group_calls_active/`]: {
        put: {
          summary: 'Set the active status of instant group calls (minimum Group Admin)',
          parameters: groupParameters,
          requestBody: { required: true, ...json({ $ref: '#/components/schemas/InstantGroupCallActiveList' }) },
          responses: { '200': { description: 'Done', ...json({ type: 'object' }) }, ...errors },
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
        Error: errorBody,
      },
    },
  };
}
