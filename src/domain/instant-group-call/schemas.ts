// Kept only so src/cli's imports resolve until the CLI imports from src/services/instant-group-call
// (its files are edited on their own branch). Nothing in src/ besides src/cli imports this path.
export * from '../../services/instant-group-call/schemas.js';
