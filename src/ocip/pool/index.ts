// The OCI-P session pool.
export { OcipPool } from './pool.js';
export type { OcipPoolOptions, PoolSession, PoolStats } from './pool-types.js';
