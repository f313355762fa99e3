// Machine tokens for scripts and OSS integrations: opaque bearer tokens configured as SHA-256
// hashes (auth.machineTokens), each with a level and the tenant/group it is limited to. Only the
// hash is ever stored; a presented token is hashed and looked up.
import { createHash } from 'node:crypto';
import type { Principal } from './principal.js';
import type { UserLevel } from './user-levels.js';

export interface MachineTokenSetting {
  name: string;
  sha256: string;
  level: UserLevel;
  tenantId?: string;
  groupId?: string;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export class MachineTokens {
  readonly #byHash: ReadonlyMap<string, Principal>;

  constructor(settings: readonly MachineTokenSetting[]) {
    this.#byHash = new Map(
      settings.map((token) => {
        const principal: Principal = { via: 'machine', name: token.name, level: token.level, loginType: 'Machine' };
        if (token.tenantId !== undefined) principal.tenantId = token.tenantId;
        if (token.groupId !== undefined) principal.groupId = token.groupId;
        return [token.sha256, principal];
      }),
    );
  }

  /** The principal of a configured token, or undefined. */
  find(token: string): Principal | undefined {
    if (this.#byHash.size === 0) return undefined;
    return this.#byHash.get(sha256Hex(token));
  }
}
