// SERVICE_USERS_UPDATE_ID_PHONE_NUMBER read backwards: an id follows a new number only when the rule
// made it from the old one, and keeps every part that is not the number (random digits, domain).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileIdRule, idFollowingNumber } from '../../src/ids/index.js';

const before = { phone_number_e164: '+3271112238', country_code: '32', national_no_0: '71112238' };
const after = { phone_number_e164: '+3271112239', country_code: '32', national_no_0: '71112239' };

test('the number parts change; the random digits and the domain are kept', () => {
  const rule = compileIdRule('igc_{{country_code}}_{{national_no_0}}_{{RND_2}}@{{domain}}');
  assert.equal(idFollowingNumber(rule, 'igc_32_71112238_13@sip.netaxis.be', before, after), 'igc_32_71112239_13@sip.netaxis.be');
  assert.equal(idFollowingNumber(rule, 'igc_32_71112238_13@other.example.com', before, after), 'igc_32_71112239_13@other.example.com');
});

test('an id the rule did not make from the old number stays: hand-picked, another number, wrong digit count', () => {
  const rule = compileIdRule('igc_{{country_code}}_{{national_no_0}}_{{RND_2}}@{{domain}}');
  for (const id of ['dnnat@sip.netaxis.be', 'igc_32_71112200_13@sip.netaxis.be', 'igc_32_71112238_123@sip.netaxis.be', 'xigc_32_71112238_13@d']) {
    assert.equal(idFollowingNumber(rule, id, before, after), undefined, id);
  }
});

test('other placeholders are kept as the id has them; a rule without the number never follows', () => {
  const rule = compileIdRule('{{group_id}}_hg{{phone_number_e164}}@{{domain}}');
  assert.equal(idFollowingNumber(rule, 'G1_hg+3271112238@d.example', before, after), 'G1_hg+3271112239@d.example');
  assert.equal(idFollowingNumber(compileIdRule('{{group_id}}_igc{{RND_4}}@{{domain}}'), 'G1_igc1234@d', before, after), undefined);
});

test('no old number, or regex characters in the rule text, are handled', () => {
  const rule = compileIdRule('igc.{{national_no_0}}+x@{{domain}}');
  assert.equal(idFollowingNumber(rule, 'igc.71112238+x@d', before, after), 'igc.71112239+x@d');
  assert.equal(idFollowingNumber(rule, 'igcX71112238+x@d', before, after), undefined);
  assert.equal(idFollowingNumber(rule, 'igc.71112238+x@d', {}, after), undefined);
});
