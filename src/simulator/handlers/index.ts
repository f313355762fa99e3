// Every command the simulator serves, by xsi:type name.
import type { Handler } from './context.js';
import { groupLookupHandlers } from './group-lookups.js';
import { instantGroupCallHandlers } from './instant-group-call.js';
import { loginHandlers } from './login.js';
import { serviceInstanceHandlers } from './service-instances.js';
import { userHandlers } from './user.js';
import { worldBuilderHandlers } from './world-builders.js';

export const handlers: ReadonlyMap<string, Handler> = new Map(
  [...loginHandlers, ...groupLookupHandlers, ...instantGroupCallHandlers, ...serviceInstanceHandlers, ...userHandlers, ...worldBuilderHandlers].map((h) => [
    h.spec.name,
    h,
  ]),
);

export { LOGIN_COMMANDS } from './login.js';
export type { Handler, HandlerContext, Scope } from './context.js';
