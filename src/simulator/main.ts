// The standalone simulator (`npm run simulator`): the seed world on the configured host and port
// (SIMULATOR_PORT, default 2208; SOAP and the call lab on SIMULATOR_HTTP_PORT), persisted under DATA_DIR.
// Settings come from src/config, the only reader of the environment. `--seed FILE` chooses the seed
// and `--export-seed FILE` writes the world as a seed, then exits (seed-cli.ts).
import { resolve } from 'node:path';
import { loadConfig } from '../config/index.js';
import { createFileWorldStore, readSeedWorld, startSimulator } from './index.js';
import { exportSeed, parseSimulatorArgs, seedErrorMessage } from './seed-cli.js';

const config = loadConfig();
const args = parseSimulatorArgs(process.argv.slice(2), process.cwd());
const seed = await readSeedWorld(args.seed ?? resolve(config.rootDir, config.simulator.seedFile)).catch((error: unknown) => {
  console.error(seedErrorMessage(error));
  process.exit(1);
});
let store;
try {
  store = createFileWorldStore(resolve(config.rootDir, config.dataDir));
} catch (error) {
  // A damaged world file: the message names it and how to recover; nothing is reseeded.
  console.error(`start-up failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
const simulator = await startSimulator({
  host: config.simulator.host,
  // An export serves nothing: free ports, no HTTP.
  port: args.exportSeed ? 0 : config.simulator.port,
  httpPort: args.exportSeed ? null : config.simulator.httpPort,
  lab: config.simulator.lab,
  seed,
  store,
});

if (args.exportSeed) {
  const notes = await exportSeed(simulator.world, seed, args.exportSeed);
  await simulator.close();
  console.log(`world written as a seed to ${args.exportSeed}`);
  for (const note of notes) console.error(`note: ${note}`);
  process.exit(0);
}

const soap = simulator.httpPort === undefined ? '' : `, SOAP on http://${config.simulator.host}:${simulator.httpPort}/webservice/services/ProvisioningService`;
console.log(`BroadWorks OCI-P simulator on ${config.simulator.host}:${simulator.port}${soap}`);
if (simulator.httpPort !== undefined) console.log(`Call lab on http://${config.simulator.host}:${simulator.httpPort}/v1.0/ (events: /v1.0/events)`);

let stopping = false;
const stop = (signal: NodeJS.Signals): void => {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: stopping the simulator`);
  simulator.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
