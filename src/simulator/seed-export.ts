// The current world written as a seed file (the format of seed-validation.ts): the commands that
// build it again, in an order the world rules accept — domains, providers and their DNs, groups,
// their domains, DNs and departments (parents first), administrators, instant group calls, then
// the inactive ones deactivated. Read from the world model (World.snapshot), so it works for any
// store. What a snapshot keeps no clear text of is noted, not invented: administrators come out
// without a password (only a hash is kept); enterprise departments, which no seed command makes,
// are noted too.
import type { SeedCommand } from './seed.js';
import type { SystemAdmin } from './session-auth.js';
import type { DepartmentRecord, DepartmentRef, WorldSnapshot } from './world/types.js';

export interface ExportedSeed {
  seed: { $schema: string; description: string; systemAdmins?: SystemAdmin[]; commands: SeedCommand[] };
  /** What the seed cannot carry, for the operator to add by hand. */
  notes: string[];
}

export function seedFromWorld(snapshot: WorldSnapshot, systemAdmins: readonly SystemAdmin[] = []): ExportedSeed {
  const commands: SeedCommand[] = [];
  const notes: string[] = [];
  const add = (type: string, value: Record<string, unknown>) => commands.push({ type, value });

  for (const domain of snapshot.systemDomains) add('SystemDomainAddRequest', { domain });
  for (const sp of snapshot.serviceProviders) {
    add('ServiceProviderAddRequest13mp2', {
      ...(sp.isEnterprise ? { isEnterprise: true } : { useCustomRoutingProfile: sp.useCustomRoutingProfile ?? false }),
      serviceProviderId: sp.serviceProviderId,
      defaultDomain: sp.defaultDomain,
      ...defined({ serviceProviderName: sp.serviceProviderName, supportEmail: sp.supportEmail }),
    });
    const others = sp.domains.filter((domain) => domain !== sp.defaultDomain);
    if (others.length > 0) add('ServiceProviderDomainAssignListRequest', { serviceProviderId: sp.serviceProviderId, domain: others });
    const numbers = snapshot.dns.filter((dn) => dn.serviceProviderId === sp.serviceProviderId).map((dn) => dn.phoneNumber);
    if (numbers.length > 0) add('ServiceProviderDnAddListRequest', { serviceProviderId: sp.serviceProviderId, ...asRanges(numbers) });
  }
  for (const group of snapshot.groups) {
    const key = { serviceProviderId: group.serviceProviderId, groupId: group.groupId };
    add('GroupAddRequest', {
      ...key,
      defaultDomain: group.defaultDomain,
      userLimit: group.userLimit,
      ...defined({ groupName: group.groupName, callingLineIdName: group.callingLineIdName }),
      timeZone: group.timeZone,
      ...defined({ locationDialingCode: group.locationDialingCode, contact: group.contact, address: group.address }),
    });
    const others = group.domains.filter((domain) => domain !== group.defaultDomain);
    if (others.length > 0) add('GroupDomainAssignListRequest', { ...key, domain: others });
    const numbers = snapshot.dns.filter((dn) => dn.serviceProviderId === group.serviceProviderId && dn.groupId === group.groupId).map((dn) => dn.phoneNumber);
    if (numbers.length > 0) add('GroupDnAssignListRequest', { ...key, ...asRanges(numbers) });
    if (group.callingLineIdPhoneNumber !== undefined) add('GroupModifyRequest', { ...key, callingLineIdPhoneNumber: group.callingLineIdPhoneNumber });
    for (const department of parentsFirst(snapshot.departments.filter((d) => d.serviceProviderId === group.serviceProviderId && d.groupId === group.groupId))) {
      add('GroupDepartmentAddRequest', {
        ...key,
        departmentName: department.name,
        ...(department.parent && { parentDepartmentKey: departmentKey(department.parent) }),
        ...defined({ callingLineIdName: department.callingLineIdName, callingLineIdPhoneNumber: department.callingLineIdPhoneNumber }),
      });
    }
  }
  const enterpriseDepartments = snapshot.departments.filter((department) => department.groupId === undefined);
  if (enterpriseDepartments.length > 0) notes.push(`${enterpriseDepartments.length} enterprise department(s) left out: no seed command creates one`);

  const passwordless: string[] = [];
  for (const admin of snapshot.admins) {
    const person = defined({ firstName: admin.firstName, lastName: admin.lastName });
    if (admin.passwordSha1 !== undefined) passwordless.push(admin.userId);
    if (admin.kind === 'serviceProvider') {
      add('ServiceProviderAdminAddRequest14', {
        serviceProviderId: admin.serviceProviderId,
        userId: admin.userId,
        ...person,
        ...defined({ language: admin.language, administratorType: admin.administratorType }),
      });
    } else {
      add('GroupAdminAddRequest', { serviceProviderId: admin.serviceProviderId, groupId: admin.groupId, userId: admin.userId, ...person, ...defined({ language: admin.language }) });
    }
  }
  if (passwordless.length > 0) notes.push(`administrators exported without their password (the world keeps only a hash): ${passwordless.join(', ')}; add "password" to their entries`);

  for (const igc of snapshot.instantGroupCalls) {
    add('GroupInstantGroupCallAddInstanceRequest14', {
      serviceProviderId: igc.serviceProviderId,
      groupId: igc.groupId,
      serviceUserId: igc.serviceUserId,
      serviceInstanceProfile: {
        name: igc.name,
        callingLineIdLastName: igc.callingLineIdLastName,
        callingLineIdFirstName: igc.callingLineIdFirstName,
        ...defined({ hiraganaLastName: igc.hiraganaLastName, hiraganaFirstName: igc.hiraganaFirstName, phoneNumber: igc.phoneNumber, extension: igc.extension }),
        ...(igc.department && { department: departmentKey(igc.department) }),
        language: igc.language,
        timeZone: igc.timeZone,
        ...(igc.aliases.length > 0 && { alias: igc.aliases }),
        ...defined({ publicUserIdentity: igc.publicUserIdentity, callingLineIdPhoneNumber: igc.callingLineIdPhoneNumber }),
      },
      ...(igc.destinations.length > 0 && { destinationPhoneNumber: igc.destinations }),
      isAnswerTimeoutEnabled: igc.isAnswerTimeoutEnabled,
      ...defined({ answerTimeoutMinutes: igc.answerTimeoutMinutes, networkClassOfService: igc.networkClassOfService }),
    });
  }
  // New instances are active; the inactive ones are switched off in one command.
  const inactive = snapshot.instantGroupCalls.filter((igc) => !igc.isActive);
  if (inactive.length > 0) {
    add('GroupInstantGroupCallModifyActiveInstanceListRequest', { serviceActivation: inactive.map((igc) => ({ serviceUserId: igc.serviceUserId, isActive: false })) });
  }
  return {
    seed: {
      $schema: './seed-world.schema.json',
      description: 'Exported from a simulator world',
      ...(systemAdmins.length > 0 && { systemAdmins: [...systemAdmins] }),
      commands,
    },
    notes,
  };
}

function departmentKey(ref: DepartmentRef): Record<string, unknown> {
  return ref.groupId === undefined
    ? { $type: 'EnterpriseDepartmentKey', serviceProviderId: ref.serviceProviderId, name: ref.name }
    : { $type: 'GroupDepartmentKey', serviceProviderId: ref.serviceProviderId, groupId: ref.groupId, name: ref.name };
}

/** A department after its parent (a parent in the enterprise is there already, or noted). */
function parentsFirst(departments: readonly DepartmentRecord[]): DepartmentRecord[] {
  const out: DepartmentRecord[] = [];
  const placed = new Set<string>();
  const name = (ref: DepartmentRef) => `${ref.groupId ?? ''}/${ref.name}`;
  let pending = [...departments];
  while (pending.length > 0) {
    const ready = pending.filter((d) => !d.parent || d.parent.groupId === undefined || placed.has(name(d.parent)) || !departments.some((o) => name(o) === name(d.parent!)));
    if (ready.length === 0) break;
    for (const department of ready) {
      out.push(department);
      placed.add(name(department));
    }
    pending = pending.filter((d) => !ready.includes(d));
  }
  return out;
}

/** Numbers as written by the world (`+<cc><nsn>`), runs of consecutive ones as ranges. */
function asRanges(numbers: readonly string[]): { phoneNumber?: string[]; dnRange?: Array<{ minPhoneNumber: string; maxPhoneNumber: string }> } {
  const sorted = [...numbers].sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
  const singles: string[] = [];
  const ranges: Array<{ minPhoneNumber: string; maxPhoneNumber: string }> = [];
  let start = 0;
  for (let i = 1; i <= sorted.length; i++) {
    const previous = sorted[i - 1]!;
    const current = sorted[i];
    if (current !== undefined && current.length === previous.length && BigInt(current.slice(1)) === BigInt(previous.slice(1)) + 1n) continue;
    if (i - 1 === start) singles.push(sorted[start]!);
    else ranges.push({ minPhoneNumber: sorted[start]!, maxPhoneNumber: previous });
    start = i;
  }
  return { ...(singles.length > 0 && { phoneNumber: singles }), ...(ranges.length > 0 && { dnRange: ranges }) };
}

function defined(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
}
