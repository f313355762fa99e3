// The exit statuses of every apio-igc command, in one place (docs/migrations.md lists them).
// A script can tell "some rows need attention" (1) from "the run did not happen or did not finish"
// (2), which a rerun resumes.

export const ExitCodes = {
  /** Everything asked was done (rows created, updated, skipped as existing, or done in an earlier run). */
  OK: 0,
  /** The run went through, but some rows or instances failed: invalid rows, rows or ids the gateway refused, rows in doubt, instances not exported. */
  ROWS_FAILED: 1,
  /** Could not start (arguments, credentials, files, journal, the gateway unreachable or refusing the group), or an import stopped after repeated connection failures. */
  NOT_RUN: 2,
  /** Interrupted by Ctrl-C: rows in flight finished, the rest were not started. */
  INTERRUPTED: 130,
} as const;

export type ExitCode = (typeof ExitCodes)[keyof typeof ExitCodes];

/** The table as `--help` shows it. */
export const EXIT_CODES_HELP = `
Exit status:
  0    everything asked was done
  1    some rows or ids failed (invalid, refused by the gateway, in doubt; instances not exported)
  2    could not start (arguments, credentials, files, journal, gateway), or an import stopped
       after repeated connection failures (run it again to resume)
  130  interrupted (Ctrl-C); run it again to resume
`;
