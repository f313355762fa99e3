// Progress of a bulk run: a bar with rate and ETA on a terminal (cli-progress, on stderr so stdout
// stays the report), one plain line per row otherwise — a log or CI keeps every row's outcome.
import { SingleBar } from 'cli-progress';
import type { CliIo } from './io.js';
import { writeLine } from './io.js';

export interface RowOutcome {
  line: number;
  kind: 'created' | 'updated' | 'skipped' | 'done-before' | 'failed' | 'in-doubt' | 'not-sent' | 'would-create' | 'would-update';
  id?: string;
  /** For failures: why, with the field when the gateway named one. */
  reason?: string;
  field?: string;
  /** For dry runs: the OCI-P commands the gateway would send. */
  commands?: string[];
}

export interface Progress {
  start(total: number): void;
  row(outcome: RowOutcome): void;
  stop(): void;
}

const DESCRIBE: Record<RowOutcome['kind'], string> = {
  created: 'created',
  updated: 'updated',
  skipped: 'skipped (exists; --update to change it)',
  'done-before': 'done in an earlier run (journal)',
  failed: 'FAILED',
  'in-doubt': 'IN DOUBT (sent, no answer)',
  'not-sent': 'NOT SENT (no connection)',
  'would-create': 'would create',
  'would-update': 'would update',
};

export function describeOutcome(outcome: RowOutcome): string {
  const id = outcome.id ? ` ${outcome.id}` : '';
  const why = outcome.reason ? `: ${outcome.field ? `field ${outcome.field}: ` : ''}${outcome.reason}` : '';
  const commands = outcome.commands ? ` [${outcome.commands.join(', ')}]` : '';
  return `line ${outcome.line}: ${DESCRIBE[outcome.kind]}${id}${commands}${why}`;
}

export function createProgress(io: CliIo, label: string): Progress {
  return io.stderr.isTTY ? barProgress(io, label) : lineProgress(io);
}

function lineProgress(io: CliIo): Progress {
  let total = 0;
  let count = 0;
  return {
    start: (rows) => {
      total = rows;
    },
    row: (outcome) => {
      count++;
      writeLine(io.stdout, `[${count}/${total}] ${describeOutcome(outcome)}`);
    },
    stop: () => undefined,
  };
}

function barProgress(io: CliIo, label: string): Progress {
  const bar = new SingleBar({
    stream: io.stderr,
    format: `${label} |{bar}| {value}/{total} rows | {rate} rows/s | ETA {eta_formatted} | {failed} failed`,
    hideCursor: true,
    clearOnComplete: false,
    etaBuffer: 50,
  });
  let started = 0;
  let failed = 0;
  let count = 0;
  const payload = () => ({ rate: ((count * 1000) / Math.max(1, performance.now() - started)).toFixed(1), failed });
  return {
    start: (total) => {
      started = performance.now();
      bar.start(total, 0, payload());
    },
    row: (outcome) => {
      count++;
      if (outcome.kind === 'failed' || outcome.kind === 'in-doubt' || outcome.kind === 'not-sent') failed++;
      bar.increment(1, payload());
    },
    stop: () => bar.stop(),
  };
}
