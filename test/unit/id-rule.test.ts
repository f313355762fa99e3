// Service user id rules: placeholders, RND_N, no HTML escaping, and refusals at compile time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileIdRule, IdRuleError, MissingPlaceholderError, renderDeep } from '../../src/ids/index.js';

test('the default APIO rule renders with four random digits', () => {
  const rule = compileIdRule('{{group_id}}_igc{{RND_4}}@{{domain}}');
  const ids = new Set<string>();
  for (let i = 0; i < 50; i++) {
    const id = rule.render({ group_id: 'ApioGrpTest', domain: 'sip.netaxis.be' });
    assert.match(id, /^ApioGrpTest_igc\d{4}@sip\.netaxis\.be$/);
    ids.add(id);
  }
  assert.ok(ids.size > 1, 'RND_4 changes between renders');
  assert.equal(rule.usesPhoneNumber, false);
});

test('every documented placeholder, any RND_N, and no HTML escaping', () => {
  const rule = compileIdRule('{{tenant_id}}.{{group_id}}.{{name}}.{{phone_number_e164}}.{{country_code}}.{{national_no_0}}.{{RND_12}}');
  const id = rule.render({
    tenant_id: 'Sp&Co',
    group_id: 'G<1>',
    name: "O'Neil",
    phone_number_e164: '+3271123456',
    country_code: '32',
    national_no_0: '71123456',
  });
  assert.match(id, /^Sp&Co\.G<1>\.O'Neil\.\+3271123456\.32\.71123456\.\d{12}$/);
  assert.equal(rule.usesPhoneNumber, true);
});

test('an unknown placeholder or helper is refused when the rule is compiled', () => {
  assert.throws(() => compileIdRule('{{group}}_igc@{{domain}}', 'SUID_INSTANT_GROUP_CALL_RULE'), (error: unknown) => {
    assert.ok(error instanceof IdRuleError);
    assert.match(error.message, /SUID_INSTANT_GROUP_CALL_RULE: unknown placeholder \{\{group\}\}/);
    return true;
  });
  assert.throws(() => compileIdRule('{{#if name}}x{{/if}}'), IdRuleError);
  assert.throws(() => compileIdRule('{{lookup a b}}'), IdRuleError);
  assert.throws(() => compileIdRule('{{RND_0}}'), IdRuleError);
  assert.throws(() => compileIdRule('{{unclosed'), IdRuleError);
});

test('a placeholder without a value is reported by name', () => {
  const rule = compileIdRule('{{group_id}}_{{national_no_0}}@{{domain}}');
  assert.throws(() => rule.render({ group_id: 'g', domain: 'd' }), (error: unknown) => {
    assert.ok(error instanceof MissingPlaceholderError);
    assert.equal(error.placeholder, 'national_no_0');
    return true;
  });
});

test('template default values render deeply', () => {
  const rendered = renderDeep(
    { serviceInstanceProfile: { cliFirstName: '{{name}}', cliLastName: 'IGC' }, destinationPhoneNumbers: ['{{phone_number_e164}}'] },
    { name: 'Sales', phone_number_e164: '+3271123456' },
    'basic',
  );
  assert.deepEqual(rendered, {
    serviceInstanceProfile: { cliFirstName: 'Sales', cliLastName: 'IGC' },
    destinationPhoneNumbers: ['+3271123456'],
  });
});
