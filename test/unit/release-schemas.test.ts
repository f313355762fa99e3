// The release profiles against the releases' own schemas (R21, R22, R24 in ../shared/ocip-schema-releases,
// R25 in ../shared/ocip-schema), both ways: every sample request a profile lets through validates against
// that release's schema, and every one it refuses, that schema refuses too. And what the session sends
// for each release-neutral request, and the login each release is spoken to with, validate there.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  encodeDocument,
  GroupGet,
  LoginRequest14sp4,
  parseRelease,
  portableRequests,
  RELEASE_PROFILES,
  RELEASES,
  releaseOfVersion,
  releaseProblem,
} from '../../src/ocip/codec/index.js';
import type { OutgoingCommand, Release } from '../../src/ocip/codec/index.js';
import { OcipEncodeError } from '../../src/ocip/errors.js';
import { toRelease } from '../../src/ocip/session/release.js';
import { encodeSample } from '../support/golden.js';
import { GROUP, SAMPLE_SESSION_ID, SP, sampleCommands } from '../support/sample-commands.js';
import { schemaAvailability, validateDocuments } from '../support/xsd.js';
import type { ValidationResult } from '../support/xsd.js';

const documentOf = (commands: readonly OutgoingCommand[]) => encodeDocument({ sessionId: SAMPLE_SESSION_ID, commands });

/** Per release: each sample's wire text and whether the profile lets it through. */
function plan(release: Release) {
  const profile = RELEASE_PROFILES[release];
  const samples = sampleCommands.map((sample) => ({ sample, allowed: releaseProblem(profile, sample.spec.name, sample.value) === undefined }));
  const neutral = portableRequests.map((spec) => documentOf(toRelease(profile, [{ spec, value: { serviceProviderId: SP, groupId: GROUP } }])));
  const login = documentOf([
    profile.plainLogin
      ? { spec: profile.plainLogin, value: { userId: 'apio.admin', password: 'Tr0ub4dor&3' } }
      : { spec: LoginRequest14sp4, value: { userId: 'apio.admin', signedPassword: '0123456789abcdef0123456789abcdef' } },
  ]);
  return { samples, docs: [...samples.map(({ sample }) => encodeSample(sample)), ...neutral, login] };
}

for (const release of RELEASES) {
  const availability = schemaAvailability(release);
  const skip = availability.ok ? false : availability.reason;
  describe(`BroadWorks ${release}`, () => {
    const { samples, docs } = plan(release);
    let results: ValidationResult[] = [];
    before(async () => {
      if (availability.ok) results = await validateDocuments(docs, release);
    });

    test('every request the profile lets through validates against the release schema', { skip }, () => {
      const invalid = samples.flatMap(({ sample, allowed }, i) => (allowed && !results[i]!.valid ? [`${sample.label}: ${results[i]!.errors.join(' | ')}`] : []));
      assert.deepEqual(invalid, []);
    });

    test('every request the profile refuses, the release schema refuses too', { skip }, () => {
      const accepted = samples.flatMap(({ sample, allowed }, i) => (!allowed && results[i]!.valid ? [sample.label] : []));
      assert.deepEqual(accepted, [], 'the profile refuses what the schema accepts: the table is wrong');
    });

    test('the release-neutral requests and the login, as this release names them, validate', { skip }, () => {
      const tail = results.slice(samples.length);
      assert.equal(tail.length, portableRequests.length + 1);
      tail.forEach((result, i) => assert.ok(result.valid, `${i < portableRequests.length ? portableRequests[i]!.name : 'login'}: ${result.errors.join(' | ')}`));
    });

    test('the session refuses, before sending, a command the release lacks', () => {
      for (const { sample, allowed } of samples) {
        const attempt = () => toRelease(RELEASE_PROFILES[release], [{ spec: sample.spec, value: sample.value }]);
        if (allowed) attempt();
        else assert.throws(attempt, OcipEncodeError, sample.label);
      }
    });
  });
}

describe('release names and versions', () => {
  test('every profile translates every release-neutral request', () => {
    for (const release of RELEASES) for (const spec of portableRequests) assert.ok(RELEASE_PROFILES[release].translations.has(spec.name), `${release} ${spec.name}`);
  });

  test('a release-neutral request never reaches the encoder untranslated', () => {
    assert.throws(() => documentOf([{ spec: GroupGet, value: { serviceProviderId: SP, groupId: GROUP } }]), OcipEncodeError);
  });

  test('OCIP_RELEASE spellings and SystemSoftwareVersionGetResponse versions', () => {
    assert.equal(parseRelease('21'), 'R21');
    assert.equal(parseRelease('r22'), 'R22');
    assert.equal(parseRelease('R24'), 'R24');
    assert.equal(parseRelease('23'), undefined);
    assert.equal(releaseOfVersion('21.sp1_1.551'), 'R21');
    assert.equal(releaseOfVersion('22.0_1.1123'), 'R22');
    assert.equal(releaseOfVersion('23.0_1.1075'), 'R22', 'R23 speaks as R22: no public R23 schema');
    assert.equal(releaseOfVersion('24.0_1.944'), 'R24');
    assert.equal(releaseOfVersion('25.0_1.1084'), 'R25');
    assert.equal(releaseOfVersion('26.0_1.1'), 'R25');
    assert.equal(releaseOfVersion('20.sp1_1.606'), 'R21');
    assert.equal(releaseOfVersion('unknown'), undefined);
  });
});
