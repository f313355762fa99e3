// The signed password of LoginRequest14sp4: md5(nonce + ":" + sha1(password)), both lowercase hex,
// strings hashed as UTF-8 (the formula public clients and BroadWorks agree on).
import { createHash } from 'node:crypto';

export function sha1Hex(text: string): string {
  return createHash('sha1').update(text, 'utf8').digest('hex');
}

export function signedPassword(nonce: string, password: string): string {
  return createHash('md5').update(`${nonce}:${sha1Hex(password)}`, 'utf8').digest('hex');
}
