// Who is calling, once authenticated, and the one rule of where they may act: a system admin
// everywhere, a tenant admin in its tenant, anyone below in its own tenant and group.
import { levelName, UserLevels } from './user-levels.js';
import type { UserLevel } from './user-levels.js';

export interface Principal {
  /** How the caller proved who it is. */
  via: 'session' | 'token' | 'machine';
  /** The BroadWorks login (user id), or the machine token's name. */
  name: string;
  level: UserLevel;
  /** APIO's broadsoft_type: the BroadWorks login type ("System", "Group", ...); "Machine" for a token. */
  loginType: string;
  tenantId?: string;
  groupId?: string;
}

/** What a route is about: a group (tenants/{t}/groups/{g}/…), a tenant (tenants/{t}/…), or the system. */
export type RouteScope = 'group' | 'tenant' | 'system';

/** What every guarded route declares. */
export interface RoutePolicy {
  minLevel: UserLevel;
  scope: RouteScope;
}

export interface Target {
  tenantId?: string;
  groupId?: string;
}

export type AccessVerdict = { ok: true } | { ok: false; why: string };

export function checkAccess(principal: Principal, policy: RoutePolicy, target: Target): AccessVerdict {
  if (principal.level < policy.minLevel) {
    return { ok: false, why: `this route needs at least ${levelName(policy.minLevel)} (user level ${policy.minLevel}); you are ${levelName(principal.level)} (${principal.level})` };
  }
  if (principal.level >= UserLevels.SYSTEM) return { ok: true };
  if (policy.scope === 'system') return { ok: false, why: 'this route is for system administrators' };
  if (target.tenantId !== principal.tenantId) return { ok: false, why: `tenant ${target.tenantId ?? ''} is outside your scope` };
  if (principal.level >= UserLevels.TENANT_ADMIN) return { ok: true };
  // Below tenant admin only the own group is reachable, and never a whole tenant.
  if (policy.scope === 'tenant' || target.groupId !== principal.groupId) {
    return { ok: false, why: `group ${target.tenantId ?? ''}/${target.groupId ?? ''} is outside your scope` };
  }
  return { ok: true };
}

/** The key rate limits count by: one per user or machine token, on every instance. */
export function credentialKey(principal: Principal): string {
  return `${principal.via === 'machine' ? 'machine' : 'user'}:${principal.name}`;
}

/**
 * The gateway login answer (APIO.md §3.1): the ids that apply to the login's level, the level, the
 * login type. APIO's example is a group admin with tenant_id, group_id and its own user_id; an admin
 * at group level or below (group, department, end user) is itself a BroadWorks user id and gets it;
 * a tenant admin gets tenant_id only, a system admin none.
 */
export function loginAnswer(principal: Principal): {
  ids: { tenant_id?: string; group_id?: string; user_id?: string };
  profile: { user_level: UserLevel; broadsoft_type: string; is_first_login: false };
} {
  const ids: { tenant_id?: string; group_id?: string; user_id?: string } = {};
  if (principal.tenantId !== undefined) ids.tenant_id = principal.tenantId;
  if (principal.groupId !== undefined) ids.group_id = principal.groupId;
  if (principal.level < UserLevels.TENANT_ADMIN && principal.via !== 'machine') ids.user_id = principal.name;
  return { ids, profile: { user_level: principal.level, broadsoft_type: principal.loginType, is_first_login: false } };
}
