// Writes XML text: escaping for character data and attribute values. Markup is ASCII and every
// non-ASCII character becomes a numeric reference, so a document declared ISO-8859-1 is exact.

const NEEDS_ESCAPE = /[&<>"'\u0080-\uffff]/;

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
  if (attributes) for (const key in attributes) tag += ` ${key}="${escapeXml(attributes[key]!)}"`;
  return tag + (selfClosing ? '/>' : '>');
}

export function textElement(name: string, value: string): string {
  return value === '' ? `<${name}/>` : `<${name}>${escapeXml(value)}</${name}>`;
}
