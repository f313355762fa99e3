// Rate limits per credential, per client address and on login attempts: 429 with Retry-After in
// the APIO error shape, counted in the store's fixed windows (the harness clock moves them), and
// defaults that leave one credential thousands of requests a second.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { RateLimiter } from '../../src/auth/index.js';
import { loadConfig } from '../../src/config/index.js';
import { ApioError } from '../../src/domain/errors.js';
import { createStore } from '../../src/store/index.js';
import { apioError, DEMO_LOGINS, igcUrl, startAdapter } from '../support/adapter-harness.js';

/** A clock at the start of a window, so Retry-After is known exactly. */
function windowClock(windowSeconds: number): { now: () => number; advance: (ms: number) => void } {
  let now = Math.ceil(Date.now() / (windowSeconds * 1000)) * windowSeconds * 1000;
  return { now: () => now, advance: (ms) => (now += ms) };
}

describe('per credential', () => {
  test('past the limit: 429, Retry-After to the end of the window, other credentials unaffected; the next window is open', async () => {
    const clock = windowClock(60);
    const h = await startAdapter({}, { clock: clock.now, overrides: { rateLimit: { perCredential: 3, windowSeconds: 60 } } });
    try {
      for (let i = 0; i < 3; i++) assert.equal((await h.request.get(igcUrl())).status, 200);
      clock.advance(1_500);
      const refused = await h.request.get(igcUrl());
      const error = apioError(refused, 429, 'RATE_LIMITED');
      assert.equal(refused.headers['retry-after'], '59');
      assert.match(error.message, /credential/);
      // Another login of the same user is the same credential; another user is not.
      const again = await h.login('admin');
      apioError(await h.withBearer(again.access_token).get(igcUrl()), 429, 'RATE_LIMITED');
      const tenant = await h.login('tenantadmin');
      assert.equal((await h.withBearer(tenant.access_token).get(igcUrl())).status, 200);
      clock.advance(60_000);
      assert.equal((await h.request.get(igcUrl())).status, 200);
    } finally {
      await h.close();
    }
  });
});

describe('per client address', () => {
  test('every /api request from one address counts, logged in or not', async () => {
    const clock = windowClock(60);
    const h = await startAdapter({}, { clock: clock.now, overrides: { rateLimit: { perAddress: 4, windowSeconds: 60 } } });
    try {
      // The harness login was the first request of this address.
      assert.equal((await h.request.get(igcUrl())).status, 200);
      apioError(await h.anonymous.get(igcUrl()), 401, 'UNAUTHENTICATED');
      assert.equal((await h.request.get(igcUrl())).status, 200);
      const refused = await h.request.get(igcUrl());
      apioError(refused, 429, 'RATE_LIMITED');
      assert.equal(refused.headers['retry-after'], '60');
      apioError(await h.anonymous.post('/api/v01/auth/login').send(DEMO_LOGINS.system), 429, 'RATE_LIMITED');
      assert.equal((await h.anonymous.get('/healthz')).status, 200, 'health checks are not counted');
    } finally {
      await h.close();
    }
  });
});

describe('login attempts', () => {
  test('past loginAttempts per address, a login is refused before BroadWorks is asked', async () => {
    const clock = windowClock(60);
    let asked = 0;
    const h = await startAdapter(
      {},
      {
        as: 'none',
        clock: clock.now,
        overrides: { rateLimit: { loginAttempts: 2, loginWindowSeconds: 60 } },
        verifier: async () => {
          asked++;
          throw new ApioError('UNAUTHENTICATED', 'invalid username or password');
        },
      },
    );
    try {
      apioError(await h.anonymous.post('/api/v1/login/').send({ username: 'admin', password: 'guess1' }), 401);
      apioError(await h.anonymous.post('/api/v01/auth/login').send({ username: 'admin', password: 'guess2' }), 401);
      const refused = await h.anonymous.post('/api/v1/login/').send({ username: 'admin', password: 'guess3' });
      apioError(refused, 429, 'RATE_LIMITED');
      assert.equal(refused.headers['retry-after'], '60');
      const core = await h.anonymous.post('/api/v01/auth/login').send({ username: 'admin', password: 'guess4' });
      apioError(core, 429, 'RATE_LIMITED');
      assert.equal(typeof core.body.error, 'string');
      assert.equal(asked, 2);
    } finally {
      await h.close();
    }
  });
});

describe('settings', () => {
  test('rateLimit.enabled false turns every limit off', async () => {
    const h = await startAdapter({}, { overrides: { rateLimit: { enabled: false, perCredential: 1, perAddress: 1 } } });
    try {
      for (let i = 0; i < 3; i++) assert.equal((await h.request.get(igcUrl())).status, 200);
    } finally {
      await h.close();
    }
  });

  test('the defaults let one credential from one address make 3,000 requests in one second', async () => {
    const config = loadConfig({ env: {} });
    const store = createStore({ kind: 'memory', clock: () => 1_700_000_000_000 });
    try {
      const limiter = new RateLimiter(store, config.rateLimit);
      for (let i = 0; i < 3_000; i++) {
        assert.equal((await limiter.forAddress('127.0.0.1')).allowed, true);
        assert.equal((await limiter.forCredential('user:admin')).allowed, true);
      }
      assert.ok(config.rateLimit.perCredential / config.rateLimit.windowSeconds >= 3_000);
    } finally {
      await store.disconnect();
    }
  });
});
