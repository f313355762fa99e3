// Bytes <-> text for OCI-P documents. Requests declare ISO-8859-1 (as BroadWorks clients do) and
// carry every non-ASCII character as a numeric reference, so the bytes are plain ASCII and survive
// any server-side decoding. Answers are read tolerantly: whatever encoding their XML declaration
// names (UTF-8 when none), through the WHATWG TextDecoder that Node's full ICU backs (the ISO-8859
// family, windows-125x, ...), with a UTF-8 byte order mark dropped.
import { TextDecoder } from 'node:util';
import { OcipProtocolError } from '../errors.js';

// XML 1.0 forbids these control characters even as references.
const FORBIDDEN_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

export function hasForbiddenCharacter(text: string): boolean {
  return FORBIDDEN_CONTROL.test(text);
}

const DECLARED_ENCODING = /^\s*<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/;

/** EF BB BF: the UTF-8 byte order mark some servers and proxies put before the declaration. */
export const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** The encoding label the XML declaration at the head of a document names, lower-cased; undefined when none. */
export function declaredEncoding(head: string): string | undefined {
  return DECLARED_ENCODING.exec(head)?.[1]?.trim().toLowerCase();
}

/** Buffer's own decoders where they are exact (faster than TextDecoder on the hot path). */
function nodeEncoding(label: string | undefined): BufferEncoding | undefined {
  switch (label) {
    case undefined:
    case 'utf-8':
    case 'utf8':
      return 'utf8';
    // WHATWG maps the label iso-8859-1 to windows-1252; the XML declaration means ISO-8859-1 itself.
    case 'iso-8859-1':
    case 'iso_8859-1':
    case 'latin1':
    case 'us-ascii':
    case 'ascii':
      return 'latin1';
    default:
      return undefined;
  }
}

const decoders = new Map<string, TextDecoder>();

function textDecoder(label: string): TextDecoder {
  let decoder = decoders.get(label);
  if (!decoder) {
    try {
      decoder = new TextDecoder(label);
    } catch {
      throw new OcipProtocolError(`the document declares an encoding this runtime cannot decode: '${label}'`);
    }
    decoders.set(label, decoder);
  }
  return decoder;
}

// windows-1252 bytes 0x80-0x9F (WHATWG Encoding Standard, index-windows-1252). Node 20.18.3+ decodes
// the label windows-1252 as Latin-1 (nodejs/node#60888, #56542), so these 32 are mapped here.
const WINDOWS_1252_C1 =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';
const C1_CONTROL = /[\u0080-\u009F]/;
const C1_CONTROLS = /[\u0080-\u009F]/g;

/** Bytes to text in the encoding `label` names (any label the WHATWG TextDecoder knows). */
export function decodeText(bytes: Uint8Array, label: string): string {
  const decoder = textDecoder(label);
  const text = decoder.decode(bytes);
  if (decoder.encoding !== 'windows-1252' || !C1_CONTROL.test(text)) return text;
  return text.replace(C1_CONTROLS, (char) => WINDOWS_1252_C1[char.charCodeAt(0) - 0x80]!);
}

/** Decodes one document's bytes by its declared encoding (UTF-8 when undeclared); a leading UTF-8 BOM is dropped. */
export function decodeDocumentBytes(bytes: Buffer): string {
  const body = hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes;
  const label = declaredEncoding(body.subarray(0, 100).toString('latin1'));
  const native = nodeEncoding(label);
  return native ? body.toString(native) : decodeText(body, label!);
}

function hasUtf8Bom(bytes: Buffer): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/** The mirror: a whole document's text to bytes in its declared encoding. The encoder writes ASCII, so
 * this matters only for hand-made documents, which may declare ISO-8859-1 or UTF-8. */
export function encodeDocumentText(text: string): Buffer {
  return Buffer.from(text, nodeEncoding(declaredEncoding(text.slice(0, 100))) === 'latin1' ? 'latin1' : 'utf8');
}
