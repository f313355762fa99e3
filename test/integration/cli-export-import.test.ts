// The bulk CLI (`apio-igc`, the package's bin) against started adapters, as a user runs it: export
// a group, import it into a fresh group of another system, export again — the same rows, in CSV
// and in JSON; --update, activate/deactivate, and credentials that are never echoed.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { runCli as runCliInProcess } from '../../src/cli/program.js';
import { projectRoot } from '../../src/config/index.js';
import { GROUP, igcUrl, startAdapter, TENANT } from '../support/adapter-harness.js';
import type { AdapterHarness } from '../support/adapter-harness.js';
import { FRESH_GROUP, freshGroup, numbersFor, richInstances } from '../support/cli-fixtures.js';
import { cliEnv, listen, runCli } from '../support/cli-runner.js';
import type { ListeningAdapter } from '../support/cli-runner.js';

const INSTANCES = 12;

describe('apio-igc export and import', () => {
  // source: the seed group with instances; csvTarget and jsonTarget: other systems with a fresh group.
  const systems: Array<{ adapter: AdapterHarness; http: ListeningAdapter }> = [];
  let dir: string;
  const env = (index: number, extra: Record<string, string> = {}) =>
    cliEnv({ APIO_URL: systems[index]!.http.url, APIO_USERNAME: 'admin', APIO_PASSWORD: 'admin', ...extra });

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'apio-cli-'));
    // SERVICE_USERS_RETURN_ACTIVE_STATUS: the instance answers carry `active`, so an export has it.
    for (const seed of [numbersFor(GROUP), freshGroup(), freshGroup()]) {
      const adapter = await startAdapter({ returnActive: true }, { extraSeedCommands: seed });
      systems.push({ adapter, http: await listen(adapter.app) });
    }
    for (const body of richInstances(INSTANCES)) {
      const response = await systems[0]!.adapter.request.post(igcUrl()).send(body);
      assert.equal(response.status, 200, response.text);
    }
  });

  after(async () => {
    for (const { adapter, http } of systems) {
      await http.close();
      await adapter.close();
    }
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('`npx apio-igc --help` runs the package bin and lists the commands', () => {
    const result = spawnSync('npx', ['--no-install', 'apio-igc', '--help'], { cwd: projectRoot, encoding: 'utf8', env: cliEnv({}), timeout: 60_000 });
    assert.equal(result.status, 0, result.stderr);
    for (const command of ['export', 'import', 'activate', 'deactivate']) assert.match(result.stdout, new RegExp(`\\b${command}\\b`));
  });

  test('CSV: export → import into a fresh group of another system → export again gives the same rows', async () => {
    const exported = await runCli(['export', '--tenant', TENANT, '--group', GROUP], env(0));
    assert.equal(exported.status, 0, exported.stderr);
    const lines = exported.stdout.trimEnd().split('\n');
    assert.equal(lines.length, INSTANCES + 1, exported.stdout);
    assert.match(lines[0]!, /^serviceUserId,name,cliFirstName,cliLastName,/);
    assert.match(exported.stdout, /"Last, ""quoted"" 00"/, 'CSV quoting of commas and quotes');
    assert.match(exported.stdout, /alias-00@sip\.netaxis\.be\|alias-00b@sip\.netaxis\.be/);
    await writeFile(join(dir, 'group.csv'), exported.stdout);

    const imported = await runCli(['import', 'group.csv', '--tenant', TENANT, '--group', FRESH_GROUP, '--concurrency', '4'], env(1), dir);
    assert.equal(imported.status, 0, `${imported.stdout}\n${imported.stderr}`);
    assert.match(imported.stdout, new RegExp(`created ${INSTANCES}, updated 0`));
    // Not a TTY: one plain line per row.
    assert.equal(imported.stdout.match(/^\[\d+\/\d+\] line \d+: created /gm)?.length, INSTANCES);

    const again = await runCli(['export', '--tenant', TENANT, '--group', FRESH_GROUP], env(1));
    assert.equal(again.status, 0, again.stderr);
    assert.equal(again.stdout, exported.stdout);
    // The journal makes a rerun a no-op: nothing is sent again.
    const adds = () => systems[1]!.adapter.roundTrips.flatMap((event) => event.commandTypes).filter((type) => type.startsWith('GroupInstantGroupCallAddInstance')).length;
    const before = adds();
    const rerun = await runCli(['import', 'group.csv', '--tenant', TENANT, '--group', FRESH_GROUP], env(1), dir);
    assert.equal(rerun.status, 0, rerun.stdout);
    assert.match(rerun.stdout, new RegExp(`created 0, updated 0, done in an earlier run ${INSTANCES}`));
    assert.equal(adds(), before);
  });

  test('JSON: the same round trip, with departments taken by name in the target group', async () => {
    const output = join(dir, 'group.json');
    const exported = await runCli(['export', '--tenant', TENANT, '--group', GROUP, '--format', 'json', '--output', output], env(0));
    assert.equal(exported.status, 0, exported.stderr);
    const text = await readFile(output, 'utf8');
    const rows = JSON.parse(text) as Array<Record<string, any>>;
    assert.equal(rows.length, INSTANCES);
    assert.equal(text.split('\n').length, INSTANCES + 3, 'one row per line');
    assert.equal(rows[0]!.serviceInstanceProfile.department.groupId, GROUP);

    const imported = await runCli(['import', 'group.json', '--tenant', TENANT, '--group', FRESH_GROUP], env(2), dir);
    assert.equal(imported.status, 0, `${imported.stdout}\n${imported.stderr}`);
    const again = await runCli(['export', '--tenant', TENANT, '--group', FRESH_GROUP, '--format', 'json'], env(2));
    assert.equal(again.status, 0, again.stderr);
    assert.deepEqual(JSON.parse(again.stdout), JSON.parse(text.replaceAll(`"groupId":"${GROUP}"`, `"groupId":"${FRESH_GROUP}"`)));
  });

  test('--update changes rows whose instance exists; without it they are skipped', async () => {
    const csv = 'serviceUserId,name,destinationPhoneNumbers\nbulk-01@sip.netaxis.be,Renamed 01,+3271123401|+3271123402\n';
    await writeFile(join(dir, 'rename.csv'), csv);
    const skipped = await runCli(['import', 'rename.csv', '--tenant', TENANT, '--group', GROUP, '--journal', 'skip.journal'], env(0), dir);
    // Without --update the row still has to be a full create row: it is not one, so it is invalid.
    assert.equal(skipped.status, 1, skipped.stdout);
    assert.match(skipped.stdout, /line 2, field cliFirstName: /);
    const updated = await runCli(['import', 'rename.csv', '--tenant', TENANT, '--group', GROUP, '--update'], env(0), dir);
    assert.equal(updated.status, 0, updated.stdout);
    assert.match(updated.stdout, /updated 1/);
    const instance = await systems[0]!.adapter.request.get(`${igcUrl()}bulk-01@sip.netaxis.be/`).expect(200);
    assert.equal(instance.body.serviceInstanceProfile.name, 'Renamed 01');
    assert.equal(instance.body.serviceInstanceProfile.cliFirstName, 'First 01', 'fields the row leaves out stay');
    assert.deepEqual(instance.body.destinationPhoneNumbers, ['+3271123401', '+3271123402']);

    const full = 'serviceUserId,name,cliFirstName,cliLastName,answerTimeoutEnabled\nbulk-02@sip.netaxis.be,X,Y,Z,false\n';
    await writeFile(join(dir, 'existing.csv'), full);
    const skip = await runCli(['import', 'existing.csv', '--tenant', TENANT, '--group', GROUP], env(0), dir);
    assert.equal(skip.status, 0, skip.stdout);
    assert.match(skip.stdout, /skipped 1/);
  });

  test('deactivate --all and activate IDS use the bulk active route', async () => {
    const world = systems[0]!.adapter.simulator.world;
    const flags = () => [...world.instantGroupCalls.values()].filter((igc) => igc.groupId === GROUP).map((igc) => igc.isActive);
    const off = await runCli(['deactivate', '--tenant', TENANT, '--group', GROUP, '--all'], env(0));
    assert.equal(off.status, 0, off.stderr);
    assert.match(off.stdout, new RegExp(`deactivated ${INSTANCES} instant group call`));
    assert.ok(flags().every((active) => active === false));
    const on = await runCli(['activate', '--tenant', TENANT, '--group', GROUP, 'bulk-00@sip.netaxis.be', 'bulk-03@sip.netaxis.be'], env(0));
    assert.equal(on.status, 0, on.stderr);
    assert.equal(world.instantGroupCalls.get('bulk-03@sip.netaxis.be')?.isActive, true);
    assert.equal(flags().filter(Boolean).length, 2);
    const neither = await runCli(['activate', '--tenant', TENANT, '--group', GROUP], env(0));
    assert.equal(neither.status, 2);
    assert.match(neither.stderr, /give the service user ids, or --all/);
  });

  test('--dry-run: rows checked by the gateway, nothing changed, no journal', async () => {
    const world = systems[0]!.adapter.simulator.world;
    const before = world.snapshot();
    const csv = [
      'serviceUserId,name,cliFirstName,cliLastName,answerTimeoutEnabled,phoneNumber,password',
      'dry-new@sip.netaxis.be,New,N,Ew,false,+3227000001,Dry-S3cret',
      'bulk-02@sip.netaxis.be,Existing,E,X,true,,',
      // A number the gateway cannot read: its checks run in a dry run too (BroadWorks' own rules,
      // such as a DN of another group, only when the change is really sent).
      'dry-bad@sip.netaxis.be,Bad number,D,N,false,12x34,',
    ].join('\n');
    await writeFile(join(dir, 'dry.csv'), csv);
    const result = await runCli(['import', 'dry.csv', '--tenant', TENANT, '--group', GROUP, '--update', '--dry-run'], env(0), dir);
    assert.equal(result.status, 1, result.stdout);
    assert.match(result.stdout, /line 2: would create dry-new@sip\.netaxis\.be \[GroupInstantGroupCallAddInstanceRequest14, /);
    assert.match(result.stdout, /line 3: would update bulk-02@sip\.netaxis\.be \[GroupInstantGroupCallModifyInstanceRequest, /);
    assert.match(result.stdout, /line 4: FAILED dry-bad@sip\.netaxis\.be: field phoneNumber: /);
    assert.match(result.stdout, /Dry run of 3 rows \(nothing was changed\):\n {2}would create 1, would update 1, skipped 0, invalid 0, failed 1/);
    assert.doesNotMatch(result.stdout + result.stderr, /Dry-S3cret/);
    assert.deepEqual(world.snapshot(), before);
    await assert.rejects(readFile(join(dir, 'dry.csv.journal')), { code: 'ENOENT' });

    const off = await runCli(['deactivate', '--tenant', TENANT, '--group', GROUP, '--all', '--dry-run'], env(0));
    assert.equal(off.status, 0, off.stderr);
    assert.match(off.stdout, new RegExp(`would deactivate ${INSTANCES} instant group call`));
    assert.match(off.stdout, /<command xsi:type="GroupInstantGroupCallModifyActiveInstanceListRequest"/);
    assert.deepEqual(world.snapshot(), before);
  });

  test('on a terminal the import shows a progress bar with its rate and ETA (stderr), and no per-row lines', async () => {
    await writeFile(join(dir, 'tty.csv'), 'serviceUserId,name,cliFirstName,cliLastName,answerTimeoutEnabled\ntty-1@sip.netaxis.be,T,T,Y,false\n');
    const capture = () => {
      const stream = Object.assign(new PassThrough(), { isTTY: true, columns: 120 });
      let text = '';
      stream.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      return { stream, text: () => text };
    };
    const stdout = capture();
    const stderr = capture();
    const status = await runCliInProcess(['import', 'tty.csv', '--tenant', TENANT, '--group', FRESH_GROUP], {
      stdout: stdout.stream,
      stderr: stderr.stream,
      env: { APIO_URL: systems[1]!.http.url, APIO_USERNAME: 'admin', APIO_PASSWORD: 'admin' },
      cwd: dir,
    });
    assert.equal(status, 0, stdout.text());
    assert.match(stderr.text(), /import \|.*\| 1\/1 rows \| [\d.]+ rows\/s \| ETA \w+ \| 0 failed/);
    assert.doesNotMatch(stdout.text(), /^\[1\/1\]/m);
    assert.match(stdout.text(), /created 1,/);
  });

  test('credentials come from flags or the environment and are never echoed', async () => {
    const secret = 'Wr0ng-S3cret-Pa55';
    const wrong = await runCli(['export', '--tenant', TENANT, '--group', GROUP], env(0, { APIO_PASSWORD: secret }));
    assert.equal(wrong.status, 2);
    assert.match(wrong.stderr, /refused the login of admin/);
    assert.doesNotMatch(wrong.stdout + wrong.stderr, new RegExp(secret));
    const typo = await runCli(['export', '--tenant', TENANT, '--group', GROUP, `--pasword=${secret}`], env(0));
    assert.equal(typo.status, 2);
    assert.doesNotMatch(typo.stdout + typo.stderr, new RegExp(secret));
    const none = await runCli(['export', '--tenant', TENANT, '--group', GROUP], cliEnv({ APIO_URL: systems[0]!.http.url }));
    assert.equal(none.status, 2);
    assert.match(none.stderr, /no credentials: set APIO_TOKEN, or APIO_USERNAME and APIO_PASSWORD/);

    // A bearer token (here a login's access token) in APIO_TOKEN, the URL as a flag.
    const { access_token } = await systems[0]!.adapter.login('groupadmin');
    const byToken = await runCli(['--url', systems[0]!.http.url, 'export', '--tenant', TENANT, '--group', GROUP, '--format', 'json'], cliEnv({ APIO_TOKEN: access_token }));
    assert.equal(byToken.status, 0, byToken.stderr);
    assert.equal((JSON.parse(byToken.stdout) as unknown[]).length, INSTANCES);
    assert.doesNotMatch(byToken.stdout + byToken.stderr, new RegExp(access_token));
    // Outside the token's scope: the gateway's 403, reported, exit 2.
    const outside = await runCli(['--url', systems[0]!.http.url, 'export', '--tenant', TENANT, '--group', 'OtherGroup'], cliEnv({ APIO_TOKEN: access_token }));
    assert.equal(outside.status, 2);
    assert.match(outside.stderr, /apio-igc: /);
  });
});
