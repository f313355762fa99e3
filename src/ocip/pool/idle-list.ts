// The pool's idle sessions, most recently used last, each with its idle timer. Reuse takes the most
// recent one (LIFO), so under light load the spare sessions stay unused and time out.
export class IdleList<S extends { readonly isAlive: boolean }> {
  #entries: { session: S; timer?: NodeJS.Timeout }[] = [];

  /** `onExpire` gets a session that stayed idle for `timeoutMs` (0: never), already removed from the list. */
  constructor(
    private readonly timeoutMs: number,
    private readonly onExpire: (session: S) => void,
  ) {}

  get size(): number {
    return this.#entries.length;
  }

  add(session: S): void {
    const entry: { session: S; timer?: NodeJS.Timeout } = { session };
    if (this.timeoutMs > 0) {
      entry.timer = setTimeout(() => {
        if (this.remove(session)) this.onExpire(session);
      }, this.timeoutMs);
      // An idle pool must not keep the process alive.
      entry.timer.unref();
    }
    this.#entries.push(entry);
  }

  /** The most recently used session that is still alive; dead ones met on the way go to `onDead`. */
  takeAlive(onDead: (session: S) => void): S | undefined {
    for (;;) {
      const entry = this.#entries.pop();
      if (!entry) return undefined;
      clearTimeout(entry.timer);
      if (entry.session.isAlive) return entry.session;
      onDead(entry.session);
    }
  }

  /** Removes a session; true if it was idle. */
  remove(session: S): boolean {
    const index = this.#entries.findIndex((entry) => entry.session === session);
    if (index === -1) return false;
    clearTimeout(this.#entries.splice(index, 1)[0]!.timer);
    return true;
  }

  /** Empties the list and returns the sessions. */
  drain(): S[] {
    const entries = this.#entries;
    this.#entries = [];
    for (const entry of entries) clearTimeout(entry.timer);
    return entries.map((entry) => entry.session);
  }
}
