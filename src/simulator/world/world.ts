// The simulator's state in memory: indexed records plus the lookups every rule needs.
// Rules that change state live beside it (providers.ts, groups.ts, instances.ts) and call touch(),
// so the server knows when a document changed the world and must be saved.
import { simError } from '../errors.js';
import { canonicalNumber, countryCodeOf } from './numbers.js';
import { emptySnapshot } from './types.js';
import type {
  AdminRecord,
  DepartmentRecord,
  DepartmentRef,
  DnRecord,
  GroupRecord,
  InstantGroupCallRecord,
  ServiceProviderRecord,
  WorldSnapshot,
} from './types.js';

export class World {
  defaultCountryCode: string;
  readonly systemDomains = new Set<string>();
  readonly serviceProviders = new Map<string, ServiceProviderRecord>();
  readonly groups = new Map<string, GroupRecord>();
  readonly departments: DepartmentRecord[] = [];
  readonly dns = new Map<string, DnRecord>();
  readonly admins = new Map<string, AdminRecord>();
  /** In creation order: the instance list answers in this order. */
  readonly instantGroupCalls = new Map<string, InstantGroupCallRecord>();
  /** Ids held outside the world (system administrators from the options): no user may take them. */
  readonly reservedUserIds = new Set<string>();
  private changes = 0;

  constructor(snapshot: WorldSnapshot = emptySnapshot()) {
    if (snapshot.version !== 1) throw new Error(`unsupported world snapshot version ${String(snapshot.version)}`);
    const copy = structuredClone(snapshot);
    this.defaultCountryCode = copy.defaultCountryCode;
    for (const domain of copy.systemDomains) this.systemDomains.add(domain);
    for (const sp of copy.serviceProviders) this.serviceProviders.set(sp.serviceProviderId, sp);
    for (const group of copy.groups) this.groups.set(groupKey(group.serviceProviderId, group.groupId), group);
    this.departments.push(...copy.departments);
    for (const dn of copy.dns) this.dns.set(dn.phoneNumber, dn);
    for (const admin of copy.admins) this.admins.set(admin.userId, admin);
    for (const igc of copy.instantGroupCalls) this.instantGroupCalls.set(igc.serviceUserId, igc);
  }

  /** Grows with every change; the server saves when a document moved it. */
  get revision(): number {
    return this.changes;
  }

  touch(): void {
    this.changes++;
  }

  /** A deep copy, safe to store or hand out. */
  snapshot(): WorldSnapshot {
    return structuredClone({
      version: 1,
      defaultCountryCode: this.defaultCountryCode,
      systemDomains: [...this.systemDomains],
      serviceProviders: [...this.serviceProviders.values()],
      groups: [...this.groups.values()],
      departments: this.departments,
      dns: [...this.dns.values()],
      admins: [...this.admins.values()],
      instantGroupCalls: [...this.instantGroupCalls.values()],
    });
  }

  /** The first system domain: what logins answer as userDomain. */
  get systemDefaultDomain(): string | undefined {
    return this.systemDomains.values().next().value;
  }

  serviceProvider(serviceProviderId: string): ServiceProviderRecord | undefined {
    return this.serviceProviders.get(serviceProviderId);
  }

  requireServiceProvider(serviceProviderId: string): ServiceProviderRecord {
    const sp = this.serviceProviders.get(serviceProviderId);
    if (!sp) throw simError('SERVICE_PROVIDER_NOT_FOUND', serviceProviderId);
    return sp;
  }

  group(serviceProviderId: string, groupId: string): GroupRecord | undefined {
    return this.groups.get(groupKey(serviceProviderId, groupId));
  }

  requireGroup(serviceProviderId: string, groupId: string): GroupRecord {
    const group = this.group(serviceProviderId, groupId);
    if (!group) throw simError('GROUP_NOT_FOUND', `${serviceProviderId}:${groupId}`);
    return group;
  }

  instantGroupCall(serviceUserId: string): InstantGroupCallRecord | undefined {
    return this.instantGroupCalls.get(serviceUserId);
  }

  requireInstantGroupCall(serviceUserId: string): InstantGroupCallRecord {
    const igc = this.instantGroupCalls.get(serviceUserId);
    if (!igc) throw simError('USER_NOT_FOUND', serviceUserId);
    return igc;
  }

  instantGroupCallsOf(group: GroupRecord): InstantGroupCallRecord[] {
    return [...this.instantGroupCalls.values()].filter(
      (igc) => igc.serviceProviderId === group.serviceProviderId && igc.groupId === group.groupId,
    );
  }

  /** A user id is unique system-wide: service instances, administrators and system administrators share it. */
  userIdTaken(userId: string): boolean {
    return this.instantGroupCalls.has(userId) || this.admins.has(userId) || this.reservedUserIds.has(userId);
  }

  /** The group's DNs, sorted (GroupDnGetListResponse lists them in number order). */
  dnsOfGroup(group: GroupRecord): string[] {
    return [...this.dns.values()]
      .filter((dn) => dn.serviceProviderId === group.serviceProviderId && dn.groupId === group.groupId)
      .map((dn) => dn.phoneNumber)
      .sort(compareNumbers);
  }

  /** National digits take the country of the group's CLI number, else the world's default. */
  countryCodeFor(group: GroupRecord | undefined): string {
    return group?.callingLineIdPhoneNumber ? countryCodeOf(group.callingLineIdPhoneNumber) : this.defaultCountryCode;
  }

  canonicalNumber(input: string, group?: GroupRecord): string {
    return canonicalNumber(input, this.countryCodeFor(group));
  }

  department(ref: DepartmentRef): DepartmentRecord | undefined {
    return this.departments.find(
      (d) => d.serviceProviderId === ref.serviceProviderId && d.groupId === ref.groupId && d.name === ref.name,
    );
  }
}

export function groupKey(serviceProviderId: string, groupId: string): string {
  return `${serviceProviderId}\u0000${groupId}`;
}

function compareNumbers(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
