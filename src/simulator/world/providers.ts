// World rules at system and service-provider level: system domains, service providers and
// enterprises, their domains, their DNs and their administrators. Each rule checks everything
// first and changes the world only when the whole command is acceptable.
import type {
  CommandValue,
  ServiceProviderAddRequest13mp2,
  ServiceProviderAdminAddRequest14,
  ServiceProviderDnAddListRequest,
} from '../../ocip/codec/index.js';
import { sha1Hex } from '../../ocip/codec/index.js';
import { simError } from '../errors.js';
import { canonicalNumber, expandRange } from './numbers.js';
import type { AdminRecord, ServiceProviderRecord } from './types.js';
import type { World } from './world.js';

/** The most numbers one DNRange may hold. */
export const MAX_RANGE_SIZE = 10_000;

export function addSystemDomain(world: World, domain: string): void {
  if (world.systemDomains.has(domain)) throw simError('DOMAIN_EXISTS', domain);
  world.systemDomains.add(domain);
  world.touch();
}

/** isEnterprise (fixed true) makes an enterprise; useCustomRoutingProfile a plain service provider. */
export function addServiceProvider(world: World, value: CommandValue<typeof ServiceProviderAddRequest13mp2>): void {
  const id = value.serviceProviderId;
  if (world.serviceProvider(id)) throw simError('SERVICE_PROVIDER_EXISTS', id);
  if (!world.systemDomains.has(value.defaultDomain)) throw simError('DOMAIN_NOT_FOUND', value.defaultDomain);
  const record: ServiceProviderRecord = {
    serviceProviderId: id,
    isEnterprise: value.isEnterprise === true,
    defaultDomain: value.defaultDomain,
    domains: [value.defaultDomain],
  };
  if (value.useCustomRoutingProfile !== undefined) record.useCustomRoutingProfile = value.useCustomRoutingProfile;
  if (value.serviceProviderName !== undefined) record.serviceProviderName = value.serviceProviderName;
  if (value.supportEmail !== undefined) record.supportEmail = value.supportEmail;
  world.serviceProviders.set(id, record);
  world.touch();
}

/** Domains must be system domains. Assigning one already assigned is a no-op (the default domain is assigned at creation). */
export function assignServiceProviderDomains(world: World, serviceProviderId: string, domains: readonly string[]): void {
  const sp = world.requireServiceProvider(serviceProviderId);
  for (const domain of domains) if (!world.systemDomains.has(domain)) throw simError('DOMAIN_NOT_FOUND', domain);
  const added = domains.filter((domain, i) => !sp.domains.includes(domain) && domains.indexOf(domain) === i);
  if (added.length === 0) return;
  sp.domains.push(...added);
  world.touch();
}

/** Single numbers and inclusive ranges; a number already held by any provider refuses the whole list. */
export function addServiceProviderDns(world: World, value: CommandValue<typeof ServiceProviderDnAddListRequest>): void {
  world.requireServiceProvider(value.serviceProviderId);
  const numbers = collectNumbers(value, (input) => canonicalNumber(input, world.defaultCountryCode));
  for (const number of numbers) if (world.dns.has(number)) throw simError('DN_EXISTS', number);
  for (const number of numbers) world.dns.set(number, { phoneNumber: number, serviceProviderId: value.serviceProviderId });
  if (numbers.length > 0) world.touch();
}

export function addServiceProviderAdmin(world: World, value: CommandValue<typeof ServiceProviderAdminAddRequest14>): void {
  world.requireServiceProvider(value.serviceProviderId);
  if (world.userIdTaken(value.userId)) throw simError('ADMIN_EXISTS', value.userId);
  const admin: AdminRecord = {
    userId: value.userId,
    kind: 'serviceProvider',
    serviceProviderId: value.serviceProviderId,
    administratorType: value.administratorType,
  };
  addAdmin(world, admin, value);
}

/** Shared by provider and group administrators: optional names, language and password (kept as SHA-1 only). */
export function addAdmin(
  world: World,
  admin: AdminRecord,
  value: { firstName?: string; lastName?: string; language?: string; password?: string },
): void {
  if (value.firstName !== undefined) admin.firstName = value.firstName;
  if (value.lastName !== undefined) admin.lastName = value.lastName;
  if (value.language !== undefined) admin.language = value.language;
  if (value.password !== undefined) admin.passwordSha1 = sha1Hex(value.password);
  world.admins.set(admin.userId, admin);
  world.touch();
}

/** The distinct canonical numbers of `phoneNumber` and `dnRange` elements, in request order. */
export function collectNumbers(
  value: { phoneNumber?: string[]; dnRange?: { minPhoneNumber: string; maxPhoneNumber: string }[] },
  canonical: (input: string) => string,
): string[] {
  const numbers = new Set<string>();
  for (const input of value.phoneNumber ?? []) numbers.add(canonical(input));
  for (const range of value.dnRange ?? []) {
    for (const number of expandRange(canonical(range.minPhoneNumber), canonical(range.maxPhoneNumber), MAX_RANGE_SIZE)) {
      numbers.add(number);
    }
  }
  return [...numbers];
}
