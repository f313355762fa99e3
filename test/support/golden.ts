// Test support: golden OCI-P fixtures. Request files are the exact bytes the encoder puts on the wire;
// response files are hand-written in the form BroadWorks sends. Run a golden test with UPDATE_GOLDEN=1
// to rewrite the request files from the encoder (then review the diff: it IS the wire change).
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeDocumentBytes, encodeDocument } from '../../src/ocip/codec/index.js';
import { SAMPLE_SESSION_ID } from './sample-commands.js';
import type { SampleCommand } from './sample-commands.js';

const here = dirname(fileURLToPath(import.meta.url));
export const OCIP_FIXTURES_DIR = join(here, '..', 'fixtures', 'ocip');
export const REQUESTS_DIR = join(OCIP_FIXTURES_DIR, 'requests');
export const RESPONSES_DIR = join(OCIP_FIXTURES_DIR, 'responses');

export const updatingGolden = process.env.UPDATE_GOLDEN === '1';

/** The wire text of one sample, alone in a document with the fixed session id. */
export function encodeSample(sample: SampleCommand): string {
  const command = sample.echo === undefined ? { spec: sample.spec, value: sample.value } : { spec: sample.spec, value: sample.value, echo: sample.echo };
  return encodeDocument({ sessionId: SAMPLE_SESSION_ID, commands: [command] });
}

export function requestFixturePath(label: string): string {
  return join(REQUESTS_DIR, `${label}.xml`);
}

/** Compares byte for byte (latin1: the wire is ASCII); with UPDATE_GOLDEN=1 writes the file instead. */
export function assertGolden(path: string, actual: string): void {
  if (updatingGolden) {
    writeFileSync(path, actual, 'latin1');
    return;
  }
  assert.ok(existsSync(path), `missing golden file ${path}: run with UPDATE_GOLDEN=1 and review it`);
  assert.equal(actual, readFileSync(path, 'latin1'), `${path} differs from the encoder output (UPDATE_GOLDEN=1 rewrites it)`);
}

/** Request files with no sample left: deleted when updating, reported otherwise. */
export function orphanRequestFixtures(labels: readonly string[]): string[] {
  const known = new Set(labels.map((label) => `${label}.xml`));
  const orphans = readdirSync(REQUESTS_DIR).filter((name) => name.endsWith('.xml') && !known.has(name));
  if (updatingGolden) for (const name of orphans) rmSync(join(REQUESTS_DIR, name));
  return updatingGolden ? [] : orphans;
}

export function responseFixtureNames(): string[] {
  return readdirSync(RESPONSES_DIR).filter((name) => name.endsWith('.xml')).sort();
}

/** A response fixture as text, decoded by its own XML declaration, as the client decodes a framed document. */
export function readResponseFixture(name: string): string {
  return decodeDocumentBytes(readFileSync(join(RESPONSES_DIR, name)));
}

/**
 * The decoder gives every list element an array, even when none arrived; a sample leaves absent
 * lists out. Drops the `[]` the sample does not have, so the two compare equal.
 */
export function withoutAddedEmptyLists(decoded: unknown, original: unknown): unknown {
  if (Array.isArray(decoded)) {
    return decoded.map((item, index) => withoutAddedEmptyLists(item, Array.isArray(original) ? original[index] : undefined));
  }
  if (decoded === null || typeof decoded !== 'object') return decoded;
  const source = (original !== null && typeof original === 'object' ? original : {}) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(decoded)) {
    if (Array.isArray(value) && value.length === 0 && !(key in source)) continue;
    out[key] = withoutAddedEmptyLists(value, source[key]);
  }
  return out;
}
