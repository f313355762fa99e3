// Service user id rules: pure, no I/O.
export * from './id-rule.js';
export * from './follow-number.js';
