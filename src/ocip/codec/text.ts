// Bytes <-> text for OCI-P documents. Requests declare ISO-8859-1 (as BroadWorks clients do) and
// carry every non-ASCII character as a numeric reference, so the bytes are plain ASCII and survive
// any server-side decoding. Answers are decoded by the encoding their XML declaration names.

// XML 1.0 forbids these control characters even as references.
const FORBIDDEN_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

export function hasForbiddenCharacter(text: string): boolean {
  return FORBIDDEN_CONTROL.test(text);
}

const DECLARED_ENCODING = /^\s*<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/;

/** True when the XML declaration at the head of a document names a single-byte Latin encoding. */
function declaresLatin1(head: string): boolean {
  const declared = DECLARED_ENCODING.exec(head)?.[1]?.toLowerCase();
  return declared === 'iso-8859-1' || declared === 'latin1' || declared === 'us-ascii';
}

/** Decodes one document's bytes by its declared encoding (ISO-8859-1 or UTF-8; UTF-8 when undeclared). */
export function decodeDocumentBytes(bytes: Buffer): string {
  return bytes.toString(declaresLatin1(bytes.subarray(0, 100).toString('latin1')) ? 'latin1' : 'utf8');
}

/** The mirror: a whole document's text to bytes in its declared encoding (the encoder writes ASCII,
 * so this matters only for hand-made documents). */
export function encodeDocumentText(text: string): Buffer {
  return Buffer.from(text, declaresLatin1(text.slice(0, 100)) ? 'latin1' : 'utf8');
}
