// How the decoder judges what arrives. A command that breaks its schema type comes back with a
// `problem` (the simulator answers it with 6004) and the other commands still decode; facets are
// checked in strict mode only. Bytes that are not an OCI-P document throw OcipProtocolError.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeDocument } from '../../src/ocip/codec/index.js';
import type { DecodedCommand } from '../../src/ocip/codec/index.js';
import { OcipErrorCodes, OcipProtocolError } from '../../src/ocip/errors.js';

const HEAD = '<?xml version="1.0" encoding="ISO-8859-1"?><BroadsoftDocument protocol="OCI" xmlns="C" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><sessionId xmlns="">s</sessionId>';
const doc = (...commands: string[]) => `${HEAD}${commands.join('')}</BroadsoftDocument>\n`;
const cmd = (type: string, body: string, attributes = '') => `<command xsi:type="${type}"${attributes} xmlns="">${body}</command>`;
const modify = (body: string) => cmd('GroupInstantGroupCallModifyInstanceRequest', `<serviceUserId>u@x</serviceUserId>${body}`);
const ADD_HEAD = '<serviceProviderId>sp</serviceProviderId><groupId>g</groupId><serviceUserId>u@x</serviceUserId>';
const PROFILE = '<serviceInstanceProfile><name>n</name><callingLineIdLastName>l</callingLineIdLastName><callingLineIdFirstName>f</callingLineIdFirstName></serviceInstanceProfile>';
const add = (rest: string, profile = PROFILE) => cmd('GroupInstantGroupCallAddInstanceRequest14', `${ADD_HEAD}${profile}${rest}`);

function one(xml: string, strict = true): DecodedCommand {
  const { commands } = decodeDocument(doc(xml), { strict });
  assert.equal(commands.length, 1);
  return commands[0]!;
}

function problemOf(xml: string, strict = true): string {
  const command = one(xml, strict);
  assert.ok(command.problem, `expected a problem, got ${JSON.stringify(command.value)}`);
  return command.problem;
}

function valueOf(xml: string, strict = true): Record<string, unknown> {
  const command = one(xml, strict);
  assert.ok(command.value, command.problem);
  return command.value;
}

describe('nil', () => {
  test('xsi:nil on a nillable element is null', () => {
    assert.deepEqual(valueOf(modify('<destinationPhoneNumberList xsi:nil="true"/><answerTimeoutMinutes xsi:nil="true"/>')), {
      serviceUserId: 'u@x',
      destinationPhoneNumberList: null,
      answerTimeoutMinutes: null,
    });
  });

  test('a typed nil on the abstract DepartmentKey is null', () => {
    const value = valueOf(modify('<serviceInstanceProfile><department xsi:type="EnterpriseDepartmentKey" xsi:nil="true"/></serviceInstanceProfile>'));
    assert.deepEqual(value.serviceInstanceProfile, { department: null });
  });

  test('an untyped nil department is refused in strict mode (the schema calls it abstract)', () => {
    const xml = modify('<serviceInstanceProfile><department xsi:nil="true"/></serviceInstanceProfile>');
    assert.match(problemOf(xml), /department: DepartmentKey is abstract/);
    assert.deepEqual(valueOf(xml, false).serviceInstanceProfile, { department: null });
  });

  test('nil on an element that is not nillable: a problem in strict mode, null when lenient', () => {
    const xml = modify('<networkClassOfService xsi:nil="true"/>');
    assert.match(problemOf(xml), /networkClassOfService: element is not nillable/);
    assert.equal(valueOf(xml, false).networkClassOfService, null);
  });
});

describe('command types', () => {
  test('an unknown xsi:type is a problem of that command only', () => {
    const { commands } = decodeDocument(
      doc(cmd('GroupInstantGroupCallGetInstanceRequest', '<serviceUserId>u@x</serviceUserId>', ' echo="e1"'), cmd('GroupInstantGroupCallGetInstanceRequest19sp1', '<serviceUserId>u@x</serviceUserId>', ' echo="e2"')),
      { strict: true },
    );
    assert.deepEqual(commands[0], { type: 'GroupInstantGroupCallGetInstanceRequest', echo: 'e1', spec: undefined, problem: "Invalid xsi:type qname: 'GroupInstantGroupCallGetInstanceRequest'" });
    assert.deepEqual([commands[1]?.echo, commands[1]?.value], ['e2', { serviceUserId: 'u@x' }]);
  });

  test('a command without xsi:type is a problem', () => {
    assert.match(problemOf('<command xmlns=""><serviceUserId>u@x</serviceUserId></command>'), /no xsi:type/);
  });

  test('a prefixed type resolves by local name (c:SuccessResponse, C:ErrorResponse)', () => {
    assert.equal(one('<command echo="" xsi:type="c:SuccessResponse" xmlns:c="C" xmlns=""/>').type, 'SuccessResponse');
  });
});

describe('sequence and occurrences', () => {
  test('an element out of sequence order', () => {
    assert.match(problemOf(add('<isAnswerTimeoutEnabled>true</isAnswerTimeoutEnabled><destinationPhoneNumber>1</destinationPhoneNumber>')), /element 'destinationPhoneNumber' is out of sequence order/);
  });

  test('an element the type does not have', () => {
    assert.match(problemOf(modify('<destinationPhoneNumbers>1</destinationPhoneNumbers>')), /element 'destinationPhoneNumbers' is not expected/);
    // sipAliasList exists only in the Modify profile: in Add it is not expected.
    assert.match(problemOf(add('<isAnswerTimeoutEnabled>true</isAnswerTimeoutEnabled>', PROFILE.replace('</serviceInstanceProfile>', '<sipAliasList><sipAlias>a@x</sipAlias></sipAliasList></serviceInstanceProfile>'))), /'sipAliasList' is not expected/);
  });

  test('a missing required element, in the middle and at the end', () => {
    assert.match(problemOf(add('<isAnswerTimeoutEnabled>true</isAnswerTimeoutEnabled>', '')), /missing element 'serviceInstanceProfile'/);
    assert.match(problemOf(add('')), /missing element 'isAnswerTimeoutEnabled'/);
  });

  test('too many occurrences: a 4th alias, a 2nd serviceUserId', () => {
    const aliases = '<alias>a@x</alias>'.repeat(4);
    assert.match(problemOf(add('<isAnswerTimeoutEnabled>true</isAnswerTimeoutEnabled>', PROFILE.replace('</serviceInstanceProfile>', `${aliases}</serviceInstanceProfile>`))), /alias: more than 3 occurrences/);
    assert.match(problemOf(modify('<serviceUserId>v@x</serviceUserId>')), /serviceUserId: more than 1 occurrences/);
  });

  test('an empty replacement list (phoneNumber is 1..unbounded)', () => {
    assert.match(problemOf(modify('<destinationPhoneNumberList/>')), /missing element 'phoneNumber'/);
  });
});

describe('simple values', () => {
  test('a bad boolean or int is a problem even when lenient', () => {
    assert.match(problemOf(add('<isAnswerTimeoutEnabled>yes</isAnswerTimeoutEnabled>'), false), /'yes' is not a boolean/);
    assert.match(problemOf(modify('<answerTimeoutMinutes>5m</answerTimeoutMinutes>'), false), /'5m' is not an integer/);
  });

  test('xs:boolean accepts 1 and 0; ints accept surrounding white space', () => {
    assert.equal(valueOf(add('<isAnswerTimeoutEnabled>1</isAnswerTimeoutEnabled>')).isAnswerTimeoutEnabled, true);
    assert.equal(valueOf(modify('<isAnswerTimeoutEnabled>0</isAnswerTimeoutEnabled><answerTimeoutMinutes> 7 </answerTimeoutMinutes>')).answerTimeoutMinutes, 7);
  });

  test('facets are checked in strict mode only: a 61-minute timeout', () => {
    const xml = modify('<answerTimeoutMinutes>61</answerTimeoutMinutes>');
    assert.equal(valueOf(xml, false).answerTimeoutMinutes, 61);
    assert.match(problemOf(xml), /answerTimeoutMinutes: 61 is above 60/);
    assert.match(problemOf(modify('<answerTimeoutMinutes>0</answerTimeoutMinutes>')), /0 is below 1/);
  });

  test('length and enumeration facets (strict)', () => {
    const longName = modify(`<serviceInstanceProfile><name>${'n'.repeat(31)}</name></serviceInstanceProfile>`);
    assert.match(problemOf(longName), /name: .* is longer than 30 \(ServiceInstanceProfileName\)/);
    assert.match(problemOf(modify('<serviceInstanceProfile><extension>7</extension></serviceInstanceProfile>')), /shorter than 2/);
    const logout = cmd('LogoutRequest', '<userId>a</userId><reason>Connection close</reason>');
    assert.match(problemOf(logout), /reason: 'Connection close' is not one of/);
    assert.equal(valueOf(logout, false).reason, 'Connection close');
  });

  test('token lengths count after white-space collapsing', () => {
    const padded = `   ${'n'.repeat(30)}   `;
    assert.equal(valueOf(modify(`<serviceInstanceProfile><name>${padded}</name></serviceInstanceProfile>`)).serviceUserId, 'u@x');
  });

  test('a refused password is not repeated in the problem', () => {
    const problem = problemOf(modify(`<serviceInstanceProfile><password>${'secret'.repeat(11)}</password></serviceInstanceProfile>`));
    assert.match(problem, /longer than 60 \(Password\)/);
    assert.doesNotMatch(problem, /secret/);
  });
});

describe('choices', () => {
  const provider = (choice: string) => cmd('ServiceProviderAddRequest13mp2', `${choice}<serviceProviderId>sp</serviceProviderId><defaultDomain>d.be</defaultDomain>`);
  const groupGet = (body: string) => cmd('GroupGetRequest22V5', body);

  test('one member of a choice decodes', () => {
    assert.equal(valueOf(provider('<isEnterprise>true</isEnterprise>')).isEnterprise, true);
    assert.equal(valueOf(provider('<useCustomRoutingProfile>false</useCustomRoutingProfile>')).useCustomRoutingProfile, false);
    assert.deepEqual(valueOf(groupGet('<serviceProviderId>sp</serviceProviderId><groupId>g</groupId>')), { serviceProviderId: 'sp', groupId: 'g' });
    assert.deepEqual(valueOf(groupGet('<groupExternalId>e</groupExternalId>')), { groupExternalId: 'e' });
  });

  test('both members, or none: a problem (strict)', () => {
    assert.match(problemOf(provider('<isEnterprise>true</isEnterprise><useCustomRoutingProfile>false</useCustomRoutingProfile>')), /exactly one of isEnterprise \| useCustomRoutingProfile/);
    assert.match(problemOf(provider('')), /isEnterprise/);
    assert.match(problemOf(provider(''), false), /one of isEnterprise \| useCustomRoutingProfile is required/);
  });

  test('isEnterprise is fixed to true', () => {
    assert.match(problemOf(provider('<isEnterprise>false</isEnterprise>')), /isEnterprise: 'false' is not one of 'true'/);
  });

  test('GroupGetRequest22V5: ids come as a pair, or the external id alone', () => {
    assert.match(problemOf(groupGet('<serviceProviderId>sp</serviceProviderId>')), /exactly one of serviceProviderId \+ groupId \| groupExternalId/);
    assert.match(problemOf(groupGet('<serviceProviderId>sp</serviceProviderId><groupExternalId>e</groupExternalId>')), /exactly one of/);
  });
});

describe('tables', () => {
  const table = (body: string) => cmd('GroupInstantGroupCallGetInstanceListResponse', `<instantGroupCallTable>${body}</instantGroupCallTable>`);

  test('rows are keyed by heading; an empty <col/> is ""', () => {
    const value = valueOf(table('<colHeading>B</colHeading><colHeading>A</colHeading><row><col>b1</col><col/></row>'));
    assert.deepEqual(value.instantGroupCallTable, { headings: ['B', 'A'], rows: [{ B: 'b1', A: '' }] });
  });

  test('a row with the wrong number of cells, or a heading after a row, is a problem', () => {
    assert.match(problemOf(table('<colHeading>A</colHeading><row><col>1</col><col>2</col></row>')), /row 0 has 2 cells for 1 headings/);
    assert.match(problemOf(table('<colHeading>A</colHeading><row><col>1</col></row><colHeading>B</colHeading>')), /colHeading after row/);
  });
});

describe('ErrorResponse', () => {
  const error = (attributes: string, body: string) => `<command${attributes} echo="" xsi:type="c:ErrorResponse" xmlns:c="C" xmlns="">${body}</command>`;
  const SUMMARIES = '<summary>s</summary><summaryEnglish>se</summaryEnglish>';

  test('without errorCode, with errorCode and detail, and the type attribute', () => {
    assert.deepEqual(valueOf(error(' type="Error"', SUMMARIES)), { summary: 's', summaryEnglish: 'se', type: 'Error' });
    assert.deepEqual(valueOf(error(' type="Info"', `<errorCode>4962</errorCode>${SUMMARIES}<detail>d</detail>`)), {
      errorCode: 4962,
      summary: 's',
      summaryEnglish: 'se',
      detail: 'd',
      type: 'Info',
    });
  });

  test('a missing type attribute reads as Error; a missing summaryEnglish is a problem', () => {
    assert.equal(valueOf(error('', SUMMARIES), false).type, 'Error');
    assert.match(problemOf(error(' type="Error"', '<summary>s</summary>'), false), /missing element 'summaryEnglish'/);
  });
});

describe('documents that are not OCI-P', () => {
  const refused = (label: string, xml: string, strict = false) =>
    test(label, () => {
      assert.throws(() => decodeDocument(xml, { strict }), (error: unknown) => error instanceof OcipProtocolError && error.code === OcipErrorCodes.PROTOCOL);
    });
  const getInstance = cmd('GroupInstantGroupCallGetInstanceRequest19sp1', '<serviceUserId>u@x</serviceUserId>');

  refused('a DOCTYPE (no entity expansion, ever)', `<?xml version="1.0"?><!DOCTYPE BroadsoftDocument [<!ENTITY x "y">]>${doc(getInstance).slice(HEAD.indexOf('<Broadsoft'))}`);
  refused('an empty string', '');
  refused('plain text', 'hello');
  refused('a truncated document', doc(getInstance).slice(0, -30));
  refused('mismatched end tags', doc(getInstance).replace('</serviceUserId>', '</serviceuserid>'));
  refused('text after the root', `${doc(getInstance)}junk`);
  refused('a second root', `${doc(getInstance)}${doc(getInstance)}`);
  refused('an unquoted attribute', doc(getInstance).replace('protocol="OCI"', 'protocol=OCI'));
  refused('a repeated attribute', doc(getInstance).replace('protocol="OCI"', 'protocol="OCI" protocol="OCI"'));
  refused('another root element', '<?xml version="1.0"?><Envelope/>');
  refused('no sessionId', doc(getInstance).replace('<sessionId xmlns="">s</sessionId>', ''));
  refused('no command', doc());
  refused('an unexpected element in the envelope', doc(getInstance).replace('<sessionId', '<userId>x</userId><sessionId'));
  refused('16 commands, strict', doc(...Array.from({ length: 16 }, () => getInstance)), true);

  test('16 commands are still read when lenient (the client trusts the server)', () => {
    assert.equal(decodeDocument(doc(...Array.from({ length: 16 }, () => getInstance))).commands.length, 16);
  });
});
