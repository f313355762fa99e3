// keyv-backed adapter state.
export { createStore } from './create-store.js';
export type { Store, StoreOptions } from './create-store.js';
