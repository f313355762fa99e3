// The seam between a session and the wire: a Transport opens Channels, a Channel carries whole OCI-P
// documents both ways. Sessions only see this interface, so tests swap sockets for an in-memory pair.
import { OcipSocketClosedError } from '../errors.js';

export interface Channel {
  /** Writes one whole document. Throws OcipSocketClosedError once the channel is closed. */
  send(document: string): void;
  /** Every whole document that arrives, in order. Returns a function that removes the listener. */
  onDocument(listener: (text: string) => void): () => void;
  /**
   * Called once when the channel is gone. `error` is undefined only after a local `close()`; a peer that
   * hangs up gives an OcipSocketClosedError, a SOAP failure an OcipTransportError, `destroy(e)` gives `e`.
   * A listener added after the end is still called (on a microtask).
   */
  onClose(listener: (error?: Error) => void): () => void;
  /** Flushes what was sent, then ends the connection. */
  close(): void;
  /** Ends the connection now; pending writes are dropped. */
  destroy(error?: Error): void;
  /** True from the moment close/destroy is called or the peer hangs up: nothing more can be sent. */
  readonly closed: boolean;
}

export type TransportKind = 'tcp' | 'tls' | 'soap' | 'memory';

export interface Transport {
  readonly kind: TransportKind;
  /** Encrypted on the wire: the login may send the plain password (LoginRequest22V5). */
  readonly secure: boolean;
  /** Where it connects, for messages (never carries credentials). */
  readonly address: string;
  connect(): Promise<Channel>;
}

/** Listener bookkeeping and the close-once rule every channel shares. */
export abstract class ChannelBase implements Channel {
  #documentListeners = new Set<(text: string) => void>();
  #closeListeners = new Set<(error?: Error) => void>();
  #closing = false;
  #ended = false;
  #endError: Error | undefined;

  abstract send(document: string): void;
  abstract close(): void;
  abstract destroy(error?: Error): void;

  get closed(): boolean {
    return this.#closing || this.#ended;
  }

  onDocument(listener: (text: string) => void): () => void {
    this.#documentListeners.add(listener);
    return () => this.#documentListeners.delete(listener);
  }

  onClose(listener: (error?: Error) => void): () => void {
    if (this.#ended) {
      const error = this.#endError;
      queueMicrotask(() => listener(error));
      return () => {};
    }
    this.#closeListeners.add(listener);
    return () => this.#closeListeners.delete(listener);
  }

  /** True once finish() ran: the listeners were told, nothing more is delivered. */
  protected get ended(): boolean {
    return this.#ended;
  }

  /** Marks the channel as no longer writable (close or destroy has begun). */
  protected markClosing(): void {
    this.#closing = true;
  }

  protected emitDocument(text: string): void {
    if (this.#ended) return;
    for (const listener of [...this.#documentListeners]) listener(text);
  }

  /** Ends the channel once and tells the listeners; later calls are ignored. */
  protected finish(error?: Error): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#closing = true;
    this.#endError = error;
    const listeners = [...this.#closeListeners];
    this.#closeListeners.clear();
    this.#documentListeners.clear();
    for (const listener of listeners) listener(error);
  }

  protected assertOpen(address: string): void {
    if (this.closed) throw new OcipSocketClosedError(`the connection to ${address} is closed`);
  }
}
