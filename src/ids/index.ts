// Service user id rules: pure, no I/O.
export * from './id-rule.js';
