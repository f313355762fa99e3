// The SOAP 1.1 wrapping of OCI-P (the "OCIOverSoap" web application, WSDL operation processOCIMessage):
// the whole BroadsoftDocument travels as escaped text in <in0> and comes back in
// <processOCIMessageReturn>, namespace-qualified or not depending on the server.
import { XMLParser } from 'fast-xml-parser';
import { OcipTransportError } from '../errors.js';

export const SOAP_NAMESPACE = 'urn:com:broadsoft:webservice';

const ENVELOPE_OPEN =
  '<?xml version="1.0" encoding="UTF-8"?>' +
  '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>' +
  `<processOCIMessage xmlns="${SOAP_NAMESPACE}"><in0>`;
const ENVELOPE_CLOSE = '</in0></processOCIMessage></soapenv:Body></soapenv:Envelope>';

export function buildSoapRequest(document: string): string {
  return ENVELOPE_OPEN + escapeText(document) + ENVELOPE_CLOSE;
}

/** The answer carried by a 200 response, or an OcipTransportError (SOAP Fault, no answer element). */
export function parseSoapResponse(body: string): string {
  const envelope = readEnvelope(body);
  const fault = soapFault(envelope);
  if (fault !== undefined) throw new OcipTransportError(`SOAP fault: ${fault}`);
  const response = child(child(envelope, 'Body'), 'processOCIMessageResponse');
  const answer = child(response, 'processOCIMessageReturn');
  if (typeof answer !== 'string' || answer.trim() === '') {
    throw new OcipTransportError('the SOAP answer has no processOCIMessageReturn');
  }
  return unescapeText(answer);
}

/** The fault string of a SOAP Fault body, if the body is one (servers send faults with HTTP 500). */
export function parseSoapFault(body: string): string | undefined {
  try {
    return soapFault(readEnvelope(body));
  } catch {
    return undefined;
  }
}

// The answer element is a stop node: kept raw and unescaped here in one pass. Letting the parser expand
// the entities of a large table costs seconds; this costs milliseconds.
const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: false,
  processEntities: false,
  stopNodes: ['*.processOCIMessageReturn'],
});

function readEnvelope(body: string): unknown {
  let parsed: unknown;
  try {
    parsed = parser.parse(body);
  } catch (error) {
    throw new OcipTransportError(`the SOAP answer is not XML: ${(error as Error).message}`, { cause: error });
  }
  const envelope = child(parsed, 'Envelope');
  if (envelope === undefined) throw new OcipTransportError('the answer is not a SOAP envelope');
  return envelope;
}

function soapFault(envelope: unknown): string | undefined {
  const fault = child(child(envelope, 'Body'), 'Fault');
  if (fault === undefined) return undefined;
  const text = child(fault, 'faultstring') ?? child(fault, 'faultcode');
  return typeof text === 'string' ? unescapeText(text).trim() : 'no fault string';
}

function child(node: unknown, name: string): unknown {
  if (typeof node !== 'object' || node === null) return undefined;
  const value = (node as Record<string, unknown>)[name];
  return Array.isArray(value) ? value[0] : value;
}

function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (char) => (char === '&' ? '&amp;' : char === '<' ? '&lt;' : '&gt;'));
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const TEXT_TOKENS = /<!\[CDATA\[([\s\S]*?)\]\]>|&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;

/** Character data as written in XML -> its text: entities and character references, CDATA sections. */
export function unescapeText(raw: string): string {
  return raw.replace(TEXT_TOKENS, (_match, cdata: string | undefined, entity: string | undefined) => {
    if (cdata !== undefined) return cdata;
    if (entity!.startsWith('#x')) return String.fromCodePoint(Number.parseInt(entity!.slice(2), 16));
    if (entity!.startsWith('#')) return String.fromCodePoint(Number.parseInt(entity!.slice(1), 10));
    return NAMED[entity!]!;
  });
}
