// Every OCI-P error class, its stable code and its base class, in one table (STYLE §7). The codes
// are written out: they are a contract callers match on, so a changed value must fail here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  OcipAcquireTimeoutError,
  OcipConnectError,
  OcipConnectTimeoutError,
  OcipEncodeError,
  OcipError,
  OcipErrorCodes,
  OcipErrorResponseError,
  OcipLoginError,
  OcipPoolClosedError,
  OcipProtocolError,
  OcipRequestTimeoutError,
  OcipServerLogoutError,
  OcipSessionClosedError,
  OcipSocketClosedError,
  OcipTransportError,
  OcipUrlError,
} from '../../src/ocip/index.js';

const response = new OcipErrorResponseError('GroupGetRequest22V5', { summary: 's', summaryEnglish: 's', type: 'Error' });

const table: [OcipError, string, string][] = [
  [new OcipEncodeError('bad', 'command[0].x'), 'OCIP_ENCODE_ERROR', 'OcipEncodeError'],
  [new OcipProtocolError('bad'), 'OCIP_PROTOCOL_ERROR', 'OcipProtocolError'],
  [new OcipConnectTimeoutError('tcp://h:1', 5), 'OCIP_CONNECT_TIMEOUT', 'OcipConnectTimeoutError'],
  [new OcipConnectError('tcp://h:1', new Error('x')), 'OCIP_CONNECT_FAILED', 'OcipConnectError'],
  [new OcipRequestTimeoutError(['X'], 5), 'OCIP_REQUEST_TIMEOUT', 'OcipRequestTimeoutError'],
  [new OcipSocketClosedError(), 'OCIP_SOCKET_CLOSED', 'OcipSocketClosedError'],
  [new OcipServerLogoutError('r'), 'OCIP_SERVER_LOGOUT', 'OcipServerLogoutError'],
  [new OcipSessionClosedError(), 'OCIP_SESSION_CLOSED', 'OcipSessionClosedError'],
  [new OcipLoginError('u', response), 'OCIP_LOGIN_FAILED', 'OcipLoginError'],
  [response, 'OCIP_ERROR_RESPONSE', 'OcipErrorResponseError'],
  [new OcipTransportError('x'), 'OCIP_TRANSPORT_ERROR', 'OcipTransportError'],
  [new OcipPoolClosedError(), 'OCIP_POOL_CLOSED', 'OcipPoolClosedError'],
  [new OcipAcquireTimeoutError(5), 'OCIP_POOL_ACQUIRE_TIMEOUT', 'OcipAcquireTimeoutError'],
  [new OcipUrlError('x'), 'OCIP_INVALID_URL', 'OcipUrlError'],
];

test('each error class has its stable code and name, and extends OcipError', () => {
  for (const [error, code, name] of table) {
    assert.ok(error instanceof OcipError, name);
    assert.ok(error instanceof Error, name);
    assert.equal(error.code, code, name);
    assert.equal(error.name, name);
  }
});

test('every code is used by exactly one class', () => {
  const codes = table.map(([error]) => error.code).sort();
  assert.deepEqual(codes, Object.values(OcipErrorCodes).sort());
  assert.equal(new Set(codes).size, codes.length, 'no two classes share a code');
});
