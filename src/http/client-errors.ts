// What Node's HTTP parser refuses before Express sees a request (headers over maxHeaderSize, a
// malformed request line or header, a request that took too long to arrive) answered in the APIO
// error shape instead of Node's bare status line, then the connection is closed: after a parse
// error the rest of the bytes cannot be trusted to start a request.
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { ApioError } from '../domain/errors.js';
import { HttpError } from './http-errors.js';
import { toErrorAnswer } from './error-response.js';
import { API_HEADERS } from './middleware.js';

const REASON_PHRASES: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  413: 'Payload Too Large',
  431: 'Request Header Fields Too Large',
};

/** The APIO error for one of Node's parser errors (llhttp's HPE_* codes, Node's ERR_HTTP_*). */
export function parserError(code: string | undefined): ApioError | HttpError {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return new HttpError('HEADERS_TOO_LARGE', 'the request headers are too large');
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return new HttpError('PAYLOAD_TOO_LARGE', 'the chunk extensions are too large');
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return new HttpError('REQUEST_TIMEOUT', 'the request did not arrive in time');
    default:
      return new ApioError('VALIDATION', `the request is not valid HTTP/1.1 (${code ?? 'parse error'})`);
  }
}

export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    // Nothing to answer on a connection the client reset, or one already answered.
    if (error.code === 'ECONNRESET' || !socket.writable || (socket as { _httpMessage?: unknown })._httpMessage) {
      socket.destroy();
      return;
    }
    const { status, body } = toErrorAnswer(parserError(error.code));
    const text = JSON.stringify(body);
    const headers = [
      `HTTP/1.1 ${status} ${REASON_PHRASES[status] ?? 'Bad Request'}`,
      'Content-Type: application/json; charset=utf-8',
      `Content-Length: ${Buffer.byteLength(text)}`,
      ...Object.entries(API_HEADERS).map(([name, value]) => `${name}: ${value}`),
      'Connection: close',
    ];
    socket.end(`${headers.join('\r\n')}\r\n\r\n${text}`);
  });
}
