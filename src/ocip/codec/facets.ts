// Checks a simple value against its XSD facets. Shared by the encoder (the client never sends
// what the schema refuses) and the strict decoder (the simulator answers such requests with 6004).
import type { SimpleType } from './schema.js';

/** xs:token collapses runs of white space and trims before lengths are counted. */
export function collapseWhitespace(text: string): string {
  return text.replace(/[\t\n\r ]+/g, ' ').trim();
}

/** Returns what is wrong with `text` as a value of `type`, or undefined when it is valid. */
export function facetProblem(type: SimpleType, text: string): string | undefined {
  const value = type.base === 'token' ? collapseWhitespace(text) : text;
  const shown = type.secret ? 'the value' : `'${value}'`;
  if (type.enumeration && !type.enumeration.includes(value)) {
    return `${shown} is not one of ${type.enumeration.map((v) => `'${v}'`).join(', ')} (${type.name})`;
  }
  if (type.minLength !== undefined && [...value].length < type.minLength) {
    return `${shown} is shorter than ${type.minLength} (${type.name})`;
  }
  if (type.maxLength !== undefined && [...value].length > type.maxLength) {
    return `${shown} is longer than ${type.maxLength} (${type.name})`;
  }
  if (type.pattern && !type.pattern.test(value)) return `${shown} does not match ${type.name}`;
  if (type.base === 'int' || type.base === 'long') {
    const number = Number(value);
    if (type.minInclusive !== undefined && number < type.minInclusive) {
      return `${value} is below ${type.minInclusive} (${type.name})`;
    }
    if (type.maxInclusive !== undefined && number > type.maxInclusive) {
      return `${value} is above ${type.maxInclusive} (${type.name})`;
    }
  }
  return undefined;
}
