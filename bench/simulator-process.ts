// Runs the simulator with the seed world in its own process, so a benchmark's client and server
// use separate cores. Prints "PORT <n>" when listening; stops on SIGTERM.
import { DEFAULT_SEED_WORLD_URL, readSeedWorld, startSimulator } from '../src/simulator/index.js';

const simulator = await startSimulator({ port: 0, seed: await readSeedWorld(DEFAULT_SEED_WORLD_URL) });
process.stdout.write(`PORT ${simulator.port}\n`);
process.once('SIGTERM', () => {
  void simulator.close().then(() => process.exit(0));
});
