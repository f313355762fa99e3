// The OCI-P codec: pure functions from values to document text and back, and the stream framer.
// No sockets, timers or files here.
export * from './schema.js';
export * from './commands/index.js';
export * as types from './types/complex-types.js';
export { encodeDocument, MAX_COMMANDS_PER_DOCUMENT } from './encoder.js';
export type { OutgoingCommand, OutgoingDocument } from './encoder.js';
export { decodeDocument } from './decoder.js';
export type { DecodedCommand, DecodedCommandOk, DecodedCommandInvalid, DecodedDocument, DecodeOptions } from './decoder.js';
export { DocumentFramer, DEFAULT_MAX_DOCUMENT_BYTES } from './framer.js';
export { decodeDocumentBytes, encodeDocumentText } from './text.js';
export { signedPassword, sha1Hex } from './login-digest.js';
export * from './releases/index.js';
