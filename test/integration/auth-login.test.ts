// Both APIO login styles through HTTP and the simulator: the gateway's sessionid cookie and the
// core's access/refresh JWTs, machine tokens, and every way credentials fail — a bad password, an
// unknown user, an expired token or session, a revoked refresh token, a forged token.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeJwt, SignJWT } from 'jose';
import { sha256Hex } from '../../src/auth/index.js';
import { ConfigError, loadConfig } from '../../src/config/index.js';
import { apioError, DEMO_LOGINS, GROUP, igcUrl, startAdapter, TENANT } from '../support/adapter-harness.js';
import type { AdapterHarness } from '../support/adapter-harness.js';

const GATEWAY_LOGIN = '/api/v1/login/';
const GATEWAY_LOGOUT = '/api/v1/logout/';
const CORE_LOGIN = '/api/v01/auth/login';
const REFRESH = '/api/v01/auth/access_token';
const CORE_LOGOUT = '/api/v01/auth/logout';

const SYSTEM_TOKEN = 'apio_test-system-token-0123456789';
const GROUP_TOKEN = 'apio_test-group-token-0123456789';

let now = Date.now();
let h: AdapterHarness;
before(async () => {
  h = await startAdapter(
    {},
    {
      as: 'none',
      clock: () => now,
      overrides: {
        auth: {
          machineTokens: [
            { name: 'oss', sha256: sha256Hex(SYSTEM_TOKEN), level: 16 },
            { name: 'group-script', sha256: sha256Hex(GROUP_TOKEN), level: 8, tenantId: TENANT, groupId: GROUP },
          ],
        },
      },
    },
  );
});
after(() => h.close());

function sessionCookie(response: { headers: Record<string, unknown> }): string {
  const cookies = ([] as string[]).concat((response.headers['set-cookie'] as string[] | string | undefined) ?? []);
  const cookie = cookies.find((line) => line.startsWith('sessionid='));
  assert.ok(cookie, `no sessionid cookie in ${JSON.stringify(cookies)}`);
  return cookie;
}

describe('gateway login: POST /api/v1/login/ and the sessionid cookie', () => {
  test('the system admin: level 16, broadsoft_type System, no ids; the cookie is HttpOnly and SameSite', async () => {
    const response = await h.anonymous.post(GATEWAY_LOGIN).send(DEMO_LOGINS.system);
    assert.equal(response.status, 200, response.text);
    assert.deepEqual(response.body, { ids: {}, profile: { user_level: 16, broadsoft_type: 'System', is_first_login: false } });
    const cookie = sessionCookie(response);
    assert.match(cookie, /^sessionid=[\w-]{40,};/);
    assert.match(cookie, /; HttpOnly(;|$)/);
    assert.match(cookie, /; SameSite=Lax(;|$)/);
    assert.match(cookie, /; Path=\/(;|$)/);
    assert.match(cookie, /; Max-Age=28800(;|$)/);
    assert.doesNotMatch(cookie, /Secure/, 'Secure only with auth.cookieSecure');
  });

  test('the tenant admin gets its tenant_id and level 12; the group admin its tenant_id, group_id, its own user_id and level 8 (as in the APIO example)', async () => {
    const tenant = await h.anonymous.post(GATEWAY_LOGIN).send(DEMO_LOGINS.tenant);
    assert.equal(tenant.status, 200, tenant.text);
    assert.deepEqual(tenant.body, { ids: { tenant_id: TENANT }, profile: { user_level: 12, broadsoft_type: 'Service Provider', is_first_login: false } });
    const group = await h.anonymous.post(GATEWAY_LOGIN).send({ ...DEMO_LOGINS.group, provide_basic_profile: true });
    assert.equal(group.status, 200, group.text);
    assert.deepEqual(group.body, { ids: { tenant_id: TENANT, group_id: GROUP, user_id: DEMO_LOGINS.group.username }, profile: { user_level: 8, broadsoft_type: 'Group', is_first_login: false } });
  });

  test('the cookie opens the API; logout ends the session and clears the cookie', async () => {
    const login = await h.anonymous.post(GATEWAY_LOGIN).send(DEMO_LOGINS.group);
    const cookie = sessionCookie(login).split(';')[0]!;
    const list = await h.anonymous.get(igcUrl()).set('Cookie', cookie);
    assert.equal(list.status, 200, list.text);
    const logout = await h.anonymous.post(GATEWAY_LOGOUT).set('Cookie', cookie);
    assert.equal(logout.status, 200);
    assert.match(sessionCookie(logout), /^sessionid=; .*Max-Age=0/);
    apioError(await h.anonymous.get(igcUrl()).set('Cookie', cookie), 401, 'UNAUTHENTICATED');
  });

  test('a wrong password and an unknown user get the same 401, without a cookie or the password', async () => {
    const wrong = await h.anonymous.post(GATEWAY_LOGIN).send({ username: 'admin', password: 'not-the-password' });
    const unknown = await h.anonymous.post(GATEWAY_LOGIN).send({ username: 'nobody', password: 'not-the-password' });
    const first = apioError(wrong, 401, 'UNAUTHENTICATED');
    const second = apioError(unknown, 401, 'UNAUTHENTICATED');
    assert.equal(first.message, second.message);
    assert.equal(wrong.headers['set-cookie'], undefined);
    assert.doesNotMatch(wrong.text, /not-the-password/);
  });

  test('a login body without username or password is a 400 naming both; a non-object body a 416', async () => {
    const error = apioError(await h.anonymous.post(GATEWAY_LOGIN).send({}), 400, 'VALIDATION');
    assert.deepEqual((error.details.problems as { path: string }[]).map((p) => p.path), ['username', 'password']);
    apioError(await h.anonymous.post(GATEWAY_LOGIN).set('Content-Type', 'application/json').send('[1]'), 416, 'BAD_MEDIA_TYPE');
  });

  test('a session ends after auth.sessionTtlSeconds', async () => {
    const cookie = sessionCookie(await h.anonymous.post(GATEWAY_LOGIN).send(DEMO_LOGINS.system)).split(';')[0]!;
    const started = now;
    try {
      now += (h.config.auth.sessionTtlSeconds + 1) * 1000;
      const error = apioError(await h.anonymous.get(igcUrl()).set('Cookie', cookie), 401, 'UNAUTHENTICATED');
      assert.match(error.message, /session/);
    } finally {
      now = started;
    }
  });

  test('without any credentials: 401 with WWW-Authenticate: Bearer', async () => {
    const response = await h.anonymous.get(igcUrl());
    apioError(response, 401, 'UNAUTHENTICATED');
    assert.equal(response.headers['www-authenticate'], 'Bearer');
  });
});

describe('core login: access and refresh tokens', () => {
  test('POST /api/v01/auth/login answers two HS256 JWTs with exp after the configured lifetimes', async () => {
    const response = await h.anonymous.post(CORE_LOGIN).send(DEMO_LOGINS.tenant);
    assert.equal(response.status, 200, response.text);
    assert.deepEqual(Object.keys(response.body).sort(), ['access_token', 'refresh_token']);
    const access = decodeJwt(response.body.access_token);
    const refresh = decodeJwt(response.body.refresh_token);
    assert.equal(access.exp! - access.iat!, h.config.auth.accessTokenTtlSeconds);
    assert.equal(refresh.exp! - refresh.iat!, h.config.auth.refreshTokenTtlSeconds);
    assert.equal(access.sub, 'tenantadmin');
    assert.equal(access.user_level, 12);
    assert.equal(access.tenant_id, TENANT);
    assert.equal(access.fid, refresh.fid, 'one login, one family');
  });

  test('the access token opens the API; the refresh token does not', async () => {
    const tokens = await h.login('groupadmin');
    assert.equal((await h.withBearer(tokens.access_token).get(igcUrl())).status, 200);
    apioError(await h.withBearer(tokens.refresh_token).get(igcUrl()), 401, 'UNAUTHENTICATED');
  });

  test('GET /api/v01/auth/access_token with the refresh token gives a working access token; with an access token, 401', async () => {
    const tokens = await h.login('admin');
    const refreshed = await h.withBearer(tokens.refresh_token).get(REFRESH);
    assert.equal(refreshed.status, 200, refreshed.text);
    assert.deepEqual(Object.keys(refreshed.body), ['access_token'], 'no new refresh token while the old one is young');
    assert.equal((await h.withBearer(refreshed.body.access_token).get(igcUrl())).status, 200);
    const wrong = await h.withBearer(tokens.access_token).get(REFRESH);
    apioError(wrong, 401, 'UNAUTHENTICATED');
    assert.equal(typeof wrong.body.error, 'string', 'core errors also carry {"error": "…"}');
  });

  test('a refresh token near its end is replaced on refresh', async () => {
    const tokens = await h.login('admin');
    const started = now;
    try {
      now += h.config.auth.refreshTokenTtlSeconds * 0.9 * 1000;
      const refreshed = await h.withBearer(tokens.refresh_token).get(REFRESH);
      assert.equal(refreshed.status, 200, refreshed.text);
      assert.equal(typeof refreshed.body.refresh_token, 'string');
      assert.equal(decodeJwt(refreshed.body.refresh_token).fid, decodeJwt(tokens.refresh_token).fid);
    } finally {
      now = started;
    }
  });

  test('an expired access token is refused as expired; the refresh token still gives a new one', async () => {
    const tokens = await h.login('admin');
    const started = now;
    try {
      now += (h.config.auth.accessTokenTtlSeconds + 1) * 1000;
      const error = apioError(await h.withBearer(tokens.access_token).get(igcUrl()), 401, 'UNAUTHENTICATED');
      assert.match(error.message, /expired/);
      const refreshed = await h.withBearer(tokens.refresh_token).get(REFRESH);
      assert.equal(refreshed.status, 200, refreshed.text);
      assert.equal((await h.withBearer(refreshed.body.access_token).get(igcUrl())).status, 200);
      now += h.config.auth.refreshTokenTtlSeconds * 1000;
      const late = await h.withBearer(tokens.refresh_token).get(REFRESH);
      assert.match(apioError(late, 401, 'UNAUTHENTICATED').message, /expired/);
      assert.match(late.body.error, /expired/);
    } finally {
      now = started;
    }
  });

  test('logout revokes both tokens of the login, and only those', async () => {
    const tokens = await h.login('admin');
    const other = await h.login('admin');
    const logout = await h.withBearer(tokens.access_token).get(`${CORE_LOGOUT}?sign=sha1:ignored`);
    assert.equal(logout.status, 200, logout.text);
    assert.match(apioError(await h.withBearer(tokens.access_token).get(igcUrl()), 401, 'UNAUTHENTICATED').message, /revoked/);
    const refused = await h.withBearer(tokens.refresh_token).get(REFRESH);
    assert.match(apioError(refused, 401, 'UNAUTHENTICATED').message, /revoked/);
    assert.match(refused.body.error, /revoked/);
    assert.equal((await h.withBearer(other.access_token).get(igcUrl())).status, 200, 'another login is untouched');
  });

  test('POST logout with the refresh token revokes the access token too', async () => {
    const tokens = await h.login('tenantadmin');
    assert.equal((await h.withBearer(tokens.refresh_token).post(CORE_LOGOUT)).status, 200);
    apioError(await h.withBearer(tokens.access_token).get(igcUrl()), 401, 'UNAUTHENTICATED');
  });

  test('bad credentials: 401 in both shapes; unknown fields: 400; a proxy name is accepted', async () => {
    const refused = await h.anonymous.post(CORE_LOGIN).send({ username: 'admin', password: 'wrong' });
    apioError(refused, 401, 'UNAUTHENTICATED');
    assert.equal(refused.body.error, refused.body.errors[0].message);
    apioError(await h.anonymous.post(CORE_LOGIN).send({ ...DEMO_LOGINS.system, extra: 1 }), 400, 'VALIDATION');
    assert.equal((await h.anonymous.post(CORE_LOGIN).send({ ...DEMO_LOGINS.system, proxy: 'broadworks' })).status, 200);
  });

  test('a token signed with another key, or altered, is refused', async () => {
    const tokens = await h.login('groupadmin');
    const claims = decodeJwt(tokens.access_token);
    const forged = await new SignJWT({ ...claims, user_level: 16 })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode('another-key-another-key-another-key!'));
    apioError(await h.withBearer(forged).get(igcUrl()), 401, 'UNAUTHENTICATED');
    const [header, , signature] = tokens.access_token.split('.');
    const elevated = Buffer.from(JSON.stringify({ ...claims, user_level: 16 })).toString('base64url');
    apioError(await h.withBearer(`${header}.${elevated}.${signature}`).get(igcUrl()), 401, 'UNAUTHENTICATED');
  });
});

describe('machine tokens', () => {
  test('a configured token is a bearer with its level and scope; an unknown one is a 401', async () => {
    assert.equal((await h.withBearer(SYSTEM_TOKEN).get(igcUrl())).status, 200);
    assert.equal((await h.withBearer(GROUP_TOKEN).get(igcUrl())).status, 200);
    apioError(await h.withBearer(GROUP_TOKEN).get(igcUrl('/api/v1', TENANT, 'OtherGroup')), 403, 'FORBIDDEN');
    apioError(await h.withBearer('apio_not-configured').get(igcUrl()), 401, 'UNAUTHENTICATED');
  });

  test('the settings refuse a token without the scope its level needs, or with a malformed hash', () => {
    assert.throws(
      () => loadConfig({ env: {}, overrides: { auth: { machineTokens: [{ name: 'x', sha256: sha256Hex('x'), level: 8, tenantId: TENANT }] } } }),
      (error: Error) => error instanceof ConfigError && /auth\.machineTokens\.0\.groupId/.test(error.message),
    );
    assert.throws(
      () => loadConfig({ env: {}, overrides: { auth: { machineTokens: [{ name: 'x', sha256: 'plain-token', level: 16 }] } } }),
      (error: Error) => error instanceof ConfigError && /auth\.machineTokens\.0\.sha256/.test(error.message),
    );
  });
});

describe('gateway login ids by level (APIO.md §3.1: the ids that apply to the login)', () => {
  test('a department admin and an end user get tenant_id, group_id and their own user_id', async () => {
    const logins: Record<string, { loginType: string; level: number }> = {
      'dept-admin@sip.netaxis.be': { loginType: 'Group Department', level: 4 },
      'end-user@sip.netaxis.be': { loginType: 'User', level: 0 },
    };
    const placed = await startAdapter({}, {
      as: 'none',
      verifier: async (userId) => ({ userId, loginType: logins[userId]!.loginType, serviceProviderId: TENANT, groupId: GROUP }),
    });
    try {
      for (const [username, { loginType, level }] of Object.entries(logins)) {
        const response = await placed.anonymous.post(GATEWAY_LOGIN).send({ username, password: 'p' });
        assert.equal(response.status, 200, response.text);
        assert.deepEqual(response.body, {
          ids: { tenant_id: TENANT, group_id: GROUP, user_id: username },
          profile: { user_level: level, broadsoft_type: loginType, is_first_login: false },
        });
      }
    } finally {
      await placed.close();
    }
  });
});

describe('logins the adapter cannot place', () => {
  test('a BroadWorks login type without an APIO level (Reseller) is a 403', async () => {
    const reseller = await startAdapter({}, { as: 'none', verifier: async (userId) => ({ userId, loginType: 'Reseller' }) });
    try {
      apioError(await reseller.anonymous.post(CORE_LOGIN).send({ username: 'r', password: 'p' }), 403, 'FORBIDDEN');
    } finally {
      await reseller.close();
    }
  });

  test('BroadWorks unreachable at login is a 502, not a 401', async () => {
    const down = await startAdapter({}, { as: 'none' });
    try {
      await down.simulator.close();
      apioError(await down.anonymous.post(GATEWAY_LOGIN).send(DEMO_LOGINS.system), 502, 'BROADWORKS_UNREACHABLE');
    } finally {
      await down.close();
    }
  });
});
