// The APIO settings of the Instant Group Call page, each on and off, through the real path:
// AUTOMATIC_ID_RULES (auto-generation, the rule, SERVICE_USERS_UPDATE_ID_PHONE_NUMBER),
// SERVICE_USERS_RETURN_ACTIVE_STATUS and GROUP_NUMBERS_USE_CC_CLI.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { GroupInstantGroupCallAddInstanceRequest14 } from '../../src/ocip/codec/index.js';
import type { CommandValue } from '../../src/ocip/codec/index.js';
import { command } from '../../src/ocip/client.js';
import { toListItems } from '../../src/services/instant-group-call/mapping.js';
import { toE164 } from '../../src/phone/index.js';
import { apioError, DOMAIN, GROUP, igcUrl, instanceUrl, minimalBody, startAdapter, TENANT } from '../support/adapter-harness.js';
import type { AdapterHarness } from '../support/adapter-harness.js';

const ADD = 'GroupInstantGroupCallAddInstanceRequest14';

/** A body without serviceUserId. */
function anonymousBody(profile: Record<string, unknown> = {}): Record<string, unknown> {
  const { serviceUserId: _omitted, ...body } = minimalBody('unused', profile);
  return body;
}

function addValue(serviceUserId: string): CommandValue<typeof GroupInstantGroupCallAddInstanceRequest14> {
  return {
    serviceProviderId: TENANT,
    groupId: GROUP,
    serviceUserId,
    serviceInstanceProfile: { name: 'Taken', callingLineIdLastName: 'T', callingLineIdFirstName: 'T' },
    isAnswerTimeoutEnabled: false,
  };
}

function addDocuments(h: AdapterHarness): number {
  return h.roundTrips.filter((event) => event.commandTypes.includes(ADD)).length;
}

describe('SUID_INSTANT_GROUP_CALL_AUTO_GENERATE', () => {
  test('off (the default) and no serviceUserId: 400 naming serviceUserId, nothing sent to BroadWorks', async () => {
    const h = await startAdapter();
    try {
      const error = apioError(await h.request.post(igcUrl()).send(anonymousBody()), 400, 'VALIDATION');
      assert.equal(error.details.errors['0']!.summary.startsWith('serviceUserId:'), true, JSON.stringify(error));
      assert.equal(addDocuments(h), 0);
      assert.equal(h.simulator.world.instantGroupCalls.size, 0);
    } finally {
      await h.close();
    }
  });

  test('on, with the default rule: {{group_id}}_igc{{RND_4}}@{{domain}}', async () => {
    const h = await startAdapter({ autoGenerate: true });
    try {
      const response = await h.request.post(igcUrl()).send(anonymousBody());
      assert.equal(response.status, 200, response.text);
      assert.match(response.body.serviceUserId, /^ApioGrpTest_igc\d{4}@sip\.netaxis\.be$/);
      assert.ok(h.simulator.world.instantGroupCall(response.body.serviceUserId));
      // The request's own id still wins over the rule.
      const own = await h.request.post(igcUrl()).send(minimalBody('own-id@sip.netaxis.be'));
      assert.equal(own.body.serviceUserId, 'own-id@sip.netaxis.be');
    } finally {
      await h.close();
    }
  });

  test('rules on the phone number: {{phone_number_e164}} and {{national_no_0}}, from a national input', async () => {
    const e164 = await startAdapter({ autoGenerate: true, rule: 'igc{{phone_number_e164}}@{{domain}}' });
    try {
      const response = await e164.request.post(igcUrl()).send(anonymousBody({ phoneNumber: '071 11 22 31' }));
      assert.equal(response.status, 200, response.text);
      assert.equal(response.body.serviceUserId, `igc+3271112231@${DOMAIN}`);
      assert.equal(e164.simulator.world.instantGroupCall(`igc+3271112231@${DOMAIN}`)!.phoneNumber, '+3271112231');
    } finally {
      await e164.close();
    }
    const national = await startAdapter({ autoGenerate: true, rule: '{{group_id}}_{{country_code}}_{{national_no_0}}@{{domain}}' });
    try {
      const response = await national.request.post(igcUrl()).send(anonymousBody({ phoneNumber: '+32 71 11 22 32' }));
      assert.equal(response.status, 200, response.text);
      assert.equal(response.body.serviceUserId, 'ApioGrpTest_32_71112232@sip.netaxis.be');
      // The rule needs a number: without one, a 400 names the field.
      const error = apioError(await national.request.post(igcUrl()).send(anonymousBody()), 400, 'VALIDATION');
      assert.match(error.details.errors['0']!.summary, /^serviceInstanceProfile\.phoneNumber: /);
    } finally {
      await national.close();
    }
  });

  test('a generated id BroadWorks already holds is generated again', async () => {
    const h = await startAdapter({ autoGenerate: true });
    try {
      // Two forced "already exists" first (summary only, as BroadWorks sends it), then a free id.
      const taken = { summary: '[Error 4200] User already exists: ApioGrpTest_igc0000@sip.netaxis.be' };
      h.simulator.faults.errorOnNext(ADD, taken);
      h.simulator.faults.errorOnNext(ADD, taken);
      const response = await h.request.post(igcUrl()).send(anonymousBody());
      assert.equal(response.status, 200, response.text);
      assert.equal(addDocuments(h), 3);
      assert.ok(h.simulator.world.instantGroupCall(response.body.serviceUserId));
    } finally {
      await h.close();
    }
  });

  test('every id of {{RND_1}} taken: ID_GENERATION_FAILED after a bounded number of attempts', async () => {
    const h = await startAdapter({ autoGenerate: true, rule: '{{group_id}}_igc{{RND_1}}@{{domain}}' });
    try {
      const ids = Array.from({ length: 10 }, (_, digit) => `ApioGrpTest_igc${digit}@${DOMAIN}`);
      const results = await h.client.executeBatch(ids.map((id) => command(GroupInstantGroupCallAddInstanceRequest14, addValue(id))));
      assert.ok(results.every((result) => result.ok));
      h.roundTrips.length = 0;
      const error = apioError(await h.request.post(igcUrl()).send(anonymousBody()), 500, 'ID_GENERATION_FAILED');
      assert.match(error.message, /RND_1/);
      assert.equal(addDocuments(h), 5);
      assert.equal(h.simulator.world.instantGroupCalls.size, 10);
    } finally {
      await h.close();
    }
  });

  test('a rule without random digits whose id is taken fails after one attempt', async () => {
    const h = await startAdapter({ autoGenerate: true, rule: '{{group_id}}_igc_fixed@{{domain}}' });
    try {
      await h.client.execute(GroupInstantGroupCallAddInstanceRequest14, addValue(`ApioGrpTest_igc_fixed@${DOMAIN}`));
      h.roundTrips.length = 0;
      apioError(await h.request.post(igcUrl()).send(anonymousBody()), 500, 'ID_GENERATION_FAILED');
      assert.equal(addDocuments(h), 1);
      assert.equal(h.simulator.world.instantGroupCall(`ApioGrpTest_igc_fixed@${DOMAIN}`)!.name, 'Taken');
    } finally {
      await h.close();
    }
  });

  test('a rule with an unknown placeholder stops start-up with a message naming it and the setting', async () => {
    await assert.rejects(startAdapter({ rule: '{{group_id}}_{{bogus_thing}}@{{domain}}' }), (error: Error) => {
      assert.match(error.message, /\{\{bogus_thing\}\}/);
      assert.match(error.message, /AUTOMATIC_ID_RULES\.SUID_INSTANT_GROUP_CALL_RULE/);
      return true;
    });
  });
});

describe('SERVICE_USERS_UPDATE_ID_PHONE_NUMBER', () => {
  const rule = '{{group_id}}_igc{{national_no_0}}@{{domain}}';
  const oldId = `ApioGrpTest_igc71112231@${DOMAIN}`;
  const newId = `ApioGrpTest_igc71112232@${DOMAIN}`;

  test('on, with a phone-based rule: a new number renames the instance', async () => {
    const h = await startAdapter({ autoGenerate: true, rule, updateIdWithPhoneNumber: true });
    try {
      const created = await h.request.post(igcUrl()).send(anonymousBody({ phoneNumber: '+3271112231' }));
      assert.equal(created.body.serviceUserId, oldId, created.text);
      const response = await h.request.put(instanceUrl(oldId)).send({ serviceInstanceProfile: { phoneNumber: '+32 71 11 22 32' } });
      assert.equal(response.status, 200, response.text);
      assert.equal(response.body.serviceUserId, newId);
      assert.equal(response.body.serviceInstanceProfile.phoneNumber, '+3271112232');
      assert.equal(h.simulator.world.instantGroupCall(oldId), undefined);
      assert.equal(h.simulator.world.instantGroupCall(newId)!.phoneNumber, '+3271112232');
      assert.equal((await h.request.get(instanceUrl(newId))).status, 200);
      apioError(await h.request.get(instanceUrl(oldId)), 404, 'NOT_FOUND');
      // The same number again changes nothing, and no id appears in the answer.
      const again = await h.request.put(instanceUrl(newId)).send({ serviceInstanceProfile: { phoneNumber: '+3271112232' } });
      assert.equal(again.status, 200, again.text);
      assert.equal(again.body.serviceUserId, undefined);
    } finally {
      await h.close();
    }
  });

  test('off: the number changes, the id does not', async () => {
    const h = await startAdapter({ autoGenerate: true, rule, updateIdWithPhoneNumber: false });
    try {
      await h.request.post(igcUrl()).send(anonymousBody({ phoneNumber: '+3271112231' })).expect(200);
      const response = await h.request.put(instanceUrl(oldId)).send({ serviceInstanceProfile: { phoneNumber: '+3271112232' } });
      assert.equal(response.status, 200, response.text);
      assert.equal(response.body.serviceUserId, undefined);
      assert.equal(h.simulator.world.instantGroupCall(oldId)!.phoneNumber, '+3271112232');
      assert.equal(h.simulator.world.instantGroupCall(newId), undefined);
    } finally {
      await h.close();
    }
  });
});

describe('SERVICE_USERS_RETURN_ACTIVE_STATUS', () => {
  for (const returnActive of [true, false]) {
    test(`${returnActive ? 'on' : 'off'}: GET, PUT and POST answers ${returnActive ? 'carry' : 'have no'} active`, async () => {
      const h = await startAdapter({ returnActive });
      try {
        const id = 'active-status@sip.netaxis.be';
        const created = await h.request.post(igcUrl()).send({ ...minimalBody(id), active: false });
        assert.equal(created.status, 200, created.text);
        assert.equal(h.simulator.world.instantGroupCall(id)!.isActive, false);
        const read = await h.request.get(instanceUrl(id));
        const updated = await h.request.put(instanceUrl(id)).send({ active: true });
        assert.equal(updated.status, 200, updated.text);
        assert.equal(h.simulator.world.instantGroupCall(id)!.isActive, true);
        if (returnActive) {
          assert.equal(created.body.active, false);
          assert.equal(read.body.active, false);
          assert.equal(updated.body.active, true);
        } else {
          for (const answer of [created, read, updated]) assert.equal('active' in answer.body, false, answer.text);
        }
      } finally {
        await h.close();
      }
    });
  }
});

describe('GROUP_NUMBERS_USE_CC_CLI', () => {
  const id = 'cc-cli@sip.netaxis.be';
  const results = new Map<boolean, AdapterHarness>();
  before(async () => {
    for (const useCcCli of [true, false]) {
      const h = await startAdapter({ useCcCli });
      await h.request.post(igcUrl()).send(minimalBody(id, { phoneNumber: '+3271112233' })).expect(200);
      results.set(useCcCli, h);
    }
  });
  after(() => Promise.all([...results.values()].map((h) => h.close())));

  test('with the E.164 numbers BroadWorks documents, on and off list the same', async () => {
    const on = await results.get(true)!.request.get(igcUrl());
    const off = await results.get(false)!.request.get(igcUrl());
    assert.equal(on.status, 200, on.text);
    assert.deepEqual(on.body, off.body);
    assert.equal(on.body.instantGroupCalls[0].phoneNumber, '+3271112233');
  });

  test('a number BroadWorks lists in national form: on reads it in the group CLI country, off leaves it', async () => {
    // The reported quirk, reproduced by storing the number as national digits (the list answers it verbatim).
    for (const h of results.values()) h.simulator.world.instantGroupCall(id)!.phoneNumber = '071112233';
    const on = await results.get(true)!.request.get(igcUrl());
    const off = await results.get(false)!.request.get(igcUrl());
    assert.equal(on.body.instantGroupCalls[0].phoneNumber, '+3271112233');
    assert.equal(off.body.instantGroupCalls[0].phoneNumber, '071112233');
  });
});

describe('GROUP_NUMBERS_USE_CC_CLI, the pure pieces', () => {
  test('toE164 reads national digits only when given the CLI country; E.164 with a dash is always read', () => {
    assert.equal(toE164('071112233', '32'), '+3271112233');
    assert.equal(toE164('071112233'), '071112233');
    assert.equal(toE164('+32-71112233'), '+3271112233');
    assert.equal(toE164('+32-71112233', '32'), '+3271112233');
  });

  test('toListItems formats the Phone Number column with the function it is given', () => {
    const table = {
      headings: ['Service User Id', 'Name', 'Phone Number', 'Extension', 'Department', 'Is Active'],
      rows: [{ 'Service User Id': 'a@d', Name: 'A', 'Phone Number': '071112233', Extension: '', Department: '', 'Is Active': 'true' }],
    };
    const [item] = toListItems(table, [], TENANT, GROUP, (number) => toE164(number, '32'));
    assert.deepEqual(item, { serviceUserId: 'a@d', name: 'A', phoneNumber: '+3271112233', extension: '' });
  });
});
