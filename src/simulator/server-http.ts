// The simulator's HTTP listener (SIMULATOR_HTTP_PORT): two route groups on one port —
//   /webservice/services/ProvisioningService  OCI-P over SOAP (server-soap.ts)
//   /v1.0/…                                   the call lab (call-lab/http/routes.ts)
// and a plain 404 for anything else.
import { createServer } from 'node:http';
import type { LabHttp } from './call-lab/index.js';
import { listenOn } from './listen.js';
import { send, SOAP_PATH } from './server-soap.js';
import type { SoapEndpoint } from './server-soap.js';
import type { Listener } from './server-tcp.js';

export interface HttpListenerOptions {
  host: string;
  port: number;
  soap: SoapEndpoint;
  lab: LabHttp;
}

export const LAB_PREFIX = '/v1.0/';

export async function startHttpListener(options: HttpListenerOptions): Promise<Listener> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://simulator');
    let served: Promise<void>;
    if (url.pathname === SOAP_PATH) served = options.soap.serve(request, response);
    else if (url.pathname.startsWith(LAB_PREFIX)) served = options.lab.serve(request, response, url.pathname, url.searchParams);
    else served = Promise.resolve(send(response, 404, 'text/plain', 'not found\n'));
    served.catch(() => response.destroy());
  });
  const port = await listenOn(server, options.port, options.host);
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Also ends the lab's event streams, which never end by themselves.
        server.closeAllConnections();
        options.soap.close();
      }),
  };
}
