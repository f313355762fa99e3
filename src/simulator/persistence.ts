// Where the world is kept between runs. The server asks for a save after every document that
// changed state. A store that can save synchronously (the SQLite file) is written at once, before
// the answer to that document is sent, so an acknowledged change survives a crash. Otherwise saves
// never overlap, and changes made during a save are written by one more save once it ends, so the
// last state always wins without writing every intermediate one.
import type { WorldSnapshot } from './world/types.js';

export interface WorldStore {
  load(): Promise<WorldSnapshot | undefined>;
  save(snapshot: WorldSnapshot): Promise<void>;
  /** Saves before returning; when present, every change is written this way. */
  saveNow?(snapshot: WorldSnapshot): void;
  /** Releases the file; called once the simulator has stopped. */
  close?(): void;
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

  /** Asks for a save of the current state; a synchronous store has it written when this returns. */
  request(): void {
    if (this.store.saveNow) {
      try {
        this.store.saveNow(this.snapshot());
      } catch (error) {
        this.onError(error);
      }
      return;
    }
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
