// keyv-backed adapter state: one interface, an embedded (memory or file) and a Redis implementation.
export { createStore, STORE_FILE } from './create-store.js';
export type { StoreOptions } from './create-store.js';
export type { Store, StoreKind, WindowHit } from './store.js';
