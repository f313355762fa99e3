// ?dry_run=true on every mutating route: validated, ids and numbers derived, and answered with the
// OCI-P documents that would be sent (passwords masked) — while BroadWorks (the simulator's world)
// stays exactly as it was and no mutating command reaches it. Errors are the real ones.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { activeUrl, GROUP, igcUrl, instanceUrl, minimalBody, mutatingCommands, SEED_ID, seedPostBody, startAdapter, TENANT, apioError } from '../support/adapter-harness.js';
import type { AdapterHarness } from '../support/adapter-harness.js';

interface DryRunBody {
  dryRun: true;
  serviceUserId?: string;
  documents: Array<{ commands: string[]; xml: string; refused?: string }>;
  readCommandsSent: string[];
}

const EXISTING = 'dry-existing@sip.netaxis.be';

describe('?dry_run=true', () => {
  let adapter: AdapterHarness;
  let worldBefore: unknown;

  before(async () => {
    adapter = await startAdapter({ autoGenerate: true, rule: '{{group_id}}_igc{{RND_4}}@{{domain}}' });
    await adapter.request.post(igcUrl()).send(minimalBody(EXISTING, { phoneNumber: '+3271112232' })).expect(200);
  });
  after(async () => {
    await adapter.close();
  });
  beforeEach(() => {
    worldBefore = adapter.simulator.world.snapshot();
    adapter.roundTrips.length = 0;
  });

  /** Nothing changed in BroadWorks, and nothing that could change it was sent. */
  function assertUnchanged(): void {
    assert.deepEqual(adapter.simulator.world.snapshot(), worldBefore);
    assert.deepEqual(mutatingCommands(adapter), []);
  }

  test('POST: validates, derives the numbers, and answers the Add document with the password masked', async () => {
    const body = seedPostBody({
      serviceInstanceProfile: { ...(seedPostBody().serviceInstanceProfile as object), phoneNumber: '071 11 22 33', password: 'Sup3r-S3cret' },
      destinationPhoneNumbers: ['071 12 34 56', 'ext@sip.example.com'],
    });
    const response = await adapter.request.post(`${igcUrl()}?dry_run=true`).send(body).expect(200);
    const answer = response.body as DryRunBody;
    assert.equal(answer.dryRun, true);
    assert.equal(answer.serviceUserId, SEED_ID);
    assert.deepEqual(answer.documents.map((document) => document.commands), [
      ['GroupInstantGroupCallAddInstanceRequest14', 'GroupInstantGroupCallGetInstanceRequest19sp1', 'GroupInstantGroupCallGetInstanceListRequest'],
    ]);
    const xml = answer.documents[0]!.xml;
    assert.match(xml, /^<\?xml version="1\.0" encoding="[\w-]+"\?>\s*<BroadsoftDocument protocol="OCI"/);
    assert.match(xml, /<phoneNumber>\+32-71112233<\/phoneNumber>/, 'the DN as BroadWorks takes it');
    assert.match(xml, /<destinationPhoneNumber>\+3271123456<\/destinationPhoneNumber>/, 'destinations in E.164');
    assert.match(xml, /<department xsi:type="GroupDepartmentKey">/);
    assert.match(xml, /<password>\*\*\*\*\*<\/password>/);
    assert.doesNotMatch(response.text, /Sup3r-S3cret/);
    // The group's data was read from BroadWorks; nothing else was sent.
    assert.ok(answer.readCommandsSent.every((name) => /Get/.test(name)), answer.readCommandsSent.join());
    assertUnchanged();
  });

  test('POST without an id: the id the rule derives, checked against BroadWorks, on both prefixes', async () => {
    for (const prefix of ['/api/v1', '/api/v01/p1'] as const) {
      const { serviceUserId: _omitted, ...body } = minimalBody('ignored');
      const answer = (await adapter.request.post(`${igcUrl(prefix)}?dry_run=true`).send(body).expect(200)).body as DryRunBody;
      assert.match(answer.serviceUserId ?? '', /^ApioGrpTest_igc\d{4}@sip\.netaxis\.be$/);
      assert.match(answer.documents[0]!.xml, new RegExp(`<serviceUserId>${answer.serviceUserId}</serviceUserId>`));
      assert.ok(answer.readCommandsSent.includes('GroupInstantGroupCallGetInstanceRequest19sp1'), 'the existence check');
    }
    assertUnchanged();
  });

  test('POST errors are the real ones: a bad body is a 400, an existing id ALREADY_EXISTS', async () => {
    const invalid = await adapter.request.post(`${igcUrl()}?dry_run=true`).send({ serviceInstanceProfile: { name: 'x'.repeat(31) } });
    apioError(invalid, 400, 'VALIDATION');
    const existing = await adapter.request.post(`${igcUrl()}?dry_run=true`).send(minimalBody(EXISTING));
    apioError(existing, 400, 'ALREADY_EXISTS');
    assertUnchanged();
  });

  test('PUT: the Modify and the active status, each its own document, with the read-back', async () => {
    const body = { serviceInstanceProfile: { name: 'Renamed', phoneNumber: '+32 71 11 22 34' }, destinationPhoneNumbers: [], active: false };
    const answer = (await adapter.request.put(`${instanceUrl(EXISTING)}?dry_run=true`).send(body).expect(200)).body as DryRunBody;
    assert.deepEqual(answer.documents.map((document) => document.commands), [
      ['GroupInstantGroupCallModifyInstanceRequest'],
      ['GroupInstantGroupCallModifyActiveInstanceListRequest', 'GroupInstantGroupCallGetInstanceRequest19sp1', 'GroupInstantGroupCallGetInstanceListRequest'],
    ]);
    assert.match(answer.documents[0]!.xml, /<name>Renamed<\/name>/);
    assert.match(answer.documents[0]!.xml, /<phoneNumber>\+32-71112234<\/phoneNumber>/);
    assert.match(answer.documents[1]!.xml, /<isActive>false<\/isActive>/);
    assertUnchanged();
    // Without dry_run the same request changes it (the dry run was the real request, minus sending).
    await adapter.request.put(`${instanceUrl(EXISTING)}?dry_run=false`).send({ serviceInstanceProfile: { name: 'Really' } }).expect(200);
    assert.equal(adapter.simulator.world.instantGroupCalls.get(EXISTING)?.name, 'Really');
  });

  test('DELETE: the Delete document; an unknown id is the real 404', async () => {
    const answer = (await adapter.request.delete(`${instanceUrl(EXISTING)}?dry_run=true`).expect(200)).body as DryRunBody;
    assert.deepEqual(answer.documents.map((document) => document.commands), [['GroupInstantGroupCallDeleteInstanceRequest']]);
    // The membership check is the one read it sends (an exact search, not the group's list).
    assert.deepEqual(answer.readCommandsSent, ['UserGetServiceInstanceListInServiceProviderRequest']);
    apioError(await adapter.request.delete(`${instanceUrl('nobody@sip.netaxis.be')}?dry_run=true`), 404, 'NOT_FOUND');
    assertUnchanged();
  });

  test('PUT instant_group_calls_active/: one ModifyActiveInstanceList document', async () => {
    const body = { services: [{ serviceUserId: EXISTING, active: false }] };
    const answer = (await adapter.request.put(`${activeUrl()}?dry_run=true`).send(body).expect(200)).body as DryRunBody;
    assert.deepEqual(answer.documents.map((document) => document.commands), [['GroupInstantGroupCallModifyActiveInstanceListRequest']]);
    assert.match(answer.documents[0]!.xml, new RegExp(`<serviceUserId>${EXISTING}</serviceUserId>\\s*<isActive>false</isActive>`));
    apioError(await adapter.request.put(`${activeUrl()}?dry_run=true`).send({ services: [{ serviceUserId: 'nobody@sip.netaxis.be', active: true }] }), 404);
    assertUnchanged();
  });

  test('dry_run must be true or false', async () => {
    const error = apioError(await adapter.request.delete(`${instanceUrl(EXISTING)}?dry_run=maybe`), 400, 'VALIDATION');
    assert.deepEqual(error.details.problems, [{ path: 'dry_run', message: 'must be true or false' }]);
    assertUnchanged();
  });

  test('the OpenAPI document declares dry_run on every mutating operation', async () => {
    const document = (await adapter.request.get('/api/v1/openapi.json').expect(200)).body as { paths: Record<string, Record<string, { parameters?: Array<{ name: string }> }>> };
    const operations = Object.entries(document.paths)
      .filter(([path]) => path.includes('/instant_group_calls'))
      .flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ key: `${method} ${path}`, method, operation })));
    for (const { key, method, operation } of operations) {
      const declared = (operation.parameters ?? []).some((parameter) => parameter.name === 'dry_run');
      assert.equal(declared, method !== 'get', key);
    }
    assert.equal(TENANT, 'ApioSpTest');
    assert.equal(GROUP, 'ApioGrpTest');
  });
});

describe('?dry_run=true with the id following the phone number', () => {
  let adapter: AdapterHarness;
  before(async () => {
    adapter = await startAdapter({ autoGenerate: true, rule: '{{phone_number_e164}}@{{domain}}', updateIdWithPhoneNumber: true });
    await adapter.request.post(igcUrl()).send(minimalBody('+3271112235@sip.netaxis.be', { phoneNumber: '+3271112235' })).expect(200);
  });
  after(async () => {
    await adapter.close();
  });

  test('PUT with a new number answers the rename to the derived id, and renames nothing', async () => {
    const worldBefore = adapter.simulator.world.snapshot();
    adapter.roundTrips.length = 0;
    const body = { serviceInstanceProfile: { phoneNumber: '+3271112236' } };
    const answer = (await adapter.request.put(`${instanceUrl('+3271112235@sip.netaxis.be')}?dry_run=true`).send(body).expect(200)).body as DryRunBody;
    assert.equal(answer.serviceUserId, '+3271112236@sip.netaxis.be');
    assert.deepEqual(answer.documents.map((document) => document.commands.join(' ')), [
      'GroupInstantGroupCallModifyInstanceRequest',
      'UserModifyUserIdRequest GroupInstantGroupCallGetInstanceRequest19sp1 GroupInstantGroupCallGetInstanceListRequest',
    ]);
    assert.match(answer.documents[1]!.xml, /<newUserId>\+3271112236@sip\.netaxis\.be<\/newUserId>/);
    assert.deepEqual(adapter.simulator.world.snapshot(), worldBefore);
    assert.deepEqual(mutatingCommands(adapter), []);
  });
});

describe('?dry_run=true when every id the rule can give is taken', () => {
  let adapter: AdapterHarness;
  before(async () => {
    adapter = await startAdapter({ autoGenerate: true, rule: '{{group_id}}_igc{{RND_1}}@{{domain}}' });
    for (let digit = 0; digit < 10; digit++) {
      await adapter.request.post(igcUrl()).send(minimalBody(`ApioGrpTest_igc${digit}@sip.netaxis.be`)).expect(200);
    }
  });
  after(async () => {
    await adapter.close();
  });

  test('the existence checks refuse each drawn id as BroadWorks would, and the answer is the real ID_GENERATION_FAILED', async () => {
    const worldBefore = adapter.simulator.world.snapshot();
    adapter.roundTrips.length = 0;
    const { serviceUserId: _omitted, ...body } = minimalBody('ignored');
    apioError(await adapter.request.post(`${igcUrl()}?dry_run=true`).send(body), 500, 'ID_GENERATION_FAILED');
    assert.deepEqual(adapter.simulator.world.snapshot(), worldBefore);
    assert.deepEqual(mutatingCommands(adapter), []);
    const checks = adapter.roundTrips.flatMap((event) => event.commandTypes).filter((type) => type === 'GroupInstantGroupCallGetInstanceRequest19sp1');
    assert.equal(checks.length, 5, 'one existence check per attempt');
  });
});
