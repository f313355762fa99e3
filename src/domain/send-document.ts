// One OCI-P document for a use case: a BroadWorks that cannot be reached or does not answer in time
// becomes a 502/504 APIO error; the per-command results (values or ErrorResponses) come back as data.
import type { BatchItem, CommandResult, OcipGateway } from '../ocip/client.js';
import { toApioError } from './broadworks-errors.js';

export async function send(ocip: OcipGateway, commands: readonly BatchItem[], what: string): Promise<CommandResult<unknown>[]> {
  try {
    return await ocip.executeBatch(commands);
  } catch (error) {
    throw toApioError(error, what);
  }
}
