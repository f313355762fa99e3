// UserGetServiceInstanceListInServiceProviderRequest as BroadWorks answers it (OCISchemaUser.xsd):
// the service instances of one provider, narrowed by criteria that are all ANDed; the columns the
// schema names; a provider-level request that a group administrator may not send.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  GroupAddRequest,
  GroupInstantGroupCallAddInstanceRequest14,
  GroupInstantGroupCallDeleteInstanceRequest,
  ServiceProviderAddRequest13mp2,
  UserGetServiceInstanceListInServiceProviderRequest,
} from '../../src/ocip/codec/index.js';
import type { CommandValue, OciTable } from '../../src/ocip/codec/index.js';
import { SIM_ERRORS } from '../../src/simulator/index.js';
import { useSeededSimulator } from '../support/seeded-simulator.js';
import { errorCodeOf, valueOf } from '../support/ocip-test-client.js';
import type { OcipTestClient } from '../support/ocip-test-client.js';

const SP = 'ApioSpTest';
const GROUP = 'ApioGrpTest';
const OTHER = 'SearchGrpOther';
const fixture = useSeededSimulator();
type Search = CommandValue<typeof UserGetServiceInstanceListInServiceProviderRequest>;
const exact = (value: string) => [{ mode: 'Equal To' as const, value, isCaseInsensitive: false }];

function add(groupId: string, id: string, extra: Partial<CommandValue<typeof GroupInstantGroupCallAddInstanceRequest14>['serviceInstanceProfile']> = {}) {
  return {
    serviceProviderId: SP,
    groupId,
    serviceUserId: `${id}@sip.netaxis.be`,
    serviceInstanceProfile: { name: id, callingLineIdLastName: 'Search', callingLineIdFirstName: id, ...extra },
    isAnswerTimeoutEnabled: false,
  };
}

async function search(client: OcipTestClient, criteria: Omit<Search, 'serviceProviderId'>, serviceProviderId = SP): Promise<OciTable> {
  const answer = valueOf(await client.send(UserGetServiceInstanceListInServiceProviderRequest, { serviceProviderId, ...criteria }));
  return answer.serviceInstanceTable as OciTable;
}

async function world(): Promise<OcipTestClient> {
  const admin = await fixture.loggedIn('admin');
  if (!fixture.sim.world.group(SP, OTHER)) {
    valueOf(await admin.send(GroupAddRequest, { serviceProviderId: SP, groupId: OTHER, defaultDomain: 'sip.netaxis.be', userLimit: 10 }));
    valueOf(await admin.send(GroupInstantGroupCallAddInstanceRequest14, add(GROUP, 'search_a', { phoneNumber: '+3271123451', extension: '3451' })));
    valueOf(await admin.send(GroupInstantGroupCallAddInstanceRequest14, add(GROUP, 'search_b')));
    valueOf(await admin.send(GroupInstantGroupCallAddInstanceRequest14, add(OTHER, 'search_c')));
  }
  return admin;
}

test('user id and group id both Equal To: one row with the schema columns, or none', async () => {
  const admin = await world();
  const found = await search(admin, { SearchCriteriaGroupId: exact(GROUP), searchCriteriaUserId: exact('search_a@sip.netaxis.be') });
  assert.deepEqual(found.headings, ['User Id', 'Group Id', 'Service Type', 'Name', 'Phone Number', 'Extension', 'Department']);
  assert.deepEqual(found.rows, [
    { 'User Id': 'search_a@sip.netaxis.be', 'Group Id': GROUP, 'Service Type': 'Instant Group Call', Name: 'search_a', 'Phone Number': '+3271123451', Extension: '3451', Department: '' },
  ]);
  // The instance exists, but in another group: no row.
  const elsewhere = await search(admin, { SearchCriteriaGroupId: exact(GROUP), searchCriteriaUserId: exact('search_c@sip.netaxis.be') });
  assert.deepEqual(elsewhere.rows, []);
  const unknown = await search(admin, { searchCriteriaUserId: exact('nobody@sip.netaxis.be') });
  assert.deepEqual(unknown.rows, []);
});

test('modes and case: Starts With, Contains, Equal To; case-insensitive only when asked', async () => {
  const admin = await world();
  const ids = async (criteria: Omit<Search, 'serviceProviderId'>) => (await search(admin, criteria)).rows.map((row) => row['User Id']).sort();
  assert.deepEqual(await ids({ searchCriteriaUserId: [{ mode: 'Starts With', value: 'search_', isCaseInsensitive: false }] }), [
    'search_a@sip.netaxis.be',
    'search_b@sip.netaxis.be',
    'search_c@sip.netaxis.be',
  ]);
  assert.deepEqual(await ids({ searchCriteriaUserId: [{ mode: 'Starts With', value: 'SEARCH_', isCaseInsensitive: false }] }), []);
  assert.deepEqual(await ids({ searchCriteriaUserId: [{ mode: 'Equal To', value: 'SEARCH_B@sip.netaxis.be', isCaseInsensitive: true }] }), ['search_b@sip.netaxis.be']);
  assert.deepEqual(await ids({ searchCriteriaDn: [{ mode: 'Contains', value: '112345', isCaseInsensitive: false }] }), ['search_a@sip.netaxis.be']);
  // Criteria are ANDed, also two of one kind.
  assert.deepEqual(
    await ids({
      searchCriteriaUserId: [
        { mode: 'Starts With', value: 'search_', isCaseInsensitive: false },
        { mode: 'Contains', value: '_c', isCaseInsensitive: false },
      ],
      SearchCriteriaGroupId: exact(OTHER),
    }),
    ['search_c@sip.netaxis.be'],
  );
  assert.deepEqual(await ids({ searchCriteriaUserId: exact('search_a@sip.netaxis.be'), SearchCriteriaExactServiceType: { serviceType: 'Hunt Group' } }), []);
  assert.equal((await search(admin, { searchCriteriaUserId: [{ mode: 'Starts With', value: 'search_', isCaseInsensitive: false }], responseSizeLimit: 2 })).rows.length, 2);
});

test('a deleted instance is no longer found; one re-created elsewhere under the same id shows its new group', async () => {
  const admin = await world();
  valueOf(await admin.send(GroupInstantGroupCallAddInstanceRequest14, add(GROUP, 'search_moved')));
  valueOf(await admin.send(GroupInstantGroupCallDeleteInstanceRequest, { serviceUserId: 'search_moved@sip.netaxis.be' }));
  assert.deepEqual((await search(admin, { searchCriteriaUserId: exact('search_moved@sip.netaxis.be') })).rows, []);
  valueOf(await admin.send(GroupInstantGroupCallAddInstanceRequest14, add(OTHER, 'search_moved')));
  const rows = (await search(admin, { searchCriteriaUserId: exact('search_moved@sip.netaxis.be') })).rows;
  assert.deepEqual(rows.map((row) => row['Group Id']), [OTHER]);
});

test('scope: a group administrator is refused (4902); an unknown provider is 4701; other providers are not searched', async () => {
  await world();
  const groupAdmin = await fixture.loggedIn('groupadmin');
  const refused = await groupAdmin.send(UserGetServiceInstanceListInServiceProviderRequest, { serviceProviderId: SP });
  assert.equal(errorCodeOf(refused), SIM_ERRORS.ACCESS_DENIED.code);
  const admin = await fixture.loggedIn('admin');
  const missing = await admin.send(UserGetServiceInstanceListInServiceProviderRequest, { serviceProviderId: 'NoSuchSp' });
  assert.equal(errorCodeOf(missing), SIM_ERRORS.SERVICE_PROVIDER_NOT_FOUND.code);
  valueOf(await admin.send(ServiceProviderAddRequest13mp2, { useCustomRoutingProfile: false, serviceProviderId: 'SearchSp2', defaultDomain: 'sip.netaxis.be' }));
  assert.deepEqual((await search(admin, { searchCriteriaUserId: exact('search_a@sip.netaxis.be') }, 'SearchSp2')).rows, []);
  const provider = await fixture.loggedIn('tenantadmin');
  assert.equal((await search(provider, { searchCriteriaUserId: exact('search_a@sip.netaxis.be') })).rows.length, 1);
});
