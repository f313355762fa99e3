// The "Is Active" flags of a group's service instances, for SERVICE_USERS_RETURN_ACTIVE_STATUS.
// BroadWorks shows the flag only in the group's whole instance list (GetInstanceResponse19sp1 has
// none), so reading one instance would otherwise cost a list of the whole group. The flags of a
// group are kept for at most MAX_AGE_MS after the list was read; a read then rides the list in its
// own document again. Only the flag comes from here: membership is always checked live
// (service-membership.ts). Staleness is bounded: this adapter's own writes (active status, create,
// update, delete) update or drop the group's entry at once; a change made elsewhere (another
// adapter instance, another BroadWorks client) shows after at most MAX_AGE_MS plus one round trip.
// Concurrent reads that find no fresh entry share one list: the first adds it to its document, the
// others wait for that answer instead of listing the group again.

/** How long a group's flags may be used after the list that gave them was read. */
export const MAX_AGE_MS = 1_000;
/** Groups kept at most; the least recently listed is dropped first. */
const MAX_GROUPS = 1_000;

interface Entry {
  flags: ReadonlyMap<string, boolean>;
  readAt: number;
}

/** What a read does for the flag: use it, wait for a list another read is fetching, or fetch one. */
export type FlagSource =
  | { kind: 'known'; active: boolean }
  | { kind: 'wait'; flags: Promise<ReadonlyMap<string, boolean> | undefined> }
  | { kind: 'fetch'; settle: (flags: ReadonlyMap<string, boolean> | undefined) => void };

export class ActiveStatusCache {
  readonly #entries = new Map<string, Entry>();
  readonly #pending = new Map<string, Promise<ReadonlyMap<string, boolean> | undefined>>();
  /** Bumped by every local write to a group: a list read before the write must not be kept after it. */
  readonly #generations = new Map<string, number>();

  constructor(
    private readonly clock: () => number = () => performance.now(),
    private readonly maxAgeMs = MAX_AGE_MS,
  ) {}

  /** Where a read of `serviceUserId` in this group gets its flag. */
  source(tenantId: string, groupId: string, serviceUserId: string): FlagSource {
    const key = keyOf(tenantId, groupId);
    const entry = this.#entries.get(key);
    const active = entry && this.clock() - entry.readAt <= this.maxAgeMs ? entry.flags.get(serviceUserId) : undefined;
    if (active !== undefined) return { kind: 'known', active };
    const pending = this.#pending.get(key);
    if (pending) return { kind: 'wait', flags: pending };
    let settle!: (flags: ReadonlyMap<string, boolean> | undefined) => void;
    const flags = new Promise<ReadonlyMap<string, boolean> | undefined>((resolve) => (settle = resolve));
    this.#pending.set(key, flags);
    const startedAt = this.clock();
    const generation = this.#generation(key);
    return {
      kind: 'fetch',
      settle: (answer) => {
        if (this.#pending.get(key) === flags) this.#pending.delete(key);
        if (answer && this.#generation(key) === generation) this.#keep(key, { flags: answer, readAt: startedAt });
        settle(answer);
      },
    };
  }

  /** A whole list read by a write's read-back: the freshest flags there are. */
  remember(tenantId: string, groupId: string, flags: ReadonlyMap<string, boolean>): void {
    const key = keyOf(tenantId, groupId);
    this.#bump(key);
    this.#keep(key, { flags, readAt: this.clock() });
  }

  /** After this adapter changed the group's instances (created, renamed, deleted, (de)activated). */
  forget(tenantId: string, groupId: string): void {
    const key = keyOf(tenantId, groupId);
    this.#bump(key);
    this.#entries.delete(key);
  }

  #generation(key: string): number {
    return this.#generations.get(key) ?? 0;
  }

  /** A local write: lists read or being read before it are not kept, and nobody waits for them. */
  #bump(key: string): void {
    this.#generations.set(key, this.#generation(key) + 1);
    this.#pending.delete(key);
  }

  #keep(key: string, entry: Entry): void {
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    if (this.#entries.size > MAX_GROUPS) this.#entries.delete(this.#entries.keys().next().value!);
  }
}

function keyOf(tenantId: string, groupId: string): string {
  return `${tenantId}\u0000${groupId}`;
}
