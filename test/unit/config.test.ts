// Settings: defaults, APIO_CONFIG file, environment overrides, and fail-fast validation naming the key.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../src/config/index.js';

test('defaults: embedded simulator, port 8080, simulator on 2208, APIO settings off', () => {
  const config = loadConfig({ env: {} });
  assert.equal(config.server.port, 8080);
  assert.equal(config.simulator.port, 2208);
  assert.equal(config.dataDir, './data');
  assert.equal(config.redisUrl, null);
  assert.equal(config.embeddedSimulator, true);
  assert.equal(config.AUTOMATIC_ID_RULES.SUID_INSTANT_GROUP_CALL_AUTO_GENERATE, false);
  assert.equal(config.AUTOMATIC_ID_RULES.SUID_INSTANT_GROUP_CALL_RULE, '{{group_id}}_igc{{RND_4}}@{{domain}}');
  assert.equal(config.GROUP_NUMBERS_USE_CC_CLI, false);
  assert.equal(config.SERVICE_USERS_RETURN_ACTIVE_STATUS, false);
  assert.ok(Object.isFrozen(config) && Object.isFrozen(config.ocip));
});

test('environment variables override the defaults', () => {
  const config = loadConfig({
    env: {
      PORT: '9090',
      SIMULATOR_PORT: '3308',
      DATA_DIR: '/tmp/apio-data',
      REDIS_URL: 'redis://127.0.0.1:6379',
      OCIP_URL: 'tls://bw.example.net:2209',
      OCIP_USERNAME: 'ocip-admin',
      OCIP_PASSWORD: 'secret',
    },
  });
  assert.equal(config.server.port, 9090);
  assert.equal(config.simulator.port, 3308);
  assert.equal(config.dataDir, '/tmp/apio-data');
  assert.equal(config.redisUrl, 'redis://127.0.0.1:6379');
  assert.equal(config.ocip.url, 'tls://bw.example.net:2209');
  assert.equal(config.embeddedSimulator, false);
});

test('an APIO settings block pasted into the APIO_CONFIG file applies unchanged', () => {
  const dir = mkdtempSync(join(tmpdir(), 'apio-config-'));
  const file = join(dir, 'settings.json');
  writeFileSync(
    file,
    JSON.stringify({
      AUTOMATIC_ID_RULES: {
        SUID_INSTANT_GROUP_CALL_AUTO_GENERATE: true,
        SUID_HUNT_GROUP_AUTO_GENERATE: true,
        SUID_HUNT_GROUP_RULE: '{{group_id}}_hg{{name}}@{{domain}}',
      },
      SERVICE_USERS_RETURN_ACTIVE_STATUS: true,
    }),
  );
  const config = loadConfig({ env: { APIO_CONFIG: file } });
  assert.equal(config.AUTOMATIC_ID_RULES.SUID_INSTANT_GROUP_CALL_AUTO_GENERATE, true);
  // The rest of the block is merged, not replaced.
  assert.equal(config.AUTOMATIC_ID_RULES.SUID_INSTANT_GROUP_CALL_RULE, '{{group_id}}_igc{{RND_4}}@{{domain}}');
  assert.equal(config.SERVICE_USERS_RETURN_ACTIVE_STATUS, true);
});

test('a bad value stops start-up with a message naming the key and its variable', () => {
  assert.throws(() => loadConfig({ env: { PORT: 'eighty' } }), (error: unknown) => {
    assert.ok(error instanceof ConfigError);
    assert.match(error.message, /server\.port \(PORT\)/);
    return true;
  });
  assert.throws(() => loadConfig({ env: { OCIP_URL: 'ftp://x' } }), /ocip\.url \(OCIP_URL\)/);
  assert.throws(() => loadConfig({ env: { OCIP_URL: 'tcp://bw:2208' } }), /OCIP_USERNAME and OCIP_PASSWORD are required/);
  assert.throws(() => loadConfig({ env: { APIO_CONFIG: '/nonexistent/settings.json' } }), /APIO_CONFIG.*cannot read/);
  assert.throws(
    () => loadConfig({ env: {}, overrides: { GROUP_NUMBERS_USE_CC_CLI: 'yes' } }),
    /GROUP_NUMBERS_USE_CC_CLI/,
  );
});
