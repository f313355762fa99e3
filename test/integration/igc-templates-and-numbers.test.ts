// templateName (APIO templates: default values fill only what the request lacks, deeply) and phone
// numbers (E.164 with separators, national in the group CLI country, SIP URIs), through the real
// path, with what the simulator stores afterwards.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { apioError, GROUP, igcUrl, instanceUrl, minimalBody, startAdapter } from '../support/adapter-harness.js';
import type { AdapterHarness } from '../support/adapter-harness.js';

let h: AdapterHarness;
before(async () => {
  h = await startAdapter();
});
after(() => h.close());

describe('templateName', () => {
  test('basic fills the CLI names from the name and the group, and the answer timeout', async () => {
    const id = 'tpl-fill@sip.netaxis.be';
    const response = await h.request.post(igcUrl()).send({ serviceUserId: id, serviceInstanceProfile: { name: 'Sales Team' }, templateName: 'basic' });
    assert.equal(response.status, 200, response.text);
    assert.equal(response.body.serviceInstanceProfile.cliFirstName, 'Sales Team');
    assert.equal(response.body.serviceInstanceProfile.cliLastName, GROUP);
    assert.equal(response.body.answerTimeoutEnabled, true);
    assert.equal(response.body.answerTimeoutMinutes, 5);
    const stored = h.simulator.world.instantGroupCall(id)!;
    assert.equal(stored.callingLineIdFirstName, 'Sales Team');
    assert.equal(stored.callingLineIdLastName, GROUP);
    assert.equal(stored.isAnswerTimeoutEnabled, true);
    assert.equal(stored.answerTimeoutMinutes, 5);
  });

  test('the request wins over the template, inside serviceInstanceProfile too', async () => {
    const id = 'tpl-wins@sip.netaxis.be';
    const response = await h.request.post(igcUrl()).send({
      serviceUserId: id,
      serviceInstanceProfile: { name: 'Support', cliFirstName: 'Mine' },
      answerTimeoutEnabled: false,
      answerTimeoutMinutes: 12,
      templateName: 'basic',
    });
    assert.equal(response.status, 200, response.text);
    const stored = h.simulator.world.instantGroupCall(id)!;
    assert.equal(stored.callingLineIdFirstName, 'Mine');
    assert.equal(stored.callingLineIdLastName, GROUP, 'filled from the template beside the request field');
    assert.equal(stored.isAnswerTimeoutEnabled, false);
    assert.equal(stored.answerTimeoutMinutes, 12);
  });

  test('an unknown templateName is a 400 naming it; nothing is created', async () => {
    const id = 'tpl-unknown@sip.netaxis.be';
    const error = apioError(await h.request.post(igcUrl()).send({ ...minimalBody(id), templateName: 'no_such_template' }), 400, 'UNKNOWN_TEMPLATE');
    assert.match(error.message, /no_such_template/);
    assert.match(error.details.errors['0']!.summary, /^templateName: .*no_such_template/);
    assert.equal(h.simulator.world.instantGroupCall(id), undefined);
  });

  test('basic needs the name it copies: a 400 names serviceInstanceProfile.name', async () => {
    const error = apioError(
      await h.request.post(igcUrl()).send({ serviceUserId: 'tpl-noname@sip.netaxis.be', serviceInstanceProfile: {}, templateName: 'basic' }),
      400,
      'VALIDATION',
    );
    assert.match(error.details.errors['0']!.summary, /^serviceInstanceProfile\.name: /);
  });
});

describe('phone numbers', () => {
  test('E.164 with spaces or dashes and national numbers (group CLI country BE) are stored canonically', async () => {
    const id = 'numbers-1@sip.netaxis.be';
    const response = await h.request.post(igcUrl()).send({
      ...minimalBody(id, { phoneNumber: '+32 71 12 34 56' }),
      destinationPhoneNumbers: ['+32-71123457', '071123458', '+32 71 12 34 59'],
    });
    assert.equal(response.status, 200, response.text);
    assert.equal(response.body.serviceInstanceProfile.phoneNumber, '+3271123456');
    assert.deepEqual(response.body.destinationPhoneNumbers, ['+3271123457', '+3271123458', '+3271123459']);
    const stored = h.simulator.world.instantGroupCall(id)!;
    assert.equal(stored.phoneNumber, '+3271123456');
    assert.deepEqual(stored.destinations, ['+3271123457', '+3271123458', '+3271123459']);

    const national = 'numbers-2@sip.netaxis.be';
    await h.request.post(igcUrl()).send(minimalBody(national, { phoneNumber: '071112234' })).expect(200);
    assert.equal(h.simulator.world.instantGroupCall(national)!.phoneNumber, '+3271112234');
    const updated = await h.request.put(instanceUrl(national)).send({
      serviceInstanceProfile: { phoneNumber: '+32-71112235' },
      destinationPhoneNumbers: ['0032 71 12 34 50'],
    });
    assert.equal(updated.status, 200, updated.text);
    assert.equal(h.simulator.world.instantGroupCall(national)!.phoneNumber, '+3271112235');
    assert.deepEqual(h.simulator.world.instantGroupCall(national)!.destinations, ['+3271123450']);
  });

  test('invalid numbers: one 400 naming every field path and value; nothing is created', async () => {
    const id = 'numbers-bad@sip.netaxis.be';
    const error = apioError(
      await h.request.post(igcUrl()).send({
        ...minimalBody(id, { phoneNumber: '+32 12' }),
        destinationPhoneNumbers: ['+3271123456', '12ab34'],
      }),
      400,
      'VALIDATION',
    );
    const summaries = Object.values(error.details.errors).map((entry) => entry.summary);
    assert.ok(summaries.some((s) => s.startsWith('serviceInstanceProfile.phoneNumber:') && s.includes("'+32 12'")), summaries.join(' | '));
    assert.ok(summaries.some((s) => s.startsWith('destinationPhoneNumbers[1]:') && s.includes("'12ab34'")), summaries.join(' | '));
    assert.equal(h.simulator.world.instantGroupCall(id), undefined);
  });

  test('an invalid number on PUT is a 400 naming it; the instance is unchanged', async () => {
    const id = 'numbers-put@sip.netaxis.be';
    await h.request.post(igcUrl()).send({ ...minimalBody(id), destinationPhoneNumbers: ['+3271123451'] }).expect(200);
    const error = apioError(await h.request.put(instanceUrl(id)).send({ destinationPhoneNumbers: ['+99 1'] }), 400, 'VALIDATION');
    assert.match(error.details.errors['0']!.summary, /^destinationPhoneNumbers\[0\]: .*'\+99 1'/);
    assert.deepEqual(h.simulator.world.instantGroupCall(id)!.destinations, ['+3271123451']);
  });

  test('a SIP URI destination passes unchanged; a bad one is a 400', async () => {
    const id = 'numbers-sip@sip.netaxis.be';
    const uri = 'bridge.room-1@conf.example.com';
    const response = await h.request.post(igcUrl()).send({ ...minimalBody(id), destinationPhoneNumbers: [uri, '+3271123452'] });
    assert.equal(response.status, 200, response.text);
    assert.deepEqual(response.body.destinationPhoneNumbers, [uri, '+3271123452']);
    assert.deepEqual(h.simulator.world.instantGroupCall(id)!.destinations, [uri, '+3271123452']);

    const error = apioError(await h.request.put(instanceUrl(id)).send({ destinationPhoneNumbers: ['sip:room 1@conf'] }), 400, 'VALIDATION');
    assert.match(error.details.errors['0']!.summary, /^destinationPhoneNumbers\[0\]: .*sip:room 1@conf/);
    assert.deepEqual(h.simulator.world.instantGroupCall(id)!.destinations, [uri, '+3271123452']);
  });
});
