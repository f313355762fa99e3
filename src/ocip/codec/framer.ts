// Splits an OCI-P byte stream into documents. OCI-P has no length prefix: a document ends at
// `</BroadsoftDocument>` (or a prefixed `</C:BroadsoftDocument>`). The remainder is kept as
// bytes, so a UTF-8 character split across two chunks is joined before it is decoded. What may
// precede a document (whitespace, a UTF-8 byte order mark, in any chunking) is dropped here, so a
// document's bytes start at '<'.
import { OcipProtocolError } from '../errors.js';

const END_TAG_TAIL = Buffer.from('BroadsoftDocument>', 'latin1');
const LT = 0x3c;
const SLASH = 0x2f;
const COLON = 0x3a;

export const DEFAULT_MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;

export class DocumentFramer {
  private buffer: Buffer = Buffer.alloc(0);
  /** Where the next search for an end tag starts: bytes before it were already searched. */
  private searchFrom = 0;

  constructor(private readonly maxDocumentBytes = DEFAULT_MAX_DOCUMENT_BYTES) {}

  /** Adds a chunk and returns every document it completes, in order, as bytes. */
  push(chunk: Buffer): Buffer[] {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const documents: Buffer[] = [];
    let start = 0;
    for (;;) {
      const end = this.findDocumentEnd(Math.max(start, this.searchFrom));
      if (end === -1) break;
      const document = this.buffer.subarray(start, end);
      const body = document.subarray(preambleLength(document));
      if (body.length > 0) documents.push(body);
      start = end;
      this.searchFrom = end;
    }
    this.buffer = this.buffer.subarray(start);
    this.checkDocumentStart();
    // An end tag can only start in the last bytes already searched.
    this.searchFrom = Math.max(0, this.buffer.length - END_TAG_TAIL.length);
    if (this.buffer.length > this.maxDocumentBytes) {
      throw new OcipProtocolError(`a document exceeded ${this.maxDocumentBytes} bytes without an end tag`);
    }
    return documents;
  }

  /**
   * A peer that sends something other than OCI-P (an HTML error page, a banner) would otherwise
   * be waited on until the request times out: the first tag tells at once.
   */
  private checkDocumentStart(): void {
    const head = this.buffer.subarray(preambleLength(this.buffer), 512).toString('latin1');
    const tagEnd = head.indexOf('>');
    if (tagEnd === -1) return;
    const firstTag = head.slice(0, tagEnd + 1);
    if (firstTag.startsWith('<?xml') || /^<([A-Za-z_][\w.-]*:)?BroadsoftDocument[\s>]/.test(firstTag)) return;
    throw new OcipProtocolError(`the peer sent something that is not an OCI-P document: ${JSON.stringify(head.slice(0, 60))}`);
  }

  /** Bytes received that do not yet form a whole document. */
  get pendingBytes(): number {
    return preambleLength(this.buffer) === this.buffer.length ? 0 : this.buffer.length;
  }

  reset(): void {
    this.buffer = Buffer.alloc(0);
    this.searchFrom = 0;
  }

  /** Index just after the next end tag at or after `from`, or -1. */
  private findDocumentEnd(from: number): number {
    let index = this.buffer.indexOf(END_TAG_TAIL, from);
    while (index !== -1) {
      if (isEndTag(this.buffer, index)) return index + END_TAG_TAIL.length;
      index = this.buffer.indexOf(END_TAG_TAIL, index + 1);
    }
    return -1;
  }
}

/** True when the name at `index` is preceded by `</` or `</prefix:`. */
function isEndTag(buffer: Buffer, index: number): boolean {
  let cursor = index - 1;
  if (buffer[cursor] === COLON) {
    cursor--;
    while (cursor >= 0 && isNameByte(buffer[cursor]!)) cursor--;
  }
  return cursor >= 1 && buffer[cursor] === SLASH && buffer[cursor - 1] === LT;
}

function isNameByte(byte: number): boolean {
  return (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a) || byte === 0x5f || byte === 0x2d || byte === 0x2e;
}

function isWhitespace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

const BOM = [0xef, 0xbb, 0xbf];

/**
 * How many leading bytes are whitespace or UTF-8 byte order marks. A BOM cut short by the end of
 * the buffer counts too: its rest is still to come, and it must not be read as a foreign first tag.
 */
function preambleLength(bytes: Buffer): number {
  let index = 0;
  while (index < bytes.length) {
    if (isWhitespace(bytes[index]!)) {
      index++;
      continue;
    }
    if (bytes[index] !== BOM[0]) break;
    let matched = 1;
    while (matched < 3 && index + matched < bytes.length && bytes[index + matched] === BOM[matched]) matched++;
    if (matched < 3 && index + matched < bytes.length) break;
    index += matched;
  }
  return index;
}
