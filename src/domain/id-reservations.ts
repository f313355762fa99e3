// Generated service user ids are reserved in the shared store before their Add, so two adapter
// instances (or two requests of one) never try the same generated id: without it, two instances
// drawing from a small random space send Adds for one id, BroadWorks refuses the second (4200),
// and the loser burns one of its bounded attempts on the other's id.
// How: Store.reserve is SET key NX PX on Redis — one command, so exactly one caller wins a key
// while it lives — and a per-key lock in the embedded store (one process, one file). A reservation
// is kept after the Add is answered (the id is then BroadWorks', so no one should draw it for a
// while) and expires after RESERVATION_TTL_MS; it is given back at once when the Add failed for
// another reason, so the id stays usable. Only rules with random digits reserve (create-instance.ts).
import type { Store } from '../store/index.js';

/** Far longer than any Add can take; after it a deleted instance's id may be drawn again. */
export const RESERVATION_TTL_MS = 10 * 60_000;

export interface IdReservations {
  /** True when the id is now this caller's to try. */
  reserve(serviceUserId: string): Promise<boolean>;
  release(serviceUserId: string): Promise<void>;
}

export function storeIdReservations(store: Store, ttlMs = RESERVATION_TTL_MS): IdReservations {
  return {
    reserve: (serviceUserId) => store.reserve(key(serviceUserId), { at: new Date().toISOString() }, ttlMs),
    release: (serviceUserId) => store.release(key(serviceUserId)),
  };
}

/** Service user ids are system-wide in BroadWorks, so the key is the id alone. */
function key(serviceUserId: string): string {
  return `id-reservation:${serviceUserId.toLowerCase()}`;
}
