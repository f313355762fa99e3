// The Instant Group Call service type: its routes, schemas, settings and dry-run existence check,
// registered in src/services/index.ts. Its CLI row codec lives in src/cli (csv-rows.ts, json-rows.ts)
// and its simulator handlers in src/simulator/handlers/instant-group-call.ts.
import { z } from 'zod';
import { defineService } from '../service-module.js';
import { instanceExists } from './instance-reads.js';
import { parameterExamples } from './openapi-examples.js';
import { routes } from './routes.js';
import { activeListSchema, createInstanceShape, instanceAnswerSchema, listAnswerSchema, updateInstanceSchema } from './schemas.js';
import { readSettings } from './settings.js';

export type { InstantGroupCallDeps, InstantGroupCallSettings } from './settings.js';
export { createInstance } from './create-instance.js';
export { updateInstance } from './update-instance.js';
export * from './service.js';

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') => z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' });

export const instantGroupCall = defineService({
  tag: { name: 'Instant Group Call', description: 'Instant Group Call service instances (minimum Group Admin of the group)' },
  schemas: {
    InstantGroupCallList: jsonSchema(listAnswerSchema, 'output'),
    InstantGroupCall: jsonSchema(instanceAnswerSchema, 'output'),
    InstantGroupCallCreate: jsonSchema(createInstanceShape, 'input'),
    InstantGroupCallUpdate: jsonSchema(updateInstanceSchema, 'input'),
    InstantGroupCallActiveList: jsonSchema(activeListSchema, 'input'),
  },
  parameterExamples,
  createDeps: (kit, config) => ({ ...kit, settings: readSettings(config) }),
  routes,
  exists: instanceExists,
});
