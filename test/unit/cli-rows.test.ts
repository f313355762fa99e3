// The bulk CLI's file formats: CSV and JSON rows to APIO bodies and back, the line each row starts
// on (quoted cells across lines, array elements), departments relative to the target group, and
// the journal's view of rows across runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { instanceToCsvRecord, parseCsvRows, toCsv } from '../../src/cli/csv-rows.js';
import { ImportJournal } from '../../src/cli/journal.js';
import { instanceToJsonRow, parseJsonRows, toJsonArray } from '../../src/cli/json-rows.js';
import { commandCatalogue } from '../../src/ocip/codec/index.js';
import type { InstanceAnswer } from '../../src/services/instant-group-call/schemas.js';

const target = { tenantId: 'T', groupId: 'G2' };

function instance(department?: InstanceAnswer['serviceInstanceProfile']['department']): InstanceAnswer {
  return {
    serviceInstanceProfile: {
      name: 'N',
      cliFirstName: 'F',
      cliLastName: 'L',
      phoneNumber: '',
      extension: '',
      aliases: ['a@x.y', 'b@x.y'],
      publicUserIdentity: '',
      callingLineIdPhoneNumber: '',
      timeZoneDisplayName: '(GMT+01:00) Europe/Brussels',
      ...(department && { department }),
    },
    answerTimeoutEnabled: true,
    answerTimeoutMinutes: 7,
    destinationPhoneNumbers: ['+3271123456', 'd@x.y'],
    active: false,
  };
}

test('CSV: an instance and back, departments by name relative to the target group', () => {
  const groupDepartment = instance({ tenantId: 'T', groupId: 'G1', departmentName: 'sales', fullPathName: 'top \\ sales' });
  const enterpriseDepartment = instance({ tenantId: 'T', departmentName: 'hq', fullPathName: 'hq' });
  const csv = toCsv([instanceToCsvRecord('one@x.y', groupDepartment), instanceToCsvRecord('two@x.y', enterpriseDepartment)]);
  const { rows, problems } = parseCsvRows(csv, target);
  assert.deepEqual(problems, []);
  assert.deepEqual(rows[0], {
    line: 2,
    body: {
      serviceUserId: 'one@x.y',
      serviceInstanceProfile: { name: 'N', cliFirstName: 'F', cliLastName: 'L', department: { tenantId: 'T', groupId: 'G2', departmentName: 'sales' }, aliases: ['a@x.y', 'b@x.y'] },
      answerTimeoutEnabled: true,
      answerTimeoutMinutes: 7,
      destinationPhoneNumbers: ['+3271123456', 'd@x.y'],
      active: false,
    },
  });
  assert.deepEqual((rows[1]!.body.serviceInstanceProfile as { department: unknown }).department, { tenantId: 'T', departmentName: 'hq' });
});

test('CSV: a row starts on its own line even after a quoted cell spanning lines; bad cells are named', () => {
  const csv = 'serviceUserId,name,active\n\n"a@x.y","two\nlines",true\nb@x.y,B,sometimes\n';
  const { rows, problems } = parseCsvRows(csv, target);
  assert.deepEqual(rows.map((row) => row.line), [3, 5]);
  assert.deepEqual(problems, [{ line: 5, field: 'active', message: "'sometimes' is not true or false" }]);
});

test('JSON: array elements keep the line they start on; the wrapper and JSON Lines are read too', () => {
  const array = '[\n  {"serviceUserId": "a@x.y",\n   "serviceInstanceProfile": {"name": "[not, an, element]"}},\n\n  {"serviceUserId": "b@x.y"},\n  7\n]';
  const parsed = parseJsonRows(array, target);
  assert.deepEqual(parsed.rows.map((row) => row.line), [2, 5]);
  assert.deepEqual(parsed.problems, [{ line: 6, field: '', message: 'a row must be a JSON object' }]);
  const wrapped = parseJsonRows('{"instantGroupCalls": [\n{"serviceUserId": "a@x.y"},\n{"serviceUserId": "b@x.y"}]}', target);
  assert.deepEqual(wrapped.rows.map((row) => row.line), [2, 3]);
  const lines = parseJsonRows('{"serviceUserId": "a@x.y"}\n\n{"serviceUserId": "b@x.y"}\n', target);
  assert.deepEqual(lines.rows.map((row) => row.line), [1, 3]);
});

test('JSON: an export row leaves out read-only fields and empty values, and imports into the target group', () => {
  const row = instanceToJsonRow('one@x.y', instance({ tenantId: 'T', groupId: 'G1', departmentName: 'sales', fullPathName: 'top \\ sales' }));
  assert.deepEqual(row.serviceInstanceProfile, { name: 'N', cliFirstName: 'F', cliLastName: 'L', aliases: ['a@x.y', 'b@x.y'], department: { tenantId: 'T', groupId: 'G1', departmentName: 'sales' } });
  const [back] = parseJsonRows(toJsonArray([row]), target).rows;
  assert.deepEqual((back!.body.serviceInstanceProfile as { department: unknown }).department, { tenantId: 'T', groupId: 'G2', departmentName: 'sales' });
});

test('the journal: done rows stay done, a row sent without an answer is in doubt, an edited row is new', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'apio-journal-'));
  try {
    const path = join(dir, 'rows.journal');
    const first = ImportJournal.open(path, target);
    const done = { line: 2, body: { serviceUserId: 'a@x.y' } };
    const doubt = { line: 3, body: { serviceUserId: 'b@x.y', serviceInstanceProfile: { password: 'never-in-the-journal' } } };
    first.sending(done, 'create', 'a@x.y', 'key-a');
    first.done(done, 'create', 'a@x.y');
    first.sending(doubt, 'create', 'b@x.y', 'key-b');
    first.close();
    assert.doesNotMatch(await readFile(path, 'utf8'), /never-in-the-journal/);
    const second = ImportJournal.open(path, target);
    assert.deepEqual(second.stateOf(done), { state: 'done', action: 'create', id: 'a@x.y' });
    // In doubt with the key it was sent under: a rerun sends it again with that key.
    assert.deepEqual(second.stateOf(doubt), { state: 'in-doubt', action: 'create', id: 'b@x.y', idempotencyKey: 'key-b' });
    assert.equal(second.stateOf({ line: 2, body: { serviceUserId: 'a@x.y', active: false } }), undefined);
    second.close();
    assert.throws(() => ImportJournal.open(path, { tenantId: 'T', groupId: 'other' }), { code: 'JOURNAL' });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

/** Declared on the command spec (query() in the codec); a dry run sends only these. */
const isReadOnly = (name: string) => commandCatalogue.get(name)?.readOnly === true;

test('dry runs send only BroadWorks queries (…Get…Request)', () => {
  for (const name of ['GroupGetRequest22V5', 'GroupInstantGroupCallGetInstanceListRequest', 'GroupDnGetListRequest', 'GroupInstantGroupCallGetInstanceRequest19sp1']) {
    assert.equal(isReadOnly(name), true, name);
  }
  for (const name of ['GroupInstantGroupCallAddInstanceRequest14', 'GroupInstantGroupCallModifyActiveInstanceListRequest', 'UserModifyUserIdRequest', 'GroupInstantGroupCallDeleteInstanceRequest']) {
    assert.equal(isReadOnly(name), false, name);
  }
});
