// The APIO error codes only Node's HTTP server gives (headers too large, a request that took too
// long to arrive), each driven by raw bytes against a listening server that answers Node's client
// errors the way startServer does (answerClientErrors). The server's request timeouts are short here
// so that the 408 comes within a second, not Node's default minute. apio-error-codes.test.ts counts
// these rows in its "covers every code" check.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerClientErrors } from '../../src/http/client-errors.js';
import { startAdapter } from '../support/adapter-harness.js';
import type { AdapterHarness } from '../support/adapter-harness.js';
import { LISTENING_ROWS } from '../support/listening-error-codes.js';

let h: AdapterHarness;
let server: Server;
let port: number;
before(async () => {
  h = await startAdapter();
  server = createServer({ headersTimeout: 300, requestTimeout: 500, connectionsCheckingInterval: 100 }, h.app);
  answerClientErrors(server);
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  port = (server.address() as AddressInfo).port;
});
after(async () => {
  server.closeAllConnections();
  await new Promise<void>((done) => server.close(() => done()));
  await h.close();
});

for (const row of LISTENING_ROWS) {
  test(`${row.code} ${row.reason}: HTTP ${row.status}, from a listening server`, async () => {
    const answer = await row.produce(port);
    assert.equal(answer.status, row.status, JSON.stringify(answer.body));
    assert.match(answer.headers, /Content-Type: application\/json/);
    assert.match(answer.headers, /Connection: close/);
    const [error] = answer.body.errors;
    assert.equal(error?.details.reason, row.reason);
    assert.equal(error?.code, row.code);
  });
}
