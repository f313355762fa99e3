// The Instant Group Call suite against a simulator playing each BroadWorks release (R21, R22, R24,
// R25), over TCP and over TLS, through the adapter's HTTP API: list, create, read, modify, active,
// delete. The client is not told the release: it learns it at login, then speaks that release's
// commands (the login variant, the group read), and every document it sent validates against that
// release's own schema (../shared/ocip-schema-releases, R25 in ../shared/ocip-schema).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { RELEASE_PROFILES, RELEASES, releaseProblem } from '../../src/ocip/codec/index.js';
import type { Release } from '../../src/ocip/codec/index.js';
import type { TraceEvent } from '../../src/ocip/session/index.js';
import { activeUrl, igcUrl, instanceUrl, startAdapter } from '../support/adapter-harness.js';
import type { AdapterHarness } from '../support/adapter-harness.js';
import { schemaAvailability, validateDocuments } from '../support/xsd.js';

/** What each release must be spoken to with: the one-step login over TLS (R21 has none) and the group read. */
const EXPECTED: Record<Release, { tlsLogin: string; groupRead: string }> = {
  R21: { tlsLogin: 'LoginRequest14sp4', groupRead: 'GroupGetRequest14sp7' },
  R22: { tlsLogin: 'LoginRequest22V4', groupRead: 'GroupGetRequest22V5' },
  R24: { tlsLogin: 'LoginRequest22V5', groupRead: 'GroupGetRequest22V5' },
  R25: { tlsLogin: 'LoginRequest22V5', groupRead: 'GroupGetRequest22V5' },
};

for (const release of RELEASES) {
  for (const transport of ['tcp', 'tls'] as const) {
    describe(`Instant Group Call against BroadWorks ${release} over ${transport}`, () => {
      let h: AdapterHarness;
      const sent: TraceEvent[] = [];
      before(async () => {
        h = await startAdapter(
          { autoGenerate: true, rule: '{{group_id}}_igc{{RND_4}}@{{domain}}', returnActive: true },
          { backend: { release, transport, onTrace: (event) => event.direction === 'out' && sent.push(event) } },
        );
      });
      after(() => h.close());

      let serviceUserId = '';

      test('create (the id derived from the group read), read, list', async () => {
        const created = await h.request.post(igcUrl()).send({
          serviceInstanceProfile: { name: 'Release łódź €', cliFirstName: 'Zażółć', cliLastName: 'Gęślą' },
          answerTimeoutEnabled: true,
          answerTimeoutMinutes: 7,
          destinationPhoneNumbers: ['+3271123456'],
        });
        assert.equal(created.status, 200, created.text);
        serviceUserId = created.body.serviceUserId;
        assert.match(serviceUserId, /^ApioGrpTest_igc\d{4}@/);
        assert.equal(h.client.release, release, 'the client learned the release at login');

        const read = await h.request.get(instanceUrl(serviceUserId));
        assert.equal(read.status, 200, read.text);
        assert.equal(read.body.serviceInstanceProfile.name, 'Release łódź €');
        assert.equal(read.body.serviceInstanceProfile.cliLastName, 'Gęślą');
        assert.equal(read.body.answerTimeoutMinutes, 7);

        const list = await h.request.get(igcUrl());
        assert.equal(list.status, 200, list.text);
        const row = list.body.instantGroupCalls.find((entry: { serviceUserId: string }) => entry.serviceUserId === serviceUserId);
        assert.equal(row?.name, 'Release łódź €');
      });

      test('modify, active, delete', async () => {
        const modified = await h.request.put(instanceUrl(serviceUserId)).send({ serviceInstanceProfile: { name: 'Renamed' }, destinationPhoneNumbers: [] });
        assert.equal(modified.status, 200, modified.text);
        assert.equal(h.simulator.world.instantGroupCall(serviceUserId)?.name, 'Renamed');
        assert.deepEqual(h.simulator.world.instantGroupCall(serviceUserId)?.destinations, []);

        const active = await h.request.put(activeUrl()).send({ services: [{ serviceUserId, active: false }] });
        assert.equal(active.status, 200, active.text);
        assert.equal(h.simulator.world.instantGroupCall(serviceUserId)?.isActive, false);

        const deleted = await h.request.delete(instanceUrl(serviceUserId));
        assert.equal(deleted.status, 200, deleted.text);
        assert.equal((await h.request.get(instanceUrl(serviceUserId))).status, 404);
      });

      test(`the client spoke ${release}'s commands`, () => {
        const types = sent.flatMap((event) => event.commandTypes);
        const login = transport === 'tls' ? EXPECTED[release].tlsLogin : 'LoginRequest14sp4';
        assert.ok(types.includes(login), `${login} in ${types.join(', ')}`);
        assert.ok(types.includes(EXPECTED[release].groupRead), `${EXPECTED[release].groupRead} in ${types.join(', ')}`);
        assert.ok(!types.includes('GroupGet'), 'the release-neutral request never reaches the wire');
      });

      const availability = schemaAvailability(release);
      test(`every document sent validates against the ${release} schema`, { skip: availability.ok ? false : availability.reason }, async () => {
        // Before the release is known, a login over TLS tries the one-step logins newest first; the
        // ones this release lacks are answered 6004 and are the only documents outside its schema.
        const profile = RELEASE_PROFILES[release];
        const probes = sent.filter((event) => event.commandTypes.some((type) => releaseProblem(profile, type, undefined) !== undefined));
        assert.ok(probes.every((event) => /^LoginRequest22V[45]$/.test(event.commandTypes[0]!)), 'only login probes fall outside the release');
        const checked = sent.filter((event) => !probes.includes(event));
        // Passwords are masked in traces (*****), which every password type still accepts.
        const results = await validateDocuments(checked.map((event) => event.xml), release);
        const invalid = results.flatMap((result, i) => (result.valid ? [] : [`${checked[i]!.commandTypes.join(',')}: ${result.errors.join(' | ')}`]));
        assert.deepEqual(invalid, []);
        assert.ok(results.length >= 8);
      });
    });
  }
}
