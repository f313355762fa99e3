// The OcipGateway a use case runs on in a dry run. What each command does is declared on its spec
// (src/ocip/codec/schema.ts): queries (readOnly) go to BroadWorks, so the use case validates and
// derives ids and numbers against the real data; a document with a change is recorded, never sent,
// and its changes answered with a SuccessResponse — after an existence check for a command that
// creates a service user (an Add whose id BroadWorks already has is answered 4200, as BroadWorks
// would). Queries after a change in the same document (a read-back) are recorded with it but not
// answered: use cases ask isDryRun() and read nothing back.
import type { BatchItem, CommandResult, OcipGateway } from '../../ocip/client.js';
import { OcipProtocolError } from '../../ocip/errors.js';
import { toErrorResponseError } from '../../ocip/session/index.js';

export interface RecordedDocument {
  commands: readonly BatchItem[];
  /** Why BroadWorks would refuse a command of it (an id it already has), when it would. */
  refused?: string;
}

/** The service user id a command creates, when its spec says it creates one. */
export function createdUserId(item: BatchItem): string | undefined {
  const field = item.spec.createsUser;
  const id: unknown = field === undefined ? undefined : Reflect.get(item.value, field);
  return typeof id === 'string' ? id : undefined;
}

export class RecordingGateway implements OcipGateway {
  readonly recorded: RecordedDocument[] = [];
  /** Read-only commands sent to BroadWorks, in order. */
  readonly sent: string[] = [];

  /** `exists(id)`: the query whose success means BroadWorks has that service user (the service's Get). */
  constructor(
    private readonly real: OcipGateway,
    private readonly exists: (serviceUserId: string) => BatchItem,
  ) {}

  async executeBatch(commands: readonly BatchItem[]): Promise<CommandResult<unknown>[]> {
    const firstChange = commands.findIndex((item) => !item.spec.readOnly);
    if (firstChange < 0) return this.#send(commands);

    // Queries ahead of the first change see BroadWorks as it is: they are sent, with the existence
    // checks of the changes, in one document.
    const leading = commands.slice(0, firstChange);
    const checks = commands.flatMap((item, index) => {
      const id = createdUserId(item);
      return id === undefined ? [] : [{ index, id }];
    });
    const answers = await this.#send([...leading, ...checks.map((check) => this.exists(check.id))]);
    const taken = new Set(checks.filter((_check, at) => answers[leading.length + at]?.ok).map((check) => check.index));

    const results = commands.map((item, index): CommandResult<unknown> => {
      if (index < firstChange) return answers[index]!;
      if (item.spec.readOnly) return NOT_READ;
      if (taken.has(index)) return { ok: false, error: alreadyExists(item.spec.name) };
      return { ok: true, type: item.spec.response?.name ?? 'SuccessResponse', value: {} };
    });
    const refused = [...taken].map((index) => commands[index]!.spec.name);
    this.recorded.push({ commands, ...(refused.length > 0 && { refused: `BroadWorks would refuse ${refused.join(', ')}: the id exists` }) });
    return results;
  }

  async #send(commands: readonly BatchItem[]): Promise<CommandResult<unknown>[]> {
    if (commands.length === 0) return [];
    this.sent.push(...commands.map((item) => item.spec.name));
    return this.real.executeBatch(commands);
  }
}

/** True when changes are only recorded: a read-back would read the state before them. */
export function isDryRun(ocip: OcipGateway): boolean {
  return ocip instanceof RecordingGateway;
}

/** The answer to a query recorded after a change: there is nothing to read (see isDryRun). */
const NOT_READ: CommandResult<unknown> = { ok: false, error: new OcipProtocolError('not read: a dry run reads nothing back') };

/** The ErrorResponse BroadWorks gives an Add (or a rename) to an id it already has. */
function alreadyExists(commandType: string) {
  return toErrorResponseError(commandType, { errorCode: 4200, summary: '[Error 4200] User already exists (dry run: found by an existence check)', type: 'Error' });
}
