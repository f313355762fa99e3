// runDry: a use case run on a RecordingGateway (recording-gateway.ts) — it validates, normalises
// numbers and derives ids exactly as for real, reads what it needs from BroadWorks, and changes
// nothing. The answer is the OCI-P documents it would send, encoded as they would go on the wire,
// with passwords masked; the use case itself runs unchanged.
import { encodeDocument, MAX_COMMANDS_PER_DOCUMENT } from '../../ocip/codec/index.js';
import type { OutgoingCommand } from '../../ocip/codec/index.js';
import { maskPasswords } from '../../ocip/session/index.js';
import { ApioError } from '../errors.js';
import type { BatchCommand, OcipGateway } from '../ocip-gateway.js';
import { DryRunNotSentError, RecordingGateway } from './recording-gateway.js';

/** The session id of a real document is the session's; a dry run has none. */
const DRY_RUN_SESSION_ID = 'dry-run';

export interface DryRunDocument {
  commands: string[];
  /** The document as it would be sent, passwords masked. */
  xml: string;
  /** When BroadWorks would refuse a command of it, why. */
  refused?: string;
}

export interface DryRunAnswer {
  dryRun: true;
  /** The id a create would use, or an id change would give, when there is one. */
  serviceUserId?: string;
  /** The documents that would be sent, in order. Empty when nothing would change. */
  documents: DryRunDocument[];
  /** The read-only commands that were sent to BroadWorks to prepare them. */
  readCommandsSent: string[];
}

/** Dependencies that carry the OCI-P gateway and, optionally, the shared id reservations. */
export interface DryRunnable {
  ocip: OcipGateway;
  ids?: unknown;
}

export async function runDry<D extends DryRunnable>(deps: D, useCase: (deps: D) => Promise<unknown>): Promise<DryRunAnswer> {
  const recorder = new RecordingGateway(deps.ocip);
  // No id reservations: a dry run holds nothing in the shared store that real requests would skip.
  const dry = { ...deps, ocip: recorder, ids: undefined } as D;
  try {
    await useCase(dry);
  } catch (error) {
    // The use case reading back a change that was not made: the plan is complete.
    if (causedBy(error, DryRunNotSentError)) {
      // planned to the end
    } else if (error instanceof ApioError && error.reason === 'PARTIALLY_APPLIED' && error.cause instanceof ApioError) {
      // A later step would fail: nothing was applied in a dry run, so the step's own error is the answer.
      throw error.cause;
    } else {
      throw error;
    }
  }
  const documents = recorder.recorded.flatMap((recorded) =>
    chunks(recorded.commands).map((commands) => ({
      commands: commands.map((item) => item.spec.name),
      xml: maskPasswords(encodeDocument({ sessionId: DRY_RUN_SESSION_ID, commands: commands as unknown as OutgoingCommand[] })),
      ...(recorded.refused && { refused: recorded.refused }),
    })),
  );
  const serviceUserId = plannedId(recorder.recorded.filter((recorded) => !recorded.refused).flatMap((recorded) => recorded.commands));
  return { dryRun: true, ...(serviceUserId && { serviceUserId }), documents, readCommandsSent: [...recorder.sent] };
}

/** The client sends at most 15 commands per document (ocip/client.ts); so would this. */
function chunks(commands: readonly BatchCommand[]): BatchCommand[][] {
  const out: BatchCommand[][] = [];
  for (let start = 0; start < commands.length; start += MAX_COMMANDS_PER_DOCUMENT) out.push(commands.slice(start, start + MAX_COMMANDS_PER_DOCUMENT));
  return out;
}

function plannedId(commands: readonly BatchCommand[]): string | undefined {
  let id: string | undefined;
  for (const item of commands) {
    const value = item.value as Record<string, unknown>;
    if (item.spec.name === 'GroupInstantGroupCallAddInstanceRequest14' && typeof value.serviceUserId === 'string') id = value.serviceUserId;
    if (item.spec.name === 'UserModifyUserIdRequest' && typeof value.newUserId === 'string') id = value.newUserId;
  }
  return id;
}

function causedBy(error: unknown, type: abstract new (...args: never[]) => Error): boolean {
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 10; depth++) {
    if (current instanceof type) return true;
    current = (current as Error).cause;
  }
  return false;
}
