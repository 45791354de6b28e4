/** A user's names as they will be written, and which of them were made up from the display name or e-mail. */
export interface Names {
  firstName?: string;
  lastName?: string;
  derived: ('first_name' | 'last_name')[];
}

const capitalize = (word: string) => word.charAt(0).toLocaleUpperCase() + word.slice(1);

/** "Ana María Soto" → Ana / María Soto; "ana.soto" (an e-mail's local part) → Ana / Soto. */
function splitName(text: string, separator: RegExp, normalize: (word: string) => string): [string, string] | undefined {
  const words = text.split(separator).filter((word) => word !== '');
  if (words.length === 0) {
    return undefined;
  }
  const [first, ...rest] = words.map(normalize);
  // One word only: Oomnitza needs both names, so it is both.
  return [first, rest.length > 0 ? rest.join(' ') : first];
}

/**
 * Fills a missing first or last name (Zoom allows users without them, Oomnitza does not): from
 * the display name first, else from the e-mail's local part (split at ".", "_", "-" and "+").
 */
export function deriveNames(user: { first_name?: unknown; last_name?: unknown; display_name?: unknown; email?: unknown }): Names {
  const given = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);
  const firstName = given(user.first_name);
  const lastName = given(user.last_name);
  if (firstName !== undefined && lastName !== undefined) {
    return { firstName, lastName, derived: [] };
  }
  const displayName = given(user.display_name);
  const localPart = given(user.email)?.split('@')[0];
  const split =
    (displayName && splitName(displayName, /\s+/, (word) => word)) ||
    (localPart && splitName(localPart, /[._+-]+/, (word) => capitalize(word.toLocaleLowerCase()))) ||
    undefined;
  if (!split) {
    return { firstName, lastName, derived: [] };
  }
  return {
    firstName: firstName ?? split[0],
    lastName: lastName ?? split[1],
    derived: [...(firstName === undefined ? (['first_name'] as const) : []), ...(lastName === undefined ? (['last_name'] as const) : [])],
  };
}
