// OCI-P over SOAP/HTTP on the simulator: the envelope, the JSESSIONID-bound session, the WSDL.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import {
  AuthenticationRequest,
  GroupGetRequest22V5,
  LoginRequest14sp4,
  LoginRequest22V5,
  VerifySessionIsValidRequest,
  decodeDocument,
  encodeDocument,
  signedPassword,
} from '../../src/ocip/codec/index.js';
import type { DecodedCommand, OutgoingCommand } from '../../src/ocip/codec/index.js';
import { readSeedWorld, SIM_ERRORS, startSimulator } from '../../src/simulator/index.js';
import type { Simulator } from '../../src/simulator/index.js';
import { errorCodeOf, valueOf } from '../support/ocip-test-client.js';

const PATH = '/webservice/services/ProvisioningService';
const IDS = { serviceProviderId: 'ApioSpTest', groupId: 'ApioGrpTest' };
let sim: Simulator;

/** A SOAP client with one cookie jar and one OCI sessionId, as a real one keeps per session. */
class SoapSession {
  cookie: string | undefined;
  constructor(
    private readonly part: 'in0' | 'arg0' = 'in0',
    readonly sessionId: string = randomUUID(),
  ) {}

  async post(body: string): Promise<Response> {
    const headers: Record<string, string> = { 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: '""' };
    if (this.cookie) headers.Cookie = this.cookie;
    const response = await fetch(`http://127.0.0.1:${sim.httpPort}${PATH}`, { method: 'POST', headers, body });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0];
    return response;
  }

  async send(command: OutgoingCommand): Promise<DecodedCommand> {
    const response = await this.sendRaw(command);
    assert.equal(response.status, 200);
    const text = await response.text();
    const inner = /<processOCIMessageReturn>([\s\S]*)<\/processOCIMessageReturn>/.exec(text)?.[1];
    assert.ok(inner, text);
    const answer = decodeDocument(unescape(inner));
    assert.equal(answer.sessionId, this.sessionId);
    return answer.commands[0]!;
  }

  /** A request outside a logged-in session gets a SOAP fault (HTTP 500), not an OCI answer. */
  async assertNoSession(command: OutgoingCommand): Promise<void> {
    const response = await this.sendRaw(command);
    assert.equal(response.status, 500);
    assert.match(await response.text(), /<faultstring>Not logged in/);
  }

  async sendRaw(command: OutgoingCommand): Promise<Response> {
    const document = encodeDocument({ sessionId: this.sessionId, commands: [command] });
    const typeAttribute = this.part === 'arg0' ? ' xsi:type="soapenc:string"' : '';
    const envelope =
      `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" ` +
      `xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:soapenc="http://schemas.xmlsoap.org/soap/encoding/">` +
      `<soapenv:Body><ns1:processOCIMessage xmlns:ns1="urn:com:broadsoft:webservice"><${this.part}${typeAttribute}>${escape(document)}</${this.part}>` +
      `</ns1:processOCIMessage></soapenv:Body></soapenv:Envelope>`;
    return this.post(envelope);
  }
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function unescape(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

before(async () => {
  sim = await startSimulator({ seed: await readSeedWorld(), httpPort: 0 });
});
after(() => sim.close());

test('GET ?wsdl describes processOCIMessage', async () => {
  const response = await fetch(`http://127.0.0.1:${sim.httpPort}${PATH}?wsdl`);
  assert.equal(response.status, 200);
  assert.match(await response.text(), /<wsdl:operation name="processOCIMessage">/);
  assert.equal((await fetch(`http://127.0.0.1:${sim.httpPort}/elsewhere`)).status, 404);
});

test('login then a command over HTTP, bound to the JSESSIONID cookie', async () => {
  const session = new SoapSession();
  const login = valueOf(await session.send({ spec: LoginRequest22V5, value: { userId: 'groupadmin', password: 'admin' } }));
  assert.equal(login.loginType, 'Group');
  assert.match(session.cookie ?? '', /^JSESSIONID=[0-9A-F]{32}$/);
  const group = valueOf(await session.send({ spec: GroupGetRequest22V5, value: IDS }));
  assert.equal(group.callingLineIdPhoneNumber, '+3271112230');

  const info = sim.sessions().find((s) => s.sessionId === session.sessionId);
  assert.equal(info?.transport, 'soap');

  // Without the cookie the same sessionId is a stranger: outside any session, a SOAP fault.
  const stranger = new SoapSession('in0', session.sessionId);
  await stranger.assertNoSession({ spec: VerifySessionIsValidRequest, value: {} });
});

test('the rpc/encoded arg0 part and the signed-password login work too', async () => {
  const session = new SoapSession('arg0');
  const auth = valueOf(await session.send({ spec: AuthenticationRequest, value: { userId: 'tenantadmin' } }));
  const signed = signedPassword(String(auth.nonce), 'admin');
  const login = await session.send({ spec: LoginRequest14sp4, value: { userId: 'tenantadmin', signedPassword: signed } });
  assert.equal(login.type, 'LoginResponse14sp4');
  assert.equal((await session.send({ spec: VerifySessionIsValidRequest, value: {} })).type, 'SuccessResponse');
});

test('logoutSession ends a SOAP session', async () => {
  const session = new SoapSession();
  valueOf(await session.send({ spec: LoginRequest22V5, value: { userId: 'groupadmin', password: 'admin' } }));
  assert.equal(await sim.logoutSession(session.sessionId), 1);
  await session.assertNoSession({ spec: VerifySessionIsValidRequest, value: {} });
});

test('an envelope without processOCIMessage is a SOAP Fault; a dropped connection fails the HTTP request', async () => {
  const session = new SoapSession();
  const fault = await session.post('<Envelope><Body><somethingElse/></Body></Envelope>');
  assert.equal(fault.status, 500);
  assert.match(await fault.text(), /<faultcode>soapenv:Client<\/faultcode>/);

  sim.faults.dropConnectionOnNext();
  await assert.rejects(session.send({ spec: VerifySessionIsValidRequest, value: {} }));
});
