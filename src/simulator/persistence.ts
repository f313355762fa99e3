// Where the world is kept between runs. The server asks for a save after every document that
// changed state; saves never overlap, and changes made during a save are written by one more save
// once it ends, so the last state always wins without writing every intermediate one.
import type { WorldSnapshot } from './world/types.js';

export interface WorldStore {
  load(): Promise<WorldSnapshot | undefined>;
  save(snapshot: WorldSnapshot): Promise<void>;
}

/** The default store: survives a restart of the simulator within one process (tests), not of the process. */
export function createMemoryWorldStore(initial?: WorldSnapshot): WorldStore {
  let saved = initial ? structuredClone(initial) : undefined;
  return {
    load: async () => (saved ? structuredClone(saved) : undefined),
    save: async (snapshot) => {
      saved = structuredClone(snapshot);
    },
  };
}

export class SaveQueue {
  private running: Promise<void> | undefined;
  private dirty = false;

  constructor(
    private readonly store: WorldStore,
    private readonly snapshot: () => WorldSnapshot,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Asks for a save of the current state; returns at once. */
  request(): void {
    this.dirty = true;
    if (!this.running) this.running = this.drain();
  }

  /** Resolves when every requested save has been written (or has failed and been reported). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    try {
      while (this.dirty) {
        this.dirty = false;
        try {
          await this.store.save(this.snapshot());
        } catch (error) {
          this.onError(error);
        }
      }
    } finally {
      this.running = undefined;
    }
  }
}
