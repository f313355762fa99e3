// Every OCI-P error class, its stable code and its base class, in one table (STYLE §7).
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
  [new OcipEncodeError('bad', 'command[0].x'), OcipErrorCodes.ENCODE, 'OcipEncodeError'],
  [new OcipProtocolError('bad'), OcipErrorCodes.PROTOCOL, 'OcipProtocolError'],
  [new OcipConnectTimeoutError('tcp://h:1', 5), OcipErrorCodes.CONNECT_TIMEOUT, 'OcipConnectTimeoutError'],
  [new OcipConnectError('tcp://h:1', new Error('x')), OcipErrorCodes.CONNECT_FAILED, 'OcipConnectError'],
  [new OcipRequestTimeoutError(['X'], 5), OcipErrorCodes.REQUEST_TIMEOUT, 'OcipRequestTimeoutError'],
  [new OcipSocketClosedError(), OcipErrorCodes.SOCKET_CLOSED, 'OcipSocketClosedError'],
  [new OcipServerLogoutError('r'), OcipErrorCodes.SERVER_LOGOUT, 'OcipServerLogoutError'],
  [new OcipSessionClosedError(), OcipErrorCodes.SESSION_CLOSED, 'OcipSessionClosedError'],
  [new OcipLoginError('u', response), OcipErrorCodes.LOGIN_FAILED, 'OcipLoginError'],
  [response, OcipErrorCodes.ERROR_RESPONSE, 'OcipErrorResponseError'],
  [new OcipTransportError('x'), OcipErrorCodes.TRANSPORT, 'OcipTransportError'],
  [new OcipPoolClosedError(), OcipErrorCodes.POOL_CLOSED, 'OcipPoolClosedError'],
  [new OcipAcquireTimeoutError(5), OcipErrorCodes.ACQUIRE_TIMEOUT, 'OcipAcquireTimeoutError'],
  [new OcipUrlError('x'), OcipErrorCodes.INVALID_URL, 'OcipUrlError'],
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
  const codes = table.map(([, code]) => code).sort();
  assert.deepEqual(codes, Object.values(OcipErrorCodes).sort());
});
