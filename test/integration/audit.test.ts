// AUDIT_ENABLED: every answer carries `_internal_record_id`, and every such id names a record —
// who, route, tenant/group, the OCI-P commands sent with their outcome, the answer — read by a
// system admin at GET /api/v1/audit/records/, newest first, a page at a time.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AuditRecord } from '../../src/audit/index.js';
import { loadConfig } from '../../src/config/index.js';
import { apioError, DEMO_LOGINS, GROUP, igcUrl, instanceUrl, minimalBody, startAdapter, TENANT } from '../support/adapter-harness.js';
import type { AdapterHarness } from '../support/adapter-harness.js';

const RECORDS = '/api/v1/audit/records/';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const IGC_ROUTE = '/api/v1/tenants/:tenant_id/groups/:group_id/services/instant_group_calls/';

let h: AdapterHarness;
before(async () => {
  h = await startAdapter({}, { overrides: { audit: { enabled: true } } });
});
after(() => h.close());

async function records(pageSize = 50, page = 1): Promise<{ records: AuditRecord[]; paging: { page: number; pageSize: number; total: number } }> {
  const response = await h.request.get(`${RECORDS}?page=${page}&page_size=${pageSize}`);
  assert.equal(response.status, 200, response.text);
  return response.body;
}

async function recordOf(id: string): Promise<AuditRecord> {
  const found = (await records(500)).records.find((record) => record.id === id);
  assert.ok(found, `no audit record ${id}`);
  return found;
}

describe('_internal_record_id', () => {
  test('on answers of every kind: a read, a change, an error, a login', async () => {
    const read = await h.request.get(igcUrl());
    assert.match(read.body._internal_record_id, UUID);
    const refused = await h.anonymous.get(igcUrl());
    apioError(refused, 401, 'UNAUTHENTICATED');
    assert.match(refused.body._internal_record_id, UUID);
    const login = await h.anonymous.post('/api/v1/login/').send(DEMO_LOGINS.tenant);
    assert.match(login.body._internal_record_id, UUID);
    assert.notEqual(read.body._internal_record_id, refused.body._internal_record_id);
  });

  test('every id answered names a record: reads and refusals too', async () => {
    const read = await h.request.get(igcUrl());
    const refused = await h.anonymous.get(igcUrl());
    const readRecord = await recordOf(read.body._internal_record_id);
    assert.equal(readRecord.method, 'GET');
    assert.equal(readRecord.status, 200);
    const refusedRecord = await recordOf(refused.body._internal_record_id);
    assert.equal(refusedRecord.status, 401);
    assert.equal(refusedRecord.error?.code, 21);
  });
});

describe('records of mutating calls', () => {
  test('a POST: who, route, tenant/group, the OCI-P commands sent and the outcome', async () => {
    const created = await h.request.post(igcUrl()).send(minimalBody(`AuditOne@sip.netaxis.be`));
    assert.equal(created.status, 200, created.text);
    const record = await recordOf(created.body._internal_record_id);
    assert.deepEqual(record.who, { name: 'admin', via: 'token', userLevel: 16 });
    assert.equal(record.method, 'POST');
    assert.equal(record.route, IGC_ROUTE);
    assert.equal(record.path, igcUrl());
    assert.equal(record.tenantId, TENANT);
    assert.equal(record.groupId, GROUP);
    assert.equal(record.status, 200);
    assert.equal(record.error, undefined);
    assert.equal(record.address.includes('127.0.0.1'), true);
    assert.ok(record.ocipCommands.some((c) => c.type === 'GroupInstantGroupCallAddInstanceRequest14' && c.outcome === 'success'), JSON.stringify(record.ocipCommands));
    assert.ok(record.ocipCommands.some((c) => c.type === 'GroupInstantGroupCallGetInstanceRequest19sp1'));
    assert.match(record.time, /^\d{4}-\d\d-\d\dT/);
  });

  test('a dry run is recorded as one, with no mutating command sent', async () => {
    const dry = await h.request.post(`${igcUrl()}?dry_run=true`).send(minimalBody('AuditDry@sip.netaxis.be'));
    assert.equal(dry.status, 200, dry.text);
    const record = await recordOf(dry.body._internal_record_id);
    assert.equal(record.dryRun, true);
    assert.equal(record.ocipCommands.some((c) => c.type === 'GroupInstantGroupCallAddInstanceRequest14'), false);
    assert.equal(h.simulator.world.instantGroupCall('AuditDry@sip.netaxis.be'), undefined);
    const real = await recordOf((await h.request.delete(`${igcUrl()}nobody@sip.netaxis.be/`)).body._internal_record_id);
    assert.equal(real.dryRun, undefined);
  });

  test('a refused change records the APIO error and the ErrorResponse', async () => {
    const duplicate = await h.request.post(igcUrl()).send(minimalBody(`AuditOne@sip.netaxis.be`));
    apioError(duplicate, 400, 'ALREADY_EXISTS');
    const record = await recordOf(duplicate.body._internal_record_id);
    assert.deepEqual(record.error, { code: 11, reason: 'ALREADY_EXISTS' });
    assert.equal(record.status, 400);
    assert.deepEqual(record.ocipCommands.filter((c) => c.type.includes('Add')), [{ type: 'GroupInstantGroupCallAddInstanceRequest14', outcome: 'error-response' }]);
  });

  test('a change refused by scope is recorded with its caller, and sent nothing', async () => {
    const tokens = await h.login('groupadmin');
    const refused = await h.withBearer(tokens.access_token).delete(instanceUrl('AuditOne@sip.netaxis.be', '/api/v1', TENANT, 'SiblingGrp'));
    apioError(refused, 403, 'FORBIDDEN');
    const record = await recordOf(refused.body._internal_record_id);
    assert.deepEqual(record.who, { name: 'groupadmin', via: 'token', userLevel: 8 });
    assert.equal(record.groupId, 'SiblingGrp');
    assert.deepEqual(record.ocipCommands, []);
    assert.deepEqual(record.error, { code: 22, reason: 'FORBIDDEN' });
  });

  test('logins are recorded with who logged in, never the password', async () => {
    const login = await h.anonymous.post('/api/v01/auth/login').send(DEMO_LOGINS.tenant);
    assert.equal(login.status, 200);
    const record = await recordOf(login.body._internal_record_id);
    assert.deepEqual(record.who, { name: 'tenantadmin', via: 'token', userLevel: 12 });
    assert.equal(record.route, '/api/v01/auth/login');
    assert.doesNotMatch(JSON.stringify(record), /"admin"|password/);
  });

  test('concurrent calls keep their own OCI-P commands', async () => {
    const ids = ['AuditC1', 'AuditC2', 'AuditC3', 'AuditOne', 'AuditC1'].map((id) => `${id}@sip.netaxis.be`);
    const answers = await Promise.all(ids.map((id) => h.request.post(igcUrl()).send(minimalBody(id))));
    assert.deepEqual(answers.map((a) => a.status).sort(), [200, 200, 200, 400, 400]);
    for (const answer of answers) {
      const record = await recordOf(answer.body._internal_record_id);
      const adds = record.ocipCommands.filter((c) => c.type === 'GroupInstantGroupCallAddInstanceRequest14');
      assert.deepEqual(adds.map((c) => c.outcome), [answer.status === 200 ? 'success' : 'error-response'], JSON.stringify(record));
    }
  });
});

describe('GET /api/v1/audit/records/', () => {
  test('newest first, a page at a time, with the total', async () => {
    // Page 2 first: each read of the log is itself recorded, at the head of page 1.
    const second = await records(2, 2);
    const first = await records(2, 1);
    assert.equal(first.records.length, 2);
    assert.deepEqual(first.paging, { page: 1, pageSize: 2, total: first.paging.total });
    assert.ok(first.paging.total >= 8);
    assert.ok(first.records[0]!.time >= first.records[1]!.time && first.records[1]!.time >= second.records[0]!.time);
    assert.notEqual(first.records[1]!.id, second.records[0]!.id);
    const beyond = await records(50, 1000);
    assert.deepEqual(beyond.records, []);
  });

  test('only for a system admin; page_size is bounded', async () => {
    const tenant = await h.login('tenantadmin');
    apioError(await h.withBearer(tenant.access_token).get(RECORDS), 403, 'FORBIDDEN');
    apioError(await h.anonymous.get(RECORDS), 401, 'UNAUTHENTICATED');
    apioError(await h.request.get(`${RECORDS}?page_size=501`), 400, 'VALIDATION');
    apioError(await h.request.get(`${RECORDS}?page=0`), 400, 'VALIDATION');
  });

  test('AUDIT_ENABLED=true turns it on; off (the default) there is no record id and no route', async () => {
    assert.equal(loadConfig({ env: { AUDIT_ENABLED: 'true' } }).audit.enabled, true);
    const off = await startAdapter();
    try {
      const read = await off.request.get(igcUrl());
      assert.equal('_internal_record_id' in read.body, false);
      apioError(await off.request.get(RECORDS), 404, 'ROUTE_NOT_FOUND');
    } finally {
      await off.close();
    }
  });
});
