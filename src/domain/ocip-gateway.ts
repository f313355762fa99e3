// What the domain needs from the OCI-P client: one command, or several in one document.
// The client (src/ocip/client.ts) satisfies it; the domain never sees sessions or sockets.
import type { CommandValue, ResponseOf } from '../ocip/codec/index.js';
import type { RequestSpec } from '../ocip/client.js';
import type { OcipErrorResponseError, OcipProtocolError } from '../ocip/errors.js';

export interface BatchCommand<S extends RequestSpec = RequestSpec> {
  spec: S;
  value: CommandValue<S>;
}

export type BatchResult<T = unknown> = { ok: true; value: T } | { ok: false; error: OcipErrorResponseError | OcipProtocolError };

export interface OcipGateway {
  execute<S extends RequestSpec>(spec: S, value: CommandValue<S>): Promise<ResponseOf<S>>;
  /** Up to 15 commands in one document, one round trip; each result stands alone (no transaction). */
  executeBatch(commands: readonly BatchCommand[]): Promise<BatchResult[]>;
}

export function command<S extends RequestSpec>(spec: S, value: CommandValue<S>): BatchCommand {
  return { spec, value } as unknown as BatchCommand;
}

/** The typed value of a batch result, or its error thrown. */
export function unwrap<S extends RequestSpec>(result: BatchResult | undefined, _spec: S): ResponseOf<S> {
  if (!result) throw new Error('batch answered fewer results than commands');
  if (!result.ok) throw result.error;
  return result.value as ResponseOf<S>;
}
