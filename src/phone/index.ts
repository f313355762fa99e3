// Phone numbers: pure normalisation, no I/O.
export * from './phone-number.js';
export * from './outgoing-destination.js';
