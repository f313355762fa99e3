// The yardstick for the adapter's HTTP throughput: an Express 5 hello world, run as `node` runs the
// adapter (plain JavaScript, no loader), answering every GET with the JSON body given in HELLO_BODY
// (the adapter's own answer to the GET being compared, so both send a body of the same size), with
// the same app settings the adapter uses. Prints "HELLO http://127.0.0.1:<port>" when listening.
import express from 'express';

const body = JSON.parse(process.env.HELLO_BODY ?? '{"hello":"world"}');
const app = express();
app.disable('x-powered-by');
app.set('etag', false);
app.get('/{*path}', (_request, response) => {
  response.json(body);
});
const server = app.listen(0, '127.0.0.1', () => {
  process.stdout.write(`HELLO http://127.0.0.1:${server.address().port}\n`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
