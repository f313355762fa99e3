// Every request the client can emit is valid against the BroadWorks R25 schema (../shared/ocip-schema),
// checked with xmllint in ONE process for the whole batch (the schema takes ~0.6 s to compile). And the
// other way round: what the schema refuses, the encoder refuses first (OcipEncodeError with the path of
// the bad element), shown for a few cases by letting xmllint judge the hand-forced equivalent document.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  encodeDocument,
  GroupGetRequest22V5,
  GroupInstantGroupCallAddInstanceRequest14,
  GroupInstantGroupCallGetInstanceRequest19sp1,
  GroupInstantGroupCallModifyInstanceRequest,
  LogoutRequest,
  ServiceProviderAddRequest13mp2,
} from '../../src/ocip/codec/index.js';
import type { OutgoingCommand } from '../../src/ocip/codec/index.js';
import { OcipEncodeError, OcipErrorCodes } from '../../src/ocip/errors.js';
import { GROUP, IGC_USER, SAMPLE_SESSION_ID, SP, sampleCommands } from '../support/sample-commands.js';
import { encodeSample } from '../support/golden.js';
import { schemaAvailability, validateDocuments } from '../support/xsd.js';
import type { ValidationResult } from '../support/xsd.js';

const availability = schemaAvailability();
const skip = availability.ok ? false : availability.reason;

const bySample = new Map(sampleCommands.map((sample) => [sample.label, sample]));
function sampleNamed(label: string) {
  const sample = bySample.get(label);
  if (!sample) throw new Error(`no sample ${label}`);
  return sample;
}

function document(commands: OutgoingCommand[], trackingId?: string): string {
  return encodeDocument({ sessionId: SAMPLE_SESSION_ID, commands, ...(trackingId ? { trackingId } : {}) });
}

/** Fifteen commands (the schema's maximum), each with its own echo, as a batch would send them. */
const fifteen: OutgoingCommand[] = sampleCommands.slice(0, 15).map((s, i) => ({ spec: s.spec, value: s.value, echo: `c-${i}` }));

/** The world a test run builds, in build order, in one document. */
const worldLabels = [
  'SystemDomainAddRequest',
  'ServiceProviderAddRequest13mp2-enterprise',
  'ServiceProviderDomainAssignListRequest',
  'ServiceProviderDnAddListRequest',
  'GroupAddRequest-full',
  'GroupDomainAssignListRequest',
  'GroupDnAssignListRequest',
  'GroupModifyRequest-cli-number',
  'GroupDepartmentAddRequest-minimal',
  'GroupDepartmentAddRequest-parent',
  'ServiceProviderAdminAddRequest14',
  'GroupAdminAddRequest',
  'GroupInstantGroupCallAddInstanceRequest14-full',
  'GroupInstantGroupCallModifyActiveInstanceListRequest',
  'GroupInstantGroupCallGetInstanceListRequest',
];

const multiCommandDocuments: { label: string; xml: string }[] = [
  { label: '15 mixed commands with echoes', xml: document(fifteen) },
  { label: 'a world build in 15 commands', xml: document(worldLabels.map((label) => ({ spec: sampleNamed(label).spec, value: sampleNamed(label).value }))) },
  { label: 'trackingId before the commands', xml: document(fifteen.slice(0, 2), 'track-0001') },
];

// ---- what the schema refuses --------------------------------------------------------------------

/** Rewrites a valid sample's wire text, checking that the text to replace is really there. */
function forced(label: string, from: string, to: string): string {
  const xml = encodeSample(sampleNamed(label));
  assert.ok(xml.includes(from), `${label} does not contain ${from}`);
  return xml.replace(from, to);
}

const ADD_MINIMAL = 'GroupInstantGroupCallAddInstanceRequest14-minimal';
const ADD_FULL = 'GroupInstantGroupCallAddInstanceRequest14-full';
const addMinimal = sampleNamed(ADD_MINIMAL).value as Record<string, unknown>;
const addFull = sampleNamed(ADD_FULL).value as Record<string, unknown>;
const profile = addFull.serviceInstanceProfile as Record<string, unknown>;
const modify = (value: object) => document([{ spec: GroupInstantGroupCallModifyInstanceRequest, value: { serviceUserId: IGC_USER, ...value } }]);
const add = (value: object) => document([{ spec: GroupInstantGroupCallAddInstanceRequest14, value: { ...addMinimal, ...value } }]);
const addProfile = (value: object) => add({ serviceInstanceProfile: { ...profile, ...value } });
const getInstance: OutgoingCommand = { spec: GroupInstantGroupCallGetInstanceRequest19sp1, value: { serviceUserId: IGC_USER } };
const getInstanceXml = '<command xsi:type="GroupInstantGroupCallGetInstanceRequest19sp1" xmlns=""><serviceUserId>x@y</serviceUserId></command>';
const providerBase = { serviceProviderId: SP, defaultDomain: 'sip.netaxis.be' };

interface Refusal {
  label: string;
  attempt: () => unknown;
  /** The OcipEncodeError path must match. */
  path: RegExp;
  /** The same mistake written by hand, for xmllint to judge. */
  forced?: string;
}

const refusals: Refusal[] = [
  {
    label: '16 commands',
    attempt: () => document([...fifteen, getInstance]),
    path: /^command$/,
    forced: document(fifteen).replace('</BroadsoftDocument>', `${getInstanceXml}</BroadsoftDocument>`),
  },
  {
    label: 'answerTimeoutMinutes 0',
    attempt: () => add({ isAnswerTimeoutEnabled: true, answerTimeoutMinutes: 0 }),
    path: /^command\[0\]\.answerTimeoutMinutes$/,
    forced: forced(ADD_FULL, '<answerTimeoutMinutes>5<', '<answerTimeoutMinutes>0<'),
  },
  {
    label: 'answerTimeoutMinutes 61',
    attempt: () => modify({ answerTimeoutMinutes: 61 }),
    path: /^command\[0\]\.answerTimeoutMinutes$/,
    forced: forced(ADD_FULL, '<answerTimeoutMinutes>5<', '<answerTimeoutMinutes>61<'),
  },
  {
    label: 'Add without isAnswerTimeoutEnabled',
    attempt: () => add({ isAnswerTimeoutEnabled: undefined }),
    path: /^command\[0\]\.isAnswerTimeoutEnabled$/,
    forced: forced(ADD_MINIMAL, '<isAnswerTimeoutEnabled>false</isAnswerTimeoutEnabled>', ''),
  },
  {
    label: 'a 31-character name',
    attempt: () => addProfile({ name: 'N'.repeat(31) }),
    path: /^command\[0\]\.serviceInstanceProfile\.name$/,
    forced: forced(ADD_FULL, '<name>IGC Sales</name>', `<name>${'N'.repeat(31)}</name>`),
  },
  {
    label: 'a 1-character extension',
    attempt: () => addProfile({ extension: '7' }),
    path: /^command\[0\]\.serviceInstanceProfile\.extension$/,
    forced: forced(ADD_FULL, '<extension>3456</extension>', '<extension>7</extension>'),
  },
  {
    label: '4 aliases in Add',
    attempt: () => addProfile({ alias: ['a@x.be', 'b@x.be', 'c@x.be', 'd@x.be'] }),
    path: /^command\[0\]\.serviceInstanceProfile\.alias$/,
    forced: forced(ADD_FULL, '<publicUserIdentity>', '<alias>d@x.be</alias><publicUserIdentity>'),
  },
  {
    label: '4 sipAlias in Modify',
    attempt: () => modify({ serviceInstanceProfile: { sipAliasList: { sipAlias: ['a@x.be', 'b@x.be', 'c@x.be', 'd@x.be'] } } }),
    path: /^command\[0\]\.serviceInstanceProfile\.sipAliasList\.sipAlias$/,
    forced: forced('GroupInstantGroupCallModifyInstanceRequest-aliases', '</sipAliasList>', '<sipAlias>d@x.be</sipAlias></sipAliasList>'),
  },
  {
    label: 'an empty destinationPhoneNumberList',
    attempt: () => modify({ destinationPhoneNumberList: { phoneNumber: [] } }),
    path: /^command\[0\]\.destinationPhoneNumberList\.phoneNumber$/,
    forced: forced('GroupInstantGroupCallModifyInstanceRequest-clear-destinations', '<destinationPhoneNumberList xsi:nil="true"/>', '<destinationPhoneNumberList/>'),
  },
  {
    label: 'an unknown key (destinationPhoneNumbers)',
    attempt: () => modify({ destinationPhoneNumbers: ['+3271123457'] }),
    path: /^command\[0\]$/,
    forced: forced(
      'GroupInstantGroupCallModifyInstanceRequest-replace-destinations',
      '<destinationPhoneNumberList>',
      '<destinationPhoneNumbers><phoneNumber>+3271123457</phoneNumber></destinationPhoneNumbers><destinationPhoneNumberList>',
    ),
  },
  {
    label: 'isEnterprise and useCustomRoutingProfile together',
    attempt: () => document([{ spec: ServiceProviderAddRequest13mp2, value: { ...providerBase, isEnterprise: true, useCustomRoutingProfile: false } }]),
    path: /^command\[0\]$/,
    forced: forced('ServiceProviderAddRequest13mp2-enterprise', '<isEnterprise>true</isEnterprise>', '<isEnterprise>true</isEnterprise><useCustomRoutingProfile>false</useCustomRoutingProfile>'),
  },
  {
    label: 'neither isEnterprise nor useCustomRoutingProfile',
    attempt: () => document([{ spec: ServiceProviderAddRequest13mp2, value: providerBase }]),
    path: /^command\[0\]$/,
  },
  {
    label: 'isEnterprise false (the schema fixes it to true)',
    attempt: () => document([{ spec: ServiceProviderAddRequest13mp2, value: { ...providerBase, isEnterprise: false } }]),
    path: /^command\[0\]\.isEnterprise$/,
    forced: forced('ServiceProviderAddRequest13mp2-enterprise', '<isEnterprise>true<', '<isEnterprise>false<'),
  },
  {
    label: 'GroupGetRequest22V5 with a serviceProviderId alone',
    attempt: () => document([{ spec: GroupGetRequest22V5, value: { serviceProviderId: SP } }]),
    path: /^command\[0\]$/,
    forced: forced('GroupGetRequest22V5-by-ids', `<groupId>${GROUP}</groupId>`, ''),
  },
  {
    label: 'a department without $type',
    attempt: () => modify({ serviceInstanceProfile: { department: { serviceProviderId: SP, groupId: GROUP, name: 'x' } } }),
    path: /^command\[0\]\.serviceInstanceProfile\.department$/,
    forced: forced('GroupInstantGroupCallModifyInstanceRequest-clear-department', '<department xsi:nil="true" xsi:type="GroupDepartmentKey"/>', '<department xsi:nil="true"/>'),
  },
  {
    label: 'a LogoutRequest reason outside the enumeration',
    attempt: () => document([{ spec: LogoutRequest, value: { userId: 'apio.admin', reason: 'Connection close' as 'Client Logout' } }]),
    path: /^command\[0\]\.reason$/,
    forced: forced('LogoutRequest-client-logout', 'Client Logout', 'Connection close'),
  },
  {
    label: 'a control character',
    attempt: () => addProfile({ callingLineIdLastName: 'bell\u0007' }),
    path: /^command\[0\]\.serviceInstanceProfile\.callingLineIdLastName$/,
    // Not even a character reference can carry it: XML 1.0 forbids the character itself.
    forced: forced(ADD_FULL, '<callingLineIdLastName>Sales<', '<callingLineIdLastName>bell&#7;<'),
  },
  {
    label: 'a control character in the echo',
    attempt: () => document([{ ...getInstance, echo: 'q\u0000' }]),
    path: /^command\[0\]@echo$/,
  },
];

// ---- one xmllint run for everything ----------------------------------------------------------------

const sampleDocs = sampleCommands.map((sample) => encodeSample(sample));
const forcedRefusals = refusals.filter((refusal) => refusal.forced !== undefined);
let sampleResults: ValidationResult[] = [];
let multiResults: ValidationResult[] = [];
let forcedResults: ValidationResult[] = [];

before(async () => {
  if (!availability.ok) return;
  const results = await validateDocuments([
    ...sampleDocs,
    ...multiCommandDocuments.map((doc) => doc.xml),
    ...forcedRefusals.map((refusal) => refusal.forced!),
  ]);
  sampleResults = results.slice(0, sampleDocs.length);
  multiResults = results.slice(sampleDocs.length, sampleDocs.length + multiCommandDocuments.length);
  forcedResults = results.slice(sampleDocs.length + multiCommandDocuments.length);
});

describe('R25 schema', () => {
  test('every sample request is schema-valid', { skip }, () => {
    const invalid = sampleCommands.flatMap((sample, i) => {
      const result = sampleResults[i];
      return result?.valid ? [] : [`${sample.label}:\n  ${(result?.errors ?? ['no result']).join('\n  ')}`];
    });
    assert.equal(sampleResults.length, sampleCommands.length);
    assert.deepEqual(invalid, [], `schema-invalid samples:\n${invalid.join('\n')}`);
  });

  test('multi-command documents are schema-valid', { skip }, () => {
    multiCommandDocuments.forEach((doc, i) => {
      assert.deepEqual(multiResults[i], { valid: true, errors: [] }, doc.label);
    });
  });

  test('xmllint refuses the hand-forced equivalent of each encoder refusal', { skip }, () => {
    const accepted = forcedRefusals.filter((_, i) => forcedResults[i]?.valid !== false).map((refusal) => refusal.label);
    assert.equal(forcedResults.length, forcedRefusals.length);
    assert.deepEqual(accepted, [], `the schema accepted what the encoder refuses: ${accepted.join(', ')}`);
  });
});

describe('the encoder refuses what the schema refuses', () => {
  for (const refusal of refusals) {
    test(refusal.label, () => {
      assert.throws(refusal.attempt, (error: unknown) => {
        assert.ok(error instanceof OcipEncodeError, `expected OcipEncodeError, got ${String(error)}`);
        assert.equal(error.code, OcipErrorCodes.ENCODE);
        assert.match(error.path, refusal.path);
        return true;
      });
    });
  }

  test('an empty document (no command) is refused too', () => {
    assert.throws(() => document([]), (error: unknown) => error instanceof OcipEncodeError && error.path === 'command');
  });

  test('a refused password never appears in the error message', () => {
    assert.throws(
      () => addProfile({ password: `secret-${'p'.repeat(60)}` }),
      (error: unknown) => error instanceof OcipEncodeError && !error.message.includes('secret-'),
    );
  });
});
