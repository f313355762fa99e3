// The OcipGateway a use case runs on in a dry run. Read-only commands (…Get…Request) go to
// BroadWorks, so the use case validates and derives ids and numbers against the real data; a
// document with a mutating command is recorded, never sent, and its mutating commands answered with
// a synthetic SuccessResponse — after an existence check where one exists (an Add whose id
// BroadWorks already has is answered 4200, as BroadWorks would). Read-only commands after a
// mutating one in the same document read its effect back, which did not happen: they are answered
// with DryRunNotSentError, and from then on nothing more is planned — the use case's own error
// handling ends the run, and runDry (run-dry.ts) knows that error for the end of the plan.
import { GroupInstantGroupCallGetInstanceRequest19sp1 } from '../../ocip/codec/index.js';
import type { CommandValue, ResponseOf } from '../../ocip/codec/index.js';
import type { RequestSpec } from '../../ocip/client.js';
import { OcipProtocolError } from '../../ocip/errors.js';
import { toErrorResponseError } from '../../ocip/session/index.js';
import type { BatchCommand, BatchResult, OcipGateway } from '../ocip-gateway.js';
import { command } from '../ocip-gateway.js';

/** BroadWorks names every query …Get…Request; everything else changes something. */
export function isReadOnly(commandName: string): boolean {
  return /Get(?:[A-Z]|Request)/.test(commandName);
}

/**
 * A read-back that was not sent because the change it reads was not made. A protocol error to the
 * use case ("no usable answer"), so its ordinary handling applies; runDry recognises it by class.
 */
export class DryRunNotSentError extends OcipProtocolError {
  override name = 'DryRunNotSentError';
  constructor(commandType: string) {
    super(`${commandType} was not sent: dry run`);
  }
}

/** A mutating command and the id whose existence decides its outcome. */
const EXISTENCE_CHECKS: Record<string, (value: Record<string, unknown>) => unknown> = {
  GroupInstantGroupCallAddInstanceRequest14: (value) => value.serviceUserId,
  UserModifyUserIdRequest: (value) => value.newUserId,
};

export interface RecordedDocument {
  commands: readonly BatchCommand[];
  /** Why BroadWorks would refuse a command of it (an id it already has), when it would. */
  refused?: string;
}

export class RecordingGateway implements OcipGateway {
  readonly recorded: RecordedDocument[] = [];
  /** Read-only commands sent to BroadWorks, in order. */
  readonly sent: string[] = [];
  #planEnded = false;

  constructor(private readonly real: OcipGateway) {}

  async execute<S extends RequestSpec>(spec: S, value: CommandValue<S>): Promise<ResponseOf<S>> {
    const [result] = await this.executeBatch([command(spec, value)]);
    if (!result!.ok) throw result!.error;
    return result!.value as ResponseOf<S>;
  }

  async executeBatch(commands: readonly BatchCommand[]): Promise<BatchResult[]> {
    if (this.#planEnded) return commands.map((item) => notSent(item));
    const firstMutating = commands.findIndex((item) => !isReadOnly(item.spec.name));
    if (firstMutating < 0) return this.#send(commands);

    // Read-only commands ahead of the first change see BroadWorks as it is: they are sent, with
    // the existence checks of the changes, in one document.
    const leading = commands.slice(0, firstMutating);
    const checks = commands
      .map((item, index) => ({ index, id: EXISTENCE_CHECKS[item.spec.name]?.(item.value as Record<string, unknown>) }))
      .filter((check): check is { index: number; id: string } => typeof check.id === 'string');
    const answers = await this.#send([...leading, ...checks.map((check) => command(GroupInstantGroupCallGetInstanceRequest19sp1, { serviceUserId: check.id }))]);
    const taken = new Set(checks.filter((_check, at) => answers[leading.length + at]?.ok).map((check) => check.index));

    const results: BatchResult[] = commands.map((item, index) => {
      if (index < firstMutating) return answers[index]!;
      if (isReadOnly(item.spec.name)) return notSent(item);
      if (taken.has(index)) return { ok: false, error: alreadyExists(item.spec.name) };
      return { ok: true, value: {} };
    });
    const refused = [...taken].map((index) => commands[index]!.spec.name);
    this.recorded.push({ commands, ...(refused.length > 0 && { refused: `BroadWorks would refuse ${refused.join(', ')}: the id exists` }) });
    // A change that went through (synthetically) and was then read back ends the plan; a refused
    // one lets the use case go on as it would (a generated id is drawn again).
    if (refused.length === 0 && firstMutating < commands.length - 1 && commands.slice(firstMutating).some((item) => isReadOnly(item.spec.name))) {
      this.#planEnded = true;
    }
    return results;
  }

  async #send(commands: readonly BatchCommand[]): Promise<BatchResult[]> {
    if (commands.length === 0) return [];
    this.sent.push(...commands.map((item) => item.spec.name));
    return this.real.executeBatch(commands);
  }
}

function notSent(item: BatchCommand): BatchResult {
  return { ok: false, error: new DryRunNotSentError(item.spec.name) };
}

/** The ErrorResponse BroadWorks gives an Add (or a rename) to an id it already has. */
function alreadyExists(commandType: string) {
  return toErrorResponseError(commandType, { errorCode: 4200, summary: '[Error 4200] User already exists (dry run: found by an existence check)', type: 'Error' });
}
