// Graceful shutdown's view of HTTP: how many requests are in flight, a wait until there are none
// (bounded), and "Connection: close" on every answer once draining, so keep-alive clients reconnect
// elsewhere instead of sending more work here.
import type { RequestHandler, Response } from 'express';

export class RequestDrain {
  readonly #active = new Set<Response>();
  #draining = false;
  #idleWaiters: (() => void)[] = [];

  get inFlight(): number {
    return this.#active.size;
  }

  get draining(): boolean {
    return this.#draining;
  }

  readonly middleware: RequestHandler = (_request, response, next) => {
    this.#active.add(response);
    // 'close' comes once per response, whether it finished or was cut short.
    response.once('close', () => {
      if (this.#active.delete(response) && this.#active.size === 0) this.#notifyIdle();
    });
    if (this.#draining) response.setHeader('Connection', 'close');
    next();
  };

  /** Marks the start of the drain; resolves true when no request is in flight, false at the timeout. */
  drain(timeoutMs: number): Promise<boolean> {
    this.#draining = true;
    for (const response of this.#active) if (!response.headersSent) response.setHeader('Connection', 'close');
    if (this.#active.size === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.#idleWaiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  #notifyIdle(): void {
    const waiters = this.#idleWaiters;
    this.#idleWaiters = [];
    for (const waiter of waiters) waiter();
  }
}
