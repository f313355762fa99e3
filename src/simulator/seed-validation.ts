// The seed file's format, checked at start before anything is applied: its shape (a zod schema, the
// source of config/seed-world.schema.json), then each command — a request type the simulator
// handles, and a value the R25 schema accepts (encoded and read back strictly by the codec). Every
// problem names its entry (`commands[3] GroupAddRequest: …`); the world rules (a group of an
// unknown tenant, a DN of another group) are checked when the seed is applied, entry named too.
import { z } from 'zod';
import { commandCatalogue, decodeDocument, encodeDocument } from '../ocip/codec/index.js';
import { handlers } from './handlers/index.js';

const systemAdmin = z
  .object({
    userId: z.string().min(1).describe('A login of loginType System (configuration: applied on every start)'),
    password: z.string().min(1),
  })
  .strict();

const seedCommand = z
  .object({
    type: z
      .string()
      .regex(/^[A-Z][A-Za-z0-9]*Request[A-Za-z0-9]*$/, 'must be an OCI-P request type, e.g. GroupAddRequest')
      .describe('An OCI-P request type the simulator handles, e.g. ServiceProviderAddRequest13mp2'),
    value: z
      .record(z.string(), z.unknown())
      .describe("The request's elements by their schema names; a choice of key type carries `$type`, e.g. GroupDepartmentKey"),
    comment: z.string().optional().describe('Ignored: a note for the reader'),
  })
  .strict();

export const seedWorldSchema = z
  .object({
    $schema: z.string().optional(),
    description: z.string().optional(),
    systemAdmins: z.array(systemAdmin).optional(),
    commands: z.array(seedCommand).describe('Applied in order, as a system administrator, when the store holds no world'),
  })
  .strict();

export type SeedFile = z.infer<typeof seedWorldSchema>;

/** The JSON Schema of a seed file (config/seed-world.schema.json holds this). */
export function seedJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(seedWorldSchema, { target: 'draft-2020-12' }),
    $id: 'seed-world.schema.json',
    title: 'BroadWorks OCI-P simulator seed world',
  };
}

export class SeedValidationError extends Error {
  override name = 'SeedValidationError';
  constructor(
    readonly source: string,
    readonly problems: readonly string[],
  ) {
    super(`${source}: the seed is not valid:\n  ${problems.join('\n  ')}`);
  }
}

/** The seed file's content, checked whole; throws a SeedValidationError listing every problem. */
export function validateSeed(value: unknown, source: string): SeedFile {
  const shape = seedWorldSchema.safeParse(value);
  if (!shape.success) {
    throw new SeedValidationError(
      source,
      shape.error.issues.map((issue) => `${issue.path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)).join('').replace(/^\./, '') || '(root)'}: ${issue.message}`),
    );
  }
  const problems = shape.data.commands.flatMap((command, index) => commandProblems(command, `commands[${index}] ${command.type}`));
  if (problems.length > 0) throw new SeedValidationError(source, problems);
  return shape.data;
}

function commandProblems(command: z.infer<typeof seedCommand>, where: string): string[] {
  const spec = commandCatalogue.get(command.type);
  if (!spec || spec.role !== 'request') return [`${where}: not an OCI-P request type`];
  if (!handlers.has(command.type)) return [`${where}: the simulator does not handle this request (see docs/simulator-seed.md for those it does)`];
  try {
    const text = encodeDocument({ sessionId: 'seed', commands: [{ spec, value: command.value }] });
    decodeDocument(text, { strict: true });
    return [];
  } catch (error) {
    return [`${where}: ${(error as Error).message}`];
  }
}
