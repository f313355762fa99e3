// Passwords never leave the login: not in sessions, clients, pools or errors (JSON, util.inspect,
// messages), and traces show every password element as *****.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import {
  GroupAdminAddRequest,
  OcipEncodeError,
  OcipLoginError,
  OcipRequestTimeoutError,
  Session,
  createOcipClient,
  maskPasswords,
  signedPassword, ReleaseMemo } from '../../src/ocip/index.js';
import type { TraceEvent } from '../../src/ocip/index.js';
import { FAKE_NONCE, FAKE_PASSWORD, FAKE_USER, FakeOcipBackend, memoryTransport } from '../support/fake-ocip-server.js';

const SIGNED = signedPassword(FAKE_NONCE, FAKE_PASSWORD);

/** Everything a log line or a crash report could show of a value. */
function exposures(value: unknown): string[] {
  const shown = [inspect(value, { depth: Infinity, showHidden: true, getters: true })];
  try {
    shown.push(JSON.stringify(value) ?? '');
  } catch {
    // Circular values cannot be logged as JSON either.
  }
  if (value instanceof Error) shown.push(value.message, value.stack ?? '', String(value));
  return shown;
}

function assertNoSecret(value: unknown, ...secrets: string[]): void {
  for (const text of exposures(value)) {
    for (const secret of secrets) assert.ok(!text.includes(secret), `a secret leaked into: ${text.slice(0, 200)}`);
  }
}

describe('secrets', () => {
  test('a session, its client and pool show no password', async () => {
    const backend = new FakeOcipBackend();
    const session = await Session.open({ transport: memoryTransport(backend), userId: FAKE_USER, password: FAKE_PASSWORD });
    assertNoSecret(session, FAKE_PASSWORD, SIGNED);
    const client = createOcipClient({ transport: memoryTransport(backend, { secure: true }), userId: FAKE_USER, password: FAKE_PASSWORD });
    await client.execute(GroupAdminAddRequest, {
      serviceProviderId: 'sp',
      groupId: 'g',
      userId: 'groupadmin@fake.example',
      password: 'An0ther-Secret',
    }).catch(() => {});
    assertNoSecret(client, FAKE_PASSWORD, 'An0ther-Secret');
    await Promise.all([session.close(), client.close()]);
  });

  test('login errors, login timeouts and encode errors show no password', async () => {
    const backend = new FakeOcipBackend();
    const wrong = 'Wr0ng-Password-Value';
    const refused = await Session.open({ transport: memoryTransport(backend, { secure: true }), userId: FAKE_USER, password: wrong }).catch((e: unknown) => e);
    assert.ok(refused instanceof OcipLoginError);
    assertNoSecret(refused, wrong);

    backend.intercept = () => 'handled';
    const timedOut = await Session.open({ transport: memoryTransport(backend, { secure: true }), userId: FAKE_USER, password: FAKE_PASSWORD, requestTimeoutMs: 30 }).catch((e: unknown) => e);
    assert.ok(timedOut instanceof OcipRequestTimeoutError);
    assertNoSecret(timedOut, FAKE_PASSWORD);

    const tooLong = 'x'.repeat(61);
    const invalid = await Session.open({ transport: memoryTransport(backend, { secure: true }), userId: FAKE_USER, password: tooLong }).catch((e: unknown) => e);
    assert.ok(invalid instanceof OcipEncodeError);
    assertNoSecret(invalid, tooLong);
  });

  test('traces mask plain and signed passwords', async () => {
    const backend = new FakeOcipBackend();
    const events: TraceEvent[] = [];
    // The release pinned: no version query between the logins and the work.
    const release = new ReleaseMemo('R25');
    const plain = await Session.open({ transport: memoryTransport(backend, { secure: true }), userId: FAKE_USER, password: FAKE_PASSWORD, release, onTrace: (event) => events.push(event) });
    const signed = await Session.open({ transport: memoryTransport(backend), userId: FAKE_USER, password: FAKE_PASSWORD, release, onTrace: (event) => events.push(event) });
    await plain.send([{ spec: GroupAdminAddRequest, value: { serviceProviderId: 'sp', groupId: 'g', userId: 'ga@fake.example', password: 'An0ther-Secret' } }]);
    await Promise.all([plain.close(), signed.close()]);
    const out = events.filter((event) => event.direction === 'out');
    assert.deepEqual(
      out.map((event) => event.commandTypes[0]),
      ['LoginRequest22V5', 'AuthenticationRequest', 'LoginRequest14sp4', 'GroupAdminAddRequest', 'LogoutRequest', 'LogoutRequest'],
    );
    assert.ok(events.some((event) => event.direction === 'in' && event.commandTypes[0] === 'LoginResponse22V5'));
    assert.match(out[0]!.xml, /<password>\*{5}<\/password>/);
    assert.match(out[2]!.xml, /<signedPassword>\*{5}<\/signedPassword>/);
    assert.match(out[3]!.xml, /<password>\*{5}<\/password>/);
    assert.ok(events.every((event) => event.sessionId === plain.sessionId || event.sessionId === signed.sessionId));
    for (const event of events) assertNoSecret(event, FAKE_PASSWORD, SIGNED, 'An0ther-Secret');
  });

  test('a throwing trace hook does not break the session', async () => {
    const backend = new FakeOcipBackend();
    const session = await Session.open({
      transport: memoryTransport(backend),
      userId: FAKE_USER,
      password: FAKE_PASSWORD,
      onTrace: () => {
        throw new Error('log sink down');
      },
    });
    assert.equal(session.isAlive, true);
    await session.close();
  });

  test('maskPasswords masks every password-like element and nothing else', () => {
    const xml =
      '<command><userId>u</userId><password>p&amp;1</password><plainTextPassword>p2</plainTextPassword>' +
      '<signedPassword>abc</signedPassword><newPassword>n</newPassword><oldPassword>o</oldPassword>' +
      '<passcode>1234</passcode><passwordExpiresDays>5</passwordExpiresDays><password/><c:password>z</c:password></command>';
    assert.equal(
      maskPasswords(xml),
      '<command><userId>u</userId><password>*****</password><plainTextPassword>*****</plainTextPassword>' +
        '<signedPassword>*****</signedPassword><newPassword>*****</newPassword><oldPassword>*****</oldPassword>' +
        '<passcode>*****</passcode><passwordExpiresDays>5</passwordExpiresDays><password/><c:password>*****</c:password></command>',
    );
  });
});
