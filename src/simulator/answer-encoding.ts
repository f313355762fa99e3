// The bytes of an answer in the encoding the simulator is set to speak. The codec writes ASCII
// with every other character as a numeric reference (valid in any encoding); real servers send raw
// bytes in their declared encoding instead, so here each reference the encoding can carry becomes
// its raw byte(s) and the declaration names the encoding.
import { decodeText } from '../ocip/codec/text.js';

export const ANSWER_ENCODINGS = ['ISO-8859-1', 'ISO-8859-2', 'windows-1252', 'UTF-8'] as const;
export type AnswerEncoding = (typeof ANSWER_ENCODINGS)[number];

const DECLARATION = /^<\?xml version="1\.0" encoding="ISO-8859-1"\?>/;
const CHARACTER_REFERENCE = /&#(x[0-9a-fA-F]+|\d+);/g;

/** Character → byte for a single-byte encoding, read off the codec's decoder (Node's, full ICU). */
function singleByteTable(label: string): ReadonlyMap<string, number> {
  const table = new Map<string, number>();
  for (let byte = 0x80; byte <= 0xff; byte++) {
    const char = decodeText(Uint8Array.of(byte), label);
    if (char !== '\uFFFD' && !table.has(char)) table.set(char, byte);
  }
  return table;
}

const tables = new Map<AnswerEncoding, ReadonlyMap<string, number>>();

function tableOf(encoding: AnswerEncoding): ReadonlyMap<string, number> {
  let table = tables.get(encoding);
  if (!table) {
    // The WHATWG label iso-8859-1 means windows-1252; Latin-1 proper maps U+0080..U+00FF to itself.
    table =
      encoding === 'ISO-8859-1'
        ? new Map(Array.from({ length: 0x80 }, (_, i) => [String.fromCharCode(0x80 + i), 0x80 + i] as const))
        : singleByteTable(encoding);
    tables.set(encoding, table);
  }
  return table;
}

/** The answer text (as the codec wrote it) as bytes in `encoding`. */
export function answerBytes(text: string, encoding: AnswerEncoding): Buffer {
  if (encoding === 'ISO-8859-1' && !text.includes('&#')) return Buffer.from(text, 'latin1');
  const declared = text.replace(DECLARATION, `<?xml version="1.0" encoding="${encoding}"?>`);
  if (encoding === 'UTF-8') {
    return Buffer.from(declared.replace(CHARACTER_REFERENCE, (reference, body: string) => rawOrReference(reference, body, () => true)), 'utf8');
  }
  const table = tableOf(encoding);
  const raw = declared.replace(CHARACTER_REFERENCE, (reference, body: string) => rawOrReference(reference, body, (char) => table.has(char)));
  const bytes = Buffer.alloc(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    bytes[i] = code < 0x80 ? code : table.get(raw[i]!)!;
  }
  return bytes;
}

/** A reference to a character the encoding carries becomes the character; markup characters stay references. */
function rawOrReference(reference: string, body: string, carries: (char: string) => boolean): string {
  const code = body.startsWith('x') ? parseInt(body.slice(1), 16) : Number(body);
  if (code < 0x80) return reference;
  const char = String.fromCodePoint(code);
  return carries(char) ? char : reference;
}
