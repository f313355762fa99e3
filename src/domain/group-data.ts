// The group facts that id rules and number formats need (default domain, CLI country code),
// read with GroupGetRequest22V5 and cached in the store with a TTL so most requests skip it.
import { GroupGetRequest22V5 } from '../ocip/codec/index.js';
import type { ResponseOf } from '../ocip/codec/index.js';
import { callingCodeOf } from '../phone/index.js';
import type { Store } from '../store/index.js';
import { toApioError } from './broadworks-errors.js';
import { answerTo, command } from '../ocip/client.js';
import type { Command, CommandResult, OcipGateway } from '../ocip/client.js';

export interface GroupData {
  defaultDomain: string;
  /** Country calling code of the group's CLI number ("32"), when it has one. */
  cliCallingCode?: string;
}

const TTL_MS = 5 * 60 * 1000;

export class GroupDataCache {
  constructor(
    private readonly ocip: OcipGateway,
    private readonly store: Store,
  ) {}

  /** The cached data, or undefined: callers then add `lookupCommand` to their own document. */
  async cached(tenantId: string, groupId: string): Promise<GroupData | undefined> {
    return (await this.store.get<GroupData>(key(tenantId, groupId))) ?? undefined;
  }

  lookupCommand(tenantId: string, groupId: string): Command<typeof GroupGetRequest22V5> {
    return command(GroupGetRequest22V5, { serviceProviderId: tenantId, groupId });
  }

  /** Reads the answer of `lookupCommand` and caches it. */
  async accept(tenantId: string, groupId: string, result: CommandResult<unknown> | undefined): Promise<GroupData> {
    let group: ResponseOf<typeof GroupGetRequest22V5>;
    try {
      group = answerTo(result, GroupGetRequest22V5);
    } catch (error) {
      throw toApioError(error, `reading group ${tenantId}/${groupId}`);
    }
    const data: GroupData = { defaultDomain: group.defaultDomain, cliCallingCode: callingCodeOf(group.callingLineIdPhoneNumber) };
    await this.store.set(key(tenantId, groupId), data, TTL_MS);
    return data;
  }

  async get(tenantId: string, groupId: string): Promise<GroupData> {
    const cached = await this.cached(tenantId, groupId);
    if (cached) return cached;
    let result: CommandResult<unknown> | undefined;
    try {
      [result] = await this.ocip.executeBatch([this.lookupCommand(tenantId, groupId)]);
    } catch (error) {
      // An unreachable or slow BroadWorks is a 502/504 here too, not an internal error.
      throw toApioError(error, `reading group ${tenantId}/${groupId}`);
    }
    return this.accept(tenantId, groupId, result);
  }
}

function key(tenantId: string, groupId: string): string {
  return `group-data:${tenantId}:${groupId}`;
}
