// User-level commands (OCISchemaUser.xsd). Instant Group Call instances are virtual users, and the
// only users the simulator holds, so an unknown id (or an administrator's) is `User not found`.
import { UserModifyUserIdRequest } from '../../ocip/codec/index.js';
import { renameInstantGroupCall } from '../world/instances.js';
import { handler } from './context.js';
import type { Handler } from './context.js';
import { authorizedInstance } from './instant-group-call.js';

export const userHandlers: Handler[] = [
  handler(UserModifyUserIdRequest, (ctx, value) => {
    renameInstantGroupCall(ctx.world, authorizedInstance(ctx, value.userId), value.newUserId);
    return {};
  }),
];
