// Masks secrets in document text before it reaches a trace or log: the text of every element whose
// name ends in "password" or "passcode" (password, plainTextPassword, signedPassword, newPassword,
// oldPassword, passcode, ...). passwordExpiresDays and passwordAlgorithm are not secrets and stay.
const SECRET_ELEMENT =
  /<((?:[\w.-]+:)?[\w.-]*(?:[Pp]assword|[Pp]asscode))(\s[^>]*)?(?<!\/)>(?:[^<]|<!\[CDATA\[[\s\S]*?\]\]>)*<\/\1>/g;

export const MASK = '*****';

export function maskPasswords(xml: string): string {
  return xml.replace(SECRET_ELEMENT, (_match, name: string, attributes: string | undefined) => `<${name}${attributes ?? ''}>${MASK}</${name}>`);
}
