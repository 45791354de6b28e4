import { randomBytes } from 'node:crypto';

const MAX_PREFIX_LENGTH = 30;

/**
 * A short name nobody else uses, valid as a PostgreSQL identifier, a Kafka topic segment and a
 * consumer group: lower-case letters, digits and underscores, starting with a letter.
 * uniqueName('Mapper tests') -> 'mapper_tests_k3x9q2a7bm'
 */
export function uniqueName(prefix: string): string {
  const cleaned = prefix
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, MAX_PREFIX_LENGTH);
  const start = /^[a-z]/.test(cleaned) ? cleaned : `t_${cleaned}`;
  const suffix = BigInt(`0x${randomBytes(8).toString('hex')}`)
    .toString(36)
    .slice(0, 10);
  return `${start.replace(/_+$/, '')}_${suffix}`;
}
