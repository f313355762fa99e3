// OCI-P over SOAP (https://host/webservice/services/ProvisioningService). Opening a channel does no
// I/O: the first POST (the login) connects, and its failure is the connect error.
import type { Channel, Transport } from './channel.js';
import { SoapChannel } from './soap-channel.js';
import { DEFAULT_CONNECT_TIMEOUT_MS } from './tcp-transport.js';
import type { TlsOptions } from './tls-transport.js';

export interface SoapTransportOptions {
  /** http(s)://host[:port]/webservice/services/ProvisioningService (the path is configurable). */
  url: string | URL;
  connectTimeoutMs?: number;
  /** Default 64 MiB, as the stream framer's bound. */
  maxResponseBytes?: number;
  tls?: TlsOptions;
}

export class SoapTransport implements Transport {
  readonly kind = 'soap';
  readonly secure: boolean;
  readonly address: string;
  readonly #url: URL;
  readonly #options: SoapTransportOptions;

  constructor(options: SoapTransportOptions) {
    this.#url = new URL(options.url);
    this.#options = { ...options };
    this.secure = this.#url.protocol === 'https:';
    this.address = `${this.#url.origin}${this.#url.pathname}`;
  }

  async connect(): Promise<Channel> {
    return new SoapChannel({
      url: this.#url,
      address: this.address,
      connectTimeoutMs: this.#options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
      maxResponseBytes: this.#options.maxResponseBytes ?? 64 * 1024 * 1024,
      tls: this.#options.tls,
    });
  }
}
