// Settings: the only module that reads the environment.
export { loadConfig, ConfigError, projectRoot } from './load.js';
export type { Config, LoadOptions } from './load.js';
export type { Settings } from './schema.js';
