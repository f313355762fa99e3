// OCI-P over TLS (port 2209): the same byte stream as TCP inside TLS. Secure, so the login may use
// the one-step LoginRequest22V5 with the plain password.
import { isIP } from 'node:net';
import { connect } from 'node:tls';
import type { Channel, Transport } from './channel.js';
import { openSocket } from './open-socket.js';
import { SocketChannel } from './socket-channel.js';
import { DEFAULT_CONNECT_TIMEOUT_MS, DEFAULT_KEEP_ALIVE_DELAY_MS, formatHost } from './tcp-transport.js';
import type { SocketTransportOptions } from './tcp-transport.js';

/** Certificate checks. The defaults verify the server against the system CAs, as they should. */
export interface TlsOptions {
  /** Extra trusted CA certificate(s), PEM. */
  ca?: string | Buffer | Array<string | Buffer>;
  /** Default true. Turning it off accepts any certificate: for labs only. */
  rejectUnauthorized?: boolean;
  /** SNI and the name checked in the certificate. Default: the host, unless it is an IP address. */
  servername?: string;
  /** Client certificate and key, when the OCS asks for one. */
  cert?: string | Buffer;
  key?: string | Buffer;
}

export class TlsTransport implements Transport {
  readonly kind = 'tls';
  readonly secure = true;
  readonly address: string;
  readonly #options: SocketTransportOptions & { tls: TlsOptions };

  constructor(options: SocketTransportOptions & { tls?: TlsOptions }) {
    this.#options = { ...options, tls: { ...options.tls } };
    this.address = `tls://${formatHost(options.host)}:${options.port}`;
  }

  async connect(): Promise<Channel> {
    const { host, port, tls } = this.#options;
    const servername = tls.servername ?? (isIP(host) ? undefined : host);
    return openSocket({
      address: this.address,
      timeoutMs: this.#options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
      keepAliveInitialDelayMs: this.#options.keepAliveInitialDelayMs ?? DEFAULT_KEEP_ALIVE_DELAY_MS,
      readyEvent: 'secureConnect',
      start: () =>
        connect({
          host,
          port,
          servername,
          ca: tls.ca,
          cert: tls.cert,
          key: tls.key,
          rejectUnauthorized: tls.rejectUnauthorized ?? true,
        }),
      wrap: (socket) => new SocketChannel(socket, { address: this.address, maxDocumentBytes: this.#options.maxDocumentBytes }),
    });
  }
}
