// The SOAP 1.1 wrapping of OCI-P ("OCIOverSoap"): operation processOCIMessage, whose single string
// part (`in0` document/literal, or `arg0` rpc/encoded) carries the escaped BroadsoftDocument, and
// whose answer is processOCIMessageResponse/processOCIMessageReturn (OCIP.md §3).
import { XMLParser } from 'fast-xml-parser';

export const SOAP_PATH = '/webservice/services/ProvisioningService';
const SOAP_ENV = 'http://schemas.xmlsoap.org/soap/envelope/';
const SERVICE_NS = 'urn:com:broadsoft:webservice';

/** A request the gateway cannot unwrap: answered with a SOAP Fault, never with an OCI-P document. */
export class SoapRequestError extends Error {}

// Namespaces are matched by local name (clients differ in prefixes and in qualifying the part);
// numeric character references in the part must be decoded, hence htmlEntities.
const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: false,
  parseTagValue: false,
  processEntities: true,
  htmlEntities: true,
});

/** The BroadsoftDocument text inside a processOCIMessage envelope. */
export function unwrapRequest(body: string): string {
  let parsed: Record<string, unknown>;
  try {
    parsed = parser.parse(body) as Record<string, unknown>;
  } catch (error) {
    throw new SoapRequestError(`not well-formed XML: ${(error as Error).message}`);
  }
  const operation = child(child(child(parsed, 'Envelope'), 'Body'), 'processOCIMessage');
  if (operation === undefined) throw new SoapRequestError('no Envelope/Body/processOCIMessage element');
  const part = child(operation, 'in0') ?? child(operation, 'arg0');
  const text = typeof part === 'string' ? part : typeof part === 'object' && part !== null ? (part as Record<string, unknown>)['#text'] : undefined;
  if (typeof text !== 'string' || text.trim() === '') throw new SoapRequestError('processOCIMessage has no in0 (or arg0) text');
  return text;
}

export function wrapResponse(documentText: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>` +
    `<soapenv:Envelope xmlns:soapenv="${SOAP_ENV}" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<soapenv:Body><processOCIMessageResponse xmlns="${SERVICE_NS}">` +
    `<processOCIMessageReturn>${escapeText(documentText)}</processOCIMessageReturn>` +
    `</processOCIMessageResponse></soapenv:Body></soapenv:Envelope>`
  );
}

export function wrapFault(faultCode: 'Client' | 'Server', message: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>` +
    `<soapenv:Envelope xmlns:soapenv="${SOAP_ENV}"><soapenv:Body><soapenv:Fault>` +
    `<faultcode>soapenv:${faultCode}</faultcode><faultstring>${escapeText(message)}</faultstring>` +
    `</soapenv:Fault></soapenv:Body></soapenv:Envelope>`
  );
}

/** A minimal WSDL: the one operation, document/literal, soapAction "". */
export function wsdl(endpoint: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<wsdl:definitions targetNamespace="${SERVICE_NS}" xmlns:impl="${SERVICE_NS}" xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:wsdlsoap="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:xsd="http://www.w3.org/2001/XMLSchema">
  <wsdl:types>
    <schema elementFormDefault="qualified" targetNamespace="${SERVICE_NS}" xmlns="http://www.w3.org/2001/XMLSchema">
      <element name="processOCIMessage"><complexType><sequence><element name="in0" type="xsd:string"/></sequence></complexType></element>
      <element name="processOCIMessageResponse"><complexType><sequence><element name="processOCIMessageReturn" type="xsd:string"/></sequence></complexType></element>
    </schema>
  </wsdl:types>
  <wsdl:message name="processOCIMessageRequest"><wsdl:part element="impl:processOCIMessage" name="parameters"/></wsdl:message>
  <wsdl:message name="processOCIMessageResponse"><wsdl:part element="impl:processOCIMessageResponse" name="parameters"/></wsdl:message>
  <wsdl:portType name="BWProvisioningService">
    <wsdl:operation name="processOCIMessage">
      <wsdl:input message="impl:processOCIMessageRequest" name="processOCIMessageRequest"/>
      <wsdl:output message="impl:processOCIMessageResponse" name="processOCIMessageResponse"/>
    </wsdl:operation>
  </wsdl:portType>
  <wsdl:binding name="ProvisioningServiceSoapBinding" type="impl:BWProvisioningService">
    <wsdlsoap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>
    <wsdl:operation name="processOCIMessage">
      <wsdlsoap:operation soapAction=""/>
      <wsdl:input name="processOCIMessageRequest"><wsdlsoap:body use="literal"/></wsdl:input>
      <wsdl:output name="processOCIMessageResponse"><wsdlsoap:body use="literal"/></wsdl:output>
    </wsdl:operation>
  </wsdl:binding>
  <wsdl:service name="BWProvisioningServiceService">
    <wsdl:port binding="impl:ProvisioningServiceSoapBinding" name="ProvisioningService">
      <wsdlsoap:address location="${escapeText(endpoint)}"/>
    </wsdl:port>
  </wsdl:service>
</wsdl:definitions>
`;
}

function child(node: unknown, name: string): unknown {
  return typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[name] : undefined;
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
