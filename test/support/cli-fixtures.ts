// Fixtures of the bulk CLI tests: a second group of the seed tenant ("a fresh group") with its own
// numbers and the seed's department names, the numbers given to the seed group in the source
// system, and instances that use every field the CSV carries.
import type { SeedCommand } from '../../src/simulator/index.js';
import { GROUP, TENANT } from './adapter-harness.js';

export const FRESH_GROUP = 'ApioGrpFresh';
/** +32 2 700 00 00 – 19: numbers of the group the instances live in, in each system. */
export const NUMBER_RANGE = { minPhoneNumber: '+3227000000', maxPhoneNumber: '+3227000019' };

/** The range added to the tenant and given to `group` (the seed's group, or a fresh one). */
export function numbersFor(group: string): SeedCommand[] {
  return [
    { type: 'ServiceProviderDnAddListRequest', value: { serviceProviderId: TENANT, dnRange: [NUMBER_RANGE] } },
    { type: 'GroupDnAssignListRequest', value: { serviceProviderId: TENANT, groupId: group, dnRange: [NUMBER_RANGE] } },
  ];
}

/** A new group of the seed tenant, with the seed group's domain and department names, and numbers. */
export function freshGroup(group = FRESH_GROUP): SeedCommand[] {
  return [
    {
      type: 'GroupAddRequest',
      value: { serviceProviderId: TENANT, groupId: group, defaultDomain: 'sip.netaxis.be', userLimit: 1000, groupName: 'Fresh group', timeZone: 'Europe/Brussels' },
    },
    { type: 'GroupDomainAssignListRequest', value: { serviceProviderId: TENANT, groupId: group, domain: ['sip.netaxis.be'] } },
    { type: 'GroupDepartmentAddRequest', value: { serviceProviderId: TENANT, groupId: group, departmentName: 'test_department_parent_1' } },
    {
      type: 'GroupDepartmentAddRequest',
      value: {
        serviceProviderId: TENANT,
        groupId: group,
        departmentName: 'test_department_initial',
        parentDepartmentKey: { $type: 'GroupDepartmentKey', serviceProviderId: TENANT, groupId: group, name: 'test_department_parent_1' },
      },
    },
    ...numbersFor(group),
  ];
}

/** POST bodies using every field an export carries; some inactive, some with few fields. */
export function richInstances(count: number): Record<string, unknown>[] {
  return Array.from({ length: count }, (_unused, index) => {
    const n = String(index).padStart(2, '0');
    const full = index % 3 === 0;
    return {
      serviceUserId: `bulk-${n}@sip.netaxis.be`,
      serviceInstanceProfile: {
        name: `Bulk ${n}`,
        cliFirstName: `First ${n}`,
        cliLastName: `Last, "quoted" ${n}`,
        ...(full && {
          hiraganaFirstName: 'Hira',
          hiraganaLastName: 'Gana',
          phoneNumber: `+32270000${n}`,
          extension: `70${n}`,
          department: { tenantId: TENANT, groupId: GROUP, departmentName: index % 2 === 0 ? 'test_department_initial' : 'test_department_parent_1' },
          language: 'English',
          timeZone: 'Europe/Paris',
          aliases: [`alias-${n}@sip.netaxis.be`, `alias-${n}b@sip.netaxis.be`],
          publicUserIdentity: `public-${n}@sip.netaxis.be`,
          callingLineIdPhoneNumber: '+3227000019',
        }),
      },
      answerTimeoutEnabled: index % 2 === 0,
      ...(index % 2 === 0 && { answerTimeoutMinutes: (index % 59) + 1 }),
      destinationPhoneNumbers: full ? ['+3271123456', `dest-${n}@example.com`, '+33 1 23 45 67 89'] : [`+3271123${String(400 + index)}`],
      active: index % 4 !== 1,
    };
  });
}

/** The migration target: another group of the same tenant, with its own domain, numbers and a renamed department. */
export const TARGET_GROUP = 'ApioGrpTarget';
export const TARGET_DOMAIN = 'sip.target.example';
/** +32 2 700 01 00 – 19: the target group's numbers (`number,+32270000*,+32270001*` maps onto them). */
export const TARGET_RANGE = { minPhoneNumber: '+3227000100', maxPhoneNumber: '+3227000119' };

export function migrationTarget(): SeedCommand[] {
  return [
    { type: 'SystemDomainAddRequest', value: { domain: TARGET_DOMAIN } },
    { type: 'ServiceProviderDomainAssignListRequest', value: { serviceProviderId: TENANT, domain: [TARGET_DOMAIN] } },
    {
      type: 'GroupAddRequest',
      value: { serviceProviderId: TENANT, groupId: TARGET_GROUP, defaultDomain: TARGET_DOMAIN, userLimit: 1000, groupName: 'Target group', timeZone: 'Europe/Brussels' },
    },
    // The source's domain too, so ids left as they are reach BroadWorks' system-wide uniqueness check.
    { type: 'GroupDomainAssignListRequest', value: { serviceProviderId: TENANT, groupId: TARGET_GROUP, domain: [TARGET_DOMAIN, 'sip.netaxis.be'] } },
    { type: 'GroupDepartmentAddRequest', value: { serviceProviderId: TENANT, groupId: TARGET_GROUP, departmentName: 'test_department_parent_1' } },
    { type: 'GroupDepartmentAddRequest', value: { serviceProviderId: TENANT, groupId: TARGET_GROUP, departmentName: 'Target initial' } },
    { type: 'ServiceProviderDnAddListRequest', value: { serviceProviderId: TENANT, dnRange: [TARGET_RANGE] } },
    { type: 'GroupDnAssignListRequest', value: { serviceProviderId: TENANT, groupId: TARGET_GROUP, dnRange: [TARGET_RANGE] } },
  ];
}
