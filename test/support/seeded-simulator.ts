// Test support: one seeded simulator per test file, with raw OCI-P test clients that are closed
// (and faults reset) after every test. Registers the file's before/afterEach/after hooks.
import { after, afterEach, before } from 'node:test';
import { readSeedWorld, startSimulator } from '../../src/simulator/index.js';
import type { Simulator } from '../../src/simulator/index.js';
import { OcipTestClient, valueOf } from './ocip-test-client.js';

export interface SeededSimulator {
  /** The running simulator (available once the file's `before` hook has run). */
  readonly sim: Simulator;
  /** A connected client, not logged in. */
  connect(): Promise<OcipTestClient>;
  /** A client logged in with LoginRequest22V5 (the seed's demo password by default). */
  loggedIn(userId: string, password?: string): Promise<OcipTestClient>;
}

export function useSeededSimulator(): SeededSimulator {
  let simulator: Simulator | undefined;
  const clients: OcipTestClient[] = [];
  before(async () => {
    simulator = await startSimulator({ seed: await readSeedWorld() });
  });
  afterEach(async () => {
    simulator?.faults.reset();
    await Promise.all(clients.splice(0).map((client) => client.close()));
  });
  after(() => simulator?.close());

  const fixture: SeededSimulator = {
    get sim() {
      if (!simulator) throw new Error('the simulator starts in the before hook');
      return simulator;
    },
    async connect() {
      const client = await OcipTestClient.connect(fixture.sim.port);
      clients.push(client);
      return client;
    },
    async loggedIn(userId, password = 'admin') {
      const client = await fixture.connect();
      valueOf(await client.login22(userId, password));
      return client;
    },
  };
  return fixture;
}
