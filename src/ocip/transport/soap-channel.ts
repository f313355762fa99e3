// A Channel over SOAP: each document is one HTTP POST and its answer is the next incoming document.
// Posts go one at a time, so answers keep the order of the documents (the session relies on it).
// The channel owns a keep-alive agent and a cookie jar: the gateway binds the login to JSESSIONID.
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import type { ClientRequest, IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { TextDecoder } from 'node:util';
import { OcipConnectError, OcipConnectTimeoutError, OcipError, OcipSessionClosedError, OcipSocketClosedError, OcipTransportError } from '../errors.js';
import { ChannelBase } from './channel.js';
import { CookieJar } from './cookie-jar.js';
import { buildSoapRequest, parseSoapFault, parseSoapResponse } from './soap-envelope.js';
import type { TlsOptions } from './tls-transport.js';

export interface SoapChannelOptions {
  url: URL;
  address: string;
  connectTimeoutMs: number;
  maxResponseBytes: number;
  tls?: TlsOptions;
}

export class SoapChannel extends ChannelBase {
  readonly #options: SoapChannelOptions;
  readonly #https: boolean;
  readonly #agent: HttpAgent;
  readonly #jar = new CookieJar();
  #chain: Promise<void> = Promise.resolve();
  #pending = 0;
  #closeRequested = false;
  #request: ClientRequest | undefined;

  constructor(options: SoapChannelOptions) {
    super();
    this.#options = options;
    this.#https = options.url.protocol === 'https:';
    // One socket per channel: the posts are sequential anyway, and a session then keeps its connection.
    this.#agent = this.#https
      ? new HttpsAgent({ keepAlive: true, maxSockets: 1, ...tlsAgentOptions(options.tls) })
      : new HttpAgent({ keepAlive: true, maxSockets: 1 });
  }

  /** The session cookie the gateway gave this channel, if any (for tests and diagnostics). */
  get sessionCookie(): string | undefined {
    return this.#jar.get('JSESSIONID');
  }

  send(document: string): void {
    this.assertOpen(this.#options.address);
    this.#pending++;
    this.#chain = this.#chain.then(async () => {
      try {
        if (this.ended) return;
        this.emitDocument(await this.#post(document));
      } catch (error) {
        this.destroy(error as Error);
      } finally {
        this.#pending--;
        if (this.#closeRequested && this.#pending === 0) this.#shutdown(undefined);
      }
    });
  }

  close(): void {
    if (this.closed) return;
    this.markClosing();
    this.#closeRequested = true;
    if (this.#pending === 0) this.#shutdown(undefined);
  }

  destroy(error?: Error): void {
    this.markClosing();
    this.#request?.destroy();
    this.#shutdown(error);
  }

  #shutdown(error: Error | undefined): void {
    this.#agent.destroy();
    this.finish(error);
  }

  #post(document: string): Promise<string> {
    const { url, address, connectTimeoutMs, maxResponseBytes } = this.#options;
    const body = Buffer.from(buildSoapRequest(document), 'utf8');
    const headers: Record<string, string | number> = {
      'Content-Type': 'text/xml; charset=utf-8',
      SOAPAction: '""',
      'Content-Length': body.length,
    };
    const cookie = this.#jar.header();
    if (cookie) headers.Cookie = cookie;

    return new Promise<string>((resolve, reject) => {
      const request = (this.#https ? httpsRequest : httpRequest)(url, { method: 'POST', agent: this.#agent, headers });
      this.#request = request;
      let connected = false;
      let connectTimer: NodeJS.Timeout | undefined;
      const fail = (error: Error) => {
        clearTimeout(connectTimer);
        if (error instanceof OcipError) reject(error);
        else if (!connected) reject(new OcipConnectError(address, error));
        else reject(new OcipSocketClosedError(`the connection to ${address} failed`, { cause: error }));
      };
      request.on('socket', (socket) => {
        if (!socket.connecting) {
          connected = true;
          return;
        }
        connectTimer = setTimeout(() => request.destroy(new OcipConnectTimeoutError(address, connectTimeoutMs)), connectTimeoutMs);
        socket.once(this.#https ? 'secureConnect' : 'connect', () => {
          connected = true;
          clearTimeout(connectTimer);
        });
      });
      request.on('error', fail);
      request.on('response', (response) => {
        connected = true;
        clearTimeout(connectTimer);
        this.#jar.store(response.headers['set-cookie']);
        readBody(response, maxResponseBytes).then((text) => {
          if (response.statusCode !== 200) {
            const fault = parseSoapFault(text);
            const detail = fault !== undefined ? `SOAP fault: ${fault}` : 'no SOAP answer';
            // The gateway refused the request for want of a session (it expired): nothing was processed.
            if (fault !== undefined && NO_SESSION_FAULT.test(fault)) {
              reject(new OcipSessionClosedError(`${address} has no session for this request (${detail})`, { neverSent: true }));
              return;
            }
            reject(new OcipTransportError(`HTTP ${response.statusCode} from ${address} (${detail})`));
            return;
          }
          resolve(parseSoapResponse(text));
        }, fail).catch(fail);
      });
      request.end(body);
    }).finally(() => (this.#request = undefined));
  }
}

/** A fault saying the request came outside a logged-in session. */
const NO_SESSION_FAULT = /not logged in|no (?:oci )?session|session (?:expired|not found)/i;

function readBody(response: IncomingMessage, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    response.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        response.destroy(new OcipTransportError(`the SOAP answer exceeded ${maxBytes} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    response.on('error', reject);
    response.on('aborted', () => reject(new OcipSocketClosedError('the SOAP answer was cut off')));
    response.on('end', () => {
      const charset = /charset\s*=\s*"?([^";\s]+)/i.exec(response.headers['content-type'] ?? '')?.[1]?.toLowerCase();
      const body = Buffer.concat(chunks);
      if (charset === undefined || charset === 'utf-8' || charset === 'utf8') resolve(body.toString('utf8'));
      else if (charset === 'iso-8859-1' || charset === 'latin1') resolve(body.toString('latin1'));
      else {
        try {
          resolve(new TextDecoder(charset).decode(body));
        } catch {
          reject(new OcipTransportError(`the SOAP answer declares a charset this runtime cannot decode: '${charset}'`));
        }
      }
    });
  });
}

function tlsAgentOptions(tls: TlsOptions | undefined): Record<string, unknown> {
  if (!tls) return {};
  return {
    ca: tls.ca,
    cert: tls.cert,
    key: tls.key,
    servername: tls.servername,
    rejectUnauthorized: tls.rejectUnauthorized ?? true,
  };
}
