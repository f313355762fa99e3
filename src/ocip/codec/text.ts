// Bytes <-> text for OCI-P documents. Requests declare ISO-8859-1 (as BroadWorks clients do) and
// carry every non-ASCII character as a numeric reference, so the bytes are plain ASCII and survive
// any server-side decoding. Answers are decoded by the encoding their XML declaration names.

// XML 1.0 forbids these control characters even as references.
const FORBIDDEN_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const NON_ASCII = /[^\u0000-\u007F]/gu;

export function hasForbiddenCharacter(text: string): boolean {
  return FORBIDDEN_CONTROL.test(text);
}

/** Replaces non-ASCII characters with numeric character references (markup itself is ASCII). */
export function asciiSafe(xml: string): string {
  return xml.replace(NON_ASCII, (char) => `&#${char.codePointAt(0)};`);
}

const DECLARED_ENCODING = /^\s*<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/;

/** Decodes one document's bytes by its declared encoding (ISO-8859-1 or UTF-8; UTF-8 when undeclared). */
export function decodeDocumentBytes(bytes: Buffer): string {
  const head = bytes.subarray(0, 100).toString('latin1');
  const declared = DECLARED_ENCODING.exec(head)?.[1]?.toLowerCase();
  const latin1 = declared === 'iso-8859-1' || declared === 'latin1' || declared === 'us-ascii';
  return bytes.toString(latin1 ? 'latin1' : 'utf8');
}
