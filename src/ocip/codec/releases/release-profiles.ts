// What differs between BroadWorks releases, for the commands this codec knows: one table per
// release. The client picks a profile (pinned, or learned at login), the simulator serves one.
// Each table was checked against that release's own schema (../shared/ocip-schema-releases, R25 in
// ../shared/ocip-schema; test/unit/release-schemas.test.ts validates every request per release).
// A further release is one more table here.
import { GroupGetRequest14sp7, GroupGetRequest22V5 } from '../commands/group.js';
import { GroupModifyRequest } from '../commands/group.js';
import { LoginRequest22V4, LoginRequest22V5 } from '../commands/login.js';
import { GroupAddRequest, ServiceProviderAddRequest13mp2 } from '../commands/provisioning.js';
import type { CommandSpec } from '../schema.js';
import { GroupGet, GroupProfile } from './portable.js';

export const RELEASES = ['R21', 'R22', 'R24', 'R25'] as const;
export type Release = (typeof RELEASES)[number];

/** How one release-neutral request travels on a release: the command, its value, the answer read back. */
export interface Translation {
  readonly spec: CommandSpec;
  toValue(value: Record<string, unknown>): object;
  fromResponse(value: Record<string, unknown>): Record<string, unknown>;
}

export interface ReleaseProfile {
  readonly release: Release;
  /** The one-step login with the plain password (encrypted transports); undefined: the release has none, so sign. */
  readonly plainLogin: typeof LoginRequest22V5 | typeof LoginRequest22V4 | undefined;
  /** Each release-neutral request (by name), as this release's command. */
  readonly translations: ReadonlyMap<string, Translation>;
  /** Request and response types of the codec that this release's schema does not define. */
  readonly missing: ReadonlySet<string>;
  /** Commands whose sequence ends earlier in this release: the elements it lacks, by command type. */
  readonly lacksElements: ReadonlyMap<string, readonly string[]>;
}

/** For each spec: `first` and every element after it in the R25 sequence. */
function endingBefore(first: string, specs: readonly CommandSpec[]): ReadonlyMap<string, readonly string[]> {
  return new Map(specs.map((spec) => {
    const names = Object.keys(spec.fields);
    return [spec.name, names.slice(names.indexOf(first))];
  }));
}

/** Keeps the neutral response's elements of a richer answer (e.g. GroupGetResponse22V5), in their order. */
function neutralFields(value: Record<string, unknown>): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const name in GroupProfile.fields) if (value[name] !== undefined) kept[name] = value[name];
  return kept;
}

const groupGet22V5: Translation = {
  spec: GroupGetRequest22V5,
  toValue: (value) => ({ serviceProviderId: value.serviceProviderId, groupId: value.groupId }),
  fromResponse: neutralFields,
};

const groupGet14sp7: Translation = {
  spec: GroupGetRequest14sp7,
  toValue: (value) => ({ serviceProviderId: value.serviceProviderId, groupId: value.groupId }),
  fromResponse: neutralFields,
};

/** R21: AuthenticationRequest + LoginRequest14sp4 only; GroupGetRequest14sp7; no policy or slice elements yet. */
const R21: ReleaseProfile = {
  release: 'R21',
  plainLogin: undefined,
  translations: new Map([[GroupGet.name, groupGet14sp7]]),
  missing: new Set(['LoginRequest22V5', 'LoginResponse22V5', 'LoginRequest22V4', 'LoginResponse22V4', 'GroupGetRequest22V5', 'GroupGetResponse22V5']),
  lacksElements: endingBefore('servicePolicy', [ServiceProviderAddRequest13mp2, GroupAddRequest, GroupModifyRequest]),
};

/** R22: LoginRequest22V4 is the newest login (no 22V5); GroupGetRequest22V5 is there. */
const R22: ReleaseProfile = {
  release: 'R22',
  plainLogin: LoginRequest22V4,
  translations: new Map([[GroupGet.name, groupGet22V5]]),
  missing: new Set(['LoginRequest22V5', 'LoginResponse22V5']),
  lacksElements: new Map(),
};

/** R24 and R25 agree on every command this codec knows. */
const R24: ReleaseProfile = {
  release: 'R24',
  plainLogin: LoginRequest22V5,
  translations: new Map([[GroupGet.name, groupGet22V5]]),
  missing: new Set(),
  lacksElements: new Map(),
};

const R25: ReleaseProfile = { ...R24, release: 'R25' };

export const RELEASE_PROFILES: Readonly<Record<Release, ReleaseProfile>> = { R21, R22, R24, R25 };

/** "21", "R21", "r21", "21.0" → 'R21'; undefined for anything else. */
export function parseRelease(text: string): Release | undefined {
  const match = /^\s*r?(\d+)(\.\d+)?\s*$/i.exec(text);
  const release = match ? (`R${match[1]}` as Release) : undefined;
  return release && RELEASES.includes(release) ? release : undefined;
}

/**
 * The profile for what SystemSoftwareVersionGetResponse says, e.g. "22.0_1.1123" → R22. A release
 * without a table of its own speaks as the nearest older one (R23 as R22); newer than R25 as R25.
 */
export function releaseOfVersion(version: string): Release | undefined {
  const major = Number(/(\d+)/.exec(version)?.[1]);
  if (!Number.isInteger(major) || major < 1) return undefined;
  const known = RELEASES.filter((release) => Number(release.slice(1)) <= major);
  return known.length === 0 ? 'R21' : known[known.length - 1];
}

/**
 * Why this release refuses a command: a type its schema lacks, or an element past the end of its
 * sequence there. The client refuses such a command before sending it; the simulator answers it 6004.
 */
export function releaseProblem(profile: ReleaseProfile, type: string, value: object | undefined): string | undefined {
  if (profile.missing.has(type)) return `Invalid xsi:type qname: '${type}' (not in BroadWorks ${profile.release})`;
  const lacking = profile.lacksElements.get(type);
  if (lacking === undefined || value === undefined) return undefined;
  const used = lacking.find((name) => (value as Record<string, unknown>)[name] !== undefined);
  return used === undefined ? undefined : `${type}: element '${used}' is not expected in BroadWorks ${profile.release}`;
}
