const LETTERS_WITHOUT_DECOMPOSITION: Record<string, string> = {
  ß: 'ss',
  ø: 'o',
  æ: 'ae',
  ł: 'l',
  đ: 'd',
  ı: 'i',
  þ: 'th',
  ð: 'd',
  œ: 'oe',
};

/** Latin letters and digits only, the way directories turn names into mailbox names. */
export function mailboxPart(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[ßøæłđıþðœ]/g, (letter) => LETTERS_WITHOUT_DECOMPOSITION[letter])
    .replace(/[^a-z0-9]/g, '');
}

/** first.last@domain, numbered when the mailbox is taken; `taken` holds lower-cased addresses. */
export function uniqueEmail(first: string, last: string, domain: string, taken: ReadonlySet<string>): string {
  const base = [mailboxPart(first), mailboxPart(last)].filter((part) => part.length > 0).join('.') || 'user';
  let candidate = `${base}@${domain}`;
  for (let suffix = 2; taken.has(candidate); suffix += 1) {
    candidate = `${base}${suffix}@${domain}`;
  }
  return candidate;
}

const EMAIL_PATTERN = /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/i;

export function isEmailAddress(value: string): boolean {
  return value.length <= 128 && EMAIL_PATTERN.test(value);
}
