// The import when the gateway dies mid-way: the rows in flight are "in doubt" (sent, no answer),
// rows refused a connection and rows never started are "not sent"; after the documented number of
// connection failures in a row the import stops (exit 2), and a rerun against the gateway back up
// completes with nothing created twice. Also the exit statuses of the other commands, and the
// export's warning about rows without `active` (the default gateway does not return it).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_MAX_CONNECTION_FAILURES } from '../../src/cli/import-command.js';
import { GROUP, igcUrl, minimalBody, startAdapter, TENANT } from '../support/adapter-harness.js';
import type { AdapterHarness } from '../support/adapter-harness.js';
import { FRESH_GROUP, freshGroup } from '../support/cli-fixtures.js';
import { cliEnv, listen, runCli, startCli } from '../support/cli-runner.js';

const ROWS = 40;
const ANSWERED = 8;
const CONCURRENCY = 2;

describe('apio-igc import: the gateway dies mid-import', () => {
  let adapter: AdapterHarness;
  let dir: string;
  const env = (url: string) => cliEnv({ APIO_URL: url, APIO_USERNAME: 'admin', APIO_PASSWORD: 'admin' });
  const adds = () => adapter.roundTrips.flatMap((event) => event.commandTypes).filter((type) => type.startsWith('GroupInstantGroupCallAddInstance')).length;
  const instancesIn = (group: string) => [...adapter.simulator.world.instantGroupCalls.values()].filter((igc) => igc.groupId === group);

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'apio-cli-stop-'));
    adapter = await startAdapter({}, { extraSeedCommands: freshGroup() });
  });

  after(async () => {
    await adapter?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test(`after ${DEFAULT_MAX_CONNECTION_FAILURES} connection failures in a row: stop, in doubt apart from not sent, exit 2; a rerun completes`, async () => {
    let creates = 0;
    const gateway = await listen(adapter.app, (request) => request.method === 'POST' && /instant_group_calls\/$/.test(request.url ?? '') && ++creates > ANSWERED);
    const rows = Array.from({ length: ROWS }, (_unused, index) => `stop-${String(index).padStart(2, '0')}@sip.netaxis.be,Stop ${index},S,${index},false,false`);
    await writeFile(join(dir, 'stop.csv'), ['serviceUserId,name,cliFirstName,cliLastName,answerTimeoutEnabled,active', ...rows].join('\n'));
    const args = ['import', 'stop.csv', '--tenant', TENANT, '--group', FRESH_GROUP, '--concurrency', String(CONCURRENCY)];

    const first = startCli(args, env(gateway.url), dir);
    await first.waitForLines(/: created /, ANSWERED);
    // The two rows in flight reach BroadWorks; their answers are lost with the gateway.
    await gateway.whenHeld(CONCURRENCY);
    await gateway.kill();
    const stopped = await first.done;
    assert.equal(stopped.status, 2, `${stopped.stdout}\n${stopped.stderr}`);
    const summary = /created (\d+), .* failed 0, in doubt (\d+), not sent (\d+)\n {2}stopped after (\d+) connection failures in a row: (\d+) rows not started/.exec(stopped.stdout);
    assert.ok(summary, stopped.stdout);
    const [created, inDoubt, notSent, after, notStarted] = summary.slice(1).map(Number) as [number, number, number, number, number];
    assert.equal(created, ANSWERED);
    assert.equal(inDoubt, CONCURRENCY);
    assert.equal(after, DEFAULT_MAX_CONNECTION_FAILURES);
    assert.equal(created + inDoubt + notSent, ROWS);
    const refused = notSent - notStarted;
    assert.ok(refused >= DEFAULT_MAX_CONNECTION_FAILURES - CONCURRENCY && refused <= DEFAULT_MAX_CONNECTION_FAILURES, stopped.stdout);
    assert.equal(stopped.stdout.match(/NOT SENT \(no connection\)/g)?.length, refused * 2, 'one progress line and one summary line per refused row');
    assert.equal(instancesIn(FRESH_GROUP).length, ANSWERED + CONCURRENCY);

    const revived = await listen(adapter.app);
    try {
      const second = await runCli(args, env(revived.url), dir);
      assert.equal(second.status, 0, `${second.stdout}\n${second.stderr}`);
      assert.match(second.stdout, new RegExp(`created ${ROWS - ANSWERED - CONCURRENCY}, updated 0, done in an earlier run ${ANSWERED + CONCURRENCY}, .* failed 0, in doubt 0, not sent 0`));
      assert.equal(instancesIn(FRESH_GROUP).length, ROWS);
      assert.ok(instancesIn(FRESH_GROUP).every((igc) => igc.isActive === false), '`active` as the rows say');
      assert.equal(adds(), ROWS, 'one Add per row over both runs');
    } finally {
      await revived.close();
    }
  });

  test('exit statuses: an id the gateway refuses is 1, a gateway that cannot be reached is 2; the export warns about `active`', async () => {
    const gateway = await listen(adapter.app);
    try {
      const nope = await runCli(['activate', '--tenant', TENANT, '--group', GROUP, 'nope@sip.netaxis.be'], env(gateway.url));
      assert.equal(nope.status, 1, nope.stderr);
      assert.match(nope.stderr, /not activated \(nothing changed\): /);

      await adapter.request.post(igcUrl()).send(minimalBody('exit-codes@sip.netaxis.be')).expect(200);
      const exported = await runCli(['export', '--tenant', TENANT, '--group', GROUP], env(gateway.url));
      assert.equal(exported.status, 0, exported.stderr);
      assert.match(exported.stderr, /warning: \d+ of \d+ rows have no `active`: the gateway does not return it \(APIO setting SERVICE_USERS_RETURN_ACTIVE_STATUS is off\)/);
    } finally {
      await gateway.close();
    }
    const down = await runCli(['export', '--tenant', TENANT, '--group', GROUP], env('http://127.0.0.1:9'));
    assert.equal(down.status, 2);
    assert.match(down.stderr, /unreachable/);
  });
});
