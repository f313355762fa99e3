// runDry: a use case run on a RecordingGateway (recording-gateway.ts) — it validates, normalises
// numbers and derives ids exactly as for real, reads what it needs from BroadWorks, and changes
// nothing. The answer is the OCI-P documents it would send, encoded as they would go on the wire,
// with passwords masked; the use case itself runs unchanged and its own answer is not used.
import { encodeDocument, MAX_COMMANDS_PER_DOCUMENT } from '../../ocip/codec/index.js';
import type { BatchItem, OcipGateway } from '../../ocip/client.js';
import { maskPasswords } from '../../ocip/session/index.js';
import { createdUserId, RecordingGateway } from './recording-gateway.js';

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

/** `exists(id)`: the query that tells whether BroadWorks has a service user (the service's Get). */
export async function runDry<D extends DryRunnable>(
  deps: D,
  useCase: (deps: D) => Promise<unknown>,
  exists: (serviceUserId: string) => BatchItem,
): Promise<DryRunAnswer> {
  const recorder = new RecordingGateway(deps.ocip, exists);
  // No id reservations: a dry run holds nothing in the shared store that real requests would skip.
  await useCase({ ...deps, ocip: recorder, ids: undefined });
  const documents = recorder.recorded.flatMap((recorded) =>
    chunks(recorded.commands).map((commands) => ({
      commands: commands.map((item) => item.spec.name),
      xml: maskPasswords(encodeDocument({ sessionId: DRY_RUN_SESSION_ID, commands })),
      ...(recorded.refused && { refused: recorded.refused }),
    })),
  );
  const created = recorder.recorded.filter((recorded) => !recorded.refused).flatMap((recorded) => recorded.commands.map(createdUserId));
  const serviceUserId = created.filter((id) => id !== undefined).at(-1);
  return { dryRun: true, ...(serviceUserId && { serviceUserId }), documents, readCommandsSent: [...recorder.sent] };
}

/** The client sends at most 15 commands per document (ocip/client.ts); so would this. */
function chunks(commands: readonly BatchItem[]): BatchItem[][] {
  const out: BatchItem[][] = [];
  for (let start = 0; start < commands.length; start += MAX_COMMANDS_PER_DOCUMENT) out.push(commands.slice(start, start + MAX_COMMANDS_PER_DOCUMENT));
  return out;
}
