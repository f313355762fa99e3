// Writes XML text: escaping for character data and attribute values. Markup is ASCII and every
// non-ASCII character becomes a numeric reference, so a document declared ISO-8859-1 is exact.

// A raw CR would reach the reader as LF (XML end-of-line handling), so it travels as a reference.
const NEEDS_ESCAPE = /[&<>"'\r\u0080-\uffff]/;

export function escapeXml(value: string): string {
  if (!NEEDS_ESCAPE.test(value)) return value;
  let out = '';
  for (const char of value) {
    switch (char) {
      case '&':
        out += '&amp;';
        break;
      case '<':
        out += '&lt;';
        break;
      case '>':
        out += '&gt;';
        break;
      case '"':
        out += '&quot;';
        break;
      case "'":
        out += '&apos;';
        break;
      case '\r':
        out += '&#13;';
        break;
      default: {
        const code = char.codePointAt(0)!;
        out += code > 0x7f ? `&#${code};` : char;
      }
    }
  }
  return out;
}

export function startTag(name: string, attributes?: Record<string, string>, selfClosing = false): string {
  let tag = `<${name}`;
  if (attributes) for (const key in attributes) tag += ` ${key}="${escapeAttribute(attributes[key]!)}"`;
  return tag + (selfClosing ? '/>' : '>');
}

/** A parser turns a raw tab or newline in an attribute into a space, so an echo would not come back as sent. */
function escapeAttribute(value: string): string {
  return escapeXml(value).replace(/[\t\n]/g, (char) => `&#${char.charCodeAt(0)};`);
}

export function textElement(name: string, value: string): string {
  return value === '' ? `<${name}/>` : `<${name}>${escapeXml(value)}</${name}>`;
}
