// The decisions of the service-instance kit (src/domain) and of the Instant Group Call service,
// without a socket: APIO JSON <-> OCI-P mapping, id rules and their retries, the rename decision,
// partial failures, membership, and what a dry run sends, records and answers.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { activeFlags, requireMembers } from '../../src/domain/active-status.js';
import { RecordingGateway } from '../../src/domain/dry-run/recording-gateway.js';
import { runDry } from '../../src/domain/dry-run/run-dry.js';
import { ApioError } from '../../src/domain/errors.js';
import { addWithGeneratedId, MAX_ID_ATTEMPTS, renderId, ruleContext } from '../../src/domain/generated-ids.js';
import type { IdReservations } from '../../src/domain/id-reservations.js';
import { partialFailure } from '../../src/domain/partial-failure.js';
import { compileIdRule } from '../../src/ids/index.js';
import { command } from '../../src/ocip/client.js';
import type { BatchItem, CommandResult, OcipGateway } from '../../src/ocip/client.js';
import {
  GroupGetRequest22V5,
  GroupInstantGroupCallAddInstanceRequest14,
  GroupInstantGroupCallGetInstanceListRequest,
  GroupInstantGroupCallGetInstanceRequest19sp1,
  UserModifyUserIdRequest,
} from '../../src/ocip/codec/index.js';
import { normalizePhoneNumber } from '../../src/phone/index.js';
import { modifiesAnything, toAddRequest, toInstanceAnswer, toModifyRequest } from '../../src/services/instant-group-call/mapping.js';
import { renamedId } from '../../src/services/instant-group-call/update-instance.js';

const GROUP = { defaultDomain: 'sip.example.com', cliCallingCode: '32' };
const context = ruleContext('Sp', 'Grp', GROUP, 'Sales', normalizePhoneNumber('+32 71 11 22 33'));

function reason(error: unknown): string {
  assert.ok(error instanceof ApioError, String(error));
  return error.reason;
}

describe('mapping', () => {
  test('an Add carries the profile under OCI-P names, a group department as GroupDepartmentKey', () => {
    const add = toAddRequest('Sp', 'Grp', 'igc@x', {
      serviceInstanceProfile: { name: 'N', cliFirstName: 'F', cliLastName: 'L', department: { tenantId: 'Sp', groupId: 'Grp', departmentName: 'D' } },
      answerTimeoutEnabled: true,
    });
    assert.equal(add.serviceInstanceProfile.callingLineIdFirstName, 'F');
    assert.deepEqual(add.serviceInstanceProfile.department, { $type: 'GroupDepartmentKey', serviceProviderId: 'Sp', groupId: 'Grp', name: 'D' });
    assert.deepEqual(add.destinationPhoneNumber, []);
    assert.equal(add.isAnswerTimeoutEnabled, true);
  });

  test('a department without groupId is the enterprise one', () => {
    const add = toAddRequest('Sp', 'Grp', 'igc@x', {
      serviceInstanceProfile: { name: 'N', cliFirstName: 'F', cliLastName: 'L', department: { tenantId: 'Sp', departmentName: 'E' } },
      answerTimeoutEnabled: false,
    });
    assert.deepEqual(add.serviceInstanceProfile.department, { $type: 'EnterpriseDepartmentKey', serviceProviderId: 'Sp', name: 'E' });
  });

  test('a Modify sends only what the body names: null clears, [] clears the destinations, absent stays', () => {
    const modify = toModifyRequest('igc@x', { serviceInstanceProfile: { phoneNumber: null, extension: '' }, destinationPhoneNumbers: [] });
    assert.equal(modify.serviceInstanceProfile?.phoneNumber, null);
    assert.equal(modify.serviceInstanceProfile?.extension, null);
    assert.equal(modify.serviceInstanceProfile?.name, undefined);
    assert.equal(modify.destinationPhoneNumberList, null);
    assert.equal(modifiesAnything(modify), true);
    assert.equal(modifiesAnything(toModifyRequest('igc@x', {})), false);
  });

  test('an instance answer renders absent strings as "" and numbers in E.164', () => {
    const answer = toInstanceAnswer(
      {
        serviceInstanceProfile: { name: 'N', callingLineIdLastName: 'L', callingLineIdFirstName: 'F', phoneNumber: '71112233', countryCode: '32', alias: [] },
        destinationPhoneNumber: ['+32-71123456', 'ext@sip.example.com'],
        isAnswerTimeoutEnabled: false,
      },
      (number) => number.replace('-', ''),
    );
    assert.equal(answer.serviceInstanceProfile.phoneNumber, '+3271112233');
    assert.equal(answer.serviceInstanceProfile.extension, '');
    assert.deepEqual(answer.destinationPhoneNumbers, ['+3271123456', 'ext@sip.example.com']);
  });
});

describe('id rules', () => {
  test('the context is derived once from the request: group, domain, name and number', () => {
    assert.equal(renderId(compileIdRule('{{group_id}}_{{national_no_0}}@{{domain}}'), context), 'Grp_71112233@sip.example.com');
  });

  test('a placeholder without a value is a 400 naming the field it comes from', () => {
    const noName = ruleContext('Sp', 'Grp', GROUP, undefined, undefined);
    assert.throws(() => renderId(compileIdRule('{{name}}@{{domain}}'), noName), (error: unknown) => {
      assert.equal(reason(error), 'VALIDATION');
      assert.deepEqual((error as ApioError).details.problems?.map((p) => p.path), ['serviceInstanceProfile.name']);
      return true;
    });
  });

  test('"has random digits" is the rule\'s own, from its placeholders', () => {
    assert.equal(compileIdRule('igc{{RND_4}}@x').hasRandomDigits, true);
    assert.equal(compileIdRule('{{group_id}}@{{domain}}').hasRandomDigits, false);
  });

  test('a fixed rule whose id is taken fails after one attempt', async () => {
    let attempts = 0;
    await assert.rejects(
      addWithGeneratedId(compileIdRule('fixed@{{domain}}'), context, undefined, async () => {
        attempts++;
        return { idTaken: new ApioError('ALREADY_EXISTS', 'taken') };
      }),
      (error: unknown) => reason(error) === 'ID_GENERATION_FAILED',
    );
    assert.equal(attempts, 1);
  });

  test(`a random rule draws again while its ids are taken, ${MAX_ID_ATTEMPTS} attempts at most`, async () => {
    const tried: string[] = [];
    await assert.rejects(
      addWithGeneratedId(compileIdRule('igc{{RND_6}}@{{domain}}'), context, undefined, async (id) => {
        tried.push(id);
        return { idTaken: new ApioError('ALREADY_EXISTS', 'taken') };
      }),
      (error: unknown) => reason(error) === 'ID_GENERATION_FAILED',
    );
    assert.equal(tried.length, MAX_ID_ATTEMPTS);
    // One id of ten free: drawn again until it comes (five attempts may all miss it: ~59% find it).
    const free = 'igc7@sip.example.com';
    let reached = 0;
    const outcome = await addWithGeneratedId<{ id: string }>(compileIdRule('igc{{RND_1}}@{{domain}}'), context, undefined, async (candidate) => {
      reached++;
      return candidate === free ? { id: candidate } : { idTaken: new ApioError('ALREADY_EXISTS', 'taken') };
    }).catch((error: unknown) => ({ id: reason(error) }));
    assert.ok(outcome.id === free ? reached <= MAX_ID_ATTEMPTS : outcome.id === 'ID_GENERATION_FAILED' && reached === MAX_ID_ATTEMPTS, `${outcome.id} after ${reached}`);
  });

  test('an id another request has reserved is skipped without an Add; a failed Add gives its reservation back', async () => {
    const held = new Set<string>();
    const released: string[] = [];
    const reservations: IdReservations = {
      reserve: async (id) => (held.has(id) ? false : (held.add(id), true)),
      release: async (id) => {
        released.push(id);
        held.delete(id);
      },
    };
    for (let digit = 0; digit < 9; digit++) held.add(`igc${digit}@sip.example.com`);
    const added: string[] = [];
    const outcome = await addWithGeneratedId<{ id: string }>(compileIdRule('igc{{RND_1}}@{{domain}}'), context, reservations, async (id) => {
      added.push(id);
      return { id };
    });
    assert.deepEqual(added, ['igc9@sip.example.com'], 'only the free id reached BroadWorks');
    assert.equal(outcome.id, 'igc9@sip.example.com');
    held.delete('igc9@sip.example.com');
    await assert.rejects(
      addWithGeneratedId(compileIdRule('igc{{RND_1}}@{{domain}}'), context, reservations, async () => {
        throw new Error('the Add failed');
      }),
    );
    assert.deepEqual(released, ['igc9@sip.example.com']);
  });
});

describe('the rename decision (SERVICE_USERS_UPDATE_ID_PHONE_NUMBER)', () => {
  const rule = compileIdRule('{{group_id}}_igc{{national_no_0}}@{{domain}}');
  const current = { serviceInstanceProfile: { name: 'Sales', phoneNumber: '+3271112231' } } as Parameters<typeof renamedId>[5];
  const rename = (settings: { updateIdWithPhoneNumber: boolean; idRule?: typeof rule }, number?: string) =>
    renamedId({ idRule: settings.idRule ?? rule, updateIdWithPhoneNumber: settings.updateIdWithPhoneNumber }, 'Sp', 'Grp', GROUP, 'old@x', current, undefined, number === undefined ? undefined : normalizePhoneNumber(number));

  test('a new number renames when the setting is on and the rule uses the number', () => {
    assert.equal(rename({ updateIdWithPhoneNumber: true }, '+3271112232'), 'Grp_igc71112232@sip.example.com');
  });
  test('it stays: setting off, no new number, the same number, or a rule without the number', () => {
    assert.equal(rename({ updateIdWithPhoneNumber: false }, '+3271112232'), 'old@x');
    assert.equal(rename({ updateIdWithPhoneNumber: true }), 'old@x');
    assert.equal(rename({ updateIdWithPhoneNumber: true }, '+32 71 11 22 31'), 'old@x');
    assert.equal(rename({ updateIdWithPhoneNumber: true, idRule: compileIdRule('{{name}}@{{domain}}') }, '+3271112232'), 'old@x');
  });
});

describe('partial failures and membership', () => {
  test('nothing applied: the step\'s own error; something applied: PARTIALLY_APPLIED naming both', () => {
    const refused = new ApioError('BROADWORKS_REJECTED', 'refused', { broadworks: ['[Error 4999] no'] });
    assert.equal(partialFailure(refused, [], ['modify'], 'updating'), refused);
    const partial = partialFailure(refused, ['modify'], ['active status'], 'updating');
    assert.equal(partial.reason, 'PARTIALLY_APPLIED');
    assert.deepEqual([partial.details.applied, partial.details.notApplied, partial.details.broadworks], [['modify'], ['active status'], ['[Error 4999] no']]);
  });

  test('the list\'s "Is Active" column is the membership and the active flag', () => {
    const members = activeFlags({ headings: ['Service User Id', 'Is Active'], rows: [{ 'Service User Id': 'a@x', 'Is Active': 'false' }] });
    assert.deepEqual([...members], [['a@x', false]]);
    assert.doesNotThrow(() => requireMembers(members, ['a@x'], 'instant group call'));
    assert.throws(() => requireMembers(members, ['a@x', 'b@x'], 'instant group call'), /not found in this group: b@x/);
  });
});

describe('the dry run', () => {
  /** A BroadWorks that knows one service user and answers every query; it records what reached it. */
  function backend(existing: string): OcipGateway & { received: string[] } {
    const received: string[] = [];
    return {
      received,
      async executeBatch(items: readonly BatchItem[]): Promise<CommandResult<unknown>[]> {
        received.push(...items.map((item) => item.spec.name));
        return items.map((item) =>
          item.spec === GroupInstantGroupCallGetInstanceRequest19sp1 && Reflect.get(item.value, 'serviceUserId') !== existing
            ? { ok: false, error: new ApioError('NOT_FOUND', 'no') as never }
            : { ok: true, type: item.spec.response?.name ?? '', value: {} },
        );
      },
    };
  }
  const exists = (serviceUserId: string) => command(GroupInstantGroupCallGetInstanceRequest19sp1, { serviceUserId });
  const add = (serviceUserId: string) =>
    command(GroupInstantGroupCallAddInstanceRequest14, {
      serviceProviderId: 'Sp',
      groupId: 'Grp',
      serviceUserId,
      serviceInstanceProfile: { name: 'N', callingLineIdLastName: 'L', callingLineIdFirstName: 'F' },
      isAnswerTimeoutEnabled: false,
    });

  test('queries (declared readOnly on their spec) are sent; changes are recorded and answered as done', async () => {
    const real = backend('taken@x');
    const dry = new RecordingGateway(real, exists);
    const [group] = await dry.executeBatch([command(GroupGetRequest22V5, { serviceProviderId: 'Sp', groupId: 'Grp' })]);
    assert.equal(group?.ok, true);
    const [added, readBack] = await dry.executeBatch([add('free@x'), command(GroupInstantGroupCallGetInstanceListRequest, { serviceProviderId: 'Sp', groupId: 'Grp' })]);
    assert.equal(added?.ok, true);
    assert.equal(readBack?.ok, false, 'a read-back of a change not made reads nothing');
    assert.deepEqual(real.received, ['GroupGetRequest22V5', 'GroupInstantGroupCallGetInstanceRequest19sp1'], 'the group, then the existence check: no change');
    assert.deepEqual(dry.recorded.map((document) => document.commands.map((item) => item.spec.name)), [['GroupInstantGroupCallAddInstanceRequest14', 'GroupInstantGroupCallGetInstanceListRequest']]);
  });

  test('a command that creates a service user (declared on its spec) is refused as BroadWorks would when the id exists', async () => {
    const dry = new RecordingGateway(backend('taken@x'), exists);
    const [added] = await dry.executeBatch([add('taken@x')]);
    assert.equal(added?.ok, false);
    assert.equal(!added?.ok && 'errorCode' in added!.error ? added.error.errorCode : undefined, 4200);
    const [renamed] = await dry.executeBatch([command(UserModifyUserIdRequest, { userId: 'a@x', newUserId: 'taken@x' })]);
    assert.equal(renamed?.ok, false);
    assert.match(dry.recorded[1]!.refused ?? '', /UserModifyUserIdRequest/);
  });

  test('runDry answers the documents and the id a create would take, from what the use case recorded', async () => {
    const answer = await runDry({ ocip: backend('taken@x') }, async (deps) => deps.ocip.executeBatch([add('taken@x')]).then(() => deps.ocip.executeBatch([add('new@x')])), exists);
    assert.equal(answer.serviceUserId, 'new@x');
    assert.deepEqual(answer.documents.map((document) => document.refused !== undefined), [true, false]);
    assert.match(answer.documents[1]!.xml, /<serviceUserId>new@x<\/serviceUserId>/);
  });
});
