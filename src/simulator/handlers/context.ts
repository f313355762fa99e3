// What a command handler gets (the world, the session, the login's scope check) and how one is
// declared: `handler(Spec, (ctx, value) => response)`, typed from the codec's spec so a handler
// can only answer the response type its request names.
import type { CommandSpec, CommandValue, Release, ResponseOf } from '../../ocip/codec/index.js';
import { simError } from '../errors.js';
import type { Authenticator } from '../session-auth.js';
import type { LoginState, SessionState } from '../session.js';
import type { World } from '../world/world.js';

/** What a command touches, as BroadWorks scopes administrators. */
export type Scope =
  | { level: 'system' }
  | { level: 'serviceProvider'; serviceProviderId: string }
  | { level: 'group'; serviceProviderId: string; groupId: string };

export interface HandlerContext {
  readonly world: World;
  readonly session: SessionState;
  /** The sessionId of the document being answered. */
  readonly sessionId: string;
  readonly auth: Authenticator;
  readonly now: number;
  /** The release the simulator plays. */
  readonly release: Release;
  /** Refuses with 4902 when the session's login does not cover the scope. */
  authorize(scope: Scope): void;
}

export interface Handler {
  readonly spec: CommandSpec;
  handle(ctx: HandlerContext, value: Record<string, unknown>): object;
}

export function handler<S extends CommandSpec>(spec: S, handle: (ctx: HandlerContext, value: CommandValue<S>) => ResponseOf<S>): Handler {
  return { spec, handle: handle as unknown as Handler['handle'] };
}

export function groupScope(target: { serviceProviderId: string; groupId: string }): Scope {
  return { level: 'group', serviceProviderId: target.serviceProviderId, groupId: target.groupId };
}

export function providerScope(serviceProviderId: string): Scope {
  return { level: 'serviceProvider', serviceProviderId };
}

export const SYSTEM_SCOPE: Scope = { level: 'system' };

/** A system login covers everything; a provider login its provider and groups; a group login its group. */
export function covers(login: LoginState | undefined, scope: Scope): boolean {
  if (!login) return false;
  switch (login.loginType) {
    case 'System':
      return true;
    case 'Service Provider':
      return scope.level !== 'system' && scope.serviceProviderId === login.serviceProviderId;
    case 'Group':
      return scope.level === 'group' && scope.serviceProviderId === login.serviceProviderId && scope.groupId === login.groupId;
  }
}

export function authorizer(login: LoginState | undefined): (scope: Scope) => void {
  return (scope) => {
    if (!covers(login, scope)) throw simError('ACCESS_DENIED', describeScope(scope));
  };
}

function describeScope(scope: Scope): string {
  switch (scope.level) {
    case 'system':
      return 'system level';
    case 'serviceProvider':
      return `service provider ${scope.serviceProviderId}`;
    case 'group':
      return `group ${scope.serviceProviderId}:${scope.groupId}`;
  }
}
