// Pins the request wire byte for byte: test/fixtures/ocip/requests/<label>.xml is exactly what
// encodeDocument writes for each sample (no pretty-printing: the file is the wire).
// After an intended wire change: UPDATE_GOLDEN=1 node --import tsx --test test/unit/codec-golden-requests.test.ts
// then review the fixture diff.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sampleCommands } from '../support/sample-commands.js';
import { assertGolden, encodeSample, orphanRequestFixtures, requestFixturePath } from '../support/golden.js';

describe('golden request documents', () => {
  for (const sample of sampleCommands) {
    test(sample.label, () => assertGolden(requestFixturePath(sample.label), encodeSample(sample)));
  }

  test('no golden file is left without a sample', () => {
    assert.deepEqual(orphanRequestFixtures(sampleCommands.map((sample) => sample.label)), []);
  });
});

test('the wire form: ISO-8859-1 declaration, no indentation, ASCII only, one trailing newline', () => {
  for (const sample of sampleCommands) {
    const xml = encodeSample(sample);
    assert.ok(xml.startsWith('<?xml version="1.0" encoding="ISO-8859-1"?><BroadsoftDocument protocol="OCI" xmlns="C" '), sample.label);
    assert.ok(xml.endsWith('</BroadsoftDocument>\n') && !xml.endsWith('\n\n'), sample.label);
    assert.doesNotMatch(xml.slice(0, -1), /\n/, sample.label);
    assert.doesNotMatch(xml, /[^\x20-\x7e\n]/, `${sample.label}: non-ASCII byte on the wire`);
  }
});
