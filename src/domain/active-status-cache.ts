// The "Is Active" flags of a group's service instances, for SERVICE_USERS_RETURN_ACTIVE_STATUS.
// BroadWorks shows the flag only in the group's whole instance list (GetInstanceResponse19sp1 has
// none), so reading one instance would otherwise cost a list of the whole group. A group's flags are
// used for at most MAX_AGE_MS after the list that gave them was requested; a read then rides the list
// in its own document again. Only the flag comes from here: membership is always checked live
// (service-membership.ts).
// Staleness is bounded: every document this adapter sends that changes anything (any request not
// marked readOnly in the codec: create, update, rename, delete, active status) drops every group's
// flags when it completes, and a list requested before that is not kept; a change made elsewhere
// (another adapter instance, another BroadWorks client) shows after at most MAX_AGE_MS.
// Concurrent reads that find no fresh flags share one list: the first adds it to its document, the
// others wait for that answer instead of listing the group again.
import type { BatchItem, CommandResult, OcipGateway } from '../ocip/client.js';

/** How long a group's flags may be used after the list that gave them was requested. */
export const MAX_AGE_MS = 1_000;
/** Groups kept at most; the least recently listed is dropped first. */
const MAX_GROUPS = 1_000;

type Flags = ReadonlyMap<string, boolean>;

interface Entry {
  flags: Flags;
  requestedAt: number;
}

/** Where a read gets its flag: known, a list another read is fetching, or a list of its own. */
export type FlagSource =
  | { kind: 'known'; active: boolean }
  | { kind: 'wait'; flags: Promise<Flags | undefined> }
  | { kind: 'fetch'; settle: (flags: Flags | undefined) => void };

export class ActiveStatusCache {
  readonly #entries = new Map<string, Entry>();
  readonly #pending = new Map<string, Promise<Flags | undefined>>();
  /** Bumped by every local write: a list requested before it is not kept after it. */
  #generation = 0;

  constructor(
    private readonly clock: () => number = () => performance.now(),
    private readonly maxAgeMs = MAX_AGE_MS,
  ) {}

  /** Where a read of `serviceUserId` in this group gets its flag. */
  source(tenantId: string, groupId: string, serviceUserId: string): FlagSource {
    const key = `${tenantId}\u0000${groupId}`;
    const entry = this.#entries.get(key);
    const active = entry && this.clock() - entry.requestedAt <= this.maxAgeMs ? entry.flags.get(serviceUserId) : undefined;
    if (active !== undefined) return { kind: 'known', active };
    const pending = this.#pending.get(key);
    if (pending) return { kind: 'wait', flags: pending };
    let settle!: (flags: Flags | undefined) => void;
    const flags = new Promise<Flags | undefined>((resolve) => (settle = resolve));
    this.#pending.set(key, flags);
    const [requestedAt, generation] = [this.clock(), this.#generation];
    return {
      kind: 'fetch',
      settle: (answer) => {
        if (this.#pending.get(key) === flags) this.#pending.delete(key);
        if (answer && generation === this.#generation) this.#keep(key, { flags: answer, requestedAt });
        settle(answer);
      },
    };
  }

  /** After a document of this adapter's changed something: no flag read before it is used again. */
  forgetAll(): void {
    this.#generation++;
    this.#entries.clear();
    this.#pending.clear();
  }

  #keep(key: string, entry: Entry): void {
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    if (this.#entries.size > MAX_GROUPS) this.#entries.delete(this.#entries.keys().next().value!);
  }
}

/** The gateway the use cases get: a document with any change in it drops the flags when it completes. */
export function forgettingOnWrites(ocip: OcipGateway, cache: ActiveStatusCache): OcipGateway {
  return {
    async executeBatch(items: readonly BatchItem[]): Promise<CommandResult<unknown>[]> {
      if (items.every((item) => item.spec.readOnly)) return ocip.executeBatch(items);
      try {
        return await ocip.executeBatch(items);
      } finally {
        cache.forgetAll();
      }
    },
  };
}
