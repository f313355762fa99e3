// OCI-P over TLS (port 2209 on a real system) on the simulator, with a throw-away self-signed
// certificate made by openssl; skipped where openssl is not installed.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GroupGetRequest22V5 } from '../../src/ocip/codec/index.js';
import { readSeedWorld, startSimulator } from '../../src/simulator/index.js';
import type { Simulator } from '../../src/simulator/index.js';
import { OcipTestClient, valueOf } from '../support/ocip-test-client.js';

function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const skip = hasOpenssl() ? false : 'openssl not installed';
let sim: Simulator | undefined;
let cert: Buffer;

before(async () => {
  if (skip) return;
  const dir = await mkdtemp(join(tmpdir(), 'sim-tls-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost',
      '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
    cert = await readFile(join(dir, 'cert.pem'));
    const key = await readFile(join(dir, 'key.pem'));
    sim = await startSimulator({ seed: await readSeedWorld(), tls: { port: 0, key, cert } });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
after(() => sim?.close());

test('LoginRequest22V5 and a lookup over TLS', { skip }, async () => {
  const client = await OcipTestClient.connect(sim!.tlsPort!, { tls: { ca: cert } });
  try {
    assert.equal(valueOf(await client.login22('groupadmin', 'admin')).loginType, 'Group');
    const group = valueOf(await client.send(GroupGetRequest22V5, { serviceProviderId: 'ApioSpTest', groupId: 'ApioGrpTest' }));
    assert.equal(group.defaultDomain, 'sip.netaxis.be');
    assert.equal(sim!.sessions().find((s) => s.sessionId === client.sessionId)?.transport, 'tls');
  } finally {
    await client.close();
  }
});
