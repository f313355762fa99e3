// The pool's contract: what it needs of a session, its options and its statistics.
import type { CommandSpec, DecodedCommand, OutgoingCommand } from '../codec/index.js';

/** What the pool needs of a session (Session implements it; tests may pass fakes). */
export interface PoolSession {
  readonly isAlive: boolean;
  send(commands: readonly OutgoingCommand[]): Promise<DecodedCommand[]>;
  close(): Promise<void>;
  destroy(error?: Error): void;
  onEnd(listener: (error?: Error) => void): () => void;
  /** The command type this session puts on the wire for `spec` (a release-neutral one becomes its release's). */
  wireType?(spec: CommandSpec): string;
}

export interface OcipPoolOptions<S extends PoolSession> {
  /** Most sessions open at once. */
  size: number;
  /** Connects and logs in one session. */
  createSession: () => Promise<S>;
  /** How long acquire() waits for a session. Default 30 s. */
  acquireTimeoutMs?: number;
  /** An idle session is logged out after this long. 0 keeps them. Default 60 s. */
  idleTimeoutMs?: number;
  /** After a refused login, how long acquires needing a new login fail at once. Default 10 s. */
  loginRetryDelayMs?: number;
}

export interface PoolStats {
  /** Sessions open now (idle + in use). */
  size: number;
  inUse: number;
  idle: number;
  /** acquire() calls waiting for a session. */
  waiting: number;
  /** Sessions being connected and logged in. */
  creating: number;
  /** The configured maximum. */
  max: number;
}
