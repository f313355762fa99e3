// Commands that build a world: system domains, providers, their domains and DNs, groups, their
// profile, domains, DNs and departments, and administrators. The scope each one needs follows
// BroadWorks: system-level objects need a system login, a provider's objects a provider login.
import {
  GroupAddRequest,
  GroupAdminAddRequest,
  GroupDepartmentAddRequest,
  GroupDnAssignListRequest,
  GroupDomainAssignListRequest,
  GroupModifyRequest,
  ServiceProviderAddRequest13mp2,
  ServiceProviderAdminAddRequest14,
  ServiceProviderDnAddListRequest,
  ServiceProviderDomainAssignListRequest,
  SystemDomainAddRequest,
} from '../../ocip/codec/index.js';
import {
  addServiceProvider,
  addServiceProviderAdmin,
  addServiceProviderDns,
  addSystemDomain,
  assignServiceProviderDomains,
} from '../world/providers.js';
import { addDepartment, addGroup, addGroupAdmin, assignGroupDns, assignGroupDomains, modifyGroup } from '../world/groups.js';
import type { GroupRecord } from '../world/types.js';
import { authorizedGroup } from './group-lookups.js';
import { handler, providerScope, SYSTEM_SCOPE } from './context.js';
import type { Handler, HandlerContext } from './context.js';

export const worldBuilderHandlers: Handler[] = [
  handler(SystemDomainAddRequest, (ctx, value) => {
    ctx.authorize(SYSTEM_SCOPE);
    addSystemDomain(ctx.world, value.domain);
    return {};
  }),

  handler(ServiceProviderAddRequest13mp2, (ctx, value) => {
    ctx.authorize(SYSTEM_SCOPE);
    addServiceProvider(ctx.world, value);
    return {};
  }),

  handler(ServiceProviderDomainAssignListRequest, (ctx, value) => {
    ctx.authorize(SYSTEM_SCOPE);
    assignServiceProviderDomains(ctx.world, value.serviceProviderId, value.domain ?? []);
    return {};
  }),

  handler(ServiceProviderDnAddListRequest, (ctx, value) => {
    ctx.authorize(SYSTEM_SCOPE);
    addServiceProviderDns(ctx.world, value);
    return {};
  }),

  handler(ServiceProviderAdminAddRequest14, (ctx, value) => {
    ctx.authorize(providerScope(value.serviceProviderId));
    addServiceProviderAdmin(ctx.world, value);
    return {};
  }),

  handler(GroupAddRequest, (ctx, value) => {
    ctx.authorize(providerScope(value.serviceProviderId));
    addGroup(ctx.world, value);
    return {};
  }),

  // A group admin may edit the profile, but the user limit and default domain are the provider's call.
  handler(GroupModifyRequest, (ctx, value) => {
    const group = authorizedGroup(ctx, value.serviceProviderId, value.groupId);
    if (value.userLimit !== undefined || value.defaultDomain !== undefined) ctx.authorize(providerScope(value.serviceProviderId));
    modifyGroup(ctx.world, group, value);
    return {};
  }),

  handler(GroupDomainAssignListRequest, (ctx, value) => {
    const group = providerGroup(ctx, value.serviceProviderId, value.groupId);
    assignGroupDomains(ctx.world, group, value.domain ?? []);
    return {};
  }),

  handler(GroupDnAssignListRequest, (ctx, value) => {
    const group = providerGroup(ctx, value.serviceProviderId, value.groupId);
    assignGroupDns(ctx.world, group, value);
    return {};
  }),

  handler(GroupDepartmentAddRequest, (ctx, value) => {
    const group = authorizedGroup(ctx, value.serviceProviderId, value.groupId);
    addDepartment(ctx.world, group, value);
    return {};
  }),

  handler(GroupAdminAddRequest, (ctx, value) => {
    const group = providerGroup(ctx, value.serviceProviderId, value.groupId);
    addGroupAdmin(ctx.world, group, value);
    return {};
  }),
];

/** Commands a group administrator may not send about its own group: provider scope, then existence. */
function providerGroup(ctx: HandlerContext, serviceProviderId: string, groupId: string): GroupRecord {
  ctx.authorize(providerScope(serviceProviderId));
  return ctx.world.requireGroup(serviceProviderId, groupId);
}
