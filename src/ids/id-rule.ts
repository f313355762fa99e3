// Service user id rules (APIO AUTOMATIC_ID_RULES), rendered with Handlebars without HTML escaping.
// A rule is checked when it is compiled, so an unknown placeholder stops start-up, not a POST.
import { randomInt } from 'node:crypto';
import Handlebars from 'handlebars';

/** The placeholders APIO documents for id rules and template default values, besides RND_N. */
export const ID_RULE_PLACEHOLDERS = [
  'tenant_id',
  'group_id',
  'domain',
  'name',
  'phone_number_e164',
  'country_code',
  'national_no_0',
] as const;

export type IdRulePlaceholder = (typeof ID_RULE_PLACEHOLDERS)[number];
export type IdRuleContext = Partial<Record<IdRulePlaceholder, string>>;

const PHONE_PLACEHOLDERS: readonly string[] = ['phone_number_e164', 'country_code', 'national_no_0'];
const RANDOM = /^RND_([1-9][0-9]?)$/;

export class IdRuleError extends Error {
  override name = 'IdRuleError';
}

/** A placeholder the rule needs has no value (e.g. the rule uses the number and none was given). */
export class MissingPlaceholderError extends Error {
  override name = 'MissingPlaceholderError';
  constructor(readonly placeholder: string) {
    super(`the rule needs {{${placeholder}}}, which has no value`);
  }
}

export interface IdRule {
  readonly source: string;
  readonly placeholders: readonly string[];
  /** True when the id follows the phone number (SERVICE_USERS_UPDATE_ID_PHONE_NUMBER applies). */
  readonly usesPhoneNumber: boolean;
  /** True when the rule draws RND_N digits: only then can another attempt give another id. */
  readonly hasRandomDigits: boolean;
  render(context: IdRuleContext): string;
}

export function compileIdRule(source: string, label = 'rule'): IdRule {
  const placeholders = placeholdersOf(source, label);
  for (const placeholder of placeholders) {
    if (!(ID_RULE_PLACEHOLDERS as readonly string[]).includes(placeholder) && !RANDOM.test(placeholder)) {
      throw new IdRuleError(
        `${label}: unknown placeholder {{${placeholder}}} in "${source}"; known: ${ID_RULE_PLACEHOLDERS.join(', ')}, RND_N`,
      );
    }
  }
  const template = Handlebars.compile(source, { noEscape: true, strict: true });
  return {
    source,
    placeholders,
    usesPhoneNumber: placeholders.some((p) => PHONE_PLACEHOLDERS.includes(p)),
    hasRandomDigits: placeholders.some((p) => RANDOM.test(p)),
    render(context) {
      const values: Record<string, string> = {};
      for (const placeholder of placeholders) {
        const random = RANDOM.exec(placeholder);
        if (random) {
          values[placeholder] = randomDigits(Number(random[1]));
          continue;
        }
        const value = context[placeholder as IdRulePlaceholder];
        if (value === undefined || value === '') throw new MissingPlaceholderError(placeholder);
        values[placeholder] = value;
      }
      return template(values);
    },
  };
}

/** Renders every string inside a template's default values with the same placeholders. */
export function renderDeep(value: unknown, context: IdRuleContext, label: string): unknown {
  if (typeof value === 'string') return value.includes('{{') ? compileIdRule(value, label).render(context) : value;
  if (Array.isArray(value)) return value.map((item, index) => renderDeep(item, context, `${label}[${index}]`));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, renderDeep(item, context, `${label}.${key}`)]));
  }
  return value;
}

function placeholdersOf(source: string, label: string): string[] {
  let program: hbs.AST.Program;
  try {
    program = Handlebars.parse(source);
  } catch (error) {
    throw new IdRuleError(`${label}: "${source}" is not a valid rule: ${(error as Error).message.split('\n')[0]}`);
  }
  const found = new Set<string>();
  for (const statement of program.body) {
    if (statement.type === 'ContentStatement') continue;
    if (statement.type !== 'MustacheStatement') {
      throw new IdRuleError(`${label}: only plain {{placeholders}} are allowed in "${source}"`);
    }
    const mustache = statement as hbs.AST.MustacheStatement;
    const path = mustache.path as hbs.AST.PathExpression;
    if (path.type !== 'PathExpression' || mustache.params.length > 0 || path.parts.length !== 1) {
      throw new IdRuleError(`${label}: only plain {{placeholders}} are allowed in "${source}"`);
    }
    found.add(path.original);
  }
  return [...found];
}

function randomDigits(count: number): string {
  let digits = '';
  for (let i = 0; i < count; i++) digits += String(randomInt(10));
  return digits;
}
