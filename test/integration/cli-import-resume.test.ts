// The bulk CLI's import when things go wrong: an import killed mid-way resumes from its journal and
// creates nothing twice (rows the gateway created but never confirmed are settled against the
// group's list); bad rows are reported with their line and field while the others go on.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GROUP, startAdapter, TENANT } from '../support/adapter-harness.js';
import type { AdapterHarness } from '../support/adapter-harness.js';
import { FRESH_GROUP, freshGroup } from '../support/cli-fixtures.js';
import { cliEnv, listen, runCli, startCli } from '../support/cli-runner.js';
import type { ListeningAdapter } from '../support/cli-runner.js';

const ROWS = 30;
const ANSWERED_BEFORE_KILL = 10;
const CONCURRENCY = 2;

describe('apio-igc import: interruption and bad rows', () => {
  let adapter: AdapterHarness;
  let http: ListeningAdapter;
  let dir: string;
  /** While set, creates past the first ANSWERED_BEFORE_KILL are applied but not answered. */
  let creates = 0;
  const env = () => cliEnv({ APIO_URL: http.url, APIO_USERNAME: 'admin', APIO_PASSWORD: 'admin' });
  const adds = () => adapter.roundTrips.flatMap((event) => event.commandTypes).filter((type) => type.startsWith('GroupInstantGroupCallAddInstance')).length;
  const instancesIn = (group: string) => [...adapter.simulator.world.instantGroupCalls.values()].filter((igc) => igc.groupId === group);

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'apio-cli-resume-'));
    adapter = await startAdapter({}, { extraSeedCommands: freshGroup() });
    http = await listen(adapter.app, (request) => request.method === 'POST' && /instant_group_calls\/$/.test(request.url ?? '') && ++creates > ANSWERED_BEFORE_KILL);
  });

  after(async () => {
    await http?.close();
    await adapter?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('an import killed mid-way resumes where it stopped, creating nothing twice', async () => {
    const rows = Array.from({ length: ROWS }, (_unused, index) => `resume-${String(index).padStart(2, '0')}@sip.netaxis.be,Resume ${index},R,${index},false`);
    await writeFile(join(dir, 'resume.csv'), ['serviceUserId,name,cliFirstName,cliLastName,answerTimeoutEnabled', ...rows].join('\n'));
    const args = ['import', 'resume.csv', '--tenant', TENANT, '--group', FRESH_GROUP, '--concurrency', String(CONCURRENCY)];

    const first = startCli(args, env(), dir);
    await first.waitForLines(/: created /, ANSWERED_BEFORE_KILL);
    // Both rows in flight are created in BroadWorks, their answers held: the CLI dies not knowing.
    await http.whenHeld(CONCURRENCY);
    first.child.kill('SIGKILL');
    await first.done;
    http.release();
    assert.equal(instancesIn(FRESH_GROUP).length, ANSWERED_BEFORE_KILL + CONCURRENCY);
    const journal = (await readFile(join(dir, 'resume.csv.journal'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
    assert.equal(journal.filter((entry) => entry.state === 'done').length, ANSWERED_BEFORE_KILL);
    assert.equal(journal.filter((entry) => entry.state === 'sending').length, ANSWERED_BEFORE_KILL + CONCURRENCY);

    const second = await runCli(args, env(), dir);
    assert.equal(second.status, 0, `${second.stdout}\n${second.stderr}`);
    const resumed = ANSWERED_BEFORE_KILL + CONCURRENCY;
    assert.match(second.stdout, new RegExp(`created ${ROWS - resumed}, updated 0, done in an earlier run ${resumed}, skipped 0, invalid 0, failed 0`));
    assert.equal(instancesIn(FRESH_GROUP).length, ROWS);
    assert.equal(adds(), ROWS, 'one Add per row over both runs');
  });

  test('Ctrl-C stops starting rows, lets those in flight finish, and prints the summary (exit 130)', async () => {
    let posts = 0;
    const gated = await listen(adapter.app, (request) => request.method === 'POST' && /instant_group_calls\/$/.test(request.url ?? '') && ++posts > 3);
    try {
      const rows = Array.from({ length: 20 }, (_unused, index) => `sigint-${index}@sip.netaxis.be,Sigint ${index},S,${index},false`);
      await writeFile(join(dir, 'sigint.csv'), ['serviceUserId,name,cliFirstName,cliLastName,answerTimeoutEnabled', ...rows].join('\n'));
      const env = cliEnv({ APIO_URL: gated.url, APIO_USERNAME: 'admin', APIO_PASSWORD: 'admin' });
      const cli = startCli(['import', 'sigint.csv', '--tenant', TENANT, '--group', GROUP, '--concurrency', '2'], env, dir);
      await cli.waitForLines(/: created /, 3);
      await gated.whenHeld(2);
      cli.child.kill('SIGINT');
      await cli.waitForLines(/^interrupted: finishing the rows in flight/m, 1);
      gated.release();
      const result = await cli.done;
      assert.equal(result.status, 130, result.stdout);
      assert.match(result.stdout, /created 5, .* failed 0, in doubt 0, not sent 15\n {2}interrupted: 15 rows not started/);
      assert.equal([...adapter.simulator.world.instantGroupCalls.keys()].filter((id) => id.startsWith('sigint-')).length, 5);
    } finally {
      await gated.close();
    }
  });

  test('bad rows are reported with their line and field; the good ones are created; exit status 1', async () => {
    const csv = [
      'serviceUserId,name,cliFirstName,cliLastName,answerTimeoutEnabled,answerTimeoutMinutes,phoneNumber,destinationPhoneNumbers',
      'good-1@sip.netaxis.be,Good 1,G,One,true,5,,+3271123456',
      'bad-bool@sip.netaxis.be,Bad bool,B,Bool,perhaps,,,',
      'bad-name@sip.netaxis.be,' + 'N'.repeat(31) + ',B,Name,false,,,',
      'bad-missing@sip.netaxis.be,Missing,M,,false,,,',
      '"good-2@sip.netaxis.be","Good 2, with a',
      'line break",G,Two,false,,,',
      'good-1@sip.netaxis.be,Duplicate,D,Up,false,,,',
      'bad-minutes@sip.netaxis.be,Minutes,M,In,true,61,,',
      'bad-dn@sip.netaxis.be,Not our DN,D,N,false,,+3299999999,',
      'short@sip.netaxis.be,Short',
    ].join('\n');
    await writeFile(join(dir, 'bad.csv'), csv);
    const addsBefore = adds();
    const result = await runCli(['import', 'bad.csv', '--tenant', TENANT, '--group', GROUP], env(), dir);
    assert.equal(result.status, 1, result.stdout);
    const out = result.stdout;
    // The quoted cell spanning two lines: a line break is not a character BroadWorks stores in a
    // name (domain/storable-text.ts), so the row is refused, and the lines after it keep their numbers.
    assert.match(out, /created 1, updated 0, done in an earlier run 0, skipped 0, invalid 7, failed 1/);
    assert.match(out, /line 6, field name: must not contain control characters/);
    assert.match(out, /line 3, field answerTimeoutEnabled: 'perhaps' is not true or false/);
    assert.match(out, /line 4, field name: /);
    assert.match(out, /line 5, field cliLastName: /);
    assert.match(out, /line 8, field serviceUserId: the same id as line 2/);
    assert.match(out, /line 9, field answerTimeoutMinutes: /);
    assert.match(out, /line 11: 2 cells where the header has 8/);
    // Checked by BroadWorks, not by the file: sent, refused, reported with the gateway's reason.
    assert.match(out, /Failed rows:\n {2}line 10: FAILED bad-dn@sip\.netaxis\.be: .*\+3299999999/);
    assert.equal(adds() - addsBefore, 2, 'only the good row and the one BroadWorks refused were sent');
    assert.ok(adapter.simulator.world.instantGroupCalls.has('good-1@sip.netaxis.be'));
    assert.equal(adapter.simulator.world.instantGroupCalls.has('good-2@sip.netaxis.be'), false);
  });

  test('JSON rows are reported by the line their element starts on, with the JSON path', async () => {
    const json = `[
  {"serviceUserId": "json-good@sip.netaxis.be", "serviceInstanceProfile": {"name": "J", "cliFirstName": "J", "cliLastName": "G"}, "answerTimeoutEnabled": false},
  {
    "serviceUserId": "json-bad@sip.netaxis.be",
    "serviceInstanceProfile": {"name": "J", "cliFirstName": "J", "cliLastName": "B", "colour": "red"},
    "answerTimeoutEnabled": false
  }
]
`;
    await writeFile(join(dir, 'rows.json'), json);
    const result = await runCli(['import', 'rows.json', '--tenant', TENANT, '--group', GROUP], env(), dir);
    assert.equal(result.status, 1, result.stdout);
    assert.match(result.stdout, /line 3, field serviceInstanceProfile: unknown field\(s\) colour/);
    assert.match(result.stdout, /created 1/);
  });

  test('a file the CLI cannot read as a whole stops before anything is sent (exit 2)', async () => {
    await writeFile(join(dir, 'columns.csv'), 'serviceUserId,name,colour\nx@sip.netaxis.be,X,red\n');
    const before = adapter.roundTrips.length;
    const result = await runCli(['import', 'columns.csv', '--tenant', TENANT, '--group', GROUP], env(), dir);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /unknown CSV column\(s\) colour/);
    assert.equal(adapter.roundTrips.length, before);
    const missing = await runCli(['import', 'nope.csv', '--tenant', TENANT, '--group', GROUP], env(), dir);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /cannot read .*nope\.csv: ENOENT/);
  });
});
