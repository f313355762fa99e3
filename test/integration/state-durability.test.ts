// Acknowledged means durable, on the real process with its default SQLite store under DATA_DIR:
// 50 creates and a logout answered, then kill -9 at once; the restarted process on the same
// DATA_DIR lists all 50, refuses the logged-out token, and finds the audit record of every
// `_internal_record_id` it answered before the kill. Every wait is bounded.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { igcUrl, minimalBody } from '../support/adapter-harness.js';
import { call, loginBearer } from '../support/adapter-http.js';
import { startAdapterProcess } from '../support/processes.js';
import type { AdapterProcess } from '../support/processes.js';

const CREATES = 50;
const started: AdapterProcess[] = [];
const dirs: string[] = [];
after(async () => {
  await Promise.all(started.map((adapter) => adapter.stop(1_000)));
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function start(dataDir: string): Promise<AdapterProcess> {
  const adapter = await startAdapterProcess({ SIMULATOR_PORT: '0', SIMULATOR_HTTP_PORT: '0', DATA_DIR: dataDir, AUDIT_ENABLED: 'true' });
  started.push(adapter);
  return adapter;
}

test('kill -9 right after 50 acknowledged creates and a logout loses nothing', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'apio-durable-'));
  dirs.push(dataDir);
  const first = await start(dataDir);
  const recordIds: string[] = [];
  const { bearer, recordId } = await loginBearer(first.baseUrl);
  if (recordId) recordIds.push(recordId);
  const created: string[] = [];
  for (let i = 0; i < CREATES; i++) {
    const serviceUserId = `durable${String(i).padStart(2, '0')}@sip.netaxis.be`;
    const answer = await call(first.baseUrl, 'POST', igcUrl(), { bearer, body: minimalBody(serviceUserId) });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    created.push(serviceUserId);
    recordIds.push(String(answer.body._internal_record_id));
  }
  // A read and a refusal carry ids too; each must name a record.
  recordIds.push(String((await call(first.baseUrl, 'GET', igcUrl(), { bearer })).body._internal_record_id));
  recordIds.push(String((await call(first.baseUrl, 'GET', igcUrl())).body._internal_record_id));
  const doomed = await loginBearer(first.baseUrl);
  const logout = await call(first.baseUrl, 'POST', '/api/v01/auth/logout', { bearer: doomed.bearer });
  assert.ok(logout.status >= 200 && logout.status < 300, JSON.stringify(logout.body));
  recordIds.push(String(logout.body._internal_record_id));
  assert.equal((await call(first.baseUrl, 'GET', igcUrl(), { bearer: doomed.bearer })).status, 401);

  const exited = once(first.child, 'exit');
  first.child.kill('SIGKILL');
  await exited;

  const second = await start(dataDir);
  const { bearer: again } = await loginBearer(second.baseUrl);
  const list = await call(second.baseUrl, 'GET', igcUrl(), { bearer: again });
  assert.equal(list.status, 200);
  const listed = new Set((list.body.instantGroupCalls as Array<{ serviceUserId: string }>).map((item) => item.serviceUserId));
  assert.deepEqual(created.filter((id) => !listed.has(id)), [], 'every acknowledged create is listed after kill -9');
  const refused = await call(second.baseUrl, 'GET', igcUrl(), { bearer: doomed.bearer });
  assert.equal(refused.status, 401, 'the token logged out before kill -9 stays refused');

  const records = await call(second.baseUrl, 'GET', '/api/v1/audit/records/?page_size=500', { bearer: again });
  assert.equal(records.status, 200);
  const kept = new Set((records.body.records as Array<{ id: string }>).map((record) => record.id));
  assert.equal(recordIds.length, CREATES + 4);
  assert.deepEqual(recordIds.filter((id) => !kept.has(id)), [], 'every _internal_record_id answered has its record');
});
