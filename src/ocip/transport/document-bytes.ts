// Text -> bytes for a whole document, by the encoding its XML declaration names (the mirror of the
// codec's decodeDocumentBytes). The encoder writes ASCII, so this only matters for hand-made documents.
const DECLARED_ENCODING = /^\s*<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/;

export function encodeDocumentText(text: string): Buffer {
  const declared = DECLARED_ENCODING.exec(text.slice(0, 100))?.[1]?.toLowerCase();
  const latin1 = declared === 'iso-8859-1' || declared === 'latin1' || declared === 'us-ascii';
  return Buffer.from(text, latin1 ? 'latin1' : 'utf8');
}
