// The lab's settings (config key `simulator.lab`) and the fixed timings of its simulated media.
export const ENDPOINT_BEHAVIORS = ['answer', 'busy', 'no_answer', 'unreachable'] as const;
export type EndpointBehavior = (typeof ENDPOINT_BEHAVIORS)[number];

export interface LabSettings {
  /** How a destination nobody configured behaves. */
  defaultBehavior: EndpointBehavior;
  /** When it does so, in ms after the leg is dialled. */
  defaultAfterMs: number;
  /**
   * How long one leg may ring before it is given up (hangup_reason `noanswer`); for `linear`, the
   * per-leg ring timeout before the next destination is tried. VoIPbin's own dial timeout is 60 s.
   */
  ringTimeoutMs: number;
}

export const DEFAULT_LAB_SETTINGS: Readonly<LabSettings> = Object.freeze({
  defaultBehavior: 'answer',
  defaultAfterMs: 5_000,
  ringTimeoutMs: 30_000,
});

/** The simulated media bridge: a participant is `joined` this long after `joining`, `leaved` after `leaving`. */
export const CONFERENCE_BRIDGE_MS = 500;

/** The campaign executor's pace (VOIPBIN.md §4.4): again soon after a dial, later when idle. */
export const CAMPAIGN_PACE = Object.freeze({ afterDialMs: 500, idleMs: 5_000 });

/** An `after_ms` (or timeout) above a day is a typo, not a test. */
export const MAX_DELAY_MS = 86_400_000;
