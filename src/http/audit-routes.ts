// GET /api/v1/audit/records/?page=1&page_size=50: the audit log, newest first, for system admins.
import { z } from 'zod';
import type { AuditLog } from '../audit/index.js';
import { UserLevels } from '../auth/index.js';
import { validate } from '../domain/validate.js';
import { GuardedRouter } from './auth-guard.js';
import type { Guard } from './auth-guard.js';

export const MAX_PAGE_SIZE = 500;

const pagingSchema = z
  .object({
    page: z.coerce.number().int().min(1).default(1),
    page_size: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
  })
  .strict();

const AUDIT_OPERATION = {
  tags: ['Audit'],
  summary: 'The audit log, newest first (system admins; AUDIT_ENABLED)',
  parameters: [
    { name: 'page', in: 'query', required: false, schema: { type: 'integer', minimum: 1, default: 1 } },
    { name: 'page_size', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: 50 } },
  ],
  responses: {
    '200': {
      description: '{records, paging: {page, pageSize, total}}',
      content: { 'application/json': { schema: { type: 'object', properties: { records: { type: 'array', items: { type: 'object' } }, paging: { type: 'object' } } } } },
    },
    '401': { description: 'No or bad credentials', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
    '403': { description: 'Below system level', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
  },
};

export function auditRoutes(log: AuditLog, guard: Guard): GuardedRouter {
  return new GuardedRouter(guard).route('get', '/audit/records/', { minLevel: UserLevels.SYSTEM, scope: 'system' }, AUDIT_OPERATION, async (request, response) => {
    const { page, page_size: pageSize } = validate(pagingSchema, request.query);
    const { records, total } = await log.page(page, pageSize);
    response.json({ records, paging: { page, pageSize, total } });
  });
}
