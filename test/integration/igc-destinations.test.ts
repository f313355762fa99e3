// Destinations as BroadWorks holds them (OCI-P OutgoingDNorSIPURI): an instance made over raw OCI-P
// with an extension, short and access codes, a national number and a SIP URI is read, sent back,
// exported with the CLI, edited and re-imported through the API without losing any of them. Numbers
// are answered in E.164 in the group's context; the rest as BroadWorks holds it, on every read route.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GroupInstantGroupCallAddInstanceRequest14 } from '../../src/ocip/codec/index.js';
import { apioError, DEMO_LOGINS, DOMAIN, GROUP, igcUrl, instanceUrl, minimalBody, mutatingCommands, startAdapter, TENANT } from '../support/adapter-harness.js';
import type { AdapterHarness } from '../support/adapter-harness.js';
import { cliEnv, listen, runCli } from '../support/cli-runner.js';
import type { ListeningAdapter } from '../support/cli-runner.js';
import { OcipTestClient, valueOf } from '../support/ocip-test-client.js';

const RAW_ID = `raw-destinations@${DOMAIN}`;
/** As a BroadWorks system holds them: extension, short code, access code, national, SIP URI, E.164 with a dash. */
const STORED = ['1234', '112', '*99', '071123456', 'conf.room-1@conf.example.com', '+32-71123459'];
/** As the adapter answers them: numbers in E.164 in the group's country (Belgium), the rest unchanged. */
const ANSWERED = ['1234', '112', '*99', '+3271123456', 'conf.room-1@conf.example.com', '+3271123459'];

let h: AdapterHarness;
let http: ListeningAdapter;
let dir: string;
before(async () => {
  h = await startAdapter({ returnActive: true });
  http = await listen(h.app);
  dir = await mkdtemp(join(tmpdir(), 'apio-destinations-'));
  const raw = await OcipTestClient.connect(h.simulator.port);
  try {
    valueOf(await raw.login22(DEMO_LOGINS.group.username, DEMO_LOGINS.group.password));
    const added = await raw.send(GroupInstantGroupCallAddInstanceRequest14, {
      serviceProviderId: TENANT,
      groupId: GROUP,
      serviceUserId: RAW_ID,
      serviceInstanceProfile: { name: 'Raw', callingLineIdLastName: 'Raw', callingLineIdFirstName: 'Made' },
      destinationPhoneNumber: STORED,
      isAnswerTimeoutEnabled: false,
    });
    assert.equal(added.type, 'SuccessResponse', JSON.stringify(added));
  } finally {
    await raw.close();
  }
});
after(async () => {
  await http.close();
  await h.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  h.roundTrips.length = 0;
});

describe('reading what BroadWorks holds', () => {
  test('GET answers numbers in E.164 and keeps extensions, codes and SIP URIs; the list carries no destinations', async () => {
    const read = await h.request.get(instanceUrl(RAW_ID));
    assert.equal(read.status, 200, read.text);
    assert.deepEqual(read.body.destinationPhoneNumbers, ANSWERED);
    const list = await h.request.get(igcUrl()).expect(200);
    const item = (list.body.instantGroupCalls as Array<Record<string, unknown>>).find((entry) => entry.serviceUserId === RAW_ID);
    assert.ok(item);
    assert.equal(item.destinationPhoneNumbers, undefined);
  });

  test('the GET answer sent back as a PUT changes nothing: BroadWorks keeps its own forms', async () => {
    const read = await h.request.get(instanceUrl(RAW_ID)).expect(200);
    h.roundTrips.length = 0;
    const put = await h.request.put(instanceUrl(RAW_ID)).send(read.body);
    assert.equal(put.status, 200, put.text);
    assert.deepEqual(put.body.destinationPhoneNumbers, ANSWERED);
    assert.deepEqual(mutatingCommands(h), []);
    assert.deepEqual(h.simulator.world.instantGroupCall(RAW_ID)!.destinations, STORED);
  });
});

describe('sending destinations', () => {
  test('POST and PUT take every kind; their answers read as GET does', async () => {
    const id = `api-destinations@${DOMAIN}`;
    const posted = await h.request.post(igcUrl()).send({ ...minimalBody(id), destinationPhoneNumbers: ['071 12 34 56', '1234', '112', '#31#0471234567', 'desk@pbx.example.com'] });
    assert.equal(posted.status, 200, posted.text);
    assert.deepEqual(posted.body.destinationPhoneNumbers, ['+3271123456', '1234', '112', '#31#0471234567', 'desk@pbx.example.com']);
    assert.deepEqual(h.simulator.world.instantGroupCall(id)!.destinations, ['+3271123456', '1234', '112', '#31#0471234567', 'desk@pbx.example.com']);
    const put = await h.request.put(instanceUrl(id)).send({ destinationPhoneNumbers: ['0032 71 12 34 57', '4321', '*99'] });
    assert.equal(put.status, 200, put.text);
    assert.deepEqual(put.body.destinationPhoneNumbers, ['+3271123457', '4321', '*99']);
    assert.deepEqual((await h.request.get(instanceUrl(id)).expect(200)).body.destinationPhoneNumbers, put.body.destinationPhoneNumbers);
  });

  test('what is not dialable, or a URI the schema refuses, is a 400 naming it; nothing changes', async () => {
    const before = h.simulator.world.instantGroupCall(RAW_ID)!.destinations;
    const error = apioError(await h.request.put(instanceUrl(RAW_ID)).send({ destinationPhoneNumbers: ['12ab', 'sip:x@y.example.com', '+99 1', 'a@b@c'] }), 400, 'VALIDATION');
    const summaries = Object.values(error.details.errors).map((entry) => entry.summary);
    for (const index of [0, 1, 2, 3]) assert.ok(summaries.some((summary) => summary.startsWith(`destinationPhoneNumbers[${index}]:`)), summaries.join(' | '));
    assert.deepEqual(h.simulator.world.instantGroupCall(RAW_ID)!.destinations, before);
  });
});

describe('exported with the CLI, edited, re-imported through the API', () => {
  test('no destination is lost, and BroadWorks still holds its own forms', async () => {
    const env = cliEnv({ APIO_URL: http.url, APIO_USERNAME: 'admin', APIO_PASSWORD: 'admin' });
    const exported = await runCli(['export', '--tenant', TENANT, '--group', GROUP, '--output', 'group.csv'], env, dir);
    assert.equal(exported.status, 0, exported.stderr);
    const lines = (await readFile(join(dir, 'group.csv'), 'utf8')).trimEnd().split('\n');
    const header = lines[0]!.split(',');
    const row = lines.find((line) => line.startsWith(`${RAW_ID},`))!;
    assert.ok(row, lines.join('\n'));
    const cells = row.split(',');
    assert.equal(cells[header.indexOf('destinationPhoneNumbers')], ANSWERED.join('|'));
    cells[header.indexOf('name')] = 'Raw edited';
    await writeFile(join(dir, 'edited.csv'), `${lines[0]}\n${cells.join(',')}\n`);

    const imported = await runCli(['import', 'edited.csv', '--tenant', TENANT, '--group', GROUP, '--update'], env, dir);
    assert.equal(imported.status, 0, imported.stdout + imported.stderr);
    assert.match(imported.stdout, /updated 1/);
    const read = await h.request.get(instanceUrl(RAW_ID)).expect(200);
    assert.equal(read.body.serviceInstanceProfile.name, 'Raw edited');
    assert.deepEqual(read.body.destinationPhoneNumbers, ANSWERED);
    assert.deepEqual(h.simulator.world.instantGroupCall(RAW_ID)!.destinations, STORED);
  });
});
