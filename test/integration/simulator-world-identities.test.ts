// The simulator says no where BroadWorks says no (src/simulator/world/identities.ts cites the rules):
// SIP aliases are unique system-wide and never a user id; the language and the network class of
// service must exist on the system; a user id holds only the characters of a SIP URI user part.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { GroupInstantGroupCallAddInstanceRequest14, GroupInstantGroupCallModifyInstanceRequest, UserModifyUserIdRequest } from '../../src/ocip/codec/index.js';
import type { CommandValue } from '../../src/ocip/codec/index.js';
import { SIM_ERRORS } from '../../src/simulator/index.js';
import { errorCodeOf } from '../support/ocip-test-client.js';
import { useSeededSimulator } from '../support/seeded-simulator.js';

const seeded = useSeededSimulator();
const DOMAIN = 'sip.netaxis.be';
type AddValue = CommandValue<typeof GroupInstantGroupCallAddInstanceRequest14>;

function instance(user: string, profile: Partial<AddValue['serviceInstanceProfile']> = {}, extra: Partial<AddValue> = {}): AddValue {
  return {
    serviceProviderId: 'ApioSpTest',
    groupId: 'ApioGrpTest',
    serviceUserId: `${user}@${DOMAIN}`,
    serviceInstanceProfile: { name: user.slice(0, 30), callingLineIdLastName: 'L', callingLineIdFirstName: 'F', ...profile },
    isAnswerTimeoutEnabled: false,
    ...extra,
  };
}

async function add(value: AddValue) {
  const client = await seeded.loggedIn('admin');
  return client.send(GroupInstantGroupCallAddInstanceRequest14, value);
}

describe('SIP aliases', () => {
  test('unique system-wide: a second instance cannot take an alias, nor list one twice', async () => {
    assert.equal((await add(instance('alias-a', { alias: [`shared@${DOMAIN}`] }))).type, 'SuccessResponse');
    assert.equal(errorCodeOf(await add(instance('alias-b', { alias: [`shared@${DOMAIN}`] }))), SIM_ERRORS.ALIAS_IN_USE.code);
    assert.equal(errorCodeOf(await add(instance('alias-c', { alias: [`twice@${DOMAIN}`, `twice@${DOMAIN}`] }))), SIM_ERRORS.ALIAS_IN_USE.code);
    const client = await seeded.loggedIn('admin');
    const modify = await client.send(GroupInstantGroupCallModifyInstanceRequest, { serviceUserId: `alias-a@${DOMAIN}`, serviceInstanceProfile: { sipAliasList: { sipAlias: [`shared@${DOMAIN}`, `more@${DOMAIN}`] } } });
    assert.equal(modify.type, 'SuccessResponse', 'an instance keeps its own alias');
  });

  test('never a user id, and a user id never an alias', async () => {
    assert.equal((await add(instance('owner'))).type, 'SuccessResponse');
    assert.equal(errorCodeOf(await add(instance('alias-d', { alias: [`owner@${DOMAIN}`] }))), SIM_ERRORS.ALIAS_IN_USE.code);
    assert.equal(errorCodeOf(await add(instance('self', { alias: [`self@${DOMAIN}`] }))), SIM_ERRORS.ALIAS_IN_USE.code);
    assert.equal((await add(instance('alias-e', { alias: [`taken-alias@${DOMAIN}`] }))).type, 'SuccessResponse');
    assert.equal(errorCodeOf(await add(instance('taken-alias'))), SIM_ERRORS.USER_ALREADY_EXISTS.code);
    const client = await seeded.loggedIn('admin');
    const rename = await client.send(UserModifyUserIdRequest, { userId: `owner@${DOMAIN}`, newUserId: `taken-alias@${DOMAIN}` });
    assert.equal(errorCodeOf(rename), SIM_ERRORS.USER_ALREADY_EXISTS.code);
  });
});

describe('the system catalogue', () => {
  test('a language the system has is taken; an unknown one is refused', async () => {
    assert.equal((await add(instance('lang-ok', { language: 'French' }))).type, 'SuccessResponse');
    assert.equal(errorCodeOf(await add(instance('lang-bad', { language: 'Klingon' }))), SIM_ERRORS.LANGUAGE_NOT_FOUND.code);
    const client = await seeded.loggedIn('admin');
    const modify = await client.send(GroupInstantGroupCallModifyInstanceRequest, { serviceUserId: `lang-ok@${DOMAIN}`, serviceInstanceProfile: { language: 'Klingon' } });
    assert.equal(errorCodeOf(modify), SIM_ERRORS.LANGUAGE_NOT_FOUND.code);
  });

  test('a network class of service must exist', async () => {
    assert.equal((await add(instance('ncos-ok', {}, { networkClassOfService: 'International' }))).type, 'SuccessResponse');
    assert.equal(errorCodeOf(await add(instance('ncos-bad', {}, { networkClassOfService: 'Nowhere' }))), SIM_ERRORS.NETWORK_CLASS_OF_SERVICE_NOT_FOUND.code);
    const client = await seeded.loggedIn('admin');
    const modify = await client.send(GroupInstantGroupCallModifyInstanceRequest, { serviceUserId: `ncos-ok@${DOMAIN}`, networkClassOfService: 'Nowhere' });
    assert.equal(errorCodeOf(modify), SIM_ERRORS.NETWORK_CLASS_OF_SERVICE_NOT_FOUND.code);
  });
});

describe('user ids', () => {
  for (const bad of ['with space', 'slash/id', 'hash#id', 'query?id', 'colon:id']) {
    test(`'${bad}@domain' is refused`, async () => {
      assert.equal(errorCodeOf(await add(instance(bad))), SIM_ERRORS.INVALID_USER_ID_CHARACTERS.code);
    });
  }

  test("letters, digits and - _ . ! ~ * ' ( ) are taken", async () => {
    assert.equal((await add(instance("ok-_.!~*'()9"))).type, 'SuccessResponse');
  });
});
