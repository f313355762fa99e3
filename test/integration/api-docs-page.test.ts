// The API docs page in a real browser (headless Debian chromium through playwright-core): it loads
// Swagger UI from the adapter itself (no request leaves 127.0.0.1), shows the login help and the
// Instant Group Call operations with the APIO page's examples, and "try it out" on the list route
// with a bearer token answers the seed group's list. Skipped with a message without /usr/bin/chromium.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { startAdapter } from '../support/adapter-harness.js';
import type { AdapterHarness } from '../support/adapter-harness.js';
import { chromiumMissing, launchChromium } from '../support/headless-chromium.js';
import type { HeadlessBrowser } from '../support/headless-chromium.js';

const UI_TIMEOUT_MS = 15_000;
const LIST_PATH = '/api/v1/tenants/{tenant_id}/groups/{group_id}/services/instant_group_calls/';

const missing = chromiumMissing();
if (missing) console.log(`# skipping the API docs page browser tests: ${missing}`);

describe('the API docs page at /api/docs/', { skip: missing ?? false }, () => {
  let adapter: AdapterHarness;
  let server: Server;
  let base: string;
  let browser: HeadlessBrowser;
  /** Every URL the page requested. */
  const requested: string[] = [];

  before(async () => {
    adapter = await startAdapter();
    server = adapter.app.listen(0, '127.0.0.1');
    await once(server, 'listening');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
    browser.context.on('request', (request) => requested.push(request.url()));
  });

  after(async () => {
    await browser?.close();
    server?.closeAllConnections();
    await new Promise((done) => server?.close(done));
    await adapter?.close();
  });

  /** The operation block of one method and path, expanded. */
  async function openOperation(page: Page, method: string, path: string) {
    const block = page.locator(`.opblock-${method}`).filter({ has: page.locator(`.opblock-summary-path[data-path="${path}"]`) });
    await block.locator('.opblock-summary-control').click();
    return block;
  }

  test('serves Swagger UI from the adapter, explains the login and lists the Instant Group Call operations', async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // A Content-Security-Policy violation shows as a console error.
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    const response = await page.goto(`${base}/api/docs/`);
    assert.equal(response?.status(), 200);
    assert.match(response?.headers()['content-security-policy'] ?? '', /script-src 'self'/);
    await page.getByRole('heading', { name: 'Logging in' }).waitFor({ timeout: UI_TIMEOUT_MS });
    assert.match(await page.locator('.login-help').innerText(), /POST \/api\/v01\/auth\/login/);

    const section = page.locator('.opblock-tag-section').filter({ has: page.locator('h3', { hasText: 'Instant Group Call' }) });
    await section.locator('.opblock').first().waitFor({ timeout: UI_TIMEOUT_MS });
    const operations = await section.locator('.opblock-summary').evaluateAll((nodes) =>
      nodes.map((node) => `${node.querySelector('.opblock-summary-method')?.textContent} ${node.querySelector('.opblock-summary-path')?.getAttribute('data-path')}`),
    );
    const services = '/api/v1/tenants/{tenant_id}/groups/{group_id}/services';
    assert.deepEqual(operations.sort(), [
      `DELETE ${services}/instant_group_calls/{service_user_id}/`,
      `GET ${services}/instant_group_calls/`,
      `GET ${services}/instant_group_calls/{service_user_id}/`,
      `POST ${services}/instant_group_calls/`,
      `PUT ${services}/instant_group_calls/{service_user_id}/`,
      `PUT ${services}/instant_group_calls_active/`,
    ]);
    // The POST shows the APIO page's request as its example.
    const post = await openOperation(page, 'post', LIST_PATH);
    await post.locator('.body-param__example, .highlight-code').first().waitFor({ timeout: UI_TIMEOUT_MS });
    assert.match(await post.innerText(), /APIOTestIGC@sip\.netaxis\.be/);
    assert.deepEqual(errors, []);
    const foreign = requested.filter((url) => !url.startsWith(`${base}/`));
    assert.deepEqual(foreign, [], 'the page loads nothing from outside the adapter');
    await page.close();
  });

  test('"try it out" on the list route with a bearer token answers the group\'s list', async () => {
    const { access_token } = await adapter.login('admin');
    const page = await browser.context.newPage();
    await page.goto(`${base}/api/docs/`);
    await page.locator('button.authorize').first().click({ timeout: UI_TIMEOUT_MS });
    const dialog = page.locator('.modal-ux');
    const bearerForm = dialog.locator('.auth-container').filter({ hasText: '(http, Bearer)' });
    await bearerForm.locator('#auth-bearer-value').fill(access_token);
    await bearerForm.getByRole('button', { name: 'Apply credentials' }).click();
    await bearerForm.getByRole('heading', { name: 'Authorized' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await bearerForm.getByRole('button', { name: 'Close' }).click();

    const list = await openOperation(page, 'get', LIST_PATH);
    await list.getByRole('button', { name: 'Try it out' }).click();
    // The path parameters come filled with the seed world's tenant and group (their examples).
    assert.equal(await list.locator('tr[data-param-name="tenant_id"] input').inputValue(), 'ApioSpTest');
    assert.equal(await list.locator('tr[data-param-name="group_id"] input').inputValue(), 'ApioGrpTest');
    const answered = page.waitForResponse((response) => response.url().endsWith('/services/instant_group_calls/'), { timeout: UI_TIMEOUT_MS });
    await list.getByRole('button', { name: 'Execute' }).click();
    const answer = await answered;
    assert.equal(answer.status(), 200);
    assert.equal(answer.request().headers().authorization, `Bearer ${access_token}`);
    await list.locator('.live-responses-table tbody .response-col_status').first().waitFor({ timeout: UI_TIMEOUT_MS });
    assert.match(await list.locator('.live-responses-table tbody .response-col_status').first().innerText(), /200/);
    assert.match(await list.locator('.live-responses-table').innerText(), /instantGroupCalls/);
    await page.close();
  });

  test('a login through the page authorizes the operations that follow', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${base}/api/docs/`);
    const login = await openOperation(page, 'post', '/api/v01/auth/login');
    await login.getByRole('button', { name: 'Try it out' }).click();
    // The example body is the demo login; Execute as is.
    const loggedIn = page.waitForResponse((response) => response.url().endsWith('/api/v01/auth/login'), { timeout: UI_TIMEOUT_MS });
    await login.getByRole('button', { name: 'Execute' }).click();
    assert.equal((await loggedIn).status(), 200);

    const list = await openOperation(page, 'get', LIST_PATH);
    await list.getByRole('button', { name: 'Try it out' }).click();
    const answered = page.waitForResponse((response) => response.url().endsWith('/services/instant_group_calls/'), { timeout: UI_TIMEOUT_MS });
    await list.getByRole('button', { name: 'Execute' }).click();
    const answer = await answered;
    assert.equal(answer.status(), 200);
    assert.match(answer.request().headers().authorization ?? '', /^Bearer ey/);
    await page.close();
  });

  test('/api/docs redirects to /api/docs/, and the package\'s other files are not served', async () => {
    const redirect = await fetch(`${base}/api/docs`, { redirect: 'manual' });
    assert.equal(redirect.status, 301);
    assert.equal(redirect.headers.get('location'), '/api/docs/');
    assert.equal((await fetch(`${base}/api/docs/swagger-ui-bundle.js`)).status, 200);
    for (const file of ['package.json', 'index.html', 'swagger-initializer.js']) {
      assert.equal((await fetch(`${base}/api/docs/${file}`)).status, 404, file);
    }
  });
});
