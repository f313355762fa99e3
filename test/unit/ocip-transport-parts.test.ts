// The pure parts of the transports: URL parsing and transport choice, the SOAP envelope both ways,
// the SOAP cookie jar, and the in-memory channel pair's close rules.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  OcipErrorCodes,
  OcipSocketClosedError,
  OcipTransportError,
  OcipUrlError,
  SoapTransport,
  TcpTransport,
  TlsTransport,
  buildSoapRequest,
  createChannelPair,
  createTransport,
  parseOcipUrl,
  parseSoapResponse,
} from '../../src/ocip/index.js';
import { CookieJar } from '../../src/ocip/transport/cookie-jar.js';

describe('OCI-P URLs', () => {
  test('the scheme picks the transport, with the usual default ports and SOAP path', () => {
    assert.deepEqual(parseOcipUrl('tcp://bw.example.net'), { kind: 'tcp', host: 'bw.example.net', port: 2208 });
    assert.deepEqual(parseOcipUrl('tls://bw.example.net'), { kind: 'tls', host: 'bw.example.net', port: 2209 });
    assert.deepEqual(parseOcipUrl('tcp://[::1]:3000'), { kind: 'tcp', host: '::1', port: 3000 });
    const soap = parseOcipUrl('https://bw.example.net');
    assert.equal(soap.kind, 'soap');
    assert.equal(soap.kind === 'soap' && soap.url.href, 'https://bw.example.net/webservice/services/ProvisioningService');
    assert.ok(createTransport('tcp://127.0.0.1:2208') instanceof TcpTransport);
    assert.ok(createTransport('tls://127.0.0.1') instanceof TlsTransport);
    const http = createTransport('http://127.0.0.1:8080/custom/path');
    assert.ok(http instanceof SoapTransport);
    assert.equal(http.address, 'http://127.0.0.1:8080/custom/path');
    assert.equal(http.secure, false);
    assert.equal(createTransport('https://h').secure, true);
    assert.equal(createTransport('tls://h').secure, true);
    assert.equal(createTransport('tcp://h').address, 'tcp://h:2208');
  });

  test('bad URLs are refused with a clear OcipUrlError, never echoing credentials', () => {
    for (const [url, pattern] of [
      ['ftp://bw.example.net', /unsupported OCI-P URL scheme 'ftp:'/],
      ['bw.example.net:2208', /scheme/],
      ['not a url', /not a URL/],
      ['tcp://admin:pw@bw.example.net', /must not carry credentials/],
      ['tcp://bw.example.net/path', /takes no path/],
    ] as const) {
      assert.throws(
        () => parseOcipUrl(url),
        (error: unknown) => error instanceof OcipUrlError && error.code === OcipErrorCodes.INVALID_URL && pattern.test(error.message),
        url,
      );
    }
    assert.throws(() => parseOcipUrl('tcp//admin:hunter2@x'), (error: unknown) => !(error as Error).message.includes('hunter2'));
  });
});

describe('SOAP envelope', () => {
  const document = '<?xml version="1.0" encoding="ISO-8859-1"?><BroadsoftDocument protocol="OCI"><x a="1">R&amp;D &lt;&#233;&gt;</x></BroadsoftDocument>\n';

  test('the request carries the document as escaped text in processOCIMessage/in0', () => {
    const envelope = buildSoapRequest(document);
    assert.match(envelope, /<processOCIMessage xmlns="urn:com:broadsoft:webservice"><in0>&lt;\?xml /);
    assert.ok(envelope.includes('R&amp;amp;D &amp;lt;&amp;#233;&amp;gt;'));
    assert.ok(!envelope.slice(envelope.indexOf('<in0>') + 5, envelope.indexOf('</in0>')).includes('<'));
  });

  test('the answer is read from processOCIMessageReturn, prefixed or not, escaped or CDATA, unescaped once', () => {
    const escaped = document.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const prefixed =
      '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>' +
      `<ns1:processOCIMessageResponse xmlns:ns1="urn:com:broadsoft:webservice"><ns1:processOCIMessageReturn>${escaped}</ns1:processOCIMessageReturn>` +
      '</ns1:processOCIMessageResponse></soapenv:Body></soapenv:Envelope>';
    assert.equal(parseSoapResponse(prefixed), document);
    const cdata =
      '<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body><processOCIMessageResponse>' +
      `<processOCIMessageReturn><![CDATA[${document}]]></processOCIMessageReturn></processOCIMessageResponse></S:Body></S:Envelope>`;
    assert.equal(parseSoapResponse(cdata), document);
  });

  test('a SOAP Fault or a body without an answer is an OcipTransportError', () => {
    const fault =
      '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><soapenv:Fault>' +
      '<faultcode>soapenv:Server</faultcode><faultstring>NO_OCS_CONNECTION</faultstring></soapenv:Fault></soapenv:Body></soapenv:Envelope>';
    assert.throws(() => parseSoapResponse(fault), (error: unknown) => error instanceof OcipTransportError && /NO_OCS_CONNECTION/.test(error.message));
    assert.throws(() => parseSoapResponse('<html><body>Service Unavailable</body></html>'), OcipTransportError);
    assert.throws(() => parseSoapResponse('<Envelope><Body><other/></Body></Envelope>'), OcipTransportError);
  });
});

describe('SOAP cookie jar', () => {
  test('keeps every cookie by name, sends them back, forgets expired ones', () => {
    const jar = new CookieJar();
    assert.equal(jar.header(), undefined);
    jar.store(['JSESSIONID=abc123; Path=/webservice; HttpOnly', 'route=r1']);
    assert.equal(jar.header(), 'JSESSIONID=abc123; route=r1');
    jar.store(['JSESSIONID=def456; Path=/']);
    assert.equal(jar.get('JSESSIONID'), 'def456');
    jar.store(['route=; Max-Age=0']);
    assert.equal(jar.header(), 'JSESSIONID=def456');
  });
});

describe('in-memory channel pair', () => {
  test('delivers documents in order and tells the other end when one end closes', async () => {
    const [client, server] = createChannelPair();
    const received: string[] = [];
    server.onDocument((text) => received.push(text));
    const serverClosed = new Promise<Error | undefined>((resolve) => server.onClose(resolve));
    const clientClosed = new Promise<Error | undefined>((resolve) => client.onClose(resolve));
    client.send('a');
    client.send('b');
    client.close();
    assert.equal(client.closed, true);
    assert.throws(() => client.send('c'), OcipSocketClosedError);
    assert.equal(await clientClosed, undefined, 'a local close() ends without an error');
    assert.ok((await serverClosed) instanceof OcipSocketClosedError, 'the peer sees a closed socket');
    assert.deepEqual(received, ['a', 'b']);
    // A listener added after the end still hears about it.
    assert.ok((await new Promise((resolve) => server.onClose(resolve))) instanceof OcipSocketClosedError);
  });

  test('destroy(error) gives that error to this end at once', async () => {
    const [client] = createChannelPair();
    const reason = new Error('boom');
    const closed = new Promise<Error | undefined>((resolve) => client.onClose(resolve));
    client.destroy(reason);
    assert.equal(await closed, reason);
  });
});
