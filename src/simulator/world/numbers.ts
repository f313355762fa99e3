// Phone numbers as the simulator holds them: one canonical E.164 form, `+<cc><nsn>` without dashes,
// so `+32-71123450`, `+3271123450`, `003271123450` and the national `071123450` are one DN.
// National digits take the country of the group's CLI number (APIO's GROUP_NUMBERS_USE_CC_CLI
// reading, OCIP.md §8.6), else the world's default country code.
import { simError } from '../errors.js';

/** ITU-T E.164 country codes of one and two digits; every other code has three. */
const ONE_DIGIT = new Set(['1', '7']);
const TWO_DIGITS = new Set(
  '20 27 30 31 32 33 34 36 39 40 41 43 44 45 46 47 48 49 51 52 53 54 55 56 57 58 60 61 62 63 64 65 66 81 82 84 86 90 91 92 93 94 95 98'.split(' '),
);

const MAX_E164_DIGITS = 15;

/** The canonical form, or a 4724 error. `countryCode` is used only for national digits. */
export function canonicalNumber(input: string, countryCode: string): string {
  const text = input.trim();
  let digits: string;
  if (/^\+\d+(-\d+)*$/.test(text)) digits = text.slice(1).replaceAll('-', '');
  else if (/^00\d+$/.test(text)) digits = text.slice(2);
  else if (/^0\d+$/.test(text)) digits = countryCode + text.slice(1);
  else if (/^\d+$/.test(text)) digits = countryCode + text;
  else throw simError('INVALID_PHONE_NUMBER', input);
  if (digits.length < 3 || digits.length > MAX_E164_DIGITS || digits.startsWith('0')) {
    throw simError('INVALID_PHONE_NUMBER', input);
  }
  return `+${digits}`;
}

/** The country code of a canonical number (`+3271123450` → `32`). */
export function countryCodeOf(canonical: string): string {
  const digits = canonical.replace(/^\+/, '');
  if (ONE_DIGIT.has(digits.slice(0, 1))) return digits.slice(0, 1);
  if (TWO_DIGITS.has(digits.slice(0, 2))) return digits.slice(0, 2);
  return digits.slice(0, 3);
}

/** The national significant number of a canonical number (`+3271123450` → `71123450`). */
export function nationalNumberOf(canonical: string): string {
  return canonical.slice(1 + countryCodeOf(canonical).length);
}

/** The trunk prefix dialled before national numbers: `1` in the NANP, `8` in zone 7, `0` elsewhere. */
export function nationalPrefixOf(countryCode: string): string {
  if (countryCode === '1') return '1';
  if (countryCode === '7') return '8';
  return '0';
}

/** Every number of an inclusive range (DNRange), bounded so a typo cannot allocate millions. */
export function expandRange(min: string, max: string, limit: number): string[] {
  const low = BigInt(min.slice(1));
  const high = BigInt(max.slice(1));
  if (min.length !== max.length || high < low) throw simError('INVALID_PHONE_NUMBER', `${min} - ${max}`, 'the range is empty');
  if (high - low >= BigInt(limit)) {
    throw simError('INVALID_PHONE_NUMBER', `${min} - ${max}`, `a range holds at most ${limit} numbers`);
  }
  const numbers: string[] = [];
  for (let n = low; n <= high; n++) numbers.push(`+${n.toString()}`);
  return numbers;
}
