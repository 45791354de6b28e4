import { randomBytes } from 'node:crypto';

/** A source of floats in [0, 1). */
export type Random = () => number;

/** mulberry32: small, fast and good enough to make a reproducible population from a seed. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

export function randomInt(random: Random, min: number, maxInclusive: number): number {
  return min + Math.floor(random() * (maxInclusive - min + 1));
}

export function chance(random: Random, probability: number): boolean {
  return random() < probability;
}

/** Distinct items in random order, at most `count`. */
export function pickSome<T>(random: Random, items: readonly T[], count: number): T[] {
  const pool = [...items];
  const chosen: T[] = [];
  while (chosen.length < count && pool.length > 0) {
    chosen.push(pool.splice(Math.floor(random() * pool.length), 1)[0]);
  }
  return chosen;
}

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** An id shaped like Zoom's (22 URL-safe characters), drawn from `random`. */
export function zoomStyleId(random: Random, length = 22): string {
  let id = '';
  for (let index = 0; index < length; index += 1) {
    id += ID_ALPHABET[Math.floor(random() * ID_ALPHABET.length)];
  }
  return id;
}

/** An unpredictable id shaped like Zoom's, for objects created at run time. */
export function freshZoomStyleId(length = 22): string {
  return randomBytes(length).toString('base64url').slice(0, length);
}

export function secretString(bytes = 24): string {
  return randomBytes(bytes).toString('base64url');
}
