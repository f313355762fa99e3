// SERVICE_USERS_UPDATE_ID_PHONE_NUMBER as APIO words it — the id follows the number for "phone
// numbers based service user ids": only an id the rule made from the old number follows, keeping its
// random digits and domain; a taken target is a 400 ALREADY_EXISTS found before anything changes.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { apioError, DOMAIN, igcUrl, instanceUrl, minimalBody, mutatingCommands, startAdapter } from '../support/adapter-harness.js';
import type { AdapterHarness } from '../support/adapter-harness.js';

const RULE = 'igc_{{country_code}}_{{national_no_0}}_{{RND_2}}@{{domain}}';

let h: AdapterHarness;
before(async () => {
  h = await startAdapter({ autoGenerate: true, rule: RULE, updateIdWithPhoneNumber: true });
});
after(() => h.close());
beforeEach(() => {
  h.roundTrips.length = 0;
});

const putNumber = (id: string, phoneNumber: string) => h.request.put(instanceUrl(id)).send({ serviceInstanceProfile: { phoneNumber } });

describe('which ids follow the number', () => {
  test('an id the rule made: the number parts change, its random digits and domain stay', async () => {
    const id = `igc_32_71112238_13@${DOMAIN}`;
    await h.request.post(igcUrl()).send(minimalBody(id, { phoneNumber: '+3271112238' })).expect(200);
    const response = await putNumber(id, '+3271112239');
    assert.equal(response.status, 200, response.text);
    assert.equal(response.body.serviceUserId, `igc_32_71112239_13@${DOMAIN}`);
    assert.equal(h.simulator.world.instantGroupCall(`igc_32_71112239_13@${DOMAIN}`)!.phoneNumber, '+3271112239');
    assert.equal(h.simulator.world.instantGroupCall(id), undefined);
  });

  test('a hand-picked id never changes; its number does', async () => {
    const id = `dnnat@${DOMAIN}`;
    await h.request.post(igcUrl()).send(minimalBody(id, { phoneNumber: '+3271112233' })).expect(200);
    h.roundTrips.length = 0;
    const response = await putNumber(id, '+3271123450');
    assert.equal(response.status, 200, response.text);
    assert.equal(response.body.serviceUserId, undefined);
    assert.equal(h.simulator.world.instantGroupCall(id)!.phoneNumber, '+3271123450');
    assert.deepEqual(mutatingCommands(h), ['GroupInstantGroupCallModifyInstanceRequest']);
  });

  test('an id the rule made from another number stays', async () => {
    const id = `igc_32_71112200_77@${DOMAIN}`;
    await h.request.post(igcUrl()).send(minimalBody(id, { phoneNumber: '+3271112234' })).expect(200);
    const response = await putNumber(id, '+3271112235');
    assert.equal(response.status, 200, response.text);
    assert.equal(response.body.serviceUserId, undefined);
    assert.equal(h.simulator.world.instantGroupCall(id)!.phoneNumber, '+3271112235');
  });
});

describe('a rename collision', () => {
  test('400 ALREADY_EXISTS (code 11), nothing sent that changes, the instance exactly as it was', async () => {
    const id = `igc_32_71112236_42@${DOMAIN}`;
    const target = `igc_32_71112237_42@${DOMAIN}`;
    await h.request.post(igcUrl()).send(minimalBody(id, { phoneNumber: '+3271112236' })).expect(200);
    await h.request.post(igcUrl()).send(minimalBody(target)).expect(200);
    const world = h.simulator.world.snapshot();
    h.roundTrips.length = 0;
    const response = await h.request.put(instanceUrl(id)).send({ serviceInstanceProfile: { name: 'Never', phoneNumber: '+3271112237' }, active: false });
    const error = apioError(response, 400, 'ALREADY_EXISTS');
    assert.equal(error.code, 11);
    assert.match(error.message, new RegExp(target.replace(/[.]/g, '\\.')));
    assert.deepEqual(mutatingCommands(h), []);
    assert.deepEqual(h.simulator.world.snapshot(), world);
  });

  test('the dry run finds the same collision and changes nothing', async () => {
    const id = `igc_32_71112236_42@${DOMAIN}`;
    const world = h.simulator.world.snapshot();
    apioError(await h.request.put(`${instanceUrl(id)}?dry_run=true`).send({ serviceInstanceProfile: { phoneNumber: '+3271112237' } }), 400, 'ALREADY_EXISTS');
    assert.deepEqual(h.simulator.world.snapshot(), world);
  });
});
