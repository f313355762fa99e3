// The seed file's format: the JSON Schema beside the seeds is the one the code validates with, the
// shipped seeds are valid, and a wrong seed is refused whole with every wrong entry named.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../src/config/index.js';
import { readSeedWorld } from '../../src/simulator/seed.js';
import { SeedValidationError, seedJsonSchema, validateSeed } from '../../src/simulator/seed-validation.js';

describe('seed file format', () => {
  test('config/seed-world.schema.json is the schema the simulator validates with', async () => {
    const file = JSON.parse(await readFile(join(projectRoot, 'config', 'seed-world.schema.json'), 'utf8')) as unknown;
    assert.deepEqual(
      file,
      seedJsonSchema(),
      'regenerate it: node --import tsx -e "import(\'./src/simulator/seed-validation.ts\').then((m) => console.log(JSON.stringify(m.seedJsonSchema(), null, 2)))" > config/seed-world.schema.json',
    );
  });

  test('the default seed and the documented example are valid', async () => {
    for (const file of ['config/seed-world.json', 'docs/examples/seed-two-tenants.json']) {
      const seed = await readSeedWorld(join(projectRoot, file));
      assert.ok(seed.commands.length > 0, file);
    }
  });

  test('every wrong entry is named: shape, unknown or unhandled request, a value the OCI-P schema refuses', () => {
    const seed = {
      systemAdmins: [{ userId: 'admin' }],
      commands: [
        { type: 'SystemDomainAddRequest', value: { domain: 'ok.example' } },
        { type: 'NoSuchThingRequest', value: {} },
        { type: 'GroupAddRequest', value: { serviceProviderId: 'Sp', defaultDomain: 'ok.example', userLimit: 10 } },
        { type: 'UserGetRequest22', value: { userId: 'x@ok.example' } },
        { type: 'SystemDomainAddRequest', value: 'ok.example' },
      ],
    };
    let error: unknown;
    try {
      validateSeed(seed, 'seed.json');
    } catch (caught) {
      error = caught;
    }
    assert.ok(error instanceof SeedValidationError);
    assert.match(error.message, /^seed\.json: the seed is not valid:/);
    assert.match(error.message, /systemAdmins\[0\]\.password: /);
    assert.match(error.message, /commands\[4\]\.value: /);

    const shaped = { commands: seed.commands.slice(0, 4) };
    assert.throws(
      () => validateSeed(shaped, 'seed.json'),
      (thrown: unknown) => {
        assert.ok(thrown instanceof SeedValidationError);
        assert.equal(thrown.problems.length, 3, thrown.message);
        assert.match(thrown.problems[0]!, /^commands\[1\] NoSuchThingRequest: not an OCI-P request type/);
        assert.match(thrown.problems[1]!, /^commands\[2\] GroupAddRequest: .*groupId/);
        assert.match(thrown.problems[2]!, /^commands\[3\] UserGetRequest22: (the simulator does not handle|not an OCI-P request type)/);
        return true;
      },
    );
  });

  test('a file that is not JSON is refused with its name', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'apio-seed-'));
    try {
      await writeFile(join(dir, 'broken.json'), '{"commands": [');
      await assert.rejects(readSeedWorld(join(dir, 'broken.json')), (error: unknown) => error instanceof SeedValidationError && /broken\.json: the seed is not valid/.test(error.message));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
