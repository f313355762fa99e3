// The HS256 key of access and refresh tokens. Configured (auth.jwtSecret / AUTH_JWT_SECRET), or
// generated once and kept where every instance that must accept the tokens finds it:
//   - Redis store: in the store, set-if-absent, so instances started together agree on one key;
//   - file store: DATA_DIR/auth-jwt-secret (mode 0600), created exclusively, so a restart keeps
//     the tokens already handed out valid;
//   - memory store (tests): a key of this process.
// The key is never logged and never leaves this module except as the key bytes.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Store } from '../store/index.js';

export const SECRET_FILE = 'auth-jwt-secret';
const SECRET_KEY = 'auth:jwt-secret';

export interface SecretSource {
  configured: string | null;
  store: Store;
  /** Absolute data directory (file store). */
  dataDir: string;
}

export async function resolveJwtSecret({ configured, store, dataDir }: SecretSource): Promise<Uint8Array> {
  if (configured) return new TextEncoder().encode(configured);
  const fresh = randomBytes(48).toString('base64url');
  switch (store.kind) {
    case 'memory':
      return new TextEncoder().encode(fresh);
    case 'redis': {
      await store.reserve(SECRET_KEY, fresh);
      const agreed = await store.peek<string>(SECRET_KEY);
      if (typeof agreed !== 'string') throw new Error('the shared token key could not be read back from Redis');
      return new TextEncoder().encode(agreed);
    }
    case 'file':
      return new TextEncoder().encode(await fileSecret(dataDir, fresh));
  }
}

async function fileSecret(dataDir: string, fresh: string): Promise<string> {
  const path = join(dataDir, SECRET_FILE);
  await mkdir(dataDir, { recursive: true });
  try {
    await writeFile(path, `${fresh}\n`, { flag: 'wx', mode: 0o600 });
    return fresh;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const kept = (await readFile(path, 'utf8')).trim();
  if (kept.length < 32) throw new Error(`${path} holds no usable token key (delete it to generate a new one)`);
  return kept;
}
