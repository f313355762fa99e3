// Text BroadWorks can store. OCI-P travels as XML 1.0, which cannot carry U+0000–U+001F other than
// tab, LF and CR (not even as character references), U+FFFE, U+FFFF or a lone surrogate; the OCI-P
// text types are xs:token, which turn tab, LF and CR into spaces, so those are refused too rather
// than changed behind the client's back. The encoder refuses the same characters: checking them in
// the request schemas makes them a 400 naming the field instead of an encoding failure.
import type { z } from 'zod';

const UNSTORABLE = /[\u0000-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const UNSTORABLE_MESSAGE = 'must not contain control characters (U+0000–U+001F), U+FFFE, U+FFFF or unpaired surrogates';

export function hasUnstorableCharacter(text: string): boolean {
  return UNSTORABLE.test(text);
}

/** The schema, refusing text BroadWorks cannot store. */
export function storable<S extends z.ZodString>(schema: S): S {
  return schema.refine((text) => !hasUnstorableCharacter(text), UNSTORABLE_MESSAGE) as S;
}
