// OCI-P transports: how a session reaches BroadWorks (TCP, TLS, SOAP) or a fake (memory pair).
export { ChannelBase } from './channel.js';
export type { Channel, Transport, TransportKind } from './channel.js';
export { TcpTransport } from './tcp-transport.js';
export type { SocketTransportOptions } from './tcp-transport.js';
export { TlsTransport } from './tls-transport.js';
export type { TlsOptions } from './tls-transport.js';
export { SoapTransport } from './soap-transport.js';
export type { SoapTransportOptions } from './soap-transport.js';
export { buildSoapRequest, parseSoapResponse, SOAP_NAMESPACE } from './soap-envelope.js';
export { MemoryTransport, createChannelPair } from './memory-transport.js';
export type { MemoryTransportOptions } from './memory-transport.js';
export { parseOcipUrl, DEFAULT_TCP_PORT, DEFAULT_TLS_PORT, DEFAULT_SOAP_PATH } from './ocip-url.js';
export type { OcipUrl } from './ocip-url.js';
export { createTransport } from './create-transport.js';
export type { TransportOptions } from './create-transport.js';
