// The process entry: settings, startServer (src/server.ts, the composition root), the start-up
// banner, and a graceful stop on SIGINT/SIGTERM.
import { ConfigError, loadConfig } from './config/index.js';
import type { Config } from './config/index.js';
import { startServer } from './server.js';

async function main(config: Config): Promise<void> {
  const running = await startServer(config);
  console.log(`APIO adapter on ${running.url}/api/v1/`);
  if (running.simulator) {
    const { host } = config.simulator;
    console.log(`Embedded BroadWorks simulator: OCI-P on tcp://${host}:${running.simulator.port}` +
      (running.simulator.httpPort ? `, SOAP on http://${host}:${running.simulator.httpPort}/webservice/services/ProvisioningService` : ''));
    if (running.simulator.httpPort) console.log(`Call lab: http://${host}:${running.simulator.httpPort}/v1.0/groupcalls (events: /v1.0/events)`);
    console.log(`Seed world: tenant ApioSpTest, group ApioGrpTest, domain sip.netaxis.be; demo login admin / admin (demo only)`);
    console.log(`Log in: curl -X POST -H 'Content-Type: application/json' -d '{"username":"admin","password":"admin"}' ${running.url}/api/v01/auth/login`);
    console.log(`Try: curl -H "Authorization: Bearer <access_token>" ${running.url}/api/v1/tenants/ApioSpTest/groups/ApioGrpTest/services/instant_group_calls/`);
  } else {
    console.log(`BroadWorks: ${running.ocipUrl}`);
  }

  const stop = (signal: NodeJS.Signals): void => {
    console.log(`${signal}: stopping`);
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('shutdown failed:', error instanceof Error ? error.message : error);
        process.exit(1);
      },
    );
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
