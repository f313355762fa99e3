// Golden RESPONSE documents, hand-written in the form BroadWorks sends (OCIP.md §4, §6): a declaration,
// `echo=""`, core types as `xsi:type="c:…" xmlns:c="C"`, a trailing newline. Each one is schema-valid
// (one xmllint run for all) and decodes to the values asserted here, strict and lenient alike.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeDocument } from '../../src/ocip/codec/index.js';
import type { DecodedCommand, DecodedDocument } from '../../src/ocip/codec/index.js';
import { SAMPLE_SESSION_ID } from '../support/sample-commands.js';
import { readResponseFixture, responseFixtureNames, RESPONSES_DIR } from '../support/golden.js';
import { schemaAvailability, validateDocuments } from '../support/xsd.js';
import type { ValidationResult } from '../support/xsd.js';

const availability = schemaAvailability();
const skip = availability.ok ? false : availability.reason;

function only(document: DecodedDocument, type: string): DecodedCommand & { value: Record<string, unknown> } {
  assert.equal(document.commands.length, 1);
  const [command] = document.commands;
  assert.ok(command && !command.problem, command?.problem);
  assert.equal(command.type, type);
  return command as DecodedCommand & { value: Record<string, unknown> };
}

/** What each fixture must decode to. A fixture without an entry here fails the coverage test. */
const expectations: Record<string, (document: DecodedDocument) => void> = {
  'success-response.xml': (doc) => {
    const command = only(doc, 'SuccessResponse');
    assert.equal(command.echo, '');
    assert.deepEqual(command.value, {});
  },
  'error-response-without-code.xml': (doc) => {
    const summary = '[Error 4152] Group not found: ApioSpTest:NoSuchGroup';
    assert.deepEqual(only(doc, 'ErrorResponse').value, { summary, summaryEnglish: summary, type: 'Error' });
  },
  'error-response-with-code-and-cdata.xml': (doc) => {
    const command = only(doc, 'ErrorResponse');
    assert.equal(command.echo, 'q-9');
    assert.equal(command.value.errorCode, 6004);
    assert.equal(command.value.summary, '[Error 6004] OCI XML Request validation error');
    const detail = command.value.detail as string;
    // CDATA arrives verbatim: markup inside stays text, and so do its newlines (detail is an xs:string).
    assert.ok(detail.startsWith("Invalid xsi:type qname: 'GroupInstantGroupCallGetInstanceRequest' in element BroadsoftDocument@C\n<command "));
    assert.ok(detail.endsWith('<serviceUserId>APIOTestIGC@sip.netaxis.be</serviceUserId></command>\n\n'));
  },
  'authentication-response.xml': (doc) => {
    assert.deepEqual(only(doc, 'AuthenticationResponse').value, { userId: 'apio.admin', nonce: '1234567890123', passwordAlgorithm: 'MD5' });
  },
  'login-response-14sp4.xml': (doc) => {
    assert.deepEqual(only(doc, 'LoginResponse14sp4').value, {
      loginType: 'Service Provider',
      locale: 'en_US',
      encoding: 'ISO-8859-1',
      serviceProviderId: 'ApioSpTest',
      isEnterprise: false,
      passwordExpiresDays: 2147483647,
      userDomain: 'sip.netaxis.be',
    });
  },
  'login-response-22v5.xml': (doc) => {
    assert.deepEqual(only(doc, 'LoginResponse22V5').value, {
      loginType: 'Group',
      locale: 'en_US',
      encoding: 'ISO-8859-1',
      groupId: 'ApioGrpTest',
      serviceProviderId: 'ApioSpTest',
      isEnterprise: true,
      passwordExpiresDays: 90,
      userDomain: 'sip.netaxis.be',
      resellerId: 'ApioReseller',
      tokenRevocationTime: 1700000000000,
    });
  },
  'group-get-response-22v5.xml': (doc) => {
    assert.deepEqual(only(doc, 'GroupGetResponse22V5').value, {
      defaultDomain: 'sip.netaxis.be',
      userLimit: 25,
      userCount: 3,
      groupName: 'Groupe Liège', // a raw Latin-1 byte (0xE8) under an ISO-8859-1 declaration
      callingLineIdName: 'APIO Test',
      callingLineIdPhoneNumber: '+32-71123450',
      callingLineIdDisplayPhoneNumber: '+32 71 12 34 50',
      timeZone: 'Europe/Brussels',
      timeZoneDisplayName: '(GMT+01:00) Europe/Brussels',
      contact: { contactName: 'Netaxis NOC', contactNumber: '+3271123400' },
      address: { addressLine1: 'Rue de la Loi 16', city: 'Bruxelles', zipOrPostalCode: '1000', country: 'Belgium' },
      serviceProviderId: 'ApioSpTest',
      groupId: 'ApioGrpTest',
    });
  },
  'igc-get-instance-response-19sp1.xml': (doc) => {
    const command = only(doc, 'GroupInstantGroupCallGetInstanceResponse19sp1');
    assert.equal(command.echo, 'q-17');
    assert.deepEqual(command.value, {
      serviceInstanceProfile: {
        name: 'IGC Sales',
        callingLineIdLastName: 'Sales',
        callingLineIdFirstName: 'IGC',
        phoneNumber: '71123456',
        extension: '3456',
        countryCode: '32',
        nationalPrefix: '0',
        department: { $type: 'GroupDepartmentKey', serviceProviderId: 'ApioSpTest', groupId: 'ApioGrpTest', name: 'test_department_initial' },
        language: 'English',
        timeZone: 'Europe/Brussels',
        timeZoneDisplayName: '(GMT+01:00) Europe/Brussels',
        alias: ['igc.sales@sip.netaxis.be', 'igc.sales2@sip.netaxis.be'],
        callingLineIdPhoneNumber: '+32-71123450',
      },
      destinationPhoneNumber: ['+3271123457', '+32-71123458', 'alice@example.com'],
      isAnswerTimeoutEnabled: true,
      answerTimeoutMinutes: 5,
      networkClassOfService: 'Default NCOS',
    });
  },
  'igc-instance-list-response-reordered.xml': (doc) => {
    const table = only(doc, 'GroupInstantGroupCallGetInstanceListResponse').value.instantGroupCallTable;
    assert.deepEqual(table, {
      headings: ['Is Active', 'Department', 'Service User Id', 'Extension', 'Name', 'Phone Number'],
      rows: [
        {
          'Service User Id': 'APIOTestIGC@sip.netaxis.be',
          Name: 'IGC Sales',
          'Phone Number': '+32-71123456',
          Extension: '3456',
          Department: 'test_department_initial',
          'Is Active': 'true',
        },
        { 'Service User Id': 'APIOTestIGC2@sip.netaxis.be', Name: 'IGC Support', 'Phone Number': '', Extension: '', Department: '', 'Is Active': 'false' },
      ],
    });
  },
  'department-list-response-18.xml': (doc) => {
    const table = only(doc, 'GroupDepartmentGetListResponse18').value.departmentTable as { rows: Record<string, string>[] };
    assert.deepEqual(
      table.rows.map((row) => [row['Is Enterprise Department'], row['Department Name'], row['Calling Line Id Phone Number']]),
      [
        ['false', 'test_department_initial', ''],
        ['false', 'test_department_child', '+3271123451'],
        ['true', 'Ventes Zoë ☃', ''], // raw UTF-8 under a UTF-8 declaration
      ],
    );
    assert.equal(table.rows[1]?.['Full Path Name'], 'test_department_initial\\test_department_child');
  },
  'domain-assigned-list-response.xml': (doc) => {
    assert.deepEqual(only(doc, 'GroupDomainGetAssignedListResponse').value, {
      groupDefaultDomain: 'sip.netaxis.be',
      domain: ['sip.netaxis.be', 'voip.netaxis.be'],
    });
  },
  'dn-list-response.xml': (doc) => {
    assert.deepEqual(only(doc, 'GroupDnGetListResponse').value, { phoneNumber: ['+32-71123450', '+32-71123456', '+32-71123457'] });
  },
  'multi-command-response.xml': (doc) => {
    assert.equal(doc.trackingId, 'track-0001');
    assert.deepEqual(
      doc.commands.map((command) => [command.type, command.echo]),
      [['SuccessResponse', 'c-0'], ['ErrorResponse', 'c-1'], ['GroupDnGetListResponse', 'c-2']],
    );
    assert.equal(doc.commands[1]?.value?.summary, '[Error 4008] User not found: APIOTestIGC9@sip.netaxis.be');
    assert.equal(doc.commands[1]?.value?.errorCode, undefined);
    assert.deepEqual(doc.commands[2]?.value, { phoneNumber: ['+32-71123450'] });
  },
  'prefixed-root-response.xml': (doc) => {
    assert.deepEqual(
      doc.commands.map((command) => [command.type, command.echo, command.value]),
      [
        ['ErrorResponse', 'p-1', { summary: '[Warning 1234] Something to know', summaryEnglish: '[Warning 1234] Something to know', type: 'Warning' }],
        ['GroupDnGetListResponse', 'p-2', { phoneNumber: [] }],
      ],
    );
  },
  'server-logout-request.xml': (doc) => {
    const command = only(doc, 'LogoutRequest');
    assert.equal(command.spec.role, 'request');
    assert.equal(command.echo, undefined);
    assert.deepEqual(command.value, { userId: 'apio.admin', reason: 'Open Client Server Forced Logout' });
  },
};

const names = responseFixtureNames();
let validation: ValidationResult[] = [];

before(async () => {
  if (availability.ok) validation = await validateDocuments(names.map(readResponseFixture));
});

test('every response fixture has expectations, and every expectation a fixture', () => {
  assert.deepEqual(names, Object.keys(expectations).sort());
});

test('every response fixture is schema-valid', { skip }, () => {
  const invalid = names.flatMap((name, i) => (validation[i]?.valid ? [] : [`${name}: ${validation[i]?.errors.join('; ')}`]));
  assert.deepEqual(invalid, []);
});

test('every response fixture has the server form: a declaration, the session id, one trailing newline', () => {
  for (const name of names) {
    const bytes = readFileSync(join(RESPONSES_DIR, name));
    const text = readResponseFixture(name);
    assert.match(text, /^<\?xml version="1\.0" encoding="(ISO-8859-1|iso-8859-1|UTF-8)"\?>\n/, name);
    assert.ok(text.endsWith('BroadsoftDocument>\n') && !text.endsWith('\n\n'), name);
    assert.equal(bytes.at(-1), 0x0a, name);
    assert.equal(decodeDocument(text).sessionId, SAMPLE_SESSION_ID, name);
  }
});

describe('response fixtures decode to their values', () => {
  for (const name of names) {
    const expect = expectations[name];
    test(`${name} (lenient, as the client decodes)`, () => expect?.(decodeDocument(readResponseFixture(name))));
    test(`${name} (strict)`, () => expect?.(decodeDocument(readResponseFixture(name), { strict: true })));
  }
});
