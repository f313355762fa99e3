// OCIP_RELEASE and the simulator's SIMULATOR_RELEASE / SIMULATOR_ENCODING / idle time: read once by
// the config module, spelled as people write them, refused with the key named when wrong.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../../src/config/index.js';

test('defaults: the client learns the release, the simulator plays R25 in ISO-8859-1', () => {
  const config = loadConfig({ env: {} });
  assert.equal(config.ocip.release, 'auto');
  assert.equal(config.simulator.release, 'R25');
  assert.equal(config.simulator.encoding, 'ISO-8859-1');
  assert.equal(config.simulator.sessionIdleTimeoutMs, 1_800_000);
});

test('21, r22 and R24 all name a release', () => {
  const config = loadConfig({ env: { OCIP_RELEASE: '21', SIMULATOR_RELEASE: 'r22', SIMULATOR_ENCODING: 'windows-1252', SIMULATOR_SESSION_IDLE_TIMEOUT_MS: '60000' } });
  assert.equal(config.ocip.release, 'R21');
  assert.equal(config.simulator.release, 'R22');
  assert.equal(config.simulator.encoding, 'windows-1252');
  assert.equal(config.simulator.sessionIdleTimeoutMs, 60_000);
  assert.equal(loadConfig({ env: { OCIP_RELEASE: 'R24' } }).ocip.release, 'R24');
});

test('a release without a profile, or an encoding the simulator cannot write, is refused naming the key', () => {
  assert.throws(() => loadConfig({ env: { OCIP_RELEASE: '23' } }), /ocip\.release \(OCIP_RELEASE\)/);
  assert.throws(() => loadConfig({ env: { SIMULATOR_RELEASE: 'auto' } }), /simulator\.release \(SIMULATOR_RELEASE\)/);
  assert.throws(() => loadConfig({ env: { SIMULATOR_ENCODING: 'EBCDIC' } }), /simulator\.encoding \(SIMULATOR_ENCODING\)/);
});
