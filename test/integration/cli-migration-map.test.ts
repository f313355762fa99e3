// A migration inside one system, as a carrier runs it: export a group, import it into another group
// of the same simulator with a map (ids, numbers, domain, department), export that group — the two
// exports are equal after the same mapping. Without the map BroadWorks refuses every row (ids and
// numbers are unique system-wide) and each row says so with a hint; --drop and the map in a dry run.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GROUP, igcUrl, startAdapter, TENANT } from '../support/adapter-harness.js';
import type { AdapterHarness } from '../support/adapter-harness.js';
import { migrationTarget, numbersFor, richInstances, TARGET_DOMAIN, TARGET_GROUP } from '../support/cli-fixtures.js';
import { cliEnv, listen, runCli } from '../support/cli-runner.js';
import type { ListeningAdapter } from '../support/cli-runner.js';

const INSTANCES = 9;
const MAP = [
  'kind,from,to',
  // An id rule wins over the domain rule for that id.
  `id,bulk-00@sip.netaxis.be,first@${TARGET_DOMAIN}`,
  `domain,sip.netaxis.be,${TARGET_DOMAIN}`,
  'number,+32270000*,+32270001*',
  'number,70*,71*',
  'department,test_department_initial,Target initial',
].join('\n');

/** The same mapping, written out independently of the CLI's code, on the text of a CSV export. */
function mapExport(csv: string): string[] {
  const rows = csv
    .trimEnd()
    .split('\n')
    .map((line) =>
      line
        .replaceAll('bulk-00@sip.netaxis.be', `first@${TARGET_DOMAIN}`)
        .replaceAll('@sip.netaxis.be', `@${TARGET_DOMAIN}`)
        .replaceAll('+32270000', '+32270001')
        .replace(/,70(\d\d),/, ',71$1,')
        .replaceAll('test_department_initial', 'Target initial'),
    );
  return [rows[0]!, ...rows.slice(1).sort()];
}

describe('apio-igc import --map: a group migrated into another group of the same system', () => {
  let adapter: AdapterHarness;
  let http: ListeningAdapter;
  let dir: string;
  const env = () => cliEnv({ APIO_URL: http.url, APIO_USERNAME: 'admin', APIO_PASSWORD: 'admin' });
  const adds = () => adapter.roundTrips.flatMap((event) => event.commandTypes).filter((type) => type.startsWith('GroupInstantGroupCallAddInstance')).length;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'apio-cli-map-'));
    adapter = await startAdapter({ returnActive: true }, { extraSeedCommands: [...numbersFor(GROUP), ...migrationTarget()] });
    http = await listen(adapter.app);
    for (const body of richInstances(INSTANCES)) {
      const response = await adapter.request.post(igcUrl()).send(body);
      assert.equal(response.status, 200, response.text);
    }
    await writeFile(join(dir, 'map.csv'), MAP);
  });

  after(async () => {
    await http?.close();
    await adapter?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('without a map every row is refused, each with the hint to use --map (exit 1)', async () => {
    const exported = await runCli(['export', '--tenant', TENANT, '--group', GROUP, '--output', join(dir, 'source.csv')], env());
    assert.equal(exported.status, 0, exported.stderr);
    const result = await runCli(['import', 'source.csv', '--tenant', TENANT, '--group', TARGET_GROUP, '--journal', 'unmapped.journal'], env(), dir);
    assert.equal(result.status, 1, result.stdout);
    assert.match(result.stdout, new RegExp(`created 0, .* failed ${INSTANCES}, in doubt 0, not sent 0`));
    // In the summary, each failed row with BroadWorks' reason and the hint.
    assert.equal(result.stdout.match(/^ {2}line \d+: FAILED .*\[Error 4200\] .*exists elsewhere in the system: .*--map/gm)?.length, INSTANCES, result.stdout);
  });

  test('--drop and --map in a dry run: rows rewritten and checked, nothing changed, a warning for rows without `active`', async () => {
    const csv = 'serviceUserId,name,cliFirstName,cliLastName,answerTimeoutEnabled,phoneNumber,extension,aliases\nbulk-03@sip.netaxis.be,D,R,Y,false,+3227000003,7003,a-3@sip.netaxis.be\n';
    await writeFile(join(dir, 'drop.csv'), csv);
    const before = adapter.simulator.world.snapshot();
    const args = ['import', 'drop.csv', '--tenant', TENANT, '--group', TARGET_GROUP, '--dry-run', '--map', 'map.csv', '--drop', 'phoneNumber,extension,aliases'];
    const result = await runCli(args, env(), dir);
    assert.equal(result.status, 0, `${result.stdout}\n${result.stderr}`);
    assert.match(result.stdout, new RegExp(`would create bulk-03@${TARGET_DOMAIN.replaceAll('.', '\\.')} `));
    assert.match(result.stdout, /would create 1, .* not sent 0\n {2}rewritten by --map\/--drop: 1 rows/);
    assert.match(result.stderr, /warning: 1 row\(s\) to check have no `active` \(lines 2\); BroadWorks creates them active/);
    assert.deepEqual(adapter.simulator.world.snapshot(), before);

    const unknown = await runCli(['import', 'drop.csv', '--tenant', TENANT, '--group', TARGET_GROUP, '--drop', 'name'], env(), dir);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /--drop: name cannot be dropped/);
  });

  test('export → import with the map → export again: equal after the same mapping; a rerun sends nothing', async () => {
    const source = await readFile(join(dir, 'source.csv'), 'utf8');
    assert.equal(source.trimEnd().split('\n').length, INSTANCES + 1);
    const args = ['import', 'source.csv', '--tenant', TENANT, '--group', TARGET_GROUP, '--map', 'map.csv'];
    const imported = await runCli(args, env(), dir);
    assert.equal(imported.status, 0, `${imported.stdout}\n${imported.stderr}`);
    assert.match(imported.stdout, new RegExp(`created ${INSTANCES}, updated 0, .* failed 0, in doubt 0, not sent 0\n {2}rewritten by --map/--drop: ${INSTANCES} rows`));
    assert.doesNotMatch(imported.stderr, /no `active`/, 'the export carried active');

    const again = await runCli(['export', '--tenant', TENANT, '--group', TARGET_GROUP], env());
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stdout, new RegExp(`first@${TARGET_DOMAIN.replaceAll('.', '\\.')}`));
    assert.deepEqual(again.stdout.trimEnd().split('\n'), mapExport(source));
    // The source group is untouched.
    const sourceNow = await runCli(['export', '--tenant', TENANT, '--group', GROUP], env());
    assert.equal(sourceNow.stdout, source);

    const before = adds();
    const rerun = await runCli(args, env(), dir);
    assert.equal(rerun.status, 0, rerun.stdout);
    assert.match(rerun.stdout, new RegExp(`created 0, updated 0, done in an earlier run ${INSTANCES}`));
    assert.equal(adds(), before);
  });
});
