// SERVICE_USERS_UPDATE_ID_PHONE_NUMBER: APIO moves "phone numbers based service user ids" with their
// number. An id is number-based when it is what the rule made from the old number — the rule read
// backwards over the id: the phone placeholders must show the old number, every other part (random
// digits, names, domain) may be anything and is kept as it is. Only the number's parts change, so
// igc_32_71112238_13@d becomes igc_32_71112239_13@d; an id the rule did not make (dnnat@d) stays.
import { PHONE_PLACEHOLDERS, RANDOM_PLACEHOLDER } from './id-rule.js';
import type { IdRule, IdRuleContext } from './id-rule.js';

/** The id with the new number's parts, or undefined when `currentId` is not the rule's for `before`. */
export function idFollowingNumber(rule: IdRule, currentId: string, before: IdRuleContext, after: IdRuleContext): string | undefined {
  if (!rule.usesPhoneNumber) return undefined;
  let pattern = '';
  for (const segment of rule.segments) {
    if ('text' in segment) pattern += escape(segment.text);
    else if (PHONE_PLACEHOLDERS.includes(segment.placeholder)) {
      const value = before[segment.placeholder as keyof IdRuleContext];
      if (!value) return undefined;
      pattern += escape(value);
    } else {
      const random = RANDOM_PLACEHOLDER.exec(segment.placeholder);
      pattern += random ? `([0-9]{${random[1]}})` : '(.+?)';
    }
  }
  const match = new RegExp(`^${pattern}$`).exec(currentId);
  if (!match) return undefined;
  let kept = 1;
  let id = '';
  for (const segment of rule.segments) {
    if ('text' in segment) id += segment.text;
    else if (PHONE_PLACEHOLDERS.includes(segment.placeholder)) {
      const value = after[segment.placeholder as keyof IdRuleContext];
      if (!value) return undefined;
      id += value;
    } else id += match[kept++];
  }
  return id;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
