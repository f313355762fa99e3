// The sample list is the gate to the wire: every request spec the client can emit must have a
// sample, so the schema test, the golden files and the round trip cover it too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { commandCatalogue, requestSpecs } from '../../src/ocip/codec/index.js';
import { sampleCommands } from '../support/sample-commands.js';

test('every request spec has at least one sample', () => {
  const sampled = new Set(sampleCommands.map((sample) => sample.spec.name));
  const missing = requestSpecs.map((spec) => spec.name).filter((name) => !sampled.has(name));
  assert.deepEqual(missing, [], `add a sample to test/support/sample-commands.ts for: ${missing.join(', ')}`);
});

test('every sample is a request spec of the catalogue (not a stray copy)', () => {
  for (const sample of sampleCommands) {
    assert.equal(sample.spec.role, 'request', sample.label);
    assert.equal(commandCatalogue.get(sample.spec.name), sample.spec, sample.label);
  }
});

test('sample labels are unique file names that start with their command type', () => {
  const labels = sampleCommands.map((sample) => sample.label);
  assert.equal(new Set(labels).size, labels.length, 'duplicate label');
  for (const sample of sampleCommands) {
    assert.match(sample.label, /^[A-Za-z0-9][A-Za-z0-9-]*$/, sample.label);
    assert.ok(sample.label === sample.spec.name || sample.label.startsWith(`${sample.spec.name}-`), sample.label);
  }
});
