// The membership rule: an instance is readable, changeable and deletable only through its own
// group's URL. BroadWorks finds a service user by id alone, so the adapter checks the group on
// every request, live: also after the instance was deleted and re-created in another group under
// the same id by another BroadWorks client (here a raw OCI-P client, so no cache of the adapter's
// own is told). With SERVICE_USERS_RETURN_ACTIVE_STATUS on, the active flag follows the adapter's
// own writes at once and a change made elsewhere within its bound (active-status-cache.ts).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout } from 'node:timers/promises';
import {
  GroupAddRequest,
  GroupInstantGroupCallAddInstanceRequest14,
  GroupInstantGroupCallDeleteInstanceRequest,
  GroupInstantGroupCallModifyActiveInstanceListRequest,
} from '../../src/ocip/codec/index.js';
import type { CommandValue } from '../../src/ocip/codec/index.js';
import { MAX_AGE_MS } from '../../src/domain/active-status-cache.js';
import { activeUrl, apioError, DOMAIN, GROUP, instanceUrl, startAdapter, TENANT } from '../support/adapter-harness.js';
import type { AdapterHarness } from '../support/adapter-harness.js';
import { OcipTestClient, valueOf } from '../support/ocip-test-client.js';

const OTHER = 'MembershipGrpB';

function addIn(groupId: string, serviceUserId: string, name: string): CommandValue<typeof GroupInstantGroupCallAddInstanceRequest14> {
  return {
    serviceProviderId: TENANT,
    groupId,
    serviceUserId,
    serviceInstanceProfile: { name, callingLineIdLastName: 'Member', callingLineIdFirstName: name },
    isAnswerTimeoutEnabled: false,
  };
}

for (const returnActive of [false, true]) {
  describe(`SERVICE_USERS_RETURN_ACTIVE_STATUS ${returnActive ? 'on' : 'off'}`, () => {
    let h: AdapterHarness;
    /** Another BroadWorks client: what it changes, the adapter learns only from BroadWorks. */
    let elsewhere: OcipTestClient;
    const suffix = returnActive ? 'on' : 'off';
    const other = `${OTHER}-${suffix}`;

    before(async () => {
      h = await startAdapter({ returnActive });
      elsewhere = await OcipTestClient.connect(h.simulator.port);
      valueOf(await elsewhere.login22('admin', 'admin'));
      valueOf(await elsewhere.send(GroupAddRequest, { serviceProviderId: TENANT, groupId: other, defaultDomain: DOMAIN, userLimit: 100 }));
    });
    after(async () => {
      await elsewhere?.close();
      await h?.close();
    });

    test("another group's instance is 404 through this group's URL, for GET, PUT and DELETE, and untouched", async () => {
      const id = `member-b-${suffix}@${DOMAIN}`;
      valueOf(await elsewhere.send(GroupInstantGroupCallAddInstanceRequest14, addIn(other, id, 'In B')));
      apioError(await h.request.get(instanceUrl(id)), 404, 'NOT_FOUND');
      apioError(await h.request.put(instanceUrl(id)).send({ serviceInstanceProfile: { name: 'Taken over' } }), 404, 'NOT_FOUND');
      apioError(await h.request.delete(instanceUrl(id)), 404, 'NOT_FOUND');
      apioError(await h.request.put(activeUrl()).send({ services: [{ serviceUserId: id, active: false }] }), 404, 'NOT_FOUND');
      const own = await h.request.get(instanceUrl(id, '/api/v1', TENANT, other));
      assert.equal(own.status, 200, own.text);
      assert.equal(own.body.serviceInstanceProfile.name, 'In B');
      assert.equal(h.simulator.world.instantGroupCall(id)?.isActive, true);
    });

    test('deleted and re-created in another group under the same id: no longer readable through the first group', async () => {
      const id = `member-moved-${suffix}@${DOMAIN}`;
      valueOf(await elsewhere.send(GroupInstantGroupCallAddInstanceRequest14, addIn(GROUP, id, 'In A')));
      // Read twice through A first, so whatever the adapter keeps about A is warm.
      for (let read = 0; read < 2; read++) {
        const first = await h.request.get(instanceUrl(id));
        assert.equal(first.status, 200, first.text);
        assert.equal(first.body.serviceInstanceProfile.name, 'In A');
        if (returnActive) assert.equal(first.body.active, true);
      }
      valueOf(await elsewhere.send(GroupInstantGroupCallDeleteInstanceRequest, { serviceUserId: id }));
      apioError(await h.request.get(instanceUrl(id)), 404);
      valueOf(await elsewhere.send(GroupInstantGroupCallAddInstanceRequest14, addIn(other, id, 'Now in B')));
      apioError(await h.request.get(instanceUrl(id)), 404, 'NOT_FOUND');
      apioError(await h.request.delete(instanceUrl(id)), 404, 'NOT_FOUND');
      const moved = await h.request.get(instanceUrl(id, '/api/v1', TENANT, other));
      assert.equal(moved.status, 200, moved.text);
      assert.equal(moved.body.serviceInstanceProfile.name, 'Now in B');
      assert.ok(h.simulator.world.instantGroupCall(id), 'the instance in B is still there');
    });

    if (returnActive) {
      test("the adapter's own PUT active shows in the next GET at once", async () => {
        const id = `member-flag-${suffix}@${DOMAIN}`;
        valueOf(await elsewhere.send(GroupInstantGroupCallAddInstanceRequest14, addIn(GROUP, id, 'Flag')));
        assert.equal((await h.request.get(instanceUrl(id)).expect(200)).body.active, true);
        for (const active of [false, true, false]) {
          await h.request.put(activeUrl()).send({ services: [{ serviceUserId: id, active }] }).expect(200);
          assert.equal((await h.request.get(instanceUrl(id)).expect(200)).body.active, active);
        }
      });

      test('a flag changed by another client shows once its bound has passed', async () => {
        const id = `member-outside-${suffix}@${DOMAIN}`;
        valueOf(await elsewhere.send(GroupInstantGroupCallAddInstanceRequest14, addIn(GROUP, id, 'Outside')));
        assert.equal((await h.request.get(instanceUrl(id)).expect(200)).body.active, true);
        valueOf(await elsewhere.send(GroupInstantGroupCallModifyActiveInstanceListRequest, { serviceActivation: [{ serviceUserId: id, isActive: false }] }));
        // No assertion on how soon: only that after the bound the new flag is what the adapter says.
        await setTimeout(MAX_AGE_MS + 50);
        assert.equal((await h.request.get(instanceUrl(id)).expect(200)).body.active, false);
      });
    }
  });
}
