/** A user's names as they will be written, and which of them were made up from the display name or e-mail. */
export interface Names {
  firstName?: string;
  lastName?: string;
  derived: ('first_name' | 'last_name')[];
}

const capitalize = (word: string) => word.charAt(0).toLocaleUpperCase() + word.slice(1);

const wordsOf = (text: string | undefined, separator: RegExp) => (text ?? '').split(separator).filter((word) => word !== '');

/**
 * Fills a missing first or last name (Zoom allows users without them, Oomnitza does not): from a
 * display name of two words or more ("Ana María Soto" → Ana / María Soto), else from an e-mail
 * local part of two parts or more ("ana.soto" → Ana / Soto), else from the one word there is,
 * which is then both names.
 */
export function deriveNames(user: { first_name?: unknown; last_name?: unknown; display_name?: unknown; email?: unknown }): Names {
  const given = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);
  const firstName = given(user.first_name);
  const lastName = given(user.last_name);
  if (firstName !== undefined && lastName !== undefined) {
    return { firstName, lastName, derived: [] };
  }
  const displayWords = wordsOf(given(user.display_name), /\s+/);
  const localWords = wordsOf(given(user.email)?.split('@')[0], /[._+-]+/).map((word) => capitalize(word.toLocaleLowerCase()));
  const words = [displayWords, localWords].find((candidate) => candidate.length >= 2) ?? [...displayWords, ...localWords].slice(0, 1);
  if (words.length === 0) {
    return { firstName, lastName, derived: [] };
  }
  const [first, ...rest] = words;
  return {
    firstName: firstName ?? first,
    lastName: lastName ?? (rest.length > 0 ? rest.join(' ') : first),
    derived: [...(firstName === undefined ? (['first_name'] as const) : []), ...(lastName === undefined ? (['last_name'] as const) : [])],
  };
}
