// A Channel over a connected TCP or TLS socket: bytes go through the DocumentFramer (OCI-P has no
// length prefix) and each whole document is decoded by its declared encoding.
import type { Socket } from 'node:net';
import { DocumentFramer, decodeDocumentBytes } from '../codec/index.js';
import { OcipSocketClosedError } from '../errors.js';
import { ChannelBase } from './channel.js';
import { encodeDocumentText } from '../codec/index.js';

export interface SocketChannelOptions {
  /** Where the socket goes, for messages. */
  address: string;
  maxDocumentBytes?: number;
  /** After close(), how long the peer gets to hang up before the socket is destroyed. */
  closeTimeoutMs?: number;
}

export class SocketChannel extends ChannelBase {
  readonly #socket: Socket;
  readonly #address: string;
  readonly #closeTimeoutMs: number;
  #localError: Error | undefined;
  #localClose = false;
  #socketError: Error | undefined;

  constructor(socket: Socket, options: SocketChannelOptions) {
    super();
    this.#socket = socket;
    this.#address = options.address;
    this.#closeTimeoutMs = options.closeTimeoutMs ?? 2_000;
    const framer = new DocumentFramer(options.maxDocumentBytes);
    socket.on('data', (chunk: Buffer) => {
      let documents: Buffer[];
      try {
        documents = framer.push(chunk);
      } catch (error) {
        this.destroy(error as Error);
        return;
      }
      for (const document of documents) this.emitDocument(decodeDocumentBytes(document));
    });
    socket.on('error', (error) => (this.#socketError ??= error));
    socket.on('close', () => this.finish(this.#endReason()));
  }

  send(document: string): void {
    this.assertOpen(this.#address);
    this.#socket.write(encodeDocumentText(document));
  }

  close(): void {
    if (this.closed) return;
    this.markClosing();
    this.#localClose = true;
    this.#socket.end();
    // A peer that never hangs up must not keep the socket (and the process) alive.
    setTimeout(() => this.#socket.destroy(), this.#closeTimeoutMs).unref();
  }

  destroy(error?: Error): void {
    this.markClosing();
    this.#localClose = true;
    this.#localError ??= error;
    this.#socket.destroy();
    // 'close' follows asynchronously; finish now so the owner learns at once and in order.
    this.finish(this.#endReason());
  }

  #endReason(): Error | undefined {
    if (this.#localClose) return this.#localError;
    return new OcipSocketClosedError(`the connection to ${this.#address} closed`, this.#socketError ? { cause: this.#socketError } : undefined);
  }
}
