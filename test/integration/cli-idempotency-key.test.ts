// The import's Idempotency-Key, through CLI process → adapter HTTP → OCI-P → simulator: every
// create leaves with a key in the draft's quoted form, written in the journal's `sending` line
// first; a row whose answer was lost (the Add applied, its answer and the adapter's read-back both
// dropped, so the adapter answers 502 in doubt) stays in doubt, and the rerun sends it again under
// the journalled key — the adapter resolves it to the id it drew, so a generated id ends as one
// instance, never two with the same name.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAdapter, TENANT } from '../support/adapter-harness.js';
import type { AdapterHarness } from '../support/adapter-harness.js';
import { FRESH_GROUP, freshGroup } from '../support/cli-fixtures.js';
import { cliEnv, listen, runCli } from '../support/cli-runner.js';
import type { ListeningAdapter } from '../support/cli-runner.js';

const ADD = 'GroupInstantGroupCallAddInstanceRequest14';
const READ = 'GroupInstantGroupCallGetInstanceRequest19sp1';
const QUOTED_UUID = /^"([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"$/;

interface SentChange {
  method: string;
  key: string | undefined;
}

interface JournalLine {
  line?: number;
  state?: string;
  idempotencyKey?: string;
}

describe('apio-igc import: one Idempotency-Key per row, kept in the journal', () => {
  let adapter: AdapterHarness;
  let http: ListeningAdapter;
  let dir: string;
  const sent: SentChange[] = [];
  const env = () => cliEnv({ APIO_URL: http.url, APIO_USERNAME: 'admin', APIO_PASSWORD: 'admin' });
  const adds = () => adapter.roundTrips.flatMap((event) => event.commandTypes).filter((type) => type === ADD).length;
  const named = (name: string) => [...adapter.simulator.world.instantGroupCalls.values()].filter((igc) => igc.groupId === FRESH_GROUP && igc.name === name);
  const journalOf = async (file: string): Promise<JournalLine[]> =>
    (await readFile(join(dir, file), 'utf8'))
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => JSON.parse(line) as JournalLine);

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'apio-cli-key-'));
    adapter = await startAdapter({ autoGenerate: true, rule: '{{group_id}}_igc{{RND_4}}@{{domain}}' }, { extraSeedCommands: freshGroup() });
    // Holds nothing: it only notes the key each change of an instance was sent with.
    http = await listen(adapter.app, (request) => {
      if (request.method !== 'GET' && /\/instant_group_calls\//.test(request.url ?? '')) sent.push({ method: request.method ?? '', key: request.headers['idempotency-key'] as string | undefined });
      return false;
    });
  });

  after(async () => {
    await http?.close();
    await adapter?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('every create carries its own quoted key, written in the journal before it left', async () => {
    sent.length = 0;
    const rows = Array.from({ length: 4 }, (_unused, index) => `key-${index}@sip.netaxis.be,Key ${index},K,${index},false,false`);
    await writeFile(join(dir, 'keys.csv'), ['serviceUserId,name,cliFirstName,cliLastName,answerTimeoutEnabled,active', ...rows].join('\n'));
    const result = await runCli(['import', 'keys.csv', '--tenant', TENANT, '--group', FRESH_GROUP, '--concurrency', '2'], env(), dir);
    assert.equal(result.status, 0, `${result.stdout}\n${result.stderr}`);

    const posts = sent.filter((change) => change.method === 'POST' && !/^"?$/.test(change.key ?? ''));
    assert.equal(sent.filter((change) => change.method === 'POST').length, 4);
    assert.equal(posts.length, 4, `every POST has a key: ${JSON.stringify(sent)}`);
    const keys = posts.map((change) => QUOTED_UUID.exec(change.key!)?.[1]);
    assert.ok(keys.every((key) => key !== undefined), `quoted UUIDs: ${JSON.stringify(posts)}`);
    assert.equal(new Set(keys).size, 4, 'a new key per row');

    const journal = await journalOf('keys.csv.journal');
    const sending = journal.filter((entry) => entry.state === 'sending');
    assert.equal(sending.length, 4);
    assert.deepEqual(sending.map((entry) => entry.idempotencyKey).sort(), [...keys].sort(), 'the journal holds the keys sent');
    assert.equal(journal.filter((entry) => entry.state === 'done').length, 4);
  });

  test('a lost answer stays in doubt; the rerun sends the journalled key and ends with one instance, generated id too', async () => {
    // Line 2: an explicit id; line 3: no id, the gateway draws one by its rule.
    const csv = ['serviceUserId,name,cliFirstName,cliLastName,answerTimeoutEnabled,active', 'lost-key@sip.netaxis.be,Lost explicit,L,E,false,false', ',Lost generated,L,G,false,false'];
    await writeFile(join(dir, 'lost.csv'), csv.join('\n'));
    const args = ['import', 'lost.csv', '--tenant', TENANT, '--group', FRESH_GROUP, '--concurrency', '1'];
    // Each Add is applied and its answer lost; each read-back fails too: the adapter cannot tell.
    for (let row = 0; row < 2; row++) {
      adapter.simulator.faults.applyThenDropOnNext(ADD);
      adapter.simulator.faults.dropConnectionOnNext(READ);
    }
    const addsBefore = adds();
    sent.length = 0;

    const first = await runCli(args, env(), dir);
    assert.notEqual(first.status, 0, first.stdout);
    assert.match(first.stdout, /created 0, .*failed 0, in doubt 2/, first.stdout);
    assert.equal(named('Lost explicit').length, 1);
    assert.equal(named('Lost generated').length, 1, 'BroadWorks applied the generated create');
    const drawn = named('Lost generated')[0]!.serviceUserId;
    const journal = await journalOf('lost.csv.journal');
    assert.equal(journal.filter((entry) => entry.state === 'done' || entry.state === 'failed').length, 0, 'both rows stay in doubt');
    const keyOf = (line: number) => journal.find((entry) => entry.line === line && entry.state === 'sending')?.idempotencyKey;
    assert.ok(keyOf(3), JSON.stringify(journal));
    assert.deepEqual(
      sent.map((change) => change.key),
      [`"${keyOf(2)}"`, `"${keyOf(3)}"`],
    );

    sent.length = 0;
    const second = await runCli(args, env(), dir);
    assert.equal(second.status, 0, `${second.stdout}\n${second.stderr}`);
    // The explicit id is settled by the group's list; the generated one is resolved by its key.
    assert.match(second.stdout, /created 1, updated 0, done in an earlier run 1, skipped 0, invalid 0, failed 0/);
    assert.deepEqual(sent, [{ method: 'POST', key: `"${keyOf(3)}"` }], 'the rerun resent the in-doubt row under its journalled key');
    assert.deepEqual(
      named('Lost generated').map((igc) => igc.serviceUserId),
      [drawn],
      'one instance, under the id drawn the first time',
    );
    assert.equal(named('Lost explicit').length, 1);
    assert.equal(adds() - addsBefore, 2, 'one Add per row over both runs');
    assert.match(second.stdout, new RegExp(drawn.replace(/[.]/g, '\\.')));
  });

  test('a journal written before keys (a row in doubt without one) resumes as before', async () => {
    // The first test's rows and journal as an earlier version wrote it: sent, no outcome, no key.
    const rows = await readFile(join(dir, 'keys.csv'), 'utf8');
    await writeFile(join(dir, 'old.csv'), rows);
    const [header, ...entries] = (await readFile(join(dir, 'keys.csv.journal'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    const old = entries.filter((entry) => entry.state === 'sending').map(({ idempotencyKey: _key, ...entry }) => entry);
    await writeFile(join(dir, 'old.csv.journal'), `${[header, ...old].map((entry) => JSON.stringify(entry)).join('\n')}\n`);
    sent.length = 0;
    const result = await runCli(['import', 'old.csv', '--tenant', TENANT, '--group', FRESH_GROUP], env(), dir);
    assert.equal(result.status, 0, `${result.stdout}\n${result.stderr}`);
    assert.match(result.stdout, /created 0, updated 0, done in an earlier run 4/);
    assert.deepEqual(sent, [], 'settled by the group\'s list, nothing sent');
  });
});
