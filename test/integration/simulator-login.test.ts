// The simulator's login, session and logout behaviour, through a real socket.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  AuthenticationRequest,
  GroupGetRequest22V5,
  LoginRequest14sp4,
  LoginRequest22V5,
  LogoutRequest,
  VerifySessionIsValidRequest,
  signedPassword,
} from '../../src/ocip/codec/index.js';
import { SIM_ERRORS } from '../../src/simulator/index.js';
import { errorCodeOf, valueOf } from '../support/ocip-test-client.js';
import type { OcipTestClient } from '../support/ocip-test-client.js';
import { useSeededSimulator } from '../support/seeded-simulator.js';

const fixture = useSeededSimulator();

const connect = (): Promise<OcipTestClient> => fixture.connect();

describe('login', () => {
  test('AuthenticationRequest answers a fresh MD5 nonce each time', async () => {
    const client = await connect();
    const first = valueOf(await client.send(AuthenticationRequest, { userId: 'tenantadmin' }));
    const second = valueOf(await client.send(AuthenticationRequest, { userId: 'tenantadmin' }));
    assert.equal(first.passwordAlgorithm, 'MD5');
    assert.equal(first.userId, 'tenantadmin');
    assert.match(String(first.nonce), /^\d{10,}$/);
    assert.notEqual(first.nonce, second.nonce);
  });

  test('signed password (LoginRequest14sp4) logs a service provider admin in', async () => {
    const client = await connect();
    const login = await client.login14('tenantadmin', 'admin');
    assert.equal(login.type, 'LoginResponse14sp4');
    assert.deepEqual(valueOf(login), {
      loginType: 'Service Provider',
      locale: 'en_US',
      encoding: 'ISO-8859-1',
      serviceProviderId: 'ApioSpTest',
      isEnterprise: false,
      passwordExpiresDays: 2147483647,
      userDomain: 'sip.netaxis.be',
    });
    assert.equal((await client.send(VerifySessionIsValidRequest, {})).type, 'SuccessResponse');
  });

  test('LoginRequest22V5 with the plain password logs a group admin in', async () => {
    const client = await connect();
    const login = valueOf(await client.login22('groupadmin', 'admin'));
    assert.equal(login.loginType, 'Group');
    assert.equal(login.serviceProviderId, 'ApioSpTest');
    assert.equal(login.groupId, 'ApioGrpTest');
    assert.equal(login.userDomain, 'sip.netaxis.be');
  });

  test('a system admin logs in with loginType System', async () => {
    const client = await connect();
    const login = valueOf(await client.login14('admin', 'admin'));
    assert.equal(login.loginType, 'System');
    assert.equal(login.serviceProviderId, undefined);
  });

  test('LoginRequest14sp4 also accepts plainTextPassword', async () => {
    const client = await connect();
    const login = await client.send(LoginRequest14sp4, { userId: 'tenantadmin', plainTextPassword: 'admin' });
    assert.equal(login.type, 'LoginResponse14sp4');
  });

  test('a wrong password and an unknown user get the same [Error 4962] Invalid password', async () => {
    const client = await connect();
    for (const reply of [await client.login14('tenantadmin', 'wrong'), await client.login22('nobody', 'admin')]) {
      assert.equal(reply.type, 'ErrorResponse');
      assert.deepEqual(reply.value, {
        summary: '[Error 4962] Invalid password',
        summaryEnglish: '[Error 4962] Invalid password',
        type: 'Error',
      });
    }
    const verify = await client.send(VerifySessionIsValidRequest, {});
    assert.equal(errorCodeOf(verify), SIM_ERRORS.INVALID_SESSION.code);
  });

  test('a nonce serves one login only, and a signed password needs one', async () => {
    const client = await connect();
    const auth = valueOf(await client.send(AuthenticationRequest, { userId: 'tenantadmin' }));
    const signed = signedPassword(String(auth.nonce), 'admin');
    assert.equal((await client.send(LoginRequest14sp4, { userId: 'tenantadmin', signedPassword: signed })).type, 'LoginResponse14sp4');
    const replay = await client.send(LoginRequest14sp4, { userId: 'tenantadmin', signedPassword: signed });
    assert.equal(errorCodeOf(replay), 4962);

    const fresh = await connect();
    assert.equal(errorCodeOf(await fresh.send(LoginRequest14sp4, { userId: 'tenantadmin', signedPassword: signed })), 4962);
    assert.equal(errorCodeOf(await fresh.send(LoginRequest14sp4, { userId: 'tenantadmin' })), 4962);
    assert.equal(errorCodeOf(await fresh.send(LoginRequest22V5, { userId: 'tenantadmin', signedPassword: signed })), 4962);
  });
});

describe('session', () => {
  test('before login only the login commands are accepted', async () => {
    const client = await connect();
    const reply = await client.send(GroupGetRequest22V5, { serviceProviderId: 'ApioSpTest', groupId: 'ApioGrpTest' });
    assert.equal(errorCodeOf(reply), SIM_ERRORS.INVALID_SESSION.code);
    assert.equal(reply.value?.summary, '[Error 6000] Invalid session');
    assert.equal((await client.send(LogoutRequest, { userId: 'nobody' })).type, 'SuccessResponse');
  });

  test('a logged-in connection answers only the sessionId it logged in with', async () => {
    const client = await connect();
    valueOf(await client.login22('groupadmin', 'admin'));
    const other = await client.send(VerifySessionIsValidRequest, {}, 'another-session');
    assert.equal(errorCodeOf(other), SIM_ERRORS.INVALID_SESSION.code);
    const relogin = await client.send(LoginRequest22V5, { userId: 'groupadmin', password: 'admin' }, 'another-session');
    assert.equal(errorCodeOf(relogin), SIM_ERRORS.INVALID_SESSION.code);
    assert.equal((await client.send(VerifySessionIsValidRequest, {})).type, 'SuccessResponse');
  });

  test('LogoutRequest ends the session', async () => {
    const client = await connect();
    valueOf(await client.login22('groupadmin', 'admin'));
    assert.equal((await client.send(LogoutRequest, { userId: 'groupadmin', reason: 'Client Logout' })).type, 'SuccessResponse');
    assert.equal(errorCodeOf(await client.send(VerifySessionIsValidRequest, {})), SIM_ERRORS.INVALID_SESSION.code);
  });

  test('sessions() lists logins; logoutSession sends a LogoutRequest and closes the socket', async () => {
    const client = await connect();
    valueOf(await client.login22('groupadmin', 'admin'));
    const info = fixture.sim.sessions().find((session) => session.sessionId === client.sessionId);
    assert.ok(info);
    assert.equal(info.userId, 'groupadmin');
    assert.equal(info.loginType, 'Group');
    assert.equal(info.transport, 'tcp');

    assert.equal(await fixture.sim.logoutSession(client.sessionId), 1);
    const logout = await client.nextDocument();
    assert.equal(logout.sessionId, client.sessionId);
    assert.equal(logout.commands[0]!.type, 'LogoutRequest');
    assert.deepEqual(logout.commands[0]!.value, { userId: 'groupadmin', reason: 'Open Client Server Forced Logout' });
    await client.closed;
    assert.equal(fixture.sim.sessions().some((session) => session.sessionId === client.sessionId), false);
    assert.equal(await fixture.sim.logoutSession('no-such-session'), 0);
  });
});
