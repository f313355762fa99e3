// Test support: validates OCI-P XML documents against a BroadWorks release's XSD with xmllint: R25 in
// ../shared/ocip-schema, R21, R22 and R24 in ../shared/ocip-schema-releases/<release>.
// The master schema takes ~0.6 s to compile, so a whole batch of documents goes through ONE xmllint process.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Walks up from this file, so the schema is found whatever the test runner's cwd is. */
function findProjectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('test/support/xsd.ts: no package.json above this file');
    dir = parent;
  }
  return dir;
}

export const OCIP_SCHEMA_DIR: string = resolve(findProjectRoot(), '..', 'shared', 'ocip-schema');
const RELEASES_DIR: string = resolve(findProjectRoot(), '..', 'shared', 'ocip-schema-releases');

/** The releases with a schema in ../shared. */
export type SchemaRelease = 'R21' | 'R22' | 'R24' | 'R25';
export const SCHEMA_RELEASES: readonly SchemaRelease[] = ['R21', 'R22', 'R24', 'R25'];

export function schemaDir(release: SchemaRelease = 'R25'): string {
  return release === 'R25' ? OCIP_SCHEMA_DIR : join(RELEASES_DIR, release);
}

function masterXsd(release: SchemaRelease): string {
  return join(schemaDir(release), 'OCISchemaAS.xsd');
}

export type SchemaAvailability = { ok: true } | { ok: false; reason: string };
export type ValidationResult = { valid: boolean; errors: string[] };

const availability = new Map<SchemaRelease, SchemaAvailability>();

/** The schema is third-party data kept outside the repo and xmllint is a system package: either may be missing. */
export function schemaAvailability(release: SchemaRelease = 'R25'): SchemaAvailability {
  const known = availability.get(release);
  if (known) return known;
  let found: SchemaAvailability;
  if (!existsSync(masterXsd(release))) {
    const where = release === 'R25' ? '../shared/ocip-schema' : `../shared/ocip-schema-releases/${release}`;
    found = { ok: false, reason: `${where} not found: ${release} schema validation skipped` };
  } else {
    try {
      execFileSync('xmllint', ['--version'], { stdio: 'ignore' });
      found = { ok: true };
    } catch {
      found = { ok: false, reason: 'xmllint not installed: apt-get install -y libxml2-utils' };
    }
  }
  availability.set(release, found);
  return found;
}

/**
 * libxml2 mishandles the xmlns="" un-declaration when resolving xsi:type ("The QName value '{}X' ... does not
 * resolve"), so the wire form is rewritten to the equivalent prefixed form (see ../shared/ocip-schema/README.txt).
 */
export function toLibxmlForm(wireXml: string): string {
  return wireXml
    .replace('<BroadsoftDocument', '<C:BroadsoftDocument xmlns:C="C"')
    .replace(' xmlns="C"', '')
    .replace('</BroadsoftDocument>', '</C:BroadsoftDocument>')
    .replaceAll(' xmlns=""', '');
}

/** Honour the XML declaration, so non-ASCII text is judged the way BroadWorks would read the bytes. */
function encodingOf(xml: string): BufferEncoding {
  const declared = /^<\?xml[^>]*encoding=["']([^"']+)["']/i.exec(xml)?.[1]?.toUpperCase();
  return declared === 'ISO-8859-1' || declared === 'LATIN1' ? 'latin1' : 'utf8';
}

function runXmllint(args: string[], cwd: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('xmllint', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, output }));
  });
}

/**
 * Validates each wire-form document; one result per input, in order.
 * xmllint (libxml 2.9.14) writes everything to stderr, per file: `doc-0.xml validates`, or one or more
 * `doc-0.xml:2: element x: Schemas validity error : ...` lines then `doc-0.xml fails to validate`.
 * A file that is not well-formed gets only `doc-0.xml:2: parser error : ...` (plus context and caret lines).
 */
export async function validateDocuments(docs: readonly string[], release: SchemaRelease = 'R25'): Promise<ValidationResult[]> {
  if (docs.length === 0) return [];
  const dir = await mkdtemp(join(tmpdir(), 'ocip-xsd-'));
  try {
    // Short relative names (xmllint runs in the temp dir) keep the command line small for big batches.
    const names = docs.map((_, i) => `doc-${i}.xml`);
    await Promise.all(
      docs.map((doc, i) => {
        const xml = toLibxmlForm(doc);
        return writeFile(join(dir, names[i]!), xml, encodingOf(xml));
      }),
    );
    const { code, output } = await runXmllint(['--noout', '--nowarning', '--schema', masterXsd(release), ...names], dir);
    // 0 = all valid, 1 = a parse error, 3 = validity errors; anything else (5 = schema failed to compile, a
    // signal) means no document was really checked, so fail loudly instead of reporting them all invalid.
    if (code !== 0 && code !== 1 && code !== 3) {
      throw new Error(`xmllint exited with ${code ?? 'a signal'}:\n${output}`);
    }
    const results: ValidationResult[] = docs.map(() => ({ valid: false, errors: [] }));
    const verdicts = new Set<number>();
    const byName = new Map(names.map((name, i) => [name, i]));
    for (const line of output.split('\n')) {
      const match = /^(doc-\d+\.xml)(:| )(.*)$/.exec(line);
      const i = match ? byName.get(match[1]!) : undefined;
      if (match === null || i === undefined) continue; // parser context/caret lines, blank lines
      const rest = match[3]!;
      const result = results[i]!;
      if (match[2] === ' ' && rest === 'validates') {
        result.valid = true;
        verdicts.add(i);
      } else if (match[2] === ' ' && rest === 'fails to validate') {
        verdicts.add(i);
      } else if (!rest.includes('namespace warning')) {
        // "URI C is not absolute" warnings are harmless: the schema's namespace really is just "C".
        result.errors.push(`doc[${i}]${match[2]}${rest}`);
      }
    }
    results.forEach((result, i) => {
      if (!verdicts.has(i) && result.errors.length === 0) {
        result.errors.push(`doc[${i}]: xmllint gave no verdict (unreadable file?)`);
      }
    });
    return results;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
