// keyv-file, written behind: a set or delete changes the in-memory map at once and the file is
// rewritten at most every writeDelay ms. keyv-file's own set resolves only after that write (its
// docs say so), which would add up to writeDelay to every login, logout and id reservation.
// What is lost on a crash is at most the last writeDelay ms of changes; disconnect() flushes.
import { KeyvFile } from 'keyv-file';
import type { Options } from 'keyv-file';

export class WriteBehindKeyvFile extends KeyvFile {
  #lastWrite: Promise<unknown> = Promise.resolve();
  readonly #onWriteError: (error: unknown) => void;

  constructor(options: Partial<Options>, onWriteError: (error: unknown) => void) {
    super(options);
    this.#onWriteError = onWriteError;
  }

  // super.set updates the map before its first await, so the value is readable when this returns.
  override async set(key: string, value: unknown, ttl?: number): Promise<void> {
    this.#track(super.set(key, value, ttl));
  }

  override async delete(key: string): Promise<boolean> {
    const existed = this.getSync(key) !== undefined;
    this.#track(super.delete(key));
    return existed;
  }

  /**
   * Resolves when everything set so far is on disk. keyv-file snapshots its map when a write starts,
   * and a change made while that write runs waits for the next change to be written; so the last
   * word is one more full write of the map as it is now.
   */
  async flush(): Promise<void> {
    await this.#lastWrite.catch(() => undefined);
    await (this as unknown as { saveToDisk(): Promise<void> }).saveToDisk();
  }

  override async disconnect(): Promise<void> {
    await this.flush();
  }

  #track(write: Promise<unknown>): void {
    this.#lastWrite = write;
    write.catch((error: unknown) => this.#onWriteError(error));
  }
}
