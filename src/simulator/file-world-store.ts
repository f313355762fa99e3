// A WorldStore on disk: keyv over keyv-file, one JSON file under the data directory. This is what
// the standalone simulator and the adapter's embedded simulator persist with.
import { join } from 'node:path';
import Keyv from 'keyv';
import { KeyvFile } from 'keyv-file';
import type { WorldStore } from './persistence.js';
import type { WorldSnapshot } from './world/types.js';

export const WORLD_FILE_NAME = 'simulator-world.json';
const WORLD_KEY = 'world';

export function createFileWorldStore(dataDir: string, fileName = WORLD_FILE_NAME): WorldStore {
  // writeDelay batches writes; SaveQueue already serialises saves, so a short delay is enough.
  const keyv = new Keyv<WorldSnapshot>({ store: new KeyvFile({ filename: join(dataDir, fileName), writeDelay: 10 }), namespace: 'simulator' });
  return {
    load: async () => (await keyv.get(WORLD_KEY)) ?? undefined,
    save: async (snapshot) => {
      await keyv.set(WORLD_KEY, snapshot);
    },
  };
}
