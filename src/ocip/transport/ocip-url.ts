// Parses the address of a BroadWorks OCI-P endpoint. The scheme picks the transport:
//   tcp://host[:2208]   tls://host[:2209]   http(s)://host[:port]/webservice/services/ProvisioningService
// Credentials never go in the URL (they would end up in logs with the address); they are options.
import { OcipUrlError } from '../errors.js';

export type OcipUrl =
  | { kind: 'tcp' | 'tls'; host: string; port: number }
  | { kind: 'soap'; url: URL; secure: boolean };

export const DEFAULT_TCP_PORT = 2208;
export const DEFAULT_TLS_PORT = 2209;
export const DEFAULT_SOAP_PATH = '/webservice/services/ProvisioningService';

export function parseOcipUrl(text: string): OcipUrl {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new OcipUrlError(`not a URL: '${redact(text)}' (expected tcp://host:2208, tls://host:2209 or https://host${DEFAULT_SOAP_PATH})`);
  }
  if (url.username || url.password) {
    throw new OcipUrlError('the OCI-P URL must not carry credentials; give userId and password as options');
  }
  const scheme = url.protocol.slice(0, -1);
  switch (scheme) {
    case 'tcp':
    case 'tls': {
      const host = requireHost(url);
      if (url.pathname && url.pathname !== '/') throw new OcipUrlError(`a ${scheme}:// OCI-P URL takes no path ('${url.pathname}')`);
      const port = url.port ? Number(url.port) : scheme === 'tcp' ? DEFAULT_TCP_PORT : DEFAULT_TLS_PORT;
      return { kind: scheme, host, port };
    }
    case 'http':
    case 'https': {
      requireHost(url);
      const soap = new URL(url.href);
      if (soap.pathname === '/' || soap.pathname === '') soap.pathname = DEFAULT_SOAP_PATH;
      return { kind: 'soap', url: soap, secure: scheme === 'https' };
    }
    default:
      throw new OcipUrlError(`unsupported OCI-P URL scheme '${scheme}:' (use tcp:, tls:, http: or https:)`);
  }
}

function requireHost(url: URL): string {
  if (!url.hostname) throw new OcipUrlError(`the OCI-P URL has no host: '${url.protocol}//…'`);
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

/** A malformed URL is echoed in the message, minus anything that looks like user:password@. */
function redact(text: string): string {
  return text.replace(/\/\/[^/@]*@/, '//***@');
}
