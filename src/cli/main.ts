// The `apio-igc` process: runs the command line and exits with its status. The first Ctrl-C stops
// an import from starting rows (those in flight finish, the journal is exact, the summary prints);
// a second one exits at once — rows in flight are then in doubt, and the next run settles them.
import { processIo } from './io.js';
import { runCli } from './program.js';

const interrupt = new AbortController();
process.on('SIGINT', () => {
  if (interrupt.signal.aborted) process.exit(130);
  interrupt.abort();
  process.stderr.write('\ninterrupted: finishing the rows in flight (Ctrl-C again to stop at once)\n');
});

try {
  process.exitCode = await runCli(process.argv.slice(2), processIo(interrupt.signal));
} catch (error) {
  // A bug, not a user error: say so without dumping request bodies.
  process.stderr.write(`apio-igc: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 2;
}
