// Chooses the transport for a URL: tcp:// -> TCP, tls:// -> TLS, http(s):// -> SOAP.
import type { Transport } from './channel.js';
import { parseOcipUrl } from './ocip-url.js';
import { SoapTransport } from './soap-transport.js';
import { TcpTransport } from './tcp-transport.js';
import { TlsTransport } from './tls-transport.js';
import type { TlsOptions } from './tls-transport.js';

export interface TransportOptions {
  connectTimeoutMs?: number;
  keepAliveInitialDelayMs?: number;
  /** Certificate options for tls:// and https://. */
  tls?: TlsOptions;
  maxDocumentBytes?: number;
}

export function createTransport(url: string, options: TransportOptions = {}): Transport {
  const parsed = parseOcipUrl(url);
  const common = {
    connectTimeoutMs: options.connectTimeoutMs,
    keepAliveInitialDelayMs: options.keepAliveInitialDelayMs,
    maxDocumentBytes: options.maxDocumentBytes,
  };
  switch (parsed.kind) {
    case 'tcp':
      return new TcpTransport({ host: parsed.host, port: parsed.port, ...common });
    case 'tls':
      return new TlsTransport({ host: parsed.host, port: parsed.port, ...common, tls: options.tls });
    case 'soap':
      return new SoapTransport({
        url: parsed.url,
        connectTimeoutMs: options.connectTimeoutMs,
        maxResponseBytes: options.maxDocumentBytes,
        tls: options.tls,
      });
  }
}
