// The composition root: settings, store, OCI-P client (to the embedded simulator unless
// OCIP_URL names a BroadWorks), the app, listen, and a clean stop on SIGINT/SIGTERM.
import { resolve } from 'node:path';
import { createApp } from './app.js';
import { ConfigError, loadConfig } from './config/index.js';
import type { Config } from './config/index.js';
import { createInstantGroupCallDeps } from './domain/instant-group-call/index.js';
import { createOcipClient } from './ocip/index.js';
import { createFileWorldStore, readSeedWorld, startSimulator } from './simulator/index.js';
import type { Simulator } from './simulator/index.js';
import { createStore } from './store/index.js';

/** The demo login of the seed world (README: demo only). */
const SEED_ADMIN = { userId: 'admin', password: 'admin' };

async function main(config: Config): Promise<void> {
  const dataDir = resolve(config.rootDir, config.dataDir);
  let simulator: Simulator | undefined;
  let ocipUrl = config.ocip.url;
  // With the embedded simulator, the seed's system admin unless OCIP_USERNAME/PASSWORD say otherwise.
  const credentials = { userId: config.ocip.username ?? SEED_ADMIN.userId, password: config.ocip.password ?? SEED_ADMIN.password };
  if (config.embeddedSimulator) {
    simulator = await startSimulator({
      host: config.simulator.host,
      port: config.simulator.port,
      httpPort: config.simulator.httpPort,
      seed: await readSeedWorld(resolve(config.rootDir, config.simulator.seedFile)),
      store: createFileWorldStore(dataDir),
    });
    ocipUrl = `tcp://${config.simulator.host}:${simulator.port}`;
  }

  const ocip = createOcipClient({
    url: ocipUrl!,
    userId: credentials.userId,
    password: credentials.password,
    poolSize: config.ocip.poolSize,
    connectTimeoutMs: config.ocip.connectTimeoutMs,
    requestTimeoutMs: config.ocip.requestTimeoutMs,
    acquireTimeoutMs: config.ocip.acquireTimeoutMs,
    idleTimeoutMs: config.ocip.idleTimeoutMs,
    tls: { rejectUnauthorized: config.ocip.tlsRejectUnauthorized },
  });
  const store = config.redisUrl
    ? createStore({ kind: 'redis', redisUrl: config.redisUrl })
    : createStore({ kind: 'file', dataDir });
  const app = createApp({
    instantGroupCalls: createInstantGroupCallDeps(config, ocip, store),
  });

  const server = app.listen(config.server.port, config.server.host);
  await new Promise<void>((ready, fail) => server.once('listening', ready).once('error', fail));
  const shownHost = config.server.host === '0.0.0.0' ? '127.0.0.1' : config.server.host;
  console.log(`APIO adapter on http://${shownHost}:${config.server.port}/api/v1/`);
  if (simulator) {
    console.log(`Embedded BroadWorks simulator: OCI-P on tcp://${config.simulator.host}:${simulator.port}` +
      (simulator.httpPort ? `, SOAP on http://${config.simulator.host}:${simulator.httpPort}/webservice/services/ProvisioningService` : ''));
    console.log(`Seed world: tenant ApioSpTest, group ApioGrpTest, domain sip.netaxis.be; demo login admin / admin (demo only)`);
    console.log(`Try: curl http://${shownHost}:${config.server.port}/api/v1/tenants/ApioSpTest/groups/ApioGrpTest/services/instant_group_calls/`);
  } else {
    console.log(`BroadWorks: ${ocipUrl}`);
  }

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping`);
    server.close();
    server.closeAllConnections?.();
    Promise.allSettled([ocip.close(), store.disconnect(), simulator?.close()]).then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

try {
  await main(loadConfig());
} catch (error) {
  // A bad setting, rule or template stops start-up with a message that names it, no stack.
  console.error(error instanceof ConfigError || error instanceof Error ? `start-up failed: ${error.message}` : error);
  process.exit(1);
}
