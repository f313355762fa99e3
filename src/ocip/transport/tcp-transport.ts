// OCI-P over plain TCP (port 2208): the documents go on the socket as they are.
import { connect } from 'node:net';
import type { Channel, Transport } from './channel.js';
import { openSocket } from './open-socket.js';
import { SocketChannel } from './socket-channel.js';

export interface SocketTransportOptions {
  host: string;
  port: number;
  /** Default 10 s. */
  connectTimeoutMs?: number;
  /** TCP keep-alive probe delay on idle sockets. Default 30 s. */
  keepAliveInitialDelayMs?: number;
  maxDocumentBytes?: number;
}

export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
export const DEFAULT_KEEP_ALIVE_DELAY_MS = 30_000;

export class TcpTransport implements Transport {
  readonly kind = 'tcp';
  readonly secure = false;
  readonly address: string;
  readonly #options: SocketTransportOptions;

  constructor(options: SocketTransportOptions) {
    this.#options = { ...options };
    this.address = `tcp://${formatHost(options.host)}:${options.port}`;
  }

  async connect(): Promise<Channel> {
    const { host, port } = this.#options;
    return openSocket({
      address: this.address,
      timeoutMs: this.#options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
      keepAliveInitialDelayMs: this.#options.keepAliveInitialDelayMs ?? DEFAULT_KEEP_ALIVE_DELAY_MS,
      readyEvent: 'connect',
      start: () => connect({ host, port }),
      wrap: (socket) => new SocketChannel(socket, { address: this.address, maxDocumentBytes: this.#options.maxDocumentBytes }),
    });
  }
}

/** IPv6 literals need brackets in an address. */
export function formatHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}
