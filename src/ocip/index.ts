// The OCI-P layer's public face: codec, errors, transports, sessions, pool and the client facade.
// It knows nothing of HTTP or APIO.
export * from './codec/index.js';
export * from './errors.js';
export * from './transport/index.js';
export * from './session/index.js';
export * from './pool/index.js';
export * from './client.js';
