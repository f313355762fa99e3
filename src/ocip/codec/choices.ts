// xs:choice groups, checked alike by the encoder and the strict decoder. A field names its group
// with `choice`; each member is one alternative, except where an alternative is itself a
// sequence: GroupGetRequest22V5 is (serviceProviderId, groupId) | groupExternalId, so a lone
// serviceProviderId is as schema-invalid as all three together.
import type { Fields } from './schema.js';

const SEQUENCE_ALTERNATIVES: Readonly<Record<string, readonly (readonly string[])[]>> = {
  group: [['serviceProviderId', 'groupId'], ['groupExternalId']],
};

/** What is wrong with the choice groups of `value`, or undefined when exactly one alternative is there, whole. */
export function choiceProblem(fields: Fields, value: Record<string, unknown>): string | undefined {
  const groups = new Map<string, string[]>();
  for (const [name, field] of Object.entries(fields)) {
    if (field.choice) groups.set(field.choice, [...(groups.get(field.choice) ?? []), name]);
  }
  for (const [group, members] of groups) {
    const alternatives = SEQUENCE_ALTERNATIVES[group] ?? members.map((member) => [member]);
    const present = members.filter((member) => value[member] !== undefined);
    const matches = alternatives.some((alt) => alt.length === present.length && alt.every((m) => present.includes(m)));
    if (!matches) return `exactly one of ${alternatives.map((alt) => alt.join(' + ')).join(' | ')} is required`;
  }
  return undefined;
}
