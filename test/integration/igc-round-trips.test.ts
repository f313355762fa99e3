// How many OCI-P documents (round trips) each Instant Group Call request costs, read from the
// client's onDocument events: the adapter batches what it can into one document (OCIP.md §4).
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { documents, igcUrl, instanceUrl, minimalBody, SEED_ID, seedPostBody, startAdapter } from '../support/adapter-harness.js';
import type { AdapterHarness } from '../support/adapter-harness.js';

const ADD = 'GroupInstantGroupCallAddInstanceRequest14';
const ACTIVE = 'GroupInstantGroupCallModifyActiveInstanceListRequest';
const GET = 'GroupInstantGroupCallGetInstanceRequest19sp1';
const LIST = 'GroupInstantGroupCallGetInstanceListRequest';
const GROUP_GET = 'GroupGetRequest22V5';
/** The exact search for one instance in one group: membership without listing the group. */
const MEMBER = 'UserGetServiceInstanceListInServiceProviderRequest';

describe('with SERVICE_USERS_RETURN_ACTIVE_STATUS on', () => {
  let h: AdapterHarness;
  before(async () => {
    h = await startAdapter({ returnActive: true });
  });
  after(() => h.close());
  beforeEach(() => {
    h.roundTrips.length = 0;
  });

  test('the first POST reads the group once, then sends one document', async () => {
    const response = await h.request.post(igcUrl()).send(seedPostBody());
    assert.equal(response.status, 200, response.text);
    // active: true needs no command: BroadWorks creates instances active, and the read-back shows it.
    assert.deepEqual(documents(h), [[GROUP_GET], [ADD, GET, LIST]]);
    assert.equal(response.body.active, true);
  });

  test('POST with active once the group data is cached: exactly one document', async () => {
    const response = await h.request.post(igcUrl()).send({ ...minimalBody('rt-2@sip.netaxis.be'), active: false });
    assert.equal(response.status, 200, response.text);
    assert.equal(response.body.active, false);
    assert.equal(h.roundTrips.length, 1);
    assert.deepEqual(documents(h)[0], [ADD, ACTIVE, GET, LIST]);
    assert.equal(h.roundTrips[0]!.outcome, 'success');
  });

  test('GET instance, active status included: exactly one document', async () => {
    const response = await h.request.get(instanceUrl(SEED_ID));
    assert.equal(response.status, 200, response.text);
    assert.equal(response.body.active, true);
    // The write before dropped the cached flags: the list rides along once, then the flags are known.
    assert.deepEqual(documents(h), [[GET, MEMBER, LIST]]);
    h.roundTrips.length = 0;
    assert.equal((await h.request.get(instanceUrl(SEED_ID)).expect(200)).body.active, true);
    assert.deepEqual(documents(h), [[GET, MEMBER]]);
  });

  test('GET list: exactly one document (the departments ride along for fullPathName)', async () => {
    const response = await h.request.get(igcUrl());
    assert.equal(response.status, 200, response.text);
    assert.equal(response.body.instantGroupCalls.length, 2);
    assert.deepEqual(documents(h), [[LIST, 'GroupDepartmentGetListRequest18']]);
  });

  test('PUT of one field: the read, then the Modify with the read-back', async () => {
    const response = await h.request.put(instanceUrl(SEED_ID)).send({ serviceInstanceProfile: { name: 'Counted' } });
    assert.equal(response.status, 200, response.text);
    assert.deepEqual(documents(h), [
      [GET, LIST],
      ['GroupInstantGroupCallModifyInstanceRequest', GET, LIST],
    ]);
  });

  test('PUT that changes nothing: the read only', async () => {
    const response = await h.request.put(instanceUrl(SEED_ID)).send({});
    assert.equal(response.status, 200, response.text);
    assert.deepEqual(documents(h), [[GET, LIST]]);
  });
});

describe('with GROUP_NUMBERS_USE_CC_CLI on', () => {
  test('the list reads the group in the same document, then uses the cache', async () => {
    const h = await startAdapter({ useCcCli: true });
    try {
      await h.request.get(igcUrl()).expect(200);
      await h.request.get(igcUrl()).expect(200);
      assert.deepEqual(documents(h), [
        [LIST, 'GroupDepartmentGetListRequest18', GROUP_GET],
        [LIST, 'GroupDepartmentGetListRequest18'],
      ]);
    } finally {
      await h.close();
    }
  });
});

describe('with SERVICE_USERS_RETURN_ACTIVE_STATUS off', () => {
  test('GET instance: the instance and the exact membership search, never the group list', async () => {
    const h = await startAdapter({ returnActive: false });
    try {
      await h.request.post(igcUrl()).send(minimalBody('rt-get@sip.netaxis.be')).expect(200);
      h.roundTrips.length = 0;
      await h.request.get(instanceUrl('rt-get@sip.netaxis.be')).expect(200);
      await h.request.get(instanceUrl('rt-get@sip.netaxis.be')).expect(200);
      assert.deepEqual(documents(h), [
        [GET, MEMBER],
        [GET, MEMBER],
      ]);
    } finally {
      await h.close();
    }
  });

  test('DELETE: the membership search, then the Delete', async () => {
    const h = await startAdapter({ returnActive: false });
    try {
      await h.request.post(igcUrl()).send(minimalBody('rt-delete@sip.netaxis.be')).expect(200);
      h.roundTrips.length = 0;
      await h.request.delete(instanceUrl('rt-delete@sip.netaxis.be')).expect(200);
      assert.deepEqual(documents(h), [[MEMBER], ['GroupInstantGroupCallDeleteInstanceRequest']]);
    } finally {
      await h.close();
    }
  });
});
