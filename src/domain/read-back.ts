// The read-back of one service instance: its Get and its group's instance list, in the document
// that changed it (or alone, for a GET). The list proves the instance is in the URL's group — a
// service user id is system-wide in BroadWorks — and carries the active flag, which the instance's
// own Get does not.
import type { OciTable } from '../ocip/codec/index.js';
import { answerTo, command } from '../ocip/client.js';
import type { Command, CommandResult, RequestSpec } from '../ocip/client.js';
import type { CommandValue, ResponseOf } from '../ocip/codec/index.js';
import { activeFlags } from './active-status.js';
import { ApioError } from './errors.js';
import { toApioError } from './broadworks-errors.js';

/** What a service type supplies for its instances to be read back. */
export interface InstanceReads<SI extends RequestSpec, SL extends RequestSpec> {
  /** For messages: "instant group call". */
  noun: string;
  instanceSpec: SI;
  listSpec: SL;
  instance(serviceUserId: string): CommandValue<SI>;
  list(tenantId: string, groupId: string): CommandValue<SL>;
  /** The list's OCITable ("Service User Id", "Is Active", ...). */
  table(list: ResponseOf<SL>): OciTable;
}

export interface ReadInstance<V> {
  instance: V;
  active: boolean;
}

/** The two commands of a read-back, instance first. */
export function readCommands<SI extends RequestSpec, SL extends RequestSpec>(
  reads: InstanceReads<SI, SL>,
  tenantId: string,
  groupId: string,
  serviceUserId: string,
): [Command<SI>, Command<SL>] {
  return [command(reads.instanceSpec, reads.instance(serviceUserId)), command(reads.listSpec, reads.list(tenantId, groupId))];
}

/** Reads the answers of `readCommands`: 404 when the instance is not in the group. */
export function acceptRead<SI extends RequestSpec, SL extends RequestSpec>(
  reads: InstanceReads<SI, SL>,
  results: readonly (CommandResult<unknown> | undefined)[],
  serviceUserId: string,
  what: string,
): ReadInstance<ResponseOf<SI>> {
  const [instanceResult, listResult] = [results[0], results[1]];
  try {
    const members = activeFlags(reads.table(answerTo(listResult, reads.listSpec)));
    if (!members.has(serviceUserId)) throw new ApioError('NOT_FOUND', `${reads.noun} ${serviceUserId} not found in this group`);
    return { instance: answerTo(instanceResult, reads.instanceSpec), active: members.get(serviceUserId) === true };
  } catch (error) {
    throw toApioError(error, what);
  }
}
