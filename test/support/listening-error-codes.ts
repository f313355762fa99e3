// The APIO error codes only Node's HTTP server produces (its parser and its request timeout, answered
// by src/http/client-errors.ts): their rows, shared by test/integration/apio-error-codes-listening.test.ts,
// which drives them against a listening server, and apio-error-codes.test.ts, whose "covers every
// code" check counts them. No test is registered here, so importing it runs nothing.
import { connect } from 'node:net';
import { igcUrl } from './adapter-harness.js';

export interface RawAnswer {
  status: number;
  headers: string;
  body: { errors: Array<{ code: number; message: string; details: { reason: string } }> };
}

export interface ListeningRow {
  code: number;
  reason: string;
  status: number;
  /** Bytes sent to the server at `port` that get this error. */
  produce(port: number): Promise<RawAnswer>;
}

/** Raw bytes in, the whole answer out (the server closes after a parse error); `pauseMs` of silence before `rest`. */
export function raw(port: number, bytes: string, rest?: { pauseMs: number; bytes: string }): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.setTimeout(5_000, () => socket.destroy(new Error('no answer in 5 s')));
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head, body] = text.split('\r\n\r\n');
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head ?? '')?.[1]), headers: head ?? '', body: JSON.parse(body || 'null') });
    });
    socket.write(bytes);
    if (rest) setTimeout(() => socket.writable && socket.write(rest.bytes), rest.pauseMs).unref();
  });
}

export const LISTENING_ROWS: ListeningRow[] = [
  {
    code: 27,
    reason: 'HEADERS_TOO_LARGE',
    status: 431,
    // Node's maxHeaderSize is 16 KB.
    produce: (port) => raw(port, `GET ${igcUrl()} HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`),
  },
  {
    code: 30,
    reason: 'REQUEST_TIMEOUT',
    status: 408,
    // Half the headers, then silence past the server's headersTimeout (the test server's is short).
    produce: (port) => raw(port, `GET ${igcUrl()} HTTP/1.1\r\nHost: x\r\n`, { pauseMs: 3_000, bytes: '\r\n' }),
  },
];
