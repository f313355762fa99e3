// APIO user levels and how a BroadWorks login type maps to one (APIO.md §4): the level a caller
// gets decides which routes it may call, and its tenant and group decide where.

export const UserLevels = {
  USER: 0,
  DEPARTMENT_ADMIN: 4,
  GROUP_ADMIN: 8,
  TENANT_ADMIN: 12,
  SYSTEM: 16,
} as const;

export type UserLevel = (typeof UserLevels)[keyof typeof UserLevels];

const LEVEL_NAMES: Record<UserLevel, string> = {
  0: 'End User',
  4: 'Department Admin',
  8: 'Group Admin',
  12: 'Tenant Admin',
  16: 'System Admin',
};

/** LoginType / LoginType22 (OCIP.md §5.2). Reseller and Lawful Intercept have no APIO level. */
const BY_LOGIN_TYPE: Readonly<Record<string, UserLevel>> = {
  System: UserLevels.SYSTEM,
  Provisioning: UserLevels.SYSTEM,
  'Service Provider': UserLevels.TENANT_ADMIN,
  Group: UserLevels.GROUP_ADMIN,
  'Group Department': UserLevels.DEPARTMENT_ADMIN,
  User: UserLevels.USER,
};

export function levelOfLoginType(loginType: string): UserLevel | undefined {
  return BY_LOGIN_TYPE[loginType];
}

export function levelName(level: UserLevel): string {
  return LEVEL_NAMES[level];
}
